// 10,000 tasks x 100 switches, each switch a microtask (await of a
// resolved promise): the cheapest suspension node has.
async function worker(n) {
  for (let i = 0; i < 100; i++) await null;
  return n;
}

const results = await Promise.all(Array.from({ length: 10000 }, (_, i) => worker(i)));
console.log(results.reduce((a, b) => a + b, 0));
