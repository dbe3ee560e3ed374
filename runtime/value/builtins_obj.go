package value

// The builtin functions on objects, classes and attributes.

// classInfo checks the second argument of isinstance and issubclass and
// reports whether c matches it.
func classInfo(fname string, c *Class, info Value) (bool, error) {
	switch i := info.(type) {
	case *Class:
		return c.IsSubclass(i), nil
	case Tuple:
		for _, x := range i {
			ok, err := classInfo(fname, c, x)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return false, Errorf(TypeError, "%s() arg 2 must be a type, a tuple of types, or a union", fname)
}

func builtinIsInstance(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("isinstance", args, kwargs, 2, 2); err != nil {
		return nil, err
	}
	ok, err := classInfo("isinstance", args[0].Type(), args[1])
	return Bool(ok), err
}

func builtinIsSubclass(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("issubclass", args, kwargs, 2, 2); err != nil {
		return nil, err
	}
	c, ok := args[0].(*Class)
	if !ok {
		return nil, Errorf(TypeError, "issubclass() arg 1 must be a class")
	}
	ok, err := classInfo("issubclass", c, args[1])
	return Bool(ok), err
}

// isAttributeError reports whether err is an AttributeError.
func isAttributeError(err error) bool {
	e, ok := err.(*Exception)
	return ok && e.Class.IsSubclass(AttributeError)
}

func attrName(fname string, v Value) (string, error) {
	s, ok := v.(String)
	if !ok {
		return "", Errorf(TypeError, "attribute name must be string, not '%s'", v.Type().Name)
	}
	return s.s, nil
}

func builtinHasAttr(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("hasattr", args, kwargs, 2, 2); err != nil {
		return nil, err
	}
	name, err := attrName("hasattr", args[1])
	if err != nil {
		return nil, err
	}
	if _, err := GetAttr(th, args[0], name); err != nil {
		if isAttributeError(err) {
			return False, nil
		}
		return nil, err
	}
	return True, nil
}

func builtinGetAttr(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("getattr", args, kwargs, 2, 3); err != nil {
		return nil, err
	}
	name, err := attrName("getattr", args[1])
	if err != nil {
		return nil, err
	}
	v, err := GetAttr(th, args[0], name)
	if err != nil && len(args) == 3 && isAttributeError(err) {
		return args[2], nil
	}
	return v, err
}

func builtinSetAttr(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("setattr", args, kwargs, 3, 3); err != nil {
		return nil, err
	}
	name, err := attrName("setattr", args[1])
	if err != nil {
		return nil, err
	}
	return None, SetAttr(th, args[0], name, args[2])
}

func builtinDelAttr(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("delattr", args, kwargs, 2, 2); err != nil {
		return nil, err
	}
	name, err := attrName("delattr", args[1])
	if err != nil {
		return nil, err
	}
	return None, DelAttr(th, args[0], name)
}

func builtinHash(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkOneArg("hash", args, kwargs, 0); err != nil {
		return nil, err
	}
	h, err := Hash(th, args[0])
	return MakeInt(h), err
}

func builtinCallable(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkOneArg("callable", args, kwargs, 0); err != nil {
		return nil, err
	}
	return Bool(IsCallable(args[0])), nil
}

func builtinID(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkOneArg("id", args, kwargs, 0); err != nil {
		return nil, err
	}
	if p := identity(args[0]); p != 0 {
		return MakeInt(int64(p)), nil
	}
	h, err := Hash(th, args[0])
	return MakeInt(h), err
}
