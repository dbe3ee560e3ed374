async function* source(n) {
  for (let i = 0; i < n; i++) yield i;
}

async function* triple(items) {
  for await (const x of items) yield x * 3;
}

async function* evens(items) {
  for await (const x of items) if (x % 2 === 0) yield x;
}

let count = 0;
let total = 0;
for await (const x of evens(triple(source(300000)))) {
  count++;
  total += x;
}
console.log(count, total);
