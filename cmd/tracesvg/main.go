// Command tracesvg draws a Chrome Trace Event file, as `asyncgen run
// --trace` writes, as an SVG timeline: one row per track (task), its
// slices as boxes, instant events as ticks, flow events as arrows.
//
// Usage:
//
//	tracesvg [-width PIXELS] [-title TEXT] TRACE.json > trace.svg
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"html"
	"io"
	"math"
	"os"
	"sort"
	"strings"
)

// event is the part of a trace event the drawing uses.
type event struct {
	Name string         `json:"name"`
	Cat  string         `json:"cat"`
	Ph   string         `json:"ph"`
	Ts   float64        `json:"ts"`
	Dur  float64        `json:"dur"`
	Tid  int            `json:"tid"`
	ID   int            `json:"id"`
	Args map[string]any `json:"args"`
}

// Layout, in pixels.
const (
	labelWidth = 170
	rowHeight  = 30
	printRow   = 90 // the height of a track with output lines to label
	top        = 40
	margin     = 140 // right of the plot: room for the last labels
	minWidth   = 3   // of a slice, however short (a step on the virtual clock takes no time)
)

func main() {
	width := flag.Int("width", 1100, "width of the drawing in `pixels`")
	title := flag.String("title", "", "title drawn above the timeline")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: tracesvg [-width PIXELS] [-title TEXT] TRACE.json > trace.svg")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "tracesvg:", err)
		os.Exit(1)
	}
	var file struct {
		TraceEvents []event `json:"traceEvents"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		fmt.Fprintln(os.Stderr, "tracesvg:", err)
		os.Exit(1)
	}
	draw(os.Stdout, file.TraceEvents, *width, *title)
}

// draw writes the SVG of events.
func draw(w io.Writer, events []event, width int, title string) {
	names := map[int]string{}
	order := map[int]float64{} // sort_index, or the tid
	end := 0.0
	for _, e := range events {
		if _, ok := order[e.Tid]; !ok {
			order[e.Tid] = float64(e.Tid)
		}
		switch {
		case e.Ph == "M" && e.Name == "thread_name":
			names[e.Tid], _ = e.Args["name"].(string)
		case e.Ph == "M" && e.Name == "thread_sort_index":
			if i, ok := e.Args["sort_index"].(float64); ok {
				order[e.Tid] = i
			}
		case e.Ph != "M":
			end = math.Max(end, e.Ts+e.Dur)
		}
	}
	var tids []int
	for tid := range order {
		tids = append(tids, tid)
	}
	sort.Slice(tids, func(i, j int) bool { return order[tids[i]] < order[tids[j]] })
	printed := map[int]bool{}
	for _, e := range events {
		printed[e.Tid] = printed[e.Tid] || e.Cat == "print"
	}
	rowTop, rowH := map[int]float64{}, map[int]float64{}
	bottom := float64(top)
	for _, tid := range tids {
		rowTop[tid], rowH[tid] = bottom, rowHeight
		if printed[tid] {
			rowH[tid] = printRow
		}
		bottom += rowH[tid]
	}
	if end == 0 {
		end = 1
	}
	plot := float64(width - labelWidth - margin)
	x := func(ts float64) float64 { return labelWidth + ts/end*plot }
	y := func(tid int) float64 { return rowTop[tid] }
	height := int(bottom) + 40

	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="11">`+"\n", width, height)
	fmt.Fprintf(w, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(w, `<defs><marker id="arrow" markerWidth="8" markerHeight="8" refX="7" refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#c0392b"/></marker></defs>`+"\n")
	if title != "" {
		fmt.Fprintf(w, `<text x="8" y="20" font-size="14" font-weight="bold">%s</text>`+"\n", html.EscapeString(title))
	}
	for i, tid := range tids {
		fill := "#f7f7f7"
		if i%2 == 1 {
			fill = "#ececec"
		}
		fmt.Fprintf(w, `<rect x="0" y="%g" width="%d" height="%g" fill="%s"/>`+"\n", y(tid), width, rowH[tid], fill)
		name := names[tid]
		if name == "" {
			name = fmt.Sprintf("track %d", tid)
		}
		fmt.Fprintf(w, `<text x="%d" y="%g">%s</text>`+"\n", 8, y(tid)+rowHeight/2+4, html.EscapeString(name))
	}
	axis(w, end, plot, bottom)

	flows := map[int]event{}
	lastX, stack := -100.0, 0.0 // labels printed at one time stack up
	for _, e := range events {
		switch e.Ph {
		case "X":
			x0, x1 := x(e.Ts), x(e.Ts+e.Dur)
			fmt.Fprintf(w, `<rect x="%.1f" y="%g" width="%.1f" height="%d" fill="%s" stroke="#333" stroke-width="0.5"><title>%s</title></rect>`+"\n",
				x0, y(e.Tid)+4, math.Max(x1-x0, minWidth), rowHeight-8, color(e), html.EscapeString(e.Name))
			if x1-x0 > float64(7*len(e.Name)) {
				fmt.Fprintf(w, `<text x="%.1f" y="%g" fill="#111">%s</text>`+"\n", x0+3, y(e.Tid)+rowHeight/2+4, html.EscapeString(e.Name))
			}
		case "i", "I":
			xi := x(e.Ts)
			yi := y(e.Tid)
			fmt.Fprintf(w, `<path d="M%.1f,%g l-4,-6 h8 z" fill="%s"><title>%s</title></path>`+"\n", xi, yi+8, instantColor(e.Cat), html.EscapeString(e.Name))
			if e.Cat == "print" {
				if xi-lastX < 4 {
					stack += 11
				} else {
					stack = 0
				}
				lastX = xi
				label(w, xi, yi+stack, e.Name)
			}
		case "s":
			flows[e.ID] = e
		case "f":
			if s, ok := flows[e.ID]; ok {
				fmt.Fprintf(w, `<line x1="%.1f" y1="%g" x2="%.1f" y2="%g" stroke="#c0392b" stroke-width="1.2" marker-end="url(#arrow)"/>`+"\n",
					x(s.Ts), y(s.Tid)+rowHeight/2, x(e.Ts), y(e.Tid)+rowHeight/2)
			}
		}
	}
	fmt.Fprintln(w, "</svg>")
}

