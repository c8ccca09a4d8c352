#!/usr/bin/env bash
# bench/code.sh -- how fast `warta code` is, by hand:
#
#   bench/code.sh [path/to/warta]          (default ./warta)
#
# Codes ../shared/corpora/en-gigaword-sample.jsonl (its non-empty
# sentences) repeated to about 4,000 sentences, with (a) the Phoenix actor
# dictionaries and the CAMEO.2.0 verbs and (b) warta's own packs, and
# prints: dictionary load time (best of 5), sentences per second of coding
# (wall time less load time, best of RUNS), peak RSS.  Only prints.
set -euo pipefail

WARTA=${1:-./warta}
SHARED=${SHARED:-../shared}
RUNS=${RUNS:-3}
[[ -x $WARTA ]] || { echo "code.sh: $WARTA is not an executable (make first?)" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/warta-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# The sample, without its empty sentences, repeated to ~4,000 lines.
grep -v '"text": ""' "$SHARED/corpora/en-gigaword-sample.jsonl" > "$TMP/one.jsonl"
n_one=$(wc -l < "$TMP/one.jsonl")
reps=$(( (4000 + n_one - 1) / n_one ))
for ((i = 0; i < reps; i++)); do cat "$TMP/one.jsonl"; done > "$TMP/corpus.jsonl"
n=$(wc -l < "$TMP/corpus.jsonl")

# Phoenix: the actor files and the verbs, as one folder.
mkdir -p "$TMP/phoenix"
cp "$SHARED"/dictionaries/phoenix/Phoenix.*.actors.txt \
   "$SHARED"/dictionaries/phoenix/CAMEO.2.0.txt "$TMP/phoenix/"

load_ms() {     # best of 5 load times of a dictionary set, in ms
    local best=""
    for _ in 1 2 3 4 5; do
        local ms
        ms=$("$WARTA" dict stats "$@" 2>/dev/null | awk '/load:/ { print $NF == "ms" ? $(NF-1) : $NF }' |
             awk '{ s += $1 } END { print s }')
        if [[ -z $best ]] || awk -v a="$ms" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$ms; fi
    done
    echo "$best"
}

code_run() {    # best wall seconds and its peak RSS (KB) of coding the corpus
    local best="" rss=""
    for ((r = 0; r < RUNS; r++)); do
        /usr/bin/time -f "%e %M" -o "$TMP/time" \
            "$WARTA" code --lang en --no-progress "$@" "$TMP/corpus.jsonl" \
            > /dev/null 2> /dev/null || true
        read -r secs kb < "$TMP/time"
        if [[ -z $best ]] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$secs; rss=$kb
        fi
    done
    echo "$best $rss"
}

printf '%-26s %10s %10s %12s %10s\n' dictionaries "load ms" "code s" "sentences/s" "peak MB"
for set in phoenix packs; do
    if [[ $set == phoenix ]]; then
        dicts=(--dict "$TMP/phoenix" --dict data/packs/en/grammar.txt)
        ms=$(load_ms "$TMP/phoenix")
    else
        dicts=(--dict data/packs/en --dict data/packs/id)
        ms=$(load_ms data/packs/en data/packs/id)
    fi
    read -r secs kb <<< "$(code_run "${dicts[@]}")"
    awk -v set="$set" -v ms="$ms" -v s="$secs" -v kb="$kb" -v n="$n" 'BEGIN {
        c = s - ms / 1000; if (c <= 0) c = 0.001
        printf "%-26s %10.1f %10.3f %12.0f %10.1f\n", set, ms, c, n / c, kb / 1024 }'
done
echo
echo "$n sentences; code s = wall seconds of \`warta code\` less the load time,"
echo "JSON output to /dev/null included.  CPU: $(awk -F: '/model name/ { print $2; exit }' /proc/cpuinfo)"
