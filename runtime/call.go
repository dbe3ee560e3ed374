package runtime

import (
	"context"
	"errors"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// Call calls fn, a script callable (such as a function a Module holds),
// with args converted to script values, and returns its result converted
// to Go (see the package documentation). When the result is a coroutine
// (fn is an async def), Call awaits it: as the main task of a loop of
// its own, as asyncio.run would, or, after Start, as a task of the
// background loop.
func (in *Interpreter) Call(ctx context.Context, fn Value, args ...any) (any, error) {
	if fn == nil {
		return nil, errNil
	}
	var out any
	err := in.run(ctx, func() (Value, error) {
		vs := make([]Value, len(args))
		for i, a := range args {
			v, err := in.toValue(a)
			if err != nil {
				return nil, err
			}
			vs[i] = v
		}
		return value.Call(in.th, fn, vs, nil)
	}, false, func(v Value) error {
		out = toGo(v)
		return nil
	})
	return out, err
}

// errNil is the error of a nil Value passed to Call or Iter (such as
// Module.Get of an unset name).
var errNil = errors.New("runtime: nil Value")
