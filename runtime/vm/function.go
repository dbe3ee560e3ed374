package vm

import (
	"fmt"

	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// Function is a script function: a def, lambda or comprehension body.
type Function struct {
	code       *compile.Code
	globals    *value.Dict
	defaults   value.Tuple // values of the last len(defaults) positional parameters
	kwdefaults *value.Dict
	closure    []*cell
	name       string
	qualname   string
	// simple functions take exactly their positional parameters.
	simple bool
}

// FunctionType is the class of script functions.
var FunctionType = newVMClass("function", map[string]value.Value{
	"__name__":     getter("__name__", func(f *Function) value.Value { return value.MakeString(f.name) }),
	"__qualname__": getter("__qualname__", func(f *Function) value.Value { return value.MakeString(f.qualname) }),
	"__module__":   getter("__module__", func(f *Function) value.Value { return moduleName(f.globals) }),
	"__doc__":      getter("__doc__", func(f *Function) value.Value { return value.None }),
	"__defaults__": getter("__defaults__", func(f *Function) value.Value {
		if f.defaults == nil {
			return value.None
		}
		return f.defaults
	}),
	"__kwdefaults__": getter("__kwdefaults__", func(f *Function) value.Value {
		if f.kwdefaults == nil {
			return value.None
		}
		return f.kwdefaults
	}),
})

func newFunction(code *compile.Code, globals *value.Dict) *Function {
	return &Function{
		code: code, globals: globals, name: code.Name, qualname: code.QualName,
		simple: code.Flags&(compile.Varargs|compile.Varkw) == 0 && code.KwOnly == 0 &&
			len(code.Cells) == 0 && !code.IsGenerator(),
	}
}

// Type returns the function class.
func (f *Function) Type() *value.Class { return FunctionType }

// Name returns the function's qualified name, as error messages show it.
func (f *Function) Name() string { return f.qualname }

// Code returns the compiled code of the function.
func (f *Function) Code() *compile.Code { return f.code }

// Repr returns `<function f at 0x...>`.
func (f *Function) Repr(th value.Thread) (string, error) {
	return fmt.Sprintf("<function %s at %p>", f.qualname, f), nil
}

// Get binds the function as a method of obj.
func (f *Function) Get(th value.Thread, obj value.Value, cls *value.Class) (value.Value, error) {
	if obj == nil {
		return f, nil
	}
	return &value.BoundMethod{Self: obj, Func: f}, nil
}

// Call calls the function.
func (f *Function) Call(t value.Thread, args []value.Value, kwargs []value.Kwarg) (result value.Value, err error) {
	th := t.(*Thread)
	defer th.guard(th.frame, th.depth, th.ei, len(th.callers), &err)
	names, vals := splitKwargs(kwargs)
	return th.callFunction(f, nil, args, names, vals)
}

// CallMethod calls the function as a method of self.
func (f *Function) CallMethod(t value.Thread, self value.Value, args []value.Value, kwargs []value.Kwarg) (result value.Value, err error) {
	th := t.(*Thread)
	defer th.guard(th.frame, th.depth, th.ei, len(th.callers), &err)
	names, vals := splitKwargs(kwargs)
	return th.callFunction(f, self, args, names, vals)
}

// splitKwargs returns the names and values of keyword arguments.
func splitKwargs(kwargs []value.Kwarg) (names []string, vals []value.Value) {
	if len(kwargs) == 0 {
		return nil, nil
	}
	names = make([]string, len(kwargs))
	vals = make([]value.Value, len(kwargs))
	for i, kw := range kwargs {
		names[i], vals[i] = kw.Name, kw.Value
	}
	return names, vals
}

// callFunction calls f with self (when not nil) before args and keyword
// arguments names=vals. Generator functions return their generator.
func (th *Thread) callFunction(f *Function, self value.Value, args []value.Value, names []string, vals []value.Value) (value.Value, error) {
	if f.code.IsGenerator() {
		// A generator outlives the call: its bytes count against
		// Options.MaxMemory, so that a script making many checks its
		// memory often enough.
		if err := th.Alloc(generatorSize(f.code)); err != nil {
			return nil, err
		}
		g, fr := newGenerator(f.code, f.globals, f)
		if err := f.bind(th, fr.slots, self, args, names, vals); err != nil {
			return nil, err
		}
		if fr.cells != nil {
			fr.initCells()
		}
		return g, nil
	}
	fr := th.newFrame(f.code, f.globals, f)
	if err := f.bind(th, fr.slots, self, args, names, vals); err != nil {
		th.release(fr)
		return nil, err
	}
	if fr.cells != nil {
		fr.initCells()
	}
	return th.runFrame(fr)
}

// runFrame runs a plain frame to completion and releases it.
func (th *Thread) runFrame(fr *frame) (value.Value, error) {
	v, err := th.run(fr)
	th.release(fr)
	return v, err
}

// moduleName returns the __name__ of a globals dict.
func moduleName(globals *value.Dict) value.Value {
	if v, ok := globals.GetString("__name__"); ok {
		return v
	}
	return value.None
}

// getterAttr is a read-only attribute of the objects of a VM type.
type getterAttr[T value.Value] struct {
	name string
	get  func(T) value.Value
}

func getter[T value.Value](name string, get func(T) value.Value) value.Value {
	return &getterAttr[T]{name, get}
}

// Type returns getset_descriptor.
func (*getterAttr[T]) Type() *value.Class { return getsetType }

// Get returns the attribute of obj.
func (g *getterAttr[T]) Get(th value.Thread, obj value.Value, cls *value.Class) (value.Value, error) {
	if x, ok := obj.(T); ok {
		return g.get(x), nil
	}
	// Read through the class: the class's own attributes.
	switch g.name {
	case "__name__", "__qualname__":
		return value.MakeString(cls.Name), nil
	case "__module__":
		return value.MakeString(cls.Module), nil
	}
	return g, nil
}

var getsetType = &value.Class{Name: "getset_descriptor", Module: "builtins", Base: value.ObjectType, Dict: value.NewDict(0)}

// method is a builtin method of a VM type; reading it through an object
// binds it.
type method struct {
	name string
	fn   func(th *Thread, self value.Value, args []value.Value) (value.Value, error)
}

// Type returns method_descriptor.
func (*method) Type() *value.Class { return methodDescType }

var methodDescType = &value.Class{Name: "method_descriptor", Module: "builtins", Base: value.ObjectType, Dict: value.NewDict(0)}

// Get binds the method to obj.
func (m *method) Get(th value.Thread, obj value.Value, cls *value.Class) (value.Value, error) {
	if obj == nil {
		return m, nil
	}
	return value.NewBuiltin(m.name, func(t value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		if len(kwargs) > 0 {
			return nil, value.Errorf(value.TypeError, "%s() takes no keyword arguments", m.name)
		}
		return m.fn(t.(*Thread), obj, args)
	}), nil
}

// newVMClass makes a builtin class for a VM type with the given attributes.
func newVMClass(name string, attrs map[string]value.Value) *value.Class {
	d := value.NewDict(len(attrs))
	for k, v := range attrs {
		d.SetName(k, v)
	}
	return &value.Class{Name: name, Module: "builtins", Base: value.ObjectType, Dict: d}
}
