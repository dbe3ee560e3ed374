package aio

import (
	"math"

	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// builtinFunc is the Go body of a module-level function.
type builtinFunc = func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error)

// asyncioFuncs are the functions of the asyncio module written in Go.
var asyncioFuncs = map[string]builtinFunc{
	"run": func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var main, debug value.Value
		if err := unpack("run", args, kwargs, []string{"main", "*debug="}, &main, &debug); err != nil {
			return nil, err
		}
		return Run(th, main)
	},
	"create_task": func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var coro, name, ctx value.Value
		if err := unpack("create_task", args, kwargs, []string{"coro", "*name=", "*context="}, &coro, &name, &ctx); err != nil {
			return nil, err
		}
		l, err := runningLoop(th)
		if err != nil {
			return nil, err
		}
		// Like CPython, create the task unnamed (taking a number) and
		// rename it.
		t, err := createTask(th, l, coro, nil)
		if err != nil || name == nil || name == value.None {
			return t, err
		}
		s, err := value.Str(th, name)
		t.(*Task).setName(s)
		return t, err
	},
	"ensure_future": func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var aw, loop value.Value
		if err := unpack("ensure_future", args, kwargs, []string{"coro_or_future", "*loop="}, &aw, &loop); err != nil {
			return nil, err
		}
		l, _ := loop.(*Loop) // nil: a future as it is, a task of the running loop
		return ensureFuture(th, l, aw)
	},
	"gather": func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var retExc value.Value
		if err := unpack("gather", nil, kwargs, []string{"*return_exceptions="}, &retExc); err != nil {
			return nil, err
		}
		re := false
		if retExc != nil {
			var err error
			if re, err = value.Truth(th, retExc); err != nil {
				return nil, err
			}
		}
		return gather(th, args, re)
	},
	"current_task": func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var loop value.Value
		if err := unpack("current_task", args, kwargs, []string{"loop="}, &loop); err != nil {
			return nil, err
		}
		l, err := loopArg(th, loop)
		if err != nil {
			return nil, err
		}
		if l.current == nil {
			return value.None, nil
		}
		return l.current, nil
	},
	"all_tasks": func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var loop value.Value
		if err := unpack("all_tasks", args, kwargs, []string{"loop="}, &loop); err != nil {
			return nil, err
		}
		l, err := loopArg(th, loop)
		if err != nil {
			return nil, err
		}
		s := value.NewSet()
		for _, t := range l.allTasks() {
			if err := s.Add(th, t); err != nil {
				return nil, err
			}
		}
		return s, nil
	},
	"get_running_loop": func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		if err := unpack("get_running_loop", args, kwargs, nil); err != nil {
			return nil, err
		}
		l, err := runningLoop(th)
		if err != nil {
			return nil, err
		}
		return l, nil
	},
	"get_event_loop": func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		if err := unpack("get_event_loop", args, kwargs, nil); err != nil {
			return nil, err
		}
		return eventLoop(th), nil
	},
	"new_event_loop": func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		if err := unpack("new_event_loop", args, kwargs, nil); err != nil {
			return nil, err
		}
		return newLoop(interp(th)), nil
	},
	"_get_running_loop": func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		if err := unpack("_get_running_loop", args, kwargs, nil); err != nil {
			return nil, err
		}
		if l := interp(th).loop; l != nil {
			return l, nil
		}
		return value.None, nil
	},
	"_cancel_all_tasks": func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var loop value.Value
		if err := unpack("_cancel_all_tasks", args, kwargs, []string{"loop"}, &loop); err != nil {
			return nil, err
		}
		l, ok := loop.(*Loop)
		if !ok {
			return nil, value.Errorf(value.TypeError, "_cancel_all_tasks() needs an event loop")
		}
		if err := l.checkIdle(); err != nil {
			return nil, err
		}
		return value.None, l.cancelAllTasks()
	},
	"iscoroutine": func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var v value.Value
		if err := unpack("iscoroutine", args, kwargs, []string{"obj"}, &v); err != nil {
			return nil, err
		}
		return value.Bool(isCoroutine(v)), nil
	},
	"iscoroutinefunction": func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var v value.Value
		if err := unpack("iscoroutinefunction", args, kwargs, []string{"func"}, &v); err != nil {
			return nil, err
		}
		if m, ok := v.(*value.BoundMethod); ok {
			v = m.Func
		}
		f, ok := v.(*vm.Function)
		return value.Bool(ok && f.Code().Flags&compile.Coroutine != 0), nil
	},
	"isfuture": func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var v value.Value
		if err := unpack("isfuture", args, kwargs, []string{"obj"}, &v); err != nil {
			return nil, err
		}
		return value.Bool(asFuture(v) != nil), nil
	},
}

