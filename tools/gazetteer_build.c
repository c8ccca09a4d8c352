/*
** gazetteer_build.c -- writes build/gen/gazetteer.bin (layout in
** src/place.h) from Debian's GeoNames data and data/gazetteer-extra.tsv.
**
**   gazetteer_build OUT EXTRA.tsv ISO3166-1.json LOCALEDIR
**
** Cities (GeoNames cities15000: id, name, admin1, country, population,
** lat/lon) come from libgeonames (package libgeonames0, its data compiled
** into the library as a GResource), read through its API.  Localised names
** come from libgeonames-common's gettext catalogues,
** LOCALEDIR/{en,id}/LC_MESSAGES/geonames.mo, keyed by GeoNames id ("105343"),
** country code ("SA") or admin1 key ("ID.30").  Alpha-2 -> alpha-3 and
** country names come from iso-codes (ISO3166-1.json and the Indonesian
** LOCALEDIR/id/LC_MESSAGES/iso_3166-1.mo).  Regions and countries are
** built from their cities: population the sum, position the mean (a
** country row in EXTRA overrides it).  Data (c) GeoNames, CC BY 4.0.
** A host tool: it may exit on error; memory is freed by exiting.
*/
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <geonames/geonames.h>
#include <jansson.h>

#include "place.h"

static void die(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gazetteer_build: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

#define PUSH(arr, n, cap)                                                   \
    (((n) == (cap) ? ((cap) = (cap) ? 2 * (cap) : 64,                        \
                      (arr) = xrealloc((arr), (cap) * sizeof *(arr)))        \
                   : (arr)),                                                 \
     &(arr)[(n)++])

/* ---- A string -> value map (open addressing) ------------------------- */

typedef struct smap {
    char **keys;
    const char **vals;
    size_t cap, n;
} smap;

static size_t smap_slot(const smap *m, const char *k)
{
    size_t i = (size_t)hash_bytes(k, strlen(k)) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], k) != 0)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static void smap_put(smap *m, const char *k, const char *v)
{
    if (2 * (m->n + 1) > m->cap) {
        smap old = *m;
        m->cap = old.cap ? 2 * old.cap : 1024;
        m->keys = calloc(m->cap, sizeof *m->keys);
        m->vals = calloc(m->cap, sizeof *m->vals);
        if (!m->keys || !m->vals)
            die("out of memory");
        m->n = 0;
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i])
                smap_put(m, old.keys[i], old.vals[i]);
        free(old.keys);
        free(old.vals);
    }
    size_t i = smap_slot(m, k);
    if (!m->keys[i]) {
        m->keys[i] = xstrdup(k);
        m->n++;
    }
    m->vals[i] = v;
}

static const char *smap_get(const smap *m, const char *k)
{
    if (!m->cap)
        return NULL;
    size_t i = smap_slot(m, k);
    return m->keys[i] ? m->vals[i] : NULL;
}

/* ---- gettext .mo catalogues ------------------------------------------ */

static uint32_t mo_u32(const unsigned char *b, size_t size, size_t off,
                       bool swap, const char *path)
{
    if (off + 4 > size)
        die("%s: truncated catalogue", path);
    uint32_t v;
    memcpy(&v, b + off, 4);
    return swap ? __builtin_bswap32(v) : v;
}

/* Read every msgid -> msgstr pair of a .mo file into m; a missing file is
** an empty catalogue (the language is simply not there). */
static void mo_load(smap *m, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "gazetteer_build: %s: %s (skipped)\n", path,
                strerror(errno));
        return;
    }
    unsigned char *b = NULL;
    size_t size = 0, cap = 0, got;
    do {
        if (size == cap)
            b = xrealloc(b, cap = cap ? 2 * cap : 1 << 16);
        got = fread(b + size, 1, cap - size, f);
        size += got;
    } while (got > 0);
    fclose(f);
    uint32_t magic = mo_u32(b, size, 0, false, path);
    bool swap = magic == 0xde120495u;
    if (!swap && magic != 0x950412deu)
        die("%s: not a .mo file", path);
    uint32_t n = mo_u32(b, size, 8, swap, path);
    uint32_t oo = mo_u32(b, size, 12, swap, path);
    uint32_t to = mo_u32(b, size, 16, swap, path);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t kl = mo_u32(b, size, oo + 8 * (size_t)i, swap, path);
        uint32_t ko = mo_u32(b, size, oo + 8 * (size_t)i + 4, swap, path);
        uint32_t vl = mo_u32(b, size, to + 8 * (size_t)i, swap, path);
        uint32_t vo = mo_u32(b, size, to + 8 * (size_t)i + 4, swap, path);
        if ((size_t)ko + kl >= size || (size_t)vo + vl >= size)
            die("%s: string out of bounds", path);
        if (kl == 0 || vl == 0)
            continue;               /* the header entry */
        smap_put(m, (char *)b + ko, (char *)b + vo);    /* NUL-terminated */
    }
}

