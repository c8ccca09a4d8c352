/*
** query.c -- reading the event store: filters become one WHERE clause
** over the events table (every value bound, never pasted into SQL), and a
** grouping becomes one GROUP BY over the filtered events: by period (every
** period from the first to the last, none left out), by dyad, code or
** actor (at the level of the codes or of their countries), or by both at
** once, a two-way table whose periods are turned into columns here.  A
** time series filtered only by dates and modes is read from the store's
** summary of each day's events (summary.h) instead.
*/
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "place.h"
#include "store_db.h"
#include "summary.h"

/* A code prefix is shorter than this (plan_query sees to it). */
#define CODE_MAX 32

/* A value bound to one ?: the caller's text, or one made here (a code
** prefix in upper case, or the upper end of its range). */
typedef struct query_param {
    const char *text;               /* NULL: the value is bound */
    char bound[CODE_MAX];
} query_param;

/* The SQL being built and the values to bind to its ?s, in order.  Both
** grow with the filters, so no set of filters can outgrow them; the
** first failure is kept in rc and makes later calls no-ops. */
typedef struct query_sql {
    warta_ctx *ctx;
    const store_dialect *d;         /* what the store's SQL says its way */
    warta_buf sql;
    jw w;                           /* writes to sql */
    query_param *params;
    size_t n_params, cap_params;
    warta_status rc;
} query_sql;

static void sql_init(query_sql *q, const warta_store *st)
{
    *q = (query_sql){.ctx = st->ctx, .d = st->be->sql, .rc = WARTA_OK};
    q->w = (jw){.ctx = st->ctx, .b = &q->sql, .ok = true};
}

static void sql_free(query_sql *q)
{
    warta_buf_free(q->ctx, &q->sql);
    ctx_free(q->ctx, q->params, q->cap_params * sizeof *q->params);
}

/* Append SQL text: the pieces are this file's own, never a value. */
static void add_sql(query_sql *q, const char *text)
{
    jw_raw(&q->w, text, strlen(text));
    if (!q->w.ok && q->rc == WARTA_OK)
        q->rc = WARTA_ENOMEM;
}

static void add_sqls(query_sql *q, const char *const *texts, size_t n)
{
    for (size_t i = 0; i < n; i++)
        add_sql(q, texts[i]);
}
#define ADD_SQL(q, ...)                                                  \
    add_sqls(q, (const char *const[]){__VA_ARGS__},                      \
             ARRAY_LEN(((const char *const[]){__VA_ARGS__})))

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

/* A code as the store writes codes, in upper case ("rus" is RUS); with
** bump, the first code after every code that begins with it: "RUT". */
static void add_code_param(query_sql *q, const char *code, bool bump)
{
    size_t n = strlen(code);
    if (n == 0 || n >= CODE_MAX) {
        q->rc = WARTA_EINVAL;
        return;
    }
    query_param *p = add_param_slot(q);
    if (!p)
        return;
    p->text = NULL;
    for (size_t i = 0; i <= n; i++)
        p->bound[i] = (char)toupper((unsigned char)code[i]);
    if (bump)
        p->bound[n - 1]++;
}

/* "col >= 'RUS' AND col < 'RUT'": a code prefix as a range, so that the
** column's index serves it (lead: "", or the dialect's no_index). */
static void add_prefix(query_sql *q, const char *lead, const char *col,
                       const char *prefix)
{
    ADD_SQL(q, "(", lead, col, " >= ");
    add_code_param(q, prefix, false);
    ADD_SQL(q, " AND ", lead, col, " < ");
    add_code_param(q, prefix, true);
    add_sql(q, ")");
}

/* ---- what a query asks, checked ----------------------------------------- */

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

/* Which of names a list such as "negated,future" holds, as bits (1u <<
** its index); false, with the first item that is none of them in *bad
** (bad_n bytes), when one is not. */
static bool parse_list(const char *list, const char *const *names,
                       unsigned n_names, unsigned *bits, const char **bad,
                       size_t *bad_n)
{
    *bits = 0;
    for (const char *at = list;; at++) {
        size_t n = strcspn(at, ",");
        unsigned i = 0;
        while (i < n_names &&
               !(strlen(names[i]) == n && strncmp(at, names[i], n) == 0))
            i++;
        if (i == n_names) {
            *bad = at;
            *bad_n = n;
            return false;
        }
        *bits |= 1u << i;
        at += n;
        if (!*at)
            return true;
    }
}

#define MODE_NAME(name, text) text,
static const char *const mode_names[] = {WARTA_MODE_LIST(MODE_NAME)};
#define MODE_NAME_COMMA(name, text) text ", "
static const char mode_list[] = WARTA_MODE_LIST(MODE_NAME_COMMA);
static const char *const quad_names[] = {"1", "2", "3", "4"};

/* A list option (NULL: every item) as bits; WARTA_EINVAL with a message
** naming the item that is not one of names, and the ones that are. */
static warta_status check_list(warta_ctx *ctx, const char *option,
                               const char *list, const char *const *names,
                               unsigned n_names, const char *what,
                               int valid_len, const char *valid,
                               unsigned *bits)
{
    const char *bad;
    size_t bad_n;
    if (!list) {
        *bits = 0;
        return WARTA_OK;
    }
    if (parse_list(list, names, n_names, bits, &bad, &bad_n))
        return WARTA_OK;
    return ctx_error(ctx, WARTA_EINVAL, "%s: '%.*s' is not %s (%.*s)", option,
                     (int)(bad_n < 40 ? bad_n : 40), bad, what, valid_len,
                     valid);
}

