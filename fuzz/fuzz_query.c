/*
** fuzz_query.c -- libFuzzer target: the store's query builder
** (src/query.c) with arbitrary filter sets, through warta_store_query and
** warta_store_export over a small store.  The input is
**
**   BY QUAD TOP FLAGS actor\n source\n target\n code\n from\n to\n
**   lang\n country\n text\n by\n quad\n level\n sort
**
** four bytes, then up to thirteen lines: an empty line leaves its filter
** unset, a line "\x7f" sets it to "".  BY picks the grouping (0: none;
** 1-10: day ... actor, dyad,month, actor,week, code,year; from 11 on, the
** tenth line); QUAD's low four bits are QuadClasses 1-4 ("1,3"), or with
** its high bit set the eleventh line is the list; TOP is taken as it is;
** FLAGS bit 0 is "undirected", bits 1-2 an export format (none, GDELT,
** PLOVER, CSV), bit 3 GDELT's places in ISO codes.  A query either runs,
** or is refused with WARTA_EINVAL and a message; every event it lists
** passes the code, quad, date and country filters (codes in any case).
*/
#include <strings.h>

#include "helpers.h"

#define N_LINES 13

/* A store of coded sentences, made once and opened read-only. */
static warta_store *fuzz_store(void)
{
    static warta_store *st;
    if (st)
        return st;
    static const char *const extra[][3] = {
        {"x1", "2023-09-01", "Russia criticized Indonesia over Jakarta."},
        {"x2", "2024-02-29", "Malaysia met Russia in Moscow."},
        {"x3", NULL, "Indonesia criticized Malaysia."},
    };
    warta_ctx *ctx = fuzz_ctx();
    warta_dict *d;
    if (warta_dict_new(ctx, &d) != WARTA_OK)
        abort();
    fuzz_load_base(ctx, d);
    const char *path = fuzz_path("query.db");
    if (warta_store_open(ctx, path, 0, &st) != WARTA_OK)
        abort();
    size_t n_base = sizeof fuzz_sentences / sizeof *fuzz_sentences;
    for (size_t i = 0; i < n_base + sizeof extra / sizeof *extra; i++) {
        const char *text = i < n_base ? fuzz_sentences[i][1]
                                      : extra[i - n_base][2];
        warta_meta meta = {.id = i < n_base ? fuzz_sentences[i][0]
                                            : extra[i - n_base][0],
                           .date = i < n_base ? "2023-08-08"
                                              : extra[i - n_base][1],
                           .source = i % 2 ? "Wire A" : "Wire B"};
        fuzz_store_text(ctx, st, d, &meta, text);
    }
    warta_store_close(st);
    warta_dict_free(d);
    if (warta_store_open(ctx, path, WARTA_STORE_READONLY, &st) != WARTA_OK)
        abort();
    return st;                  /* kept for the whole run */
}

static bool has_prefix(const char *s, const char *p)
{
    return s && strncasecmp(s, p, strlen(p)) == 0;
}

/* Is the QuadClass q in the list (its items checked by the store)? */
static bool quad_in(const char *q, const char *list)
{
    for (const char *at = list; *at; at++)
        if (*at == q[0] && !q[1])
            return true;
    return false;
}

static const char *column(int n, const char *const *names,
                          const char *const *values, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return values[i];
    return NULL;
}

/* An event row must pass the filters a plain reading of them gives. */
static int check_event(void *ud, int n, const char *const *names,
                       const char *const *values)
{
    const warta_query *q = ud;
    const char *source = column(n, names, values, "source");
    const char *target = column(n, names, values, "target");
    const char *code = column(n, names, values, "code");
    const char *quad = column(n, names, values, "quad");
    const char *date = column(n, names, values, "date");
    const char *country = column(n, names, values, "country");
    if (!column(n, names, values, "id") || !source || !target || !code ||
        !quad || !date)
        abort();
    if (q->actor && !has_prefix(source, q->actor) &&
        !has_prefix(target, q->actor))
        abort();
    if (q->source &&
        !(has_prefix(source, q->source) && has_prefix(target, q->target)) &&
        !(q->undirected && has_prefix(source, q->target) &&
          has_prefix(target, q->source)))
        abort();
    if ((q->code && !has_prefix(code, q->code)) ||
        (q->quad && !quad_in(quad, q->quad)) ||
        (q->from && strcmp(date, q->from) < 0) ||
        (q->to && (!date[0] || strcmp(date, q->to) > 0)) ||
        (q->country && (!country || strcasecmp(country, q->country) != 0)))
        abort();
    return 0;
}

