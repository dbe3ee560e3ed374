package vm

import (
	"math"
	"testing"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// TestIntBinary checks the small-int fast paths against value.Binary,
// which implements Python's semantics, on edge values.
func TestIntBinary(t *testing.T) {
	edges := []int64{0, 1, -1, 2, -2, 3, -3, 7, -7, 62, 63, 64, 1 << 31, -1 << 31,
		math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1, 1 << 62, -1 << 62, 3037000499, 3037000500}
	ops := []lang.Op{lang.Add, lang.Sub, lang.Mul, lang.FloorDiv, lang.Mod, lang.LShift, lang.RShift,
		lang.BitAnd, lang.BitOr, lang.BitXor}
	th := NewThread(Options{})
	var box value.IntBox
	for _, op := range ops {
		for _, x := range edges {
			for _, y := range edges {
				r, ok := intBinary(op, value.Int(x), value.Int(y))
				got := box.Make(r)
				if !ok {
					continue
				}
				want, err := value.Binary(th, op, value.Int(x), value.Int(y))
				if err != nil {
					t.Errorf("%d %s %d: fast path gave %v, value.Binary failed: %v", x, op, y, got, err)
					continue
				}
				if eq, _ := value.Equal(th, got, want); !eq {
					t.Errorf("%d %s %d = %v, want %v", x, op, y, got, want)
				}
			}
		}
	}
}
