package aio

import "github.com/asyncgen/asyncgen/runtime/value"

// A callback is work the loop runs: a task step, a task wake-up, a done
// callback, a script callable. It returns an error only for failures that
// must stop the loop (SystemExit, KeyboardInterrupt, limits, internal
// errors); script exceptions are reported and swallowed, as asyncio's
// Handle._run does.
type callback interface {
	call(l *Loop, arg value.Value) error
}

// entry is one scheduled callback with its argument.
type entry struct {
	cb  callback
	arg value.Value
}

// ring is the FIFO ready queue: a growable ring buffer, so that a loop in
// steady state schedules callbacks without allocating.
type ring struct {
	buf        []entry
	head, size int
}

func (r *ring) len() int { return r.size }

func (r *ring) push(e entry) {
	if r.size == len(r.buf) {
		r.grow()
	}
	r.buf[(r.head+r.size)&(len(r.buf)-1)] = e
	r.size++
}

func (r *ring) pop() entry {
	e := r.buf[r.head]
	r.buf[r.head] = entry{}
	r.head = (r.head + 1) & (len(r.buf) - 1)
	r.size--
	return e
}

// grow doubles the buffer (its length stays a power of two).
func (r *ring) grow() {
	n := 2 * len(r.buf)
	if n == 0 {
		n = 64
	}
	buf := make([]entry, n)
	for i := 0; i < r.size; i++ {
		buf[i] = r.buf[(r.head+i)&(len(r.buf)-1)]
	}
	r.buf, r.head = buf, 0
}
