package value

import (
	"strconv"
	"strings"

	"github.com/asyncgen/asyncgen/runtime/internal/pyfmt"
)

// Format returns format(v, spec), as f-strings and str.format use it.
func Format(th Thread, v Value, spec string) (string, error) {
	if userClass(v) != nil {
		r, ok, err := callDunder(th, v, "__format__", MakeString(spec))
		if err != nil {
			return "", err
		}
		if ok {
			s, isStr := r.(String)
			if !isStr {
				return "", Errorf(TypeError, "__format__ must return a str, not %s", r.Type().Name)
			}
			return s.s, nil
		}
	}
	switch x := v.(type) {
	case Int, *BigInt, Bool:
		if spec == "" {
			return Str(th, v)
		}
		sp, err := pyfmt.ParseSpec(spec)
		if err != nil {
			return "", PyfmtError(err)
		}
		sp.TypeName = v.Type().Name
		s, err := pyfmt.FormatInt(toBig(x), sp)
		return s, PyfmtError(err)
	case Float:
		if spec == "" {
			return pyfmt.FloatRepr(float64(x)), nil
		}
		sp, err := pyfmt.ParseSpec(spec)
		if err != nil {
			return "", PyfmtError(err)
		}
		s, err := pyfmt.FormatFloat(float64(x), sp)
		return s, PyfmtError(err)
	case String:
		if spec == "" {
			return x.s, nil
		}
		sp, err := pyfmt.ParseSpec(spec)
		if err != nil {
			return "", PyfmtError(err)
		}
		s, err := pyfmt.FormatString(x.s, sp)
		return s, PyfmtError(err)
	}
	if spec != "" {
		return "", Errorf(TypeError, "unsupported format string passed to %s.__format__", v.Type().Name)
	}
	return Str(th, v)
}

// ToString applies an f-string conversion: 'r' (repr), 's' (str), 'a'
// (ascii), or 0 (str).
func ToString(th Thread, v Value, conv rune) (string, error) {
	switch conv {
	case 'r':
		return Repr(th, v)
	case 'a':
		s, err := Repr(th, v)
		return asciiRepr(s), err
	case 's', 0:
		return Str(th, v)
	}
	return "", Errorf(ValueError, "Unknown conversion specifier %c", conv)
}

// convertFormat applies an optional conversion and then a spec.
func convertFormat(th Thread, v Value, conv rune, spec string) (string, error) {
	if conv != 0 {
		s, err := ToString(th, v, conv)
		if err != nil {
			return "", err
		}
		v = MakeString(s)
	}
	return Format(th, v, spec)
}

// strFormat implements str.format.
func strFormat(th Thread, format string, args []Value, kwargs []Kwarg) (string, error) {
	f := &formatter{th: th, args: args, kwargs: kwargs}
	return f.format(format, 2)
}

type formatter struct {
	th     Thread
	args   []Value
	kwargs []Kwarg
	auto   int // next automatic field number; -1 once manual numbering is used
	manual bool
}

func (f *formatter) format(s string, depth int) (string, error) {
	if depth == 0 {
		return "", Errorf(ValueError, "Max string recursion exceeded")
	}
	b := builder{th: f.th}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '{' && i+1 < len(s) && s[i+1] == '{':
			b.WriteByte('{')
			i += 2
		case c == '}' && i+1 < len(s) && s[i+1] == '}':
			b.WriteByte('}')
			i += 2
		case c == '}':
			return "", Errorf(ValueError, "Single '}' encountered in format string")
		case c == '{' && i+1 == len(s):
			return "", Errorf(ValueError, "Single '{' encountered in format string")
		case c == '{':
			end, err := fieldEnd(s, i+1)
			if err != nil {
				return "", err
			}
			out, err := f.field(s[i+1:end], depth)
			if err != nil {
				return "", err
			}
			b.WriteString(out)
			i = end + 1
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.result()
}

