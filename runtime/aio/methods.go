package aio

import (
	"github.com/asyncgen/asyncgen/runtime/value"
)

func init() {
	define(FutureType, isFuture, futureMethods)
	define(TaskType, isA[*Task], taskMethods)
	define(LoopType, isA[*Loop], loopMethods)
	define(HandleType, isA[*Handle], handleMethods)
	define(TimerType, isTimer, map[string]methodFunc{
		"when": func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
			if err := unpack("when", args, kwargs, nil); err != nil {
				return nil, err
			}
			return value.Float(seconds(self.(*Handle).timer.when)), nil
		},
	})
}

func isFuture(v value.Value) bool { return asFuture(v) != nil }

func isTimer(v value.Value) bool {
	h, ok := v.(*Handle)
	return ok && h.timer != nil
}

func isA[T value.Value](v value.Value) bool {
	_, ok := v.(T)
	return ok
}

// noArgs wraps a method without parameters.
func noArgs(name string, fn func(th value.Thread, self value.Value) (value.Value, error)) methodFunc {
	return func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		if err := unpack(name, args, kwargs, nil); err != nil {
			return nil, err
		}
		return fn(th, self)
	}
}

var futureMethods = map[string]methodFunc{
	"result": noArgs("result", func(th value.Thread, self value.Value) (value.Value, error) {
		return asFuture(self).Result()
	}),
	"exception": noArgs("exception", func(th value.Thread, self value.Value) (value.Value, error) {
		return asFuture(self).Exception()
	}),
	"done": noArgs("done", func(th value.Thread, self value.Value) (value.Value, error) {
		return value.Bool(asFuture(self).Done()), nil
	}),
	"cancelled": noArgs("cancelled", func(th value.Thread, self value.Value) (value.Value, error) {
		return value.Bool(asFuture(self).Cancelled()), nil
	}),
	"get_loop": noArgs("get_loop", func(th value.Thread, self value.Value) (value.Value, error) {
		return asFuture(self).loop, nil
	}),
	"cancel": func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var msg value.Value
		if err := unpack("cancel", args, kwargs, []string{"msg="}, &msg); err != nil {
			return nil, err
		}
		if msg == value.None {
			msg = nil
		}
		return value.Bool(self.(futureLike).cancel(msg)), nil
	},
	"add_done_callback": func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var fn, ctx value.Value
		if err := unpack("add_done_callback", args, kwargs, []string{"fn", "*context="}, &fn, &ctx); err != nil {
			return nil, err
		}
		asFuture(self).addDoneCallback(&funcCallback{fn: fn, fut: self})
		return value.None, nil
	},
	"remove_done_callback": func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var fn value.Value
		if err := unpack("remove_done_callback", args, kwargs, []string{"fn"}, &fn); err != nil {
			return nil, err
		}
		var cmpErr error
		n := asFuture(self).removeDoneCallback(func(cb callback) bool {
			fc, ok := cb.(*funcCallback)
			if !ok || cmpErr != nil {
				return false
			}
			eq, err := sameCallable(th, fc.fn, fn)
			cmpErr = err
			return eq
		})
		if cmpErr != nil {
			return nil, cmpErr
		}
		return value.MakeInt(int64(n)), nil
	},
	"set_result": func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var v value.Value
		if err := unpack("set_result", args, kwargs, []string{"result"}, &v); err != nil {
			return nil, err
		}
		if _, ok := self.(*Task); ok {
			return nil, value.Errorf(value.RuntimeError, "Task does not support set_result operation")
		}
		return value.None, asFuture(self).SetResult(v)
	},
	"set_exception": func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var v value.Value
		if err := unpack("set_exception", args, kwargs, []string{"exception"}, &v); err != nil {
			return nil, err
		}
		if _, ok := self.(*Task); ok {
			return nil, value.Errorf(value.RuntimeError, "Task does not support set_exception operation")
		}
		exc, err := toException(th, v, "invalid exception object")
		if err != nil {
			return nil, err
		}
		return value.None, asFuture(self).SetException(exc)
	},
}

// sameCallable is == on callables (bound methods compare by receiver and
// function).
func sameCallable(th value.Thread, a, b value.Value) (bool, error) {
	if ba, ok := a.(*bound); ok {
		return ba.Equal(b), nil
	}
	return value.Equal(th, a, b)
}

var taskMethods = map[string]methodFunc{
	"get_name": noArgs("get_name", func(th value.Thread, self value.Value) (value.Value, error) {
		return self.(*Task).Name(th), nil
	}),
	"set_name": func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var v value.Value
		if err := unpack("set_name", args, kwargs, []string{"value"}, &v); err != nil {
			return nil, err
		}
		s, err := value.Str(th, v)
		if err != nil {
			return nil, err
		}
		self.(*Task).setName(s)
		return value.None, nil
	},
	"get_coro": noArgs("get_coro", func(th value.Thread, self value.Value) (value.Value, error) {
		return self.(*Task).coro, nil
	}),
	"cancelling": noArgs("cancelling", func(th value.Thread, self value.Value) (value.Value, error) {
		return value.MakeInt(int64(self.(*Task).nCancels)), nil
	}),
	"uncancel": noArgs("uncancel", func(th value.Thread, self value.Value) (value.Value, error) {
		return value.MakeInt(int64(self.(*Task).uncancel())), nil
	}),
}

var handleMethods = map[string]methodFunc{
	"cancel": noArgs("cancel", func(th value.Thread, self value.Value) (value.Value, error) {
		self.(*Handle).cancel()
		return value.None, nil
	}),
	"cancelled": noArgs("cancelled", func(th value.Thread, self value.Value) (value.Value, error) {
		return value.Bool(self.(*Handle).cancelled), nil
	}),
}
