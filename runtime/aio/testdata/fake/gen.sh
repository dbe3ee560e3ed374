#!/bin/sh
# Regenerates the expected outputs of the fake-coroutine loop tests from
# CPython: each NAME.py is the Python twin of a scenario in loop_test.go.
cd "$(dirname "$0")" && for f in *.py; do python3 "$f" > "${f%.py}.out"; done
