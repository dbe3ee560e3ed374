package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"unicode"
)

// errInterruptKey is readLine's error when Ctrl-C is typed at the prompt.
var errInterruptKey = errors.New("interrupted")

// A lineEditor reads the REPL's lines from a terminal in raw mode, with
// the keys of Emacs-style line editing, a history kept in a file, and
// completion on Tab. Output written through its writers while a line is
// being typed (by tasks running in the background) goes above the line,
// which is drawn again under it. Where the terminal cannot be put in raw
// mode, it reads lines as the terminal's own line discipline edits them.
//
// Lines wider than the terminal are not wrapped by the redraw.
type lineEditor struct {
	in       *os.File
	r        *bufio.Reader
	out      io.Writer // the terminal
	complete func(line []rune, pos int) ([][]rune, int)

	history  []string
	histFile string

	mu      sync.Mutex // guards what follows and the writes to out
	reading bool       // a line is being edited
	prompt  string
	buf     []rune
	pos     int // cursor position in buf
}

// maxHistory is how many lines the history file keeps.
const maxHistory = 1000

// newLineEditor returns an editor reading in and drawing on out, with the
// history of histFile ("" for none).
func newLineEditor(in *os.File, out io.Writer, histFile string) *lineEditor {
	e := &lineEditor{in: in, r: bufio.NewReader(in), out: out, histFile: histFile}
	if data, err := os.ReadFile(histFile); err == nil {
		e.history = strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
		if len(e.history) > maxHistory {
			e.history = e.history[len(e.history)-maxHistory:]
		}
	}
	return e
}

// writer returns a writer for output to the terminal that keeps the line
// being typed below it.
func (e *lineEditor) writer(w io.Writer) io.Writer { return editorOutput{e, w} }

// editorOutput is the output of a lineEditor's writer.
type editorOutput struct {
	e *lineEditor
	w io.Writer
}

// Write writes p above the line being typed, if any.
func (o editorOutput) Write(p []byte) (int, error) {
	e := o.e
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.reading {
		return o.w.Write(p)
	}
	io.WriteString(e.out, "\r\x1b[K")
	n, err := o.w.Write(p)
	if !bytes.HasSuffix(p, []byte("\n")) {
		io.WriteString(e.out, "\n")
	}
	e.refresh()
	return n, err
}

// readLine reads a line after printing prompt. Ctrl-C gives
// errInterruptKey; Ctrl-D on an empty line, io.EOF.
func (e *lineEditor) readLine(prompt string) (string, error) {
	restore, err := makeRaw(e.in)
	if err != nil {
		io.WriteString(e.out, prompt)
		line, err := e.r.ReadString('\n')
		if err == io.EOF && line != "" {
			err = nil
		}
		return strings.TrimRight(line, "\r\n"), err
	}
	defer restore()
	e.mu.Lock()
	e.prompt, e.buf, e.pos, e.reading = prompt, e.buf[:0], 0, true
	e.refresh()
	e.mu.Unlock()
	line, err := e.edit()
	e.mu.Lock()
	e.reading = false
	e.mu.Unlock()
	if err == nil && strings.TrimSpace(line) != "" {
		e.remember(line)
	}
	return line, err
}

// edit handles keys until the line is entered.
func (e *lineEditor) edit() (string, error) {
	hist := len(e.history) // the history line shown; len: the new line
	var draft []rune       // the new line, while a history line is shown
	for {
		r, _, err := e.r.ReadRune()
		if err != nil {
			return "", err
		}
		e.mu.Lock()
		switch r {
		case '\r', '\n':
			e.pos = len(e.buf)
			e.refresh()
			io.WriteString(e.out, "\n")
			line := string(e.buf)
			e.mu.Unlock()
			return line, nil
		case 0x03: // Ctrl-C
			io.WriteString(e.out, "^C\n")
			e.mu.Unlock()
			return "", errInterruptKey
		case 0x04: // Ctrl-D
			if len(e.buf) == 0 {
				e.mu.Unlock()
				return "", io.EOF
			}
			e.delete(e.pos, e.pos+1)
		case 0x01: // Ctrl-A
			e.pos = 0
		case 0x05: // Ctrl-E
			e.pos = len(e.buf)
		case 0x02: // Ctrl-B
			e.pos = max(e.pos-1, 0)
		case 0x06: // Ctrl-F
			e.pos = min(e.pos+1, len(e.buf))
		case 0x7f, 0x08: // Backspace, Ctrl-H
			e.delete(e.pos-1, e.pos)
		case 0x0b: // Ctrl-K
			e.delete(e.pos, len(e.buf))
		case 0x15: // Ctrl-U
			e.delete(0, e.pos)
		case 0x17: // Ctrl-W
			e.delete(e.wordStart(), e.pos)
		case 0x0c: // Ctrl-L
			io.WriteString(e.out, "\x1b[H\x1b[2J")
		case 0x10, 0x0e: // Ctrl-P, Ctrl-N
			hist, draft = e.recall(hist, draft, r == 0x10)
		case '\t':
			e.completeWord()
		case 0x1b:
			e.mu.Unlock()
			key := e.escape()
			e.mu.Lock()
			switch key {
			case 'A':
				hist, draft = e.recall(hist, draft, true)
			case 'B':
				hist, draft = e.recall(hist, draft, false)
			case 'C':
				e.pos = min(e.pos+1, len(e.buf))
			case 'D':
				e.pos = max(e.pos-1, 0)
			case 'H':
				e.pos = 0
			case 'F':
				e.pos = len(e.buf)
			case '3': // Delete
				e.delete(e.pos, e.pos+1)
			}
		default:
			if unicode.IsPrint(r) {
				e.insert([]rune{r})
			}
		}
		e.refresh()
		e.mu.Unlock()
	}
}

