package runtime

import (
	"github.com/asyncgen/asyncgen/runtime/value"
)

// methodFunc is the Go body of a method of a class of this package.
type methodFunc func(th value.Thread, self Value, args []Value) (Value, error)

// method is a method in the dictionary of a class of this package: read
// through an instance it binds to it.
type method struct {
	name string
	fn   methodFunc
}

// newClass returns a class of host values with the given methods.
func newClass(name string, methods map[string]methodFunc) *value.Class {
	d := value.NewDict(len(methods))
	for n, fn := range methods {
		d.SetString(n, &method{name: n, fn: fn})
	}
	return &value.Class{Name: name, Module: "host", Base: value.ObjectType, Dict: d}
}

// Type returns the class of builtin methods.
func (m *method) Type() *value.Class { return value.BuiltinType }

// Get binds the method to obj.
func (m *method) Get(th value.Thread, obj Value, cls *value.Class) (Value, error) {
	if obj == nil {
		return m, nil
	}
	return value.NewBuiltin(m.name, func(th value.Thread, args []Value, kwargs []value.Kwarg) (Value, error) {
		if err := noKwargs(m.name, kwargs); err != nil {
			return nil, err
		}
		return m.fn(th, obj, args)
	}), nil
}

// noKwargs is the error of keyword arguments to a host function.
func noKwargs(name string, kwargs []value.Kwarg) error {
	if len(kwargs) > 0 {
		return value.Errorf(value.TypeError, "%s() takes no keyword arguments", name)
	}
	return nil
}
