package value

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/asyncgen/asyncgen/runtime/internal/pyfmt"
)

// isPySpace is Python's str.isspace for one code point.
func isPySpace(r rune) bool { return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f }

func strReceiver(args []Value) String { return args[0].(String) }

// strArg checks that args[i] (if present) is a str.
func strArg(fname string, args []Value, i int) (string, error) {
	s, ok := args[i].(String)
	if !ok {
		return "", Errorf(TypeError, "%s() argument %d must be str, not %s", fname, i, args[i].Type().Name)
	}
	return s.s, nil
}

// optStrArg returns args[i] as a str, or "", false when absent or None.
func optStrArg(fname string, args []Value, i int) (string, bool, error) {
	if i >= len(args) || args[i] == None {
		return "", false, nil
	}
	s, ok := args[i].(String)
	if !ok {
		return "", false, Errorf(TypeError, "%s arg must be None or str", fname)
	}
	return s.s, true, nil
}

// span resolves optional start and end arguments (slice semantics, in code
// points) to byte offsets into s. ok is false when start is beyond the end.
func (s String) span(args []Value) (lo, hi, loCP int, ok bool, err error) {
	n := int64(s.n)
	bound := func(i int, def int64) (int64, error) {
		if i >= len(args) || args[i] == None {
			return def, nil
		}
		v, err := sliceInt(args[i], def)
		if err != nil {
			return 0, err
		}
		if v < 0 {
			v = max(v+n, 0)
		}
		return v, nil
	}
	start, err := bound(0, 0)
	if err != nil {
		return
	}
	end, err := bound(1, n)
	if err != nil {
		return
	}
	if start > n {
		return 0, 0, 0, false, nil
	}
	end = max(min(end, n), start)
	lo = s.byteOffset(int(start))
	hi = lo + String{s.s[lo:], s.n - int(start)}.byteOffset(int(end-start))
	return lo, hi, int(start), true, nil
}

func cpIndex(s string, byteIdx int) int { return utf8.RuneCountInString(s[:byteIdx]) }

// strFind implements find, rfind, index, rindex.
func strFind(name string, last, raise bool) BuiltinFunc {
	return func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkArgs(name, args[1:], kwargs, 1, 3); err != nil {
			return nil, err
		}
		s := strReceiver(args)
		sub, ok := args[1].(String)
		if !ok {
			return nil, Errorf(TypeError, "must be str, not %s", args[1].Type().Name)
		}
		lo, hi, loCP, in, err := s.span(args[2:])
		if err != nil {
			return nil, err
		}
		i := -1
		if in {
			text := s.s[lo:hi]
			if last {
				i = strings.LastIndex(text, sub.s)
			} else {
				i = strings.Index(text, sub.s)
			}
			if i >= 0 {
				i = loCP + cpIndex(text, i)
			}
		}
		if i < 0 && raise {
			return nil, Errorf(ValueError, "substring not found")
		}
		return MakeInt(int64(i)), nil
	}
}

func strCount(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("count", args[1:], kwargs, 1, 3); err != nil {
		return nil, err
	}
	s := strReceiver(args)
	sub, ok := args[1].(String)
	if !ok {
		return nil, Errorf(TypeError, "must be str, not %s", args[1].Type().Name)
	}
	lo, hi, _, in, err := s.span(args[2:])
	if err != nil || !in {
		return MakeInt(0), err
	}
	text := s.s[lo:hi]
	if sub.s == "" {
		return MakeInt(int64(utf8.RuneCountInString(text) + 1)), nil
	}
	return MakeInt(int64(strings.Count(text, sub.s))), nil
}

