package value

import (
	"strconv"
	"strings"
	"unsafe"
)

// A str Value is two allocations when its String is converted to a Value
// the usual way: the bytes, and the copy of the String the interface
// points to. The strings that scripts make most (concatenations, str of
// an int, f-strings, join, an ASCII str's upper and lower) are built here
// in one piece instead: the String and its bytes, in an object of one of
// the allocator's size classes; the parts of a split share one array of
// Strings.

// strIn is a String followed by the array A of its bytes.
type strIn[A any] struct {
	hdr String
	buf A // an array of bytes
}

// stringItab is the interface word of a String held in a Value.
var stringItab = itabOf(String{})

// maxBoxed is the longest string newStrValue allocates in one piece.
const maxBoxed = 232

// newStrValue returns a str Value of n bytes, and the bytes, which the
// caller must fill before anything reads the Value, and then never
// change. runes is the string's length in code points.
func newStrValue(n, runes int) (Value, []byte) {
	var hdr *String
	var buf unsafe.Pointer
	switch {
	case n <= 8:
		hdr, buf = strBlock[[8]byte]()
	case n <= 24:
		hdr, buf = strBlock[[24]byte]()
	case n <= 40:
		hdr, buf = strBlock[[40]byte]()
	case n <= 56:
		hdr, buf = strBlock[[56]byte]()
	case n <= 72:
		hdr, buf = strBlock[[72]byte]()
	case n <= 104:
		hdr, buf = strBlock[[104]byte]()
	case n <= 136:
		hdr, buf = strBlock[[136]byte]()
	case n <= 168:
		hdr, buf = strBlock[[168]byte]()
	case n <= maxBoxed:
		hdr, buf = strBlock[[maxBoxed]byte]()
	default:
		b := make([]byte, n)
		hdr, buf = new(String), unsafe.Pointer(unsafe.SliceData(b))
	}
	b := unsafe.Slice((*byte)(buf), n)
	*hdr = String{unsafe.String((*byte)(buf), n), runes}
	return boxed(hdr), b
}

// strBlock allocates a String with the array A after it, and returns
// both.
func strBlock[A any]() (*String, unsafe.Pointer) {
	x := new(strIn[A])
	return &x.hdr, unsafe.Pointer(&x.buf)
}

// stringValues returns the strs of parts as Values, whose Strings are
// allocated together.
func stringValues(parts []string) []Value {
	hdrs := make([]String, len(parts))
	for i, p := range parts {
		hdrs[i] = MakeString(p)
	}
	return boxAll(hdrs)
}

// splitValues returns the n strs of s cut at the first n-1 seps it holds,
// the last one the rest of s, as Values whose Strings are allocated
// together.
func splitValues(s, sep string, n int) []Value {
	hdrs := make([]String, n)
	for i := range n - 1 {
		j := strings.Index(s, sep)
		hdrs[i], s = MakeString(s[:j]), s[j+len(sep):]
	}
	hdrs[n-1] = MakeString(s)
	return boxAll(hdrs)
}

// boxAll returns Values holding the Strings of hdrs, which must never
// change.
func boxAll(hdrs []String) []Value {
	elems := make([]Value, len(hdrs))
	for i := range hdrs {
		elems[i] = boxed(&hdrs[i])
	}
	return elems
}

// boxed returns the Value that holds *s, pointing to s, which must never
// change.
func boxed(s *String) Value { return makeValue(stringItab, unsafe.Pointer(s)) }

// concatValue returns a + b as a Value.
func concatValue(a, b String) Value {
	switch {
	case len(a.s) == 0:
		return b
	case len(b.s) == 0:
		return a
	}
	v, buf := newStrValue(len(a.s)+len(b.s), a.n+b.n)
	copy(buf[copy(buf, a.s):], b.s)
	return v
}

// JoinStrs returns the concatenation of parts, which must be strs (an
// f-string's pieces), made in one piece; it reports the bytes to th
// first (see Alloc).
func JoinStrs(th Thread, parts []Value) (Value, error) {
	size, runes := 0, 0
	for _, p := range parts {
		s := p.(String)
		size, runes = size+len(s.s), runes+s.n
	}
	if err := Alloc(th, int64(size)); err != nil {
		return nil, err
	}
	v, b := newStrValue(size, runes)
	off := 0
	for _, p := range parts {
		off += copy(b[off:], p.(String).s)
	}
	return v, nil
}

// IntStr returns str(i) as a Value, made in one piece.
func IntStr(i int64) Value {
	var digits [20]byte
	d := strconv.AppendInt(digits[:0], i, 10)
	v, buf := newStrValue(len(d), len(d))
	copy(buf, d)
	return v
}
