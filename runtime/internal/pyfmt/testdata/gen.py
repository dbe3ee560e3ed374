"""Generate cases.jsonl, the CPython 3.11 expectations for pyfmt's tests.

Run from this directory: python3 gen.py > cases.jsonl
(python3 gen.py SEED SCALE makes a different, SCALE times larger table of
random cases, for a deeper check: write it over cases.jsonl, run go test,
then regenerate the committed table.)
Each line is a JSON object {"op": ..., "in": [...], "out": ...} or, when
CPython raises, {"op": ..., "in": [...], "err": "ValueError: message"}.
Floats are written with float.hex() and ints with hex() so they travel
exactly.
"""
import json
import math
import random
import struct
import sys

rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 20261201)
SCALE = int(sys.argv[2]) if len(sys.argv) > 2 else 1
out = sys.stdout


def emit(op, args, fn):
    rec = {"op": op, "in": args}
    try:
        rec["out"] = fn()
    except Exception as e:  # the message is what we test
        rec["err"] = "%s: %s" % (type(e).__name__, e)
    out.write(json.dumps(rec, ensure_ascii=False) + "\n")


EDGE_FLOATS = [
    0.0, -0.0, 0.1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1.0, -1.0, 1e16, 1e-5,
    1e-4, 0.0001, 5e-324, -5e-324, 2.2250738585072014e-308,
    1.7976931348623157e308, -1.7976931348623157e308, 123456789.0, 1234.5678,
    -1234.5678, 2e16 + 8, 1e15, 9999999999999998.0, 1e22, 1e23, 0.3,
    2.675, 1.005, 0.045, 12345.6789e10, 1e100, 1.5e300, 3.14159, 9.5, 99.5,
    0.95, 0.995, 999999.5, 1e-7, 4.35, math.pi, math.e, 100.0, 7.0, 0.05,
    math.inf, -math.inf, math.nan, 1 / 3, 2 / 3, 1e308, 9.999999999999999e22,
    123e-20, 0.000123, 0.00999, -0.001, -0.0004, 1234567890123456789.0,
]


def random_floats(n):
    fs = []
    for _ in range(n):
        kind = rng.randrange(5)
        if kind == 0:  # any bit pattern
            f = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        elif kind == 1:  # moderate magnitude
            f = rng.uniform(-1, 1) * 10 ** rng.randrange(-12, 20)
        elif kind == 2:  # few decimal digits, ties likely
            f = rng.randrange(-100000, 100000) / 10 ** rng.randrange(0, 6)
        elif kind == 3:  # binary fractions: exact ties
            f = rng.randrange(-4096, 4096) / 2 ** rng.randrange(0, 12)
        else:  # integers as floats
            f = float(rng.randrange(-10 ** rng.randrange(1, 25), 10 ** 25))
        fs.append(f)
    return fs


FLOAT_SPECS = [
    "", "f", "e", "g", "E", "F", "G", "n", "%", ".0f", ".1f", ".2f", ".3f",
    ".10f", ".20f", ".0e", ".3e", ".17e", ".0g", ".1g", ".3g", ".10g",
    ".17g", ".25g", ".0", ".1", ".3", ".12", ".17", ".2%", ".0%", "#g",
    "#.3g", "#.0f", "#.0e", "#", "#.2", "10.4e", ",.2f", ",", "_", ",g",
    "_.3f", ",.0f", "z.1f", "z", "z.0f", "+", " ", "-", "+.3f", " .3e",
    ">10", "<10", "^10", "=10", "^+10.3f", "010", "010.2f", "0=12,.1f",
    "*^15.4g", "x<12", "0>12.3", "012,", "015_.2f", "+012,.3f", "-^20,",
    ".1000f", ".400g", ".30e", "20", "=+20.5E", " 030,.2F", "#010.0f", "d",
    "s", "x", ",n", "_%", ".2n", "10x10", "z+08.2f", "€^11.2f", "١٠", ".١f", "٠١٠.٢f",
]

INT_SPECS = [
    "", "d", "b", "o", "x", "X", "n", "c", "#b", "#o", "#x", "#X", "_b",
    "_x", "#_x", "_o", "_d", ",d", ",", "_", ">10", "<10", "^10", "=10",
    "010", "0=12,d", "012,", "+", " ", "-", "+d", " d", "#010x", "#012_b",
    "*^+#15_X", "x>12,", "f", "e", "g", ".2f", ",.2f", "%", ".1%", "E",
    "G", ".3g", "10.4e", ".2", "z", "+c", "#c", "c", "10c", "s", ",x",
    "_n", ",c", "\x01", "é", "10x10", "0", "00", "1,", "09,", "08,", "06,",
    "07_", "020_x", "#020_x", "-#30b", "=^7", "z5d", "",
]

