package value

import "sort"

// addMethods installs Go methods in a builtin class's dictionary, in name
// order. The methods must keep no reference to their args slice (see
// Builtin.Borrows).
func addMethods(cls *Class, methods map[string]BuiltinFunc) {
	names := make([]string, 0, len(methods))
	for name := range methods {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		cls.Dict.SetString(name, &Builtin{name: name, fn: methods[name], recv: cls, borrows: true})
	}
}

func init() {
	ObjectType.ctor = newObject
	BaseExceptionClass.ctor = newExceptionValue
	addMethods(ObjectType, map[string]BuiltinFunc{
		"__init__": func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if len(args) > 1 || len(kwargs) > 0 {
				return nil, Errorf(TypeError, "object.__init__() takes exactly one argument (the instance to initialize)")
			}
			return None, nil
		},
		"__repr__": func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkNoArgs("object.__repr__", args, kwargs); err != nil {
				return nil, err
			}
			s, err := baseRepr(th, args[0])
			return MakeString(s), err
		},
		"__str__": func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkNoArgs("object.__str__", args, kwargs); err != nil {
				return nil, err
			}
			s, err := Repr(th, args[0])
			return MakeString(s), err
		},
		"__eq__": func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkOneArg("object.__eq__", args, kwargs, 1); err != nil {
				return nil, err
			}
			if Is(args[0], args[1]) {
				return True, nil
			}
			return NotImplemented, nil
		},
		"__ne__": func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkOneArg("object.__ne__", args, kwargs, 1); err != nil {
				return nil, err
			}
			if Is(args[0], args[1]) {
				return False, nil
			}
			return NotImplemented, nil
		},
		"__hash__": func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkNoArgs("object.__hash__", args, kwargs); err != nil {
				return nil, err
			}
			h, err := baseHash(th, args[0])
			return MakeInt(h), err
		},
		"__setattr__": func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkArgs("__setattr__", args[1:], kwargs, 2, 2); err != nil {
				return nil, err
			}
			name, err := asStr("__setattr__", args[1], "1")
			if err != nil {
				return nil, err
			}
			return None, setAttrDirect(th, args[0], name, args[2])
		},
		"__getattribute__": func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkArgs("__getattribute__", args[1:], kwargs, 1, 1); err != nil {
				return nil, err
			}
			name, err := asStr("__getattribute__", args[1], "1")
			if err != nil {
				return nil, err
			}
			return GetAttr(th, args[0], name)
		},
	})
	addMethods(BaseExceptionClass, map[string]BuiltinFunc{
		"__init__": func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			e, ok := args[0].(*Exception)
			if !ok {
				return nil, Errorf(TypeError, "descriptor '__init__' requires a 'BaseException' object")
			}
			e.Args = append([]Value(nil), args[1:]...)
			return None, nil
		},
		"__str__": func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkNoArgs("BaseException.__str__", args, kwargs); err != nil {
				return nil, err
			}
			s, err := exceptionStr(th, args[0].(*Exception))
			return MakeString(s), err
		},
		"__repr__": func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkNoArgs("BaseException.__repr__", args, kwargs); err != nil {
				return nil, err
			}
			s, err := exceptionRepr(th, args[0].(*Exception))
			return MakeString(s), err
		},
		"with_traceback": func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if err := checkOneArg("BaseException.with_traceback", args, kwargs, 1); err != nil {
				return nil, err
			}
			return args[0], nil
		},
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
