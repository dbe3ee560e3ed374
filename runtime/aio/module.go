package aio

import (
	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// Install sets up the event loop machinery of th: it registers the
// asyncio, time and contextlib modules, makes the builtin sleep be
// asyncio.sleep, and installs the async generator hooks, which act while
// a loop runs.
func Install(th *vm.Thread, opts Options) error {
	in := setup(th, opts)
	th.FirstIter = func(agen value.Value) {
		if in.loop != nil {
			in.loop.firstIter(agen)
		}
	}
	th.Finalize = func(agen value.Value) {
		if in.loop != nil {
			in.loop.finalize(agen)
		}
	}
	sleep := value.NewBorrowingBuiltin("sleep", in.sleepFunc()) // keeps no args: called with the VM stack
	th.SetBuiltin("sleep", sleep)
	th.RegisterModule("asyncio", func(th *vm.Thread) (*value.Module, error) {
		return loadAsyncio(th, sleep)
	})
	th.RegisterModule("time", func(th *vm.Thread) (*value.Module, error) {
		return newModule("time", timeFuncs), nil
	})
	th.RegisterModule("contextlib", func(th *vm.Thread) (*value.Module, error) {
		m := newModule("contextlib", nil)
		return m, contextlibLib.exec(th, m)
	})
	return nil
}

// loadAsyncio builds the asyncio module: the Go functions and classes,
// then the parts written in the language (lib/asyncio.py) run in the
// same namespace.
func loadAsyncio(th *vm.Thread, sleep value.Value) (*value.Module, error) {
	m := newModule("asyncio", asyncioFuncs)
	g := m.Globals
	g.SetName("sleep", sleep)
	for _, c := range []*value.Class{FutureType, TaskType, HandleType, TimerType, QueueType, LifoQueueType, PriorityQueueType, QueueEmpty, QueueFull} {
		g.SetName(c.Name, c)
	}
	g.SetName("CancelledError", value.CancelledError)
	g.SetName("InvalidStateError", InvalidStateError)
	g.SetName("TimeoutError", value.TimeoutError)
	return m, asyncioLib.exec(th, m)
}

// newModule makes a module holding the given Go functions. None of them
// keeps its args slice once it returns, so the VM passes them its stack
// (or the tuple of a *args call) rather than a copy: gather(*coros)
// copies no arguments.
func newModule(name string, funcs map[string]builtinFunc) *value.Module {
	g := value.NewDict(len(funcs) + 1)
	g.SetName("__name__", value.MakeString(name))
	for fname, fn := range funcs {
		g.SetName(fname, value.NewBorrowingBuiltin(fname, fn))
	}
	return &value.Module{Name: name, Globals: g}
}
