package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime"
	"github.com/asyncgen/asyncgen/runtime/value"
	"go.uber.org/goleak"
)

// outcome is how a bounded run of a script ended.
type outcome struct {
	err     error         // Exec's error, or what after returned
	elapsed time.Duration // from Exec to its return
	hung    bool          // Exec did not return in time
}

// bounded runs src in a new interpreter configured by opts, as a host
// running an untrusted script would: Exec gets a context that expires
// after deadline, then after (if not nil) uses the module, and the
// interpreter is closed. A run that has not returned hangAfter past the
// deadline is reported as hung and abandoned.
func bounded(t testing.TB, opts runtime.Options, src []byte, deadline, hangAfter time.Duration,
	after func(context.Context, *runtime.Interpreter, *runtime.Module) error) outcome {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	in := runtime.New(opts)
	done := make(chan outcome, 1)
	start := time.Now()
	go func() {
		m, err := in.Exec(ctx, "script.agen", src)
		out := outcome{err: err, elapsed: time.Since(start)}
		if err == nil && after != nil {
			out.err = after(ctx, in, m)
		}
		in.Close()
		done <- out
	}()
	select {
	case out := <-done:
		return out
	case <-time.After(deadline + hangAfter):
		return outcome{hung: true, elapsed: time.Since(start)}
	}
}

// unexpected describes what is wrong with the outcome of running src, or
// returns "": a hang, an internal error, or an error of another type than
// the API documents.
func (o outcome) unexpected(src string) string {
	if o.hung {
		return fmt.Sprintf("hang: no return after %v", o.elapsed)
	}
	var (
		se *lang.Error
		le *runtime.LimitError
		re *runtime.Error
	)
	switch err := o.err; {
	case err == nil, errors.As(err, &se), errors.As(err, &le):
		return ""
	case errors.As(err, &re):
		if re.Type == "SystemError" && !strings.Contains(src, "SystemError") {
			return "internal error: " + re.Traceback()
		}
		return ""
	case errors.Is(err, context.DeadlineExceeded):
		return ""
	default:
		return fmt.Sprintf("error of type %T: %v", err, err)
	}
}

// goroutines returns the number of goroutines.
func goroutines() int { return goruntime.NumGoroutine() }

// settle waits up to two seconds for the number of goroutines to fall to
// at most want, and returns the last count and whether it did.
func settle(want int) (int, bool) {
	n := goroutines()
	for end := time.Now().Add(2 * time.Second); n > want && time.Now().Before(end); n = goroutines() {
		time.Sleep(5 * time.Millisecond)
	}
	return n, n <= want
}

// hostileCase is a row of the hostile inputs table: a script, the limits
// it runs under, and the start of the outcome it must come to.
type hostileCase struct {
	name     string
	src      []byte
	limit    string // the limits, as the table shows them
	opts     runtime.Options
	deadline time.Duration
	want     string // a prefix of describe's outcome, or wantDeadline
}

// hostileFile reads testdata/hostile/NAME.agen.
func hostileFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "hostile", name+".agen"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// nested returns "x = " followed by n opening and n closing strings.
func nested(open, close string, n int) []byte {
	return []byte("x = " + strings.Repeat(open, n) + "1" + strings.Repeat(close, n) + "\n")
}

// nestedBlocks returns n nested if statements, one space of indentation
// more each.
func nestedBlocks(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%sif 1:\n", strings.Repeat(" ", i))
	}
	fmt.Fprintf(&b, "%spass\n", strings.Repeat(" ", n))
	return []byte(b.String())
}

// describe is the outcome of a run as the hostile table shows it.
func describe(o outcome) string {
	var (
		se *lang.Error
		le *runtime.LimitError
		re *runtime.Error
	)
	switch err := o.err; {
	case o.hung:
		return "hang"
	case err == nil:
		return "ok"
	case errors.As(err, &le):
		return "LimitError: " + le.Error()
	case errors.As(err, &se) && se.Msg == "":
		return se.Kind
	case errors.As(err, &se):
		return se.Kind + ": " + se.Msg
	case errors.As(err, &re) && errors.Is(err, context.DeadlineExceeded):
		return re.Error() + " (context deadline)"
	case errors.As(err, &re):
		return re.Error()
	default:
		return fmt.Sprintf("%T: %v", err, err)
	}
}

