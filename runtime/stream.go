package runtime

import (
	"context"

	"github.com/asyncgen/asyncgen/runtime/aio"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// stream is the script object a StreamFunc call returns: an async
// iterator whose items a producer goroutine hands over one at a time.
type stream struct {
	in     *Interpreter
	name   string
	fn     StreamFunc
	args   []any
	ctx    context.Context
	cancel context.CancelFunc
	reqs   chan request // the item asked for; at most one at a time

	started  bool
	busy     bool // an __anext__ is pending
	finished bool
}

// request is one __anext__: the future to complete and the host-work slot
// through which the producer completes it on the loop goroutine.
type request struct {
	f    *aio.Future
	post func(func())
}

var streamClass = newClass("host_stream", map[string]methodFunc{
	"__aiter__": func(th value.Thread, self Value, args []Value) (Value, error) { return self, nil },
	"__anext__": func(th value.Thread, self Value, args []Value) (Value, error) { return self.(*stream).next(th) },
	"aclose": func(th value.Thread, self Value, args []Value) (Value, error) {
		s := self.(*stream)
		s.stop()
		return doneFuture(th)
	},
})

// Type returns the class of host streams.
func (s *stream) Type() *value.Class { return streamClass }

// streamFunc wraps a StreamFunc as a builtin returning a stream.
func (in *Interpreter) streamFunc(name string, fn StreamFunc) Value {
	return value.NewBuiltin(name, func(th value.Thread, args []Value, kwargs []value.Kwarg) (Value, error) {
		if err := noKwargs(name, kwargs); err != nil {
			return nil, err
		}
		ctx, cancel := context.WithCancel(in.base)
		return &stream{in: in, name: name, fn: fn, args: toGoSlice(args), ctx: ctx, cancel: cancel, reqs: make(chan request, 1)}, nil
	})
}

// next is __anext__: a future of the next item.
func (s *stream) next(th value.Thread) (Value, error) {
	l := aio.RunningLoop(th)
	if l == nil {
		return nil, value.Errorf(value.RuntimeError, "no running event loop")
	}
	if s.busy {
		return nil, value.Errorf(value.RuntimeError, "anext(): asynchronous generator is already running")
	}
	f := aio.NewFuture(l)
	if s.finished {
		f.SetException(value.NewException(value.StopAsyncIteration))
		return f, nil
	}
	if err := s.in.onDone(f, func() {
		s.busy = false
		if f.Cancelled() {
			s.stop()
		}
	}); err != nil {
		return nil, err
	}
	if !s.started {
		s.started = true
		go s.produce()
	}
	s.busy = true
	s.in.clock.hostCalls++
	s.reqs <- request{f: f, post: l.HostWork()}
	return f, nil
}

// stop ends the iteration from the script's side.
func (s *stream) stop() {
	s.finished = true
	s.cancel()
}

// produce runs the StreamFunc on its own goroutine, then answers the
// next request with the end of the iteration.
func (s *stream) produce() {
	yield := func(x any) bool {
		select {
		case r := <-s.reqs:
			s.answer(r, func() (Value, error) { return s.in.result(s.name, x) })
			return true
		case <-s.ctx.Done():
			return false
		}
	}
	err := guard(s.name, func() error { return s.fn(s.ctx, s.args, yield) })
	end := func() (Value, error) {
		s.finished = true
		if err != nil {
			return nil, toException(err)
		}
		return nil, value.NewException(value.StopAsyncIteration)
	}
	select {
	case r := <-s.reqs:
		s.answer(r, end)
	case <-s.ctx.Done():
		select {
		case r := <-s.reqs:
			s.answer(r, end)
		default:
		}
	}
}

// answer completes r on the loop goroutine with what get returns there.
func (s *stream) answer(r request, get func() (Value, error)) {
	r.post(func() {
		s.in.clock.hostCalls--
		v, err := get()
		if r.f.Done() {
			return
		}
		if err != nil {
			r.f.SetException(toException(err))
			return
		}
		r.f.SetResult(v)
	})
}

// doneFuture returns a future of the running loop already done with None.
func doneFuture(th value.Thread) (Value, error) {
	l := aio.RunningLoop(th)
	if l == nil {
		return nil, value.Errorf(value.RuntimeError, "no running event loop")
	}
	f := aio.NewFuture(l)
	f.SetResult(value.None)
	return f, nil
}
