x = [0]
try:
    while True:
        x = x + x
except MemoryError as e:
    print("caught", type(e).__name__, len(x) > 1000)
x = None
s = "a"
try:
    while True:
        s += s
except MemoryError:
    print("caught str", len(s) > 1000)
s = None
items = []
try:
    while True:
        items.append([len(items)])
except MemoryError:
    n = len(items)
    items = None
    print("caught append", n > 1000)
print("after", sum(range(10)))
