package runtime

import "context"

// A loopCall is work an API call runs on the loop of a session, waiting
// for its outcome: begin starts the work and returns how to cancel it (or
// nil); the work calls done once, on the loop, with its outcome, which
// finish (if not nil) then gets, as in Interpreter.run. A loopCall may be
// sent again once a send has returned, at no allocation: an async Iter
// sends one per item.
type loopCall struct {
	s      *session
	begin  func(done func(Value, error)) (cancel func())
	finish func(Value) error
	done   func(Value, error) // the done of every send, made once

	ctx     context.Context // the context of the send in progress
	out     error           // the outcome, when this call's goroutine drives the loop
	got     bool            // out is set
	res     chan error      // the outcome otherwise; made by the first send that queues its start
	queued  func()          // start, as queued; made with res
	pending bool            // the work has begun and is not done; on the loop
	cancel  func()          // set and called on the loop
}

// loopCall returns a loopCall of begin and finish.
func (s *session) loopCall(begin func(done func(Value, error)) (cancel func()), finish func(Value) error) *loopCall {
	r := &loopCall{s: s, begin: begin, finish: finish}
	r.done = func(v Value, err error) {
		r.pending = false
		s.completed(r, s.in.finish(r.ctx, v, err, r.finish))
	}
	return r
}

// start begins the work, on the loop.
func (r *loopCall) start() {
	r.s.in.th.ResetSteps()
	r.pending = true
	r.cancel = r.begin(r.done)
}

// stop cancels the work if it is running, on the loop.
func (r *loopCall) stop() {
	if r.pending && r.cancel != nil {
		r.cancel()
	}
}

// send runs the call and returns its outcome: on this goroutine, driving
// the loop, when no other goroutine drives it. Cancelling ctx cancels the
// work; send still waits for it to be done.
func (r *loopCall) send(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s := r.s
	r.ctx = ctx
	defer s.in.stopOnDone(ctx)()
	if ctx.Done() != nil {
		defer context.AfterFunc(ctx, func() { s.submit(r.stop) })()
	}
	if s.wheel.take(false) {
		return s.wait(r, true)
	}
	if r.res == nil {
		r.res, r.queued = make(chan error, 1), r.start
	}
	if !s.submit(r.queued) {
		return s.gone()
	}
	return s.wait(r, false)
}
