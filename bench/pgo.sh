#!/usr/bin/env bash
# pgo.sh regenerates cmd/asyncgen/default.pgo, the CPU profile that `go
# build` uses to optimise the command (profile-guided optimisation: the
# hot dict lookups and calls of the VM get inlined). The profile comes
# from the in-process benchmarks of the workloads in bench/: task switches
# and a queue (runtime/aio), fib, an arithmetic loop, an async generator
# stream and a pipeline, a plain generator, and the plain code of records
# and text (runtime/vm). Rerun it when the VM's hot paths
# change; an old profile still builds, it only optimises less.
#
# Usage: bench/pgo.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go test ./runtime/aio -run '^$' -bench 'ScriptSwitch$|ScriptQueue$' -benchtime 3s \
	-o "$tmp/aio.test" -cpuprofile "$tmp/aio.prof" >/dev/null
go test ./runtime/vm -run '^$' -bench 'Fib30|Loop3M|AgenStream|AgenPipeline|GenStream|Records|Text' -benchtime 2s \
	-o "$tmp/vm.test" -cpuprofile "$tmp/vm.prof" >/dev/null
go tool pprof -proto "$tmp/aio.prof" "$tmp/vm.prof" >cmd/asyncgen/default.pgo
echo "wrote cmd/asyncgen/default.pgo ($(wc -c <cmd/asyncgen/default.pgo) bytes)"
