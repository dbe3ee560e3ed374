package aio

import (
	"bytes"
	"fmt"
	"io"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// fakeThread is a value.Thread for tests.
type fakeThread struct {
	out    bytes.Buffer
	locals map[string]any
}

func newFakeThread() *fakeThread { return &fakeThread{locals: map[string]any{}} }

func (th *fakeThread) Stdout() io.Writer          { return &th.out }
func (th *fakeThread) Local(key string) any       { return th.locals[key] }
func (th *fakeThread) SetLocal(key string, v any) { th.locals[key] = v }
func (th *fakeThread) printf(f string, a ...any)  { fmt.Fprintf(&th.out, f+"\n", a...) }
func (th *fakeThread) output() string             { return th.out.String() }

// fake is a coroutine whose body is Go code running on its own goroutine
// (tests only: production coroutines never use goroutines). The body
// awaits with y.await, which delegates to the awaitable's iterator exactly
// as the VM's `await` does.
type fake struct {
	th      value.Thread
	body    func(y *yielder) (value.Value, error)
	started bool
	done    bool
	in      chan resume
	out     chan step
}

type resume struct {
	v   value.Value
	exc *value.Exception
}

type step struct {
	v    value.Value
	done bool
	err  error
}

// yielder lets a fake body suspend.
type yielder struct{ f *fake }

func newFake(th value.Thread, body func(y *yielder) (value.Value, error)) *fake {
	return &fake{th: th, body: body, in: make(chan resume), out: make(chan step)}
}

func (f *fake) Type() *value.Class                             { return CoroutineType }
func (f *fake) Await(th value.Thread) (value.Coroutine, error) { return f, nil }

func (f *fake) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	return f.resume(resume{v: v})
}

func (f *fake) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	return f.resume(resume{exc: exc})
}

func (f *fake) Close(th value.Thread) error {
	if !f.started || f.done {
		f.done = true
		return nil
	}
	_, _, err := f.resume(resume{exc: value.NewException(value.GeneratorExit)})
	if exc, ok := err.(*value.Exception); ok && exc.Class == value.GeneratorExit {
		return nil
	}
	return err
}

func (f *fake) resume(r resume) (value.Value, bool, error) {
	if f.done {
		return nil, false, errReused()
	}
	if !f.started {
		f.started = true
		if r.exc != nil {
			f.done = true
			return nil, false, r.exc
		}
		go func() {
			v, err := f.body(&yielder{f})
			f.out <- step{v: v, done: err == nil, err: err}
		}()
	} else {
		f.in <- r
	}
	s := <-f.out
	if s.done || s.err != nil {
		f.done = true
	}
	return s.v, s.done, s.err
}

// yield suspends the body with v and returns what it is resumed with.
func (y *yielder) yield(v value.Value) resume {
	y.f.out <- step{v: v}
	return <-y.f.in
}

// await is `await aw` inside a fake body.
func (y *yielder) await(aw value.Value) (value.Value, error) {
	a, ok := aw.(value.Awaitable)
	if !ok {
		return nil, value.Errorf(value.TypeError, "object %s can't be used in 'await' expression", aw.Type().Name)
	}
	c, err := a.Await(y.f.th)
	if err != nil {
		return nil, err
	}
	r := resume{v: value.None}
	for {
		var (
			v    value.Value
			done bool
			err  error
		)
		if r.exc != nil {
			v, done, err = c.Throw(y.f.th, r.exc)
		} else {
			v, done, err = c.Send(y.f.th, r.v)
		}
		if err != nil || done {
			return v, err
		}
		r = y.yield(v)
	}
}

// call calls a Go module function by name.
func call(th value.Thread, fn string, args []value.Value, kwargs ...value.Kwarg) (value.Value, error) {
	return asyncioFuncs[fn](th, args, kwargs)
}

// must panics on error: test helper for calls that cannot fail.
func must(v value.Value, err error) value.Value {
	if err != nil {
		panic(err)
	}
	return v
}

func sleepV(th value.Thread, d float64) value.Value {
	return must(interp(th).sleepFunc()(th, []value.Value{value.Float(d)}, nil))
}

func str(s string) value.Value { return value.MakeString(s) }
