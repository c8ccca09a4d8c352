#!/usr/bin/env bash
# bench/dashboard.sh -- how fast the dashboard loads, by hand:
#
#   bench/dashboard.sh [path/to/warta]          (default ./warta)
#
# A store of N_EVENTS (default 100,000) synthetic events (fill_store in
# lib.sh: 40 countries, 20 years), nine in ten placed at one of their
# target country's cities, served by `warta serve`; Debian's headless
# Chromium (playwright-core from tests/browser) opens the page RUNS times
# (default 5) and times each load from the request to the page until its
# four views are drawn (timeline bars, map circles, network nodes, table
# rows), with the server's CPU time for each load (which the machine's
# other work does not inflate) and the requests of the last; then each of
# the page's API requests alone, with curl.  Prints the first load and
# the best; nothing is asserted.
set -euo pipefail

BENCH=dashboard.sh
RUNS=${RUNS:-5}
. "$(dirname "$0")/lib.sh"
N_EVENTS=${N_EVENTS:-100000}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[[ -x $CHROMIUM ]] || die "$CHROMIUM is needed (sh scripts/install-deps.sh test)"
if [[ ! -d tests/browser/node_modules/playwright-core ]]; then
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error) ||
        die "npm ci in tests/browser failed"
fi

mkdir -p build/screenshots
fill_store "$TMP/d.db" "$N_EVENTS"
# places: one of three cities of the target's country (120 in all), for
# nine events in ten
sqlite3 "$TMP/d.db" >/dev/null <<'SQL'
BEGIN;
UPDATE events SET place = 'City ' || substr(target, 1, 3) || ' ' || (id % 3),
  place_country = substr(target, 1, 3),
  lat = (unicode(target) * 37 + unicode(substr(target, 2)) * 11) % 120 - 50 + 2 * (id % 3),
  lon = (unicode(target) * 53 + unicode(substr(target, 3)) * 29) % 340 - 170 + 2 * (id % 3)
WHERE id % 10 <> 0;
COMMIT;
SQL
echo "store: $(sqlite3 "$TMP/d.db" 'SELECT count(*) FROM events') events," \
     "$(sqlite3 "$TMP/d.db" 'SELECT count(DISTINCT place) FROM events') places," \
     "$(du -m "$TMP/d.db" | cut -f1) MB"

"$WARTA" serve --db "$TMP/d.db" --port 0 2>"$TMP/serve.err" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$TMP"' EXIT
port=""
for _ in $(seq 300); do
    port=$(sed -n 's|^warta: serving .*:\([0-9]*\)/$|\1|p' "$TMP/serve.err")
    [[ -n $port ]] && break
    sleep 0.1
done
[[ -n $port ]] || die "the server did not start: $(cat "$TMP/serve.err")"
base=http://127.0.0.1:$port

CHROMIUM=$CHROMIUM NODE_PATH=$PWD/tests/browser/node_modules \
    node "$(dirname "$0")/dashboard.mjs" "$base" "$RUNS" "$server"

echo "a screenshot of the last load: build/screenshots/bench-dashboard-100k.png"

# the page's requests one at a time (what the page asks on a load)
echo "each request alone (best of $RUNS, curl):"
for path in /api/stats "/api/series?by=year" "/api/series?by=week" "/api/places?top=500" \
            "/api/dyads?top=500&level=country" "/api/events?top=1000&offset=0" \
            /app.js /world.json; do
    best=""
    for ((i = 0; i < RUNS; i++)); do
        t=$(curl -s -o /dev/null -w '%{time_total}' "$base$path")
        if [[ -z $best ]] || calc 'exit !(t < b)' t="$t" b="$best"; then best=$t; fi
    done
    printf '  %-36s %6.1f ms\n' "$path" "$(calc 'printf "%.1f", 1000 * t' t="$best")"
done
