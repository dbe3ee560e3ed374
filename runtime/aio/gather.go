package aio

import (
	"cmp"
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

// hasRepeats reports whether a pointer value may occur twice in aws, in
// which case gather must map each to its future as CPython's arg_to_fut
// does. The coroutines of one gather are mostly made one after the
// other, at increasing addresses: it splits aws into runs of increasing
// addresses and, when there are few runs and their ranges do not
// overlap, knows without more that no address repeats. Otherwise it
// sorts the addresses.
func hasRepeats(aws []value.Value) bool {
	const maxRuns = 64
	var runs [maxRuns]addrRange
	n := 0
	for _, aw := range aws {
		v := reflect.ValueOf(aw)
		if v.Kind() != reflect.Pointer {
			continue
		}
		p := v.Pointer()
		if n > 0 && p > runs[n-1].hi {
			runs[n-1].hi = p
			continue
		}
		if n == maxRuns {
			return sortedRepeats(aws)
		}
		runs[n] = addrRange{p, p}
		n++
	}
	r := runs[:n]
	slices.SortFunc(r, func(a, b addrRange) int { return cmp.Compare(a.lo, b.lo) })
	for i := 1; i < len(r); i++ {
		if r[i].lo <= r[i-1].hi {
			return sortedRepeats(aws)
		}
	}
	return false
}

// An addrRange is the range of the addresses in a run.
type addrRange struct{ lo, hi uintptr }

// sortedRepeats reports whether a pointer value occurs twice in aws, from
// a sorted slice of their addresses.
func sortedRepeats(aws []value.Value) bool {
	addrs := make([]uintptr, 0, len(aws))
	for _, aw := range aws {
		if v := reflect.ValueOf(aw); v.Kind() == reflect.Pointer {
			addrs = append(addrs, v.Pointer())
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
