package value

// GetAttr returns v.name.
func GetAttr(th Thread, v Value, name string) (Value, error) {
	return getAttrHash(th, v, name, strHash(name))
}

// getAttrHash is GetAttr with the hash of name computed by the caller.
func getAttrHash(th Thread, v Value, name string, h int64) (Value, error) {
	switch v := v.(type) {
	case *Module:
		if x := v.Globals.getStrHash(name, h); x != nil {
			return x, nil
		}
		if name == "__name__" {
			return MakeString(v.Name), nil
		}
		return nil, Errorf(AttributeError, "module '%s' has no attribute '%s'", v.Name, name)
	case *Class:
		return classGetAttr(th, v, name, h)
	case *Super:
		return superGetAttr(th, v, name)
	}
	cls := v.Type()
	attr := cls.lookupHash(name, h)
	if p, ok := attr.(*Property); ok {
		return p.Get(th, v, cls)
	}
	if isDataDescriptor(attr) {
		return descriptorGet(th, attr, v, cls)
	}
	if d := instanceDict(v); d != nil {
		if x := d.getStrHash(name, h); x != nil {
			return x, nil
		}
		if name == "__dict__" {
			return d, nil
		}
	}
	switch v := v.(type) {
	case *Exception:
		if x, ok := v.Attrs[name]; ok {
			return x, nil
		}
		if x := exceptionAttr(v, name); x != nil {
			return x, nil
		}
	}
	if attr != nil {
		return descriptorGet(th, attr, v, cls)
	}
	if x := specialAttr(v, name); x != nil {
		return x, nil
	}
	if c := userClass(v); c != nil {
		if fn := c.lookupUser("__getattr__"); fn != nil {
			return callMethod(th, v, fn, []Value{MakeString(name)}, nil)
		}
	}
	return nil, Errorf(AttributeError, "'%s' object has no attribute '%s'", cls.Name, name)
}

// specialAttr returns the attributes every object or builtin function has.
func specialAttr(v Value, name string) Value {
	switch name {
	case "__class__":
		return v.Type()
	case "__name__":
		switch v := v.(type) {
		case *Builtin:
			return MakeString(v.name)
		case *BoundMethod:
			if c, ok := v.Func.(Callable); ok {
				return MakeString(c.Name())
			}
		}
	case "__self__":
		switch v := v.(type) {
		case *Builtin:
			if v.self != nil {
				return v.self
			}
		case *BoundMethod:
			return v.Self
		}
	case "__func__":
		if m, ok := v.(*BoundMethod); ok {
			return m.Func
		}
	case "fget", "fset", "fdel":
		if p, ok := v.(*Property); ok {
			f := map[string]Value{"fget": p.Fget, "fset": p.Fset, "fdel": p.Fdel}[name]
			if f == nil {
				return None
			}
			return f
		}
	case "start", "stop", "step":
		switch v := v.(type) {
		case *Range:
			return MakeInt(map[string]int64{"start": v.Start, "stop": v.Stop, "step": v.Step}[name])
		case *Slice:
			x := map[string]Value{"start": v.Start, "stop": v.Stop, "step": v.Step}[name]
			if x == nil {
				return None
			}
			return x
		}
	case "real", "numerator":
		if isInt(v) {
			return intValue(v)
		}
		if f, ok := v.(Float); ok && name == "real" {
			return f
		}
	case "imag":
		if isInt(v) {
			return MakeInt(0)
		}
		if _, ok := v.(Float); ok {
			return Float(0)
		}
	case "denominator":
		if isInt(v) {
			return MakeInt(1)
		}
	}
	return nil
}

// intValue returns an int or bool as an int.
func intValue(v Value) Value {
	if b, ok := v.(Bool); ok {
		if b {
			return MakeInt(1)
		}
		return MakeInt(0)
	}
	return v
}

