package value

import (
	"strings"
	"unicode/utf8"
)

// String is a script str. It keeps its length in code points, so that
// len and indexing are O(1) for ASCII text.
type String struct {
	s string
	n int // code points
}

// MakeString returns s as a script str.
func MakeString(s string) String {
	return String{s, utf8.RuneCountInString(s)}
}

// Type returns str.
func (String) Type() *Class { return StrType }

// String returns the Go string.
func (s String) String() string { return s.s }

// Len returns the length in code points.
func (s String) Len() int { return s.n }

func (s String) ascii() bool { return s.n == len(s.s) }

// runes returns the code points.
func (s String) runes() []rune { return []rune(s.s) }

// at returns the i-th code point (0 <= i < n) as a String.
func (s String) at(i int) String {
	if s.ascii() {
		return asciiChar(s.s[i])
	}
	for _, r := range s.s {
		if i == 0 {
			return runeString(r)
		}
		i--
	}
	return String{}
}

// byteOffset returns the byte offset of code point i (0 <= i <= n).
func (s String) byteOffset(i int) int {
	if s.ascii() {
		return i
	}
	off := 0
	for ; i > 0; i-- {
		_, size := utf8.DecodeRuneInString(s.s[off:])
		off += size
	}
	return off
}

// sub returns code points [i, j).
func (s String) sub(i, j int) String {
	if s.ascii() {
		return String{s.s[i:j], j - i}
	}
	a := s.byteOffset(i)
	b := a + String{s.s[a:], s.n - i}.byteOffset(j-i)
	return String{s.s[a:b], j - i}
}

var asciiStrings [128]String

func init() {
	for i := range asciiStrings {
		asciiStrings[i] = String{string(rune(i)), 1}
	}
}

func asciiChar(b byte) String {
	if b < 128 {
		return asciiStrings[b]
	}
	return MakeString(string(rune(b)))
}

func runeString(r rune) String {
	if r < 128 && r >= 0 {
		return asciiStrings[r]
	}
	return String{string(r), 1}
}

func repeatString(s String, n int) String {
	return String{strings.Repeat(s.s, n), s.n * n}
}

func decodeRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

// builder builds a string for th, reporting each larger buffer to th
// before Go allocates it (see Alloc), so that a memory limit refuses a
// huge repr or formatted string while it is being built. The first
// refusal sticks: later writes are dropped and result returns it.
type builder struct {
	th  Thread
	b   strings.Builder
	err error
}

// WriteString appends s.
func (b *builder) WriteString(s string) {
	if b.room(len(s)) {
		b.b.WriteString(s)
	}
}

// WriteByte appends c. It returns the builder's error.
func (b *builder) WriteByte(c byte) error {
	if b.room(1) {
		b.b.WriteByte(c)
	}
	return b.err
}

// room makes room for n more bytes, doubling the buffer, and reports
// whether there is.
func (b *builder) room(n int) bool {
	if b.err != nil {
		return false
	}
	if need := b.b.Len() + n; need > b.b.Cap() {
		c := max(2*b.b.Cap(), need)
		if b.err = Alloc(b.th, int64(c)); b.err != nil {
			return false
		}
		b.b.Grow(c - b.b.Len())
	}
	return true
}

// result returns the string built, or the error that stopped it.
func (b *builder) result() (string, error) {
	if b.err != nil {
		return "", b.err
	}
	return b.b.String(), nil
}
