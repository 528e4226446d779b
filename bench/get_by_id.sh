#!/usr/bin/env bash
# GET /connectionSpecs/{id} throughput with wrk, against a fresh server, and GET /health
# (same server framework, no auth, no store) as the ceiling, side by side.
# Usage: bench/get_by_id.sh [BUILD_DIR] [DURATION] [CONNECTIONS]
# Needs wrk (apt-get install wrk). Run by hand; never part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
duration=${2:-10s}
connections=${3:-64}
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 2; }

data=$(mktemp -d)
out=$(mktemp)
"$build/headwater" serve --port 0 --data-dir "$data" --log-level warn >"$out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data" "$out"' EXIT
for _ in $(seq 100); do grep -q listening "$out" && break; sleep 0.1; done
base=$(grep -o 'http://[0-9.:]*' "$out" | head -1)

headers=(-H 'Authorization: Bearer bench-token' -H 'x-api-key: bench'
         -H 'x-gw-ims-org-id: BENCH@AdobeOrg' -H 'Content-Type: application/json')
spec='{"name":"bench-streaming","type":"generic-streaming","providerId":"521eee4d-8cbe-4906-bb48-fb6bd4450033","version":"1.0","authSpec":[],"sourceSpec":{"attributes":{"uiAttributes":{"category":{"key":"streaming"},"label":{"text":"Bench"}}}},"exploreSpec":{"type":"StreamingConnection"}}'
id=$(curl -s -X POST "$base/data/foundation/flowservice/connectionSpecs" "${headers[@]}" -d "$spec" |
       python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])')
for target in "/data/foundation/flowservice/connectionSpecs/$id" /health; do
  echo "== GET $target (wrk -t2 -c$connections -d$duration)"
  wrk -t2 -c"$connections" -d"$duration" --latency -s bench/wrk_headers.lua "$base$target" |
    grep -E 'Requests/sec|50%|99%|Non-2xx'
done
