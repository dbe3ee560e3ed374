package vm

import (
	"runtime/debug"
	"runtime/metrics"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// memory is the accounting behind Options.MaxMemory. The Go heap is
// shared by the whole process, so the script's part of it is estimated
// as the heap in use minus the live heap when the thread was made (a
// collection measures it).
//
// The estimate is checked at every step chunk, whenever the allocation
// sites of package value and of the VM have reported (through Alloc) a
// slice of the limit since the last check, and before any allocation of
// a slice or more: the growth of a list, dict or set reports its new
// array before Go allocates it (value.Grow), so the array is refused
// while the old one is still live. The heap in use counts garbage too,
// and the process keeps the memory of freed objects until the
// scavenger returns it to the system: a check that finds the memory the
// process holds over the limit collects garbage and returns the freed
// memory to the system, then measures the heap again and raises
// MemoryError if it is still over. It does that only if a slice or more
// was allocated since the last collection it forced, or the allocation
// is that large; otherwise it lets the script go on, and a later check
// decides. So the process's memory stays within the limit plus about a
// slice and the allocations of a step chunk nobody reported.
type memory struct {
	max    int64 // the limit; 0 means none
	base   int64 // the live heap when the thread was made
	held   int64 // the memory the process held then
	since  int64 // bytes reported by Alloc since the last check
	slice  int64 // bytes between two checks
	gcAt   int64 // the bytes allocated by the process at the last forced collection
	over   bool  // a Charge went over the limit: the next step raises MemoryError
	sample []metrics.Sample
}

// valueSize is the bytes of a Value held by a list.
const valueSize = 16

// The metrics read: the bytes of heap objects, live or not yet swept;
// the bytes allocated in the heap since the process started; the memory
// mapped by the Go runtime and, of it, the heap memory returned to the
// system.
var memoryMetrics = [...]string{
	"/memory/classes/heap/objects:bytes",
	"/gc/heap/allocs:bytes",
	"/memory/classes/total:bytes",
	"/memory/classes/heap/released:bytes",
}

// usage is a reading of memoryMetrics.
type usage struct {
	heap   int64 // bytes of heap objects
	allocs int64 // bytes allocated so far
	held   int64 // memory mapped and not returned to the system
}

func (m *memory) init(limit int64) {
	if limit <= 0 {
		return
	}
	m.max = limit
	m.slice = max(limit/16, 1<<16)
	m.sample = make([]metrics.Sample, len(memoryMetrics))
	for i, name := range memoryMetrics {
		m.sample[i].Name = name
	}
	u := m.collect()
	m.base, m.held = u.heap, u.held
}

// collect collects garbage, returns the freed memory to the system and
// measures the heap.
func (m *memory) collect() usage {
	debug.FreeOSMemory()
	u := m.read()
	m.gcAt = u.allocs
	return u
}

// read measures the process's memory.
func (m *memory) read() usage {
	metrics.Read(m.sample)
	v := func(i int) int64 { return int64(m.sample[i].Value.Uint64()) }
	return usage{heap: v(0), allocs: v(1), held: v(2) - v(3)}
}

// Alloc reports that the script is about to allocate n bytes, and fails
// with MemoryError (which the script can catch) if that would take the
// script's heap over Options.MaxMemory. It implements value.Allocator.
func (th *Thread) Alloc(n int64) error {
	m := &th.mem
	if m.max == 0 {
		return nil
	}
	m.since += n
	if m.since < m.slice && n < m.slice {
		return nil
	}
	return m.check(n)
}

// Charge reports n bytes the script allocated whatever the limit, and
// makes its next step raise MemoryError if they took its heap over
// Options.MaxMemory. It implements value.Allocator.
func (th *Thread) Charge(n int64) {
	if th.Alloc(n) != nil {
		th.mem.over = true
		th.CheckSoon()
	}
}

// check measures the script's memory and fails if n more bytes would
// take its heap over the limit.
func (m *memory) check(n int64) error {
	m.since = 0
	if n > m.max {
		return value.NewException(value.MemoryError)
	}
	u := m.read()
	if u.held-m.held+n <= m.max {
		return nil
	}
	if u.allocs-m.gcAt < m.slice && n < m.slice {
		return nil
	}
	if u = m.collect(); u.heap-m.base+n <= m.max {
		return nil
	}
	return value.NewException(value.MemoryError)
}
