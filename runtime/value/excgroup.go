package value

// The exception groups of CPython 3.11. ExceptionGroup derives from both
// BaseExceptionGroup and Exception; classes here have a single base, so
// its Base is Exception and IsSubclass knows the other parent.
var (
	BaseExceptionGroup = newBuiltinClass("BaseExceptionGroup", BaseExceptionClass)
	ExceptionGroup     = newBuiltinClass("ExceptionGroup", ExceptionClass)
)

// group is what an exception group adds to an exception: its message and
// its sub-exceptions.
type group struct {
	msg  String
	excs []*Exception
}

func init() {
	exceptionClasses = append(exceptionClasses, BaseExceptionGroup, ExceptionGroup)
	BaseExceptionGroup.ctor = newGroup
	ExceptionGroup.ctor = newGroup
}

// groupMethods are the methods of BaseExceptionGroup and ExceptionGroup.
var groupMethods = []method{
	{"derive", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := noKwargs("derive", kwargs); err != nil {
			return nil, err
		}
		if len(args) != 2 {
			return nil, Errorf(TypeError, "function takes exactly 1 argument (%d given)", len(args)-1)
		}
		e, err := groupArg(args[0], "derive")
		if err != nil {
			return nil, err
		}
		return newGroup(th, BaseExceptionGroup, []Value{e.group.msg, args[1]}, nil)
	}},
	{"subgroup", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		match, _, err := splitMethod(th, "subgroup", args, kwargs, false)
		return match, err
	}},
	{"split", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		match, rest, err := splitMethod(th, "split", args, kwargs, true)
		return Tuple{match, rest}, err
	}},
}

// groupArg returns the receiver of a method of the groups.
func groupArg(v Value, name string) (*Exception, error) {
	if e, ok := v.(*Exception); ok && e.group != nil {
		return e, nil
	}
	return nil, Errorf(TypeError, "descriptor '%s' for 'BaseExceptionGroup' objects doesn't apply to a '%s' object", name, v.Type().Name)
}

