package vm

import (
	"fmt"
	"strings"

	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// bind stores the arguments of a call in the parameter slots, with
// CPython's checks and messages. self, when not nil, is the first
// positional argument.
func (f *Function) bind(th *Thread, slots []value.Value, self value.Value, args []value.Value, names []string, vals []value.Value) error {
	code := f.code
	nargs := len(args)
	if self != nil {
		nargs++
	}
	if f.simple && nargs == code.ArgCount && len(names) == 0 {
		if self != nil {
			slots[0] = self
			copy(slots[1:], args)
		} else {
			copy(slots, args)
		}
		return nil
	}
	npos := code.ArgCount
	// Positional arguments.
	get := func(i int) value.Value {
		if self != nil {
			if i == 0 {
				return self
			}
			return args[i-1]
		}
		return args[i]
	}
	n := min(nargs, npos)
	for i := 0; i < n; i++ {
		slots[i] = get(i)
	}
	next := npos + code.KwOnly
	if code.Flags&compile.Varargs != 0 {
		extra := make(value.Tuple, 0, max(nargs-npos, 0))
		for i := npos; i < nargs; i++ {
			extra = append(extra, get(i))
		}
		slots[next] = extra
		next++
	} else if nargs > npos {
		return f.tooMany(nargs, names)
	}
	var kwdict *value.Dict
	if code.Flags&compile.Varkw != 0 {
		kwdict = value.NewDict(0)
		slots[next] = kwdict
	}
	// Keyword arguments.
	var posAsKw []string
	for k, name := range names {
		i := -1
		for j := code.PosOnly; j < npos+code.KwOnly; j++ {
			if code.Locals[j] == name {
				i = j
				break
			}
		}
		if i < 0 {
			if kwdict != nil {
				if err := kwdict.SetItem(th, value.MakeString(name), vals[k]); err != nil {
					return err
				}
				continue
			}
			for j := 0; j < code.PosOnly; j++ {
				if code.Locals[j] == name {
					posAsKw = append(posAsKw, name)
				}
			}
			if posAsKw != nil {
				continue
			}
			return value.Errorf(value.TypeError, "%s() got an unexpected keyword argument '%s'", f.qualname, name)
		}
		if slots[i] != nil {
			return value.Errorf(value.TypeError, "%s() got multiple values for argument '%s'", f.qualname, name)
		}
		slots[i] = vals[k]
	}
	if posAsKw != nil {
		return value.Errorf(value.TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
			f.qualname, strings.Join(posAsKw, ", "))
	}
	// Defaults and missing arguments.
	firstDefault := npos - len(f.defaults)
	var missing []string
	for i := nargs; i < npos; i++ {
		if slots[i] != nil {
			continue
		}
		if i >= firstDefault {
			slots[i] = f.defaults[i-firstDefault]
		} else {
			missing = append(missing, code.Locals[i])
		}
	}
	if missing != nil {
		return f.missing(missing, "positional")
	}
	for i := npos; i < npos+code.KwOnly; i++ {
		if slots[i] != nil {
			continue
		}
		if f.kwdefaults != nil {
			if v, ok := f.kwdefaults.GetString(code.Locals[i]); ok {
				slots[i] = v
				continue
			}
		}
		missing = append(missing, code.Locals[i])
	}
	if missing != nil {
		return f.missing(missing, "keyword-only")
	}
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func (f *Function) tooMany(given int, names []string) error {
	code := f.code
	takes := plural(code.ArgCount, "positional argument")
	if len(f.defaults) > 0 {
		takes = fmt.Sprintf("from %d to %d positional arguments", code.ArgCount-len(f.defaults), code.ArgCount)
	}
	kwonly := 0
	for _, n := range names {
		for j := code.ArgCount; j < code.ArgCount+code.KwOnly; j++ {
			if code.Locals[j] == n {
				kwonly++
			}
		}
	}
	was := "were"
	if given == 1 {
		was = "was"
	}
	if kwonly > 0 {
		return value.Errorf(value.TypeError, "%s() takes %s but %s (and %s) were given",
			f.qualname, takes, plural(given, "positional argument"), plural(kwonly, "keyword-only argument"))
	}
	return value.Errorf(value.TypeError, "%s() takes %s but %d %s given", f.qualname, takes, given, was)
}

func (f *Function) missing(names []string, kind string) error {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "'" + n + "'"
	}
	var list string
	switch len(quoted) {
	case 1:
		list = quoted[0]
	case 2:
		list = quoted[0] + " and " + quoted[1]
	default:
		list = strings.Join(quoted[:len(quoted)-1], ", ") + ", and " + quoted[len(quoted)-1]
	}
	return value.Errorf(value.TypeError, "%s() missing %s: %s", f.qualname,
		plural(len(names), "required "+kind+" argument"), list)
}
