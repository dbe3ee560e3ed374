// Package compile resolves the names of a parsed file with Python's scoping
// rules and compiles it to bytecode for the virtual machine in runtime/vm.
//
// A Program holds the module's top-level Code; every function, lambda,
// comprehension and class body is a Code of its own, found among the
// constants of the Code that creates it. Constants are plain Go values
// (nil, bool, *big.Int, float64, string, lang.EllipsisValue, *Code, []string)
// so that this package does not depend on the value representation.
package compile

import "github.com/asyncgen/asyncgen/lang"

// Program is a compiled source file.
type Program struct {
	Filename string
	Source   []byte
	Module   *Code
}

// Flags describe a Code.
type Flags uint16

// Code flags.
const (
	Module        Flags = 1 << iota // module body: names are globals
	Class                           // class body: names live in a namespace dict
	Generator                       // calling it makes a generator
	Coroutine                       // async def: calling it makes a coroutine
	AsyncGen                        // async def with yield: an async generator
	Varargs                         // has *args
	Varkw                           // has **kwargs
	Comprehension                   // a comprehension or generator expression body
)

// Code is a compiled function, lambda, comprehension, class body or module.
type Code struct {
	Name     string // "f", "<lambda>", "<listcomp>", "<module>", class name
	QualName string // "C.m", "f.<locals>.g"
	Filename string
	Line     int // first line
	Flags    Flags

	// Parameters: the first ArgCount locals are the positional parameters
	// (PosOnly of them positional-only), then KwOnly keyword-only ones,
	// then *args and **kwargs when the flags say so.
	ArgCount int
	PosOnly  int
	KwOnly   int

	Locals   []string // fast slots: parameters first
	Cells    []string // variables of this code captured by inner functions
	Frees    []string // variables captured from enclosing codes
	CellArgs []int    // for each cell, the local slot of the parameter it holds, or -1
	// FreeFrom gives, for each free variable, its index in the creating
	// code's deref slots (Cells then Frees).
	FreeFrom []int

	Instrs   []Instr
	Lines    []int32 // source line of each instruction
	Handler  []int32 // index in Handlers of the handler covering each instruction, or -1
	Handlers []Handler
	Consts   []any
	Names    []string
	MaxStack int

	// Runtime is free for the virtual machine to cache its prepared form of
	// the code (converted constants).
	Runtime any
}

// Handler is an exception handler: when an instruction it covers raises,
// the value stack is cut to Depth, the exception is pushed, and execution
// continues at Target.
type Handler struct {
	Target int
	Depth  int
}

// Instr is one instruction. Sub is a second operand of a few opcodes (the
// comparison of COMPARE_JUMP_IF_FALSE/TRUE), K a third (the constant of
// COMPARE_CONST_JUMP_IF_FALSE/TRUE).
type Instr struct {
	Op  Opcode
	Sub uint8
	K   uint16
	Arg int32
}

// NumDeref returns the number of deref slots (cells then free variables).
func (c *Code) NumDeref() int { return len(c.Cells) + len(c.Frees) }

// IsGenerator reports whether calling the code makes a generator,
// coroutine or async generator rather than running it.
func (c *Code) IsGenerator() bool { return c.Flags&(Generator|Coroutine|AsyncGen) != 0 }

// LineAt returns the source line of the instruction at pc.
func (c *Code) LineAt(pc int) int {
	if pc < 0 {
		pc = 0
	}
	if pc >= len(c.Lines) {
		if len(c.Lines) == 0 {
			return c.Line
		}
		pc = len(c.Lines) - 1
	}
	return int(c.Lines[pc])
}

// syntaxError makes a positioned SyntaxError.
func syntaxError(pos lang.Pos, format string) *lang.Error {
	return &lang.Error{Pos: pos, Kind: "SyntaxError", Msg: format}
}