/* A period of a time series: how a date names its first day (NULL: the
** dialect's week_start), how to go to the next period, and how many
** characters of the first day name it ("2024-03" for a month). */
static const struct period {
    const char *name, *start, *step;
    int label_len;
} periods[] = {
    {"day", "date", "+1 day", 10},
    /* a week is named by its Monday */
    {"week", NULL, "+7 days", 10},
    {"month", "substr(date, 1, 7) || '-01'", "+1 month", 7},
    {"year", "substr(date, 1, 4) || '-01-01'", "+1 year", 4},
};

/* A grouping of events by what they are about, and the columns that key
** its groups (its rows are made by add_group_rows). */
enum { GROUP_DYAD, GROUP_CODE, GROUP_ACTOR, GROUP_PLACE };
static const struct grouping {
    const char *name, *keys;
    int n_keys;
} groupings[] = {
    [GROUP_DYAD] = {"dyad", "source, target", 2},
    [GROUP_CODE] = {"code", "code, label", 2},
    [GROUP_ACTOR] = {"actor", "actor", 1},
    /* the geocoded places: their names, countries and coordinates */
    [GROUP_PLACE] = {"place", "place, country, lat, lon", 4},
};

/* What can be sorted by, and which way it goes unless told. */
enum { SORT_DATE, SORT_EVENTS, SORT_MENTIONS, SORT_GOLDSTEIN, SORT_SOURCE,
       SORT_TARGET, SORT_CODE, SORT_QUAD, SORT_PLACE, N_SORTS };
static const struct sort_key {
    const char *name;
    bool desc;
    const char *column;             /* an event list's, after "f." */
} sort_keys[] = {
    [SORT_DATE] = {"date", true, "date"},   /* newest first */
    [SORT_EVENTS] = {"events", true, NULL}, /* most first */
    [SORT_MENTIONS] = {"mentions", true, "mentions"},
    [SORT_GOLDSTEIN] = {"goldstein", false, "goldstein"}, /* most hostile */
    [SORT_SOURCE] = {"source", false, "source"},    /* A to Z: a table's */
    [SORT_TARGET] = {"target", false, "target"},    /* columns */
    [SORT_CODE] = {"code", false, "code"},
    [SORT_QUAD] = {"quad", false, "quad"},
    [SORT_PLACE] = {"place", false, "place"},
};

/* A query read and checked: what each of its options says. */
typedef struct query_plan {
    unsigned quads;                 /* bit q: QuadClass q + 1; 0: any */
    unsigned modes;                 /* bit m: warta_mode m; 0: any */
    const struct period *period;    /* a series, or a two-way table's
                                       columns; NULL: neither */
    int group;                      /* GROUP_*, or -1: none */
    bool country;                   /* --level country */
    int sort;                       /* SORT_*, or -1: the default order */
    bool desc;                      /* with sort: its direction */
} query_plan;

static const struct period *find_period(const char *name, size_t n)
{
    for (size_t i = 0; i < ARRAY_LEN(periods); i++)
        if (strlen(periods[i].name) == n &&
            strncmp(name, periods[i].name, n) == 0)
            return &periods[i];
    return NULL;
}

static int find_group(const char *name, size_t n)
{
    for (size_t i = 0; i < ARRAY_LEN(groupings); i++)
        if (strlen(groupings[i].name) == n &&
            strncmp(name, groupings[i].name, n) == 0)
            return (int)i;
    return -1;
}

/* --by: a period or a grouping, or a grouping and a period (dyad,month). */
static warta_status plan_by(warta_ctx *ctx, const char *by, query_plan *p)
{
    p->period = NULL;
    p->group = -1;
    if (!by)
        return WARTA_OK;
    size_t n = strcspn(by, ",");
    const char *second = by[n] ? by + n + 1 : NULL;
    p->period = find_period(by, n);
    p->group = find_group(by, n);
    if (!p->period && p->group < 0)
        return ctx_error(ctx, WARTA_EINVAL, "--by: '%.40s' is not day, week, "
                         "month, year, dyad, code, actor or place, nor a "
                         "grouping "
                         "and a period (dyad,month)", by);
    if (!second)
        return WARTA_OK;
    p->period = find_period(second, strlen(second));
    if (p->group < 0 || !p->period)
        return ctx_error(ctx, WARTA_EINVAL, "--by: '%.40s': a two-way table "
                         "is dyad, code, actor or place, then a period "
                         "(dyad,month)",
                         by);
    return WARTA_OK;
}

/* --level: the codes as they are, or their countries (dyads and actors). */
static warta_status plan_level(warta_ctx *ctx, const char *level,
                               query_plan *p)
{
    p->country = level && strcmp(level, "country") == 0;
    if (level && !p->country && strcmp(level, "actor") != 0)
        return ctx_error(ctx, WARTA_EINVAL, "--level: '%.40s' is not actor "
                         "or country", level);
    if (p->country && p->group != GROUP_DYAD && p->group != GROUP_ACTOR)
        return ctx_error(ctx, WARTA_EINVAL, "--level: country groups dyads "
                         "and actors (--by dyad or actor)");
    return WARTA_OK;
}

