"""Writes heapq.txt: random heappush/heappop/heapify sequences with many
equal keys, and the order CPython's heapq pops them (ties decided by the
algorithm). timer_test.go replays them on the loop's timer heap."""
import heapq
import random


class Item:
    def __init__(self, key, tag):
        self.key, self.tag = key, tag

    def __lt__(self, other):
        return self.key < other.key


r = random.Random(7)
with open("heapq.txt", "w") as f:
    for case in range(200):
        heap, ops, out = [], [], []
        for i in range(r.randint(1, 60)):
            x = r.random()
            if x < 0.6 or not heap:
                it = Item(r.randint(0, 4), i)
                heapq.heappush(heap, it)
                ops.append(f"+{it.key}")
            elif x < 0.95:
                out.append(str(heapq.heappop(heap).tag))
                ops.append("-")
            else:
                # drop the items with key 0 and re-heapify, as the loop's sweep does
                heap = [h for h in heap if h.key != 0]
                heapq.heapify(heap)
                ops.append("s")
        while heap:
            out.append(str(heapq.heappop(heap).tag))
        f.write(" ".join(ops) + " | " + " ".join(out) + "\n")
