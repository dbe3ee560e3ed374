package vm_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// FuzzExec runs arbitrary programs that parse, with a step limit: the
// VM may report errors but must never panic or report an internal error.
func FuzzExec(f *testing.F) {
	for _, dir := range []string{"../../testdata", "testdata"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.agen"))
		for _, path := range files {
			if src, err := os.ReadFile(path); err == nil && !strings.Contains(string(src), "asyncio") {
				f.Add(src)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := lang.Parse("fuzz.agen", src)
		if err != nil {
			return
		}
		prog, err := vm.Compile(file)
		if err != nil {
			if _, ok := err.(*lang.Error); !ok {
				t.Fatalf("compile error of type %T: %v", err, err)
			}
			return
		}
		th := vm.NewThread(vm.Options{Stdout: io.Discard, Stderr: io.Discard, MaxSteps: 100000})
		v, err := th.ExecModule(prog, nil)
		if c, ok := v.(value.Coroutine); ok && err == nil {
			for i := 0; i < 1000; i++ {
				if _, done, err := c.Send(th, value.None); done || err != nil {
					break
				}
			}
		}
		if e, ok := err.(*value.Exception); ok && e.Class == value.SystemError {
			t.Fatalf("internal error: %v", e)
		}
	})
}
