package main

import (
	"sort"
	"strings"
	"unicode"

	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/chzyer/readline"
)

// keywords are completed at the start of a name, as rlcompleter does.
var keywords = []string{
	"False", "None", "True", "and", "as", "assert", "async", "await",
	"break", "class", "continue", "def", "del", "elif", "else", "except",
	"finally", "for", "from", "global", "if", "import", "in", "is",
	"lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
	"while", "with", "yield",
}

// threadBuiltins are the builtins the VM and the event loop add to
// value.Builtins (neither lists its builtins).
var threadBuiltins = []string{"super", "aiter", "anext", "globals", "locals", "sleep"}

// completions returns the candidates among names that complete prefix, a
// dotted name at the end of the line being typed, sorted. names are the
// attributes of the object before the last dot, or for a plain name, the
// globals, to which the keywords and builtins are added. Names starting
// with an underscore come only when the prefix's last part does.
func completions(names []any, prefix string) []string {
	dot := strings.LastIndexByte(prefix, '.')
	if dot < 0 {
		for _, k := range keywords {
			names = append(names, k)
		}
		for k := range value.Builtins() {
			names = append(names, k)
		}
		for _, k := range threadBuiltins {
			names = append(names, k)
		}
	}
	word := prefix[dot+1:]
	seen := map[string]bool{}
	var out []string
	for _, x := range names {
		n, _ := x.(string)
		if strings.HasPrefix(n, word) && !seen[n] && (strings.HasPrefix(word, "_") || !strings.HasPrefix(n, "_")) {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// completer is the REPL's readline.AutoCompleter.
type completer struct{ s *session }

var _ readline.AutoCompleter = completer{}

// Do returns the completions of the dotted name before the cursor, as
// suffixes to insert, and the length of the name's last part. An empty
// line completes to an indent, as CPython's REPL does.
func (c completer) Do(line []rune, pos int) ([][]rune, int) {
	start := pos
	for start > 0 && isNameRune(line[start-1]) {
		start--
	}
	prefix := string(line[start:pos])
	if strings.TrimSpace(string(line[:pos])) == "" {
		return [][]rune{[]rune("    ")}, 0
	}
	if prefix == "" || unicode.IsDigit(rune(prefix[0])) || strings.HasPrefix(prefix, ".") {
		return nil, 0
	}
	word := prefix[strings.LastIndexByte(prefix, '.')+1:]
	var out [][]rune
	for _, name := range c.s.complete(prefix) {
		out = append(out, []rune(name[len(word):]))
	}
	return out, len([]rune(word))
}

// isNameRune reports whether r may appear in a dotted name.
func isNameRune(r rune) bool {
	return r == '_' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r)
}
