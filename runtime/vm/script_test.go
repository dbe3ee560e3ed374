package vm_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/aio"
	"github.com/asyncgen/asyncgen/runtime/internal/pyrand"
	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// runScript runs a program and returns its stdout, the last non-empty
// line of its stderr and its exit status, as the CLI would report them.
func runScript(path string, src []byte) (stdout, lastErr string, exit int) {
	var out, errb bytes.Buffer
	exit = execute(path, src, &out, &errb)
	lines := strings.Split(strings.TrimRight(errb.String(), "\n"), "\n")
	return out.String(), lines[len(lines)-1], exit
}

func execute(path string, src []byte, out, errw *bytes.Buffer) int {
	f, err := lang.Parse(filepath.Base(path), src)
	if err != nil {
		return reportCompileError(errw, err)
	}
	prog, err := vm.Compile(f)
	if err != nil {
		return reportCompileError(errw, err)
	}
	th := vm.NewThread(vm.Options{Stdout: out, Stderr: errw})
	source := func(string) []byte { return src }
	aio.Install(th, aio.Options{VirtualTime: true, Stderr: errw, Source: source})
	th.RegisterModule("random", func(*vm.Thread) (*value.Module, error) { return pyrand.Module(), nil })
	main, err := th.ExecModule(prog, nil)
	if err == nil {
		err = aio.RunMain(th, main)
	}
	return th.Report(errw, err, source)
}

func reportCompileError(w *bytes.Buffer, err error) int {
	if e, ok := err.(*lang.Error); ok {
		w.WriteString(e.Kind + ": " + e.Msg + "\n")
	} else {
		w.WriteString(err.Error() + "\n")
	}
	return 1
}

// TestScripts runs the script tests (with the event loop of runtime/aio
// on its virtual clock) and compares them with CPython's output.
func TestScripts(t *testing.T) {
	var files []string
	for _, dir := range []string{"../../testdata", "testdata"} {
		m, _ := filepath.Glob(filepath.Join(dir, "*.agen"))
		files = append(files, m...)
	}
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		base := strings.TrimSuffix(path, ".agen")
		t.Run(filepath.Base(base), func(t *testing.T) {
			want, err := os.ReadFile(base + ".out")
			if err != nil {
				t.Skip("no .out file")
			}
			wantExit := 0
			if b, err := os.ReadFile(base + ".exit"); err == nil {
				wantExit, _ = strconv.Atoi(strings.TrimSpace(string(b)))
			}
			wantErr := ""
			if b, err := os.ReadFile(base + ".err"); err == nil {
				wantErr = strings.TrimSpace(string(b))
			}
			out, lastErr, exit := runScript(path, src)
			if strings.HasPrefix(lastErr, "ModuleNotFoundError") && !strings.HasPrefix(wantErr, "ModuleNotFoundError") {
				t.Skip("needs a module this package does not provide: " + lastErr)
			}
			if out != string(want) {
				t.Errorf("stdout differs:\n%s", lineDiff(out, string(want)))
			}
			if exit != wantExit {
				t.Errorf("exit %d, want %d (stderr: %s)", exit, wantExit, lastErr)
			}
			if wantErr != "" && strings.TrimSpace(lastErr) != wantErr {
				t.Errorf("stderr last line %q, want %q", lastErr, wantErr)
			}
		})
	}
}

// lineDiff shows the lines of got and want that differ, with line numbers.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(g), len(w)) && shown < 8; i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl || i >= len(g) || i >= len(w) {
			fmt.Fprintf(&b, "line %d:\n  got:  %q\n  want: %q\n", i+1, gl, wl)
			shown++
		}
	}
	return b.String()
}

// TestTracebacks compares the whole stderr of the err_ programs with
// CPython's (testdata/NAME.tb, made by testdata/gen_tb.py).
func TestTracebacks(t *testing.T) {
	files, _ := filepath.Glob("testdata/err_*.tb")
	for _, tb := range files {
		base := strings.TrimSuffix(tb, ".tb")
		t.Run(filepath.Base(base), func(t *testing.T) {
			want, err := os.ReadFile(tb)
			if err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(base + ".agen")
			if err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			execute(base+".agen", src, &out, &errb)
			if errb.String() != string(want) {
				t.Errorf("stderr differs:\n%s", lineDiff(errb.String(), string(want)))
			}
		})
	}
}