// strAffix implements startswith and endswith.
func strAffix(name string, suffix bool) BuiltinFunc {
	return func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkArgs(name, args[1:], kwargs, 1, 3); err != nil {
			return nil, err
		}
		s := strReceiver(args)
		var affixes []Value
		switch a := args[1].(type) {
		case String:
			affixes = []Value{a}
		case Tuple:
			affixes = a
		default:
			return nil, Errorf(TypeError, "%s first arg must be str or a tuple of str, not %s", name, args[1].Type().Name)
		}
		lo, hi, _, in, err := s.span(args[2:])
		if err != nil || !in {
			return False, err
		}
		text := s.s[lo:hi]
		for _, a := range affixes {
			x, ok := a.(String)
			if !ok {
				return nil, Errorf(TypeError, "tuple for %s must only contain str, not %s", name, a.Type().Name)
			}
			if suffix && strings.HasSuffix(text, x.s) || !suffix && strings.HasPrefix(text, x.s) {
				return True, nil
			}
		}
		return False, nil
	}
}

// strStrip implements strip, lstrip and rstrip.
func strStrip(name string, left, right bool) BuiltinFunc {
	return func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkArgs(name, args[1:], kwargs, 0, 1); err != nil {
			return nil, err
		}
		s := strReceiver(args).s
		chars, given, err := optStrArg(name, args, 1)
		if err != nil {
			return nil, err
		}
		cut := isPySpace
		if given {
			cut = func(r rune) bool { return strings.ContainsRune(chars, r) }
		}
		if left {
			s = strings.TrimLeftFunc(s, cut)
		}
		if right {
			s = strings.TrimRightFunc(s, cut)
		}
		return MakeString(s), nil
	}
}

// splitArgs reads the sep and maxsplit arguments of split and rsplit.
func splitArgs(name string, args []Value, kwargs []Kwarg) (sep string, hasSep bool, max int64, err error) {
	var a [2]Value
	if len(kwargs) == 0 && len(args) <= 3 {
		copy(a[:], args[1:]) // positional only: no binding
	} else {
		var b []Value
		if b, err = bindArgs(name, args[1:], kwargs, []string{"sep", "maxsplit"}, 0, 0); err != nil {
			return
		}
		copy(a[:], b)
	}
	max = -1
	if a[1] != nil {
		if max, err = asInt(a[1]); err != nil {
			return
		}
	}
	if a[0] != nil && a[0] != None {
		s, ok := a[0].(String)
		if !ok {
			err = Errorf(TypeError, "must be str or None, not %s", a[0].Type().Name)
			return
		}
		if s.s == "" {
			err = Errorf(ValueError, "empty separator")
			return
		}
		sep, hasSep = s.s, true
	}
	return
}

func strSplit(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	sep, hasSep, max, err := splitArgs("split", args, kwargs)
	if err != nil {
		return nil, err
	}
	s := strReceiver(args).s
	if hasSep {
		n := int64(strings.Count(s, sep)) + 1
		if max >= 0 {
			n = min(n, max+1)
		}
		if err := Alloc(th, n*(wordSize+int64(unsafe.Sizeof(String{})))); err != nil {
			return nil, err
		}
		return NewList(splitValues(s, sep, int(n))), nil
	}
	parts, err := splitSpace(th, s, max)
	if err != nil {
		return nil, err
	}
	return stringList(th, parts)
}

// addPart appends p to parts, reporting a larger array to th first.
func addPart(th Thread, parts []string, p string) ([]string, error) {
	parts, err := Grow(th, parts, 1)
	if err != nil {
		return nil, err
	}
	return append(parts, p), nil
}

// splitSpace splits on runs of whitespace, at most max times.
func splitSpace(th Thread, s string, max int64) ([]string, error) {
	var parts []string
	for {
		s = strings.TrimLeftFunc(s, isPySpace)
		if s == "" {
			return parts, nil
		}
		if max >= 0 && int64(len(parts)) == max {
			return addPart(th, parts, s)
		}
		end := strings.IndexFunc(s, isPySpace)
		if end < 0 {
			return addPart(th, parts, s)
		}
		var err error
		if parts, err = addPart(th, parts, s[:end]); err != nil {
			return nil, err
		}
		s = s[end:]
	}
}

