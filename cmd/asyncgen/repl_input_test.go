package main

import (
	"testing"

	"github.com/asyncgen/asyncgen/lang"
)

func TestNeedsMore(t *testing.T) {
	const (
		ok = iota
		more
		syntaxError
	)
	for _, tc := range []struct {
		src   string
		ended bool // the last line typed is empty
		want  int
	}{
		{"1 + 1\n", false, ok},
		{"x = (1,\n", false, more},
		{"x = (1,\n\n", true, more}, // a bracket stays open across empty lines
		{"x = (1,\n2)\n", false, ok},
		{"s = '''abc\n", false, more},
		{"x = 1 + \\\n", false, more},
		{"async def f():\n", false, more},
		{"async def f():\n    yield 1\n", false, more},
		{"async def f():\n    yield 1\n\n", true, ok},
		{"async def f():\n\n", true, syntaxError}, // expected an indented block
		{"if x:\nprint(1)\n", false, syntaxError},
		{"if 1: print(1)\n", false, more},
		{"try:\n    pass\n", false, more},
		{"try:\n    pass\n\n", true, syntaxError},
		{"@dec\n", false, more},
		{"x = 1 +\n", false, syntaxError},
		{"print(1))\n", false, syntaxError},
		{"s = 'abc\n", false, syntaxError},
		{"await sleep(0)\n", false, ok},
		{"async for x in g():\n    x\n\n", true, ok},
	} {
		got := ok
		_, err := lang.Parse(replFile, []byte(tc.src))
		switch {
		case needsMore(tc.src, tc.ended):
			got = more
		case err != nil:
			got = syntaxError
		}
		if got != tc.want {
			t.Errorf("%q (ended %v): got %d (error %v), want %d", tc.src, tc.ended, got, err, tc.want)
		}
	}
}