/* ---- Places and names ------------------------------------------------- */

typedef struct bplace {
    char *name;
    uint32_t gid;
    double lat, lon;            /* for regions and countries: sums, then means */
    uint64_t pop;
    uint32_t n_cities;
    char iso3[4], adm1[12];
    uint8_t kind;
    bool fixed_pos;             /* position from EXTRA: do not average */
} bplace;

typedef struct bname {
    char *fold;
    uint32_t place;
} bname;

static bplace *places;
static size_t n_places, cap_places;
static bname *names;
static size_t n_names, cap_names;

static uint32_t add_place(const char *name, uint8_t kind, const char *iso3,
                          const char *adm1)
{
    bplace *p = PUSH(places, n_places, cap_places);
    memset(p, 0, sizeof *p);
    p->name = xstrdup(name);
    p->kind = kind;
    snprintf(p->iso3, sizeof p->iso3, "%s", iso3);
    snprintf(p->adm1, sizeof p->adm1, "%s", adm1 ? adm1 : "");
    return (uint32_t)(n_places - 1);
}

static void add_name(const char *name, uint32_t place)
{
    char buf[256];
    if (!name)
        return;
    size_t n = place_fold(name, strlen(name), buf, sizeof buf - 1);
    if (n < 3)      /* "AS" (Amerika Serikat) would match the word "as" */
        return;
    buf[n] = '\0';
    bname *e = PUSH(names, n_names, cap_names);
    e->fold = xstrdup(buf);
    e->place = place;
}

/* Regional names in the Indonesian catalogue often carry an
** administrative title; the press drops it ("Provinsi Bali" -> "Bali"). */
static const char *const adm1_titles[] = {
    "Provinsi ", "Propinsi ", "Daerah Tingkat I ", "Daerah Istimewa ",
    "Province of ", "State of ", "Region of ",
};

static void add_adm1_name(const char *name, uint32_t place)
{
    if (!name)
        return;
    add_name(name, place);
    for (size_t i = 0; i < ARRAY_LEN(adm1_titles); i++) {
        size_t n = strlen(adm1_titles[i]);
        if (strncmp(name, adm1_titles[i], n) == 0 && name[n])
            add_name(name + n, place);
    }
}

/* ---- Countries -------------------------------------------------------- */

typedef struct country {
    char a2[3], a3[4];
    const char *name, *official, *common;
    uint32_t place;             /* UINT32_MAX until it has a position */
    double lat, lon;
    uint64_t pop;
    uint32_t n_cities;
    bool fixed_pos;
    char *extra_name;
} country;

static country *countries;
static size_t n_countries, cap_countries;

static country *country_a2(const char *a2)
{
    for (size_t i = 0; i < n_countries; i++)
        if (strcmp(countries[i].a2, a2) == 0)
            return &countries[i];
    return NULL;
}

static country *country_a3(const char *a3)
{
    for (size_t i = 0; i < n_countries; i++)
        if (strcmp(countries[i].a3, a3) == 0)
            return &countries[i];
    return NULL;
}

static const char *jstr(json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? xstrdup(s) : NULL;
}

static void load_iso(const char *path)
{
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    if (!root)
        die("%s:%d: %s", path, err.line, err.text);
    json_t *arr = json_object_get(root, "3166-1");
    if (!json_is_array(arr))
        die("%s: no \"3166-1\" array", path);
    size_t i;
    json_t *e;
    json_array_foreach(arr, i, e) {
        const char *a2 = json_string_value(json_object_get(e, "alpha_2"));
        const char *a3 = json_string_value(json_object_get(e, "alpha_3"));
        if (!a2 || !a3 || strlen(a2) != 2 || strlen(a3) != 3)
            continue;
        country *c = PUSH(countries, n_countries, cap_countries);
        memset(c, 0, sizeof *c);
        memcpy(c->a2, a2, 3);
        memcpy(c->a3, a3, 4);
        c->name = jstr(e, "name");
        c->official = jstr(e, "official_name");
        c->common = jstr(e, "common_name");
        c->place = UINT32_MAX;
    }
    json_decref(root);
}

