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

// ring is a double-ended queue on a growable ring buffer: the loop's FIFO
// ready queue (a loop in steady state schedules callbacks without
// allocating) and the deques of the queues.
type ring[T any] struct {
	buf        []T
	head, size int
}

func (r *ring[T]) len() int { return r.size }

// at returns the i-th item from the front.
func (r *ring[T]) at(i int) T { return r.buf[(r.head+i)&(len(r.buf)-1)] }

func (r *ring[T]) push(e T) {
	if r.size == len(r.buf) {
		r.grow()
	}
	r.buf[(r.head+r.size)&(len(r.buf)-1)] = e
	r.size++
}

// pop removes and returns the front item.
func (r *ring[T]) pop() T {
	var zero T
	e := r.buf[r.head]
	r.buf[r.head] = zero
	r.head = (r.head + 1) & (len(r.buf) - 1)
	r.size--
	return e
}

// remove deletes the i-th item from the front, keeping the others' order.
func (r *ring[T]) remove(i int) {
	var zero T
	for ; i < r.size-1; i++ {
		r.buf[(r.head+i)&(len(r.buf)-1)] = r.at(i + 1)
	}
	r.buf[(r.head+r.size-1)&(len(r.buf)-1)] = zero
	r.size--
}

// grow doubles the buffer (its length stays a power of two).
func (r *ring[T]) grow() {
	n := 2 * len(r.buf)
	if n == 0 {
		n = 8
	}
	buf := make([]T, n)
	for i := 0; i < r.size; i++ {
		buf[i] = r.at(i)
	}
	r.buf, r.head = buf, 0
}
