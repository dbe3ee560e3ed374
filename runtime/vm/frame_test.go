package vm

import (
	"testing"
	"unsafe"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// TestFrameSize pins the footprint of a frame and of a coroutine, which
// every suspended task pays (the frame was 224 bytes, the coroutine 400
// with eight slots inline whatever its code needed; a coroutine with two
// slots now takes 144 bytes).
func TestFrameSize(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		t.Skip("sizes are for 64-bit platforms")
	}
	for _, c := range []struct {
		what      string
		got, want uintptr
	}{
		{"frame", unsafe.Sizeof(frame{}), 96},
		{"Coroutine", unsafe.Sizeof(Coroutine{}), 112},
		{"Coroutine with 2 slots", unsafe.Sizeof(struct {
			c     Coroutine
			slots [2]value.Value
		}{}), 144},
	} {
		if c.got > c.want {
			t.Errorf("%s is %d bytes, want at most %d", c.what, c.got, c.want)
		}
	}
}
