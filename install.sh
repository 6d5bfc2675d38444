#!/bin/sh
# Installs Kairos on a Linux host with systemd: the binary in /usr/local/bin, a default
# /etc/kairos/kairos.toml, the hardened systemd unit, a `kairos` system user; then starts
# the service, waits until it is ready and prints the one-time setup link.
#
#   sh install.sh --url https://releases.example.org/kairos        # download the release,
#                                                                   # verify its signature
#   sh install.sh --binary ./kairos                                 # offline, a local binary
#   sh install.sh --binary ./kairos --root /tmp/stage               # staging: files only
#   sh install.sh --uninstall [--purge]                             # remove (data is kept
#                                                                   # unless --purge)
#
# Running it again upgrades: the binary is replaced (the old one is kept as
# kairos.previous), the unit is refreshed, the configuration and data are kept.
#
# A download is verified before anything is replaced: the mirror's SHA256SUMS must carry a
# valid Ed25519 signature by the Kairos release key (SHA256SUMS.sig, written by
# packaging/sign-release.sh; checked with openssl against the key below), and the archive
# must match the SHA-256 it lists for its name. A missing or invalid signature stops the
# installation. Plain http is refused unless --allow-http.
set -eu

# The Kairos release key: packaging/release-signing.pub (the key compiled into kairos for
# `kairos update`) as PEM. packaging/test-install.sh checks that the two agree.
RELEASE_KEY='-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAmLyyZ9rvwxxTdvVZ8T1AoybBzMCcOzSDNVYq51ZiF6o=
-----END PUBLIC KEY-----'

ROOT=
BINARY=
URL=${KAIROS_RELEASE_URL:-}
MODE=install
PURGE=no
ALLOW_HTTP=no
LISTEN=127.0.0.1:8080
READY_TIMEOUT=${KAIROS_READY_TIMEOUT:-90}

usage() {
    cat <<'USAGE'
Usage: install.sh [--binary FILE | --url URL [--allow-http]] [--root DIR] [--listen ADDR]
       install.sh --uninstall [--purge] [--root DIR]

  --binary FILE   install this kairos binary (offline install). It is trusted as given,
                  not verified: check a binary you downloaded yourself first, or use --url
  --url URL       download the release: a .tar.gz artifact, or a base URL that holds
                  kairos-<target>.tar.gz (default: $KAIROS_RELEASE_URL). Installs only
                  if the mirror's SHA256SUMS is signed by the Kairos release key
                  (SHA256SUMS.sig) and lists the archive's SHA-256; needs openssl
  --allow-http    with --url: accept a plain http:// mirror (the signature is still
                  required); without it only https:// is used, redirects included
  --root DIR      stage into DIR instead of / : write files only, no user, no systemctl
  --listen ADDR   address for a new configuration file (default 127.0.0.1:8080)
  --uninstall     stop and remove the service and binary; keeps /etc/kairos and data
  --purge         with --uninstall: also delete /etc/kairos, /var/lib/kairos and the user
USAGE
}

die() {
    echo "install.sh: $*" >&2
    exit 1
}

say() {
    echo "==> $*"
}

while [ $# -gt 0 ]; do
    case $1 in
        --binary) [ $# -ge 2 ] || die "--binary needs a file"; BINARY=$2; shift 2 ;;
        --url) [ $# -ge 2 ] || die "--url needs a URL"; URL=$2; shift 2 ;;
        --allow-http) ALLOW_HTTP=yes; shift ;;
        --root) [ $# -ge 2 ] || die "--root needs a directory"; ROOT=${2%/}; shift 2 ;;
        --listen) [ $# -ge 2 ] || die "--listen needs an address"; LISTEN=$2; shift 2 ;;
        --uninstall) MODE=uninstall; shift ;;
        --purge) PURGE=yes; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
done

if [ "$PURGE" = yes ] && [ "$MODE" != uninstall ]; then
    die "--purge only goes with --uninstall"
