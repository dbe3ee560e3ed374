package aio

import (
	"math/rand"
	"slices"
	"testing"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// TestHasRepeats checks hasRepeats against sortedRepeats on values in
// allocation order, reversed, shuffled and in many runs, with and
// without a repeat.
func TestHasRepeats(t *testing.T) {
	fs := make([]value.Value, 1000)
	for i := range fs {
		fs[i] = &Future{}
	}
	rng := rand.New(rand.NewSource(1))
	orders := map[string]func([]value.Value){
		"made":     func([]value.Value) {},
		"reversed": slices.Reverse[[]value.Value],
		"shuffled": func(s []value.Value) { rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] }) },
		"runs": func(s []value.Value) { // 10 interleaved runs
			var out []value.Value
			for r := 0; r < 10; r++ {
				for i := r; i < len(s); i += 10 {
					out = append(out, s[i])
				}
			}
			copy(s, out)
		},
	}
	for name, order := range orders {
		for _, n := range []int{0, 1, 2, 100, 1000} {
			aws := slices.Clone(fs[:n])
			order(aws)
			cases := [][]value.Value{aws, append(aws, value.MakeInt(1), value.MakeInt(1))}
			if n > 0 {
				cases = append(cases, append(slices.Clone(aws), aws[n/2]), append([]value.Value{aws[n-1]}, aws...))
			}
			for i, c := range cases {
				// The same with an int after each value: runs skip them.
				var withInts []value.Value
				for j, v := range c {
					withInts = append(withInts, v, value.MakeInt(int64(j)))
				}
				for _, c := range [][]value.Value{c, withInts} {
					if got, want := hasRepeats(c), sortedRepeats(c); got != want || want != (i >= 2) {
						t.Errorf("%s, %d values, case %d: hasRepeats %v, sortedRepeats %v", name, n, i, got, want)
					}
				}
			}
		}
	}
}
