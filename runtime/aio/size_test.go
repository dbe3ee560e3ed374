package aio

import (
	"testing"
	"unsafe"
)

// TestSizes pins the sizes that the memory of a suspended task is made
// of (docs/design.md quotes them): a shrink should update them, a growth
// be a choice.
func TestSizes(t *testing.T) {
	for _, c := range []struct {
		name      string
		got, want uintptr
	}{
		{"Future", unsafe.Sizeof(Future{}), 56},
		{"Task", unsafe.Sizeof(Task{}), 112},
		{"sleepCoro", unsafe.Sizeof(sleepCoro{}), 72},
	} {
		if c.got != c.want {
			t.Errorf("%s is %d bytes, want %d", c.name, c.got, c.want)
		}
	}
}
