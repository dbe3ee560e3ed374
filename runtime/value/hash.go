package value

import (
	"fmt"
	"math"
	"math/big"
	"reflect"

	"github.com/asyncgen/asyncgen/runtime/internal/pyfmt"
)

// CPython's numeric hash: reduction modulo the Mersenne prime 2**61-1, so
// that equal numbers of any type hash equal.
const (
	hashBits    = 61
	hashModulus = 1<<hashBits - 1
	hashInf     = 314159
)

// Hash returns hash(v), with CPython's values for numbers and tuples.
func Hash(th Thread, v Value) (int64, error) {
	switch v := v.(type) { // the common keys, before userClass's type switch
	case String:
		return strHash(v.s), nil
	case Int:
		return intHash(int64(v)), nil
	}
	if c := userClass(v); c != nil {
		return userHash(th, c, v)
	}
	return baseHash(th, v)
}

// baseHash is Hash ignoring script __hash__ methods.
func baseHash(th Thread, v Value) (int64, error) {
	switch v := v.(type) {
	case String:
		return strHash(v.s), nil
	case Int:
		return intHash(int64(v)), nil
	case Bool:
		if v {
			return 1, nil
		}
		return 0, nil
	case *BigInt:
		return bigHash(&v.v), nil
	case Float:
		return pyfmt.FloatHash(float64(v)), nil
	case Tuple:
		return tupleHash(th, v)
	case NoneType:
		return 0xFCA86420 >> 4, nil
	case *Set:
		if v.frozen {
			return frozenSetHash(v), nil
		}
	case *List, *Dict, *Slice:
	default:
		return idHash(v), nil
	}
	return 0, Errorf(TypeError, "unhashable type: '%s'", v.Type().Name)
}

// userHash hashes an instance of a script class: with its __hash__, or as
// its builtin base. A class that defines __eq__ but not __hash__ has
// __hash__ set to None (NewClass does that) and is unhashable.
func userHash(th Thread, c *Class, v Value) (int64, error) {
	fn := c.lookupUser("__hash__")
	if fn == nil {
		return baseHash(th, v)
	}
	if fn == None {
		return 0, Errorf(TypeError, "unhashable type: '%s'", c.Name)
	}
	r, err := callMethod(th, v, fn, nil, nil)
	if err != nil {
		return 0, err
	}
	if !isInt(r) {
		return 0, Errorf(TypeError, "__hash__ method should return an integer")
	}
	h, err := Hash(th, r)
	if err != nil {
		return 0, err
	}
	return h, nil
}

// strHash hashes a str (FNV-1a; CPython's str hash is randomised anyway).
func strHash(s string) int64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return fixHash(int64(h))
}

func fixHash(h int64) int64 {
	if h == -1 {
		return -2
	}
	return h
}

func intHash(i int64) int64 {
	neg := i < 0
	u := uint64(i)
	if neg {
		u = -u
	}
	h := int64(u % hashModulus)
	if neg {
		h = -h
	}
	return fixHash(h)
}

var bigModulus = big.NewInt(hashModulus)

func bigHash(x *big.Int) int64 {
	m := new(big.Int).Abs(x)
	m.Mod(m, bigModulus)
	h := m.Int64()
	if x.Sign() < 0 {
		h = -h
	}
	return fixHash(h)
}

// tupleHash is CPython 3.11's xxHash-based tuple hash.
func tupleHash(th Thread, t Tuple) (int64, error) {
	const (
		prime1 = 11400714785074694791
		prime2 = 14029467366897019727
		prime5 = 2870177450012600261
	)
	acc := uint64(prime5)
	var st *nativeState // counts the nesting of tuples in tuples
	for _, v := range t {
		if _, nested := v.(Tuple); nested && st == nil {
			st = stateOf(th)
			if err := st.enter(""); err != nil {
				return 0, err
			}
			defer st.leave()
		}
		h, err := Hash(th, v)
		if err != nil {
			return 0, err
		}
		acc += uint64(h) * prime2
		acc = acc<<31 | acc>>33
		acc *= prime1
	}
	acc += uint64(len(t)) ^ (prime5 ^ 3527539)
	if acc == math.MaxUint64 {
		return 1546275796, nil
	}
	return int64(acc), nil
}

func frozenSetHash(s *Set) int64 {
	shuffle := func(h uint64) uint64 { return ((h ^ 89869747) ^ (h << 16)) * 3644798167 }
	var h uint64
	for _, e := range s.table {
		if e.key != nil && e.key != dummy {
			h ^= shuffle(uint64(e.hash))
		}
	}
	h ^= (uint64(s.used) + 1) * 1927868237
	h ^= (h >> 11) ^ (h >> 25)
	h = h*69069 + 907133923
	if h == math.MaxUint64 {
		h = 590923713
	}
	return int64(h)
}

// idHash is the default hash of objects compared by identity.
func idHash(v Value) int64 {
	p := identity(v)
	return fixHash(int64(p>>4 | p<<60))
}

// identity returns the address of a pointer-shaped value, or 0.
func identity(v Value) uintptr {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return rv.Pointer()
	case reflect.Slice:
		return rv.Pointer() + uintptr(rv.Len())
	}
	return 0
}

// addr formats a value's address for reprs such as <C object at 0x...>.
func addr(v Value) string { return fmt.Sprintf("0x%x", identity(v)) }

// Is reports whether x and y are the same object (Python's `is`).
func Is(x, y Value) bool {
	t := reflect.TypeOf(x)
	if reflect.TypeOf(y) != t {
		return false // `item is None` for an item of another type
	}
	switch x := x.(type) {
	case Tuple:
		y := y.(Tuple)
		return len(x) == len(y) && (len(x) == 0 || &x[0] == &y[0])
	case *BigInt:
		y := y.(*BigInt)
		return x == y || x.v.Cmp(&y.v) == 0
	case Float:
		y := y.(Float)
		return x == y || x != x && y != y
	}
	if t != nil && !t.Comparable() {
		return identity(x) == identity(y)
	}
	return x == y
}
