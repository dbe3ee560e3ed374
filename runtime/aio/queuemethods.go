package aio

import "github.com/asyncgen/asyncgen/runtime/value"

func init() {
	kinds := map[*value.Class]queueKind{QueueType: fifo, LifoQueueType: lifo, PriorityQueueType: priority}
	for cls, kind := range kinds {
		cls.SetConstructor(queueCtor(cls, kind))
	}
	QueueType.Dict.SetString("maxsize", &value.Property{Fget: value.NewBuiltin("maxsize", func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		if len(args) != 1 || !isA[*Queue](args[0]) {
			return nil, value.Errorf(value.TypeError, "maxsize needs a queue")
		}
		return args[0].(*Queue).maxsize, nil
	})})
	define(QueueType, isA[*Queue], queueMethods)
}

// queueCtor returns the constructor of the queue class cls: it makes an
// empty queue, of cls or of the script class deriving from it that was
// called, then runs __init__.
func queueCtor(cls *value.Class, kind queueKind) value.Constructor {
	return func(th value.Thread, called *value.Class, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		q := &Queue{cls: called, kind: kind, maxsize: value.MakeInt(0)}
		if called != cls {
			q.dict = value.NewDict(0)
		}
		return q, value.InitInstance(th, called, q, args, kwargs)
	}
}

// queueOpMethod returns the method that makes the coroutine of kind.
func queueOpMethod(kind opKind) methodFunc {
	name := opNames[kind]
	params := []string{}
	if kind == opPut {
		params = []string{"item"}
	}
	return func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var item value.Value
		if len(kwargs) != 0 || len(args) != len(params) {
			dst := []*value.Value{&item}[:len(params)]
			if err := unpack(name, args, kwargs, params, dst...); err != nil {
				return nil, err
			}
		} else if kind == opPut {
			item = args[0] // the common case, without unpack's bookkeeping
		}
		return self.(*Queue).op(kind, item), nil
	}
}

var queueMethods = map[string]methodFunc{
	"__init__": func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var maxsize value.Value
		if err := unpack("__init__", args, kwargs, []string{"maxsize="}, &maxsize); err != nil {
			return nil, err
		}
		if maxsize == nil {
			maxsize = value.MakeInt(0)
		}
		max, ok := value.AsInt64(maxsize)
		if !ok {
			return nil, value.Errorf(value.TypeError, "'<=' not supported between instances of '%s' and 'int'", maxsize.Type().Name)
		}
		q := self.(*Queue)
		q.maxsize, q.max = maxsize, max
		return value.None, nil
	},
	"qsize": noArgs("qsize", func(th value.Thread, self value.Value) (value.Value, error) {
		return value.MakeInt(int64(self.(*Queue).qsize())), nil
	}),
	"empty": noArgs("empty", func(th value.Thread, self value.Value) (value.Value, error) {
		return value.Bool(self.(*Queue).qsize() == 0), nil
	}),
	"full": noArgs("full", func(th value.Thread, self value.Value) (value.Value, error) {
		return value.Bool(self.(*Queue).full()), nil
	}),
	"put":  queueOpMethod(opPut),
	"get":  queueOpMethod(opGet),
	"join": queueOpMethod(opJoin),
	"put_nowait": func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var item value.Value
		if err := unpack("put_nowait", args, kwargs, []string{"item"}, &item); err != nil {
			return nil, err
		}
		return value.None, self.(*Queue).putNowait(th, item)
	},
	"get_nowait": noArgs("get_nowait", func(th value.Thread, self value.Value) (value.Value, error) {
		return self.(*Queue).getNowait(th)
	}),
	"task_done": noArgs("task_done", func(th value.Thread, self value.Value) (value.Value, error) {
		return value.None, self.(*Queue).taskDone()
	}),
}
