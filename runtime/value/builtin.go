package value

import "fmt"

// BuiltinFunc is the Go implementation of a builtin function or method.
// For a method, args[0] is the receiver.
type BuiltinFunc func(th Thread, args []Value, kwargs []Kwarg) (Value, error)

// Builtin is a function implemented in Go: a builtin function such as len,
// or a method of a builtin class (unbound in the class dictionary, bound to
// its receiver when read through an instance).
type Builtin struct {
	name string
	fn   BuiltinFunc
	recv *Class // for methods: the class defining it
	self Value  // for bound methods: the receiver
	// borrows is set for the functions known to keep no reference to
	// their args slice once they return (the builtins and builtin type
	// methods of this package): the VM passes them its stack.
	borrows bool
}

// NewBuiltin returns a builtin function.
func NewBuiltin(name string, fn BuiltinFunc) *Builtin {
	return &Builtin{name: name, fn: fn}
}

// NewBorrowingBuiltin returns a builtin function that keeps no reference
// to its args slice once it returns, so that the VM may pass it its value
// stack instead of a copy (see Borrows).
func NewBorrowingBuiltin(name string, fn BuiltinFunc) *Builtin {
	return &Builtin{name: name, fn: fn, borrows: true}
}

// Borrows reports whether b may be called with an args slice that the
// caller reuses once the call returns (its value stack): b keeps no
// reference to the slice. Builtins made by NewBuiltin are not known to,
// and are passed a copy.
func (b *Builtin) Borrows() bool { return b.borrows }

// Unbound reports whether b is a method of a builtin type read from its
// class, which takes its receiver as first argument.
func (b *Builtin) Unbound() bool { return b.recv != nil && b.self == nil }

// A Borrower is a callable that may say it keeps no reference to its
// args slice once it returns (see Builtin.Borrows): the VM then passes it
// its value stack instead of a copy. Go-defined methods of other packages
// implement it.
type Borrower interface {
	Borrows() bool
}

// A MethodDescriptor is a method in the dictionary of a class defined in
// Go that may say it takes its receiver as first argument when called
// from the class (see Builtin.Unbound): for an instance of that very
// class, which has no attributes of its own to shadow it, the VM calls it
// with the receiver instead of making a bound method.
type MethodDescriptor interface {
	Unbound() bool
}

// Type returns builtin_function_or_method.
func (b *Builtin) Type() *Class { return BuiltinType }

// Name returns the function name; methods are qualified, as "list.append".
func (b *Builtin) Name() string {
	if b.recv != nil {
		return b.recv.Name + "." + b.name
	}
	return b.name
}

// Call calls the function.
func (b *Builtin) Call(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if b.self != nil {
		full := make([]Value, len(args)+1)
		full[0] = b.self
		copy(full[1:], args)
		args = full
	} else if b.recv != nil {
		if len(args) == 0 {
			return nil, Errorf(TypeError, "unbound method %s() needs an argument", b.Name())
		}
		if !args[0].Type().IsSubclass(b.recv) {
			return nil, Errorf(TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
				b.name, b.recv.Name, args[0].Type().Name)
		}
	}
	return b.fn(th, args, kwargs)
}

// Get binds a method to obj.
func (b *Builtin) Get(th Thread, obj Value, cls *Class) (Value, error) {
	if b.recv == nil || b.self != nil || obj == nil {
		return b, nil
	}
	return &Builtin{name: b.name, fn: b.fn, recv: b.recv, self: obj, borrows: b.borrows}, nil
}

func (b *Builtin) repr() string {
	switch {
	case b.self != nil:
		return fmt.Sprintf("<built-in method %s of %s object at %s>", b.name, b.self.Type().Name, addr(b.self))
	case b.recv != nil:
		return fmt.Sprintf("<method '%s' of '%s' objects>", b.name, b.recv.Name)
	}
	return fmt.Sprintf("<built-in function %s>", b.name)
}

// BoundMethod is a script function bound to an instance.
type BoundMethod struct {
	Self Value
	Func Value
}

// Type returns method.
func (m *BoundMethod) Type() *Class { return MethodType }

// Name returns the function's name.
func (m *BoundMethod) Name() string {
	if c, ok := m.Func.(Callable); ok {
		return c.Name()
	}
	return "method"
}

// Call calls the function with Self prepended to args.
func (m *BoundMethod) Call(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	full := make([]Value, len(args)+1)
	full[0] = m.Self
	copy(full[1:], args)
	return Call(th, m.Func, full, kwargs)
}

// Property is the result of the property decorator.
type Property struct {
	Fget, Fset, Fdel Value // nil when absent
}

// Type returns property.
func (*Property) Type() *Class { return PropertyType }

// Get calls the getter; read through the class it returns the property.
func (p *Property) Get(th Thread, obj Value, cls *Class) (Value, error) {
	if obj == nil {
		return p, nil
	}
	if p.Fget == nil {
		return nil, Errorf(AttributeError, "property object has no getter")
	}
	return Call(th, p.Fget, []Value{obj}, nil)
}

// StaticMethod is the result of the staticmethod decorator.
type StaticMethod struct{ Func Value }

// Type returns staticmethod.
func (*StaticMethod) Type() *Class { return StaticMethodType }

// Get returns the function unbound.
func (s *StaticMethod) Get(th Thread, obj Value, cls *Class) (Value, error) { return s.Func, nil }

// ClassMethod is the result of the classmethod decorator.
type ClassMethod struct{ Func Value }

// Type returns classmethod.
func (*ClassMethod) Type() *Class { return ClassMethodType }

// Get binds the function to the class.
func (c *ClassMethod) Get(th Thread, obj Value, cls *Class) (Value, error) {
	if cls == nil {
		cls = obj.Type()
	}
	return &BoundMethod{Self: cls, Func: c.Func}, nil
}

// Super is the result of super(): attribute lookup starting after Class in
// the MRO of Self's class.
type Super struct {
	Class *Class
	Self  Value
}

// NewSuper returns super(cls, self). The VM supplies both for the zero
// argument form.
func NewSuper(cls *Class, self Value) Value { return &Super{Class: cls, Self: self} }

// Type returns super.
func (*Super) Type() *Class { return SuperType }
