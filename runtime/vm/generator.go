package vm

import (
	"fmt"
	"unsafe"

	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// genCore is the suspendable frame shared by generators, coroutines and
// async generators. Its slots are allocated with the object that owns it
// (newGenerator); its started, finished and running flags are fields of
// the frame.
type genCore struct {
	frame
	ei excInfo // the generator's handled-exception state
}

// newGenerator makes the generator, coroutine or async generator of a
// code (or the coroutine of a module with top-level await), and returns
// it with its frame, for the arguments.
func newGenerator(code *compile.Code, globals *value.Dict, fn *Function) (value.Value, *frame) {
	n := len(code.Locals) + code.MaxStack
	switch {
	case code.Flags&compile.AsyncGen != 0:
		g, slots := withSlots[AsyncGenerator](n)
		return g, g.core.init(code, globals, fn, slots)
	case code.Flags&compile.Coroutine != 0:
		g, slots := withSlots[Coroutine](n)
		return g, g.core.init(code, globals, fn, slots)
	}
	g, slots := withSlots[Generator](n)
	return g, g.core.init(code, globals, fn, slots)
}

// withSlots allocates a G together with n value slots for its frame, in
// one piece, so that a coroutine costs one allocation. Each size fills a
// size class of Go's allocator for a coroutine (112 + 16n bytes): exactly
// n slots up to nine, then 11, 15 or 19; larger frames get their slots
// apart.
func withSlots[G any](n int) (*G, []value.Value) {
	switch {
	case n <= 1:
		return slotsIn[G, [1]value.Value](n)
	case n == 2:
		return slotsIn[G, [2]value.Value](n)
	case n == 3:
		return slotsIn[G, [3]value.Value](n)
	case n == 4:
		return slotsIn[G, [4]value.Value](n)
	case n == 5:
		return slotsIn[G, [5]value.Value](n)
	case n == 6:
		return slotsIn[G, [6]value.Value](n)
	case n == 7:
		return slotsIn[G, [7]value.Value](n)
	case n == 8:
		return slotsIn[G, [8]value.Value](n)
	case n == 9:
		return slotsIn[G, [9]value.Value](n)
	case n <= 11:
		return slotsIn[G, [11]value.Value](n)
	case n <= 15:
		return slotsIn[G, [15]value.Value](n)
	case n <= 19:
		return slotsIn[G, [19]value.Value](n)
	}
	return new(G), make([]value.Value, n)
}

// generatorSize is about the bytes of a generator of code: its object and
// its frame's slots.
func generatorSize(code *compile.Code) int64 {
	return int64(unsafe.Sizeof(Coroutine{})) + valueSize*int64(len(code.Locals)+code.MaxStack)
}

// slotsIn allocates a G followed by the array A of value slots and
// returns the G and the first n slots. The object lives as long as
// either does.
func slotsIn[G, A any](n int) (*G, []value.Value) {
	x := new(struct {
		g     G
		slots A // an array of value.Value
	})
	return &x.g, unsafe.Slice((*value.Value)(unsafe.Pointer(&x.slots)), n)
}

func (g *genCore) init(code *compile.Code, globals *value.Dict, fn *Function, slots []value.Value) *frame {
	fr := &g.frame
	fr.slots = slots
	fr.setup(code, globals, fn)
	fr.gen = true
	return fr
}

// kind names the object in messages: "generator", "coroutine" or "async
// generator".
func (g *genCore) kind() string {
	switch f := g.p.code.Flags; {
	case f&compile.AsyncGen != 0:
		return "async generator"
	case f&compile.Coroutine != 0:
		return "coroutine"
	}
	return "generator"
}

// resume runs the frame: with v pushed as the result of the yield it is
// suspended at (push), or with fr.pending raised there. It returns
// (yielded, false, nil), (returned, true, nil) or an error.
func (g *genCore) resume(th *Thread, v value.Value, push bool) (result value.Value, done bool, err error) {
	defer th.guard(th.frame, th.depth, th.ei, len(th.callers), &err)
	return g.step(th, v, push)
}

// step is resume without the guard against Go panics, for the VM's own
// loop, which runs under the guard of its caller.
func (g *genCore) step(th *Thread, v value.Value, push bool) (value.Value, bool, error) {
	g.begin(th, v, push)
	r, err := th.run(&g.frame)
	return g.end(th, r, err)
}

// begin prepares the frame to run: v is pushed as the result of the
// yield it is suspended at (push), the generator is marked running and
// its handled-exception state made the thread's.
func (g *genCore) begin(th *Thread, v value.Value, push bool) {
	fr := &g.frame
	if push && g.started && (fr.awaiting || !fr.discard) {
		fr.slots[fr.sp] = v
		fr.sp++
	}
	g.started, g.running = true, true
	g.ei.prev = th.ei
	th.ei = &g.ei
}

// end ends the run that begin prepared, in which the frame yielded or
// returned r or raised err, and returns what step returns.
func (g *genCore) end(th *Thread, r value.Value, err error) (value.Value, bool, error) {
	g.leave(th)
	if err == nil && g.yielded {
		return r, false, nil
	}
	return g.stop(r, err)
}

// leave undoes begin's marks as the frame stops running.
func (g *genCore) leave(th *Thread) {
	th.ei = g.ei.prev
	g.ei.prev = nil
	g.running = false
}

// stop finishes the generator, which returned r or raised err, and
// returns what step returns.
func (g *genCore) stop(r value.Value, err error) (value.Value, bool, error) {
	g.finish()
	if err != nil {
		return nil, false, g.stopError(err)
	}
	return r, true, nil
}

func (g *genCore) finish() {
	g.finished = true
	clear(g.slots)
	g.slots, g.cells = nil, nil
}

// stopError applies PEP 479: StopIteration (and StopAsyncIteration in an
// async generator) leaving the frame becomes a RuntimeError.
func (g *genCore) stopError(err error) error {
	exc, ok := err.(*value.Exception)
	if !ok {
		return err
	}
	name := ""
	switch {
	case exc.Class.IsSubclass(value.StopIteration):
		name = "StopIteration"
	case exc.Class.IsSubclass(value.StopAsyncIteration) && g.kind() == "async generator":
		name = "StopAsyncIteration"
	default:
		return err
	}
	r := value.Errorf(value.RuntimeError, "%s raised %s", g.kind(), name)
	r.Cause, r.Context, r.SuppressContext = exc, exc, true
	return r
}

// send resumes the generator with v.
func (g *genCore) send(th *Thread, v value.Value) (value.Value, bool, error) {
	if g.ready(v) {
		return g.resume(th, v, true)
	}
	if g.running {
		return nil, false, value.Errorf(value.ValueError, "%s already executing", g.kind())
	}
	if g.finished {
		return value.None, true, nil
	}
	return nil, false, value.Errorf(value.TypeError, "can't send non-None value to a just-started %s", g.kind())
}

// ready reports whether send(v) resumes the frame: it is neither running
// nor finished, and v is None unless it has started.
func (g *genCore) ready(v value.Value) bool {
	return !g.running && !g.finished && (g.started || v == value.None)
}

// throw raises exc at the suspension point, first in the iterator that a
// yield from or await delegates to.
func (g *genCore) throw(th *Thread, exc *value.Exception) (value.Value, bool, error) {
	if g.running {
		return nil, false, value.Errorf(value.ValueError, "%s already executing", g.kind())
	}
	if g.finished {
		return nil, false, exc
	}
	fr := &g.frame
	if !g.started {
		g.started = true
		exc.Traceback = append(exc.Traceback, value.Frame{Filename: fr.p.code.Filename, Func: fr.p.code.Name, Line: fr.p.code.Line})
		g.finish()
		return nil, false, exc
	}
	if fr.awaiting {
		sub := fr.slots[fr.sp-1]
		g.running = true
		v, done, err := throwInto(th, sub, exc)
		g.running = false
		switch {
		case err == nil && !done:
			return v, false, nil
		case err == nil:
			// The delegate returned: its value is the result of the
			// yield from, and the frame goes on after it.
			fr.slots[fr.sp-1] = v
			fr.pc++
			return g.resume(th, nil, false)
		}
		e, ok := err.(*value.Exception)
		if !ok {
			return nil, false, err
		}
		exc = e
	}
	th.throwing = exc
	return g.resume(th, nil, false)
}

// throwInto throws exc into the delegate of a yield from or await. When the
// delegate cannot take it, or exc is GeneratorExit (the delegate is closed
// instead), it returns exc itself, to be raised in the delegating frame.
func throwInto(th *Thread, sub value.Value, exc *value.Exception) (value.Value, bool, error) {
	c, ok := sub.(value.Coroutine)
	if exc.Class.IsSubclass(value.GeneratorExit) {
		if ok {
			if err := c.Close(th); err != nil {
				return nil, false, err
			}
		}
		return nil, false, exc
	}
	if !ok {
		return nil, false, exc
	}
	return c.Throw(th, exc)
}

// close is Python's close(): GeneratorExit at the suspension point.
func (g *genCore) close(th *Thread) error {
	if g.finished || !g.started {
		if !g.running {
			g.started = true
			if !g.finished {
				g.finish()
			}
		}
		return nil
	}
	_, done, err := g.throw(th, value.NewException(value.GeneratorExit))
	if err == nil && !done {
		return value.Errorf(value.RuntimeError, "%s ignored GeneratorExit", g.kind())
	}
	if e, ok := err.(*value.Exception); ok && (e.Class.IsSubclass(value.GeneratorExit) || e.Class.IsSubclass(value.StopIteration)) {
		return nil
	}
	return err
}

// Generator is a script generator.
type Generator struct {
	core genCore
	temp bool // iterated by a for over a temporary: closed when the loop is left
}

// GeneratorType is the class of generators.
var GeneratorType = newVMClass("generator", withCoroutineMethods(map[string]value.Value{
	"__next__": &method{"__next__", func(th *Thread, self value.Value, args []value.Value) (value.Value, error) {
		return stepResult(self.(*Generator).Send(th, value.None))
	}},
	"__iter__": &method{"__iter__", func(th *Thread, self value.Value, args []value.Value) (value.Value, error) {
		return self, nil
	}},
	"__name__":     getter("__name__", func(g *Generator) value.Value { return value.MakeString(g.core.p.code.Name) }),
	"__qualname__": getter("__qualname__", func(g *Generator) value.Value { return value.MakeString(g.core.p.code.QualName) }),
	"gi_running":   getter("gi_running", func(g *Generator) value.Value { return value.Bool(g.core.running) }),
}))

// withCoroutineMethods adds send, throw and close, for any value.Coroutine,
// to the attributes of a VM class.
func withCoroutineMethods(attrs map[string]value.Value) map[string]value.Value {
	attrs["send"] = &method{"send", func(th *Thread, self value.Value, args []value.Value) (value.Value, error) {
		if len(args) != 1 {
			return nil, value.Errorf(value.TypeError, "send() takes exactly one argument (%d given)", len(args))
		}
		return stepResult(self.(value.Coroutine).Send(th, args[0]))
	}}
	attrs["throw"] = &method{"throw", func(th *Thread, self value.Value, args []value.Value) (value.Value, error) {
		exc, err := throwArgs(th, args)
		if err != nil {
			return nil, err
		}
		return stepResult(self.(value.Coroutine).Throw(th, exc))
	}}
	attrs["close"] = &method{"close", func(th *Thread, self value.Value, args []value.Value) (value.Value, error) {
		return value.None, self.(value.Coroutine).Close(th)
	}}
	return attrs
}

// stepResult turns the result of a Send or Throw into what a script's
// send() or __next__() returns: the yielded value, or StopIteration
// carrying the return value.
func stepResult(v value.Value, done bool, err error) (value.Value, error) {
	if err != nil {
		return nil, err
	}
	if done {
		return nil, stopIteration(v)
	}
	return v, nil
}

func stopIteration(v value.Value) *value.Exception {
	if v == nil || v == value.None {
		return value.NewException(value.StopIteration)
	}
	return value.NewException(value.StopIteration, v)
}

// throwArgs reads the arguments of throw(): an exception instance or
// class, optionally with a value.
func throwArgs(th *Thread, args []value.Value) (*value.Exception, error) {
	if len(args) == 0 || len(args) > 3 {
		return nil, value.Errorf(value.TypeError, "throw expected at least 1 argument, got %d", len(args))
	}
	if cls, ok := args[0].(*value.Class); ok && len(args) > 1 && args[1] != value.None {
		if e, ok := args[1].(*value.Exception); ok {
			return e, nil
		}
		r, err := value.Call(th, cls, []value.Value{args[1]}, nil)
		if err != nil {
			return nil, err
		}
		if e, ok := r.(*value.Exception); ok {
			return e, nil
		}
	}
	return th.makeException(args[0], "exceptions must be classes or instances deriving from BaseException, not "+args[0].Type().Name)
}

// Type returns the generator class.
func (g *Generator) Type() *value.Class { return GeneratorType }

// Repr returns `<generator object f at 0x...>`.
func (g *Generator) Repr(th value.Thread) (string, error) {
	return fmt.Sprintf("<generator object %s at %p>", g.core.p.code.QualName, g), nil
}

// Next implements value.Iterator.
func (g *Generator) Next(th value.Thread) (value.Value, bool, error) {
	v, done, err := g.core.send(th.(*Thread), value.None)
	if err != nil || done {
		return nil, false, err
	}
	return v, true, nil
}

// Send implements value.Coroutine.
func (g *Generator) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	return g.core.send(th.(*Thread), v)
}

