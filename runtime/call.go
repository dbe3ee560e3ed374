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
	c := &call{in: in, fn: fn, args: args}
	err := in.run(ctx, c)
	return c.out, err
}

// call is the job of Call.
type call struct {
	in   *Interpreter
	fn   Value
	args []any
	vals [4]Value // the converted arguments, when they fit
	out  any
}

func (c *call) start() (Value, error) {
	vs := c.vals[:0]
	for _, a := range c.args {
		v, err := c.in.toValue(a)
		if err != nil {
			return nil, err
		}
		vs = append(vs, v)
	}
	return value.Call(c.in.th, c.fn, vs, nil)
}

func (c *call) finish(v Value) error {
	c.out = toGo(v)
	return nil
}

// errNil is the error of a nil Value passed to Call or Iter (such as
// Module.Get of an unset name).
var errNil = errors.New("runtime: nil Value")