STR_SPECS = [
    "", "s", "10", "<10", ">10", "^10", "^11", "*^9", "010", ".2", ".0",
    "10.3", "x>12.1s", "+", " ", "-", "z", "#", "=10", ",", "_", "d",
    ".", "10x10", "é<8", ".100", "^", "0<5", "3", "05s",
]

INTS = [0, 1, -1, 7, -7, 9, 10, 42, -42, 255, -255, 1000, 12345, -12345,
        65, 0x10ffff, 0x110000, 123456789, -123456789, 2 ** 31, 2 ** 53 + 1,
        2 ** 63, -(2 ** 63), 2 ** 64 - 1, 10 ** 20, -(10 ** 25) + 1, 2 ** 100,
        10 ** 400, 2 ** 1024, -(2 ** 1024), 10 ** 4300 - 1, 10 ** 4300]
INTS += [rng.randrange(-10 ** rng.randrange(1, 30), 10 ** 30) for _ in range(30)]


def random_spec(types):
    """A random format spec, mostly valid, sometimes not."""
    parts = []
    if rng.random() < 0.4:
        if rng.random() < 0.5:
            parts.append(rng.choice("*0x _.é<>^="))
        parts.append(rng.choice("<>^="))
    if rng.random() < 0.3:
        parts.append(rng.choice("+- "))
    if rng.random() < 0.1:
        parts.append("z")
    if rng.random() < 0.2:
        parts.append("#")
    if rng.random() < 0.25:
        parts.append("0")
    if rng.random() < 0.5:
        parts.append(str(rng.randrange(0, 30)))
    if rng.random() < 0.25:
        parts.append(rng.choice([",", "_", ",", "_"]))
    if rng.random() < 0.4:
        parts.append("." + str(rng.randrange(0, 20)))
    if rng.random() < 0.8:
        parts.append(rng.choice(types))
    return "".join(parts)


def fmt(v, spec):
    return lambda: format(v, spec)