// exceptionAttr returns the builtin attributes of exceptions.
func exceptionAttr(e *Exception, name string) Value {
	orNone := func(x *Exception) Value {
		if x == nil {
			return None
		}
		return x
	}
	switch name {
	case "args":
		return Tuple(e.Args)
	case "__cause__":
		return orNone(e.Cause)
	case "__context__":
		return orNone(e.Context)
	case "__suppress_context__":
		return Bool(e.SuppressContext)
	case "__traceback__":
		return None
	case "message":
		if e.group != nil {
			return e.group.msg
		}
	case "exceptions":
		if e.group != nil {
			return e.group.exceptionsTuple()
		}
	case "errno", "strerror", "filename", "filename2":
		if e.Class.IsSubclass(OSError) {
			return None
		}
	case "value":
		if e.Class.IsSubclass(StopIteration) || e.Class.IsSubclass(StopAsyncIteration) {
			if len(e.Args) > 0 {
				return e.Args[0]
			}
			return None
		}
	case "code":
		if e.Class.IsSubclass(SystemExit) {
			switch len(e.Args) {
			case 0:
				return None
			case 1:
				return e.Args[0]
			}
			return Tuple(e.Args)
		}
	}
	return nil
}

// isDataDescriptor reports whether v is an instance of a script class
// defining __set__ or __delete__.
func isDataDescriptor(v Value) bool {
	c := userClass(v)
	return c != nil && (c.lookupUser("__set__") != nil || c.lookupUser("__delete__") != nil)
}

// hasDunder reports whether v is an instance of a script class defining
// the method name.
func hasDunder(v Value, name string) bool {
	c := userClass(v)
	return c != nil && c.lookupUser(name) != nil
}

// descriptorGet returns the value of a class attribute read through obj
// (nil when read through the class itself): Descriptor.Get, a script
// __get__, or the attribute itself.
func descriptorGet(th Thread, attr, obj Value, cls *Class) (Value, error) {
	if d, ok := attr.(Descriptor); ok {
		return d.Get(th, obj, cls)
	}
	if hasDunder(attr, "__get__") {
		if obj == nil {
			obj = None
		}
		r, _, err := callDunder(th, attr, "__get__", obj, cls)
		return r, err
	}
	return attr, nil
}

func classGetAttr(th Thread, c *Class, name string, h int64) (Value, error) {
	if attr := c.lookupHash(name, h); attr != nil {
		return descriptorGet(th, attr, nil, c)
	}
	switch name {
	case "__name__":
		return MakeString(c.Name), nil
	case "__qualname__":
		return MakeString(c.qualifiedName()), nil
	case "__module__":
		return MakeString(c.Module), nil
	case "__bases__":
		if c.Base == nil {
			return EmptyTuple, nil
		}
		if c == ExceptionGroup {
			return Tuple{BaseExceptionGroup, ExceptionClass}, nil
		}
		return Tuple{c.Base}, nil
	case "__base__":
		if c.Base == nil {
			return None, nil
		}
		return c.Base, nil
	case "__mro__":
		var mro Tuple
		for k := c; k != nil; k = k.Base {
			mro = append(mro, k)
			if k == ExceptionGroup {
				mro = append(mro, BaseExceptionGroup)
			}
		}
		return mro, nil
	case "__doc__":
		return None, nil
	case "__class__":
		return TypeType, nil
	case "__dict__":
		return c.Dict.Copy(), nil
	}
	return nil, Errorf(AttributeError, "type object '%s' has no attribute '%s'", c.Name, name)
}

func superGetAttr(th Thread, s *Super, name string) (Value, error) {
	start := s.Self.Type()
	if c, ok := s.Self.(*Class); ok {
		start = c
	}
	found := false
	for k := start; k != nil; k = k.Base {
		if !found {
			found = k == s.Class
			continue
		}
		if k.Dict == nil {
			continue
		}
		attr := k.Dict.getStr(name)
		if attr == nil {
			continue
		}
		d, ok := attr.(Descriptor)
		if !ok {
			return attr, nil
		}
		if c, ok := s.Self.(*Class); ok {
			return d.Get(th, nil, c)
		}
		return d.Get(th, s.Self, start)
	}
	if name == "__class__" {
		return SuperType, nil
	}
	return nil, Errorf(AttributeError, "'super' object has no attribute '%s'", name)
}

