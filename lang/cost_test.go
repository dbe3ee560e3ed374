package lang

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestParseCost checks that long chains of operators, calls, attributes
// and prefixes, and deeply nested brackets and blocks, get CPython's
// outcome (success, a SyntaxError where CPython puts it, MemoryError when
// CPython's parser runs out of stack, RecursionError when its compiler
// finds the tree too deep), in linear time and memory.
//
// want is the last stderr line of CPython 3.11 running src as a script
// ("" when it compiles), line and col where a SyntaxError points
// (SyntaxError.lineno and offset); all generated with python3.
func TestParseCost(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      string
		line, col int
	}{
		{"1+1+… (100000)", chain("x = 1", "+1", 100000), "RecursionError: maximum recursion depth exceeded during compilation", 0, 0},
		{"1+1+… (2998)", chain("x = 1", "+1", 2998), "", 0, 0},
		{"1+1+… (2999)", chain("x = 1", "+1", 2999), "RecursionError: maximum recursion depth exceeded during compilation", 0, 0},
		{"a.b.b… (100000)", chain("x = a", ".b", 100000), "RecursionError: maximum recursion depth exceeded during compilation", 0, 0},
		{"f()()… (100000)", chain("x = f", "()", 100000), "RecursionError: maximum recursion depth exceeded during compilation", 0, 0},
		{"x[0][0]… (100000)", chain("x = x", "[0]", 100000), "RecursionError: maximum recursion depth exceeded during compilation", 0, 0},
		{"'a'+'a'+… (100000)", chain("x = 'a'", "+'a'", 100000), "RecursionError: maximum recursion depth exceeded during compilation", 0, 0},
		{"1|1|… (100000)", chain("x = 1", "|1", 100000), "RecursionError: maximum recursion depth exceeded during compilation", 0, 0},
		{"1*1*… (100000)", chain("x = 1", "*1", 100000), "RecursionError: maximum recursion depth exceeded during compilation", 0, 0},
		{"not not… (100000)", prefix("x = ", "not ", 100000, "x"), "MemoryError", 0, 0},
		{"not not… (5967)", prefix("x = ", "not ", 5967, "x"), "RecursionError: maximum recursion depth exceeded during compilation", 0, 0},
		{"not not… (5968)", prefix("x = ", "not ", 5968, "x"), "MemoryError", 0, 0},
		{"----x (100000)", prefix("x = ", "-", 100000, "x"), "MemoryError", 0, 0},
		{"~~~~x (100000)", prefix("x = ", "~", 100000, "x"), "MemoryError", 0, 0},
		{"a**a**… (100000)", chain("x = a", "**a", 100000), "MemoryError", 0, 0},
		{"a**a**… (2983)", chain("x = a", "**a", 2983), "", 0, 0},
		{"a**a**… (2984)", chain("x = a", "**a", 2984), "MemoryError", 0, 0},
		{"lambda: lambda: … (100000)", prefix("x = ", "lambda: ", 100000, "1"), "MemoryError", 0, 0},
		{"lambda: lambda: … (2983)", prefix("x = ", "lambda: ", 2983, "1"), "", 0, 0},
		{"lambda: lambda: … (2984)", prefix("x = ", "lambda: ", 2984, "1"), "MemoryError", 0, 0},
		{"1 if 1 else 1 if … (100000)", chain("x = 1", " if 1 else 1", 100000), "MemoryError", 0, 0},
		{"await await … (100000)", prefix("async def f():\n    x = ", "await ", 100000, "x"), "SyntaxError: invalid syntax", 2, 15},
		{"a and a and … (100000)", chain("x = a", " and a", 100000), "", 0, 0},
		{"a or a or … (100000)", chain("x = a", " or a", 100000), "", 0, 0},
		{"1<1<… (100000)", chain("x = 1", "<1", 100000), "", 0, 0},
		{"1,1,… (100000)", chain("x = 1", ",1", 100000), "", 0, 0},
		{"'a' 'a' … (100000)", chain("x = 'a'", " 'a'", 100000), "", 0, 0},
		{"x = x = … (100000)", chain("x", " = x", 100000), "", 0, 0},
		{"(((… (10000)", prefix("x = ", "(", 10000, "x"+strings.Repeat(")", 10000)), "SyntaxError: too many nested parentheses", 1, 205},
		{"[[[… (10000)", prefix("x = ", "[", 10000, ""), "SyntaxError: too many nested parentheses", 1, 205},
		{"-(-(… (10000)", prefix("x = ", "-(", 10000, "x"+strings.Repeat(")", 10000)), "SyntaxError: too many nested parentheses", 1, 406},
		{"nested blocks (10000)", blocks(10000), "IndentationError: too many levels of indentation", 101, 1},
		{"nested blocks (100)", blocks(100), "IndentationError: too many levels of indentation", 101, 1},
		{"nested blocks (99)", blocks(99), "", 0, 0},
		{"1+1+… (100000) then a syntax error", chain("x = 1", "+1", 100000) + ")", "SyntaxError: unmatched ')'", 2, 1},
		{"nonlocal, then 1+1+… (100000)", "nonlocal x\n" + chain("x = 1", "+1", 100000), "RecursionError: maximum recursion depth exceeded during compilation", 0, 0},
		{"f'{f'{… (50)", prefix("x = ", "f'{", 50, strings.Repeat("}'", 50)), "SyntaxError: f-string: expecting '}'", 1, 10},
		{"nested for blocks (10000)", forBlocks(10000), "IndentationError: too many levels of indentation", 101, 1},
	} {
		// The race detector finds nothing in single-goroutine parsing that
		// the plain run does not, while it multiplies the big sources' CPU
		// and allocations: the plain run alone checks their cost.
		if (testing.Short() || raceEnabled) && len(c.src) > 1<<20 {
			continue
		}
		src := []byte(c.src)
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		alloc := ms.TotalAlloc
		cpu := cpuTime()
		_, err := Parse("t.agen", src)
		used := cpuTime() - cpu
		runtime.ReadMemStats(&ms)
		alloc = ms.TotalAlloc - alloc
		got := ""
		if err != nil {
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("%s: error of type %T: %v", c.name, err, err)
			}
			got = e.exception()
			if e.located() && (e.Line != c.line || e.Col != c.col) {
				t.Errorf("%s: %v, want it at %d:%d", c.name, err, c.line, c.col)
			}
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
		t.Logf("%s: %v CPU, %d MB allocated", c.name, used.Round(time.Millisecond), alloc>>20)
		if used > maxCPU() || alloc > maxAlloc(len(c.src)) {
			t.Errorf("%s: %v CPU and %d MB allocated, want within %v and %d MB",
				c.name, used.Round(time.Millisecond), alloc>>20, maxCPU(), maxAlloc(len(c.src))>>20)
		}
	}
}

