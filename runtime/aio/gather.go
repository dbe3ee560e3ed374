package aio

import (
	"reflect"
	"slices"
	"unsafe"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// gathering is the future asyncio.gather returns (_GatheringFuture).
type gathering struct {
	Future
	children        []gatherChild
	results         []value.Value // filled as children finish, when none repeats
	nfuts, finished int
	returnExc       bool
	cancelRequested bool
}

// A gatherChild is a child of a gather, and the done callback the gather
// adds to it (_done_callback).
type gatherChild struct {
	g *gathering
	f *Future
}

// index returns the position of c in its gather's children.
func (c *gatherChild) index() int {
	first := unsafe.Pointer(unsafe.SliceData(c.g.children))
	return int((uintptr(unsafe.Pointer(c)) - uintptr(first)) / unsafe.Sizeof(*c))
}

// Type returns the future class (a _GatheringFuture is a Future).
func (g *gathering) Type() *value.Class { return GatheringType }

// Await returns the future's await iterator.
func (g *gathering) Await(th value.Thread) (value.Coroutine, error) {
	return futureIter{&g.Future}, nil
}

// gather is asyncio.gather(*aws, return_exceptions=...).
func gather(th value.Thread, aws []value.Value, returnExc bool) (futureLike, error) {
	if len(aws) == 0 {
		l, err := runningLoop(th)
		if err != nil {
			return nil, err
		}
		f := NewFuture(l)
		f.SetResult(value.NewList(nil))
		return f, nil
	}
	// children never grows beyond its capacity: the callbacks point
	// into it.
	g := &gathering{returnExc: returnExc, children: make([]gatherChild, 0, len(aws))}
	var seen map[value.Value]*gatherChild // by identity, for pointer values
	repeats := hasRepeats(aws)
	for _, aw := range aws {
		byID := repeats && reflect.TypeOf(aw).Kind() == reflect.Pointer
		if byID {
			if c, ok := seen[aw]; ok {
				g.children = append(g.children, *c)
				continue
			}
		}
		fl, err := ensureFuture(th, g.loop, aw) // the loop of the first, as CPython
		if err != nil {
			return nil, err
		}
		if g.loop == nil {
			g.init(fl.base().loop, gatherFuture)
		}
		g.nfuts++
		g.children = append(g.children, gatherChild{g, fl.base()})
		c := &g.children[len(g.children)-1]
		if byID {
			if seen == nil {
				seen = make(map[value.Value]*gatherChild, len(aws))
			}
			seen[aw] = c
		}
		fl.base().addDoneCallback(c)
	}
	return g, nil
}

// hasRepeats reports whether a pointer value occurs twice in aws, in
// which case gather must map each to its future as CPython's arg_to_fut
// does. The coroutines of one gather are mostly made one after the
// other: their addresses form a few runs that increase, which it merges,
// as a merge sort would, comparing each address with the one before
// (spans of the allocator interleave, so the runs' ranges overlap). With
// many runs it sorts a copy of the addresses instead.
func hasRepeats(aws []value.Value) bool {
	var small [64]addrRun
	runs := small[:0]
	for i, aw := range aws {
		p, ok := addrOf(aw)
		if !ok {
			continue
		}
		if n := len(runs); n > 0 && p > runs[n-1].last {
			runs[n-1].last, runs[n-1].end = p, i+1
			continue
		}
		if len(runs) == cap(runs) && len(runs) >= len(aws)/32 {
			return sortedRepeats(aws)
		}
		runs = append(runs, addrRun{at: p, last: p, next: i, end: i + 1})
	}
	h := runHeap(runs)
	h.init()
	prev, first := uintptr(0), true
	for len(h) > 0 {
		r := &h[0]
		if !first && r.at == prev {
			return true
		}
		prev, first = r.at, false
		if r.advance(aws) {
			h.down(0)
		} else {
			h = h.pop()
		}
	}
	return false
}

// addrOf returns the address v points to, if v is a pointer.
func addrOf(v value.Value) (uintptr, bool) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer {
		return 0, false
	}
	return rv.Pointer(), true
}

// An addrRun is a run of increasing addresses in aws[next:end], being
// merged: at is the address of aws[next], last the run's last address.
type addrRun struct {
	at, last  uintptr
	next, end int
}

// advance moves r to its next address, and reports whether it had one.
func (r *addrRun) advance(aws []value.Value) bool {
	for r.next++; r.next < r.end; r.next++ {
		if p, ok := addrOf(aws[r.next]); ok {
			r.at = p
			return true
		}
	}
	return false
}

// runHeap is a min-heap of runs by their current address.
type runHeap []addrRun

