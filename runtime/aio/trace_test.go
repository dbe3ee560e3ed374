package aio

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// recorder is a Tracer writing each event as a line: the time in
// milliseconds, the task, the event.
type recorder struct{ b strings.Builder }

func (r *recorder) log(now int64, task int, format string, a ...any) {
	fmt.Fprintf(&r.b, "%d %d "+format+"\n", append([]any{now / 1e6, task}, a...)...)
}

func (r *recorder) TaskCreated(now int64, task int, name string) {
	r.log(now, task, "created %s", name)
}
func (r *recorder) TaskNamed(now int64, task int, name string) {
	r.log(now, task, "named %s", name)
}
func (r *recorder) StepBegin(now int64, task int, coro string, line int) {
	r.log(now, task, "step %s:%d", coro, line)
}
func (r *recorder) StepEnd(now int64, task int)            { r.log(now, task, "end") }
func (r *recorder) Wake(now int64, from, to int)           { r.log(now, from, "wakes %d", to) }
func (r *recorder) Sleep(now int64, task int, delay int64) { r.log(now, task, "sleep %d", delay/1e6) }
func (r *recorder) AgenStep(now int64, task int, agen, op string) {
	r.log(now, task, "%s(%s)", op, agen)
}
func (r *recorder) Raise(now int64, task int, exc string) { r.log(now, task, "raise %s", exc) }
func (r *recorder) Cancel(now int64, task int)            { r.log(now, task, "cancel") }

// checkTrace runs src under the virtual clock with a recorder and
// compares its output (python3's) and its trace.
func checkTrace(t *testing.T, src, wantOut, wantTrace string) {
	t.Helper()
	trace, out := traceScript(t, src)
	if out != wantOut {
		t.Errorf("output %q, want %q", out, wantOut)
	}
	if trace != wantTrace {
		t.Errorf("trace:\n%s\nwant:\n%s", trace, wantTrace)
	}
}

// traceScript runs src under the virtual clock with a recorder and
// returns the trace and the output.
func traceScript(t *testing.T, src string) (trace, out string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	rec := &recorder{}
	th := vm.NewThread(vm.Options{Stdout: &stdout, Stderr: &stderr})
	Install(th, Options{VirtualTime: true, Stderr: &stderr, Tracer: rec})
	f, err := lang.Parse("prog.agen", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	prog, err := vm.Compile(f)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := th.ExecModule(prog, nil); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	return rec.b.String(), stdout.String()
}

// TestTrace checks the events of a run with tasks, sleeps, an async
// generator, an exception and a cancellation.
func TestTrace(t *testing.T) {
	src := `import asyncio

async def numbers():
    for i in range(2):
        yield i

async def worker():
    async for n in numbers():
        await asyncio.sleep(1)
    raise ValueError("bad")

async def sleeper():
    await asyncio.sleep(10)

async def main():
    w = asyncio.create_task(worker(), name="worker")
    s = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    try:
        await w
    except ValueError:
        pass
    s.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print("cancelled")

asyncio.run(main())
`
	// Task-2 is named worker by create_task after its creation, as in
	// CPython; the name shows at its first step. A timer's wake-up
	// comes from the loop (0); a task's end wakes its awaiter; a
	// cancel() wakes the cancelled task by cancelling its sleep.
	want := `0 1 created Task-1
0 0 wakes 1
0 1 step main:15
0 2 created Task-2
0 1 wakes 2
0 3 created Task-3
0 1 wakes 3
0 1 sleep 0
0 1 end
0 2 named worker
0 2 step worker:7
0 2 anext(numbers)
0 2 sleep 1000
0 2 end
0 3 step sleeper:12
0 3 sleep 10000
0 3 end
0 1 step main:18
0 1 end
1000 0 wakes 2
1000 2 step worker:9
1000 2 anext(numbers)
1000 2 sleep 1000
1000 2 end
2000 0 wakes 2
2000 2 step worker:9
2000 2 anext(numbers)
2000 2 raise ValueError
2000 2 wakes 1
2000 2 end
2000 1 step main:20
2000 3 cancel
2000 1 wakes 3
2000 1 end
2000 3 step sleeper:13
2000 3 raise CancelledError
2000 3 wakes 1
2000 3 end
2000 1 step main:25
2000 1 end
2000 4 created Task-4
2000 0 wakes 4
2000 4 step BaseEventLoop.shutdown_asyncgens:0
2000 4 end
2000 5 created Task-5
2000 0 wakes 5
2000 5 step BaseEventLoop.shutdown_default_executor:0
2000 5 end
`
	checkTrace(t, src, "cancelled\n", want)
}

// TestTraceAclose checks the trace of an async generator left by a
// break: the loop closes it in a new task.
func TestTraceAclose(t *testing.T) {
	src := `import asyncio

async def gen():
    try:
        yield 1
        yield 2
    finally:
        print("closed")

async def main():
    async for x in gen():
        break
    await asyncio.sleep(0)
    print("done")

asyncio.run(main())
`
	want := `0 1 created Task-1
0 0 wakes 1
0 1 step main:10
0 1 anext(gen)
0 1 sleep 0
0 1 end
0 2 created Task-2
0 0 wakes 2
0 1 step main:13
0 1 end
0 2 step async_generator_athrow:0
0 2 aclose(gen)
0 2 end
0 3 created Task-3
0 0 wakes 3
0 3 step BaseEventLoop.shutdown_asyncgens:0
0 3 end
0 4 created Task-4
0 0 wakes 4
0 4 step BaseEventLoop.shutdown_default_executor:0
0 4 end
`
	checkTrace(t, src, "done\nclosed\n", want)
}