/* ---- data/gazetteer-extra.tsv ----------------------------------------- */

#define MAX_FIELDS 8

static size_t split_tabs(char *line, char **f)
{
    size_t n = 0;
    line[strcspn(line, "\r\n")] = '\0';
    for (char *p = line; n < MAX_FIELDS;) {
        f[n++] = p;
        char *t = strchr(p, '\t');
        if (!t)
            break;
        *t = '\0';
        p = t + 1;
    }
    return n;
}

static double num(const char *s, const char *path, int line)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end)
        die("%s:%d: not a number: \"%s\"", path, line, s);
    return v;
}

/* The place an alias names: a place called target in iso3, the best as
** place_lookup would choose (country, then population). */
static uint32_t find_place(const char *target, const char *iso3)
{
    char buf[256];
    size_t n = place_fold(target, strlen(target), buf, sizeof buf - 1);
    buf[n] = '\0';
    uint32_t best = UINT32_MAX;
    for (size_t i = 0; i < n_names; i++) {
        if (strcmp(names[i].fold, buf) != 0)
            continue;
        const bplace *p = &places[names[i].place];
        if (strcmp(p->iso3, iso3) != 0)
            continue;
        if (best == UINT32_MAX ||
            (p->kind == GZ_COUNTRY && places[best].kind != GZ_COUNTRY) ||
            (p->kind == places[best].kind && p->pop > places[best].pop) ||
            (places[best].kind == GZ_ADM1 && p->kind == GZ_CITY))
            best = names[i].place;
    }
    return best;
}

/* Pass 1 reads `code` and `country` rows (before the cities are added);
** pass 2 the rows that name places (after). */
static void load_extra(const char *path, int pass)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("%s: %s", path, strerror(errno));
    char line[1024];
    int ln = 0;
    while (fgets(line, sizeof line, f)) {
        ln++;
        if (line[0] == '#' || line[0] == '\n' || line[0] == '\r')
            continue;
        char *fl[MAX_FIELDS];
        size_t nf = split_tabs(line, fl);
        const char *kind = fl[0];
        if (strcmp(kind, "code") == 0 && nf == 3) {
            if (pass != 1)
                continue;
            country *c = country_a3(fl[2]);
            if (!c) {
                c = PUSH(countries, n_countries, cap_countries);
                memset(c, 0, sizeof *c);
                c->place = UINT32_MAX;
            }
            snprintf(c->a2, sizeof c->a2, "%s", fl[1]);
            snprintf(c->a3, sizeof c->a3, "%s", fl[2]);
        } else if (strcmp(kind, "country") == 0 && nf == 5) {
            if (pass != 1)
                continue;
            country *c = country_a3(fl[1]);
            if (!c)
                die("%s:%d: unknown country %s", path, ln, fl[1]);
            c->extra_name = xstrdup(fl[2]);
            c->lat = num(fl[3], path, ln);
            c->lon = num(fl[4], path, ln);
            c->fixed_pos = true;
        } else if (strcmp(kind, "alias") == 0 && nf == 4) {
            if (pass != 2)
                continue;
            uint32_t p = find_place(fl[3], fl[2]);
            if (p == UINT32_MAX)
                die("%s:%d: no place \"%s\" in %s", path, ln, fl[3], fl[2]);
            add_name(fl[1], p);
        } else if ((strcmp(kind, "adm1") == 0 && nf == 6) ||
                   (strcmp(kind, "city") == 0 && nf == 7)) {
            if (pass != 2)
                continue;
            bool city = kind[0] == 'c';
            if (!country_a3(fl[2]))
                die("%s:%d: unknown country %s", path, ln, fl[2]);
            uint32_t p = add_place(fl[1], city ? GZ_CITY : GZ_ADM1, fl[2],
                                   fl[3]);
            places[p].lat = num(fl[4], path, ln);
            places[p].lon = num(fl[5], path, ln);
            places[p].pop = city ? (uint64_t)num(fl[6], path, ln) : 0;
            places[p].fixed_pos = true;
            add_name(fl[1], p);
        } else {
            die("%s:%d: bad row (kind \"%s\", %zu fields)", path, ln, kind,
                nf);
        }
    }
    fclose(f);
}

/* ---- Writing ---------------------------------------------------------- */

static char *pool;
static size_t pool_n, pool_cap;

