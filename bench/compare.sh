#!/usr/bin/env bash
# compare.sh runs the benchmark workloads under asyncgen, python3 and node,
# alternating runtimes, and prints median wall time, min-max, peak RSS, the
# asyncgen/CPython ratio, derived per-operation figures and each ratio against
# its target (issue #7).
#
# Usage: bench/compare.sh [--runs N] [--only NAME]
#
# CPython runs as the executable python3 reports (sys.executable), not
# through a shim. Each workload is bench/NAME.agen (also valid Python); its
# node twin, when there is one, is bench/NAME.mjs, and bench/NAME.VARIANT.mjs
# are further node variants shown as rows of their own. All runs of a
# workload must print the same checksum. asyncgen is built from
# ./cmd/asyncgen into a temporary directory (static, as README's install line
# builds it) and runs on the real clock; if it does not build, its column is
# left empty. Peak RSS comes from /usr/bin/time -f %M, the wall time from a
# small Python parent (see measure). Last it prints the floor of start-up:
# an empty static Go binary printing hello, timed beside hello.
set -euo pipefail

runs=5
only=""
while [ $# -gt 0 ]; do
	case "$1" in
	--runs) runs="$2"; shift 2 ;;
	--only) only="$2"; shift 2 ;;
	*) echo "usage: $0 [--runs N] [--only NAME]" >&2; exit 2 ;;
	esac
done

bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

asyncgen=""
# copied BUILT NAME copies a binary that go build wrote to $tmp/NAME: a
# binary as the linker wrote it starts a few milliseconds slower on this
# kind of machine than a copy of it (hello: about 15% more CPU), which
# would count against asyncgen and the floor alike.
copied() { cp "$1" "$tmp/$2" && rm "$1"; }

if (cd "$root" && CGO_ENABLED=0 go build -o "$tmp/asyncgen.built" ./cmd/asyncgen) 2>"$tmp/build.log" &&
	copied "$tmp/asyncgen.built" asyncgen; then
	asyncgen="$tmp/asyncgen"
else
	echo "note: ./cmd/asyncgen does not build; asyncgen column left empty" >&2
	sed 's/^/  /' "$tmp/build.log" | head -5 >&2
fi

# floor is an empty static Go program printing hello, timed beside hello:
# the start-up no Go binary can beat on this machine.
floor=""
cat >"$tmp/floor.go" <<'GO'
package main

import "os"

func main() { os.Stdout.WriteString("hello\n") }
GO
if (cd "$tmp" && CGO_ENABLED=0 go build -o "$tmp/floor.built" floor.go) 2>/dev/null &&
	copied "$tmp/floor.built" floor; then
	floor="$tmp/floor"
fi

# python is the real CPython executable: the pyenv python3 shim is a script
# whose start-up would count in every run.
python=$(python3 -c 'import sys; print(sys.executable)')

# cmdline RUNTIME FILE prints the command line that runs FILE under RUNTIME.
cmdline() {
	case "$1" in
	asyncgen) echo "$asyncgen run $2" ;;
	python3) echo "$python $2" ;;
	node) echo "node $2" ;;
	go) echo "$floor" ;;
	esac
}

# wall CMD... runs a command with its output in $tmp/out and $tmp/err and
# prints its wall time in ns from fork to exit, taken by a Python parent:
# less overhead for a short run than date(1) and time(1) around it.
wall() {
	"$python" - "$tmp/out" "$tmp/err" "$@" <<'PY'
import subprocess, sys, time
out, err = open(sys.argv[1], "w"), open(sys.argv[2], "w")
start = time.perf_counter_ns()
code = subprocess.run(sys.argv[3:], stdout=out, stderr=err).returncode
print(time.perf_counter_ns() - start)
sys.exit(code)
PY
}

# measure NAME RUNTIME FILE runs FILE once and appends
# "NAME RUNTIME wall_ns rss_kb" to the results, checking its checksum. The
# peak RSS comes from one more run under /usr/bin/time -f %M, the first
# time a workload runs under a runtime.
measure() {
	local name=$1 rt=$2 file=$3 ns
	if [ ! -e "$tmp/rss.$name.$rt" ]; then
		/usr/bin/time -f %M -o "$tmp/rss.$name.$rt" $(cmdline "$rt" "$file") >/dev/null 2>&1 || true
	fi
	if ! ns=$(wall $(cmdline "$rt" "$file")); then
		echo "FAIL: $rt $file: $(tail -n 1 "$tmp/err")" >&2
		return
	fi
	local sum
	sum=$(cat "$tmp/out")
	local want_file="$tmp/want.${name%%.*}"
	if [ ! -e "$want_file" ]; then
		printf '%s' "$sum" >"$want_file"
	elif [ "$sum" != "$(cat "$want_file")" ]; then
		echo "CHECKSUM MISMATCH: $rt $file printed '$sum', expected '$(cat "$want_file")'" >&2
		return
	fi
	echo "$name $rt $ns $(tail -n 1 "$tmp/rss.$name.$rt")" >>"$tmp/results"
}

workloads=$(cd "$bench" && ls *.agen | sed 's/\.agen$//')
if [ -n "$only" ]; then
	workloads="hello $only"
