package vm

import (
	"fmt"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// refillSteps starts a new step budget, failing when the limit is spent.
func (th *Thread) refillSteps() error {
	th.used += th.chunk
	if th.maxSteps > 0 && th.used >= th.maxSteps {
		th.chunk, th.steps = 1, 1
		return &LimitError{Msg: fmt.Sprintf("step limit exceeded (%d steps)", th.maxSteps)}
	}
	th.chunk = th.nextChunk()
	th.steps = th.chunk
	return nil
}

// nextChunk returns the steps to run before the next check.
func (th *Thread) nextChunk() int64 {
	if th.maxSteps > 0 && th.maxSteps-th.used < stepBudget {
		return max(th.maxSteps-th.used, 1)
	}
	return stepBudget
}

// LimitError stops a script that exceeded a resource limit. Script code
// cannot catch it.
type LimitError struct{ Msg string }

// Error returns the message.
func (e *LimitError) Error() string { return e.Msg }

// guard turns a Go panic below an entry point from outside the VM into a
// SystemError, restoring the thread's state: a panic reaching the user
// is a bug, but one that must not crash the host.
// Use it as `defer th.guard(th.frame, th.depth, th.ei, &err)`.
func (th *Thread) guard(fr *frame, depth int, ei *excInfo, err *error) {
	if r := recover(); r != nil {
		th.frame, th.depth, th.ei = fr, depth, ei
		*err = value.Errorf(value.SystemError, "internal error: %v", r)
	}
}
