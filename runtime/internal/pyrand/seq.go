package pyrand

import (
	"math"

	"github.com/asyncgen/asyncgen/runtime/internal/pyfmt"
)

// Choice returns the index that random.choice picks in a sequence of
// length n. An empty sequence fails with IndexError.
func (r *Rand) Choice(n int) (int, error) {
	if n == 0 {
		return 0, &pyfmt.Error{Kind: pyfmt.IndexError, Msg: "Cannot choose from an empty sequence"}
	}
	return r.Below(n), nil
}

// Shuffle shuffles a sequence of length n in place as random.shuffle does,
// calling swap to exchange elements.
func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		swap(i, r.Below(i+1))
	}
}

// SampleIndices returns the indices that random.sample(population, k)
// picks from a population of length n, in selection order. k outside
// [0, n] fails with ValueError.
func (r *Rand) SampleIndices(n, k int) ([]int, error) {
	if k < 0 || k > n {
		return nil, &pyfmt.Error{Kind: pyfmt.ValueError, Msg: "Sample larger than population or is negative"}
	}
	result := make([]int, k)
	setsize := 21 // size of a small set minus size of an empty list
	if k > 5 {
		setsize += int(math.Pow(4, math.Ceil(math.Log(float64(k*3))/math.Log(4))))
	}
	if n <= setsize {
		// Pick from a pool, moving the last unpicked item into each vacancy.
		pool := make([]int, n)
		for i := range pool {
			pool[i] = i
		}
		for i := range result {
			j := r.Below(n - i)
			result[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
		return result, nil
	}
	selected := make(map[int]bool, k)
	for i := range result {
		j := r.Below(n)
		for selected[j] {
			j = r.Below(n)
		}
		selected[j] = true
		result[i] = j
	}
	return result, nil
}
