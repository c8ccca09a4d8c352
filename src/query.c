/*
** query.c -- reading the event store: filters become one WHERE clause
** over the events table (every value bound, never pasted into SQL), and a
** grouping becomes one GROUP BY over the filtered events.
*/
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "place.h"
#include "warta_int.h"

/* A code prefix is shorter than this (check_query sees to it). */
#define CODE_MAX 32

/* A value bound to one ?: the caller's text, or the upper end of a code
** prefix's range, made here. */
typedef struct query_param {
    const char *text;               /* NULL: the value is bound */
    char bound[CODE_MAX];
} query_param;

/* The SQL being built and the values to bind to its ?s, in order.  Both
** grow with the filters, so no set of filters can outgrow them; the
** first failure is kept in rc and makes later calls no-ops. */
typedef struct query_sql {
    warta_ctx *ctx;
    warta_buf sql;
    jw w;                           /* writes to sql */
    query_param *params;
    size_t n_params, cap_params;
    warta_status rc;
} query_sql;

static void sql_init(query_sql *q, warta_ctx *ctx)
{
    *q = (query_sql){.ctx = ctx, .rc = WARTA_OK};
    q->w = (jw){.ctx = ctx, .b = &q->sql, .ok = true};
}

static void sql_free(query_sql *q)
{
    warta_buf_free(q->ctx, &q->sql);
    ctx_free(q->ctx, q->params, q->cap_params * sizeof *q->params);
}

static void add_sql(query_sql *q, const char *text)
{
    jw_raw(&q->w, text, strlen(text));
    if (!q->w.ok && q->rc == WARTA_OK)
        q->rc = WARTA_ENOMEM;
}

/* A ? and the value for it (the caller fills it in); NULL on failure. */
static query_param *add_param_slot(query_sql *q)
{
    add_sql(q, "?");
    if (q->rc != WARTA_OK)
        return NULL;
    if (q->n_params == q->cap_params) {
        size_t cap = q->cap_params ? 2 * q->cap_params : 16;
        query_param *p = ctx_realloc(q->ctx, q->params,
                                     q->cap_params * sizeof *p,
                                     cap * sizeof *p);
        if (!p) {
            q->rc = WARTA_ENOMEM;
            return NULL;
        }
        q->params = p;
        q->cap_params = cap;
    }
    return &q->params[q->n_params++];
}

static void add_param(query_sql *q, const char *v)
{
    query_param *p = add_param_slot(q);
    if (p)
        p->text = v;
}

/* The first code after every code that begins with prefix: "RUS" ->
** "RUT". */
static void add_upper_bound(query_sql *q, const char *prefix)
{
    size_t n = strlen(prefix);
    if (n == 0 || n >= CODE_MAX) {
        q->rc = WARTA_EINVAL;
        return;
    }
    query_param *p = add_param_slot(q);
    if (!p)
        return;
    p->text = NULL;
    memcpy(p->bound, prefix, n + 1);
    p->bound[n - 1]++;
}

/* "col >= 'RUS' AND col < 'RUT'": a code prefix as a range, so that the
** column's index serves it. */
static void add_prefix(query_sql *q, const char *col, const char *prefix)
{
    add_sql(q, "(");
    add_sql(q, col);
    add_sql(q, " >= ");
    add_param(q, prefix);
    add_sql(q, " AND ");
    add_sql(q, col);
    add_sql(q, " < ");
    add_upper_bound(q, prefix);
    add_sql(q, ")");
}

/* A code prefix: letters, digits and '-' only, 1 to CODE_MAX - 1 of
** them. */
static bool valid_code(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!isalnum((unsigned char)s[n]) && s[n] != '-')
            return false;
    return n > 0 && n < CODE_MAX;
}

