package pyrand

import "github.com/asyncgen/asyncgen/runtime/internal/pyfmt"

// State returns the generator's internal state as the 625 ints of
// random.getstate()[1]: the 624 state words and the position in them.
func (r *Rand) State() []uint32 {
	s := append(make([]uint32, 0, n+1), r.g.state[:]...)
	return append(s, uint32(r.g.index))
}

// SetState restores a state returned by State, as random.setstate does for
// its second item. A state of the wrong length or with a position beyond
// 624 fails with ValueError.
func (r *Rand) SetState(s []uint32) error {
	if len(s) != n+1 {
		return &pyfmt.Error{Kind: pyfmt.ValueError, Msg: "state vector is the wrong size"}
	}
	if s[n] > n {
		return &pyfmt.Error{Kind: pyfmt.ValueError, Msg: "invalid state"}
	}
	copy(r.g.state[:], s)
	r.g.index = int(s[n])
	return nil
}
