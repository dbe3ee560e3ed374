package value

import "testing"

// TestPercentPlainInt checks the fast path of a plain %d, %i or %u of an
// int: the digits, in one allocation.
func TestPercentPlainInt(t *testing.T) {
	for _, typ := range []byte("diu") {
		if s, err := percentOne(nil, typ, nil, "", "", Int(-120), 0); err != nil || s != "-120" {
			t.Errorf("%%%c of -120 = %q, %v", typ, s, err)
		}
	}
	if n := testing.AllocsPerRun(100, func() { percentOne(nil, 'd', nil, "", "", Int(123456), 0) }); n != 1 {
		t.Errorf("%%d: %v allocations, want 1", n)
	}
}
