package value

import (
	"fmt"
	"testing"
)

// TestGetAttrKey checks that GetAttrKey reads what GetAttr reads, through
// hints that point anywhere: instance attributes, class attributes that
// an instance shadows or not, methods, properties, data and non-data
// descriptors, __dict__, names missing and names made at run time.
func TestGetAttrKey(t *testing.T) {
	th := newTestThread()
	s := &script{t, th}
	get := func(th Thread, args []Value, kwargs []Kwarg) (Value, error) { return str("got"), nil }
	nonData := s.class("NonData", nil, map[string]BuiltinFunc{"__get__": get})
	data := s.class("Data", nil, map[string]BuiltinFunc{"__get__": get, "__set__": get})
	base := s.class("Base", nil, map[string]BuiltinFunc{"m": get},
		str("c"), num(1),
		str("__dict__"), num(7),
		str("nd"), s.call(nonData),
		str("dd"), s.call(data),
		str("p"), &Property{Fget: &testFunc{"p", get}})
	cls := s.class("C", base, nil, str("c2"), num(2))
	plain := s.call(cls)
	shadow := s.call(cls)
	for _, n := range []string{"x", "c", "nd", "dd", "m", "__dict__"} {
		if err := SetAttr(th, shadow, n, num(int64(len(n)))); err != nil && n != "dd" && n != "__dict__" {
			t.Fatal(err)
		}
	}
	names := []string{"x", "c", "c2", "m", "p", "nd", "dd", "__dict__", "__class__", "missing"}
	for _, obj := range []Value{plain, shadow, cls, num(3)} {
		for _, n := range append(names, string([]byte("c"))) {
			want := describe(GetAttr(th, obj, n))
			for start := int32(-1); start < 4; start++ {
				var h Hint
				h.e.Store(start)
				if got := describe(GetAttrKey(th, obj, MakeKey(n), &h)); got != want {
					t.Errorf("GetAttrKey(%v, %q) with hint %d = %s, want %s", obj, n, start, got, want)
				}
			}
		}
	}
}

// describe shows an attribute read's result for comparison: a bound
// method by its receiver and function, a dict (a class's __dict__ is a
// new copy) by its contents.
func describe(v Value, err error) string {
	switch v := v.(type) {
	case *BoundMethod:
		return fmt.Sprintf("bound %p %p", v.Self, v.Func)
	case *Dict:
		r, _ := Repr(nil, v)
		return "dict " + r
	}
	return fmt.Sprintf("%#v %v", v, err)
}

func BenchmarkGetAttrKey(b *testing.B) {
	th := newTestThread()
	base, _ := NewClass(th, "B", nil, nil)
	base.Dict.SetString("c", MakeInt(1))
	c, _ := NewClass(th, "C", []Value{base}, nil)
	obj, _ := c.Call(th, nil, nil)
	_ = SetAttr(th, obj, "x", MakeInt(1))
	for _, n := range []string{"x", "c", "__class__"} {
		b.Run(n, func(b *testing.B) {
			k := MakeKey(n)
			var h Hint
			for i := 0; i < b.N; i++ {
				_, _ = GetAttrKey(th, obj, k, &h)
			}
		})
	}
}
