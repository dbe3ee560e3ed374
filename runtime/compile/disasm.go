package compile

import (
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/asyncgen/asyncgen/lang"
)

// Disassemble writes a readable listing of the code and of the codes it
// creates, for debugging and tests.
func (c *Code) Disassemble(w io.Writer) {
	fmt.Fprintf(w, "code %s (%s) line %d", c.QualName, c.Filename, c.Line)
	if len(c.Locals) > 0 {
		fmt.Fprintf(w, " locals=%v", c.Locals)
	}
	if len(c.Cells) > 0 {
		fmt.Fprintf(w, " cells=%v", c.Cells)
	}
	if len(c.Frees) > 0 {
		fmt.Fprintf(w, " frees=%v", c.Frees)
	}
	fmt.Fprintln(w)
	for pc, in := range c.Instrs {
		h := ""
		if c.Handler[pc] >= 0 {
			hd := c.Handlers[c.Handler[pc]]
			h = fmt.Sprintf("  [-> %d/%d]", hd.Target, hd.Depth)
		}
		fmt.Fprintf(w, "%4d %4d %-20s %s%s\n", c.Lines[pc], pc, in.Op, c.argString(in), h)
	}
	for _, k := range c.Consts {
		if sub, ok := k.(*Code); ok {
			fmt.Fprintln(w)
			sub.Disassemble(w)
		}
	}
}

// argString explains an instruction's argument.
func (c *Code) argString(in Instr) string {
	a := int(in.Arg)
	switch in.Op {
	case LOAD_CONST:
		return fmt.Sprintf("%d (%s)", a, constString(c.Consts[a]))
	case LOAD_FAST, STORE_FAST, DELETE_FAST, CHECK_FAST, YIELD_FAST, RETURN_FAST:
		return fmt.Sprintf("%d (%s)", a, c.Locals[a])
	case INPLACE_FAST:
		return fmt.Sprintf("%d (%s %s=)", a, c.Locals[a], lang.Op(in.Sub))
	case INPLACE_FAST_FAST:
		return fmt.Sprintf("%d (%s %s= %s)", a, c.Locals[a&0xffff], lang.Op(in.Sub), c.Locals[a>>16])
	case INPLACE_FAST_CONST:
		return fmt.Sprintf("%d (%s %s= %s)", a, c.Locals[a&0xffff], lang.Op(in.Sub), constString(c.Consts[a>>16]))
	case LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_CLASSDEREF:
		return fmt.Sprintf("%d (%s)", a, c.derefName(a))
	case LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL, LOAD_NAME, STORE_NAME, DELETE_NAME,
		LOAD_ATTR, STORE_ATTR, DELETE_ATTR, IMPORT_NAME, IMPORT_FROM, LOAD_METHOD:
		return fmt.Sprintf("%d (%s)", a, c.Names[a])
	case BINARY, INPLACE, UNARY, COMPARE:
		return fmt.Sprintf("%d (%s)", a, lang.Op(a))
	case BINARY_CONST:
		return fmt.Sprintf("%d (%s %s)", a, lang.Op(in.Sub), constString(c.Consts[a]))
	case LOAD_FAST_METHOD:
		return fmt.Sprintf("%d (%s.%s)", a, c.Locals[in.K], c.Names[a])
	case LOAD_GLOBAL_METHOD:
		return fmt.Sprintf("%d (%s.%s)", a, c.Names[in.K], c.Names[a])
	case BINARY_FAST_CONST:
		return fmt.Sprintf("%d (%s %s %s)", a, c.Locals[a>>16], lang.Op(in.Sub), constString(c.Consts[a&0xffff]))
	}
	switch in.Op {
	case COMPARE_JUMP_IF_FALSE, COMPARE_JUMP_IF_TRUE:
		return fmt.Sprintf("to %d (%s)", a, lang.Op(in.Sub))
	case COMPARE_CONST_JUMP_IF_FALSE, COMPARE_CONST_JUMP_IF_TRUE:
		return fmt.Sprintf("to %d (%s %s)", a, lang.Op(in.Sub), constString(c.Consts[in.K]))
	}
	if in.Op.isJump() {
		return fmt.Sprintf("to %d", a)
	}
	return fmt.Sprint(a)
}

func (c *Code) derefName(i int) string {
	if i < len(c.Cells) {
		return c.Cells[i]
	}
	return c.Frees[i-len(c.Cells)]
}

func constString(k any) string {
	switch k := k.(type) {
	case nil:
		return "None"
	case string:
		return fmt.Sprintf("%q", k)
	case *big.Int:
		return k.String()
	case *Code:
		return "code " + k.QualName
	case []string:
		return "(" + strings.Join(k, ", ") + ")"
	case lang.EllipsisValue:
		return "..."
	}
	return fmt.Sprint(k)
}
