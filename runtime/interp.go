package runtime

import (
	"context"
	"io"
	"os"
	"reflect"
	"sync"

	"github.com/asyncgen/asyncgen/runtime/aio"
	"github.com/asyncgen/asyncgen/runtime/internal/pyrand"
	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// Options configure an Interpreter. The zero value is usable: output to
// os.Stdout and os.Stderr, the real clock, no limits.
type Options struct {
	// Stdout receives print's output; os.Stdout if nil.
	Stdout io.Writer
	// Stderr receives the event loop's reports (such as "Task exception
	// was never retrieved") and Close's; os.Stderr if nil.
	Stderr io.Writer
	// VirtualTime selects the virtual clock: when every task waits, time
	// jumps to the next timer instead of passing.
	VirtualTime bool
	// Clock, if set, is the event loop's clock, overriding VirtualTime.
	Clock aio.Clock
	// Tracer, if set, receives the task timeline of the event loop.
	Tracer aio.Tracer
	// MaxSteps bounds the bytecode steps (calls, loop iterations and
	// backward jumps) of each call of the API (Exec, Call, Eval,
	// ExecInteractive, each item of Iter); 0 means no limit. Exceeding it
	// stops the script with a *LimitError no except clause catches; the
	// next call has a new budget. In the background mode (Start) the
	// tasks of the loop share the budget of the call that last started.
	MaxSteps int64
	// MaxMemory bounds, in bytes, the heap the interpreter's scripts
	// grow; 0 means no limit. An allocation that would exceed it raises
	// MemoryError in the script, which may catch it, as in CPython. It is
	// measured on the Go heap, which is the process's: New collects
	// garbage once to note the heap in use, and the script's part is the
	// growth since; with several interpreters (or a busy host) in one
	// process the limit is approximate. Single allocations of known size
	// (repetition, concatenation, join, padding) are checked before they
	// happen; gradual growth at least every 16K steps. The process's heap
	// may still reach about twice the limit: garbage not yet collected,
	// a container regrowing.
	MaxMemory int64
	// MaxDepth is the recursion limit; 1000 if zero.
	MaxDepth int
	// Globals are predeclared names visible to every script of the
	// interpreter, like builtins, converted as the package documentation
	// says; host functions (Func, BlockingFunc, StreamFunc) become script
	// callables.
	Globals map[string]any
	// Modules are host modules scripts may import.
	Modules []*HostModule
}

// An Interpreter runs scripts. Its methods are safe for concurrent use
// (they take turns); see the package documentation.
type Interpreter struct {
	th     *vm.Thread
	stderr io.Writer
	clock  *ctxClock

	// base is the parent of the contexts of host goroutines; Close
	// cancels it.
	base       context.Context
	cancelBase context.CancelFunc

	mu     sync.Mutex // serializes the calls that run without a session
	closed bool
	sess   *session // the event loop running on its own goroutine, or nil

	srcMu   sync.Mutex
	sources map[string][]byte

	// Used on the script goroutine only.
	main       *value.Dict // the interactive namespace
	asyncio    *value.Module
	classes    map[reflect.Type]*value.Class // of converted structs
	evalResult Value
}

// New returns an interpreter configured by opts. It panics if a
// predeclared global cannot be converted (a programming error).
func New(opts Options) *Interpreter {
	in := &Interpreter{sources: map[string][]byte{}, classes: map[reflect.Type]*value.Class{}}
	in.base, in.cancelBase = context.WithCancel(context.Background())
	in.main = value.NewDict(0)
	in.main.SetString("__name__", value.MakeString("__main__"))
	in.stderr = opts.Stderr
	if in.stderr == nil {
		in.stderr = os.Stderr
	}
	in.th = vm.NewThread(vm.Options{Stdout: opts.Stdout, Stderr: in.stderr, MaxSteps: opts.MaxSteps, MaxMemory: opts.MaxMemory, MaxDepth: opts.MaxDepth})
	clock := opts.Clock
	if clock == nil {
		if opts.VirtualTime {
			clock = aio.NewVirtualClock()
		} else {
			clock = aio.NewRealClock()
		}
	}
	in.clock = &ctxClock{Clock: clock, onHalt: in.th.CheckSoon}
	aio.Install(in.th, aio.Options{Clock: in.clock, Stderr: in.stderr, Source: in.source, Tracer: opts.Tracer})
	in.th.RegisterModule("random", func(*vm.Thread) (*value.Module, error) { return pyrand.Module(), nil })
	in.th.SetBuiltin(displayHook, value.NewBuiltin(displayHook, in.display))
	in.th.SetBuiltin(evalHook, value.NewBuiltin(evalHook, in.capture))
	for name, x := range opts.Globals {
		v, err := in.named(name, x)
		if err != nil {
			panic("runtime.New: global " + name + ": " + err.Error())
		}
		in.th.SetBuiltin(name, v)
	}
	for _, m := range opts.Modules {
		in.register(m)
	}
	return in
}

// source returns the text of a file the interpreter ran, for tracebacks.
func (in *Interpreter) source(filename string) []byte {
	in.srcMu.Lock()
	defer in.srcMu.Unlock()
	return in.sources[filename]
}

func (in *Interpreter) addSource(filename string, src []byte) {
	in.srcMu.Lock()
	in.sources[filename] = src
	in.srcMu.Unlock()
}
