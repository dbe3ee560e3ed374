package aio

import (
	"unsafe"

	"github.com/asyncgen/asyncgen/runtime/value"
)

type futureState uint8

const (
	pending futureState = iota
	cancelled
	finished
)

// futureLike is what a task can wait on: a Future, a Task, a gather's
// future. cancel differs between them, as in asyncio.
type futureLike interface {
	value.Value
	base() *Future
	cancel(msg value.Value) bool
}

// A Future is asyncio.Future: a result that will be available later, with
// callbacks scheduled on the loop when it is done.
type Future struct {
	loop *Loop

	kind         futureKind // what value the future is part of (self)
	state        futureState
	blocking     bool // _asyncio_future_blocking
	logTraceback bool // an exception nobody has retrieved yet
	failed       bool // finished with the exception in result

	// Three fields of the Task a future may start, kept in the future's
	// padding, which keeps a Task small.
	mustCancel bool       // Task._must_cancel
	sleep0     sleepState // the task as its own sleep(0) (taskSleep0)
	nap        napState   // the task as its own sleep(delay) (taskSleep)

	result value.Value // the result, or the exception if failed

	// The first done callback is inline since most futures have exactly
	// one (the waiting task's wake-up); the rarely used rest is in more,
	// which keeps a pending task small.
	cb0  callback
	more *futureMore
}

// futureKind tells which value a Future is: a plain future, or the first
// field of a Task or of a gather's future.
type futureKind uint8

const (
	plainFuture futureKind = iota
	taskFuture
	gatherFuture
)

// Task and gathering start with their Future, which self relies on: the
// constant overflows otherwise.
const _ = -(unsafe.Offsetof(Task{}.Future) + unsafe.Offsetof(gathering{}.Future))

// self returns the value f is: the future itself, or the Task or gather
// future it starts. Keeping a kind rather than the value saves 16 bytes
// in every future, so in every task and sleep.
func (f *Future) self() futureLike {
	switch f.kind {
	case taskFuture:
		return (*Task)(unsafe.Pointer(f))
	case gatherFuture:
		return (*gathering)(unsafe.Pointer(f))
	}
	return f
}

// futureMore holds the rarely used parts of a future.
type futureMore struct {
	cbs       []callback  // done callbacks after cb0
	cancelMsg value.Value // the cancel() message; nil for None
	name      value.Value // a task's name, once given or asked for

	// cls and dict are the script class and attributes of an instance of
	// a script class deriving from Future; nil otherwise.
	cls  *value.Class
	dict *value.Dict
}

// extra returns f.more, allocating it if needed.
func (f *Future) extra() *futureMore {
	if f.more == nil {
		f.more = &futureMore{}
	}
	return f.more
}

// cancelMsg returns the message of the cancellation, nil for None.
func (f *Future) cancelMsg() value.Value {
	if f.more == nil {
		return nil
	}
	return f.more.cancelMsg
}

// setCancelMsg records the message of a cancellation.
func (f *Future) setCancelMsg(msg value.Value) {
	if msg != nil || f.more != nil {
		f.extra().cancelMsg = msg
	}
}

// callbacks returns the done callbacks in order.
func (f *Future) callbacks() []callback {
	if f.cb0 == nil {
		return nil
	}
	cbs := []callback{f.cb0}
	if f.more != nil {
		cbs = append(cbs, f.more.cbs...)
	}
	return cbs
}

// NewFuture returns a pending future bound to l.
func NewFuture(l *Loop) *Future {
	f := &Future{}
	f.init(l, plainFuture)
	return f
}

func (f *Future) init(l *Loop, kind futureKind) {
	f.loop = l
	f.kind = kind
}

// Type returns asyncio.Future, or the script class deriving from it.
func (f *Future) Type() *value.Class {
	if f.more != nil && f.more.cls != nil {
		return f.more.cls
	}
	return FutureType
}

// InstanceDict returns the attributes of an instance of a script class
// deriving from Future, or nil.
func (f *Future) InstanceDict() *value.Dict {
	if f.more == nil {
		return nil
	}
	return f.more.dict
}

func (f *Future) base() *Future { return f }

// Done reports whether the future has a result, an exception or was
// cancelled.
func (f *Future) Done() bool { return f.state != pending }

// Cancelled reports whether the future was cancelled.
func (f *Future) Cancelled() bool { return f.state == cancelled }

// cancel is Future.cancel(msg).
func (f *Future) cancel(msg value.Value) bool {
	f.logTraceback = false
	if f.state != pending {
		return false
	}
	f.state = cancelled
	f.setCancelMsg(msg)
	f.scheduleCallbacks()
	return true
}

// SetResult marks the future done with result v.
func (f *Future) SetResult(v value.Value) error {
	if f.state != pending {
		return errInvalidState()
	}
	f.result = v
	f.state = finished
	f.scheduleCallbacks()
	return nil
}

