package main

import "testing"

// TestGCPercent checks the GC percent policy of tuneGC at its corners.
func TestGCPercent(t *testing.T) {
	for _, c := range []struct {
		live   uint64
		cycles int
		want   int
	}{
		{0, 1, 100},
		{4<<20 - 1, 7, 100},
		{0, 8, 400},
		{4<<20 - 1, 100, 400},
		{4 << 20, 1, 400},
		{8 << 20, 1, 400},
		{16 << 20, 1, 200},
		{16 << 20, 100, 200},
		{32 << 20, 1, 100},
		{1 << 30, 100, 100},
	} {
		if got := gcPercent(c.live, c.cycles); got != c.want {
			t.Errorf("gcPercent(%d, %d) = %d, want %d", c.live, c.cycles, got, c.want)
		}
	}
}
