#!/usr/bin/env python3
"""Generate the expectations of the script tests from CPython 3.11.

For every NAME.agen under the given directories (default: testdata and
examples, next to this script's parent), run `python3 NAME.agen` with the
file's directory as working directory and NAME.in (or nothing) as stdin, and
write:

  NAME.out   exact stdout
  NAME.exit  exit status, only when it is not 0
  NAME.err   the last non-empty stderr line, only when stderr is not empty

Stale .exit/.err files are removed. Every program runs several times, under
different PYTHONHASHSEED values; a program whose output depends on the seed
(say, a printed set of strings) is reported and makes this script fail,
because no other implementation can reproduce it.

Files under a directory named `toplevel` use top-level await, which CPython
does not accept in a file. Their expectations come from the same body
wrapped as

    import asyncio
    async def __main():
        <body, indented>
    asyncio.run(__main())

so their bodies must not need module scope (no `global`, no class bodies
that refer to later top-level names).

Usage: python3 testdata/gen.py [DIR_OR_FILE ...]
"""

import collections
import concurrent.futures
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TIMEOUT = 60


def wrap_toplevel(src):
    """Return src wrapped in an async main function run by asyncio.run."""
    body = "".join("    " + line if line.strip() else line
                   for line in src.splitlines(keepends=True))
    return ("import asyncio\nasync def __main():\n" + body +
            "\n    pass\nasyncio.run(__main())\n")


def run(path, seed):
    """Run one program under CPython; return (stdout, stderr, status)."""
    stdin_path = path[:-len(".agen")] + ".in"
    stdin = open(stdin_path, "rb") if os.path.exists(stdin_path) else subprocess.DEVNULL
    env = dict(os.environ, PYTHONHASHSEED=str(seed), PYTHONIOENCODING="utf-8")
    env.pop("PYTHONASYNCIODEBUG", None)
    target = path
    tmp = None
    if os.path.basename(os.path.dirname(path)) == "toplevel":
        with open(path, encoding="utf-8") as f:
            src = wrap_toplevel(f.read())
        tmp = tempfile.NamedTemporaryFile("w", suffix=".py", delete=False, encoding="utf-8")
        tmp.write(src)
        tmp.close()
        target = tmp.name
    try:
        p = subprocess.run([sys.executable, target], cwd=os.path.dirname(path),
                           stdin=stdin, capture_output=True, env=env, timeout=TIMEOUT)
    finally:
        if tmp:
            os.unlink(tmp.name)
        if stdin is not subprocess.DEVNULL:
            stdin.close()
    return p.stdout, p.stderr, p.returncode


def last_line(data):
    """Return the last non-empty line of data, decoded, or ''."""
    lines = [l for l in data.decode("utf-8").splitlines() if l.strip()]
    return lines[-1] if lines else ""


def write_or_remove(path, content):
    if content is None:
        if os.path.exists(path):
            os.remove(path)
        return
    with open(path, "wb") as f:
        f.write(content)


def generate(path):
    """Write the expectation files of one program; return False on trouble.

    The program runs three times under different hash seeds. When the runs
    disagree (a loaded machine can reorder timers that are a few
    milliseconds apart) it runs four more times and the most frequent
    result wins, provided it is a clear majority; otherwise the program is
    reported as not deterministic.
    """
    results = [outcome(path, seed) for seed in range(3)]
    if len(set(results)) > 1:
        results += [outcome(path, seed) for seed in range(3, 7)]
    best, count = collections.Counter(results).most_common(1)[0]
    if count < len(results) - 2:
        print(f"{path}: output differs between runs", file=sys.stderr)
        return False
    out, line, status = best
    base = path[:-len(".agen")]
    write_or_remove(base + ".out", out)
    write_or_remove(base + ".exit", f"{status}\n".encode() if status else None)
    write_or_remove(base + ".err", (line + "\n").encode() if line else None)
    return True


def outcome(path, seed):
    """Run path once; return (stdout, last stderr line, status)."""
    out, err, status = run(path, seed)
    return out, last_line(err), status


def programs(args):
    for a in args:
        if os.path.isfile(a):
            yield os.path.abspath(a)
            continue
        for dirpath, _, names in os.walk(a):
            for n in sorted(names):
                if n.endswith(".agen"):
                    yield os.path.abspath(os.path.join(dirpath, n))


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("gen.py: need CPython 3.11, have " + sys.version)
    args = sys.argv[1:] or [HERE, os.path.join(ROOT, "examples")]
    paths = sorted(programs(args))
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = list(pool.map(generate, paths))
    bad = [p for p, ok in zip(paths, results) if not ok]
    if bad:
        sys.exit(f"gen.py: {len(bad)} program(s) are not deterministic")


if __name__ == "__main__":
    main()
