package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/runtime"
	"github.com/asyncgen/asyncgen/runtime/value"
)

func TestCancelExec(t *testing.T) {
	// The deadline passes once both tasks sleep: the child, which runs
	// after main awaits, gives the cue.
	ctx, cue := cueDeadline(50 * time.Millisecond)
	in, out := newInterp(t, runtime.Options{Globals: map[string]any{"cue": cue}})
	start := time.Now()
	_, err := in.Exec(ctx, "cancel.agen", []byte(`
import asyncio

async def worker(name):
    try:
        cue()
        await asyncio.sleep(10)
    finally:
        print("finally", name)

t = asyncio.create_task(worker("child"))
try:
    await asyncio.sleep(10)
finally:
    print("finally main")
`))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error %v, want one wrapping context.DeadlineExceeded", err)
	}
	var e *runtime.Error
	if !errors.As(err, &e) || e.Type != "asyncio.exceptions.CancelledError" {
		t.Errorf("error %#v, want a CancelledError", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
	out.WriteString("cancelled\n")
	if want := expect(t, "cancel.out"); out.String() != want {
		t.Errorf("output:\n%s\nCPython's:\n%s", out, want)
	}
	exec(t, in, "print('still usable')")
}

func TestStepLimit(t *testing.T) {
	for _, src := range []string{
		"while True: pass",
		"def f(): return f()\ntry:\n    f()\nexcept BaseException:\n    while True: pass",
		"import asyncio\nasync def spin():\n    while True:\n        try:\n            await asyncio.sleep(0)\n        except BaseException:\n            pass\nawait spin()",
	} {
		in, _ := newInterp(t, runtime.Options{MaxSteps: 100000, VirtualTime: true})
		_, err := in.Exec(context.Background(), "loop.agen", []byte(src))
		var le *runtime.LimitError
		if !errors.As(err, &le) || le.Error() != "step limit exceeded (100000 steps)" {
			t.Errorf("%q: error %v (%T), want a step limit error", src, err, err)
		}
	}
}

func TestInteractive(t *testing.T) {
	in, out := newInterp(t, runtime.Options{VirtualTime: true})
	if err := in.Start(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, src := range []string{
		"x = 5", "x", "x * 2", "_ + 1", "None", "for i in range(3): i",
		"async def f():\n    await asyncio.sleep(0)\n    return 'awaited'\n",
		"import asyncio", "await f()", "_", "1/0",
	} {
		err := in.ExecInteractive(ctx, []byte(src+"\n"))
		var e *runtime.Error
		if errors.As(err, &e) {
			fmt.Fprintln(out, e.Error())
		} else if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
	}
	if want := expect(t, "repl.out"); out.String() != want {
		t.Errorf("output:\n%s\nCPython's:\n%s", out, want)
	}
	if v, err := in.Eval(ctx, "x + 1"); v != int64(6) || err != nil {
		t.Errorf("Eval: %v, %v", v, err)
	}
	if v, err := in.Eval(ctx, "await f()"); v != "awaited" || err != nil {
		t.Errorf("Eval await: %v, %v", v, err)
	}
	if _, err := in.Eval(ctx, "x = 1"); err == nil {
		t.Errorf("Eval of a statement: no error")
	}
}

// TestBackgroundTasks checks that a task created by one input runs while
// the host waits for the next.
func TestBackgroundTasks(t *testing.T) {
	in, out := newInterp(t, runtime.Options{})
	in.Start()
	ctx := context.Background()
	src := "import asyncio\nasync def tick():\n    await asyncio.sleep(0.01)\n    print('tick')\nt = asyncio.create_task(tick())\n"
	if err := in.ExecInteractive(ctx, []byte(src)); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		if v, _ := in.Eval(ctx, "t.done()"); v == true {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := in.Close(); err != nil {
		t.Fatal(err)
	}
	if out.String() != "tick\n" {
		t.Errorf("output %q", out)
	}
}

func TestHostFunctions(t *testing.T) {
	var hostCancelled atomic.Bool
	mod := &runtime.HostModule{Name: "host", Members: map[string]any{
		"double": runtime.Func(func(args []any) (any, error) { return args[0].(int64) * 2, nil }),
		"fetch": runtime.BlockingFunc(func(ctx context.Context, args []any) (any, error) {
			time.Sleep(time.Millisecond)
			return map[string]any{"key": args[0], "n": 1}, nil
		}),
		"hang": runtime.BlockingFunc(func(ctx context.Context, args []any) (any, error) {
			<-ctx.Done()
			hostCancelled.Store(true)
			return nil, ctx.Err()
		}),
		"count": runtime.StreamFunc(func(ctx context.Context, args []any, yield func(any) bool) error {
			for i := range args[0].(int64) {
				if !yield(i) {
					return nil
				}
			}
			if len(args) > 1 {
				return errors.New("stream broke")
			}
			return nil
		}),
		"boom": runtime.Func(func(args []any) (any, error) { panic("kaboom") }),
		"fail": runtime.Func(func(args []any) (any, error) { return nil, errors.New("go failure") }),
		"keyerror": runtime.Func(func(args []any) (any, error) {
			return nil, value.NewException(value.KeyError, value.MakeString(args[0].(string)))
		}),
		"version": "1.0",
		"point":   struct{ X, Y int }{1, 2},
	}}
	in, out := newInterp(t, runtime.Options{VirtualTime: true, Modules: []*runtime.HostModule{mod},
		Globals: map[string]any{"greeting": "hi", "answer": 42}})
	exec(t, in, `
import host, asyncio
print(greeting, answer, host.version, host.point.X, host.point.Y)
print(host.double(21))
print(await host.fetch("k"))
async for i in host.count(3):
    print("item", i)
try:
    async for i in host.count(2, "then fail"):
        print("item", i)
except RuntimeError as e:
    print("caught", e)
for f in (host.boom, host.fail, host.keyerror):
    try:
        f("x")
    except Exception as e:
        print("caught", type(e).__name__, e)
try:
    host.double(x=1)
except TypeError as e:
    print(e)
t = asyncio.create_task(host.hang())
await asyncio.sleep(0.01)
t.cancel()
try:
    await t
except asyncio.CancelledError:
    print("hang cancelled")
async def first(s):
    async for v in s:
        return v
print(await first(host.count(100)))
`)
	want := `hi 42 1.0 1 2
42
{'key': 'k', 'n': 1}
item 0
item 1
item 2
item 0
item 1
caught stream broke
caught RuntimeError host function boom panicked: kaboom
caught RuntimeError go failure
caught KeyError 'x'
double() takes no keyword arguments
hang cancelled
0
`
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !hostCancelled.Load() && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if !hostCancelled.Load() {
		t.Errorf("the context of the cancelled host call was not cancelled")
	}
}

// TestConcurrentHostCalls checks that blocking host calls run in parallel
// while other tasks keep running.
func TestConcurrentHostCalls(t *testing.T) {
	var running, peak atomic.Int32
	slow := runtime.BlockingFunc(func(ctx context.Context, args []any) (any, error) {
		n := running.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		// Each call waits for the others (5 s at most, if they do not
		// run in parallel): a fixed sleep could end before the last
		// one starts on a busy machine.
		for end := time.Now().Add(5 * time.Second); peak.Load() < 3 && time.Now().Before(end); {
			time.Sleep(time.Millisecond)
		}
		running.Add(-1)
		return args[0], nil
	})
	in, out := newInterp(t, runtime.Options{Globals: map[string]any{"slow": slow}})
	exec(t, in, `
import asyncio
async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)
print(await asyncio.gather(slow(1), slow(2), slow(3), ticker()))
`)
	if peak.Load() != 3 {
		t.Errorf("peak concurrency %d, want 3", peak.Load())
	}
	if want := "tick 0\ntick 1\ntick 2\n[1, 2, 3, None]\n"; out.String() != want {
		t.Errorf("output %q, want %q", out, want)
	}
}

func TestIterSync(t *testing.T) {
	in, out := newInterp(t, runtime.Options{})
	m := exec(t, in, `
def gen():
    try:
        yield 1
        yield "two"
        yield [3]
    finally:
        print("gen finally")
`)
	ctx := context.Background()
	g, _ := in.Call(ctx, m.Get("gen"))
	var got []any
	for v, err := range in.Iter(ctx, g.(runtime.Value)) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
		if len(got) == 2 {
			break
		}
	}
	if fmt.Sprint(got) != "[1 two]" || out.String() != "gen finally\n" {
		t.Errorf("got %v, output %q", got, out)
	}
	d, _ := in.Eval(ctx, "{'a': 1}")
	n := 0
	for v, err := range in.Iter(ctx, exec(t, in, "x = [10, 20]").Get("x")) {
		if err != nil || v != int64(10*(n+1)) {
			t.Errorf("item %d: %v, %v", n, v, err)
		}
		n++
	}
	if n != 2 || d == nil {
		t.Errorf("%d items, dict %v", n, d)
	}
}

func TestIterErrorAndCancel(t *testing.T) {
	in, out := newInterp(t, runtime.Options{})
	m := exec(t, in, `
import asyncio
async def failing():
    yield 1
    raise ValueError("broken")
async def slow():
    try:
        yield 1
        await asyncio.sleep(10)
        yield 2
    finally:
        print("slow finally")
`)
	ctx := context.Background()
	g, _ := in.Call(ctx, m.Get("failing"))
	var errs []string
	for v, err := range in.Iter(ctx, g.(runtime.Value)) {
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		errs = append(errs, fmt.Sprint(v))
	}
	if strings.Join(errs, "|") != "1|ValueError: broken" {
		t.Errorf("items %q", errs)
	}
	ctx2, cancel := context.WithCancel(ctx)
	defer cancel()
	g, _ = in.Call(ctx, m.Get("slow"))
	var last error
	for v, err := range in.Iter(ctx2, g.(runtime.Value)) {
		if v == int64(1) {
			time.AfterFunc(10*time.Millisecond, cancel)
		}
		last = err
	}
	if !errors.Is(last, context.Canceled) || out.String() != "slow finally\n" {
		t.Errorf("last error %v, output %q", last, out)
	}
}

// TestParallel runs interpreters on parallel goroutines (run it with
// -race).
func TestParallel(t *testing.T) {
	done := make(chan string)
	for i := range 4 {
		go func() {
			var b strings.Builder
			in := runtime.New(runtime.Options{Stdout: &b, VirtualTime: i%2 == 0,
				Globals: map[string]any{"work": runtime.BlockingFunc(func(ctx context.Context, args []any) (any, error) {
					return args[0].(int64) + 1, nil
				})}})
			defer in.Close()
			m, err := in.Exec(context.Background(), "p.agen", []byte(`
import asyncio
async def gen(n):
    for i in range(n):
        await asyncio.sleep(0.001)
        yield await work(i)
async def total(n):
    return sum([x async for x in gen(n)])
`))
			if err != nil {
				done <- err.Error()
				return
			}
			v, err := in.Call(context.Background(), m.Get("total"), 20)
			n := 0
			g, _ := in.Call(context.Background(), m.Get("gen"), 5)
			for range in.Iter(context.Background(), g.(runtime.Value)) {
				n++
			}
			done <- fmt.Sprint(v, err, n)
		}()
	}
	for range 4 {
		if got := <-done; got != "210 <nil> 5" {
			t.Error(got)
		}
	}
}

func TestCloseReports(t *testing.T) {
	var stderr strings.Builder
	in, out := newInterp(t, runtime.Options{Stderr: &stderr, VirtualTime: true})
	in.Start()
	ctx := context.Background()
	err := in.ExecInteractive(ctx, []byte(`
import asyncio
async def bad():
    raise ValueError("nobody awaited me")
async def forever():
    try:
        await asyncio.sleep(1e9)
    finally:
        print("forever finally")
async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")
t1 = asyncio.create_task(bad())
t2 = asyncio.create_task(forever())
g = agen()
async def first():
    return await g.__anext__()
x = await first()
`))
	if err != nil {
		t.Fatal(err)
	}
	if err := in.Close(); err != nil {
		t.Fatal(err)
	}
	if out.String() != "forever finally\nagen finally\n" {
		t.Errorf("output %q", out)
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if lines[0] != "Task exception was never retrieved" || lines[len(lines)-1] != "ValueError: nobody awaited me" {
		t.Errorf("stderr:\n%s", stderr.String())
	}
	if _, err := in.Exec(ctx, "x.agen", nil); err != runtime.ErrClosed {
		t.Errorf("Exec after Close: %v", err)
	}
}

// TestCancelHostCall checks that cancelling the context of Exec cancels
// the context of the blocking host call the script awaits.
func TestCancelHostCall(t *testing.T) {
	started := make(chan struct{})
	hostErr := make(chan error, 1)
	wait := runtime.BlockingFunc(func(ctx context.Context, args []any) (any, error) {
		close(started)
		<-ctx.Done()
		hostErr <- ctx.Err()
		return nil, ctx.Err()
	})
	in, out := newInterp(t, runtime.Options{Globals: map[string]any{"wait": wait}})
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-started
		cancel()
	}()
	_, err := in.Exec(ctx, "w.agen", []byte("try:\n    await wait()\nfinally:\n    print('finally')\n"))
	if !errors.Is(err, context.Canceled) || out.String() != "finally\n" {
		t.Errorf("error %v, output %q", err, out)
	}
	select {
	case err := <-hostErr:
		if err != context.Canceled {
			t.Errorf("host context error %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("the host call's context was not cancelled")
	}
}
