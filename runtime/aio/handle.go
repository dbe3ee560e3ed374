package aio

import "github.com/asyncgen/asyncgen/runtime/value"

// A Handle is what loop.call_soon, call_later and call_at return: a script
// callable with its arguments, which the script may cancel.
type Handle struct {
	loop      *Loop
	fn        value.Value
	args      []value.Value
	cancelled bool
	timer     *timer // for a TimerHandle; nil otherwise
}

// Type returns Handle or TimerHandle.
func (h *Handle) Type() *value.Class {
	if h.timer != nil {
		return TimerType
	}
	return HandleType
}

// call runs the callable, reporting a script exception as asyncio's
// Handle._run does.
func (h *Handle) call(l *Loop, arg value.Value) error {
	_, err := value.Call(l.in.th, h.fn, h.args, nil)
	return l.callbackError(err, h)
}

// cancel is Handle.cancel().
func (h *Handle) cancel() {
	if h.cancelled {
		return
	}
	h.cancelled = true
	if h.timer != nil {
		h.loop.cancelTimer(h.timer)
	}
	h.fn, h.args = nil, nil
}

// funcCallback runs a script callable with one argument: a done callback
// added by add_done_callback.
type funcCallback struct{ fn value.Value }

func (c *funcCallback) call(l *Loop, arg value.Value) error {
	_, err := value.Call(l.in.th, c.fn, []value.Value{arg}, nil)
	return l.callbackError(err, c)
}

// callbackError reports a script exception raised by a callback and
// swallows it; other errors stop the loop.
func (l *Loop) callbackError(err error, cb callback) error {
	if err == nil {
		return nil
	}
	exc, ok := err.(*value.Exception)
	if !ok || isExitException(exc) {
		return err
	}
	l.report("Exception in callback "+l.describe(cb), exc, nil)
	return nil
}

// describe names a callback as asyncio's _format_callback_source does,
// as far as we can: "f(<Future finished ...>)".
func (l *Loop) describe(cb callback) string {
	th := l.in.th
	switch cb := cb.(type) {
	case *Handle:
		s := callableName(cb.fn) + "("
		for i, a := range cb.args {
			if i > 0 {
				s += ", "
			}
			s += reprOf(th, a)
		}
		return s + ")"
	case *funcCallback:
		return callableName(cb.fn) + "()"
	}
	return "callback()"
}

func callableName(fn value.Value) string {
	if c, ok := fn.(value.Callable); ok {
		return c.Name()
	}
	return "callable"
}
