#!/usr/bin/env bash
# What storing a shipped function log line costs the regional origin: a fresh Origin.Sample on core 1,
# batches of 500 lines shaped like a node's posted to POST /v1/edge/logs from core 0, the origin's CPU
# time (user + system, from /proc) over the lines of each measured window. Two kinds of request id, in
# turns within the run: "random" (40 random bytes, the node's ids before) and "time" (Unix milliseconds
# first, the node's ids now), so that the ratio compares the two on the same minutes of the machine.
#   benchmarks/load/run-log-ingest.sh [warm-batches=600] [window-batches=100] [windows=3] [rounds=2]
# The warm-up fills the store first (600 batches: 300,000 lines), since what a line costs grows with
# the index it lands in.
set -euo pipefail
cd "$(dirname "$0")/../.."
warm=${1:-600}; window=${2:-100}; windows=${3:-3}; rounds=${4:-2}
port=18181; node_key=bench-node-key
command -v python3 >/dev/null || { echo "python3 is not installed" >&2; exit 1; }
dotnet build src/Origin.Sample/Origin.Sample.csproj -c Release -v quiet -nologo >/dev/null

work=$(mktemp -d /tmp/edge-log-ingest.XXXXXX)
origin_pid=
cleanup() {
  [[ -n $origin_pid ]] && kill "$origin_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
source benchmarks/load/common.sh
ticks=$(getconf CLK_TCK)
# No thread-pool spinning: an idle worker's spin would be charged as work.
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0
post() { taskset -c 0 python3 benchmarks/load/post-log-batches.py "$port" "$node_key" "$@"; }

declare -A cost
for round in $(seq 1 "$rounds"); do
  for ids in random time; do
    rm -rf "$work/registry"
    taskset -c 1 dotnet src/Origin.Sample/bin/Release/net10.0/Origin.Sample.dll --urls "http://127.0.0.1:$port" \
      --Logging:LogLevel:Default=Warning --Registry:DataDirectory "$work/registry" --Registry:NodeKeys:0 "$node_key" >/dev/null &
    origin_pid=$!
    wait_for_port "$port"
    kill -0 "$origin_pid" 2>/dev/null || { echo "the origin did not start (is $port taken?)" >&2; exit 1; }
    post "$warm" --ids "$ids"
    for _ in $(seq 1 "$windows"); do
      before=$(cpu_ticks "$origin_pid")
      post "$window" --ids "$ids"
      after=$(cpu_ticks "$origin_pid")
      cost[$ids]+="$(awk -v c=$(( after - before )) -v t="$ticks" -v l=$(( window * 500 )) 'BEGIN { printf "%.1f", c / t * 1e6 / l }') "
    done
    kill "$origin_pid"; wait "$origin_pid" 2>/dev/null || true; origin_pid=
  done
done

random=$(echo "${cost[random]}" | median); time=$(echo "${cost[time]}" | median)
printf 'origin CPU per stored line (µs), median of the windows: random ids %s, time-first ids %s; time/random %s\n' \
  "$random" "$time" "$(awk -v a="$time" -v b="$random" 'BEGIN { printf "%.2f", a / b }')"
printf '  windows: random %s| time %s\n' "${cost[random]}" "${cost[time]}"
