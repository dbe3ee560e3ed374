#!/usr/bin/env python3
"""Generates cases.json, the expectations of the Go tests of package value.

Each case names an operation, its operands (Python values, encoded as
tagged JSON), and what CPython 3.11 returns: the repr of the result or the
last traceback line of the exception. Run: python3 gen.py > cases.json
"""
import json
import math
import sys

cases = []


def enc(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, int):
        return {"int": str(v)}
    if isinstance(v, float):
        return {"float": repr(v)}
    if isinstance(v, str):
        return {"str": v}
    if isinstance(v, list):
        return {"list": [enc(x) for x in v]}
    if isinstance(v, tuple):
        return {"tuple": [enc(x) for x in v]}
    if isinstance(v, dict):
        return {"dict": [[enc(k), enc(x)] for k, x in v.items()]}
    if isinstance(v, frozenset):
        return {"frozenset": [enc(x) for x in v]}
    if isinstance(v, set):
        return {"set": [enc(x) for x in v]}
    if isinstance(v, slice):
        return {"slice": [enc(v.start), enc(v.stop), enc(v.step)]}
    if isinstance(v, range):
        return {"range": [enc(v.start), enc(v.stop), enc(v.step)]}
    if isinstance(v, type) or callable(v):
        return {"builtin": v.__name__}
    raise TypeError(type(v))


def line(e):
    s = str(e)
    name = type(e).__name__
    return name + ": " + s if s else name


class Unstable(Exception):
    """A set whose layout depends on insertion order in a way that
    rebuilding cannot reproduce."""


def rebuild(v):
    """Returns v with its sets rebuilt in iteration order, as the Go test
    decodes them: set layouts depend on insertion order."""
    if isinstance(v, (set, frozenset)):
        # Rebuild until the iteration order is the insertion order.
        order = [rebuild(x) for x in v]
        for _ in range(10):
            s = type(v)(order)
            if list(s) == order:
                return s
            order = list(s)
        raise Unstable()
    if isinstance(v, list):
        return [rebuild(x) for x in v]
    if isinstance(v, tuple):
        return tuple(rebuild(x) for x in v)
    if isinstance(v, dict):
        return {rebuild(k): rebuild(x) for k, x in v.items()}
    return v


def add(kind, fn, *operands, **extra):
    """Records fn(*operands); operands are encoded before the call, which
    may modify them. Results that CPython can only express as complex
    numbers, which asyncgen does not have, are left out."""
    try:
        operands = [rebuild(x) for x in operands]
    except Unstable:
        return
    encoded = [enc(x) for x in operands]
    try:
        r = fn(*operands)
        if isinstance(r, complex):
            return
        out = {"repr": repr(r)}
    except Exception as e:
        out = {"error": line(e)}
    case = {"kind": kind, "args": encoded}
    case.update(extra)
    case.update(out)
    cases.append(case)


BINOPS = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a / b, "//": lambda a, b: a // b, "%": lambda a, b: a % b,
    "**": lambda a, b: a ** b, "<<": lambda a, b: a << b, ">>": lambda a, b: a >> b,
    "|": lambda a, b: a | b, "^": lambda a, b: a ^ b, "&": lambda a, b: a & b,
}
CMPOPS = {
    "==": lambda a, b: a == b, "!=": lambda a, b: a != b, "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b,
    "in": lambda a, b: a in b, "not in": lambda a, b: a not in b,
}

nums = [0, 1, -1, 7, -7, 2, -2, 3, 10, 2**62, -2**63, 2**63 - 1, 2**64, -2**100, 10**20,
        True, False, 0.0, -0.0, 0.5, -7.5, 2.0, 1e300, float("inf"), float("nan"), 3.25]
for op, fn in BINOPS.items():
    for a in nums:
        for b in [0, 1, -1, 2, -2, 3, 7, -7, 63, 64, 100, 2**64, 0.0, 0.5, -2.5, True]:
            if op == "**" and isinstance(a, int) and isinstance(b, int) and abs(b) > 100 and abs(a) > 1:
                continue
            if op in ("<<",) and isinstance(b, int) and b > 64 and abs(a) > 2**64:
                continue
            add("binary", fn, a, b, op=op)

