#!/bin/sh
# tests/browser/run.sh -- the dashboard in headless Chromium: builds a
# store from examples/ and the seed article (../shared/seed), starts
# `warta serve` on it and runs dashboard.mjs
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
        echo "browser: $tool is needed (sh scripts/install-deps.sh test)" >&2
        exit 2
    fi
done
if [ ! -d tests/browser/node_modules/playwright-core ]; then
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error) || exit 2
fi

run ingest --db "$T/s.db" examples/
[ "$rc" = 0 ] || { echo "browser: ingest failed: $(head -1 "$T/err")" >&2; exit 2; }
# and an article told in other modes, for the mode filter: a denial and a plan
printf '%s\n' '{"id":"modes-en","date":"2023-08-20","lang":"en","text":"Indonesia did not condemn Malaysia on Friday. Japan will visit Vietnam next week."}' \
    >"$T/modes.jsonl"
# and two between August and March, for the timeline's time axis (February
# is short: placed by index, its month would sit off the time scale)
printf '%s\n' '{"id":"nov-en","date":"2023-11-15","lang":"en","text":"Japan praised Vietnam on Wednesday."}' \
    '{"id":"feb-en","date":"2024-02-10","lang":"en","text":"Vietnam thanked Japan on Saturday."}' \
    >>"$T/modes.jsonl"
run ingest --db "$T/s.db" --mode all "$T/modes.jsonl"
[ "$rc" = 0 ] || { echo "browser: ingest failed: $(head -1 "$T/err")" >&2; exit 2; }
# and the seed article (Indonesian, undated: its places, not its dates),
# for the map's circle at Jeddah
SEED=${WARTA_SHARED:-../shared}/seed/000_d4847668661e968e.txt
if [ ! -f "$SEED" ]; then
    echo "browser: the seed article $SEED is missing" >&2
    exit 2
fi
run ingest --db "$T/s.db" "$SEED"
[ "$rc" = 0 ] || { echo "browser: ingest failed: $(head -1 "$T/err")" >&2; exit 2; }
start_server "$T/s.db"

mkdir -p build/screenshots
node tests/browser/dashboard.mjs "$B" build/screenshots
status=$?
begin
kill $server
wait $server || bad "the server exited $? on SIGTERM"
server_sanitized
end "the server ran clean"
[ "$status" = 0 ] && finish
