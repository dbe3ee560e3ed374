package value

import (
	"fmt"
	"math/big"
)

// bigRange is a range whose bounds or length do not fit in an int64.
type bigRange struct {
	start, stop, step *big.Int
}

// Type returns range.
func (*bigRange) Type() *Class { return RangeType }

// makeRange returns range(start, stop, step) (step != 0): a *Range when
// everything fits in an int64, else a *bigRange.
func makeRange(start, stop, step *big.Int) Value {
	r := &bigRange{start, stop, step}
	if start.IsInt64() && stop.IsInt64() && step.IsInt64() && r.length().IsInt64() {
		return &Range{start.Int64(), stop.Int64(), step.Int64()}
	}
	return r
}

// length returns the number of items.
func (r *bigRange) length() *big.Int {
	lo, hi, step := r.start, r.stop, r.step
	if step.Sign() < 0 {
		lo, hi, step = r.stop, r.start, new(big.Int).Neg(step)
	}
	if lo.Cmp(hi) >= 0 {
		return new(big.Int)
	}
	n := new(big.Int).Sub(hi, lo)
	n.Sub(n, big.NewInt(1))
	n.Quo(n, step)
	return n.Add(n, big.NewInt(1))
}

func (r *bigRange) repr() string {
	if r.step.Cmp(big.NewInt(1)) == 0 {
		return fmt.Sprintf("range(%s, %s)", r.start, r.stop)
	}
	return fmt.Sprintf("range(%s, %s, %s)", r.start, r.stop, r.step)
}

// item returns the item at a possibly negative index.
func (r *bigRange) item(key Value) (Value, error) {
	if !isInt(key) {
		return nil, Errorf(TypeError, "range indices must be integers or slices, not %s", key.Type().Name)
	}
	i, n := toBig(key), r.length()
	if i.Sign() < 0 {
		i.Add(i, n)
	}
	if i.Sign() < 0 || i.Cmp(n) >= 0 {
		return nil, Errorf(IndexError, "range object index out of range")
	}
	i.Mul(i, r.step)
	return MakeBigInt(i.Add(i, r.start)), nil
}

// contains reports whether the int x is an item.
func (r *bigRange) contains(x Value) bool {
	d := new(big.Int).Sub(toBig(x), r.start)
	q, m := new(big.Int).QuoRem(d, r.step, new(big.Int))
	return m.Sign() == 0 && q.Sign() >= 0 && q.Cmp(r.length()) < 0
}

// bigRangeIter iterates a bigRange.
type bigRangeIter struct {
	next, step, left *big.Int
}

func (*bigRangeIter) Type() *Class { return rangeIterType }

func (it *bigRangeIter) Next(th Thread) (Value, bool, error) {
	if it.left.Sign() <= 0 {
		return nil, false, nil
	}
	v := MakeBigInt(it.next)
	it.next = new(big.Int).Add(it.next, it.step)
	it.left.Sub(it.left, big.NewInt(1))
	return v, true, nil
}
