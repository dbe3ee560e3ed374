package main

import (
	"bytes"
	"io"
	"reflect"
	"testing"
)

// runInput runs src as one REPL input of s.
func runInput(t *testing.T, s *session, src string) string {
	t.Helper()
	if needsMore(src, true) {
		t.Fatalf("%q is not a whole input", src)
	}
	rep, _, _ := s.run(src)
	return rep
}

// startSession starts a session for a test.
func startSession(t *testing.T, stdout io.Writer) *session {
	s, err := newSession(runFlags{virtualTime: true}, stdout, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.quit() })
	return s
}

func TestCompletions(t *testing.T) {
	s := startSession(t, io.Discard)
	runInput(t, s, "import asyncio\nclass Point:\n    def __init__(self):\n        self.x = 1\n    def norm(self):\n        pass\np = Point()\nprinter = 2\n")
	for _, tc := range []struct {
		prefix string
		want   []string
	}{
		{"asyncio.sl", []string{"sleep"}},
		{"p.", []string{"norm", "x"}},
		{"p.__in", []string{"__init__"}},
		{"pri", []string{"print", "printer"}},
		{"Point.n", []string{"norm"}},
		{"wh", []string{"while"}},
		{"nosuch.x", nil},
	} {
		if got := s.complete(tc.prefix); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("complete(%q) = %q, want %q", tc.prefix, got, tc.want)
		}
	}
}

// TestEcho checks the expression statements that echo, and _, against
// what CPython's REPL prints for the same inputs.
func TestEcho(t *testing.T) {
	var out bytes.Buffer
	s := startSession(t, &out)
	for _, tc := range []struct{ src, want string }{
		{"1 + 1\n", "2\n"},
		{"_ * 10\n", "20\n"},
		{"None\n", ""},
		{"'a'; 'b'\n", "'a'\n'b'\n"},
		{"for i in range(2):\n    i\n\n", "0\n1\n"},
		{"def f():\n    5\n\n", ""},
		{"f()\n", ""},
		{"_\n", "1\n"},
		{"import asyncio\n", ""},
		{"await asyncio.sleep(0.01, [1, 'x'])\n", "[1, 'x']\n"},
	} {
		out.Reset()
		if rep := runInput(t, s, tc.src); rep != "" {
			t.Errorf("%q: %s", tc.src, rep)
		}
		if out.String() != tc.want {
			t.Errorf("%q printed %q, want %q", tc.src, out.String(), tc.want)
		}
	}
}