/* The modes a list such as "negated,future" names, as bits (1u << each
** warta_mode); false, with the first name that is not a mode in *bad
** (bad_n bytes of it), when one is not. */
static bool parse_modes(const char *list, unsigned *bits, const char **bad,
                        size_t *bad_n)
{
    *bits = 0;
    for (const char *at = list;; at++) {
        size_t n = strcspn(at, ",");
        unsigned m = 0;
        while (m < WARTA_N_MODES &&
               !(strlen(warta_mode_name(m)) == n &&
                 strncmp(at, warta_mode_name(m), n) == 0))
            m++;
        if (m == WARTA_N_MODES) {
            *bad = at;
            *bad_n = n;
            return false;
        }
        *bits |= 1u << m;
        at += n;
        if (!*at)
            return true;
    }
}

#define MODE_NAME_COMMA(name, text) text ", "
static const char mode_names[] = WARTA_MODE_LIST(MODE_NAME_COMMA);

static warta_status check_query(warta_ctx *ctx, const warta_query *q)
{
    unsigned modes;
    const char *bad;
    size_t bad_n;
    if (q->mode && !parse_modes(q->mode, &modes, &bad, &bad_n))
        return ctx_error(ctx, WARTA_EINVAL,
                         "--mode: '%.*s' is not a mode (%.*s)",
                         (int)(bad_n < 40 ? bad_n : 40), bad,
                         (int)sizeof mode_names - 3, mode_names);
    const char *codes[][2] = {{"--actor", q->actor},
                              {"--dyad", q->source},
                              {"--dyad", q->target},
                              {"--code", q->code},
                              {"--country", q->country}};
    for (size_t i = 0; i < ARRAY_LEN(codes); i++)
        if (codes[i][1] && !valid_code(codes[i][1]))
            return ctx_error(ctx, WARTA_EINVAL,
                             "%s: '%s' is not a code (letters and digits)",
                             codes[i][0], codes[i][1]);
    if ((q->source != NULL) != (q->target != NULL))
        return ctx_error(ctx, WARTA_EINVAL, "a dyad needs both sides");
    if (q->quad && (q->quad < 1 || q->quad > 4))
        return ctx_error(ctx, WARTA_EINVAL, "--quad: %d is not 1..4", q->quad);
    if (q->from && !warta_date_valid(q->from))
        return ctx_error(ctx, WARTA_EINVAL, "--from: '%s' is not YYYY-MM-DD",
                         q->from);
    if (q->to && !warta_date_valid(q->to))
        return ctx_error(ctx, WARTA_EINVAL, "--to: '%s' is not YYYY-MM-DD",
                         q->to);
    return WARTA_OK;
}

/* WITH f AS (the events that pass every filter) */
static void add_filters(query_sql *s, const warta_query *q)
{
    add_sql(s, "WITH f AS (SELECT * FROM events e WHERE 1");
    if (q->actor) {
        add_sql(s, " AND (");
        add_prefix(s, "source", q->actor);
        add_sql(s, " OR ");
        add_prefix(s, "target", q->actor);
        add_sql(s, ")");
    }
    /* "+target" keeps SQLite from seeking on events_target: the source
    ** range on events_dyad(source, target, date, ...) tests the target in
    ** the index, which also covers a time series of the dyad. */
    if (q->source) {
        add_sql(s, " AND ((");
        add_prefix(s, "source", q->source);
        add_sql(s, " AND ");
        add_prefix(s, "+target", q->target);
        add_sql(s, ")");
        if (q->undirected) {
            add_sql(s, " OR (");
            add_prefix(s, "source", q->target);
            add_sql(s, " AND ");
            add_prefix(s, "+target", q->source);
            add_sql(s, ")");
        }
        add_sql(s, ")");
    }
    if (q->code) {
        add_sql(s, " AND ");
        add_prefix(s, "code", q->code);
    }
    if (q->quad) {
        char quad[32];
        snprintf(quad, sizeof quad, " AND quad = %d", q->quad);
        add_sql(s, quad);
    }
    if (q->from) {
        add_sql(s, " AND date >= ");
        add_param(s, q->from);
    }
    if (q->to) {
        add_sql(s, " AND date <> '' AND date <= ");
        add_param(s, q->to);
    }
    if (q->country) {
        add_sql(s, " AND place_country = ");
        add_param(s, q->country);
    }
    unsigned modes;
    const char *bad;
    size_t bad_n;
    if (q->mode && parse_modes(q->mode, &modes, &bad, &bad_n)) {
        const char *sep = " AND mode IN (";
        for (unsigned m = 0; m < WARTA_N_MODES; m++)
            if (modes & 1u << m) {
                add_sql(s, sep);
                add_param(s, warta_mode_name(m));
                sep = ", ";
            }
        add_sql(s, ")");
    }
    if (q->lang) {
        add_sql(s, " AND EXISTS (SELECT 1 FROM mentions m JOIN docs d"
                   " ON d.id = m.doc WHERE m.event = e.id AND d.lang = ");
        add_param(s, q->lang);
        add_sql(s, ")");
    }
    if (q->text) {
        add_sql(s, " AND EXISTS (SELECT 1 FROM mentions m WHERE"
                   " m.event = e.id AND m.sentence IN (SELECT rowid FROM"
                   " sentences_fts WHERE sentences_fts MATCH ");
        add_param(s, q->text);
        add_sql(s, "))");
    }
    add_sql(s, ") ");
}

