#!/usr/bin/env bash
# bench/split.sh -- how fast `warta split` is, stage by stage, by hand:
#
#   bench/split.sh [path/to/warta]          (default ./warta)
#
# Builds two ~SIZE_MB MB JSONL corpora by repeating
# ../shared/corpora/en-guardian-2019.jsonl and id-detik-2025.dev.jsonl
# (ids made unique per copy), then times three modes on each:
#   lang   --lang XX          no language identification
#   detect (default)          with language identification
#   tokens --lang XX --tokens tokens and stems, no language identification
# and prints one table: wall-clock seconds, MB/s and sentences/s, the
# share of each stage from warta's own `stats:` lines, and the time
# relative to `wc -w` over the same file as a physical anchor.
# Only prints; asserts nothing.  Environment: SIZE_MB (default 50),
# RUNS (best of N, default 1), SHARED (default ../shared).  bench/run
# gives the one-table overview; this is the detail of its first row.
set -euo pipefail

BENCH=split.sh
. "$(dirname "$0")/lib.sh"
SIZE_MB=${SIZE_MB:-50}
need_shared corpora/en-guardian-2019.jsonl corpora/id-detik-2025.dev.jsonl

echo "warta:  $WARTA ($("$WARTA" --version 2>/dev/null || echo '?'))"
echo "cpu:    $(cpu_line)"
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
    repeat_corpus "$file" $((SIZE_MB * 1000000)) "$src"
    bytes=$(stat -c %s "$file")
    mb=$(calc 'printf "%.1f", b / 1e6' b="$bytes")
    wc_s=$(wc_secs "$file")
    anchors+=$(printf '  %-12s wc -w (C.UTF-8): %s s, %s MB/s' "$name" "$wc_s" \
        "$(calc 'printf("%.1f", (s > 0) ? b / s / 1e6 : 0)' b="$bytes" s="$wc_s")")
    anchors+=$'\n'

    for mode in lang detect tokens; do
        case $mode in
        lang)   args=(--lang "$lang") ;;
        detect) args=() ;;
        tokens) args=(--lang "$lang" --tokens) ;;
        esac
        measure "$WARTA" split "${args[@]}" --stats --no-progress "$file"
        secs=$(calc 'printf "%.3f", s' s="$SECS")
        [[ $STATUS == 0 ]] || echo "exit $STATUS" >>"$TMP/err"
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
