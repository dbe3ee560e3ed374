package lang

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestErrors checks each program in testdata/errors against what CPython
// 3.11 reports for it (expected.tsv, written by testdata/errors/gen.py).
func TestErrors(t *testing.T) {
	f, err := os.Open("testdata/errors/expected.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		name := fields[0]
		n++
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata/errors", name+".agen")
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			_, perr := Parse(name+".agen", src)
			if fields[1] == "ok" {
				if perr != nil {
					t.Errorf("unexpected error: %v", perr)
				}
				return
			}
			line, _ := strconv.Atoi(fields[2])
			col, _ := strconv.Atoi(fields[3])
			want := &Error{Pos: Pos{Filename: name + ".agen", Line: line, Col: col}, Kind: fields[1], Msg: fields[4]}
			e, ok := perr.(*Error)
			if !ok {
				t.Fatalf("got %v, want %v", perr, want)
			}
			if e.Kind != want.Kind || e.Msg != want.Msg || e.Line != want.Line || e.Col != want.Col {
				t.Errorf("got  %v\nwant %v", e, want)
			}
		})
	}
	if n < 60 {
		t.Errorf("only %d cases", n)
	}
}
