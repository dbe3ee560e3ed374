package vm

import (
	"runtime"
	"runtime/metrics"

	"github.com/asyncgen/asyncgen/runtime/value"
)

// memory is the accounting behind Options.MaxMemory. The Go heap is
// shared by the whole process, so the script's part of it is estimated
// as the heap in use minus the live heap when the thread was made (a
// collection measures it).
// The estimate is checked at every step chunk, whenever the allocation
// sites of package value and of the VM have reported (through Alloc) a
// slice of the limit since the last check, and before any allocation of
// a slice or more. The heap in use counts garbage too: a check that finds
// the heap over the limit collects garbage and measures again before it
// raises MemoryError, if a slice or more was allocated since the last
// collection it forced or the allocation is that large; otherwise it lets
// the script go on, and a later check decides.
type memory struct {
	max    int64 // the limit; 0 means none
	base   int64 // the live heap when the thread was made
	since  int64 // bytes reported by Alloc since the last check
	slice  int64 // bytes between two checks
	gcAt   int64 // the bytes allocated by the process at the last forced collection
	sample []metrics.Sample
}

// valueSize is the bytes of a Value held by a list.
const valueSize = 16

// The metrics read: the bytes of heap objects, live or not yet swept,
// and the bytes allocated in the heap since the process started.
const (
	heapMetric   = "/memory/classes/heap/objects:bytes"
	allocsMetric = "/gc/heap/allocs:bytes"
)

func (m *memory) init(limit int64) {
	if limit <= 0 {
		return
	}
	m.max = limit
	m.slice = max(limit/16, 1<<16)
	m.sample = []metrics.Sample{{Name: heapMetric}, {Name: allocsMetric}}
	runtime.GC()
	m.base, m.gcAt = m.read()
}

// read returns the bytes of heap objects in the process and the bytes it
// allocated so far.
func (m *memory) read() (heap, allocs int64) {
	metrics.Read(m.sample)
	return int64(m.sample[0].Value.Uint64()), int64(m.sample[1].Value.Uint64())
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

// check measures the script's heap and fails if n more bytes would take
// it over the limit.
func (m *memory) check(n int64) error {
	m.since = 0
	if n > m.max {
		return value.NewException(value.MemoryError)
	}
	heap, allocs := m.read()
	if heap-m.base+n <= m.max {
		return nil
	}
	if allocs-m.gcAt < m.slice && n < m.slice {
		return nil
	}
	runtime.GC()
	heap, m.gcAt = m.read()
	if heap-m.base+n <= m.max {
		return nil
	}
	return value.NewException(value.MemoryError)
}
