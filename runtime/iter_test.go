package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	goruntime "runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/runtime"
)

// The tests of an async Iter run each case both without a session (the
// range's goroutine drives the loop) and after Start (the loop runs in
// the background); modes names them.
var modes = []struct {
	name  string
	start bool
}{{"pulled", false}, {"started", true}}

// newMode returns an interpreter for mode, started if it says so.
func newMode(t *testing.T, start bool, opts runtime.Options) (*runtime.Interpreter, *lockedBuf) {
	t.Helper()
	out := new(lockedBuf)
	opts.Stdout = out
	in := runtime.New(opts)
	t.Cleanup(func() { in.Close() })
	if start {
		if err := in.Start(); err != nil {
			t.Fatal(err)
		}
	}
	return in, out
}

// lockedBuf is a strings.Builder safe for concurrent use.
type lockedBuf struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuf) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// collect ranges over gen, returning the items (errors as "error: ...").
func collect(in *runtime.Interpreter, ctx context.Context, gen any, body func(v any)) []string {
	var got []string
	for v, err := range in.Iter(ctx, gen.(runtime.Value)) {
		if err != nil {
			got = append(got, "error: "+err.Error())
			continue
		}
		got = append(got, fmt.Sprint(v))
		if body != nil {
			body(v)
		}
	}
	return got
}

// TestIterInterleaving checks that without Start the range body runs
// where the body of an async for runs: the other tasks do not move
// meanwhile, and a generator that does not await yields its next item in
// the same step. The output is CPython's for an async for in the main
// task (testdata/iter_interleave.py).
func TestIterInterleaving(t *testing.T) {
	in, out := newInterp(t, runtime.Options{})
	m := exec(t, in, `
import asyncio

async def ticker():
    for i in range(4):
        print("bg", i)
        await asyncio.sleep(0)

async def agen():
    t = asyncio.create_task(ticker())
    try:
        for i in range(3):
            await asyncio.sleep(0)
            yield i
        yield "no wait"
        await t
    finally:
        print("agen finally")
`)
	ctx := context.Background()
	g, err := in.Call(ctx, m.Get("agen"))
	if err != nil {
		t.Fatal(err)
	}
	collect(in, ctx, g, func(v any) { fmt.Fprintln(out, "go got", v) })
	out.WriteString("after range\n")
	if want := expect(t, "iter_interleave.out"); out.String() != want {
		t.Errorf("output:\n%s\nCPython's:\n%s", out, want)
	}
}

// TestIterHostSource ranges over a generator fed by host goroutines (a
// stream and a blocking function) and by timers.
func TestIterHostSource(t *testing.T) {
	numbers := runtime.StreamFunc(func(ctx context.Context, args []any, yield func(any) bool) error {
		for i := range args[0].(int64) {
			if !yield(i) {
				return nil
			}
		}
		return nil
	})
	square := runtime.BlockingFunc(func(ctx context.Context, args []any) (any, error) {
		time.Sleep(time.Millisecond)
		return args[0].(int64) * args[0].(int64), nil
	})
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			in, out := newMode(t, mode.start, runtime.Options{Globals: map[string]any{"numbers": numbers, "square": square}})
			m := exec(t, in, `
import asyncio
async def squares(n):
    try:
        async for x in numbers(n):
            await asyncio.sleep(0.001)
            yield await square(x)
    finally:
        print("squares finally")
`)
			ctx := context.Background()
			g, _ := in.Call(ctx, m.Get("squares"), 5)
			got := collect(in, ctx, g, nil)
			if fmt.Sprint(got) != "[0 1 4 9 16]" || out.String() != "squares finally\n" {
				t.Errorf("got %v, output %q", got, out)
			}
		})
	}
}