seqs = ["ab", "", [1, 2], (1,), (), [], {"a": 1}, {1, 2}, frozenset({3}), None, "é"]
for op in ["+", "*", "%", "-", "|", "&", "^"]:
    for a in seqs + [2, 1.5]:
        for b in seqs + [2, -1, 0, 1.5, True]:
            add("binary", BINOPS[op], a, b, op=op)

for op, fn in CMPOPS.items():
    vals = [1, 1.0, True, 2, -1, 2**64, 2**64 + 0.0, 0.5, float("nan"), "a", "b", "",
            [1, 2], [1, 3], [1], (1, 2), (1, "a"), None, {1: 2}, {1: 2.0}, {1, 2}, {1}, frozenset({1, 2}), range(3)]
    for a in vals:
        for b in vals:
            if op in ("in", "not in") and not isinstance(b, (str, list, tuple, dict, set, frozenset, range)):
                continue
            add("compare", fn, a, b, op=op)

for op, fn in {"-": lambda a: -a, "+": lambda a: +a, "~": lambda a: ~a, "not": lambda a: not a}.items():
    for a in [0, 5, -2**63, 2**64, True, 1.5, -0.0, "x", [], [0], None]:
        add("unary", fn, a, op=op)

reprs = [
    "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "\x00\x07\x7f", "\\", "é", "日本",
    "\U0001F600", "\u200b", "\xa0", "\ud7ff", "\x85", "\u2028",
    0.1, 1e16, 1e-5, 123456789.0, 1.5e300, -0.0, 5e-324, 1e22, 0.0001, 2**100, -2**70,
    [1, [2, (3,)], {"k": None}], (1,), (), {1, 2, 3}, set(), frozenset(), frozenset({1}),
    {"a": [1.5, True]}, range(3), range(1, 10, 2), slice(1, None, -1), {}, [], [[]],
    {10, 5, 100, 3, 8}, {9, 1}, {1, 9}, set(range(20)), {-1, -2, 7}, {2**64, 1, 0.5},
    set([10, 20, 30, 40, 50, 60, 70, 80, 90]), {(1, 2), (2, 1), (0,)}, {1.5, 2.5, -0.5},
]
for v in reprs:
    add("repr", repr, v)
    add("str", str, v)
    add("ascii", ascii, v)

hashes = [0, 1, -1, -2, 2**61 - 1, 2**61, 2**64, -2**64, 10**30, 1.0, 0.5, -0.5, 1e300, 1e-300,
          float("inf"), -float("inf"), 3.14159, True, (), (1,), (1, 2), ((1, 2), 3), (1.5, -1), frozenset({1, 2})]
for v in hashes:
    add("hash", hash, v)


def method(recv, name, *args, **kwargs):
    def call(r, *a):
        res = getattr(r, name)(*a, **kwargs)
        return (res, r)
    add("method", call, recv, *args, name=name, kwargs={k: enc(v) for k, v in kwargs.items()})


for s in ["hello world", "  a b  c ", "a,b,,c", "", "Hello World", "é日本 x", "abcabc", "line1\nline2\r\nline3\r", "x\ty\tz", "ß", "123", "1²", "٣", "Ab_1", "1a", "  "]:
    for name in ["split", "rsplit", "strip", "lstrip", "rstrip", "upper", "lower", "title", "capitalize",
                 "swapcase", "casefold", "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower",
                 "isidentifier", "isnumeric", "isdecimal", "splitlines", "expandtabs", "isprintable", "isascii"]:
        method(s, name)
    method(s, "split", ",")
    method(s, "split", None, 1)
    method(s, "rsplit", None, 1)
    method(s, "rsplit", ",", 1)
    method(s, "split", "")
    method(s, "split", maxsplit=1)
    method(s, "strip", "a ")
    method(s, "find", "b")
    method(s, "find", "b", 2)
    method(s, "find", "", 100)
    method(s, "rfind", "b", -5, -1)
    method(s, "index", "o")
    method(s, "rindex", "o")
    method(s, "count", "b")
    method(s, "count", "")
    method(s, "replace", "b", "XY")
    method(s, "replace", "b", "XY", 1)
    method(s, "replace", "", "-")
    method(s, "startswith", "he")
    method(s, "startswith", ("x", "a"), 1)
    method(s, "endswith", "c")
    method(s, "endswith", 1)
    method(s, "zfill", 8)
    method(s, "center", 12, "*")
    method(s, "center", 13)
    method(s, "ljust", 10, "-")
    method(s, "rjust", 10)
    method(s, "rjust", 10, "ab")
    method(s, "partition", ",")
    method(s, "rpartition", " ")
    method(s, "splitlines", True)
    method(s, "expandtabs", 4)
    method(s, "removeprefix", "he")
    method(s, "removesuffix", "c")
    method(s, "join", ["x", "y", "z"])
    method(s, "join", ["x", 1])
    method(s, "partition", "")
