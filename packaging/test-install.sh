#!/usr/bin/env bash
# Exercises install.sh against a staging root (--root, no systemctl): install, re-install
# as an upgrade, install from a mirror whose SHA256SUMS is signed (and the refusal of plain
# http, unsigned, tampered and otherwise signed releases, each leaving the root untouched),
# uninstall keeping data, purge. Checks that install.sh embeds the release key. Then lints
# every shell script in the repository with shellcheck. Run by CI; installs shellcheck
# when it is missing.
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

echo "==> install.sh embeds the release key kairos update trusts"
# packaging/release-signing.pub is the raw 32-byte key; install.sh carries it as PEM.
release_pem=$({
    printf '\x30\x2a\x30\x05\x06\x03\x2b\x65\x70\x03\x21\x00'
    cat packaging/release-signing.pub
} | openssl pkey -pubin -inform DER)
embedded_pem=$(sed -n "/^RELEASE_KEY='/,/'\$/p" install.sh | sed "s/^RELEASE_KEY='//; s/'\$//")
check "install.sh's RELEASE_KEY is packaging/release-signing.pub" test "$embedded_pem" = "$release_pem"

echo "==> install from a signed release URL"
case $(uname -m) in
    x86_64) triple=x86_64-unknown-linux-musl ;;
    aarch64) triple=aarch64-unknown-linux-musl ;;
esac
archive=kairos-$triple.tar.gz

# A test release key in zipsign's format (seed, then public key), and an install.sh that
# trusts it instead of the real one: everything else about the script is the same.
new_key() {
    openssl genpkey -algorithm ed25519 -outform DER -out "$1.der"
    { tail -c 32 "$1.der"; openssl pkey -inform DER -in "$1.der" -pubout -outform DER | tail -c 32; } >"$1"
    openssl pkey -inform DER -in "$1.der" -pubout -out "$1.pem"
}
new_key "$work/test-release.key"
new_key "$work/other.key"
awk -v pem="$(cat "$work/test-release.key.pem")" '
    /^RELEASE_KEY=/ { print "RELEASE_KEY='\''" pem "'\''"; skipping = 1; next }
    skipping && /'\''$/ { skipping = 0; next }
    !skipping { print }
' install.sh >"$work/install-test-key.sh"
check "the test copy differs from install.sh in the key only" \
    test "$(diff install.sh "$work/install-test-key.sh" | grep -c '^[<>]')" = 2

# The mirror: the archive, SHA256SUMS and its signature, as sign-release.sh writes them.
mkdir -p "$work/www" "$work/pack" "$work/other-pack"
cp "$BINARY" "$work/pack/kairos"
tar -czf "$work/release.tar.gz" -C "$work/pack" kairos
publish() { # ARCHIVE KEY (or "unsigned")
    cp "$1" "$work/www/$archive"
    (cd "$work/www" && sha256sum "$archive" >SHA256SUMS)
    rm -f "$work/www/SHA256SUMS.sig"
    if [ "$2" != unsigned ]; then
        bash packaging/sign-sums.sh "$2" "$work/www/SHA256SUMS" >/dev/null
    fi
}
publish "$work/release.tar.gz" "$work/test-release.key"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory "$work/www" "$port" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do
    curl -sf "http://127.0.0.1:$port/" >/dev/null && break
    sleep 0.1
done
mirror=http://127.0.0.1:$port/

out=$(sh "$work/install-test-key.sh" --url "$mirror" --allow-http --root "$work/url-root")
echo "$out"
check "the release for this architecture was downloaded" grep -q "$archive" <<<"$out"
check "the signature was verified" grep -q "signature verified" <<<"$out"
check "the downloaded binary is installed" cmp -s "$BINARY" "$work/url-root/usr/local/bin/kairos"

