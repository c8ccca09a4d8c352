# country_table.awk -- data/countries.tsv as the C table of src/country.c;
# run by tools/gen_table.sh with tools/tsv_to_c.awk.  Checks every row (4
# fields, three and two capital letters, a FIPS code of two capitals or
# nothing, a name, alpha-3 codes strictly ascending: country.c searches
# the table by halving).
BEGIN {
    print "/* generated from data/countries.tsv by tools/country_table.awk: do not edit */"
    print "static const country_codes country_table[] = {"
    prev = ""
}
{ sub(/\r$/, "") }
/^#/ || /^[ \t]*$/ { next }
{
    if (NF != 4)
        fail("expected 4 tab-separated fields, found " NF)
    if ($1 !~ /^[A-Z][A-Z][A-Z]$/)
        fail("bad alpha-3 code \"" $1 "\"")
    if ($2 !~ /^[A-Z][A-Z]$/)
        fail("bad alpha-2 code \"" $2 "\"")
    if ($3 !~ /^([A-Z][A-Z])?$/)
        fail("bad FIPS 10-4 code \"" $3 "\"")
    if ($4 == "")
        fail("no name for " $1)
    if (prev != "" && !(prev < $1))
        fail($1 " is not after " prev)
    printf "    {%s, %s, %s},\n", cstr($1), cstr($2), cstr($3)
    prev = $1
    rows++
}