#define GROUP_COUNTS "count(*) AS events, sum(mentions) AS mentions," \
                     " printf('%.2f', avg(goldstein)) AS goldstein"

/* What each --by selects from the filtered events f. */
static const struct grouping {
    const char *by, *sql;
} groupings[] = {
    {"day", "SELECT date AS day, " GROUP_COUNTS " FROM f WHERE date <> ''"
            " GROUP BY 1 ORDER BY 1"},
    /* a week is named by its Monday */
    {"week", "SELECT date(date, '-' || ((strftime('%w', date) + 6) % 7) ||"
             " ' days') AS week, " GROUP_COUNTS " FROM f WHERE date <> ''"
             " GROUP BY 1 ORDER BY 1"},
    {"month", "SELECT substr(date, 1, 7) AS month, " GROUP_COUNTS " FROM f"
              " WHERE date <> '' GROUP BY 1 ORDER BY 1"},
    {"year", "SELECT substr(date, 1, 4) AS year, " GROUP_COUNTS " FROM f"
             " WHERE date <> '' GROUP BY 1 ORDER BY 1"},
    {"dyad", "SELECT source, target, " GROUP_COUNTS " FROM f"
             " GROUP BY 1, 2 ORDER BY events DESC, 1, 2"},
    {"code", "SELECT code, label, " GROUP_COUNTS " FROM f"
             " GROUP BY 1 ORDER BY events DESC, 1"},
    {"actor", "SELECT actor, " GROUP_COUNTS " FROM (SELECT source AS actor,"
              " mentions, goldstein FROM f UNION ALL SELECT target, mentions,"
              " goldstein FROM f WHERE target <> source)"
              " GROUP BY 1 ORDER BY events DESC, 1"},
};

static const char events_sql[] =
    "SELECT id, date, source, code, target, label, mode, historical, quad,"
    " printf('%.1f', goldstein) AS goldstein, place,"
    " place_country AS country, mentions, sources, articles"
    " FROM f ORDER BY date, id";

static void add_limit(query_sql *s, unsigned top)
{
    if (top) {
        char limit[32];
        snprintf(limit, sizeof limit, " LIMIT %u", top);
        add_sql(s, limit);
    }
}

