package main

import (
	"bufio"
	"io"
	"math/rand"
	"strings"
	"testing"
)

// editKeys runs the line editor on keys (without a terminal) and returns
// the line entered, with its error.
func editKeys(keys string, history ...string) (string, error) {
	e := &lineEditor{r: bufio.NewReader(strings.NewReader(keys)), out: io.Discard, history: history}
	e.complete = func(line []rune, pos int) ([][]rune, int) {
		if strings.HasSuffix(string(line[:pos]), "pri") {
			return [][]rune{[]rune("nt"), []rune("nt_all")}, 3
		}
		return nil, 0
	}
	e.prompt, e.reading = ">>> ", true
	return e.edit()
}

func TestLineEditor(t *testing.T) {
	for _, tc := range []struct{ keys, want string }{
		{"abc\r", "abc"},
		{"garbage\x153 * 3\r", "3 * 3"},
		{"+ 1\x0141 \r", "41 + 1"},
		{"5 * wrong word  \x172\r", "5 * wrong 2"},
		{"6 * 7 - 40\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x0b\r", "6 * 7"},
		{"ab\x1b[D\x1b[3~\r", "a"},
		{"ab\x1b[H\x04\x1b[F!\r", "b!"},
		{"xy\x7f\x7f\x7fz\r", "z"},
		{"\x1b[A\x1b[A\r", "one"},
		{"new\x1b[A\x1b[B\r", "new"},
		{"\x12ON\r", "one"},
		{"\x12o\x12\r", "one"},
		{"keep\x12zzz\x07\r", "keep"},
		{"keep\x12tw\x1b[D!\r", "two!"},
		{"pri\t\r", "print"},
	} {
		got, err := editKeys(tc.keys, "one", "two")
		if err != nil || got != tc.want {
			t.Errorf("keys %q: %q, %v; want %q", tc.keys, got, err, tc.want)
		}
	}
	if _, err := editKeys("x\x03"); err != errInterruptKey {
		t.Errorf("Ctrl-C: %v", err)
	}
	if _, err := editKeys("\x04"); err != io.EOF {
		t.Errorf("Ctrl-D: %v", err)
	}
}

// TestLineEditorKeys types random keys: no key sequence may panic.
func TestLineEditorKeys(t *testing.T) {
	alphabet := []string{"a", "é", " ", "\x01", "\x02", "\x04", "\x05", "\x06", "\x07", "\x08", "\x0b", "\x0c", "\x0e", "\x10", "\x12", "\x15", "\x17", "\x7f", "\t", "\x1b", "\x1b[", "\x1b[A", "\x1b[B", "\x1b[C", "\x1b[D", "\x1b[3~", "\x1b[1;5C", "\x1bO"}
	rng := rand.New(rand.NewSource(1))
	for range 2000 {
		var b strings.Builder
		for range rng.Intn(30) {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		b.WriteString("\r")
		editKeys(b.String(), "pri", "print(1)", "")
	}
}
