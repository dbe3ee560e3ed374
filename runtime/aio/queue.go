package aio

import (
	"fmt"
	"strings"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// The queue classes of asyncio.queues.
var (
	QueueType         = newClass("asyncio.queues", "Queue", value.ObjectType)
	LifoQueueType     = newClass("asyncio.queues", "LifoQueue", QueueType)
	PriorityQueueType = newClass("asyncio.queues", "PriorityQueue", QueueType)

	// QueueEmpty is asyncio.QueueEmpty.
	QueueEmpty = newClass("asyncio.queues", "QueueEmpty", value.ExceptionClass)
	// QueueFull is asyncio.QueueFull.
	QueueFull = newClass("asyncio.queues", "QueueFull", value.ExceptionClass)
)

// queueKind is the order a queue gives its items.
type queueKind uint8

const (
	fifo queueKind = iota
	lifo
	priority
)

// A Queue is asyncio.Queue, LifoQueue or PriorityQueue, with the
// algorithms of CPython's Lib/asyncio/queues.py: deques of the futures of
// waiting getters and putters, woken one at a time by _wakeup_next, and
// an event (finished, joiners) set when every item is done.
type Queue struct {
	cls  *value.Class // the queue's class, maybe a script class deriving from one
	dict *value.Dict  // the attributes of a script subclass's instance, or nil
	kind queueKind

	maxsize value.Value // as given, for repr
	max     int64       // maxsize; <= 0 means unbounded

	fifo  ring[value.Value] // the items of a FIFO queue
	items []value.Value     // the items of a LIFO queue, the heap of a priority queue

	getters, putters ring[*Future]
	unfinished       int64     // _unfinished_tasks
	unset            bool      // the _finished event is clear
	joiners          []*Future // the futures waiting on the _finished event

	bounds []*bound             // the methods read through the queue
	spare  [opJoin + 1]*queueOp // the last coroutine of each kind, reused once done
}

// Type returns the queue's class.
func (q *Queue) Type() *value.Class { return q.cls }

// InstanceDict returns the attributes of an instance of a script class
// deriving from a queue class, or nil.
func (q *Queue) InstanceDict() *value.Dict { return q.dict }

// bound returns m bound to q, made once.
func (q *Queue) bound(m *method) *bound {
	for _, b := range q.bounds {
		if b.m == m {
			return b
		}
	}
	b := &bound{m: m, self: q}
	q.bounds = append(q.bounds, b)
	return b
}

// op returns a coroutine of kind on q: the spare one if it has finished,
// else a new one, which becomes the spare.
func (q *Queue) op(kind opKind, item value.Value) *queueOp {
	op := q.spare[kind]
	if op == nil || op.state != opDone {
		op = &queueOp{q: q, kind: kind}
		q.spare[kind] = op
	}
	op.state, op.item = opCreated, item
	return op
}

func (q *Queue) qsize() int {
	if q.kind == fifo {
		return q.fifo.len()
	}
	return len(q.items)
}

func (q *Queue) full() bool { return q.max > 0 && int64(q.qsize()) >= q.max }

// putNowait is Queue.put_nowait.
func (q *Queue) putNowait(th value.Thread, item value.Value) error {
	if q.full() {
		return value.NewException(QueueFull)
	}
	return q.add(th, item)
}

// add puts item in q, which is not full, and wakes a getter.
func (q *Queue) add(th value.Thread, item value.Value) error {
	switch q.kind {
	case fifo:
		q.fifo.push(item)
	case lifo:
		q.items = append(q.items, item)
	case priority:
		var err error
		q.items = heapPush(q.items, item, lessOrErr(th, &err))
		if err != nil {
			return err
		}
	}
	q.unfinished++
	q.unset = true
	wakeupNext(&q.getters)
	return nil
}

// getNowait is Queue.get_nowait.
func (q *Queue) getNowait(th value.Thread) (value.Value, error) {
	if q.qsize() == 0 {
		return nil, value.NewException(QueueEmpty)
	}
	return q.take(th)
}

// take removes an item from q, which is not empty, and wakes a putter.
func (q *Queue) take(th value.Thread) (value.Value, error) {
	var item value.Value
	switch q.kind {
	case fifo:
		item = q.fifo.pop()
	case lifo:
		n := len(q.items) - 1
		item = q.items[n]
		q.items[n] = nil
		q.items = q.items[:n]
	case priority:
		var err error
		q.items, item = heapPop(q.items, lessOrErr(th, &err))
		if err != nil {
			return nil, err
		}
	}
	wakeupNext(&q.putters)
	return item, nil
}

// lessOrErr returns the < of heapq on script values. After a comparison
// fails it reports false and keeps the first error in *err.
func lessOrErr(th value.Thread, err *error) func(a, b value.Value) bool {
	return func(a, b value.Value) bool {
		if *err != nil {
			return false
		}
		lt, e := value.Less(th, a, b)
		*err = e
		return lt
	}
}

// taskDone is Queue.task_done.
func (q *Queue) taskDone() error {
	if q.unfinished <= 0 {
		return value.Errorf(value.ValueError, "task_done() called too many times")
	}
	q.unfinished--
	if q.unfinished == 0 && q.unset {
		q.unset = false
		for _, f := range q.joiners {
			if !f.Done() {
				f.SetResult(value.True)
			}
		}
	}
	return nil
}

// removeJoiner removes f from the futures waiting on the event.
func (q *Queue) removeJoiner(f *Future) {
	for i, g := range q.joiners {
		if g == f {
			q.joiners = append(q.joiners[:i], q.joiners[i+1:]...)
			return
		}
	}
}

// wakeupNext is Queue._wakeup_next: it completes the first waiter of
// waiters that is not done, dropping the done ones before it.
func wakeupNext(waiters *ring[*Future]) {
	for waiters.len() > 0 {
		if w := waiters.pop(); !w.Done() {
			w.SetResult(value.None)
			return
		}
	}
}

// removeWaiter removes the first occurrence of f from waiters.
func removeWaiter(waiters *ring[*Future], f *Future) {
	for i := 0; i < waiters.len(); i++ {
		if waiters.at(i) == f {
			waiters.remove(i)
			return
		}
	}
}

// Str returns str(q), as <Queue maxsize=0 _queue=[1]>.
func (q *Queue) Str(th value.Thread) (string, error) {
	f, err := q.format(th)
	return "<" + q.cls.Name + " " + f + ">", err
}

// Repr returns repr(q), which adds the address to str(q).
func (q *Queue) Repr(th value.Thread) (string, error) {
	f, err := q.format(th)
	return fmt.Sprintf("<%s at %p %s>", q.cls.Name, q, f), err
}

// format is Queue._format.
func (q *Queue) format(th value.Thread) (string, error) {
	m, err := value.Repr(th, q.maxsize)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("maxsize=" + m)
	if n := q.qsize(); n > 0 {
		items := q.items
		if q.kind == fifo {
			items = make([]value.Value, n)
			for i := range items {
				items[i] = q.fifo.at(i)
			}
		}
		s, err := value.Repr(th, value.NewList(append([]value.Value(nil), items...)))
		if err != nil {
			return "", err
		}
		b.WriteString(" _queue=" + s)
	}
	if n := q.getters.len(); n > 0 {
		fmt.Fprintf(&b, " _getters[%d]", n)
	}
	if n := q.putters.len(); n > 0 {
		fmt.Fprintf(&b, " _putters[%d]", n)
	}
	if q.unfinished != 0 {
		fmt.Fprintf(&b, " tasks=%d", q.unfinished)
	}
	return b.String(), nil
}