for fmt, args, kw in [
    ("{} {}", (1, "a"), {}), ("{0} {1} {0}", ("x", 2), {}), ("{name}!", (), {"name": "Bob"}),
    ("{:>5}|{:<5}|{:^5}", (1, 2, 3), {}), ("{0!r:>8}", ("hi",), {}), ("{0[1]}", ([5, 6],), {}),
    ("{0[a]}", ({"a": 1},), {}), ("{:.2f}", (3.14159,), {}), ("{:,}", (1234567,), {}),
    ("{{}} {}", (1,), {}), ("{:{}}", ("x", 4), {}), ("{} {1}", (1, 2), {}), ("{}", (), {}),
    ("{", (), {}), ("}", (), {}), ("{x}", (), {}), ("{0:d}", ("s",), {}), ("{!x}", (1,), {}),
    ("{:08.3f}", (-3.5,), {}), ("{:#x} {:o} {:b} {:e}", (255, 8, 5, 12345.678), {}),
]:
    add("method", lambda f, *a, _kw=kw: (f.format(*a, **_kw), f), fmt, *args, name="format",
        kwargs={k: enc(v) for k, v in kw.items()})

for fmt, arg in [("%s", 1), ("%d", 3.7), ("%5.2f", 2.345), ("%-5s|", "ab"), ("%05d", -42), ("%x %X %o", (255, 255, 8)),
                 ("%r", "a"), ("%%", ()), ("%s %s", (1,)), ("%s", (1, 2)), ("%(a)s-%(b)d", {"a": "x", "b": 2}),
                 ("%c%c", (65, "b")), ("%d", "x"), ("%+d % d", (5, 5)), ("%.3s", "abcdef"), ("%e", 1234.5),
                 ("%g", 0.00001234), ("%#x", 255), ("%5s", "ab"), ("%z", 1), ("%i", True), ("%.1f%%", 99.5)]:
    add("binary", BINOPS["%"], fmt, arg, op="%")

