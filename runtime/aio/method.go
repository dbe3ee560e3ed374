package aio

import (
	"fmt"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// methodFunc is the Go body of a method of one of the loop's classes.
type methodFunc func(th value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (value.Value, error)

// method is a method in the dictionary of one of the loop's classes: read
// through an instance it binds to it, like a script function.
type method struct {
	cls  *value.Class
	name string
	fn   methodFunc
	ok   func(value.Value) bool // whether a receiver has the Go type fn expects
}

// Type returns the class of builtin methods.
func (m *method) Type() *value.Class { return value.BuiltinType }

// Name returns "Class.name".
func (m *method) Name() string { return m.cls.Name + "." + m.name }

// Call calls the unbound method: args[0] is the receiver.
func (m *method) Call(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	if len(args) == 0 {
		return nil, value.Errorf(value.TypeError, "descriptor '%s' of '%s' object needs an argument", m.name, m.cls.Name)
	}
	if !m.ok(args[0]) {
		return nil, m.refuse(args[0])
	}
	return m.fn(th, args[0], args[1:], kwargs)
}

// Unbound reports that m, read from its class, takes the receiver as
// first argument (value.MethodDescriptor).
func (m *method) Unbound() bool { return true }

// Borrows reports that m keeps no reference to its args slice: the
// methods of the loop's classes copy what they keep (value.Borrower).
func (m *method) Borrows() bool { return true }

// check fails unless self is a value of the Go type the method works on.
func (m *method) check(self value.Value) error {
	if m.ok(self) {
		return nil
	}
	return m.refuse(self)
}

// refuse is the error of calling the method on self, a value of another
// type.
func (m *method) refuse(self value.Value) error {
	return value.Errorf(value.TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
		m.name, m.cls.Name, self.Type().Name)
}

// Get binds the method to obj.
func (m *method) Get(th value.Thread, obj value.Value, cls *value.Class) (value.Value, error) {
	if obj == nil {
		return m, nil
	}
	if err := m.check(obj); err != nil {
		return nil, err
	}
	if b, ok := obj.(binder); ok {
		return b.bound(m), nil
	}
	return &bound{m: m, self: obj}, nil
}

// binder is a receiver that keeps its bound methods, so that reading a
// method through it allocates nothing (queues, whose put and get are
// read once per item).
type binder interface {
	bound(m *method) *bound
}

// Repr returns the method's repr.
func (m *method) Repr(th value.Thread) (string, error) {
	return fmt.Sprintf("<method '%s' of '%s' objects>", m.name, m.cls.Name), nil
}

// bound is a method bound to its receiver.
type bound struct {
	m    *method
	self value.Value
}

// Type returns the class of builtin methods.
func (b *bound) Type() *value.Class { return value.BuiltinType }

// Name returns "Class.name".
func (b *bound) Name() string { return b.m.Name() }

// Call calls the method on its receiver.
func (b *bound) Call(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	return b.m.fn(th, b.self, args, kwargs)
}

// Borrows reports that b keeps no reference to its args slice, as its
// method does not.
func (b *bound) Borrows() bool { return true }

// Repr returns the bound method's repr.
func (b *bound) Repr(th value.Thread) (string, error) {
	s, err := value.Repr(th, b.self)
	return fmt.Sprintf("<built-in method %s of %s>", b.m.name, s), err
}

// Equal reports whether two bound methods have the same method and
// receiver, as Python's == on bound methods.
func (b *bound) Equal(o value.Value) bool {
	c, ok := o.(*bound)
	return ok && c.m == b.m && c.self == b.self
}

// define adds methods to cls; ok tells the receivers they accept.
func define(cls *value.Class, ok func(value.Value) bool, methods map[string]methodFunc) {
	for name, fn := range methods {
		cls.Dict.SetName(name, &method{cls: cls, name: name, fn: fn, ok: ok})
	}
}

// args unpacks positional and keyword arguments into dst by parameter
// name, as a Python signature would: names ending in "=" are optional,
// names starting with "*" are keyword-only.
func unpack(fname string, args []value.Value, kwargs []value.Kwarg, params []string, dst ...*value.Value) error {
	npos := 0
	for _, p := range params {
		if p[0] != '*' {
			npos++
		}
	}
	if len(args) > npos {
		return value.Errorf(value.TypeError, "%s() takes at most %d positional argument%s (%d given)", fname, npos, plural(npos), len(args))
	}
	for i, a := range args {
		*dst[i] = a
	}
kw:
	for _, kw := range kwargs {
		for i, p := range params {
			if trim(p) == kw.Name {
				if *dst[i] != nil {
					return value.Errorf(value.TypeError, "%s() got multiple values for argument '%s'", fname, kw.Name)
				}
				*dst[i] = kw.Value
				continue kw
			}
		}
		return value.Errorf(value.TypeError, "%s() got an unexpected keyword argument '%s'", fname, kw.Name)
	}
	for i, p := range params {
		if *dst[i] == nil && p[len(p)-1] != '=' {
			return value.Errorf(value.TypeError, "%s() missing required argument '%s'", fname, trim(p))
		}
	}
	return nil
}

func trim(p string) string {
	if p[0] == '*' {
		p = p[1:]
	}
	if p[len(p)-1] == '=' {
		p = p[:len(p)-1]
	}
	return p
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