/* Prepare "WITH f AS (the filtered events) select [LIMIT top]" and bind
** its values; every ? gets the value added with it, or the query fails. */
static warta_status prepare_query(warta_store *st, const warta_query *q,
                                  const char *select, sqlite3_stmt **out)
{
    query_sql s;
    sql_init(&s, st->ctx);
    add_filters(&s, q);
    add_sql(&s, select);
    add_limit(&s, q->top);
    *out = NULL;
    warta_status rc = s.rc;
    if (rc == WARTA_ENOMEM)
        rc = ctx_error(st->ctx, rc, "query: out of memory");
    else if (rc != WARTA_OK)
        rc = ctx_error(st->ctx, rc, "query: a code of %d characters or more",
                       CODE_MAX);
    else if (sqlite3_prepare_v2(st->db, s.sql.p, (int)s.sql.n, out, NULL) !=
             SQLITE_OK)
        rc = store_db_error(st, "query");
    else if ((size_t)sqlite3_bind_parameter_count(*out) != s.n_params)
        rc = ctx_error(st->ctx, WARTA_EDB,
                       "query: %zu values for %d parameters", s.n_params,
                       sqlite3_bind_parameter_count(*out));
    for (size_t i = 0; rc == WARTA_OK && i < s.n_params; i++) {
        const query_param *p = &s.params[i];
        if (sqlite3_bind_text(*out, (int)i + 1, p->text ? p->text : p->bound,
                              -1, SQLITE_TRANSIENT) != SQLITE_OK)
            rc = store_db_error(st, "query");
    }
    sql_free(&s);
    if (rc != WARTA_OK) {
        sqlite3_finalize(*out);
        *out = NULL;
    }
    return rc;
}

/* Step through a prepared statement, handing each row to fn. */
static warta_status each_row(warta_store *st, sqlite3_stmt *s,
                             warta_row_fn fn, void *ud)
{
    int n = sqlite3_column_count(s);
    const char *names[64], *values[64];
    if (n > 64)
        n = 64;
    for (int i = 0; i < n; i++)
        names[i] = sqlite3_column_name(s, i);
    if (st->columns_only) {
        const char *none[64] = {NULL};
        fn(ud, n, names, none);
        return WARTA_OK;
    }
    int r;
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        for (int i = 0; i < n; i++)
            values[i] = (const char *)sqlite3_column_text(s, i);
        if (fn(ud, n, names, values))
            return WARTA_OK;
    }
    return r == SQLITE_DONE ? WARTA_OK : store_db_error(st, "query");
}

/* A malformed --text is the user's mistake, not the database's: FTS5
** says so with a plain SQLITE_ERROR ("fts5: syntax error", "unterminated
** string"), where a damaged or busy database gives other codes. */
static warta_status blame_text(warta_store *st, const warta_query *q,
                               warta_status rc)
{
    if (rc == WARTA_EDB && q->text && sqlite3_errcode(st->db) == SQLITE_ERROR)
        return ctx_error(st->ctx, WARTA_EINVAL, "--text: cannot read '%s'",
                         q->text);
    return rc;
}

warta_status warta_store_query(warta_store *st, const warta_query *q,
                               warta_row_fn fn, void *ud)
{
    if (!st || !q || !fn)
        return WARTA_EINVAL;
    warta_status rc = check_query(st->ctx, q);
    if (rc != WARTA_OK)
        return rc;
    const char *select = NULL;
    if (!q->by)
        select = events_sql;
    for (size_t i = 0; !select && i < ARRAY_LEN(groupings); i++)
        if (strcmp(q->by, groupings[i].by) == 0)
            select = groupings[i].sql;
    if (!select)
        return ctx_error(st->ctx, WARTA_EINVAL,
                         "--by: '%s' is not day, week, month, year, dyad, "
                         "code or actor", q->by);
    sqlite3_stmt *stmt;
    rc = prepare_query(st, q, select, &stmt);
    if (rc != WARTA_OK)
        return rc;
    rc = each_row(st, stmt, fn, ud);
    sqlite3_finalize(stmt);
    return blame_text(st, q, rc);
}

warta_status warta_store_columns(warta_store *st, const warta_query *q,
                                 warta_row_fn fn, void *ud)
{
    if (!st)
        return WARTA_EINVAL;
    st->columns_only = true;
    warta_status rc = warta_store_query(st, q, fn, ud);
    st->columns_only = false;
    return rc;
}

/* ---- exports ------------------------------------------------------------ */

