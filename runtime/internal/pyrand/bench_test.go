package pyrand

import (
	"math/big"
	"testing"
)

func BenchmarkRandom(b *testing.B) {
	r := new(Rand)
	r.Seed(big.NewInt(1))
	for i := 0; i < b.N; i++ {
		r.Random()
	}
}

func BenchmarkRandRange(b *testing.B) {
	r := new(Rand)
	r.Seed(big.NewInt(1))
	lo, hi := big.NewInt(1), big.NewInt(7)
	for i := 0; i < b.N; i++ {
		r.RandRange(lo, hi, nil)
	}
}

func BenchmarkBelow(b *testing.B) {
	r := new(Rand)
	r.Seed(big.NewInt(1))
	for i := 0; i < b.N; i++ {
		r.Below(1000)
	}
}