def main():
    floats = EDGE_FLOATS + random_floats(1500 * SCALE)
    for f in floats:
        emit("repr", [f.hex()], lambda: repr(f))
    for f in EDGE_FLOATS + random_floats(90):
        for spec in FLOAT_SPECS:
            emit("format_float", [f.hex(), spec], fmt(f, spec))
    for f in random_floats(1500 * SCALE):
        spec = random_spec("eEfFgGn%%" + "s")
        emit("format_float", [f.hex(), spec], fmt(f, spec))
    for _ in range(1500 * SCALE):
        i = rng.choice(INTS[:28] + INTS[32:])
        spec = random_spec("bcdoxXnfe%" + "s")
        emit("format_int", [hex(i), spec], fmt(i, spec))
    for _ in range(300 * SCALE):
        s = rng.choice(["", "a", "héllo", "日本", "abcdefghij"])
        spec = random_spec("ss" + "d")
        emit("format_str", [s, spec], fmt(s, spec))
    for f in EDGE_FLOATS + random_floats(300):
        emit("hash", [f.hex()], lambda: hash(f) if f == f else 0)
    for i in INTS:
        for spec in INT_SPECS:
            if abs(i) > 10 ** 30 and spec not in ("", "d", "x", "_x", ",", "f", "e", "010", "#b"):
                continue
            emit("format_int", [hex(i), spec], fmt(i, spec))
        emit("int_string", [hex(i)], lambda: str(i))
        for base in (2, 8, 16):
            emit("int_to_base", [hex(i), base], lambda: {2: bin, 8: oct, 16: hex}[base](i))
    quote_strs = ["", "a", "'", '"', "'\"", "it's", 'say "hi"', "\\", "\t\n\r\x00\x1f\x7f",
                  "\x80\x9f\xa0\xad\xff", "é日本", "\u200b\u2028\u2029\u0378\ud7ff\ue000\uffff",
                  "\U0001f600\U000e0001\U0010ffff\U0001fb00", "\u0600\u061c\u180e\ufeff"]
    quote_strs += ["".join(chr(rng.randrange(0, rng.choice([0x3000, 0x110000]))) for _ in range(8)) for _ in range(100 * SCALE)]
    for s in quote_strs:
        if not any(0xd800 <= ord(c) < 0xe000 for c in s):
            emit("quote", [s], lambda: repr(s))
    for b in (True, False):
        for spec in ["d", "s", "10x10", ">5", "f", "c", ".2", "#x"]:  # "" is str(b): the caller's job
            emit("format_bool", [b, spec], fmt(b, spec))
    for s in ["", "a", "hello", "héllo wörld", "日本語テキスト", "x" * 30, "tab\tq"]:
        for spec in STR_SPECS:
            emit("format_str", [s, spec], fmt(s, spec))

    int_strs = ["0", "00", "-0", "+5", " 12 ", "\t-7\n", "1_000", "1__0", "_1",
                "1_", "0x1f", "0X1F", "0o17", "0b101", "0b_101", "0x_1f", "0x",
                "0b", "012", "0_0", "000", "08", "z", "Z", "zz", "-zz", "1e3",
                "1.5", "", " ", "+", "- 1", "١٢", " ١٢٣ ", "\u00a05\u2003",
                "\x1c5", "12a", "a" * 250, "'quote", '"dq', "both'\"", "back\\s",
                "\x00", "é", "9" * 4300, "9" * 4301, "1" * 5000, "f" * 5000,
                "0x" + "f" * 40, "-0b" + "1" * 70, "0o" + "7" * 30, "1_2_3_4",
                "٣_٤", "0_7", "007", "0x1_f", "𝟙𝟚", "\u0661", "1\u200b", "\U00011f51", "\U0001e4f2"]
    random_strs = []
    alphabet = "0123456789_ +-.eExXoObBfFaAiInNyYtT\t\x1c\u00a0\u0661\u0662z"
    for _ in range(400 * SCALE):
        random_strs.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 9))))
    int_strs += random_strs
    for s in int_strs:
        for base in (10, 0, 2, 8, 16, 36, 7, 1, 37, -1):
            emit("parse_int", [s, base], lambda: hex(int(s, base)))

    float_strs = ["0", "1", "-1", "+1.5", " 2.5 ", "1e5", "1E-5", "1e", "e5",
                  ".5", "5.", ".", "-.5e-3", "inf", "-inf", "+inf", "INF",
                  "Infinity", "-iNfInItY", "infinit", "nan", "-nan", "NaN",
                  "+nAn", "nan1", "1_000.5", "1__0", "_1", "1_", "1_.5",
                  "1._5", "1.5_5", "1e1_0", "1e_10", "0x10", "1e500",
                  "-1e500", "1e-500", "", " ", "abc", "1.5.5", "١.٥",
                  "\u00a01.5\u2003", "\x1c1", "1,5", "0.1", "2.675",
                  "123456789012345678901234567890", "4.9e-324", "2e-324",
                  "1.7976931348623157e308", "1.7976931348623159e308", "'q",
                  "a" * 250, "1 2", "++1", "+-1", "1d5", "0e0", "00.00",
                  "1_2_3.4_5e6_7", "in f", "infinityy", "nan(123)"]
    half_min = format(__import__("decimal").Decimal(5e-324) / 2, "f")  # exact tie
    float_strs += [half_min, half_min + "0000001", "-" + half_min, "0." + "0" * 400 + "1",
                   "1" + "0" * 400, "9" * 800 + "e-800", "1" * 1000 + "e-1000",
                   "0.1000000000000000055511151231257827021181583404541015625",
                   "0.10000000000000000555111512312578270211815834045410156250001",
                   "9007199254740993", "9007199254740993.0000000000000000001"]
    float_strs += random_strs
    for s in float_strs:
        emit("parse_float", [s], lambda: float(s).hex())

    for f in EDGE_FLOATS + random_floats(300 * SCALE):
        for n in (None, 0, 1, 2, 3, -1, -2, 5, 15, 300, 323, 324, -307, -308, -309, rng.randrange(-20, 20)):
            emit("round", [f.hex(), n], lambda: (hex(round(f)) if n is None else round(f, n).hex()))

    pairs = [(7.0, 2.0), (-7.0, 2.0), (7.0, -2.0), (-7.0, -2.0), (0.0, 3.0),
             (-0.0, 3.0), (0.0, -3.0), (1.0, 0.0), (5.0, math.inf),
             (-5.0, math.inf), (math.inf, 5.0), (math.nan, 1.0), (1.0, math.nan),
             (1e308, 1e-308), (0.1, 0.01), (-1e-300, 1e300), (6.0, 3.0), (-6.0, 3.0),
             (1.0, -0.0), (-0.0, -1.0)]
    fs = random_floats(200)
    pairs += list(zip(fs[::2], fs[1::2]))
    for a, b in pairs:
        emit("floordiv", [a.hex(), b.hex()], lambda: (a // b).hex())
        emit("mod", [a.hex(), b.hex()], lambda: (a % b).hex())
        emit("divmod", [a.hex(), b.hex()], lambda: [x.hex() for x in divmod(a, b)])
    for f in [0.0, -0.0, 1.5, -2.7, 1e300, -1e20, math.inf, -math.inf, math.nan, 2.0 ** 70 + 2.0 ** 20]:
        emit("float_to_int", [f.hex()], lambda: hex(int(f)))


main()
