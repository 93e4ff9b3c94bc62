# Sourced by the load scripts (from the repository root): the sample origin on core 1, and waiting
# for the server under test to listen. Both use the caller's pids array, which its cleanup kills.

start_origin() { # port
  taskset -c 1 dotnet src/Origin.Sample/bin/Release/net10.0/Origin.Sample.dll --urls "http://127.0.0.1:$1" \
    --Logging:LogLevel:Default=Warning >/dev/null &
  pids+=($!)
  sleep 3
}

wait_for_port() { # port
  for _ in $(seq 1 50); do
    curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0
    sleep 0.2
  done
  echo "nothing listens on $1" >&2; return 1
}
