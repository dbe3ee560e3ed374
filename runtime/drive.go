package runtime

import "iter"

// Driving a session's loop. The loop runs in a coroutine (iter.Pull) and
// moves only while a goroutine drives it: resumes it and waits until it
// pauses. The goroutines waiting for a call's outcome take turns at it,
// holding the wheel; the driver's call pauses the loop when it is done
// (paused, the loop is in the done callback of that call), and the driver
// returns. So an Iter without Start pulls each item on the range's own
// goroutine, switching to the loop and back without the scheduler, and
// the loop does not run while the range body does (as an async for body
// that does not await). Start's goroutine drives the loop for the
// session's life (spin), for a call of its own that never comes.
//
// Only one goroutine runs at a time, the driver or the loop: script
// values are touched by the loop alone.

// startLoop makes the coroutine of the session's loop, which starts on
// the first resume.
func (s *session) startLoop() {
	s.resume, _ = iter.Pull(func(pause func(struct{}) bool) {
		s.pause = pause
		s.runLoop()
	})
}

// wait returns the outcome of r. It hands job (r's start) to the loop
// when it can drive it at once; with a nil job, r's start is queued.
func (s *session) wait(r *loopCall, job func()) error {
	for {
		if job == nil {
			select {
			case err := <-r.res:
				return err
			case <-s.done:
				return s.outcome(r)
			case <-s.wheel:
			}
			select {
			case err := <-r.res:
				s.wheel <- struct{}{}
				return err
			default:
			}
		}
		s.drive(r, job)
		job = nil
		select {
		case err := <-r.res:
			return err
		default:
		}
	}
}

// drive resumes the loop, handing it job, until r's call is done or the
// loop ends (r nil: until it ends), then gives the wheel back. The
// caller holds the wheel.
func (s *session) drive(r *loopCall, job func()) {
	s.driver, s.handoff = r, job
	s.resume()
	s.driver, s.handoff = nil, nil
	s.wheel <- struct{}{}
}

// spin drives the loop until it ends: Start's goroutine.
func (s *session) spin() {
	<-s.wheel
	s.drive(nil, nil)
}

// outcome is the outcome of r once the loop has ended.
func (s *session) outcome(r *loopCall) error {
	select {
	case err := <-r.res:
		return err
	default:
		return s.gone()
	}
}

// completed notes on the loop that r's call is done: if r's goroutine
// drives the loop, the loop pauses, at once or when the job handed over
// returns.
func (s *session) completed(r *loopCall) {
	if s.driver != r {
		return
	}
	if s.handing {
		s.yieldNow = true
		return
	}
	s.pause(struct{}{})
	s.serve()
}

// serve runs the job a driver handed over as it resumed the loop, and
// the next ones while each completes the driver's call at once.
func (s *session) serve() {
	for s.handoff != nil {
		job := s.handoff
		s.handoff = nil
		s.handing = true
		job()
		s.handing = false
		if !s.yieldNow {
			return
		}
		s.yieldNow = false
		s.pause(struct{}{})
	}
}
