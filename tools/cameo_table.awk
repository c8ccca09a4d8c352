# cameo_table.awk -- data/cameo.tsv as the C table of src/cameo.c; run by
# tools/gen_table.sh with tools/tsv_to_c.awk.  Checks every row (7 fields,
# code and root digits, quad class 1..4, numeric Goldstein, codes strictly
# ascending in byte order, which cameo_lookup's binary search needs).
BEGIN {
    print "/* generated from data/cameo.tsv by tools/cameo_table.awk: do not edit */"
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
    rows++
}
