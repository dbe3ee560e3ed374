package pyrand

import (
	"fmt"
	"math/big"

	"github.com/asyncgen/asyncgen/runtime/internal/pyfmt"
)

var one = big.NewInt(1)

// RandRange returns random.randrange(start, stop, step) for int
// arguments. stop == nil is the one-argument form randrange(stop=start);
// step == nil means step was not given. As in CPython, step 1 with no
// stop is accepted, and other errors are ValueError ("empty range for
// randrange()", "zero step for randrange()"), except TypeError "Missing a
// non-None stop argument".
func (r *Rand) RandRange(start, stop, step *big.Int) (*big.Int, error) {
	if stop == nil {
		if step != nil && step.Cmp(one) != 0 {
			return nil, &pyfmt.Error{Kind: pyfmt.TypeError, Msg: "Missing a non-None stop argument"}
		}
		if start.Sign() > 0 {
			return r.RandBelow(start), nil
		}
		return nil, errEmpty
	}
	width := new(big.Int).Sub(stop, start)
	if step == nil || step.Cmp(one) == 0 {
		if width.Sign() > 0 {
			return width.Add(start, r.RandBelow(width)), nil
		}
		return nil, emptyWidth(start, stop, width)
	}
	var n big.Int
	switch step.Sign() {
	case 0:
		return nil, &pyfmt.Error{Kind: pyfmt.ValueError, Msg: "zero step for randrange()"}
	case 1:
		n.Add(width, step).Sub(&n, one)
	default:
		n.Add(width, step).Add(&n, one)
	}
	floorDiv(&n, &n, step)
	if n.Sign() <= 0 {
		return nil, errEmpty
	}
	x := r.RandBelow(&n)
	return x.Mul(x, step).Add(x, start), nil
}

var errEmpty = &pyfmt.Error{Kind: pyfmt.ValueError, Msg: "empty range for randrange()"}

// emptyWidth is the error of randrange(start, stop) with stop <= start,
// which CPython formats with %d (subject to the int digit limit).
func emptyWidth(start, stop, width *big.Int) error {
	var s [3]string
	for i, x := range []*big.Int{start, stop, width} {
		var err error
		if s[i], err = pyfmt.IntString(x); err != nil {
			return err
		}
	}
	return &pyfmt.Error{Kind: pyfmt.ValueError, Msg: fmt.Sprintf("empty range for randrange() (%s, %s, %s)", s[0], s[1], s[2])}
}

// floorDiv sets z to x // y, Python's floor division.
func floorDiv(z, x, y *big.Int) {
	var m big.Int
	z.QuoRem(x, y, &m)
	if m.Sign() != 0 && m.Sign() != y.Sign() {
		z.Sub(z, one)
	}
}

// RandInt returns random.randint(a, b), a random int in [a, b]: that is
// randrange(a, b+1).
func (r *Rand) RandInt(a, b *big.Int) (*big.Int, error) {
	return r.RandRange(a, new(big.Int).Add(b, one), nil)
}