for lst, name, args, kw in [
    ([3, 1, 2], "sort", (), {}), ([3, 1, 2], "sort", (), {"reverse": True}),
    (["b", "A", "c"], "sort", (), {"key": "lower"}), ([1, 2, 3], "append", (4,), {}),
    ([1], "extend", ((2, 3),), {}), ([1, 2, 3], "insert", (-1, 9), {}), ([1, 2, 3], "insert", (10, 9), {}),
    ([1, 2, 3], "pop", (), {}), ([1, 2, 3], "pop", (0,), {}), ([], "pop", (), {}), ([1], "pop", (5,), {}),
    ([1, 2, 1], "remove", (1,), {}), ([1], "remove", (2,), {}), ([1, 2, 1], "index", (1, 1), {}),
    ([1, 2], "index", (3,), {}), ([1, 2, 1], "count", (1,), {}), ([1, 2], "reverse", (), {}),
    ([1, 2], "copy", (), {}), ([1, 2], "clear", (), {}), ([1, "a"], "sort", (), {}),
    ([(1, "b"), (0, "c"), (1, "a"), (0, "a")], "sort", (), {"key": "first"}),
    ([(1, "b"), (0, "c"), (1, "a"), (0, "a")], "sort", (), {"key": "first", "reverse": True}),
    ((1, 2, 1), "count", (1,), {}), ((1, 2), "index", (2,), {}), ((1, 2), "index", (5,), {}),
    ({"a": 1}, "get", ("a",), {}), ({"a": 1}, "get", ("b",), {}), ({"a": 1}, "get", ("b", 0), {}),
    ({"a": 1, "b": 2}, "pop", ("a",), {}), ({}, "pop", ("a",), {}), ({}, "pop", ("a", 5), {}),
    ({"a": 1, "b": 2}, "popitem", (), {}), ({}, "popitem", (), {}), ({"a": 1}, "setdefault", ("b", 2), {}),
    ({"a": 1}, "update", ({"b": 2, "a": 3},), {}), ({"a": 1}, "update", ([("c", 1)],), {"d": 4}),
    ({"a": 1}, "update", ([1],), {}), ({"a": 1}, "copy", (), {}), ({"a": 1}, "clear", (), {}),
    ({"a": 1, "b": 2}, "keys", (), {}), ({"a": 1, "b": 2}, "values", (), {}), ({"a": 1, "b": 2}, "items", (), {}),
    ({1, 2, 3}, "add", (4,), {}), ({1, 2}, "discard", (5,), {}), ({1, 2}, "remove", (5,), {}),
    ({1, 2}, "pop", (), {}), (set(), "pop", (), {}), ({1, 2, 3}, "union", ([5, 4], {9}), {}),
    ({1, 2, 3}, "intersection", ([2, 3, 4],), {}), ({1, 2, 3}, "difference", ({2},), {}),
    ({1, 2, 3}, "symmetric_difference", ([3, 4],), {}), ({1, 2}, "issubset", ([1, 2, 3],), {}),
    ({1, 2}, "issuperset", ((1,),), {}), ({1, 2}, "isdisjoint", ([3],), {}), ({1, 2}, "update", ([3], (4,)), {}),
    ({1, 2, 3}, "difference_update", ([1],), {}), ({1, 2, 3}, "intersection_update", ([1, 3],), {}),
    ({1, 2, 3}, "symmetric_difference_update", ([1, 7],), {}), (frozenset({1}), "union", ({2},), {}),
    (7, "bit_length", (), {}), (-2**70, "bit_length", (), {}), (2.0, "is_integer", (), {}), (2.5, "is_integer", (), {}),
]:
    keyfns = {"lower": str.lower, "first": lambda t: t[0]}
    realkw = {k: keyfns.get(v, v) if k == "key" else v for k, v in kw.items()}
    encoded_kw = {k: enc(v) for k, v in realkw.items()}

    def mcall(r, *a, _name=name, _kw=realkw):
        res = getattr(r, _name)(*a, **_kw)
        if _name in ("keys", "values", "items"):
            res = list(res)
        return (res, r)
    add("method", mcall, lst, *args, name=name, kwargs=encoded_kw)