fi
if [ "$MODE" = install ] && [ -z "$BINARY" ] && [ -n "$URL" ]; then
    case $URL in
        https://*) ;;
        http://*)
            [ "$ALLOW_HTTP" = yes ] ||
                die "refusing to download over plain http ($URL): use https://, or add --allow-http for a mirror you reach over a network you trust (the signature is checked either way)"
            ;;
        *) die "--url must be an https:// URL (or http:// with --allow-http): $URL" ;;
    esac
fi

BIN_DIR=$ROOT/usr/local/bin
CONFIG_DIR=$ROOT/etc/kairos
CONFIG=$CONFIG_DIR/kairos.toml
UNIT_DIR=$ROOT/etc/systemd/system
UNIT=$UNIT_DIR/kairos.service
DATA_DIR=$ROOT/var/lib/kairos

staging() {
    [ -n "$ROOT" ]
}

if ! staging && [ "$(id -u)" -ne 0 ]; then
    die "run as root (sudo sh install.sh ...), or stage with --root DIR"
fi
if ! staging && ! command -v systemctl >/dev/null 2>&1; then
    die "systemctl not found: this installer needs systemd (use --root DIR to only write files)"
fi

target_triple() {
    case $(uname -m) in
        x86_64 | amd64) echo x86_64-unknown-linux-musl ;;
        aarch64 | arm64) echo aarch64-unknown-linux-musl ;;
        *) die "no Kairos build for this machine's architecture ($(uname -m)); supported: x86_64, aarch64" ;;
    esac
}

write_unit() {
    mkdir -p "$UNIT_DIR"
    cat >"$UNIT.tmp" <<'UNIT_FILE'
# Kairos as a hardened systemd service.
#
# Installed by install.sh (binary in /usr/local/bin) and by the .deb (binary in /usr/bin;
# the package build rewrites ExecStart). Settings live in /etc/kairos/kairos.toml, data in
# /var/lib/kairos. Kairos tells systemd when it is ready (after migrations, once it
# listens) and pings the watchdog while its database answers.
#
# Check: systemd-analyze security --offline=true systemd/kairos.service
#        systemd-analyze verify systemd/kairos.service

[Unit]
Description=Kairos scheduling appliance
After=network-online.target
Wants=network-online.target

[Service]
Type=notify
NotifyAccess=main
ExecStart=/usr/local/bin/kairos serve --config /etc/kairos/kairos.toml
# `systemctl reload kairos` re-reads the TLS certificate and key without dropping connections.
ExecReload=/bin/kill -HUP $MAINPID
Restart=on-failure
RestartSec=2s
# Migrations of a large database may take a while before READY=1.
TimeoutStartSec=5min
TimeoutStopSec=30s
WatchdogSec=30s

User=kairos
Group=kairos
StateDirectory=kairos
StateDirectoryMode=0700
ConfigurationDirectory=kairos
UMask=0077

# Hardening. Kairos needs: its state directory, outbound and inbound TCP, and nothing else.
# To listen below port 1024, add CAP_NET_BIND_SERVICE to both capability lines, or put a
# reverse proxy in front.
CapabilityBoundingSet=
AmbientCapabilities=
NoNewPrivileges=yes
ProtectSystem=strict
ProtectHome=yes
PrivateTmp=yes
PrivateDevices=yes
PrivateUsers=yes
PrivateIPC=yes
PrivateMounts=yes
DevicePolicy=closed
ProtectClock=yes
ProtectHostname=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectProc=invisible
ProcSubset=pid
RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
RemoveIPC=yes
LockPersonality=yes
MemoryDenyWriteExecute=yes
KeyringMode=private
SystemCallArchitectures=native
SystemCallFilter=@system-service
SystemCallFilter=~@privileged @resources
SystemCallErrorNumber=EPERM

[Install]
WantedBy=multi-user.target
UNIT_FILE
    chmod 0644 "$UNIT.tmp"
    mv "$UNIT.tmp" "$UNIT"
}

