#!/usr/bin/env bash
# What metrics and function logging add to the request path (issue 7: at most 3 %). The same node runs
# "on" (Metrics:Enabled, function log lines written to the node's log at Information and, with a
# regional origin, shipped to it) and "off" (no metrics, function logs at None, no shipping), on three
# paths:
#   cache-hit   a 1 KB cache hit, no function (standalone node, config file)
#   function    a trivial viewer-request function, no-store origin answer (standalone node)
#   regional    the same function deployed through the regional registry, so that its REPORT lines are
#               also shipped (and its usage metered, on and off alike)
# Each path runs an "on" and an "off" node side by side, both pinned to core 0 and each driven by its
# own wrk on core 1 (with the sample origin) at the same time, so that whatever else the machine does
# falls on both alike; the figure compared is each node's CPU time per request answered. Every round
# starts fresh processes (the two swap ports each round) with their own warm-up; with several rounds
# on/off is the median of the rounds' own ratios (each round's two nodes shared the same minutes, while
# the machine's speed drifts between rounds), beside the medians of each node's figures. Ports 18081 and 18090-18091 keep clear of the demo ports.
#   benchmarks/load/run-metrics.sh [warmup-seconds=20] [measure-seconds=15] [connections=32] [rounds=1]
# RATE=1500 offers each node that many requests a second (h2load) instead of running both flat out (wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
warmup=${1:-20}; measure=${2:-15}; connections=${3:-32}; rounds=${4:-1}
origin_port=18081; port=18090
node_key=bench-node-key; api_key=bench-api-key
command -v wrk >/dev/null || { echo "wrk is not installed" >&2; exit 1; }
[[ -z ${RATE:-} ]] || command -v h2load >/dev/null || { echo "RATE needs h2load (apt-get install nghttp2-client)" >&2; exit 1; }
for project in src/EdgeNode/EdgeNode.csproj src/Origin.Sample/Origin.Sample.csproj src/EdgeCli/EdgeCli.csproj; do
  dotnet build "$project" -c Release -v quiet -nologo >/dev/null
done

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
cat > "$work/edge-regional.json" <<JSON
{
  "Logging": { "LogLevel": { "Default": "Warning" } },
  "Runtime": { "NodeId": "bench" },
  "Regional": { "Url": "http://127.0.0.1:$origin_port", "NodeKey": "$node_key" },
  "distributions": []
}
JSON
cat > "$work/distribution.json" <<JSON
{
  "id": "EBENCHREGIONAL",
  "aliases": ["127.0.0.1"],
  "origins": [{ "id": "origin", "domainName": "127.0.0.1", "port": $origin_port, "protocol": "http" }],
  "cacheBehaviors": [{ "pathPattern": "*", "originId": "origin", "functions": { "viewer-request": { "name": "trivial", "qualifier": "live" } } }]
}
JSON

# Idle thread-pool workers spin before they sleep, and a node that waits on its origin more than the
# other would be charged for it: without the spin, CPU time is the work done. The origin too: its
# workers' spinning (sched_yield) took a quarter of its CPU on core 1, beside the two wrk, and with it
# core 1 became the limit on the regional path (core 0 idle up to 17 %). The default runtime
# needs about 420 s of warm-up here before its JIT settles (two nodes share a core; after 90 s the
# tiering thread still takes 6-8 % of each node's CPU, and the node with more code to tier up reads
# dearer). DOTNET_TieredCompilation=0 is the quick way to compare two builds with a short warm-up, but
# it keeps the framework on its precompiled code and turns dynamic PGO off: a request then costs about
# twice what it does in the default runtime, so it is not the figure an operator's node shows.
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0

# The sample origin is also the regional registry: one account, one node key, the trivial function at
# version 1 behind the alias live, and the distribution that runs it.
taskset -c 1 dotnet src/Origin.Sample/bin/Release/net10.0/Origin.Sample.dll --urls "http://127.0.0.1:$origin_port" \
  --Logging:LogLevel:Default=Warning --Registry:DataDirectory "$work/registry" \
  --Registry:Accounts:0:Id 111111111111 --Registry:Accounts:0:Name bench --Registry:Accounts:0:ApiKey "$api_key" \
  --Registry:NodeKeys:0 "$node_key" >/dev/null &
