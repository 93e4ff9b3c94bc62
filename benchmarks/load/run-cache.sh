#!/usr/bin/env bash
# Load runs of the cache hit path on loopback (issue 3): the edge node answering from its cache,
# against Kestrel serving the same bytes from a dictionary (benchmarks/DictionaryServer, no cache
# logic) and against nginx's proxy_cache hit, for 1 KB and 64 KB bodies, measured with wrk in one run.
# The server under test is pinned to core 0; wrk runs on core 1, where the sample origin sits idle
# once the caches are primed. Every server gets a warm-up per body size (the .NET servers need about
# 60 s of load before the JIT settles) before a measured run.
#   benchmarks/load/run-cache.sh [warmup-seconds=60] [measure-seconds=20] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/../.."
warmup=${1:-60}; measure=${2:-20}; connections=${3:-32}
port=8090
# public: nginx caches only what the origin lets a shared cache keep; etag: a hit carries a validator.
query='cc=public,max-age=600&etag=bench'
sizes=(kb1:1024 kb64:65536)
command -v wrk >/dev/null && command -v nginx >/dev/null ||
  { apt-get update -qq && apt-get install -y -qq wrk nginx >/dev/null; }
dotnet build EdgeCompute.sln -c Release -v quiet -nologo >/dev/null

nginx_prefix=$(mktemp -d /tmp/edge-nginx.XXXXXX)
# nginx started as root hands its workers to nobody, who must reach the cache directory.
chmod 755 "$nginx_prefix"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$nginx_prefix"
}
trap cleanup EXIT

source benchmarks/load/common.sh
start_origin 8081

declare -A rps
run() { # name, command...
  local name=$1; shift
  taskset -c 0 "$@" >/dev/null 2>"/tmp/cache-$name.err" &
  local pid=$!
  pids+=("$pid")
  wait_for_port "$port"
  local size path url
  for size in "${sizes[@]}"; do
    path=/cacheable/${size%%:*}
    url="http://127.0.0.1:$port$path?$query&bytes=${size#*:}"
    # Prime: the first request fills the cache, the second shows what every later one gets.
    curl -s -o /dev/null "$url"
    echo "$name $path: $(curl -s -D - -o /dev/null "$url" | tr -d '\r' | grep -i '^x-cache:' || echo 'no X-Cache')" >&2
    taskset -c 1 wrk -t1 -c"$connections" -d"${warmup}s" "$url" >/dev/null
    taskset -c 1 wrk -t1 -c"$connections" -d"${measure}s" --latency "$url" > "/tmp/wrk-cache-$name-${size%%:*}.txt"
    grep -q 'Non-2xx' "/tmp/wrk-cache-$name-${size%%:*}.txt" && echo "$name $path: non-2xx answers, see /tmp/wrk-cache-$name-${size%%:*}.txt" >&2
    rps[$name:${size%%:*}]=$(awk '/Requests\/sec/ { print $2 }' "/tmp/wrk-cache-$name-${size%%:*}.txt")
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

run dictionary dotnet benchmarks/DictionaryServer/bin/Release/net10.0/DictionaryServer.dll --urls "http://127.0.0.1:$port"
run edge dotnet src/EdgeNode/bin/Release/net10.0/EdgeNode.dll --config benchmarks/load/edge-cache.json --urls "http://127.0.0.1:$port"
run nginx nginx -e stderr -p "$nginx_prefix/" -c "$PWD/benchmarks/load/nginx-cache.conf"

printf '%-6s %12s %12s %12s %10s %10s\n' body dictionary edge nginx edge/dict edge/nginx
for size in "${sizes[@]}"; do
  s=${size%%:*}
  awk -v s="$s" -v d="${rps[dictionary:$s]}" -v e="${rps[edge:$s]}" -v n="${rps[nginx:$s]}" \
    'BEGIN { printf "%-6s %12.0f %12.0f %12.0f %10.2f %10.2f\n", s, d, e, n, e / d, e / n }'
done