// newGroup is BaseExceptionGroup.__new__(cls, message, exceptions)
// followed by __init__. BaseExceptionGroup of exceptions that are all
// Exceptions makes an ExceptionGroup.
func newGroup(th Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	if len(args) != 2 {
		return nil, Errorf(TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", len(args))
	}
	msg, ok := args[0].(String)
	if !ok {
		return nil, Errorf(TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s", args[0].Type().Name)
	}
	excs, err := groupItems(th, args[1])
	if err != nil {
		return nil, err
	}
	allExceptions := true
	for _, e := range excs {
		allExceptions = allExceptions && e.Class.IsSubclass(ExceptionClass)
	}
	switch {
	case cls == BaseExceptionGroup:
		if allExceptions {
			cls = ExceptionGroup
		}
	case allExceptions || !cls.IsSubclass(ExceptionClass):
	case cls == ExceptionGroup:
		return nil, Errorf(TypeError, "Cannot nest BaseExceptions in an ExceptionGroup")
	default:
		return nil, Errorf(TypeError, "Cannot nest BaseExceptions in '%s'", cls.Name)
	}
	e := &Exception{Class: cls, Args: []Value{msg, args[1]}, group: &group{msg: msg, excs: excs}}
	return e, initInstance(th, cls, e, args, kwargs)
}

// groupItems checks the exceptions argument of a group: a non-empty
// sequence of exception instances.
func groupItems(th Thread, v Value) ([]*Exception, error) {
	var items []Value
	switch s := v.(type) {
	case Tuple:
		items = s
	case *List:
		items = s.Elems
	default:
		t := v.Type()
		if !t.IsSubclass(StrType) && !t.IsSubclass(RangeType) {
			return nil, Errorf(TypeError, "second argument (exceptions) must be a sequence")
		}
		var err error
		if items, err = Collect(th, v); err != nil {
			return nil, err
		}
	}
	if len(items) == 0 {
		return nil, Errorf(ValueError, "second argument (exceptions) must be a non-empty sequence")
	}
	excs := make([]*Exception, len(items))
	for i, x := range items {
		e, ok := x.(*Exception)
		if !ok {
			return nil, Errorf(ValueError, "Item %d of second argument (exceptions) is not an exception", i)
		}
		excs[i] = e
	}
	return excs, nil
}

// groupStr is str() of a group: "msg (2 sub-exceptions)".
func groupStr(g *group) string {
	n := len(g.excs)
	s := "s"
	if n == 1 {
		s = ""
	}
	return g.msg.s + " (" + itoa(int64(n)) + " sub-exception" + s + ")"
}

// exceptionsTuple returns the exceptions attribute of a group.
func (g *group) exceptionsTuple() Tuple {
	t := make(Tuple, len(g.excs))
	for i, e := range g.excs {
		t[i] = e
	}
	return t
}

// splitMethod is subgroup(condition) (rest false) and split(condition).
func splitMethod(th Thread, name string, args []Value, kwargs []Kwarg, rest bool) (Value, Value, error) {
	if err := noKwargs("BaseExceptionGroup."+name, kwargs); err != nil {
		return nil, nil, err
	}
	if len(args) != 2 {
		return nil, nil, Errorf(TypeError, "%s expected 1 argument, got %d", name, len(args)-1)
	}
	e, err := groupArg(args[0], name)
	if err != nil {
		return nil, nil, err
	}
	m, err := matcher(th, args[1])
	if err != nil {
		return nil, nil, err
	}
	match, other, err := splitGroup(th, e, m, rest)
	return orNone(match), orNone(other), err
}

// orNone returns e, or None for nil.
func orNone(e *Exception) Value {
	if e == nil {
		return None
	}
	return e
}

// matcher returns the predicate of split and subgroup: an exception type,
// a tuple of them, or a function.
func matcher(th Thread, cond Value) (func(e *Exception) (bool, error), error) {
	isExcType := func(v Value) bool {
		c, ok := v.(*Class)
		return ok && c.IsSubclass(BaseExceptionClass)
	}
	if isExcType(cond) {
		cls := cond.(*Class)
		return func(e *Exception) (bool, error) { return e.Class.IsSubclass(cls), nil }, nil
	}
	if t, ok := cond.(Tuple); ok {
		for _, c := range t {
			if !isExcType(c) {
				return nil, errMatcher()
			}
		}
		return func(e *Exception) (bool, error) {
			for _, c := range t {
				if e.Class.IsSubclass(c.(*Class)) {
					return true, nil
				}
			}
			return false, nil
		}, nil
	}
	if _, ok := cond.(*Class); ok || !IsCallable(cond) {
		return nil, errMatcher()
	}
	return func(e *Exception) (bool, error) {
		r, err := Call(th, cond, []Value{e}, nil)
		if err != nil {
			return false, err
		}
		return Truth(th, r)
	}, nil
}

func errMatcher() error {
	return Errorf(TypeError, "expected a function, exception type or tuple of exception types")
}

// splitGroup is CPython's exceptiongroup_split_recursive: the part of e
// that matches and, if rest, the part that does not, as groups made by
// e.derive with e's traceback, cause, context and notes.
func splitGroup(th Thread, e *Exception, match func(*Exception) (bool, error), rest bool) (*Exception, *Exception, error) {
	ok, err := match(e)
	switch {
	case err != nil:
		return nil, nil, err
	case ok:
		return e, nil, nil
	case e.group == nil:
		if rest {
			return nil, e, nil
		}
		return nil, nil, nil
	}
	var matched, others []Value
	for _, sub := range e.group.excs {
		m, r, err := splitGroup(th, sub, match, rest)
		if err != nil {
			return nil, nil, err
		}
		if m != nil {
			matched = append(matched, m)
		}
		if r != nil {
			others = append(others, r)
		}
	}
	m, err := deriveSubset(th, e, matched)
	if err != nil {
		return nil, nil, err
	}
	r, err := deriveSubset(th, e, others)
	return m, r, err
}

// deriveSubset calls orig.derive(excs) (nil for no exceptions) and gives
// the new group orig's metadata, as CPython's exceptiongroup_subset.
func deriveSubset(th Thread, orig *Exception, excs []Value) (*Exception, error) {
	if len(excs) == 0 {
		return nil, nil
	}
	fn, err := GetAttr(th, orig, "derive")
	if err != nil {
		return nil, err
	}
	v, err := Call(th, fn, []Value{NewList(excs)}, nil)
	if err != nil {
		return nil, err
	}
	e, ok := v.(*Exception)
	if !ok || e.group == nil {
		return nil, Errorf(TypeError, "derive must return an instance of BaseExceptionGroup")
	}
	e.Traceback = append([]Frame(nil), orig.Traceback...)
	e.Context, e.Cause, e.SuppressContext = orig.Context, orig.Cause, true
	if notes, ok := orig.Attrs["__notes__"]; ok {
		items, err := Collect(th, notes)
		if err != nil {
			return nil, err
		}
		if e.Attrs == nil {
			e.Attrs = make(map[string]Value)
		}
		e.Attrs["__notes__"] = NewList(items)
	}
	return e, nil
}
