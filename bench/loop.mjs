let total = 0;
for (let i = 0; i < 3000000; i++) {
  total = (total + i * 7 + (i >> 3)) % 1000003;
}
console.log(total);
