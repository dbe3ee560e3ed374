package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/asyncgen/asyncgen/runtime/aio"
)

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

// traceWriter implements aio.Tracer by collecting Chrome Trace Event
// JSON (the format chrome://tracing and Perfetto load): a track (thread)
// per task named after it, a slice per step named by coroutine and line
// ("main:12"), flow arrows from the waker to the step a wake-up starts,
// instant events for sleeps, async generator steps, exceptions and
// cancellations.
type traceWriter struct {
	mu     sync.Mutex
	events [][]traceEvent // in blocks of blockLen, so that growing copies nothing
	n      int            // the number of events
	names  map[int]int    // task -> index of its thread_name event
	open   map[int]int    // task -> index of its step slice in progress
	waking map[int][]int  // task -> flows to end at its next step
	flows  int
}

func newTraceWriter() *traceWriter {
	w := &traceWriter{names: map[int]int{}, open: map[int]int{}, waking: map[int][]int{}}
	w.meta(0, "event loop")
	return w
}

func us(ns int64) float64 { return float64(ns) / 1e3 }

// minDur is the duration of a slice that took no time on the clock, as
// every step does on the virtual clock: 1ns, so that viewers keep it.
const minDur = 0.001

// add appends e and returns its index.
func (w *traceWriter) add(e traceEvent) int {
	e.Pid = 1
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.n%blockLen == 0 {
		w.events = append(w.events, make([]traceEvent, 0, blockLen))
	}
	b := &w.events[len(w.events)-1]
	*b = append(*b, e)
	w.n++
	return w.n - 1
}

// blockLen is the number of events in a block of traceWriter.events.
const blockLen = 4096

// at returns the event at index i.
func (w *traceWriter) at(i int) *traceEvent { return &w.events[i/blockLen][i%blockLen] }

// meta names the track of task and orders the tracks by their ids: the
// loop (0), the tasks, the output.
func (w *traceWriter) meta(task int, name string) {
	i := w.add(traceEvent{Name: "thread_name", Ph: "M", Tid: task, Args: map[string]any{"name": name}})
	w.mu.Lock()
	w.names[task] = i
	w.mu.Unlock()
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

// TaskNamed renames the task's track.
func (w *traceWriter) TaskNamed(now int64, task int, name string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if i, ok := w.names[task]; ok {
		w.at(i).Args["name"] = name
	}
}

// StepBegin opens the step's slice, where the flows of the wake-ups that
// scheduled it end.
func (w *traceWriter) StepBegin(now int64, task int, coro string, line int) {
	name := coro
	if line > 0 {
		name = fmt.Sprintf("%s:%d", coro, line)
	}
	i := w.add(traceEvent{Name: name, Cat: "step", Ph: "X", Ts: us(now), Tid: task})
	w.mu.Lock()
	w.open[task] = i
	ids := w.waking[task]
	delete(w.waking, task)
	w.mu.Unlock()
	for _, id := range ids {
		w.add(traceEvent{Name: "wake", Cat: "wake", Ph: "f", BP: "e", Ts: us(now), Tid: task, ID: id})
	}
}

// StepEnd closes it.
func (w *traceWriter) StepEnd(now int64, task int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if i, ok := w.open[task]; ok {
		e := w.at(i)
		e.Dur = max(us(now)-e.Ts, minDur)
		delete(w.open, task)
	}
}

// Wake starts an arrow from the waker to the woken task's next step. A
// wake-up by the loop (a timer, a callback, host work) gets a slice of
// the loop's track to start from.
func (w *traceWriter) Wake(now int64, from, to int) {
	w.mu.Lock()
	w.flows++
	id := w.flows
	w.waking[to] = append(w.waking[to], id)
	w.mu.Unlock()
	if from == 0 {
		w.add(traceEvent{Name: "wake", Cat: "loop", Ph: "X", Ts: us(now), Dur: minDur, Tid: 0})
	}
	w.add(traceEvent{Name: "wake", Cat: "wake", Ph: "s", Ts: us(now), Tid: from, ID: id})
}

// Sleep marks the start of a sleep.
func (w *traceWriter) Sleep(now int64, task int, delay int64) {
	w.instant(now, task, "sleep", fmt.Sprintf("sleep %gs", float64(delay)/1e9))
}

// AgenStep marks an async generator step: "anext(ticker)".
func (w *traceWriter) AgenStep(now int64, task int, agen, op string) {
	w.instant(now, task, "agen", op+"("+agen+")")
}

// Raise marks an exception leaving a task's coroutine.
func (w *traceWriter) Raise(now int64, task int, exc string) {
	w.instant(now, task, "exception", exc)
}

// Cancel marks a cancellation.
func (w *traceWriter) Cancel(now int64, task int) {
	w.instant(now, task, "cancel", "cancel")
}

// write writes the trace as a JSON object {"traceEvents": [...]}, an
// event a line, without the starts of flows whose woken task never ran
// again.
func (w *traceWriter) write(out io.Writer) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	dangling := map[int]bool{}
	for _, ids := range w.waking {
		for _, id := range ids {
			dangling[id] = true
		}
	}
	b := bufio.NewWriter(out)
	enc := json.NewEncoder(b)
	b.WriteString(`{"displayTimeUnit": "ms", "traceEvents": [`)
	sep := "\n"
	for _, block := range w.events {
		for _, e := range block {
			if e.Ph == "s" && dangling[e.ID] {
				continue
			}
			b.WriteString(sep)
			if err := enc.Encode(e); err != nil { // appends a newline
				return err
			}
			sep = ","
		}
	}
	b.WriteString("]}\n")
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

var _ aio.Tracer = (*traceWriter)(nil)
