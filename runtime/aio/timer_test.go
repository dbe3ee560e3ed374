package aio

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestTimerHeapIsHeapq replays random push/pop/sweep sequences with many
// equal deadlines and checks that timers come out in the order CPython's
// heapq gives (testdata/heapq_gen.py).
func TestTimerHeapIsHeapq(t *testing.T) {
	data, err := os.ReadFile("testdata/heapq.txt")
	if err != nil {
		t.Fatal(err)
	}
	tags := map[*timer]int{}
	for n, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		ops, want, _ := strings.Cut(line, " | ")
		var h timerHeap
		var got []string
		for i, op := range strings.Fields(ops) {
			switch op[0] {
			case '+':
				key, _ := strconv.Atoi(op[1:])
				tm := &timer{when: int64(key)}
				tags[tm] = i
				h.push(tm)
			case '-':
				got = append(got, strconv.Itoa(tags[h.pop()]))
			case 's':
				kept := h[:0]
				for _, tm := range h {
					if tm.when != 0 {
						kept = append(kept, tm)
					}
				}
				h = kept
				h.heapify()
			}
		}
		for len(h) > 0 {
			got = append(got, strconv.Itoa(tags[h.pop()]))
		}
		if g := strings.Join(got, " "); g != strings.TrimSpace(want) {
			t.Fatalf("case %d: popped %s, heapq pops %s", n, g, want)
		}
	}
}
