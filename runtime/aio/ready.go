package aio

// A callback is work the loop runs: a task step, a task wake-up, a done
// callback, a script callable. It returns an error only for failures that
// must stop the loop (SystemExit, KeyboardInterrupt, limits, internal
// errors); script exceptions are reported and swallowed, as asyncio's
// Handle._run does. A callback holds what it works on (a done callback
// its future), so the ready queue holds callbacks alone.
type callback interface {
	call(l *Loop) error
}

// readyQueue is the loop's FIFO ready queue: a chain of fixed-size blocks
// of callbacks. A burst of scheduling (gather starting 200,000 tasks)
// costs 16 bytes a callback, with no copying as the queue grows. Drained
// blocks are kept for reuse (until release), so a loop in steady state
// schedules without allocating, and a second burst (200,000 timers
// firing after those tasks went to sleep) reuses the first one's blocks.
type readyQueue struct {
	head, tail *readyBlock // pop from head, push to tail
	hi, ti     int         // next index to pop in head, to push in tail
	n          int
	free       *readyBlock // drained blocks, linked by next
}

// A readyBlock is one link of a readyQueue: 4 KiB, a size class of Go's
// allocator.
type readyBlock struct {
	cbs  [255]callback
	next *readyBlock
}

func (q *readyQueue) len() int { return q.n }

// push appends cb.
func (q *readyQueue) push(cb callback) {
	if q.tail == nil || q.ti == len(q.tail.cbs) {
		b := q.free
		if b == nil {
			b = new(readyBlock)
		} else {
			q.free, b.next = b.next, nil
		}
		if q.tail == nil {
			q.head, q.hi = b, 0
		} else {
			q.tail.next = b
		}
		q.tail, q.ti = b, 0
	}
	q.tail.cbs[q.ti] = cb
	q.ti++
	q.n++
}

// pop removes and returns the front callback of a non-empty queue.
func (q *readyQueue) pop() callback {
	b := q.head
	cb := b.cbs[q.hi]
	b.cbs[q.hi] = nil
	q.hi++
	q.n--
	switch {
	case q.n == 0: // head is tail: start it again from the front
		q.hi, q.ti = 0, 0
	case q.hi == len(b.cbs):
		q.head, q.hi = b.next, 0
		b.next, q.free = q.free, b
	}
	return cb
}

// release drops the drained blocks kept for reuse.
func (q *readyQueue) release() { q.free = nil }
