package vm

import (
	"testing"
	"unsafe"
)

// TestFrameSize pins the footprint of a frame and of a coroutine, which
// every suspended task pays (the frame was 224 bytes, the coroutine 400).
func TestFrameSize(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		t.Skip("sizes are for 64-bit platforms")
	}
	for _, c := range []struct {
		what      string
		got, want uintptr
	}{
		{"frame", unsafe.Sizeof(frame{}), 136},
		{"Coroutine", unsafe.Sizeof(Coroutine{}), 312},
	} {
		if c.got > c.want {
			t.Errorf("%s is %d bytes, want at most %d", c.what, c.got, c.want)
		}
	}
}
