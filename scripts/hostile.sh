#!/bin/sh
# Reruns the reliability checks of docs/reliability.md and prints their
# figures.
#
#	scripts/hostile.sh table        the hostile inputs table (TestHostile)
#	scripts/hostile.sh todo         the tests of known bugs (fail until fixed)
#	scripts/hostile.sh race         go test -race ./..., timed
#	scripts/hostile.sh fuzz [TIME]  FuzzRun for TIME (default 10m), one worker
set -eu
cd "$(dirname "$0")/.."
case "${1:-table}" in
table)
	go test -count=1 -run '^TestHostile$' -v ./runtime |
		sed -n 's/^ *reliability_test.go:[0-9]*: \(|.*\)$/\1/p'
	;;
todo)
	go test -tags reliability_todo -count=1 -run '^TestTodo' -v -timeout 20m ./runtime || true
	;;
race)
	start=$(date +%s)
	status=0
	go test -race -count=1 -timeout 20m ./... || status=$?
	echo "go test -race ./...: exit status $status in $(($(date +%s) - start))s"
	;;
fuzz)
	time="${2:-10m}"
	# The address-space cap turns a runaway allocation into a crash of
	# the fuzzing process rather than of the machine.
	ulimit -v 8000000
	cd runtime
	go test -run '^$' -fuzz '^FuzzRun$' -fuzztime "$time" -timeout 0 \
		-fuzzminimizetime 10x -parallel 1 . 2>&1 | tail -n 4
	;;
*)
	sed -n '2,9p' "$0"
	exit 2
	;;
esac