static uint32_t pool_add(const char *s)
{
    size_t n = strlen(s) + 1;
    while (pool_n + n > pool_cap)
        pool = xrealloc(pool, pool_cap = pool_cap ? 2 * pool_cap : 1 << 20);
    memcpy(pool + pool_n, s, n);
    pool_n += n;
    if (pool_n > UINT32_MAX)
        die("string pool too large");
    return (uint32_t)(pool_n - n);
}

static int cmp_name(const void *a, const void *b)
{
    const bname *x = a, *y = b;
    int c = strcmp(x->fold, y->fold);
    if (c)
        return c;
    return x->place < y->place ? -1 : x->place > y->place;
}

static int cmp_country(const void *a, const void *b)
{
    const uint32_t *x = a, *y = b;
    return strcmp(places[*x].iso3, places[*y].iso3);
}

static int32_t e6(double v)
{
    return (int32_t)(v * 1e6 + (v < 0 ? -0.5 : 0.5));
}

static void write_file(const char *out)
{
    /* Sort names and drop duplicates (same folded name, same place). */
    qsort(names, n_names, sizeof *names, cmp_name);
    size_t w = 0;
    for (size_t i = 0; i < n_names; i++)
        if (w == 0 || cmp_name(&names[w - 1], &names[i]) != 0)
            names[w++] = names[i];
    n_names = w;

    pool_add("");
    gz_place *gp = xrealloc(NULL, n_places * sizeof *gp);
    uint32_t *ci = xrealloc(NULL, n_places * sizeof *ci);
    size_t nci = 0;
    for (size_t i = 0; i < n_places; i++) {
        const bplace *p = &places[i];
        memset(&gp[i], 0, sizeof gp[i]);
        gp[i].name = pool_add(p->name);
        gp[i].geonames_id = p->gid;
        gp[i].lat_e6 = e6(p->lat);
        gp[i].lon_e6 = e6(p->lon);
        gp[i].population = p->pop > UINT32_MAX ? UINT32_MAX : (uint32_t)p->pop;
        memcpy(gp[i].iso3, p->iso3, 4);
        memcpy(gp[i].adm1, p->adm1, sizeof gp[i].adm1);
        gp[i].adm1[sizeof gp[i].adm1 - 1] = '\0';
        gp[i].kind = p->kind;
        if (p->kind == GZ_COUNTRY)
            ci[nci++] = (uint32_t)i;
    }
    qsort(ci, nci, sizeof *ci, cmp_country);
    gz_name *gn = xrealloc(NULL, n_names * sizeof *gn);
    for (size_t i = 0; i < n_names; i++) {
        gn[i].fold = pool_add(names[i].fold);
        gn[i].place = names[i].place;
    }

    gz_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, GZ_MAGIC, 8);
    h.version = GZ_VERSION;
    h.bom = GZ_BOM;
    h.header_size = sizeof h;
    h.place_size = sizeof(gz_place);
    h.n_places = (uint32_t)n_places;
    h.places_off = sizeof h;
    h.n_names = (uint32_t)n_names;
    h.names_off = h.places_off + (uint32_t)(n_places * sizeof *gp);
    h.n_countries = (uint32_t)nci;
    h.countries_off = h.names_off + (uint32_t)(n_names * sizeof *gn);
    h.pool_off = h.countries_off + (uint32_t)(nci * sizeof *ci);
    h.pool_size = (uint32_t)pool_n;
    h.file_size = (uint64_t)h.pool_off + pool_n;

    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", out);
    FILE *f = fopen(tmp, "wb");
    if (!f)
        die("%s: %s", tmp, strerror(errno));
    if (fwrite(&h, sizeof h, 1, f) != 1 ||
        fwrite(gp, sizeof *gp, n_places, f) != n_places ||
        fwrite(gn, sizeof *gn, n_names, f) != n_names ||
        fwrite(ci, sizeof *ci, nci, f) != nci ||
        fwrite(pool, 1, pool_n, f) != pool_n || fclose(f) != 0)
        die("%s: write failed", tmp);
    if (rename(tmp, out) != 0)
        die("%s: %s", out, strerror(errno));
    fprintf(stderr,
            "gazetteer_build: %s: %zu places (%zu countries), %zu names, "
            "%llu bytes\n",
            out, n_places, nci, n_names, (unsigned long long)h.file_size);
}

