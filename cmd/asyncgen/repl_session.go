package main

import (
	"errors"
	"io"
	"strings"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/aio"
	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// A session is the interpreter behind the REPL: one thread, one
// namespace, and an event loop that runs on its own goroutine for the
// whole session, so that tasks started at one prompt keep running while
// the user types the next input.
//
// The loop's main task is a replMain. It waits for requests from the
// REPL goroutine as host work (the loop goes on running other tasks
// meanwhile), runs each input in the namespace on the loop goroutine,
// and answers. Only the loop goroutine touches script values.
//
// This is built directly on runtime/vm and runtime/aio: the embedding
// API has no interactive mode yet.
type session struct {
	th      *vm.Thread
	globals *value.Dict
	stderr  io.Writer

	requests  chan request  // to the loop goroutine
	interrupt chan struct{} // Ctrl-C while an input runs
	done      chan struct{} // closed when the loop has stopped
	err       error         // why the loop stopped, once done is closed
}

// A request is sent by the REPL goroutine to the loop goroutine.
type request struct {
	prog   *compile.Program // an input to run, or
	prefix string           // a text to complete, or neither: quit
	reply  chan reply
}

// reply is the loop goroutine's answer to a request.
type reply struct {
	report      string   // the input's uncaught exception, as printed
	completions []string // the completions of prefix
}

// Type makes a request a script value, so that a host future can carry it.
func (*request) Type() *value.Class { return value.ObjectType }

// newSession starts a session: its loop runs until quit.
func newSession(opts runFlags, stdout, stderr io.Writer) *session {
	th := vm.NewThread(vm.Options{Stdout: stdout, Stderr: stderr, MaxSteps: opts.maxSteps})
	aio.Install(th, aio.Options{VirtualTime: opts.virtualTime, Stderr: stderr})
	s := &session{
		th:        th,
		globals:   value.NewDict(0),
		stderr:    stderr,
		requests:  make(chan request),
		interrupt: make(chan struct{}, 1),
		done:      make(chan struct{}),
	}
	s.globals.SetString("__name__", value.MakeString("__main__"))
	th.SetBuiltin(displayHook, value.NewBuiltin(displayHook, s.display))
	go func() {
		defer close(s.done)
		_, s.err = aio.Run(th, &replMain{s: s})
	}()
	return s
}

// errStopped is returned for requests sent after the loop stopped.
var errStopped = errors.New("the event loop has stopped")

// call sends a request and waits for the reply.
func (s *session) call(r request) (reply, error) {
	r.reply = make(chan reply, 1)
	select {
	case s.requests <- r:
	case <-s.done:
		return reply{}, errStopped
	}
	select {
	case rep := <-r.reply:
		return rep, nil
	case <-s.done:
		return reply{}, errStopped
	}
}

// run runs one input and returns its uncaught exception, if any.
func (s *session) run(prog *compile.Program) (reply, error) {
	return s.call(request{prog: prog})
}

// complete returns the completions of the expression prefix.
func (s *session) complete(prefix string) []string {
	rep, _ := s.call(request{prefix: prefix})
	return rep.completions
}

// quit stops the loop, as asyncio.run's end: the tasks left are
// cancelled (their finally blocks run) and async generators closed.
func (s *session) quit() error {
	select {
	case s.requests <- request{}:
	case <-s.done:
	}
	<-s.done
	return s.err
}

// display is the REPL's sys.displayhook, called with the value of each
// expression statement of an input: it prints the repr of a value other
// than None and keeps it in the builtin _.
func (s *session) display(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	if len(args) != 1 || args[0] == value.None {
		return value.None, nil
	}
	s.th.SetBuiltin("_", value.None)
	r, err := value.Repr(th, args[0])
	if err != nil {
		return nil, err
	}
	if _, err := io.WriteString(th.Stdout(), r+"\n"); err != nil {
		return nil, err
	}
	s.th.SetBuiltin("_", args[0])
	return value.None, nil
}

// replMain is the coroutine of the loop's main task. It always delegates
// to one coroutine (sub): the wait for the next request, or the task of
// an input with top-level await. When sub finishes, then receives its
// result and arranges the next sub; it returns true to end the session.
type replMain struct {
	s    *session
	sub  value.Coroutine
	then func(th value.Thread, v value.Value, err error) (quit bool)
}

// Type returns the coroutine class.
func (m *replMain) Type() *value.Class { return aio.CoroutineType }

// Await returns the coroutine itself.
func (m *replMain) Await(th value.Thread) (value.Coroutine, error) { return m, nil }

// Send resumes the coroutine.
func (m *replMain) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	return m.resume(th, v, nil)
}

// Throw raises exc in the coroutine it delegates to.
func (m *replMain) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	return m.resume(th, nil, exc)
}

// Close does nothing: the session ends by a quit request.
func (m *replMain) Close(th value.Thread) error { return nil }