// sleepFunc returns asyncio.sleep(delay, result=None) bound to in (see
// Install): the closure is the function itself, so the hot sleep(0) path
// makes no call to find its interpreter.
func (in *interpreter) sleepFunc() func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	return func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var delay, result value.Value
		if len(kwargs) == 0 && len(args) == 1 {
			delay = args[0] // the common case, without unpack's bookkeeping
		} else if err := unpack("sleep", args, kwargs, []string{"delay", "result="}, &delay, &result); err != nil {
			return nil, err
		}
		if result == nil {
			result = value.None
		}
		if i, ok := delay.(value.Int); ok && i <= 0 {
			return in.newSleep0(result), nil
		}
		d, err := toSeconds(th, delay, "<=")
		if err != nil {
			return nil, err
		}
		if d <= 0 {
			return in.newSleep0(result), nil
		}
		if math.IsNaN(d) {
			return in.newSleep(1, result), nil // a NaN deadline is always due
		}
		return in.newSleep(nanos(d), result), nil
	}
}

// createTask is loop.create_task / asyncio.create_task.
func createTask(th value.Thread, l *Loop, coro, name value.Value) (value.Value, error) {
	if !isCoroutine(coro) {
		return nil, value.Errorf(value.TypeError, "a coroutine was expected, got %s", reprOf(th, coro))
	}
	if name == value.None {
		name = nil
	}
	if name != nil {
		s, err := value.Str(th, name)
		if err != nil {
			return nil, err
		}
		name = value.MakeString(s)
	}
	if err := l.checkClosed(); err != nil {
		return nil, err
	}
	return newTask(l, coro.(value.Coroutine), name), nil
}

// eventLoop is get_event_loop(): the running loop, or else the default
// loop, made anew if there is none or it is closed.
func eventLoop(th value.Thread) *Loop {
	in := interp(th)
	if in.loop != nil {
		return in.loop
	}
	if in.defaultLoop == nil || in.defaultLoop.closed {
		in.defaultLoop = newLoop(in)
	}
	return in.defaultLoop
}

// loopArg returns the loop given as a loop= argument, or the running loop.
func loopArg(th value.Thread, v value.Value) (*Loop, error) {
	if l, ok := v.(*Loop); ok {
		return l, nil
	}
	return runningLoop(th)
}

// toSeconds converts a delay to float seconds; op names the comparison
// in the TypeError a non-number gets.
func toSeconds(th value.Thread, v value.Value, op string) (float64, error) {
	switch x := v.(type) {
	case value.Float:
		return float64(x), nil
	case value.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	}
	if i, ok := value.AsInt64(v); ok {
		return float64(i), nil
	}
	if v.Type() == value.IntType { // a big int
		s, err := value.Str(th, v)
		if err != nil {
			return 0, err
		}
		if s[0] == '-' {
			return math.Inf(-1), nil
		}
		return math.Inf(1), nil
	}
	return 0, value.Errorf(value.TypeError, "'%s' not supported between instances of '%s' and 'int'", op, v.Type().Name)
}
