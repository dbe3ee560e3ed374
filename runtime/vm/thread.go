// Package vm is the interpreter of asyncgen: it runs the bytecode of
// runtime/compile on heap frames. Generators, coroutines and async
// generators are frames that suspend by returning to their caller and are
// resumed by Send; no goroutine is involved.
package vm

import (
	"io"
	"os"
	"sync/atomic"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// Options configure a Thread.
type Options struct {
	Stdout, Stderr io.Writer
	// MaxSteps bounds the bytecode steps (counted at calls, loop
	// iterations and backward jumps) between two ResetSteps; 0 means no
	// limit. Exceeding it stops the script with a *LimitError that no
	// except clause can catch.
	MaxSteps int64
	// MaxMemory bounds the heap the script grows, in bytes; 0 means no
	// limit. See Thread.Alloc.
	MaxMemory int64
	// MaxDepth is the recursion limit (default 1000).
	MaxDepth int
}

// Thread is the execution context of an interpreter. It implements
// value.Thread.
type Thread struct {
	stdout, stderr io.Writer
	locals         map[string]any
	builtins       map[string]value.Value
	modules        map[string]*value.Module
	loaders        map[string]func(th *Thread) (*value.Module, error)

	frame    *frame // the running frame
	depth    int
	maxDepth int
	steps    int64 // steps left in the current chunk
	chunk    int64 // size of the current chunk
	maxSteps int64
	used     int64                 // steps counted in earlier chunks
	intr     atomic.Pointer[error] // set by Interrupt
	mem      memory

	// throwing is raised where the frame that the loop enters next is
	// suspended: an exception thrown into a generator.
	throwing *value.Exception

	// callers are the frames that resumed the generators that loop runs
	// inline, innermost last; resumed tells the instruction that resumed
	// one that it returned or raised (res nil, or resErr) or yielded
	// res otherwise than as an item.
	callers []*frame
	res     value.Value
	resErr  error
	resumed bool

	ei     *excInfo // the handled-exception state in effect
	rootEI excInfo
	pool   []*frame
	ints   value.IntBox // boxes the ints computed by script code

	// FirstIter is called when an async generator is first iterated, like
	// the firstiter hook of sys.set_asyncgen_hooks.
	FirstIter func(agen value.Value)
	// Finalize is called when an `async for` over a temporary async
	// generator is left early while the generator is unfinished: CPython
	// finalises it then; the event loop schedules its aclose().
	Finalize func(agen value.Value)
	// AgenStep, if set, is called when an anext/asend (op "anext"),
	// athrow or aclose of an async generator, named by its qualified
	// name, starts: the event loop's tracer.
	AgenStep func(agen, op string)
}

// excInfo is one entry of the handled-exception stack: the thread has
// one, and every running generator pushes its own.
type excInfo struct {
	exc  *value.Exception
	prev *excInfo
}

// stepChunk is how many steps run between two checks of the step limit
// and of Interrupt.
const stepChunk = 1 << 14

// NewThread returns a thread with the builtins installed.
func NewThread(opts Options) *Thread {
	th := &Thread{
		stdout:   opts.Stdout,
		stderr:   opts.Stderr,
		locals:   map[string]any{},
		modules:  map[string]*value.Module{},
		loaders:  map[string]func(th *Thread) (*value.Module, error){},
		maxDepth: opts.MaxDepth,
		maxSteps: opts.MaxSteps,
	}
	th.ResetSteps()
	th.mem.init(opts.MaxMemory)
	if th.stdout == nil {
		th.stdout = os.Stdout
	}
	if th.stderr == nil {
		th.stderr = os.Stderr
	}
	if th.maxDepth <= 0 {
		th.maxDepth = 1000
	}
	th.ei = &th.rootEI
	th.builtins = map[string]value.Value{}
	for k, v := range value.Builtins() {
		th.builtins[k] = v
	}
	th.installBuiltins()
	return th
}

// Stdout is where print writes.
func (th *Thread) Stdout() io.Writer { return th.stdout }

// Stderr is where uncaught errors are reported.
func (th *Thread) Stderr() io.Writer { return th.stderr }

// Local returns the value stored under key by SetLocal, or nil.
func (th *Thread) Local(key string) any { return th.locals[key] }

// SetLocal stores v under key.
func (th *Thread) SetLocal(key string, v any) { th.locals[key] = v }

// SetBuiltin adds or replaces a builtin name (the event loop adds sleep).
func (th *Thread) SetBuiltin(name string, v value.Value) { th.builtins[name] = v }

// Steps returns the number of bytecode steps counted so far.
func (th *Thread) Steps() int64 { return th.used + th.chunk - th.steps }

// Compile compiles a parsed file. Errors are *lang.Error.
func Compile(f *lang.File) (*compile.Program, error) {
	return compile.Compile(f)
}

// ExecModule runs a compiled module in globals (a fresh dict when nil),
// and returns None. For a module with top-level await it returns an
// unstarted coroutine instead, for the event loop to run as its main task.
func (th *Thread) ExecModule(prog *compile.Program, globals *value.Dict) (result value.Value, err error) {
	defer th.guard(th.frame, th.depth, th.ei, len(th.callers), &err)
	if globals == nil {
		globals = value.NewDict(0)
	}
	if _, ok := globals.GetString("__name__"); !ok {
		globals.SetString("__name__", value.MakeString("__main__"))
	}
	if prog.Module.Flags&compile.Coroutine != 0 {
		g, fr := newGenerator(prog.Module, globals, nil)
		fr.ns = globals
		return g, nil
	}
	fr := th.newFrame(prog.Module, globals, nil)
	fr.ns = globals
	return th.runFrame(fr)
}

// Call calls any callable value.
func (th *Thread) Call(fn value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	return value.Call(th, fn, args, kwargs)
}

// handled returns the exception being handled (sys.exception()), or nil.
func (th *Thread) handled() *value.Exception {
	for e := th.ei; e != nil; e = e.prev {
		if e.exc != nil {
			return e.exc
		}
	}
	return nil
}
