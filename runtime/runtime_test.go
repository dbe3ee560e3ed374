package runtime_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime"
)

// expect reads testdata/NAME.EXT, written by testdata/gen.sh from CPython.
func expect(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// script reads testdata/NAME.py, the twin of a test.
func script(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".py"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func newInterp(t *testing.T, opts runtime.Options) (*runtime.Interpreter, *bytes.Buffer) {
	t.Helper()
	var out bytes.Buffer
	if opts.Stdout == nil {
		opts.Stdout = &out
	}
	in := runtime.New(opts)
	t.Cleanup(func() { in.Close() })
	return in, &out
}

// exec runs src and fails the test on error.
func exec(t *testing.T, in *runtime.Interpreter, src string) *runtime.Module {
	t.Helper()
	m, err := in.Exec(context.Background(), "test.agen", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// noCarets drops CPython 3.11's caret lines (^^^ under the failing
// expression), which the VM does not print.
func noCarets(s string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		if t := strings.TrimSpace(line); t != "" && strings.Trim(t, "^~") == "" {
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

func TestExecTraceback(t *testing.T) {
	in, _ := newInterp(t, runtime.Options{})
	path, _ := filepath.Abs("testdata/tb_keyerror.py")
	_, err := in.Exec(context.Background(), path, script(t, "tb_keyerror"))
	var e *runtime.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T), want *runtime.Error", err, err)
	}
	if e.Type != "KeyError" || e.Message != "'x'" || e.Error() != "KeyError: 'x'" {
		t.Errorf("Type %q Message %q Error %q", e.Type, e.Message, e.Error())
	}
	want := []runtime.Frame{{path, 7, "<module>"}, {path, 5, "main"}, {path, 2, "lookup"}}
	if len(e.Frames) != len(want) {
		t.Fatalf("frames %v, want %v", e.Frames, want)
	}
	for i := range want {
		if e.Frames[i] != want[i] {
			t.Errorf("frame %d: %v, want %v", i, e.Frames[i], want[i])
		}
	}
	cpython := strings.ReplaceAll(expect(t, "tb_keyerror.err"), "/work/main/runtime/testdata/", filepath.Dir(path)+"/")
	if got := e.Traceback(); got != noCarets(cpython) {
		t.Errorf("traceback:\n%s\nCPython's:\n%s", got, cpython)
	}
}

func TestSyntaxError(t *testing.T) {
	in, _ := newInterp(t, runtime.Options{})
	_, err := in.Exec(context.Background(), "bad.agen", []byte("x = (1,\n"))
	var le *lang.Error
	if !errors.As(err, &le) {
		t.Fatalf("error %v (%T), want *lang.Error", err, err)
	}
	// The interpreter stays usable.
	exec(t, in, "print('ok')")
}

func TestCall(t *testing.T) {
	in, out := newInterp(t, runtime.Options{VirtualTime: true})
	m := exec(t, in, `
import asyncio
def add(a, b):
    return a + b
async def slow_add(a, b):
    await asyncio.sleep(5)
    return a + b
def record(**kw):
    return {"name": "x", "tags": ["a", "b"], "n": None, "ok": True, "f": 1.5}
def fail():
    raise ValueError("bad value")
`)
	ctx := context.Background()
	for _, c := range []struct {
		fn   string
		args []any
		want any
	}{
		{"add", []any{1, 2}, int64(3)},
		{"add", []any{"a", "b"}, "ab"},
		{"add", []any{[]int{1}, []any{"x"}}, []any{int64(1), "x"}},
		{"slow_add", []any{40, 2}, int64(42)},
	} {
		got, err := in.Call(ctx, m.Get(c.fn), c.args...)
		if err != nil || !equal(got, c.want) {
			t.Errorf("%s%v = %#v, %v; want %#v", c.fn, c.args, got, err, c.want)
		}
	}
	rec, err := in.Call(ctx, m.Get("record"))
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Name string   `agen:"name"`
		Tags []string `agen:"tags"`
		N    *int     `agen:"n"`
		OK   bool     `agen:"ok"`
		F    float64  `agen:"f"`
		Skip int      // no such key: left alone
	}
	r.Skip = 7
	if err := runtime.Decode(rec, &r); err != nil {
		t.Fatal(err)
	}
	if r.Name != "x" || len(r.Tags) != 2 || r.Tags[1] != "b" || r.N != nil || !r.OK || r.F != 1.5 || r.Skip != 7 {
		t.Errorf("decoded %+v", r)
	}
	var n int8
	if err := runtime.Decode(int64(300), &n); err == nil || err.Error() != "runtime: script int 300 overflows Go int8" {
		t.Errorf("Decode(300, int8): %v", err)
	}
	var s string
	if err := runtime.Decode(int64(1), &s); err == nil || err.Error() != "runtime: cannot convert script int to Go string" {
		t.Errorf("Decode(1, string): %v", err)
	}
	_, err = in.Call(ctx, m.Get("fail"))
	var e *runtime.Error
	if !errors.As(err, &e) || e.Error() != "ValueError: bad value" || e.Frames[len(e.Frames)-1].Func != "fail" {
		t.Errorf("fail(): %v", err)
	}
	if _, err := in.Call(ctx, m.Get("add"), make(chan int), 1); err == nil || err.Error() != "runtime: cannot convert Go chan int to a script value" {
		t.Errorf("chan argument: %v", err)
	}
	if out.Len() != 0 {
		t.Errorf("output %q", out)
	}
}

// equal compares converted values.
func equal(a, b any) bool {
	as, aok := a.([]any)
	bs, bok := b.([]any)
	if aok && bok {
		if len(as) != len(bs) {
			return false
		}
		for i := range as {
			if !equal(as[i], bs[i]) {
				return false
			}
		}
		return true
	}
	return a == b
}

func TestIterAsyncBreak(t *testing.T) {
	in, out := newInterp(t, runtime.Options{VirtualTime: true})
	m := exec(t, in, `
import asyncio

async def agen(n):
    try:
        for i in range(n):
            await asyncio.sleep(1)
            yield i * 10
    finally:
        print("agen finally")
`)
	ctx := context.Background()
	g, err := in.Call(ctx, m.Get("agen"), 5)
	if err != nil {
		t.Fatal(err)
	}
	for v, err := range in.Iter(ctx, g.(runtime.Value)) {
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(out, "go got", v)
		if v == int64(20) {
			break
		}
	}
	out.WriteString("after range\n")
	if want := expect(t, "iter_break.out"); out.String() != want {
		t.Errorf("output:\n%s\nCPython's:\n%s", out, want)
	}
}

func TestSystemExit(t *testing.T) {
	in, _ := newInterp(t, runtime.Options{})
	for _, c := range []struct {
		src    string
		status int
		text   string
	}{
		// Statuses and stderr as CPython's for the same programs.
		{"raise SystemExit", 0, ""},
		{"raise SystemExit(3)", 3, ""},
		{"raise SystemExit('bye')", 1, "bye\n"},
		{"raise ValueError('v')", 1, "Traceback (most recent call last):\n  File \"exit.agen\", line 1, in <module>\n    raise ValueError('v')\nValueError: v\n"},
	} {
		_, err := in.Exec(context.Background(), "exit.agen", []byte(c.src))
		var e *runtime.Error
		if !errors.As(err, &e) || e.ExitStatus() != c.status || e.Traceback() != c.text {
			t.Errorf("%s: %v, status %d, text %q", c.src, err, e.ExitStatus(), e.Traceback())
		}
	}
}

func TestNilAndBadValues(t *testing.T) {
	in, _ := newInterp(t, runtime.Options{})
	ctx := context.Background()
	if _, err := in.Call(ctx, nil); err == nil {
		t.Error("Call(nil): no error")
	}
	for _, err := range in.Iter(ctx, nil) {
		if err == nil {
			t.Error("Iter(nil): no error")
		}
	}
	m := exec(t, in, "x = 1")
	if _, err := in.Call(ctx, m.Get("x")); err == nil || err.Error() != "TypeError: 'int' object is not callable" {
		t.Errorf("Call(1): %v", err)
	}
	for _, err := range in.Iter(ctx, m.Get("x")) {
		if err == nil || err.Error() != "TypeError: 'int' object is not iterable" {
			t.Errorf("Iter(1): %v", err)
		}
	}
}

func TestRandomModule(t *testing.T) {
	in, out := newInterp(t, runtime.Options{})
	// CPython 3.11 prints the same for this program.
	exec(t, in, "import random\nrandom.seed(42)\nprint(random.randint(1, 100), random.random())\n")
	if want := "82 0.11133106816568039\n"; out.String() != want {
		t.Errorf("output %q, want %q", out, want)
	}
}

func TestErrorFields(t *testing.T) {
	in, _ := newInterp(t, runtime.Options{})
	for _, c := range []struct{ src, typ, msg string }{
		// The last lines of CPython's reports for the same programs.
		{"raise KeyError('k')", "KeyError", "'k'"},
		{"raise ValueError", "ValueError", ""},
		{"class E(Exception):\n    def __str__(self):\n        return 'custom'\nraise E()", "E", "custom"},
		{"import asyncio\nraise asyncio.CancelledError()", "asyncio.exceptions.CancelledError", ""},
	} {
		_, err := in.Exec(context.Background(), "e.agen", []byte(c.src))
		var e *runtime.Error
		if !errors.As(err, &e) || e.Type != c.typ || e.Message != c.msg {
			t.Errorf("%q: %#v", c.src, err)
		}
	}
}
