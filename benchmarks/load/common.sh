# Sourced by the load scripts (from the repository root): the sample origin on core 1, waiting for the
# server under test to listen (both use the caller's pids array, which its cleanup kills), a process's
# CPU time, and the median of a list.

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

cpu_ticks() { # pid -> its CPU time so far (user + system) in clock ticks
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

median() { # numbers separated by spaces on standard input -> their median
  tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
