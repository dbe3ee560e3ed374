package pyrand

import (
	"math"
	"math/big"
	"unicode/utf8"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/internal/pyfmt"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// The methods of Random, with CPython 3.11's arguments, checks and
// messages (random.py and _randommodule.c).

var seedParams = params{names: []string{"a", "version"}, npos: 2}

func seed(th value.Thread, r *Rand, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	a, err := seedParams.bind("seed", args, kwargs)
	if err != nil {
		return nil, err
	}
	version := int64(2)
	if a[1] != nil {
		version, _ = value.AsInt64(a[1])
	}
	switch x := a[0].(type) {
	case nil, value.NoneType:
		r.SeedRandom()
	case value.Float:
		r.SeedFloat(float64(x))
	case value.String:
		switch version {
		case 1:
			r.Seed(new(big.Int).SetUint64(seedV1(x.String())))
		case 2:
			r.SeedBytes([]byte(x.String()))
		default: // CPython seeds from hash(str), which varies per process.
			r.SeedRandom()
		}
	default:
		n, ok := toBig(x)
		if !ok {
			return nil, value.Errorf(value.TypeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
		}
		r.Seed(n)
	}
	return value.None, nil
}

// seedV1 is the int that seed(s, version=1) makes of a str.
func seedV1(s string) uint64 {
	var x uint64
	if s != "" {
		c, _ := utf8.DecodeRuneInString(s)
		x = uint64(c) << 7
	}
	for _, c := range s {
		x = 1000003*x ^ uint64(c)
	}
	return x ^ uint64(utf8.RuneCountInString(s))
}

func random(th value.Thread, r *Rand, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	if err := noArgs("random", args, kwargs); err != nil {
		return nil, err
	}
	return value.Float(r.Random()), nil
}

func getrandbits(th value.Thread, r *Rand, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	if err := oneArg("getrandbits", args, kwargs); err != nil {
		return nil, err
	}
	k, err := asInt(args[0])
	if err != nil {
		return nil, err
	}
	x, err := r.GetRandBits(k)
	if err != nil {
		return nil, value.PyfmtError(err)
	}
	return fromBig(x), nil
}

var randrangeParams = params{names: []string{"start", "stop", "step"}, required: 1, npos: 3}

func randrange(th value.Thread, r *Rand, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	a, err := randrangeParams.bind("randrange", args, kwargs)
	if err != nil {
		return nil, err
	}
	return rangeCall(r, a[0], a[1], a[2])
}

// rangeCall is randrange(start, stop, step) on script values; stop and
// step are nil when not given.
func rangeCall(r *Rand, start, stop, step value.Value) (value.Value, error) {
	if lo, hi, ok := smallRange(start, stop, step); ok {
		return value.MakeInt(lo + int64(r.Below(int(hi-lo)))), nil
	}
	istart, err := rangeArg(start, "arg 1")
	if err != nil {
		return nil, err
	}
	var istop, istep *big.Int
	if stop != nil && stop != value.None {
		if istop, err = rangeArg(stop, "stop"); err != nil {
			return nil, err
		}
	}
	if step != nil {
		if i, ok := step.(value.Int); !ok || i != 1 { // `step is not _ONE`
			if istop == nil {
				return nil, value.Errorf(value.TypeError, "Missing a non-None stop argument")
			}
			if istep, err = rangeArg(step, "step"); err != nil {
				return nil, err
			}
		}
	}
	x, err := r.RandRange(istart, istop, istep)
	if err != nil {
		return nil, value.PyfmtError(err)
	}
	return fromBig(x), nil
}

// smallRange reports whether randrange(start, stop, step) is a non-empty
// range of unit step whose bounds and width fit in an int64, the case
// that needs no big.Int.
func smallRange(start, stop, step value.Value) (lo, hi int64, ok bool) {
	if s, isInt := step.(value.Int); step != nil && (!isInt || s != 1) {
		return 0, 0, false
	}
	a, ok1 := start.(value.Int)
	b, ok2 := stop.(value.Int)
	if stop == nil {
		a, b, ok1, ok2 = 0, a, true, ok1
	}
	const limit = 1 << 62
	if !ok1 || !ok2 || a >= b || a < -limit || b > limit {
		return 0, 0, false
	}
	return int64(a), int64(b), true
}

// rangeArg converts an argument of randrange: an int, or (deprecated) a
// value whose int() equals it.
func rangeArg(v value.Value, which string) (*big.Int, error) {
	if x, ok := toBig(v); ok {
		return x, nil
	}
	switch x := v.(type) {
	case value.Float:
		n, err := pyfmt.FloatToInt(float64(x))
		if err != nil {
			return nil, value.PyfmtError(err)
		}
		if float64(x) != math.Trunc(float64(x)) {
			return nil, value.Errorf(value.ValueError, "non-integer %s for randrange()", which)
		}
		return n, nil
	case value.String:
		if _, err := pyfmt.ParseInt(x.String(), 10); err != nil {
			return nil, value.PyfmtError(err)
		}
		return nil, value.Errorf(value.ValueError, "non-integer %s for randrange()", which)
	}
	return nil, value.Errorf(value.TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'", v.Type().Name)
}

var twoParams = params{names: []string{"a", "b"}, required: 2, npos: 2}

func randint(th value.Thread, r *Rand, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	a, err := twoParams.bind("randint", args, kwargs)
	if err != nil {
		return nil, err
	}
	var stop value.Value
	if b, ok := a[1].(value.Int); ok && b < math.MaxInt64 {
		stop = value.MakeInt(int64(b) + 1)
	} else if stop, err = value.Binary(th, lang.Add, a[1], value.MakeInt(1)); err != nil {
		return nil, err
	}
	return rangeCall(r, a[0], stop, nil)
}

func uniform(th value.Thread, r *Rand, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	a, err := twoParams.bind("uniform", args, kwargs)
	if err != nil {
		return nil, err
	}
	width, err := value.Binary(th, lang.Sub, a[1], a[0])
	if err != nil {
		return nil, err
	}
	d, err := value.Binary(th, lang.Mul, width, value.Float(r.Random()))
	if err != nil {
		return nil, err
	}
	return value.Binary(th, lang.Add, a[0], d)
}

var choiceParams = params{names: []string{"seq"}, required: 1, npos: 1}

func choice(th value.Thread, r *Rand, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	a, err := choiceParams.bind("choice", args, kwargs)
	if err != nil {
		return nil, err
	}
	n, err := value.Len(th, a[0])
	if err != nil {
		return nil, err
	}
	i, err := r.Choice(n)
	if err != nil {
		return nil, value.PyfmtError(err)
	}
	return value.GetItem(th, a[0], value.MakeInt(int64(i)))
}

var shuffleParams = params{names: []string{"x"}, required: 1, npos: 1}

func shuffle(th value.Thread, r *Rand, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	a, err := shuffleParams.bind("shuffle", args, kwargs)
	if err != nil {
		return nil, err
	}
	if l, ok := a[0].(*value.List); ok {
		r.Shuffle(len(l.Elems), func(i, j int) { l.Elems[i], l.Elems[j] = l.Elems[j], l.Elems[i] })
		return value.None, nil
	}
	x := a[0]
	n, err := value.Len(th, x)
	if err != nil {
		return nil, err
	}
	for i := n - 1; i > 0; i-- {
		j := r.Below(i + 1)
		if err := swap(th, x, i, j); err != nil {
			return nil, err
		}
	}
	return value.None, nil
}

// swap is x[i], x[j] = x[j], x[i].
func swap(th value.Thread, x value.Value, i, j int) error {
	ki, kj := value.MakeInt(int64(i)), value.MakeInt(int64(j))
	xj, err := value.GetItem(th, x, kj)
	if err != nil {
		return err
	}
	xi, err := value.GetItem(th, x, ki)
	if err != nil {
		return err
	}
	if err := value.SetItem(th, x, ki, xj); err != nil {
		return err
	}
	return value.SetItem(th, x, kj, xi)
}

var sampleParams = params{names: []string{"population", "k", "counts"}, required: 2, npos: 2}

func sample(th value.Thread, r *Rand, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	a, err := sampleParams.bind("sample", args, kwargs)
	if err != nil {
		return nil, err
	}
	pop := a[0]
	switch pop.(type) {
	case *value.List, value.Tuple, value.String, *value.Range:
	default:
		return nil, value.Errorf(value.TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).")
	}
	n, err := value.Len(th, pop)
	if err != nil {
		return nil, err
	}
	var cum []int64
	if a[2] != nil && a[2] != value.None {
		if cum, err = cumulativeCounts(th, a[2], n); err != nil {
			return nil, err
		}
		n = int(cum[len(cum)-1])
	}
	k, err := sampleSize(a[1], n)
	if err != nil {
		return nil, err
	}
	picks, err := r.SampleIndices(n, k)
	if err != nil {
		return nil, value.PyfmtError(err)
	}
	out := make([]value.Value, len(picks))
	for i, p := range picks {
		if cum != nil {
			p = bisectCounts(cum[:len(cum)-1], int64(p))
		}
		if out[i], err = value.GetItem(th, pop, value.MakeInt(int64(p))); err != nil {
			return nil, err
		}
	}
	return value.NewList(out), nil
}

// sampleSize checks sample's k against the population size n as CPython
// does: `0 <= k <= n`, then `[None] * k`.
func sampleSize(v value.Value, n int) (int, error) {
	errRange := value.Errorf(value.ValueError, "Sample larger than population or is negative")
	if x, ok := toBig(v); ok {
		if x.Sign() < 0 || x.Cmp(big.NewInt(int64(n))) > 0 {
			return 0, errRange
		}
		return int(x.Int64()), nil
	}
	if f, ok := v.(value.Float); ok {
		if !(0 <= f && float64(f) <= float64(n)) {
			return 0, errRange
		}
		return 0, value.Errorf(value.TypeError, "can't multiply sequence by non-int of type 'float'")
	}
	return 0, value.Errorf(value.TypeError, "'<=' not supported between instances of 'int' and '%s'", v.Type().Name)
}

// cumulativeCounts is sample's `list(accumulate(counts))` with its checks,
// for int counts.
func cumulativeCounts(th value.Thread, counts value.Value, n int) ([]int64, error) {
	var cum []int64
	total := int64(0)
	err := value.ForEach(th, counts, func(v value.Value) error {
		c, ok := value.AsInt64(v)
		if !ok {
			return value.Errorf(value.TypeError, "Counts must be integers")
		}
		total += c
		cum = append(cum, total)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(cum) != n {
		return nil, value.Errorf(value.ValueError, "The number of counts does not match the population")
	}
	if total <= 0 {
		return nil, value.Errorf(value.ValueError, "Total of counts must be greater than zero")
	}
	return cum, nil
}

// bisectCounts is bisect.bisect_right(cum, x).
func bisectCounts(cum []int64, x int64) int {
	lo, hi := 0, len(cum)
	for lo < hi {
		mid := (lo + hi) / 2
		if x < cum[mid] {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

var choicesParams = params{names: []string{"population", "weights", "cum_weights", "k"}, required: 1, npos: 2}

func choices(th value.Thread, r *Rand, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	a, err := choicesParams.bind("choices", args, kwargs)
	if err != nil {
		return nil, err
	}
	pop, weights, cum := a[0], a[1], a[2]
	n, err := value.Len(th, pop)
	if err != nil {
		return nil, err
	}
	k := 1
	if a[3] != nil {
		if k, err = asIndex(a[3]); err != nil {
			return nil, err
		}
	}
	var cumWeights []value.Value
	switch {
	case cum == nil || cum == value.None:
		if weights == nil || weights == value.None {
			out := make([]value.Value, 0, max(k, 0))
			for i := 0; i < k; i++ {
				j := int64(math.Floor(r.Random() * float64(n)))
				v, err := value.GetItem(th, pop, value.MakeInt(j))
				if err != nil {
					return nil, err
				}
				out = append(out, v)
			}
			return value.NewList(out), nil
		}
		if cumWeights, err = accumulate(th, weights); err != nil {
			return nil, err
		}
	case weights != nil && weights != value.None:
		return nil, value.Errorf(value.TypeError, "Cannot specify both weights and cumulative weights")
	default:
		if cumWeights, err = value.Collect(th, cum); err != nil {
			return nil, err
		}
	}
	if len(cumWeights) != n {
		return nil, value.Errorf(value.ValueError, "The number of weights does not match the population")
	}
	if n == 0 {
		return nil, value.Errorf(value.IndexError, "list index out of range")
	}
	t, err := value.Binary(th, lang.Add, cumWeights[n-1], value.Float(0))
	if err != nil {
		return nil, err
	}
	total, _ := t.(value.Float)
	if !(total > 0) {
		return nil, value.Errorf(value.ValueError, "Total of weights must be greater than zero")
	}
	if math.IsInf(float64(total), 0) || math.IsNaN(float64(total)) {
		return nil, value.Errorf(value.ValueError, "Total of weights must be finite")
	}
	out := make([]value.Value, 0, max(k, 0))
	for i := 0; i < k; i++ {
		j, err := bisect(th, cumWeights, value.Float(r.Random()*float64(total)), n-1)
		if err != nil {
			return nil, err
		}
		v, err := value.GetItem(th, pop, value.MakeInt(int64(j)))
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return value.NewList(out), nil
}

// accumulate is list(itertools.accumulate(weights)), which raises the
// special TypeError of choices when weights is an int.
func accumulate(th value.Thread, weights value.Value) ([]value.Value, error) {
	it, err := value.Iterate(th, weights)
	if err != nil {
		if k, ok := weights.(value.Int); ok {
			return nil, value.Errorf(value.TypeError, "The number of choices must be a keyword argument: k=%d", int64(k))
		}
		return nil, err
	}
	var out []value.Value
	var sum value.Value
	for {
		v, ok, err := it.Next(th)
		if err != nil {
			return nil, err
		}
		if !ok {
			return out, nil
		}
		if sum == nil {
			sum = v
		} else if sum, err = value.Binary(th, lang.Add, sum, v); err != nil {
			return nil, err
		}
		out = append(out, sum)
	}
}

// bisect is bisect.bisect_right(a, x, 0, hi).
func bisect(th value.Thread, a []value.Value, x value.Value, hi int) (int, error) {
	lo := 0
	for lo < hi {
		mid := (lo + hi) / 2
		less, err := value.Less(th, x, a[mid])
		if err != nil {
			return 0, err
		}
		if less {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, nil
}

var noParams = params{}

func getstate(th value.Thread, r *Rand, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	if _, err := noParams.bind("getstate", args, kwargs); err != nil {
		return nil, err
	}
	words := r.State()
	state := make(value.Tuple, len(words))
	for i, w := range words {
		state[i] = value.MakeInt(int64(w))
	}
	return value.Tuple{value.MakeInt(3), state, value.None}, nil
}

var setstateParams = params{names: []string{"state"}, required: 1, npos: 1}

func setstate(th value.Thread, r *Rand, args []value.Value, kwargs []value.Kwarg) (value.Value, error) {
	a, err := setstateParams.bind("setstate", args, kwargs)
	if err != nil {
		return nil, err
	}
	version, err := value.GetItem(th, a[0], value.MakeInt(0))
	if err != nil {
		return nil, err
	}
	v, _ := value.AsInt64(version)
	if _, isInt := version.(value.Int); !isInt || v != 2 && v != 3 {
		vs, err := value.Str(th, version)
		if err != nil {
			return nil, err
		}
		return nil, value.Errorf(value.ValueError, "state with version %s passed to Random.setstate() of version 3", vs)
	}
	items, err := unpack(th, a[0], 3)
	if err != nil {
		return nil, err
	}
	inner := items[1]
	if v == 2 { // version 2 saved signed words: take them modulo 2**32
		if inner, err = unsignedWords(th, inner); err != nil {
			return nil, err
		}
	}
	words, err := stateWords(inner)
	if err != nil {
		return nil, err
	}
	if err := r.SetState(words); err != nil {
		return nil, value.PyfmtError(err)
	}
	return value.None, nil
}

// stateWords converts the internal state tuple of setstate as CPython's
// random_setstate does.
func stateWords(v value.Value) ([]uint32, error) {
	inner, ok := v.(value.Tuple)
	if !ok {
		return nil, value.Errorf(value.TypeError, "state vector must be a tuple")
	}
	if len(inner) != n+1 {
		return nil, value.Errorf(value.ValueError, "state vector is the wrong size")
	}
	words := make([]uint32, n+1)
	for i, v := range inner {
		x, ok := toBig(v)
		switch {
		case !ok:
			return nil, value.Errorf(value.TypeError, "an integer is required")
		case i == n: // the position, a C long
			if !x.IsInt64() {
				return nil, value.Errorf(value.OverflowError, "Python int too large to convert to C long")
			}
			if x.Int64() < 0 || x.Int64() > n {
				return nil, value.Errorf(value.ValueError, "invalid state")
			}
		case x.Sign() < 0:
			return nil, value.Errorf(value.OverflowError, "can't convert negative int to unsigned")
		case x.BitLen() > 64:
			return nil, value.Errorf(value.OverflowError, "Python int too large to convert to C unsigned long")
		}
		words[i] = uint32(x.Uint64())
	}
	return words, nil
}

// unsignedWords is tuple(x % 2**32 for x in v).
func unsignedWords(th value.Thread, v value.Value) (value.Value, error) {
	var out value.Tuple
	err := value.ForEach(th, v, func(x value.Value) error {
		w, err := value.Binary(th, lang.Mod, x, value.MakeInt(1<<32))
		out = append(out, w)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// unpack is `a, b, c = v` for want targets.
func unpack(th value.Thread, v value.Value, want int) ([]value.Value, error) {
	it, err := value.Iterate(th, v)
	if err != nil {
		return nil, err
	}
	var items []value.Value
	for {
		x, ok, err := it.Next(th)
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if len(items) == want {
			return nil, value.Errorf(value.ValueError, "too many values to unpack (expected %d)", want)
		}
		items = append(items, x)
	}
	if len(items) < want {
		return nil, value.Errorf(value.ValueError, "not enough values to unpack (expected %d, got %d)", want, len(items))
	}
	return items, nil
}
