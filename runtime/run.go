package runtime

import (
	"context"

	"github.com/asyncgen/asyncgen/runtime/aio"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// A job is the work of an API call on the script goroutine: start runs
// first; a coroutine it returns is awaited (see run); finish then gets the
// result, to convert it. A job is a type of its own where the call is hot
// (Call, the steps of Iter), so that one allocation carries all of it.
type job interface {
	start() (Value, error)
	finish(Value) error
}

// funcs is a job made of a start function and an optional finish.
type funcs struct {
	startFn  func() (Value, error)
	finishFn func(Value) error
}

func (f *funcs) start() (Value, error) { return f.startFn() }

func (f *funcs) finish(v Value) error {
	if f.finishFn == nil {
		return nil
	}
	return f.finishFn(v)
}

// doFunc is the job of do: fn, with no result.
type doFunc func() error

func (fn doFunc) start() (Value, error) { return nil, fn() }

func (doFunc) finish(Value) error { return nil }

// do runs fn on the script goroutine, after the calls before it.
func (in *Interpreter) do(ctx context.Context, fn func() error) error {
	return in.run(ctx, doFunc(fn))
}

// run runs j on the script goroutine. When j.start returns a coroutine it
// is awaited: without a session it runs as the main task of a new event
// loop, as asyncio.run(main) would; with a session, as a task of the
// session's loop. j.finish then gets the result on the script goroutine.
// Script exceptions come back as *Error.
func (in *Interpreter) run(ctx context.Context, j job) error {
	in.mu.Lock()
	if in.closed {
		in.mu.Unlock()
		return ErrClosed
	}
	if err := ctx.Err(); err != nil {
		in.mu.Unlock()
		return err
	}
	if s := in.liveSession(); s != nil {
		in.mu.Unlock()
		return s.run(ctx, j)
	}
	defer in.mu.Unlock()
	end := in.stopOnDone(ctx)
	unwatch := in.cancelMainOnDone(ctx)
	in.th.ResetSteps()
	v, err := protect(j.start)
	if err == nil && isCoroutine(v) {
		v, err = in.runMain(v)
	}
	unwatch()
	in.clock.close() // the loops of the call are over
	if stop := end(); stop != nil && err == nil {
		err = stop // it ended a time.sleep, and no step followed
	}
	return in.finish(ctx, v, err, j.finish)
}

// finish hands a result to finish, or wraps the error for the API.
func (in *Interpreter) finish(ctx context.Context, v Value, err error, finish func(Value) error) error {
	if err == nil && finish != nil {
		_, err = protect(func() (Value, error) { return nil, finish(v) })
	}
	if err == nil {
		return nil
	}
	err = in.wrap(err)
	if e, ok := err.(*Error); ok && ctx.Err() != nil && e.Exception.Class.IsSubclass(value.CancelledError) {
		e.cause = ctx.Err()
	}
	return err
}

// protect calls fn, turning a Go panic into a SystemError: a panic is a
// bug, but one that must not crash the host.
func protect(fn func() (Value, error)) (v Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, value.Errorf(value.SystemError, "internal error: %v", r)
		}
	}()
	return fn()
}

// isCoroutine reports whether v is a coroutine the loop can run as a task.
func isCoroutine(v Value) bool {
	_, ok := v.(value.Coroutine)
	_, ok2 := v.(value.Awaitable)
	return ok && ok2
}

// runMain is asyncio.run(main).
func (in *Interpreter) runMain(main Value) (Value, error) {
	defer in.clock.reset()
	return aio.Run(in.th, main)
}

// cancelMainOnDone makes a done ctx cancel the main task of the event
// loop running then, as CPython's Runner does on Ctrl-C, whether the
// interpreter started the loop (top-level await, an awaited call) or the
// script did (asyncio.run); the loop's shutdown then cancels the other
// tasks. The returned function ends the watch.
func (in *Interpreter) cancelMainOnDone(ctx context.Context) (unwatch func()) {
	done := ctx.Done()
	if done == nil {
		return func() {}
	}
	return in.clock.watch(done, func() { aio.CancelMain(in.th) })
}

// cancelTask calls t.cancel().
func cancelTask(th value.Thread, t Value) {
	if cancel, err := value.GetAttr(th, t, "cancel"); err == nil {
		value.Call(th, cancel, nil, nil)
	}
}

// callAsyncio calls the function name of the asyncio module, importing it
// on first use.
func (in *Interpreter) callAsyncio(name string, args ...Value) (Value, error) {
	if in.asyncio == nil {
		prog, err := compileSource("<embed>", []byte("import asyncio\n"))
		if err != nil {
			return nil, err
		}
		g := value.NewDict(1)
		if _, err := in.th.ExecModule(prog, g); err != nil {
			return nil, err
		}
		m, _ := g.GetString("asyncio")
		in.asyncio = m.(*value.Module)
	}
	fn, err := value.GetAttr(in.th, in.asyncio, name)
	if err != nil {
		return nil, err
	}
	return value.Call(in.th, fn, args, nil)
}
