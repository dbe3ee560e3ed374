package aio

import "unsafe"

// timer is a callback due at a deadline: asyncio's TimerHandle.
//
// CPython orders timers by deadline alone, in a heapq. Its clock moves
// between two call_later calls, so their deadlines never tie, and they
// fire in the order they were scheduled; the virtual clock does not move,
// so ties are broken by scheduling order (tie). call_at with equal
// deadlines does tie in CPython, and heapq then decides: those timers
// have tie 0 and this heap is heapq, step for step, with its lazy
// removal of cancelled timers.
//
// A timer is the first field of what it fires, a sleep coroutine or a
// timedHandle, and knows which (handle): it keeps no callback, which
// saves 16 bytes in every sleep.
type timer struct {
	when      int64
	tie       uint64 // 0 for call_at; the scheduling sequence otherwise
	handle    bool   // a timedHandle's timer, else a sleepCoro's
	inHeap    bool   // TimerHandle._scheduled
	cancelled bool
}

// timedHandle is the timer of a Handle made by call_later or call_at.
type timedHandle struct {
	timer
	h *Handle
}

// sleepCoro and timedHandle start with their timer, which timer.call
// relies on: the constant overflows otherwise.
const _ = -(unsafe.Offsetof(sleepCoro{}.timer) + unsafe.Offsetof(timedHandle{}.timer))

func (t *timer) less(u *timer) bool {
	return t.when < u.when || t.when == u.when && t.tie < u.tie
}

// call fires the timer unless it was cancelled meanwhile (the loop runs
// timers from its ready queue).
func (t *timer) call(l *Loop) error {
	switch {
	case t.cancelled:
		return nil
	case t.handle:
		return (*timedHandle)(unsafe.Pointer(t)).h.call(l)
	}
	(*sleepCoro)(unsafe.Pointer(t)).fire()
	return nil
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
