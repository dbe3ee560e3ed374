package runtime

import (
	"context"
	"time"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// cancelGrace is how long script code may keep running after the
// context of its call is done: long enough for cancelled tasks to run
// their finally blocks, short enough for a person pressing Ctrl-C.
const cancelGrace = 100 * time.Millisecond

// stopOnDone stops the script code of a call cancelGrace after ctx is
// done, with a *LimitError wrapping ctx.Err() raised at the next step
// check: the cancellation of tasks at their awaits does not reach code
// that computes without awaiting. A time.sleep then ends early. The returned function ends the watch
// and withdraws an interrupt that has not fired; call it when the call
// is over: it returns the error of the stop, or nil if it did not
// happen.
func (in *Interpreter) stopOnDone(ctx context.Context) (end func() error) {
	done := ctx.Done()
	if done == nil {
		return func() error { return nil }
	}
	stop := make(chan struct{})
	over := make(chan bool, 1)
	go func() {
		fired := false
		select {
		case <-done:
			t := time.NewTimer(cancelGrace)
			select {
			case <-t.C:
				in.th.Interrupt(stopped(ctx))
				in.clock.stopSleeps()
				fired = true
			case <-stop:
				t.Stop()
			}
		case <-stop:
		}
		over <- fired
	}()
	return func() error {
		close(stop)
		if !<-over {
			return nil
		}
		in.th.Interrupt(nil)
		in.clock.resume()
		return stopped(ctx)
	}
}

// stopped is the error of a call stopped because ctx is done.
func stopped(ctx context.Context) error {
	return &LimitError{Msg: "interrupted: " + ctx.Err().Error(), Err: ctx.Err()}
}

// Interrupt raises KeyboardInterrupt in the script code running at its
// next step check, within a fraction of a millisecond of computation, as
// CPython does on Ctrl-C in a program that does not run an event loop.
// The script may catch it. It is safe to call from any goroutine. When no
// call is running it does nothing (the next call drops it). Code waiting
// in the event loop runs no steps: cancel the context of the call to stop
// awaits.
func (in *Interpreter) Interrupt() {
	in.th.Interrupt(value.NewException(value.KeyboardInterrupt))
}
