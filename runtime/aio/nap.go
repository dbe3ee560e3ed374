package aio

import (
	"unsafe"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// A task sleeping in `await asyncio.sleep(delay)` needs no coroutine,
// future or timer of its own: the task hands out itself as the sleep
// (taskSleep), with the timer in Task.tm and the state in Task.nap, and
// waits on that timer directly.
//
// That is only exact while nothing else can see the future the sleep
// would yield: the task's own coroutine must await the sleep (not a
// generator, a nested coroutine, or a script calling send) and nothing
// else may ask for the future. Whatever else happens to the sleep turns
// it into a sleepCoro with a real future (materialize), which then runs
// it, as CPython's sleep would from that point.

// napState is the state of a taskSleep.
type napState uint8

const (
	napFree     napState = iota // not handed out, or over
	napNew                      // handed out, not started: tm.when is the delay
	napWaiting                  // the task waits for tm to fire
	napFired                    // tm fired: the task's wake-up is scheduled
	napFallback                 // run by the sleepCoro in interpreter.naps
)

// taskSleep is the coroutine of asyncio.sleep(delay) with result None
// that a task hands out: the Task itself under another type, a struct
// around it so that none of the Future's methods make it look like one.
type taskSleep struct{ t Task }

// asSleep returns t as its own sleep.
func asSleep(t *Task) *taskSleep { return (*taskSleep)(unsafe.Pointer(t)) }

// newSleep returns the coroutine of a sleep for delay nanoseconds (> 0):
// the task being stepped as its own sleep when its previous one is over
// and result is None, else a sleepCoro. (As with sleep(0), two sleep
// objects made one after the other in a task, the first awaited to its
// end, can be the same object.)
func (in *interpreter) newSleep(delay int64, result value.Value) value.Value {
	if l := in.loop; l != nil && l.current != nil && isNone(result) {
		if t := l.current; t.nap == napFree && !t.tm.has(timerInHeap) {
			t.nap = napNew
			t.tm = timer{when: delay, bits: timerTask}
			return asSleep(t)
		}
	}
	return newSleepCoro(delay, result)
}

// taskOfTimer returns the Task whose tm is tm.
func taskOfTimer(tm *timer) *Task {
	return (*Task)(unsafe.Add(unsafe.Pointer(tm), -int(unsafe.Offsetof(Task{}.tm))))
}

// Type returns the coroutine class.
func (s *taskSleep) Type() *value.Class { return CoroutineType }

// Await returns the coroutine itself.
func (s *taskSleep) Await(th value.Thread) (value.Coroutine, error) { return s, nil }

// Repr returns the coroutine's repr.
func (s *taskSleep) Repr(th value.Thread) (string, error) { return sleepRepr(s) }

// Send starts the sleep, which yields itself to the task (see
// Task.yielded), or ends it once its timer fired.
func (s *taskSleep) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	t := &s.t
	switch t.nap {
	case napNew:
		l, err := runningLoop(th)
		if err != nil {
			t.nap = napFree
			return nil, false, err
		}
		if !l.awaitedByTask(t) {
			return s.materialize().Send(th, v)
		}
		delay := t.tm.when
		t.tm.when = l.Time() + delay
		l.addTimer(&t.tm, false)
		t.nap = napWaiting
		if tr := l.in.trace; tr != nil {
			tr.sleep(delay)
		}
		return s, false, nil
	case napFired:
		t.nap = napFree
		return value.None, true, nil
	case napFree:
		return nil, false, errReused()
	}
	return s.materialize().Send(th, v)
}

// Throw raises exc where the sleep is suspended (or at its start).
func (s *taskSleep) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	t := &s.t
	switch t.nap {
	case napFree:
		return nil, false, errReused()
	case napNew, napFired:
		t.nap = napFree
		return nil, false, exc
	}
	return s.materialize().Throw(th, exc)
}

// Close ends the sleep.
func (s *taskSleep) Close(th value.Thread) error {
	t := &s.t
	switch t.nap {
	case napNew, napFired:
		t.nap = napFree
	case napWaiting, napFallback:
		return s.materialize().Close(th)
	}
	return nil
}

