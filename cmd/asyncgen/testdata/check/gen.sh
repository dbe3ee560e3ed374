#!/bin/sh
# Writes NAME.stderr: what `python3 testdata/check/NAME.agen` (CPython 3.11)
# prints for each program here, run from cmd/asyncgen as the test does.
# Programs without errors get no .stderr file.
cd "$(dirname "$0")/../.." || exit 1
for f in testdata/check/*.agen; do
	out="${f%.agen}.stderr"
	if python3 -c "import ast,sys; compile(open(sys.argv[1]).read(), sys.argv[1], 'exec', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)" "$f" 2>/dev/null; then
		rm -f "$out"
	else
		# CPython shows the absolute path of the main script; keep it relative.
		python3 "$f" 2>&1 >/dev/null | sed "s|\"$PWD/|\"|" > "$out"
	fi
done
