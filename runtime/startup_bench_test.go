package runtime_test

import (
	"context"
	"io"
	"testing"

	"github.com/asyncgen/asyncgen/runtime"
)

// BenchmarkHello is the part of a command's start-up after package
// initialization: a new interpreter runs print("hello") and closes.
func BenchmarkHello(b *testing.B) {
	ctx := context.Background()
	src := []byte("print(\"hello\")\n")
	b.ReportAllocs()
	for range b.N {
		in := runtime.New(runtime.Options{Stdout: io.Discard})
		if _, err := in.Exec(ctx, "hello.agen", src); err != nil {
			b.Fatal(err)
		}
		in.Close()
	}
}