/* Each event with its first report -- the earliest article's first
** sentence, whatever order the articles were stored in -- in the order of
** the columns enum. */
static const char export_sql[] =
    "SELECT f.id, f.date, f.precision, f.source, f.target, f.code, f.root,"
    " f.label, f.quad, f.goldstein, f.plover_type, f.plover_mode,"
    " f.source_country, f.target_country, f.place_id, f.place, f.place_key,"
    " f.place_country, f.place_adm1, f.lat, f.lon, f.mentions, f.sources,"
    " f.articles, f.mode, f.historical, d.ext_id, d.url, d.date, d.title,"
    " d.source, s.lang, s.idx, s.text,"
    " m.source_text, m.source_start, m.source_end, m.source_entry,"
    " m.target_text, m.target_start, m.target_end, m.target_entry,"
    " m.verb_text, m.verb_start, m.verb_end, m.rule"
    " FROM f JOIN mentions m ON m.id = (SELECT m1.id FROM mentions m1"
    "  JOIN docs d1 ON d1.id = m1.doc JOIN sentences s1 ON s1.id = m1.sentence"
    "  WHERE m1.event = f.id ORDER BY d1.date, d1.ext_id, s1.idx, m1.id"
    "  LIMIT 1)"
    " JOIN docs d ON d.id = m.doc JOIN sentences s ON s.id = m.sentence"
    " ORDER BY f.date, f.id";

enum {
    C_ID, C_DATE, C_PRECISION, C_SOURCE, C_TARGET, C_CODE, C_ROOT, C_LABEL,
    C_QUAD, C_GOLDSTEIN, C_PLOVER_TYPE, C_PLOVER_MODE, C_SOURCE_COUNTRY,
    C_TARGET_COUNTRY, C_PLACE_ID, C_PLACE, C_PLACE_KEY, C_PLACE_COUNTRY,
    C_PLACE_ADM1, C_LAT, C_LON, C_MENTIONS, C_SOURCES, C_ARTICLES, C_MODE,
    C_HISTORICAL, C_DOC, C_URL, C_ARTICLE_DATE, C_TITLE, C_OUTLET, C_LANG,
    C_SENTENCE, C_TEXT,
    C_SIDES                         /* source, then target: 4 columns each */
};

static const char *text_at(sqlite3_stmt *s, int col)
{
    const char *v = (const char *)sqlite3_column_text(s, col);
    return v ? v : "";
}

static warta_slice slice_at(sqlite3_stmt *s, int col)
{
    const char *v = text_at(s, col);
    return (warta_slice){v, strlen(v)};
}

static void copy_field(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src);
}

/* The sector a side's code adds to its top level, as the coder gives it
** (actor.c): what follows PETRARCH's "---" or the country ("RUSGOV" of
** RUS: GOV), else what follows the code's own top level ("IMGMUSISI" of
** GBR, an ISIS member from Britain: MUSISI). */
static const char *stored_sector(const warta_actor *a)
{
    size_t n = strlen(a->code), cl = strlen(a->country);
    if (strncmp(a->code, "---", 3) == 0)
        return a->code + 3;
    if (cl && strncmp(a->code, a->country, cl) == 0)
        return a->code + cl;
    return n > 3 ? a->code + 3 : "";
}

/* One side of a stored event: its code, country, the sector the code
** adds to the country ("RUSGOV" and RUS: GOV), its geography as `warta
** code` gives it, and its first report. */
static void stored_actor(warta_ctx *ctx, sqlite3_stmt *s, int code_col,
                         int country_col, int span_col, warta_actor *a)
{
    copy_field(a->code, sizeof a->code, text_at(s, code_col));
    copy_field(a->country, sizeof a->country, text_at(s, country_col));
    copy_field(a->sector, sizeof a->sector, stored_sector(a));
    a->text = slice_at(s, span_col);
    a->start = (size_t)sqlite3_column_int64(s, span_col + 1);
    a->end = (size_t)sqlite3_column_int64(s, span_col + 2);
    a->entry = text_at(s, span_col + 3);
    place_of_actor(ctx, a);
}

