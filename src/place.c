/*
** place.c -- the gazetteer: maps build/gen/gazetteer.bin (see place.h for
** its layout), checks every size and offset once at open, then answers
** name and country look-ups by binary search.  It hands warta_place values
** to the coder; the mapping is read-only, so threads may share it.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "place.h"

struct gazetteer {
    warta_ctx *ctx;             /* allocated the struct; outlives it */
    const unsigned char *map;
    size_t map_size;
    const gz_place *places;
    const gz_name *names;
    const uint32_t *countries;
    const char *pool;
    uint32_t n_places, n_names, n_countries, pool_size;
};

/* Is [off, off + n * size) inside a file of file_size bytes? */
static bool span_ok(uint64_t off, uint64_t n, uint64_t size,
                    uint64_t file_size)
{
    return off <= file_size && n <= (file_size - off) / (size ? size : 1);
}

static warta_status check_header(warta_ctx *ctx, const char *path,
                                 const unsigned char *map, size_t size)
{
    gz_header h;
    if (size < sizeof h)
        return ctx_error(ctx, WARTA_EDATA,
                         "%s: not a gazetteer (only %zu bytes)", path, size);
    memcpy(&h, map, sizeof h);
    if (memcmp(h.magic, GZ_MAGIC, 8) != 0)
        return ctx_error(ctx, WARTA_EDATA,
                         "%s: not a gazetteer (bad magic)", path);
    if (h.bom != GZ_BOM || h.version != GZ_VERSION ||
        h.header_size != sizeof h || h.place_size != sizeof(gz_place))
        return ctx_error(ctx, WARTA_EDATA,
                         "%s: gazetteer version %u, byte order or record "
                         "size not this build's (rebuild it)",
                         path, (unsigned)h.version);
    if (h.file_size != size)
        return ctx_error(ctx, WARTA_EDATA,
                         "%s: gazetteer truncated or padded (%zu bytes, "
                         "header says %llu)",
                         path, size, (unsigned long long)h.file_size);
    if (h.places_off % 4 || h.names_off % 4 || h.countries_off % 4 ||
        !span_ok(h.places_off, h.n_places, sizeof(gz_place), size) ||
        !span_ok(h.names_off, h.n_names, sizeof(gz_name), size) ||
        !span_ok(h.countries_off, h.n_countries, 4, size) ||
        !span_ok(h.pool_off, h.pool_size, 1, size) || h.pool_size == 0 ||
        map[h.pool_off + h.pool_size - 1] != '\0')
        return ctx_error(ctx, WARTA_EDATA,
                         "%s: gazetteer sections out of bounds", path);
    return WARTA_OK;
}

warta_status place_open(warta_ctx *ctx, const char *path, gazetteer **out)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ctx_error(ctx, WARTA_EIO, "%s: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return ctx_error(ctx, WARTA_EIO, "%s: %s", path, strerror(e));
    }
    size_t size = (size_t)st.st_size;
    if (size < sizeof(gz_header)) {
        close(fd);
        return ctx_error(ctx, WARTA_EDATA,
                         "%s: not a gazetteer (only %zu bytes)", path, size);
    }
    void *map = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);
    int e = errno;
    close(fd);
    if (map == MAP_FAILED)
        return ctx_error(ctx, WARTA_EIO, "%s: mmap: %s", path, strerror(e));
    warta_status rc = check_header(ctx, path, map, size);
    if (rc != WARTA_OK) {
        munmap(map, size);
        return rc;
    }
    gazetteer *g = ctx_alloc(ctx, sizeof *g);
    if (!g) {
        munmap(map, size);
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory");
    }
    const unsigned char *m = map;
    gz_header h;
    memcpy(&h, m, sizeof h);
    *g = (gazetteer){
        .ctx = ctx,
        .map = m,
        .map_size = size,
        .places = (const gz_place *)(const void *)(m + h.places_off),
        .names = (const gz_name *)(const void *)(m + h.names_off),
        .countries = (const uint32_t *)(const void *)(m + h.countries_off),
        .pool = (const char *)m + h.pool_off,
        .n_places = h.n_places,
        .n_names = h.n_names,
        .n_countries = h.n_countries,
        .pool_size = h.pool_size,
    };
    *out = g;
    return WARTA_OK;
}

void place_close(gazetteer *g)
{
    if (!g)
        return;
    munmap((void *)g->map, g->map_size);
    ctx_free(g->ctx, g, sizeof *g);
}