/* --sort: KEY or KEY:asc or KEY:desc, a key the result has. */
static warta_status plan_sort(warta_ctx *ctx, const char *sort,
                              query_plan *p)
{
    p->sort = -1;
    p->desc = false;
    if (!sort)
        return WARTA_OK;
    size_t n = strcspn(sort, ":");
    const char *dir = sort[n] ? sort + n + 1 : NULL;
    for (int k = 0; k < N_SORTS && p->sort < 0; k++)
        if (strlen(sort_keys[k].name) == n &&
            strncmp(sort, sort_keys[k].name, n) == 0)
            p->sort = k;
    if (dir && strcmp(dir, "asc") != 0 && strcmp(dir, "desc") != 0)
        return ctx_error(ctx, WARTA_EINVAL, "--sort: '%.40s': a key may be "
                         "followed by :asc or :desc, nothing else", sort);
    /* what each shape of result can be sorted by (bits of SORT_*) */
    static const struct {
        unsigned keys;
        const char *what, *names;
    } shapes[] = {
        {1u << SORT_DATE | 1u << SORT_MENTIONS | 1u << SORT_GOLDSTEIN |
             1u << SORT_SOURCE | 1u << SORT_TARGET | 1u << SORT_CODE |
             1u << SORT_QUAD | 1u << SORT_PLACE,
         "events", "date, mentions, goldstein, source, target, code, quad "
                   "or place"},
        {1u << SORT_DATE | 1u << SORT_EVENTS | 1u << SORT_MENTIONS |
             1u << SORT_GOLDSTEIN,
         "periods", "date, events, mentions or goldstein"},
        {1u << SORT_EVENTS | 1u << SORT_MENTIONS | 1u << SORT_GOLDSTEIN,
         "groups", "events, mentions or goldstein"},
        {1u << SORT_EVENTS, "a two-way table's rows", "events"},
    };
    size_t shape = p->group < 0 ? (p->period ? 1 : 0) : (p->period ? 3 : 2);
    if (p->sort < 0 || !(shapes[shape].keys & 1u << p->sort))
        return ctx_error(ctx, WARTA_EINVAL, "--sort: %s sort by %s, not "
                         "'%.40s'", shapes[shape].what, shapes[shape].names,
                         sort);
    p->desc = dir ? strcmp(dir, "desc") == 0 : sort_keys[p->sort].desc;
    return WARTA_OK;
}

static warta_status plan_query(warta_ctx *ctx, const warta_query *q,
                               query_plan *p)
{
    warta_status rc = check_list(ctx, "--mode", q->mode, mode_names,
                                 WARTA_N_MODES, "a mode",
                                 (int)sizeof mode_list - 3, mode_list,
                                 &p->modes);
    if (rc == WARTA_OK)
        rc = check_list(ctx, "--quad", q->quad, quad_names, 4, "a QuadClass",
                        10, "1, 2, 3, 4", &p->quads);
    if (rc != WARTA_OK)
        return rc;
    const char *codes[][2] = {{"--actor", q->actor},
                              {"--dyad", q->source},
                              {"--dyad", q->target},
                              {"--code", q->code},
                              {"--country", q->country}};
    for (size_t i = 0; i < ARRAY_LEN(codes); i++)
        if (codes[i][1] && !valid_code(codes[i][1]))
            return ctx_error(ctx, WARTA_EINVAL,
                             "%s: '%.40s' is not a code (letters and digits)",
                             codes[i][0], codes[i][1]);
    if ((q->source != NULL) != (q->target != NULL))
        return ctx_error(ctx, WARTA_EINVAL, "a dyad needs both sides");
    if (q->from && !warta_date_valid(q->from))
        return ctx_error(ctx, WARTA_EINVAL, "--from: '%.40s' is not a date "
                         "(YYYY-MM-DD)", q->from);
    if (q->to && !warta_date_valid(q->to))
        return ctx_error(ctx, WARTA_EINVAL, "--to: '%.40s' is not a date "
                         "(YYYY-MM-DD)", q->to);
    rc = plan_by(ctx, q->by, p);
    if (rc == WARTA_OK)
        rc = plan_level(ctx, q->level, p);
    if (rc == WARTA_OK)
        rc = plan_sort(ctx, q->sort, p);
    return rc;
}

/* ---- the SQL ------------------------------------------------------------ */

/* " AND col IN (a, b)": the items of a list, by the bits set. */
static void add_in_list(query_sql *s, const char *col, unsigned bits,
                        const char *const *names, unsigned n_names)
{
    const char *sep = " IN (";
    add_sql(s, " AND ");
    add_sql(s, col);
    for (unsigned i = 0; i < n_names; i++)
        if (bits & 1u << i) {
            add_sql(s, sep);
            add_param(s, names[i]);
            sep = ", ";
        }
    add_sql(s, ")");
}

/* " AND ..." for each filter, over the columns of events e. */
static void add_conditions(query_sql *s, const warta_query *q,
                           const query_plan *p)
{
    if (q->actor) {
        add_sql(s, " AND (");
        add_prefix(s, "", "source", q->actor);
        add_sql(s, " OR ");
        add_prefix(s, "", "target", q->actor);
        add_sql(s, ")");
    }
    /* no_index ("+target") keeps SQLite from seeking on events_target: the source
    ** range on events_dyad(source, target, date, ...) tests the target in
    ** the index, which also covers a time series of the dyad. */
    if (q->source) {
        add_sql(s, " AND ((");
        add_prefix(s, "", "source", q->source);
        add_sql(s, " AND ");
        add_prefix(s, s->d->no_index, "target", q->target);
        add_sql(s, ")");
        if (q->undirected) {
            add_sql(s, " OR (");
            add_prefix(s, "", "source", q->target);
            add_sql(s, " AND ");
            add_prefix(s, s->d->no_index, "target", q->source);
            add_sql(s, ")");
        }
        add_sql(s, ")");
    }
    if (q->code) {
        add_sql(s, " AND ");
        add_prefix(s, "", "code", q->code);
    }
    if (p->quads)       /* "3" is 3 to the INTEGER column's affinity */
        add_in_list(s, "quad", p->quads, quad_names, 4);
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
        add_code_param(s, q->country, false);
    }
    if (q->place) {
        add_sql(s, " AND place = ");
        add_param(s, q->place);
    }
    if (p->modes)
        add_in_list(s, "mode", p->modes, mode_names, WARTA_N_MODES);
    if (q->lang) {
        add_sql(s, " AND EXISTS (SELECT 1 FROM mentions m JOIN docs d"
                   " ON d.id = m.doc WHERE m.event = e.id AND d.lang = ");
        add_param(s, q->lang);
        add_sql(s, ")");
    }
    /* from the sentences that match to their events: as much work as
    ** there are matches, whatever the number of events */
    if (q->text) {
        ADD_SQL(s, " AND e.id IN (SELECT m.event FROM sentences s"
                " JOIN mentions m ON m.doc = s.doc AND m.sentence = s.id"
                " WHERE s.id IN (", s->d->text_match[0]);
        add_param(s, q->text);
        ADD_SQL(s, s->d->text_match[1], "))");
    }
}

