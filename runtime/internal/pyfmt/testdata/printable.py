"""Write printable.txt: the ranges of code points that CPython 3.11's
str.isprintable() accepts, one "lo hi" pair (hex) a line.

Run from this directory: python3 printable.py > printable.txt
"""
lo = None
for c in range(0x110001):
    p = c < 0x110000 and chr(c).isprintable()
    if p and lo is None:
        lo = c
    elif not p and lo is not None:
        print("%x %x" % (lo, c - 1))
        lo = None
