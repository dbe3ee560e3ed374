package value

import (
	"slices"
	"strings"
)

// A method is a Go method of a builtin class.
type method struct {
	name string
	fn   BuiltinFunc
}

// A methodGroup is methods of a builtin class, installed in name order.
// The methods of a class are groups rather than one table where they
// are defined in groups (the operators of several classes).
type methodGroup struct {
	cls     *Class
	methods []method
	class   bool // classmethods (dict.fromkeys)
}

// The method tables are data, not maps, and one init installs them all:
// each dictionary is sized once for all its groups and the Builtins are
// made in one array, so that start-up allocates and touches little
// memory.
func init() {
	ObjectType.ctor = newObject
	BaseExceptionClass.ctor = newExceptionValue
	groups := make([]methodGroup, 0, 80) // room for them all
	groups = append(groups, []methodGroup{
		{cls: PropertyType, methods: propertyMethods},
		{cls: DictType, methods: dictMethods},
		{cls: DictType, methods: []method{{"fromkeys", dictFromkeys}}, class: true},
	}...)
	groups = dunderMethods(groups)
	installMethods(append(groups, []methodGroup{
		{cls: BaseExceptionGroup, methods: groupMethods},
		{cls: ExceptionGroup, methods: groupMethods},
		{cls: ObjectType, methods: objectMethods},
		{cls: BaseExceptionClass, methods: baseExceptionMethods},
		{cls: OSError, methods: osErrorMethods},
		{cls: ListType, methods: listMethods},
		{cls: TupleType, methods: tupleMethods},
		{cls: IntType, methods: intMethods},
		{cls: RangeType, methods: rangeMethods},
		{cls: FloatType, methods: floatMethods},
		{cls: FrozenSetType, methods: setSharedMethods},
		{cls: SetType, methods: setSharedMethods},
		{cls: SetType, methods: setMethods},
		{cls: StrType, methods: strMethods},
	}...))
}

// installMethods installs groups of Go methods in their classes'
// dictionaries, in order, each group in name order. The methods must keep
// no reference to their args slice (see Builtin.Borrows), except
// classmethods.
func installMethods(groups []methodGroup) {
	n, longest := 0, 0
	for _, g := range groups {
		n += len(g.methods)
		longest = max(longest, len(g.methods))
	}
	fns := make([]Builtin, 0, n) // never grows: the dictionaries point into it
	// Each group is sorted in a copy: the tables stay as the linker laid
	// them out, in pages the process only reads.
	sorted := make([]method, 0, longest)
	for i, g := range groups {
		if !slices.ContainsFunc(groups[:i], func(h methodGroup) bool { return h.cls == g.cls }) {
			reserve(g.cls.Dict, groups[i:])
		}
		sorted = append(sorted[:0], g.methods...)
		slices.SortFunc(sorted, func(a, b method) int { return strings.Compare(a.name, b.name) })
		for _, m := range sorted {
			if g.class {
				g.cls.Dict.SetName(m.name, &ClassMethod{Func: NewBuiltin(m.name, m.fn)})
				continue
			}
			fns = append(fns, Builtin{name: m.name, fn: m.fn, recv: g.cls, borrows: true})
			g.cls.Dict.SetName(m.name, &fns[len(fns)-1])
		}
	}
}

// reserve makes room in d, the dictionary of groups[0]'s class, for the
// methods of all the groups of that class.
func reserve(d *Dict, groups []methodGroup) {
	n := 0
	for _, g := range groups {
		if g.cls == groups[0].cls {
			n += len(g.methods)
		}
	}
	d.entries = slices.Grow(d.entries, n)
	_ = d.rebuild(nil, d.used+n)
}

// objectMethods are the methods of object.
var objectMethods = []method{
	{"__init__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if len(args) > 1 || len(kwargs) > 0 {
			return nil, Errorf(TypeError, "object.__init__() takes exactly one argument (the instance to initialize)")
		}
		return None, nil
	}},
	{"__repr__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs("object.__repr__", args, kwargs); err != nil {
			return nil, err
		}
		s, err := baseRepr(th, args[0])
		return MakeString(s), err
	}},
	{"__str__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs("object.__str__", args, kwargs); err != nil {
			return nil, err
		}
		s, err := Repr(th, args[0])
		return MakeString(s), err
	}},
	{"__eq__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("object.__eq__", args, kwargs, 1); err != nil {
			return nil, err
		}
		if Is(args[0], args[1]) {
			return True, nil
		}
		return NotImplemented, nil
	}},
	{"__ne__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("object.__ne__", args, kwargs, 1); err != nil {
			return nil, err
		}
		if Is(args[0], args[1]) {
			return False, nil
		}
		return NotImplemented, nil
	}},
	{"__hash__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs("object.__hash__", args, kwargs); err != nil {
			return nil, err
		}
		h, err := baseHash(th, args[0])
		return MakeInt(h), err
	}},
	{"__setattr__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkArgs("__setattr__", args[1:], kwargs, 2, 2); err != nil {
			return nil, err
		}
		name, err := asStr("__setattr__", args[1], "1")
		if err != nil {
			return nil, err
		}
		return None, setAttrDirect(th, args[0], name, args[2])
	}},
	{"__getattribute__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkArgs("__getattribute__", args[1:], kwargs, 1, 1); err != nil {
			return nil, err
		}
		name, err := asStr("__getattribute__", args[1], "1")
		if err != nil {
			return nil, err
		}
		return GetAttr(th, args[0], name)
	}},
}

// baseExceptionMethods are the methods of BaseException.
var baseExceptionMethods = []method{
	{"__init__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		e, ok := args[0].(*Exception)
		if !ok {
			return nil, Errorf(TypeError, "descriptor '__init__' requires a 'BaseException' object")
		}
		e.Args = append([]Value(nil), args[1:]...)
		return None, nil
	}},
	{"__str__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs("BaseException.__str__", args, kwargs); err != nil {
			return nil, err
		}
		s, err := exceptionStr(th, args[0].(*Exception))
		return MakeString(s), err
	}},
	{"__repr__", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs("BaseException.__repr__", args, kwargs); err != nil {
			return nil, err
		}
		s, err := exceptionRepr(th, args[0].(*Exception))
		return MakeString(s), err
	}},
	{"with_traceback", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg("BaseException.with_traceback", args, kwargs, 1); err != nil {
			return nil, err
		}
		return args[0], nil
	}},
}

// newObject makes an instance of object or of a script class and runs its
// __init__.
func newObject(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	obj := newInstance(cls)
	return obj, initInstance(th, cls, obj, args, kwargs)
}

// initInstance runs the script __init__ of a new instance, if any.
func initInstance(th Thread, cls *Class, obj Value, args []Value, kwargs []Kwarg) error {
	init := cls.lookupUserHash("__init__", initHash)
	if init == nil {
		if (len(args) > 0 || len(kwargs) > 0) && !cls.IsSubclass(BaseExceptionClass) {
			if cls == ObjectType {
				return Errorf(TypeError, "object() takes no arguments")
			}
			return Errorf(TypeError, "%s() takes no arguments", cls.Name)
		}
		return nil
	}
	r, err := callMethod(th, obj, init, args, kwargs)
	if err != nil {
		return err
	}
	return CheckInit(r)
}

// newExceptionValue makes an instance of an exception class.
func newExceptionValue(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	e := &Exception{Class: cls, Args: append([]Value(nil), args...)}
	if len(kwargs) > 0 && cls.lookupUser("__init__") == nil {
		return nil, Errorf(TypeError, "%s() takes no keyword arguments", cls.Name)
	}
	return e, initInstance(th, cls, e, args, kwargs)
}
