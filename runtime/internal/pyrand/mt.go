// Package pyrand implements CPython 3.11's random module bit for bit: the
// Mersenne Twister MT19937 with CPython's seeding, and the algorithms of
// random.Random (random, getrandbits, randrange, randint, uniform, choice,
// shuffle, sample) that turn its output into results. The same seed gives
// the same numbers as CPython. Module binds them as the script module
// random.
package pyrand

const (
	n         = 624
	m         = 397
	matrixA   = 0x9908b0df
	upperMask = 0x80000000
	lowerMask = 0x7fffffff
)

// mt is the state of a Mersenne Twister, as in CPython's _randommodule.c.
type mt struct {
	state [n]uint32
	index int
}

// initGenrand initialises the state from one word.
func (g *mt) initGenrand(s uint32) {
	g.state[0] = s
	for i := 1; i < n; i++ {
		prev := g.state[i-1]
		g.state[i] = 1812433253*(prev^prev>>30) + uint32(i)
	}
	g.index = n
}

// initByArray initialises the state from a key of any length.
func (g *mt) initByArray(key []uint32) {
	g.initGenrand(19650218)
	s := &g.state
	i, j := 1, 0
	for k := max(n, len(key)); k > 0; k-- {
		prev := s[i-1]
		s[i] = (s[i] ^ (prev^prev>>30)*1664525) + key[j] + uint32(j)
		i++
		j++
		if i >= n {
			s[0] = s[n-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k := n - 1; k > 0; k-- {
		prev := s[i-1]
		s[i] = (s[i] ^ (prev^prev>>30)*1566083941) - uint32(i)
		i++
		if i >= n {
			s[0] = s[n-1]
			i = 1
		}
	}
	s[0] = 0x80000000
}

// next returns the next 32-bit output.
func (g *mt) next() uint32 {
	if g.index >= n {
		g.twist()
	}
	y := g.state[g.index]
	g.index++
	y ^= y >> 11
	y ^= y << 7 & 0x9d2c5680
	y ^= y << 15 & 0xefc60000
	y ^= y >> 18
	return y
}

// twist generates the next n words of state.
func (g *mt) twist() {
	s := &g.state
	mix := func(a, b uint32) uint32 {
		y := a&upperMask | b&lowerMask
		return y>>1 ^ matrixA*(y&1)
	}
	k := 0
	for ; k < n-m; k++ {
		s[k] = s[k+m] ^ mix(s[k], s[k+1])
	}
	for ; k < n-1; k++ {
		s[k] = s[k+m-n] ^ mix(s[k], s[k+1])
	}
	s[n-1] = s[m-1] ^ mix(s[n-1], s[0])
	g.index = 0
}
