// A bounded queue with asyncio.Queue's semantics: put waits while full,
// get waits while empty, waiters are served in order.
class Queue {
  constructor(maxsize) {
    this.maxsize = maxsize;
    this.items = [];
    this.getters = [];
    this.putters = [];
  }

  async put(item) {
    while (this.items.length >= this.maxsize) {
      await new Promise((resolve) => this.putters.push(resolve));
    }
    this.items.push(item);
    const getter = this.getters.shift();
    if (getter) getter();
  }

  async get() {
    while (this.items.length === 0) {
      await new Promise((resolve) => this.getters.push(resolve));
    }
    const item = this.items.shift();
    const putter = this.putters.shift();
    if (putter) putter();
    return item;
  }
}

const N = 300000;

async function producer(q) {
  for (let i = 0; i < N; i++) await q.put(i);
  await q.put(null);
}

async function consumer(q) {
  let total = 0;
  for (;;) {
    const item = await q.get();
    if (item === null) return total;
    total += item;
  }
}

const q = new Queue(100);
const [, total] = await Promise.all([producer(q), consumer(q)]);
console.log(total);
