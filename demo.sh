#!/usr/bin/env bash
# The demo: the sample origin on http://127.0.0.1:8081 and an edge node with the sample functions of
# config/edge.json on http://127.0.0.1:8080. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build EdgeCompute.sln -c Release -v quiet -nologo
dotnet run --no-build -c Release --project src/Origin.Sample -- --urls http://127.0.0.1:8081 &
origin=$!
trap 'kill "$origin" 2>/dev/null; wait "$origin" 2>/dev/null' EXIT INT TERM
dotnet run --no-build -c Release --project src/EdgeNode -- --config config/edge.json --urls http://127.0.0.1:8080
