/*
** country.c -- a country's codes in the schemes the exports write: ISO
** 3166-1 alpha-2 (PLOVER's location object) and FIPS 10-4 (GDELT's
** geography columns), from its alpha-3 code, the one warta's actors and
** places carry.  Reads country_table.h, which the build generates from
** data/countries.tsv (tools/country_table.awk): const data sorted by
** alpha-3 code, so lookups need no state or lock.
*/
#include <string.h>

#include "warta_int.h"

typedef struct country_codes {
    const char *iso3, *iso2, *fips;     /* fips "" where FIPS 10-4 has none */
} country_codes;

#include "country_table.h"

static const country_codes *country_find(const char *iso3)
{
    size_t lo = 0, hi = ARRAY_LEN(country_table);
    if (!iso3)
        return NULL;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(iso3, country_table[mid].iso3);
        if (c == 0)
            return &country_table[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

bool country_known(const char *iso3)
{
    return country_find(iso3) != NULL;
}

const char *country_iso2(const char *iso3)
{
    const country_codes *c = country_find(iso3);
    return c ? c->iso2 : "";
}

const char *country_fips(const char *iso3)
{
    const country_codes *c = country_find(iso3);
    return c ? c->fips : "";
}