// Throw implements value.Coroutine.
func (g *Generator) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	return g.core.throw(th.(*Thread), exc)
}

// Close implements value.Coroutine.
func (g *Generator) Close(th value.Thread) error { return g.core.close(th.(*Thread)) }

// Coroutine is the coroutine made by calling an async def function, or a
// module with top-level await.
type Coroutine struct{ core genCore }

// CoroutineType is the class of coroutines.
var CoroutineType = newVMClass("coroutine", withCoroutineMethods(map[string]value.Value{
	"__name__":     getter("__name__", func(c *Coroutine) value.Value { return value.MakeString(c.core.p.code.Name) }),
	"__qualname__": getter("__qualname__", func(c *Coroutine) value.Value { return value.MakeString(c.core.p.code.QualName) }),
	"cr_running":   getter("cr_running", func(c *Coroutine) value.Value { return value.Bool(c.core.running) }),
	"__await__": &method{"__await__", func(th *Thread, self value.Value, args []value.Value) (value.Value, error) {
		return &coroWrapper{self.(*Coroutine)}, nil
	}},
}))

// coroWrapper is the iterator that a coroutine's __await__() returns, for
// awaitables written as classes that delegate to a coroutine.
type coroWrapper struct{ c *Coroutine }

var coroWrapperType = newVMClass("coroutine_wrapper", withCoroutineMethods(map[string]value.Value{
	"__next__": &method{"__next__", func(th *Thread, self value.Value, args []value.Value) (value.Value, error) {
		return stepResult(self.(*coroWrapper).Send(th, value.None))
	}},
	"__iter__": &method{"__iter__", func(th *Thread, self value.Value, args []value.Value) (value.Value, error) {
		return self, nil
	}},
}))

