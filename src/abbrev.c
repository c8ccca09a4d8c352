/*
** abbrev.c -- abbreviations whose final period does not end a sentence,
** in English and Indonesian.  Used by split.c (where sentences end) and
** token.c (which keeps the period on the token).
**
** Case matters: "No." is an abbreviation, "no." ends "He said no."
** Words that often end a sentence ("etc.", "dll.") are left out.
*/
#include <string.h>

#include "warta_int.h"

static const char *const abbrevs[] = {
    /* titles and ranks */
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Rev", "Hon",
    "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Adm", "Brig", "Cmdr",
    "Gov", "Sen", "Rep", "Pres", "Amb", "Supt", "Insp",
    "H", "Hj", "Ir", "Drs", "Dra", "Bpk", "Sdr", "Sdri", "Yth", "Kol",
    "Letjen", "Mayjen", "Brigjen", "Jend", "Kapt", "Laksda", "Marsda",
    "Irjen", "Kombes", "Pdt", "Tgk", "KH", "Ust",
    /* places and addresses */
    "Jl", "Jln", "Gg", "Kab", "Kec", "Kel", "Prov", "Mt", "Ft", "Ave",
    "Blvd", "Rd", "No", "Nos", "Vol", "Kav", "Blok",
    /* organisations and money */
    "Inc", "Ltd", "Co", "Corp", "Bros", "Tbk", "Rp", "Dept", "Univ",
    "Assn", "vs", "approx", "dkk", "tsb", "a.n", "u.p",
    /* months */
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Agu", "Agt", "Sep",
    "Sept", "Oct", "Okt", "Nov", "Dec", "Des",
};

/* No abbreviation is longer than this; most words are rejected here. */
#define ABBREV_MAX 7

bool abbrev_is_known(const char *word, size_t n)
{
    if (n == 0 || n > ABBREV_MAX)
        return false;
    for (size_t k = 0; k < ARRAY_LEN(abbrevs); k++)
        if (abbrevs[k][0] == word[0] && strncmp(abbrevs[k], word, n) == 0 &&
            abbrevs[k][n] == '\0')
            return true;
    return false;
}
