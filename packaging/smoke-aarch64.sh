#!/usr/bin/env bash
# Smoke test of the aarch64 release binary under qemu-user, as a Raspberry Pi would run
# it: a fresh data dir, /readyz, the setup wizard over HTTP (curl with a cookie jar),
# signing in, and one booking over the API. Installs qemu-user-static and curl when missing.
#
#   packaging/smoke-aarch64.sh [BINARY]   (default: artifacts/kairos-V-aarch64-unknown-linux-musl)
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
BINARY=${1:-artifacts/kairos-$VERSION-aarch64-unknown-linux-musl}
EMAIL=owner@pi.example
PASSWORD=raspberry-orchard-lantern-7

[ -f "$BINARY" ] || { echo "no binary at $BINARY: run packaging/build-release.sh aarch64" >&2; exit 1; }
missing=()
command -v qemu-aarch64-static >/dev/null 2>&1 || missing+=(qemu-user-static)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
pid=
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*" >&2
    echo "--- server output ---" >&2
    cat "$work/server.log" >&2 || true
    exit 1
}

csrf_of() {
    sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$1" | head -n 1
}

# status URL [curl args...]: prints the HTTP status, keeps the body in $work/body.
status() {
    local url=$1
    shift
    curl --silent --output "$work/body" --write-out '%{http_code}' \
        --cookie "$work/jar" --cookie-jar "$work/jar" "$@" "$url"
}

echo "==> $(qemu-aarch64-static "$BINARY" --version) under qemu-aarch64-static"
file_type=$(od -An -tx1 -j18 -N2 "$BINARY" | tr -d ' ')
[ "$file_type" = "b700" ] || fail "$BINARY is not an aarch64 ELF binary (e_machine $file_type)"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
: >"$work/empty.toml"
start_ns=$(date +%s%N)
KAIROS_LOG_LEVEL=info qemu-aarch64-static "$BINARY" serve \
    --config "$work/empty.toml" --data-dir "$work/data" --listen "127.0.0.1:$port" \
    >"$work/server.log" 2>&1 &
pid=$!
base=http://127.0.0.1:$port

for _ in $(seq 600); do
    if curl --silent --fail "$base/readyz" >/dev/null 2>&1; then break; fi
    kill -0 "$pid" 2>/dev/null || fail "the server exited"
    sleep 0.1
done
curl --silent --fail "$base/readyz" >/dev/null || fail "/readyz did not answer within 60 s"
echo "ok: /readyz answers, $(( ($(date +%s%N) - start_ns) / 1000000 )) ms after start under emulation"

setup_url=$(grep -o "http://[^ ]*/setup?token=[0-9a-f]*" "$work/server.log" | head -n 1)
[ -n "$setup_url" ] || fail "no setup URL printed"
token=${setup_url##*token=}
echo "ok: the setup URL is printed"

run_setup() {
    [ "$(status "$base/setup?token=$token")" = 200 ] || fail "the setup page does not load"
    csrf=$(csrf_of "$work/body")
    [ -n "$csrf" ] || fail "no CSRF token on the setup page"
    code=$(status "$base/setup/admin" --data-urlencode "csrf=$csrf" --data-urlencode "token=$token" \
        --data-urlencode "name=Pat Pi" --data-urlencode "email=$EMAIL" \
        --data-urlencode "password=$PASSWORD" --data-urlencode "password_confirm=$PASSWORD")
    [ "$code" = 303 ] || fail "creating the owner answered $code"
    [ "$(status "$base/setup/instance")" = 200 ] || fail "the organization step does not load"
    csrf=$(csrf_of "$work/body")
    code=$(status "$base/setup/instance" --data-urlencode "csrf=$csrf" \
        --data-urlencode "organization_name=Pi Clinic" --data-urlencode "base_url=" \
        --data-urlencode "default_time_zone=Europe/Berlin" --data-urlencode "first_day_of_week=monday")
    [ "$code" = 303 ] || fail "saving the organization answered $code"
    echo "ok: setup completed over HTTP"
}

sign_in() {
    rm -f "$work/jar"
    [ "$(status "$base/login")" = 200 ] || fail "the sign-in page does not load"
    csrf=$(csrf_of "$work/body")
    code=$(status "$base/login" --data-urlencode "csrf=$csrf" --data-urlencode "email=$EMAIL" \
        --data-urlencode "password=$PASSWORD" --data-urlencode "next=")
    [ "$code" = 303 ] || fail "signing in answered $code"
    [ "$(status "$base/dashboard")" = 200 ] || fail "the dashboard does not load after signing in"
    grep -q "Pi Clinic" "$work/body" || fail "the dashboard does not show the organization"
    echo "ok: signed in and reached the dashboard"
}

# An API key from the host shell, an event type over the API, the first free slot, a
# booking of it; then the slot is gone and the booking is listed.
book_one_slot() {
    key=$(qemu-aarch64-static "$BINARY" apikey create --user "$EMAIL" \
        --config "$work/empty.toml" --data-dir "$work/data" 2>/dev/null) || fail "apikey create failed"
    api() { curl --silent --show-error --fail -H "Authorization: Bearer $key" -H 'Content-Type: application/json' "$@"; }
    event_type=$(api -X POST "$base/api/v1/event-types" \
        -d '{"title":"Check-up","slug":"check-up","durationsMinutes":[30]}' |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])') || fail "creating an event type failed"
    from=$(date -u +%Y-%m-%d)
    to=$(date -u -d "$from + 14 days" +%Y-%m-%d)
    slots_url="$base/api/v1/slots?eventTypeId=$event_type&start=$from&end=$to&timeZone=Europe/Berlin"
    start=$(curl --silent --fail "$slots_url" |
        python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print(next(iter(d.values()))[0]["start"])') ||
        fail "no free slot in the next two weeks"
    code=$(status "$base/api/v1/bookings" -H 'Content-Type: application/json' \
        -d "{\"eventTypeId\":$event_type,\"start\":\"$start\",\"attendee\":{\"name\":\"Pi Patient\",\"email\":\"patient@pi.example\",\"timeZone\":\"Europe/Berlin\"}}")
    [ "$code" = 201 ] || fail "booking $start answered $code: $(cat "$work/body")"
    curl --silent --fail "$slots_url" | grep -q "\"start\":\"$start\"" && fail "the booked slot is still offered"
    api "$base/api/v1/bookings" | grep -q '"email":"patient@pi.example"' || fail "the booking is not listed"
    echo "ok: booked $start and the slot is taken"
}

run_setup
sign_in
book_one_slot
echo "aarch64 smoke test passed"
