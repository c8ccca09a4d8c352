# date_table.awk -- data/dates.tsv as the C table of src/date.c; run by
# tools/gen_table.sh with tools/tsv_to_c.awk.  Checks every row (4 fields,
# a known language and kind, a lower-case phrase of single-space-separated
# words, an integer value; months 1-12 and weekdays 1-7).  A phrase written
# "=word" becomes the row's `capital` flag.
BEGIN {
    n = split("month weekday days unit number ago last next this early mid late range daycue yearcue monthcue", k, " ")
    for (i = 1; i <= n; i++)
        kinds[k[i]] = 1
    print "/* generated from data/dates.tsv by tools/date_table.awk: do not edit */"
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
