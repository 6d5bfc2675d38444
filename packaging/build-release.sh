#!/usr/bin/env bash
# Builds the release binaries: static (musl), stripped, size-optimized (profile `dist`),
# for x86_64 and aarch64 (Raspberry Pi), and packs each as a .tar.gz holding `kairos`.
# Installs what it needs on Debian 12: musl-tools, perl and make (SQLCipher's vendored
# OpenSSL is configured with perl and built with make), the Rust targets, ziglang (PyPI,
# in .venv-zig) and cargo-zigbuild for the aarch64 cross build.
#
#   packaging/build-release.sh [all|x86_64|aarch64]      -> artifacts/
#
# Outputs, for each target triple T and the crate version V:
#   artifacts/kairos-V-T          the binary
#   artifacts/kairos-V-T.tar.gz   the release artifact (sign it with sign-release.sh)
# Fails when a binary is not static or is larger than MAX_MIB (default 25).
set -euo pipefail
cd "$(dirname "$0")/.."

WHICH=${1:-all}
OUT=${OUT_DIR:-artifacts}
MAX_MIB=${MAX_MIB:-25}
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)

apt_updated=no
apt_install() {
    export DEBIAN_FRONTEND=noninteractive
    if [ "$apt_updated" = no ]; then
        apt-get update -qq
        apt_updated=yes
    fi
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null ||
        apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

targets=()
case $WHICH in
    all) targets=(x86_64-unknown-linux-musl aarch64-unknown-linux-musl) ;;
    x86_64) targets=(x86_64-unknown-linux-musl) ;;
    aarch64) targets=(aarch64-unknown-linux-musl) ;;
    *) echo "usage: $0 [all|x86_64|aarch64]" >&2; exit 2 ;;
esac

command -v readelf >/dev/null 2>&1 || apt_install binutils
# SQLCipher's cipher is OpenSSL's libcrypto, built from source for each target.
command -v perl >/dev/null 2>&1 || apt_install perl
command -v make >/dev/null 2>&1 || apt_install make
for target in "${targets[@]}"; do
    rustup target list --installed | grep -qx "$target" || rustup target add "$target"
done

mkdir -p "$OUT"
for target in "${targets[@]}"; do
    start=$(date +%s)
    case $target in
        x86_64-*)
            # aws-lc-sys and SQLite are C: they need a musl C compiler.
            command -v musl-gcc >/dev/null 2>&1 || apt_install musl-tools
            echo "==> cargo build --profile dist --target $target"
            cargo build --locked --profile dist --target "$target" --bin kairos
            ;;
        aarch64-*)
            # zig is the cross C compiler and linker (Debian's aarch64 gcc is glibc-only).
            if [ ! -x .venv-zig/bin/python3 ] || ! .venv-zig/bin/python3 -m ziglang version >/dev/null 2>&1; then
                command -v python3 >/dev/null 2>&1 || apt_install python3
                python3 -m venv .venv-zig 2>/dev/null || { apt_install python3-venv; python3 -m venv .venv-zig; }
                .venv-zig/bin/pip install --quiet ziglang
            fi
            command -v cargo-zigbuild >/dev/null 2>&1 || cargo install --locked cargo-zigbuild
            echo "==> cargo zigbuild --profile dist --target $target"
            PATH=$PWD/.venv-zig/bin:$PATH cargo zigbuild --locked --profile dist --target "$target" --bin kairos
            ;;
    esac
    binary=target/$target/dist/kairos
    if readelf -l "$binary" | grep -q 'Requesting program interpreter'; then
        echo "$binary is dynamically linked; a release binary must be static" >&2
        exit 1
    fi
    if readelf -S "$binary" | grep -q '\.debug_info'; then
        echo "$binary carries debug info; a release binary must be stripped" >&2
        exit 1
    fi
    bytes=$(stat -c %s "$binary")
    if [ "$bytes" -gt $((MAX_MIB * 1024 * 1024)) ]; then
        echo "$binary is $bytes bytes, over the ${MAX_MIB} MiB budget" >&2
        exit 1
    fi
    name=kairos-$VERSION-$target
    cp "$binary" "$OUT/$name"
    stage=$(mktemp -d)
    cp "$binary" "$stage/kairos"
    tar -czf "$OUT/$name.tar.gz" -C "$stage" --owner=0 --group=0 --numeric-owner kairos
    rm -rf "$stage"
    echo "built $OUT/$name: $bytes bytes ($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MiB), static, stripped, in $(($(date +%s) - start)) s"
done
