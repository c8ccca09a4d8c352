#!/bin/sh
# gen_date_table.sh -- compile data/dates.tsv into a C header for src/date.c.
# Usage: sh tools/gen_date_table.sh data/dates.tsv build/gen/date_table.h
# Run by the Makefile.  Checks every row (4 fields, a known language and
# kind, a lower-case phrase of single-space-separated words, an integer
# value; months 1-12 and weekdays 1-7) and writes nothing on error.  A
# phrase written "=word" becomes the row's `capital` flag.

set -eu

if [ $# -ne 2 ]; then
    echo "usage: $0 dates.tsv date_table.h" >&2
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
# A C string literal for s: backslashes and double quotes escaped, bytes
# outside ASCII as octal escapes (the en and em dash).  A loop, not gsub:
# awks disagree on what "\\" means in a replacement.
function cstr(s,    i, c, r) {
    r = ""
    for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (c == "\\" || c == "\"")
            r = r "\\" c
        else if (!(c in ascii))
            r = r sprintf("\\%03o", ord[c])
        else
            r = r c
    }
    return "\"" r "\""
}
BEGIN {
    for (i = 32; i < 127; i++)
        ascii[sprintf("%c", i)] = 1
    for (i = 128; i < 256; i++)
        ord[sprintf("%c", i)] = i
    n = split("month weekday days unit number ago last next this early mid late range daycue yearcue monthcue", k, " ")
    for (i = 1; i <= n; i++)
        kinds[k[i]] = 1
    print "/* generated from data/dates.tsv by tools/gen_date_table.sh: do not edit */"
    print "static const date_word date_words[] = {"
}
{ sub(/\r$/, "") }
/^#/ || /^[ \t]*$/ { next }
{
    if (NF != 4)
        fail("expected 4 tab-separated fields, found " NF)
    lang = $1; kind = $2; phrase = $3; value = $4
    if (lang != "id" && lang != "en" && lang != "ms" && lang != "*")
        fail("unknown language \"" lang "\" (id, en, ms or *)")
    if (!(kind in kinds))
        fail("unknown kind \"" kind "\"")
    capital = 0
    if (substr(phrase, 1, 1) == "=") {
        capital = 1
        phrase = substr(phrase, 2)
    }
    if (phrase == "" || phrase ~ /^ | $|  |[A-Z\t]/)
        fail("bad phrase \"" $3 "\": lower case, words split by one space")
    if (value !~ /^[-+]?[0-9]+$/)
        fail("bad value \"" value "\"")
    value += 0
    if (kind == "month" && (value < 1 || value > 12))
        fail("month must be 1..12, not " value)
    if (kind == "weekday" && (value < 1 || value > 7))
        fail("weekday must be 1..7, not " value)
    if (kind == "unit" && value != 1 && value != 7 && value != 30 && value != 365)
        fail("unit must be 1, 7, 30 or 365 days, not " value)
    key = lang SUBSEP kind SUBSEP phrase
    if (key in seen)
        fail("duplicate row, first at line " seen[key])
    seen[key] = NR
    printf "    {%s, DW_%s, %s, %d, %s},\n", cstr(lang == "*" ? "" : lang), \
        toupper(kind), cstr(phrase), value, capital ? "true" : "false"
    rows++
}
END {
    if (bad)
        exit 1
    if (rows == 0) {
        printf "%s: no rows\n", src > "/dev/stderr"
        exit 1
    }
    print "};"
}
' "$in" > "$tmp"

mv "$tmp" "$out"
trap - EXIT HUP INT TERM