func strRSplit(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	sep, hasSep, max, err := splitArgs("rsplit", args, kwargs)
	if err != nil {
		return nil, err
	}
	parts, err := rsplit(th, strReceiver(args).s, sep, hasSep, max)
	if err != nil {
		return nil, err
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return stringList(th, parts)
}

// rsplit returns the parts of s.rsplit(sep, max), last first; without
// hasSep it splits on runs of whitespace.
func rsplit(th Thread, s, sep string, hasSep bool, max int64) (parts []string, err error) {
	if hasSep {
		for max != 0 {
			i := strings.LastIndex(s, sep)
			if i < 0 {
				break
			}
			if parts, err = addPart(th, parts, s[i+len(sep):]); err != nil {
				return nil, err
			}
			s = s[:i]
			max--
		}
		return addPart(th, parts, s)
	}
	for {
		s = strings.TrimRightFunc(s, isPySpace)
		if s == "" {
			return parts, nil
		}
		i := -1
		if max != 0 {
			i = strings.LastIndexFunc(s, isPySpace)
		}
		if i < 0 {
			return addPart(th, parts, s)
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		if parts, err = addPart(th, parts, s[i+size:]); err != nil {
			return nil, err
		}
		s = s[:i]
		max--
	}
}

// stringList returns parts as a list of str, reported to th first.
func stringList(th Thread, parts []string) (Value, error) {
	if err := Alloc(th, int64(len(parts))*(wordSize+int64(unsafe.Sizeof(String{})))); err != nil {
		return nil, err
	}
	return NewList(stringValues(parts)), nil
}

// joinItems returns the items of v for str.join. As CPython's
// PySequence_Fast, it fails with TypeError when v is not iterable and
// lets any other error through: one raised by __iter__ or while
// iterating, MemoryError included.
func joinItems(th Thread, v Value) ([]Value, error) {
	switch v := v.(type) {
	case *List:
		return v.Elems, nil // no script code runs while join reads them
	case Tuple:
		return v, nil
	}
	it, err := Iterate(th, v)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.Class == TypeError {
			return nil, Errorf(TypeError, "can only join an iterable")
		}
		return nil, err
	}
	var items []Value
	for {
		x, ok, err := it.Next(th)
		if err != nil || !ok {
			return items, err
		}
		if items, err = Grow(th, items, 1); err != nil {
			return nil, err
		}
		items = append(items, x)
	}
}

func strJoin(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkOneArg("str.join", args, kwargs, 1); err != nil {
		return nil, err
	}
	sep := strReceiver(args)
	items, err := joinItems(th, args[1])
	if err != nil {
		return nil, err
	}
	var size int64
	runes := 0
	for i, it := range items {
		s, ok := it.(String)
		if !ok {
			return nil, Errorf(TypeError, "sequence item %d: expected str instance, %s found", i, it.Type().Name)
		}
		size, runes = size+int64(len(s.s)), runes+s.n
	}
	if seps := int64(len(items) - 1); seps > 0 {
		size += mulSize(int64(len(sep.s)), seps)
		runes += sep.n * int(seps)
	}
	if err := Alloc(th, size); err != nil {
		return nil, err
	}
	v, b := newStrValue(int(size), runes)
	off := 0
	for i, it := range items {
		if i > 0 {
			off += copy(b[off:], sep.s)
		}
		off += copy(b[off:], it.(String).s)
	}
	return v, nil
}

func strReplace(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkArgs("replace", args[1:], kwargs, 2, 3); err != nil {
		return nil, err
	}
	old, err := strArg("replace", args, 1)
	if err != nil {
		return nil, err
	}
	repl, err := strArg("replace", args, 2)
	if err != nil {
		return nil, err
	}
	count := int64(-1)
	if len(args) == 4 {
		if count, err = asInt(args[3]); err != nil {
			return nil, err
		}
	}
	if err := Alloc(th, replaceSize(strReceiver(args), old, repl, count)); err != nil {
		return nil, err
	}
	return MakeString(strings.Replace(strReceiver(args).s, old, repl, int(count))), nil
}

// strMap makes a method applying f to the whole string, or ascii (if not
// nil) to each byte of an ASCII one.
func strMap(name string, f func(string) string, ascii func(byte) byte) BuiltinFunc {
	full := "str." + name // made once, not at each call
	return func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs(full, args, kwargs); err != nil {
			return nil, err
		}
		s := strReceiver(args)
		if err := Alloc(th, int64(len(s.s))); err != nil {
			return nil, err
		}
		if ascii != nil && s.ascii() {
			v, b := newStrValue(len(s.s), s.n)
			for i := range b {
				b[i] = ascii(s.s[i])
			}
			return v, nil
		}
		return MakeString(f(s.s)), nil
	}
}

