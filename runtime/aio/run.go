package aio

import (
	"github.com/asyncgen/asyncgen/runtime/value"
)

// errDeadlock is raised by asyncio.run when every task waits and nothing
// (no ready callback, timer or host work) can ever wake one. CPython would
// hang forever.
func errDeadlock() error {
	return value.Errorf(value.RuntimeError, "event loop deadlock: every task is waiting and nothing can wake them")
}

// Run is asyncio.run(main): it runs the coroutine main as the main task of
// a new loop, then cancels the tasks left, closes the async generators
// still open, reports exceptions nobody retrieved, and returns main's
// result or raises its exception.
func Run(th value.Thread, main value.Value) (value.Value, error) {
	in := interp(th)
	if in.loop != nil {
		return nil, value.Errorf(value.RuntimeError, "asyncio.run() cannot be called from a running event loop")
	}
	if !isCoroutine(main) {
		return nil, value.Errorf(value.ValueError, "a coroutine was expected, got %s", reprOf(th, main))
	}
	l := newLoop(in)
	task := newTask(l, main.(value.Coroutine), nil)
	l.main = task
	var result value.Value
	err := l.runUntilComplete(&task.Future)
	if err == nil {
		result, err = task.Result()
	}
	task.logTraceback = false
	if cerr := l.close(); err == nil {
		err = cerr
	}
	return result, err
}

// CancelMain cancels the main task of the loop running on th, as
// asyncio's Runner does on Ctrl-C. It reports whether there was one.
func CancelMain(th value.Thread) bool {
	l := RunningLoop(th)
	if l == nil || l.main == nil || l.main.Done() {
		return false
	}
	l.main.cancel(nil)
	return true
}

// RunMain runs the coroutine of a module with top-level await (as
// returned by the VM's ExecModule) as the main task of a loop, exactly as
// asyncio.run would. A nil or None main (a module without top-level
// await, already run) does nothing.
func RunMain(th value.Thread, main value.Value) error {
	if main == nil || main == value.None {
		return nil
	}
	_, err := Run(th, main)
	return err
}

// close is Runner.close: cancel the remaining tasks and wait for them,
// close the open async generators, run the (empty) default executor
// shutdown, then report exceptions nobody retrieved.
func (l *Loop) close() error {
	err := l.cancelAllTasks()
	if err == nil {
		err = l.runTask(&shutdownAgens{loop: l})
	}
	if err == nil {
		err = l.runTask(doneCoro{})
	}
	l.markClosed()
	return err
}

// markClosed closes the loop: it drops the memory the ready queue kept
// and reports the exceptions nobody retrieved.
func (l *Loop) markClosed() {
	l.closed = true
	l.ready.release()
	l.reportUnretrieved()
}

// runTask runs coro as a task until it is done (run_until_complete).
func (l *Loop) runTask(coro value.Coroutine) error {
	t := newTask(l, coro, nil)
	if err := l.runUntilComplete(&t.Future); err != nil {
		return err
	}
	_, err := t.Result()
	return err
}

// cancelAllTasks is asyncio.runners._cancel_all_tasks. It waits for the
// cancelled tasks as gather(*tasks, return_exceptions=True) does, but
// through one done callback that all of them share (a countdown) and
// without the list of results, which nobody reads: a loop left with
// millions of tasks (one that MemoryError stopped) is torn down in little
// more memory than the tasks already hold.
func (l *Loop) cancelAllTasks() error {
	tasks := l.allTasks()
	if len(tasks) == 0 {
		return nil
	}
	for _, t := range tasks {
		t.cancel(nil)
	}
	c := &countdown{Future: NewFuture(l), left: len(tasks)}
	for _, t := range tasks {
		t.addDoneCallback(c)
	}
	if err := l.runUntilComplete(c.Future); err != nil {
		return err
	}
	th := l.in.th
	for _, t := range tasks {
		if t.state == cancelled || !t.failed {
			continue
		}
		t.logTraceback = false
		l.report("unhandled exception during asyncio.run() shutdown", t.failure(), []string{"task: " + reprOf(th, t)})
	}
	return nil
}

// countdown is a done callback shared by futures: its future gets the
// result None when the last of them is done.
type countdown struct {
	*Future
	left int
}

func (c *countdown) call(l *Loop) error {
	if c.left--; c.left == 0 {
		return c.SetResult(value.None)
	}
	return nil
}

// allTasks returns the tasks of the loop not yet done, in creation order.
func (l *Loop) allTasks() []*Task {
	out := make([]*Task, 0, max(l.nTasks-l.nDone, 0))
	for t := l.first; t != nil; t = t.next {
		if t.state == pending {
			out = append(out, t)
		}
	}
	return out
}

// addTask appends a new task to the list of tasks. The list is linked
// through the tasks, so it costs no memory of its own and is never
// copied.
func (l *Loop) addTask(t *Task) {
	if l.last == nil {
		l.first = t
	} else {
		l.last.next = t
	}
	l.last = t
	l.nTasks++
}

// taskDone notes that a task finished; done tasks are unlinked from the
// task list once they are half of it.
func (l *Loop) taskDone() {
	l.nDone++
	if l.nDone < 64 || 2*l.nDone < l.nTasks {
		return
	}
	var kept, last *Task
	n := 0
	for t := l.first; t != nil; {
		next := t.next
		t.next = nil
		if t.state == pending {
			if last == nil {
				kept = t
			} else {
				last.next = t
			}
			last = t
			n++
		}
		t = next
	}
	l.first, l.last = kept, last
	l.nTasks, l.nDone = n, 0
}

// doneCoro is a coroutine that returns None at once, as
// shutdown_default_executor does when there is no executor.
type doneCoro struct{}

// Type returns the coroutine class.
func (doneCoro) Type() *value.Class { return CoroutineType }

// Await returns the coroutine.
func (c doneCoro) Await(th value.Thread) (value.Coroutine, error) { return c, nil }

// Send returns None.
func (doneCoro) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	return value.None, true, nil
}

// Throw raises exc.
func (doneCoro) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	return nil, false, exc
}

// Close does nothing.
func (doneCoro) Close(th value.Thread) error { return nil }
