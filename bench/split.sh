#!/usr/bin/env bash
# bench/split.sh -- how fast `warta split` is, by hand:
#
#   bench/split.sh [path/to/warta]          (default ./warta)
#
# Builds two ~50 MB JSONL corpora in a temporary directory by repeating
# ../shared/corpora/en-guardian-2019.jsonl and id-detik-2025.dev.jsonl
# (ids made unique per copy), then times three modes on each:
#   lang   --lang XX          no language identification
#   detect (default)          with language identification
#   tokens --lang XX --tokens tokens and stems, no language identification
# and prints one table: wall-clock seconds, MB/s and sentences/s, the
# share of each stage from warta's own `stats:` lines, and the time
# relative to `wc -w` over the same file as a physical anchor.
# Only prints; asserts nothing.  Environment: SIZE_MB (default 50),
# RUNS (best of N, default 1), SHARED (default ../shared).
set -euo pipefail

WARTA=${1:-./warta}
SHARED=${SHARED:-../shared}
SIZE_MB=${SIZE_MB:-50}
RUNS=${RUNS:-1}

if [[ ! -x $WARTA ]]; then
    echo "split.sh: $WARTA is not an executable (run 'make' first?)" >&2
    exit 2
fi
for f in en-guardian-2019.jsonl id-detik-2025.dev.jsonl; do
    if [[ ! -r $SHARED/corpora/$f ]]; then
        echo "split.sh: $SHARED/corpora/$f not found" >&2
        exit 2
    fi
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/warta-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

now() {
    if [[ -n ${EPOCHREALTIME:-} ]]; then
        echo "${EPOCHREALTIME/,/.}"
    else
        date +%s.%N
    fi
}

# build_corpus SRC OUT: repeat SRC into OUT until it holds SIZE_MB MB,
# giving every copy's ids a suffix so they stay unique.
build_corpus() {
    local src=$1 out=$2 want=$((SIZE_MB * 1000000)) have=0 k=0
    : >"$out"
    while ((have < want)); do
        sed -E "s/\"id\": *\"([^\"]*)\"/\"id\": \"\\1-r$k\"/" "$src" >>"$out"
        have=$(stat -c %s "$out")
        k=$((k + 1))
    done
}

# time_best SECONDS_VAR CMD...: the best wall time of RUNS runs of CMD
# (stdout to /dev/null, stderr to $TMP/err of the best run).
time_best() {
    local var=$1 best="" t0 t1 s i
    shift
    for ((i = 0; i < RUNS; i++)); do
        t0=$(now)
        "$@" >/dev/null 2>"$TMP/err.try" || echo "exit $?" >>"$TMP/err.try"
        t1=$(now)
        s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
        if [[ -z $best ]] || awk -v s="$s" -v b="$best" 'BEGIN { exit !(s < b) }'; then
            best=$s
            mv "$TMP/err.try" "$TMP/err"
        fi
    done
    printf -v "$var" '%s' "$best"
}

cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
echo "warta:  $WARTA ($("$WARTA" --version 2>/dev/null || echo '?'))"
echo "cpu:    ${cpu:-unknown} ($(nproc 2>/dev/null || echo '?') cpus)"
echo "date:   $(date -u '+%Y-%m-%d %H:%M UTC'), best of $RUNS run(s)"
echo

declare -a names=(en-guardian id-detik)
declare -a srcs=("$SHARED/corpora/en-guardian-2019.jsonl"
                 "$SHARED/corpora/id-detik-2025.dev.jsonl")
declare -a langs=(en id)

fmt='%-12s %-7s %6s %7s %6s %7s %9s %6s %6s %6s %6s %6s %6s %8s\n'
# shellcheck disable=SC2059 # one format for the header and the rows
table=$(printf "$fmt" corpus mode MB seconds MB/s "x wc-w" sent/s \
    clean lang split tokens stems rd+out "cst MB/s")
table+=$'\n'
anchors=""

for i in "${!names[@]}"; do
    name=${names[i]} src=${srcs[i]} lang=${langs[i]}
    file=$TMP/$name.jsonl
    build_corpus "$src" "$file"
    bytes=$(stat -c %s "$file")
    mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
    cat "$file" >/dev/null                  # warm the page cache

    wc_s="" secs=""
    time_best wc_s env LC_ALL=C.UTF-8 wc -w "$file"
    anchors+=$(printf '  %-12s wc -w (C.UTF-8): %s s, %s MB/s' "$name" "$wc_s" \
        "$(awk -v b="$bytes" -v s="$wc_s" 'BEGIN { printf("%.1f", (s > 0) ? b / s / 1e6 : 0) }')")
    anchors+=$'\n'

    for mode in lang detect tokens; do
        case $mode in
        lang)   args=(--lang "$lang") ;;
        detect) args=() ;;
        tokens) args=(--lang "$lang" --tokens) ;;
        esac
        time_best secs "$WARTA" split "${args[@]}" --stats --no-progress "$file"
        # stats: N bytes, N sentences, S s, R MB/s, R sentences/s
        # stats: stage NAME   S s   P%   R MB/s
        # stats: reading and output S s
        row=$(awk -v name="$name" -v mode="$mode" -v mb="$mb" -v secs="$secs" \
                  -v bytes="$bytes" -v wc="$wc_s" -v fmt="$fmt" '
            /^stats: [0-9]+ bytes,/ { sents = $4; total = $6 }
            /^stats: stage / { share[$3] = $6; stage_s[$3] = $4 }
            /^stats: reading and output / { rd = $5 }
            /^exit / { status = $2 }
            END {
                n = split("clean lang split tokens stems", st, " ")
                for (k = 1; k <= n; k++)
                    col[k] = (st[k] in share) ? share[st[k]] : "-"
                rdout = (total > 0) ? sprintf("%.1f%%", 100 * rd / total) : "-"
                mbs = (secs > 0) ? sprintf("%.1f", bytes / secs / 1e6) : "-"
                xwc = (wc > 0) ? sprintf("%.1f", secs / wc) : "-"
                sps = (secs > 0) ? sprintf("%.0f", sents / secs) : "-"
                cmbs = "-"
                if ("tokens" in share) {
                    cst = stage_s["clean"] + stage_s["split"] + stage_s["tokens"]
                    if (cst > 0)
                        cmbs = sprintf("%.1f", bytes / cst / 1e6)
                }
                printf(fmt, name, mode, mb, secs, mbs, xwc, sps,
                       col[1], col[2], col[3], col[4], col[5], rdout, cmbs)
                if (status != "")
                    printf "  (warta exited with status %s)\n", status
            }' "$TMP/err")
        table+=$row$'\n'
        grep -v '^stats: ' "$TMP/err" | grep -v '^exit ' | head -n 3 |
            sed 's/^/  note: /' >&2 || true
    done
    rm -f "$file"
done

printf '%s' "$table"
echo
echo "seconds: wall clock, start-up included; MB = 10^6 bytes of JSONL."
echo "x wc-w: warta's seconds / the seconds of wc -w over the same file."
echo "stage shares: % of warta's own total (stats: lines); rd+out = reading"
echo "and writing JSON, the rest of that total."
echo "cst MB/s: bytes over the seconds of clean + split + tokens together."
printf '%s' "$anchors"
