package vm_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/compile"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// TestAnextLayout checks what the interpreter's GET_ANEXT and
// GET_AWAITABLE rely on to do an await's first step themselves: in every
// script test, each GET_AWAITABLE is followed by LOAD_CONST None and
// YIELD_FROM, and each GET_ANEXT by the three, all on the same line and
// under the same handler; and GET_ANEXT's argument is where the
// YIELD_FROM's result goes: the instruction after it, or the target of
// the JUMP after it.
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

// checkAnext checks the GET_ANEXT and GET_AWAITABLE instructions of code
// and of the codes among its constants, and returns how many GET_ANEXT
// it saw.
func checkAnext(t *testing.T, path string, code *compile.Code) int {
	seen := 0
	for _, k := range code.Consts {
		if c, ok := k.(*compile.Code); ok {
			seen += checkAnext(t, path, c)
		}
	}
	await := []compile.Opcode{compile.GET_AWAITABLE, compile.LOAD_CONST, compile.YIELD_FROM}
	for pc, in := range code.Instrs {
		switch in.Op {
		case compile.GET_AWAITABLE:
			checkFollowers(t, path, code, pc, await)
		case compile.GET_ANEXT:
			seen++
			if !checkFollowers(t, path, code, pc, append([]compile.Opcode{in.Op}, await...)) {
				continue
			}
			after := pc + 1 + len(await)
			if to := int(in.Arg); to != after && (after >= len(code.Instrs) || code.Instrs[after] != compile.Instr{Op: compile.JUMP, Arg: in.Arg}) {
				t.Errorf("%s: %s: GET_ANEXT at %d goes to %d, not where its await goes", path, code.QualName, pc, to)
			}
		}
	}
	return seen
}

// checkFollowers checks that the instructions from pc on are want, on
// one line and under one handler, LOAD_CONST loading None.
func checkFollowers(t *testing.T, path string, code *compile.Code, pc int, want []compile.Opcode) bool {
	if pc+len(want) > len(code.Instrs) {
		t.Errorf("%s: %s: %v at %d ends the code", path, code.QualName, want[0], pc)
		return false
	}
	ok := true
	for i, op := range want {
		next := code.Instrs[pc+i]
		switch {
		case next.Op != op:
			t.Errorf("%s: %s: instruction %d after %v is %v, want %v", path, code.QualName, i, want[0], next.Op, op)
		case op == compile.LOAD_CONST && code.Consts[next.Arg] != nil:
			t.Errorf("%s: %s: %v's await sends %v, want None", path, code.QualName, want[0], code.Consts[next.Arg])
		case code.Lines[pc+i] != code.Lines[pc] || code.Handler[pc+i] != code.Handler[pc]:
			t.Errorf("%s: %s: instruction %d after %v has another line or handler", path, code.QualName, i, want[0])
		default:
			continue
		}
		ok = false
	}
	return ok
}
