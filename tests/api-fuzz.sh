#!/usr/bin/env bash
# Fuzzes the JSON API from its own OpenAPI document with schemathesis: whatever the
# input, the server must never answer 5xx, and it must answer as documented.
#
#   tests/api-fuzz.sh [KAIROS_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-target/debug/kairos}
venv=.venv-test
if [ ! -x "$venv/bin/schemathesis" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check schemathesis \
        || "$venv/bin/pip" install --quiet --disable-pip-version-check schemathesis
fi

dir=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
printf '' > "$dir/kairos.toml"
k() { "$bin" --data-dir "$dir/data" --config "$dir/kairos.toml" "$@"; }

echo "fuzz-owner-passphrase-1" | k admin create --email owner@fuzz.example --name "Fuzz Owner" --password-stdin >/dev/null
key=$(k apikey create --user owner@fuzz.example 2>/dev/null)
KAIROS_LOG_LEVEL=warn KAIROS_BOOKING_RATE_LIMIT_PER_HOUR=0 KAIROS_API_RATE_LIMIT_PER_MINUTE=0 "$bin" --data-dir "$dir/data" --config "$dir/kairos.toml" serve --listen "127.0.0.1:$port" > "$dir/serve.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 100); do curl -fs "$base/readyz" >/dev/null && break; sleep 0.05; done

# Some data for the operations that look things up.
curl -fsS -o /dev/null -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -X POST "$base/api/v1/event-types" \
    -d '{"title":"Fuzz","slug":"fuzz","durationsMinutes":[30],"questions":[{"key":"why","type":"select","label":"Why","options":["a","b"]}]}'

# The coverage phase is left out: it trips over an internal error of the fuzzer itself.
cd "$dir"
set +e
"$OLDPWD/$venv/bin/schemathesis" run "$base/api/v1/openapi.json" \
    --header "Authorization: Bearer $key" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples "${FUZZ_EXAMPLES:-50}" \
    --workers 2 \
    --phases examples,fuzzing,stateful \
    --suppress-health-check all
status=$?
set -e
if grep -q 'panicked' "$dir/serve.log"; then
    echo "the server panicked:" >&2
    grep -A5 'panicked' "$dir/serve.log" >&2
    exit 1
fi
exit $status
