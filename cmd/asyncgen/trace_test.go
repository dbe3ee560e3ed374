package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
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

// TestTraceWriter drives the writer as the event loop would, through the
// Tracer interface, and checks the structure of the file.
func TestTraceWriter(t *testing.T) {
	w := newTraceWriter()
	var tr Tracer = w
	tr.TaskCreated(0, 1, "Task-1")
	tr.StepBegin(0, 1, "main", 3)
	tr.TaskCreated(10, 2, "Task-2")
	tr.Sleep(20, 1, 1e9)
	tr.StepEnd(30, 1)
	tr.StepBegin(40, 2, "ticker", 7)
	tr.AgenStep(45, 2, "numbers")
	tr.Raise(50, 2, "ValueError")
	tr.StepEnd(60, 2)
	tr.Wake(1e9, 0, 1)
	tr.StepBegin(1e9, 1, "main", 4)
	tr.Cancel(1e9+500, 1)
	tr.StepEnd(1e9+1000, 1)
	var buf bytes.Buffer
	if err := w.write(&buf); err != nil {
		t.Fatal(err)
	}
	events := loadTrace(t, buf.Bytes())

	names := map[int]string{}
	slices := map[int][]string{}
	var flows []traceEvent
	instants := map[string]int{}
	for _, e := range events {
		if e.Pid != 1 {
			t.Errorf("event %+v: pid %d", e, e.Pid)
		}
		switch e.Ph {
		case "M":
			if e.Name == "thread_name" {
				names[e.Tid] = e.Args["name"].(string)
			}
		case "X":
			if e.Dur <= 0 {
				t.Errorf("slice %q has no duration", e.Name)
			}
			slices[e.Tid] = append(slices[e.Tid], e.Name)
		case "s", "f":
			flows = append(flows, e)
		case "i":
			if e.Scope != "t" {
				t.Errorf("instant %q: scope %q", e.Name, e.Scope)
			}
			instants[e.Cat]++
		default:
			t.Errorf("unexpected phase %q", e.Ph)
		}
	}
	if names[0] != "event loop" || names[1] != "Task-1" || names[2] != "Task-2" {
		t.Errorf("track names %v", names)
	}
	if got := strings.Join(slices[1], ", "); got != "main line 3, main line 4" {
		t.Errorf("Task-1 slices: %s", got)
	}
	if got := strings.Join(slices[2], ", "); got != "ticker line 7" {
		t.Errorf("Task-2 slices: %s", got)
	}
	if len(flows) != 2 || flows[0].Ph != "s" || flows[1].Ph != "f" || flows[0].ID != flows[1].ID || flows[0].Tid != 0 || flows[1].Tid != 1 || flows[1].BP != "e" {
		t.Errorf("wake flow: %+v", flows)
	}
	for _, cat := range []string{"task", "sleep", "agen", "exception", "cancel"} {
		if instants[cat] == 0 {
			t.Errorf("no %s instant", cat)
		}
	}
}

// TestTraceRun runs a program with --trace under the virtual clock and
// checks that the loop's waits lie on the virtual timeline.
func TestTraceRun(t *testing.T) {
	dir := t.TempDir()
	prog := filepath.Join(dir, "prog.agen")
	src := "import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    await asyncio.sleep(2)\n    print('done')\nasyncio.run(main())\n"
	if err := os.WriteFile(prog, []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "trace.json")
	var stdout, stderr bytes.Buffer
	if status := Main([]string{"run", "--virtual-time", "--trace", out, prog}, strings.NewReader(""), &stdout, &stderr); status != 0 || stdout.String() != "done\n" {
		t.Fatalf("status %d, stdout %q, stderr %s", status, stdout.String(), stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var waits, prints []traceEvent
	for _, e := range loadTrace(t, data) {
		switch {
		case e.Ph == "X" && e.Tid == 0:
			waits = append(waits, e)
		case e.Ph == "i" && e.Tid == printTrack:
			prints = append(prints, e)
		}
	}
	if len(prints) != 1 || prints[0].Name != "done" || prints[0].Ts < 3e6 || prints[0].Ts > 3e6+10 {
		t.Errorf("print events %+v, want 'done' at 3s", prints)
	}
	if len(waits) != 2 {
		t.Fatalf("%d waits, want 2: %+v", len(waits), waits)
	}
	// The virtual clock lands each wake-up 1µs late, as a real one.
	if w := waits[0]; w.Ts != 0 || w.Dur < 1e6 || w.Dur > 1e6+10 {
		t.Errorf("first wait %+v, want [0, 1s]", w)
	}
	if w := waits[1]; w.Ts < 1e6 || w.Dur < 2e6 || w.Dur > 2e6+10 {
		t.Errorf("second wait %+v, want [1s, 3s]", w)
	}
}
