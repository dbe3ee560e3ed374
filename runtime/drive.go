package runtime

import (
	"iter"
	"sync"
	"sync/atomic"
)

// Driving a session's loop. The loop runs in a coroutine (iter.Pull) and
// moves only while a goroutine drives it: resumes it and waits until it
// pauses. The goroutines waiting for a call's outcome take turns at it,
// holding the wheel. A driver resuming the paused loop hands it the job
// of its call, which the loop runs where it paused; the call's done
// callback pauses the loop again, and the driver returns. So an Iter
// without Start pulls each item on the range's own goroutine, switching
// to the loop and back without the scheduler, and the loop does not run
// while the range body does (as an async for body that does not await).
// After Start a goroutine of its own drives the loop with no call of its
// own (spin), so the loop never pauses, and calls queue their jobs.
//
// Only one goroutine runs at a time, the driver or the loop: script
// values are touched by the loop alone.

// startLoop makes the coroutine of the session's loop. The first driver
// makes it, so that it is Start's goroutine after Start: Go lets only
// goroutines locked to the same OS thread as the one that made a
// coroutine (or, if it was not locked, none) switch to it.
func (s *session) startLoop() {
	s.resume, _ = iter.Pull(func(pause func(struct{}) bool) {
		s.pause = pause
		s.runLoop()
	})
}

// A wheel is held by the goroutine driving a session's loop.
type wheel struct {
	held    atomic.Bool
	kept    atomic.Bool  // Start's goroutine claims the wheel: no other takes it
	waiting atomic.Int32 // goroutines waiting for the wheel

	mu   sync.Mutex
	free chan struct{} // closed, and replaced, when the wheel is let go while some wait
}

// take takes the wheel if it is free: for Start's goroutine (keeper), or
// for any while Start's goroutine has not claimed it.
func (w *wheel) take(keeper bool) bool {
	return (keeper || !w.kept.Load()) && w.held.CompareAndSwap(false, true)
}

// letGo frees the wheel, waking the goroutines waiting for it.
func (w *wheel) letGo() {
	w.held.Store(false)
	if w.waiting.Load() > 0 {
		w.mu.Lock()
		close(w.free)
		w.free = make(chan struct{})
		w.mu.Unlock()
	}
}

// freed returns the channel the next letGo closes.
func (w *wheel) freed() <-chan struct{} {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.free
}

// grab waits until this goroutine holds the wheel (true), or until an
// outcome arrives on res or the loop has ended (false). A nil res waits
// for the wheel or the end only.
func (s *session) grab(res chan error, keeper bool) bool {
	w := &s.wheel
	if w.take(keeper) {
		return true
	}
	w.waiting.Add(1)
	defer w.waiting.Add(-1)
	for {
		free := w.freed()
		if w.take(keeper) {
			return true
		}
		select {
		case err := <-res:
			res <- err // for the caller
			return false
		case <-s.done:
			return false
		case <-free:
		}
	}
}

// wait returns the outcome of r. If hand, this goroutine holds the wheel
// and hands r's start to the loop as it drives it; else r's start is
// queued, and this goroutine waits for its outcome or for the wheel, to
// drive the loop when no other goroutine does. A driver's call pauses the
// loop when it is done, so the loop has ended if the drive returns
// without it.
func (s *session) wait(r *loopCall, hand bool) error {
	if !hand {
		if !s.grab(r.res, false) {
			return s.outcome(r)
		}
		select {
		case err := <-r.res:
			s.wheel.letGo()
			return err
		default:
		}
	}
	r.got = false
	s.drive(r, hand)
	if r.got {
		return r.out
	}
	return s.outcome(r)
}

// drive resumes the loop, handing it r's start if hand, until r's call is
// done or the loop ends (r nil: until it ends), then lets the wheel go.
// The caller holds the wheel.
func (s *session) drive(r *loopCall, hand bool) {
	if s.resume == nil {
		s.startLoop()
	}
	s.driver, s.handoff = r, nil
	if hand {
		s.handoff = r
	}
	s.resume()
	s.driver, s.handoff = nil, nil
	s.wheel.letGo()
}

// keep makes a goroutine of its own drive the loop until it ends:
// Start's mode. Other goroutines then never drive it, so they need not
// be fit for a coroutine switch (see Start).
func (s *session) keep() {
	s.wheel.kept.Store(true)
	go s.spin()
}

// spin drives the loop until it ends.
func (s *session) spin() {
	if s.grab(nil, true) {
		s.drive(nil, false)
	}
}

// outcome is the outcome of r, or the loop's end.
func (s *session) outcome(r *loopCall) error {
	select {
	case err := <-r.res:
		return err
	default:
		return s.gone()
	}
}

// completed hands r's outcome over on the loop: to r's goroutine through
// r.res, or, if it drives the loop, in r.out, and the loop pauses, at
// once or when the start handed over returns.
func (s *session) completed(r *loopCall, err error) {
	if s.driver != r {
		r.res <- err
		return
	}
	r.out, r.got = err, true
	if s.handing {
		s.yieldNow = true
		return
	}
	s.pause(struct{}{})
	s.serve()
}

// serve starts the call a driver handed over as it resumed the loop, and
// the next ones while each completes the driver's call at once.
func (s *session) serve() {
	for s.handoff != nil {
		r := s.handoff
		s.handoff = nil
		s.handing = true
		r.start()
		s.handing = false
		if !s.yieldNow {
			return
		}
		s.yieldNow = false
		s.pause(struct{}{})
	}
}