int main(int argc, char **argv)
{
    if (argc != 5)
        die("usage: gazetteer_build OUT EXTRA.tsv ISO3166-1.json LOCALEDIR");
    const char *out = argv[1], *extra = argv[2], *iso = argv[3],
               *locale = argv[4];
    char path[4096];
    smap en = {0}, id = {0}, iso_id = {0};
    snprintf(path, sizeof path, "%s/en/LC_MESSAGES/geonames.mo", locale);
    mo_load(&en, path);
    snprintf(path, sizeof path, "%s/id/LC_MESSAGES/geonames.mo", locale);
    mo_load(&id, path);
    snprintf(path, sizeof path, "%s/id/LC_MESSAGES/iso_3166-1.mo", locale);
    mo_load(&iso_id, path);
    load_iso(iso);
    load_extra(extra, 1);

    /* Cities, and the regions they lie in. */
    smap adm1 = {0};                /* "ID.30" -> region index + 1 (as ptr) */
    int n = geonames_get_n_cities();
    if (n <= 0)
        die("libgeonames has no cities");
    for (int i = 0; i < n; i++) {
        GeonamesCity *c = geonames_get_city(i);
        const char *gid, *name, *a1, *a1name, *cc, *cname, *tz;
        guint32 pop;
        double lat, lon;
        g_variant_get(c, "(&s&s&s&s&s&s&sudd)", &gid, &name, &a1, &a1name,
                      &cc, &cname, &tz, &pop, &lat, &lon);
        country *co = country_a2(cc);
        if (!co) {
            fprintf(stderr, "gazetteer_build: %s (%s): no ISO 3166 code for "
                    "\"%s\" (skipped)\n", name, gid, cc);
            geonames_city_free(c);
            continue;
        }
        uint32_t p = add_place(name, GZ_CITY, co->a3, a1);
        places[p].gid = (uint32_t)strtoul(gid, NULL, 10);
        places[p].lat = lat;
        places[p].lon = lon;
        places[p].pop = pop;
        add_name(name, p);
        add_name(smap_get(&en, gid), p);
        add_name(smap_get(&id, gid), p);
        co->pop += pop;
        co->n_cities++;
        if (!co->fixed_pos) {
            co->lat += lat;
            co->lon += lon;
        }
        if (!co->name)
            co->name = xstrdup(cname);
        if (strcmp(cname, co->name) != 0 && !co->common)
            co->common = xstrdup(cname);     /* "Russia", "Iran" */
        if (a1[0] && strcmp(a1, "00") != 0) {
            char key[32];
            snprintf(key, sizeof key, "%s.%s", cc, a1);
            const char *r = smap_get(&adm1, key);
            uint32_t ri;
            if (!r) {
                ri = add_place(a1name[0] ? a1name : key, GZ_ADM1, co->a3, a1);
                smap_put(&adm1, key, (const char *)(uintptr_t)(ri + 1));
                add_adm1_name(a1name, ri);
                add_adm1_name(smap_get(&en, key), ri);
                add_adm1_name(smap_get(&id, key), ri);
            } else {
                ri = (uint32_t)((uintptr_t)r - 1);
            }
            places[ri].lat += lat;
            places[ri].lon += lon;
            places[ri].pop += pop;
            places[ri].n_cities++;
        }
        geonames_city_free(c);
    }
    for (size_t i = 0; i < n_places; i++)
        if (places[i].kind == GZ_ADM1 && places[i].n_cities) {
            places[i].lat /= places[i].n_cities;
            places[i].lon /= places[i].n_cities;
        }

    /* Countries: those with cities or a position in EXTRA. */
    for (size_t i = 0; i < n_countries; i++) {
        country *c = &countries[i];
        if (!c->n_cities && !c->fixed_pos)
            continue;
        const char *nm = c->extra_name ? c->extra_name
                         : c->common       ? c->common
                         : c->name         ? c->name
                                           : c->a3;
        uint32_t p = add_place(nm, GZ_COUNTRY, c->a3, NULL);
        places[p].pop = c->pop;
        places[p].lat = c->fixed_pos ? c->lat : c->lat / c->n_cities;
        places[p].lon = c->fixed_pos ? c->lon : c->lon / c->n_cities;
        const char *en_names[] = {c->extra_name, c->name, c->official,
                                  c->common};
        for (size_t k = 0; k < ARRAY_LEN(en_names); k++) {
            if (!en_names[k])
                continue;
            add_name(en_names[k], p);
            add_name(smap_get(&iso_id, en_names[k]), p);
        }
        add_name(smap_get(&en, c->a2), p);
        add_name(smap_get(&id, c->a2), p);
    }

    load_extra(extra, 2);
    write_file(out);
    return 0;
}
