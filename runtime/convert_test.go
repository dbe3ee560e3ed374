package runtime_test

import (
	"context"
	"fmt"
	"math/big"
	"testing"

	"github.com/asyncgen/asyncgen/runtime"
)

func TestConvertToScript(t *testing.T) {
	in, _ := newInterp(t, runtime.Options{})
	ctx := context.Background()
	m := exec(t, in, `
def reprs(*xs):
    return [repr(x) for x in xs]
def point(p):
    return [type(p).__name__, p.X, p.y, p.Inner.Z]
`)
	got, err := in.Call(ctx, m.Get("reprs"), nil, true, int8(-3), uint64(1<<64-1), 1.5, float32(0.5), "é",
		[]string{"a"}, [2]int{1, 2}, map[string]int{"b": 2, "a": 1}, map[int]string{2: "x", 1: "y"}, (*int)(nil))
	if err != nil {
		t.Fatal(err)
	}
	// CPython's reprs of the same values.
	want := []any{"None", "True", "-3", "18446744073709551615", "1.5", "0.5", "'é'", "['a']", "[1, 2]", "{'a': 1, 'b': 2}", "{1: 'y', 2: 'x'}", "None"}
	if !equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	type inner struct{ Z string }
	type Point struct {
		X     int
		Y     float64 `agen:"y"`
		Inner *inner
		//lint:ignore U1000 the conversion must skip unexported fields
		priv int
	}
	got, err = in.Call(ctx, m.Get("point"), Point{X: 1, Y: 2.5, Inner: &inner{"z"}})
	if err != nil || fmt.Sprint(got) != "[Point 1 2.5 z]" {
		t.Errorf("point: %v, %v", got, err)
	}
	for _, bad := range []any{make(chan int), func() {}, []byte("x"), map[float64]int{1: 1}, fmt.Errorf("e")} {
		if _, err := in.Call(ctx, m.Get("reprs"), bad); err == nil {
			t.Errorf("%T: no error", bad)
		}
	}
}

func TestConvertToGo(t *testing.T) {
	in, _ := newInterp(t, runtime.Options{})
	ctx := context.Background()
	for _, c := range []struct {
		expr string
		want any
	}{
		{"None", nil},
		{"1 == 1", true},
		{"2**70", new(big.Int).Lsh(big.NewInt(1), 70)},
		{"-5", int64(-5)},
		{"0.25", 0.25},
		{"'s'", "s"},
		{"(1, 'a')", []any{int64(1), "a"}},
	} {
		got, err := in.Eval(ctx, c.expr)
		if err != nil {
			t.Fatal(err)
		}
		if b, ok := c.want.(*big.Int); ok {
			if g, ok := got.(*big.Int); !ok || g.Cmp(b) != 0 {
				t.Errorf("%s = %#v", c.expr, got)
			}
			continue
		}
		if !equal(got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.expr, got, c.want)
		}
	}
	d, _ := in.Eval(ctx, "{'a': [1, {'b': None}]}")
	if fmt.Sprint(d) != "map[a:[1 map[b:<nil>]]]" {
		t.Errorf("dict: %#v", d)
	}
	// Values without a Go counterpart stay script values.
	for _, expr := range []string{"{1: 2}", "len", "object()", "range(3)"} {
		v, err := in.Eval(ctx, expr)
		if _, ok := v.(runtime.Value); !ok || err != nil {
			t.Errorf("%s = %#v, %v; want a runtime.Value", expr, v, err)
		}
	}
	var m map[string][]int
	if err := runtime.Decode(map[string]any{"k": []any{int64(1), int64(2)}}, &m); err != nil || fmt.Sprint(m) != "map[k:[1 2]]" {
		t.Errorf("Decode map: %v, %v", m, err)
	}
	var xs []string
	if err := runtime.Decode([]any{"a", int64(1)}, &xs); err == nil || err.Error() != "index 1: runtime: cannot convert script int to Go string" {
		t.Errorf("Decode bad list: %v", err)
	}
}
