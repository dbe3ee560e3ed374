package pyrand

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// params describes the parameters of a random.Random method written in
// Python (self excluded), for CPython's argument errors.
type params struct {
	names    []string // positional-or-keyword, then keyword-only
	required int      // how many leading names have no default
	npos     int      // how many names may be given positionally
}

// bind matches args and kwargs to p's names; missing optional parameters
// are nil. Messages are CPython's for a method of Random (counting self).
func (p params) bind(fname string, args []value.Value, kwargs []value.Kwarg) ([]value.Value, error) {
	if len(args) > p.npos {
		takes := fmt.Sprintf("from %d to %d positional arguments", p.required+1, p.npos+1)
		if p.required == p.npos {
			takes = fmt.Sprintf("%d positional argument%s", p.npos+1, plural(p.npos+1))
		}
		return nil, value.Errorf(value.TypeError, "Random.%s() takes %s but %d %s given", fname, takes, len(args)+1, were(len(args)+1))
	}
	slots := make([]value.Value, len(p.names))
	copy(slots, args)
	for _, kw := range kwargs {
		i := indexOf(p.names, kw.Name)
		switch {
		case i < 0:
			return nil, value.Errorf(value.TypeError, "Random.%s() got an unexpected keyword argument '%s'", fname, kw.Name)
		case slots[i] != nil:
			return nil, value.Errorf(value.TypeError, "Random.%s() got multiple values for argument '%s'", fname, kw.Name)
		}
		slots[i] = kw.Value
	}
	var missing []string
	for i := 0; i < p.required; i++ {
		if slots[i] == nil {
			missing = append(missing, "'"+p.names[i]+"'")
		}
	}
	if len(missing) > 0 {
		return nil, value.Errorf(value.TypeError, "Random.%s() missing %d required positional argument%s: %s", fname, len(missing), plural(len(missing)), joinNames(missing))
	}
	return slots, nil
}

// noArgs checks the arguments of a method written in C that takes none.
func noArgs(fname string, args []value.Value, kwargs []value.Kwarg) error {
	if len(kwargs) > 0 {
		return value.Errorf(value.TypeError, "Random.%s() takes no keyword arguments", fname)
	}
	if len(args) > 0 {
		return value.Errorf(value.TypeError, "Random.%s() takes no arguments (%d given)", fname, len(args))
	}
	return nil
}

// oneArg checks the arguments of a method written in C that takes one
// positional argument.
func oneArg(fname string, args []value.Value, kwargs []value.Kwarg) error {
	if len(kwargs) > 0 {
		return value.Errorf(value.TypeError, "Random.%s() takes no keyword arguments", fname)
	}
	if len(args) != 1 {
		return value.Errorf(value.TypeError, "Random.%s() takes exactly one argument (%d given)", fname, len(args))
	}
	return nil
}

func indexOf(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func were(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}

// joinNames joins as CPython's missing-argument message does: 'a', 'a' and
// 'b', 'a', 'b', and 'c'.
func joinNames(names []string) string {
	switch len(names) {
	case 1:
		return names[0]
	case 2:
		return names[0] + " and " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + ", and " + names[len(names)-1]
}

// toBig returns the value of an int (or bool).
func toBig(v value.Value) (*big.Int, bool) {
	if i, ok := value.AsInt64(v); ok {
		return big.NewInt(i), true
	}
	if b, ok := v.(*value.BigInt); ok {
		return b.Big(), true
	}
	return nil, false
}

// fromBig returns x as a script int.
func fromBig(x *big.Int) value.Value {
	if x.IsInt64() {
		return value.MakeInt(x.Int64())
	}
	return value.MakeBigInt(x)
}

// asInt converts an argument that must be an int fitting in C's int, as
// CPython's argument parsing does.
func asInt(v value.Value) (int, error) {
	x, ok := toBig(v)
	if !ok {
		return 0, value.Errorf(value.TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	if !x.IsInt64() || x.Int64() > 1<<31-1 || x.Int64() < -1<<31 {
		return 0, value.Errorf(value.OverflowError, "Python int too large to convert to C int")
	}
	return int(x.Int64()), nil
}

// asIndex converts an argument that must be an int fitting in a Go int
// (Py_ssize_t), as range(k) and list * k do.
func asIndex(v value.Value) (int, error) {
	x, ok := toBig(v)
	if !ok {
		return 0, value.Errorf(value.TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	if !x.IsInt64() {
		return 0, value.Errorf(value.OverflowError, "Python int too large to convert to C ssize_t")
	}
	return int(x.Int64()), nil
}
