package value

import "testing"

// TestTupleValue checks the tuples made in one piece with their items,
// at each size, and that a pair is one allocation.
func TestTupleValue(t *testing.T) {
	for n := 0; n <= 6; n++ {
		v, items := newTupleValue(n)
		for i := range items {
			items[i] = MakeInt(int64(i))
		}
		tu, ok := v.(Tuple)
		if !ok || len(tu) != n {
			t.Fatalf("newTupleValue(%d) = %#v", n, v)
		}
		for i, x := range tu {
			if x != MakeInt(int64(i)) {
				t.Errorf("newTupleValue(%d)[%d] = %v", n, i, x)
			}
		}
	}
	var sink Value
	if n := testing.AllocsPerRun(100, func() { sink = pair(None, True) }); n != 1 {
		t.Errorf("pair: %v allocations, want 1", n)
	}
	_ = sink
}
