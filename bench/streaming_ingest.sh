#!/usr/bin/env bash
# Inlet ingestion throughput with wrk against a fresh server, durable and HMAC-authenticated,
# beside GET /health on the same server (the framework's ceiling):
#   (a) GET /health
#   (b) POST /collection/{inletId}, one ~1 KB event per request
#   (c) POST /collection/batch/{inletId}, 100 events per request
#   (d) overload: (c) at 4x the connections with a small queue bound (429s expected)
# Each of (a)-(c) runs RUNS times, interleaved; the server's peak RSS (VmHWM) is read after
# (c) and after (d).
# Usage: bench/streaming_ingest.sh [BUILD_DIR] [DURATION] [CONNECTIONS] [RUNS]
# Needs wrk and python3. Run by hand; never part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
duration=${2:-10s}
connections=${3:-64}
runs=${4:-3}
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 2; }

work=$(mktemp -d)
pid=
stop_server() {
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=
}
trap 'stop_server; rm -rf "$work"' EXIT

# Starts a server with the config JSON $1 on a fresh data dir; sets $pid and $base.
start_server() {
  stop_server
  rm -rf "$work/data"
  echo "$1" >"$work/config.json"
  "$build/headwater" serve --port 0 --data-dir "$work/data" --config "$work/config.json" \
    --log-level warn >"$work/out" 2>&1 &
  pid=$!
  for _ in $(seq 100); do grep -q listening "$work/out" && break; sleep 0.1; done
  base=$(grep -o 'http://[0-9.:]*' "$work/out" | head -1)
}

# Creates connection (HMAC), source connection, dataset, target connection and a flow on
# GenericStreamingAEP for the built-in generic streaming spec; sets $inlet.
create_stream() {
  local h=(-s -H 'Authorization: Bearer bench-token' -H 'x-api-key: bench'
           -H 'x-gw-ims-org-id: BENCH@AdobeOrg' -H 'Content-Type: application/json')
  local fs="$base/data/foundation/flowservice" spec=e77fd9d2-22a8-11ed-861d-0242ac120002
  id() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["id"] if isinstance(d, dict) else d[0].split("/")[-1])'; }
  local conn src ds tgt
  conn=$(curl "${h[@]}" -X POST "$fs/connections" -d "{\"name\":\"bench\",\"connectionSpec\":{\"id\":\"$spec\",\"version\":\"1.0\"},\"auth\":{\"specName\":\"HMAC Authentication\",\"params\":{\"secret\":\"bench-secret\"}}}" | id)
  src=$(curl "${h[@]}" -X POST "$fs/sourceConnections" -d "{\"name\":\"bench\",\"baseConnectionId\":\"$conn\",\"connectionSpec\":{\"id\":\"$spec\",\"version\":\"1.0\"}}" | id)
  ds=$(curl "${h[@]}" -X POST "$base/data/foundation/catalog/dataSets" -d '{"name":"bench"}' | id)
  tgt=$(curl "${h[@]}" -X POST "$fs/targetConnections" -d "{\"name\":\"bench\",\"connectionSpec\":{\"id\":\"c604ff05-7f1a-43c0-8e18-33bf874cb11c\",\"version\":\"1.0\"},\"params\":{\"dataSetId\":\"$ds\"}}" | id)
  curl "${h[@]}" -X POST "$fs/flows" -d "{\"name\":\"bench\",\"flowSpec\":{\"id\":\"e77fde5a-22a8-11ed-861d-0242ac120002\",\"version\":\"1.0\"},\"sourceConnectionIds\":[\"$src\"],\"targetConnectionIds\":[\"$tgt\"]}" >/dev/null
  inlet=$(curl "${h[@]}" "$fs/connections/$conn" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["auth"]["params"]["inletId"])')
}

peak_rss() { awk '/VmHWM/ {print $2 " kB"}' "/proc/$pid/status"; }

# The disk's latency for one synchronous 32 KiB write (median of 60), beside each run:
# on virtual disks it changes over time, and acknowledged events wait for it.
disk_probe() {
  python3 - "$work/probe" <<'PY'
import mmap, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_DIRECT | os.O_DSYNC, 0o600)
block = mmap.mmap(-1, 32768)
block.write(b"x" * 32768)
times = []
for i in range(60):
    start = time.perf_counter()
    os.pwrite(fd, block, i * 32768)
    times.append(time.perf_counter() - start)
os.close(fd)
os.unlink(sys.argv[1])
print("disk probe: a synchronous 32 KiB write takes %.2f ms (median)" % (sorted(times)[30] * 1e3))
PY
}

run_wrk() {  # label, connections, url, [script]
  local script=()
  [ -n "${4:-}" ] && script=(-s "$4")
  echo "== $1 (wrk -t2 -c$2 -d$duration --latency)"
  wrk -t2 -c"$2" -d"$duration" --latency "${script[@]}" "$3" |
    grep -E 'Requests/sec|  50%|  99%|Non-2xx|Socket errors'
}

# A window longer than the run and a queue large enough that (b) and (c) never see a 429.
start_server '{"streaming": {"windowSeconds": 600, "maxQueuedEvents": 50000000}}'
create_stream
python3 bench/streaming_lua.py bench-secret "/collection/$inlet" 1 >"$work/single.lua"
python3 bench/streaming_lua.py bench-secret "/collection/batch/$inlet" 100 >"$work/batch.lua"
for run in $(seq "$runs"); do
  echo "#### run $run"
  disk_probe
  run_wrk "(a) GET /health" "$connections" "$base/health"
  run_wrk "(b) single event per request" "$connections" "$base/collection/$inlet" "$work/single.lua"
  run_wrk "(c) 100 events per request" "$connections" "$base/collection/batch/$inlet" "$work/batch.lua"
done
echo "peak RSS after (a)-(c): $(peak_rss)"

start_server '{"streaming": {"windowSeconds": 600, "maxQueuedEvents": 200000}}'
create_stream
python3 bench/streaming_lua.py bench-secret "/collection/batch/$inlet" 100 >"$work/batch.lua"
run_wrk "(d) overload: 100 events per request, queue bound 200000" $((connections * 4)) \
  "$base/collection/batch/$inlet" "$work/batch.lua"
echo "peak RSS after (d): $(peak_rss)"
