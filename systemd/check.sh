#!/usr/bin/env bash
# Checks systemd/kairos.service: its syntax (systemd-analyze verify) and its hardening
# (systemd-analyze security --offline, exposure at most MAX_EXPOSURE on systemd's 0-10
# scale). Run by CI; needs no running systemd. Installs the `systemd` package when
# systemd-analyze is missing: on a host without systemd as PID 1 (a container, CI) that
# only adds the tools and starts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

MAX_EXPOSURE=${MAX_EXPOSURE:-2.0}
UNIT=systemd/kairos.service

if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "==> installing systemd (for systemd-analyze)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends systemd >/dev/null ||
        apt-get install -y -qq --no-install-recommends systemd >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# verify checks that ExecStart= is executable; check the unit as installed, pointing at a
# stand-in executable for the binary.
printf '#!/bin/sh\nexit 0\n' >"$work/kairos"
chmod 755 "$work/kairos"
sed "s|^ExecStart=/usr/local/bin/kairos|ExecStart=$work/kairos|" "$UNIT" >"$work/kairos.service"
echo "==> systemd-analyze verify $UNIT"
if ! output=$(systemd-analyze verify "$work/kairos.service" 2>&1) || [ -n "$output" ]; then
    echo "$output" >&2
    echo "systemd-analyze verify reported problems in $UNIT" >&2
    exit 1
fi

echo "==> systemd-analyze security --offline=true $UNIT"
report=$(systemd-analyze security --offline=true "$UNIT" 2>&1 || true)
line=$(printf '%s\n' "$report" | grep 'Overall exposure level' || true)
exposure=$(printf '%s\n' "$line" | sed -n 's/.*: \([0-9.]*\) .*/\1/p')
if [ -z "$exposure" ]; then
    printf '%s\n' "$report" >&2
    echo "could not read the exposure level" >&2
    exit 1
fi
echo "exposure: $exposure (at most $MAX_EXPOSURE allowed)"
if awk -v e="$exposure" -v max="$MAX_EXPOSURE" 'BEGIN { exit !(e > max) }'; then
    printf '%s\n' "$report" | grep '✗' >&2 || true
    echo "$UNIT is exposed more than $MAX_EXPOSURE" >&2
    exit 1
fi
