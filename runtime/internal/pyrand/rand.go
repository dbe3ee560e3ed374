package pyrand

import (
	"crypto/rand"
	"crypto/sha512"
	"encoding/binary"
	"math"
	"math/big"
	"math/bits"

	"github.com/asyncgen/asyncgen/runtime/internal/pyfmt"
)

// Rand is a random.Random: a Mersenne Twister generator and the methods
// that CPython builds on it. Errors are *pyfmt.Error values carrying the
// Python exception class and CPython's message. A zero Rand is not
// seeded: call a Seed method first, or use New.
type Rand struct {
	g mt
}

// New returns a generator seeded as random.Random() seeds it, from the
// operating system's randomness.
func New() *Rand {
	r := new(Rand)
	r.SeedRandom()
	return r
}

// SeedRandom seeds the generator as seed(None) does: from 624 words of the
// operating system's randomness.
func (r *Rand) SeedRandom() {
	var buf [4 * n]byte
	rand.Read(buf[:])
	key := make([]uint32, n)
	for i := range key {
		key[i] = binary.LittleEndian.Uint32(buf[4*i:])
	}
	r.g.initByArray(key)
}

// Seed seeds the generator as seed(x) does for an int x: from the 32-bit
// words of |x|, least significant first.
func (r *Rand) Seed(x *big.Int) {
	words := new(big.Int).Abs(x).Bits()
	var key []uint32
	for _, w := range words {
		for i := 0; i < bitsPerWord; i += 32 {
			key = append(key, uint32(uint64(w)>>i))
		}
	}
	for len(key) > 1 && key[len(key)-1] == 0 {
		key = key[:len(key)-1]
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	r.g.initByArray(key)
}

const bitsPerWord = 32 << (^uint(0) >> 63)

// SeedBytes seeds the generator as seed(b) does for bytes (version 2): with
// the int whose big-endian bytes are b followed by sha512(b). A str seeds
// with its UTF-8 encoding.
func (r *Rand) SeedBytes(b []byte) {
	sum := sha512.Sum512(b)
	x := new(big.Int).SetBytes(append(append([]byte(nil), b...), sum[:]...))
	r.Seed(x)
}

// SeedFloat seeds the generator as seed(f) does for a float: with
// hash(f) taken as an unsigned 64-bit int. A NaN, whose hash CPython takes
// from its address, seeds from the operating system's randomness.
func (r *Rand) SeedFloat(f float64) {
	if math.IsNaN(f) {
		r.SeedRandom()
		return
	}
	r.Seed(new(big.Int).SetUint64(uint64(pyfmt.FloatHash(f))))
}

// Uint32 returns the next 32-bit output of the generator.
func (r *Rand) Uint32() uint32 { return r.g.next() }

// Random returns random.random(): a float in [0, 1) with 53 random bits.
func (r *Rand) Random() float64 {
	a, b := r.g.next()>>5, r.g.next()>>6
	return (float64(a)*67108864 + float64(b)) * (1.0 / 9007199254740992.0)
}

// Uniform returns random.uniform(a, b): a + (b-a) * random().
func (r *Rand) Uniform(a, b float64) float64 { return a + (b-a)*r.Random() }

// GetRandBits returns random.getrandbits(k). A negative k fails with
// ValueError.
func (r *Rand) GetRandBits(k int) (*big.Int, error) {
	if k < 0 {
		return nil, &pyfmt.Error{Kind: pyfmt.ValueError, Msg: "number of bits must be non-negative"}
	}
	return r.randBits(k), nil
}

// randBits is getrandbits for k >= 0: 32-bit words least significant
// first, the last one keeping its high bits.
func (r *Rand) randBits(k int) *big.Int {
	if k <= 32 {
		return new(big.Int).SetUint64(uint64(r.bits32(k)))
	}
	buf := make([]byte, 4*((k-1)/32+1))
	for i := len(buf) - 4; i >= 0; i, k = i-4, k-32 {
		w := r.g.next()
		if k < 32 {
			w >>= 32 - k
		}
		binary.BigEndian.PutUint32(buf[i:], w)
	}
	return new(big.Int).SetBytes(buf)
}

// bits32 is getrandbits(k) for 0 <= k <= 32.
func (r *Rand) bits32(k int) uint32 {
	if k == 0 {
		return 0
	}
	return r.g.next() >> (32 - k)
}

// Below returns _randbelow(n) for 0 < n < 2**32 as an int: getrandbits of
// n's bit length, retried until below n.
func (r *Rand) Below(n int) int {
	if n <= 0 {
		return 0
	}
	if n >= 1<<32 {
		return int(r.RandBelow(big.NewInt(int64(n))).Int64())
	}
	k := bits.Len64(uint64(n))
	for {
		if x := int(r.bits32(k)); x < n {
			return x
		}
	}
}

// RandBelow returns _randbelow(n), a random int in [0, n), for n > 0; it
// returns 0 for other n (where CPython would loop forever).
func (r *Rand) RandBelow(n *big.Int) *big.Int {
	if n.Sign() <= 0 {
		return new(big.Int)
	}
	if n.IsInt64() && n.Int64() < 1<<32 {
		return big.NewInt(int64(r.Below(int(n.Int64()))))
	}
	k := n.BitLen()
	for {
		if x := r.randBits(k); x.Cmp(n) < 0 {
			return x
		}
	}
}
