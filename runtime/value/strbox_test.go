package value

import (
	"strconv"
	"strings"
	"testing"
)

// TestStrValue checks the strs made in one piece with their bytes: every
// length around the size classes, ASCII or not, for concatenation and
// str of an int.
func TestStrValue(t *testing.T) {
	for n := 0; n <= maxBoxed+20; n++ {
		for _, unit := range []string{"a", "é"} {
			a := MakeString(strings.Repeat(unit, n/2))
			b := MakeString(strings.Repeat(unit, n-n/2))
			v := concatValue(a, b)
			want := MakeString(a.s + b.s)
			if got, ok := v.(String); !ok || got != want {
				t.Fatalf("concat of %d %q: %#v, want %#v", n, unit, v, want)
			}
		}
	}
	for _, i := range []int64{0, -1, 7, 1024, 1025, -9223372036854775808, 9223372036854775807} {
		if got, want := IntStr(i), Value(MakeString(strconv.FormatInt(i, 10))); got != want {
			t.Errorf("IntStr(%d) = %#v, want %#v", i, got, want)
		}
	}
}

// TestStrValueAllocs checks that a short concatenation and str(int) make
// one object each.
func TestStrValueAllocs(t *testing.T) {
	a, b := MakeString("row"), MakeString("12345")
	var sink Value
	if n := testing.AllocsPerRun(100, func() { sink = concatValue(a, b) }); n != 1 {
		t.Errorf("concatenation: %v allocations, want 1", n)
	}
	if n := testing.AllocsPerRun(100, func() { sink = IntStr(123456) }); n != 1 {
		t.Errorf("str of an int: %v allocations, want 1", n)
	}
	_ = sink
}

// TestASCIICase checks that the byte mappings of upper, lower and
// casefold for ASCII strings agree with the full case mappings.
func TestASCIICase(t *testing.T) {
	for c := 0; c < 128; c++ {
		s := string(rune(c))
		if got, want := string(asciiUpper(byte(c))), upper(s); got != want {
			t.Errorf("asciiUpper(%q) = %q, upper = %q", s, got, want)
		}
		if got, want := string(asciiLower(byte(c))), lower(s); got != want {
			t.Errorf("asciiLower(%q) = %q, lower = %q", s, got, want)
		}
		if got, want := string(asciiLower(byte(c))), casefold(s); got != want {
			t.Errorf("asciiLower(%q) = %q, casefold = %q", s, got, want)
		}
	}
}

// TestStringValues checks the parts of a split, boxed together.
func TestStringValues(t *testing.T) {
	parts := []string{"", "a", "é", "alpha", strings.Repeat("x", 300)}
	for i, v := range stringValues(parts) {
		if v != Value(MakeString(parts[i])) {
			t.Errorf("part %d: %#v", i, v)
		}
	}
	var sink []Value
	if n := testing.AllocsPerRun(100, func() { sink = stringValues(parts) }); n != 2 {
		t.Errorf("stringValues: %v allocations, want 2", n)
	}
	_ = sink
}

// TestJoinStrs checks the concatenation of an f-string's pieces.
func TestJoinStrs(t *testing.T) {
	parts := []Value{MakeString("item "), IntStr(42), MakeString(": é"), MakeString("")}
	if got, err := JoinStrs(nil, parts); err != nil || got != Value(MakeString("item 42: é")) {
		t.Errorf("JoinStrs = %#v, %v", got, err)
	}
	if got, err := JoinStrs(nil, nil); err != nil || got != Value(MakeString("")) {
		t.Errorf("JoinStrs(nil) = %#v, %v", got, err)
	}
}
