package runtime_test

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/runtime"
)

// maxRunInput bounds FuzzRun's inputs so that each run stays fast.
const maxRunInput = 4 << 10

// FuzzRun runs arbitrary bytes through the public API as a host would run
// an untrusted script: a step limit, a memory limit (not enforced yet), the
// virtual clock and a context deadline. Any outcome is fine but a panic, a
// hang, an internal error (SystemError), an error of an unexpected type or
// a goroutine left behind. When the module runs, the (async) generators it
// leaves in its globals are iterated from Go too, through Iter.
//
// The seed corpus (testdata/fuzz/FuzzRun) holds programs of the script
// tests and hostile snippets; rerun it with `go test -run FuzzRun`.
func FuzzRun(f *testing.F) {
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > maxRunInput {
			return
		}
		opts := runtime.Options{Stdout: io.Discard, Stderr: io.Discard, VirtualTime: true,
			MaxSteps: 20_000, MaxMemory: 64 << 20}
		before := goroutines()
		out := bounded(t, opts, src, time.Second, 10*time.Second, iterGlobals)
		if msg := out.unexpected(string(src)); msg != "" {
			t.Fatal(msg)
		}
		if n, ok := settle(before); !ok {
			t.Fatalf("%d goroutines after Close, %d before", n, before)
		}
	})
}

// iterGlobals iterates, from Go, the generators and async generators a
// module left in its globals, a few items each.
func iterGlobals(ctx context.Context, in *runtime.Interpreter, m *runtime.Module) error {
	for _, name := range m.Names() {
		v := m.Get(name)
		if v == nil || !strings.HasSuffix(v.Type().Name, "generator") {
			continue
		}
		n := 0
		for _, err := range in.Iter(ctx, v) {
			if n++; err != nil || n == 10 {
				break
			}
		}
	}
	return nil
}