uninstall() {
    if ! staging; then
        systemctl disable --now kairos.service >/dev/null 2>&1 || true
    fi
    rm -f "$UNIT" "$BIN_DIR/kairos" "$BIN_DIR/kairos.previous"
    if ! staging; then
        systemctl daemon-reload
    fi
    if [ "$PURGE" = yes ]; then
        rm -rf "$CONFIG_DIR" "$DATA_DIR" "$ROOT/var/lib/private/kairos"
        if ! staging && id kairos >/dev/null 2>&1; then
            userdel kairos 2>/dev/null || true
        fi
        say "Kairos, its configuration and its data are removed"
    else
        say "Kairos is removed; configuration ($CONFIG_DIR) and data ($DATA_DIR) are kept (--purge deletes them)"
    fi
}

# Downloads $1 to $2 over https only (http too with --allow-http), redirects included.
download() {
    protocols='=https'
    if [ "$ALLOW_HTTP" = yes ]; then
        protocols='=https,http'
    fi
    curl --fail --location --proto "$protocols" --proto-redir "$protocols" --silent \
        --show-error --output "$2" "$1"
}

# Checks the downloaded archive $1, named $2, against the mirror's signed SHA256SUMS at $3.
# Dies unless the signature is the release key's and the archive's SHA-256 is listed.
verify_release() {
    command -v openssl >/dev/null 2>&1 ||
        die "openssl is needed to verify the release signature (apt-get install openssl); or check a binary yourself and use --binary FILE"
    download "$3" "$WORK/SHA256SUMS" ||
        die "cannot download $3: without it the download cannot be verified; refusing to install"
    download "$3.sig" "$WORK/SHA256SUMS.sig" ||
        die "$3 is not signed (no $3.sig): refusing to install an unverified release"
    printf '%s\n' "$RELEASE_KEY" >"$WORK/release-key.pem"
    if ! openssl pkeyutl -verify -pubin -inkey "$WORK/release-key.pem" -rawin \
        -in "$WORK/SHA256SUMS" -sigfile "$WORK/SHA256SUMS.sig" >"$WORK/openssl.log" 2>&1; then
        die "the signature on $3 does not verify with the Kairos release key ($(tail -n 1 "$WORK/openssl.log")): the release was altered or signed by someone else; refusing to install"
    fi
    expected=$(awk -v name="$2" '$2 == name || $2 == "*" name { print $1; exit }' "$WORK/SHA256SUMS")
    [ -n "$expected" ] || die "the signed $3 does not list $2; refusing to install"
    actual=$(sha256sum "$1" | cut -d' ' -f1)
    [ "$actual" = "$expected" ] ||
        die "$2 does not match its checksum in the signed $3: the download is damaged or altered; refusing to install"
    say "signature verified: $2 is listed in $3, signed by the Kairos release key"
}

fetch_binary() {
    command -v curl >/dev/null 2>&1 || die "curl is needed to download a release (or use --binary FILE)"
    triple=$(target_triple)
    case $URL in
        *.tar.gz) artifact=$URL ;;
        *) artifact=${URL%/}/kairos-$triple.tar.gz ;;
    esac
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
    say "downloading $artifact"
    download "$artifact" "$WORK/kairos.tar.gz" || die "download failed: $artifact"
    # The release directory lists every archive's SHA-256, signed (packaging/sign-release.sh).
    verify_release "$WORK/kairos.tar.gz" "${artifact##*/}" "${artifact%/*}/SHA256SUMS"
    tar -xzf "$WORK/kairos.tar.gz" -C "$WORK" kairos || die "$artifact holds no kairos binary"
    BINARY=$WORK/kairos
}

