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
# The browser end-to-end test: Debian's Chromium, fonts for the screenshots, Node for npm.
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -d /usr/share/fonts/truetype/liberation ] || need_apt+=(fonts-liberation)
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
    log "installing ${need_apt[*]}"
    apt-get update -qq
    apt-get install -y -qq "${need_apt[@]}" || apt-get install -y -qq "${need_apt[@]}"
fi

# The .ics tests read calendar files with an independent parser, Python's icalendar, and
# expand the fixtures with recurring-ical-events; the email tests send to a real SMTP
# server, aiosmtpd; the single sign-on tests sign in at a real OpenID Connect provider,
# oidc-provider-mock; the CalDAV tests talk to two real CalDAV servers, Radicale and
# Xandikos; the payment tests pay through localstripe, a stateful fake Stripe API that
# tests/payments/stripe_standin.py extends with Checkout Sessions and their hosted page
# (pinned: the stand-in builds on localstripe's internals).
if ! .venv-test/bin/python -c 'import icalendar, recurring_ical_events, aiosmtpd, oidc_provider_mock, radicale, xandikos, localstripe' >/dev/null 2>&1; then
    log "installing Python's icalendar, recurring-ical-events, aiosmtpd, oidc-provider-mock, radicale, xandikos and localstripe for the .ics, email, SSO, CalDAV and payment tests"
    python3 -m venv .venv-test
    .venv-test/bin/pip install --quiet --disable-pip-version-check icalendar recurring-ical-events aiosmtpd oidc-provider-mock radicale xandikos localstripe==1.15.10 \
        || .venv-test/bin/pip install --quiet --disable-pip-version-check icalendar recurring-ical-events aiosmtpd oidc-provider-mock radicale xandikos localstripe==1.15.10
fi

log "iCalendar fixtures against an independent expansion (recurring-ical-events)"
.venv-test/bin/python tests/ical_crosscheck.py

log "unit, property and integration tests"
cargo test --locked --all-targets

log "documentation tests"
cargo test --locked --doc

log "API fuzzing against the OpenAPI document (schemathesis)"
cargo build --locked --quiet
tests/api-fuzz.sh target/debug/kairos

log "browser end-to-end test (Chromium, axe-core; screenshots in artifacts/)"
(cd tests/browser && { npm ci --no-audit --no-fund --loglevel=error || npm ci --no-audit --no-fund --loglevel=error; })
node tests/browser/e2e.mjs target/debug/kairos
