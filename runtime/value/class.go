package value

import "fmt"

// Class is a class: a builtin type such as int or a user-defined class.
// Classes are values; calling one makes an instance.
type Class struct {
	Name   string
	Module string // "builtins" for builtin types, "__main__" for script classes
	Base   *Class // the single base class; nil only for object
	// Dict holds the class attributes in definition order.
	Dict *Dict

	// qualname is the dotted path of a nested class ("Outer.Inner"), or
	// "" for Name.
	qualname string

	// ctor makes an instance of a builtin class (and of script classes
	// deriving from one); nil means "inherit from Base".
	ctor func(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error)

	// borrows is set for builtin classes whose ctor keeps no reference
	// to its args slice (see Borrows).
	borrows bool

	// mutable is set for classes a script defines (NewClass). Classes
	// defined in Go are shared by every interpreter of the process, so
	// scripts may not change them.
	mutable bool

	// attrs is how many attributes the instances of a script class have
	// had (up to maxInlineAttrs): new instances are made with room for
	// them.
	attrs int
	// hooks caches the script methods of the MRO that making instances
	// and storing attributes look for (script classes only).
	hooks *hooks
}

// Borrows reports whether calling c keeps no reference to the args
// slice (value.Borrower): true for the builtin classes most called to
// convert a value (int, float, bool, str, tuple, range, enumerate), so
// that the VM passes them its value stack instead of a copy.
func (c *Class) Borrows() bool { return c.borrows }

// Mutable reports whether c is a class a script defined (NewClass), as
// opposed to one defined in Go: its instances may have attributes of
// their own, and its attributes may change.
func (c *Class) Mutable() bool { return c.mutable }

// Type returns the class of classes, type.
func (c *Class) Type() *Class { return TypeType }

// IsSubclass reports whether c is base or derives from it.
func (c *Class) IsSubclass(base *Class) bool {
	for k := c; k != nil; k = k.Base {
		if k == base {
			return true
		}
	}
	// ExceptionGroup's other base.
	return base == BaseExceptionGroup && c.IsSubclass(ExceptionGroup)
}

// Lookup finds name in the class dictionaries along the MRO, without
// descriptor binding. It returns nil when absent.
func (c *Class) Lookup(name string) Value { return c.lookupHash(name, strHash(name)) }

// lookupHash is Lookup with the hash of name computed by the caller.
func (c *Class) lookupHash(name string, h int64) Value {
	for k := c; k != nil; k = k.Base {
		if k.Dict != nil {
			if v := k.Dict.getStrHash(name, h); v != nil {
				return v
			}
		}
	}
	return nil
}

// QualName returns the name CPython shows in reprs: "int" for builtins,
// "__main__.C" or "__main__.Outer.Inner" for other classes.
func (c *Class) QualName() string {
	if c.Module == "builtins" || c.Module == "" {
		return c.Name
	}
	return c.Module + "." + c.qualifiedName()
}

// qualifiedName returns __qualname__.
func (c *Class) qualifiedName() string {
	if c.qualname != "" {
		return c.qualname
	}
	return c.Name
}

// Call makes an instance of the class.
func (c *Class) Call(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	for k := c; k != nil; k = k.Base {
		if k.ctor != nil {
			return k.ctor(th, c, args, kwargs)
		}
	}
	return nil, Errorf(TypeError, "cannot create '%s' instances", c.Name)
}

// NewClass makes a script class with the given bases (classes; at most one)
// and attribute dictionary. A "__module__" entry in dict sets the module;
// it defaults to "__main__"; a "__qualname__" entry gives the dotted name
// of a nested class. Like CPython it sets __hash__ to None in a
// class that defines __eq__ but not __hash__, calls __set_name__ on the
// attributes that have it, and calls the bases' __init_subclass__
// (without keyword arguments).
func NewClass(th Thread, name string, bases []Value, dict *Dict) (*Class, error) {
	base := ObjectType
	switch len(bases) {
	case 0:
	case 1:
		b, ok := bases[0].(*Class)
		if !ok {
			return nil, Errorf(TypeError, "bases must be types")
		}
		if !derivable(b) {
			return nil, Errorf(TypeError, "type '%s' is not an acceptable base type", b.Name)
		}
		base = b
	default:
		return nil, Errorf(TypeError, "multiple inheritance is not supported")
	}
	if dict == nil {
		dict = NewDict(0)
	}
	if _, ok := dict.GetString("__eq__"); ok {
		if _, ok := dict.GetString("__hash__"); !ok {
			dict.SetString("__hash__", None)
		}
	}
	module := "__main__"
	if m, ok := dict.getStr("__module__").(String); ok {
		module = m.s
	}
	cls := &Class{Name: name, Module: module, Base: base, Dict: dict, mutable: true}
	if q, ok := dict.getStr("__qualname__").(String); ok && q.s != name {
		cls.qualname = q.s
	}
	for _, kv := range dict.Items() {
		if hasDunder(kv[1], "__set_name__") {
			if _, _, err := callDunder(th, kv[1], "__set_name__", cls, kv[0]); err != nil {
				return nil, err
			}
		}
	}
	if hook := base.lookupUser("__init_subclass__"); hook != nil {
		if cm, ok := hook.(*ClassMethod); ok {
			hook = cm.Func
		}
		if _, err := Call(th, hook, []Value{cls}, nil); err != nil {
			return nil, err
		}
	}
	return cls, nil
}

// newBuiltinClass makes a builtin class with an empty dictionary.
func newBuiltinClass(name string, base *Class) *Class {
	return &Class{Name: name, Module: "builtins", Base: base, Dict: NewDict(0)}
}

// String returns the class's repr, as <class 'int'>.
func (c *Class) String() string { return fmt.Sprintf("<class '%s'>", c.QualName()) }
