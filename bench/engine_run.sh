#!/usr/bin/env bash
# The engine against a local source of N records (about 1 KB each, 1,000 per page):
#  (a) every page fetched raw with one curl (one connection, like the engine);
#  (b) a Headwater run of an OFFSET flow over the same pages: its duration from the first
#      request to the last record committed (the run's durationSummary), records/s, and
#      the server's peak RSS (VmHWM) after the run.
# Usage: bench/engine_run.sh [BUILD_DIR] [RECORDS] [REPEATS]
# Run by hand on an idle machine; never part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
records=${2:-1000000}
repeats=${3:-3}
page=1000

work=$(mktemp -d -p "${BENCH_TMP:-/tmp}")
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

wait_for() {  # FILE: waits for the "http://…" line a server prints, then echoes the URL
  for _ in $(seq 200); do grep -q 'http://' "$1" && break; sleep 0.05; done
  grep -o 'http://[0-9.:]*' "$1" | head -1
}

"$build/headwater_bench_upstream" "$records" >"$work/upstream.out" 2>&1 &
pids+=($!)
upstream=$(wait_for "$work/upstream.out")
last=$(((records - 1) / page * page))

echo "== (a) curl: $records records, $page per page, one connection"
for i in $(seq "$repeats"); do
  /usr/bin/time -f "curl run $i: %e s" \
    curl -sf "$upstream/records?limit=$page&offset=[0-$last:$page]" -o /dev/null
done

echo "== (b) headwater: one run of an OFFSET flow over the same pages"
for i in $(seq "$repeats"); do
  data="$work/data-$i"
  "$build/headwater" serve --port 0 --data-dir "$data" --log-level warn >"$work/hw-$i.out" 2>&1 &
  pid=$!
  pids+=("$pid")
  base=$(wait_for "$work/hw-$i.out")
  python3 bench/engine_run_flow.py "$base" "$upstream" "$pid" "$records" "$i"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