// TestIterCallsFromBody makes API calls from the range body: they run on
// the loop of the iteration.
func TestIterCallsFromBody(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			in, _ := newMode(t, mode.start, runtime.Options{VirtualTime: true})
			m := exec(t, in, `
import asyncio
async def nums(n):
    for i in range(n):
        await asyncio.sleep(1)
        yield i
async def double(x):
    await asyncio.sleep(1)
    return 2 * x
def plain(x):
    return x + 100
`)
			ctx := context.Background()
			if err := in.ExecInteractive(ctx, []byte("import asyncio\n")); err != nil {
				t.Fatal(err)
			}
			g, _ := in.Call(ctx, m.Get("nums"), 3)
			var calls []string
			got := collect(in, ctx, g, func(v any) {
				d, err := in.Call(ctx, m.Get("double"), v)
				p, err2 := in.Call(ctx, m.Get("plain"), v)
				e, err3 := in.Eval(ctx, fmt.Sprintf("await asyncio.sleep(0.5, %d + 1)", v))
				_, err4 := in.Exec(ctx, "step.agen", []byte("import asyncio\nawait asyncio.sleep(0.5)\n"))
				inner, _ := in.Call(ctx, m.Get("nums"), 2)
				calls = append(calls, fmt.Sprint(d, p, e, collect(in, ctx, inner, nil), errors.Join(err, err2, err3, err4)))
			})
			want := "[0 100 1 [0 1] <nil> 2 101 2 [0 1] <nil> 4 102 3 [0 1] <nil>]"
			if fmt.Sprint(got) != "[0 1 2]" || fmt.Sprint(calls) != want {
				t.Errorf("items %v, calls %v, want %v", got, calls, want)
			}
		})
	}
}

// TestIterOtherGoroutine makes calls from another goroutine: one the
// generator waits for while the range's goroutine drives the loop, and
// one the range body waits for, which drives the loop itself.
func TestIterOtherGoroutine(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			results := make(chan any)
			fromGo := runtime.BlockingFunc(func(ctx context.Context, args []any) (any, error) {
				select {
				case v := <-results:
					return v, nil
				case <-ctx.Done():
					return nil, ctx.Err()
				}
			})
			in, _ := newMode(t, mode.start, runtime.Options{Globals: map[string]any{"from_go": fromGo}})
			m := exec(t, in, `
import asyncio
async def relay(n):
    for i in range(n):
        yield await from_go()
async def double(x):
    await asyncio.sleep(0.001)
    return 2 * x
`)
			ctx := context.Background()
			double := m.Get("double")
			go func() {
				for i := range 3 {
					v, err := in.Call(ctx, double, i)
					if err != nil {
						v = err.Error()
					}
					results <- v
				}
			}()
			g, _ := in.Call(ctx, m.Get("relay"), 3)
			var fromBody []any
			got := collect(in, ctx, g, func(v any) {
				done := make(chan any)
				go func() {
					w, err := in.Call(ctx, double, v)
					if err != nil {
						w = err
					}
					done <- w
				}()
				fromBody = append(fromBody, <-done)
			})
			if fmt.Sprint(got, fromBody) != "[0 2 4] [0 4 8]" {
				t.Errorf("items %v, doubled in the body %v", got, fromBody)
			}
		})
	}
}

// TestIterCancelStep cancels the context while the generator awaits: it
// sees CancelledError there, its finally block runs, and the error wraps
// ctx.Err().
func TestIterCancelStep(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			ctx, cue := cueDeadline(20 * time.Millisecond)
			in, out := newMode(t, mode.start, runtime.Options{Globals: map[string]any{"cue": cue}})
			m := exec(t, in, `
import asyncio
async def slow():
    try:
        yield 1
        cue()
        await asyncio.sleep(3600)
        yield 2
    except asyncio.CancelledError:
        print("cancelled at the await")
        raise
    finally:
        print("slow finally")
`)
			g, _ := in.Call(context.Background(), m.Get("slow"))
			got := collect(in, ctx, g, nil)
			if len(got) != 2 || got[0] != "1" || !strings.HasPrefix(got[1], "error: ") {
				t.Fatalf("got %q", got)
			}
			var last error
			for _, err := range in.Iter(ctx, g.(runtime.Value)) {
				last = err
			}
			if !errors.Is(last, context.DeadlineExceeded) {
				t.Errorf("Iter with a done context: %v", last)
			}
			if out.String() != "cancelled at the await\nslow finally\n" {
				t.Errorf("output %q", out)
			}
			if v, err := in.Eval(context.Background(), "1 + 1"); v != int64(2) || err != nil {
				t.Errorf("Eval after the cancellation: %v, %v", v, err)
			}
		})
	}
}

