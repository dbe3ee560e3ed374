package aio

import (
	"fmt"
	"strings"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// coroutineInfo is what the VM's coroutines tell about themselves, so
// that task reprs can show where they are, as CPython's
// "coro=<main.<locals>.g() running at prog.agen:3>".
type coroutineInfo interface {
	Name() string                       // the qualified name
	Frame() (filename string, line int) // where it is suspended (or starts)
	Done() bool
}

// Repr returns the future's repr, as <Future pending cb=[...]>.
func (f *Future) Repr(th value.Thread) (string, error) {
	return "<" + f.Type().Name + " " + strings.Join(f.reprInfo(th), " ") + ">", nil
}

// Repr returns the task's repr, as
// <Task pending name='Task-2' coro=<f() running at prog.agen:3>>.
func (t *Task) Repr(th value.Thread) (string, error) {
	info := t.reprInfo(th)
	if t.nCancels > 0 && t.state == pending {
		info[0] = "cancelling"
	}
	name, _ := value.Repr(th, t.Name(th))
	extra := []string{"name=" + name, "coro=<" + describeCoro(th, t.coro) + ">"}
	if t.waiter != nil {
		w, _ := value.Repr(th, t.waiter.self())
		extra = append(extra, "wait_for="+w)
	} else if t.nap == napWaiting || t.nap == napFired {
		// The future the task's own sleep would have made.
		f := Future{loop: t.loop}
		if t.nap == napWaiting {
			f.cb0 = (*taskWakeup)(t)
		} else {
			f.state, f.result = finished, value.None
		}
		w, _ := f.Repr(th)
		extra = append(extra, "wait_for="+w)
	}
	info = append(info[:1], append(extra, info[1:]...)...)
	return "<Task " + strings.Join(info, " ") + ">", nil
}

// Repr returns the gather future's repr.
func (g *gathering) Repr(th value.Thread) (string, error) {
	return "<_GatheringFuture " + strings.Join(g.reprInfo(th), " ") + ">", nil
}

// reprInfo is _future_repr_info: state, result or exception, callbacks.
func (f *Future) reprInfo(th value.Thread) []string {
	info := []string{[...]string{"pending", "cancelled", "finished"}[f.state]}
	if f.state == finished {
		if f.failed {
			s, _ := value.Repr(th, f.result)
			info = append(info, "exception="+s)
		} else {
			s, _ := value.Repr(th, f.result)
			info = append(info, "result="+shorten(s))
		}
	}
	cbs := f.callbacks()
	switch n := len(cbs); {
	case n == 1:
		info = append(info, "cb=["+cbName(cbs[0])+"]")
	case n == 2:
		info = append(info, "cb=["+cbName(cbs[0])+", "+cbName(cbs[1])+"]")
	case n > 2:
		info = append(info, fmt.Sprintf("cb=[%s, <%d more>, %s]", cbName(cbs[0]), n-2, cbName(cbs[n-1])))
	}
	return info
}

// shorten is reprlib.repr's limit of 30 characters, keeping the two ends
// around an ellipsis.
func shorten(s string) string {
	r := []rune(s)
	if len(r) <= 30 {
		return s
	}
	return string(r[:13]) + "..." + string(r[len(r)-14:])
}

// cbName formats a done callback as _format_callback_source does.
func cbName(cb callback) string {
	switch cb := cb.(type) {
	case *taskWakeup:
		return "Task.task_wakeup()"
	case *gatherChild:
		return "gather.<locals>._done_callback()"
	case *stopCallback:
		return "_run_until_complete_cb()"
	case *funcCallback:
		return describe(nil, cb.fn, nil)
	}
	return "callback()"
}

// describeCoro is coroutines._format_coroutine.
func describeCoro(th value.Thread, c value.Coroutine) string {
	if ci, ok := c.(coroutineInfo); ok {
		file, line := ci.Frame()
		if ci.Done() {
			return fmt.Sprintf("%s() done, defined at %s:%d", ci.Name(), file, line)
		}
		return fmt.Sprintf("%s() running at %s:%d", ci.Name(), file, line)
	}
	switch c.(type) {
	case *sleepCoro, *sleep0, *taskSleep0, *taskSleep:
		return "sleep()"
	}
	s, _ := value.Repr(th, c)
	return s
}

// Repr returns the loop's repr.
func (l *Loop) Repr(th value.Thread) (string, error) {
	return fmt.Sprintf("<_UnixSelectorEventLoop running=%s closed=%s debug=False>", pyBool(l.running), pyBool(l.closed)), nil
}

// Repr returns the handle's repr.
func (h *Handle) Repr(th value.Thread) (string, error) {
	kind, state := "Handle", ""
	if h.timer != nil {
		kind = "TimerHandle"
		state = fmt.Sprintf(" when=%s", floatRepr(th, seconds(h.timer.when)))
	}
	if h.cancelled {
		return "<" + kind + " cancelled" + state + ">", nil
	}
	return "<" + kind + state + " " + describe(th, h.fn, h.args) + ">", nil
}

// Repr returns the coroutine's repr.
func (s *sleepCoro) Repr(th value.Thread) (string, error) { return sleepRepr(s) }

func floatRepr(th value.Thread, f float64) string {
	s, _ := value.Repr(th, value.Float(f))
	return s
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}
