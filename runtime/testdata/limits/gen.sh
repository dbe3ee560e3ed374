#!/bin/sh
# Regenerates the expectations of limits_test.go from CPython 3.11: NAME.out
# is the stdout of NAME.py run with its address space capped at 1 GiB (so
# that CPython meets a memory limit too).
cd "$(dirname "$0")"
for f in *.py; do
	(ulimit -v 1048576; python3 "$f" > "${f%.py}.out")
done
