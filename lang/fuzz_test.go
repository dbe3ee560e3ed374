package lang

import (
	"os"
	"path/filepath"
	"testing"
)

// maxFuzzInput bounds fuzz inputs so that each run stays fast.
const maxFuzzInput = 4 << 10

// FuzzParse checks that Parse never panics and that any error it returns is
// a positioned *Error.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("../examples/*.agen")
	more, _ := filepath.Glob("testdata/ast/*.agen")
	for _, name := range append(seeds, more...) {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > maxFuzzInput {
			return
		}
		file, err := Parse("fuzz.agen", src)
		if err == nil {
			if file == nil {
				t.Fatal("nil file without error")
			}
			return
		}
		e, ok := err.(*Error)
		if !ok {
			t.Fatalf("error of type %T: %v", err, err)
		}
		if e.Line < 1 || e.Col < 1 || e.Kind == "" || e.Msg == "" && e.Kind != "MemoryError" {
			t.Fatalf("badly formed error %#v", e)
		}
		if len(e.Msg) > 22 && e.Msg[:22] == "internal parser error:" {
			t.Fatalf("internal error: %v", e)
		}
	})
}
