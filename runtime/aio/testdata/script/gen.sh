#!/bin/sh
# Regenerates the expectations of the script tests from CPython 3.11:
# NAME.out is the stdout of `python3 NAME.agen`, NAME.exit its exit status
# when not 0, NAME.err the last line of its stderr when there is one.
# Run it on an idle machine: under heavy load CPython's own timers fire
# late and can reorder output that depends on delays (compare two runs).
cd "$(dirname "$0")" && for f in *.agen; do
	n=${f%.agen}
	python3 "$f" > "$n.out" 2> "$n.stderr"
	code=$?
	if [ $code -ne 0 ]; then echo $code > "$n.exit"; else rm -f "$n.exit"; fi
	if [ -s "$n.stderr" ]; then grep -v '^\s*$' "$n.stderr" | tail -n 1 > "$n.err"; else rm -f "$n.err"; fi
	rm -f "$n.stderr"
done
