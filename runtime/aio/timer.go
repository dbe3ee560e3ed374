package aio

// timer is a callback due at a deadline. Timers with equal deadlines run in
// the order they were scheduled (seq), which is the order CPython's clock,
// always moving between two call_later calls, gives them.
type timer struct {
	when      int64
	seq       uint64
	cb        callback // called with no argument
	index     int32    // position in the heap; -1 once popped
	cancelled bool
}

// timerHeap is a min-heap of timers ordered by (when, seq).
type timerHeap []*timer

func (h timerHeap) less(i, j int) bool {
	if h[i].when != h[j].when {
		return h[i].when < h[j].when
	}
	return h[i].seq < h[j].seq
}

func (h timerHeap) swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = int32(i)
	h[j].index = int32(j)
}

func (h *timerHeap) push(t *timer) {
	t.index = int32(len(*h))
	*h = append(*h, t)
	h.up(len(*h) - 1)
}

// pop removes and returns the earliest timer.
func (h *timerHeap) pop() *timer {
	old := *h
	n := len(old) - 1
	old.swap(0, n)
	t := old[n]
	old[n] = nil
	*h = old[:n]
	h.down(0)
	t.index = -1
	return t
}

// remove takes the timer at index i out of the heap.
func (h *timerHeap) remove(i int) {
	old := *h
	n := len(old) - 1
	if i != n {
		old.swap(i, n)
	}
	t := old[n]
	old[n] = nil
	*h = old[:n]
	if i != n {
		h.down(i)
		h.up(i)
	}
	t.index = -1
}

func (h timerHeap) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !h.less(i, p) {
			return
		}
		h.swap(i, p)
		i = p
	}
}

func (h timerHeap) down(i int) {
	n := len(h)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && h.less(r, l) {
			m = r
		}
		if !h.less(m, i) {
			return
		}
		h.swap(i, m)
		i = m
	}
}
