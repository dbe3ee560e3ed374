"""Generate module.jsonl, CPython 3.11's results for the random module's
script binding.

Run from this directory: python3 gen_module.py > module.jsonl
Each line is {"calls": [[name, args, kwargs], ...], "out": [...]}: the calls
run in order on a fresh interpreter; "r.NAME" calls a method of the last
Random instance made by a "Random" call. Each output is repr() of the
result, or "!Class: message" when the call raises.
"""
import json
import random
import sys
import warnings

warnings.simplefilter("ignore")

SEQS = [
    [["seed", [42], {}], ["random", [], {}], ["random", [], {}], ["randint", [1, 6], {}],
     ["randrange", [10], {}], ["randrange", [5, 50, 5], {}], ["randrange", [10, 0, -3], {}],
     ["getrandbits", [70], {}], ["uniform", [1, 10], {}], ["uniform", [-1.5, 2.5], {}],
     ["uniform", [1, 2 ** 70], {}], ["choice", ["xyz"], {}], ["choice", [[10, 20, 30]], {}],
     ["shuffle", [[1, 2, 3, 4, 5, 6, 7]], {}], ["sample", [[1, 2, 3, 4, 5, 6, 7, 8, 9], 4], {}],
     ["sample", ["abcdefgh", 3], {}], ["choices", [[1, 2, 3]], {"k": 5}],
     ["choices", [["a", "b", "c"], [1, 5, 10]], {"k": 6}],
     ["choices", [["a", "b", "c"]], {"cum_weights": [0.5, 0.75, 1.0], "k": 4}],
     ["choices", [["a", "b"], [1, 2.5]], {}], ["sample", [["x", "y", "z"], 5], {"counts": [1, 2, 3]}],
     ["randint", [1.0, 3.0], {}], ["randrange", [3.0], {}], ["random", [], {}]],
    [["seed", ["text seed"], {}], ["randint", [1, 1000], {}], ["seed", ["abc"], {"version": 1}],
     ["random", [], {}], ["seed", [1.5], {}], ["random", [], {}], ["seed", [-7], {}], ["random", [], {}],
     ["seed", [True], {}], ["random", [], {}], ["seed", [2 ** 100], {}], ["random", [], {}]],
    [["Random", [99], {}], ["r.randint", [0, 100], {}], ["r.random", [], {}], ["r.choice", [[1, 2, 3]], {}],
     ["Random", ["seed"], {}], ["r.sample", [[1, 2, 3, 4], 2], {}], ["r.getrandbits", [5], {}],
     ["seed", [3], {}], ["choices", [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]], {"k": 5}]],
    [["seed", [5], {}], ["getstate", [], {}], ["random", [], {}]],
]

ERRS = [
    "random(1)", "getrandbits()", "getrandbits(k=3)", "getrandbits(1.5)", "getrandbits(-1)",
    "randint(1)", "randint()", "randint(1,2,3)", "randint(1,2,c=3)", "randint(1,a=2)",
    "randrange(1,2,3,4)", "randrange()", "randrange(1.5)", "randrange(0, 2.5)",
    "randrange(0, 10, 2.5)", "randrange('5')", "randrange('x')", "randrange(None)", "randrange(0)",
    "randrange(5, 5)", "randrange(0, 10, 0)", "randrange(10, step=2)", "randrange(0, 1, -1)",
    "seed([1])", "seed(1, 2, 3)", "choice(5)", "choice([])", "choice('')", "shuffle((1,2))",
    "shuffle('ab')", "sample({1,2}, 1)", "sample([1,2])", "sample([1,2], 1.5)", "sample([1,2], 3)",
    "sample([1,2], -1)", "sample([1,2], 'a')", "uniform(1)", "uniform('a', 'b')", "choices([1,2], 3)",
    "choices([1,2], [1], k=1)", "choices([1,2], [0, 0])", "choices([1,2], k=1.5)", "choices([], k=2)",
    "choices([1,2], weights=[1,2], cum_weights=[1,2])", "Random(1, 2)", "Random([1])", "Random(x=1)", "Random(y=1)",
    "setstate(5)", "setstate((3, (1,2), None))", "setstate((2, (), None))", "setstate((3, ()))",
    "sample([1,2], 1, counts=[1])", "sample([1,2], 1, counts=[0, 0])", "getrandbits(2**70)",
    "randint('a', 'b')", "getstate(1)", "choices([1], [1], [1])", "randrange(2**100, 2**100 + 1)",
    "seed(a=1, b=2)", "randrange(float('nan'))", "randrange(float('inf'))",
]


def run(calls):
    r = None
    out = []
    for name, args, kwargs in calls:
        try:
            if name == "Random":
                r = random.Random(*args, **kwargs)
                res = None
            elif name.startswith("r."):
                res = getattr(r, name[2:])(*args, **kwargs)
            else:
                res = getattr(random, name)(*args, **kwargs)
            out.append(repr(res))
        except Exception as e:
            out.append("!%s: %s" % (type(e).__name__, e))
    return out


def main():
    for calls in SEQS:
        print(json.dumps({"calls": calls, "out": run(calls)}))
    for src in ERRS:
        name, _, rest = src.partition("(")
        args, kwargs = eval("(lambda *a, **k: (list(a), k))(" + rest)
        if any(isinstance(a, (set, tuple, float)) and (not isinstance(a, float) or a != a or a in (float("inf"),)) for a in args):
            # sets, tuples and non-finite floats do not travel in JSON; encode them.
            args = [{"set": sorted(a)} if isinstance(a, set) else
                    {"tuple": [list(x) if isinstance(x, tuple) else x for x in a]} if isinstance(a, tuple) else
                    {"float": repr(a)} if isinstance(a, float) else a for a in args]
            out = run([[name, *eval("(lambda *a, **k: (list(a), k))(" + rest)]])
        else:
            out = run([[name, args, kwargs]])
        print(json.dumps({"calls": [["seed", [0], {}], [name, args, kwargs]], "out": ["None"] + out}))


main()
