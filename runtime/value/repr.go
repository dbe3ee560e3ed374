package value

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/asyncgen/asyncgen/runtime/internal/pyfmt"
)

// Reprer is implemented by values defined outside this package that have
// their own repr, such as the VM's functions and generators.
type Reprer interface {
	Repr(th Thread) (string, error)
}

// Strer is implemented by Go values whose str() is not their repr().
type Strer interface {
	Str(th Thread) (string, error)
}

// Repr returns repr(v).
func Repr(th Thread, v Value) (string, error) {
	if c := userClass(v); c != nil {
		if fn := c.lookupUser("__repr__"); fn != nil {
			return callStrDunder(th, v, fn, "__repr__")
		}
	}
	return baseRepr(th, v)
}

// baseRepr is repr(v) ignoring script __repr__ methods: the repr of the
// builtin base class.
func baseRepr(th Thread, v Value) (string, error) {
	switch v := v.(type) {
	case NoneType:
		return "None", nil
	case Bool:
		if v {
			return "True", nil
		}
		return "False", nil
	case Int:
		return strconv.FormatInt(int64(v), 10), nil
	case *BigInt:
		s, err := pyfmt.IntString(&v.v)
		return s, PyfmtError(err)
	case Float:
		return pyfmt.FloatRepr(float64(v)), nil
	case String:
		return pyfmt.Quote(v.s), nil
	case *List:
		return reprSeq(th, v, "[", "]", v.Elems, "[...]")
	case Tuple:
		if len(v) == 1 {
			return reprSeq(th, v, "(", ",)", v, "(...)")
		}
		return reprSeq(th, v, "(", ")", v, "(...)")
	case *Dict:
		return reprDict(th, v)
	case *Set:
		return reprSet(th, v)
	case *bigRange:
		return v.repr(), nil
	case *Range:
		if v.Step == 1 {
			return fmt.Sprintf("range(%d, %d)", v.Start, v.Stop), nil
		}
		return fmt.Sprintf("range(%d, %d, %d)", v.Start, v.Stop, v.Step), nil
	case *Slice:
		return reprSeq(th, v, "slice(", ")", []Value{v.Start, v.Stop, v.Step}, "")
	case *Class:
		return v.String(), nil
	case *Builtin:
		return v.repr(), nil
	case *Module:
		return fmt.Sprintf("<module '%s'>", v.Name), nil
	case *Instance:
		return defaultRepr(v), nil
	case *Exception:
		return exceptionRepr(th, v)
	case *dictView:
		return v.repr(th)
	case *GenericAlias:
		return v.repr(th)
	case *BoundMethod:
		self, err := Repr(th, v.Self)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("<bound method %s of %s>", qualifiedName(v), self), nil
	case *Super:
		self, err := Repr(th, v.Self)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("<super: %s, %s>", v.Class, self), nil
	case Reprer:
		return v.Repr(th)
	}
	switch v {
	case Ellipsis:
		return "Ellipsis", nil
	case NotImplemented:
		return "NotImplemented", nil
	}
	return defaultRepr(v), nil
}

// qualifiedName returns "C.f" for a method bound to an instance of C.
func qualifiedName(m *BoundMethod) string {
	name := m.Name()
	if strings.Contains(name, ".") {
		return name
	}
	cls := m.Self.Type()
	if c, ok := m.Self.(*Class); ok {
		cls = c
	}
	return cls.Name + "." + name
}

// defaultRepr is object.__repr__: <__main__.C object at 0x...>.
func defaultRepr(v Value) string {
	return fmt.Sprintf("<%s object at %s>", v.Type().QualName(), addr(v))
}

// Str returns str(v).
func Str(th Thread, v Value) (string, error) {
	if c := userClass(v); c != nil {
		if fn := c.lookupUser("__str__"); fn != nil {
			return callStrDunder(th, v, fn, "__str__")
		}
	}
	return baseStr(th, v)
}

// baseStr is str(v) ignoring script __str__ methods. For classes whose
// builtin base is object, list, dict or set, that is repr(v).
func baseStr(th Thread, v Value) (string, error) {
	switch v := v.(type) {
	case String:
		return v.s, nil
	case *Exception:
		return exceptionStr(th, v)
	case Strer:
		return v.Str(th)
	}
	return Repr(th, v)
}

// callStrDunder calls a user __repr__ or __str__, which must return a str.
func callStrDunder(th Thread, self, fn Value, name string) (string, error) {
	if th == nil {
		return defaultRepr(self), nil
	}
	r, err := callMethod(th, self, fn, nil, nil)
	if err != nil {
		return "", err
	}
	s, ok := r.(String)
	if !ok {
		return "", Errorf(TypeError, "%s returned non-string (type %s)", name, r.Type().Name)
	}
	return s.s, nil
}

// enterRepr marks v as being printed, to print a recursive reference as
// [...]; ok is false when v is already being printed. It also counts the
// nesting, as CPython does, failing with RecursionError.
func enterRepr(th Thread, v Value) (st *nativeState, ok bool, err error) {
	st = stateOf(th)
	for _, a := range st.active {
		if Is(a, v) {
			return st, false, nil
		}
	}
	if err := st.enter(" while getting the repr of an object"); err != nil {
		return nil, false, err
	}
	st.active = append(st.active, v)
	return st, true, nil
}

func (st *nativeState) leaveRepr() {
	st.active = st.active[:len(st.active)-1]
	st.leave()
}

func reprSeq(th Thread, v Value, open, close string, elems []Value, recursive string) (string, error) {
	st, ok, err := enterRepr(th, v)
	if err != nil || !ok {
		return recursive, err
	}
	defer st.leaveRepr()
	b := builder{th: th}
	b.WriteString(open)
	for i, e := range elems {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := Repr(th, e)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	b.WriteString(close)
	return b.result()
}

func reprDict(th Thread, d *Dict) (string, error) {
	st, ok, err := enterRepr(th, d)
	if err != nil || !ok {
		return "{...}", err
	}
	defer st.leaveRepr()
	b := builder{th: th}
	b.WriteString("{")
	first := true
	err = d.each(func(key, val Value) error {
		if !first {
			b.WriteString(", ")
		}
		first = false
		k, err := Repr(th, key)
		if err != nil {
			return err
		}
		v, err := Repr(th, val)
		if err != nil {
			return err
		}
		b.WriteString(k)
		b.WriteString(": ")
		b.WriteString(v)
		return b.err
	})
	if err != nil {
		return "", err
	}
	b.WriteString("}")
	return b.result()
}

func reprSet(th Thread, s *Set) (string, error) {
	name := s.Type().Name
	if s.used == 0 {
		return name + "()", nil
	}
	open, close := "{", "}"
	if s.frozen {
		open, close = "frozenset({", "})"
	}
	if err := Alloc(th, int64(s.used)*wordSize); err != nil {
		return "", err
	}
	return reprSeq(th, s, open, close, s.Elems(), name+"(...)")
}

// asciiRepr returns ascii(v): repr with non-ASCII escaped.
func asciiRepr(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	return b.String()
}
