package aio

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/asyncgen/asyncgen/runtime/compile"
)

var update = flag.Bool("update", false, "rewrite the frozen library modules")

// TestFrozenLib checks that each library module's frozen form is the
// compilation of its source, and that it thaws to the same code.
func TestFrozenLib(t *testing.T) {
	for _, l := range []lib{asyncioLib, contextlibLib} {
		want, err := l.freeze()
		if err != nil {
			t.Fatalf("%s: %v", l.filename, err)
		}
		if *update {
			if err := os.WriteFile(l.path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if !bytes.Equal(l.frozen, want) {
			t.Errorf("%s is not the compilation of its source: run go test ./runtime/aio -run TestFrozenLib -update", l.path)
			continue
		}
		prog, err := compile.Thaw(l.frozen, l.source)
		if err != nil {
			t.Fatalf("%s: %v", l.path, err)
		}
		if again := compile.Freeze(prog); !bytes.Equal(again, want) {
			t.Errorf("%s: thawing and freezing again changes it", l.path)
		}
	}
}
