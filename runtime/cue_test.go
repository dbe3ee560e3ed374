package runtime_test

import (
	"context"
	"sync"
	"time"

	"github.com/asyncgen/asyncgen/runtime"
)

// cueDeadline returns a context whose deadline passes d after the script
// calls cue, a host function, for the first time. A deadline counted
// from the start of the call may pass before the script reaches the
// await it is meant to interrupt, when compiling and starting the call
// is slow (under -race on a busy machine): the call then ends before it
// runs anything, with the context's plain error.
func cueDeadline(d time.Duration) (ctx context.Context, cue runtime.Func) {
	c := &cued{Context: context.Background(), done: make(chan struct{})}
	var once sync.Once
	return c, func([]any) (any, error) {
		once.Do(func() { time.AfterFunc(d, func() { close(c.done) }) })
		return nil, nil
	}
}

// cued is the context of cueDeadline: done is closed when its deadline
// passes.
type cued struct {
	context.Context
	done chan struct{}
}

// Done returns a channel closed when the deadline passes.
func (c *cued) Done() <-chan struct{} { return c.done }

// Err returns context.DeadlineExceeded once the deadline has passed.
func (c *cued) Err() error {
	select {
	case <-c.done:
		return context.DeadlineExceeded
	default:
		return nil
	}
}
