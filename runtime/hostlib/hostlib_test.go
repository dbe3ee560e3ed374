package hostlib_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/asyncgen/asyncgen/runtime"
	"github.com/asyncgen/asyncgen/runtime/hostlib"
)

func run(t *testing.T, mods []*runtime.HostModule, src string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	in := runtime.New(runtime.Options{Stdout: &out, Modules: mods})
	defer in.Close()
	_, err := in.Exec(context.Background(), "test.agen", []byte(src))
	return out.String(), err
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "log.txt")
	if err := os.WriteFile(path, []byte("one\ntwo\n\nlast"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, []*runtime.HostModule{hostlib.Files()}, fmt.Sprintf(`
import files
p = %q
print(repr(await files.read(p)))
async for line in files.lines(p):
    print(repr(line))
try:
    await files.read("nope.txt")
except OSError as e:
    print(type(e).__name__, e)
try:
    await files.read(%q)
except OSError as e:
    print(type(e).__name__, e)
`, path, dir))
	if err != nil {
		t.Fatal(err)
	}
	// The error lines are CPython's for open('nope.txt') and open(dir).
	want := fmt.Sprintf(`'one\ntwo\n\nlast'
'one'
'two'
''
'last'
FileNotFoundError [Errno 2] No such file or directory: 'nope.txt'
IsADirectoryError [Errno 21] Is a directory: '%s'
`, dir)
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
}

func TestDenied(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"import files", "ModuleNotFoundError: No module named 'files' (run with --allow-read to grant it)"},
		{"import http", "ModuleNotFoundError: No module named 'http' (run with --allow-net to grant it)"},
		{"from files import read", "ModuleNotFoundError: No module named 'files' (run with --allow-read to grant it)"},
	} {
		_, err := run(t, hostlib.Modules(false, false), c.src)
		var e *runtime.Error
		if !errors.As(err, &e) || e.Error() != c.want {
			t.Errorf("%s: error %v", c.src, err)
		}
	}
	if out, err := run(t, hostlib.Modules(true, true), "import files, http\nprint(files.read, http.get)"); err != nil || out == "" {
		t.Errorf("granted: %q, %v", out, err)
	}
}

func TestHTTP(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Path", r.URL.Path)
		if r.URL.Path == "/missing" {
			http.Error(w, "no such page", http.StatusNotFound)
			return
		}
		fmt.Fprint(w, "hello from ", r.URL.Path)
	}))
	defer srv.Close()
	out, err := run(t, []*runtime.HostModule{hostlib.HTTP(srv.Client())}, fmt.Sprintf(`
import asyncio, http
base = %q
rs = await asyncio.gather(http.get(base + "/a"), http.get(base + "/missing"))
for r in rs:
    print(r.status, r.headers["X-Path"], repr(r.text))
try:
    await http.get("http://127.0.0.1:1/")
except OSError as e:
    print("OSError")
`, srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	want := "200 /a 'hello from /a'\n404 /missing 'no such page\\n'\nOSError\n"
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
}
