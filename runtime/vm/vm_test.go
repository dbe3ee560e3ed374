package vm_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// compileSource parses and compiles src as the file name, failing tb on
// an error.
func compileSource(tb testing.TB, name, src string) *compile.Program {
	tb.Helper()
	f, err := lang.Parse(name, []byte(src))
	if err != nil {
		tb.Fatalf("parse: %v", err)
	}
	prog, err := vm.Compile(f)
	if err != nil {
		tb.Fatalf("compile: %v", err)
	}
	return prog
}

// exec runs src on a fresh thread with opts and returns its output and
// error.
func exec(t *testing.T, src string, opts vm.Options) (string, value.Value, error) {
	t.Helper()
	prog := compileSource(t, "t.agen", src)
	var out bytes.Buffer
	opts.Stdout = &out
	th := vm.NewThread(opts)
	th.SetBuiltin("tick", &tick{})
	v, err := th.ExecModule(prog, nil)
	if c, ok := v.(value.Coroutine); ok && err == nil {
		for {
			var done bool
			if _, done, err = c.Send(th, value.None); done || err != nil {
				break
			}
			out.WriteString("~")
		}
	}
	return out.String(), v, err
}

func TestTopLevelAwait(t *testing.T) {
	src := `
async def ag():
    for i in range(2):
        await tick
        yield i
async def twice(x):
    await tick
    return 2 * x
print(await twice(21))
async for v in ag():
    print(v)
print([x async for x in ag()])
`
	out, v, err := exec(t, src, vm.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := v.(*vm.Coroutine); !ok {
		t.Fatalf("ExecModule returned %T, want a coroutine", v)
	}
	// Every ~ is a suspension seen by the driver.
	if want := "~42\n~0\n~1\n~~[0, 1]\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestStepLimit(t *testing.T) {
	for _, loop := range []string{
		"while True:\n        pass",
		"[x for x in range(10**12) if x < 0]",
	} {
		src := "try:\n    " + loop + "\nexcept BaseException:\n    print('caught')\n"
		out, _, err := exec(t, src, vm.Options{MaxSteps: 10000})
		var limit *vm.LimitError
		if !errors.As(err, &limit) {
			t.Fatalf("%s: got %v, want a LimitError", loop, err)
		}
		if out != "" {
			t.Errorf("%s: the limit was caught: %q", loop, out)
		}
	}
}

func TestRecursionLimit(t *testing.T) {
	src := `
depth = 0
def down():
    global depth
    depth += 1
    down()
try:
    down()
except RecursionError as e:
    print(e, depth < 60)
`
	out, _, err := exec(t, src, vm.Options{MaxDepth: 60})
	if err != nil {
		t.Fatal(err)
	}
	if want := "maximum recursion depth exceeded True\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

// TestNoGoStackOverflow recurses through a builtin (repr calling __repr__)
// which must hit the recursion limit, not the Go stack.
func TestNoGoStackOverflow(t *testing.T) {
	src := `
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("RecursionError")
`
	out, _, err := exec(t, src, vm.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if out != "RecursionError\n" {
		t.Errorf("got %q", out)
	}
}

func TestFormatException(t *testing.T) {
	src := "def f():\n    raise ValueError('bad')\ntry:\n    f()\nexcept ValueError as e:\n    raise KeyError('k')\n"
	_, _, err := exec(t, src, vm.Options{})
	exc, ok := err.(*value.Exception)
	if !ok {
		t.Fatalf("got %v", err)
	}
	var b strings.Builder
	vm.FormatException(&b, exc, func(string) []byte { return []byte(src) })
	want := `Traceback (most recent call last):
  File "t.agen", line 4, in <module>
    f()
  File "t.agen", line 2, in f
    raise ValueError('bad')
ValueError: bad

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "t.agen", line 6, in <module>
    raise KeyError('k')
KeyError: 'k'
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestRegisterModule(t *testing.T) {
	loads := 0
	src := `
import m
import m as mm
from m import x
print(m.x, mm is m, x)
try:
    from m import nope
except ImportError as e:
    print(e)
try:
    import missing
except ModuleNotFoundError as e:
    print(e)
`
	prog := compileSource(t, "t.agen", src)
	var out bytes.Buffer
	th := vm.NewThread(vm.Options{Stdout: &out})
	th.RegisterModule("m", func(th *vm.Thread) (*value.Module, error) {
		loads++
		g := value.NewDict(0)
		g.SetString("x", value.MakeInt(7))
		return &value.Module{Name: "m", Globals: g}, nil
	})
	if _, err := th.ExecModule(prog, nil); err != nil {
		t.Fatal(err)
	}
	want := "7 True 7\ncannot import name 'nope' from 'm' (unknown location)\nNo module named 'missing'\n"
	if out.String() != want || loads != 1 {
		t.Errorf("got %q (%d loads), want %q", out.String(), loads, want)
	}
}