/* WITH f AS (the events that pass every filter) */
static void add_filters(query_sql *s, const warta_query *q,
                        const query_plan *p)
{
    add_sql(s, "WITH RECURSIVE f AS (SELECT * FROM events e WHERE true");
    add_conditions(s, q, p);
    add_sql(s, ") ");
}

/* Can the summary of the events of each day and mode (summary.h) answer
** q?  A time series whose filters are all on its columns: dates and
** modes. */
static bool summary_answers(const warta_store *st, const warta_query *q,
                            const query_plan *p)
{
    return st->summary && p->period && p->group < 0 && !q->actor &&
           !q->source && !q->code && !p->quads && !q->country && !q->place &&
           !q->lang && !q->text;
}

/* The rows asked: q->top of them (0: all) past the first q->offset. */
static void add_limit(query_sql *s, const warta_query *q)
{
    char limit[64];
    if (q->offset)
        snprintf(limit, sizeof limit, " LIMIT %lld OFFSET %u",
                 q->top ? (long long)q->top : (long long)INT64_MAX, q->offset);
    else if (q->top)
        snprintf(limit, sizeof limit, " LIMIT %u", q->top);
    else
        return;
    add_sql(s, limit);
}

/* The order of a list of events (col_prefix "f." names the filtered
** events' columns among others): newest first unless told. */
static void add_event_order(query_sql *s, const query_plan *p)
{
    bool desc = p->sort < 0 || p->desc;
    add_sql(s, " ORDER BY ");
    /* then newest first; an event without the key (no place) comes
    ** first A to Z, last Z to A, whatever the backend's own habit */
    if (p->sort > SORT_DATE)
        ADD_SQL(s, "f.", sort_keys[p->sort].column,
                desc ? " DESC NULLS LAST, " : " NULLS FIRST, ");
    add_sql(s, p->sort == SORT_DATE && !desc ? "f.date, f.id"
                                             : "f.date DESC, f.id DESC");
}

/* The columns of a list of events. */
static void add_events_list(query_sql *s)
{
    ADD_SQL(s, "SELECT id, date, source, code, target, label, mode,"
            " historical, quad, ", s->d->format_1[0], "goldstein",
            s->d->format_1[1], " AS goldstein, place,"
            " place_country AS country, mentions, sources, articles FROM f");
}

/* A side of an event at the level asked: its code, or its country (the
** code's first three letters when it has none: "---GOV" is ---); an
** international body is its own (IGOUNOKID, UNICEF, is IGOUNO, the UN). */
static const char *side(const query_sql *s, const query_plan *p,
                        bool target)
{
    if (!p->country)
        return target ? "target" : "source";
    return s->d->country_side[target];
}

/* ", r AS (one row per event and group key: the grouping's keys, date,
** mentions, goldstein, quad)"; an actor's events are its groups' whether
** it is the source or the target (once when it is both). */
static void add_group_rows(query_sql *s, const query_plan *p)
{
    static const char counted[] = ", date, mentions, goldstein, quad FROM f";
    add_sql(s, ", r AS (SELECT ");
    if (p->group == GROUP_DYAD)
        ADD_SQL(s, side(s, p, false), " AS source, ", side(s, p, true),
                " AS target", counted);
    else if (p->group == GROUP_CODE)
        ADD_SQL(s, "code, coalesce(label, '') AS label", counted);
    else if (p->group == GROUP_PLACE)
        ADD_SQL(s, "place, " PLACE_COUNTRY_SQL " AS country, lat, lon",
                counted, " WHERE lat IS NOT NULL");
    else
        ADD_SQL(s, side(s, p, false), " AS actor", counted, " UNION ALL SELECT ",
                side(s, p, true), counted, " WHERE ", side(s, p, true), " <> ",
                side(s, p, false));
    add_sql(s, ") ");
}

/* What a group or period counts: events, mentions, their mean Goldstein
** (summed as the summary sums it: the same mean from either) and the
** events of each QuadClass. */
#define QUAD_COUNT(n) "count(CASE WHEN quad = " #n " THEN 1 END) AS quad" #n
#define QUAD_COUNTS QUAD_COUNT(1) ", " QUAD_COUNT(2) ", " QUAD_COUNT(3) ", " \
                    QUAD_COUNT(4)
#define EVENTS_GOLDSTEIN \
    GOLDSTEIN_MEAN("sum(" GOLDSTEIN_MICRO ")", "count(goldstein)")