// escape reads the rest of an escape sequence and returns its key: A-D
// for the arrows, H and F for Home and End, '3' for Delete, 0 otherwise.
func (e *lineEditor) escape() rune {
	r, _, err := e.r.ReadRune()
	if err != nil || r != '[' && r != 'O' {
		return 0
	}
	var param []rune
	for {
		r, _, err = e.r.ReadRune()
		if err != nil {
			return 0
		}
		if r < '0' || r > '9' && r != ';' {
			break
		}
		param = append(param, r)
	}
	switch {
	case r == '~' && len(param) > 0:
		switch param[0] {
		case '1', '7':
			return 'H'
		case '4', '8':
			return 'F'
		case '3':
			return '3'
		}
		return 0
	case strings.ContainsRune("ABCDHF", r):
		return r
	}
	return 0
}

// insert inserts text at the cursor.
func (e *lineEditor) insert(text []rune) {
	e.buf = append(e.buf[:e.pos], append(text, e.buf[e.pos:]...)...)
	e.pos += len(text)
}

// delete removes buf[i:j], clipped to the line, and leaves the cursor at
// its start if it was past it.
func (e *lineEditor) delete(i, j int) {
	i, j = max(i, 0), min(j, len(e.buf))
	if i >= j {
		return
	}
	e.buf = append(e.buf[:i], e.buf[j:]...)
	if e.pos > i {
		e.pos = max(e.pos-(j-i), i)
	}
}

// wordStart returns where the word before the cursor starts, after the
// spaces that end it, as Ctrl-W erases.
func (e *lineEditor) wordStart() int {
	i := e.pos
	for i > 0 && unicode.IsSpace(e.buf[i-1]) {
		i--
	}
	for i > 0 && !unicode.IsSpace(e.buf[i-1]) {
		i--
	}
	return i
}

// recall shows the previous (back) or next history line: hist is the one
// shown, draft the new line kept meanwhile.
func (e *lineEditor) recall(hist int, draft []rune, back bool) (int, []rune) {
	next := hist + 1
	if back {
		next = hist - 1
	}
	if next < 0 || next > len(e.history) {
		return hist, draft
	}
	if hist == len(e.history) {
		draft = append([]rune(nil), e.buf...)
	}
	if next == len(e.history) {
		e.buf = append(e.buf[:0], draft...)
	} else {
		e.buf = append(e.buf[:0], []rune(e.history[next])...)
	}
	e.pos = len(e.buf)
	return next, draft
}

// completeWord completes the word before the cursor: the candidates'
// common part is inserted; if that is nothing, they are listed.
func (e *lineEditor) completeWord() {
	if e.complete == nil {
		return
	}
	cands, n := e.complete(e.buf, e.pos)
	if len(cands) == 0 {
		return
	}
	common := cands[0]
	for _, c := range cands[1:] {
		k := 0
		for k < len(common) && k < len(c) && common[k] == c[k] {
			k++
		}
		common = common[:k]
	}
	if len(common) > 0 {
		e.insert(common)
		return
	}
	word := string(e.buf[e.pos-n : e.pos])
	names := make([]string, len(cands))
	for i, c := range cands {
		names[i] = word + string(c)
	}
	fmt.Fprintf(e.out, "\r\x1b[K%s\n", strings.Join(names, "  "))
}

// refresh draws the prompt and the line, and puts the cursor in place.
func (e *lineEditor) refresh() {
	s := "\r" + e.prompt + string(e.buf) + "\x1b[K"
	if back := len(e.buf) - e.pos; back > 0 {
		s += fmt.Sprintf("\x1b[%dD", back)
	}
	io.WriteString(e.out, s)
}

// remember adds line to the history and appends it to the history file.
func (e *lineEditor) remember(line string) {
	if n := len(e.history); n > 0 && e.history[n-1] == line {
		return
	}
	e.history = append(e.history, line)
	if e.histFile == "" {
		return
	}
	f, err := os.OpenFile(e.histFile, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return
	}
	fmt.Fprintln(f, line)
	f.Close()
}
