#!/usr/bin/env bash
# scale.sh measures how interpreters scale across cores (issue #7: N
# interpreters on N cores, at least 1.8x on two): it runs the Go benchmark
# BenchmarkScale of ./runtime, in which each goroutine has an interpreter of
# its own running a CPU-bound script, with one goroutine on one core
# (-cpu 1) and two on two (-cpu 2), and prints per workload the median
# ns/op of each, the throughput ratio (ns/op with 1 over ns/op with 2; 2.0
# is perfect) and the process's CPU time per operation of each. Equal CPU
# per operation means the interpreters do not slow each other down; a
# ratio below it, that the machine had no second core free.
#
# The interpreters share one thing, the process's Go heap and its collector:
# the allocating workloads spend more CPU per operation on two cores, in
# write barriers while collections are marking. GOGC in the environment
# passes through (GOGC=400 on a loaded machine, agen: +6% CPU per
# operation on two cores instead of +37% at the default 100).
#
# Usage: [GOGC=N] bench/scale.sh [--count N] [--benchtime T]
set -euo pipefail

count=5
benchtime=1s
while [ $# -gt 0 ]; do
	case "$1" in
	--count) count="$2"; shift 2 ;;
	--benchtime) benchtime="$2"; shift 2 ;;
	*) echo "usage: $0 [--count N] [--benchtime T]" >&2; exit 2 ;;
	esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
go test -run '^$' -bench '^BenchmarkScale$' -cpu 1,2 -count "$count" -benchtime "$benchtime" ./runtime/ |
	awk '
	function median(list,    a, n, i, j, t) {
		n = split(list, a, " ")
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && a[j-1] + 0 > a[j] + 0; j--) {
				t = a[j]; a[j] = a[j-1]; a[j-1] = t
			}
		return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
	}
	/^BenchmarkScale\// {
		name = $1
		sub(/^BenchmarkScale\//, "", name)
		cpus = 1
		if (match(name, /-[0-9]+$/)) {
			cpus = substr(name, RSTART + 1)
			name = substr(name, 1, RSTART - 1)
		}
		if (!(name in seen)) { seen[name] = 1; order[++n] = name }
		for (i = 3; i < NF; i++) {
			if ($(i+1) == "ns/op") ns[name, cpus] = ns[name, cpus] " " $i
			if ($(i+1) == "cpu-ns/op") cpu[name, cpus] = cpu[name, cpus] " " $i
		}
	}
	END {
		printf "%-8s %14s %14s %7s %16s %16s\n", "workload", "ns/op 1 core", "ns/op 2 cores", "ratio", "cpu-ns/op 1", "cpu-ns/op 2"
		for (k = 1; k <= n; k++) {
			w = order[k]
			a = median(ns[w, 1]); b = median(ns[w, 2])
			printf "%-8s %14.0f %14.0f %7.2f %16.0f %16.0f\n", w, a, b, a / b, median(cpu[w, 1]), median(cpu[w, 2])
		}
	}'