// label writes the text of an output line under its tick (y is the top
// of the row), small and slanted so that lines printed close together
// stay readable.
func label(w io.Writer, x, y float64, text string) {
	if len(text) > 24 {
		text = text[:23] + "…"
	}
	fmt.Fprintf(w, `<text x="%.1f" y="%g" font-size="9" transform="rotate(35 %.1f %g)">%s</text>`+"\n", x+1, y+14, x+1, y+14, html.EscapeString(text))
}

// axis draws the time axis under the rows, with ticks at round times.
func axis(w io.Writer, end, plot, y0 float64) {
	step := math.Pow(10, math.Floor(math.Log10(end/5)))
	for end/step > 10 {
		step *= 2
	}
	fmt.Fprintf(w, `<line x1="%d" y1="%g" x2="%g" y2="%g" stroke="#333"/>`+"\n", labelWidth, y0, labelWidth+plot, y0)
	for t := 0.0; t <= end*1.0001; t += step {
		xt := labelWidth + t/end*plot
		fmt.Fprintf(w, `<line x1="%.1f" y1="%g" x2="%.1f" y2="%g" stroke="#333"/>`+"\n", xt, y0, xt, y0+5)
		fmt.Fprintf(w, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%g" stroke="#bbb" stroke-dasharray="2,3"/>`+"\n", xt, top, xt, y0)
		fmt.Fprintf(w, `<text x="%.1f" y="%g" text-anchor="middle">%s</text>`+"\n", xt, y0+18, seconds(t))
	}
}

// seconds formats microseconds as a time.
func seconds(us float64) string {
	switch {
	case us == 0:
		return "0"
	case us >= 1e6:
		return fmt.Sprintf("%gs", math.Round(us/1e3)/1e3)
	case us >= 1e3:
		return fmt.Sprintf("%gms", math.Round(us)/1e3)
	}
	return fmt.Sprintf("%gµs", us)
}

// color picks a slice's fill from its category, or its name for steps
// ("coro:line"), so that the steps of one coroutine share a color.
func color(e event) string {
	switch e.Cat {
	case "wait":
		return "#d5dbe3"
	case "loop":
		return "#c0392b"
	}
	palette := []string{"#8ecae6", "#ffb703", "#90be6d", "#f9844a", "#b5838d", "#4cc9f0", "#f4a261", "#a8dadc"}
	name := e.Name
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		name = name[:i]
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	return palette[h.Sum32()%uint32(len(palette))]
}

// instantColor is the color of an instant event of category cat.
func instantColor(cat string) string {
	switch cat {
	case "exception":
		return "#d62828"
	case "cancel":
		return "#6a040f"
	case "sleep":
		return "#457b9d"
	case "agen":
		return "#2a9d8f"
	case "print":
		return "#6d597a"
	}
	return "#555"
}
