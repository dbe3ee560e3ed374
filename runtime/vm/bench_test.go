package vm_test

import (
	"io"
	"os"
	"testing"

	"github.com/asyncgen/asyncgen/runtime/vm"
)

// The workloads of bench/fib.agen and bench/loop.agen.
const (
	fibSrc = `
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(30))
`
	loopSrc = `
total = 0
for i in range(3000000):
    total = (total + i * 7 + (i >> 3)) % 1000003
print(total)
`
	objSrc = `
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)
def main():
    v = Vec(0, 0)
    d = Vec(1, 2)
    for i in range(300000):
        v = v.add(d)
    print(v.x, v.y)
main()
`
	builtinSrc = `
def main():
    lst = []
    for i in range(300000):
        lst.append(i)
    d = {}
    for i in range(300000):
        d[i % 100] = d.get(i % 100, 0) + 1
    print(len(lst), len(d))
main()
`
	genSrc = `
def gen(n):
    for i in range(n):
        yield i
total = 0
for x in gen(1000000):
    total += x
print(total)
`
)

func benchScript(b *testing.B, src string) {
	prog := compileSource(b, "bench.agen", src)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		th := vm.NewThread(vm.Options{Stdout: io.Discard})
		if _, err := th.ExecModule(prog, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFib30(b *testing.B)        { benchScript(b, fibSrc) }
func BenchmarkLoop3M(b *testing.B)       { benchScript(b, loopSrc) }
func BenchmarkGenerator1M(b *testing.B)  { benchScript(b, genSrc) }
func BenchmarkObjects(b *testing.B)      { benchScript(b, objSrc) }
func BenchmarkBuiltinCalls(b *testing.B) { benchScript(b, builtinSrc) }

// BenchmarkRecords and BenchmarkText run the plain-code workloads of
// bench/: building records of dicts, lists and strs, and text work.
func BenchmarkRecords(b *testing.B) { benchFile(b, "../../bench/records.agen") }
func BenchmarkText(b *testing.B)    { benchFile(b, "../../bench/text.agen") }

func benchFile(b *testing.B, path string) {
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	benchScript(b, string(src))
}
