package runtime_test

import (
	"context"
	"io"
	"testing"

	"github.com/asyncgen/asyncgen/runtime"
)

// scaleWorkloads are CPU-bound scripts for BenchmarkScale, each a module
// defining work(), which one benchmark operation calls.
var scaleWorkloads = []struct{ name, src string }{
	{"fib", `
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def work():
    return fib(18)
`},
	{"agen", `
async def numbers(n):
    for i in range(n):
        yield i

async def work():
    total = 0
    async for x in numbers(5000):
        total += x
    return total
`},
	{"alloc", `
def work():
    rows = []
    for i in range(1000):
        rows.append({"id": i, "name": "row" + str(i), "tags": [i, i * 2]})
    return len(rows)
`},
}

// BenchmarkScale measures how interpreters scale across cores: each
// goroutine of b.RunParallel has an interpreter of its own and calls the
// workload's work() on it. Run it with -cpu 1,2: the throughput with two
// goroutines on two cores over that with one on one is the scaling
// ratio, 2 when interpreters share nothing. bench/scale.sh prints it.
//
// The process's CPU time per operation (cpu-ns/op) tells contention from
// a busy machine: it stays the same from -cpu 1 to -cpu 2 when the
// interpreters do not slow each other down, whatever else runs.
func BenchmarkScale(b *testing.B) {
	for _, w := range scaleWorkloads {
		b.Run(w.name, func(b *testing.B) {
			b.ReportAllocs()
			defer reportCPU(b)()
			b.RunParallel(func(pb *testing.PB) {
				in := runtime.New(runtime.Options{Stdout: io.Discard})
				defer in.Close()
				ctx := context.Background()
				m, err := in.Exec(ctx, w.name+".agen", []byte(w.src))
				if err != nil {
					b.Error(err)
					return
				}
				work := m.Get("work")
				for pb.Next() {
					if _, err := in.Call(ctx, work); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}
