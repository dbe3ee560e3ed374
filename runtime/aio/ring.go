package aio

// ring is a double-ended queue on a growable ring buffer: the deques of
// the queues (items, getters, putters).
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