// peakHeap runs fn while sampling the heap, and returns the largest
// HeapAlloc seen above the one before fn (after a collection).
func peakHeap(fn func()) uint64 {
	var ms goruntime.MemStats
	goruntime.GC()
	goruntime.ReadMemStats(&ms)
	base, peak := ms.HeapAlloc, ms.HeapAlloc
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		var ms goruntime.MemStats
		for {
			goruntime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(stop)
	<-done
	return peak - base
}

// mib formats a byte count in MiB.
func mib(n uint64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// wantDeadline is the outcome of a hostile case stopped by its context:
// any error wrapping context.DeadlineExceeded.
const wantDeadline = "(an error wrapping context.DeadlineExceeded)"

// hostileCases are the hostile inputs that stop cleanly today; see
// reliability_todo_test.go for those that do not.
func hostileCases(t testing.TB) []hostileCase {
	maxSteps, maxMemory, stepsLimit := int64(1_000_000), int64(64<<20), "1e6 steps"
	if raceEnabled {
		// The growth rows take seconds each under -race: a quarter of
		// the limits reaches the same outcomes sooner.
		maxSteps, maxMemory, stepsLimit = 250_000, 16<<20, "2.5e5 steps"
	}
	steps := runtime.Options{MaxSteps: maxSteps, VirtualTime: true}
	memory := runtime.Options{MaxMemory: maxMemory, VirtualTime: true}
	memoryLimit := fmt.Sprintf("MaxMemory %d MiB", maxMemory>>20)
	const deadline = "200ms deadline, real clock"
	const long = time.Minute // long enough for -race on a loaded machine
	return []hostileCase{
		{"while True: pass", hostileFile(t, "spin"), stepsLimit, steps, long, "LimitError: step limit exceeded"},
		{"while True: pass", hostileFile(t, "spin"), deadline, runtime.Options{}, 200 * time.Millisecond, wantDeadline},
		{"while True: await sleep(0)", hostileFile(t, "spin_await"), stepsLimit, steps, long, "LimitError: step limit exceeded"},
		{"while True: await sleep(0)", hostileFile(t, "spin_await"), deadline, runtime.Options{}, 200 * time.Millisecond, wantDeadline},
		{"time.sleep(3600)", hostileFile(t, "time_sleep"), deadline, runtime.Options{}, 200 * time.Millisecond, wantDeadline},
		{"[0] * 10**10", hostileFile(t, "repeat_list"), memoryLimit, memory, long, "MemoryError"},
		{"'a' * 10**12", hostileFile(t, "repeat_str"), memoryLimit, memory, long, "MemoryError"},
		{"[0] * 2**30", hostileFile(t, "repeat_huge"), memoryLimit, memory, long, "MemoryError"},
		{"list(range(2**30))", hostileFile(t, "range_list"), memoryLimit, memory, long, "MemoryError"},
		{"x = x + x forever", hostileFile(t, "list_double"), memoryLimit, memory, long, "MemoryError"},
		{"s += s forever", hostileFile(t, "str_double"), memoryLimit, memory, long, "MemoryError"},
		{"dict growing forever", hostileFile(t, "dict_grow"), memoryLimit, memory, long, "MemoryError"},
		{"10**7 tasks", hostileFile(t, "tasks"), memoryLimit, memory, long, "MemoryError"},
		{"async generator hoarded into a list", hostileFile(t, "agen_hoard"), memoryLimit, memory, long, "MemoryError"},
		{"dict growing forever", hostileFile(t, "dict_grow"), stepsLimit, steps, long, "LimitError: step limit exceeded"},
		{"2 ** 10**9", hostileFile(t, "pow_two"), memoryLimit, memory, long, "MemoryError"},
		{"10**10**10", hostileFile(t, "pow_ten"), memoryLimit, memory, long, "MemoryError"},
		{"1 << (1 << 40)", hostileFile(t, "shift"), memoryLimit, memory, long, "MemoryError"},
		{"def f(): return f()", hostileFile(t, "recursion"), "default depth (1000)", steps, long, "RecursionError: maximum recursion depth exceeded"},
		{"async def f(n): return await f(n+1)", hostileFile(t, "await_chain"), "default depth (1000)", steps, long, "RecursionError: maximum recursion depth exceeded"},
		{"def g(n): yield from g(n+1)", hostileFile(t, "yield_from_chain"), "default depth (1000)", steps, long, "RecursionError: maximum recursion depth exceeded"},
		{"__repr__ calling repr(self)", hostileFile(t, "repr_recursion"), "default depth (1000)", steps, long, "RecursionError: maximum recursion depth exceeded"},
		{"__lt__ calling sorted()", hostileFile(t, "native_recursion"), "default depth (1000)", steps, long, "RecursionError: maximum recursion depth exceeded"},
		{"10,000 nested [", nested("[", "]", 10_000), "parser", steps, long, "SyntaxError: too many nested parentheses"},
		{"10,000 nested (", nested("(", ")", 10_000), "parser", steps, long, "SyntaxError: too many nested parentheses"},
		{"10,000 nested {", nested("{", "}", 10_000), "parser", steps, long, "SyntaxError: too many nested parentheses"},
		{"10,000 nested calls f(", nested("f(", ")", 10_000), "parser", steps, long, "SyntaxError: too many nested parentheses"},
		// CPython 3.11's parser runs out of its stack on these (compile()
		// with python3): MemoryError.
		{"100,000 unary -", nested("-", "", 100_000), "parser", steps, long, "MemoryError"},
		{"100,000 not", nested("not ", "", 100_000), "parser", steps, long, "MemoryError"},
		{"10,000 lambda:", nested("lambda: ", "", 10_000), "parser", steps, long, "MemoryError"},
		{"10,000 x if 1 else", nested("1 if 1 else ", "", 10_000), "parser", steps, long, "MemoryError"},
		{"10,000 await", []byte("async def f():\n    " + strings.Repeat("await ", 10_000) + "g()\n"), "parser", steps, long, "SyntaxError: invalid syntax"},
		{"1,000 nested if blocks", nestedBlocks(1000), "parser", steps, long, "IndentationError: too many levels of indentation"},
	}
}

// TestHostile runs the hostile inputs table: each input must stop with
// its outcome, within its deadline, without a hang, a Go stack overflow
// (which would crash the test) or a goroutine left behind. With -v it
// logs the table that docs/reliability.md shows.
func TestHostile(t *testing.T) {
	t.Log("| input | limit | outcome | peak heap | time |")
	t.Log("|---|---|---|---|---|")
	for _, c := range hostileCases(t) {
		c.opts.Stdout, c.opts.Stderr = io.Discard, io.Discard
		before := goroutines()
		var out outcome
		peak := peakHeap(func() { out = bounded(t, c.opts, c.src, c.deadline, 10*time.Second, nil) })
		got := describe(out)
		t.Logf("| `%s` | %s | %s | %s | %v |", c.name, c.limit, got, mib(peak), out.elapsed.Round(time.Millisecond))
		ok := strings.HasPrefix(got, c.want)
		if c.want == wantDeadline {
			ok = !out.hung && errors.Is(out.err, context.DeadlineExceeded)
		}
		if !ok {
			t.Errorf("%s (%s): outcome %q, want %s", c.name, c.limit, got, c.want)
		}
		if peak > 512<<20 {
			t.Errorf("%s (%s): heap grew by %s", c.name, c.limit, mib(peak))
		}
		if n, ok := settle(before); !ok {
			t.Errorf("%s (%s): %d goroutines after Close, %d before", c.name, c.limit, n, before)
		}
	}
}

// TestLimitInSession: a step limit reached by a call running in the
// background loop (after Start) ends the call with a *LimitError, and
// Close returns.
func TestLimitInSession(t *testing.T) {
	in := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: io.Discard, MaxSteps: 200_000})
	if err := in.Start(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	m, err := in.Exec(ctx, "bg.agen", []byte(`
import asyncio
bg = asyncio.create_task(asyncio.sleep(3600))
async def spin():
    while True:
        await asyncio.sleep(0)
`))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := in.Call(ctx, m.Get("spin"))
		in.Close()
		done <- err
	}()
	select {
	case err := <-done:
		var le *runtime.LimitError
		if !errors.As(err, &le) {
			t.Errorf("error %v, want a *LimitError", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Call and Close blocked 10s after the step limit")
	}
}

// TestIsolation checks that a script reaches nothing the host did not
// grant: no files, processes, modules of the host language, evaluation of
// strings, frames, globals of functions or walks of the class tree, and
// neither the modules nor the globals of another interpreter. Each attempt
// must fail with the exception CPython would raise for a missing name,
// module or attribute.
func TestIsolation(t *testing.T) {
	type secret struct {
		Public  string
		private string
	}
	grant := runtime.Options{
		Stdout:  io.Discard,
		Globals: map[string]any{"cfg": &secret{Public: "shown", private: "hidden"}},
		Modules: []*runtime.HostModule{{Name: "granted", Members: map[string]any{
			"f": runtime.Func(func(args []any) (any, error) { return len(args), nil }),
		}}},
	}
	for _, c := range []struct{ src, want string }{
		{"open('/etc/passwd')", "NameError: name 'open' is not defined"},
		{"eval('1')", "NameError: name 'eval' is not defined"},
		{"exec('x = 1')", "NameError: name 'exec' is not defined"},
		{"compile('1', 'f', 'exec')", "NameError: name 'compile' is not defined"},
		{"__import__('os')", "NameError: name '__import__' is not defined"},
		{"input()", "NameError: name 'input' is not defined"},
		{"breakpoint()", "NameError: name 'breakpoint' is not defined"},
		{"vars()", "NameError: name 'vars' is not defined"},
		{"__builtins__", "NameError: name '__builtins__' is not defined"},
		{"__loader__", "NameError: name '__loader__' is not defined"},
		{"__file__", "NameError: name '__file__' is not defined"},
		{"import os", "ModuleNotFoundError: No module named 'os'"},
		{"import sys", "ModuleNotFoundError: No module named 'sys'"},
		{"import subprocess", "ModuleNotFoundError: No module named 'subprocess'"},
		{"import socket", "ModuleNotFoundError: No module named 'socket'"},
		{"import ctypes", "ModuleNotFoundError: No module named 'ctypes'"},
		{"import builtins", "ModuleNotFoundError: No module named 'builtins'"},
		{"import importlib", "ModuleNotFoundError: No module named 'importlib'"},
		{"import threading", "ModuleNotFoundError: No module named 'threading'"},
		{"import gc", "ModuleNotFoundError: No module named 'gc'"},
		{"import __main__", "ModuleNotFoundError: No module named '__main__'"},
		{"from os import system", "ModuleNotFoundError: No module named 'os'"},
		{"import asyncio.subprocess", "ModuleNotFoundError: No module named 'asyncio.subprocess'"},
		{"import other", "ModuleNotFoundError: No module named 'other'"},
		{"import asyncio\nasyncio.create_subprocess_exec('ls')", "AttributeError: module 'asyncio' has no attribute 'create_subprocess_exec'"},
		{"import asyncio\nasyncio.__dict__", "AttributeError: module 'asyncio' has no attribute '__dict__'"},
		{"().__class__.__base__.__subclasses__()", "AttributeError: type object 'object' has no attribute '__subclasses__'"},
		{"type.__subclasses__(object)", "AttributeError: type object 'type' has no attribute '__subclasses__'"},
		{"def f(): pass\nf.__globals__", "AttributeError: 'function' object has no attribute '__globals__'"},
		{"def f(): pass\nf.__code__", "AttributeError: 'function' object has no attribute '__code__'"},
		{"def g(): yield\ng().gi_frame", "AttributeError: 'generator' object has no attribute 'gi_frame'"},
		{"async def c(): pass\nc().cr_frame", "AttributeError: 'coroutine' object has no attribute 'cr_frame'"},
		{"async def a(): yield\na().ag_frame", "AttributeError: 'async_generator' object has no attribute 'ag_frame'"},
		{"print.__self__", "AttributeError: 'builtin_function_or_method' object has no attribute '__self__'"},
		{"object.__getattribute__(print, '__self__')", "AttributeError: 'builtin_function_or_method' object has no attribute '__self__'"},
		{"type(print).__dict__['__call__']", "KeyError: '__call__'"},
		{"granted.f.__self__", "NameError: name 'granted' is not defined"},
		{"import granted\ngranted.f.__self__", "AttributeError: 'builtin_function_or_method' object has no attribute '__self__'"},
		{"import granted\ngranted.__file__", "AttributeError: module 'granted' has no attribute '__file__'"},
		{"cfg.private", "AttributeError: 'secret' object has no attribute 'private'"},
		{"assert cfg.__dict__ == {'Public': 'shown'} and 'private' not in dir(cfg)", ""},
		{"cfg.Public = 'changed'", ""},
	} {
		in := runtime.New(grant)
		_, err := in.Exec(context.Background(), "iso.agen", []byte(c.src+"\n"))
		var e *runtime.Error
		if c.want == "" && err != nil || c.want != "" && (!errors.As(err, &e) || e.Error() != c.want) {
			t.Errorf("%q: error %v, want %q", c.src, err, c.want)
		}
		in.Close()
	}
	if s := grant.Globals["cfg"].(*secret); s.Public != "shown" || s.private != "hidden" {
		t.Errorf("the script changed the host's struct: %+v", *s)
	}
}

// hostFaults are host functions that misbehave, and the channel that
// releases the ones that block (closed by the test's cleanup).
func hostFaults(t *testing.T) (map[string]any, chan struct{}) {
	release := make(chan struct{})
	t.Cleanup(func() {
		select {
		case <-release:
		default:
			close(release)
		}
	})
	return map[string]any{
		"panics": runtime.Func(func(args []any) (any, error) { panic("kaboom") }),
		"fails":  runtime.Func(func(args []any) (any, error) { return nil, errors.New("no such user") }),
		"keyerr": runtime.Func(func(args []any) (any, error) { return nil, value.NewException(value.KeyError, value.MakeString("x")) }),
		"badres": runtime.Func(func(args []any) (any, error) { return make(chan int), nil }),
		"bpanics": runtime.BlockingFunc(func(ctx context.Context, args []any) (any, error) {
			panic("blocking kaboom")
		}),
		// stuck ignores its context and returns when the test releases it.
		"stuck": runtime.BlockingFunc(func(ctx context.Context, args []any) (any, error) {
			<-release
			return "late", nil
		}),
		"spanics": runtime.StreamFunc(func(ctx context.Context, args []any, yield func(any) bool) error {
			yield(1)
			panic("stream kaboom")
		}),
		"forever": runtime.StreamFunc(func(ctx context.Context, args []any, yield func(any) bool) error {
			for i := 0; yield(i); i++ {
			}
			return nil
		}),
	}, release
}

// TestHostFaults checks that misbehaving host functions reach the script
// as exceptions it can catch, leave the interpreter usable, and leave no
// goroutine behind once released.
func TestHostFaults(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	globals, release := hostFaults(t)
	var out strings.Builder
	in := runtime.New(runtime.Options{Stdout: &out, Globals: globals, VirtualTime: true})
	defer in.Close()
	ctx := context.Background()
	for _, c := range []struct{ src, want string }{
		{"panics()", "RuntimeError: host function panics panicked: kaboom"},
		{"fails()", "RuntimeError: no such user"},
		{"keyerr()", "KeyError: 'x'"},
		{"badres()", "TypeError: badres() returned "},
		{"await bpanics()", "RuntimeError: host function bpanics panicked: blocking kaboom"},
		{"async for x in spanics(): print(x)", "RuntimeError: host function spanics panicked: stream kaboom"},
		{"async for x in forever():\n    if x == 3: raise ValueError(x)", "ValueError: 3"},
	} {
		_, err := in.Exec(ctx, "fault.agen", []byte(c.src+"\n"))
		var e *runtime.Error
		if !errors.As(err, &e) || !strings.HasPrefix(e.Error(), c.want) {
			t.Errorf("%q: error %v, want %s…", c.src, err, c.want)
		}
		caught := fmt.Sprintf("try:\n    %s\nexcept Exception as e:\n    print(type(e).__name__)\n", strings.ReplaceAll(c.src, "\n", "\n    "))
		if _, err := in.Exec(ctx, "caught.agen", []byte(caught)); err != nil {
			t.Errorf("%q in try: %v", c.src, err)
		}
	}
	want := "RuntimeError\nRuntimeError\nKeyError\nTypeError\nRuntimeError\n1\n1\nRuntimeError\nValueError\n"
	if out.String() != want {
		t.Errorf("output %q, want %q", out.String(), want)
	}

	// A blocking host call that ignores its cancellation: the script's
	// call returns at the deadline; the host goroutine finishes later.
	dctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := in.Exec(dctx, "stuck.agen", []byte("print(await stuck())\n"))
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Errorf("stuck host call: error %v after %v, want the deadline's", err, time.Since(start))
	}
	close(release)
	out.Reset()
	if _, err := in.Exec(ctx, "after.agen", []byte("print(await stuck())\n")); err != nil || out.String() != "late\n" {
		t.Errorf("after a stuck host call: %v, output %q", err, out.String())
	}
}

// TestHostCompletesAfterClose closes interpreters while host calls are
// blocked, and releases them afterwards: their results go nowhere, and
// nothing panics or stays behind.
func TestHostCompletesAfterClose(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	for _, start := range []bool{false, true} {
		globals, release := hostFaults(t)
		in := runtime.New(runtime.Options{Stdout: io.Discard, Globals: globals})
		src := []byte("import asyncio\nt = asyncio.create_task(stuck())\nawait asyncio.sleep(0)\n")
		if start {
			if err := in.Start(); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := in.Exec(context.Background(), "bg.agen", src); err != nil {
			t.Errorf("start=%v: %v", start, err)
		}
		closed := make(chan error, 1)
		go func() { closed <- in.Close() }()
		select {
		case <-closed:
		case <-time.After(5 * time.Second):
			t.Fatalf("start=%v: Close blocked by a stuck host call", start)
		}
		close(release)
		if _, err := in.Exec(context.Background(), "x.agen", []byte("1")); err != runtime.ErrClosed {
			t.Errorf("start=%v: Exec after Close: %v", start, err)
		}
	}
}

// TestParallelInterpreters runs 16 interpreters at once, each with host
// goroutines delivering results (blocking calls, a stream), a background
// loop (Start) with its own tasks, and Go ranging over an async generator
// while the tasks run. Each interpreter's host function multiplies by its
// own factor, so a result delivered to the wrong interpreter shows in its
// sums. CI runs it with -race.
func TestParallelInterpreters(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	const n = 16
	errs := make(chan error, n)
	for i := range n {
		go func() { errs <- parallelWorker(i) }()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// parallelWorker is interpreter i of TestParallelInterpreters.
func parallelWorker(i int) error {
	var out strings.Builder
	factor := int64(i + 2)
	in := runtime.New(runtime.Options{Stdout: &out, VirtualTime: i%2 == 0, MaxSteps: 10_000_000,
		Globals: map[string]any{
			"scale": runtime.BlockingFunc(func(ctx context.Context, args []any) (any, error) {
				time.Sleep(time.Duration(args[0].(int64)%3) * time.Millisecond)
				return factor * args[0].(int64), nil
			}),
			"count": runtime.StreamFunc(func(ctx context.Context, args []any, yield func(any) bool) error {
				for j := range args[0].(int64) {
					if !yield(j) {
						return nil
					}
				}
				return nil
			}),
		}})
	defer in.Close()
	ctx := context.Background()
	if err := in.Start(); err != nil {
		return err
	}
	m, err := in.Exec(ctx, "par.agen", []byte(`
import asyncio

done = []

async def background():
    total = 0
    async for x in count(50):
        total += await scale(x)
    done.append(total)

bg = asyncio.create_task(background())

async def pairs(n):
    for k in range(n):
        await asyncio.sleep(0.001)
        yield k, await scale(k)

async def gathered(n):
    return sum(await asyncio.gather(*[scale(k) for k in range(n)]))

async def finish():
    await bg
    print(done)
`))
	if err != nil {
		return fmt.Errorf("interpreter %d: %w", i, err)
	}
	gen, err := in.Call(ctx, m.Get("pairs"), 20)
	if err != nil {
		return err
	}
	sum := int64(0)
	for v, err := range in.Iter(ctx, gen.(runtime.Value)) {
		if err != nil {
			return fmt.Errorf("interpreter %d: Iter: %w", i, err)
		}
		sum += v.([]any)[1].(int64)
	}
	g, err := in.Call(ctx, m.Get("gathered"), 100)
	if err != nil {
		return err
	}
	if _, err := in.Call(ctx, m.Get("finish")); err != nil {
		return fmt.Errorf("interpreter %d: %w", i, err)
	}
	// sum(range(20)) is 190, sum(range(100)) 4950, sum(range(50)) 1225.
	if want := fmt.Sprintf("[%d]\n", 1225*factor); sum != 190*factor || g != 4950*factor || out.String() != want {
		return fmt.Errorf("interpreter %d: sum %d, gathered %v, output %q; want %d, %d, %q",
			i, sum, g, out.String(), 190*factor, 4950*factor, want)
	}
	return nil
}

// TestMain fails the package if any test leaves a goroutine running.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestLifecycleLeaks runs interpreters through the ways a host ends them
// early — a cancelled Exec, a range over an async generator left by break,
// a stream the script stops reading, a step limit, Close with background
// tasks pending — and checks that no goroutine remains.
func TestLifecycleLeaks(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ticks := runtime.StreamFunc(func(ctx context.Context, args []any, yield func(any) bool) error {
		for i := 0; yield(i); i++ {
		}
		return nil
	})
	src := []byte(`
import asyncio

async def gen():
    while True:
        await asyncio.sleep(0.01)
        yield 1

async def forever():
    await asyncio.sleep(3600)

async def spin():
    while True:
        await asyncio.sleep(0)
`)
	for i := range 20 {
		in := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: io.Discard, VirtualTime: i%2 == 0,
			MaxSteps: 200_000, Globals: map[string]any{"ticks": ticks}})
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		m, err := in.Exec(context.Background(), "life.agen", src)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := in.Exec(ctx, "cancel.agen", []byte("import asyncio\nasyncio.create_task(asyncio.sleep(3600))\nwhile True:\n    await asyncio.sleep(1)\n")); err == nil {
			t.Error("cancelled Exec: no error")
		}
		cancel()
		g, _ := in.Call(context.Background(), m.Get("gen"))
		for range in.Iter(context.Background(), g.(runtime.Value)) {
			break
		}
		if _, err := in.Exec(context.Background(), "stream.agen", []byte("async for x in ticks():\n    if x == 5: break\n")); err != nil {
			t.Error(err)
		}
		if i%4 < 2 {
			if err := in.Start(); err != nil {
				t.Fatal(err)
			}
			in.Exec(context.Background(), "bg.agen", []byte("import asyncio\nasyncio.create_task(asyncio.sleep(3600))\n"))
		}
		if i%4 == 3 {
			var le *runtime.LimitError
			if _, err := in.Call(context.Background(), m.Get("spin")); !errors.As(err, &le) {
				t.Errorf("spin: %v, want a step limit", err)
			}
		}
		in.Close()
	}
}

// TestSharedClassesImmutable: interpreters must not share mutable state.
// The classes defined in Go (the event loop's among them) are shared by
// every interpreter of the process, so scripts may not set or delete
// their attributes (CPython refuses it too for Future and Task, which are
// immutable C types): one interpreter could otherwise replace
// asyncio.Task.cancel for all the others.
func TestSharedClassesImmutable(t *testing.T) {
	classes := []string{"asyncio.Future", "asyncio.Task", "asyncio.Handle", "asyncio.TimerHandle",
		"asyncio.CancelledError", "asyncio.InvalidStateError", "type(asyncio.get_event_loop())"}
	var set strings.Builder
	set.WriteString("import asyncio\n")
	for _, c := range classes {
		fmt.Fprintf(&set, "try:\n    %s.leak = 'leaked'\nexcept TypeError:\n    pass\n", c)
	}
	a := runtime.New(runtime.Options{Stdout: io.Discard})
	defer a.Close()
	if _, err := a.Exec(context.Background(), "a.agen", []byte(set.String())); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	b := runtime.New(runtime.Options{Stdout: &out})
	defer b.Close()
	var check strings.Builder
	check.WriteString("import asyncio\n")
	for _, c := range classes {
		fmt.Fprintf(&check, "if hasattr(%s, 'leak'): print(%q)\n", c, c)
	}
	if _, err := b.Exec(context.Background(), "b.agen", []byte(check.String())); err != nil {
		t.Fatal(err)
	}
	if out.Len() > 0 {
		t.Errorf("attributes one interpreter set on these classes show in another:\n%s", out.String())
	}
}