# Each refusal must leave an installed root exactly as it was, and a new root uncreated.
snapshot() {
    (cd "$1" && find . -printf '%p %m %s\n' | sort && find . -type f -exec sha256sum {} + | sort)
}
before=$(snapshot "$work/url-root")
refused() { # WHAT EXPECTED-MESSAGE INSTALLER ARGS...
    local what=$1 expected=$2 installer=$3
    shift 3
    if sh "$installer" "$@" --root "$work/url-root" 2>"$work/err"; then
        fail "$what was installed"
    fi
    check "$what is refused: $expected" grep -q "$expected" "$work/err"
    check "$what left the installed root untouched" test "$(snapshot "$work/url-root")" = "$before"
    if sh "$installer" "$@" --root "$work/fresh-root" 2>/dev/null; then
        fail "$what was installed into a fresh root"
    fi
    check "$what created nothing in a fresh root" test ! -e "$work/fresh-root"
}

refused "a plain http URL without --allow-http" "refusing to download over plain http" \
    "$work/install-test-key.sh" --url "$mirror"
refused "a URL that is neither https nor http" "must be an https:// URL" \
    "$work/install-test-key.sh" --url "ftp://127.0.0.1:$port/"
# The default path: https only, so a mirror that only speaks http cannot be reached.
refused "an https URL to a plain http mirror" "download failed" \
    "$work/install-test-key.sh" --url "https://127.0.0.1:$port/"

publish "$work/release.tar.gz" unsigned
refused "an unsigned release" "is not signed" \
    "$work/install-test-key.sh" --url "$mirror" --allow-http

publish "$work/release.tar.gz" "$work/other.key"
refused "a release signed by another key" "does not verify with the Kairos release key" \
    "$work/install-test-key.sh" --url "$mirror" --allow-http

publish "$work/release.tar.gz" "$work/test-release.key"
refused "a test-signed release, by the real install.sh" "does not verify with the Kairos release key" \
    install.sh --url "$mirror" --allow-http

# Tampered: another binary behind the signed checksum list...
printf '#!/bin/sh\necho "kairos 66.6.6"\n' >"$work/other-pack/kairos"
chmod 755 "$work/other-pack/kairos"
tar -czf "$work/tampered.tar.gz" -C "$work/other-pack" kairos
cp "$work/tampered.tar.gz" "$work/www/$archive"
refused "a tampered archive" "does not match its checksum in the signed" \
    "$work/install-test-key.sh" --url "$mirror" --allow-http
# ...and with the checksum list edited to match, which breaks its signature.
(cd "$work/www" && sha256sum "$archive" >SHA256SUMS)
refused "a tampered checksum list" "does not verify with the Kairos release key" \
    "$work/install-test-key.sh" --url "$mirror" --allow-http

publish "$work/release.tar.gz" "$work/test-release.key"
printf '%064d  kairos-other.tar.gz\n' 0 >"$work/www/SHA256SUMS"
bash packaging/sign-sums.sh "$work/test-release.key" "$work/www/SHA256SUMS" >/dev/null
refused "an archive the signed list does not name" "does not list $archive" \
    "$work/install-test-key.sh" --url "$mirror" --allow-http

rm -f "$work/www/SHA256SUMS" "$work/www/SHA256SUMS.sig"
refused "a mirror without SHA256SUMS" "cannot download" \
    "$work/install-test-key.sh" --url "$mirror" --allow-http
kill "$server"
server=

echo "==> install from a signed release over https"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=127.0.0.1 \
    -addext subjectAltName=IP:127.0.0.1 -keyout "$work/tls.key" -out "$work/tls.crt" 2>/dev/null
publish "$work/release.tar.gz" "$work/test-release.key"
python3 - "$work/www" "$work/tls.crt" "$work/tls.key" >"$work/https-port" 2>/dev/null <<'PYTHON' &
import functools, http.server, ssl, sys
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
httpd = http.server.HTTPServer(("127.0.0.1", 0), handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(sys.argv[2], sys.argv[3])
httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
print(httpd.server_address[1], flush=True)
httpd.serve_forever()
PYTHON
server=$!
for _ in $(seq 50); do
    [ -s "$work/https-port" ] && break
    sleep 0.1
done
out=$(CURL_CA_BUNDLE=$work/tls.crt sh "$work/install-test-key.sh" \
    --url "https://127.0.0.1:$(cat "$work/https-port")/$archive" --root "$work/https-root")
echo "$out"
check "an https mirror needs no --allow-http and is verified" grep -q "signature verified" <<<"$out"
check "the binary from the https mirror is installed" cmp -s "$BINARY" "$work/https-root/usr/local/bin/kairos"
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
