package runtime

import "context"

// A loopCall is work an API call runs on the loop goroutine of a session,
// waiting for its outcome: begin starts the work and returns how to cancel
// it (or nil); the work calls done once, on the loop goroutine, with its
// outcome, which finish (if not nil) then gets, as in Interpreter.run. A
// loopCall may be sent again once a send has returned, at no allocation:
// an async Iter sends one per item.
type loopCall struct {
	s      *session
	begin  func(done func(Value, error)) (cancel func())
	finish func(Value) error

	res    chan error      // the outcome of the send in progress
	ctx    context.Context // the context of the send in progress
	cancel func()          // set and called on the loop goroutine

	// The jobs and the done of a send, made once.
	start, stop func()
	done        func(Value, error)
}

// loopCall returns a loopCall of begin and finish.
func (s *session) loopCall(begin func(done func(Value, error)) (cancel func()), finish func(Value) error) *loopCall {
	r := &loopCall{s: s, begin: begin, finish: finish, res: make(chan error, 1)}
	r.start = func() {
		s.in.th.ResetSteps()
		r.cancel = r.begin(r.done)
	}
	r.stop = func() {
		if r.cancel != nil {
			r.cancel()
		}
	}
	r.done = func(v Value, err error) { r.res <- s.in.finish(r.ctx, v, err, r.finish) }
	return r
}

// send runs the call and returns its outcome. Cancelling ctx cancels
// the work; send still waits for it to be done.
func (r *loopCall) send(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s := r.s
	r.ctx = ctx
	if !s.submit(r.start) {
		return s.gone()
	}
	defer s.in.stopOnDone(ctx)()
	select {
	case err := <-r.res:
		return err
	case <-s.done:
		return s.gone()
	case <-ctx.Done():
	}
	s.submit(r.stop)
	select {
	case err := <-r.res:
		return err
	case <-s.done:
		return s.gone()
	}
}
