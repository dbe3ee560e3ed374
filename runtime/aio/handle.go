package aio

import (
	"fmt"
	"strings"

	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

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

// call runs the callable unless the handle was cancelled, reporting a
// script exception as asyncio's Handle._run does.
func (h *Handle) call(l *Loop) error {
	if h.cancelled {
		return nil
	}
	fn, args := h.fn, h.args
	_, err := value.Call(l.in.th, fn, args, nil)
	return l.callbackError(err, fn, args...)
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

// funcCallback is a done callback added by add_done_callback: a script
// callable called with the future.
type funcCallback struct{ fn, fut value.Value }

func (c *funcCallback) call(l *Loop) error {
	_, err := value.Call(l.in.th, c.fn, []value.Value{c.fut}, nil)
	return l.callbackError(err, c.fn, c.fut)
}

// callbackError reports a script exception raised by a callback and
// swallows it, as the loop's default exception handler does; other
// errors stop the loop. fn and args describe the callback, if known.
func (l *Loop) callbackError(err error, fn value.Value, args ...value.Value) error {
	if err == nil {
		return nil
	}
	exc, ok := err.(*value.Exception)
	if !ok || isExitException(exc) {
		return err
	}
	if fn == nil {
		l.report("Exception in callback", exc, nil)
		return nil
	}
	d := describe(l.in.th, fn, args)
	l.report("Exception in callback "+d, exc, []string{"handle: <Handle " + d + ">"})
	return nil
}

// describe formats a callback as asyncio's _format_callback_source does:
// "f(<Future finished ...>) at prog.agen:3".
func describe(th value.Thread, fn value.Value, args []value.Value) string {
	var b strings.Builder
	b.WriteString(callableName(fn))
	b.WriteByte('(')
	for i, a := range args {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(shorten(reprOf(th, a)))
	}
	b.WriteByte(')')
	if m, ok := fn.(*value.BoundMethod); ok {
		fn = m.Func
	}
	if f, ok := fn.(*vm.Function); ok {
		fmt.Fprintf(&b, " at %s:%d", f.Code().Filename, f.Code().Line)
	}
	return b.String()
}

func callableName(fn value.Value) string {
	if c, ok := fn.(value.Callable); ok {
		return c.Name()
	}
	return "callable"
}