#define PERIOD_COUNTS "count(*) AS events, sum(mentions) AS mentions, " \
    EVENTS_GOLDSTEIN " AS goldstein, " QUAD_COUNTS " FROM f"
/* ... and the same from the summary's days */
#define DAYS_PERIOD_COUNTS "sum(events) AS events, sum(mentions) AS"     \
    " mentions, " GOLDSTEIN_MEAN("sum(goldstein_sum)", "sum(goldstein_n)") \
    " AS goldstein, sum(quad1) AS quad1, sum(quad2) AS quad2,"             \
    " sum(quad3) AS quad3, sum(quad4) AS quad4 FROM event_days"

static void add_groups(query_sql *s, const warta_query *q,
                       const query_plan *p)
{
    const char *keys = groupings[p->group].keys;
    add_group_rows(s, p);
    ADD_SQL(s, "SELECT ", keys, ", count(*) AS events, sum(mentions) AS"
            " mentions, ", s->d->format_2[0], EVENTS_GOLDSTEIN,
            s->d->format_2[1], " AS goldstein, " QUAD_COUNTS " FROM r"
            " GROUP BY ", keys, " ORDER BY ");
    int sort = p->sort < 0 ? SORT_EVENTS : p->sort;
    bool desc = p->sort < 0 || p->desc;
    add_sql(s, sort == SORT_EVENTS     ? "events"
               : sort == SORT_MENTIONS ? "mentions"
                                       : EVENTS_GOLDSTEIN);
    ADD_SQL(s, desc ? " DESC, " : ", ", keys);
    add_limit(s, q);
}

/* ", span(p) AS (the first day of every period from g's first to its
** last)" */
static void add_span(query_sql *s, const struct period *period)
{
    ADD_SQL(s, ", span(p) AS (SELECT p FROM (SELECT min(p) AS p FROM g) m"
            " WHERE p IS NOT NULL UNION ALL SELECT ", s->d->next_period[0],
            period->step, s->d->next_period[1],
            " FROM span WHERE p < (SELECT max(p) FROM g)) ");
}

/* The first day of an event's period. */
static const char *period_start(const query_sql *s,
                                const struct period *period)
{
    return period->start ? period->start : s->d->week_start;
}

/* The label of span's period: "2024-03" for a month. */
static void add_period_label(query_sql *s, const struct period *period)
{
    char label[64];
    snprintf(label, sizeof label, "substr(span.p, 1, %d) AS ",
             period->label_len);
    ADD_SQL(s, label, period->name);
}

/* g AS (each period's counts), from the summary when it answers q, else
** from the filtered events f. */
static void add_period_counts(query_sql *s, const warta_query *q,
                              const query_plan *p, bool summary)
{
    ADD_SQL(s, summary ? "WITH RECURSIVE" : ",", " g AS (SELECT ",
            period_start(s, p->period),
            " AS p, ", summary ? DAYS_PERIOD_COUNTS : PERIOD_COUNTS,
            " WHERE date <> ''");
    if (summary)
        add_conditions(s, q, p);
    add_sql(s, " GROUP BY 1)");
}

/* A time series: one row per period from the first dated event to the
** last, those without events too. */
static void add_series(query_sql *s, const warta_query *q,
                       const query_plan *p, bool summary)
{
    const struct period *period = p->period;
    add_period_counts(s, q, p, summary);
    add_span(s, period);
    add_sql(s, "SELECT ");
    add_period_label(s, period);
    ADD_SQL(s, ", coalesce(g.events, 0) AS events, coalesce(g.mentions, 0)"
            " AS mentions, CASE WHEN g.events > 0 THEN ", s->d->format_2[0],
            "g.goldstein", s->d->format_2[1], " END AS goldstein,"
            " coalesce(g.quad1, 0) AS quad1, coalesce(g.quad2, 0) AS quad2,"
            " coalesce(g.quad3, 0) AS quad3, coalesce(g.quad4, 0) AS quad4"
            " FROM span LEFT JOIN g ON g.p = span.p ORDER BY ");
    bool desc = p->desc;
    switch (p->sort) {
    case SORT_DATE:
        add_sql(s, desc ? "span.p DESC" : "span.p");
        break;
    case SORT_EVENTS:
    case SORT_MENTIONS:
        ADD_SQL(s, p->sort == SORT_EVENTS ? "events" : "mentions",
                desc ? " DESC, span.p" : ", span.p");
        break;
    case SORT_GOLDSTEIN:        /* periods without events last */
        add_sql(s, desc ? "g.goldstein IS NULL, g.goldstein DESC, span.p"
                        : "g.goldstein IS NULL, g.goldstein, span.p");
        break;
    default:                    /* a series runs forward in time */
        add_sql(s, "span.p");
    }
    add_limit(s, q);
}

/* A two-way table as rows: for each of the top groups (by dated events)
** and each period, the group's keys, its events in all, the period and
** its events then; turned into one row per group by pivot_rows. */
static void add_two_way(query_sql *s, const warta_query *q,
                        const query_plan *p)
{
    const char *keys = groupings[p->group].keys;
    add_group_rows(s, p);
    ADD_SQL(s, ", g AS (SELECT ", keys, ", ", period_start(s, p->period),
            " AS p,"
            " count(*) AS n FROM r WHERE date <> '' GROUP BY ", keys, ", p)",
            ", k AS (SELECT ", keys, ", sum(n) AS events FROM g GROUP BY ",
            keys, " ORDER BY events DESC, ", keys);
    add_limit(s, q);
    add_sql(s, ")");
    add_span(s, p->period);
    ADD_SQL(s, "SELECT ", keys, ", k.events AS events, ");
    add_period_label(s, p->period);
    ADD_SQL(s, ", coalesce(g.n, 0) AS n FROM k CROSS JOIN span"
            " LEFT JOIN g USING (",
            keys, ", p) ORDER BY k.events DESC, ", keys, ", span.p");
}

