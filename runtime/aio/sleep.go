package aio

import (
	"fmt"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// sleepCoro is the coroutine asyncio.sleep(delay, result) returns for a
// positive delay: it waits on a future that a timer completes, so the
// task resumes one loop iteration after the timer fires, as in CPython.
// The coroutine, its future and its timer are one allocation.
type sleepCoro struct {
	delay  int64 // nanoseconds, > 0
	result value.Value
	state  sleepState
	fut    Future
	timer  timer
}

type sleepState uint8

const (
	sleepNew sleepState = iota
	sleepYielded
	sleepWaiting
	sleepIdle // a task's spare sleep(0) not handed out
	sleepDone
)

// Type returns the coroutine class.
func (s *sleepCoro) Type() *value.Class { return CoroutineType }

// Await returns the coroutine itself, as for script coroutines.
func (s *sleepCoro) Await(th value.Thread) (value.Coroutine, error) { return s, nil }

// Send starts or resumes the sleep.
func (s *sleepCoro) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	switch s.state {
	case sleepNew:
		l, err := runningLoop(th)
		if err != nil {
			s.state = sleepDone
			return nil, false, err
		}
		s.fut.init(l, &s.fut)
		s.timer = timer{when: l.Time() + s.delay, cb: (*sleepTimer)(s)}
		l.addTimer(&s.timer, false)
		if tr := l.in.trace; tr != nil {
			tr.sleep(s.delay)
		}
		s.state = sleepWaiting
		s.fut.blocking = true
		return &s.fut, false, nil
	case sleepWaiting:
		s.finish()
		if s.fut.state == pending {
			return nil, false, value.Errorf(value.RuntimeError, "await wasn't used with future")
		}
		r, err := s.fut.Result()
		return r, err == nil, err
	}
	return nil, false, errReused()
}

// Throw raises exc where the sleep is suspended (or at its start).
func (s *sleepCoro) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	if s.state == sleepDone {
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

// finish cancels the timer (sleep's `finally: h.cancel()`).
func (s *sleepCoro) finish() {
	if s.state == sleepWaiting {
		s.fut.loop.cancelTimer(&s.timer)
	}
	s.state = sleepDone
}

// sleepTimer is futures._set_result_unless_cancelled for the sleep's
// future, run when the timer fires.
type sleepTimer sleepCoro

func (s *sleepTimer) call(l *Loop, arg value.Value) error {
	if s.state == sleepWaiting && s.fut.state == pending {
		s.fut.SetResult(s.result)
	}
	return nil
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

// newSleep0 returns a sleep(0) coroutine. Each task keeps a spare one
// that it hands out again once the previous use is over, so the hot
// `await asyncio.sleep(0)` allocates nothing. (The only visible
// difference from CPython: two sleep(0) objects made one after the other
// in a task, the first awaited to its end, can be the same object.)
func (in *interpreter) newSleep0(result value.Value) *sleep0 {
	if l := in.loop; l != nil && l.current != nil {
		if s := &l.current.spare; s.state == sleepIdle || s.state == sleepDone {
			*s = sleep0{result: result}
			return s
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
	switch s.state {
	case sleepNew:
		s.state = sleepYielded
		return value.None, false, nil
	case sleepYielded:
		s.state = sleepDone
		return s.result, true, nil
	}
	return nil, false, errReused()
}

// Throw raises exc where the sleep is suspended.
func (s *sleep0) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	if s.state == sleepDone || s.state == sleepIdle {
		return nil, false, errReused()
	}
	s.state = sleepDone
	return nil, false, exc
}

// Close ends the sleep.
func (s *sleep0) Close(th value.Thread) error {
	s.state = sleepDone
	return nil
}

// Repr returns the coroutine's repr.
func (s *sleep0) Repr(th value.Thread) (string, error) {
	return fmt.Sprintf("<coroutine object sleep at %p>", s), nil
}
