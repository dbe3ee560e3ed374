package aio

import (
	"fmt"
	"unsafe"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// sleepCoro is the coroutine asyncio.sleep(delay, result) returns for a
// positive delay: it waits on a future that a timer completes, so the
// task resumes one loop iteration after the timer fires, as in CPython.
// The coroutine, its future and its timer are one allocation, with no
// field of its own: the future holds the result from the start (it is
// read only once the future is done), the timer holds the delay until
// the sleep starts (the future then has a loop), and the timer is
// cancelled once the sleep is over.
type sleepCoro struct {
	timer timer
	fut   Future
}

// newSleepCoro returns the coroutine of a sleep for delay nanoseconds
// (> 0).
func newSleepCoro(delay int64, result value.Value) *sleepCoro {
	s := &sleepCoro{timer: timer{when: delay}}
	s.fut.result = result
	return s
}

type sleepState uint8

const (
	sleepNew sleepState = iota
	sleepYielded
	sleepIdle // a task's own sleep(0) not handed out
	sleepDone
)

// Type returns the coroutine class.
func (s *sleepCoro) Type() *value.Class { return CoroutineType }

// Await returns the coroutine itself, as for script coroutines.
func (s *sleepCoro) Await(th value.Thread) (value.Coroutine, error) { return s, nil }

// Send starts or resumes the sleep.
func (s *sleepCoro) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	switch {
	case s.timer.has(timerCancelled):
		return nil, false, errReused()
	case s.fut.loop == nil:
		l, err := runningLoop(th)
		if err != nil {
			s.timer.set(timerCancelled, true)
			return nil, false, err
		}
		delay := s.timer.when
		s.fut.init(l, plainFuture)
		s.timer.when = l.Time() + delay
		l.addTimer(&s.timer, false)
		if tr := l.in.trace; tr != nil {
			tr.sleep(delay)
		}
		s.fut.blocking = true
		return &s.fut, false, nil
	}
	if s.fut.state == pending {
		// Resumed before its timer fired: the sleep's `await future`
		// yields the future again once the task has taken it, as the C
		// FutureIter does.
		if !s.fut.blocking {
			s.fut.blocking = true
			return &s.fut, false, nil
		}
		s.finish()
		return nil, false, errAwaitNotUsed()
	}
	s.finish()
	r, err := s.fut.Result()
	return r, err == nil, err
}

func errAwaitNotUsed() error {
	return value.Errorf(value.RuntimeError, "await wasn't used with future")
}

// Throw raises exc where the sleep is suspended (or at its start).
func (s *sleepCoro) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	if s.timer.has(timerCancelled) {
		return nil, false, errReused()
	}
	s.finish()
	return nil, false, exc
}

// Close ends the sleep.
func (s *sleepCoro) Close(th value.Thread) error {
	s.finish()
	return nil
}

// finish cancels the timer (sleep's `finally: h.cancel()`), which marks
// the sleep over.
func (s *sleepCoro) finish() {
	if s.fut.loop == nil {
		s.timer.set(timerCancelled, true)
		return
	}
	s.fut.loop.cancelTimer(&s.timer)
}

// fire is futures._set_result_unless_cancelled for the sleep's future,
// run when the timer fires.
func (s *sleepCoro) fire() {
	if s.fut.state == pending {
		s.fut.SetResult(s.fut.result)
	}
}

func errReused() error {
	return value.Errorf(value.RuntimeError, "cannot reuse already awaited coroutine")
}

// sleep0 is the coroutine of asyncio.sleep(0): one bare yield (the task
// reschedules itself with call_soon), then the result.
type sleep0 struct {
	result value.Value
	state  sleepState
}

// newSleep0 returns a sleep(0) coroutine. The task being stepped hands
// out itself as one (taskSleep0) once the previous use is over, so the
// hot `await asyncio.sleep(0)` allocates nothing. (The only visible
// difference from CPython: two sleep(0) objects made one after the other
// in a task, the first awaited to its end, can be the same object.)
func (in *interpreter) newSleep0(result value.Value) value.Value {
	if l := in.loop; l != nil && l.current != nil && isNone(result) {
		if t := l.current; t.sleep0 == sleepIdle || t.sleep0 == sleepDone {
			t.sleep0 = sleepNew
			return (*taskSleep0)(unsafe.Pointer(t))
		}
	}
	return &sleep0{result: result}
}

// Type returns the coroutine class.
func (s *sleep0) Type() *value.Class { return CoroutineType }

// Await returns the coroutine itself.
func (s *sleep0) Await(th value.Thread) (value.Coroutine, error) { return s, nil }

// Send yields None once, then returns the result.
func (s *sleep0) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	return s.state.send(s.result)
}

// Throw raises exc where the sleep is suspended.
func (s *sleep0) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	return s.state.throw(exc)
}

// Close ends the sleep.
func (s *sleep0) Close(th value.Thread) error {
	s.state = sleepDone
	return nil
}

// Repr returns the coroutine's repr.
func (s *sleep0) Repr(th value.Thread) (string, error) { return sleepRepr(s) }

// taskSleep0 is a sleep(0) coroutine with result None that a task hands
// out: the Task itself under another type, its state in Task.sleep0.
type taskSleep0 struct{ t Task } // a struct: not a future, as taskSleep

// Type returns the coroutine class.
func (s *taskSleep0) Type() *value.Class { return CoroutineType }

// Await returns the coroutine itself.
func (s *taskSleep0) Await(th value.Thread) (value.Coroutine, error) { return s, nil }

// Send yields None once, then returns None.
func (s *taskSleep0) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	return s.t.sleep0.send(value.None)
}

// Throw raises exc where the sleep is suspended.
func (s *taskSleep0) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	return s.t.sleep0.throw(exc)
}

// Close ends the sleep.
func (s *taskSleep0) Close(th value.Thread) error {
	s.t.sleep0 = sleepDone
	return nil
}

// Repr returns the coroutine's repr.
func (s *taskSleep0) Repr(th value.Thread) (string, error) { return sleepRepr(s) }

// sleepRepr returns the repr of a coroutine of asyncio.sleep.
func sleepRepr(s value.Coroutine) (string, error) {
	return fmt.Sprintf("<coroutine object sleep at %p>", s), nil
}

// send steps a sleep(0) in state *st: it yields None once, then returns
// result.
func (st *sleepState) send(result value.Value) (value.Value, bool, error) {
	switch *st {
	case sleepNew:
		*st = sleepYielded
		return value.None, false, nil
	case sleepYielded:
		*st = sleepDone
		return result, true, nil
	}
	return nil, false, errReused()
}

// throw raises exc in a sleep(0) in state *st.
func (st *sleepState) throw(exc *value.Exception) (value.Value, bool, error) {
	if *st == sleepDone || *st == sleepIdle {
		return nil, false, errReused()
	}
	*st = sleepDone
	return nil, false, exc
}
