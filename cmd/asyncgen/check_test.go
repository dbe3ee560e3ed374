package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheck runs `asyncgen check` on testdata/check/*.agen and compares its
// stderr with CPython's (NAME.stderr, written by testdata/check/gen.sh). A
// caret line is compared by where its caret starts: CPython underlines a
// range for some errors, asyncgen prints a single caret.
func TestCheck(t *testing.T) {
	files, err := filepath.Glob("testdata/check/*.agen")
	if err != nil || len(files) == 0 {
		t.Fatal("no programs", err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := Main([]string{"check", path}, strings.NewReader(""), &stdout, &stderr)
			if stdout.Len() != 0 {
				t.Errorf("stdout: %q", stdout.String())
			}
			want, err := os.ReadFile(strings.TrimSuffix(path, ".agen") + ".stderr")
			if os.IsNotExist(err) {
				if status != 0 || stderr.Len() != 0 {
					t.Errorf("status %d, stderr %q; want 0 and nothing", status, stderr.String())
				}
				return
			}
			if status != 1 {
				t.Errorf("status %d, want 1", status)
			}
			got, wantLines := strings.Split(stderr.String(), "\n"), strings.Split(string(want), "\n")
			if len(got) != len(wantLines) {
				t.Fatalf("got\n%s\nwant\n%s", stderr.String(), want)
			}
			for i := range got {
				if strings.Contains(wantLines[i], "^") && strings.Index(got[i], "^") == strings.Index(wantLines[i], "^") {
					continue
				}
				if got[i] != wantLines[i] {
					t.Errorf("line %d: got %q, want %q", i+1, got[i], wantLines[i])
				}
			}
		})
	}
}

// TestCheckSeveralFiles checks that every file is reported and that one
// bad file makes the status 1.
func TestCheckSeveralFiles(t *testing.T) {
	var stdout, stderr bytes.Buffer
	args := []string{"check", "testdata/check/ok.agen", "testdata/check/assign.agen", "testdata/check/tab_indented.agen"}
	if status := Main(args, strings.NewReader(""), &stdout, &stderr); status != 1 {
		t.Errorf("status %d, want 1", status)
	}
	if n := strings.Count(stderr.String(), "SyntaxError: invalid syntax\n"); n != 2 {
		t.Errorf("%d errors reported, want 2:\n%s", n, stderr.String())
	}
}

// TestUsage checks the exit statuses and usage errors of check, parse and
// version.
func TestUsage(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		status int
		out    string // in stdout, or stderr when status != 0
	}{
		{[]string{"check"}, 2, "usage: asyncgen check FILE..."},
		{[]string{"check", "testdata/check/no-such-file.agen"}, 1, "no such file"},
		{[]string{"parse", "testdata/check/ok.agen"}, 2, "usage: asyncgen parse --ast FILE"},
		{[]string{"parse", "--ast", "testdata/check/ok.agen"}, 0, "File \"testdata/check/ok.agen\"\n  Body[0]: ExprStmt @1:1\n"},
		{[]string{"parse", "--ast", "testdata/check/assign.agen"}, 1, "SyntaxError: invalid syntax"},
		{[]string{"version"}, 0, "asyncgen " + Version},
		{[]string{"version", "x"}, 2, "usage: asyncgen version"},
	} {
		var stdout, stderr bytes.Buffer
		status := Main(tc.args, strings.NewReader(""), &stdout, &stderr)
		out := stdout.String()
		if status != 0 {
			out = stderr.String()
		}
		if status != tc.status || !strings.Contains(out, tc.out) {
			t.Errorf("%q: status %d, output %q; want %d and %q", tc.args, status, out, tc.status, tc.out)
		}
		if status == 2 && strings.Count(stderr.String(), "\n") != 1 {
			t.Errorf("%q: usage error is not one line: %q", tc.args, stderr.String())
		}
	}
}