func (m *replMain) resume(th value.Thread, v value.Value, exc *value.Exception) (value.Value, bool, error) {
	for {
		if m.sub == nil {
			if err := m.awaitRequest(th); err != nil {
				return nil, false, err
			}
			v, exc = value.None, nil
		}
		var (
			y    value.Value
			done bool
			err  error
		)
		if exc != nil {
			y, done, err = m.sub.Throw(th, exc)
		} else {
			y, done, err = m.sub.Send(th, v)
		}
		if err == nil && !done {
			return y, false, nil
		}
		m.sub = nil
		if m.then(th, y, err) {
			return value.None, true, nil
		}
		v, exc = value.None, nil
	}
}

// awaitRequest makes sub the wait for the next request, read from the
// REPL goroutine as host work.
func (m *replMain) awaitRequest(th value.Thread) error {
	s := m.s
	f := aio.RunningLoop(th).Go(func() (value.Value, error) {
		r := <-s.requests
		return &r, nil
	})
	sub, err := f.Await(th)
	if err != nil {
		return err
	}
	m.sub, m.then = sub, m.handle
	return nil
}

// handle serves a request.
func (m *replMain) handle(th value.Thread, v value.Value, err error) bool {
	if err != nil {
		return false // the main task was cancelled while idle: go on
	}
	r := v.(*request)
	switch {
	case r.prog != nil:
		m.exec(th, r)
	case r.prefix != "":
		r.reply <- reply{completions: completions(th, m.s.globals, r.prefix)}
	default:
		return true
	}
	return false
}

// exec runs an input. Without top-level await it runs at once; with it,
// its coroutine runs as a task of its own, as in `python -m asyncio`,
// that Ctrl-C cancels.
func (m *replMain) exec(th value.Thread, r *request) {
	s := m.s
	coro, err := s.th.ExecModule(r.prog, s.globals)
	var task value.Value
	if err == nil && coro != value.None {
		task, err = createTask(s.th, coro)
	}
	var sub value.Coroutine
	if err == nil && task != nil {
		sub, err = task.(value.Awaitable).Await(th)
	}
	if err != nil || sub == nil {
		r.reply <- reply{report: s.format(err, false)}
		return
	}
	stop := m.watchInterrupt(th, task)
	m.sub = sub
	m.then = func(th value.Thread, v value.Value, err error) bool {
		r.reply <- reply{report: s.format(err, stop())}
		return false
	}
}

// format returns the report of an input's error as CPython's REPL prints
// it, or "" for no error. The cancellation of an interrupted input shows
// as KeyboardInterrupt. It runs on the loop goroutine: a script __str__
// may run.
func (s *session) format(err error, interrupted bool) string {
	var b strings.Builder
	switch e := err.(type) {
	case nil:
	case *value.Exception:
		if interrupted && e.Class.IsSubclass(value.CancelledError) {
			ki := value.NewException(value.KeyboardInterrupt)
			ki.Traceback = e.Traceback
			e = ki
		}
		s.th.PrintException(&b, e, nil)
	default:
		report(&b, err, nil)
	}
	return b.String()
}

// watchInterrupt cancels task when Ctrl-C is pressed, until stop is
// called; stop reports whether it was.
func (m *replMain) watchInterrupt(th value.Thread, task value.Value) (stop func() bool) {
	s := m.s
	quit := make(chan struct{})
	interrupted := false
	f := aio.RunningLoop(th).Go(func() (value.Value, error) {
		select {
		case <-s.interrupt:
			return value.True, nil
		case <-quit:
			return value.False, nil
		}
	})
	onDone := value.NewBuiltin("interrupt", func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		if r, err := f.Result(); err == nil && r == value.True {
			interrupted = true
			return callMethod(th, task, "cancel")
		}
		return value.None, nil
	})
	if _, err := callMethod(th, f, "add_done_callback", onDone); err != nil {
		close(quit)
		return func() bool { return false }
	}
	return func() bool {
		close(quit)
		return interrupted
	}
}

// createTask is asyncio.ensure_future(coro).
func createTask(th *vm.Thread, coro value.Value) (value.Value, error) {
	asyncio, err := importModule(th, "asyncio")
	if err != nil {
		return nil, err
	}
	return callMethod(th, asyncio, "ensure_future", coro)
}

// importModule runs `import name` in a scratch namespace and returns the
// module (vm.Thread has no exported import).
func importModule(th *vm.Thread, name string) (value.Value, error) {
	f, err := lang.Parse("<repl>", []byte("import "+name+"\n"))
	if err != nil {
		return nil, err
	}
	prog, err := vm.Compile(f)
	if err != nil {
		return nil, err
	}
	ns := value.NewDict(1)
	if _, err := th.ExecModule(prog, ns); err != nil {
		return nil, err
	}
	m, _ := ns.GetString(name)
	return m, nil
}

// callMethod calls the method name of v.
func callMethod(th value.Thread, v value.Value, name string, args ...value.Value) (value.Value, error) {
	fn, err := value.GetAttr(th, v, name)
	if err != nil {
		return nil, err
	}
	return value.Call(th, fn, args, nil)
}
