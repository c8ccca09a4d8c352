#!/bin/sh
# gen_table.sh -- compile a data/*.tsv table into a C header with its awk
# program (tools/cameo_table.awk, tools/date_table.awk), which checks every
# row; nothing is written on error.  Run by the Makefile:
#   sh tools/gen_table.sh data/cameo.tsv build/gen/cameo_table.h tools/cameo_table.awk
# More tables after the program are read in turn into the same header
# (the language packs' words.tsv).

set -eu

if [ $# -lt 3 ]; then
    echo "usage: $0 table.tsv table.h program.awk [table.tsv...]" >&2
    exit 2
fi
in=$1
out=$2
program=$3
shift 3
tmp=$out.tmp.$$

mkdir -p "$(dirname "$out")"
trap 'rm -f "$tmp"' EXIT HUP INT TERM

LC_ALL=C awk -F '\t' -v src="$in" -f "$(dirname "$0")/tsv_to_c.awk" \
    -f "$program" "$in" "$@" > "$tmp"

mv "$tmp" "$out"
trap - EXIT HUP INT TERM
