package pyfmt

import (
	"bufio"
	"fmt"
	"os"
	"testing"
	"unicode"
)

// TestPrintable compares IsPrintable with CPython's str.isprintable() on
// every code point (testdata/printable.txt, from testdata/printable.py).
func TestPrintable(t *testing.T) {
	f, err := os.Open("testdata/printable.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := make([]bool, unicode.MaxRune+1)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var lo, hi rune
		if _, err := fmt.Sscanf(sc.Text(), "%x %x", &lo, &hi); err != nil {
			t.Fatal(err)
		}
		for r := lo; r <= hi; r++ {
			want[r] = true
		}
	}
	bad := 0
	for r, w := range want {
		if IsPrintable(rune(r)) != w {
			if bad++; bad <= 10 {
				t.Errorf("IsPrintable(%U) = %v, CPython says %v", r, !w, w)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d code points differ", bad)
	}
}
