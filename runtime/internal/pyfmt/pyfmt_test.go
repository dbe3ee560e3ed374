package pyfmt

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"os"
	"strconv"
	"strings"
	"testing"
)

// A testCase is one line of testdata/cases.jsonl, made by testdata/gen.py
// running CPython.
type testCase struct {
	Op  string            `json:"op"`
	In  []json.RawMessage `json:"in"`
	Out json.RawMessage   `json:"out"`
	Err string            `json:"err"`
}

func TestCPythonCases(t *testing.T) {
	f, err := os.Open("testdata/cases.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	counts := map[string]int{}
	fails := 0
	for line := 1; sc.Scan(); line++ {
		var c testCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("line %d: %v", line, err)
		}
		got, err := run(t, c)
		want := string(c.Out)
		if c.Err != "" {
			want = "error " + c.Err
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("line %d: %s: error of type %T", line, c.Op, err)
			}
			got = "error " + e.Kind.String() + ": " + e.Msg
		}
		counts[c.Op]++
		if got != want {
			fails++
			if fails <= 40 {
				t.Errorf("line %d: %s%s:\n got %s\nwant %s", line, c.Op, inputs(c), got, want)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if fails > 0 {
		t.Errorf("%d cases failed", fails)
	}
	t.Logf("cases per op: %v", counts)
}

func inputs(c testCase) string {
	s := ""
	for _, in := range c.In {
		s += " " + string(in)
	}
	return s
}

// run performs the operation of c and returns its result as JSON, in the
// encoding of gen.py.
func run(t *testing.T, c testCase) (string, error) {
	str := func(i int) string {
		var s string
		if err := json.Unmarshal(c.In[i], &s); err != nil {
			t.Fatalf("%s: input %d: %v", c.Op, i, err)
		}
		return s
	}
	num := func(i int) int {
		n, err := strconv.Atoi(string(c.In[i]))
		if err != nil {
			t.Fatalf("%s: input %d: %v", c.Op, i, err)
		}
		return n
	}
	float := func(i int) float64 {
		f, err := strconv.ParseFloat(str(i), 64)
		if err != nil {
			t.Fatalf("%s: input %d: %v", c.Op, i, err)
		}
		return f
	}
	integer := func(i int) *big.Int {
		x, ok := new(big.Int).SetString(str(i), 0)
		if !ok {
			t.Fatalf("%s: input %d: bad int %s", c.Op, i, c.In[i])
		}
		return x
	}
	switch c.Op {
	case "repr":
		return jsonString(FloatRepr(float(0))), nil
	case "format_float", "format_int", "format_str", "format_bool":
		spec, err := ParseSpec(str(1))
		if err != nil {
			return "", err
		}
		var s string
		switch c.Op {
		case "format_float":
			s, err = FormatFloat(float(0), spec)
		case "format_int":
			s, err = FormatInt(integer(0), spec)
		case "format_bool":
			spec.TypeName = "bool"
			x := big.NewInt(0)
			if string(c.In[0]) == "true" {
				x.SetInt64(1)
			}
			s, err = FormatInt(x, spec)
		default:
			s, err = FormatString(str(0), spec)
		}
		return jsonString(s), err
	case "quote":
		return jsonString(Quote(str(0))), nil
	case "int_string":
		s, err := IntString(integer(0))
		return jsonString(s), err
	case "int_to_base":
		return jsonString(IntToBase(integer(0), num(1))), nil
	case "parse_int":
		x, err := ParseInt(str(0), num(1))
		if err != nil {
			return "", err
		}
		return jsonString(IntToBase(x, 16)), nil
	case "parse_float":
		f, err := ParseFloat(str(0))
		return jsonString(FloatHex(f)), err
	case "round":
		if string(c.In[1]) == "null" {
			x, err := FloatToInt(RoundHalfEven(float(0)))
			if err != nil {
				return "", err
			}
			return jsonString(IntToBase(x, 16)), nil
		}
		f := float(0)
		r := Round(f, num(1))
		if math.IsInf(r, 0) && !math.IsInf(f, 0) {
			return "", errorf(OverflowError, "rounded value too large to represent")
		}
		return jsonString(FloatHex(r)), nil
	case "float_to_int":
		x, err := FloatToInt(float(0))
		if err != nil {
			return "", err
		}
		return jsonString(IntToBase(x, 16)), nil
	case "hash":
		return strconv.FormatInt(FloatHash(float(0)), 10), nil
	case "floordiv":
		q, err := FloorDiv(float(0), float(1))
		return jsonString(FloatHex(q)), err
	case "mod":
		m, err := Mod(float(0), float(1))
		return jsonString(FloatHex(m)), err
	case "divmod":
		q, m, err := DivMod(float(0), float(1))
		return fmt.Sprintf("[%s, %s]", jsonString(FloatHex(q)), jsonString(FloatHex(m))), err
	}
	t.Fatalf("unknown op %q", c.Op)
	return "", nil
}

// jsonString encodes s as Python's json.dumps(s, ensure_ascii=False) does.
func jsonString(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
