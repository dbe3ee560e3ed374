package vm

import (
	"sort"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// installBuiltins adds the builtins that need the VM: super, aiter, anext,
// globals and locals.
func (th *Thread) installBuiltins() {
	for name, fn := range map[string]value.BuiltinFunc{
		"super":   builtinSuper,
		"aiter":   builtinAiter,
		"anext":   builtinAnext,
		"globals": builtinGlobals,
		"locals":  builtinLocals,
		"dir":     builtinDir,
	} {
		if _, ok := th.builtins[name]; !ok {
			th.builtins[name] = value.NewBuiltin(name, fn)
		}
	}
	if next, ok := th.builtins["next"]; ok {
		th.builtins["next"] = value.NewBuiltin("next", generatorNext(next))
	}
}

// generatorNext wraps the builtin next so that a generator's return
// value reaches the StopIteration it raises, as in CPython.
func generatorNext(next value.Value) value.BuiltinFunc {
	return func(t value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		var gen *Generator
		if len(args) == 1 || len(args) == 2 {
			gen, _ = args[0].(*Generator)
		}
		if gen == nil || len(kwargs) > 0 {
			return value.Call(t, next, args, kwargs)
		}
		v, done, err := gen.core.send(t.(*Thread), value.None)
		switch {
		case err != nil:
			return nil, err
		case !done:
			return v, nil
		case len(args) == 2:
			return args[1], nil
		}
		return nil, stopIteration(v)
	}
}

// builtinSuper is super(): with no arguments it uses the __class__ cell
// and the first argument of the calling function.
func builtinSuper(t value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	th := t.(*Thread)
	switch len(args) {
	case 2:
		cls, ok := args[0].(*value.Class)
		if !ok {
			return nil, value.Errorf(value.TypeError, "super() argument 1 must be a type, not %s", args[0].Type().Name)
		}
		return value.NewSuper(cls, args[1]), nil
	case 0:
	default:
		return nil, value.Errorf(value.TypeError, "super() takes 0 or 2 arguments (%d given)", len(args))
	}
	fr := th.frame
	if fr == nil || fr.p.code.ArgCount == 0 {
		return nil, value.Errorf(value.RuntimeError, "super(): no arguments")
	}
	fr.owned = 0 // self may be kept
	self := fr.slots[0]
	for i, slot := range fr.p.code.CellArgs {
		if slot == 0 {
			self = fr.derefs()[i].V
		}
	}
	if self == nil {
		return nil, value.Errorf(value.RuntimeError, "super(): arg[0] deleted")
	}
	for i, name := range fr.p.code.Frees {
		if name == "__class__" {
			cls, ok := fr.derefs()[len(fr.p.code.Cells)+i].V.(*value.Class)
			if !ok {
				return nil, value.Errorf(value.RuntimeError, "super(): empty __class__ cell")
			}
			return value.NewSuper(cls, self), nil
		}
	}
	return nil, value.Errorf(value.RuntimeError, "super(): __class__ cell not found")
}

func builtinAiter(t value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	if len(args) != 1 {
		return nil, value.Errorf(value.TypeError, "aiter() takes exactly one argument (%d given)", len(args))
	}
	v := args[0]
	if m, err := special(t.(*Thread), v, "__aiter__"); m == nil || err != nil {
		if err != nil {
			return nil, err
		}
		return nil, value.Errorf(value.TypeError, "'%s' object is not an async iterable", v.Type().Name)
	}
	return t.(*Thread).aiter(v, false)
}

func builtinAnext(t value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	if len(args) < 1 || len(args) > 2 {
		return nil, value.Errorf(value.TypeError, "anext expected 1 or 2 arguments, got %d", len(args))
	}
	th := t.(*Thread)
	it := args[0]
	if m, err := special(th, it, "__anext__"); m == nil || err != nil {
		if err != nil {
			return nil, err
		}
		return nil, value.Errorf(value.TypeError, "'%s' object is not an async iterator", it.Type().Name)
	}
	aw, err := th.anext(it)
	if err != nil || len(args) == 1 {
		return aw, err
	}
	inner, _, err := awaitable(th, aw)
	if err != nil {
		return nil, err
	}
	return &anextDefault{inner: inner, def: args[1]}, nil
}

func builtinGlobals(t value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	fr := t.(*Thread).frame
	if fr == nil {
		return value.NewDict(0), nil
	}
	return fr.globals, nil
}

// builtinLocals returns the namespace of a module or class body, or a
// snapshot of a function's variables.
func builtinLocals(t value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	th := t.(*Thread)
	fr := th.frame
	if fr == nil {
		return value.NewDict(0), nil
	}
	if fr.ns != nil {
		return fr.ns, nil
	}
	d := value.NewDict(0)
	fr.owned = 0 // the dict shares the locals' values
	for i, name := range fr.p.code.Locals {
		if v := fr.slots[i]; v != nil && name != ".0" {
			d.SetString(name, v)
		}
	}
	for i, c := range fr.derefs() {
		if v := c.V; v != nil {
			d.SetString(derefName(fr.p.code, i), v)
		}
	}
	return d, nil
}

// builtinDir is dir(): the sorted names of the current scope, or of the
// attributes of an object (its own, then its class's, along the MRO).
func builtinDir(t value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	if len(args) > 1 || len(kwargs) > 0 {
		return nil, value.Errorf(value.TypeError, "dir expected at most 1 argument, got %d", len(args)+len(kwargs))
	}
	names := map[string]bool{}
	addKeys := func(d *value.Dict) {
		for _, k := range d.Keys() {
			if s, ok := k.(value.String); ok {
				names[s.String()] = true
			}
		}
	}
	addClass := func(c *value.Class) {
		for ; c != nil; c = c.Base {
			if c.Dict != nil {
				addKeys(c.Dict)
			}
		}
	}
	if len(args) == 0 {
		ns, err := builtinLocals(t, nil, nil)
		if err != nil {
			return nil, err
		}
		addKeys(ns.(*value.Dict))
	} else {
		switch x := args[0].(type) {
		case *value.Module:
			addKeys(x.Globals)
		case *value.Class:
			addClass(x)
		case *value.Instance:
			addKeys(x.Dict)
			addClass(x.Class)
		default:
			addClass(x.Type())
		}
	}
	list := make([]string, 0, len(names))
	for n := range names {
		list = append(list, n)
	}
	sort.Strings(list)
	elems := make([]value.Value, len(list))
	for i, n := range list {
		elems[i] = value.MakeString(n)
	}
	return value.NewList(elems), nil
}