/* A pool string; "" for an offset outside the pool (the pool ends in NUL,
** so every in-bounds offset is a terminated string). */
static const char *pool_str(const gazetteer *g, uint32_t off)
{
    return off < g->pool_size ? g->pool + off : "";
}

static const gz_place *place_at(const gazetteer *g, uint32_t i)
{
    return i < g->n_places ? &g->places[i] : NULL;
}

static void to_warta_place(const gazetteer *g, const gz_place *p,
                           warta_place *out)
{
    memset(out, 0, sizeof *out);
    const char *name = pool_str(g, p->name);
    size_t n = strlen(name);
    if (n >= sizeof out->name) {            /* cut at a character boundary */
        n = sizeof out->name - 1;
        while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out->name, name, n);
    out->geonames_id = p->geonames_id;
    out->kind = p->kind == GZ_COUNTRY ? WARTA_PLACE_COUNTRY
              : p->kind == GZ_ADM1    ? WARTA_PLACE_REGION
                                      : WARTA_PLACE_CITY;
    memcpy(out->country, p->iso3, 3);
    size_t na = strnlen(p->adm1, sizeof p->adm1);
    if (na >= sizeof out->adm1)
        na = sizeof out->adm1 - 1;
    memcpy(out->adm1, p->adm1, na);
    out->lat = p->lat_e6 / 1e6;
    out->lon = p->lon_e6 / 1e6;
}

/* Is a a better answer than b?  See place_lookup. */
static bool better(const gz_place *a, const gz_place *b, const char *prefer)
{
    if (prefer) {
        bool pa = memcmp(a->iso3, prefer, 3) == 0;
        bool pb = memcmp(b->iso3, prefer, 3) == 0;
        if (pa != pb)
            return pa;
    }
    if ((a->kind == GZ_COUNTRY) != (b->kind == GZ_COUNTRY))
        return a->kind == GZ_COUNTRY;
    /* "Jakarta", "New York": the city, not the region around it. */
    if (memcmp(a->iso3, b->iso3, 3) == 0 && a->kind != b->kind)
        return a->kind == GZ_CITY;
    return a->population > b->population;
}

bool place_lookup(const gazetteer *g, const char *name, size_t n,
                  const char *prefer_iso3, warta_place *out)
{
    char key[256];
    size_t nk = place_fold(name, n, key, sizeof key - 1);
    if (!g || nk == 0)
        return false;
    key[nk] = '\0';
    if (prefer_iso3 && strlen(prefer_iso3) != 3)
        prefer_iso3 = NULL;
    size_t lo = 0, hi = g->n_names;         /* first name >= key */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(pool_str(g, g->names[mid].fold), key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    const gz_place *best = NULL;
    for (size_t i = lo;
         i < g->n_names && strcmp(pool_str(g, g->names[i].fold), key) == 0;
         i++) {
        const gz_place *p = place_at(g, g->names[i].place);
        if (p && (!best || better(p, best, prefer_iso3)))
            best = p;
    }
    if (!best)
        return false;
    to_warta_place(g, best, out);
    return true;
}

bool place_country(const gazetteer *g, const char *iso3, warta_place *out)
{
    if (!g || !iso3 || strlen(iso3) != 3)
        return false;
    size_t lo = 0, hi = g->n_countries;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const gz_place *p = place_at(g, g->countries[mid]);
        int c = p ? memcmp(p->iso3, iso3, 3) : -1;
        if (c == 0) {
            to_warta_place(g, p, out);
            return true;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

const gazetteer *place_gazetteer(warta_ctx *ctx)
{
    if (ctx->places || ctx->places_failed || !ctx->gazetteer_path)
        return ctx->places;
    char msg[sizeof ctx->errmsg];
    snprintf(msg, sizeof msg, "%s", ctx->errmsg);
    if (place_open(ctx, ctx->gazetteer_path, &ctx->places) != WARTA_OK) {
        ctx_log(ctx, WARTA_LOG_WARN, "%s; events get no places (the "
                "gazetteer is gazetteer.bin in warta's data directory, "
                "$WARTA_DATA)", warta_errmsg(ctx));
        ctx->places_failed = true;
        ctx->places = NULL;
    }
    snprintf(ctx->errmsg, sizeof ctx->errmsg, "%s", msg);
    return ctx->places;
}

void place_of_actor(warta_ctx *ctx, warta_actor *a)
{
    const gazetteer *g = place_gazetteer(ctx);
    if (g && a->country[0])
        place_country(g, a->country, &a->place);
}
