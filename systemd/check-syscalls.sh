#!/usr/bin/env bash
# Checks that `kairos serve` only makes system calls that kairos.service allows: runs the
# binary under strace through start-up, readiness and watchdog notifications, sign-in,
# /metrics and shutdown, and compares every system call it made with the unit's
# SystemCallFilter (allowed groups minus denied groups, expanded by systemd-analyze).
# A call outside the filter would fail with EPERM under systemd. Like the unit, it runs
# kairos as an unprivileged user (nobody): as root, SQLite also calls fchown on the files
# it creates, which the unit's user never does.
#
#   systemd/check-syscalls.sh [BINARY]     (default: the x86_64 release binary)
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
BINARY=${1:-artifacts/kairos-$VERSION-x86_64-unknown-linux-musl}
UNIT=systemd/kairos.service
[ -x "$BINARY" ] || { echo "no binary at $BINARY" >&2; exit 1; }

missing=()
command -v strace >/dev/null 2>&1 || missing+=(strace)
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v pgrep >/dev/null 2>&1 || missing+=(procps)
command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
chmod 755 "$work"
as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
pid=
notify_pid=
cleanup() {
    for p in $pid $notify_pid; do kill "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

# expand GROUP: every system call in a systemd syscall group, groups expanded.
expand() {
    systemd-analyze syscall-filter "$1" | tail -n +2 | sed 's/^ *//' | grep -v '^#' | grep -v '^$' |
        while read -r entry; do
            case $entry in
                @*) expand "$entry" ;;
                *) echo "$entry" ;;
            esac
        done
}

allow_groups=$(sed -n 's/^SystemCallFilter=\([^~].*\)/\1/p' "$UNIT")
deny_groups=$(sed -n 's/^SystemCallFilter=~\(.*\)/\1/p' "$UNIT")
for group in $allow_groups; do expand "$group"; done | sort -u >"$work/allowed"
for group in $deny_groups; do expand "$group"; done | sort -u >"$work/denied"
comm -23 "$work/allowed" "$work/denied" >"$work/permitted"

# A notification socket, as systemd would pass it.
python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
while True:
    s.recv(4096)
' "$work/notify.sock" &
notify_pid=$!

: >"$work/kairos.toml"
printf 'metrics_token = "syscall-check-token-0123456789"\n' >"$work/kairos.toml"
mkdir -m 700 "$work/data"
chown 65534:65534 "$work/data"
chmod 644 "$work/kairos.toml"
printf 'amber-falcon-river-7\n' | "${as_nobody[@]}" "$BINARY" --config "$work/kairos.toml" --data-dir "$work/data" \
    admin create --email admin@example.org --name Admin --password-stdin >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
for _ in $(seq 50); do [ -S "$work/notify.sock" ] && break; sleep 0.1; done
chmod 666 "$work/notify.sock"
chmod 777 "$work"

NOTIFY_SOCKET=$work/notify.sock WATCHDOG_USEC=200000 \
    "${as_nobody[@]}" strace -f -qq -c -o "$work/summary" \
    "$BINARY" serve --config "$work/kairos.toml" --data-dir "$work/data" --listen "127.0.0.1:$port" \
    >"$work/server.log" 2>&1 &
pid=$!
base=http://127.0.0.1:$port
for _ in $(seq 200); do curl -sf "$base/readyz" >/dev/null 2>&1 && break; sleep 0.05; done
curl -sf "$base/readyz" >/dev/null || { cat "$work/server.log" >&2; echo "kairos did not start" >&2; exit 1; }
jar=$work/jar
csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" \
    --data-urlencode "email=admin@example.org" --data-urlencode "password=amber-falcon-river-7" \
    --data-urlencode "next=" "$base/login")
[ "$code" = 303 ] || { echo "sign-in answered $code" >&2; exit 1; }
curl -sf -c "$jar" -b "$jar" "$base/dashboard" >/dev/null
curl -sf -H "Authorization: Bearer syscall-check-token-0123456789" "$base/metrics" >/dev/null
sleep 0.5
# strace blocks SIGTERM while it traces (-o FILE): stop kairos itself, strace follows.
kill -TERM "$(pgrep -f -n -P "$pid" "$BINARY" || pgrep -n -P "$pid")" 2>/dev/null || true
for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
wait "$pid" || true
pid=

# strace -c: a table whose last column is the system call's name.
awk 'NR > 2 && $NF != "total" && $NF !~ /^-+$/ { print $NF }' "$work/summary" | sort -u >"$work/used"
echo "kairos serve made $(wc -l <"$work/used") distinct system calls"
outside=$(comm -23 "$work/used" "$work/permitted")
if [ -n "$outside" ]; then
    echo "system calls outside the SystemCallFilter of $UNIT:" >&2
    echo "$outside" >&2
    exit 1
fi
echo "all of them are allowed by the SystemCallFilter of $UNIT"
