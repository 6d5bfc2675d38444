#!/usr/bin/env bash
# Signs a mirror's SHA256SUMS with the Kairos release key for install.sh: writes FILE.sig,
# the raw 64-byte Ed25519 signature (RFC 8032, pure Ed25519) over FILE's exact bytes.
# install.sh verifies it with `openssl pkeyutl -verify -rawin` against the public key it
# embeds, then checks the downloaded archive against the SHA-256 that FILE lists for its
# name. (The archives' own zipsign signatures are Ed25519ph, which the OpenSSL of Debian 12
# cannot verify; `kairos update` checks those.)
#
#   packaging/sign-sums.sh PRIVATE_KEY FILE
#
# PRIVATE_KEY is a zipsign private key: 64 bytes, the 32-byte seed then the public key.
set -euo pipefail

KEY=${1:?usage: packaging/sign-sums.sh PRIVATE_KEY FILE}
FILE=${2:?usage: packaging/sign-sums.sh PRIVATE_KEY FILE}

fail() {
    echo "sign-sums.sh: $*" >&2
    exit 1
}

[ -f "$KEY" ] || fail "no private key at $KEY"
[ -f "$FILE" ] || fail "no file to sign at $FILE"
[ "$(stat -c %s "$KEY")" = 64 ] || fail "$KEY is not a zipsign private key (64 bytes)"
command -v openssl >/dev/null 2>&1 || fail "openssl is needed"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The seed as PKCS#8 (RFC 8410), and the public half the key file carries.
{
    printf '\x30\x2e\x02\x01\x00\x30\x05\x06\x03\x2b\x65\x70\x04\x22\x04\x20'
    head -c 32 "$KEY"
} >"$work/key.der"
tail -c 32 "$KEY" >"$work/public.raw"
openssl pkey -inform DER -in "$work/key.der" -pubout -outform DER -out "$work/derived.der"
tail -c 32 "$work/derived.der" >"$work/derived.raw"
cmp -s "$work/public.raw" "$work/derived.raw" || fail "$KEY is damaged: its public half does not belong to its seed"

openssl pkeyutl -sign -inkey "$work/key.der" -keyform DER -rawin -in "$FILE" -out "$FILE.sig.tmp"
openssl pkey -inform DER -in "$work/key.der" -pubout -out "$work/public.pem"
openssl pkeyutl -verify -pubin -inkey "$work/public.pem" -rawin -in "$FILE" -sigfile "$FILE.sig.tmp" >/dev/null ||
    fail "the new signature does not verify"
mv "$FILE.sig.tmp" "$FILE.sig"
echo "signed: $FILE.sig"
