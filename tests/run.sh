#!/usr/bin/env bash
# Runs the whole Kairos test suite. On a fresh machine it first installs what the tests
# need; every step is safe to repeat.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n==> %s\n' "$*"; }

if ! command -v cargo >/dev/null 2>&1; then
    echo "cargo is required: install Rust from https://rustup.rs" >&2
    exit 1
fi

need_apt=()
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need_apt+=(python3-venv)
if [ ${#need_apt[@]} -gt 0 ]; then
    log "installing ${need_apt[*]}"
    apt-get update -qq
    apt-get install -y -qq "${need_apt[@]}" || apt-get install -y -qq "${need_apt[@]}"
fi

log "unit, property and integration tests"
cargo test --locked --all-targets

log "documentation tests"
cargo test --locked --doc

log "API fuzzing against the OpenAPI document (schemathesis)"
cargo build --locked --quiet
tests/api-fuzz.sh target/debug/kairos
