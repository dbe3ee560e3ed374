package compile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncgen/asyncgen/lang"
)

func compileSource(t *testing.T, src string) *Program {
	t.Helper()
	f, err := lang.Parse("t.agen", []byte(src))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	p, err := Compile(f)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return p
}

// TestCompileCorpus compiles every script of the repository: none may
// make the compiler fail or panic.
func TestCompileCorpus(t *testing.T) {
	var files []string
	for _, dir := range []string{"../../testdata", "../../examples", "../../bench", "../vm/testdata"} {
		m, _ := filepath.Glob(filepath.Join(dir, "*.agen"))
		files = append(files, m...)
	}
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := lang.Parse(path, src)
		if err != nil {
			continue // the parser's tests cover syntax errors
		}
		if _, err := Compile(f); err != nil {
			if _, ok := err.(*lang.Error); !ok {
				t.Errorf("%s: %v", path, err)
			}
		}
	}
}

// TestScoping checks how names are reached: fast slots, cells, free
// variables, globals, class namespaces and the __class__ cell.
func TestScoping(t *testing.T) {
	src := `
g = 1
def outer(a):
    b = 2
    def inner():
        nonlocal b
        b += a
        return g
    return inner
class C:
    x = 1
    def m(self):
        return super().m() + x
    y = [x for _ in range(2)]
`
	var sb strings.Builder
	compileSource(t, src).Module.Disassemble(&sb)
	dis := sb.String()
	for _, want := range []string{
		"code outer (t.agen) line 3 locals=[a b inner] cells=[b a]",
		"code outer.<locals>.inner (t.agen) line 5 frees=[b a]",
		"LOAD_DEREF           0 (b)",
		"LOAD_GLOBAL          0 (g)",
		"code C (t.agen) line 10 cells=[__class__]",
		"code C.m (t.agen) line 12 locals=[self] frees=[__class__]",
		"STORE_NAME",
		"RETURN_CLASSCELL",
		"code C.<listcomp> (t.agen) line 14 locals=[.0 _]",
		"LOAD_GLOBAL          0 (x)",
	} {
		if !strings.Contains(dis, want) {
			t.Errorf("missing %q in\n%s", want, dis)
		}
	}
}

func TestCompileErrors(t *testing.T) {
	for src, want := range map[string]string{
		"def f():\n    nonlocal x\n": "no binding for nonlocal 'x' found",
		"nonlocal x\n":               "nonlocal declaration not allowed at module level",
		"x = " + strings.Repeat("(", 500) + "1" + strings.Repeat(")", 500) + "\n": "too many nested",
	} {
		f, err := lang.Parse("t.agen", []byte(src))
		if err != nil {
			if !strings.Contains(err.Error(), "nest") {
				t.Errorf("%q: parse error %v", src[:10], err)
			}
			continue
		}
		_, err = Compile(f)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", src[:10], err, want)
		}
	}
}
