package vm_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// TestAnextLayout checks what the interpreter's GET_ANEXT relies on to
// await an async generator's step itself: in every script test, each
// GET_ANEXT is followed by GET_AWAITABLE, LOAD_CONST None and YIELD_FROM,
// all four on the same line and under the same handler, and its argument
// is where the YIELD_FROM's result goes: the instruction after it, or
// the target of the JUMP after it.
func TestAnextLayout(t *testing.T) {
	var files []string
	for _, dir := range []string{"../../testdata", "testdata"} {
		m, _ := filepath.Glob(filepath.Join(dir, "*.agen"))
		files = append(files, m...)
	}
	seen := 0
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := lang.Parse(filepath.Base(path), src)
		if err != nil {
			continue
		}
		prog, err := vm.Compile(f)
		if err != nil {
			continue
		}
		seen += checkAnext(t, path, prog.Module)
	}
	if seen == 0 {
		t.Fatal("no GET_ANEXT in the script tests")
	}
}

// checkAnext checks the GET_ANEXT instructions of code and of the codes
// among its constants, and returns how many it saw.
func checkAnext(t *testing.T, path string, code *compile.Code) int {
	seen := 0
	for _, k := range code.Consts {
		if c, ok := k.(*compile.Code); ok {
			seen += checkAnext(t, path, c)
		}
	}
	want := []compile.Opcode{compile.GET_ANEXT, compile.GET_AWAITABLE, compile.LOAD_CONST, compile.YIELD_FROM}
	for pc, in := range code.Instrs {
		if in.Op != compile.GET_ANEXT {
			continue
		}
		seen++
		if pc+len(want) > len(code.Instrs) {
			t.Errorf("%s: %s: GET_ANEXT at %d ends the code", path, code.QualName, pc)
			continue
		}
		for i, op := range want {
			next := code.Instrs[pc+i]
			switch {
			case next.Op != op:
				t.Errorf("%s: %s: instruction %d after GET_ANEXT is %v, want %v", path, code.QualName, i, next.Op, op)
			case op == compile.LOAD_CONST && code.Consts[next.Arg] != nil:
				t.Errorf("%s: %s: GET_ANEXT's await sends %v, want None", path, code.QualName, code.Consts[next.Arg])
			case code.Lines[pc+i] != code.Lines[pc] || code.Handler[pc+i] != code.Handler[pc]:
				t.Errorf("%s: %s: instruction %d after GET_ANEXT has another line or handler", path, code.QualName, i)
			}
		}
		after := pc + len(want)
		if to := int(in.Arg); to != after && (after >= len(code.Instrs) || code.Instrs[after] != compile.Instr{Op: compile.JUMP, Arg: in.Arg}) {
			t.Errorf("%s: %s: GET_ANEXT at %d goes to %d, not where its await goes", path, code.QualName, pc, to)
		}
	}
	return seen
}
