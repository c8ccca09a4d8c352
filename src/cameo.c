/*
** cameo.c -- look up CAMEO event codes: label, root, QuadClass, Goldstein,
** PLOVER type and mode.  Reads cameo_table.h, which the build generates from
** data/cameo.tsv (tools/cameo_table.awk); hands static rows to the coder.
** The table is const data sorted by code, so lookups need no state or lock.
*/
#include <string.h>

#include "cameo.h"

#include "cameo_table.h"

#define CAMEO_N (sizeof(cameo_table) / sizeof(cameo_table[0]))

/* Compare code[0..n) with the NUL-terminated z, in byte order. */
static int compare_code(const char *code, size_t n, const char *z)
{
    size_t zn = strlen(z);
    int c = memcmp(code, z, n < zn ? n : zn);
    if (c != 0)
        return c;
    return n < zn ? -1 : n > zn;
}

const cameo_code *cameo_lookup(const char *code, size_t n)
{
    size_t lo = 0, hi = CAMEO_N;

    if (code == NULL || n == 0)
        return NULL;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = compare_code(code, n, cameo_table[mid].code);
        if (c == 0)
            return &cameo_table[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

size_t cameo_count(void)
{
    return CAMEO_N;
}

const cameo_code *cameo_at(size_t i)
{
    return i < CAMEO_N ? &cameo_table[i] : NULL;
}

bool cameo_is_valid(const char *code, size_t n)
{
    return cameo_lookup(code, n) != NULL;
}
