#!/usr/bin/env bash
# Signs the release archives in artifacts/ with the Kairos release key and writes the
# mirror layout that `kairos update --base-url` and `install.sh --url` read:
#
#   kairos-V-T.tar.gz        signed in place (zipsign; the signature is bound to this name)
#   kairos-T.tar.gz          a copy under a version-free name, for install.sh --url BASE
#   manifest.json            the release list for kairos update --base-url BASE
#   SHA256SUMS               every archive's SHA-256 and name
#   SHA256SUMS.sig           Ed25519 signature of SHA256SUMS by the same key, which
#                            install.sh verifies with openssl (packaging/sign-sums.sh)
#
#   packaging/sign-release.sh PRIVATE_KEY [ARTIFACTS_DIR]
#
# The private key lives outside the repository (create one with `zipsign gen-key
# kairos-release.key release-signing.pub`; the public half is packaging/release-signing.pub,
# compiled into every kairos binary). Upload the whole directory to the mirror or attach
# its files to the GitHub release.
set -euo pipefail
cd "$(dirname "$0")/.."

KEY=${1:?usage: packaging/sign-release.sh PRIVATE_KEY [ARTIFACTS_DIR]}
DIR=${2:-artifacts}
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)

[ -f "$KEY" ] || { echo "no private key at $KEY" >&2; exit 1; }
command -v zipsign >/dev/null 2>&1 || cargo install --locked zipsign

# The key must be the one the binaries trust.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
zipsign gen-key --extract "$KEY" "$work/derived.pub" >/dev/null
if ! cmp -s "$work/derived.pub" packaging/release-signing.pub; then
    echo "$KEY is not the key whose public half is packaging/release-signing.pub" >&2
    exit 1
fi

shopt -s nullglob
archives=("$DIR"/kairos-"$VERSION"-*.tar.gz)
[ ${#archives[@]} -gt 0 ] || { echo "no $DIR/kairos-$VERSION-*.tar.gz: run packaging/build-release.sh first" >&2; exit 1; }

assets=()
for archive in "${archives[@]}"; do
    name=$(basename "$archive")
    if zipsign verify tar "$archive" packaging/release-signing.pub >/dev/null 2>&1; then
        echo "already signed: $name"
    else
        zipsign sign tar "$archive" "$KEY" --force >/dev/null
        echo "signed: $name"
    fi
    zipsign verify tar "$archive" packaging/release-signing.pub >/dev/null
    target=${name#kairos-"$VERSION"-}
    target=${target%.tar.gz}
    cp "$archive" "$DIR/kairos-$target.tar.gz"
    assets+=("{\"name\": \"$name\", \"url\": \"$name\", \"digest\": \"sha256:$(sha256sum "$archive" | cut -d' ' -f1)\"}")
done

{
    printf '{\n  "schema": 1,\n  "releases": [\n    {\n      "version": "%s",\n      "date": "%s",\n      "assets": [\n' \
        "$VERSION" "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    for i in "${!assets[@]}"; do
        separator=,
        [ "$i" -eq $((${#assets[@]} - 1)) ] && separator=
        printf '        %s%s\n' "${assets[$i]}" "$separator"
    done
    printf '      ]\n    }\n  ]\n}\n'
} >"$DIR/manifest.json"
(cd "$DIR" && sha256sum kairos-*.tar.gz >SHA256SUMS)
bash packaging/sign-sums.sh "$KEY" "$DIR/SHA256SUMS" >/dev/null
echo "wrote $DIR/manifest.json, $DIR/SHA256SUMS and $DIR/SHA256SUMS.sig"
