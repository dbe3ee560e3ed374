package pyfmt

import "math"

// The parameters of CPython's numeric hash on 64-bit platforms.
const (
	hashBits    = 61
	hashModulus = 1<<hashBits - 1
	hashInf     = 314159
)

// FloatHash returns hash(f) for a finite or infinite float, as CPython
// computes it: f modulo 2**61 - 1, so that equal ints and floats hash
// alike. CPython hashes a NaN by its address; FloatHash returns 0 for it.
func FloatHash(f float64) int64 {
	switch {
	case math.IsNaN(f):
		return 0
	case math.IsInf(f, 1):
		return hashInf
	case math.IsInf(f, -1):
		return -hashInf
	}
	frac, e := math.Frexp(f)
	sign := uint64(1)
	if frac < 0 {
		sign = ^uint64(0) // -1
		frac = -frac
	}
	var x uint64
	for frac != 0 {
		x = x<<28&hashModulus | x>>(hashBits-28)
		frac *= 1 << 28
		e -= 28
		y := uint64(frac)
		frac -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e %= hashBits
	} else {
		e = hashBits - 1 - (-1-e)%hashBits
	}
	x = x<<uint(e)&hashModulus | x>>uint(hashBits-e)
	x *= sign
	if x == ^uint64(0) {
		x--
	}
	return int64(x)
}
