package vm_test

import (
	"io"
	"testing"

	"github.com/asyncgen/asyncgen/runtime/value"
	"github.com/asyncgen/asyncgen/runtime/vm"
)

// TestMethodCacheAllocations checks that a method call site allocates
// nothing in steady state, whether it meets one class defined in Go (the
// cached one) or several (the others take the uncached path).
func TestMethodCacheAllocations(t *testing.T) {
	prog := compileSource(t, "count.agen", "def count(o):\n    return o.count(1)\n")
	th := vm.NewThread(vm.Options{Stdout: io.Discard})
	g := value.NewDict(0)
	if _, err := th.ExecModule(prog, g); err != nil {
		t.Fatal(err)
	}
	count, _ := g.GetString("count")
	list := []value.Value{value.NewList([]value.Value{value.MakeInt(1), value.MakeInt(1)})}
	tuple := []value.Value{value.Tuple{value.MakeInt(1)}}
	call := func(args []value.Value, want int64) {
		v, err := th.Call(count, args, nil)
		if err != nil {
			t.Fatal(err)
		}
		if n, ok := value.AsInt64(v); !ok || n != want {
			t.Fatalf("count returned %v, want %d", v, want)
		}
	}
	for _, c := range []struct {
		name string
		run  func()
	}{
		{"one class", func() { call(list, 2) }},
		{"tuple", func() { call(tuple, 1) }},
		{"two classes", func() { call(list, 2); call(tuple, 1) }},
	} {
		if allocs := testing.AllocsPerRun(1000, c.run); allocs != 0 {
			t.Errorf("%s: %v allocations per run, want 0", c.name, allocs)
		}
	}
}
