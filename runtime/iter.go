package runtime

import (
	"context"
	"errors"
	"iter"

	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// Iter iterates v from Go: an async generator or any async iterable,
// item by item on the event loop (other tasks run meanwhile), or a
// generator or any iterable. Items are converted to Go (see the package
// documentation).
//
//	for item, err := range in.Iter(ctx, gen) {
//		if err != nil { ... } // the iteration failed; the range ends
//		...
//	}
//
// Leaving the range early closes the iterator (aclose() or close(), when
// it has one), so a generator's finally blocks have run when the range
// statement ends. Cancelling ctx cancels the pending step: the generator
// sees CancelledError at its await, and the error wraps ctx.Err().
//
// An async iteration without Start runs a loop of its own for the length
// of the range statement; API calls made meanwhile run on it, and it
// shuts down like asyncio.run's when the range ends. The range's
// goroutine runs that loop until the next item is ready, and the loop
// stands still while the range body runs (see the package documentation
// on goroutines). After Start, the background loop serves the range.
func (in *Interpreter) Iter(ctx context.Context, v Value) iter.Seq2[any, error] {
	return func(yield func(any, error) bool) {
		if v == nil {
			yield(nil, errNil)
			return
		}
		var async bool
		err := in.do(ctx, func() error {
			async = isAsyncIterable(in.th, v)
			return nil
		})
		switch {
		case err != nil:
			yield(nil, err)
		case async:
			in.iterAsync(ctx, v, yield)
		default:
			in.iterSync(ctx, v, yield)
		}
	}
}

// isAsyncIterable reports whether v has __aiter__.
func isAsyncIterable(th value.Thread, v Value) bool {
	if _, ok := v.(*vm.AsyncGenerator); ok {
		return true
	}
	_, err := value.GetAttr(th, v, "__aiter__")
	return err == nil
}

func (in *Interpreter) iterSync(ctx context.Context, v Value, yield func(any, error) bool) {
	var it value.Iterator
	err := in.do(ctx, func() (err error) {
		it, err = value.Iterate(in.th, v)
		return err
	})
	if err != nil {
		yield(nil, err)
		return
	}
	step := &nextItem{in: in, it: it}
	for {
		err := in.run(ctx, step)
		switch {
		case err != nil:
			yield(nil, err)
			return
		case !step.more:
			return
		case !yield(step.item, nil):
			in.do(context.Background(), func() error { return callMethod(in.th, it, "close") })
			return
		}
	}
}

// nextItem is the job of a step of a synchronous Iter: the next item of
// it, converted to Go. One serves all the steps of an Iter.
type nextItem struct {
	in   *Interpreter
	it   value.Iterator
	item any
	more bool
}

func (n *nextItem) start() (Value, error) {
	v, more, err := n.it.Next(n.in.th)
	n.item, n.more = toGo(v), more
	return nil, err
}

func (*nextItem) finish(Value) error { return nil }

func (in *Interpreter) iterAsync(ctx context.Context, v Value, yield func(any, error) bool) {
	s, err := in.acquire()
	if err != nil {
		yield(nil, err)
		return
	}
	defer in.release(s)
	var d *iterTask // used on the loop goroutine only
	err = s.run(ctx, doFunc(func() error {
		ait, err := callSpecial(in.th, v, "__aiter__")
		if err == nil {
			d, err = in.startIter(ait)
		}
		return err
	}))
	if err != nil {
		yield(nil, err)
		return
	}
	// work returns the work of running the awaitable start returns in the
	// task (nil: ending the task); made once, it serves every step.
	work := func(start func() (Value, error)) func(done func(Value, error)) func() {
		return func(done func(Value, error)) func() { return d.request(start, done) }
	}
	var item any
	convert := func(v Value) error {
		item = toGo(v)
		return nil
	}
	defer s.exec(context.Background(), work(nil), nil)
	step := s.loopCall(work(d.anext), convert)
	for {
		err := step.send(ctx)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || !e.Exception.Class.IsSubclass(value.StopAsyncIteration) {
				yield(nil, err)
			}
			return
		}
		if !yield(item, nil) {
			break
		}
	}
	s.exec(context.Background(), work(d.aclose), nil)
}

// callSpecial calls v's method name with no arguments; a missing aclose
// or close is not an error (nothing to close).
func callSpecial(th value.Thread, v Value, name string) (Value, error) {
	if g, ok := v.(*vm.AsyncGenerator); ok && name == "__aiter__" {
		return g, nil
	}
	m, err := value.GetAttr(th, v, name)
	if err != nil {
		var exc *value.Exception
		if (name == "aclose" || name == "close") && errors.As(err, &exc) && exc.Class.IsSubclass(value.AttributeError) {
			return value.None, nil
		}
		return nil, err
	}
	return value.Call(th, m, nil, nil)
}

// callMethod is callSpecial for a method whose result does not matter.
func callMethod(th value.Thread, v Value, name string) error {
	_, err := callSpecial(th, v, name)
	return err
}
