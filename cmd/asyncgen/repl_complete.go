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
// value.Builtins (vm.Thread does not list its builtins).
var threadBuiltins = []string{"super", "aiter", "anext", "globals", "locals", "sleep"}

// completions returns the names that complete prefix, a dotted name at
// the end of the line being typed: keywords, globals and builtins for a
// plain name; for `x.y.pre`, the attributes of x.y starting with pre
// (those starting with an underscore only when pre does). As
// rlcompleter, it evaluates no call: x.y is looked up, nothing more. It
// runs on the loop goroutine.
func completions(th value.Thread, globals *value.Dict, prefix string) []string {
	dot := strings.LastIndexByte(prefix, '.')
	var names []string
	if dot < 0 {
		names = append(names, keywords...)
		names = append(names, dictNames(globals)...)
		for name := range value.Builtins() {
			names = append(names, name)
		}
		names = append(names, threadBuiltins...)
	} else {
		obj, ok := lookupDotted(th, globals, prefix[:dot])
		if !ok {
			return nil
		}
		names = attrNames(obj)
	}
	word := prefix[dot+1:]
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if strings.HasPrefix(n, word) && !seen[n] && (strings.HasPrefix(word, "_") || !strings.HasPrefix(n, "_")) {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// lookupDotted evaluates a dotted name such as `a.b.c` in globals and the
// builtins.
func lookupDotted(th value.Thread, globals *value.Dict, dotted string) (value.Value, bool) {
	parts := strings.Split(dotted, ".")
	v, ok := globals.GetString(parts[0])
	if !ok {
		if v, ok = value.Builtins()[parts[0]]; !ok {
			return nil, false
		}
	}
	for _, p := range parts[1:] {
		var err error
		if v, err = value.GetAttr(th, v, p); err != nil {
			return nil, false
		}
	}
	return v, true
}

// attrNames lists the attributes of v found in its dictionaries: its own
// (instance, module or class) and its class's along the bases.
func attrNames(v value.Value) []string {
	var names []string
	switch v := v.(type) {
	case *value.Instance:
		names = dictNames(v.Dict)
	case *value.Module:
		names = dictNames(v.Globals)
	case *value.Class:
		names = classNames(v)
	}
	return append(names, classNames(v.Type())...)
}

// classNames lists the attributes of c and its bases.
func classNames(c *value.Class) []string {
	var names []string
	for k := c; k != nil; k = k.Base {
		names = append(names, dictNames(k.Dict)...)
	}
	return names
}

// dictNames lists the string keys of d.
func dictNames(d *value.Dict) []string {
	if d == nil {
		return nil
	}
	var names []string
	for _, k := range d.Keys() {
		if s, ok := k.(value.String); ok {
			names = append(names, s.String())
		}
	}
	return names
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
