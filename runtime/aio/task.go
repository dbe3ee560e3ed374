package aio

import (
	"math"
	"unsafe"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// A Task is asyncio.Task: a future that drives a coroutine, one step per
// loop callback, waiting on the futures the coroutine yields.
type Task struct {
	Future
	coro     value.Coroutine
	waiter   *Future // _fut_waiter
	next     *Task   // the next task in the loop's list of tasks
	num      uint32  // the number in the default name "Task-<num>", or 0
	nCancels int32   // _num_cancels_requested
	tm       timer   // the timer of the task's own sleep (taskSleep)
}

// newTask makes a task for coro and schedules its first step, as
// Task.__init__.
func newTask(l *Loop, coro value.Coroutine, name value.Value) *Task {
	t := &Task{coro: coro}
	if vt := l.in.vt; vt != nil {
		vt.Charge(int64(unsafe.Sizeof(*t))) // see Options.MaxMemory
	}
	t.init(l, taskFuture)
	t.sleep0 = sleepIdle
	if name == nil {
		l.in.taskCounter++
		if n := l.in.taskCounter; n <= math.MaxUint32 {
			t.num = uint32(n)
		} else {
			t.extra().name = value.MakeString("Task-" + itoa(n))
		}
	} else {
		t.extra().name = name
	}
	if tr := l.in.trace; tr != nil {
		tr.created(t)
	}
	l.callSoon(t)
	l.addTask(t)
	return t
}

// Type returns asyncio.Task.
func (t *Task) Type() *value.Class { return TaskType }

// Name returns the task's name.
func (t *Task) Name(th value.Thread) value.Value {
	m := t.extra()
	if m.name == nil {
		m.name = value.MakeString("Task-" + itoa(int(t.num)))
	}
	return m.name
}

// setName renames the task.
func (t *Task) setName(s string) { t.extra().name = value.MakeString(s) }

// Await returns the task's await iterator.
func (t *Task) Await(th value.Thread) (value.Coroutine, error) {
	return futureIter{&t.Future}, nil
}

// cancel is Task.cancel(msg): it cancels what the task waits on, or makes
// the next step throw CancelledError.
func (t *Task) cancel(msg value.Value) bool {
	t.logTraceback = false
	if t.state != pending {
		return false
	}
	t.nCancels++
	if tr := t.loop.in.trace; tr != nil {
		tr.cancelled(t)
	}
	if t.waiter != nil && t.waiter.self().cancel(msg) {
		return true
	}
	if f := t.napFuture(); f != nil && f.cancel(msg) {
		return true
	}
	t.mustCancel = true
	t.setCancelMsg(msg)
	return true
}

// uncancel decrements the count of cancellation requests.
func (t *Task) uncancel() int32 {
	if t.nCancels > 0 {
		t.nCancels--
	}
	return t.nCancels
}

// call runs one step of the task: the callback a task schedules for
// itself.
func (t *Task) call(l *Loop) error { return t.step(nil) }

// step is Task.__step: resume the coroutine (or throw exc into it) and
// act on what it yields, returns or raises.
func (t *Task) step(exc *value.Exception) error {
	l := t.loop
	if t.state != pending {
		return l.callbackError(value.Errorf(InvalidStateError, "_step(): already done: %s", reprOf(l.in.th, t)), nil)
	}
	if t.mustCancel {
		if exc == nil || !exc.Class.IsSubclass(value.CancelledError) {
			exc = t.makeCancelledError()
		}
		t.mustCancel = false
	}
	t.waiter = nil
	th := l.in.th
	prev := l.current
	l.current = t
	if tr := l.in.trace; tr != nil {
		tr.stepBegin(t)
	}
	var (
		result value.Value
		done   bool
		err    error
	)
	if exc == nil {
		result, done, err = t.coro.Send(th, value.None)
	} else {
		result, done, err = t.coro.Throw(th, exc)
	}
	l.current = prev
	switch {
	case err != nil:
		err = t.fail(err)
	case done:
		if t.mustCancel {
			t.mustCancel = false
			t.Future.cancel(t.cancelMsg())
		} else {
			t.Future.SetResult(result)
		}
		l.taskDone()
	default:
		t.yielded(result)
	}
	if tr := l.in.trace; tr != nil {
		tr.stepEnd(t, prev)
	}
	return err
}

// fail finishes the task with the error its coroutine raised.
func (t *Task) fail(err error) error {
	exc, ok := err.(*value.Exception)
	if !ok {
		return err // not a script exception: stop everything
	}
	if tr := t.loop.in.trace; tr != nil {
		tr.raised(t, exc)
	}
	defer t.loop.taskDone()
	if exc.Class.IsSubclass(value.CancelledError) {
		t.Future.cancel(nil)
		t.result = exc // for makeCancelledError
		return nil
	}
	t.Future.SetException(exc)
	if isExitException(exc) {
		return exc
	}
	return nil
}

// yielded handles a value the coroutine yielded: a future to wait for, or
// None to give the other callbacks a turn (sleep(0)).
func (t *Task) yielded(result value.Value) {
	l := t.loop
	if isNone(result) {
		if tr := l.in.trace; tr != nil {
			tr.sleep(0)
		}
		l.callSoon(t)
		return
	}
	if s, ok := result.(*taskSleep); ok && &s.t == t {
		// The task's own sleep (see awaitedByTask): it waits on tm.
		if t.mustCancel && t.napFuture().cancel(t.cancelMsg()) {
			t.mustCancel = false
		}
		return
	}
	fl, ok := result.(futureLike)
	if !ok {
		t.retry(value.Errorf(value.RuntimeError, "Task got bad yield: %s", reprOf(l.in.th, result)))
		return
	}
	f := fl.base()
	switch {
	case f.loop != l:
		t.retry(value.Errorf(value.RuntimeError, "Task %s got Future %s attached to a different loop", reprOf(l.in.th, t), reprOf(l.in.th, fl)))
	case !f.blocking:
		t.retry(value.Errorf(value.RuntimeError, "yield was used instead of yield from in task %s with %s", reprOf(l.in.th, t), reprOf(l.in.th, fl)))
	case fl == futureLike(t):
		t.retry(value.Errorf(value.RuntimeError, "Task cannot await on itself: %s", reprOf(l.in.th, t)))
	default:
		f.blocking = false
		f.addDoneCallback((*taskWakeup)(t))
		t.waiter = f
		if t.mustCancel && fl.cancel(t.cancelMsg()) {
			t.mustCancel = false
		}
	}
}

// retry schedules a step that throws exc into the coroutine.
func (t *Task) retry(exc *value.Exception) { t.loop.callSoon(&taskThrow{t, exc}) }

// taskThrow is a step of a task that throws an exception into its
// coroutine.
type taskThrow struct {
	t   *Task
	exc *value.Exception
}

func (c *taskThrow) call(l *Loop) error { return c.t.step(c.exc) }

// taskWakeup is Task.__wakeup, the done callback a task adds to the
// future it waits on (its waiter until the step it runs). It is the Task
// itself under another type, so adding it allocates nothing.
type taskWakeup Task

func (w *taskWakeup) call(l *Loop) error {
	t := (*Task)(w)
	f := t.waiter
	if f.state == finished && !f.failed {
		return t.step(nil)
	}
	_, err := f.Result()
	return t.step(err.(*value.Exception))
}
