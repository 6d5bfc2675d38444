#!/usr/bin/env bash
# Measures a kairos binary the way BENCHMARKS.md reports it: cold start to /readyz on an
# empty data dir (median of RUNS starts), and idle RSS a few seconds after start.
#
#   packaging/bench-startup.sh [BINARY] [RUNS]   (default: the x86_64 release binary, 20)
#
# Each run starts `kairos serve` on a new, empty data dir (so the time includes creating
# the database, migrating it and writing the key) and polls /readyz every 2 ms.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
BINARY=${1:-artifacts/kairos-$VERSION-x86_64-unknown-linux-musl}
RUNS=${2:-20}
[ -x "$BINARY" ] || { echo "no binary at $BINARY" >&2; exit 1; }

work=$(mktemp -d)
pid=
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
: >"$work/empty.toml"

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    local data=$1 port=$2
    "$BINARY" serve --config "$work/empty.toml" --data-dir "$data" --listen "127.0.0.1:$port" \
        >/dev/null 2>&1 &
    pid=$!
}

stop() {
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=
}

times=()
for run in $(seq "$RUNS"); do
    port=$(free_port)
    t0=$(date +%s%N)
    start "$work/data-$run" "$port"
    until curl --silent --fail --max-time 1 "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
        kill -0 "$pid" 2>/dev/null || { echo "kairos exited" >&2; exit 1; }
        sleep 0.002
    done
    times+=($(( ($(date +%s%N) - t0) / 1000 )))
    stop
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(printf '%s\n' "$sorted" | awk -v n="$RUNS" 'NR == int((n + 1) / 2) { print }')
min=$(printf '%s\n' "$sorted" | head -n 1)
max=$(printf '%s\n' "$sorted" | tail -n 1)
awk -v n="$RUNS" -v med="$median" -v lo="$min" -v hi="$max" 'BEGIN {
    printf "cold start to /readyz (empty data dir, %d runs): median %.1f ms (min %.1f, max %.1f)\n", n, med / 1000, lo / 1000, hi / 1000
}'

port=$(free_port)
start "$work/data-idle" "$port"
until curl --silent --fail "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do sleep 0.01; done
curl --silent "http://127.0.0.1:$port/login" >/dev/null
sleep 3
rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")
awk -v rss="$rss" -v hwm="$hwm" 'BEGIN {
    printf "idle RSS 3 s after start and one page: %.1f MiB (peak %.1f MiB)\n", rss / 1024, hwm / 1024
}'
stop
echo "binary: $BINARY ($(stat -c %s "$BINARY") bytes)"
