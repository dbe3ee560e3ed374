package vm

import (
	"fmt"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// refillSteps starts a new chunk of steps, failing when the step budget
// is spent, when Interrupt was called, when the heap is over the memory
// limit or when a Charge took it over.
func (th *Thread) refillSteps() error {
	th.used += th.chunk
	if p := th.intr.Swap(nil); p != nil {
		th.chunk, th.steps = 1, 1
		return *p
	}
	if th.maxSteps > 0 && th.used >= th.maxSteps {
		th.chunk, th.steps = 1, 1
		return &LimitError{Msg: fmt.Sprintf("step limit exceeded (%d steps)", th.maxSteps)}
	}
	th.chunk = th.nextChunk()
	th.steps = th.chunk
	if th.mem.max > 0 {
		if th.mem.over {
			th.mem.over = false
			return value.NewException(value.MemoryError)
		}
		return th.mem.check(0)
	}
	return nil
}

// nextChunk returns the steps to run before the next check.
func (th *Thread) nextChunk() int64 {
	if th.maxSteps > 0 && th.maxSteps-th.used < stepChunk {
		return max(th.maxSteps-th.used, 1)
	}
	return stepChunk
}

// ResetSteps starts a new run: Options.MaxSteps counts the steps from
// the last ResetSteps (or NewThread), and an interrupt or a MemoryError
// of Charge still pending is dropped. Call it on the thread's goroutine,
// between runs.
func (th *Thread) ResetSteps() {
	th.intr.Store(nil)
	th.mem.over = false
	th.used = 0
	th.chunk = th.nextChunk()
	th.steps = th.chunk
}

// Interrupt makes the running script code fail with err at its next step
// check (within stepChunk steps: a fraction of a millisecond of
// computation). A *value.Exception (such as KeyboardInterrupt) is raised
// in the script, which may catch it; any other error, such as a
// *LimitError, stops the script as a limit does. Interrupt(nil) withdraws
// a pending interrupt. It is safe to call from any goroutine. An
// interrupt fires once; code waiting in the event loop runs no steps and
// sees it only when it runs again.
func (th *Thread) Interrupt(err error) {
	if err == nil {
		th.intr.Store(nil)
		return
	}
	th.intr.Store(&err)
}

// CheckSoon makes the next step check come at the next counted step, so
// that a pending interrupt fires there. Call it on the thread's goroutine
// (from a builtin that was waiting).
func (th *Thread) CheckSoon() {
	th.chunk -= th.steps - 1
	th.steps = 1
}

// LimitError stops a script that exceeded a resource limit or was
// interrupted. Script code cannot catch it.
type LimitError struct {
	Msg string
	Err error // the cause, such as a context's error; may be nil
}

// Error returns the message.
func (e *LimitError) Error() string { return e.Msg }

// Unwrap returns the cause.
func (e *LimitError) Unwrap() error { return e.Err }

// guard turns a Go panic below an entry point from outside the VM into a
// SystemError, restoring the thread's state: a panic reaching the user
// is a bug, but one that must not crash the host.
// Use it as `defer th.guard(th.frame, th.depth, th.ei, len(th.callers), &err)`.
func (th *Thread) guard(fr *frame, depth int, ei *excInfo, callers int, err *error) {
	if r := recover(); r != nil {
		th.frame, th.depth, th.ei = fr, depth, ei
		clear(th.callers[callers:])
		th.callers = th.callers[:callers]
		th.resumed, th.res, th.resErr = false, nil, nil
		*err = value.Errorf(value.SystemError, "internal error: %v", r)
	}
}
