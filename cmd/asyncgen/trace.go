package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sync"
)

// Tracer is the hook the task timeline needs from the event loop
// (runtime/aio has none yet: see loopTrace for what --trace records
// today). Times are the loop clock's nanoseconds, so a virtual-time run
// shows the virtual timeline. Tasks are numbered from 1 in creation
// order; 0 stands for the loop itself (timers, host work).
type Tracer interface {
	// TaskCreated: task was created, named name (Task-N or its name=).
	TaskCreated(now int64, task int, name string)
	// StepBegin and StepEnd bracket one step of task, which resumes its
	// coroutine coro (qualified name) at line.
	StepBegin(now int64, task int, coro string, line int)
	StepEnd(now int64, task int)
	// Wake: from (a task, or 0 for a timer or host work) made to ready,
	// by completing what it waited on or by call_soon.
	Wake(now int64, from, to int)
	// Sleep: task started sleeping for delay nanoseconds.
	Sleep(now int64, task int, delay int64)
	// AgenStep: task advanced the async generator agen (qualified name).
	AgenStep(now int64, task int, agen string)
	// Raise: an exception of class exc left task's coroutine; Cancel:
	// task was cancelled.
	Raise(now int64, task int, exc string)
	Cancel(now int64, task int)
}

// traceEvent is one Chrome Trace Event.
type traceEvent struct {
	Name  string         `json:"name"`
	Cat   string         `json:"cat,omitempty"`
	Ph    string         `json:"ph"`
	Ts    float64        `json:"ts"` // microseconds
	Dur   float64        `json:"dur,omitempty"`
	Pid   int            `json:"pid"`
	Tid   int            `json:"tid"`
	ID    int            `json:"id,omitempty"`
	Scope string         `json:"s,omitempty"`  // of instant events: "t" (thread)
	BP    string         `json:"bp,omitempty"` // of flow ends: "e" (enclosing slice)
	Args  map[string]any `json:"args,omitempty"`
}

// traceWriter implements Tracer by collecting Chrome Trace Event JSON
// (the format chrome://tracing and Perfetto load): a track (thread) per
// task named after it, a slice per step named by coroutine and line,
// flow arrows for wake-ups, instant events for sleeps, async generator
// steps, exceptions and cancellations.
type traceWriter struct {
	mu     sync.Mutex
	events []traceEvent
	open   map[int]int // task -> index of its step slice in progress
	flows  int
}

func newTraceWriter() *traceWriter {
	w := &traceWriter{open: map[int]int{}}
	w.meta(0, "event loop")
	return w
}

func us(ns int64) float64 { return float64(ns) / 1e3 }

func (w *traceWriter) add(e traceEvent) {
	e.Pid = 1
	w.mu.Lock()
	w.events = append(w.events, e)
	w.mu.Unlock()
}

// meta names the track of task and orders the tracks by their ids: the
// loop (0), the tasks, the output.
func (w *traceWriter) meta(task int, name string) {
	w.add(traceEvent{Name: "thread_name", Ph: "M", Tid: task, Args: map[string]any{"name": name}})
	w.add(traceEvent{Name: "thread_sort_index", Ph: "M", Tid: task, Args: map[string]any{"sort_index": task}})
}

func (w *traceWriter) instant(now int64, task int, cat, name string) {
	w.add(traceEvent{Name: name, Cat: cat, Ph: "i", Scope: "t", Ts: us(now), Tid: task})
}

// TaskCreated names the task's track.
func (w *traceWriter) TaskCreated(now int64, task int, name string) {
	w.meta(task, name)
	w.instant(now, task, "task", "created")
}

// StepBegin opens the step's slice.
func (w *traceWriter) StepBegin(now int64, task int, coro string, line int) {
	w.add(traceEvent{Name: fmt.Sprintf("%s line %d", coro, line), Cat: "step", Ph: "X", Ts: us(now), Tid: task})
	w.mu.Lock()
	w.open[task] = len(w.events) - 1
	w.mu.Unlock()
}

// StepEnd closes it.
func (w *traceWriter) StepEnd(now int64, task int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if i, ok := w.open[task]; ok {
		w.events[i].Dur = max(us(now)-w.events[i].Ts, 0.001)
		delete(w.open, task)
	}
}

// Wake draws an arrow from the waker to the woken task.
func (w *traceWriter) Wake(now int64, from, to int) {
	w.mu.Lock()
	w.flows++
	id := w.flows
	w.mu.Unlock()
	w.add(traceEvent{Name: "wake", Cat: "wake", Ph: "s", Ts: us(now), Tid: from, ID: id})
	w.add(traceEvent{Name: "wake", Cat: "wake", Ph: "f", BP: "e", Ts: us(now), Tid: to, ID: id})
}

// Sleep marks the start of a sleep.
func (w *traceWriter) Sleep(now int64, task int, delay int64) {
	w.instant(now, task, "sleep", fmt.Sprintf("sleep %gs", float64(delay)/1e9))
}

// AgenStep marks an async generator step.
func (w *traceWriter) AgenStep(now int64, task int, agen string) {
	w.instant(now, task, "agen", agen)
}

// Raise marks an exception leaving a task's coroutine.
func (w *traceWriter) Raise(now int64, task int, exc string) {
	w.instant(now, task, "exception", exc)
}

// Cancel marks a cancellation.
func (w *traceWriter) Cancel(now int64, task int) {
	w.instant(now, task, "cancel", "cancelled")
}

// write writes the trace as a JSON object {"traceEvents": [...]}.
func (w *traceWriter) write(out io.Writer) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	b := bufio.NewWriter(out)
	if err := json.NewEncoder(b).Encode(map[string]any{"traceEvents": w.events, "displayTimeUnit": "ms"}); err != nil {
		return err
	}
	return b.Flush()
}

// writeFile writes the trace to the file name.
func (w *traceWriter) writeFile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := w.write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

var _ Tracer = (*traceWriter)(nil)