// Type returns coroutine_wrapper.
func (w *coroWrapper) Type() *value.Class { return coroWrapperType }

// Next implements value.Iterator.
func (w *coroWrapper) Next(th value.Thread) (value.Value, bool, error) {
	v, done, err := w.c.Send(th, value.None)
	if err != nil || done {
		return nil, false, err
	}
	return v, true, nil
}

// Send implements value.Coroutine.
func (w *coroWrapper) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	return w.c.Send(th, v)
}

// Throw implements value.Coroutine.
func (w *coroWrapper) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	return w.c.Throw(th, exc)
}

// Close implements value.Coroutine.
func (w *coroWrapper) Close(th value.Thread) error { return w.c.Close(th) }

// Type returns the coroutine class.
func (c *Coroutine) Type() *value.Class { return CoroutineType }

// Repr returns `<coroutine object f at 0x...>`.
func (c *Coroutine) Repr(th value.Thread) (string, error) {
	return fmt.Sprintf("<coroutine object %s at %p>", c.core.p.code.QualName, c), nil
}

// Name returns the qualified name of the coroutine's function.
func (c *Coroutine) Name() string { return c.core.p.code.QualName }

// Frame returns the file and line the coroutine is suspended at (or
// starts at), for task reprs.
func (c *Coroutine) Frame() (filename string, line int) {
	code := c.core.p.code
	if !c.core.started {
		return code.Filename, code.Line
	}
	return code.Filename, code.LineAt(int(c.core.yieldPC))
}

