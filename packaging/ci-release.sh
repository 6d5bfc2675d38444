#!/usr/bin/env bash
# CI's release stage: build both static release binaries; check that the x86_64 one only
# makes system calls the unit allows and that install.sh works on a booted systemd;
# smoke-test the aarch64 one under qemu; build the .deb packages. Prints each step's time.
set -euo pipefail
cd "$(dirname "$0")/.."

step() {
    local name=$1
    shift
    local start
    start=$(date +%s)
    echo "==> $name"
    "$@"
    echo "==> $name: $(($(date +%s) - start)) s"
}

step "release build x86_64" bash packaging/build-release.sh x86_64
step "release build aarch64" bash packaging/build-release.sh aarch64
step "debian packages" bash packaging/build-deb.sh all
step "system calls against the unit's filter" bash systemd/check-syscalls.sh
step "install.sh and the .deb on a booted systemd (nspawn)" bash packaging/test-install-systemd.sh
step "aarch64 smoke test under qemu" bash packaging/smoke-aarch64.sh
