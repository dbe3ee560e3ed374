package aio

import (
	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// A Tracer receives the task timeline of an interpreter's event loops
// (Options.Tracer). Its methods are called on the goroutine running the
// loop, while the loop runs. Times are the loop clock's nanoseconds, so
// a virtual-time run shows the virtual timeline. Tasks are numbered from
// 1 in creation order; 0 stands for the loop itself (a timer, a
// callback, host work, code outside any task).
type Tracer interface {
	// TaskCreated: task was created, named name (Task-N).
	TaskCreated(now int64, task int, name string)
	// TaskNamed: task has a new name (create_task's name=, set_name),
	// seen as its next step begins.
	TaskNamed(now int64, task int, name string)
	// StepBegin and StepEnd bracket one step of task, which resumes its
	// coroutine coro (qualified name) at line (0 if unknown).
	StepBegin(now int64, task int, coro string, line int)
	StepEnd(now int64, task int)
	// Wake: from made task to ready, by completing what it waited on,
	// cancelling it or creating it.
	Wake(now int64, from, to int)
	// Sleep: task started sleeping for delay nanoseconds (0 for a bare
	// yield to the loop, as sleep(0)).
	Sleep(now int64, task int, delay int64)
	// AgenStep: task started the operation op ("anext", "athrow" or
	// "aclose") of the async generator agen (qualified name).
	AgenStep(now int64, task int, agen, op string)
	// Raise: an exception of class exc left task's coroutine.
	Raise(now int64, task int, exc string)
	// Cancel: task was asked to cancel.
	Cancel(now int64, task int)
}

// tracing is an interpreter's Tracer with the state its hooks need.
type tracing struct {
	Tracer
	in    *interpreter
	tasks map[*Task]traced // the tasks not yet done
	last  int              // the last task number given
	step  *Task            // the task being stepped, until its step's end
}

// traced is what a trace knows of a task: its number and the name it
// reported.
type traced struct {
	num  int
	name value.Value
}

// startTrace sets up in's tracing if opts.Tracer is set, with the async
// generator hook of its thread.
func (in *interpreter) startTrace() {
	if in.opts.Tracer == nil {
		return
	}
	tr := &tracing{Tracer: in.opts.Tracer, in: in, tasks: map[*Task]traced{}}
	in.trace = tr
	if th, ok := in.th.(*vm.Thread); ok {
		th.AgenStep = func(agen, op string) { tr.AgenStep(tr.now(), tr.id(tr.step), agen, op) }
	}
}

func (tr *tracing) now() int64 { return tr.in.clock.Now() }

// id returns the number of t, 0 for nil.
func (tr *tracing) id(t *Task) int { return tr.tasks[t].num }

// created numbers a new task.
func (tr *tracing) created(t *Task) {
	tr.last++
	name := t.Name(tr.in.th)
	tr.tasks[t] = traced{tr.last, name}
	tr.TaskCreated(tr.now(), tr.last, tr.str(name))
}

// str returns str(v).
func (tr *tracing) str(v value.Value) string {
	s, _ := value.Str(tr.in.th, v)
	return s
}

// scheduled notes a callback put in the ready queue: a task's step, or
// its wake-up by a future it waited on, woken by the task being stepped
// or the loop. A task rescheduling itself is no wake-up.
func (tr *tracing) scheduled(cb callback) {
	var t *Task
	switch cb := cb.(type) {
	case *Task:
		t = cb
	case *taskWakeup:
		t = (*Task)(cb)
	case *napWakeup:
		t = (*Task)(cb)
	}
	if t != nil && t != tr.step {
		tr.Wake(tr.now(), tr.id(tr.step), tr.id(t))
	}
}

// stepBegin notes the start of a step of t.
func (tr *tracing) stepBegin(t *Task) {
	tr.step = t
	if tt, ok := tr.tasks[t]; ok {
		if name := t.Name(tr.in.th); name != tt.name {
			tr.tasks[t] = traced{tt.num, name}
			tr.TaskNamed(tr.now(), tt.num, tr.str(name))
		}
	}
	name, line := coroPlace(t.coro)
	tr.StepBegin(tr.now(), tr.id(t), name, line)
}

// stepEnd notes the end of t's step, after what its end scheduled;
// prev is the task that was being stepped before, normally nil.
func (tr *tracing) stepEnd(t, prev *Task) {
	tr.StepEnd(tr.now(), tr.id(t))
	if t.Done() {
		delete(tr.tasks, t)
	}
	tr.step = prev
}

// sleep notes that the task being stepped sleeps for delay.
func (tr *tracing) sleep(delay int64) { tr.Sleep(tr.now(), tr.id(tr.step), delay) }

// raised notes exc leaving t's coroutine.
func (tr *tracing) raised(t *Task, exc *value.Exception) {
	tr.Raise(tr.now(), tr.id(t), exc.Class.Name)
}

// cancelled notes a request to cancel t.
func (tr *tracing) cancelled(t *Task) { tr.Cancel(tr.now(), tr.id(t)) }

// coroPlace returns the name of a task's coroutine and the line it will
// resume at.
func coroPlace(c value.Coroutine) (string, int) {
	if ci, ok := c.(coroutineInfo); ok {
		_, line := ci.Frame()
		return ci.Name(), line
	}
	switch c.(type) {
	case *sleepCoro, *sleep0, *taskSleep0, *taskSleep:
		return "sleep", 0
	case *shutdownAgens:
		return "BaseEventLoop.shutdown_asyncgens", 0
	case doneCoro:
		return "BaseEventLoop.shutdown_default_executor", 0
	}
	return c.Type().Name, 0
}
