package pyfmt

import (
	"fmt"
	"math"
)

// FloatHex returns float.hex(f): "0x1.8000000000000p+0", "-0x0.0p+0",
// "0x0.0000000000001p-1022", "inf", "nan".
func FloatHex(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 0):
		return FloatRepr(f)
	}
	sign := ""
	if math.Signbit(f) {
		sign, f = "-", -f
	}
	if f == 0 {
		return sign + "0x0.0p+0"
	}
	bits := math.Float64bits(f)
	exp, mant := int(bits>>52), bits&(1<<52-1)
	lead := 1
	if exp == 0 { // subnormal
		lead, exp = 0, 1
	}
	return fmt.Sprintf("%s0x%d.%013xp%+d", sign, lead, mant, exp-1023)
}
