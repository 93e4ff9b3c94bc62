#!/usr/bin/env bash
# A regional origin with two edge nodes: the registry and sample content on http://127.0.0.1:8081
# (data in data/regional), edge nodes on http://127.0.0.1:8180 and :8181 syncing from it (their last
# snapshots in data/edge-1 and data/edge-2). Ctrl-C stops all three. README: "A regional origin with
# two nodes" deploys a function to them with the edge CLI.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build EdgeCompute.sln -c Release -v quiet -nologo
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null' EXIT INT TERM
dotnet run --no-build -c Release --project src/Origin.Sample -- --urls http://127.0.0.1:8081 \
  --Registry:DataDirectory data/regional \
  --Registry:Accounts:0:Id 111111111111 --Registry:Accounts:0:Name demo --Registry:Accounts:0:ApiKey demo-api-key \
  --Registry:NodeKeys:0 demo-node-key &
pids+=($!)
dotnet run --no-build -c Release --project src/EdgeNode -- --config config/regional/edge-1.json &
pids+=($!)
dotnet run --no-build -c Release --project src/EdgeNode -- --config config/regional/edge-2.json &
pids+=($!)
wait -n
