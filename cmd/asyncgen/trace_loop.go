package main

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/asyncgen/asyncgen/runtime/aio"
)

// What --trace records today, while the event loop has no Tracer hook:
// the loop's waits, through its clock, and the program's output.

// printTrack is the track of the program's output: a thread id past the
// tasks' (positive, as trace viewers expect).
const printTrack = math.MaxInt32

// traceRun prepares the tracing of a run: it returns the writer, the
// clock the interpreter must use (virtual or real) and the stdout it
// must print to.
func traceRun(virtual bool, stdout io.Writer) (*traceWriter, aio.Clock, io.Writer) {
	w := newTraceWriter()
	w.meta(printTrack, "print")
	var clock aio.Clock = aio.NewRealClock()
	if virtual {
		clock = aio.NewVirtualClock()
	}
	return w, loopTrace{clock, w}, printTrace{stdout, clock, w}
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
