package pyfmt

import (
	"errors"
	"math"
	"math/big"
	"testing"
)

// checkErr fails unless err is nil or an *Error.
func checkErr(t *testing.T, err error) {
	var e *Error
	if err != nil && !errors.As(err, &e) {
		t.Fatalf("error of type %T: %v", err, err)
	}
}

// FuzzFormat checks that no spec or value makes the formatters panic or
// return anything but an *Error.
func FuzzFormat(f *testing.F) {
	for _, s := range []string{"", ">10", "^+10.3f", "0=12,d", "#x", "_b", ".2%", "z.1f", "é<8", "10x10", ",,"} {
		f.Add(s, 1234.5, int64(-42), "héllo")
	}
	f.Fuzz(func(t *testing.T, spec string, x float64, i int64, s string) {
		sp, err := ParseSpec(spec)
		checkErr(t, err)
		if err != nil || sp.Width > 1000 || sp.Precision > 1000 {
			return
		}
		_, err = FormatFloat(x, sp)
		checkErr(t, err)
		_, err = FormatInt(big.NewInt(i), sp)
		checkErr(t, err)
		_, err = FormatString(s, sp)
		checkErr(t, err)
	})
}

// FuzzParse checks that parsing never panics and that what parses prints
// back to the same number.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"0", " -1_000 ", "0x_1f", "١٢", "1e500", "-nan", "1_0.5e-3", "0b", "012"} {
		f.Add(s, 0)
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, base int) {
		x, err := ParseInt(s, base)
		checkErr(t, err)
		if err == nil {
			str, err := IntString(x)
			checkErr(t, err)
			if y, err := ParseInt(str, 10); err == nil && y.Cmp(x) != 0 {
				t.Fatalf("ParseInt(%q) = %v, but its string parses to %v", s, x, y)
			}
		}
		v, err := ParseFloat(s)
		checkErr(t, err)
		if err == nil && !math.IsNaN(v) {
			if w, err := ParseFloat(FloatRepr(v)); err != nil || w != v {
				t.Fatalf("ParseFloat(%q) = %v; repr %s parses to %v, %v", s, v, FloatRepr(v), w, err)
			}
		}
	})
}
