package value

import (
	"strconv"
	"strings"

	"github.com/asyncgen/asyncgen/runtime/internal/pyfmt"
)

// percentFormat implements format % args for str.
func percentFormat(th Thread, format String, arg Value) (Value, error) {
	var args []Value
	mapping := Value(nil)
	switch a := arg.(type) {
	case Tuple:
		args = a
	case *Dict:
		mapping = a
		args = []Value{a}
	case *List, *Range:
		mapping = a // CPython's PyMapping_Check: no "not all arguments converted"
		args = []Value{a}
	default:
		if userClass(a) != nil && a.Type().Lookup("__getitem__") != nil {
			mapping = a
		}
		args = []Value{a}
	}
	s := format.s
	b := builder{th: th}
	next := 0
	getArg := func() (Value, error) {
		if next >= len(args) {
			return nil, Errorf(TypeError, "not enough arguments for format string")
		}
		next++
		return args[next-1], nil
	}
	usedMapping := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(s) {
			return nil, Errorf(ValueError, "incomplete format")
		}
		var v Value
		if s[i] == '(' {
			if mapping == nil {
				return nil, Errorf(TypeError, "format requires a mapping")
			}
			end := strings.IndexByte(s[i:], ')')
			if end < 0 {
				return nil, Errorf(ValueError, "incomplete format key")
			}
			var err error
			if v, err = GetItem(th, mapping, MakeString(s[i+1:i+end])); err != nil {
				return nil, err
			}
			usedMapping = true
			i += end + 1
		}
		var flags []byte
		for i < len(s) && strings.IndexByte("-+ #0", s[i]) >= 0 {
			flags = append(flags, s[i])
			i++
		}
		readNum := func() (string, error) {
			if i < len(s) && s[i] == '*' {
				i++
				a, err := getArg()
				if err != nil {
					return "", err
				}
				n, ok := AsInt64(a)
				if !ok {
					return "", Errorf(TypeError, "* wants int")
				}
				return strconv.FormatInt(n, 10), nil
			}
			start := i
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				i++
			}
			return s[start:i], nil
		}
		width, err := readNum()
		if err != nil {
			return nil, err
		}
		prec := ""
		if i < len(s) && s[i] == '.' {
			i++
			if prec, err = readNum(); err != nil {
				return nil, err
			}
			prec = "." + prec
			if prec == "." {
				prec = ".0"
			}
		}
		if i >= len(s) {
			return nil, Errorf(ValueError, "incomplete format")
		}
		typ := s[i]
		if typ == '%' {
			b.WriteByte('%')
			continue
		}
		if v == nil {
			if v, err = getArg(); err != nil {
				return nil, err
			}
		}
		out, err := percentOne(th, typ, flags, width, prec, v, i)
		if err != nil {
			return nil, err
		}
		b.WriteString(out)
	}
	r, err := b.result()
	if err != nil {
		return nil, err
	}
	if next < len(args) && !usedMapping && mapping == nil {
		return nil, Errorf(TypeError, "not all arguments converted during string formatting")
	}
	return MakeString(r), nil
}

// percentOne formats one %-conversion through the format-spec machinery.
func percentOne(th Thread, typ byte, flags []byte, width, prec string, v Value, pos int) (string, error) {
	if x, ok := v.(Int); ok && (typ == 'd' || typ == 'i' || typ == 'u') && len(flags) == 0 && width == "" && prec == "" {
		return strconv.FormatInt(int64(x), 10), nil // a plain %d
	}
	has := func(c byte) bool { return strings.IndexByte(string(flags), c) >= 0 }
	numeric := strings.IndexByte("srac", typ) < 0
	zero := has('0') && !has('-') && numeric
	var spec strings.Builder
	if has('-') {
		spec.WriteByte('<')
	} else if !zero {
		spec.WriteByte('>')
	}
	if has('+') {
		spec.WriteByte('+')
	} else if has(' ') {
		spec.WriteByte(' ')
	}
	if has('#') {
		spec.WriteByte('#')
	}
	if zero {
		spec.WriteByte('0')
	}
	spec.WriteString(width)
	switch typ {
	case 's', 'r', 'a':
		str, err := ToString(th, v, rune(typ))
		if err != nil {
			return "", err
		}
		spec.WriteString(prec)
		out, err := pyfmt.FormatString(str, mustSpec(spec.String()))
		return out, PyfmtError(err)
	case 'c':
		var str string
		switch x := v.(type) {
		case String:
			if x.n != 1 {
				return "", Errorf(TypeError, "%%c requires int or char")
			}
			str = x.s
		default:
			n, ok := AsInt64(v)
			if !ok {
				return "", Errorf(TypeError, "%%c requires int or char")
			}
			if n < 0 || n > 0x10ffff {
				return "", Errorf(OverflowError, "%%c arg not in range(0x110000)")
			}
			str = string(rune(n))
		}
		out, err := pyfmt.FormatString(str, mustSpec(spec.String()))
		return out, PyfmtError(err)
	case 'd', 'i', 'u', 'x', 'X', 'o':
		n, err := percentInt(v, typ)
		if err != nil {
			return "", err
		}
		t := typ
		if t == 'i' || t == 'u' {
			t = 'd'
		}
		spec.WriteByte(t)
		out, err := pyfmt.FormatInt(toBig(n), mustSpec(spec.String()))
		return out, PyfmtError(err)
	case 'e', 'E', 'f', 'F', 'g', 'G':
		if !isInt(v) {
			if _, ok := v.(Float); !ok {
				return "", Errorf(TypeError, "must be real number, not %s", v.Type().Name)
			}
		}
		f, err := toFloat(v)
		if err != nil {
			return "", err
		}
		if prec == "" {
			prec = ".6"
		}
		spec.WriteString(prec)
		spec.WriteByte(typ)
		out, err := pyfmt.FormatFloat(f, mustSpec(spec.String()))
		return out, PyfmtError(err)
	}
	return "", Errorf(ValueError, "unsupported format character '%c' (0x%x) at index %d", typ, typ, pos)
}

func percentInt(v Value, typ byte) (Value, error) {
	switch x := v.(type) {
	case Int, *BigInt:
		return x, nil
	case Bool:
		return intValue(x), nil
	case Float:
		if typ == 'd' || typ == 'i' || typ == 'u' {
			b, err := pyfmt.FloatToInt(float64(x))
			if err != nil {
				return nil, PyfmtError(err)
			}
			return MakeBigInt(b), nil
		}
		return nil, Errorf(TypeError, "%%%c format: an integer is required, not float", typ)
	}
	if typ == 'd' || typ == 'i' || typ == 'u' {
		return nil, Errorf(TypeError, "%%%c format: a real number is required, not %s", typ, v.Type().Name)
	}
	return nil, Errorf(TypeError, "%%%c format: an integer is required, not %s", typ, v.Type().Name)
}

// mustSpec parses a spec built by percentOne, which is always valid.
func mustSpec(s string) pyfmt.Spec {
	sp, _ := pyfmt.ParseSpec(s)
	return sp
}
