package aio

import "github.com/asyncgen/asyncgen/runtime/value"

func init() {
	FutureType.SetConstructor(newFutureValue)
	TaskType.SetConstructor(newTaskValue)
	define(FutureType, isFuture, map[string]methodFunc{"__init__": futureInit})
}

// newFutureValue is asyncio.Future(*, loop=None), and makes the instances
// of script classes deriving from Future.
func newFutureValue(th value.Thread, cls *value.Class, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	f := &Future{}
	f.init(eventLoop(th), plainFuture)
	if cls != FutureType {
		m := f.extra()
		m.cls, m.dict = cls, value.NewDict(0)
	}
	return f, value.InitInstance(th, cls, f, args, kwargs)
}

// futureInit is Future.__init__(*, loop=None): it binds the future to
// loop, or to get_event_loop().
func futureInit(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	var loop value.Value
	if err := unpack("Future", args, kwargs, []string{"*loop="}, &loop); err != nil {
		return nil, err
	}
	f := asFuture(self)
	if f.state != pending {
		return nil, value.Errorf(value.RuntimeError, "cannot initialise a done future")
	}
	f.loop = eventLoop(th)
	if l, ok := loop.(*Loop); ok {
		f.loop = l
	}
	return value.None, nil
}

// newTaskValue is asyncio.Task(coro, *, loop=None, name=None,
// context=None): a task of loop, or of get_event_loop().
func newTaskValue(th value.Thread, cls *value.Class, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	if cls != TaskType {
		return nil, value.Errorf(value.TypeError, "subclassing Task is not supported")
	}
	var coro, loop, name, ctx value.Value
	if err := unpack("Task", args, kwargs, []string{"coro", "*loop=", "*name=", "*context="}, &coro, &loop, &name, &ctx); err != nil {
		return nil, err
	}
	l, ok := loop.(*Loop)
	if !ok {
		l = eventLoop(th)
	}
	return createTask(th, l, coro, name)
}