origin_pid=$!
pids+=("$origin_pid")
source benchmarks/load/common.sh
wait_for_port "$origin_port"
edge() { EDGE_REGISTRY_URL="http://127.0.0.1:$origin_port" EDGE_API_KEY="$api_key" dotnet src/EdgeCli/bin/Release/net10.0/edge.dll "$@" >/dev/null; }
edge functions deploy benchmarks/load/functions/trivial --name trivial
edge functions publish trivial
edge aliases set trivial live 1
edge distributions apply "$work/distribution.json"

# One path: an "on" and an "off" node side by side on core 0, each driven by its own wrk on core 1 at the
# same time, so that whatever else the machine does falls on both alike. What each node adds per request
# is its CPU time (user + system, from /proc) over the requests it answered in the measured window.
declare -A cost rps idle origin_cost
# ON_SETTINGS / OFF_SETTINGS replace the two nodes' settings, to weigh one part at a time.
# OFF_DLL runs the "off" node from another build (an EdgeNode.dll built Release in a git worktree of an
# earlier commit), to weigh a change: give both nodes the same settings, and on/off is new/old.
on_settings=${ON_SETTINGS:---Metrics:Enabled=true --Logging:LogLevel:EdgeCompute.FunctionLogs=Information --Logs:Enabled=true}
off_settings=${OFF_SETTINGS:---Metrics:Enabled=false --Logging:LogLevel:EdgeCompute.FunctionLogs=None --Logs:Enabled=false}
ticks=$(getconf CLK_TCK)
start_node() { # config, on|off, port -> pid
  local config=$1 state=$2 node_port=$3 settings
  if [[ $state == on ]]; then read -ra settings <<< "$on_settings"; else read -ra settings <<< "$off_settings"; fi
  rm -rf "$work/node-$state"
  local dll=src/EdgeNode/bin/Release/net10.0/EdgeNode.dll
  [[ $state == off && -n ${OFF_DLL:-} ]] && dll=$OFF_DLL
  taskset -c 0 dotnet "$dll" --config "$work/$config" --urls "http://127.0.0.1:$node_port" \
    --Runtime:NodeId="bench-$state" --Regional:DataDirectory="$work/node-$state" --Metering:SpoolDirectory="$work/node-$state/spool" \
    "${settings[@]}" >/dev/null 2>"/tmp/metrics-$state.err" &
  echo $!
}
# The load on one node for some seconds, its summary in wrk's words ("N requests in", "Requests/sec:"):
# wrk, each connection sending its next request as soon as the last is answered, so that the two nodes
# run flat out; or, with RATE set, h2load offering RATE requests a second to each node, so that the two
# are compared at the same load. Flat out, a node that spends a little more per request also gets fewer
# requests answered in the same time; at one rate, the figure is what the same requests cost each.
load() { # seconds, url, output file
  if [[ -n ${RATE:-} ]]; then
    taskset -c 1 h2load --h1 -t1 -c"$connections" --rps="$(( RATE / connections ))" -D "$1" "$2" |
      awk '/^requests:/ { done = $8 } /^status codes:/ { ok = $3 } /^finished in/ { rate = $4 }
        END { printf "  %d requests in\nRequests/sec: %s\n", done, rate; if (ok != done) print "Non-2xx" }' > "$3"
  else
    taskset -c 1 wrk -t1 -c"$connections" -d"${1}s" "$2" > "$3"
  fi
}
core0_idle() { awk '$1 == "cpu0" { print $5 + $6 }' /proc/stat; }
run() { # name, config, url path, port of the "on" node (the "off" node takes the other)
  local name=$1 config=$2 path=$3 on_port=$4 off_port
  off_port=$(( on_port == port ? port + 1 : port ))
  local on_pid off_pid
  on_pid=$(start_node "$config" on "$on_port"); off_pid=$(start_node "$config" off "$off_port")
  pids+=("$on_pid" "$off_pid")
  wait_for_port "$on_port"; wait_for_port "$off_port"
  # A regional node answers once its first snapshot is in.
  for p in "$on_port" "$off_port"; do
    for _ in $(seq 1 50); do
      [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$p$path") == 200 ]] && break
      sleep 0.2
    done
  done
  load "$warmup" "http://127.0.0.1:$on_port$path" /dev/null &
  local warm_on=$!
  load "$warmup" "http://127.0.0.1:$off_port$path" /dev/null
  wait "$warm_on"; sleep 1
  local on_before off_before
  on_before=$(cpu_ticks "$on_pid"); off_before=$(cpu_ticks "$off_pid"); idle_before=$(core0_idle)
  local origin_before; origin_before=$(cpu_ticks "$origin_pid")
  load "$measure" "http://127.0.0.1:$on_port$path" "/tmp/wrk-metrics-$name-on.txt" &
  local wrk_on=$!
  load "$measure" "http://127.0.0.1:$off_port$path" "/tmp/wrk-metrics-$name-off.txt"
  wait "$wrk_on"
  local on_cpu=$(( $(cpu_ticks "$on_pid") - on_before )) off_cpu=$(( $(cpu_ticks "$off_pid") - off_before ))
  local origin_cpu=$(( $(cpu_ticks "$origin_pid") - origin_before ))
  idle[$name]+="$(awk -v i="$(( $(core0_idle) - idle_before ))" -v t="$ticks" -v s="$measure" 'BEGIN { printf "%.0f", 100 * i / t / s }') "
  for state in on off; do
    grep -q 'Non-2xx' "/tmp/wrk-metrics-$name-$state.txt" && echo "$name $state: non-2xx answers" >&2
    local requests cpu
    requests=$(awk '/requests in/ { print $1 }' "/tmp/wrk-metrics-$name-$state.txt")
    cpu=$([[ $state == on ]] && echo "$on_cpu" || echo "$off_cpu")
    # microseconds of node CPU per request
    cost[$name:$state]+="$(awk -v c="$cpu" -v t="$ticks" -v r="$requests" 'BEGIN { printf "%.3f", c / t * 1e6 / r }') "
    rps[$name:$state]+="$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "/tmp/wrk-metrics-$name-$state.txt") "
  done
  # The origin (also the regional registry) on core 1: its CPU time over both nodes' requests, which on
  # the regional path includes storing the "on" node's shipped lines.
  origin_cost[$name]+="$(cat "/tmp/wrk-metrics-$name-on.txt" "/tmp/wrk-metrics-$name-off.txt" |
    awk -v c="$origin_cpu" -v t="$ticks" '/requests in/ { r += $1 } END { printf "%.3f", c / t * 1e6 / r }') "
  # Started from a subshell, the nodes are not this shell's children: wait until they are gone.
  kill "$on_pid" "$off_pid"
  while kill -0 "$on_pid" 2>/dev/null || kill -0 "$off_pid" 2>/dev/null; do sleep 0.2; done
}

