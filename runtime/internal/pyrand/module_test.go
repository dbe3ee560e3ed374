package pyrand

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"math"
	"math/big"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// thread is a minimal value.Thread for calling the module.
type thread struct{ locals map[string]any }

func (th *thread) Stdout() io.Writer          { return io.Discard }
func (th *thread) Local(key string) any       { return th.locals[key] }
func (th *thread) SetLocal(key string, v any) { th.locals[key] = v }

// TestModule runs the calls of testdata/module.jsonl, made by
// testdata/gen_module.py running CPython, through Module.
func TestModule(t *testing.T) {
	f, err := os.Open("testdata/module.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		var c struct {
			Calls [][]json.RawMessage `json:"calls"`
			Out   []string            `json:"out"`
		}
		d := json.NewDecoder(strings.NewReader(sc.Text()))
		d.UseNumber()
		if err := d.Decode(&c); err != nil {
			t.Fatalf("line %d: %v", line, err)
		}
		th := &thread{locals: map[string]any{}}
		mod := Module()
		var inst value.Value
		for i, call := range c.Calls {
			var name string
			var args []any
			var kwargs map[string]any
			for j, dst := range []any{&name, &args, &kwargs} {
				d := json.NewDecoder(strings.NewReader(string(call[j])))
				d.UseNumber()
				if err := d.Decode(dst); err != nil {
					t.Fatalf("line %d: %v", line, err)
				}
			}
			var fn value.Value
			if m, ok := strings.CutPrefix(name, "r."); ok {
				fn, err = value.GetAttr(th, inst, m)
			} else {
				fn, err = value.GetAttr(th, mod, name)
			}
			if err != nil {
				t.Fatalf("line %d: %v", line, err)
			}
			var vargs []value.Value
			for _, a := range args {
				vargs = append(vargs, toValue(t, a, false))
			}
			var vkw []value.Kwarg
			for _, k := range sortedKeys(kwargs, string(call[2])) {
				vkw = append(vkw, value.Kwarg{Name: k, Value: toValue(t, kwargs[k], false)})
			}
			res, err := value.Call(th, fn, vargs, vkw)
			var got string
			switch {
			case err != nil:
				var e *value.Exception
				if !errors.As(err, &e) {
					t.Fatalf("line %d: %s: error of type %T: %v", line, name, err, err)
				}
				got = "!" + e.Class.Name + ": " + exceptionText(th, e)
			case name == "Random":
				inst, got = res, "None"
			default:
				if got, err = value.Repr(th, res); err != nil {
					t.Fatal(err)
				}
			}
			if got != c.Out[i] {
				t.Errorf("line %d: call %d %s%v%v:\n got %.300s\nwant %.300s", line, i, name, args, kwargs, got, c.Out[i])
			}
		}
	}
}

func exceptionText(th value.Thread, e *value.Exception) string {
	if len(e.Args) != 1 {
		return ""
	}
	s, _ := value.Str(th, e.Args[0])
	return s
}

// sortedKeys returns the keys of m in the order they appear in src.
func sortedKeys(m map[string]any, src string) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	pos := func(k string) int { return strings.Index(src, strconv.Quote(k)) }
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if pos(keys[j]) < pos(keys[i]) {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
	}
	return keys
}

// toValue converts gen_module.py's JSON encoding of an argument; within a
// {"tuple": ...}, lists are tuples too.
func toValue(t *testing.T, a any, tuples bool) value.Value {
	switch a := a.(type) {
	case nil:
		return value.None
	case bool:
		return value.Bool(a)
	case string:
		return value.MakeString(a)
	case json.Number:
		s := a.String()
		if strings.ContainsAny(s, ".eE") {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatal(err)
			}
			return value.Float(f)
		}
		x, _ := new(big.Int).SetString(s, 10)
		return fromBig(x)
	case []any:
		var elems []value.Value
		for _, e := range a {
			elems = append(elems, toValue(t, e, tuples))
		}
		if tuples {
			return value.Tuple(elems)
		}
		return value.NewList(elems)
	case map[string]any:
		switch {
		case a["tuple"] != nil:
			return toValue(t, a["tuple"], true)
		case a["set"] != nil:
			s := value.NewSet()
			for _, e := range a["set"].([]any) {
				s.Add(nil, toValue(t, e, false))
			}
			return s
		case a["float"] != nil:
			switch a["float"] {
			case "nan":
				return value.Float(math.NaN())
			case "inf":
				return value.Float(math.Inf(1))
			}
		}
	}
	t.Fatalf("cannot convert %#v", a)
	return nil
}
