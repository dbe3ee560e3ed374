// 10,000 tasks x 100 switches, each switch a macrotask (setImmediate),
// the closest twin of asyncio.sleep(0).
const yieldToLoop = () => new Promise((resolve) => setImmediate(resolve));

async function worker(n) {
  for (let i = 0; i < 100; i++) await yieldToLoop();
  return n;
}

const results = await Promise.all(Array.from({ length: 10000 }, (_, i) => worker(i)));
console.log(results.reduce((a, b) => a + b, 0));
