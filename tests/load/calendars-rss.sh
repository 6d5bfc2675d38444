#!/usr/bin/env bash
# Idle memory of a server with 20 connected calendars (ICS feeds of ~200 events each, a
# third of them recurring, served by `python3 -m http.server` on loopback) beside the same
# server without calendars, measured in the same run. Figures are in BENCHMARKS.md.
#
#   tests/load/calendars-rss.sh [KAIROS_BINARY] [ROUNDS]   (default: builds the release binary; 2 rounds)
#
# Each round prepares two fresh data dirs with `outbound_allow_loopback = true` and an
# owner (`kairos admin create`). In one, the 20 feeds are connected through the library's
# `accounts::connect` (the helper mode of `benches/calendars.rs`, run while no server
# holds the data dir), which plans each feed's first sync. Then each server starts; the
# one with calendars is measured once its worker has fetched every feed, the other at the
# same point after /readyz; both 5 s later: VmRSS and VmHWM of the server process.
# After each server stops, the helper prints what the replica holds.
set -euo pipefail
cd "$(dirname "$0")/../.."

FEEDS=20
EVENTS=200
SETTLE=5
target=${CARGO_TARGET_DIR:-target}
bin=${1:-}
rounds=${2:-2}
if [ -z "$bin" ]; then
    cargo build --release --locked --bin kairos
    bin=$target/release/kairos
fi
[ -x "$bin" ] || { echo "no binary at $bin" >&2; exit 1; }
helper=$(cargo bench --locked --bench calendars --no-run 2>&1 \
    | sed -n 's/.*Executable .*(\(.*\)).*/\1/p' | tail -n 1)
[ -x "$helper" ] || { echo "cannot find the calendars bench binary" >&2; exit 1; }

work=$(mktemp -d)
server=
feed_server=
cleanup() {
    for pid in $server $feed_server; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for() {
    for _ in $(seq 300); do
        curl --silent --fail --max-time 1 "$1" >/dev/null 2>&1 && return 0
        sleep 0.05
    done
    echo "$1 did not answer" >&2
    exit 1
}

"$helper" write-feeds "$work/feeds" "$FEEDS" "$EVENTS"
feed_port=$(free_port)
(cd "$work/feeds" && exec python3 -m http.server --bind 127.0.0.1 "$feed_port") \
    >/dev/null 2>"$work/feeds.log" &
feed_server=$!
wait_for "http://127.0.0.1:$feed_port/feed-00.ics"
urls=()
for i in $(seq 0 $((FEEDS - 1))); do
    urls+=("http://127.0.0.1:$feed_port/feed-$(printf %02d "$i").ics")
done
fetches() { grep -c '"GET /feed-' "$work/feeds.log" || true; }

# `prepare DIR FEEDS`: a data dir with an owner and FEEDS feeds connected.
prepare() {
    local dir=$1 count=$2
    mkdir -p "$dir"
    printf 'data_dir = "%s"\noutbound_allow_loopback = true\n' "$dir/data" >"$dir/kairos.toml"
    echo "bench-owner-passphrase-1" | "$bin" --config "$dir/kairos.toml" admin create \
        --email owner@bench.example --name "Bench Owner" --password-stdin >/dev/null
    if [ "$count" -gt 0 ]; then
        "$helper" connect-feeds "$dir/kairos.toml" owner@bench.example "${urls[@]:0:$count}" >/dev/null
    fi
}

# `status_kib PID FIELD`
status_kib() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }

# `measure DIR FEEDS`: starts the server, waits for its syncs, prints "VmRSS VmHWM" in KiB.
measure() {
    local dir=$1 count=$2 port before
    port=$(free_port)
    before=$(fetches)
    KAIROS_LOG_LEVEL=warn "$bin" --config "$dir/kairos.toml" serve --listen "127.0.0.1:$port" \
        >"$dir/serve.log" 2>&1 &
    server=$!
    wait_for "http://127.0.0.1:$port/readyz"
    for _ in $(seq 600); do
        [ "$(fetches)" -ge $((before + count)) ] && break
        sleep 0.1
    done
    [ "$(fetches)" -ge $((before + count)) ] || { echo "the feeds were not all fetched" >&2; exit 1; }
    sleep "$SETTLE"
    echo "$(status_kib "$server" VmRSS) $(status_kib "$server" VmHWM)"
    kill "$server"
    wait "$server" 2>/dev/null || true
    server=
}

echo "date: $(date -u '+%F %T UTC'); load: $(uptime | sed 's/.*load average/load average/')"
echo "round | server | VmRSS | VmHWM | replica after the run"
for round in $(seq "$rounds"); do
    for count in 0 "$FEEDS"; do
        dir=$work/round-$round-$count
        prepare "$dir" "$count"
        measure "$dir" "$count" >"$dir/rss"
        read -r rss hwm <"$dir/rss"
        replica=$("$helper" replica "$dir/kairos.toml")
        printf '%s | %s calendars | %.1f MiB | %.1f MiB | %s\n' "$round" "$count" \
            "$(echo "$rss / 1024" | bc -l)" "$(echo "$hwm / 1024" | bc -l)" "$replica"
    done
done
echo "load at the end: $(uptime | sed 's/.*load average/load average/')"