install_binary() {
    [ -f "$BINARY" ] || die "no such file: $BINARY"
    version=$("$BINARY" --version 2>/dev/null) ||
        die "$BINARY does not run on this machine: is it built for $(uname -m)? ($(target_triple))"
    mkdir -p "$BIN_DIR"
    if [ -f "$BIN_DIR/kairos" ]; then
        previous=$("$BIN_DIR/kairos" --version 2>/dev/null || echo "unknown version")
        cp -p "$BIN_DIR/kairos" "$BIN_DIR/kairos.previous"
        say "upgrading: $previous -> $version (the old binary is kept as $BIN_DIR/kairos.previous)"
    else
        say "installing $version"
    fi
    cp "$BINARY" "$BIN_DIR/kairos.new"
    chmod 0755 "$BIN_DIR/kairos.new"
    mv "$BIN_DIR/kairos.new" "$BIN_DIR/kairos"
}

ensure_user() {
    staging && return 0
    if ! id kairos >/dev/null 2>&1; then
        say "creating the kairos system user"
        useradd --system --home-dir /var/lib/kairos --no-create-home \
            --shell /usr/sbin/nologin --user-group kairos
    fi
}

write_config() {
    mkdir -p "$CONFIG_DIR"
    if [ -f "$CONFIG" ]; then
        say "keeping the configuration in $CONFIG"
        return 0
    fi
    cat >"$CONFIG.tmp" <<CONFIG_FILE
# Kairos configuration. Every key is optional; \`kairos config show\` prints the effective
# values. See the README for all keys.
data_dir = "/var/lib/kairos"
listen = "$LISTEN"
# base_url = "https://book.example.org"
# backup_interval_hours = 24
# backup_keep = 7
CONFIG_FILE
    chmod 0640 "$CONFIG.tmp"
    if ! staging; then
        chown root:kairos "$CONFIG.tmp"
    fi
    mv "$CONFIG.tmp" "$CONFIG"
    say "wrote $CONFIG"
}

listen_address() {
    address=$(sed -n 's/^[[:space:]]*listen[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' "$CONFIG" | tail -n 1)
    address=${address:-127.0.0.1:8080}
    case $address in
        0.0.0.0:*) address=127.0.0.1:${address#0.0.0.0:} ;;
        "[::]:"*) address="[::1]:${address#"[::]:"}" ;;
    esac
    echo "$address"
}

start_and_wait() {
    since=$(date '+%Y-%m-%d %H:%M:%S')
    systemctl daemon-reload
    systemctl enable kairos.service >/dev/null 2>&1
    say "starting kairos.service"
    systemctl restart kairos.service
    address=$(listen_address)
    waited=0
    until curl --silent --fail --max-time 2 "http://$address/readyz" >/dev/null 2>&1; do
        waited=$((waited + 1))
        if [ "$waited" -ge "$READY_TIMEOUT" ]; then
            journalctl -u kairos.service --since "$since" --no-pager -n 30 >&2 || true
            die "kairos did not become ready within ${READY_TIMEOUT}s (see journalctl -u kairos)"
        fi
        sleep 1
    done
    say "kairos is ready on http://$address"
    setup_url=$(journalctl -u kairos.service --since "$since" --no-pager -o cat 2>/dev/null |
        grep -o 'http[^ ]*/setup?token=[0-9a-f]*' | tail -n 1 || true)
    if [ -n "$setup_url" ]; then
        echo
        echo "Open this link within 30 minutes to create the owner account:"
        echo
        echo "    $setup_url"
        echo
    else
        echo "Kairos is already set up: sign in at http://$address/login"
    fi
}

if [ "$MODE" = uninstall ]; then
    uninstall
    exit 0
fi

if [ -z "$BINARY" ]; then
    [ -n "$URL" ] || die "pass --binary FILE (offline) or --url URL (or set KAIROS_RELEASE_URL)"
    fetch_binary
fi

ensure_user
if ! staging && systemctl is-active --quiet kairos.service; then
    say "stopping kairos.service for the upgrade"
    systemctl stop kairos.service
fi
install_binary
write_config
write_unit
mkdir -p "$DATA_DIR"
chmod 0700 "$DATA_DIR"
if ! staging; then
    chown kairos:kairos "$DATA_DIR"
    start_and_wait
else
    say "staged into $ROOT (no user created, nothing started)"
fi
