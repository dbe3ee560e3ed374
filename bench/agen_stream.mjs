async function* numbers(n) {
  for (let i = 0; i < n; i++) yield i;
}

let total = 0;
for await (const x of numbers(1000000)) total += x;
console.log(total);
