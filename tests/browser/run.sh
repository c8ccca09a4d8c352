#!/bin/sh
# tests/browser/run.sh -- the dashboard in headless Chromium: builds a
# store from examples/, starts `warta serve` on it and runs dashboard.mjs
# (playwright-core from npm, installed here by `npm ci`; the browser is
# Debian's chromium).  Screenshots go to build/screenshots/.
#
#   sh tests/browser/run.sh PATH_TO_WARTA     (from the repository root)

W=${1:?usage: sh tests/browser/run.sh PATH_TO_WARTA}
SUITE=browser
SUITE_TIMEOUT=120
. tests/cli/lib.sh

for tool in node npm "${CHROMIUM:-/usr/bin/chromium}"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "browser: $tool is needed (scripts/install-deps.sh --browser)" >&2
        exit 2
    fi
done
if [ ! -d tests/browser/node_modules/playwright-core ]; then
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error) || exit 2
fi

run ingest --db "$T/s.db" examples/
[ "$rc" = 0 ] || { echo "browser: ingest failed: $(head -1 "$T/err")" >&2; exit 2; }
"$W" serve --db "$T/s.db" --port 0 2>"$T/serve.err" &
server=$!
trap 'kill $server 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$T"' EXIT
port=""
for _ in $(seq 300); do
    port=$(sed -n 's|^warta: serving .*:\([0-9]*\)/$|\1|p' "$T/serve.err")
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { echo "browser: the server did not start" >&2; cat "$T/serve.err" >&2; exit 2; }

mkdir -p build/screenshots
node tests/browser/dashboard.mjs \
    "http://127.0.0.1:$port" build/screenshots
status=$?
kill $server
wait $server || status=1
if grep -q -e 'Sanitizer' -e 'runtime error:' "$T/serve.err"; then
    grep -m3 -e 'Sanitizer' -e 'runtime error:' "$T/serve.err"
    status=1
fi
exit $status
