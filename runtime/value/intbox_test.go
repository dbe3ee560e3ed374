package value

import (
	"math"
	"runtime"
	"testing"
)

func TestIntBox(t *testing.T) {
	var b IntBox
	var kept []Value
	for _, i := range []int64{-6, -5, 0, 1024, 1025, math.MaxInt64, math.MinInt64, 1 << 40} {
		for n := 0; n < 3*intChunk; n++ {
			v := b.Make(i + int64(n))
			if v != MakeInt(i+int64(n)) {
				t.Fatalf("Make(%d) = %#v, want %#v", i+int64(n), v, MakeInt(i+int64(n)))
			}
			kept = append(kept, v)
		}
	}
	runtime.GC()
	k := 0
	for _, i := range []int64{-6, -5, 0, 1024, 1025, math.MaxInt64, math.MinInt64, 1 << 40} {
		for n := 0; n < 3*intChunk; n++ {
			if x, ok := kept[k].(Int); !ok || int64(x) != i+int64(n) {
				t.Fatalf("kept value %d = %#v after GC, want %d", k, kept[k], i+int64(n))
			}
			k++
		}
	}
}

func BenchmarkIntBox(b *testing.B) {
	var box IntBox
	var sink Value
	for i := 0; i < b.N; i++ {
		sink = box.Make(int64(i) + 2000)
	}
	_ = sink
}

func BenchmarkMakeInt(b *testing.B) {
	var sink Value
	for i := 0; i < b.N; i++ {
		sink = MakeInt(int64(i) + 2000)
	}
	_ = sink
}

func TestIntBoxReuse(t *testing.T) {
	var b IntBox
	v, owned := b.Fresh(5000)
	if !owned || v != MakeInt(5000) {
		t.Fatalf("Fresh(5000) = %#v, %v", v, owned)
	}
	other := b.Make(6000)
	Reuse(v, -7)
	if v != MakeInt(-7) || other != MakeInt(6000) {
		t.Fatalf("after Reuse: %#v and %#v, want -7 and 6000", v, other)
	}
	if s, owned := b.Fresh(7); owned || s != MakeInt(7) {
		t.Fatalf("Fresh(7) = %#v, %v: a cached int is not owned", s, owned)
	}
}
