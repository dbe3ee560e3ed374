package main

import "testing"

// TestGCPercent checks the GC percent policy of tuneGC at its corners.
func TestGCPercent(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 100},
		{4<<20 - 1, 100},
		{4 << 20, 400},
		{8 << 20, 400},
		{16 << 20, 200},
		{32 << 20, 100},
		{1 << 30, 100},
	} {
		if got := gcPercent(c.live); got != c.want {
			t.Errorf("gcPercent(%d) = %d, want %d", c.live, got, c.want)
		}
	}
}
