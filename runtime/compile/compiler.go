package compile

import (
	"fmt"
	"math"
	"math/big"

	"github.com/asyncgen/asyncgen/lang"
)

// maxNesting bounds the syntactic nesting the compiler recurses through,
// so that a deeply nested tree cannot exhaust the Go stack. The parser
// already refuses trees deeper than CPython's 3,000 (RecursionError), so
// this is a backstop above it.
const maxNesting = 4000

// maxBlocks is CPython's limit on statically nested blocks.
const maxBlocks = 20

// Compile resolves and compiles a parsed file. Errors are *lang.Error.
func Compile(f *lang.File) (prog *Program, err error) {
	mod, scopes, err := resolveFile(f)
	if err != nil {
		return nil, err
	}
	c := &compiler{file: f, scopes: scopes}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*lang.Error)
			if !ok {
				panic(r)
			}
			prog, err = nil, e
		}
	}()
	code := c.compileModule(mod)
	return &Program{Filename: f.Name, Source: f.Source, Module: code}, nil
}

// compiler holds what is shared by the units of one file.
type compiler struct {
	file   *lang.File
	scopes map[lang.Node]*scope
	depth  int
}

// enter counts one level of syntactic nesting; leave undoes it.
func (c *compiler) enter(pos lang.Pos) {
	c.depth++
	if c.depth > maxNesting {
		panic(syntaxError(pos, "too many nested expressions"))
	}
}

func (c *compiler) leave() { c.depth-- }

// unit compiles one Code.
type unit struct {
	c       *compiler
	sc      *scope
	code    *Code
	line    int32
	depth   int  // static stack depth
	live    bool // the next instruction is reachable by falling through
	handler int32
	fblocks []*fblock
	consts  map[any]int
	names   map[string]int
	labels  []*label
}

// label is a jump target.
type label struct {
	idx      int // index in unit.labels
	pc       int
	bound    bool
	depth    int
	hasDepth bool
	refs     []int
}

func (c *compiler) newUnit(sc *scope, name string, line int, flags Flags) *unit {
	code := &Code{
		Name:     name,
		QualName: sc.qualname,
		Filename: c.file.Name,
		Line:     line,
		Flags:    flags,
		Locals:   append([]string(nil), sc.locals...),
		Cells:    sc.cells,
		Frees:    sc.frees,
	}
	code.CellArgs = make([]int, len(sc.cells))
	for i, cell := range sc.cells {
		code.CellArgs[i] = -1
		if sc.flags[cell]&defParam != 0 {
			code.CellArgs[i] = sc.localIdx[cell]
		}
	}
	if p := sc.parent; p != nil {
		code.FreeFrom = make([]int, len(sc.frees))
		for i, f := range sc.frees {
			code.FreeFrom[i] = p.derefIdx[f]
		}
	}
	return &unit{c: c, sc: sc, code: code, line: int32(line), live: true, handler: -1,
		consts: map[any]int{}, names: map[string]int{}}
}

func (c *compiler) compileModule(sc *scope) *Code {
	flags := Module
	if sc.topAwait {
		flags |= Coroutine
	}
	u := c.newUnit(sc, "<module>", 1, flags)
	u.stmts(c.file.Body)
	u.emit(LOAD_CONST, u.constant(nil))
	u.emit(RETURN_VALUE, 0)
	return u.finish()
}

// finish resolves labels and returns the code.
func (u *unit) finish() *Code {
	code := u.code
	for _, l := range u.labels {
		if !l.bound && len(l.refs) > 0 {
			panic("compile: unbound label")
		}
		for _, pc := range l.refs {
			code.Instrs[pc].Arg = int32(l.pc)
		}
	}
	for i := range code.Handlers {
		code.Handlers[i].Target = u.labels[code.Handlers[i].Target].pc
	}
	return code
}

// setLine makes following instructions report pos's line.
func (u *unit) setLine(pos lang.Pos) int32 {
	old := u.line
	if pos.Line > 0 {
		u.line = int32(pos.Line)
	}
	return old
}

