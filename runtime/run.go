package runtime

import (
	"context"

	"github.com/asyncgen/asyncgen/runtime/aio"
	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/value"
)

type compileProgram = compile.Program

// do runs fn on the script goroutine, after the calls before it.
func (in *Interpreter) do(ctx context.Context, fn func() error) error {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.closed {
		return ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return fn()
}

// run runs start on the script goroutine. When start returns a coroutine
// (a module with top-level await, a call of a coroutine function), it
// runs to completion as the main task of the event loop and its result
// replaces start's. finish, if not nil, then receives the result on the
// script goroutine (to convert it). Errors are wrapped for the API.
func (in *Interpreter) run(ctx context.Context, start func() (Value, error), finish func(Value) error) error {
	return in.do(ctx, func() error {
		v, err := start()
		if err == nil && isCoroutine(v) {
			v, err = in.runMain(ctx, v)
		}
		if err == nil && finish != nil {
			err = finish(v)
		}
		if err != nil {
			return in.wrapCtx(ctx, err)
		}
		return nil
	})
}

// isCoroutine reports whether v is a coroutine the loop can run as a task.
func isCoroutine(v Value) bool {
	_, ok := v.(value.Coroutine)
	_, ok2 := v.(value.Awaitable)
	return ok && ok2
}

// runMain is asyncio.run(main) watching ctx.
func (in *Interpreter) runMain(ctx context.Context, main Value) (Value, error) {
	unwatch := in.clock.watch(ctx.Done(), in.cancelTasks)
	defer func() {
		unwatch()
		in.clock.close()
	}()
	return aio.Run(in.th, main)
}

// wrapCtx is wrap, with the cancellation of a script by ctx wrapping
// ctx.Err().
func (in *Interpreter) wrapCtx(ctx context.Context, err error) error {
	err = in.wrap(err)
	if e, ok := err.(*Error); ok && ctx.Err() != nil && e.Exception.Class.IsSubclass(value.CancelledError) {
		e.cause = ctx.Err()
	}
	return err
}

// cancelTasks cancels every task of the running loop (the context of the
// call was cancelled). It runs on the loop goroutine.
func (in *Interpreter) cancelTasks() {
	asyncio, err := in.asyncioModule()
	if err != nil {
		return
	}
	allTasks, err := value.GetAttr(in.th, asyncio, "all_tasks")
	if err != nil {
		return
	}
	tasks, err := value.Call(in.th, allTasks, nil, nil)
	if err != nil {
		return
	}
	it, err := value.Iterate(in.th, tasks)
	if err != nil {
		return
	}
	for {
		t, ok, err := it.Next(in.th)
		if err != nil || !ok {
			return
		}
		if cancel, err := value.GetAttr(in.th, t, "cancel"); err == nil {
			value.Call(in.th, cancel, nil, nil)
		}
	}
}

// asyncioModule returns the asyncio module, importing it on first use.
func (in *Interpreter) asyncioModule() (Value, error) {
	if in.asyncio != nil {
		return in.asyncio, nil
	}
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
	return in.asyncio, nil
}
