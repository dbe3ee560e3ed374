try:
    x = [0] * 10**10
except MemoryError:
    print("caught list")
try:
    s = "ab" * 10**12
except MemoryError:
    print("caught str")
x = [0] * 1000
print(len(x))
