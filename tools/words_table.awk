# words_table.awk -- the language packs' words.tsv as the C table of
# src/words.c; run by tools/gen_table.sh with tools/tsv_to_c.awk over
# data/packs/*/words.tsv.  The language is the pack's folder name.  Checks
# every row: a known kind, a lower-case ASCII form without spaces
# (src/words.c matches forms in any case, byte by byte), the words of a
# split spelling its form, the values hyphens, join and clitics take, a
# tag row's part of speech (one of UD's 17), no duplicate.
BEGIN {
    n = split("split suffix hyphens keep-hyphen clitic proclitic whole whole-prefix before-number join tag", k, " ")
    for (i = 1; i <= n; i++)
        kinds[k[i]] = 1
    print "/* generated from data/packs/<lang>/words.tsv by tools/words_table.awk: do not edit */"
    print "static const word_rule word_rules[] = {"
}
{ sub(/\r$/, "") }
/^#/ || /^[ \t]*$/ { next }
{
    lang = FILENAME
    if (!sub(/\/words\.tsv$/, "", lang) || !sub(/.*\//, "", lang) ||
        lang !~ /^[a-z][a-z][a-z]?$/)
        fail("not in a language pack's folder (data/packs/xx/words.tsv)")
    kind = $1; form = $2; words = $3
    if (!(kind in kinds))
        fail("unknown kind \"" kind "\"")
    want = (kind == "split" || kind == "clitic" || kind == "tag") ? 3 : 2
    if (NF != want)
        fail("a " kind " row has " want " tab-separated fields, not " NF)
    if (form == "" || form ~ /[A-Z]/ || form ~ /[^!-~]/)
        fail("bad form \"" form "\": lower-case ASCII, no spaces")
    if (kind == "split") {
        joined = words
        gsub(/ /, "", joined)
        if (words ~ /^ | $|  / || joined != form || index(words, " ") == 0)
            fail("the words \"" words "\" must spell \"" form "\", split by single spaces")
    }
    if (kind == "hyphens" && form != "split" && form != "keep")
        fail("hyphens are split or keep, not \"" form "\"")
    if (kind == "join" && form != "punctuation" && form != "address")
        fail("join punctuation or address, not \"" form "\"")
    if (kind == "tag" && words !~ /^(ADJ|ADP|ADV|AUX|CCONJ|DET|INTJ|NOUN|NUM|PART|PRON|PROPN|PUNCT|SCONJ|SYM|VERB|X)$/)
        fail("a tag row gives a UD part of speech (ADP, SCONJ ...), not \"" words "\"")
    if (kind == "clitic" && words != "any" && words != "known")
        fail("a clitic splits after any word or a known one, not \"" words "\"")
    key = lang SUBSEP kind SUBSEP form
    if (key in seen)
        fail("duplicate row, first at line " seen[key])
    seen[key] = FNR
    c = toupper(kind)
    gsub(/-/, "_", c)
    printf "    {%s, WR_%s, %s, %s},\n", cstr(lang), c, cstr(form), \
        want == 3 ? cstr(words) : "NULL"
    rows++
}