func (u *unit) emit(op Opcode, arg int) int {
	code := u.code
	pc := len(code.Instrs)
	code.Instrs = append(code.Instrs, Instr{Op: op, Arg: int32(arg)})
	code.Lines = append(code.Lines, u.line)
	code.Handler = append(code.Handler, u.handler)
	if !u.live {
		// Unreachable code after a jump: keep depth as it is.
		u.live = true
	}
	u.depth += stackEffect(op, arg)
	if u.depth < 0 {
		panic(fmt.Sprintf("compile: negative stack depth at %s in %s", op, code.Name))
	}
	if u.depth > code.MaxStack {
		code.MaxStack = u.depth
	}
	switch op {
	case JUMP, RETURN_VALUE, RETURN_FAST, RAISE, RERAISE, POP_EXCEPT_RERAISE, RETURN_CLASSCELL:
		u.live = false
	}
	return pc
}

func (u *unit) newLabel() *label {
	l := &label{idx: len(u.labels)}
	u.labels = append(u.labels, l)
	return l
}

// jump emits a jump to l and records the stack depth at the target.
func (u *unit) jump(op Opcode, l *label) {
	u.jumpSub(op, 0, l)
}

// jumpSub is jump with the Sub operand of the instruction; it returns
// the instruction's index.
func (u *unit) jumpSub(op Opcode, sub uint8, l *label) int {
	depth := u.depth
	switch op {
	case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, FOR_ITER, COMPARE_CONST_JUMP_IF_FALSE, COMPARE_CONST_JUMP_IF_TRUE:
		depth--
	case COMPARE_JUMP_IF_FALSE, COMPARE_JUMP_IF_TRUE:
		depth -= 2
	case FOR_NEXT, GET_ANEXT:
		depth++ // the item
	}
	u.noteDepth(l, depth)
	pc := u.emit(op, 0)
	u.code.Instrs[pc].Sub = sub
	l.refs = append(l.refs, pc)
	return pc
}

// noteDepth records the stack depth at l, where a jump or a raised
// exception may arrive with more on the stack than the instructions
// before it leave (an exception handler's exception, a loop's item):
// MaxStack counts it.
func (u *unit) noteDepth(l *label, depth int) {
	if l.hasDepth && l.depth != depth {
		panic(fmt.Sprintf("compile: inconsistent stack depth at label in %s: %d vs %d", u.code.Name, l.depth, depth))
	}
	l.depth, l.hasDepth = depth, true
	u.code.MaxStack = max(u.code.MaxStack, depth)
}

// bind places l at the next instruction.
func (u *unit) bind(l *label) {
	l.pc, l.bound = len(u.code.Instrs), true
	if u.live {
		if l.hasDepth && l.depth != u.depth {
			panic(fmt.Sprintf("compile: inconsistent stack depth binding label in %s: %d vs %d", u.code.Name, l.depth, u.depth))
		}
		u.noteDepth(l, u.depth)
		return
	}
	if l.hasDepth {
		u.depth = l.depth
	}
	u.live = true
}

// pushHandler makes target handle exceptions raised by the instructions
// that follow, with the stack cut to its current depth; it returns the
// previous handler for popHandler.
func (u *unit) pushHandler(target *label) int32 { return u.pushHandlerAt(target, u.depth) }

// pushHandlerAt is pushHandler with the stack cut to depth.
func (u *unit) pushHandlerAt(target *label, depth int) int32 {
	old := u.handler
	u.code.Handlers = append(u.code.Handlers, Handler{Target: target.idx, Depth: depth})
	u.noteDepth(target, depth+1)
	u.handler = int32(len(u.code.Handlers) - 1)
	return old
}

func (u *unit) popHandler(old int32) { u.handler = old }

// constant returns the index of a constant.
func (u *unit) constant(v any) int {
	key := v
	switch x := v.(type) {
	case *big.Int:
		key = struct{ s string }{x.String()}
	case float64:
		key = struct{ f uint64 }{math.Float64bits(x)}
	case *Code, []string:
		key = nil
		u.code.Consts = append(u.code.Consts, v)
		return len(u.code.Consts) - 1
	}
	if i, ok := u.consts[key]; ok {
		return i
	}
	u.code.Consts = append(u.code.Consts, v)
	u.consts[key] = len(u.code.Consts) - 1
	return len(u.code.Consts) - 1
}

// name returns the index of a name in Names.
func (u *unit) name(s string) int {
	if i, ok := u.names[s]; ok {
		return i
	}
	u.code.Names = append(u.code.Names, s)
	u.names[s] = len(u.code.Names) - 1
	return len(u.code.Names) - 1
}
