package value

import (
	"os"
	"testing"

	"github.com/asyncgen/asyncgen/lang"
)

// testFunc stands in for a script function: callable, and bound as a
// method when read through an instance.
type testFunc struct {
	name string
	fn   BuiltinFunc
}

func (f *testFunc) Type() *Class { return BuiltinType }
func (f *testFunc) Name() string { return f.name }
func (f *testFunc) Call(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	return f.fn(th, args, kwargs)
}
func (f *testFunc) Get(th Thread, obj Value, cls *Class) (Value, error) {
	if obj == nil {
		return f, nil
	}
	return &BoundMethod{Self: obj, Func: f}, nil
}

// script is a helper for writing script-like Go: every failure is fatal.
type script struct {
	t  *testing.T
	th *testThread
}

func (s *script) ok(v Value, err error) Value {
	s.t.Helper()
	if err != nil {
		s.t.Fatalf("unexpected error: %v", err)
	}
	return v
}

func (s *script) class(name string, base Value, methods map[string]BuiltinFunc, extra ...Value) *Class {
	d := NewDict(0)
	for n, fn := range methods {
		d.SetString(n, &testFunc{n, fn})
	}
	for i := 0; i+1 < len(extra); i += 2 {
		d.SetString(extra[i].(String).s, extra[i+1])
	}
	var bases []Value
	if base != nil {
		bases = []Value{base}
	}
	c, err := NewClass(s.th, name, bases, d)
	if err != nil {
		s.t.Fatal(err)
	}
	return c
}

func (s *script) call(fn Value, args ...Value) Value {
	s.t.Helper()
	return s.ok(Call(s.th, fn, args, nil))
}

func (s *script) attr(v Value, name string) Value {
	s.t.Helper()
	return s.ok(GetAttr(s.th, v, name))
}

func (s *script) method(v Value, name string, args ...Value) Value {
	s.t.Helper()
	return s.call(s.attr(v, name), args...)
}

func (s *script) print(args ...Value) {
	s.t.Helper()
	s.ok(builtinPrint(s.th, args, nil))
}

// printErr prints "Type message" for the error of a failing operation.
func (s *script) printErr(v Value, err error) {
	s.t.Helper()
	e, ok := err.(*Exception)
	if !ok {
		s.t.Fatalf("want an exception, got %v, %v", v, err)
	}
	msg, _ := Str(s.th, e)
	s.print(MakeString(e.Class.Name), MakeString(msg))
}

func (s *script) bin(op lang.Op, x, y Value) Value {
	s.t.Helper()
	return s.ok(Binary(s.th, op, x, y))
}

func (s *script) cmp(op lang.Op, x, y Value) Value {
	s.t.Helper()
	return s.ok(Compare(s.th, op, x, y))
}

func str(x string) Value    { return MakeString(x) }
func num(x int64) Value     { return MakeInt(x) }
func list(x ...Value) Value { return NewList(x) }

