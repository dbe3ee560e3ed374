package value

import (
	"testing"

	"github.com/asyncgen/asyncgen/lang"
)

func TestSmallIntsDoNotAllocate(t *testing.T) {
	th := newTestThread()
	x, y := MakeInt(3), MakeInt(400)
	allocs := testing.AllocsPerRun(100, func() {
		r, _ := Binary(th, lang.Add, x, y)
		_, _ = Compare(th, lang.Lt, r, y)
	})
	if allocs != 0 {
		t.Errorf("small int add+compare: %v allocations, want 0", allocs)
	}
}

func BenchmarkIntAdd(b *testing.B) {
	th := newTestThread()
	x, y := MakeInt(3), MakeInt(400)
	for i := 0; i < b.N; i++ {
		_, _ = Binary(th, lang.Add, x, y)
	}
}

func BenchmarkIntAddLarge(b *testing.B) {
	th := newTestThread()
	x, y := MakeInt(300000), MakeInt(400000)
	for i := 0; i < b.N; i++ {
		_, _ = Binary(th, lang.Add, x, y)
	}
}

func BenchmarkIntCompare(b *testing.B) {
	th := newTestThread()
	x, y := MakeInt(3), MakeInt(400)
	for i := 0; i < b.N; i++ {
		_, _ = Compare(th, lang.Lt, x, y)
	}
}

func BenchmarkDictGetString(b *testing.B) {
	th := newTestThread()
	d := NewDict(0)
	for _, k := range []string{"alpha", "beta", "gamma", "delta", "epsilon"} {
		d.SetString(k, MakeInt(1))
	}
	var key Value = MakeString("gamma")
	for i := 0; i < b.N; i++ {
		_, _, _ = d.Get(th, key)
	}
}

func BenchmarkListIndex(b *testing.B) {
	th := newTestThread()
	l := NewList([]Value{MakeInt(1), MakeInt(2), MakeInt(3)})
	k := MakeInt(1)
	for i := 0; i < b.N; i++ {
		_, _ = GetItem(th, l, k)
	}
}

func BenchmarkInstanceAttr(b *testing.B) {
	th := newTestThread()
	base, _ := NewClass(th, "B", nil, nil)
	base.Dict.SetString("m", MakeInt(1))
	c, _ := NewClass(th, "C", []Value{base}, nil)
	obj, _ := c.Call(th, nil, nil)
	_ = SetAttr(th, obj, "x", MakeInt(1))
	b.Run("instance", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			_, _ = GetAttr(th, obj, "x")
		}
	})
	b.Run("class", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			_, _ = GetAttr(th, obj, "m")
		}
	})
	b.Run("method", func(b *testing.B) {
		l := NewList(nil)
		for i := 0; i < b.N; i++ {
			_, _ = GetAttr(th, l, "append")
		}
	})
}