/* The whole statement for a query; with summary, a series read from
** the summary (summary_answers). */
static void add_query(query_sql *s, const warta_query *q, const query_plan *p,
                      bool summary)
{
    if (summary) {
        add_series(s, q, p, true);
        return;
    }
    add_filters(s, q, p);
    if (p->group >= 0 && p->period)
        add_two_way(s, q, p);
    else if (p->group >= 0)
        add_groups(s, q, p);
    else if (p->period)
        add_series(s, q, p, false);
    else {
        add_events_list(s);
        add_event_order(s, p);
        add_limit(s, q);
    }
}

/* Prepare the statement s holds and bind its values; every ? gets the
** value added with it, or the query fails.  s must outlive the
** statement. */
static warta_status prepare_sql(warta_store *st, query_sql *s,
                                store_stmt **out)
{
    *out = NULL;
    jw_raw(&s->w, "", 1);            /* the SQL ends with its NUL */
    warta_status rc = s->w.ok ? s->rc : WARTA_ENOMEM;
    if (rc == WARTA_ENOMEM)
        rc = ctx_error(st->ctx, rc, "query: out of memory");
    else if (rc != WARTA_OK)
        rc = ctx_error(st->ctx, rc, "query: a code of %d characters or more",
                       CODE_MAX);
    else
        rc = db_prepare(st, s->sql.p, out);
    if (rc == WARTA_OK && (size_t)st->be->param_count(*out) != s->n_params)
        rc = ctx_error(st->ctx, WARTA_EDB,
                       "query: %zu values for %d parameters", s->n_params,
                       st->be->param_count(*out));
    for (size_t i = 0; rc == WARTA_OK && i < s->n_params; i++) {
        const query_param *p = &s->params[i];
        /* the query_sql's values go with it: the statement gets copies */
        st->be->bind_text(*out, (int)i + 1, p->text ? p->text : p->bound,
                          strlen(p->text ? p->text : p->bound));
    }
    if (rc != WARTA_OK) {
        db_finalize(*out);
        *out = NULL;
    }
    return rc;
}

/* Step through a prepared statement, handing each row to fn; *rows (if
** asked) counts them. */
static warta_status each_row(warta_store *st, store_stmt *s,
                             warta_row_fn fn, void *ud, size_t *rows)
{
    int n = st->be->column_count(s);
    const char *names[64], *values[64];
    if (n > 64)
        n = 64;
    for (int i = 0; i < n; i++)
        names[i] = st->be->column_name(s, i);
    if (st->columns_only) {
        const char *none[64] = {NULL};
        fn(ud, n, names, none);
        return WARTA_OK;
    }
    int r;
    while ((r = db_step(s)) == DB_ROW) {
        if (rows)
            ++*rows;
        for (int i = 0; i < n; i++)
            values[i] = db_text(s, i);
        if (fn(ud, n, names, values))
            return WARTA_OK;
    }
    return r == DB_DONE ? WARTA_OK : store_db_error(st, "query");
}

/* ---- two-way tables: rows into columns ---------------------------------- */

/* One group's row as it is gathered: its keys and total, then one cell
** per period; the names are made along with the first group's. */
typedef struct pivot {
    int n_keys;                     /* key columns before "events" */
    const char **names, **values;
    size_t n, cap;                  /* cells in values (and names) */
    bool named;                     /* names holds every column */
    arena names_mem, row_mem;
} pivot;

static bool pivot_push(pivot *pv, const char *name, const char *value)
{
    if (pv->n == pv->cap) {
        size_t cap = pv->cap ? 2 * pv->cap : 64;
        const char **names = arena_grow(&pv->names_mem, pv->names,
                                        pv->cap * sizeof *names,
                                        cap * sizeof *names);
        const char **values = arena_grow(&pv->names_mem, pv->values,
                                         pv->cap * sizeof *values,
                                         cap * sizeof *values);
        if (!names || !values)
            return false;
        pv->names = names, pv->values = values, pv->cap = cap;
    }
    if (!pv->named) {
        pv->names[pv->n] = arena_strndup(&pv->names_mem, name, strlen(name));
        if (!pv->names[pv->n])
            return false;
    }
    pv->values[pv->n] = value ? arena_strndup(&pv->row_mem, value,
                                              strlen(value))
                              : NULL;
    if (value && !pv->values[pv->n])
        return false;
    pv->n++;
    return true;
}

/* Does the statement's row belong to the group being gathered? */
static bool same_group(const pivot *pv, store_stmt *s)
{
    for (int i = 0; i < pv->n_keys; i++) {
        const char *v = db_text(s, i);
        if (strcmp(v ? v : "", pv->values[i] ? pv->values[i] : "") != 0)
            return false;
    }
    return true;
}

/* Hand the gathered row to fn (non-zero: stop), and start the next. */
static int pivot_flush(pivot *pv, warta_row_fn fn, void *ud)
{
    int stop = fn(ud, (int)pv->n, pv->names, pv->values);
    pv->named = true;
    pv->n = 0;
    arena_clear(&pv->row_mem);
    return stop;
}