// Done reports whether the coroutine has finished.
func (c *Coroutine) Done() bool { return c.core.finished }

// Await implements value.Awaitable: a coroutine is its own iterator.
func (c *Coroutine) Await(th value.Thread) (value.Coroutine, error) { return c, nil }

// Send implements value.Coroutine.
func (c *Coroutine) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	if c.core.ready(v) {
		// A task's step: without a call of send.
		return c.core.resume(th.(*Thread), v, true)
	}
	if c.core.finished && !c.core.running {
		return nil, false, value.Errorf(value.RuntimeError, "cannot reuse already awaited coroutine")
	}
	return c.core.send(th.(*Thread), v)
}

// Throw implements value.Coroutine.
func (c *Coroutine) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	if c.core.finished && !c.core.running {
		return nil, false, value.Errorf(value.RuntimeError, "cannot reuse already awaited coroutine")
	}
	return c.core.throw(th.(*Thread), exc)
}

// Close implements value.Coroutine.
func (c *Coroutine) Close(th value.Thread) error { return c.core.close(th.(*Thread)) }

// delegate sends v to the iterator of a yield from or await.
func (th *Thread) delegate(sub, v value.Value) (value.Value, bool, error) {
	switch x := sub.(type) {
	case *Coroutine:
		return x.Send(th, v)
	case *Generator:
		if x.core.ready(v) {
			// send without the panic guard, which the loop's caller has.
			return x.core.step(th, v, true)
		}
		return x.core.send(th, v)
	case value.Coroutine:
		return x.Send(th, v)
	case value.Iterator:
		if v != value.None {
			return nil, false, value.Errorf(value.AttributeError, "'%s' object has no attribute 'send'", sub.Type().Name)
		}
		r, ok, err := x.Next(th)
		if err != nil {
			return nil, false, err
		}
		if !ok {
			return value.None, true, nil
		}
		return r, false, nil
	}
	return nil, false, value.Errorf(value.TypeError, "'%s' object is not an iterator", sub.Type().Name)
}

