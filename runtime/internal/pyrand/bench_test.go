package pyrand

import (
	"math/big"
	"testing"

	"github.com/asyncgen/asyncgen/runtime/value"
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

func BenchmarkModuleRandint(b *testing.B) {
	th := &thread{locals: map[string]any{}}
	fn, _ := value.GetAttr(th, Module(), "randint")
	args := []value.Value{value.MakeInt(1), value.MakeInt(6)}
	for i := 0; i < b.N; i++ {
		value.Call(th, fn, args, nil)
	}
}

func BenchmarkModuleRandom(b *testing.B) {
	th := &thread{locals: map[string]any{}}
	fn, _ := value.GetAttr(th, Module(), "random")
	for i := 0; i < b.N; i++ {
		value.Call(th, fn, nil, nil)
	}
}
