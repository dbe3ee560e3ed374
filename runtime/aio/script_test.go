package aio

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/lang"
	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// runScript runs a program as the CLI does: parse, compile, execute the
// module, run its coroutine if it has top-level await. It returns the exit
// status; stdout and stderr receive the output.
func runScript(path string, src []byte, virtual bool, stdout, stderr *bytes.Buffer) int {
	source := func(name string) []byte {
		if name == path {
			return src
		}
		return nil
	}
	th := vm.NewThread(vm.Options{Stdout: stdout, Stderr: stderr})
	Install(th, Options{VirtualTime: virtual, Stderr: stderr, Source: source})
	f, err := lang.Parse(path, src)
	if err != nil {
		stderr.WriteString(err.Error() + "\n")
		return 1
	}
	prog, err := vm.Compile(f)
	if err != nil {
		stderr.WriteString(err.Error() + "\n")
		return 1
	}
	main, err := th.ExecModule(prog, nil)
	if err == nil {
		err = RunMain(th, main)
	}
	if err == nil {
		return 0
	}
	if exc, ok := err.(*value.Exception); ok {
		vm.FormatException(stderr, exc, source)
	} else {
		stderr.WriteString(err.Error() + "\n")
	}
	return 1
}

// TestScripts runs testdata/script/*.agen, the generated programs in
// testdata/random and testdata/timers, and the seed examples under the
// virtual clock and compares with CPython's output (gen.sh, gen.py).
func TestScripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/script/*.agen")
	for _, dir := range []string{"random", "timers"} {
		more, _ := filepath.Glob("testdata/" + dir + "/*.agen")
		files = append(files, more...)
	}
	examples, _ := filepath.Glob("../../examples/0[1-7]*.agen")
	for _, path := range append(files, examples...) {
		for _, virtual := range []bool{true, false} {
			if !virtual && (testing.Short() || !strings.Contains(path, "examples")) {
				continue // the real clock is slow: only the seed programs
			}
			name := strings.TrimSuffix(filepath.Base(path), ".agen")
			if !virtual {
				name += "/real"
			}
			t.Run(name, func(t *testing.T) {
				if !virtual {
					t.Parallel() // mostly waiting
				}
				checkScript(t, path, virtual)
			})
		}
	}
}

func checkScript(t *testing.T, path string, virtual bool) {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	base := strings.TrimSuffix(path, ".agen")
	want, err := os.ReadFile(base + ".out")
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := runScript(path, src, virtual, &stdout, &stderr)
	if got := stdout.String(); got != string(want) {
		t.Errorf("stdout differs from CPython's\n got:\n%s\nwant:\n%s\nstderr:\n%s", got, want, stderr.String())
	}
	wantCode := "0"
	if b, err := os.ReadFile(base + ".exit"); err == nil {
		wantCode = strings.TrimSpace(string(b))
	}
	if got := itoa(code); got != wantCode {
		t.Errorf("exit status %s, want %s; stderr:\n%s", got, wantCode, stderr.String())
	}
	wantErr := ""
	if b, err := os.ReadFile(base + ".err"); err == nil {
		wantErr = strings.TrimSpace(string(b))
	}
	if got := strings.TrimSpace(lastLine(stderr.String())); got != wantErr {
		t.Errorf("last stderr line %q, want %q; stderr:\n%s", got, wantErr, stderr.String())
	}
}
