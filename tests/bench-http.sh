#!/usr/bin/env bash
# HTTP load benchmark against the release build: /healthz as the baseline, a month of
# slots, and bookings (each request a different slot). Prints wrk's latency
# distribution; the figures go into BENCHMARKS.md.
#
#   tests/bench-http.sh [DURATION]       e.g. tests/bench-http.sh 10s
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${1:-10s}
connections=64
threads=2

if ! command -v wrk >/dev/null 2>&1; then
    apt-get update -qq && { apt-get install -y -qq wrk || apt-get install -y -qq wrk; }
fi
cargo build --release --locked --quiet

dir=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
bin=target/release/kairos
printf '' > "$dir/kairos.toml"
k() { "$bin" --data-dir "$dir/data" --config "$dir/kairos.toml" "$@"; }

echo "bench-owner-passphrase-1" | k admin create --email owner@bench.example --name "Bench Owner" --password-stdin >/dev/null
key=$(k apikey create --user owner@bench.example 2>/dev/null)
KAIROS_LOG_LEVEL=warn KAIROS_BOOKING_RATE_LIMIT_PER_HOUR=0 KAIROS_API_RATE_LIMIT_PER_MINUTE=0 "$bin" --data-dir "$dir/data" --config "$dir/kairos.toml" serve --listen "127.0.0.1:$port" > "$dir/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 100); do curl -fs "$base/readyz" >/dev/null && break; sleep 0.05; done

api() { curl -fsS -H "Authorization: Bearer $key" -H 'Content-Type: application/json' "$@"; }
all_day='[{"start":"00:00","end":"24:00"}]'
api -X POST "$base/api/v1/schedules" -d "{\"name\":\"Always\",\"timeZone\":\"UTC\",\"isDefault\":true,
  \"weekly\":{\"monday\":$all_day,\"tuesday\":$all_day,\"wednesday\":$all_day,\"thursday\":$all_day,
  \"friday\":$all_day,\"saturday\":$all_day,\"sunday\":$all_day}}" >/dev/null
slots_id=$(api -X POST "$base/api/v1/event-types" -d '{"title":"Month","slug":"month","durationsMinutes":[15]}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])')
book_id=$(api -X POST "$base/api/v1/event-types" -d '{"title":"Load","slug":"load","durationsMinutes":[15]}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])')

# A month of 15-minute slots around the clock: 2,976 slots, with 300 bookings in it. The
# bookings are made with the host's key: a host booking their own event type is not held
# by the hourly caps per event type and host (30 and 60 by default).
month_start=$(date -u -d 'tomorrow 00:00' +%Y-%m-%d)
month_end=$(date -u -d "$month_start + 30 days" +%Y-%m-%d)
for i in $(seq 0 299); do
    start=$(date -u -d "$month_start + $((i * 135)) minutes" +%Y-%m-%dT%H:%M:00Z)
    api -o /dev/null -X POST "$base/api/v1/bookings" \
        -d "{\"eventTypeId\":$slots_id,\"start\":\"$start\",\"attendee\":{\"name\":\"Busy\",\"email\":\"busy$i@example.org\",\"timeZone\":\"UTC\"}}"
done
slots_url="$base/api/v1/slots?eventTypeId=$slots_id&start=$month_start&end=$month_end&timeZone=Europe/Berlin"
echo "slots in the month: $(curl -fsS "$slots_url" | python3 -c 'import json,sys; print(sum(len(v) for v in json.load(sys.stdin)["data"].values()))')"

run() {
    local name=$1
    shift
    echo
    echo "== $name (wrk -t$threads -c$connections -d$duration)"
    wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@" | grep -E 'Latency|50%|90%|99%|Requests/sec|requests in|Non-2xx|not created'
}

run "GET /healthz (baseline)" "$base/healthz"
run "GET /api/v1/slots (1 host, 31 days, 15-minute slots, 300 bookings; one URL)" "$slots_url"
run "GET /api/v1/slots (the same, every request computed: no cache hits)" -s tests/load/slots-uncached.lua "$slots_url"
first_slot=$(date -u -d "$month_end + 1 day" +%s)
EVENT_TYPE_ID=$book_id FIRST_SLOT=$first_slot THREADS=$threads API_KEY=$key \
    run "POST /api/v1/bookings (a new slot each)" -s tests/load/book.lua "$base/api/v1/bookings"
echo
echo "bookings stored: $(api "$base/api/v1/bookings?take=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["pagination"]["total"])')"
