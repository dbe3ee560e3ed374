package lang

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"
)

// benchProgram generates a program of about n lines mixing the statements
// and expressions of the language.
func benchProgram(n int) []byte {
	var b strings.Builder
	for i := 0; b.Len() == 0 || strings.Count(b.String(), "\n") < n; i++ {
		fmt.Fprintf(&b, `async def producer_%d(n, *, delay=0.1):
    """Yield n items."""
    total = 0
    for i in range(n):
        if i %% 3 == 0 and not (i > 10 or i < -2):
            total += i ** 2 - (i // 2) * 3
        elif i in {1, 2, 3}:
            continue
        else:
            await asyncio.sleep(delay)
        yield {"id": i, "name": f"item {i:>4} of {n!r}", "tags": [t for t in range(i) if t %% 2]}

class Consumer_%d(Base):
    count: int = 0

    def __init__(self, name, items=None):
        self.name = name
        self.items = items if items is not None else []

    async def run(self):
        async with lock:
            async for item in producer_%d(5):
                self.items.append(item)
        try:
            value = self.items[0]["id"] + len(self.items[1:-1])
        except (KeyError, IndexError) as e:
            raise ValueError("bad") from e
        finally:
            Consumer_%d.count += 1
        return lambda x, y=2: x * y + value

`, i, i, i, i)
	}
	return []byte(b.String())
}

// BenchmarkParse parses a generated program of 10,000 lines.
func BenchmarkParse(b *testing.B) {
	src := benchProgram(10000)
	if _, err := Parse("bench.agen", src); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := Parse("bench.agen", src); err != nil {
			b.Fatal(err)
		}
	}
	// On a shared machine wall time depends on the load; the process's CPU
	// time per parse (including the garbage collector's) does much less.
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

// cpuTime returns the user and system CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
