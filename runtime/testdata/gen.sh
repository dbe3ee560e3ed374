#!/bin/sh
# Regenerates the expectations of the tests from CPython 3.11: NAME.out is
# the stdout of NAME.py, NAME.err its stderr (when it fails).
cd "$(dirname "$0")"
for f in *.py; do
	n=${f%.py}
	python3 "$f" > "$n.out" 2> "$n.err"
	[ -s "$n.err" ] || rm "$n.err"
	[ -s "$n.out" ] || rm "$n.out"
done
