package vm_test

import (
	"io"
	"strconv"
	"testing"

	"github.com/asyncgen/asyncgen/runtime/vm"
)

// The workloads of bench/agen_stream.agen and bench/pipeline.agen, without
// the event loop (which lives above the VM): nothing in them waits on a
// future, so the first send to main runs it to the end. genStreamSrc and
// genRelaySrc are agen_stream's twins over a plain generator, iterated by
// a for loop directly and through a yield from.
const (
	agenStreamSrc = `
async def numbers(n):
    for i in range(n):
        yield i

async def main():
    total = 0
    async for x in numbers(N):
        total += x
    print(total)

try:
    main().send(None)
except StopIteration:
    pass
`
	agenPipelineSrc = `
async def source(n):
    for i in range(n):
        yield i

async def triple(items):
    async for x in items:
        yield x * 3

async def evens(items):
    async for x in items:
        if x % 2 == 0:
            yield x

async def main():
    count = total = 0
    async for x in evens(triple(source(N))):
        count += 1
        total += x
    print(count, total)

try:
    main().send(None)
except StopIteration:
    pass
`
	genStreamSrc = `
def numbers(n):
    for i in range(n):
        yield i

def main():
    total = 0
    for x in numbers(N):
        total += x
    print(total)

main()
`
	genRelaySrc = `
def numbers(n):
    for i in range(n):
        yield i

def relay(n):
    yield from numbers(n)

def main():
    total = 0
    for x in relay(N):
        total += x
    print(total)

main()
`
)

// benchItems runs src once with N = b.N items, so that ns/op and
// allocs/op are per item.
func benchItems(b *testing.B, src string) {
	prog := compileSource(b, "bench.agen", "N = "+strconv.Itoa(b.N)+"\n"+src)
	th := vm.NewThread(vm.Options{Stdout: io.Discard})
	b.ReportAllocs()
	b.ResetTimer()
	if _, err := th.ExecModule(prog, nil); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkAgenStream(b *testing.B)   { benchItems(b, agenStreamSrc) }
func BenchmarkAgenPipeline(b *testing.B) { benchItems(b, agenPipelineSrc) }
func BenchmarkGenStream(b *testing.B)    { benchItems(b, genStreamSrc) }
func BenchmarkGenRelay(b *testing.B)     { benchItems(b, genRelaySrc) }