// TestClasses runs testdata/classes.py, written in Go, and compares its
// output with CPython's, testdata/classes.out.
func TestClasses(t *testing.T) {
	th := newTestThread()
	s := &script{t, th}
	b := Builtins()

	var V *Class
	newV := func(x Value) Value { return s.call(V, x) }
	V = s.class("V", nil, map[string]BuiltinFunc{
		"__init__": func(th Thread, a []Value, kw []Kwarg) (Value, error) {
			return None, SetAttr(th, a[0], "x", a[1])
		},
		"__repr__": func(th Thread, a []Value, kw []Kwarg) (Value, error) {
			return Binary(th, lang.Mod, str("V(%r)"), Tuple{s.attr(a[0], "x")})
		},
		"__add__": func(th Thread, a []Value, kw []Kwarg) (Value, error) {
			if !IsInstance(a[1], V) {
				return NotImplemented, nil
			}
			return newV(s.bin(lang.Add, s.attr(a[0], "x"), s.attr(a[1], "x"))), nil
		},
		"__radd__": func(th Thread, a []Value, kw []Kwarg) (Value, error) {
			sum, err := Binary(th, lang.Add, a[1], s.attr(a[0], "x"))
			if err != nil {
				return nil, err
			}
			return newV(sum), nil
		},
		"__eq__": func(th Thread, a []Value, kw []Kwarg) (Value, error) {
			if !IsInstance(a[1], V) {
				return False, nil
			}
			return Compare(th, lang.Eq, s.attr(a[0], "x"), s.attr(a[1], "x"))
		},
		"__hash__": func(th Thread, a []Value, kw []Kwarg) (Value, error) {
			h, err := Hash(th, s.attr(a[0], "x"))
			return MakeInt(h), err
		},
		"__lt__": func(th Thread, a []Value, kw []Kwarg) (Value, error) {
			y, err := GetAttr(th, a[1], "x")
			if err != nil {
				return nil, err
			}
			return Compare(th, lang.Lt, s.attr(a[0], "x"), y)
		},
		"__len__": func(th Thread, a []Value, kw []Kwarg) (Value, error) {
			return s.attr(a[0], "x"), nil
		},
	})
	s.print(s.bin(lang.Add, newV(num(1)), newV(num(2))), s.bin(lang.Add, num(3), newV(num(4))),
		s.cmp(lang.Eq, newV(num(1)), newV(num(1))), s.cmp(lang.NotEq, newV(num(1)), newV(num(2))),
		s.cmp(lang.Eq, newV(num(1)), num(1)))
	s.print(s.call(b["sorted"], list(newV(num(3)), newV(num(1)), newV(num(2)))),
		s.call(b["bool"], newV(num(0))), s.call(b["len"], newV(num(5))))
	d := NewDict(0)
	s.ok(nil, d.SetItem(th, newV(num(1)), str("a")))
	set1 := s.call(b["set"], list(newV(num(1)), newV(num(1)), newV(num(2))))
	set2 := s.call(b["set"], list(newV(num(2)), newV(num(1))))
	s.print(s.ok(GetItem(th, d, newV(num(1)))), s.cmp(lang.In, newV(num(1)), d),
		s.cmp(lang.In, newV(num(2)), d), s.cmp(lang.Eq, set1, set2))
	s.printErr(Binary(th, lang.Add, newV(num(1)), str("a")))
	s.printErr(Binary(th, lang.Add, str("a"), newV(num(1))))
	s.printErr(Compare(th, lang.Lt, newV(num(1)), num(1)))
	s.printErr(GetAttr(th, newV(num(1)), "y"))
	s.printErr(GetAttr(th, V, "y"))
	s.printErr(Call(th, newV(num(1)), nil, nil))

	var E *Class
	E = s.class("E", ValueError, map[string]BuiltinFunc{
		"__init__": func(th Thread, a []Value, kw []Kwarg) (Value, error) {
			s.method(NewSuper(E, a[0]), "__init__", a[2])
			return None, SetAttr(th, a[0], "code", a[1])
		},
	})
	e := s.call(E, num(404), str("not found"))
	s.print(s.call(b["repr"], e), e, s.attr(e, "args"), s.attr(e, "code"),
		s.call(b["isinstance"], e, ValueError), s.call(b["isinstance"], e, LookupError))
	keyErr := s.call(KeyError, str("k"))
	s.print(s.call(b["repr"], keyErr), keyErr, s.call(KeyError),
		s.call(b["repr"], s.call(ValueError)), s.call(ValueError, num(1), num(2)))
	s.print(s.attr(s.call(StopIteration, num(7)), "value"), s.attr(s.call(SystemExit, num(2)), "code"),
		s.attr(s.call(SystemExit), "code"))

	vGetter := &testFunc{"v", func(th Thread, a []Value, kw []Kwarg) (Value, error) { return GetAttr(th, a[0], "_v") }}
	vSetter := &testFunc{"v", func(th Thread, a []Value, kw []Kwarg) (Value, error) {
		return None, SetAttr(th, a[0], "_v", s.bin(lang.Mul, a[1], num(10)))
	}}
	prop := s.call(PropertyType, vGetter)
	prop = s.method(prop, "setter", vSetter)
	sm := s.call(StaticMethodType, &testFunc{"s", func(th Thread, a []Value, kw []Kwarg) (Value, error) {
		return Binary(th, lang.Add, a[0], num(1))
	}})
	cm := s.call(ClassMethodType, &testFunc{"c", func(th Thread, a []Value, kw []Kwarg) (Value, error) {
		return Binary(th, lang.Add, s.attr(a[0], "__name__"), s.call(StrType, a[1]))
	}})
	P := s.class("P", nil, map[string]BuiltinFunc{
		"__init__": func(th Thread, a []Value, kw []Kwarg) (Value, error) { return None, SetAttr(th, a[0], "_v", num(1)) },
	}, str("v"), prop, str("s"), sm, str("c"), cm)
	p := s.call(P)
	s.ok(nil, SetAttr(th, p, "v", num(5)))
	s.print(s.attr(p, "v"), s.method(P, "s", num(1)), s.method(p, "s", num(2)), s.method(P, "c", num(3)), s.method(p, "c", num(4)))
	err := DelAttr(th, p, "v")
	s.print(str(err.(*Exception).Args[0].(String).s))

	Base := s.class("Base", nil, map[string]BuiltinFunc{
		"hello": func(th Thread, a []Value, kw []Kwarg) (Value, error) { return str("base"), nil },
	})
	var Child *Class
	Child = s.class("Child", Base, map[string]BuiltinFunc{
		"hello": func(th Thread, a []Value, kw []Kwarg) (Value, error) {
			return Binary(th, lang.Add, str("child+"), s.method(NewSuper(Child, a[0]), "hello"))
		},
	})
	s.print(s.method(s.call(Child), "hello"), s.call(b["issubclass"], Child, Base),
		s.call(b["isinstance"], s.call(Child), Base), s.attr(Child, "__mro__"))

	It := s.class("It", nil, map[string]BuiltinFunc{
		"__init__": func(th Thread, a []Value, kw []Kwarg) (Value, error) {
			s.ok(nil, SetAttr(th, a[0], "i", num(0)))
			return None, SetAttr(th, a[0], "n", a[1])
		},
		"__iter__": func(th Thread, a []Value, kw []Kwarg) (Value, error) { return a[0], nil },
		"__next__": func(th Thread, a []Value, kw []Kwarg) (Value, error) {
			i := s.attr(a[0], "i")
			if s.cmp(lang.GtE, i, s.attr(a[0], "n")) == True {
				return nil, NewException(StopIteration)
			}
			i = s.bin(lang.Add, i, num(1))
			return i, SetAttr(th, a[0], "i", i)
		},
	})
	s.print(s.call(ListType, s.call(It, num(3))), s.call(b["sum"], s.call(It, num(4))),
		s.cmp(lang.In, num(2), s.call(It, num(3))), s.call(b["next"], s.call(b["iter"], s.call(It, num(1)))))

	Seq := s.class("Seq", nil, map[string]BuiltinFunc{
		"__getitem__": func(th Thread, a []Value, kw []Kwarg) (Value, error) {
			if s.cmp(lang.GtE, a[1], num(3)) == True {
				return nil, NewException(IndexError, a[1])
			}
			return Binary(th, lang.Mul, a[1], a[1])
		},
	})
	s.print(s.call(ListType, s.call(Seq)), s.cmp(lang.In, num(4), s.call(Seq)))

	Stack := s.class("Stack", ListType, map[string]BuiltinFunc{
		"push": func(th Thread, a []Value, kw []Kwarg) (Value, error) { return s.method(a[0], "append", a[1]), nil },
		"peek": func(th Thread, a []Value, kw []Kwarg) (Value, error) { return GetItem(th, a[0], num(-1)) },
	})
	st := s.call(Stack, list(num(1)))
	s.method(st, "push", num(2))
	s.ok(nil, SetAttr(th, st, "tag", str("t")))
	s.print(st, s.method(st, "peek"), s.call(b["len"], st), s.method(st, "pop"), s.call(b["isinstance"], st, ListType),
		s.attr(s.call(TypeType, st), "__name__"), s.attr(st, "tag"), s.cmp(lang.Eq, st, list(num(1))))

	Missing := s.class("Missing", DictType, map[string]BuiltinFunc{
		"__missing__": func(th Thread, a []Value, kw []Kwarg) (Value, error) { return Binary(th, lang.Mul, a[1], num(2)) },
	})
	m := s.ok(Call(th, Missing, nil, []Kwarg{{"a", num(1)}}))
	s.print(s.ok(GetItem(th, m, str("a"))), s.ok(GetItem(th, m, str("zz"))), m, s.call(b["len"], m))

	x := list(num(1), num(2))
	s.method(x, "append", x)
	kx := NewDict(0)
	kx.SetString("k", x)
	s.print(x, kx)
	s.ok(builtinPrint(th, []Value{str("a"), num(1), None}, []Kwarg{{"sep", str("-")}, {"end", str("!\n")}}))

	d = NewDict(0)
	set := func(k string, v Value) { s.ok(nil, SetItem(th, d, str(k), v)) }
	set("b", num(1))
	set("a", num(2))
	set("c", num(3))
	s.ok(nil, DelItem(th, d, str("b")))
	set("b", num(4))
	s.method(d, "pop", str("a"))
	set("a", num(5))
	s.ok(Call(th, s.attr(d, "update"), nil, []Kwarg{{"z", num(0)}}))
	s.print(d, s.call(ListType, d), s.call(ListType, s.method(d, "values")), s.method(d, "popitem"), d)
	big := NewDict(0)
	for i := int64(0); i < 1000; i++ {
		s.ok(nil, big.SetItem(th, num(i), num(i)))
	}
	for i := int64(0); i < 1000; i += 2 {
		s.ok(nil, DelItem(th, big, num(i)))
	}
	s.ok(nil, big.SetItem(th, num(0), str("zero")))
	keys := s.call(ListType, big)
	s.print(s.call(b["len"], big), s.ok(GetItem(th, keys, &Slice{None, num(4), None})),
		s.ok(GetItem(th, keys, &Slice{num(-2), None, None})), s.ok(GetItem(th, big, num(999))),
		s.cmp(lang.In, num(998), big))

	Positive := s.class("Positive", nil, map[string]BuiltinFunc{
		"__set_name__": func(th Thread, a []Value, kw []Kwarg) (Value, error) {
			return None, SetAttr(th, a[0], "name", s.bin(lang.Add, str("_"), a[2]))
		},
		"__get__": func(th Thread, a []Value, kw []Kwarg) (Value, error) {
			if a[1] == None {
				return str("class access"), nil
			}
			return s.call(b["getattr"], a[1], s.attr(a[0], "name"), num(0)), nil
		},
		"__set__": func(th Thread, a []Value, kw []Kwarg) (Value, error) {
			if s.cmp(lang.Lt, a[2], num(0)) == True {
				return nil, Errorf(ValueError, "negative")
			}
			return s.call(b["setattr"], a[1], s.attr(a[0], "name"), a[2]), nil
		},
	})
	Order := s.class("Order", nil, nil, str("qty"), s.call(Positive))
	o := s.call(Order)
	s.ok(nil, SetAttr(th, o, "qty", num(5)))
	s.print(s.attr(o, "qty"), s.attr(Order, "qty"), s.attr(o, "__dict__"))
	err = SetAttr(th, o, "qty", num(-1))
	s.print(str(err.(*Exception).Args[0].(String).s))

	Idx := s.class("Idx", nil, map[string]BuiltinFunc{
		"__index__": func(th Thread, a []Value, kw []Kwarg) (Value, error) { return num(1), nil },
	})
	s.print(s.ok(GetItem(th, list(num(10), num(20), num(30)), s.call(Idx))), s.ok(GetItem(th, str("abc"), s.call(Idx))),
		s.call(OSError, num(2), str("No such file")), s.call(OSError, str("plain")))

	Inner := s.class("Inner", nil, nil, str("__qualname__"), str("Outer.Inner"))
	s.print(Inner, s.attr(Inner, "__qualname__"), s.attr(Inner, "__name__"))

	want, err := os.ReadFile("testdata/classes.out")
	if err != nil {
		t.Fatal(err)
	}
	if got := th.out.String(); got != string(want) {
		t.Errorf("output differs from CPython's\ngot:\n%s\nwant:\n%s", got, want)
	}
}