// SetException marks the future done with exception exc.
func (f *Future) SetException(exc *value.Exception) error {
	if f.state != pending {
		return errInvalidState()
	}
	if exc.Class == value.StopIteration {
		return value.Errorf(value.TypeError, "StopIteration interacts badly with generators and cannot be raised into a Future")
	}
	f.result, f.failed = exc, true
	f.state = finished
	f.scheduleCallbacks()
	f.logTraceback = true
	f.loop.noteUnretrieved(f.self())
	return nil
}

// scheduleCallbacks schedules every done callback with call_soon, in the
// order they were added, and forgets them.
func (f *Future) scheduleCallbacks() {
	if f.cb0 == nil {
		return
	}
	l := f.loop
	l.callSoon(f.cb0)
	f.cb0 = nil
	if f.more == nil {
		return
	}
	cbs := f.more.cbs
	for i, cb := range cbs {
		l.callSoon(cb)
		cbs[i] = nil
	}
	f.more.cbs = cbs[:0]
}

// addDoneCallback is add_done_callback: cb runs (with the future as
// argument) via call_soon once the future is done.
func (f *Future) addDoneCallback(cb callback) {
	if f.state != pending {
		f.loop.callSoon(cb)
		return
	}
	if f.cb0 == nil {
		f.cb0 = cb
		return
	}
	m := f.extra()
	m.cbs = append(m.cbs, cb)
}

// removeDoneCallback removes every callback for which match is true and
// returns how many it removed.
func (f *Future) removeDoneCallback(match func(callback) bool) int {
	all := f.callbacks()
	kept := all[:0]
	for _, cb := range all {
		if !match(cb) {
			kept = append(kept, cb)
		}
	}
	n := len(all) - len(kept)
	f.cb0 = nil
	if f.more != nil {
		f.more.cbs = nil
	}
	for _, cb := range kept {
		f.addDoneCallback(cb)
	}
	return n
}

// Result is Future.result(): the value, the exception, CancelledError, or
// InvalidStateError when not done.
func (f *Future) Result() (value.Value, error) {
	switch f.state {
	case cancelled:
		return nil, f.makeCancelledError()
	case pending:
		return nil, value.Errorf(InvalidStateError, "Result is not set.")
	}
	f.logTraceback = false
	if exc := f.failure(); exc != nil {
		return nil, exc
	}
	return f.result, nil
}

// Exception is Future.exception(): the exception or None.
func (f *Future) Exception() (value.Value, error) {
	switch f.state {
	case cancelled:
		return nil, f.makeCancelledError()
	case pending:
		return nil, value.Errorf(InvalidStateError, "Exception is not set.")
	}
	f.logTraceback = false
	if exc := f.failure(); exc != nil {
		return exc, nil
	}
	return value.None, nil
}

// failure returns the exception the future finished with, or nil.
func (f *Future) failure() *value.Exception {
	if !f.failed {
		return nil
	}
	return f.result.(*value.Exception)
}

// makeCancelledError is _make_cancelled_error: the CancelledError to raise
// for a cancelled future, the one that cancelled it if it was saved (a
// cancelled task keeps it in result, which holds nothing else then).
func (f *Future) makeCancelledError() *value.Exception {
	if exc, ok := f.result.(*value.Exception); ok && f.kind == taskFuture && f.state == cancelled {
		f.result = nil
		return exc
	}
	if msg := f.cancelMsg(); msg != nil {
		return value.NewException(value.CancelledError, msg)
	}
	return value.NewException(value.CancelledError)
}

// Await returns the future's await iterator.
func (f *Future) Await(th value.Thread) (value.Coroutine, error) {
	return futureIter{f}, nil
}

// futureIter is Future.__await__: it yields the future once if it is not
// done, then returns its result. It is stateless (the future tells whether
// it has yielded), so awaiting a future allocates nothing.
type futureIter struct{ f *Future }

// Type returns the class of future iterators.
func (futureIter) Type() *value.Class { return FutureIterType }

// Send resumes the await: it yields the future while it is pending and
// returns its result once done.
func (it futureIter) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	f := it.f
	if f.state == pending {
		if f.blocking { // yielded, and no task took it
			return nil, false, errAwaitNotUsed()
		}
		f.blocking = true
		return f.self(), false, nil
	}
	r, err := f.Result()
	return r, err == nil, err
}

// Throw raises exc at the await.
func (it futureIter) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	return nil, false, exc
}

// Close does nothing: the iterator holds no resources.
func (it futureIter) Close(th value.Thread) error { return nil }

func errInvalidState() error { return value.Errorf(InvalidStateError, "invalid state") }

// asFuture returns the Future behind v, or nil if v is not a future.
func asFuture(v value.Value) *Future {
	if fl, ok := v.(futureLike); ok {
		return fl.base()
	}
	return nil
}