// maxCPU is how much CPU time parsing a source of TestParseCost may take:
// about ten times what it takes on a loaded machine.
func maxCPU() time.Duration {
	if raceEnabled {
		return 10 * time.Second
	}
	return time.Second
}

// maxAlloc is how much parsing a source of n bytes may allocate: twice
// as much under -race, whose sync.Pool drops a quarter of what is put
// back (the token arrays are then made anew) and whose allocator gives
// each object under 16 bytes a block of its own (1<1<… (100000): 24 MB
// plain, 76 MB under -race, over the plain bound once).
func maxAlloc(n int) uint64 {
	limit := 64<<20 + 64*uint64(n)
	if raceEnabled {
		return 2 * limit
	}
	return limit
}

// chain returns the line head followed by n links.
func chain(head, link string, n int) string {
	return head + strings.Repeat(link, n) + "\n"
}

// prefix returns the line head, n prefixes, then tail.
func prefix(head, p string, n int, tail string) string {
	return head + strings.Repeat(p, n) + tail + "\n"
}

// blocks returns n nested if statements.
func blocks(n int) string { return nested("if x:", n) }

// forBlocks returns n nested for statements.
func forBlocks(n int) string { return nested("for x in y:", n) }

// nested returns n nested compound statements, each indented by one
// space more, and pass in the innermost.
func nested(header string, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i) + header + "\n")
	}
	b.WriteString(strings.Repeat(" ", n) + "pass\n")
	return b.String()
}
