const N = 200000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function idle(i) {
  await sleep(500);
  return i & 1;
}

const results = await Promise.all(Array.from({ length: N }, (_, i) => idle(i)));
console.log(results.reduce((a, b) => a + b, 0));
