#!/bin/sh
# Reruns the reliability checks of docs/reliability.md and prints their
# figures.
#
#	scripts/hostile.sh table        the hostile inputs table (TestHostile)
#	scripts/hostile.sh memory [SIZE] the growth inputs under asyncgen run
#	                                --max-memory SIZE (default 256MB): peak
#	                                RSS and time; then TestMemoryPeak's
#	                                table (Options.MaxMemory 32 MiB).
#	                                $ASYNCGEN, if set, is the binary run
#	                                (and the test is not).
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
memory)
	size="${2:-256MB}"
	tmp=$(mktemp -d)
	bin="${ASYNCGEN:-$tmp/asyncgen}"
	[ -n "${ASYNCGEN:-}" ] || go build -o "$bin" ./cmd/asyncgen
	dir=runtime/testdata/hostile
	echo "| input | limit | outcome | peak RSS | time (wall, CPU) |"
	echo "|---|---|---|---|---|"
	row() {
		# The address-space cap and the timeout stop a run the limit
		# does not (the Go runtime needs more than 2 GB of it).
		status=0
		(ulimit -v 4000000; /usr/bin/time -o "$tmp/time" -f '%M %e %U %S' \
			timeout 120 "$bin" run --max-memory "$size" "$2" \
			>/dev/null 2>"$tmp/err") || status=$?
		if grep -q '^fatal error' "$tmp/err"; then
			outcome="Go crash: $(grep -m 1 '^fatal error' "$tmp/err")"
		elif [ $status = 124 ]; then
			outcome="still running after 120s"
		else
			outcome="$(tail -n 1 "$tmp/err") (exit $status)"
		fi
		echo "| $1 | --max-memory $size | $outcome | $(tail -n 1 "$tmp/time" |
			awk '{printf "%.0f MiB | %ss, %.2fs", $1/1024, $2, $3+$4}') |"
	}
	code() {
		printf '%b' "$2" >"$tmp/code.agen"
		row "$1" "$tmp/code.agen"
	}
	row '`[0] * 10**10`' $dir/repeat_list.agen
	row "\`'a' * 10**12\`" $dir/repeat_str.agen
	row '`x = x + x` forever' $dir/list_double.agen
	row '`s += s` forever' $dir/str_double.agen
	code '`l.append([])` forever' 'l = []\nwhile True: l.append([])\n'
	row '`list(range(2**30))`' $dir/range_list.agen
	row 'dict growing forever' $dir/dict_grow.agen
	code 'set growing forever' 's = set()\ni = 0\nwhile True:\n    s.add(i)\n    i += 1\n'
	code 'copies kept: `keep.append(s \\| s)`' 's = set(range(10**5))\nkeep = []\nwhile True: keep.append(s | s)\n'
	code 'slices kept: `keep.append(big[:])`' 'big = [0] * 10**6\nkeep = []\nwhile True: keep.append(big[:])\n'
	row '10**7 tasks' $dir/tasks.agen
	row 'async generator hoarded into a list' $dir/agen_hoard.agen
	row '`2 ** 10**9`' $dir/pow_two.agen
	row '`10**10**10`' $dir/pow_ten.agen
	code '`[i for i in range(10**10)]`' 'x = [i for i in range(10**10)]\n'
	code '`f(*range(10**10))`' 'def f(*a): pass\nf(*range(10**10))\n'
	code 'dict unions kept: `keep.append(d \\| d)`' 'd = dict.fromkeys(range(10**5))\nkeep = []\nwhile True: keep.append(d | d)\n'
	code 'reprs kept: `keep.append(repr(big))`' 'big = list(range(10**5))\nkeep = []\nwhile True: keep.append(repr(big))\n'
	code 'unpackings kept: `keep.append([*big])`' 'big = [0] * 10**6\nkeep = []\nwhile True: keep.append([*big])\n'
	code "f-strings kept: \`keep.append(f'{s}{s}')\`" "s = 'a' * 10**6\nkeep = []\nwhile True: keep.append(f'{s}{s}')\n"
	code "\`%\` results kept: \`keep.append('%s%s' % (s, s))\`" "s = 'a' * 10**6\nkeep = []\nwhile True: keep.append('%s%s' % (s, s))\n"
	code 'dict reprs kept: `keep.append(str(d))`' 'd = dict.fromkeys(range(10**5))\nkeep = []\nwhile True: keep.append(str(d))\n'
	code "joins of a map kept: \`keep.append(''.join(map(str, big)))\`" "big = list(range(10**5))\nkeep = []\nwhile True: keep.append(''.join(map(str, big)))\n"
	rm -r "$tmp"
	[ -n "${ASYNCGEN:-}" ] && exit
	echo
	go test -count=1 -run '^TestMemoryPeak$' -v ./runtime |
		sed -n 's/^ *limits_test.go:[0-9]*: \(|.*\)$/\1/p'
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
	sed -n '2,13p' "$0"
	exit 2
	;;
esac
