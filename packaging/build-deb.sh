#!/usr/bin/env bash
# Builds Debian packages from the release binaries (run packaging/build-release.sh first):
# the binary in /usr/bin, the hardened unit (enabled and started on install), the default
# /etc/kairos/kairos.toml (a conffile, 0640 root:kairos), and maintainer scripts that
# create the kairos system user. Installs cargo-deb when missing.
#
#   packaging/build-deb.sh [all|x86_64|aarch64]     -> artifacts/kairos_V_ARCH.deb
set -euo pipefail
cd "$(dirname "$0")/.."

WHICH=${1:-all}
OUT=${OUT_DIR:-artifacts}
command -v cargo-deb >/dev/null 2>&1 || cargo install --locked cargo-deb

mkdir -p target/deb-unit "$OUT"
sed 's|^ExecStart=/usr/local/bin/kairos|ExecStart=/usr/bin/kairos|' systemd/kairos.service \
    | sed 's|^# Installed by install.sh.*|# Installed by the kairos Debian package.|' >target/deb-unit/kairos.service
grep -q '^ExecStart=/usr/bin/kairos serve' target/deb-unit/kairos.service

case $WHICH in
    all) targets=(x86_64-unknown-linux-musl aarch64-unknown-linux-musl) ;;
    x86_64) targets=(x86_64-unknown-linux-musl) ;;
    aarch64) targets=(aarch64-unknown-linux-musl) ;;
    *) echo "usage: $0 [all|x86_64|aarch64]" >&2; exit 2 ;;
esac

for target in "${targets[@]}"; do
    [ -x "target/$target/dist/kairos" ] || { echo "no target/$target/dist/kairos: run packaging/build-release.sh" >&2; exit 1; }
    deb=$(cargo deb --no-build --no-strip --target "$target" --profile dist --output "$OUT" | tail -n 1)
    echo "built $deb"
    dpkg-deb --info "$deb" >/dev/null
    contents=$(dpkg-deb --contents "$deb")
    for path in ./usr/bin/kairos ./etc/kairos/kairos.toml systemd/system/kairos.service; do
        grep -q "$path\$" <<<"$contents" || { echo "$deb lacks $path" >&2; exit 1; }
    done
    grep -q -- '-rw-r----- .* ./etc/kairos/kairos.toml$' <<<"$contents" ||
        { echo "$deb: /etc/kairos/kairos.toml must be 0640" >&2; exit 1; }
    dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles | grep -qx /etc/kairos/kairos.toml ||
        { echo "$deb: /etc/kairos/kairos.toml is not a conffile" >&2; exit 1; }
done
