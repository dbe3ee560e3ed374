package aio

import (
	"github.com/asyncgen/asyncgen/runtime/value"
)

// Type returns the loop's class.
func (l *Loop) Type() *value.Class { return LoopType }

// schedule makes the Handle for loop.call_soon/call_later/call_at: args[0]
// is the callable, the rest its arguments. when < 0 means call_soon;
// exact means call_at, whose deadlines may tie.
func (l *Loop) schedule(name string, when int64, exact bool, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	if err := l.checkClosed(); err != nil {
		return nil, err
	}
	for _, kw := range kwargs {
		if kw.Name != "context" {
			return nil, value.Errorf(value.TypeError, "%s() got an unexpected keyword argument '%s'", name, kw.Name)
		}
	}
	if len(args) == 0 {
		return nil, value.Errorf(value.TypeError, "%s() missing 1 required positional argument: 'callback'", name)
	}
	if !value.IsCallable(args[0]) {
		return nil, value.Errorf(value.TypeError, "a callable object was expected by %s(), got %s", name, reprOf(l.in.th, args[0]))
	}
	h := &Handle{loop: l, fn: args[0], args: append([]value.Value(nil), args[1:]...)}
	if when < 0 {
		l.ready.push(h)
		return h, nil
	}
	timed := &timedHandle{timer: timer{when: when, bits: timerHandle}, h: h}
	h.timer = &timed.timer
	l.addTimer(h.timer, exact)
	return h, nil
}

// timeArgs splits the delay (or deadline) off call_later/call_at's args.
func timeArgs(th value.Thread, name string, args []value.Value) (float64, []value.Value, error) {
	if len(args) == 0 {
		return 0, nil, value.Errorf(value.TypeError, "%s() missing 2 required positional arguments", name)
	}
	s, err := toSeconds(th, args[0], "<")
	return s, args[1:], err
}

var loopMethods = map[string]methodFunc{
	"time": noArgs("time", func(th value.Thread, self value.Value) (value.Value, error) {
		return value.Float(seconds(self.(*Loop).Time())), nil
	}),
	"call_soon": func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		return self.(*Loop).schedule("call_soon", -1, false, args, kwargs)
	},
	"call_later": func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		l := self.(*Loop)
		d, rest, err := timeArgs(th, "call_later", args)
		if err != nil {
			return nil, err
		}
		return l.schedule("call_later", l.Time()+max(nanos(d), 0), false, rest, kwargs)
	},
	"call_at": func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		when, rest, err := timeArgs(th, "call_at", args)
		if err != nil {
			return nil, err
		}
		return self.(*Loop).schedule("call_at", max(nanos(when), 0), true, rest, kwargs)
	},
	"create_future": noArgs("create_future", func(th value.Thread, self value.Value) (value.Value, error) {
		return NewFuture(self.(*Loop)), nil
	}),
	"create_task": func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var coro, name, ctx value.Value
		if err := unpack("create_task", args, kwargs, []string{"coro", "*name=", "*context="}, &coro, &name, &ctx); err != nil {
			return nil, err
		}
		return createTask(th, self.(*Loop), coro, name)
	},
	"shutdown_asyncgens": noArgs("shutdown_asyncgens", func(th value.Thread, self value.Value) (value.Value, error) {
		return &shutdownAgens{loop: self.(*Loop)}, nil
	}),
	"shutdown_default_executor": noArgs("shutdown_default_executor", func(th value.Thread, self value.Value) (value.Value, error) {
		return doneCoro{}, nil
	}),
	"call_soon_threadsafe": func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		return self.(*Loop).schedule("call_soon_threadsafe", -1, false, args, kwargs)
	},
	"get_debug": noArgs("get_debug", func(th value.Thread, self value.Value) (value.Value, error) {
		return value.False, nil
	}),
	"is_running": noArgs("is_running", func(th value.Thread, self value.Value) (value.Value, error) {
		return value.Bool(self.(*Loop).running), nil
	}),
	"is_closed": noArgs("is_closed", func(th value.Thread, self value.Value) (value.Value, error) {
		return value.Bool(self.(*Loop).closed), nil
	}),
	"stop": noArgs("stop", func(th value.Thread, self value.Value) (value.Value, error) {
		self.(*Loop).stopping = true
		return value.None, nil
	}),
	"close": noArgs("close", func(th value.Thread, self value.Value) (value.Value, error) {
		l := self.(*Loop)
		if l.running {
			return nil, value.Errorf(value.RuntimeError, "Cannot close a running event loop")
		}
		if !l.closed {
			l.markClosed()
		}
		return value.None, nil
	}),
	"run_until_complete": func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var aw value.Value
		if err := unpack("run_until_complete", args, kwargs, []string{"future"}, &aw); err != nil {
			return nil, err
		}
		l := self.(*Loop)
		if err := l.checkIdle(); err != nil {
			return nil, err
		}
		prev := l.in.loop
		l.in.loop = l // ensure_future needs the loop
		fl, err := ensureFuture(th, l, aw)
		l.in.loop = prev
		if err != nil {
			return nil, err
		}
		if err := l.runUntilComplete(fl.base()); err != nil {
			return nil, err
		}
		return fl.base().Result()
	},
}

// checkClosed fails if the loop is closed, as CPython's _check_closed
// does before a loop schedules anything.
func (l *Loop) checkClosed() error {
	if l.closed {
		return value.Errorf(value.RuntimeError, "Event loop is closed")
	}
	return nil
}

// checkIdle fails if the loop is closed or another loop runs.
func (l *Loop) checkIdle() error {
	if err := l.checkClosed(); err != nil {
		return err
	}
	if l.in.loop != nil {
		return value.Errorf(value.RuntimeError, "Cannot run the event loop while another loop is running")
	}
	return nil
}
