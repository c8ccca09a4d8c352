#!/usr/bin/env bash
# bench/code.sh -- how fast `warta code` is on short sentences, by hand:
#
#   bench/code.sh [path/to/warta]          (default ./warta)
#
# Codes ../shared/corpora/en-gigaword-sample.jsonl (its non-empty
# sentences) repeated to about 4,000 sentences, with (a) the Phoenix actor
# dictionaries and the CAMEO.2.0 verbs and (b) warta's own packs, and
# prints: dictionary load time (best of 5), sentences per second of coding
# (wall time less load time, best of RUNS), peak RSS.  Only prints.
# bench/run times coding on whole articles.
set -euo pipefail

BENCH=code.sh
. "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-3}
need_shared corpora/en-gigaword-sample.jsonl dictionaries/phoenix/CAMEO.2.0.txt

# The sample, without its empty sentences, repeated to ~4,000 lines.
grep -v '"text": ""' "$SHARED/corpora/en-gigaword-sample.jsonl" > "$TMP/one.jsonl"
n_one=$(wc -l < "$TMP/one.jsonl")
reps=$(( (4000 + n_one - 1) / n_one ))
for ((i = 0; i < reps; i++)); do cat "$TMP/one.jsonl"; done > "$TMP/corpus.jsonl"
n=$(wc -l < "$TMP/corpus.jsonl")

load_ms() {     # best of 5 load times of a dictionary set, in ms
    local best="" ms
    for _ in 1 2 3 4 5; do
        ms=$("$WARTA" dict stats "$@" 2>/dev/null | awk '/load:/ { s += $NF == "ms" ? $(NF-1) : $NF } END { print s }')
        if [[ -z $best ]] || calc 'exit !(a < b)' a="$ms" b="$best"; then best=$ms; fi
    done
    echo "$best"
}

phoenix=("$SHARED"/dictionaries/phoenix/Phoenix.*.actors.txt "$SHARED"/dictionaries/phoenix/CAMEO.2.0.txt)
printf '%-26s %10s %10s %12s %10s\n' dictionaries "load ms" "code s" "sentences/s" "peak MB"
for set in phoenix packs; do
    dicts=()
    if [[ $set == phoenix ]]; then
        for f in "${phoenix[@]}" data/packs/en/grammar.txt; do dicts+=(--dict "$f"); done
        ms=$(load_ms "${phoenix[@]}")
    else
        dicts=(--dict data/packs/en --dict data/packs/id)
        ms=$(load_ms data/packs/en data/packs/id)
    fi
    measure "$WARTA" code --lang en --threads 1 --no-progress "${dicts[@]}" "$TMP/corpus.jsonl"
    calc 'c = s - ms / 1000; if (c <= 0) c = 0.001
          printf "%-26s %10.1f %10.3f %12.0f %10.1f\n", set, ms, c, n / c, kb / 1024' \
        set="$set" ms="$ms" s="$SECS" kb="$RSS_KB" n="$n"
done
echo
echo "$n sentences; code s = wall seconds of \`warta code\` less the load time,"
echo "JSON output to a pipe included.  CPU: $(cpu_line)"
