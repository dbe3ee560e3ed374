package aio

import (
	"io"
	"os"
	"strconv"
	"time"

	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// Options configure the event loop of an interpreter.
type Options struct {
	// VirtualTime selects the virtual clock (--virtual-time): the loop
	// jumps to the next timer instead of waiting for it.
	VirtualTime bool
	// Clock, if set, overrides the clock VirtualTime selects.
	Clock Clock
	// Stderr receives the loop's error reports ("Task exception was never
	// retrieved", ...); os.Stderr if nil.
	Stderr io.Writer
	// Source returns the text of a script file, for the source lines of
	// tracebacks; may be nil.
	Source func(filename string) []byte
	// Tracer, if set, receives the task timeline.
	Tracer Tracer
}

// interpreter is the per-interpreter state of the event loop machinery, kept on
// the thread under localKey.
type interpreter struct {
	th          value.Thread
	vt          *vm.Thread // th, when it is the VM's (see awaitedByTask)
	opts        Options
	clock       Clock
	wallStart   float64 // time.time() when the clock read zero
	loop        *Loop   // the running loop, or nil
	defaultLoop *Loop   // the loop get_event_loop returns outside a running loop
	taskCounter int     // asyncio's global task name counter
	// naps holds the sleepCoro running the sleep of a task that had to
	// materialize it (taskSleep), until that sleep is over.
	naps map[*Task]*sleepCoro

	trace *tracing // nil unless opts.Tracer is set
}

const localKey = "aio"

// interp returns the interpreter state of th, creating it if needed.
func interp(th value.Thread) *interpreter {
	if in, ok := th.Local(localKey).(*interpreter); ok {
		return in
	}
	return setup(th, Options{})
}

// setup stores fresh interpreter state with opts on th.
func setup(th value.Thread, opts Options) *interpreter {
	in := &interpreter{th: th, opts: opts, clock: opts.Clock}
	in.vt, _ = th.(*vm.Thread)
	if in.clock == nil {
		if opts.VirtualTime {
			in.clock = NewVirtualClock()
		} else {
			in.clock = NewRealClock()
		}
	}
	if in.opts.Stderr == nil {
		in.opts.Stderr = os.Stderr
	}
	now := time.Now()
	in.wallStart = float64(now.UnixNano())/1e9 - seconds(in.clock.Now())
	in.startTrace()
	th.SetLocal(localKey, in)
	return in
}

// runningLoop returns the loop running on th, or RuntimeError.
func runningLoop(th value.Thread) (*Loop, error) {
	if l := interp(th).loop; l != nil {
		return l, nil
	}
	return nil, value.Errorf(value.RuntimeError, "no running event loop")
}

// seconds converts clock nanoseconds to Python's float seconds.
func seconds(ns int64) float64 { return float64(ns) / 1e9 }

// nanos converts float seconds to clock nanoseconds, rounding.
func nanos(s float64) int64 {
	if s >= 1<<62/1e9 {
		return 1 << 62
	}
	if s <= -(1 << 62 / 1e9) {
		return -(1 << 62)
	}
	if s < 0 {
		return int64(s*1e9 - 0.5)
	}
	return int64(s*1e9 + 0.5)
}

func itoa(i int) string { return strconv.Itoa(i) }

// isNone reports whether v is None, at the cost of a type check where
// v == value.None compares two interfaces.
func isNone(v value.Value) bool {
	_, ok := v.(value.NoneType)
	return ok
}

// reprOf returns repr(v), or a placeholder if repr fails.
func reprOf(th value.Thread, v value.Value) string {
	s, err := value.Repr(th, v)
	if err != nil {
		return "<repr failed>"
	}
	return s
}

// isExitException reports whether exc stops the loop even when raised by
// a task: SystemExit and KeyboardInterrupt.
func isExitException(exc *value.Exception) bool {
	return exc.Class.IsSubclass(value.SystemExit) || exc.Class.IsSubclass(value.KeyboardInterrupt)
}
