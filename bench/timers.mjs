const N = 100000;
const order = [];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function sleeper(i) {
  await sleep((i / N) * 1000);
  order.push(i);
}

await Promise.all(Array.from({ length: N }, (_, i) => sleeper(i)));
const sorted = order.every((v, i) => i === 0 || order[i - 1] <= v);
console.log(order.length, order.reduce((a, b) => a + b, 0), sorted ? "True" : "False");
