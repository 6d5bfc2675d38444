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

log "unit, property and integration tests"
cargo test --locked --all-targets

log "documentation tests"
cargo test --locked --doc
