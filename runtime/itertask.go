package runtime

import (
	"github.com/asyncgen/asyncgen/runtime/aio"
	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// iterTask is the coroutine of the task that pulls the items of an async
// Iter, one request at a time: every __anext__() and the final aclose()
// run in this one task, as they would in an `async for` of a script.
// Between requests it waits on a future that the next request completes,
// unless that request comes during the delivery of the last outcome (the
// range's goroutine pulling the next item as it drives the loop). It
// runs on the loop only.
type iterTask struct {
	in    *Interpreter
	ait   Value // the async iterator
	task  Value // its task
	bound Value // ait.__anext__ of an async generator, or nil

	wake    *aio.Future              // completed by request; nil unless the task waits for one
	next    func() (Value, error)    // the operation request asked for
	op      value.Coroutine          // the operation running, or nil
	deliver func(v Value, err error) // where the operation's outcome goes
	ended   bool                     // the task is done: no more operations
	cancel  func()                   // cancels the operation requested
}

// startIter starts the task iterating ait. The task is named, so that it
// does not take a number from the script's tasks (Task-1, Task-2...).
func (in *Interpreter) startIter(ait Value) (*iterTask, error) {
	d := &iterTask{in: in, ait: ait}
	d.cancel = func() {
		if d.deliver != nil {
			cancelTask(d.in.th, d.task)
		}
	}
	// loop.create_task with a name, unlike asyncio.create_task, takes
	// no number.
	create, err := value.GetAttr(in.th, aio.RunningLoop(in.th), "create_task")
	if err != nil {
		return nil, err
	}
	t, err := value.Call(in.th, create, []Value{d}, []value.Kwarg{{Name: "name", Value: value.MakeString("runtime.Iter")}})
	if err != nil {
		return nil, err
	}
	d.task = t
	if g, ok := ait.(*vm.AsyncGenerator); ok {
		// Its class cannot change: __anext__ is the same every step.
		if d.bound, err = value.GetAttr(in.th, g, "__anext__"); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// anext calls the iterator's __anext__.
func (d *iterTask) anext() (Value, error) {
	if d.bound != nil {
		return value.Call(d.in.th, d.bound, nil, nil)
	}
	return callSpecial(d.in.th, d.ait, "__anext__")
}

// aclose calls the iterator's aclose, if it has one.
func (d *iterTask) aclose() (Value, error) { return callSpecial(d.in.th, d.ait, "aclose") }

// request runs the operation start returns (an awaitable) in the task and
// calls deliver with its outcome; a nil start ends the task. A request
// made while the task is running (by the driver the previous outcome
// paused the loop for) starts when that outcome's delivery returns, in
// the same step of the task, as the next __anext__ of an async for does.
func (d *iterTask) request(start func() (Value, error), deliver func(Value, error)) (cancel func()) {
	if d.ended || d.deliver != nil {
		deliver(nil, value.Errorf(value.RuntimeError, "the iteration's task has ended"))
		return nil
	}
	d.next, d.deliver = start, deliver
	if d.wake != nil {
		d.wake.SetResult(value.None)
		d.wake = nil
	} // else the task is running, or its first step starts the operation
	return d.cancel
}

// Type returns the coroutine class.
func (d *iterTask) Type() *value.Class { return aio.CoroutineType }

// Await returns the coroutine itself.
func (d *iterTask) Await(th value.Thread) (value.Coroutine, error) { return d, nil }

// Send starts the requested operation when woken, or resumes it.
func (d *iterTask) Send(th value.Thread, v Value) (Value, bool, error) {
	if d.op == nil {
		return d.serve(th)
	}
	return d.resumed(th)(d.op.Send(th, v))
}

// Throw throws exc into the operation running. A request cancelled
// before its operation started gets exc; with no request, the loop is
// shutting down and the task ends.
func (d *iterTask) Throw(th value.Thread, exc *value.Exception) (Value, bool, error) {
	if d.op == nil {
		if d.deliver != nil {
			d.next = nil
			d.complete(th, nil, exc)
			return d.serve(th)
		}
		d.ended = true
		return nil, false, exc
	}
	return d.resumed(th)(d.op.Throw(th, exc))
}

// Close does nothing: the task ends by request or by Throw.
func (d *iterTask) Close(th value.Thread) error { return nil }

// resumed handles what the operation did: a yielded future goes up to the
// task; a result or an exception is delivered, and the task serves the
// next request.
func (d *iterTask) resumed(th value.Thread) func(Value, bool, error) (Value, bool, error) {
	return func(r Value, done bool, err error) (Value, bool, error) {
		if !done && err == nil {
			return r, false, nil
		}
		d.op = nil
		d.complete(th, r, err)
		return d.serve(th)
	}
}

// serve runs the requested operations, one after another while each
// completes at once, until one awaits (what it yields goes up to the
// task), none is requested (the task waits for one) or the request ends
// the task.
func (d *iterTask) serve(th value.Thread) (Value, bool, error) {
	for d.deliver != nil {
		if d.next == nil {
			d.ended = true
			d.complete(th, value.None, nil)
			return value.None, true, nil
		}
		start := d.next
		d.next = nil
		aw, err := protect(start)
		if err == nil {
			d.op, err = awaitOf(th, aw)
		}
		var r Value
		if err == nil {
			var done bool
			r, done, err = d.op.Send(th, value.None)
			if !done && err == nil {
				return r, false, nil
			}
			d.op = nil
		}
		d.complete(th, r, err)
	}
	return d.park(th)
}

// complete delivers an operation's outcome. A CancelledError of a
// cancelled request is delivered, and the task's cancellation undone so
// that the next request runs normally.
func (d *iterTask) complete(th value.Thread, v Value, err error) {
	if exc, ok := err.(*value.Exception); ok && exc.Class.IsSubclass(value.CancelledError) {
		callMethod(th, d.task, "uncancel")
	}
	deliver := d.deliver
	d.deliver = nil
	deliver(v, err)
}

// park waits for the next request.
func (d *iterTask) park(th value.Thread) (Value, bool, error) {
	d.wake = aio.NewFuture(aio.RunningLoop(th))
	it, err := d.wake.Await(th)
	if err != nil {
		return nil, false, err
	}
	return it.Send(th, value.None)
}

// awaitOf returns the coroutine that awaiting v runs.
func awaitOf(th value.Thread, v Value) (value.Coroutine, error) {
	aw, ok := v.(value.Awaitable)
	if !ok {
		return nil, value.Errorf(value.TypeError, "object %s can't be used in 'await' expression", v.Type().Name)
	}
	return aw.Await(th)
}
