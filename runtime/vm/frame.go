package vm

import (
	"math/big"
	"unsafe"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/value"
)

// frame is the activation of a Code. It lives on the heap so that a
// generator can suspend it: pc, the value stack and the handled-exception
// state are all in the frame.
type frame struct {
	p       *prepared // the code run, in the VM's form (p.code is the Code)
	fn      *Function // nil for module and class bodies run directly
	globals *value.Dict
	ns      *value.Dict   // the namespace of NAME ops (module and class bodies)
	slots   []value.Value // locals, then the value stack
	// cells is the first of the frame's deref slots (cells, then free
	// variables; see derefs), or nil: a pointer rather than a slice
	// keeps a coroutine 16 bytes smaller.
	cells **cell
	sp    int32 // index in slots of the first free stack slot
	pc    int32
	base  int32    // index in slots where the stack starts
	how   raiseHow // how the error being raised was raised
	// gen is set in the frame of a generator, coroutine or async
	// generator: the frame is a genCore's first field. started and
	// finished, with running below, are that genCore's state, kept here
	// where the frame's fields leave room, so that a coroutine is 16
	// bytes smaller.
	gen, started, finished bool
	// owned has bit i set when local i holds an int box that INPLACE_FAST
	// made and nothing else references (locals 0 to 63), which it then
	// updates in place. Reading or writing the local clears the bit.
	owned uint64

	yielded  bool  // the last run suspended at a yield
	awaiting bool  // suspended inside YIELD_FROM (an await)
	discard  bool  // suspended at a yield statement: pc is past its POP_TOP
	running  bool  // the generator's frame is running (see gen)
	yieldPC  int32 // the instruction the frame is suspended at
}

// cell holds a variable shared between a function and the functions
// nested in it.
type cell struct{ V value.Value }

// prepared is the VM's form of a Code: its constants as values, and its
// names as dict keys for namespace lookups without hashing or allocating,
// with the hints that cache where each name was found and, for the names
// of method calls, the method a class defined in Go gave (methods).
type prepared struct {
	code    *compile.Code
	consts  []value.Value
	keys    []value.Key
	hints   []value.Hint
	methods []methodCache
}

// prepare converts the constants of code once.
func prepare(code *compile.Code) *prepared {
	if p, ok := code.Runtime.(*prepared); ok {
		return p
	}
	p := &prepared{code: code, consts: make([]value.Value, len(code.Consts)), keys: make([]value.Key, len(code.Names)), hints: make([]value.Hint, len(code.Names)), methods: make([]methodCache, len(code.Names))}
	for i, k := range code.Consts {
		p.consts[i] = constValue(k)
	}
	for i, n := range code.Names {
		// One copy of each name, so that comparing keys of the same
		// name made by different codes compares pointers, not bytes.
		p.keys[i] = value.MakeKey(value.Intern(n))
	}
	code.Runtime = p
	return p
}

func constValue(k any) value.Value {
	switch k := k.(type) {
	case nil:
		return value.None
	case bool:
		return value.Bool(k)
	case *big.Int:
		return value.MakeBigInt(k)
	case float64:
		return value.Float(k)
	case string:
		return value.MakeString(k)
	case lang.EllipsisValue:
		return value.Ellipsis
	case *compile.Code:
		return &codeValue{k}
	case []string:
		return &kwNames{k}
	}
	panic("vm: unknown constant")
}

// codeValue wraps a Code constant so that it can sit on the value stack.
type codeValue struct{ code *compile.Code }

// Type returns object: code values never reach scripts.
func (*codeValue) Type() *value.Class { return value.ObjectType }

// kwNames is the constant naming the keyword arguments of CALL_KW.
type kwNames struct{ names []string }

// Type returns object: kwNames never reach scripts.
func (*kwNames) Type() *value.Class { return value.ObjectType }

// newFrame returns a frame for a plain (not generator) code, from the
// pool when it has one.
func (th *Thread) newFrame(code *compile.Code, globals *value.Dict, fn *Function) *frame {
	n := len(code.Locals) + code.MaxStack
	var fr *frame
	if k := len(th.pool); k > 0 {
		fr = th.pool[k-1]
		th.pool = th.pool[:k-1]
		if cap(fr.slots) >= n {
			fr.slots = fr.slots[:n]
		} else {
			fr.slots = make([]value.Value, n)
		}
	} else {
		fr = &frame{slots: make([]value.Value, n)}
	}
	fr.setup(code, globals, fn)
	return fr
}

// setup prepares a frame whose slots are allocated to run code.
func (fr *frame) setup(code *compile.Code, globals *value.Dict, fn *Function) {
	fr.p, fr.fn, fr.globals = prepare(code), fn, globals
	fr.base = int32(len(code.Locals))
	fr.sp = fr.base
	fr.pc = 0
	fr.owned = 0
	if nd := code.NumDeref(); nd > 0 {
		cells := make([]*cell, nd)
		for i := range code.Cells {
			cells[i] = &cell{}
		}
		if fn != nil {
			copy(cells[len(code.Cells):], fn.closure)
		}
		fr.cells = &cells[0]
	}
}

// derefs returns the frame's deref slots: the code's cells, then its free
// variables.
func (fr *frame) derefs() []*cell {
	if fr.cells == nil {
		return nil
	}
	return unsafe.Slice(fr.cells, fr.p.code.NumDeref())
}

// release returns a finished plain frame to the pool.
func (th *Thread) release(fr *frame) {
	if fr.gen {
		return
	}
	clearSlots(fr.slots[:fr.sp])
	// code, p and globals stay: they live as long as the code does.
	fr.cells, fr.fn, fr.ns = nil, nil, nil
	if len(th.pool) < 256 {
		th.pool = append(th.pool, fr)
	}
}

// initCells moves parameters that are captured by inner functions into
// their cells.
func (fr *frame) initCells() {
	for i, slot := range fr.p.code.CellArgs {
		if slot >= 0 {
			fr.derefs()[i].V = fr.slots[slot]
		}
	}
}

// clearSlots sets slots to nil. Stack moves are short: a loop is cheaper
// than clear's call into the runtime.
func clearSlots(slots []value.Value) {
	for i := 0; i < len(slots); i++ {
		slots[i] = nil
	}
}

// copySlots copies src to dst, for short stack moves, as clearSlots.
func copySlots(dst, src []value.Value) {
	for i := 0; i < len(src) && i < len(dst); i++ {
		dst[i] = src[i]
	}
}

// disown clears the owned bit of local i, which is about to be read or
// written.
func (fr *frame) disown(i int32) {
	if fr.owned != 0 {
		fr.owned &^= 1 << (i & 63)
	}
}
