#!/usr/bin/env bash
# bench/store.sh -- how fast the event store is, by hand:
#
#   bench/store.sh [path/to/warta]          (default ./warta)
#
# 1. Ingest: ../shared/corpora's Guardian and Detik articles repeated (with
#    new ids) to SIZE_MB MB (default 82, about 20,000 articles); prints
#    documents/s and events/s of `warta ingest` (--threads 1 and the
#    default) against plain `warta code` on the same input.
# 2. Query: a store filled with N_EVENTS (default 1,000,000) synthetic
#    events (sqlite3 inserts into warta's own schema) and the time of a
#    monthly dyad series, `warta query --dyad RUS:CHN --by month`, best
#    of 5.
# Only prints; nothing is asserted.  bench/run has the same rows on a
# smaller corpus, in its one table.
set -euo pipefail

BENCH=store.sh
. "$(dirname "$0")/lib.sh"
SIZE_MB=${SIZE_MB:-82}
N_EVENTS=${N_EVENTS:-1000000}
one=(corpora/en-guardian-2019.jsonl corpora/id-detik-2025.dev.jsonl)
need_shared "${one[@]}"

rate() { calc 'printf "%.0f", n / s' n="$1" s="$2"; }

repeat_corpus "$TMP/corpus.jsonl" $((SIZE_MB * 1000000)) "${one[@]/#/$SHARED/}"
n=$(wc -l < "$TMP/corpus.jsonl")
echo "corpus: $n articles, $(du -m "$TMP/corpus.jsonl" | cut -f1) MB (copies of the Guardian and Detik samples)"

measure "$WARTA" code --threads 1 --no-progress "$TMP/corpus.jsonl"
events=$LINES
echo "code:             $(rate "$n" "$SECS") documents/s, $(rate "$events" "$SECS") events/s (one thread)"

for threads in 1 default; do
    rm -f "$TMP/s.db"*
    args=()
    [[ $threads == default ]] || args=(--threads "$threads")
    RUNS=1 measure "$WARTA" ingest --no-progress "${args[@]}" --db "$TMP/s.db" "$TMP/corpus.jsonl"
    echo "ingest ($threads threads): $(rate "$n" "$SECS") documents/s, $(rate "$events" "$SECS") events/s"
done
echo "  store size: $(du -m "$TMP/s.db" | cut -f1) MB"

# ---- query over a million events ------------------------------------------
t0=$(now)
fill_store "$TMP/q.db" "$N_EVENTS"
t1=$(now)
total=$("$WARTA" query --db "$TMP/q.db" --by year --format csv | awk -F, 'NR > 1 { s += $2 } END { print s }')
echo "query store: $total events (filled in $(calc 'printf "%.1f", b - a' a="$t0" b="$t1") s)"
RUNS=5
measure "$WARTA" query --db "$TMP/q.db" --dyad RUS:CHN --by month --format csv
series=$(calc 'printf "%.1f", 1000 * s' s="$SECS")
rows=$LINES
measure "$WARTA" --version
start=$(calc 'printf "%.1f", 1000 * s' s="$SECS")
echo "monthly dyad series RUS:CHN: $((rows - 1)) months, best of 5: $series ms for the whole command;"
echo "  starting warta alone (--version) takes $start ms here, so the query itself: $(calc 'printf "%.1f", a - b' a="$series" b="$start") ms"
