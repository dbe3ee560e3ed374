package vm_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// TestGuardInlineGenerators makes a Go panic under generators that the
// loop runs inline: the call fails with SystemError, and the thread is
// left as it was, ready for the next call.
func TestGuardInlineGenerators(t *testing.T) {
	prog := compileSource(t, "t.agen", `
def inner():
    yield 1
    boom()

def outer():
    for x in inner():
        yield x

def run():
    total = 0
    for x in outer():
        total += x
    return total

def count(n):
    for i in range(n):
        yield i

def fine():
    total = 0
    for x in count(3):
        for y in count(x + 1):
            total += y
    return total
`)
	th := vm.NewThread(vm.Options{Stdout: io.Discard})
	th.SetBuiltin("boom", value.NewBuiltin("boom", func(value.Thread, []value.Value, []value.Kwarg) (value.Value, error) {
		panic("kaboom")
	}))
	globals := value.NewDict(0)
	if _, err := th.ExecModule(prog, globals); err != nil {
		t.Fatal(err)
	}
	get := func(name string) value.Value {
		v, _ := globals.GetString(name)
		return v
	}
	for i := 0; i < 2; i++ {
		_, err := th.Call(get("run"), nil, nil)
		if e, ok := err.(*value.Exception); !ok || e.Class != value.SystemError || !strings.Contains(e.Error(), "kaboom") {
			t.Fatalf("run: got %v, want a SystemError", err)
		}
		if th.Depth() != 0 {
			t.Errorf("depth %d after the panic", th.Depth())
		}
	}
	v, err := th.Call(get("fine"), nil, nil)
	if err != nil || v != value.Int(4) {
		t.Errorf("after the panics: got %v, %v, want 4", v, err)
	}
}

// TestLimitsInlineGenerators stops generators that the loop runs inline
// with the step limit, which no except clause catches, and interrupts
// them with KeyboardInterrupt, which the script catches.
func TestLimitsInlineGenerators(t *testing.T) {
	const gens = `
def forever():
    while True:
        yield 1

def relay():
    yield from forever()

async def aforever():
    while True:
        yield 1

async def astage(items):
    async for x in items:
        yield x
`
	for _, loop := range []string{
		"for x in forever():\n        pass",
		"for x in relay():\n        pass",
		"async for x in astage(aforever()):\n        pass",
	} {
		src := gens + "try:\n    " + loop + "\nexcept BaseException as e:\n    print('caught', type(e).__name__)\n"
		out, _, err := exec(t, src, vm.Options{MaxSteps: 10000})
		var limit *vm.LimitError
		if !errors.As(err, &limit) {
			t.Fatalf("%s: got %v, want a LimitError", loop, err)
		}
		if out != "" {
			t.Errorf("%s: the limit was caught: %q", loop, out)
		}
		out, err = execInterrupted(t, src)
		if err != nil || out != "caught KeyboardInterrupt\n" {
			t.Errorf("%s: interrupted: got %q, %v", loop, out, err)
		}
	}
}

// execInterrupted runs src with a KeyboardInterrupt pending.
func execInterrupted(t *testing.T, src string) (string, error) {
	t.Helper()
	prog := compileSource(t, "t.agen", src)
	var out strings.Builder
	th := vm.NewThread(vm.Options{Stdout: &out})
	th.Interrupt(value.NewException(value.KeyboardInterrupt))
	v, err := th.ExecModule(prog, nil)
	if c, ok := v.(value.Coroutine); ok && err == nil {
		_, _, err = c.Send(th, value.None)
	}
	return out.String(), err
}