// TestIterCancelError checks the error of a cancelled step.
func TestIterCancelError(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			ctx, cue := cueDeadline(10 * time.Millisecond)
			in, _ := newMode(t, mode.start, runtime.Options{Globals: map[string]any{"cue": cue}})
			m := exec(t, in, "import asyncio\nasync def g():\n    cue()\n    await asyncio.sleep(3600)\n    yield 1\n")
			g, _ := in.Call(context.Background(), m.Get("g"))
			var e *runtime.Error
			for _, err := range in.Iter(ctx, g.(runtime.Value)) {
				if !errors.As(err, &e) || !strings.HasSuffix(e.Type, "CancelledError") || !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("error %v (%T), want a CancelledError wrapping the context's", err, err)
				}
			}
			if e == nil {
				t.Error("no error")
			}
		})
	}
}

// TestIterBreakFinally checks that leaving the range closes the
// generator before the range statement ends, in both modes.
func TestIterBreakFinally(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			in, out := newMode(t, mode.start, runtime.Options{VirtualTime: true})
			m := exec(t, in, `
import asyncio
async def ticks():
    try:
        while True:
            await asyncio.sleep(1)
            yield 1
    finally:
        await asyncio.sleep(1)
        print("ticks finally")
`)
			ctx := context.Background()
			g, _ := in.Call(ctx, m.Get("ticks"))
			n := 0
			for _, err := range in.Iter(ctx, g.(runtime.Value)) {
				if err != nil {
					t.Fatal(err)
				}
				if n++; n == 3 {
					break
				}
			}
			if out.String() != "ticks finally\n" {
				t.Errorf("output after the range %q", out)
			}
		})
	}
}

// TestIterGeneratorError checks an exception the generator raises.
func TestIterGeneratorError(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			in, _ := newMode(t, mode.start, runtime.Options{})
			m := exec(t, in, "async def g():\n    yield 1\n    {}['k']\n")
			g, _ := in.Call(context.Background(), m.Get("g"))
			got := collect(in, context.Background(), g, nil)
			if fmt.Sprint(got) != "[1 error: KeyError: 'k']" {
				t.Errorf("got %q", got)
			}
		})
	}
}

// TestIterLimit checks the step limit of each item, in both modes: a
// generator that spins is stopped, and the interpreter stays usable.
func TestIterLimit(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			in, _ := newMode(t, mode.start, runtime.Options{MaxSteps: 100_000})
			m := exec(t, in, `
async def g():
    for i in range(3):
        for j in range(50_000):
            pass
        yield i
    while True:
        pass
`)
			g, _ := in.Call(context.Background(), m.Get("g"))
			var got []any
			var last error
			for v, err := range in.Iter(context.Background(), g.(runtime.Value)) {
				got, last = append(got, v), err
			}
			var le *runtime.LimitError
			if len(got) != 4 || !errors.As(last, &le) {
				t.Errorf("items %v, last error %v: want 3 items (each within its budget), then a limit", got, last)
			}
			if v, err := in.Eval(context.Background(), "2 + 2"); v != int64(4) || err != nil {
				t.Errorf("Eval after the limit: %v, %v", v, err)
			}
		})
	}
}

// TestIterStartInBody calls Start from the range body: the loop of the
// iteration becomes the background loop, and the task the generator
// created goes on after the range.
func TestIterStartInBody(t *testing.T) {
	in, out := newInterp(t, runtime.Options{VirtualTime: true})
	m := exec(t, in, `
import asyncio
async def later():
    await asyncio.sleep(5)
    print("later done")
async def g():
    global task
    task = asyncio.create_task(later())
    yield 1
    yield 2
async def wait():
    await task
`)
	ctx := context.Background()
	g, _ := in.Call(ctx, m.Get("g"))
	got := collect(in, ctx, g, func(any) {
		if err := in.Start(); err != nil {
			t.Error(err)
		}
	})
	if _, err := in.Call(ctx, m.Get("wait")); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != "[1 2]" || out.String() != "later done\n" {
		t.Errorf("got %v, output %q", got, out)
	}
}

