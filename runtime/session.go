package runtime

import (
	"context"
	"sync"

	"github.com/asyncgen/asyncgen/runtime/aio"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// A session is the interpreter's event loop kept alive between and
// across API calls: the background mode of Start, and the life of an
// Iter over an async iterator. The loop's main task is a server that
// waits until the session stops; API calls hand jobs to the loop, which
// runs them where it paused or between its callbacks, and runs what they
// await as tasks. The loop runs in a coroutine that the calls waiting for
// it drive (see drive.go). Only the loop touches script values.
type session struct {
	in    *Interpreter
	users int  // Iters using the session; under in.mu
	kept  bool // Start's session, stopped by Close only; under in.mu

	// The loop's coroutine: resume runs it until it pauses (or ends).
	resume func() (struct{}, bool)
	pause  func(struct{}) bool
	wheel  wheel
	// Set by the driver while the loop is paused, read on the loop: the
	// call it waits for, and the call to start that it hands over.
	driver, handoff *loopCall
	// Used on the loop: serve is starting a call handed over, and the
	// driver's call is done.
	handing, yieldNow bool

	mu      sync.Mutex
	jobs    []func()
	spare   []func()     // the array of the jobs drained last, for reuse
	post    func(func()) // the host-work slot to wake the loop, nil while a drain is posted
	stopped bool

	// Set by the server on its first step; used on the loop.
	loop    *aio.Loop
	stopFut *aio.Future

	done chan struct{} // the loop has finished
	err  error         // how it failed (wrapped), set before done closes
}

// Start runs the interpreter's event loop in the background, on a
// goroutine of its own, until Close: tasks a call creates keep running
// between calls (the REPL's mode), and a call of a coroutine function or
// a module with top-level await runs as one more task of that loop
// rather than as the main task of a loop of its own. Calling Start again
// does nothing.
//
// Under the virtual clock, time jumps to the next timer as soon as every
// task waits, even while the host prepares its next call.
//
// After Start, no goroutine but the loop's switches to the loop's
// coroutine: calls may come from goroutines locked to their OS thread.
func (in *Interpreter) Start() error {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.closed {
		return ErrClosed
	}
	s := in.liveSession()
	if s == nil {
		s = in.startSession()
	}
	if !s.kept {
		s.kept = true
		s.keep()
	}
	return nil
}

// liveSession returns the running session, forgetting one whose loop has
// ended (a limit stopped it). It runs under in.mu.
func (in *Interpreter) liveSession() *session {
	if s := in.sess; s != nil {
		select {
		case <-s.done:
			in.sess = nil
		default:
			return s
		}
	}
	return nil
}

// startSession starts a session; its loop starts when first driven (see
// startLoop). It runs under in.mu.
func (in *Interpreter) startSession() *session {
	s := &session{in: in, done: make(chan struct{})}
	s.wheel.free = make(chan struct{})
	in.sess = s
	return s
}

// runLoop runs the loop in the session's coroutine, until it stops.
func (s *session) runLoop() {
	_, err := protect(func() (Value, error) { return aio.Run(s.in.th, &server{s: s}) })
	s.in.clock.reset()
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
	if err != nil {
		s.err = s.in.wrap(err)
	}
	close(s.done)
}

// acquire returns the running session, starting one if needed; release
// stops a session acquire started once its last user is done.
func (in *Interpreter) acquire() (*session, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.closed {
		return nil, ErrClosed
	}
	s := in.liveSession()
	if s == nil {
		s = in.startSession()
	}
	s.users++
	return s, nil
}

func (in *Interpreter) release(s *session) {
	in.mu.Lock()
	defer in.mu.Unlock()
	s.users--
	if s.users == 0 && !s.kept && in.sess == s {
		s.stop()
		in.sess = nil
	}
}

// run is Interpreter.run on the session's loop: j starts as a job of the
// loop, and what it awaits runs as a task. Cancelling ctx cancels that
// task; run still waits for it to finish, so its finally blocks have run
// on return.
func (s *session) run(ctx context.Context, j job) error {
	return s.exec(ctx, func(done func(Value, error)) (cancel func()) {
		v, err := protect(j.start)
		if err != nil || !isCoroutine(v) {
			done(v, err)
			return nil
		}
		task, err := s.spawn(v, done)
		if err != nil {
			done(nil, err)
			return nil
		}
		return func() { cancelTask(s.in.th, task) }
	}, j.finish)
}

// exec sends a loopCall of begin and finish once.
func (s *session) exec(ctx context.Context, begin func(done func(Value, error)) (cancel func()), finish func(Value) error) error {
	return s.loopCall(begin, finish).send(ctx)
}

// spawn runs aw as a task of the loop and calls complete with its outcome
// when it is done. It runs on the loop goroutine.
func (s *session) spawn(aw Value, complete func(Value, error)) (Value, error) {
	t, err := s.in.callAsyncio("ensure_future", aw)
	if err != nil {
		return nil, err
	}
	f, ok := t.(interface{ Result() (Value, error) })
	if !ok {
		return nil, value.Errorf(value.SystemError, "ensure_future returned %s", t.Type().Name)
	}
	return t, s.in.onDone(t, func() { complete(f.Result()) })
}

// gone is the error of a call to a session whose loop has ended.
func (s *session) gone() error {
	select {
	case <-s.done:
		if s.err != nil {
			return s.err
		}
	default:
	}
	return ErrClosed
}

// submit posts job to the loop goroutine; false if the session stopped.
func (s *session) submit(job func()) bool {
	s.mu.Lock()
	if s.stopped {
		s.mu.Unlock()
		return false
	}
	s.jobs = append(s.jobs, job)
	post := s.post
	s.post = nil
	s.mu.Unlock()
	if post != nil {
		post(s.drain)
	}
	return true
}

// drain runs the posted jobs on the loop goroutine, first taking a new
// host-work slot for the next ones.
func (s *session) drain() {
	s.mu.Lock()
	jobs := s.jobs
	s.jobs, s.spare = s.spare, nil
	if !s.stopped {
		s.post = s.loop.HostWork()
	}
	s.mu.Unlock()
	for _, job := range jobs {
		job()
	}
	clear(jobs)
	s.mu.Lock()
	s.spare = jobs[:0]
	s.mu.Unlock()
}

// stop ends the session: the server returns, and the loop shuts down as
// asyncio.run does (cancelling the tasks left and waiting for them,
// closing the async generators, reporting unretrieved exceptions).
func (s *session) stop() {
	s.submit(func() {
		s.close()
		s.stopFut.SetResult(value.None)
	})
	if s.grab(nil, false) {
		s.drive(nil, false)
	}
	<-s.done
}

// close takes no more jobs and gives the host-work slot back, so that
// the loop no longer waits for the host. It runs on the loop goroutine.
func (s *session) close() {
	s.mu.Lock()
	s.stopped = true
	post := s.post
	s.post = nil
	s.mu.Unlock()
	if post != nil {
		post(func() {})
	}
}

// server is the coroutine of the session's main task: it keeps the loop
// alive until stopFut is done.
type server struct {
	s  *session
	it value.Coroutine
}

// Type returns the coroutine class.
func (sv *server) Type() *value.Class { return aio.CoroutineType }

// Await returns the server itself.
func (sv *server) Await(th value.Thread) (value.Coroutine, error) { return sv, nil }

// Send starts the server on its first step (running the jobs queued
// or handed over meanwhile), then waits for stopFut.
func (sv *server) Send(th value.Thread, v Value) (Value, bool, error) {
	if sv.it == nil {
		s := sv.s
		s.loop = aio.RunningLoop(th)
		s.stopFut = aio.NewFuture(s.loop)
		it, err := s.stopFut.Await(th)
		if err != nil {
			return nil, false, err
		}
		sv.it = it
		s.in.clock.session = true
		s.mu.Lock()
		post := s.loop.HostWork()
		if len(s.jobs) == 0 {
			s.post, post = post, nil
		}
		s.mu.Unlock()
		if post != nil {
			post(s.drain)
		}
		s.serve()
	}
	return sv.it.Send(th, v)
}

// Throw throws exc into the wait: the loop is shutting down (a limit
// stopped it), and the session closes.
func (sv *server) Throw(th value.Thread, exc *value.Exception) (Value, bool, error) {
	if sv.it == nil {
		return nil, false, exc
	}
	sv.s.close()
	return sv.it.Throw(th, exc)
}

// Close does nothing.
func (sv *server) Close(th value.Thread) error { return nil }