/* A stored place's kind: a GeoNames id is a city; the key of a place
** without one says its kind ("SAU:3:Arab Saudi"). */
static uint8_t stored_place_kind(sqlite3_stmt *s)
{
    if (sqlite3_column_type(s, C_PLACE_ID) != SQLITE_NULL)
        return WARTA_PLACE_CITY;
    const char *colon = strchr(text_at(s, C_PLACE_KEY), ':');
    return colon ? (uint8_t)atoi(colon + 1) : WARTA_PLACE_NONE;
}

/* GDELT's IsRootEvent as `warta code` gives it (the title's sentences and
** the first body sentence lead the article), from what the store keeps:
** the title is sentence 0, the body begins after it (a title of several
** sentences, or a caption before the body, is not told apart). */
static bool stored_is_root(sqlite3_stmt *s, const warta_event *e)
{
    return e->sentence == 0 || (e->sentence == 1 && *text_at(s, C_TITLE));
}

/* Rebuild the event (and its report) a row of export_sql describes; the
** strings point into the row, valid until the next step. */
static void stored_event(warta_ctx *ctx, sqlite3_stmt *s, warta_event *e,
                         export_report *r)
{
    memset(e, 0, sizeof *e);
    copy_field(e->date, sizeof e->date, text_at(s, C_DATE));
    const char *precision = text_at(s, C_PRECISION);
    for (uint8_t p = WARTA_DATE_DAY; p <= WARTA_DATE_YEAR; p++)
        if (strcmp(precision, warta_date_precision_name(p)) == 0)
            e->date_precision = p;
    copy_field(e->article_date, sizeof e->article_date,
               text_at(s, C_ARTICLE_DATE));
    e->sentence = (size_t)sqlite3_column_int64(s, C_SENTENCE);
    stored_actor(ctx, s, C_SOURCE, C_SOURCE_COUNTRY, C_SIDES, &e->source);
    stored_actor(ctx, s, C_TARGET, C_TARGET_COUNTRY, C_SIDES + 4, &e->target);
    copy_field(e->code, sizeof e->code, text_at(s, C_CODE));
    copy_field(e->root, sizeof e->root, text_at(s, C_ROOT));
    e->label = text_at(s, C_LABEL);
    e->quad_class = sqlite3_column_int(s, C_QUAD);
    e->goldstein = sqlite3_column_double(s, C_GOLDSTEIN);
    e->plover_type = text_at(s, C_PLOVER_TYPE);
    e->plover_mode = text_at(s, C_PLOVER_MODE);
    const char *mode = text_at(s, C_MODE);
    for (uint8_t m = 0; m < WARTA_N_MODES; m++)
        if (strcmp(mode, warta_mode_name(m)) == 0)
            e->mode = m;
    e->historical = sqlite3_column_int(s, C_HISTORICAL) != 0;
    e->verb = slice_at(s, C_SIDES + 8);
    e->verb_start = (size_t)sqlite3_column_int64(s, C_SIDES + 9);
    e->verb_end = (size_t)sqlite3_column_int64(s, C_SIDES + 10);
    e->rule = text_at(s, C_SIDES + 11);
    warta_place *p = &e->place;
    copy_field(p->name, sizeof p->name, text_at(s, C_PLACE));
    if (p->name[0]) {
        p->kind = stored_place_kind(s);
        p->geonames_id = (uint32_t)sqlite3_column_int64(s, C_PLACE_ID);
        copy_field(p->country, sizeof p->country, text_at(s, C_PLACE_COUNTRY));
        copy_field(p->adm1, sizeof p->adm1, text_at(s, C_PLACE_ADM1));
        p->lat = sqlite3_column_double(s, C_LAT);
        p->lon = sqlite3_column_double(s, C_LON);
    }
    *r = (export_report){
        .doc_id = text_at(s, C_DOC), .url = text_at(s, C_URL),
        .article_date = text_at(s, C_ARTICLE_DATE), .lang = text_at(s, C_LANG),
        .title = text_at(s, C_TITLE), .publication = text_at(s, C_OUTLET),
        .text = slice_at(s, C_TEXT), .is_root = stored_is_root(s, e),
        .id = export_event_id(e, text_at(s, C_PLACE_KEY)),
        .store_id = sqlite3_column_int64(s, C_ID),
        .mentions = (unsigned)sqlite3_column_int(s, C_MENTIONS),
        .sources = (unsigned)sqlite3_column_int(s, C_SOURCES),
        .articles = (unsigned)sqlite3_column_int(s, C_ARTICLES)};
}