/* add_two_way's rows (keys, events, period, n) as one row per group:
** keys, events, then a column per period named by it. */
static warta_status pivot_rows(warta_store *st, store_stmt *s, int n_keys,
                               warta_row_fn fn, void *ud)
{
    pivot pv = {.n_keys = n_keys};
    arena_init(&pv.names_mem, st->ctx);
    arena_init(&pv.row_mem, st->ctx);
    bool ok = true, stop = false;
    int r = DB_DONE;
    while (ok && !stop && (r = db_step(s)) == DB_ROW) {
        if (pv.n && !same_group(&pv, s))
            stop = pivot_flush(&pv, fn, ud);
        if (pv.n == 0)      /* a new group: its keys and total */
            for (int i = 0; ok && !stop && i <= n_keys; i++)
                ok = pivot_push(&pv, st->be->column_name(s, i),
                                db_text(s, i));
        if (ok && !stop)
            ok = pivot_push(&pv, db_text(s, n_keys + 1),
                            db_text(s, n_keys + 2));
    }
    if (ok && !stop && r == DB_DONE && pv.n)
        pivot_flush(&pv, fn, ud);
    arena_reset(&pv.names_mem);
    arena_reset(&pv.row_mem);
    if (!ok)
        return ctx_error(st->ctx, WARTA_ENOMEM, "query: out of memory");
    return stop || r == DB_DONE ? WARTA_OK : store_db_error(st, "query");
}

/* A malformed --text is the user's mistake, not the database's. */
static warta_status blame_text(warta_store *st, const warta_query *q,
                               warta_status rc)
{
    if (rc == WARTA_EDB && q->text && st->be->bad_text(st))
        return ctx_error(st->ctx, WARTA_EINVAL, "--text: cannot read '%s'",
                         q->text);
    return rc;
}

warta_status warta_query_check(warta_ctx *ctx, const warta_query *q)
{
    query_plan p;
    if (!ctx || !q)
        return WARTA_EINVAL;
    return plan_query(ctx, q, &p);
}