// fieldEnd returns the index of the '}' closing a field starting at i.
func fieldEnd(s string, i int) (int, error) {
	level := 1
	inBracket := false
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '[':
			inBracket = true
		case ']':
			inBracket = false
		case '{':
			if !inBracket {
				level++
			}
		case '}':
			if !inBracket {
				level--
				if level == 0 {
					return j, nil
				}
			}
		}
	}
	if level > 0 && strings.IndexByte(s[i:], '}') < 0 {
		return 0, Errorf(ValueError, "expected '}' before end of string")
	}
	return 0, Errorf(ValueError, "unmatched '{' in format spec")
}

func (f *formatter) field(field string, depth int) (string, error) {
	name, spec := field, ""
	conv := rune(0)
	// The name ends at the first '!' or ':' outside brackets.
	inBracket := false
	for j := 0; j < len(field); j++ {
		c := field[j]
		if c == '[' {
			inBracket = true
		} else if c == ']' {
			inBracket = false
		} else if !inBracket && (c == '!' || c == ':') {
			name = field[:j]
			rest := field[j:]
			if c == '!' {
				if len(rest) < 2 {
					return "", Errorf(ValueError, "end of string while looking for conversion specifier")
				}
				conv = rune(rest[1])
				rest = rest[2:]
				if rest != "" && rest[0] != ':' {
					return "", Errorf(ValueError, "expected ':' after conversion specifier")
				}
			}
			if rest != "" {
				spec = rest[1:]
			}
			break
		}
	}
	if conv != 0 && conv != 'r' && conv != 's' && conv != 'a' {
		return "", Errorf(ValueError, "Unknown conversion specifier %c", conv)
	}
	v, err := f.lookup(name)
	if err != nil {
		return "", err
	}
	if strings.ContainsAny(spec, "{}") {
		if spec, err = f.format(spec, depth-1); err != nil {
			return "", err
		}
	}
	return convertFormat(f.th, v, conv, spec)
}

// lookup resolves "0", "name", "0.attr", "name[key]" and the empty
// automatic field.
func (f *formatter) lookup(name string) (Value, error) {
	first := len(name)
	if i := strings.IndexAny(name, ".["); i >= 0 {
		first = i
	}
	head, rest := name[:first], name[first:]
	var v Value
	if head == "" || isDigits(head) {
		var n int
		if head == "" {
			if f.manual {
				return nil, Errorf(ValueError, "cannot switch from manual field specification to automatic field numbering")
			}
			n = f.auto
			f.auto++
		} else {
			if f.auto > 0 {
				return nil, Errorf(ValueError, "cannot switch from automatic field numbering to manual field specification")
			}
			f.manual = true
			n, _ = strconv.Atoi(head)
		}
		if n >= len(f.args) {
			return nil, Errorf(IndexError, "Replacement index %d out of range for positional args tuple", n)
		}
		v = f.args[n]
	} else {
		for _, kw := range f.kwargs {
			if kw.Name == head {
				v = kw.Value
			}
		}
		if v == nil {
			return nil, NewException(KeyError, MakeString(head))
		}
	}
	for rest != "" {
		var err error
		if rest[0] == '.' {
			end := strings.IndexAny(rest[1:], ".[")
			if end < 0 {
				end = len(rest) - 1
			}
			attr := rest[1 : end+1]
			if attr == "" {
				return nil, Errorf(ValueError, "Empty attribute in format string")
			}
			if v, err = GetAttr(f.th, v, attr); err != nil {
				return nil, err
			}
			rest = rest[end+1:]
			continue
		}
		if rest[0] != '[' {
			return nil, Errorf(ValueError, "Only '.' or '[' may follow ']' in format field specifier")
		}
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return nil, Errorf(ValueError, "Missing ']' in format string")
		}
		key := rest[1:end]
		var k Value = MakeString(key)
		if isDigits(key) {
			n, _ := strconv.Atoi(key)
			k = MakeInt(int64(n))
		}
		if v, err = GetItem(f.th, v, k); err != nil {
			return nil, err
		}
		rest = rest[end+1:]
	}
	return v, nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
