package vm

import (
	"fmt"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// AsyncGenerator is a script async generator (PEP 525). Its frame yields
// two kinds of values: those of its own yield expressions, which complete
// the pending asend/athrow awaitable, and those an await inside it passes
// up to the task. The frame's awaiting flag tells them apart, so values
// are never wrapped.
type AsyncGenerator struct {
	core         genCore
	temp         bool // iterated by an async for over a temporary
	runningAsync bool // an asend/athrow/aclose awaitable is in progress
	hooked       bool // the FirstIter hook has seen it
}

// AsyncGeneratorType is the class of async generators.
var AsyncGeneratorType = newVMClass("async_generator", map[string]value.Value{
	"__aiter__": &method{"__aiter__", func(th *Thread, self value.Value, args []value.Value) (value.Value, error) {
		return self, nil
	}},
	"__anext__": &method{"__anext__", func(th *Thread, self value.Value, args []value.Value) (value.Value, error) {
		return self.(*AsyncGenerator).op(th, opSend, value.None, nil), nil
	}},
	"asend": &method{"asend", func(th *Thread, self value.Value, args []value.Value) (value.Value, error) {
		if len(args) != 1 {
			return nil, value.Errorf(value.TypeError, "asend() takes exactly one argument (%d given)", len(args))
		}
		return self.(*AsyncGenerator).op(th, opSend, args[0], nil), nil
	}},
	"athrow": &method{"athrow", func(th *Thread, self value.Value, args []value.Value) (value.Value, error) {
		exc, err := throwArgs(th, args)
		if err != nil {
			return nil, err
		}
		return self.(*AsyncGenerator).op(th, opThrow, nil, exc), nil
	}},
	"aclose": &method{"aclose", func(th *Thread, self value.Value, args []value.Value) (value.Value, error) {
		return self.(*AsyncGenerator).op(th, opClose, nil, nil), nil
	}},
	"__name__":     getter("__name__", func(g *AsyncGenerator) value.Value { return value.MakeString(g.core.p.code.Name) }),
	"__qualname__": getter("__qualname__", func(g *AsyncGenerator) value.Value { return value.MakeString(g.core.p.code.QualName) }),
	"ag_running":   getter("ag_running", func(g *AsyncGenerator) value.Value { return value.Bool(g.runningAsync) }),
})

// Type returns the async_generator class.
func (g *AsyncGenerator) Type() *value.Class { return AsyncGeneratorType }

// Repr returns `<async_generator object f at 0x...>`.
func (g *AsyncGenerator) Repr(th value.Thread) (string, error) {
	return fmt.Sprintf("<async_generator object %s at %p>", g.core.p.code.QualName, g), nil
}

// Finished reports whether the generator has returned, raised or been
// closed.
func (g *AsyncGenerator) Finished() bool { return g.core.finished }

// Aclose returns the awaitable of aclose(), for the event loop's
// finaliser and shutdown_asyncgens.
func (g *AsyncGenerator) Aclose(th *Thread) value.Value { return g.op(th, opClose, nil, nil) }

type opKind int

const (
	opSend opKind = iota
	opThrow
	opClose
)

// op returns the awaitable of __anext__/asend (opSend), athrow or aclose.
func (g *AsyncGenerator) op(th *Thread, kind opKind, v value.Value, exc *value.Exception) *agenOp {
	g.hook(th)
	return &agenOp{ag: g, kind: kind, val: v, exc: exc}
}

// hook calls the FirstIter hook the first time g is iterated.
func (g *AsyncGenerator) hook(th *Thread) {
	if !g.hooked {
		g.hooked = true
		if th.FirstIter != nil {
			th.FirstIter(g)
		}
	}
}

// next is `await g.__anext__()` for an async for, without making the
// awaitable when the step completes at once: it returns the next item, or
// the error that ends the await (StopAsyncIteration at the end). When the
// generator's body suspends at an await instead, it returns the value to
// pass up to the task and the __anext__ awaitable, now in progress, for
// the async for to delegate to.
func (g *AsyncGenerator) next(th *Thread) (value.Value, *agenOp, error) {
	g.hook(th)
	c := &g.core
	if g.runningAsync || c.running || c.finished || th.AgenStep != nil {
		o := &agenOp{ag: g, kind: opSend, val: value.None}
		v, done, err := o.Send(th, value.None)
		if err != nil || done {
			return v, nil, err
		}
		return v, o, nil
	}
	// What Send and result do in this state, without their checks.
	g.runningAsync = true
	v, done, err := c.step(th, value.None, true)
	if done {
		v = nil
	}
	return g.result(v, err)
}

// result is what next returns for a step of the generator's frame, begun
// by next, which yielded v, returned (v nil) or raised err.
func (g *AsyncGenerator) result(v value.Value, err error) (value.Value, *agenOp, error) {
	switch {
	case err == nil && v != nil && !g.core.awaiting:
		g.runningAsync = false
		return v, nil, nil
	case err == nil && v != nil:
		return v, &agenOp{ag: g, kind: opSend, val: value.None, state: opIter}, nil
	}
	o := agenOp{ag: g, kind: opSend, state: opIter}
	_, _, err = o.result(v, err == nil, err)
	return nil, nil, err
}

// agenOp is the awaitable of one asend, athrow or aclose: CPython's
// async_generator_asend and async_generator_athrow.
type agenOp struct {
	ag    *AsyncGenerator
	kind  opKind
	val   value.Value
	exc   *value.Exception
	state int
}

const (
	opInit = iota
	opIter
	opDone
)

var (
	asendType  = newVMClass("async_generator_asend", withCoroutineMethods(map[string]value.Value{}))
	athrowType = newVMClass("async_generator_athrow", withCoroutineMethods(map[string]value.Value{}))
)

// Type returns async_generator_asend or async_generator_athrow.
func (o *agenOp) Type() *value.Class {
	if o.kind == opSend {
		return asendType
	}
	return athrowType
}

// Await implements value.Awaitable.
func (o *agenOp) Await(th value.Thread) (value.Coroutine, error) { return o, nil }

func (o *agenOp) opName() string {
	return [...]string{opSend: "anext", opThrow: "athrow", opClose: "aclose"}[o.kind]
}

func (o *agenOp) reuseError() error {
	if o.kind == opSend {
		return value.Errorf(value.RuntimeError, "cannot reuse already awaited __anext__()/asend()")
	}
	return value.Errorf(value.RuntimeError, "cannot reuse already awaited aclose()/athrow()")
}

// Send implements value.Coroutine.
func (o *agenOp) Send(t value.Thread, v value.Value) (value.Value, bool, error) {
	th := t.(*Thread)
	g := o.ag
	switch o.state {
	case opDone:
		return nil, false, o.reuseError()
	case opIter:
		return o.result(g.core.send(th, v))
	}
	if g.runningAsync {
		return nil, false, value.Errorf(value.RuntimeError, "%s(): asynchronous generator is already running", o.opName())
	}
	if th.AgenStep != nil {
		th.AgenStep(g.core.p.code.QualName, o.opName())
	}
	o.state = opIter
	if o.kind == opSend {
		if v == value.None {
			v = o.val
		}
		if g.core.finished {
			o.state = opDone
			return nil, false, value.NewException(value.StopAsyncIteration)
		}
		g.runningAsync = true
		return o.result(g.core.send(th, v))
	}
	if g.core.finished || (o.kind == opClose && !g.core.started) {
		_ = g.core.close(th)
		o.state = opDone
		return value.None, true, nil
	}
	g.runningAsync = true
	exc := o.exc
	if o.kind == opClose {
		exc = value.NewException(value.GeneratorExit)
	}
	return o.result(g.core.throw(th, exc))
}

// Throw implements value.Coroutine.
func (o *agenOp) Throw(t value.Thread, exc *value.Exception) (value.Value, bool, error) {
	if o.state == opDone {
		return nil, false, o.reuseError()
	}
	o.state = opIter
	o.ag.runningAsync = true
	return o.result(o.ag.core.throw(t.(*Thread), exc))
}

// Close implements value.Coroutine: like CPython 3.11, it only marks the
// awaitable as done.
func (o *agenOp) Close(th value.Thread) error {
	o.state = opDone
	return nil
}

// result interprets one step of the generator's frame for the awaitable.
func (o *agenOp) result(v value.Value, done bool, err error) (value.Value, bool, error) {
	g := o.ag
	switch {
	case err != nil:
		o.state, g.runningAsync = opDone, false
		if e, ok := err.(*value.Exception); ok && o.kind == opClose &&
			(e.Class.IsSubclass(value.GeneratorExit) || e.Class.IsSubclass(value.StopAsyncIteration)) {
			return value.None, true, nil
		}
		return nil, false, err
	case done:
		o.state, g.runningAsync = opDone, false
		if o.kind == opClose {
			return value.None, true, nil
		}
		return nil, false, value.NewException(value.StopAsyncIteration)
	case g.core.awaiting:
		return v, false, nil
	}
	o.state, g.runningAsync = opDone, false
	if o.kind == opClose {
		return nil, false, value.Errorf(value.RuntimeError, "async generator ignored GeneratorExit")
	}
	return v, true, nil
}

// aiter returns the async iterator of an async for.
func (th *Thread) aiter(v value.Value, temp bool) (value.Value, error) {
	if g, ok := v.(*AsyncGenerator); ok {
		g.temp = g.temp || temp && !g.hooked
		return g, nil
	}
	r, ok, err := callSpecial(th, v, "__aiter__")
	if !ok && err == nil {
		return nil, value.Errorf(value.TypeError, "'async for' requires an object with __aiter__ method, got %s", v.Type().Name)
	}
	return r, err
}

// anext returns the awaitable of the next item of an async iterator.
func (th *Thread) anext(it value.Value) (value.Value, error) {
	if g, ok := it.(*AsyncGenerator); ok {
		return g.op(th, opSend, value.None, nil), nil
	}
	r, ok, err := callSpecial(th, it, "__anext__")
	if !ok && err == nil {
		return nil, value.Errorf(value.TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %s", it.Type().Name)
	}
	return r, err
}

func isAttributeError(err error) bool {
	e, ok := err.(*value.Exception)
	return ok && e.Class.IsSubclass(value.AttributeError)
}

// anextDefault is the awaitable of anext(it, default): it ends with
// default instead of StopAsyncIteration.
type anextDefault struct {
	inner value.Value
	def   value.Value
}

var anextAwaitableType = newVMClass("anext_awaitable", withCoroutineMethods(map[string]value.Value{}))

// Type returns anext_awaitable.
func (a *anextDefault) Type() *value.Class { return anextAwaitableType }

// Await implements value.Awaitable.
func (a *anextDefault) Await(th value.Thread) (value.Coroutine, error) { return a, nil }

func (a *anextDefault) check(v value.Value, done bool, err error) (value.Value, bool, error) {
	if e, ok := err.(*value.Exception); ok && e.Class.IsSubclass(value.StopAsyncIteration) {
		return a.def, true, nil
	}
	return v, done, err
}

// Send implements value.Coroutine.
func (a *anextDefault) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	return a.check(th.(*Thread).delegate(a.inner, v))
}

// Throw implements value.Coroutine.
func (a *anextDefault) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	return a.check(throwInto(th.(*Thread), a.inner, exc))
}

// Close implements value.Coroutine.
func (a *anextDefault) Close(th value.Thread) error {
	if c, ok := a.inner.(value.Coroutine); ok {
		return c.Close(th)
	}
	return nil
}
