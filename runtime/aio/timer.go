package aio

import "unsafe"

// timer is a callback due at a deadline: asyncio's TimerHandle.
//
// CPython orders timers by deadline alone, in a heapq. Its clock moves
// between two call_later calls, so their deadlines never tie, and they
// fire in the order they were scheduled; the virtual clock does not move,
// so ties are broken by scheduling order (the tie). call_at with equal
// deadlines does tie in CPython, and heapq then decides: those timers
// have tie 0 and this heap is heapq, step for step, with its lazy
// removal of cancelled timers.
//
// A timer is part of what it fires, a sleep coroutine, a sleeping Task
// or a timedHandle, and knows which (its kind flags): it keeps no
// callback. The tie and the flags share one word, so a timer is 16 bytes.
type timer struct {
	when int64
	bits uint64 // tie<<timerFlagBits | flags
}

// The flags of a timer.
const (
	timerInHeap    uint64 = 1 << iota // TimerHandle._scheduled
	timerCancelled                    // cancelled, or over
	timerHandle                       // a timedHandle's timer
	timerTask                         // a sleeping Task's (Task.tm)
	timerFlagBits  = iota
)

// has reports whether flag is set.
func (t *timer) has(flag uint64) bool { return t.bits&flag != 0 }

// set sets or clears flag.
func (t *timer) set(flag uint64, on bool) {
	if on {
		t.bits |= flag
	} else {
		t.bits &^= flag
	}
}

// tie returns the scheduling sequence number, 0 for call_at.
func (t *timer) tie() uint64 { return t.bits >> timerFlagBits }

// setTie sets the scheduling sequence number.
func (t *timer) setTie(n uint64) {
	t.bits = n<<timerFlagBits | t.bits&(1<<timerFlagBits-1)
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
	return t.when < u.when || t.when == u.when && t.tie() < u.tie()
}

// call fires the timer unless it was cancelled meanwhile (the loop runs
// timers from its ready queue).
func (t *timer) call(l *Loop) error {
	switch {
	case t.has(timerCancelled):
		return nil
	case t.has(timerHandle):
		return (*timedHandle)(unsafe.Pointer(t)).h.call(l)
	case t.has(timerTask):
		taskOfTimer(t).napFired()
		return nil
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
