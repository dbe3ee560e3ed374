package aio

import (
	"sync"
	"sync/atomic"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// A Loop is an event loop, asyncio's BaseEventLoop: a FIFO ready queue of
// callbacks, a heap of timers and an inbox for results posted by host
// goroutines. Only the goroutine running the loop touches script values.
type Loop struct {
	in         *interpreter
	clock      Clock
	ready      readyQueue
	timers     timerHeap
	seq        uint64
	nCancelled int // cancelled timers still in the heap

	running  bool
	stopping bool
	closed   bool
	current  *Task // the task being stepped, or nil
	// runDepth is the thread's frame depth where the running loop steps
	// its tasks, which resume their coroutines one frame deeper (see
	// awaitedByTask).
	runDepth int
	main     *Task // the main task of asyncio.run, or nil
	// The tasks not yet done, in creation order (all_tasks), linked by
	// Task.next; done tasks are pruned lazily.
	first, last *Task
	nTasks      int           // tasks in the list
	nDone       int           // done tasks still in the list
	agens       []value.Value // async generators iterated and not finalized
	failed      []futureLike  // futures that finished with an exception

	// The host inbox: host goroutines append under mu and signal wake.
	mu      sync.Mutex
	inbox   []func()
	spare   []func()
	posted  atomic.Int32 // len(inbox), readable without the lock
	pending int          // host work started but not yet posted back
	wake    chan struct{}
}

func newLoop(in *interpreter) *Loop {
	return &Loop{in: in, clock: in.clock, wake: make(chan struct{}, 1)}
}

// Time returns the loop's time in nanoseconds.
func (l *Loop) Time() int64 { return l.clock.Now() }

// callSoon schedules cb at the end of the ready queue.
func (l *Loop) callSoon(cb callback) {
	if tr := l.in.trace; tr != nil {
		tr.scheduled(cb)
	}
	l.ready.push(cb)
}

// addTimer schedules t; exact (call_at) deadlines may tie, as in CPython.
func (l *Loop) addTimer(t *timer, exact bool) {
	t.setTie(0)
	if !exact {
		l.seq++
		t.setTie(l.seq)
	}
	t.set(timerInHeap, true)
	l.timers.push(t)
}

// cancelTimer is TimerHandle.cancel: the timer stays in the heap until it
// reaches the top or the loop sweeps the heap.
func (l *Loop) cancelTimer(t *timer) {
	if t.has(timerCancelled) {
		return
	}
	t.set(timerCancelled, true)
	if t.has(timerInHeap) {
		l.nCancelled++
	}
}

// sweepTimers drops cancelled timers as _run_once does: all of them when
// they are more than half of over 100 timers, else those at the top.
func (l *Loop) sweepTimers() {
	if n := len(l.timers); n > 100 && 2*l.nCancelled > n {
		kept := l.timers[:0]
		for _, t := range l.timers {
			if t.has(timerCancelled) {
				t.set(timerInHeap, false)
			} else {
				kept = append(kept, t)
			}
		}
		clear(l.timers[len(kept):])
		l.timers = kept
		l.timers.heapify()
		l.nCancelled = 0
		return
	}
	for len(l.timers) > 0 && l.timers[0].has(timerCancelled) {
		l.nCancelled--
		l.timers.pop().set(timerInHeap, false)
	}
}

// HostWork registers one unit of host work (a goroutine computing a result
// the script awaits) and returns the function that goroutine must call,
// once, to hand its completion back: fn then runs on the loop's goroutine.
// While host work is pending the loop waits for it rather than finishing
// or jumping the virtual clock.
func (l *Loop) HostWork() (post func(fn func())) {
	l.pending++
	var once sync.Once
	return func(fn func()) {
		once.Do(func() {
			l.mu.Lock()
			l.inbox = append(l.inbox, fn)
			l.posted.Add(1)
			l.mu.Unlock()
			select {
			case l.wake <- struct{}{}:
			default:
			}
		})
	}
}

// drainInbox runs the completions posted by host goroutines.
func (l *Loop) drainInbox() {
	l.mu.Lock()
	fns := l.inbox
	l.inbox = l.spare[:0]
	l.posted.Store(0)
	l.mu.Unlock()
	for i, fn := range fns {
		l.pending--
		fn()
		fns[i] = nil
	}
	l.spare = fns
}

// runOnce is one iteration of the loop, as BaseEventLoop._run_once: wait
// for the next timer or host result unless callbacks are ready, move the
// expired timers to the ready queue, then run the callbacks that were
// ready at that point (not those they schedule).
func (l *Loop) runOnce() error {
	l.sweepTimers()
	if l.ready.len() == 0 && !l.stopping {
		deadline := int64(-1)
		if len(l.timers) > 0 {
			deadline = l.timers[0].when
		}
		if deadline >= 0 || l.pending > 0 {
			if l.hasInbox() {
				l.drainInbox()
			} else {
				l.clock.Wait(deadline, l.wake, l.pending > 0)
			}
		}
	}
	if l.hasInbox() {
		l.drainInbox()
	}
	now := l.clock.Now()
	for len(l.timers) > 0 && l.timers[0].when <= now {
		t := l.timers.pop()
		t.set(timerInHeap, false)
		l.ready.push(t)
	}
	for n := l.ready.len(); n > 0; n-- {
		if err := l.ready.pop().call(l); err != nil {
			return err
		}
	}
	return nil
}

func (l *Loop) hasInbox() bool { return l.posted.Load() > 0 }

// idle reports whether nothing can ever happen again: no callbacks, no
// timers, no host work.
func (l *Loop) idle() bool {
	return l.ready.len() == 0 && len(l.timers) == l.nCancelled && l.pending == 0 && !l.hasInbox()
}

// runUntilComplete runs the loop until fut is done, as
// BaseEventLoop.run_until_complete: a done callback stops the loop, which
// then finishes its current iteration.
func (l *Loop) runUntilComplete(fut *Future) error {
	if l.running {
		return value.Errorf(value.RuntimeError, "This event loop is already running")
	}
	fut.addDoneCallback(&stopCallback{fut})
	err := l.runForever()
	fut.removeDoneCallback(func(cb callback) bool { _, ok := cb.(*stopCallback); return ok })
	if err != nil {
		return err
	}
	if !fut.Done() {
		return value.Errorf(value.RuntimeError, "Event loop stopped before Future completed.")
	}
	return nil
}

// runForever runs iterations until stop is called. A loop with nothing
// left to do (no ready callbacks, timers or host work) would block forever
// in CPython; here it reports a deadlock instead.
func (l *Loop) runForever() error {
	prev := l.in.loop
	l.in.loop = l
	l.running = true
	if vt := l.in.vt; vt != nil {
		l.runDepth = vt.Depth()
	}
	defer func() {
		l.running = false
		l.stopping = false
		l.in.loop = prev
	}()
	for {
		if !l.stopping && l.idle() {
			return errDeadlock()
		}
		if err := l.runOnce(); err != nil {
			return err
		}
		if l.stopping {
			return nil
		}
	}
}

// stopCallback is _run_until_complete_cb: it stops the loop when the
// future it waits on is done.
type stopCallback struct{ f *Future }

func (c *stopCallback) call(l *Loop) error {
	if f := c.f; f.failed && isExitException(f.failure()) {
		return nil // run_forever already stopped by the exception
	}
	l.stopping = true
	return nil
}
