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

	res     chan error      // the outcome of the send in progress, unless driving
	out     error           // the outcome, when this call's goroutine drives the loop
	got     bool            // out is set
	ctx     context.Context // the context of the send in progress
	pending bool            // the work has begun and is not done; on the loop
	cancel  func()          // set and called on the loop

	// The jobs and the done of a send, made once.
	start, stop func()
	done        func(Value, error)
}

// loopCall returns a loopCall of begin and finish.
func (s *session) loopCall(begin func(done func(Value, error)) (cancel func()), finish func(Value) error) *loopCall {
	r := &loopCall{s: s, begin: begin, finish: finish, res: make(chan error, 1)}
	r.start = func() {
		s.in.th.ResetSteps()
		r.pending = true
		r.cancel = r.begin(r.done)
	}
	r.stop = func() {
		if r.pending && r.cancel != nil {
			r.cancel()
		}
	}
	r.done = func(v Value, err error) {
		r.pending = false
		s.completed(r, s.in.finish(r.ctx, v, err, r.finish))
	}
	return r
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
		return s.wait(r, r.start)
	}
	if !s.submit(r.start) {
		return s.gone()
	}
	return s.wait(r, nil)
}
