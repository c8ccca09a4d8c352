#!/usr/bin/env bash
# bench/store.sh -- how fast the event store is, by hand:
#
#   bench/store.sh [path/to/warta]          (default ./warta)
#
# 1. Ingest: ../shared/corpora's Guardian and Detik articles repeated (with
#    new ids) to about 20,000 articles; prints documents/s and events/s of
#    `warta ingest` (--threads 1 and the default) against plain
#    `warta code` on the same input.
# 2. Query: a store filled with 1,000,000 synthetic events (sqlite3
#    inserts into warta's own schema) and the time of a monthly dyad
#    series, `warta query --dyad RUS:CHN --by month`, best of 5.
# Only prints; nothing is asserted.
set -euo pipefail

WARTA=${1:-./warta}
SHARED=${SHARED:-../shared}
N_DOCS=${N_DOCS:-20000}
N_EVENTS=${N_EVENTS:-1000000}
[[ -x $WARTA ]] || { echo "store.sh: $WARTA is not an executable (make first?)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "store.sh: sqlite3 is needed" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/warta-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

now() { date +%s.%N; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.0f", n / (b - a) }'; }

# The corpus: each copy of the articles gets ids and urls of its own, so
# that every copy is stored rather than skipped as already there.
one=("$SHARED/corpora/en-guardian-2019.jsonl" "$SHARED/corpora/id-detik-2025.dev.jsonl")
n_one=$(cat "${one[@]}" | wc -l)
reps=$(( (N_DOCS + n_one - 1) / n_one ))
for ((i = 0; i < reps; i++)); do
    cat "${one[@]}" | sed -e "s/\"id\": *\"/\"id\": \"r$i-/" -e "s|\"url\": *\"|\"url\": \"r$i:|"
done > "$TMP/corpus.jsonl"
n=$(wc -l < "$TMP/corpus.jsonl")
mb=$(du -m "$TMP/corpus.jsonl" | cut -f1)
echo "corpus: $n articles, $mb MB ($reps copies of the Guardian and Detik samples)"

t0=$(now)
events=$("$WARTA" code --no-progress "$TMP/corpus.jsonl" | wc -l)
t1=$(now)
echo "code:             $(rate "$n" "$t0" "$t1") documents/s, $(rate "$events" "$t0" "$t1") events/s (one thread)"

for threads in 1 default; do
    rm -f "$TMP/s.db"*
    args=()
    [[ $threads == default ]] || args=(--threads "$threads")
    t0=$(now)
    "$WARTA" ingest --no-progress "${args[@]}" --db "$TMP/s.db" "$TMP/corpus.jsonl" > "$TMP/summary"
    t1=$(now)
    echo "ingest ($threads threads): $(rate "$n" "$t0" "$t1") documents/s, $(rate "$events" "$t0" "$t1") events/s"
done
sed 's/^[^:]*: /  /' "$TMP/summary"
echo "  store size: $(du -m "$TMP/s.db" | cut -f1) MB"

# ---- query over a million events ------------------------------------------
# A store made by warta (so the schema is warta's), filled by sqlite3 with
# events over 40 country codes, 20 years and the CAMEO roots.
rm -f "$TMP/q.db"*
printf '{"id":"seed","date":"2020-01-01","text":"Russia criticised China."}\n' > "$TMP/seed.jsonl"
"$WARTA" ingest --no-progress --db "$TMP/q.db" "$TMP/seed.jsonl" > /dev/null
t0=$(now)
sqlite3 "$TMP/q.db" > /dev/null <<EOF
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE i(k, s, t) AS (
  SELECT 1, abs(random()) % 40, abs(random()) % 40 UNION ALL
  SELECT k + 1, abs(random()) % 40, abs(random()) % 40 FROM i WHERE k < $N_EVENTS),
c(n, code) AS (VALUES (0,'RUS'),(1,'CHN'),(2,'USA'),(3,'IDN'),(4,'IND'),(5,'SAU'),
  (6,'GBR'),(7,'FRA'),(8,'DEU'),(9,'JPN'),(10,'KOR'),(11,'PRK'),(12,'IRN'),(13,'ISR'),
  (14,'UKR'),(15,'TUR'),(16,'EGY'),(17,'BRA'),(18,'ZAF'),(19,'MYS'),(20,'AUS'),(21,'CAN'),
  (22,'MEX'),(23,'ARG'),(24,'NGA'),(25,'PAK'),(26,'AFG'),(27,'IRQ'),(28,'SYR'),(29,'QAT'),
  (30,'ARE'),(31,'VNM'),(32,'THA'),(33,'PHL'),(34,'SGP'),(35,'ITA'),(36,'ESP'),(37,'POL'),
  (38,'KAZ'),(39,'ETH'))
INSERT INTO events(date, precision, source, target, code, root, quad, goldstein,
                   place_key, mentions, sources, articles)
SELECT date('2006-01-01', '+' || (abs(random()) % 7300) || ' days'), 'day',
       cs.code || 'GOV', ct.code,
       printf('%02d%d', 1 + abs(random()) % 20, abs(random()) % 10),
       '', 1 + abs(random()) % 4, (abs(random()) % 200) / 10.0 - 10.0,
       'k' || k, 1, 1, 1
FROM i JOIN c AS cs ON cs.n = i.s JOIN c AS ct ON ct.n = i.t;
COMMIT;
ANALYZE;
EOF
t1=$(now)
total=$("$WARTA" query --db "$TMP/q.db" --by year --format csv | awk -F, 'NR > 1 { s += $2 } END { print s }')
echo "query store: $total events (filled in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s)"
best_ms() {      # best of 5 wall times of a command, in ms
    local best=""
    for _ in 1 2 3 4 5; do
        local t0 t1 ms
        t0=$(now)
        "$@" > "$TMP/out"
        t1=$(now)
        ms=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) * 1000 }')
        if [[ -z $best ]] || awk -v a="$ms" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$ms; fi
    done
    echo "$best"
}
series=$(best_ms "$WARTA" query --db "$TMP/q.db" --dyad RUS:CHN --by month --format csv)
rows=$(wc -l < "$TMP/out")
start=$(best_ms "$WARTA" --version)
echo "monthly dyad series RUS:CHN: $((rows - 1)) months, best of 5: $series ms for the whole command;"
echo "  starting warta alone (--version) takes $start ms here, so the query itself: $(awk -v a="$series" -v b="$start" 'BEGIN { printf "%.1f", a - b }') ms"
