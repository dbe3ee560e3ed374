package aio

import "github.com/asyncgen/asyncgen/runtime/value"

// The methods of the loop's own coroutines (sleep, wrapped awaitables),
// as those of script coroutines: send, throw, close, __await__.
func init() {
	coroMethods := map[string]methodFunc{
		"send": func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
			var v value.Value
			if err := unpack("send", args, kwargs, []string{"value"}, &v); err != nil {
				return nil, err
			}
			return stepResult(manual(self.(value.Coroutine)).Send(th, v))
		},
		"throw": func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
			var v value.Value
			if err := unpack("throw", args, kwargs, []string{"value"}, &v); err != nil {
				return nil, err
			}
			exc, err := toException(th, v, "exceptions must derive from BaseException")
			if err != nil {
				return nil, err
			}
			return stepResult(self.(value.Coroutine).Throw(th, exc))
		},
		"close": noArgs("close", func(th value.Thread, self value.Value) (value.Value, error) {
			return value.None, self.(value.Coroutine).Close(th)
		}),
	}
	define(CoroutineType, isA[value.Coroutine], coroMethods)
	define(CoroutineType, isA[value.Coroutine], map[string]methodFunc{
		"__await__": noArgs("__await__", func(th value.Thread, self value.Value) (value.Value, error) {
			return awaitWrapper{self.(value.Coroutine)}, nil
		}),
	})
	define(WrapperType, isA[awaitWrapper], coroMethods)
	define(WrapperType, isA[awaitWrapper], map[string]methodFunc{
		"__next__": noArgs("__next__", func(th value.Thread, self value.Value) (value.Value, error) {
			return stepResult(manual(self.(awaitWrapper).c).Send(th, value.None))
		}),
		"__iter__": noArgs("__iter__", func(th value.Thread, self value.Value) (value.Value, error) {
			return self, nil
		}),
	})
}

// stepResult turns the result of Send or Throw into what send() and
// throw() return: the yielded value, or StopIteration(result).
func stepResult(v value.Value, done bool, err error) (value.Value, error) {
	if err != nil {
		return nil, err
	}
	if done {
		return nil, value.NewException(value.StopIteration, v)
	}
	return v, nil
}

// toException accepts an exception instance or class, as throw() and
// set_exception() do; notExc is the TypeError's message for anything else.
func toException(th value.Thread, v value.Value, notExc string) (*value.Exception, error) {
	if cls, ok := v.(*value.Class); ok {
		var err error
		if v, err = value.Call(th, cls, nil, nil); err != nil {
			return nil, err
		}
	}
	exc, ok := v.(*value.Exception)
	if !ok {
		return nil, value.Errorf(value.TypeError, "%s", notExc)
	}
	return exc, nil
}

// awaitWrapper is what a coroutine's __await__() returns: an iterator
// over the same steps (CPython's coroutine_wrapper).
type awaitWrapper struct{ c value.Coroutine }

// Type returns coroutine_wrapper.
func (w awaitWrapper) Type() *value.Class { return WrapperType }

// Next steps the coroutine.
func (w awaitWrapper) Next(th value.Thread) (value.Value, bool, error) {
	v, done, err := manual(w.c).Send(th, value.None)
	if err != nil || done {
		return nil, false, err
	}
	return v, true, nil
}

// Send resumes the coroutine.
func (w awaitWrapper) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	return w.c.Send(th, v)
}

// Throw throws into the coroutine.
func (w awaitWrapper) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	return w.c.Throw(th, exc)
}

// Close closes the coroutine.
func (w awaitWrapper) Close(th value.Thread) error { return w.c.Close(th) }