// strPredicate makes an isX method that is true for non-empty strings
// whose every code point satisfies ok.
func strPredicate(name string, ok func(rune) bool) BuiltinFunc {
	full := "str." + name // made once, not at each call
	return func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs(full, args, kwargs); err != nil {
			return nil, err
		}
		s := strReceiver(args).s
		if s == "" {
			return False, nil
		}
		for _, r := range s {
			if !ok(r) {
				return False, nil
			}
		}
		return True, nil
	}
}

func isPyDigit(r rune) bool {
	return unicode.IsDigit(r) || strings.ContainsRune("¹²³⁰⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉①②③④⑤⑥⑦⑧⑨", r)
}

func isPyNumeric(r rune) bool {
	return unicode.IsNumber(r) || strings.ContainsRune("〇一二三四五六七八九十百千万億兆", r)
}

// strCase implements isupper (upper) and islower: every cased code point
// has that case, and there is one.
func strCase(name string, upper bool) BuiltinFunc {
	full := "str." + name // made once, not at each call
	return func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkNoArgs(full, args, kwargs); err != nil {
			return nil, err
		}
		cased := false
		for _, r := range strReceiver(args).s {
			if unicode.IsTitle(r) || upper && unicode.IsLower(r) || !upper && unicode.IsUpper(r) {
				return False, nil
			}
			if isCased(r) {
				cased = true
			}
		}
		return Bool(cased), nil
	}
}

func strIsIdentifier(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkNoArgs("str.isidentifier", args, kwargs); err != nil {
		return nil, err
	}
	return Bool(isIdentifier(strReceiver(args).s)), nil
}

// strIsTitle is str.istitle: uppercase characters only after uncased
// ones, lowercase ones only after cased ones, and at least one cased.
func strIsTitle(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkNoArgs("str.istitle", args, kwargs); err != nil {
		return nil, err
	}
	cased, prev := false, false
	for _, r := range strReceiver(args).s {
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			if prev {
				return False, nil
			}
			prev, cased = true, true
		case unicode.IsLower(r):
			if !prev {
				return False, nil
			}
			prev, cased = true, true
		default:
			prev = false
		}
	}
	return Bool(cased), nil
}

// strIsASCII is str.isascii, true for "".
func strIsASCII(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkNoArgs("str.isascii", args, kwargs); err != nil {
		return nil, err
	}
	return Bool(strReceiver(args).ascii()), nil
}

// strIsPrintable is str.isprintable, true for "".
func strIsPrintable(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkNoArgs("str.isprintable", args, kwargs); err != nil {
		return nil, err
	}
	for _, r := range strReceiver(args).s {
		if !pyfmt.IsPrintable(r) {
			return False, nil
		}
	}
	return True, nil
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		start := r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r)
		if i == 0 && !start {
			return false
		}
		if !start && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Mc, r) && !unicode.Is(unicode.Pc, r) {
			return false
		}
	}
	return true
}