// TestIterPanicInBody: a panic or runtime.Goexit in the range body leaves
// the range; the generator is closed and the interpreter stays usable.
func TestIterPanicInBody(t *testing.T) {
	in, out := newInterp(t, runtime.Options{})
	m := exec(t, in, "async def g():\n    try:\n        yield 1\n    finally:\n        print('g finally')\n")
	g, _ := in.Call(context.Background(), m.Get("g"))
	func() {
		defer func() {
			if r := recover(); r != "body" {
				t.Errorf("recovered %v", r)
			}
		}()
		for range in.Iter(context.Background(), g.(runtime.Value)) {
			panic("body")
		}
	}()
	if v, err := in.Eval(context.Background(), "3"); v != int64(3) || err != nil {
		t.Errorf("Eval after the panic: %v, %v", v, err)
	}
	// runtime.Goexit (t.FailNow in a range body) leaves the range too.
	g, _ = in.Call(context.Background(), m.Get("g"))
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range in.Iter(context.Background(), g.(runtime.Value)) {
			goruntime.Goexit()
		}
	}()
	<-done
	if v, err := in.Eval(context.Background(), "4"); v != int64(4) || err != nil {
		t.Errorf("Eval after Goexit: %v, %v", v, err)
	}
	if out.String() != "g finally\ng finally\n" {
		t.Errorf("output %q", out)
	}
}

// TestIterStopSpin cancels the context while the generator computes
// without awaiting: it is stopped 100ms later with a *LimitError that
// wraps ctx.Err(), and the interpreter stays usable.
func TestIterStopSpin(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			ctx, cue := cueDeadline(10 * time.Millisecond)
			in, _ := newMode(t, mode.start, runtime.Options{Globals: map[string]any{"cue": cue}})
			m := exec(t, in, "async def g():\n    yield 1\n    cue()\n    while True:\n        pass\n")
			g, _ := in.Call(context.Background(), m.Get("g"))
			var last error
			for _, err := range in.Iter(ctx, g.(runtime.Value)) {
				last = err
			}
			var le *runtime.LimitError
			if !errors.As(last, &le) || !errors.Is(last, context.DeadlineExceeded) {
				t.Errorf("error %v, want a limit error wrapping the context's", last)
			}
			if v, err := in.Eval(context.Background(), "5"); v != int64(5) || err != nil {
				t.Errorf("Eval after the stop: %v, %v", v, err)
			}
		})
	}
}

// TestIterLockedThread calls Start and ranges from a goroutine locked to
// its OS thread, which may not switch to the loop's coroutine: after
// Start it need not.
func TestIterLockedThread(t *testing.T) {
	in, _ := newInterp(t, runtime.Options{})
	m := exec(t, in, "import asyncio\nasync def g(n):\n    for i in range(n):\n        await asyncio.sleep(0)\n        yield i\n")
	done := make(chan string)
	go func() {
		goruntime.LockOSThread()
		defer goruntime.UnlockOSThread()
		if err := in.Start(); err != nil {
			done <- err.Error()
			return
		}
		g, err := in.Call(context.Background(), m.Get("g"), 3)
		if err != nil {
			done <- err.Error()
			return
		}
		got := collect(in, context.Background(), g, func(v any) {
			in.Eval(context.Background(), "1")
		})
		done <- fmt.Sprint(got)
	}()
	if got := <-done; got != "[0 1 2]" {
		t.Errorf("got %v", got)
	}
}

