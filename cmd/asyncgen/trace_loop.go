package main

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/asyncgen/asyncgen/runtime"
	"github.com/asyncgen/asyncgen/runtime/aio"
)

// What --trace records besides the event loop's own events (the
// writer is the interpreter's aio.Tracer): the loop's waits, through
// its clock, and the program's output.

// printTrack is the track of the program's output: a thread id past the
// tasks' (positive, as trace viewers expect).
const printTrack = math.MaxInt32

// traceRun sets up the tracing of a run with the interpreter options o:
// the writer becomes its tracer, the clock (virtual or real) and its
// stdout record waits and output. It returns the writer.
func traceRun(o *runtime.Options) *traceWriter {
	w := newTraceWriter()
	w.meta(printTrack, "print")
	var clock aio.Clock = aio.NewRealClock()
	if o.VirtualTime {
		clock = aio.NewVirtualClock()
	}
	o.Tracer = w
	o.Clock = loopTrace{clock, w}
	o.Stdout = printTrace{o.Stdout, clock, w}
	return w
}

// loopTrace is the loop's clock recording, on the event loop's track,
// each time the loop waits for its next timer or host result: the idle
// gaps of the timeline.
type loopTrace struct {
	aio.Clock
	w *traceWriter
}

// Wait records the wait as a slice of the loop's track.
func (c loopTrace) Wait(deadline int64, wake <-chan struct{}, host bool) {
	begin := c.Clock.Now()
	c.Clock.Wait(deadline, wake, host)
	end := c.Clock.Now()
	name := "wait for host work"
	if deadline >= 0 {
		name = fmt.Sprintf("wait for timer at %.6gs", float64(deadline)/1e9)
	}
	c.w.add(traceEvent{Name: name, Cat: "wait", Ph: "X", Ts: us(begin), Dur: max(us(end-begin), 0.001), Tid: 0})
}

// printTrace is the stdout of a traced run: what the program prints
// becomes instant events of the print track, at the loop clock's time.
type printTrace struct {
	io.Writer
	clock aio.Clock
	w     *traceWriter
}

// Write records p, line by line, and writes it.
func (t printTrace) Write(p []byte) (int, error) {
	now := t.clock.Now()
	for _, line := range strings.Split(strings.TrimSuffix(string(p), "\n"), "\n") {
		t.w.instant(now, printTrack, "print", line)
	}
	return t.Writer.Write(p)
}