// padArgs reads the width and fillchar arguments of center, ljust, rjust.
func padArgs(name string, args []Value, kwargs []Kwarg) (width int64, fill string, err error) {
	if err = checkArgs(name, args[1:], kwargs, 1, 2); err != nil {
		return
	}
	if width, err = asInt(args[1]); err != nil {
		return
	}
	fill = " "
	if len(args) == 3 {
		f, ok := args[2].(String)
		if !ok {
			err = Errorf(TypeError, "%s() argument 2 must be str, not %s", name, args[2].Type().Name)
			return
		}
		if f.n != 1 {
			err = Errorf(TypeError, "The fill character must be exactly one character long")
			return
		}
		fill = f.s
	}
	return
}

// strPad implements center, ljust and rjust.
func strPad(name string) BuiltinFunc {
	return func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		width, fill, err := padArgs(name, args, kwargs)
		if err != nil {
			return nil, err
		}
		if err := Alloc(th, mulSize(int64(len(fill)), width)); err != nil {
			return nil, err
		}
		s := strReceiver(args)
		marg := int(width) - s.n
		if marg <= 0 {
			return s, nil
		}
		var left int
		switch name {
		case "center":
			left = marg/2 + (marg & int(width) & 1)
		case "rjust":
			left = marg
		}
		return MakeString(strings.Repeat(fill, left) + s.s + strings.Repeat(fill, marg-left)), nil
	}
}

func strZfill(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if err := checkOneArg("str.zfill", args, kwargs, 1); err != nil {
		return nil, err
	}
	width, err := asInt(args[1])
	if err != nil {
		return nil, err
	}
	if err := Alloc(th, mulSize(1, width)); err != nil {
		return nil, err
	}
	s := strReceiver(args)
	fill := int(width) - s.n
	if fill <= 0 {
		return s, nil
	}
	sign := ""
	body := s.s
	if body != "" && (body[0] == '+' || body[0] == '-') {
		sign, body = body[:1], body[1:]
	}
	return MakeString(sign + strings.Repeat("0", fill) + body), nil
}

// strPartition implements partition and rpartition.
func strPartition(name string, last bool) BuiltinFunc {
	full := "str." + name // made once, not at each call
	return func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg(full, args, kwargs, 1); err != nil {
			return nil, err
		}
		s := strReceiver(args).s
		sep, err := strArg(name, args, 1)
		if err != nil {
			return nil, err
		}
		if sep == "" {
			return nil, Errorf(ValueError, "empty separator")
		}
		i := strings.Index(s, sep)
		if last {
			i = strings.LastIndex(s, sep)
		}
		if i < 0 {
			if last {
				return Tuple{MakeString(""), MakeString(""), MakeString(s)}, nil
			}
			return Tuple{MakeString(s), MakeString(""), MakeString("")}, nil
		}
		return Tuple{MakeString(s[:i]), args[1], MakeString(s[i+len(sep):])}, nil
	}
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

