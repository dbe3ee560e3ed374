"""Generate cases.jsonl, CPython 3.11's random module outputs for pyrand.

Run from this directory: python3 gen.py > cases.jsonl
Each line: {"seed": [kind, value], "op": name, "args": [...], "out": [...]}
where out holds the results of calling op(*args) `len(out)` times in a row
after random.seed(value), or {"err": "ValueError: message"} when the first
call raises. Floats travel as float.hex(), ints as hex().
"""
import json
import random
import sys
import warnings

warnings.simplefilter("ignore")

SEEDS = [("int", 0), ("int", 1), ("int", 42), ("int", -42), ("int", 2 ** 32 - 1),
         ("int", 2 ** 32), ("int", 2 ** 100), ("int", -(2 ** 100) - 7),
         ("int", 10 ** 40 + 123), ("int", 12345678901234567890),
         ("str", "hello"), ("str", ""), ("str", "héllo wörld ✓"), ("bytes", "abc"),
         ("float", 1.5), ("float", -2.5), ("float", 0.1), ("float", 1e300),
         ("float", -0.0), ("float", float("inf"))]

g = random.Random(7)
SEEDS += [("int", g.getrandbits(g.randrange(1, 300)) * g.choice([1, -1])) for _ in range(10)]


def enc(v):
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, int):
        return hex(v)
    if isinstance(v, float):
        return v.hex()
    if isinstance(v, list):
        return [enc(x) for x in v]
    return v


def seed_of(kind, v):
    if kind == "bytes":
        return v.encode()
    return v


def seed_json(kind, v):
    return [kind, enc(v) if kind != "bytes" else v]


CALLS = [
    ("random", [], 8),
    ("getrandbits", [0], 2), ("getrandbits", [1], 8), ("getrandbits", [7], 5),
    ("getrandbits", [31], 3), ("getrandbits", [32], 3), ("getrandbits", [33], 3),
    ("getrandbits", [64], 3), ("getrandbits", [100], 3), ("getrandbits", [1000], 2),
    ("getrandbits", [-1], 1),
    ("randrange", [10], 8), ("randrange", [1], 2), ("randrange", [0], 1),
    ("randrange", [-5], 1), ("randrange", [2 ** 32], 3), ("randrange", [2 ** 32 + 1], 3),
    ("randrange", [10 ** 30], 3), ("randrange", [3, 17], 5), ("randrange", [-10, -3], 5),
    ("randrange", [5, 5], 1), ("randrange", [7, 2], 1), ("randrange", [0, 100, 7], 5),
    ("randrange", [100, 0, -7], 5), ("randrange", [100, 0, 7], 1), ("randrange", [0, 10, 0], 1),
    ("randrange", [5, None, 2], 1), ("randrange", [5, None, 1], 2), ("randrange", [-3, 10 ** 20, 3], 3),
    ("randrange", [10, -10, -1], 3), ("randrange", [0, 1, -1], 1),
    ("randint", [1, 6], 10), ("randint", [-100, 100], 5), ("randint", [5, 5], 2),
    ("randint", [6, 5], 1), ("randint", [0, 2 ** 64], 3),
    ("uniform", [0.0, 1.0], 3), ("uniform", [-2.5, 10.0], 3), ("uniform", [5.0, 1.0], 3),
    ("choice", [1], 3), ("choice", [5], 6), ("choice", [1000], 4), ("choice", [0], 1),
    ("shuffle", [0], 1), ("shuffle", [1], 1), ("shuffle", [2], 3), ("shuffle", [10], 3),
    ("shuffle", [57], 2),
    ("sample", [10, 3], 3), ("sample", [10, 10], 2), ("sample", [10, 0], 1), ("sample", [10, 11], 1),
    ("sample", [10, -1], 1), ("sample", [21, 5], 2), ("sample", [22, 5], 2), ("sample", [26, 6], 2),
    ("sample", [37, 6], 2), ("sample", [38, 6], 2), ("sample", [100, 7], 2), ("sample", [1000, 20], 2),
    ("sample", [1000, 900], 1), ("sample", [10 ** 6, 50], 1), ("sample", [150, 100], 1),
    ("mixed", [], 1),
]


def call(r, op, args):
    if op == "choice":
        return r.choice(range(args[0]))
    if op == "shuffle":
        x = list(range(args[0]))
        r.shuffle(x)
        return x
    if op == "sample":
        return r.sample(range(args[0]), args[1])
    if op == "mixed":  # interleaved calls share one stream
        return [r.random(), r.randrange(100), r.getrandbits(40), r.sample(range(30), 4),
                r.randint(-3, 3), r.choice(range(9)), r.uniform(1.0, 2.0)]
    return getattr(r, op)(*args)


def main():
    for kind, v in SEEDS:
        for op, args, count in CALLS:
            r = random.Random()
            r.seed(seed_of(kind, v))
            rec = {"seed": seed_json(kind, v), "op": op, "args": enc(args)}
            try:
                rec["out"] = [enc(call(r, op, args)) for _ in range(count)]
            except Exception as e:
                rec["err"] = "%s: %s" % (type(e).__name__, e)
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    # getstate()[1] after seeding: the whole state vector
    for kind, v in SEEDS[:6]:
        r = random.Random()
        r.seed(seed_of(kind, v))
        r.random()
        rec = {"seed": seed_json(kind, v), "op": "state", "args": [], "out": [list(r.getstate()[1])]}
        sys.stdout.write(json.dumps(rec) + "\n")


main()