fi
: >"$tmp/results"
for name in $workloads; do
	echo "running $name ..." >&2
	for ((i = 0; i < runs; i++)); do
		[ -n "$asyncgen" ] && measure "$name" asyncgen "$bench/$name.agen"
		measure "$name" python3 "$bench/$name.agen"
		for mjs in "$bench/$name.mjs" "$bench/$name".*.mjs; do
			[ -e "$mjs" ] || continue
			variant=$(basename "$mjs" .mjs)
			measure "$variant" node "$mjs"
		done
		[ "$name" = hello ] && [ -n "$floor" ] && measure hello go "$floor"
	done
done

# Operations per workload, for the derived figures: "NAME COUNT UNIT".
cat >"$tmp/ops" <<'EOF'
fib 2692537 ns/call
loop 3000000 ns/iter
switch 1000000 ns/switch
agen_stream 1000000 ns/item
pipeline 300000 ns/item
timers 100000 ns/timer
gather_many 200000 ns/coro
queue 300000 ns/item
mem 200000 B/task
timers 100000 B/task
gather_many 200000 B/task
EOF

# Targets of the ratio asyncgen/CPython: "NAME MEASURE TARGET", where
# MEASURE is wall (median wall time), beyond1s (median wall minus 1 s) or
# rss (peak RSS minus hello's, per task).
cat >"$tmp/targets" <<'EOF'
switch wall 0.10
agen_stream wall 0.20
pipeline wall 0.20
timers beyond1s 0.10
mem rss 0.25
gather_many wall 0.05
queue wall 0.15
fib wall 1.0
loop wall 1.0
hello wall 0.10
EOF

awk -v ops="$tmp/ops" -v targets="$tmp/targets" '
function median(key,   n, i, j, t, a) {
	n = split(walls[key], a, " ")
	for (i = 1; i <= n; i++)
		for (j = i + 1; j <= n; j++)
			if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{
	key = $1 SUBSEP $2
	walls[key] = walls[key] " " $3
	if (!(key in lo) || $3 < lo[key]) lo[key] = $3
	if (!(key in hi) || $3 > hi[key]) hi[key] = $3
	if ($4 > rss[key]) rss[key] = $4
	if (!($1 in seen)) { seen[$1] = 1; order[++nw] = $1 }
}
END {
	nrt = split("asyncgen python3 node", rts, " ")
	print "each runtime: median wall s (min-max), peak RSS"
	printf "%-22s", "workload"
	for (r = 1; r <= nrt; r++) printf " | %-27s", rts[r]
	printf " | %s\n", "asyncgen/CPython"
	for (w = 1; w <= nw; w++) {
		name = order[w]
		printf "%-22s", name
		for (r = 1; r <= nrt; r++) {
			key = name SUBSEP rts[r]
			if (key in lo) {
				med[key] = median(key)
				printf " | %6.3f (%.3f-%.3f) %4dMB", med[key] / 1e9, lo[key] / 1e9, hi[key] / 1e9, rss[key] / 1024
			} else
				printf " | %-27s", "-"
		}
		a = name SUBSEP "asyncgen"; p = name SUBSEP "python3"
		if ((a in med) && (p in med)) printf " | %.2f\n", med[a] / med[p]
		else printf " | -\n"
	}
	print ""
	print "derived (hello subtracted: wall minus hello median, RSS minus hello peak):"
	while ((getline line < ops) > 0) {
		split(line, f, " ")
		name = f[1]; count = f[2]; unit = f[3]
		out = ""
		for (r = 1; r <= nrt; r++) {
			key = name SUBSEP rts[r]; base = "hello" SUBSEP rts[r]
			if (!(key in med) || !(base in med)) continue
			if (unit == "B/task") v = (rss[key] - rss[base]) * 1024 / count
			else v = (med[key] - med[base]) / count
			out = out sprintf("  %s %.0f", rts[r], v)
		}
		if (out != "") printf "%-12s %-9s%s\n", name, unit, out
	}
	print ""
	print "targets (ratio asyncgen/CPython):"
	while ((getline line < targets) > 0) {
		split(line, f, " ")
		name = f[1]; how = f[2]; goal = f[3]
		a = name SUBSEP "asyncgen"; p = name SUBSEP "python3"
		if (!(a in med) || !(p in med)) continue
		if (how == "beyond1s") ratio = (med[a] - 1e9) / (med[p] - 1e9)
		else if (how == "rss") ratio = (rss[a] - rss["hello" SUBSEP "asyncgen"]) / (rss[p] - rss["hello" SUBSEP "python3"])
		else ratio = med[a] / med[p]
		printf "%-12s %-9s %5.2f  target <= %-5s %s\n", name, how, ratio, goal, ratio <= goal ? "met" : "missed"
	}
	g = "hello" SUBSEP "go"; p = "hello" SUBSEP "python3"
	if ((g in walls) && (p in med))
		printf "floor: an empty static Go binary printing hello takes %.3f s, ratio %.2f\n", median(g) / 1e9, median(g) / med[p]
}' "$tmp/results"