// materialize returns the sleepCoro that runs the sleep from now on,
// making it if needed: a sleep not yet started gets a sleepCoro of its
// own; a started one gets a sleepCoro whose future the task waits on,
// with the task's wake-up as its callback, while tm stays its timer.
func (s *taskSleep) materialize() *napCoro {
	t := &s.t
	in := t.loop.in
	if t.nap == napFallback {
		return &napCoro{t, in.naps[t]}
	}
	var sc *sleepCoro
	if t.nap == napNew {
		sc = newSleepCoro(t.tm.when, value.None)
	} else { // napWaiting
		sc = &sleepCoro{}
		sc.fut.init(t.loop, plainFuture)
		sc.fut.result = value.None
		sc.fut.addDoneCallback((*taskWakeup)(t))
		t.waiter = &sc.fut
	}
	if in.naps == nil {
		in.naps = map[*Task]*sleepCoro{}
	}
	in.naps[t] = sc
	t.nap = napFallback
	return &napCoro{t, sc}
}

// napCoro runs a materialized taskSleep through its sleepCoro, and frees
// the task's sleep once the sleepCoro is over.
type napCoro struct {
	t  *Task
	sc *sleepCoro
}

// Type returns the coroutine class.
func (n *napCoro) Type() *value.Class { return CoroutineType }

// Await returns the coroutine itself.
func (n *napCoro) Await(th value.Thread) (value.Coroutine, error) { return n, nil }

// Send resumes the sleepCoro.
func (n *napCoro) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	return n.over(n.sc.Send(th, v))
}

// Throw throws into the sleepCoro.
func (n *napCoro) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	return n.over(n.sc.Throw(th, exc))
}

// Close closes the sleepCoro.
func (n *napCoro) Close(th value.Thread) error {
	_, _, err := n.over(nil, false, n.sc.Close(th))
	return err
}

// over passes a step's outcome on; when the sleepCoro is over, so is the
// task's sleep, and tm is cancelled as the sleep's `finally: h.cancel()`.
func (n *napCoro) over(v value.Value, done bool, err error) (value.Value, bool, error) {
	if n.sc.timer.has(timerCancelled) {
		t := n.t
		delete(t.loop.in.naps, t)
		t.nap = napFree
		t.loop.cancelTimer(&t.tm)
	}
	return v, done, err
}

// napFired runs when tm fires: futures._set_result_unless_cancelled for
// the sleep's future, which schedules the task's wake-up.
func (t *Task) napFired() {
	switch t.nap {
	case napWaiting:
		t.nap = napFired
		t.loop.callSoon((*napWakeup)(t))
	case napFallback:
		t.loop.in.naps[t].fire()
	}
}

// napWakeup is Task.__wakeup for the task's own sleep, whose future
// finished with None: the Task itself under another type.
type napWakeup Task

func (w *napWakeup) call(l *Loop) error { return (*Task)(w).step(nil) }

// napFuture returns the future a task sleeping in its own sleep waits
// on, made now, or nil if the task does not wait on its own sleep.
func (t *Task) napFuture() *Future {
	if t.waiter != nil || t.nap != napWaiting {
		return nil
	}
	asSleep(t).materialize()
	return t.waiter
}

// awaitedByTask reports whether the sleep of t, being started, is awaited
// by t's own coroutine while t is stepped, so that what the sleep yields
// goes straight to t.
func (l *Loop) awaitedByTask(t *Task) bool {
	vt := l.in.vt
	return vt != nil && l.current == t && vt.Depth() == l.runDepth+1
}

// manual returns the coroutine to step when script code rather than an
// await drives c (send, __next__): a taskSleep not yet started
// materializes, since what it yields goes to the script.
func manual(c value.Coroutine) value.Coroutine {
	if s, ok := c.(*taskSleep); ok && s.t.nap == napNew {
		return s.materialize()
	}
	return c
}