warta_status warta_store_query(warta_store *st, const warta_query *q,
                               warta_row_fn fn, void *ud)
{
    if (!st || !q || !fn)
        return WARTA_EINVAL;
    query_plan p;
    warta_status rc = plan_query(st->ctx, q, &p);
    if (rc != WARTA_OK)
        return rc;
    query_sql s;
    sql_init(&s, st);
    add_query(&s, q, &p, summary_answers(st, q, &p));
    store_stmt *stmt;
    rc = prepare_sql(st, &s, &stmt);
    if (rc == WARTA_OK && p.group >= 0 && p.period)
        rc = pivot_rows(st, stmt, groupings[p.group].n_keys, fn, ud);
    else if (rc == WARTA_OK)
        rc = each_row(st, stmt, fn, ud, NULL);
    db_finalize(stmt);
    sql_free(&s);                   /* after the statement: its values */
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
    " JOIN docs d ON d.id = m.doc JOIN sentences s ON s.id = m.sentence";

enum {
    C_ID, C_DATE, C_PRECISION, C_SOURCE, C_TARGET, C_CODE, C_ROOT, C_LABEL,
    C_QUAD, C_GOLDSTEIN, C_PLOVER_TYPE, C_PLOVER_MODE, C_SOURCE_COUNTRY,
    C_TARGET_COUNTRY, C_PLACE_ID, C_PLACE, C_PLACE_KEY, C_PLACE_COUNTRY,
    C_PLACE_ADM1, C_LAT, C_LON, C_MENTIONS, C_SOURCES, C_ARTICLES, C_MODE,
    C_HISTORICAL, C_DOC, C_URL, C_ARTICLE_DATE, C_TITLE, C_OUTLET, C_LANG,
    C_SENTENCE, C_TEXT,
    C_SIDES                         /* source, then target: 4 columns each */
};

static const char *text_at(store_stmt *s, int col)
{
    const char *v = db_text(s, col);
    return v ? v : "";
}

static warta_slice slice_at(store_stmt *s, int col)
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
static void stored_actor(warta_ctx *ctx, store_stmt *s, int code_col,
                         int country_col, int span_col, warta_actor *a)
{
    copy_field(a->code, sizeof a->code, text_at(s, code_col));
    copy_field(a->country, sizeof a->country, text_at(s, country_col));
    copy_field(a->sector, sizeof a->sector, stored_sector(a));
    a->text = slice_at(s, span_col);
    a->start = (size_t)db_int(s, span_col + 1);
    a->end = (size_t)db_int(s, span_col + 2);
    a->entry = text_at(s, span_col + 3);
    place_of_actor(ctx, a);
}

/* A stored place's kind: a GeoNames id is a city; the key of a place
** without one says its kind ("SAU:3:Arab Saudi"). */
static uint8_t stored_place_kind(store_stmt *s)
{
    if (db_text(s, C_PLACE_ID))
        return WARTA_PLACE_CITY;
    const char *colon = strchr(text_at(s, C_PLACE_KEY), ':');
    return colon ? (uint8_t)atoi(colon + 1) : WARTA_PLACE_NONE;
}

/* GDELT's IsRootEvent as `warta code` gives it (the title's sentences and
** the first body sentence lead the article), from what the store keeps:
** the title is sentence 0, the body begins after it (a title of several
** sentences, or a caption before the body, is not told apart). */
static bool stored_is_root(store_stmt *s, const warta_event *e)
{
    return e->sentence == 0 || (e->sentence == 1 && *text_at(s, C_TITLE));
}

/* Rebuild the event (and its report) a row of export_sql describes; the
** strings point into the row, valid until the next step. */
static void stored_event(warta_ctx *ctx, store_stmt *s, warta_event *e,
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
    e->sentence = (size_t)db_int(s, C_SENTENCE);
    stored_actor(ctx, s, C_SOURCE, C_SOURCE_COUNTRY, C_SIDES, &e->source);
    stored_actor(ctx, s, C_TARGET, C_TARGET_COUNTRY, C_SIDES + 4, &e->target);
    copy_field(e->code, sizeof e->code, text_at(s, C_CODE));
    copy_field(e->root, sizeof e->root, text_at(s, C_ROOT));
    e->label = text_at(s, C_LABEL);
    e->quad_class = (int)db_int(s, C_QUAD);
    e->goldstein = db_double(s, C_GOLDSTEIN);
    e->plover_type = text_at(s, C_PLOVER_TYPE);
    e->plover_mode = text_at(s, C_PLOVER_MODE);
    const char *mode = text_at(s, C_MODE);
    for (uint8_t m = 0; m < WARTA_N_MODES; m++)
        if (strcmp(mode, warta_mode_name(m)) == 0)
            e->mode = m;
    e->historical = (int)db_int(s, C_HISTORICAL) != 0;
    e->verb = slice_at(s, C_SIDES + 8);
    e->verb_start = (size_t)db_int(s, C_SIDES + 9);
    e->verb_end = (size_t)db_int(s, C_SIDES + 10);
    e->rule = text_at(s, C_SIDES + 11);
    warta_place *p = &e->place;
    copy_field(p->name, sizeof p->name, text_at(s, C_PLACE));
    if (p->name[0]) {
        p->kind = stored_place_kind(s);
        p->geonames_id = (uint32_t)db_int(s, C_PLACE_ID);
        copy_field(p->country, sizeof p->country, text_at(s, C_PLACE_COUNTRY));
        copy_field(p->adm1, sizeof p->adm1, text_at(s, C_PLACE_ADM1));
        p->lat = db_double(s, C_LAT);
        p->lon = db_double(s, C_LON);
    }
    *r = (export_report){
        .doc_id = text_at(s, C_DOC), .url = text_at(s, C_URL),
        .article_date = text_at(s, C_ARTICLE_DATE), .lang = text_at(s, C_LANG),
        .title = text_at(s, C_TITLE), .publication = text_at(s, C_OUTLET),
        .text = slice_at(s, C_TEXT), .is_root = stored_is_root(s, e),
        .id = export_event_id(e, text_at(s, C_PLACE_KEY)),
        .store_id = db_int(s, C_ID),
        .mentions = (unsigned)(int)db_int(s, C_MENTIONS),
        .sources = (unsigned)(int)db_int(s, C_SOURCES),
        .articles = (unsigned)(int)db_int(s, C_ARTICLES)};
}

static warta_status export_rows(warta_store *st, store_stmt *s,
                                warta_format fmt, unsigned flags,
                                warta_line_fn fn, void *ud)
{
    warta_buf line = {0};
    warta_status rc = warta_write_header(st->ctx, fmt, &line);
    if (rc == WARTA_OK && line.n && fn(ud, line.p, line.n))
        rc = WARTA_DONE;
    int r = DB_DONE;
    while (rc == WARTA_OK && (r = db_step(s)) == DB_ROW) {
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
    if (rc == WARTA_OK && r != DB_DONE)
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
    query_plan p;
    warta_status rc = plan_query(st->ctx, q, &p);
    if (rc != WARTA_OK)
        return rc;
    query_sql s;
    sql_init(&s, st);
    add_filters(&s, q, &p);
    add_sql(&s, export_sql);
    add_event_order(&s, &p);
    add_limit(&s, q);
    store_stmt *stmt;
    rc = prepare_sql(st, &s, &stmt);
    if (rc == WARTA_OK)
        rc = export_rows(st, stmt, fmt, flags, fn, ud);
    db_finalize(stmt);
    sql_free(&s);
    return blame_text(st, q, rc);
}

static warta_status run_with_id(warta_store *st, const char *sql, int64_t id,
                                warta_row_fn fn, void *ud, size_t *rows)
{
    store_stmt *s;
    if (db_prepare(st, sql, &s) != WARTA_OK)
        return WARTA_EDB;
    db_bind_int(s, 1, id);
    warta_status rc = each_row(st, s, fn, ud, rows);
    db_finalize(s);
    return rc;
}

warta_status warta_store_event(warta_store *st, int64_t id,
                               warta_row_fn event_fn, warta_row_fn mention_fn,
                               void *ud)
{
    if (!st || !event_fn || !mention_fn)
        return WARTA_EINVAL;
    size_t found = 0;
    warta_status rc = run_with_id(st, "SELECT * FROM events WHERE id = ?1", id,
                                  event_fn, ud, &found);
    if (rc != WARTA_OK)
        return rc;
    if (!found)
        return ctx_error(st->ctx, WARTA_DONE, "no event %lld", (long long)id);
    return run_with_id(
        st,
        "SELECT d.ext_id AS article, d.url, d.date AS article_date,"
        " d.title, d.source, d.lang, s.idx AS sentence, s.text,"
        " (SELECT text FROM sentences b WHERE b.doc = s.doc"
        "  AND b.idx = s.idx - 1) AS before,"
        " (SELECT text FROM sentences a WHERE a.doc = s.doc"
        "  AND a.idx = s.idx + 1) AS after,"
        " m.source_text, m.source_entry, m.verb_text, m.rule,"
        " m.target_text, m.target_entry, m.event_date, m.date_precision,"
        " m.historical, m.source_how, m.target_how"
        " FROM mentions m JOIN docs d ON d.id = m.doc"
        " JOIN sentences s ON s.id = m.sentence WHERE m.event = ?1"
        " ORDER BY d.date, d.ext_id, s.idx, m.id",
        id, mention_fn, ud, NULL);
}
