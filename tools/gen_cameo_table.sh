#!/bin/sh
# gen_cameo_table.sh -- compile data/cameo.tsv into a C header for src/cameo.c.
# Usage: sh tools/gen_cameo_table.sh data/cameo.tsv build/gen/cameo_table.h
# Run by the Makefile.  Checks every row (7 fields, code and root digits,
# quad class 1..4, numeric Goldstein, codes strictly ascending in byte order,
# which cameo_lookup's binary search needs) and writes nothing on error.

set -eu

if [ $# -ne 2 ]; then
    echo "usage: $0 cameo.tsv cameo_table.h" >&2
    exit 2
fi
in=$1
out=$2
tmp=$out.tmp.$$

mkdir -p "$(dirname "$out")"
trap 'rm -f "$tmp"' EXIT HUP INT TERM

LC_ALL=C awk -F '\t' -v src="$in" '
function fail(msg) {
    printf "%s:%d: %s\n", src, NR, msg > "/dev/stderr"
    bad = 1
    exit 1
}
# A C string literal for s: backslashes and double quotes escaped.  A loop,
# not gsub: awks disagree on what "\\" means in a replacement.
function cstr(s,    i, c, r) {
    r = ""
    for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (c == "\\" || c == "\"")
            r = r "\\"
        r = r c
    }
    return "\"" r "\""
}
BEGIN {
    print "/* generated from data/cameo.tsv by tools/gen_cameo_table.sh: do not edit */"
    print "static const cameo_code cameo_table[] = {"
    prev = ""
}
{ sub(/\r$/, "") }
/^#/ || /^[ \t]*$/ { next }
{
    if (NF != 7)
        fail("expected 7 tab-separated fields, found " NF)
    code = $1; root = $2; quad = $3; gold = $4
    if (code !~ /^[0-9][0-9][0-9]?[0-9]?$/)
        fail("bad code \"" code "\"")
    if (root != substr(code, 1, 2))
        fail("root \"" root "\" is not the start of code " code)
    if (quad !~ /^[1-4]$/)
        fail("quad_class must be 1..4, not \"" quad "\"")
    if (gold !~ /^-?[0-9]+(\.[0-9]+)?$/)
        fail("bad goldstein \"" gold "\"")
    if ($7 == "")
        fail("empty label for " code)
    # Concatenation forces a string comparison: "0211" < "022".
    if (prev != "" && !((prev "") < (code "")))
        fail("code " code " is not after " prev)
    if (index(gold, ".") == 0)
        gold = gold ".0"
    printf "    {%s, %s, %d, %s, %s, %s, %s},\n", cstr(code), cstr(root), \
        quad, gold, cstr($5), cstr($6), cstr($7)
    prev = code
    n++
}
END {
    if (bad)
        exit 1
    if (n == 0) {
        printf "%s: no codes\n", src > "/dev/stderr"
        exit 1
    }
    print "};"
}
' "$in" > "$tmp"

mv "$tmp" "$out"
trap - EXIT HUP INT TERM
