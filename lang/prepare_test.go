package lang

import (
	"sync"
	"testing"
)

// TestPrepare builds the grammar on goroutines while others parse, as the
// command does at start-up: every parse succeeds (and -race sees no race).
func TestPrepare(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(2)
		go func() { defer wg.Done(); Prepare() }()
		go func() {
			defer wg.Done()
			if _, err := Parse("p.agen", []byte("async def f():\n    await g()\n")); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}
