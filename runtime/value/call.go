package value

// Call calls fn with positional and keyword arguments: builtins, script
// functions, bound methods, classes and instances with __call__.
func Call(th Thread, fn Value, args []Value, kwargs []Kwarg) (Value, error) {
	switch f := fn.(type) {
	case *Builtin:
		return f.Call(th, args, kwargs)
	case *Class:
		return f.Call(th, args, kwargs)
	case Callable:
		return f.Call(th, args, kwargs)
	case *Instance:
		if m := f.Class.lookupUser("__call__"); m != nil {
			return callMethod(th, f, m, args, kwargs)
		}
	}
	return nil, Errorf(TypeError, "'%s' object is not callable", fn.Type().Name)
}

// IsCallable reports whether Call accepts v.
func IsCallable(v Value) bool {
	switch v := v.(type) {
	case Callable, *Class:
		return true
	case *Instance:
		return v.Class.lookupUser("__call__") != nil
	}
	return false
}

// lookupUser finds name in the script classes of c's MRO, stopping at the
// first builtin class: it finds the dunders a script defined.
func (c *Class) lookupUser(name string) Value { return c.lookupUserHash(name, strHash(name)) }

// lookupUserHash is lookupUser with the hash of name computed by the
// caller.
func (c *Class) lookupUserHash(name string, h int64) Value {
	for k := c; k != nil && k.Module != "builtins"; k = k.Base {
		if k.Dict != nil {
			if v := k.Dict.getStrHash(name, h); v != nil {
				return v
			}
		}
	}
	return nil
}

// A Method is a callable that binds as a method (a script function):
// CallMethod calls it with self before args, without making the bound
// method.
type Method interface {
	Callable
	CallMethod(th Thread, self Value, args []Value, kwargs []Kwarg) (Value, error)
}

// callMethod calls fn, an attribute found in self's class, as a method of
// self.
func callMethod(th Thread, self, fn Value, args []Value, kwargs []Kwarg) (Value, error) {
	if th == nil {
		// Only Exception.Error and Dict.SetString run without a thread,
		// and they reach script code only through contrived hashes.
		return nil, Errorf(SystemError, "script method called without a thread")
	}
	switch f := fn.(type) {
	case Method:
		return f.CallMethod(th, self, args, kwargs)
	case *Builtin:
		if f.recv != nil && f.self == nil {
			full := make([]Value, len(args)+1)
			full[0] = self
			copy(full[1:], args)
			return f.fn(th, full, kwargs)
		}
	case Descriptor:
		bound, err := f.Get(th, self, self.Type())
		if err != nil {
			return nil, err
		}
		return Call(th, bound, args, kwargs)
	}
	return Call(th, fn, args, kwargs)
}

// callDunder calls the script-defined dunder name of v, if any. It
// reports false when v's class does not define it.
func callDunder(th Thread, v Value, name string, args ...Value) (Value, bool, error) {
	cls := userClass(v)
	if cls == nil {
		return nil, false, nil
	}
	fn := cls.lookupUser(name)
	if fn == nil {
		return nil, false, nil
	}
	r, err := callMethod(th, v, fn, args, nil)
	return r, true, err
}