// SetAttr performs v.name = x.
func SetAttr(th Thread, v Value, name string, x Value) error {
	switch v := v.(type) {
	case *Module:
		v.Globals.SetString(name, x)
		return nil
	case *Class:
		if !v.mutable {
			return Errorf(TypeError, "cannot set '%s' attribute of immutable type '%s'", name, v.Name)
		}
		v.Dict.SetString(name, x)
		classEpoch.Add(1)
		return nil
	}
	cls := v.Type()
	attr := cls.Lookup(name)
	if p, ok := attr.(*Property); ok {
		if p.Fset == nil {
			return Errorf(AttributeError, "property '%s' of '%s' object has no setter", name, cls.Name)
		}
		_, err := Call(th, p.Fset, []Value{v, x}, nil)
		return err
	}
	if hasDunder(attr, "__set__") {
		_, _, err := callDunder(th, attr, "__set__", v, x)
		return err
	}
	if c := userClass(v); c != nil {
		if fn := c.lookupUser("__setattr__"); fn != nil {
			_, err := callMethod(th, v, fn, []Value{MakeString(name), x}, nil)
			return err
		}
	}
	return setAttrDirect(th, v, name, x)
}

// setAttrDirect is object.__setattr__: it stores into the instance.
func setAttrDirect(th Thread, v Value, name string, x Value) error {
	if d := instanceDict(v); d != nil {
		d.SetString(name, x)
		if o, ok := v.(*Instance); ok {
			o.Class.noteAttrs(d.used)
		}
		return nil
	}
	if e, ok := v.(*Exception); ok {
		return setExceptionAttr(th, e, name, x)
	}
	cls := v.Type()
	if _, ok := cls.Lookup(name).(*Builtin); ok {
		return Errorf(AttributeError, "'%s' object attribute '%s' is read-only", cls.Name, name)
	}
	if specialAttr(v, name) != nil {
		return Errorf(AttributeError, "attribute '%s' of '%s' objects is not writable", name, cls.Name)
	}
	return Errorf(AttributeError, "'%s' object has no attribute '%s'", cls.Name, name)
}

func setExceptionAttr(th Thread, e *Exception, name string, x Value) error {
	asExc := func() (*Exception, error) {
		if x == None {
			return nil, nil
		}
		if ex, ok := x.(*Exception); ok {
			return ex, nil
		}
		return nil, Errorf(TypeError, "exception %s must be None or derive from BaseException", name)
	}
	var err error
	switch name {
	case "args":
		var items []Value
		items, err = Collect(th, x)
		e.Args = items
	case "__cause__":
		e.Cause, err = asExc()
		e.SuppressContext = true
	case "__context__":
		e.Context, err = asExc()
	case "__suppress_context__":
		e.SuppressContext = x == True
	case "__traceback__":
	case "message", "exceptions":
		if e.group != nil {
			return Errorf(AttributeError, "readonly attribute")
		}
		fallthrough
	default:
		if e.Attrs == nil {
			e.Attrs = make(map[string]Value)
		}
		e.Attrs[name] = x
	}
	return err
}

// DelAttr performs del v.name.
func DelAttr(th Thread, v Value, name string) error {
	cls := v.Type()
	attr := cls.Lookup(name)
	if p, ok := attr.(*Property); ok {
		if p.Fdel == nil {
			return Errorf(AttributeError, "property '%s' of '%s' object has no deleter", name, cls.Name)
		}
		_, err := Call(th, p.Fdel, []Value{v}, nil)
		return err
	}
	if hasDunder(attr, "__delete__") {
		_, _, err := callDunder(th, attr, "__delete__", v)
		return err
	}
	if c := userClass(v); c != nil {
		if fn := c.lookupUser("__delattr__"); fn != nil {
			_, err := callMethod(th, v, fn, []Value{MakeString(name)}, nil)
			return err
		}
	}
	if d := instanceDict(v); d != nil {
		if _, ok, _ := d.Delete(th, MakeString(name)); ok {
			return nil
		}
	}
	switch v := v.(type) {
	case *Exception:
		if _, ok := v.Attrs[name]; ok {
			delete(v.Attrs, name)
			return nil
		}
	case *Module:
		if _, ok, _ := v.Globals.Delete(th, MakeString(name)); ok {
			return nil
		}
		return Errorf(AttributeError, "module '%s' has no attribute '%s'", v.Name, name)
	case *Class:
		if !v.mutable {
			return Errorf(TypeError, "cannot set '%s' attribute of immutable type '%s'", name, v.Name)
		}
		if _, ok, _ := v.Dict.Delete(th, MakeString(name)); ok {
			classEpoch.Add(1)
			return nil
		}
		return Errorf(AttributeError, "type object '%s' has no attribute '%s'", v.Name, name)
	}
	return Errorf(AttributeError, "'%s' object has no attribute '%s'", cls.Name, name)
}