// awaitable returns the iterator that `await v` delegates to, and the
// same as a value.Coroutine when it is one (the common case), for
// GET_AWAITABLE to send it its first None without delegate's type switch.
func awaitable(th *Thread, v value.Value) (value.Value, value.Coroutine, error) {
	switch x := v.(type) {
	case *Coroutine:
		return x, x, nil
	case value.Awaitable:
		c, err := x.Await(th)
		return c, c, err
	case *Generator:
	case *value.Instance:
		r, ok, err := callSpecial(th, x, "__await__")
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			break
		}
		switch c := r.(type) {
		case *Coroutine:
			return nil, nil, value.Errorf(value.TypeError, "__await__() returned a coroutine")
		case value.Coroutine:
			return r, c, nil
		case value.Iterator:
			return r, nil, nil
		}
		return nil, nil, value.Errorf(value.TypeError, "__await__() returned non-iterator of type '%s'", r.Type().Name)
	}
	return nil, nil, value.Errorf(value.TypeError, "object %s can't be used in 'await' expression", v.Type().Name)
}

// yieldFromIter returns the iterator of `yield from v`.
func yieldFromIter(th *Thread, v value.Value) (value.Value, error) {
	switch v.(type) {
	case *Coroutine:
		return nil, value.Errorf(value.TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator")
	}
	return value.Iterate(th, v)
}
