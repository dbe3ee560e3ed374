package lang

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden .ast files")

// goldenFiles lists the programs of testdata/ast.
func goldenFiles(t *testing.T) []string {
	files, err := filepath.Glob("testdata/ast/*.agen")
	if err != nil || len(files) == 0 {
		t.Fatal("no golden programs", err)
	}
	return files
}

func dumpFile(t *testing.T, name string) []byte {
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(name, src)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Dump(&buf, f); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGolden compares Dump's output with the .ast files (-update rewrites
// them).
func TestGolden(t *testing.T) {
	for _, name := range goldenFiles(t) {
		got := dumpFile(t, name)
		golden := strings.TrimSuffix(name, ".agen") + ".ast"
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: dump differs from %s; run go test -run TestGolden -update and review the diff", name, golden)
		}
	}
}

// noPosition matches the nodes that CPython's AST gives no position
// (comprehension clauses, parameter lists).
var noPosition = regexp.MustCompile(`(?m)^( *\w+(\[\d+\])?: (Comprehension|Params)) @\d+:\d+`)

// TestGoldenMatchesCPython checks the golden programs' trees against
// CPython's own AST, rendered in Dump's format by testdata/ast/pydump.py.
func TestGoldenMatchesCPython(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not available")
	}
	for _, name := range goldenFiles(t) {
		want, err := exec.Command("python3", "testdata/ast/pydump.py", name).Output()
		if err != nil {
			t.Fatalf("%s: pydump: %v", name, err)
		}
		got := noPosition.ReplaceAll(dumpFile(t, name), []byte("$1"))
		if !bytes.Equal(got, want) {
			t.Errorf("%s: tree differs from CPython's:\n%s", name, firstDiff(string(got), string(want)))
		}
	}
}

// firstDiff shows the first differing line of two dumps.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got  %s\n want %s", i+1, g[i], w[i])
		}
	}
	return "lengths differ"
}
