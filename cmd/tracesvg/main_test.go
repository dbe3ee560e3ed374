package main

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// TestDraw draws a small trace and checks the SVG: well-formed XML, one
// labelled row per track, a box per slice, a tick per instant and an
// arrow per flow.
func TestDraw(t *testing.T) {
	events := []event{
		{Name: "thread_name", Ph: "M", Tid: 0, Args: map[string]any{"name": "event loop"}},
		{Name: "thread_name", Ph: "M", Tid: 1, Args: map[string]any{"name": "Task-1"}},
		{Name: "thread_name", Ph: "M", Tid: 2, Args: map[string]any{"name": "Task-2"}},
		{Name: "main:3", Cat: "step", Ph: "X", Ts: 0, Dur: 50, Tid: 1},
		{Name: "worker:9", Cat: "step", Ph: "X", Ts: 60, Dur: 20, Tid: 2},
		{Name: "wait for timer at 1s", Cat: "wait", Ph: "X", Ts: 80, Dur: 1e6, Tid: 0},
		{Name: "sleep 1s", Cat: "sleep", Ph: "i", Ts: 40, Tid: 1},
		{Name: "wake", Ph: "s", Ts: 1e6, Tid: 0, ID: 1},
		{Name: "wake", Ph: "f", Ts: 1e6, Tid: 1, ID: 1},
	}
	var b strings.Builder
	draw(&b, events, 800, "a <title>")
	svg := b.String()

	counts := map[string]int{}
	var texts []string
	dec := xml.NewDecoder(strings.NewReader(svg))
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			counts[tok.Name.Local]++
			inText = tok.Name.Local == "text"
		case xml.CharData:
			if inText {
				texts = append(texts, string(tok))
			}
		case xml.EndElement:
			inText = false
		}
	}
	// Background, three row bands, three slices.
	if counts["rect"] != 1+3+3 {
		t.Errorf("%d rects, want 7", counts["rect"])
	}
	if counts["path"] != 1+1 { // the arrowhead marker and the instant
		t.Errorf("%d paths, want 2", counts["path"])
	}
	all := strings.Join(texts, "|")
	for _, want := range []string{"a <title>", "event loop", "Task-1", "Task-2", "0", "1s"} {
		if !strings.Contains("|"+all+"|", "|"+want+"|") {
			t.Errorf("no text %q in %q", want, all)
		}
	}
	if !strings.Contains(svg, `marker-end="url(#arrow)"`) {
		t.Error("no flow arrow")
	}
}
