#!/bin/sh
# Regenerates the expected outputs of the fake-coroutine loop tests from
# CPython: each NAME.py is the Python twin of a scenario in loop_test.go;
# NAME.out is its stdout and NAME.err the last line of its stderr, if any.
# Run it on an idle machine: under heavy load CPython's own timers fire
# late and can reorder output that depends on delays (compare two runs).
cd "$(dirname "$0")" && for f in *.py; do
	n=${f%.py}
	python3 "$f" > "$n.out" 2> "$n.stderr"
	if [ -s "$n.stderr" ]; then tail -n 1 "$n.stderr" > "$n.err"; else rm -f "$n.err"; fi
	rm -f "$n.stderr"
done
