package aio

import "github.com/asyncgen/asyncgen/runtime/value"

// sleepCoro is the coroutine asyncio.sleep(delay, result) returns. A zero
// delay yields once (a bare yield: the task reschedules itself); a
// positive one waits on a future that a timer completes, so the task
// resumes one loop iteration after the timer fires, as in CPython. The
// coroutine, its future and its timer are one allocation.
type sleepCoro struct {
	delay  int64 // nanoseconds; <= 0 for a bare yield
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
	sleepDone
)

func newSleep(delay int64, result value.Value) *sleepCoro {
	return &sleepCoro{delay: delay, result: result}
}

// Type returns the coroutine class.
func (s *sleepCoro) Type() *value.Class { return CoroutineType }

// Await returns the coroutine itself, as for script coroutines.
func (s *sleepCoro) Await(th value.Thread) (value.Coroutine, error) { return s, nil }

// Send starts or resumes the sleep.
func (s *sleepCoro) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	switch s.state {
	case sleepNew:
		if s.delay <= 0 {
			s.state = sleepYielded
			return value.None, false, nil
		}
		l, err := runningLoop(th)
		if err != nil {
			s.state = sleepDone
			return nil, false, err
		}
		s.fut.init(l, &s.fut)
		s.timer = timer{when: l.Time() + s.delay, cb: (*sleepTimer)(s)}
		l.addTimer(&s.timer)
		s.state = sleepWaiting
		s.fut.blocking = true
		return &s.fut, false, nil
	case sleepYielded:
		s.state = sleepDone
		return s.result, true, nil
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
	if s.state == sleepWaiting && !s.timer.cancelled {
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
