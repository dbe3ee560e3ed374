package aio

import (
	"fmt"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// opKind is the queue coroutine a queueOp runs.
type opKind uint8

const (
	opPut opKind = iota
	opGet
	opJoin
)

var opNames = [...]string{opPut: "put", opGet: "get", opJoin: "join"}

// opState is where a queueOp is suspended.
type opState uint8

const (
	opCreated opState = iota
	opWaiting         // at `await waiter`
	opDone
)

// queueOp is the coroutine of Queue.put(item), Queue.get() or
// Queue.join(): CPython's code as a state machine whose only suspension
// point is the await on its waiter future.
type queueOp struct {
	q      *Queue
	kind   opKind
	state  opState
	item   value.Value // put's argument
	waiter *Future
}

// Type returns the coroutine class.
func (op *queueOp) Type() *value.Class { return CoroutineType }

// Await returns the coroutine itself.
func (op *queueOp) Await(th value.Thread) (value.Coroutine, error) { return op, nil }

// Repr returns the coroutine's repr.
func (op *queueOp) Repr(th value.Thread) (string, error) {
	return fmt.Sprintf("<coroutine object Queue.%s at %p>", opNames[op.kind], op), nil
}

// Send starts or resumes the coroutine.
func (op *queueOp) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	switch op.state {
	case opDone:
		return nil, false, value.Errorf(value.RuntimeError, "cannot reuse already awaited coroutine")
	case opWaiting:
		w := op.waiter
		if !w.Done() {
			w.blocking = true
			return w, false, nil
		}
		if _, err := w.Result(); err != nil {
			return op.fail(err.(*value.Exception))
		}
		op.waiter = nil
		if op.kind == opJoin {
			op.q.removeJoiner(w)
			op.state = opDone
			return value.None, true, nil
		}
	}
	return op.run(th)
}

// run runs the coroutine's body from the top of its loop: it waits while
// the queue is full (put) or empty (get), otherwise finishes.
func (op *queueOp) run(th value.Thread) (value.Value, bool, error) {
	q := op.q
	var waiters *ring[*Future]
	switch op.kind {
	case opPut:
		if !q.full() {
			item := op.item
			op.state, op.item = opDone, nil
			return value.None, true, q.add(th, item)
		}
		waiters = &q.putters
	case opGet:
		if q.qsize() > 0 {
			op.state = opDone
			item, err := q.take(th)
			return item, err == nil, err
		}
		waiters = &q.getters
	case opJoin:
		if q.unfinished <= 0 || !q.unset {
			op.state = opDone
			return value.None, true, nil
		}
	}
	l, err := runningLoop(th)
	if err != nil {
		op.state = opDone
		return nil, false, err
	}
	w := NewFuture(l)
	if waiters != nil {
		waiters.push(w)
	} else {
		q.joiners = append(q.joiners, w)
	}
	op.waiter, op.state = w, opWaiting
	w.blocking = true
	return w, false, nil
}

// fail handles exc raised at `await waiter`: put and get run their except
// clause, join its finally clause; then exc propagates.
func (op *queueOp) fail(exc *value.Exception) (value.Value, bool, error) {
	q, w := op.q, op.waiter
	op.state, op.waiter, op.item = opDone, nil, nil
	switch op.kind {
	case opPut:
		w.cancel(nil)
		removeWaiter(&q.putters, w)
		if !q.full() && !w.Cancelled() {
			wakeupNext(&q.putters)
		}
	case opGet:
		w.cancel(nil)
		removeWaiter(&q.getters, w)
		if q.qsize() > 0 && !w.Cancelled() {
			wakeupNext(&q.getters)
		}
	case opJoin:
		q.removeJoiner(w)
	}
	return nil, false, exc
}

// Throw raises exc at the suspension point.
func (op *queueOp) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	if op.state != opWaiting {
		op.state = opDone
		return nil, false, exc
	}
	return op.fail(exc)
}

// Close raises GeneratorExit at the suspension point.
func (op *queueOp) Close(th value.Thread) error {
	if op.state != opWaiting {
		op.state = opDone
		return nil
	}
	op.fail(value.NewException(value.GeneratorExit)) // GeneratorExit propagates: closed
	return nil
}