static warta_status export_rows(warta_store *st, sqlite3_stmt *s,
                                warta_format fmt, unsigned flags,
                                warta_line_fn fn, void *ud)
{
    warta_buf line = {0};
    warta_status rc = warta_write_header(st->ctx, fmt, &line);
    if (rc == WARTA_OK && line.n && fn(ud, line.p, line.n))
        rc = WARTA_DONE;
    int r = SQLITE_DONE;
    while (rc == WARTA_OK && (r = sqlite3_step(s)) == SQLITE_ROW) {
        warta_event e;
        export_report rep;
        stored_event(st->ctx, s, &e, &rep);
        line.n = 0;
        rc = export_event(st->ctx, &e, &rep, fmt, flags, &line);
        if (rc == WARTA_OK && fn(ud, line.p, line.n))
            rc = WARTA_DONE;
    }
    warta_buf_free(st->ctx, &line);
    if (rc == WARTA_DONE)
        return WARTA_OK;
    if (rc == WARTA_OK && r != SQLITE_DONE)
        rc = store_db_error(st, "query");
    return rc;
}

warta_status warta_store_export(warta_store *st, const warta_query *q,
                                warta_format fmt, unsigned flags,
                                warta_line_fn fn, void *ud)
{
    if (!st || !q || !fn)
        return WARTA_EINVAL;
    if (q->by || fmt == WARTA_FORMAT_JSON)
        return ctx_error(st->ctx, WARTA_EINVAL,
                         "an export lists events: no grouping, and JSON "
                         "comes from warta_store_query");
    warta_status rc = check_query(st->ctx, q);
    if (rc != WARTA_OK)
        return rc;
    sqlite3_stmt *stmt;
    rc = prepare_query(st, q, export_sql, &stmt);
    if (rc != WARTA_OK)
        return rc;
    rc = export_rows(st, stmt, fmt, flags, fn, ud);
    sqlite3_finalize(stmt);
    return blame_text(st, q, rc);
}

static warta_status run_with_id(warta_store *st, const char *sql, int64_t id,
                                warta_row_fn fn, void *ud, bool *any)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
        return store_db_error(st, "query");
    sqlite3_bind_int64(s, 1, id);
    bool seen = false;
    int r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        seen = true;
        sqlite3_reset(s);
        r = each_row(st, s, fn, ud) == WARTA_OK ? SQLITE_DONE : SQLITE_ERROR;
    }
    sqlite3_finalize(s);
    if (any)
        *any = seen;
    return r == SQLITE_DONE ? WARTA_OK : store_db_error(st, "query");
}

warta_status warta_store_event(warta_store *st, int64_t id,
                               warta_row_fn event_fn, warta_row_fn mention_fn,
                               void *ud)
{
    if (!st || !event_fn || !mention_fn)
        return WARTA_EINVAL;
    bool found;
    warta_status rc = run_with_id(st, "SELECT * FROM events WHERE id = ?1", id,
                                  event_fn, ud, &found);
    if (rc != WARTA_OK)
        return rc;
    if (!found)
        return ctx_error(st->ctx, WARTA_DONE, "no event %lld", (long long)id);
    return run_with_id(
        st,
        "SELECT d.ext_id AS article, d.url, d.date AS article_date,"
        " d.source, d.lang, s.idx AS sentence, s.text,"
        " m.source_text, m.source_entry, m.verb_text, m.rule,"
        " m.target_text, m.target_entry, m.event_date, m.date_precision,"
        " m.historical, m.source_how, m.target_how"
        " FROM mentions m JOIN docs d ON d.id = m.doc"
        " JOIN sentences s ON s.id = m.sentence WHERE m.event = ?1"
        " ORDER BY d.date, d.ext_id, s.idx, m.id",
        id, mention_fn, ud, NULL);
}
