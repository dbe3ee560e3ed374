package pyrand

import (
	"github.com/asyncgen/asyncgen/runtime/value"
)

// Generator is a script instance of random.Random.
type Generator struct {
	Rand
}

// Type returns random.Random.
func (*Generator) Type() *value.Class { return RandomClass }

// RandomClass is the class random.Random. Its methods bind to a
// *Generator; calling it makes one. Scripts cannot subclass it.
var RandomClass = &value.Class{Name: "Random", Module: "random", Base: value.ObjectType, Dict: value.NewDict(len(methods))}

// A methodFunc implements a method of Random on the generator r.
type methodFunc func(th value.Thread, r *Rand, args []value.Value, kwargs []value.Kwarg) (value.Value, error)

// The methods of Random, which the module also offers as functions of a
// per-interpreter generator.
var methods = []struct {
	name string
	fn   methodFunc
}{
	{"seed", seed},
	{"random", random},
	{"getrandbits", getrandbits},
	{"randrange", randrange},
	{"randint", randint},
	{"uniform", uniform},
	{"choice", choice},
	{"choices", choices},
	{"shuffle", shuffle},
	{"sample", sample},
	{"getstate", getstate},
	{"setstate", setstate},
}

func init() {
	RandomClass.SetConstructor(newGenerator)
	for _, m := range methods {
		RandomClass.Dict.SetString(m.name, &method{m.name, m.fn})
	}
}

// method is a method of Random in the class dictionary: reading it
// through a Generator binds it.
type method struct {
	name string
	fn   methodFunc
}

// Type returns the class of builtin methods.
func (*method) Type() *value.Class { return value.BuiltinType }

// Get binds the method to obj, or returns an unbound method taking the
// generator first when read from the class.
func (m *method) Get(th value.Thread, obj value.Value, cls *value.Class) (value.Value, error) {
	if g, ok := obj.(*Generator); ok {
		return value.NewBuiltin(m.name, func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
			return m.fn(th, &g.Rand, args, kwargs)
		}), nil
	}
	return value.NewBuiltin(m.name, func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
		if len(args) == 0 {
			return nil, value.Errorf(value.TypeError, "unbound method Random.%s() needs an argument", m.name)
		}
		g, ok := args[0].(*Generator)
		if !ok {
			return nil, value.Errorf(value.TypeError, "descriptor '%s' for 'Random' objects doesn't apply to a '%s' object", m.name, args[0].Type().Name)
		}
		return m.fn(th, &g.Rand, args[1:], kwargs)
	}), nil
}

// localKey is where a thread keeps the generator of the module functions.
const localKey = "pyrand.generator"

// threadRand returns the thread's generator for the module functions,
// seeded from the operating system on first use as CPython seeds it at
// import.
func threadRand(th value.Thread) *Rand {
	if r, ok := th.Local(localKey).(*Rand); ok {
		return r
	}
	r := New()
	th.SetLocal(localKey, r)
	return r
}

// Module returns the random module: seed, random, getrandbits, randrange,
// randint, uniform, choice, choices, shuffle, sample, getstate and
// setstate as functions of a generator kept per Thread, and the class
// Random.
func Module() *value.Module {
	g := value.NewDict(len(methods) + 1)
	for _, m := range methods {
		fn := m.fn
		g.SetString(m.name, value.NewBuiltin(m.name, func(th value.Thread, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
			return fn(th, threadRand(th), args, kwargs)
		}))
	}
	g.SetString("Random", RandomClass)
	return &value.Module{Name: "random", Globals: g}
}

var initParams = params{names: []string{"x"}, npos: 1}

// newGenerator is Random(x=None).
func newGenerator(th value.Thread, cls *value.Class, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	if cls != RandomClass {
		return nil, value.Errorf(value.TypeError, "subclassing Random is not supported")
	}
	a, err := initParams.bind("__init__", args, kwargs)
	if err != nil {
		return nil, err
	}
	g := new(Generator)
	var seedArgs []value.Value
	if a[0] != nil {
		seedArgs = a[:1]
	}
	if _, err := seed(th, &g.Rand, seedArgs, nil); err != nil {
		return nil, err
	}
	return g, nil
}
