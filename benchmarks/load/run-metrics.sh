#!/usr/bin/env bash
# Overhead of the node's metrics on the request path (issue 7: metrics and logging may add at most 3 %):
# the same node with Metrics:Enabled true and false, in one run, on the cache hit path (1 KB) and on a
# function path (trivial viewer-request function, no-store origin answer). The node is pinned to core
# 0, wrk to core 1 with the sample origin; on and off alternate per path, each process with its own
# warm-up. Ports 18081/18090 keep clear of the demo ports (8081, 8090) other work may be using.
#   benchmarks/load/run-metrics.sh [warmup-seconds=20] [measure-seconds=15] [connections=32] [rounds=1]
# With several rounds, each path alternates on/off per round (the order flips every round) and the
# medians are compared: identical servers measured back to back here differ by several per cent.
set -euo pipefail
cd "$(dirname "$0")/../.."
warmup=${1:-20}; measure=${2:-15}; connections=${3:-32}; rounds=${4:-1}
origin_port=18081; port=18090
command -v wrk >/dev/null || { echo "wrk is not installed" >&2; exit 1; }
dotnet build src/EdgeNode/EdgeNode.csproj -c Release -v quiet -nologo >/dev/null
dotnet build src/Origin.Sample/Origin.Sample.csproj -c Release -v quiet -nologo >/dev/null

work=$(mktemp -d /tmp/edge-metrics-bench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The load configs, pointed at this run's origin port; functions/ sits beside them as the node expects.
cp -r benchmarks/load/functions "$work/"
sed "s/\"port\": 8081/\"port\": $origin_port/" benchmarks/load/edge-cache.json > "$work/edge-cache.json"
sed "s/\"port\": 8081/\"port\": $origin_port/" benchmarks/load/edge-fn.json > "$work/edge-fn.json"

source benchmarks/load/common.sh
start_origin "$origin_port"

declare -A rps
run() { # name, config, metrics on/off, url path
  local name=$1 config=$2 enabled=$3 path=$4
  taskset -c 0 dotnet src/EdgeNode/bin/Release/net10.0/EdgeNode.dll --config "$work/$config" --urls "http://127.0.0.1:$port" \
    --Metrics:Enabled="$enabled" >/dev/null 2>"/tmp/metrics-$name-$enabled.err" &
  local pid=$!
  pids+=("$pid")
  wait_for_port "$port"
  local url="http://127.0.0.1:$port$path"
  curl -s -o /dev/null "$url"
  taskset -c 1 wrk -t1 -c"$connections" -d"${warmup}s" "$url" >/dev/null
  taskset -c 1 wrk -t1 -c"$connections" -d"${measure}s" --latency "$url" > "/tmp/wrk-metrics-$name-$enabled.txt"
  grep -q 'Non-2xx' "/tmp/wrk-metrics-$name-$enabled.txt" && echo "$name metrics=$enabled: non-2xx answers" >&2
  rps[$name:$enabled]+="$(awk '/Requests\/sec/ { print $2 }' "/tmp/wrk-metrics-$name-$enabled.txt") "
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

cache_path='/cacheable/kb1?cc=public,max-age=600&etag=bench&bytes=1024'
for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then first=true second=false; else first=false second=true; fi
  run cache-hit edge-cache.json "$first" "$cache_path"
  run cache-hit edge-cache.json "$second" "$cache_path"
  run function edge-fn.json "$second" /api/time
  run function edge-fn.json "$first" /api/time
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '%-10s %12s %12s %8s   %s\n' path metrics-on metrics-off on/off 'runs (req/s, on | off)'
for name in cache-hit function; do
  on=$(echo "${rps[$name:true]}" | median); off=$(echo "${rps[$name:false]}" | median)
  awk -v n="$name" -v on="$on" -v off="$off" -v runs="${rps[$name:true]}| ${rps[$name:false]}" \
    'BEGIN { printf "%-10s %12.0f %12.0f %8.3f   %s\n", n, on, off, on / off, runs }'
done
