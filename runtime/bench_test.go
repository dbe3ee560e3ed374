package runtime_test

import (
	"context"
	"testing"

	"github.com/asyncgen/asyncgen/runtime"
)

// BenchmarkCall is one Go -> script -> Go round trip: converting the
// arguments, calling a script function, converting its result.
func BenchmarkCall(b *testing.B) {
	in := runtime.New(runtime.Options{})
	defer in.Close()
	ctx := context.Background()
	m, err := in.Exec(ctx, "bench.agen", []byte("def add(a, b):\n    return a + b\n"))
	if err != nil {
		b.Fatal(err)
	}
	add := m.Get("add")
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if _, err := in.Call(ctx, add, i, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIterAsync is one item pulled from a script async generator by
// a Go range loop (the range's goroutine drives the loop: two coroutine
// switches an item).
func BenchmarkIterAsync(b *testing.B) { benchIter(b, "async def", false) }

// BenchmarkIterAsyncStarted is BenchmarkIterAsync after Start: the loop
// runs on a goroutine of its own, and each item is two goroutine
// hand-offs.
func BenchmarkIterAsyncStarted(b *testing.B) { benchIter(b, "async def", true) }

// BenchmarkIterSync is one item pulled from a script generator.
func BenchmarkIterSync(b *testing.B) { benchIter(b, "def", false) }

// benchIter ranges from Go over count(b.N), a generator defined with def,
// after Start if start.
func benchIter(b *testing.B, def string, start bool) {
	in := runtime.New(runtime.Options{})
	defer in.Close()
	if start {
		if err := in.Start(); err != nil {
			b.Fatal(err)
		}
	}
	ctx := context.Background()
	m, err := in.Exec(ctx, "bench.agen", []byte(def+` count(n):
    for i in range(n):
        yield i
`))
	if err != nil {
		b.Fatal(err)
	}
	gen, err := in.Call(ctx, m.Get("count"), b.N)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for _, err := range in.Iter(ctx, gen.(runtime.Value)) {
		if err != nil {
			b.Fatal(err)
		}
		n++
	}
	if n != b.N {
		b.Fatalf("%d items, want %d", n, b.N)
	}
}
