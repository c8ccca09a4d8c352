/*
** query.c -- reading the event store: filters become one WHERE clause
** over the events table (every value bound, never pasted into SQL), and a
** grouping becomes one GROUP BY over the filtered events.
*/
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "warta_int.h"

#define MAX_PARAMS 16

/* The SQL being built and the values to bind to its ?s, in order. */
typedef struct query_sql {
    char sql[4096];
    size_t n;
    const char *params[MAX_PARAMS];
    int n_params;
    char bounds[4][40];             /* upper ends of prefix ranges */
    int n_bounds;
} query_sql;

static void add_sql(query_sql *q, const char *text)
{
    size_t len = strlen(text);
    if (q->n + len < sizeof q->sql) {
        memcpy(q->sql + q->n, text, len + 1);
        q->n += len;
    }
}

static void add_param(query_sql *q, const char *v)
{
    if (q->n_params < MAX_PARAMS)
        q->params[q->n_params++] = v;
    add_sql(q, "?");
}

/* "col >= 'RUS' AND col < 'RUT'": a code prefix as a range, so that the
** column's index serves it. */
static void add_prefix(query_sql *q, const char *col, const char *prefix)
{
    char *hi = q->bounds[q->n_bounds++];
    snprintf(hi, sizeof q->bounds[0], "%s", prefix);
    hi[strlen(hi) - 1]++;
    add_sql(q, "(");
    add_sql(q, col);
    add_sql(q, " >= ");
    add_param(q, prefix);
    add_sql(q, " AND ");
    add_sql(q, col);
    add_sql(q, " < ");
    add_param(q, hi);
    add_sql(q, ")");
}

/* A code prefix: letters, digits and '-' only, 1 to 31 of them. */
static bool valid_code(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!isalnum((unsigned char)s[n]) && s[n] != '-')
            return false;
    return n > 0 && n < 32;
}

static bool valid_date(const char *s)
{
    int y, m, d;
    char end;
    return strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 &&
           m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static warta_status check_query(warta_ctx *ctx, const warta_query *q)
{
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
    if (q->from && !valid_date(q->from))
        return ctx_error(ctx, WARTA_EINVAL, "--from: '%s' is not YYYY-MM-DD",
                         q->from);
    if (q->to && !valid_date(q->to))
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
    ** range on events_dyad(source, target, date) tests the target in the
    ** index and reads only the dyad's rows, many times fewer. */
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
    "SELECT id, date, source, code, target, label, quad,"
    " printf('%.1f', goldstein) AS goldstein, place,"
    " place_country AS country, mentions, sources, articles"
    " FROM f ORDER BY date, id";

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
    int r;
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        for (int i = 0; i < n; i++)
            values[i] = (const char *)sqlite3_column_text(s, i);
        if (fn(ud, n, names, values))
            return WARTA_OK;
    }
    return r == SQLITE_DONE ? WARTA_OK : store_db_error(st, "query");
}

warta_status warta_store_query(warta_store *st, const warta_query *q,
                               warta_row_fn fn, void *ud)
{
    if (!st || !q || !fn)
        return WARTA_EINVAL;
    warta_status rc = check_query(st->ctx, q);
    if (rc != WARTA_OK)
        return rc;
    query_sql s = {.n = 0};
    add_filters(&s, q);
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
    add_sql(&s, select);
    if (q->top) {
        char limit[32];
        snprintf(limit, sizeof limit, " LIMIT %u", q->top);
        add_sql(&s, limit);
    }
    sqlite3_stmt *stmt;
    if (sqlite3_prepare_v2(st->db, s.sql, -1, &stmt, NULL) != SQLITE_OK)
        return store_db_error(st, "query");
    for (int i = 0; i < s.n_params; i++)
        sqlite3_bind_text(stmt, i + 1, s.params[i], -1, SQLITE_STATIC);
    rc = each_row(st, stmt, fn, ud);
    sqlite3_finalize(stmt);
    /* A malformed --text is the user's mistake, not the database's. */
    if (rc == WARTA_EDB && q->text && strstr(warta_errmsg(st->ctx), "fts5"))
        rc = ctx_error(st->ctx, WARTA_EINVAL, "--text: cannot read '%s'",
                       q->text);
    return rc;
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
        " m.target_text, m.target_entry, m.event_date, m.date_precision"
        " FROM mentions m JOIN docs d ON d.id = m.doc"
        " JOIN sentences s ON s.id = m.sentence WHERE m.event = ?1"
        " ORDER BY d.date, d.ext_id, s.idx, m.id",
        id, mention_fn, ud, NULL);
}