cache_path='/cacheable/kb1?cc=public,max-age=600&etag=bench&bytes=1024'
paths=${PATHS:-cache-hit function regional}   # PATHS picks some of them
for round in $(seq 1 "$rounds"); do
  # The nodes swap ports every round.
  on_port=$(( round % 2 ? port : port + 1 ))
  [[ " $paths " == *" cache-hit "* ]] && run cache-hit edge-cache.json "$cache_path" "$on_port"
  [[ " $paths " == *" function "* ]] && run function edge-fn.json /api/time "$on_port"
  [[ " $paths " == *" function-hit "* ]] && run function-hit edge-fn.json "$cache_path" "$on_port"
  [[ " $paths " == *" regional "* ]] && run regional edge-regional.json /api/time "$on_port"
done

printf '%-10s %9s %9s %8s   %s\n' path 'on µs' 'off µs' 'on/off' 'node CPU per request (µs, on | off); req/s (on | off); core 0 idle; origin CPU per request (µs)'
for name in $paths; do
  on=$(echo "${cost[$name:on]}" | median); off=$(echo "${cost[$name:off]}" | median)
  ratio=$(paste <(echo "${cost[$name:on]}" | tr ' ' '\n' | grep .) <(echo "${cost[$name:off]}" | tr ' ' '\n' | grep .) |
    awk '{ printf "%.4f ", $1 / $2 }' | median)
  awk -v n="$name" -v on="$on" -v off="$off" -v r="$ratio" -v runs="${cost[$name:on]}| ${cost[$name:off]}; ${rps[$name:on]}| ${rps[$name:off]}; idle % ${idle[$name]}; origin µs ${origin_cost[$name]}" \
    'BEGIN { printf "%-10s %9.2f %9.2f %8.3f   %s\n", n, on, off, r, runs }'
done
