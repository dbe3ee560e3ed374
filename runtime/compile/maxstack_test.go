package compile

import "testing"

// TestMaxStack pins MaxStack, which sizes every frame (a coroutine holds
// its slots inline): the deepest the stack gets, counting what arrives at
// a label from a jump or a raised exception, and no more.
func TestMaxStack(t *testing.T) {
	for _, c := range []struct {
		src  string
		want int
	}{
		{"async def f(i):\n    await asyncio.sleep(0.5)\n    return i & 1\n", 3},
		{"async def f(i):\n    return i\n", 1},
		// The exception and the exception state in the handler.
		{"def f():\n    try:\n        g()\n    except:\n        pass\n", 2},
		{"def f(x):\n    return (x, (x, (x, x)))\n", 4},
	} {
		p := compileSource(t, c.src)
		code := p.Module.Consts[0].(*Code)
		if code.MaxStack != c.want {
			t.Errorf("%q: MaxStack %d, want %d", c.src, code.MaxStack, c.want)
		}
	}
}
