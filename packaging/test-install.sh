#!/usr/bin/env bash
# Exercises install.sh against a staging root (--root, no systemctl): install, re-install
# as an upgrade, uninstall keeping data, purge. Then shellchecks every shell script in the
# repository. Run by CI; installs shellcheck when it is missing.
#
#   packaging/test-install.sh [KAIROS_BINARY]     (default: target/debug/kairos)
set -euo pipefail
cd "$(dirname "$0")/.."

BINARY=${1:-target/debug/kairos}
[ -x "$BINARY" ] || cargo build --locked --bin kairos
[ -x "$BINARY" ] || { echo "no kairos binary at $BINARY" >&2; exit 1; }

if ! command -v shellcheck >/dev/null 2>&1; then
    echo "==> installing shellcheck"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq shellcheck >/dev/null || apt-get install -y -qq shellcheck >/dev/null
fi

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

check() {
    local what=$1
    shift
    if "$@"; then
        echo "ok: $what"
    else
        fail "$what"
    fi
}

mode_of() {
    stat -c '%a' "$1"
}

work=$(mktemp -d)
server=
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
root=$work/root

echo "==> install into a staging root"
out=$(sh install.sh --binary "$BINARY" --root "$root")
echo "$out"
check "the binary is installed and runs" "$root/usr/local/bin/kairos" --version
check "the binary is executable by all" test "$(mode_of "$root/usr/local/bin/kairos")" = 755
check "the config file is 0640" test "$(mode_of "$root/etc/kairos/kairos.toml")" = 640
check "the config names the system data dir" grep -qx 'data_dir = "/var/lib/kairos"' "$root/etc/kairos/kairos.toml"
check "the data dir is 0700" test "$(mode_of "$root/var/lib/kairos")" = 700
check "the installed unit is systemd/kairos.service" cmp -s systemd/kairos.service "$root/etc/systemd/system/kairos.service"
check "no previous binary on a first install" test ! -e "$root/usr/local/bin/kairos.previous"
check "nothing was started in staging mode" grep -q "nothing started" <<<"$out"
check "the written config is one kairos accepts" \
    "$BINARY" config show --config "$root/etc/kairos/kairos.toml" --data-dir "$work/unused" >/dev/null

echo "==> re-run as an upgrade"
echo '# edited by the admin' >>"$root/etc/kairos/kairos.toml"
config_before=$(cat "$root/etc/kairos/kairos.toml")
newer=$work/kairos-newer
printf '#!/bin/sh\necho "kairos 99.0.0"\n' >"$newer"
chmod 755 "$newer"
out=$(sh install.sh --binary "$newer" --root "$root")
echo "$out"
check "the upgrade is reported with both versions" grep -q "kairos 99.0.0" <<<"$out"
check "the new binary is in place" test "$("$root/usr/local/bin/kairos" --version)" = "kairos 99.0.0"
check "the old binary is kept as kairos.previous" cmp -s "$BINARY" "$root/usr/local/bin/kairos.previous"
check "the admin's configuration is kept" test "$(cat "$root/etc/kairos/kairos.toml")" = "$config_before"

echo "==> a binary that does not run here is refused"
printf 'not a program' >"$work/garbage"
chmod 755 "$work/garbage"
if sh install.sh --binary "$work/garbage" --root "$root" 2>"$work/err"; then
    fail "a broken binary was installed"
fi
check "the refusal names the architecture" grep -q "does not run on this machine" "$work/err"
check "the installed binary was left alone" test "$("$root/usr/local/bin/kairos" --version)" = "kairos 99.0.0"

echo "==> install from a release URL"
case $(uname -m) in
    x86_64) triple=x86_64-unknown-linux-musl ;;
    aarch64) triple=aarch64-unknown-linux-musl ;;
esac
mkdir -p "$work/www" "$work/pack"
cp "$BINARY" "$work/pack/kairos"
tar -czf "$work/www/kairos-$triple.tar.gz" -C "$work/pack" kairos
(cd "$work/www" && sha256sum "kairos-$triple.tar.gz" >SHA256SUMS)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory "$work/www" "$port" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do
    curl -sf "http://127.0.0.1:$port/" >/dev/null && break
    sleep 0.1
done
out=$(sh install.sh --url "http://127.0.0.1:$port/" --root "$work/url-root")
echo "$out"
check "the release for this architecture was downloaded" grep -q "kairos-$triple.tar.gz" <<<"$out"
check "the download was checked against SHA256SUMS" grep -q "checksum verified" <<<"$out"
check "the downloaded binary is installed" cmp -s "$BINARY" "$work/url-root/usr/local/bin/kairos"
printf '%064d  kairos-%s.tar.gz\n' 0 "$triple" >"$work/www/SHA256SUMS"
if sh install.sh --url "http://127.0.0.1:$port/" --root "$work/bad-root" 2>"$work/err"; then
    fail "a download that does not match SHA256SUMS was installed"
fi
check "a checksum mismatch is refused" grep -q "does not match its checksum" "$work/err"
check "nothing was installed from it" test ! -e "$work/bad-root/usr/local/bin/kairos"
kill "$server"
server=

echo "==> uninstall keeps configuration and data"
touch "$root/var/lib/kairos/kairos.db"
sh install.sh --uninstall --root "$root"
check "the binary is gone" test ! -e "$root/usr/local/bin/kairos"
check "kairos.previous is gone" test ! -e "$root/usr/local/bin/kairos.previous"
check "the unit is gone" test ! -e "$root/etc/systemd/system/kairos.service"
check "the configuration is kept" test -f "$root/etc/kairos/kairos.toml"
check "the data is kept" test -f "$root/var/lib/kairos/kairos.db"

echo "==> uninstall --purge deletes configuration and data"
sh install.sh --binary "$BINARY" --root "$root" >/dev/null
sh install.sh --uninstall --purge --root "$root"
check "the configuration is gone" test ! -e "$root/etc/kairos"
check "the data is gone" test ! -e "$root/var/lib/kairos"

echo "==> argument errors"
if sh install.sh --purge --root "$root" 2>/dev/null; then fail "--purge without --uninstall"; fi
if sh install.sh --root "$root" 2>/dev/null; then fail "neither --binary nor --url"; fi
echo "ok: bad arguments are refused"

echo "==> shellcheck"
mapfile -t scripts < <(git ls-files '*.sh' .ci/run packaging/deb/postinst packaging/deb/postrm)
shellcheck "${scripts[@]}"
echo "ok: shellcheck ${scripts[*]}"
