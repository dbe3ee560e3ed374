async function value(i) {
  return i;
}

const results = await Promise.all(Array.from({ length: 200000 }, (_, i) => value(i)));
console.log(results.length, results.reduce((a, b) => a + b, 0));
