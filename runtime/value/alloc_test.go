package value

import "testing"

// allocThread is a test thread whose Allocator records the reports and
// refuses any report over limit.
type allocThread struct {
	*testThread
	limit   int64
	reports []int64
}

func (t *allocThread) Alloc(n int64) error {
	t.reports = append(t.reports, n)
	if n > t.limit {
		return NewException(MemoryError)
	}
	return nil
}

func (t *allocThread) Charge(n int64) { _ = t.Alloc(n) }

func newAllocThread(limit int64) *allocThread {
	return &allocThread{testThread: newTestThread(), limit: limit}
}

// benchGrow calls add n times on a fresh container per b.N/n rounds, so
// that containers grow as a script's do.
func benchGrow(b *testing.B, n int, fresh func() func(i int) error) {
	b.ReportAllocs()
	var add func(int) error
	for i := 0; i < b.N; i++ {
		if i%n == 0 {
			add = fresh()
		}
		if err := add(i); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkListAppend(b *testing.B) {
	th := newAllocThread(1 << 40)
	benchGrow(b, 1000, func() func(int) error {
		l := NewList(nil)
		app, _ := GetAttr(th, l, "append")
		args := []Value{None}
		return func(int) error {
			_, err := Call(th, app, args, nil)
			th.reports = th.reports[:0]
			return err
		}
	})
}

func BenchmarkDictSetItem(b *testing.B) {
	th := newAllocThread(1 << 40)
	benchGrow(b, 1000, func() func(int) error {
		d := NewDict(0)
		return func(i int) error {
			err := d.SetItem(th, MakeInt(int64(i)), None)
			th.reports = th.reports[:0]
			return err
		}
	})
}

func BenchmarkSetAdd(b *testing.B) {
	th := newAllocThread(1 << 40)
	benchGrow(b, 1000, func() func(int) error {
		s := NewSet()
		return func(i int) error {
			err := s.Add(th, MakeInt(int64(i)))
			th.reports = th.reports[:0]
			return err
		}
	})
}
