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

// TestListOf checks lists made in one piece with their items, at each
// size, as they grow past their room.
func TestListOf(t *testing.T) {
	for n := 0; n <= 6; n++ {
		items := make([]Value, n)
		for i := range items {
			items[i] = MakeInt(int64(i))
		}
		l := ListOf(items)
		clear(items) // ListOf copied them
		for i := n; i < 9; i++ {
			l.Append(MakeInt(int64(i)))
		}
		for i, x := range l.Elems {
			if x != MakeInt(int64(i)) {
				t.Fatalf("ListOf(%d items) then appends: [%d] = %v", n, i, x)
			}
		}
		if v := TupleOf(l.Elems[:n]); len(v.(Tuple)) != n {
			t.Fatalf("TupleOf(%d items) = %v", n, v)
		}
	}
	two := []Value{None, True}
	var sink *List
	if n := testing.AllocsPerRun(100, func() { sink = ListOf(two) }); n != 1 {
		t.Errorf("ListOf(2 items): %v allocations, want 1", n)
	}
	_ = sink
}