BUILTINS = {
    "len": len, "abs": abs, "min": min, "max": max, "sum": sum, "sorted": sorted, "any": any, "all": all,
    "round": round, "divmod": divmod, "pow": pow, "chr": chr, "ord": ord, "hex": hex, "oct": oct, "bin": bin,
    "int": int, "float": float, "str": str, "bool": bool, "list": list, "tuple": tuple, "dict": dict,
    "set": set, "frozenset": frozenset, "range": range, "repr": repr, "ascii": ascii, "format": format,
    "hash": hash, "reversed": lambda *a: list(reversed(*a)), "enumerate": lambda *a, **k: list(enumerate(*a, **k)),
    "zip": lambda *a, **k: list(zip(*a, **k)), "isinstance": isinstance, "callable": callable,
}
for name, args, kw in [
    ("len", ("héllo",), {}), ("len", ([1, 2],), {}), ("len", (5,), {}), ("len", ({1: 2},), {}), ("len", (range(0, 10, 3),), {}),
    ("abs", (-5,), {}), ("abs", (-2**63,), {}), ("abs", (-1.5,), {}), ("abs", ("a",), {}), ("abs", (True,), {}),
    ("min", ([3, 1, 2],), {}), ("min", (3, 1, 2), {}), ("max", ([],), {}), ("max", ([], ), {"default": 7}),
    ("max", ([1, 3, 2],), {}), ("max", ("abc",), {}), ("max", (1, 2), {"default": 1}), ("min", (), {}),
    ("max", ([1, 1.0, True],), {}), ("min", ([1, 1.0, True],), {}), ("max", ([1, "a"],), {}),
    ("sum", ([1, 2, 3],), {}), ("sum", ([1, 2], 10), {}), ("sum", ([0.1] * 10,), {}), ("sum", ([[1], [2]], []), {}),
    ("sum", (["a"], ""), {}), ("sum", ([1, "a"],), {}), ("sorted", ([3, 1, 2],), {}), ("sorted", ("bca",), {"reverse": True}),
    ("sorted", ([1, "a"],), {}), ("any", ([0, "", 1],), {}), ("all", ([1, []],), {}), ("all", ([],), {}),
    ("round", (2.5,), {}), ("round", (3.5,), {}), ("round", (-0.5,), {}), ("round", (2.675, 2), {}), ("round", (1234, -2), {}),
    ("round", (1250, -2), {}), ("round", (1350, -2), {}), ("round", (7, 1), {}), ("round", (float("inf"),), {}),
    ("round", (float("nan"),), {}), ("round", (1.5, None), {}), ("round", (12.345, -1), {}),
    ("divmod", (7, 2), {}), ("divmod", (-7, 2), {}), ("divmod", (7, 0), {}), ("divmod", (7.5, 2), {}), ("divmod", (-7.5, 2), {}),
    ("divmod", (1.0, 0), {}), ("pow", (2, 10), {}), ("pow", (2, 10, 1000), {}), ("pow", (2, -1, 5), {}),
    ("pow", (2, -1, 4), {}), ("pow", (2, 3, 0), {}), ("pow", (2.0, 3, 5), {}), ("pow", (0, -1), {}), ("pow", (-8, 1/3), {}),
    ("pow", (3, 4, -5), {}), ("chr", (65,), {}), ("chr", (0x1F600,), {}), ("chr", (-1,), {}), ("ord", ("é",), {}),
    ("ord", ("ab",), {}), ("ord", (1,), {}), ("hex", (255,), {}), ("hex", (-255,), {}), ("oct", (8,), {}), ("bin", (-5,), {}),
    ("hex", (1.5,), {}), ("int", ("12",), {}), ("int", (" -12_3 ",), {}), ("int", ("0x1f", 16), {}), ("int", ("0x1f", 0), {}),
    ("int", ("z", 36), {}), ("int", ("12", 1), {}), ("int", ("x",), {}), ("int", (2.9,), {}), ("int", (-2.9,), {}),
    ("int", (1e20,), {}), ("int", (float("inf"),), {}), ("int", (float("nan"),), {}), ("int", (True,), {}),
    ("int", (), {}), ("int", ([1],), {}), ("int", (5, 2), {}), ("float", ("1.5",), {}), ("float", (" -inf ",), {}),
    ("float", ("nan",), {}), ("float", ("x",), {}), ("float", (2**1024,), {}), ("float", (10,), {}), ("float", (), {}),
    ("float", ("1_000.5",), {}), ("str", (1.0,), {}), ("str", ([1, "a"],), {}), ("str", (), {}), ("bool", ([],), {}),
    ("bool", (1, 2), {}), ("list", ("abc",), {}), ("list", (5,), {}), ("list", ({"a": 1, "b": 2},), {}),
    ("tuple", ([1, 2],), {}), ("tuple", (range(3),), {}), ("dict", ([("a", 1), ("b", 2)],), {}), ("dict", (), {"x": 1}),
    ("dict", ([1],), {}), ("dict", ([(1, 2, 3)],), {}), ("dict", ({"a": 1},), {"b": 2}), ("set", ([3, 1, 2, 3],), {}),
    ("set", ({5: 1, 3: 2},), {}), ("frozenset", ([2, 1],), {}), ("range", (5,), {}),
    ("range", (1, 10, 3), {}), ("range", (0, 1, 0), {}), ("range", (1.5,), {}), ("range", (10, 0, -3), {}),
    ("range", (10**20,), {}), ("range", (-2**63, 2**63 - 1, 3), {}), ("range", (2**63 - 2, 2**63 + 2), {}),
    ("len", (range(10**20),), {}), ("len", (range(-2**63, 2**63 - 1, 3),), {}), ("list", (range(2**63 - 2, 2**63 + 2),), {}),
    ("reversed", ([1, 2, 3],), {}), ("reversed", (range(5),), {}), ("reversed", ("abc",), {}), ("reversed", ({1},), {}),
    ("enumerate", ("ab",), {}), ("enumerate", ("ab", 5), {}), ("enumerate", ("ab",), {"start": 2}),
    ("zip", ([1, 2, 3], "ab"), {}), ("zip", ([1, 2], "ab"), {"strict": True}), ("zip", ([1, 2], "abc"), {"strict": True}),
    ("zip", ([1, 2, 3], "ab", "xy"), {"strict": True}), ("zip", (), {}),
    ("format", (3.14159, ".2f"), {}), ("format", (42, "08b"), {}), ("format", ("ab", "^6"), {}), ("format", (True, ""), {}),
    ("format", (True, "d"), {}), ("format", ([1], ""), {}), ("format", ([1], "x"), {}), ("format", (1234.5, ",.1f"), {}),
    ("format", (0.000012, "g"), {}), ("format", (1e16, ""), {}), ("format", (255, "#X"), {}), ("format", ("x", "d"), {}),
    ("format", (1, "s"), {}), ("format", (12.5, "%"), {}), ("repr", ("x'y",), {}), ("ascii", ("é\U0001F600",), {}),
    ("hash", ([],), {}), ("hash", ({},), {}), ("isinstance", (True, int), {}), ("isinstance", (1, (str, float)), {}),
    ("isinstance", (1, 1), {}), ("callable", (len,), {}), ("callable", (1,), {}),
]:
    add("builtin", lambda *a, _n=name, _kw=kw: BUILTINS[_n](*a, **_kw), *args, name=name,
        kwargs={k: enc(v) for k, v in kw.items()})

