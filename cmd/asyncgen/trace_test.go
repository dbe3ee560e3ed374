package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/runtime/aio"
)

// loadTrace reads a trace file back.
func loadTrace(t *testing.T, data []byte) []traceEvent {
	t.Helper()
	var file struct {
		TraceEvents []traceEvent `json:"traceEvents"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatalf("trace is not JSON: %v", err)
	}
	return file.TraceEvents
}

// timeline is the structure of a trace, checked as it is built: the
// track names, the slices and instants of each track, the flows.
type timeline struct {
	names    map[int]string
	slices   map[int][]traceEvent
	instants map[int][]traceEvent
	flows    int
}

// parseTimeline checks that events make a well-formed timeline: known
// phases, one process, positive slice durations, thread-scoped
// instants, and flows that start within a slice and end at the start of
// a slice of another track, with each flow id used once.
func parseTimeline(t *testing.T, events []traceEvent) timeline {
	t.Helper()
	tl := timeline{names: map[int]string{}, slices: map[int][]traceEvent{}, instants: map[int][]traceEvent{}}
	starts, ends := map[int]traceEvent{}, map[int]traceEvent{}
	for _, e := range events {
		if e.Pid != 1 {
			t.Errorf("event %+v: pid %d", e, e.Pid)
		}
		switch e.Ph {
		case "M":
			if e.Name == "thread_name" {
				tl.names[e.Tid] = e.Args["name"].(string)
			}
		case "X":
			if e.Dur <= 0 {
				t.Errorf("slice %q has no duration", e.Name)
			}
			tl.slices[e.Tid] = append(tl.slices[e.Tid], e)
		case "i":
			if e.Scope != "t" {
				t.Errorf("instant %q: scope %q", e.Name, e.Scope)
			}
			tl.instants[e.Tid] = append(tl.instants[e.Tid], e)
		case "s", "f":
			m := starts
			if e.Ph == "f" {
				m = ends
			}
			if _, dup := m[e.ID]; dup {
				t.Errorf("flow %d has two %q events", e.ID, e.Ph)
			}
			m[e.ID] = e
		default:
			t.Errorf("unexpected phase %q", e.Ph)
		}
	}
	within := func(e traceEvent, atStart bool) bool {
		for _, s := range tl.slices[e.Tid] {
			if atStart && e.Ts == s.Ts || !atStart && s.Ts <= e.Ts && e.Ts <= s.Ts+s.Dur {
				return true
			}
		}
		return false
	}
	for id, s := range starts {
		f, ok := ends[id]
		switch {
		case !ok:
			t.Errorf("flow %d has no end", id)
		case s.Tid == f.Tid || s.Ts > f.Ts:
			t.Errorf("flow %d goes from %+v to %+v", id, s, f)
		case !within(s, false) || !within(f, true) || f.BP != "e":
			t.Errorf("flow %d: %+v, %+v not bound to slices", id, s, f)
		}
	}
	if len(ends) != len(starts) {
		t.Errorf("%d flow ends for %d starts", len(ends), len(starts))
	}
	tl.flows = len(starts)
	return tl
}

// names returns the names of events.
func names(events []traceEvent) string {
	var s []string
	for _, e := range events {
		s = append(s, e.Name)
	}
	return strings.Join(s, ", ")
}

// TestTraceWriter drives the writer as the event loop would, through
// aio.Tracer, and checks the structure of the file.
func TestTraceWriter(t *testing.T) {
	w := newTraceWriter()
	var tr aio.Tracer = w
	tr.TaskCreated(0, 1, "Task-1")
	tr.Wake(0, 0, 1)
	tr.StepBegin(0, 1, "main", 3)
	tr.TaskCreated(10, 2, "Task-2")
	tr.Wake(10, 1, 2)
	tr.Sleep(20, 1, 1e9)
	tr.StepEnd(30, 1)
	tr.TaskNamed(35, 2, "ticker")
	tr.StepBegin(40, 2, "ticker", 7)
	tr.AgenStep(45, 2, "numbers", "anext")
	tr.Raise(50, 2, "ValueError")
	tr.StepEnd(60, 2)
	tr.Wake(1e9, 0, 1)
	tr.StepBegin(1e9, 1, "main", 4)
	tr.Cancel(1e9+500, 1)
	tr.Wake(1e9+600, 1, 2) // a task that never runs again: no flow
	tr.StepEnd(1e9+1000, 1)
	var buf bytes.Buffer
	if err := w.write(&buf); err != nil {
		t.Fatal(err)
	}
	tl := parseTimeline(t, loadTrace(t, buf.Bytes()))
	if tl.names[0] != "event loop" || tl.names[1] != "Task-1" || tl.names[2] != "ticker" {
		t.Errorf("track names %v", tl.names)
	}
	if got := names(tl.slices[1]); got != "main:3, main:4" {
		t.Errorf("Task-1 slices: %s", got)
	}
	if got := names(tl.slices[2]); got != "ticker:7" {
		t.Errorf("Task-2 slices: %s", got)
	}
	if got := names(tl.slices[0]); got != "wake, wake" {
		t.Errorf("loop slices: %s", got)
	}
	if tl.flows != 3 {
		t.Errorf("%d flows, want 3", tl.flows)
	}
	if got := names(tl.instants[1]); got != "created, sleep 1s, cancel" {
		t.Errorf("Task-1 instants: %s", got)
	}
	if got := names(tl.instants[2]); got != "created, anext(numbers), ValueError" {
		t.Errorf("Task-2 instants: %s", got)
	}
}

// TestTraceRun runs a program with --trace under the virtual clock and
// checks the timeline: a track per task named after it, steps named by
// coroutine and line, wake-ups, and events on the virtual timeline.
func TestTraceRun(t *testing.T) {
	dir := t.TempDir()
	prog := filepath.Join(dir, "prog.agen")
	src := `import asyncio

async def ticks():
    for i in range(2):
        await asyncio.sleep(1)
        yield i

async def worker():
    async for i in ticks():
        print('tick', i)
    raise ValueError('boom')

async def idle():
    await asyncio.sleep(10)

async def main():
    w = asyncio.create_task(worker(), name='worker')
    s = asyncio.create_task(idle(), name='idle')
    try:
        await w
    except ValueError:
        s.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print('done')

asyncio.run(main())
`
	if err := os.WriteFile(prog, []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "trace.json")
	var stdout, stderr bytes.Buffer
	// The output is python3's.
	if status := Main([]string{"run", "--virtual-time", "--trace", out, prog}, strings.NewReader(""), &stdout, &stderr); status != 0 || stdout.String() != "tick 0\ntick 1\ndone\n" {
		t.Fatalf("status %d, stdout %q, stderr %s", status, stdout.String(), stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	tl := parseTimeline(t, loadTrace(t, data))

	// Task-4 and Task-5 are asyncio.run's shutdown_asyncgens and
	// shutdown_default_executor.
	for tid, want := range []string{"event loop", "Task-1", "worker", "idle", "Task-4", "Task-5"} {
		if tl.names[tid] != want {
			t.Errorf("track %d is %q, want %q", tid, tl.names[tid], want)
		}
	}
	step := regexp.MustCompile(`^[\w.<>]+:\d+$`)
	for tid := 1; tid <= 3; tid++ {
		for _, s := range tl.slices[tid] {
			if !step.MatchString(s.Name) {
				t.Errorf("step of %s named %q", tl.names[tid], s.Name)
			}
		}
	}
	// Times are the virtual clock's, which lands each wake-up 1µs late.
	at := func(e traceEvent, seconds float64) bool { return math.Abs(e.Ts-seconds*1e6) <= 10 }
	if got := names(tl.slices[2]); got != "worker:8, worker:9, worker:9" {
		t.Errorf("worker's steps: %s", got)
	} else if s := tl.slices[2]; !at(s[0], 0) || !at(s[1], 1) || !at(s[2], 2) {
		t.Errorf("worker's steps at %v, %v, %v, want 0s, 1s, 2s", s[0].Ts, s[1].Ts, s[2].Ts)
	}
	if got := names(tl.slices[1]); got != "main:16, main:20, main:24" {
		t.Errorf("main's steps: %s", got)
	}
	if got := names(tl.instants[2]); got != "created, anext(ticks), sleep 1s, anext(ticks), sleep 1s, anext(ticks), ValueError" {
		t.Errorf("worker's instants: %s", got)
	}
	if got := names(tl.instants[3]); got != "created, sleep 10s, cancel, CancelledError" {
		t.Errorf("idle's instants: %s", got)
	} else if c := tl.instants[3][2]; !at(c, 2) {
		t.Errorf("cancel at %vµs, want 2s", c.Ts)
	}
	prints := tl.instants[printTrack]
	if got := names(prints); got != "tick 0, tick 1, done" {
		t.Errorf("print events: %s", got)
	} else if !at(prints[0], 1) || !at(prints[1], 2) || !at(prints[2], 2) {
		t.Errorf("prints at %v, %v, %v, want 1s, 2s, 2s", prints[0].Ts, prints[1].Ts, prints[2].Ts)
	}
	// Wake-ups: the loop starts Task-1 and fires two timers; Task-1
	// starts its two tasks; worker's end wakes Task-1, which cancels
	// idle, whose end wakes Task-1; the loop starts Task-4 and Task-5.
	if tl.flows != 3+2+3+2 {
		t.Errorf("%d flows, want 10", tl.flows)
	}
	var waits []traceEvent
	for _, s := range tl.slices[0] {
		if s.Cat == "wait" {
			waits = append(waits, s)
		}
	}
	if len(waits) != 2 || !at(waits[0], 0) || math.Abs(waits[0].Dur-1e6) > 10 || !at(waits[1], 1) || math.Abs(waits[1].Dur-1e6) > 10 {
		t.Errorf("loop waits %+v, want [0, 1s] and [1s, 2s]", waits)
	}
}
