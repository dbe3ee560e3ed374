package runtime

import (
	"sync"
	"time"

	"github.com/asyncgen/asyncgen/runtime/aio"
)

// ctxClock wraps the event loop's clock so that the context of the call
// in progress interrupts the loop's waits: when the context is done, the
// wait returns early and, on the loop goroutine, onDone runs (it cancels
// the tasks). Waits are where a loop spends its time; a script spinning
// without awaiting is stopped only by the step limit.
//
// It also knows the host work of the session (the slot through which API
// calls wake the loop), which is not host work the virtual clock should
// wait for in real time: while a session runs and none of the host calls
// of this package is pending, the virtual clock jumps.
type ctxClock struct {
	aio.Clock
	session   bool            // a session's loop is running
	hostCalls int             // host calls and stream items pending
	done      <-chan struct{} // the watched context's Done, or nil
	onDone    func()

	// Once a context with a Done channel is watched, a forwarding
	// goroutine merges the loop's wake channel and done into merged for
	// the rest of that loop's life, so that no wake-up is ever lost.
	wake    <-chan struct{}
	merged  chan struct{}
	setDone chan (<-chan struct{})
	stop    chan struct{}

	// halt is closed when a call is stopped (see stopOnDone): it ends a
	// time.sleep of the real clock. Used from any goroutine.
	haltMu sync.Mutex
	halt   chan struct{}
	halted bool
	// onHalt runs on the script goroutine when a sleep ends early.
	onHalt func()
}

// Sleep is time.sleep: the real clock's ends early when the call is
// stopped, so that the script reaches its next step check.
func (c *ctxClock) Sleep(d int64) {
	if _, ok := c.Clock.(*aio.RealClock); !ok {
		c.Clock.Sleep(d)
		return
	}
	t := time.NewTimer(time.Duration(d))
	defer t.Stop()
	select {
	case <-t.C:
	case <-c.halting():
		c.onHalt()
	}
}

// halting returns the channel closed when the call is stopped.
func (c *ctxClock) halting() <-chan struct{} {
	c.haltMu.Lock()
	defer c.haltMu.Unlock()
	if c.halt == nil {
		c.halt = make(chan struct{})
	}
	return c.halt
}

// stopSleeps ends the sleeps of a stopped call, and those until resume.
func (c *ctxClock) stopSleeps() {
	c.haltMu.Lock()
	defer c.haltMu.Unlock()
	if c.halt == nil {
		c.halt = make(chan struct{})
	}
	if !c.halted {
		close(c.halt)
		c.halted = true
	}
}

// resume lets time.sleep sleep again.
func (c *ctxClock) resume() {
	c.haltMu.Lock()
	defer c.haltMu.Unlock()
	if c.halted {
		c.halt, c.halted = nil, false
	}
}

// watch makes done interrupt the loop's waits, running onDone on the loop
// goroutine once; the returned function restores the previous watch. A
// nil done (context.Background) costs nothing.
func (c *ctxClock) watch(done <-chan struct{}, onDone func()) (unwatch func()) {
	prevDone, prevOn := c.done, c.onDone
	c.setWatch(done, onDone)
	return func() { c.setWatch(prevDone, prevOn) }
}

func (c *ctxClock) setWatch(done <-chan struct{}, onDone func()) {
	c.done, c.onDone = done, onDone
	if c.stop != nil {
		c.setDone <- done
	}
}

// Wait is the wrapped clock's Wait, interrupted by the watched context.
func (c *ctxClock) Wait(deadline int64, wake <-chan struct{}, host bool) {
	if c.interrupted() {
		return
	}
	if c.session && c.hostCalls == 0 && deadline >= 0 {
		host = false
	}
	if c.done != nil || (c.stop != nil && c.wake == wake) {
		c.forward(wake)
		wake = c.merged
	}
	c.Clock.Wait(deadline, wake, host)
	c.interrupted()
}

// interrupted runs onDone once if the watched context is done.
func (c *ctxClock) interrupted() bool {
	if c.done == nil {
		return false
	}
	select {
	case <-c.done:
		on := c.onDone
		c.setWatch(nil, nil)
		on()
		return true
	default:
		return false
	}
}

// forward starts, unless running for this wake channel, the goroutine
// copying signals from wake and the watched done to merged, which like
// the loop's own channel holds at most one pending signal.
func (c *ctxClock) forward(wake <-chan struct{}) {
	if c.stop != nil && c.wake == wake {
		return
	}
	c.close() // a new loop: the old one is finished
	c.merged = make(chan struct{}, 1)
	c.setDone = make(chan (<-chan struct{}))
	c.wake, c.stop = wake, make(chan struct{})
	merged, setDone, stop, done := c.merged, c.setDone, c.stop, c.done
	signal := func() {
		select {
		case merged <- struct{}{}:
		default:
		}
	}
	go func() {
		for {
			select {
			case <-wake:
				signal()
			case <-done:
				signal()
				done = nil
			case done = <-setDone:
			case <-stop:
				return
			}
		}
	}()
}

// reset forgets the loop that just finished.
func (c *ctxClock) reset() {
	c.close()
	c.session, c.hostCalls = false, 0
}

// close stops the forwarding goroutine.
func (c *ctxClock) close() {
	if c.stop != nil {
		close(c.stop)
		c.stop, c.wake = nil, nil
	}
}