func (h runHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h runHeap) down(i int) {
	for {
		c := 2*i + 1
		if c >= len(h) {
			return
		}
		if c+1 < len(h) && h[c+1].at < h[c].at {
			c++
		}
		if h[i].at <= h[c].at {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}

// pop removes the top run.
func (h runHeap) pop() runHeap {
	n := len(h) - 1
	h[0] = h[n]
	h = h[:n]
	h.down(0)
	return h
}

// sortedRepeats reports whether a pointer value occurs twice in aws, from
// a sorted slice of their addresses.
func sortedRepeats(aws []value.Value) bool {
	addrs := make([]uintptr, 0, len(aws))
	for _, aw := range aws {
		if p, ok := addrOf(aw); ok {
			addrs = append(addrs, p)
		}
	}
	slices.Sort(addrs)
	for i := 1; i < len(addrs); i++ {
		if addrs[i] == addrs[i-1] {
			return true
		}
	}
	return false
}

// call is gather's _done_callback, run when the child is done.
func (c *gatherChild) call(l *Loop) error {
	g, f := c.g, c.f
	g.finished++
	if g.state != pending {
		if f.state != cancelled {
			f.logTraceback = false // fut.exception(): mark it retrieved
		}
		return nil
	}
	if !g.returnExc {
		if f.state == cancelled {
			g.SetException(f.makeCancelledError())
			return nil
		}
		if exc := f.failure(); exc != nil {
			f.logTraceback = false
			g.SetException(exc)
			return nil
		}
	}
	if g.nfuts == len(g.children) {
		// No child repeats: read the result while the child is fresh in
		// the cache, rather than in a pass over all of them at the end.
		// The list is made then, not while the children are pending.
		if g.results == nil {
			g.results = make([]value.Value, len(g.children))
		}
		g.results[c.index()] = childResult(f)
	}
	if g.finished < g.nfuts {
		return nil
	}
	results := g.results
	g.results = nil
	if results == nil { // a child repeats
		results = make([]value.Value, len(g.children))
		for i, c := range g.children {
			results[i] = childResult(c.f)
		}
	}
	if g.cancelRequested {
		// CPython's callback reuses the name of its loop variable here, so
		// the error comes from the last child.
		last := g.children[len(g.children)-1].f
		g.SetException(last.makeCancelledError())
	} else {
		g.SetResult(value.NewList(results))
	}
	return nil
}

// childResult is the item of gather's result list for a done child: its
// result, its exception, or a CancelledError with its cancel message.
func childResult(f *Future) value.Value {
	switch {
	case f.state == cancelled:
		msg := f.cancelMsg()
		if msg == nil {
			msg = value.MakeString("")
		}
		return value.NewException(value.CancelledError, msg)
	case f.failed:
		f.logTraceback = false
	}
	return f.result
}

// cancel cancels the children; the gather future is cancelled when they
// are.
func (g *gathering) cancel(msg value.Value) bool {
	if g.state != pending {
		return false
	}
	ret := false
	for _, c := range g.children {
		if c.f.self().cancel(msg) {
			ret = true
		}
	}
	if ret {
		g.cancelRequested = true
	}
	return ret
}

// ensureFuture is asyncio.ensure_future(v, loop=l): a future as is, a
// coroutine wrapped in a new task of l (nil: the running loop), another
// awaitable wrapped in a coroutine first.
func ensureFuture(th value.Thread, l *Loop, v value.Value) (futureLike, error) {
	if fl, ok := v.(futureLike); ok {
		if l != nil && fl.base().loop != l {
			return nil, value.Errorf(value.ValueError, "The future belongs to a different loop than the one specified as the loop argument")
		}
		return fl, nil
	}
	coro, err := asCoroutine(th, v)
	if err != nil {
		return nil, err
	}
	if l == nil {
		if l, err = runningLoop(th); err != nil {
			return nil, err
		}
	} else if err := l.checkClosed(); err != nil {
		return nil, err
	}
	return newTask(l, coro, nil), nil
}

// asCoroutine returns v if it is a coroutine, or a coroutine awaiting it
// if it is another awaitable (_wrap_awaitable).
func asCoroutine(th value.Thread, v value.Value) (value.Coroutine, error) {
	if c, ok := v.(value.Coroutine); ok && isCoroutine(v) {
		return c, nil
	}
	if a, ok := v.(value.Awaitable); ok {
		c, err := a.Await(th)
		if err != nil {
			return nil, err
		}
		return &wrapped{inner: c}, nil
	}
	if _, ok := v.(*value.Instance); ok {
		if m, err := value.GetAttr(th, v, "__await__"); err == nil {
			it, err := value.Call(th, m, nil, nil)
			if err != nil {
				return nil, err
			}
			if c, ok := it.(value.Coroutine); ok {
				return &wrapped{inner: c}, nil
			}
			return nil, value.Errorf(value.TypeError, "__await__() returned non-iterator of type '%s'", it.Type().Name)
		}
	}
	return nil, value.Errorf(value.TypeError, "An asyncio.Future, a coroutine or an awaitable is required")
}

// isCoroutine reports whether v is a coroutine in the sense of
// collections.abc.Coroutine: it has send/throw/close and __await__.
// Generators are not awaitable, so they are not coroutines.
func isCoroutine(v value.Value) bool {
	_, ok := v.(value.Coroutine)
	_, ok2 := v.(value.Awaitable)
	return ok && ok2
}

// wrapped is _wrap_awaitable: a coroutine delegating to an awaitable's
// await iterator.
type wrapped struct{ inner value.Coroutine }

// Type returns the coroutine class.
func (w *wrapped) Type() *value.Class { return CoroutineType }

// Await returns the coroutine itself.
func (w *wrapped) Await(th value.Thread) (value.Coroutine, error) { return w, nil }

// Send resumes the inner iterator.
func (w *wrapped) Send(th value.Thread, v value.Value) (value.Value, bool, error) {
	return w.inner.Send(th, v)
}

// Throw throws into the inner iterator.
func (w *wrapped) Throw(th value.Thread, exc *value.Exception) (value.Value, bool, error) {
	return w.inner.Throw(th, exc)
}

// Close closes the inner iterator.
func (w *wrapped) Close(th value.Thread) error { return w.inner.Close(th) }
