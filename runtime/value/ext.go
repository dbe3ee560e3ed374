package value

// ext is what an instance of a script class deriving from list, dict or
// set adds to the container: its class and its attribute dictionary.
type ext struct {
	cls  *Class
	dict *Dict
}

func newExt(cls *Class) *ext { return &ext{cls: cls, dict: NewDict(0)} }

// class returns the script class, or def for a plain container.
func (e *ext) class(def *Class) *Class {
	if e == nil {
		return def
	}
	return e.cls
}

// userClass returns the script class of v, whose dunders operations must
// honour, or nil for values of builtin classes.
func userClass(v Value) *Class {
	switch v := v.(type) {
	case String, Int, Float, Bool, NoneType, Tuple:
		return nil // the common values, before the interface case
	case *Instance:
		return v.Class
	case *Exception:
		if v.Class.Module != "builtins" {
			return v.Class
		}
	case *List:
		if v.ext != nil {
			return v.ext.cls
		}
	case *Dict:
		if v.ext != nil {
			return v.ext.cls
		}
	case *Set:
		if v.ext != nil {
			return v.ext.cls
		}
	case Extensible:
		if v.InstanceDict() != nil {
			return v.Type()
		}
	}
	return nil
}

// instanceDict returns the attribute dictionary of an instance of a
// script class, or nil.
func instanceDict(v Value) *Dict {
	switch v := v.(type) {
	case *Instance:
		return v.Dict
	case *List:
		if v.ext != nil {
			return v.ext.dict
		}
	case *Dict:
		if v.ext != nil {
			return v.ext.dict
		}
	case *Set:
		if v.ext != nil {
			return v.ext.dict
		}
	case Extensible:
		return v.InstanceDict()
	}
	return nil
}

// derivable reports whether script classes may derive from c: script
// classes, object, the exceptions, list, dict and set.
func derivable(c *Class) bool {
	if c.Module != "builtins" {
		return true
	}
	switch c {
	case ObjectType, ListType, DictType, SetType:
		return true
	}
	return c.IsSubclass(BaseExceptionClass)
}

// initDerived initialises a new instance of a script class deriving from a
// builtin container: with the class's __init__ if it has one, otherwise
// with the builtin's initialisation, init.
func initDerived(th Thread, cls *Class, obj Value, args []Value, kwargs []Kwarg, init func() error) error {
	if cls.lookupUser("__init__") != nil {
		return initInstance(th, cls, obj, args, kwargs)
	}
	return init()
}
