package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// scriptTimeout bounds one script run; the clock is virtual, so a script
// that takes longer is stuck.
const scriptTimeout = 60 * time.Second

// TestScripts runs every testdata/**/*.agen and examples/*.agen through the
// CLI (`asyncgen run --virtual-time FILE`) and compares stdout exactly, the
// exit status (NAME.exit, default 0) and the last non-empty stderr line
// (NAME.err, default none). The expectations are CPython's, written by
// testdata/gen.py. A script whose first line is `# serial` does not run in
// parallel with the others; NAME.in, when present, is its stdin.
func TestScripts(t *testing.T) {
	var files []string
	for _, root := range []string{"../../testdata", "../../examples"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".agen") {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) == 0 {
		t.Fatal("no scripts found")
	}
	for i, path := range files {
		if raceEnabled && i%raceStride != 0 {
			continue
		}
		t.Run(scriptName(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(src, []byte("# serial\n")) {
				t.Parallel()
			}
			skipIfRunMissing(t)
			checkScript(t, path)
		})
	}
}

// raceStride: under -race, TestScripts runs one script in raceStride.
// Every script runs under -race in runtime/vm's TestScripts; here they
// exercise the command's own goroutines (the run, its signal and timeout
// watcher, buffered output), which are the same for every script.
const raceStride = 4

// scriptName names the subtest of path: its path below testdata without the
// extension, or examples/NAME.
func scriptName(path string) string {
	name := strings.TrimSuffix(filepath.ToSlash(path), ".agen")
	name = strings.TrimPrefix(name, "../../")
	return strings.TrimPrefix(name, "testdata/")
}

// result is what one run of the CLI produced.
type result struct {
	stdout, stderr string
	status         int
}

// runScript runs the CLI in-process on path, turning a panic into a test
// failure and giving up after scriptTimeout.
func runScript(t *testing.T, path string) result {
	t.Helper()
	stdin := []byte{}
	if in, err := os.ReadFile(strings.TrimSuffix(path, ".agen") + ".in"); err == nil {
		stdin = in
	}
	done := make(chan result, 1)
	panicked := make(chan string, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				panicked <- fmt.Sprintf("%v\n%s", r, debug.Stack())
			}
		}()
		var stdout, stderr bytes.Buffer
		status := Main([]string{"run", "--virtual-time", path}, bytes.NewReader(stdin), &stdout, &stderr)
		done <- result{stdout.String(), stderr.String(), status}
	}()
	select {
	case r := <-done:
		return r
	case p := <-panicked:
		t.Fatalf("Go panic reached the CLI: %s", p)
	case <-time.After(scriptTimeout):
		t.Fatalf("still running after %v", scriptTimeout)
	}
	panic("unreachable")
}

// checkScript compares a run of path with its expectation files.
func checkScript(t *testing.T, path string) {
	base := strings.TrimSuffix(path, ".agen")
	wantOut, err := os.ReadFile(base + ".out")
	if err != nil {
		t.Fatalf("%v (run testdata/gen.py)", err)
	}
	wantStatus := 0
	if b, err := os.ReadFile(base + ".exit"); err == nil {
		if wantStatus, err = strconv.Atoi(strings.TrimSpace(string(b))); err != nil {
			t.Fatalf("%s.exit: %v", base, err)
		}
	}
	wantErr := ""
	if b, err := os.ReadFile(base + ".err"); err == nil {
		wantErr = strings.TrimRight(string(b), "\n")
	}

	got := runScript(t, path)
	if got.stdout != string(wantOut) {
		t.Errorf("stdout differs: %s\n--- got ---\n%s--- want ---\n%s", firstDiff(got.stdout, string(wantOut)), got.stdout, wantOut)
	}
	if got.status != wantStatus {
		t.Errorf("exit status %d, want %d", got.status, wantStatus)
	}
	if line := lastLine(got.stderr); line != wantErr {
		t.Errorf("last stderr line:\n got %q\nwant %q\nfull stderr:\n%s", line, wantErr, got.stderr)
	}
}

// firstDiff describes the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if i >= len(g) || i >= len(w) || gl != wl {
			return fmt.Sprintf("line %d: got %q, want %q", i+1, gl, wl)
		}
	}
	return "no line differs"
}

// lastLine returns the last non-empty line of s.
func lastLine(s string) string {
	lines := strings.Split(s, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.TrimSpace(lines[i]) != "" {
			return strings.TrimRight(lines[i], "\r")
		}
	}
	return ""
}

var (
	probeOnce   sync.Once
	runMissing  bool
	probeStderr string
)

// skipIfRunMissing skips the test while the CLI's run command reports that
// it is not implemented. It probes once, with a one-line program; once run
// works, every script runs and every mismatch fails.
func skipIfRunMissing(t *testing.T) {
	probeOnce.Do(func() {
		dir, err := os.MkdirTemp("", "asyncgen-probe")
		if err != nil {
			return
		}
		defer os.RemoveAll(dir)
		path := filepath.Join(dir, "probe.agen")
		if os.WriteFile(path, []byte("print(1)\n"), 0o666) != nil {
			return
		}
		defer func() { recover() }() // the scripts' own runs report panics
		var stdout, stderr bytes.Buffer
		status := Main([]string{"run", "--virtual-time", path}, strings.NewReader(""), &stdout, &stderr)
		probeStderr = stderr.String()
		runMissing = status != 0 && strings.Contains(probeStderr, "not implemented")
	})
	if runMissing {
		t.Skipf("asyncgen run is not implemented yet: %s", strings.TrimSpace(probeStderr))
	}
}