/* A grouped row: a key and counts, never an empty row. */
static int check_group(void *ud, int n, const char *const *names,
                       const char *const *values)
{
    (void)ud;
    if (n < 2 || !column(n, names, values, "events"))
        abort();
    return 0;
}

static int check_line(void *ud, const char *line, size_t n)
{
    (void)ud;
    if (n == 0 || line[n - 1] != '\n')
        abort();
    return 0;
}

/* The next line of the input: NULL when empty or absent, "" for "\x7f". */
static char *next_field(const char **p, const char *end, char **owned)
{
    if (*p >= end) {
        *owned = NULL;
        return NULL;
    }
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    size_t n = nl ? (size_t)(nl - *p) : (size_t)(end - *p);
    char *s = strndup(*p, n);
    *p += nl ? n + 1 : n;
    *owned = s;
    if (!s || !s[0])
        return NULL;
    if (strcmp(s, "\x7f") == 0)
        s[0] = '\0';
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const bys[] = {
        NULL,   "day",  "week",       "month",      "year",    "dyad",
        "code", "actor", "dyad,month", "actor,week", "code,year", "place",
        "place,month"};
    enum { N_BYS = sizeof bys / sizeof bys[0] };
    if (size < 4)
        return 0;
    warta_store *st = fuzz_store();
    warta_ctx *ctx = fuzz_ctx();
    const char *p = (const char *)data + 4, *end = (const char *)data + size;
    char *owned[N_LINES];
    char *f[N_LINES];
    for (int i = 0; i < N_LINES; i++)
        f[i] = next_field(&p, end, &owned[i]);
    char quads[8] = "";
    for (int i = 0; i < 4; i++)
        if (data[1] & 1u << i)
            snprintf(quads + strlen(quads), sizeof quads - strlen(quads),
                     "%s%d", quads[0] ? "," : "", i + 1);
    warta_query q = {.actor = f[0], .source = f[1], .target = f[2],
                     .code = f[3], .from = f[4], .to = f[5], .lang = f[6],
                     .country = f[7], .text = f[8],
                     .by = data[0] < N_BYS ? bys[data[0]] : f[9],
                     .quad = data[1] & 0x80 ? f[10] : quads[0] ? quads : NULL,
                     .level = f[11], .sort = f[12], .top = data[2],
                     .offset = data[3] >> 3,    /* 0..31 rows skipped */
                     .undirected = data[3] & 1};
    warta_status rc = warta_store_query(st, &q, q.by ? check_group
                                                     : check_event, &q);
    if (rc != WARTA_OK && (rc != WARTA_EINVAL || !warta_errmsg(ctx)[0]))
        abort();
    static const warta_format formats[] = {WARTA_FORMAT_GDELT,
                                           WARTA_FORMAT_PLOVER,
                                           WARTA_FORMAT_CSV};
    unsigned fmt = (data[3] >> 1) & 3;
    if (fmt) {
        unsigned flags = (data[3] >> 3) & 1 ? WARTA_WRITE_GEO_ISO3 : 0;
        rc = warta_store_export(st, &q, formats[fmt - 1], flags, check_line,
                                NULL);
        if (rc != WARTA_OK && (rc != WARTA_EINVAL || !warta_errmsg(ctx)[0]))
            abort();
    }
    for (int i = 0; i < N_LINES; i++)
        free(owned[i]);
    return 0;
}
