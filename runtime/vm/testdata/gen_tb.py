#!/usr/bin/env python3
"""Write NAME.tb, the full stderr of CPython 3.11 running NAME.agen, for
the err_*.agen programs here that do not use asyncio (whose tracebacks show
CPython's own asyncio frames).

The file names in the traceback are reduced to their base names, as the
tests run the programs under their base names, and the lines of 3.11's
position markers (~~~^^^), which asyncgen does not print, are dropped.

Usage: python3 runtime/vm/testdata/gen_tb.py
"""

import glob
import os
import re
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))

for path in sorted(glob.glob(os.path.join(HERE, "err_*.agen"))):
    with open(path, encoding="utf-8") as f:
        if "asyncio" in f.read():
            continue
    name = os.path.basename(path)
    r = subprocess.run(["python3", name], cwd=HERE, capture_output=True, text=True)
    stderr = r.stderr.replace(HERE + os.sep, "")
    lines = [l for l in stderr.splitlines(keepends=True)
             if not re.fullmatch(r"\s*[~^]+\s*", l.replace("|", ""))]
    with open(path[:-len(".agen")] + ".tb", "w", encoding="utf-8") as f:
        f.write("".join(lines))
