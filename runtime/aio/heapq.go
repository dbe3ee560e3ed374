package aio

// The algorithms of CPython's heapq module on a slice, for the timer heap
// and PriorityQueue: with the same comparisons in the same order, items
// that tie come out in CPython's order.

// heapPush is heapq.heappush.
func heapPush[T any](h []T, item T, less func(a, b T) bool) []T {
	h = appendDoubling(h, item)
	siftDown(h, 0, len(h)-1, less)
	return h
}

// heapPop is heapq.heappop on a non-empty heap.
func heapPop[T any](h []T, less func(a, b T) bool) ([]T, T) {
	var zero T
	n := len(h) - 1
	last := h[n]
	h[n] = zero
	h = h[:n]
	if n == 0 {
		return h, last
	}
	top := h[0]
	h[0] = last
	siftUp(h, 0, less)
	return h, top
}

// siftDown is heapq._siftdown: move the item at pos up towards start.
func siftDown[T any](h []T, start, pos int, less func(a, b T) bool) {
	item := h[pos]
	for pos > start {
		parent := (pos - 1) >> 1
		if !less(item, h[parent]) {
			break
		}
		h[pos] = h[parent]
		pos = parent
	}
	h[pos] = item
}

// siftUp is heapq._siftup: move the smaller child up until a leaf, then
// sift the item down from there.
func siftUp[T any](h []T, pos int, less func(a, b T) bool) {
	end, start, item := len(h), pos, h[pos]
	child := 2*pos + 1
	for child < end {
		if right := child + 1; right < end && !less(h[child], h[right]) {
			child = right
		}
		h[pos] = h[child]
		pos = child
		child = 2*pos + 1
	}
	h[pos] = item
	siftDown(h, start, pos, less)
}
