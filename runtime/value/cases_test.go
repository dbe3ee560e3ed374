package value

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"os"
	"strconv"
	"testing"

	"github.com/asyncgen/asyncgen/lang"
)

// testThread is a minimal Thread for tests.
type testThread struct {
	out    bytes.Buffer
	locals map[string]any
}

func newTestThread() *testThread { return &testThread{locals: map[string]any{}} }

func (t *testThread) Stdout() io.Writer          { return &t.out }
func (t *testThread) Local(key string) any       { return t.locals[key] }
func (t *testThread) SetLocal(key string, v any) { t.locals[key] = v }

// testCase is one entry of testdata/cases.json, written by testdata/gen.py.
type testCase struct {
	Kind   string                     `json:"kind"`
	Op     string                     `json:"op"`
	Name   string                     `json:"name"`
	Args   []json.RawMessage          `json:"args"`
	Kwargs map[string]json.RawMessage `json:"kwargs"`
	Repr   *string                    `json:"repr"`
	Error  *string                    `json:"error"`
}

var builtinsForTest = Builtins()

// decode converts gen.py's tagged JSON to a Value.
func decode(t *testing.T, th Thread, raw json.RawMessage) Value {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	return decodeAny(t, th, v)
}

func decodeAny(t *testing.T, th Thread, v any) Value {
	switch v := v.(type) {
	case nil:
		return None
	case bool:
		return Bool(v)
	case map[string]any:
		for tag, x := range v {
			list := func() []Value {
				var out []Value
				for _, e := range x.([]any) {
					out = append(out, decodeAny(t, th, e))
				}
				return out
			}
			switch tag {
			case "int":
				n, ok := new(big.Int).SetString(x.(string), 10)
				if !ok {
					t.Fatalf("bad int %v", x)
				}
				return MakeBigInt(n)
			case "float":
				f, err := strconv.ParseFloat(x.(string), 64)
				if err != nil && x.(string) != "nan" && x.(string) != "inf" && x.(string) != "-inf" {
					t.Fatal(err)
				}
				return Float(f)
			case "str":
				return MakeString(x.(string))
			case "list":
				return NewList(list())
			case "tuple":
				return Tuple(list())
			case "dict":
				d := NewDict(0)
				for _, kv := range x.([]any) {
					pair := kv.([]any)
					if err := d.SetItem(th, decodeAny(t, th, pair[0]), decodeAny(t, th, pair[1])); err != nil {
						t.Fatal(err)
					}
				}
				return d
			case "set", "frozenset":
				s := NewSet()
				for _, e := range list() {
					if err := s.Add(th, e); err != nil {
						t.Fatal(err)
					}
				}
				s.frozen = tag == "frozenset"
				return s
			case "slice":
				p := list()
				return &Slice{p[0], p[1], p[2]}
			case "range":
				p := list()
				return makeRange(toBig(p[0]), toBig(p[1]), toBig(p[2]))
			case "builtin":
				if b, ok := builtinsForTest[x.(string)]; ok {
					return b
				}
				return testKeyFuncs[x.(string)]
			}
		}
	}
	t.Fatalf("cannot decode %v", v)
	return nil
}

// testKeyFuncs stand in for the Python functions gen.py passes as key=.
var testKeyFuncs = map[string]Value{
	"<lambda>": NewBuiltin("first", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return GetItem(th, args[0], MakeInt(0))
	}),
	"lower": NewBuiltin("lower", func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		m, err := GetAttr(th, args[0], "lower")
		if err != nil {
			return nil, err
		}
		return Call(th, m, nil, nil)
	}),
}

var binaryOps = map[string]lang.Op{
	"+": lang.Add, "-": lang.Sub, "*": lang.Mul, "/": lang.Div, "//": lang.FloorDiv, "%": lang.Mod,
	"**": lang.Pow, "<<": lang.LShift, ">>": lang.RShift, "|": lang.BitOr, "^": lang.BitXor, "&": lang.BitAnd,
	"==": lang.Eq, "!=": lang.NotEq, "<": lang.Lt, "<=": lang.LtE, ">": lang.Gt, ">=": lang.GtE,
	"in": lang.In, "not in": lang.NotIn, "~": lang.Invert, "not": lang.Not,
}

var unaryOps = map[string]lang.Op{"-": lang.USub, "+": lang.UAdd, "~": lang.Invert, "not": lang.Not}

// run performs a case and returns the repr of its result, or the error line.
func (c *testCase) run(t *testing.T) (string, error) {
	th := newTestThread()
	args := make([]Value, len(c.Args))
	for i, a := range c.Args {
		args[i] = decode(t, th, a)
	}
	var kwargs []Kwarg
	for name, raw := range c.Kwargs {
		kwargs = append(kwargs, Kwarg{name, decode(t, th, raw)})
	}
	var r Value
	var err error
	switch c.Kind {
	case "binary":
		r, err = Binary(th, binaryOps[c.Op], args[0], args[1])
	case "compare":
		r, err = Compare(th, binaryOps[c.Op], args[0], args[1])
	case "unary":
		r, err = Unary(th, unaryOps[c.Op], args[0])
	case "repr", "str", "ascii":
		var s string
		switch c.Kind {
		case "repr":
			s, err = Repr(th, args[0])
		case "str":
			s, err = Str(th, args[0])
		default:
			s, err = ToString(th, args[0], 'a')
		}
		r = MakeString(s)
	case "hash":
		var h int64
		h, err = Hash(th, args[0])
		r = MakeInt(h)
	case "method":
		var m Value
		if m, err = GetAttr(th, args[0], c.Name); err == nil {
			if r, err = Call(th, m, args[1:], kwargs); err == nil {
				if c.Name == "keys" || c.Name == "values" || c.Name == "items" {
					r, err = newListValue(th, ListType, []Value{r}, nil)
				}
				r = Tuple{r, args[0]}
			}
		}
	case "builtin":
		fn := builtinsForTest[c.Name]
		if r, err = Call(th, fn, args, kwargs); err == nil {
			switch c.Name {
			case "reversed", "enumerate", "zip":
				r, err = newListValue(th, ListType, []Value{r}, nil)
			}
		}
	case "getitem":
		r, err = GetItem(th, args[0], args[1])
	case "setitem":
		err = SetItem(th, args[0], args[1], args[2])
		r = args[0]
	case "delitem":
		err = DelItem(th, args[0], args[1])
		r = args[0]
	default:
		t.Fatalf("unknown kind %q", c.Kind)
	}
	if err != nil {
		return "", err
	}
	s, err := Repr(th, r)
	if err != nil {
		t.Fatalf("repr of result: %v", err)
	}
	return s, nil
}

func TestCases(t *testing.T) {
	data, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []testCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	failed := 0
	for i := range cases {
		c := &cases[i]
		got, err := c.run(t)
		var want string
		if c.Error != nil {
			want = "error " + *c.Error
		} else {
			want = *c.Repr
		}
		if err != nil {
			e, ok := err.(*Exception)
			if !ok {
				t.Errorf("case %d: non-exception error %T %v", i, err, err)
				continue
			}
			got = "error " + e.Error()
		}
		if got != want {
			failed++
			if failed <= 200 {
				args, _ := json.Marshal(c.Args)
				t.Errorf("%s %s%s %s\n got: %s\nwant: %s", c.Kind, c.Op, c.Name, args, got, want)
			}
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d cases failed", failed, len(cases))
	}
}

var _ = fmt.Sprint
