"""Generate expected.tsv: what CPython 3.11 reports for each *.agen here.

Usage: cd lang/testdata/errors && python3 gen.py

Each program is compiled with
    compile(src, name, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
because asyncgen accepts await, async for, async with and async
comprehensions at module level. Each line of expected.tsv is
    NAME <TAB> KIND <TAB> LINE <TAB> COL <TAB> MESSAGE
or `NAME <TAB> ok` when the program compiles.
"""
import ast
import glob
import sys

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"

rows = []
for path in sorted(glob.glob("*.agen")):
    name = path[: -len(".agen")]
    with open(path, encoding="utf-8") as f:
        src = f.read()
    try:
        compile(src, path, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        rows.append("%s\tok" % name)
    except SyntaxError as e:
        msg = e.msg.replace("\t", " ").replace("\n", " ")
        rows.append("%s\t%s\t%d\t%d\t%s" % (name, type(e).__name__, e.lineno, e.offset, msg))

with open("expected.tsv", "w", encoding="utf-8") as f:
    f.write("\n".join(rows) + "\n")
