package value

import (
	"slices"
	"strings"
)

// A method is a Go method of a builtin class, for addMethods. Method
// tables are slices rather than maps: a map literal is built by code at
// start-up, hashing every name, and addMethods would sort its keys again.
type method struct {
	name string
	fn   BuiltinFunc
}

// addMethods installs Go methods in a builtin class's dictionary, in name
// order (it sorts methods). The methods must keep no reference to their
// args slice (see Builtin.Borrows). It makes room in the dictionary once,
// and the Builtins in one array.
func addMethods(cls *Class, methods []method) {
	slices.SortFunc(methods, func(a, b method) int { return strings.Compare(a.name, b.name) })
	d := cls.Dict
	if len(d.entries)+len(methods) > cap(d.entries) {
		d.entries, _ = grow(nil, d.entries, len(methods))
	}
	if (d.used+len(methods))*3 > len(d.index)*2 {
		_ = d.rebuild(nil, d.used+len(methods))
	}
	fns := make([]Builtin, len(methods))
	for i, m := range methods {
		fns[i] = Builtin{name: m.name, fn: m.fn, recv: cls, borrows: true}
		d.SetString(m.name, &fns[i])
	}
}

func init() {
	ObjectType.ctor = newObject
	BaseExceptionClass.ctor = newExceptionValue
	addMethods(ObjectType, []method{
		{"__init__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if len(args) > 1 || len(kwargs) > 0 {
				return nil, Errorf(TypeError, "object.__init__() takes exactly one argument (the instance to initialize)")
			}
			return None, nil
		}},
		{"__repr__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkNoArgs("object.__repr__", args, kwargs); err != nil {
				return nil, err
			}
			s, err := baseRepr(th, args[0])
			return MakeString(s), err
		}},
		{"__str__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkNoArgs("object.__str__", args, kwargs); err != nil {
				return nil, err
			}
			s, err := Repr(th, args[0])
			return MakeString(s), err
		}},
		{"__eq__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkOneArg("object.__eq__", args, kwargs, 1); err != nil {
				return nil, err
			}
			if Is(args[0], args[1]) {
				return True, nil
			}
			return NotImplemented, nil
		}},
		{"__ne__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkOneArg("object.__ne__", args, kwargs, 1); err != nil {
				return nil, err
			}
			if Is(args[0], args[1]) {
				return False, nil
			}
			return NotImplemented, nil
		}},
		{"__hash__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkNoArgs("object.__hash__", args, kwargs); err != nil {
				return nil, err
			}
			h, err := baseHash(th, args[0])
			return MakeInt(h), err
		}},
		{"__setattr__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkArgs("__setattr__", args[1:], kwargs, 2, 2); err != nil {
				return nil, err
			}
			name, err := asStr("__setattr__", args[1], "1")
			if err != nil {
				return nil, err
			}
			return None, setAttrDirect(th, args[0], name, args[2])
		}},
		{"__getattribute__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkArgs("__getattribute__", args[1:], kwargs, 1, 1); err != nil {
				return nil, err
			}
			name, err := asStr("__getattribute__", args[1], "1")
			if err != nil {
				return nil, err
			}
			return GetAttr(th, args[0], name)
		}},
	})
	addMethods(BaseExceptionClass, []method{
		{"__init__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			e, ok := args[0].(*Exception)
			if !ok {
				return nil, Errorf(TypeError, "descriptor '__init__' requires a 'BaseException' object")
			}
			e.Args = append([]Value(nil), args[1:]...)
			return None, nil
		}},
		{"__str__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkNoArgs("BaseException.__str__", args, kwargs); err != nil {
				return nil, err
			}
			s, err := exceptionStr(th, args[0].(*Exception))
			return MakeString(s), err
		}},
		{"__repr__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkNoArgs("BaseException.__repr__", args, kwargs); err != nil {
				return nil, err
			}
			s, err := exceptionRepr(th, args[0].(*Exception))
			return MakeString(s), err
		}},
		{"with_traceback", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkOneArg("BaseException.with_traceback", args, kwargs, 1); err != nil {
				return nil, err
			}
			return args[0], nil
		}},
	})
}

// newObject makes an instance of object or of a script class and runs its
// __init__.
func newObject(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	obj := newInstance(cls)
	return obj, initInstance(th, cls, obj, args, kwargs)
}

// initInstance runs the script __init__ of a new instance, if any.
func initInstance(th Thread, cls *Class, obj Value, args []Value, kwargs []Kwarg) error {
	init := cls.lookupUserHash("__init__", initHash)
	if init == nil {
		if (len(args) > 0 || len(kwargs) > 0) && !cls.IsSubclass(BaseExceptionClass) {
			if cls == ObjectType {
				return Errorf(TypeError, "object() takes no arguments")
			}
			return Errorf(TypeError, "%s() takes no arguments", cls.Name)
		}
		return nil
	}
	r, err := callMethod(th, obj, init, args, kwargs)
	if err != nil {
		return err
	}
	return CheckInit(r)
}

// newExceptionValue makes an instance of an exception class.
func newExceptionValue(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	e := &Exception{Class: cls, Args: append([]Value(nil), args...)}
	if len(kwargs) > 0 && cls.lookupUser("__init__") == nil {
		return nil, Errorf(TypeError, "%s() takes no keyword arguments", cls.Name)
	}
	return e, initInstance(th, cls, e, args, kwargs)
}
