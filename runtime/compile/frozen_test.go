package compile

import (
	"bytes"
	"testing"
)

// frozenSrc has a constant of every kind and nested, closed-over and
// generator code.
const frozenSrc = `
x = (None, True, False, 12345678901234567890123, 2.5, -0.0, "s", ...)
def f(a, /, b=1, *c, d, **e):
    y = a
    def g():
        nonlocal y
        y += 1
        return y
    return g
async def h():
    async for v in w():
        yield v
try:
    f(1, d=2, k=3)
except ValueError as err:
    pass
`

// TestFreezeThaw checks that thawing a frozen program gives code that
// freezes to the same bytes, with the same instructions and constants.
func TestFreezeThaw(t *testing.T) {
	p := compileSource(t, frozenSrc)
	data := Freeze(p)
	q, err := Thaw(data, []byte(frozenSrc))
	if err != nil {
		t.Fatal(err)
	}
	if again := Freeze(q); !bytes.Equal(again, data) {
		t.Fatal("freezing a thawed program changes it")
	}
	if q.Filename != p.Filename || string(q.Source) != frozenSrc || len(q.Module.Instrs) != len(p.Module.Instrs) || len(q.Module.Consts) != len(p.Module.Consts) {
		t.Errorf("thawed program differs: %+v", q.Module)
	}
}

// TestThawBad checks that a truncated or corrupted frozen program is an
// error, not a panic.
func TestThawBad(t *testing.T) {
	data := Freeze(compileSource(t, frozenSrc))
	for n := 0; n < len(data); n++ {
		if _, err := Thaw(data[:n], nil); err == nil {
			t.Fatalf("truncated to %d bytes: no error", n)
		}
	}
	if _, err := Thaw(append(data, 0), nil); err == nil {
		t.Error("trailing byte: no error")
	}
	for i := range data {
		bad := bytes.Clone(data)
		bad[i] ^= 0xff
		Thaw(bad, nil) // any outcome but a panic
	}
}
