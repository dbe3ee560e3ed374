package lang

import (
	"os"
	"path/filepath"
	"testing"
)

// TestExamples checks that the seed programs and the script tests parse.
func TestExamples(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../examples/*.agen", "../testdata/*.agen", "../testdata/*/*.agen"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no programs")
	}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(name, src); err != nil && !expectsSyntaxError(name) {
			t.Errorf("%v", err)
		}
	}
}

// expectsSyntaxError reports whether a script test expects CPython to
// reject the program at compile time (its .err file names a SyntaxError,
// IndentationError or TabError).
func expectsSyntaxError(name string) bool {
	b, err := os.ReadFile(name[:len(name)-len(".agen")] + ".err")
	if err != nil {
		return false
	}
	for _, kind := range []string{"SyntaxError", "IndentationError", "TabError"} {
		if len(b) >= len(kind) && string(b[:len(kind)]) == kind {
			return true
		}
	}
	return false
}
