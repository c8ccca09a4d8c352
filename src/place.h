/*
** place.h -- the gazetteer: place names to GeoNames places, read from
** build/gen/gazetteer.bin, which tools/gazetteer_build.c writes from
** Debian's GeoNames data (libgeonames, iso-codes) and
** data/gazetteer-extra.tsv.  The file layout and the name folding live here
** so the builder and the reader cannot drift apart.
*/
#ifndef WARTA_PLACE_H
#define WARTA_PLACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <utf8proc.h>

#include "warta_int.h"

/* ---- The file ----------------------------------------------------------
** All integers are in the byte order of the machine that built the file
** (it is a build product, never shipped); `bom` tells a foreign one.
**
**   gz_header                      at 0
**   gz_place  places[n_places]     at places_off   (4-aligned)
**   gz_name   names[n_names]       at names_off    sorted by folded name
**   uint32_t  countries[n_countries] at countries_off: place indices,
**                                   sorted by ISO 3166 alpha-3
**   char      pool[pool_size]      at pool_off: NUL-terminated strings;
**                                   pool[0] = "" and the last byte is NUL
*/
#define GZ_MAGIC "WARTAGZ1"
#define GZ_VERSION 1u
#define GZ_BOM 0x01020304u

typedef struct gz_header {
    char magic[8];              /* GZ_MAGIC, no NUL */
    uint32_t version;           /* GZ_VERSION */
    uint32_t bom;               /* GZ_BOM */
    uint32_t header_size;       /* sizeof(gz_header) */
    uint32_t place_size;        /* sizeof(gz_place) */
    uint32_t n_places, places_off;
    uint32_t n_names, names_off;
    uint32_t n_countries, countries_off;
    uint32_t pool_size, pool_off;
    uint64_t file_size;         /* the whole file, to catch truncation */
} gz_header;

enum { GZ_CITY = 1, GZ_ADM1 = 2, GZ_COUNTRY = 3 };

typedef struct gz_place {
    uint32_t name;              /* pool offset of the display name */
    uint32_t geonames_id;       /* 0 for countries, regions, extra rows */
    int32_t lat_e6, lon_e6;     /* degrees * 1e6 */
    uint32_t population;        /* regions, countries: sum of their cities */
    char iso3[4];               /* ISO 3166-1 alpha-3, NUL-terminated */
    char adm1[12];              /* GeoNames admin1 code ("30"), "" if none */
    uint8_t kind;               /* GZ_CITY, GZ_ADM1, GZ_COUNTRY */
    uint8_t pad[3];
} gz_place;

typedef struct gz_name {
    uint32_t fold;              /* pool offset of the folded name */
    uint32_t place;             /* index into places */
} gz_name;

/* Fold a name for matching: case-folded, accents stripped (São -> sao),
** runs of spaces, hyphens and dashes made one space, dots and apostrophes
** dropped, ends trimmed.  Writes at most cap bytes plus nothing else (no
** NUL); returns the length, or 0 when the name is empty or too long. */
static inline size_t place_fold(const char *s, size_t n, char *out,
                                size_t cap)
{
    size_t o = 0, i = 0;
    bool space = false;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(
            (const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (len <= 0) {     /* invalid byte: skip it */
            i++;
            continue;
        }
        i += (size_t)len;
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
            cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x2013 ||
            cp == 0x2014 || cp == 0xA0) {
            space = o > 0;
            continue;
        }
        if (cp == '.' || cp == '\'' || cp == 0x2019 || cp == 0x2018 ||
            cp == '`' || cp == 0x02BB || cp == 0x02BC)
            continue;
        utf8proc_int32_t dec[8];
        utf8proc_ssize_t nd;
        if (cp < 0x80) {
            dec[0] = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
            nd = 1;
        } else {
            int last = 0;
            nd = utf8proc_decompose_char(
                cp, dec, 8,
                UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK,
                &last);
            if (nd < 0 || nd > 8)
                continue;
        }
        for (utf8proc_ssize_t k = 0; k < nd; k++) {
            utf8proc_uint8_t buf[4];
            utf8proc_ssize_t m = utf8proc_encode_char(dec[k], buf);
            if (m <= 0)
                continue;
            if (o + (space ? 1u : 0u) + (size_t)m > cap)
                return 0;
            if (space)
                out[o++] = ' ';
            space = false;
            for (utf8proc_ssize_t j = 0; j < m; j++)
                out[o++] = (char)buf[j];
        }
    }
    return o;
}

/* ---- place.c: lookup ---------------------------------------------------- */

typedef struct gazetteer gazetteer;

/* Map the gazetteer file (read-only, shared by threads).  NULL and a
** message in ctx on failure (WARTA_EIO: cannot open or map; WARTA_EDATA:
** not a gazetteer, another version, or truncated).  ctx must outlive the
** gazetteer; free it with place_close. */
warta_status place_open(warta_ctx *ctx, const char *path, gazetteer **out);
void place_close(gazetteer *g);

/* The best place with this name (matched case-insensitively, as folded
** UTF-8): a place in `prefer_iso3` first (when not NULL), then a country,
** then the most populous (a city before a region of the same country);
** countries and ADM1 regions are places too.  False when unknown. */
bool place_lookup(const gazetteer *g, const char *name, size_t n,
                  const char *prefer_iso3, warta_place *out);

/* A country's centroid, for actor geography as GDELT gives it.  False
** when the country is not in the gazetteer. */
bool place_country(const gazetteer *g, const char *iso3, warta_place *out);

/* The context's gazetteer (warta_config's), mapped on first use; NULL
** when there is none (said once, through the log). */
const gazetteer *place_gazetteer(warta_ctx *ctx);
/* An actor's geography as GDELT gives it, its country's centroid, in
** a->place; left as it is when the country is not known.  What `warta
** code` gives each side, and the store's exports the sides they rebuild. */
void place_of_actor(warta_ctx *ctx, warta_actor *a);

#endif