items = [[1, 2, 3, 4, 5], (1, 2, 3), "héllo wörld", range(2, 20, 3), {"a": 1}]
keys = [0, -1, 4, 5, -6, 10**20, "x", 1.5, True, None, slice(1, 3), slice(None, None, -1), slice(-2, None),
        slice(None, None, 2), slice(5, 1, -2), slice(1.5, 2), slice(None, None, 0), slice(-100, 100), "a"]
for it in items:
    for k in keys:
        add("getitem", lambda x, y: x[y], it, k)
add("getitem", lambda x, y: x[y], None, 0)
add("getitem", lambda x, y: x[y], range(10**20), -1)
add("getitem", lambda x, y: x[y], range(10**20), 10**20)
add("compare", CMPOPS["in"], 10**19, range(10**20), op="in")
add("getitem", lambda x, y: x[y], list, int)
add("getitem", lambda x, y: x[y], dict, (str, float))
add("getitem", lambda x, y: x[y], int, str)
add("getitem", lambda x, y: x[y], {1}, 0)
add("getitem", lambda x, y: x[y], 5, 0)


def setitem(x, k, v):
    x[k] = v
    return x


def delitem(x, k):
    del x[k]
    return x


for it in [[1, 2, 3, 4, 5], (1, 2), "ab", {"a": 1}]:
    for k, v in [(0, "z"), (-1, "z"), (9, "z"), ("a", 5), (slice(1, 3), [7, 8, 9]), (slice(None, None, 2), [0, 0, 0]),
                 (slice(None, None, 2), [0]), (slice(3, 1), "xy"), (slice(1, 2), 5), ([], 1)]:
        add("setitem", setitem, it, k, v)
    for k in [0, -1, 9, "a", slice(1, 3), slice(None, None, 2), slice(None, None, -2), slice(4, 0, -1), "b"]:
        add("delitem", delitem, it, k)

json.dump(cases, sys.stdout, indent=0, ensure_ascii=True)
print()
