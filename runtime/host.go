package runtime

import (
	"context"
	"errors"
	"fmt"

	"github.com/asyncgen/asyncgen/runtime/aio"
	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// Host functions. Their arguments arrive converted to Go and their
// results are converted back (see the package documentation); keyword
// arguments are refused with a TypeError.
//
// An error a host function returns reaches the script as an exception it
// can catch: a *value.Exception (value.Errorf(value.KeyError, ...)) as
// itself, any other error as RuntimeError with the error's message. A
// panic in a host function becomes a RuntimeError too; the interpreter
// stays usable.

// Func is a synchronous host function. It runs on the script goroutine,
// so it must not block, and must not call the Interpreter.
type Func func(args []any) (any, error)

// BlockingFunc is a host function that may block (I/O, a lookup). A call
// from the script returns a coroutine, as an async def would; when it is
// awaited (or run as a task) the function starts on a goroutine of its
// own, and other tasks keep running meanwhile. ctx is cancelled when the
// awaiting task is cancelled or the interpreter closes.
type BlockingFunc func(ctx context.Context, args []any) (any, error)

// StreamFunc is a host async iterator: a call from the script returns an
// object for `async for`, and StreamFunc runs on a goroutine of its own
// from the first item asked for. yield(x) waits until the script asks
// for an item, hands it x and returns true; it returns false when the
// script stopped iterating (aclose, cancellation of the awaiting task,
// Close), and StreamFunc should then return. Returning ends the
// iteration; a non-nil error is raised in the script instead.
type StreamFunc func(ctx context.Context, args []any, yield func(any) bool) error

// HostModule is a named group of host functions and values that scripts
// import with `import Name`. Members are converted as Go values are,
// when the module is first imported.
type HostModule struct {
	Name    string
	Members map[string]any
	// Load, if set, returns the members instead, on the first import; an
	// error it returns fails the import (a *value.Exception as itself,
	// so a module can refuse with value.ModuleNotFoundError).
	Load func() (map[string]any, error)
}

// register makes m importable.
func (in *Interpreter) register(m *HostModule) {
	in.th.RegisterModule(m.Name, func(th *vm.Thread) (*value.Module, error) {
		members := m.Members
		if m.Load != nil {
			var err error
			if members, err = m.Load(); err != nil {
				return nil, toException(err)
			}
		}
		g := value.NewDict(len(members) + 1)
		g.SetString("__name__", value.MakeString(m.Name))
		for name, x := range members {
			v, err := in.named(name, x)
			if err != nil {
				return nil, value.Errorf(value.ImportError, "host module %s: %s: %v", m.Name, name, err)
			}
			g.SetString(name, v)
		}
		return &value.Module{Name: m.Name, Globals: g}, nil
	})
}

// named converts a Go value bound to name: host functions get the name.
func (in *Interpreter) named(name string, x any) (Value, error) {
	switch fn := x.(type) {
	case Func:
		return in.hostFunc(name, fn), nil
	case BlockingFunc:
		return in.blockingFunc(name, fn), nil
	case StreamFunc:
		return in.streamFunc(name, fn), nil
	}
	return in.toValue(x)
}

// hostFunc wraps a Func as a builtin.
func (in *Interpreter) hostFunc(name string, fn Func) Value {
	return value.NewBuiltin(name, func(th value.Thread, args []Value, kwargs []value.Kwarg) (Value, error) {
		if err := noKwargs(name, kwargs); err != nil {
			return nil, err
		}
		var r any
		err := guard(name, func() (err error) {
			r, err = fn(toGoSlice(args))
			return err
		})
		if err != nil {
			return nil, toException(err)
		}
		return in.result(name, r)
	})
}

// blockingFunc wraps a BlockingFunc as a builtin returning a coroutine,
// as an async def would: the host call starts when it is first awaited
// (or run as a task).
func (in *Interpreter) blockingFunc(name string, fn BlockingFunc) Value {
	return value.NewBuiltin(name, func(th value.Thread, args []Value, kwargs []value.Kwarg) (Value, error) {
		if err := noKwargs(name, kwargs); err != nil {
			return nil, err
		}
		goArgs := toGoSlice(args)
		return &hostCoro{in: in, name: name, work: func(ctx context.Context) (any, error) {
			var r any
			err := guard(name, func() (err error) {
				r, err = fn(ctx, goArgs)
				return err
			})
			return r, err
		}}, nil
	})
}

// hostCoro is the coroutine of a BlockingFunc call: its first step starts
// the host goroutine, and it then waits for the future of its result.
type hostCoro struct {
	in   *Interpreter
	name string
	work func(ctx context.Context) (any, error)
	f    Value           // the future, once started
	it   value.Coroutine // the future's await iterator
	done bool
}

// Type returns the coroutine class.
func (c *hostCoro) Type() *value.Class { return aio.CoroutineType }

// Repr returns the repr of a coroutine of that name.
func (c *hostCoro) Repr(th value.Thread) (string, error) {
	return fmt.Sprintf("<coroutine object %s at %p>", c.name, c), nil
}

// Await returns the coroutine itself.
func (c *hostCoro) Await(th value.Thread) (value.Coroutine, error) { return c, nil }

// Send starts the host call on the first step, then waits for its result.
func (c *hostCoro) Send(th value.Thread, v Value) (Value, bool, error) {
	if c.done {
		return nil, false, value.Errorf(value.RuntimeError, "cannot reuse already awaited coroutine")
	}
	if c.it == nil {
		f, err := c.in.goFuture(th, c.work, func(r any) (Value, error) { return c.in.result(c.name, r) })
		if err != nil {
			c.done = true
			return nil, false, err
		}
		if c.it, err = f.(value.Awaitable).Await(th); err != nil {
			return nil, false, err
		}
		c.f = f
	}
	return c.finish(c.it.Send(th, v))
}

// Throw raises exc at the await.
func (c *hostCoro) Throw(th value.Thread, exc *value.Exception) (Value, bool, error) {
	if c.it == nil {
		c.done = true
		return nil, false, exc
	}
	return c.finish(c.it.Throw(th, exc))
}

func (c *hostCoro) finish(v Value, done bool, err error) (Value, bool, error) {
	c.done = done || err != nil
	return v, done, err
}

// Close cancels the host call if it is running.
func (c *hostCoro) Close(th value.Thread) error {
	if c.f != nil && !c.done {
		cancelTask(th, c.f)
	}
	c.done = true
	return nil
}

// goFuture runs work on its own goroutine and returns a future of the
// running loop that conv (on the loop goroutine) completes with work's
// result. work's context is cancelled when the future is cancelled or
// the interpreter closes.
func (in *Interpreter) goFuture(th value.Thread, work func(ctx context.Context) (any, error), conv func(any) (Value, error)) (Value, error) {
	l := aio.RunningLoop(th)
	if l == nil {
		return nil, value.Errorf(value.RuntimeError, "no running event loop")
	}
	f := aio.NewFuture(l)
	ctx, cancel := context.WithCancel(in.base)
	if err := in.onDone(f, cancel); err != nil {
		cancel()
		return nil, err
	}
	post := l.HostWork()
	in.clock.hostCalls++
	go func() {
		r, err := work(ctx)
		post(func() {
			in.clock.hostCalls--
			cancel()
			if f.Done() {
				return // cancelled meanwhile
			}
			var v Value
			if err == nil {
				v, err = conv(r)
			}
			if err != nil {
				f.SetException(toException(err))
				return
			}
			f.SetResult(v)
		})
	}()
	return f, nil
}

// onDone makes fn run on the loop goroutine when f is done.
func (in *Interpreter) onDone(f Value, fn func()) error {
	add, err := value.GetAttr(in.th, f, "add_done_callback")
	if err != nil {
		return err
	}
	cb := value.NewBuiltin("host_done", func(value.Thread, []Value, []value.Kwarg) (Value, error) {
		fn()
		return value.None, nil
	})
	_, err = value.Call(in.th, add, []Value{cb}, nil)
	return err
}

// result converts the result of a host function.
func (in *Interpreter) result(name string, r any) (Value, error) {
	v, err := in.toValue(r)
	if err != nil {
		return nil, value.Errorf(value.TypeError, "%s() returned %v", name, err)
	}
	return v, nil
}

// guard calls fn, turning a panic into an error.
func guard(name string, fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("host function %s panicked: %v", name, r)
		}
	}()
	return fn()
}

// toException converts a host error to the exception the script sees.
func toException(err error) *value.Exception {
	var exc *value.Exception
	if errors.As(err, &exc) {
		return exc
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Exception
	}
	return value.Errorf(value.RuntimeError, "%s", err.Error())
}
