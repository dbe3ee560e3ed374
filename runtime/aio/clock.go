package aio

import (
	"sync/atomic"
	"time"
)

// A Clock is the event loop's time source. Times are nanoseconds on the
// clock's own monotonic scale; the loop converts them to Python's float
// seconds at the edges.
type Clock interface {
	// Now returns the current time.
	Now() int64
	// Wait blocks until the clock reaches deadline (no deadline when
	// deadline < 0) or until wake receives, whichever comes first. host
	// tells whether host work is pending, that is whether wake may ever
	// receive.
	Wait(deadline int64, wake <-chan struct{}, host bool)
	// Sleep blocks for d nanoseconds, as time.sleep does.
	Sleep(d int64)
}

// RealClock is the wall clock: Wait really waits.
type RealClock struct {
	start time.Time
	timer *time.Timer // Wait's, made once
}

// NewRealClock returns a real clock whose scale starts near zero.
func NewRealClock() *RealClock { return &RealClock{start: time.Now()} }

// Now returns the nanoseconds elapsed since the clock was made.
func (c *RealClock) Now() int64 { return int64(time.Since(c.start)) }

// Wait waits for the deadline or a wake-up.
func (c *RealClock) Wait(deadline int64, wake <-chan struct{}, host bool) {
	if deadline < 0 {
		<-wake
		return
	}
	d := deadline - c.Now()
	if d <= 0 {
		return
	}
	if c.timer == nil {
		c.timer = time.NewTimer(time.Duration(d))
	} else {
		c.timer.Reset(time.Duration(d))
	}
	select {
	case <-c.timer.C:
	case <-wake:
		c.timer.Stop()
	}
}

// Sleep sleeps for d nanoseconds.
func (c *RealClock) Sleep(d int64) { time.Sleep(time.Duration(d)) }

// VirtualClock is a clock that only moves when the loop would otherwise
// wait: with no host work pending it jumps straight to the deadline, so
// `await sleep(3600)` returns at once. While host work is pending it
// follows real time, so timeouts around host calls keep their meaning.
//
// Each jump (and each time.sleep) lands latency past the deadline, as a
// real wake-up does: a script measuring `loop.time() - t0 >= delay`
// after sleeping delay sees what it sees under CPython, despite float
// rounding.
type VirtualClock struct{ now atomic.Int64 }

// NewVirtualClock returns a virtual clock at time zero.
func NewVirtualClock() *VirtualClock { return &VirtualClock{} }

// Now returns the virtual time.
func (c *VirtualClock) Now() int64 { return c.now.Load() }

// Wait advances the clock to the deadline, or, while host work is pending,
// waits for it in real time, advancing by the real time elapsed but never
// past the deadline.
func (c *VirtualClock) Wait(deadline int64, wake <-chan struct{}, host bool) {
	if !host {
		if deadline >= 0 {
			c.advanceTo(deadline + latency)
		}
		return
	}
	begin := time.Now()
	from := c.Now()
	if deadline < 0 {
		<-wake
	} else {
		t := time.NewTimer(time.Duration(deadline - from))
		select {
		case <-t.C:
		case <-wake:
			t.Stop()
		}
	}
	to := from + int64(time.Since(begin))
	if deadline >= 0 && to > deadline {
		to = deadline
	}
	c.advanceTo(to)
}

// Sleep advances the clock by d.
func (c *VirtualClock) Sleep(d int64) {
	c.advanceTo(c.Now() + max(d, 0) + latency)
}

// latency is how late a virtual wake-up is: 1µs.
const latency = 1000

// advanceTo moves the clock forward to t; the loop goroutine is its only
// writer.
func (c *VirtualClock) advanceTo(t int64) {
	if t > c.now.Load() {
		c.now.Store(t)
	}
}
