package aio

// timer is a callback due at a deadline: asyncio's TimerHandle.
//
// CPython orders timers by deadline alone, in a heapq. Its clock moves
// between two call_later calls, so their deadlines never tie, and they
// fire in the order they were scheduled; the virtual clock does not move,
// so ties are broken by scheduling order (tie). call_at with equal
// deadlines does tie in CPython, and heapq then decides: those timers
// have tie 0 and this heap is heapq, step for step, with its lazy
// removal of cancelled timers.
type timer struct {
	when      int64
	tie       uint64   // 0 for call_at; the scheduling sequence otherwise
	cb        callback // called with no argument
	inHeap    bool     // TimerHandle._scheduled
	cancelled bool
}

func (t *timer) less(u *timer) bool {
	return t.when < u.when || t.when == u.when && t.tie < u.tie
}

// call runs the timer's callback unless it was cancelled meanwhile (the
// loop runs timers from its ready queue).
func (t *timer) call(l *Loop) error {
	if t.cancelled {
		return nil
	}
	return t.cb.call(l)
}

// timerHeap is a min-heap of timers with the algorithms of CPython's
// heapq module.
type timerHeap []*timer

// push is heapq.heappush.
func (h *timerHeap) push(t *timer) { *h = heapPush(*h, t, (*timer).less) }

// pop is heapq.heappop.
func (h *timerHeap) pop() *timer {
	var t *timer
	*h, t = heapPop(*h, (*timer).less)
	return t
}

// heapify is heapq.heapify.
func (h timerHeap) heapify() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		siftUp(h, i, (*timer).less)
	}
}
