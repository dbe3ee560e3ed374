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

// TestGoldenMatchesCPython checks the trees of the golden programs, the
// script tests and the examples against CPython's own AST, rendered in
// Dump's format by testdata/ast/pydump.py.
func TestGoldenMatchesCPython(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not available")
	}
	files := goldenFiles(t)
	for _, pattern := range []string{"../testdata/*.agen", "../examples/*.agen"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	out, err := exec.Command("python3", append([]string{"testdata/ast/pydump.py"}, files...)...).Output()
	if err != nil {
		t.Fatalf("pydump: %v", err)
	}
	dumps := strings.SplitAfter(string(out), "\nFile ")
	if len(dumps) != len(files) {
		t.Fatalf("pydump gave %d dumps for %d files", len(dumps), len(files))
	}
	compared := 0
	for i, name := range files {
		want := dumps[i]
		if i > 0 {
			want = "File " + want
		}
		want = strings.TrimSuffix(want, "File ")
		if strings.HasSuffix(strings.SplitN(want, "\n", 2)[0], " SyntaxError") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(name, src)
		if err != nil {
			t.Errorf("%s: CPython parses it, asyncgen says %v", name, err)
			continue
		}
		var buf bytes.Buffer
		if err := Dump(&buf, f); err != nil {
			t.Fatal(err)
		}
		compared++
		got := noPosition.ReplaceAll(buf.Bytes(), []byte("$1"))
		if string(got) != want {
			t.Errorf("%s: tree differs from CPython's:\n%s", name, firstDiff(string(got), want))
		}
	}
	if compared < len(goldenFiles(t)) {
		t.Errorf("only %d programs compared", compared)
	}
	t.Logf("%d programs compared with CPython", compared)
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
