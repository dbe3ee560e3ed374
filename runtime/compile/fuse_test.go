package compile

import (
	"slices"
	"testing"
)

// TestFused checks which instructions read their local, global or
// constant operand themselves: only an operand on the line of the
// instruction that uses it, so that an error reading it reports the same
// line as before, and only where nothing can run in between.
func TestFused(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []Opcode // the instructions of f, in order
	}{
		{"def f(t, x):\n    t += x\n", []Opcode{INPLACE_FAST_FAST, LOAD_CONST, RETURN_VALUE}},
		{"def f(t, x):\n    t += (\n        x)\n", []Opcode{CHECK_FAST, LOAD_FAST, INPLACE_FAST, LOAD_CONST, RETURN_VALUE}},
		{"def f(t):\n    t -= 2\n", []Opcode{INPLACE_FAST_CONST, LOAD_CONST, RETURN_VALUE}},
		{"def f(t):\n    t *= g\n", []Opcode{CHECK_FAST, LOAD_GLOBAL, INPLACE_FAST, LOAD_CONST, RETURN_VALUE}},
		{"def f(x):\n    return x * 3\n", []Opcode{BINARY_FAST_CONST, RETURN_VALUE, LOAD_CONST, RETURN_VALUE}},
		// A binary operation and an attribute have the line of their left
		// operand.
		{"def f(x):\n    return (x\n        * 3)\n", []Opcode{BINARY_FAST_CONST, RETURN_VALUE, LOAD_CONST, RETURN_VALUE}},
		{"def f(x):\n    yield x\n", []Opcode{YIELD_FAST, POP_TOP, LOAD_CONST, RETURN_VALUE}},
		{"def f(x):\n    return x\n", []Opcode{RETURN_FAST, LOAD_CONST, RETURN_VALUE}},
		{"def f(x):\n    return (\n        x)\n", []Opcode{LOAD_FAST, RETURN_VALUE, LOAD_CONST, RETURN_VALUE}},
		{"def f(q):\n    q.put(1)\n", []Opcode{LOAD_FAST_METHOD, LOAD_CONST, CALL_METHOD, POP_TOP, LOAD_CONST, RETURN_VALUE}},
		{"def f():\n    m.g()\n", []Opcode{LOAD_GLOBAL_METHOD, CALL_METHOD, POP_TOP, LOAD_CONST, RETURN_VALUE}},
		{"def f(q):\n    (q\n        .put(1))\n", []Opcode{LOAD_FAST_METHOD, LOAD_CONST, CALL_METHOD, POP_TOP, LOAD_CONST, RETURN_VALUE}},
		{"def f(x):\n    if x < 2:\n        x = 0\n", []Opcode{LOAD_FAST, COMPARE_CONST_JUMP_IF_FALSE, LOAD_CONST, STORE_FAST, LOAD_CONST, RETURN_VALUE}},
		// A return in a loop pops the iterator first.
		{"def f(it):\n    for x in it:\n        return x\n", []Opcode{LOAD_FAST, GET_ITER, FOR_ITER, STORE_FAST, LOAD_FAST, SWAP, POP_ITER, RETURN_VALUE, FOR_NEXT, LOAD_CONST, RETURN_VALUE}},
		{"def f(n):\n    while n:\n        n -= 1\n", []Opcode{LOAD_FAST, POP_JUMP_IF_FALSE, INPLACE_FAST_CONST, LOAD_FAST, POP_JUMP_IF_TRUE, LOAD_CONST, RETURN_VALUE}},
		{"def f(n):\n    while True:\n        n -= 1\n", []Opcode{INPLACE_FAST_CONST, JUMP, LOAD_CONST, RETURN_VALUE}},
	} {
		p := compileSource(t, c.src)
		var got []Opcode
		for _, in := range p.Module.Consts[0].(*Code).Instrs {
			got = append(got, in.Op)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q:\ngot  %v\nwant %v", c.src, got, c.want)
		}
	}
}
