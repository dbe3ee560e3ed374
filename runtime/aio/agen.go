package aio

import "github.com/asyncgen/asyncgen/runtime/value"

// firstIter is the loop's firstiter hook: it records an async generator
// the first time it is iterated, to close it at shutdown.
func (l *Loop) firstIter(agen value.Value) {
	if n := len(l.agens); n >= 64 && n == cap(l.agens) {
		// Forget the finished ones before the list grows, as CPython's
		// weak set forgets the collected ones.
		kept := l.agens[:0]
		for _, ag := range l.agens {
			if !agenFinished(ag) {
				kept = append(kept, ag)
			}
		}
		clear(l.agens[len(kept):])
		l.agens = kept
	}
	l.agens = append(l.agens, agen)
}

// agenFinished reports whether an async generator has finished.
func agenFinished(agen value.Value) bool {
	f, ok := agen.(interface{ Finished() bool })
	return ok && f.Finished()
}

// finalize is the loop's finalizer hook (_asyncgen_finalizer_hook): the VM
// calls it when an unfinished async generator is dropped; the loop closes
// it in a new task, as CPython does: call_soon(create_task, agen.aclose()).
func (l *Loop) finalize(agen value.Value) {
	for i, a := range l.agens {
		if a == agen {
			l.agens = append(l.agens[:i], l.agens[i+1:]...)
			break
		}
	}
	if l.closed {
		return
	}
	aw, err := aclose(l.in.th, agen)
	if err != nil {
		l.callbackError(err, nil)
		return
	}
	l.callSoon(&createTaskCallback{aw})
}

// aclose calls agen.aclose().
func aclose(th value.Thread, agen value.Value) (value.Value, error) {
	fn, err := value.GetAttr(th, agen, "aclose")
	if err != nil {
		return nil, err
	}
	return value.Call(th, fn, nil, nil)
}

// createTaskCallback is loop.create_task(coro) scheduled with call_soon.
type createTaskCallback struct{ coro value.Value }

func (c *createTaskCallback) call(l *Loop) error {
	_, err := createTask(l.in.th, l, c.coro, nil)
	return l.callbackError(err, nil)
}

// shutdownAgens is the coroutine of loop.shutdown_asyncgens(): it closes
// the async generators still open, concurrently, and reports the errors.
type shutdownAgens struct {
	loop    *Loop
	closing []value.Value
	g       futureLike
}

// Type returns the coroutine class.
func (s *shutdownAgens) Type() *value.Class { return CoroutineType }

// Await returns the coroutine.
func (s *shutdownAgens) Await(th value.Thread) (value.Coroutine, error) { return s, nil }

// Send starts the closing, or collects its results.
func (s *shutdownAgens) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	l := s.loop
	if s.g == nil {
		for _, ag := range l.agens {
			if !agenFinished(ag) {
				s.closing = append(s.closing, ag)
			}
		}
		l.agens = nil
		if len(s.closing) == 0 {
			return value.None, true, nil
		}
		aws := make([]value.Value, len(s.closing))
		for i, ag := range s.closing {
			aw, err := aclose(th, ag)
			if err != nil {
				return nil, false, err
			}
			aws[i] = aw
		}
		g, err := gather(th, aws, true)
		if err != nil {
			return nil, false, err
		}
		s.g = g
		g.base().blocking = true
		return g, false, nil
	}
	r, err := s.g.base().Result()
	if err != nil {
		return nil, false, err
	}
	for i, res := range r.(*value.List).Elems {
		if exc, ok := res.(*value.Exception); ok && exc.Class.IsSubclass(value.ExceptionClass) {
			ag := reprOf(th, s.closing[i])
			l.report("an error occurred during closing of asynchronous generator "+ag, exc, []string{"asyncgen: " + ag})
		}
	}
	return value.None, true, nil
}

// Throw raises exc.
func (s *shutdownAgens) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	return nil, false, exc
}

// Close does nothing.
func (s *shutdownAgens) Close(th value.Thread) error { return nil }
