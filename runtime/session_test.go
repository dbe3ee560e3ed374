package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/runtime"
)

// TestSessionCalls checks calls made while the loop runs on its own
// goroutine: from the body of a range over an async generator, and after
// Start, where tasks outlive the call that made them.
func TestSessionCalls(t *testing.T) {
	in, out := newInterp(t, runtime.Options{VirtualTime: true})
	ctx := context.Background()
	m := exec(t, in, `
import asyncio
async def nums(n):
    for i in range(n):
        await asyncio.sleep(1)
        yield i
async def square(x):
    await asyncio.sleep(1)
    return x * x
background = []
async def spawn(name):
    async def job():
        await asyncio.sleep(5)
        print("job", name, "done")
    background.append(asyncio.create_task(job()))
    return len(background)
`)
	g, _ := in.Call(ctx, m.Get("nums"), 3)
	var got []any
	for v, err := range in.Iter(ctx, g.(runtime.Value)) {
		if err != nil {
			t.Fatal(err)
		}
		sq, err := in.Call(ctx, m.Get("square"), v)
		if err != nil {
			t.Fatal(err)
		}
		// A nested range runs on the same loop.
		inner, _ := in.Call(ctx, m.Get("nums"), 2)
		for w, err := range in.Iter(ctx, inner.(runtime.Value)) {
			got = append(got, fmt.Sprint(v, sq, w, err))
		}
	}
	if fmt.Sprint(got) != "[0 0 0 <nil> 0 0 1 <nil> 1 1 0 <nil> 1 1 1 <nil> 2 4 0 <nil> 2 4 1 <nil>]" {
		t.Errorf("got %v", got)
	}
	// Without Start, the task spawn creates is cancelled when Call ends.
	if n, err := in.Call(ctx, m.Get("spawn"), "a"); n != int64(1) || err != nil {
		t.Fatalf("spawn: %v, %v", n, err)
	}
	if err := in.Start(); err != nil {
		t.Fatal(err)
	}
	if n, err := in.Call(ctx, m.Get("spawn"), "b"); n != int64(2) || err != nil {
		t.Fatalf("spawn: %v, %v", n, err)
	}
	// The job of b runs while this call waits.
	if _, err := in.Exec(ctx, "wait.agen", []byte("import asyncio\nawait asyncio.sleep(10)\n")); err != nil {
		t.Fatal(err)
	}
	if out.String() != "job b done\n" {
		t.Errorf("output %q", out)
	}
}

func TestSessionCancel(t *testing.T) {
	ctx, cue := cueDeadline(20 * time.Millisecond)
	in, out := newInterp(t, runtime.Options{Globals: map[string]any{"cue": cue}})
	in.Start()
	_, err := in.Exec(ctx, "c.agen", []byte(`
import asyncio
try:
    cue()
    await asyncio.sleep(3600)
finally:
    print("finally")
`))
	if !errors.Is(err, context.DeadlineExceeded) || out.String() != "finally\n" {
		t.Errorf("error %v, output %q", err, out)
	}
	// The loop goes on.
	if v, err := in.Eval(context.Background(), "1 + 1"); v != int64(2) || err != nil {
		t.Errorf("Eval after a cancellation: %v, %v", v, err)
	}
}

// TestSessionLimit checks the step limit and the cancellation of code
// that never awaits in the background mode: each stops the loop, and the
// next call starts another.
func TestSessionLimit(t *testing.T) {
	in, _ := newInterp(t, runtime.Options{MaxSteps: 100000})
	in.Start()
	ctx := context.Background()
	var le *runtime.LimitError
	if _, err := in.Exec(ctx, "spin.agen", []byte("while True: pass")); !errors.As(err, &le) {
		t.Errorf("error %v, want a limit error", err)
	}
	if _, err := in.Exec(ctx, "spin.agen", []byte("import asyncio\nwhile True: await asyncio.sleep(0)")); !errors.As(err, &le) {
		t.Errorf("error %v, want a limit error", err)
	}
	// The budget is per call.
	if v, err := in.Eval(ctx, "1"); err != nil || v != int64(1) {
		t.Errorf("after the limit: %v, %v", v, err)
	}
	// Cancelling a call stops code that never awaits.
	// The context ends once the spin has started: a fixed delay may end
	// it before, under -race on a busy machine (a plain CancelledError).
	tctx, cancel := context.WithCancel(ctx)
	defer cancel()
	spinning := runtime.Func(func([]any) (any, error) {
		time.AfterFunc(20*time.Millisecond, cancel)
		return nil, nil
	})
	in, _ = newInterp(t, runtime.Options{Globals: map[string]any{"spinning": spinning}})
	in.Start()
	if _, err := in.Exec(tctx, "spin.agen", []byte("import asyncio\nawait asyncio.sleep(0)\nspinning()\nwhile True: pass")); !errors.As(err, &le) || !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want a limit error wrapping the context's", err)
	}
	if v, err := in.Eval(ctx, "2"); err != nil || v != int64(2) {
		t.Errorf("after the interrupt: %v, %v", v, err)
	}
}

// TestIterOneTask checks that the steps of an async generator ranged over
// from Go run in one task, as those of an `async for` do.
func TestIterOneTask(t *testing.T) {
	in, _ := newInterp(t, runtime.Options{})
	ctx := context.Background()
	m := exec(t, in, `
import asyncio
async def same_task():
    t = asyncio.current_task()
    for i in range(3):
        await asyncio.sleep(0)
        yield asyncio.current_task() is t
`)
	g, _ := in.Call(ctx, m.Get("same_task"))
	var got []any
	for v, err := range in.Iter(ctx, g.(runtime.Value)) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
	}
	if fmt.Sprint(got) != "[true true true]" {
		t.Errorf("got %v", got)
	}
}

// TestIterTaskNames checks that the tasks a generator creates while Go
// ranges over it are numbered as in CPython, where an `async for` in the
// main task (Task-1) would drive it.
func TestIterTaskNames(t *testing.T) {
	in, _ := newInterp(t, runtime.Options{})
	ctx := context.Background()
	m := exec(t, in, `
import asyncio
async def names():
    for i in range(2):
        t = asyncio.create_task(asyncio.sleep(0))
        await t
        yield t.get_name()
`)
	g, _ := in.Call(ctx, m.Get("names"))
	var got []any
	for v, err := range in.Iter(ctx, g.(runtime.Value)) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
	}
	// CPython: asyncio.run(main()) with main doing `async for` over names().
	if fmt.Sprint(got) != "[Task-2 Task-3]" {
		t.Errorf("got %v", got)
	}
}
