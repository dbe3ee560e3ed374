package runtime

import (
	"context"

	"github.com/asyncgen/asyncgen/runtime/aio"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// do runs fn on the script goroutine, after the calls before it.
func (in *Interpreter) do(ctx context.Context, fn func() error) error {
	return in.run(ctx, func() (Value, error) { return nil, fn() }, false, nil)
}

// run runs start on the script goroutine. When start returns a coroutine
// (or, with awaitAny, any awaitable) it is awaited: without a session it
// runs as the main task of a new event loop, as asyncio.run(main) would;
// with a session, as a task of the session's loop. finish, if not nil,
// then gets the result on the script goroutine (to convert it). Script
// exceptions come back as *Error.
func (in *Interpreter) run(ctx context.Context, start func() (Value, error), awaitAny bool, finish func(Value) error) error {
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
		return s.run(ctx, start, awaitAny, finish)
	}
	defer in.mu.Unlock()
	end := in.stopOnDone(ctx)
	in.th.ResetSteps()
	v, err := protect(start)
	if err == nil && isCoroutine(v) {
		v, err = in.runMain(ctx, v)
	}
	if stop := end(); stop != nil && err == nil {
		err = stop // it ended a time.sleep, and no step followed
	}
	return in.finish(ctx, v, err, finish)
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

// runMain is asyncio.run(main). Cancelling ctx cancels the main task,
// as CPython's Runner does on Ctrl-C; the loop's shutdown then cancels
// the other tasks.
func (in *Interpreter) runMain(ctx context.Context, main Value) (Value, error) {
	defer in.clock.reset()
	if done := ctx.Done(); done != nil {
		mc := &mainCoro{Coroutine: main.(value.Coroutine), in: in}
		main = mc
		defer in.clock.watch(done, func() {
			if mc.task != nil {
				cancelTask(in.th, mc.task)
			}
		})()
	}
	return aio.Run(in.th, main)
}

// mainCoro is a main coroutine that notes its task on its first step, so
// that the cancellation of a context can cancel it. It is otherwise the
// script's coroutine.
type mainCoro struct {
	value.Coroutine
	in   *Interpreter
	task Value
}

// Await returns the coroutine itself.
func (c *mainCoro) Await(th value.Thread) (value.Coroutine, error) { return c, nil }

// Send notes the task, then resumes the script's coroutine.
func (c *mainCoro) Send(th value.Thread, v Value) (Value, bool, error) {
	if c.task == nil {
		c.task, _ = c.in.callAsyncio("current_task")
	}
	return c.Coroutine.Send(th, v)
}

// Repr returns the script coroutine's repr.
func (c *mainCoro) Repr(th value.Thread) (string, error) { return value.Repr(th, c.Coroutine) }

// coroutineInfo is what asyncio shows of a coroutine in a task's repr.
type coroutineInfo interface {
	Name() string
	Frame() (filename string, line int)
	Done() bool
}

// Name returns the script coroutine's name.
func (c *mainCoro) Name() string {
	if ci, ok := c.Coroutine.(coroutineInfo); ok {
		return ci.Name()
	}
	return "<module>"
}

// Frame returns where the script coroutine is suspended.
func (c *mainCoro) Frame() (string, int) {
	if ci, ok := c.Coroutine.(coroutineInfo); ok {
		return ci.Frame()
	}
	return "", 0
}

// Done reports whether the script coroutine finished.
func (c *mainCoro) Done() bool {
	if ci, ok := c.Coroutine.(coroutineInfo); ok {
		return ci.Done()
	}
	return false
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
