package pyrand

import (
	"bufio"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"strconv"
	"testing"

	"github.com/asyncgen/asyncgen/runtime/internal/pyfmt"
)

// A testCase is one line of testdata/cases.jsonl, made by testdata/gen.py
// running CPython.
type testCase struct {
	Seed []string `json:"seed"`
	Op   string   `json:"op"`
	Args []any    `json:"args"`
	Out  []any    `json:"out"`
	Err  string   `json:"err"`
}

func TestCPythonCases(t *testing.T) {
	f, err := os.Open("testdata/cases.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	fails, total := 0, 0
	for line := 1; sc.Scan(); line++ {
		var c testCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("line %d: %v", line, err)
		}
		total++
		r := seeded(t, c.Seed)
		var got []any
		count := max(len(c.Out), 1)
		var err error
		for i := 0; i < count && err == nil; i++ {
			var v any
			v, err = call(t, r, c.Op, c.Args)
			got = append(got, v)
		}
		var gotS, wantS string
		if err != nil {
			var e *pyfmt.Error
			if !errors.As(err, &e) {
				t.Fatalf("line %d: error of type %T", line, err)
			}
			gotS = "error " + e.Kind.String() + ": " + e.Msg
		} else {
			gotS = jsonOf(got)
		}
		if c.Err != "" {
			wantS = "error " + c.Err
		} else {
			wantS = jsonOf(c.Out)
		}
		if gotS != wantS {
			fails++
			if fails <= 20 {
				t.Errorf("line %d: seed %v %s%v:\n got %.300s\nwant %.300s", line, c.Seed, c.Op, c.Args, gotS, wantS)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if fails > 0 {
		t.Errorf("%d of %d cases failed", fails, total)
	}
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func seeded(t *testing.T, seed []string) *Rand {
	r := new(Rand)
	switch seed[0] {
	case "int":
		r.Seed(hexInt(t, seed[1]))
	case "str", "bytes":
		r.SeedBytes([]byte(seed[1]))
	case "float":
		f, err := strconv.ParseFloat(seed[1], 64)
		if err != nil {
			t.Fatal(err)
		}
		r.SeedFloat(f)
	default:
		t.Fatalf("bad seed %v", seed)
	}
	return r
}

func hexInt(t *testing.T, s string) *big.Int {
	x, ok := new(big.Int).SetString(s, 0)
	if !ok {
		t.Fatalf("bad int %q", s)
	}
	return x
}

// call performs op once and returns its result in gen.py's encoding.
func call(t *testing.T, r *Rand, op string, args []any) (any, error) {
	integer := func(i int) *big.Int {
		if args[i] == nil {
			return nil
		}
		return hexInt(t, args[i].(string))
	}
	small := func(i int) int { return int(integer(i).Int64()) }
	float := func(i int) float64 {
		f, err := strconv.ParseFloat(args[i].(string), 64)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	switch op {
	case "random":
		return pyfmt.FloatHex(r.Random()), nil
	case "getrandbits":
		x, err := r.GetRandBits(small(0))
		return hexOf(x), err
	case "randrange":
		var stop, step *big.Int
		if len(args) > 1 {
			stop = integer(1)
		}
		if len(args) > 2 {
			step = integer(2)
		}
		x, err := r.RandRange(integer(0), stop, step)
		return hexOf(x), err
	case "randint":
		x, err := r.RandInt(integer(0), integer(1))
		return hexOf(x), err
	case "uniform":
		return pyfmt.FloatHex(r.Uniform(float(0), float(1))), nil
	case "choice":
		i, err := r.Choice(small(0))
		return hexOf(big.NewInt(int64(i))), err
	case "shuffle":
		x := make([]int, small(0))
		for i := range x {
			x[i] = i
		}
		r.Shuffle(len(x), func(i, j int) { x[i], x[j] = x[j], x[i] })
		return hexList(x), nil
	case "sample":
		x, err := r.SampleIndices(small(0), small(1))
		return hexList(x), err
	case "mixed":
		var out []any
		out = append(out, pyfmt.FloatHex(r.Random()))
		x, _ := r.RandRange(big.NewInt(100), nil, nil)
		out = append(out, hexOf(x))
		x, _ = r.GetRandBits(40)
		out = append(out, hexOf(x))
		s, _ := r.SampleIndices(30, 4)
		out = append(out, hexList(s))
		x, _ = r.RandInt(big.NewInt(-3), big.NewInt(3))
		out = append(out, hexOf(x))
		i, _ := r.Choice(9)
		out = append(out, hexOf(big.NewInt(int64(i))))
		out = append(out, pyfmt.FloatHex(r.Uniform(1, 2)))
		return out, nil
	case "state":
		r.Random()
		var out []any
		for _, w := range r.State() {
			out = append(out, float64(w))
		}
		return out, nil
	}
	t.Fatalf("unknown op %q", op)
	return nil, nil
}

func hexList(x []int) []any {
	out := []any{}
	for _, v := range x {
		out = append(out, hexOf(big.NewInt(int64(v))))
	}
	return out
}

// hexOf is Python's hex().
func hexOf(x *big.Int) any {
	if x == nil {
		return nil
	}
	return pyfmt.IntToBase(x, 16)
}