// TestIterPulled pulls the items with iter.Pull2, so the range runs in a
// coroutine of the host's, and the loop's coroutine is driven from it.
func TestIterPulled(t *testing.T) {
	in, out := newInterp(t, runtime.Options{VirtualTime: true})
	m := exec(t, in, "import asyncio\nasync def g():\n    try:\n        for i in range(5):\n            await asyncio.sleep(1)\n            yield i\n    finally:\n        print('g finally')\n")
	g, _ := in.Call(context.Background(), m.Get("g"))
	next, stop := iter.Pull2(in.Iter(context.Background(), g.(runtime.Value)))
	var got []any
	for range 3 {
		v, err, ok := next()
		if err != nil || !ok {
			t.Fatalf("next: %v, %v, %v", v, err, ok)
		}
		got = append(got, v)
	}
	stop()
	if fmt.Sprint(got) != "[0 1 2]" || out.String() != "g finally\n" {
		t.Errorf("got %v, output %q", got, out)
	}
}

// TestIterClose closes the interpreter from another goroutine while the
// range body runs: the generator is closed, and the range ends with
// ErrClosed.
func TestIterClose(t *testing.T) {
	in, out := newInterp(t, runtime.Options{})
	m := exec(t, in, "async def g():\n    try:\n        while True:\n            yield 1\n    finally:\n        print('g finally')\n")
	g, _ := in.Call(context.Background(), m.Get("g"))
	n := 0
	var last error
	for _, err := range in.Iter(context.Background(), g.(runtime.Value)) {
		if last = err; err != nil {
			continue
		}
		if n++; n == 2 {
			done := make(chan error)
			go func() { done <- in.Close() }()
			if err := <-done; err != nil {
				t.Errorf("Close: %v", err)
			}
		}
	}
	if n != 2 || !errors.Is(last, runtime.ErrClosed) || out.String() != "g finally\n" {
		t.Errorf("%d items, last error %v, output %q", n, last, out)
	}
}

// TestIterStartWhileDriven calls Start while another goroutine drives the
// loop for a call of its own: when that call is done, while the range
// waits for an item, Start's goroutine takes over the loop, and the range
// gets its items.
func TestIterStartWhileDriven(t *testing.T) {
	in, _ := newInterp(t, runtime.Options{})
	m := exec(t, in, `
import asyncio
async def g():
    for i in range(3):
        await asyncio.sleep(0.1 if i == 1 else 0)
        yield i
async def slow():
    await asyncio.sleep(0.05)
    return "slow"
`)
	ctx := context.Background()
	g, _ := in.Call(ctx, m.Get("g"))
	slow := make(chan any)
	got := collect(in, ctx, g, func(v any) {
		if v != int64(0) {
			return
		}
		go func() {
			r, err := in.Call(ctx, m.Get("slow"))
			if err != nil {
				r = err
			}
			slow <- r
		}()
		time.Sleep(10 * time.Millisecond)
		if err := in.Start(); err != nil {
			t.Error(err)
		}
	})
	if r := <-slow; fmt.Sprint(got) != "[0 1 2]" || r != "slow" {
		t.Errorf("items %v, slow %v", got, r)
	}
}

// TestIterMemory checks MaxMemory during an async Iter, in both modes: the
// generator's growth raises MemoryError in it, which ends the range.
func TestIterMemory(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			in, _ := newMode(t, mode.start, runtime.Options{MaxMemory: 32 << 20})
			m := exec(t, in, `
async def g():
    yield 1
    keep = []
    while True:
        keep.append(' ' * 10**6)
        yield len(keep)
`)
			g, _ := in.Call(context.Background(), m.Get("g"))
			var last error
			n := 0
			for _, err := range in.Iter(context.Background(), g.(runtime.Value)) {
				last = err
				n++
			}
			var e *runtime.Error
			if !errors.As(last, &e) || e.Type != "MemoryError" || n < 2 {
				t.Errorf("%d items, last error %v, want MemoryError", n, last)
			}
			if v, err := in.Eval(context.Background(), "6"); v != int64(6) || err != nil {
				t.Errorf("Eval after MemoryError: %v, %v", v, err)
			}
		})
	}
}