func strSplitlines(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	a, err := bindArgs("splitlines", args[1:], kwargs, []string{"keepends"}, 0, 0)
	if err != nil {
		return nil, err
	}
	keep := false
	if a[0] != nil {
		if keep, err = Truth(th, a[0]); err != nil {
			return nil, err
		}
	}
	s := strReceiver(args).s
	var lines []string
	for s != "" {
		i := strings.IndexFunc(s, isLineBreak)
		if i < 0 {
			if lines, err = addPart(th, lines, s); err != nil {
				return nil, err
			}
			break
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		end := i + size
		if s[i] == '\r' && end < len(s) && s[end] == '\n' {
			end++
		}
		line := s[:i]
		if keep {
			line = s[:end]
		}
		if lines, err = addPart(th, lines, line); err != nil {
			return nil, err
		}
		s = s[end:]
	}
	return stringList(th, lines)
}

func strExpandtabs(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	a, err := bindArgs("expandtabs", args[1:], kwargs, []string{"tabsize"}, 0, 0)
	if err != nil {
		return nil, err
	}
	size := int64(8)
	if a[0] != nil {
		if size, err = asInt(a[0]); err != nil {
			return nil, err
		}
	}
	if size > math.MaxInt32 || size < math.MinInt32 {
		return nil, Errorf(OverflowError, "Python int too large to convert to C int")
	}
	s := strReceiver(args).s
	if err := Alloc(th, int64(len(s))+mulSize(int64(strings.Count(s, "\t")), size)); err != nil {
		return nil, err
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			if size > 0 {
				n := int(size) - col%int(size)
				b.WriteString(strings.Repeat(" ", n))
				col += n
			}
		case '\n', '\r':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return MakeString(b.String()), nil
}

// strTrimAffix implements removeprefix and removesuffix.
func strTrimAffix(name string, suffix bool) BuiltinFunc {
	full := "str." + name // made once, not at each call
	return func(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := checkOneArg(full, args, kwargs, 1); err != nil {
			return nil, err
		}
		x, ok := args[1].(String)
		if !ok {
			return nil, Errorf(TypeError, "%s() argument must be str, not %s", name, args[1].Type().Name)
		}
		s := strReceiver(args).s
		if suffix {
			return MakeString(strings.TrimSuffix(s, x.s)), nil
		}
		return MakeString(strings.TrimPrefix(s, x.s)), nil
	}
}

func strFormatMethod(th Thread, args []Value, kwargs []Kwarg) (Value, error) {
	s, err := strFormat(th, strReceiver(args).s, args[1:], kwargs)
	return MakeString(s), err
}

// strMethods are the methods of str other than its operators.
var strMethods = []method{
	{"find", strFind("find", false, false)},
	{"rfind", strFind("rfind", true, false)},
	{"index", strFind("index", false, true)},
	{"rindex", strFind("rindex", true, true)},
	{"count", strCount},
	{"startswith", strAffix("startswith", false)},
	{"endswith", strAffix("endswith", true)},
	{"strip", strStrip("strip", true, true)},
	{"lstrip", strStrip("lstrip", true, false)},
	{"rstrip", strStrip("rstrip", false, true)},
	{"split", strSplit},
	{"rsplit", strRSplit},
	{"join", strJoin},
	{"replace", strReplace},
	{"upper", strMap("upper", upper, asciiUpper)},
	{"lower", strMap("lower", lower, asciiLower)},
	{"casefold", strMap("casefold", casefold, asciiLower)},
	{"title", strMap("title", title, nil)},
	{"capitalize", strMap("capitalize", capitalize, nil)},
	{"swapcase", strMap("swapcase", swapcase, nil)},
	{"isdigit", strPredicate("isdigit", isPyDigit)},
	{"isdecimal", strPredicate("isdecimal", unicode.IsDigit)},
	{"isnumeric", strPredicate("isnumeric", isPyNumeric)},
	{"isalpha", strPredicate("isalpha", unicode.IsLetter)},
	{"isalnum", strPredicate("isalnum", func(r rune) bool { return unicode.IsLetter(r) || isPyNumeric(r) || isPyDigit(r) })},
	{"isspace", strPredicate("isspace", isPySpace)},
	{"isascii", strIsASCII},
	{"isprintable", strIsPrintable},
	{"istitle", strIsTitle},
	{"isupper", strCase("isupper", true)},
	{"islower", strCase("islower", false)},
	{"isidentifier", strIsIdentifier},
	{"center", strPad("center")},
	{"ljust", strPad("ljust")},
	{"rjust", strPad("rjust")},
	{"zfill", strZfill},
	{"partition", strPartition("partition", false)},
	{"rpartition", strPartition("rpartition", true)},
	{"splitlines", strSplitlines},
	{"expandtabs", strExpandtabs},
	{"removeprefix", strTrimAffix("removeprefix", false)},
	{"removesuffix", strTrimAffix("removesuffix", true)},
	{"format", strFormatMethod},
}
