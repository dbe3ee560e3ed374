package pyfmt

import (
	"math/big"
	"testing"
)

func BenchmarkFloatRepr(b *testing.B) {
	fs := []float64{0.1, 123456789.0, 1e-7, 3.141592653589793, 1.5e300}
	for i := 0; i < b.N; i++ {
		FloatRepr(fs[i%len(fs)])
	}
}

func BenchmarkFormatFloat(b *testing.B) {
	spec, _ := ParseSpec(",.2f")
	for i := 0; i < b.N; i++ {
		FormatFloat(1234567.891, spec)
	}
}

func BenchmarkFormatInt(b *testing.B) {
	spec, _ := ParseSpec(">10")
	x := big.NewInt(123456)
	for i := 0; i < b.N; i++ {
		FormatInt(x, spec)
	}
}

func BenchmarkParseFloat(b *testing.B) {
	for i := 0; i < b.N; i++ {
		ParseFloat(" 1234.5678e-3 ")
	}
}
