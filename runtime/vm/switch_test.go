package vm_test

import (
	"io"
	"testing"

	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// tick is an awaitable that suspends once, like asyncio.sleep(0): the
// first Send yields None to the driver, the second returns.
type tick struct{ yielded bool }

func (t *tick) Type() *value.Class                             { return value.ObjectType }
func (t *tick) Await(th value.Thread) (value.Coroutine, error) { t.yielded = false; return t, nil }
func (t *tick) Close(th value.Thread) error                    { return nil }
func (t *tick) Throw(th value.Thread, e *value.Exception) (value.Value, bool, error) {
	return nil, false, e
}
func (t *tick) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	if t.yielded {
		return value.None, true, nil
	}
	t.yielded = true
	return value.None, false, nil
}

// switchCoroutine returns the started coroutine of
//
//	async def inner(): await tick
//	async def outer(n): for _ in range(n): await inner()
//
// so that each Send resumes a chain of two script frames and one Go
// awaitable, as an asyncio task switch does.
func switchCoroutine(tb testing.TB, n int) (*vm.Thread, value.Coroutine) {
	return startCoroutine(tb, n, `
async def inner():
    await tick
async def outer(n):
    i = 0
    while i < n:
        await inner()
        i += 1
coro = outer(N)
`)
}

// startCoroutine runs src, which must define coro from N, and returns it.
func startCoroutine(tb testing.TB, n int, src string) (*vm.Thread, value.Coroutine) {
	prog := compileSource(tb, "switch.agen", src)
	th := vm.NewThread(vm.Options{Stdout: io.Discard})
	g := value.NewDict(0)
	g.SetString("tick", &tick{})
	g.SetString("N", value.MakeInt(int64(n)))
	if _, err := th.ExecModule(prog, g); err != nil {
		tb.Fatal(err)
	}
	coro, _ := g.GetString("coro")
	return th, coro.(value.Coroutine)
}

// BenchmarkSwitch measures one resumption of a suspended coroutine chain.
func BenchmarkSwitch(b *testing.B) {
	th, c := switchCoroutine(b, b.N+1)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, done, err := c.Send(th, value.None); err != nil || done {
			b.Fatal(err, done)
		}
	}
}

// BenchmarkAwaitTick measures one suspension and resumption of a single
// coroutine awaiting a Go awaitable in a loop.
func BenchmarkAwaitTick(b *testing.B) {
	th, c := startCoroutine(b, b.N+1, `
async def loop(n):
    i = 0
    while i < n:
        await tick
        i += 1
coro = loop(N)
`)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, done, err := c.Send(th, value.None); err != nil || done {
			b.Fatal(err, done)
		}
	}
}

// TestSwitchAllocations checks that resuming a suspended coroutine chain
// through an await of a Go awaitable allocates only the inner coroutine.
func TestSwitchAllocations(t *testing.T) {
	th, c := switchCoroutine(t, 10000)
	allocs := testing.AllocsPerRun(1000, func() {
		if _, _, err := c.Send(th, value.None); err != nil {
			t.Fatal(err)
		}
	})
	// Each round creates the inner() coroutine: its frame, slots and
	// Coroutine object.
	if allocs > 3 {
		t.Errorf("%v allocations per switch, want at most 3", allocs)
	}
	t.Logf("%v allocations per switch", allocs)
}

// TestAsyncForAllocations checks that an async for over an async
// generator allocates at most one object (the __anext__ awaitable) per item.
func TestAsyncForAllocations(t *testing.T) {
	th, c := startCoroutine(t, 0, `
async def agen():
    while True:
        await tick
        yield 0
async def consume():
    async for x in agen():
        pass
coro = consume()
`)
	allocs := testing.AllocsPerRun(1000, func() {
		if _, _, err := c.Send(th, value.None); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 1 {
		t.Errorf("%v allocations per item, want at most 1", allocs)
	}
}
