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
	for _, pattern := range []string{"../../testdata/*.agen", "../../testdata/*/*.agen", "../../examples/*.agen",
		"../../bench/*.agen", "../vm/testdata/*.agen", "../aio/testdata/*/*.agen", "../aio/lib/*.py",
		"../../lang/testdata/*/*.agen", "../../lang/testdata/*/*.py"} {
		m, _ := filepath.Glob(pattern)
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

// TestCompileErrors compiles trees the parser would reject itself, to
// check the compiler's own checks.
func TestCompileErrors(t *testing.T) {
	pos := lang.Pos{Filename: "t.agen", Line: 1, Col: 1}
	deep := lang.Expr(&lang.Constant{Pos: pos, Value: "x"})
	for i := 0; i <= maxNesting; i++ {
		deep = &lang.UnaryOp{Pos: pos, Op: lang.USub, X: deep}
	}
	var loops lang.Stmt = &lang.Pass{Pos: pos}
	for i := 0; i < 25; i++ {
		loops = &lang.While{Pos: pos, Cond: &lang.Name{Pos: pos, ID: "x"}, Body: []lang.Stmt{loops}}
	}
	for _, c := range []struct {
		body []lang.Stmt
		want string
	}{
		{[]lang.Stmt{&lang.FuncDef{Pos: pos, Name: "f", Params: &lang.Params{},
			Body: []lang.Stmt{&lang.Nonlocal{Pos: pos, Names: []string{"x"}}}}},
			"no binding for nonlocal 'x' found"},
		{[]lang.Stmt{&lang.Nonlocal{Pos: pos, Names: []string{"x"}}}, "nonlocal declaration not allowed at module level"},
		{[]lang.Stmt{&lang.ExprStmt{Pos: pos, X: deep}}, "too many nested expressions"},
		{[]lang.Stmt{loops}, "too many statically nested blocks"},
		{[]lang.Stmt{&lang.Break{Pos: pos}}, "'break' outside loop"},
	} {
		_, err := Compile(&lang.File{Name: "t.agen", Body: c.body})
		e, ok := err.(*lang.Error)
		if !ok || e.Msg != c.want || e.Kind != "SyntaxError" {
			t.Errorf("got %v, want SyntaxError: %s", err, c.want)
		}
	}
}
