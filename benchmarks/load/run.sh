#!/usr/bin/env bash
# Load runs on loopback: plain YARP, the edge node without functions, and the edge node with one
# trivial viewer-request function, each in front of the sample origin, measured with wrk in one run.
# The server under test is pinned to core 0; the origin and wrk share core 1. Each server gets a
# warm-up (the JIT needs 60-120 s of load to settle) before a measured run.
#   benchmarks/load/run.sh [warmup-seconds=90] [measure-seconds=30] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/../.."
warmup=${1:-90}; measure=${2:-30}; connections=${3:-32}
# no-store: every request goes to the origin, so that the proxy and the function are measured, not the cache.
url_path=/api/time
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
dotnet build EdgeCompute.sln -c Release -v quiet -nologo >/dev/null
dotnet build benchmarks/PlainYarp -c Release -v quiet -nologo >/dev/null

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

taskset -c 1 dotnet src/Origin.Sample/bin/Release/net10.0/Origin.Sample.dll --urls http://127.0.0.1:8081 --Logging:LogLevel:Default=Warning >/dev/null &
pids+=($!)
sleep 3

run() { # name, command...
  local name=$1; shift
  taskset -c 0 "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep 4
  taskset -c 1 wrk -t1 -c"$connections" -d"${warmup}s" "http://127.0.0.1:8090$url_path" >/dev/null
  local rps
  rps=$(taskset -c 1 wrk -t1 -c"$connections" -d"${measure}s" --latency "http://127.0.0.1:8090$url_path" | tee "/tmp/wrk-$name.txt" | awk '/Requests\/sec/ { print $2 }')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$name $rps"
}

yarp=$(run plain-yarp dotnet benchmarks/PlainYarp/bin/Release/net10.0/PlainYarp.dll --urls http://127.0.0.1:8090)
nofn=$(run node-no-function dotnet src/EdgeNode/bin/Release/net10.0/EdgeNode.dll --config benchmarks/load/edge-nofn.json --urls http://127.0.0.1:8090)
fn=$(run node-viewer-request dotnet src/EdgeNode/bin/Release/net10.0/EdgeNode.dll --config benchmarks/load/edge-fn.json --urls http://127.0.0.1:8090)
echo "$yarp"; echo "$nofn"; echo "$fn"
awk -v y="${yarp#* }" -v n="${nofn#* }" -v f="${fn#* }" 'BEGIN {
  printf "node without function / plain YARP: %.2f\n", n / y
  printf "node with viewer-request function / node without: %.2f\n", f / n
  printf "node with viewer-request function / plain YARP: %.2f\n", f / y }'
