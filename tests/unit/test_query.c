/*
** test_query.c -- the query builder (src/query.c) over a small store:
** every combination of filters, with every grouping and limit, selects
** the events a plain C reading of the same filters selects, newest first;
** time series have every period from the first event to the last, their
** QuadClass columns adding up; two-way tables and country-level groups
** count what the oracle counts; sorts order rows by what they name; and
** no combination, with codes as long as a filter allows, overruns what
** the builder keeps.
*/
#include <strings.h>

#include "helpers.h"

static warta_dict *dict;
static warta_store *store;
static warta_store *plain;          /* the same store, read without its
                                       summary */

static const char actors[] =
    "RUSSIA_ [RUS]\nCHINA_ [CHN]\nUKRAINE_ [UKR]\n"
    "INDONESIA_ [IDN]\nMALAYSIA_ [MYS]\nRUSSIAN_ARMY_ [RUSMIL]\n";
static const char verbs[] =
    "--- CRITICIZE [111] ---\nCRITICIZE {CRITICIZES CRITICIZED}\n"
    "--- ATTACK [190] ---\nATTACK {ATTACKS ATTACKED}\n"
    "--- MEET [040] ---\nMEET {MEETS MET}\n";

/* Each event differs from the others in some filter; "a" and "f" report
** one event in two languages.  The mode is given here, as the tree coder
** would find it (these tests do not load its models). */
static const struct article {
    const char *id, *date, *lang, *text;
    warta_mode mode;
} articles[] = {
    {"a", "2024-01-02", "en", "Russia criticized China in Jakarta.",
     WARTA_MODE_ASSERTED},
    {"b", "2024-02-03", "en", "China criticized Russia in Moscow.",
     WARTA_MODE_NEGATED},
    {"c", "2024-03-04", "id", "Russia attacked Ukraine in Kyiv.",
     WARTA_MODE_ASSERTED},
    {"d", NULL, "en", "Indonesia met Malaysia in Jakarta.",
     WARTA_MODE_HYPOTHETICAL},
    {"e", "2024-07-08", "en", "Russia criticized China in Jakarta.",
     WARTA_MODE_FUTURE},
    {"f", "2024-01-02", "id", "Russia criticized China di Jakarta.",
     WARTA_MODE_ASSERTED},
    {"g", "2024-04-05", "en", "Malaysia met Indonesia.", WARTA_MODE_ASSERTED},
    {"h", "2024-03-20", "en", "The Russian army attacked Ukraine.",
     WARTA_MODE_ASSERTED},
};

/* A stored event as the oracle sees it. */
typedef struct stored {
    char id[16], date[16], source[32], target[32], code[8], country[8];
    char mode[16], place[32];
    int quad, mentions;
    double goldstein;
    char langs[32];                 /* " en id ": its articles' languages */
    char texts[512];                /* its sentences */
} stored;

static stored events[16];
static size_t n_events;

/* ---- collecting rows ---------------------------------------------------- */

#define MAX_ROWS 16

typedef struct rows {
    size_t n;
    char id[MAX_ROWS][16];          /* the id column, if any */
    long sum_events;                /* of the events column, if any */
} rows;

static const char *column(int n, const char *const *names,
                          const char *const *values, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return values[i] ? values[i] : "";
    return NULL;
}

static int collect(void *ud, int n, const char *const *names,
                   const char *const *values)
{
    rows *r = ud;
    assert_true(r->n < MAX_ROWS);
    const char *id = column(n, names, values, "id");
    const char *ev = column(n, names, values, "events");
    snprintf(r->id[r->n++], sizeof r->id[0], "%s", id ? id : "");
    if (ev)
        r->sum_events += atol(ev);
    return 0;
}

/* Every name and value of a query's rows, hashed (FNV-1a), and how many
** rows there were: two queries that give the same digest gave the same
** rows. */
typedef struct digest {
    uint64_t hash;
    size_t n;
} digest;

static void hash_text(digest *d, const char *text)
{
    for (const char *c = text; ; c++) {
        d->hash = (d->hash ^ (unsigned char)*c) * 0x100000001b3ull;
        if (!*c)
            return;
    }
}

static int hash_row(void *ud, int n, const char *const *names,
                    const char *const *values)
{
    digest *d = ud;
    for (int i = 0; i < n; i++) {
        hash_text(d, names[i]);
        hash_text(d, values[i] ? values[i] : "(null)");
    }
    d->n++;
    return 0;
}

/* q gives the same rows from the store as from its events alone (the
** summary, where it answers q, counts what the events count). */
static void check_summary(const warta_query *q)
{
    digest a = {0xcbf29ce484222325ull, 0}, b = a;
    assert_int_equal(warta_store_query(store, q, hash_row, &a), WARTA_OK);
    assert_int_equal(warta_store_query(plain, q, hash_row, &b), WARTA_OK);
    assert_int_equal(a.n, b.n);
    assert_true(a.hash == b.hash);
}

static void copy(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "");
}

static int keep_event(void *ud, int n, const char *const *names,
                      const char *const *values)
{
    (void)ud;
    assert_true(n_events < ARRAY_LEN(events));
    stored *e = &events[n_events++];
    copy(e->id, sizeof e->id, column(n, names, values, "id"));
    copy(e->date, sizeof e->date, column(n, names, values, "date"));
    copy(e->source, sizeof e->source, column(n, names, values, "source"));
    copy(e->target, sizeof e->target, column(n, names, values, "target"));
    copy(e->code, sizeof e->code, column(n, names, values, "code"));
    copy(e->country, sizeof e->country, column(n, names, values, "country"));
    copy(e->mode, sizeof e->mode, column(n, names, values, "mode"));
    copy(e->place, sizeof e->place, column(n, names, values, "place"));
    e->quad = atoi(column(n, names, values, "quad"));
    e->mentions = atoi(column(n, names, values, "mentions"));
    e->goldstein = atof(column(n, names, values, "goldstein"));
    return 0;
}

/* The oracle's event of a row's id, or NULL. */
static const stored *event_of(const char *id)
{
    for (size_t i = 0; i < n_events; i++)
        if (strcmp(events[i].id, id) == 0)
            return &events[i];
    return NULL;
}

static int ignore_row(void *ud, int n, const char *const *names,
                      const char *const *values)
{
    (void)ud, (void)n, (void)names, (void)values;
    return 0;
}

/* A mention of an event: note its article's language and its sentence. */
static int keep_mention(void *ud, int n, const char *const *names,
                        const char *const *values)
{
    stored *e = ud;
    const char *lang = column(n, names, values, "lang");
    const char *text = column(n, names, values, "text");
    char word[8];
    snprintf(word, sizeof word, " %s ", lang ? lang : "");
    if (!strstr(e->langs, word))
        snprintf(e->langs + strlen(e->langs),
                 sizeof e->langs - strlen(e->langs), "%s",
                 e->langs[0] ? word + 1 : word);
    snprintf(e->texts + strlen(e->texts), sizeof e->texts - strlen(e->texts),
             "%s\n", text ? text : "");
    return 0;
}

static int setup(void **state)
{
    warta_config cfg = {.gazetteer = "build/gen/gazetteer.bin"};
    if (warta_open(&cfg, &test_ctx) != WARTA_OK)
        return -1;
    test_dict_files files = {.actors = actors, .verbs = verbs,
                             .grammars = {"data/packs/en/grammar.txt",
                                          "data/packs/id/grammar.txt"}};
    dict = test_dict_setup(state, "query", &files);
    if (!dict)
        return -1;
    char db[320];
    snprintf(db, sizeof db, "%s/query.db", test_dir);
    if (warta_store_open(test_ctx, db, 0, &store) != WARTA_OK)
        return -1;
    for (size_t i = 0; i < ARRAY_LEN(articles); i++) {
        const struct article *a = &articles[i];
        warta_meta meta = {.id = a->id, .date = a->date, .lang = a->lang};
        warta_doc *doc = code_doc(dict, a->text, &meta, a->lang);
        for (size_t k = 0; k < warta_doc_n_events(doc); k++)
            doc->events[k].mode = (uint8_t)a->mode;
        if (warta_store_add(store, doc, NULL) != WARTA_OK)
            return -1;
        warta_doc_free(doc);
    }
    if (warta_store_open(test_ctx, db,
                         WARTA_STORE_READONLY | WARTA_STORE_NO_SUMMARY,
                         &plain) != WARTA_OK)
        return -1;
    /* the oracle's copy of every event, with its languages and sentences */
    if (warta_store_query(store, &(warta_query){0}, keep_event, NULL) !=
        WARTA_OK)
        return -1;
    for (size_t i = 0; i < n_events; i++)
        if (warta_store_event(store, atoll(events[i].id), ignore_row,
                              keep_mention, &events[i]) != WARTA_OK)
            return -1;
    return 0;
}

static int teardown(void **state)
{
    warta_store_close(plain);
    warta_store_close(store);
    return test_dict_teardown(state, dict);
}

/* ---- the filters, and the oracle's reading of them ---------------------- */

enum {
    F_ACTOR, F_DYAD, F_UNDIRECTED, F_CODE, F_QUAD, F_FROM, F_TO, F_COUNTRY,
    F_LANG, F_TEXT, F_MODE, N_FILTERS
};

/* The values the filters take: code prefixes given by `code`, the rest
** fixed. */
typedef struct filter_values {
    const char *actor, *source, *target, *code, *quad, *mode;
} filter_values;

static warta_query make_query(unsigned mask, const filter_values *v)
{
    warta_query q = {0};
    if (mask & 1u << F_ACTOR)
        q.actor = v->actor;
    if (mask & 1u << F_DYAD)
        q.source = v->source, q.target = v->target;
    q.undirected = mask & 1u << F_UNDIRECTED;
    if (mask & 1u << F_CODE)
        q.code = v->code;
    if (mask & 1u << F_QUAD)
        q.quad = v->quad;
    if (mask & 1u << F_FROM)
        q.from = "2024-01-02";
    if (mask & 1u << F_TO)
        q.to = "2024-06-30";
    if (mask & 1u << F_COUNTRY)
        q.country = "IDN";
    if (mask & 1u << F_LANG)
        q.lang = "en";
    if (mask & 1u << F_TEXT)
        q.text = "Jakarta";
    if (mask & 1u << F_MODE)
        q.mode = v->mode;
    return q;
}

/* Codes match in any case: the store's are upper case. */
static bool prefix(const char *s, const char *p)
{
    return strncasecmp(s, p, strlen(p)) == 0;
}

/* Is quad one of the comma-separated list's QuadClasses? */
static bool quad_in(int quad, const char *list)
{
    for (const char *at = list; *at; at++)
        if (*at - '0' == quad)
            return true;
    return false;
}

/* Is mode one of the comma-separated list's? */
static bool mode_in(const char *mode, const char *list)
{
    size_t n = strlen(mode);
    for (const char *at = list; *at; at += strcspn(at, ",")) {
        if (*at == ',')
            at++;
        if (strncmp(at, mode, n) == 0 && (at[n] == ',' || !at[n]))
            return true;
    }
    return false;
}

static bool dyad_passes(const stored *e, const warta_query *q)
{
    if (!q->source)
        return true;
    if (prefix(e->source, q->source) && prefix(e->target, q->target))
        return true;
    return q->undirected && prefix(e->source, q->target) &&
           prefix(e->target, q->source);
}

static bool passes(const stored *e, const warta_query *q)
{
    char lang[8];
    snprintf(lang, sizeof lang, " %s ", q->lang ? q->lang : "");
    return (!q->actor || prefix(e->source, q->actor) ||
            prefix(e->target, q->actor)) &&
           dyad_passes(e, q) && (!q->code || prefix(e->code, q->code)) &&
           (!q->quad || quad_in(e->quad, q->quad)) &&
           (!q->from || strcmp(e->date, q->from) >= 0) &&
           (!q->to || (e->date[0] && strcmp(e->date, q->to) <= 0)) &&
           (!q->country || strcasecmp(e->country, q->country) == 0) &&
           (!q->lang || strstr(e->langs, lang)) &&
           (!q->text || strstr(e->texts, q->text)) &&
           (!q->mode || mode_in(e->mode, q->mode));
}

/* A side's country, as --level country groups it: the code's first three
** letters (the test's actors are countries and their sectors). */
static bool same_country(const char *a, const char *b)
{
    return strncmp(a, b, 3) == 0;
}

/* What the oracle expects of a grouping (by, at level country or not):
** the sum of its events column.  Periods count dated events only, and so
** do two-way tables ("dyad,month"); an actor's groups count an event once
** for each side, once when both sides are the same actor (country). */
static long expected_sum(const warta_query *q, const char *by, bool country)
{
    bool grouped = strncmp(by, "dyad", 4) == 0 ||
                   strncmp(by, "code", 4) == 0 || strncmp(by, "actor", 5) == 0;
    bool dated = !grouped || strchr(by, ',');
    long sum = 0;
    for (size_t i = 0; i < n_events; i++) {
        const stored *e = &events[i];
        if (!passes(e, q) || (dated && !e->date[0]))
            continue;
        bool same = country ? same_country(e->source, e->target)
                            : strcmp(e->source, e->target) == 0;
        sum += strncmp(by, "actor", 5) == 0 && !same ? 2 : 1;
    }
    return sum;
}

/* ---- periods, as the oracle counts them ---------------------------------- */

/* The number of a period ("2024-03" of month, a date of day or week,
** "2024" of year): consecutive periods have consecutive numbers.  Weeks
** start on Monday (1970-01-01, day 0, was a Thursday). */
static long period_number(const char *by, const char *label)
{
    char date[24];
    size_t n = strlen(label);
    snprintf(date, sizeof date, "%.10s%s", label,
             n == 4 ? "-01-01" : n == 7 ? "-01" : "");
    int32_t days;
    assert_true(parse_day(date, &days));
    if (strcmp(by, "year") == 0)
        return atol(date);
    if (strcmp(by, "month") == 0)
        return atol(date) * 12 + atol(date + 5);
    if (strcmp(by, "week") == 0)
        return (days + 3 >= 0 ? days + 3 : days - 3) / 7;
    return days;
}

/* The first and last period of the dated events q selects; false when
** there are none. */
static bool period_span(const warta_query *q, const char *by, long *first,
                        long *last)
{
    bool any = false;
    for (size_t i = 0; i < n_events; i++) {
        const stored *e = &events[i];
        if (!passes(e, q) || !e->date[0])
            continue;
        long p = period_number(by, e->date);
        if (!any || p < *first)
            *first = p;
        if (!any || p > *last)
            *last = p;
        any = true;
    }
    return any;
}

/* ---- checking rows as they come ------------------------------------------ */

/* What the rows of one query must be, and what they were. */
typedef struct table_check {
    const char *period;             /* a series' or two-way table's, or NULL */
    bool two_way;
    long first, last;               /* the periods the oracle expects */
    size_t n_rows;
    long sum_events, prev;          /* prev: the last row's period */
} table_check;

static long cell(int n, const char *const *names, const char *const *values,
                 const char *name)
{
    const char *v = column(n, names, values, name);
    assert_non_null(v);
    return atol(v);
}

/* A series' row: the next period, its QuadClasses adding up to its events,
** a mean Goldstein only when it has events. */
static void check_series_row(table_check *t, int n, const char *const *names,
                             const char *const *values)
{
    long p = period_number(t->period, values[0]);
    assert_int_equal(p, t->n_rows ? t->prev + 1 : t->first);
    t->prev = p;
    long in_period = cell(n, names, values, "events");
    long quads = cell(n, names, values, "quad1") +
                 cell(n, names, values, "quad2") +
                 cell(n, names, values, "quad3") +
                 cell(n, names, values, "quad4");
    assert_int_equal(quads, in_period);
    assert_true((in_period > 0) ==
                (column(n, names, values, "goldstein")[0] != '\0'));
}

/* A two-way table's row: its keys, its events, then one column per period
** from the first to the last, adding up to its events. */
static void check_two_way_row(table_check *t, int n, const char *const *names,
                              const char *const *values)
{
    int at = 0;
    while (at < n && strcmp(names[at], "events") != 0)
        at++;
    assert_true(at == 1 || at == 2);
    assert_int_equal(n - at - 1, t->last - t->first + 1);
    long sum = 0;
    for (int i = at + 1; i < n; i++) {
        assert_int_equal(period_number(t->period, names[i]),
                         t->first + (i - at - 1));
        sum += atol(values[i]);
    }
    assert_int_equal(sum, atol(values[at]));
}

static int check_row(void *ud, int n, const char *const *names,
                     const char *const *values)
{
    table_check *t = ud;
    if (t->two_way)
        check_two_way_row(t, n, names, values);
    else if (t->period)
        check_series_row(t, n, names, values);
    t->sum_events += cell(n, names, values, "events");
    t->n_rows++;
    return 0;
}

/* Run q grouped by `by` (at level country or not) and check its rows
** against the oracle. */
static void check_grouping(const warta_query *base, const char *by,
                           bool country)
{
    static const char *const periods[] = {"day", "week", "month", "year"};
    warta_query q = *base;
    q.by = by;
    q.level = country ? "country" : NULL;
    table_check t = {.two_way = strchr(by, ',') != NULL};
    const char *period = t.two_way ? strchr(by, ',') + 1 : by;
    for (size_t i = 0; i < ARRAY_LEN(periods); i++)
        if (strcmp(period, periods[i]) == 0)
            t.period = periods[i];
    bool any = t.period && period_span(base, t.period, &t.first, &t.last);
    assert_int_equal(warta_store_query(store, &q, check_row, &t), WARTA_OK);
    assert_int_equal(t.sum_events, expected_sum(base, by, country));
    if (t.period && !t.two_way)
        check_summary(&q);
    if (t.period && !t.two_way)     /* every period, none left out */
        assert_int_equal(t.n_rows, any ? t.last - t.first + 1 : 0);
}

/* Are the rows (ids) newest first, the newer id first on the same day? */
static void check_newest_first(const rows *r)
{
    for (size_t i = 1; i < r->n; i++) {
        const stored *a = event_of(r->id[i - 1]), *b = event_of(r->id[i]);
        assert_non_null(a);
        assert_non_null(b);
        int c = strcmp(a->date, b->date);
        assert_true(c > 0 || (c == 0 && atol(a->id) > atol(b->id)));
    }
}

static int count_line(void *ud, const char *line, size_t n)
{
    (void)line, (void)n;
    ++*(size_t *)ud;
    return 0;
}

/* The events of one filter set, listed, grouped, limited and exported,
** against the oracle: by dyad, code, actor and one period (the query
** of a series costs more: the caller rotates which), or with deep by every
** period, at the country level and in two-way tables too. */
static void check_filters(const warta_query *base, unsigned period,
                          bool deep)
{
    size_t expected = 0;
    for (size_t i = 0; i < n_events; i++)
        expected += passes(&events[i], base);
    rows r = {0};
    assert_int_equal(warta_store_query(store, base, collect, &r), WARTA_OK);
    assert_int_equal(r.n, expected);
    for (size_t i = 0; i < r.n; i++)
        for (size_t k = 0; k < n_events; k++)
            if (strcmp(r.id[i], events[k].id) == 0)
                assert_true(passes(&events[k], base));
    check_newest_first(&r);
    warta_query q = *base;
    q.top = 1;
    r = (rows){0};
    assert_int_equal(warta_store_query(store, &q, collect, &r), WARTA_OK);
    assert_int_equal(r.n, expected ? 1 : 0);
    static const char *const periods[] = {"day", "week", "month", "year"};
    static const char *const groups[] = {"dyad", "code", "actor"};
    for (size_t b = 0; b < ARRAY_LEN(periods); b++)
        if (deep || b == period % ARRAY_LEN(periods))
            check_grouping(base, periods[b], false);
    for (size_t b = 0; b < ARRAY_LEN(groups); b++)
        check_grouping(base, groups[b], false);
    if (deep) {
        static const char *const more[] = {"dyad,month", "actor,week",
                                           "code,day"};
        check_grouping(base, "dyad", true);
        check_grouping(base, "actor", true);
        for (size_t b = 0; b < ARRAY_LEN(more); b++)
            check_grouping(base, more[b], b == 1);
    }
    size_t lines = 0;
    assert_int_equal(warta_store_export(store, base, WARTA_FORMAT_CSV, 0,
                                        count_line, &lines),
                     WARTA_OK);
    assert_int_equal(lines, expected + 1);         /* and the header */
}

/* ---- the tests ------------------------------------------------------------ */

static void test_store_as_expected(void **state)
{
    (void)state;
    /* the oracle needs each filter to keep some events and drop others */
    assert_int_equal(n_events, 7);
    static const filter_values v = {"RUS", "RUS", "CHN", "11", "3,4",
                                    "asserted,negated"};
    for (int f = 0; f < N_FILTERS; f++) {
        if (f == F_UNDIRECTED)
            continue;
        warta_query q = make_query(1u << f, &v);
        size_t kept = 0;
        for (size_t i = 0; i < n_events; i++)
            kept += passes(&events[i], &q);
        assert_true(kept > 0 && kept < n_events);
    }
    /* the modes are stored as given */
    size_t negated = 0, asserted = 0;
    for (size_t i = 0; i < n_events; i++) {
        negated += strcmp(events[i].mode, "negated") == 0;
        asserted += strcmp(events[i].mode, "asserted") == 0;
    }
    assert_int_equal(negated, 1);
    assert_int_equal(asserted, 4);
    /* every filter at once still keeps one: "a" and "f" */
    warta_query all = make_query((1u << N_FILTERS) - 1, &v);
    size_t kept = 0;
    for (size_t i = 0; i < n_events; i++)
        kept += passes(&events[i], &all);
    assert_int_equal(kept, 1);
}

static void test_every_combination(void **state)
{
    (void)state;
    static const filter_values v = {"RUS", "RUS", "CHN", "11", "3,4",
                                    "asserted,negated"};
    /* every period, country levels and two-way tables with up to three
    ** filters */
    for (unsigned mask = 0; mask < 1u << N_FILTERS; mask++) {
        warta_query q = make_query(mask, &v);
        check_filters(&q, mask, __builtin_popcount(mask) <= 3);
    }
}

/* Codes in lower case select what they select in upper case, in every
** combination of the filters on codes. */
static void test_codes_in_any_case(void **state)
{
    (void)state;
    static const filter_values v = {"rus", "rUs", "chn", "11", "4,3",
                                    "negated,asserted"};
    unsigned codes = 1u << F_ACTOR | 1u << F_DYAD | 1u << F_UNDIRECTED |
                     1u << F_CODE | 1u << F_COUNTRY | 1u << F_QUAD;
    for (unsigned mask = 0; mask < 1u << N_FILTERS; mask++)
        if ((mask & ~codes) == 0) {
            warta_query q = make_query(mask, &v);
            q.country = q.country ? "idn" : NULL;
            check_filters(&q, mask, false);
        }
    rows r = {0};
    assert_int_equal(warta_store_query(store, &(warta_query){.actor = "rus"},
                                       collect, &r),
                     WARTA_OK);
    assert_int_equal(r.n, 5);       /* a (and f), b, c, e and h */
}

/* The longest codes a filter takes (31 characters), every combination: no
** event has them, and nothing is overrun (ASan watches). */
static void test_longest_codes(void **state)
{
    (void)state;
    static const filter_values v = {
        "RUSAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "RUSBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
        "CHNCCCCCCCCCCCCCCCCCCCCCCCCCCCC", "0123456789012345678901234567890",
        "4,3,2,1,1,2,3,4",
        "question,requested,purpose,future,hypothetical,negated,asserted,"
        "question,requested,purpose,future,hypothetical,negated,asserted"};
    for (unsigned mask = 0; mask < 1u << N_FILTERS; mask++) {
        warta_query q = make_query(mask, &v);
        check_filters(&q, mask, false);
    }
    warta_query q = {.code = "01234567890123456789012345678901"};
    rows r = {0};
    assert_int_equal(warta_store_query(store, &q, collect, &r), WARTA_EINVAL);
    assert_int_equal(r.n, 0);
}

/* A column's values in the order the rows came, as numbers ("" for
** NULL: a period without events has no mean Goldstein). */
typedef struct column_values {
    const char *name;
    size_t n;
    double v[64];
    bool null[64];
    char label[64][16];             /* the first column */
} column_values;

static int collect_column(void *ud, int n, const char *const *names,
                          const char *const *values)
{
    column_values *c = ud;
    const char *v = column(n, names, values, c->name);
    assert_non_null(v);
    assert_true(c->n < ARRAY_LEN(c->v));
    c->null[c->n] = !*v;
    c->v[c->n] = atof(v);
    snprintf(c->label[c->n], sizeof c->label[0], "%s", values[0] ? values[0]
                                                                 : "");
    c->n++;
    return 0;
}

/* Run q and check that its column `name` goes up (dir 1) or down (-1),
** NULLs last; how many rows came. */
static size_t check_order(const char *by, const char *sort, const char *name,
                          int dir)
{
    column_values c = {.name = name};
    warta_query q = {.by = by, .sort = sort};
    assert_int_equal(warta_store_query(store, &q, collect_column, &c),
                     WARTA_OK);
    for (size_t i = 1; i < c.n; i++) {
        assert_true(!c.null[i - 1] || c.null[i]);
        if (!c.null[i])
            assert_true(dir * (c.v[i] - c.v[i - 1]) >= 0);
    }
    return c.n;
}

static void test_sorts(void **state)
{
    (void)state;
    /* events: each key, each way; date runs on the events' ids here */
    assert_int_equal(check_order(NULL, "mentions", "mentions", -1), 7);
    assert_int_equal(check_order(NULL, "mentions:asc", "mentions", 1), 7);
    assert_int_equal(check_order(NULL, "goldstein", "goldstein", 1), 7);
    assert_int_equal(check_order(NULL, "goldstein:desc", "goldstein", -1), 7);
    rows r = {0};
    warta_query q = {.sort = "date:asc"};
    assert_int_equal(warta_store_query(store, &q, collect, &r), WARTA_OK);
    for (size_t i = 1; i < r.n; i++)
        assert_true(strcmp(event_of(r.id[i - 1])->date,
                           event_of(r.id[i])->date) <= 0);
    /* the table's columns, A to Z unless told, newest first within */
    static const char *const keys[] = {"source", "target", "code", "place",
                                       "quad"};
    for (size_t k = 0; k < ARRAY_LEN(keys); k++)
        for (int desc = 0; desc < 2; desc++) {
            char sort[32];
            snprintf(sort, sizeof sort, "%s%s", keys[k], desc ? ":desc" : "");
            r = (rows){0};
            q = (warta_query){.sort = sort};
            assert_int_equal(warta_store_query(store, &q, collect, &r),
                             WARTA_OK);
            assert_int_equal(r.n, 7);
            for (size_t i = 1; i < r.n; i++) {
                const stored *a = event_of(r.id[i - 1]), *b = event_of(r.id[i]);
                int by = k == 4 ? a->quad - b->quad
                     : strcmp(k == 0 ? a->source : k == 1 ? a->target
                              : k == 2 ? a->code : a->place,
                              k == 0 ? b->source : k == 1 ? b->target
                              : k == 2 ? b->code : b->place);
                assert_true(desc ? by >= 0 : by <= 0);
                if (by == 0)
                    assert_true(strcmp(a->date, b->date) >= 0);
            }
        }
    /* groups and periods */
    check_order("dyad", NULL, "events", -1);
    check_order("dyad", "mentions", "mentions", -1);
    check_order("actor", "goldstein", "goldstein", 1);
    check_order("code", "goldstein:desc", "goldstein", -1);
    size_t months = check_order("month", "events", "events", -1);
    assert_int_equal(months, 7);    /* January to July, May and June empty */
    check_order("month", "goldstein", "goldstein", 1);
    column_values c = {.name = "events"};
    q = (warta_query){.by = "month", .sort = "date"};
    assert_int_equal(warta_store_query(store, &q, collect_column, &c),
                     WARTA_OK);
    assert_string_equal(c.label[0], "2024-07");     /* newest first */
    assert_string_equal(c.label[6], "2024-01");
    /* July, June and May (none), April, March (c and h), ... */
    assert_true(c.v[0] == 1 && c.v[1] == 0 && c.v[2] == 0 && c.v[3] == 1 &&
                c.v[4] == 2);
}

/* A place selects the events at that place by its whole name (the map's
** click), with the other filters too. */
static void test_place(void **state)
{
    (void)state;
    static const char *const names[] = {"Jakarta", "Moscow", "Jak", "jakarta"};
    for (size_t i = 0; i < ARRAY_LEN(names); i++)
        for (int with_actor = 0; with_actor < 2; with_actor++) {
            warta_query q = {.place = names[i],
                             .actor = with_actor ? "RUS" : NULL};
            size_t want = 0;
            for (size_t k = 0; k < n_events; k++)
                want += strcmp(events[k].place, names[i]) == 0 &&
                        passes(&events[k], &q);
            rows r = {0};
            assert_int_equal(warta_store_query(store, &q, collect, &r),
                             WARTA_OK);
            assert_int_equal(r.n, want);
            for (size_t k = 0; k < r.n; k++)
                assert_string_equal(event_of(r.id[k])->place, names[i]);
        }
    rows r = {0};
    assert_int_equal(warta_store_query(store, &(warta_query){.place = "Jakarta"},
                                       collect, &r),
                     WARTA_OK);
    assert_true(r.n >= 3);          /* a (and f), d and e */
    /* a place's series comes from its events (the summary of each day has
    ** no places): as many as the listing's dated ones */
    for (const char *const *by = (const char *const[]){"month", "year", NULL}; *by; by++) {
        column_values c = {.name = "events"};
        assert_int_equal(warta_store_query(store, &(warta_query){.place = "Jakarta",
                                                                 .by = *by},
                                           collect_column, &c),
                         WARTA_OK);
        double sum = 0, dated = 0;
        for (size_t k = 0; k < c.n; k++)
            sum += c.v[k];
        for (size_t k = 0; k < r.n; k++)
            dated += event_of(r.id[k])->date[0] != '\0';
        assert_true(sum == dated);
    }
}

/* Grouped by country, the army's attack and Russia's are one dyad. */
static void test_level_country(void **state)
{
    (void)state;
    column_values c = {.name = "events"};
    warta_query q = {.by = "dyad", .level = "country", .target = "UKR",
                     .source = "RUS"};
    assert_int_equal(warta_store_query(store, &q, collect_column, &c),
                     WARTA_OK);
    assert_int_equal(c.n, 1);
    assert_string_equal(c.label[0], "RUS");
    assert_true(c.v[0] == 2);
    c = (column_values){.name = "events"};
    q.level = "actor";
    assert_int_equal(warta_store_query(store, &q, collect_column, &c),
                     WARTA_OK);
    assert_int_equal(c.n, 2);       /* RUS and RUSMIL, one each */
    assert_true(c.v[0] == 1 && c.v[1] == 1);
    c = (column_values){.name = "events"};
    q = (warta_query){.by = "actor", .level = "country", .actor = "rus"};
    assert_int_equal(warta_store_query(store, &q, collect_column, &c),
                     WARTA_OK);
    assert_string_equal(c.label[0], "RUS");     /* most events first */
    assert_true(c.v[0] == 5);       /* a, b, c, e and h */
}

/* Each option is read strictly: anything but its values is refused with
** a message, by the query, the export and warta_query_check alike. */
static void test_bad_values(void **state)
{
    (void)state;
    static const warta_query bad[] = {
        {.quad = "5"}, {.quad = "3,"}, {.quad = ""}, {.quad = "3;4"},
        {.quad = "0"}, {.quad = "34"},
        {.by = "hour"}, {.by = "month,dyad"}, {.by = "dyad,code"},
        {.by = "dyad,month,year"}, {.by = "dyad,"},
        {.level = "country"}, {.by = "code", .level = "country"},
        {.by = "dyad", .level = "nation"},
        {.sort = "events"}, {.sort = "date:up"}, {.sort = "date:"},
        {.sort = "Date"}, {.by = "dyad", .sort = "date"},
        {.by = "dyad,month", .sort = "mentions"},
        {.from = "2023-02-30"}, {.to = "23/02/2023"},
    };
    for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
        rows r = {0};
        assert_int_equal(warta_query_check(test_ctx, &bad[i]), WARTA_EINVAL);
        assert_true(strncmp(warta_errmsg(test_ctx), "--", 2) == 0);
        assert_int_equal(warta_store_query(store, &bad[i], collect, &r),
                         WARTA_EINVAL);
        assert_int_equal(r.n, 0);
    }
    assert_int_equal(warta_query_check(test_ctx, &(warta_query){
                         .by = "actor,week", .level = "country",
                         .quad = "1,2,3,4", .sort = "events:asc"}),
                     WARTA_OK);
}

/* A mode list names modes only, each spelled as warta_mode_name spells it:
** anything else is refused, with the valid ones named. */
static void test_bad_modes(void **state)
{
    (void)state;
    static const char *const bad[] = {"bogus", "", "asserted,", ",asserted",
                                      "Asserted", "asserted;negated",
                                      "asserted,,negated", "all"};
    for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
        rows r = {0};
        warta_query q = {.mode = bad[i]};
        assert_int_equal(warta_store_query(store, &q, collect, &r),
                         WARTA_EINVAL);
        assert_int_equal(r.n, 0);
        assert_non_null(strstr(warta_errmsg(test_ctx), "asserted, negated, "
                               "hypothetical, future, purpose, requested, "
                               "question"));
        size_t lines = 0;
        assert_int_equal(warta_store_export(store, &q, WARTA_FORMAT_CSV, 0,
                                            count_line, &lines),
                         WARTA_EINVAL);
        assert_int_equal(lines, 0);
    }
}

/* Replace article "a" with text (dated date): every series, by every
** filter the summary answers and some it does not, gives the same rows
** from the summary as from the events. */
static void replace_and_compare(const char *date, const char *text)
{
    warta_meta meta = {.id = "a", .date = date, .lang = "en"};
    warta_doc *doc = code_doc(dict, text, &meta, "en");
    warta_stored what;
    assert_int_equal(warta_store_add(store, doc, &what), WARTA_OK);
    assert_int_equal(what, WARTA_STORED_REPLACED);
    warta_doc_free(doc);
    static const filter_values v = {"RUS", "RUS", "CHN", "11", "3,4",
                                    "asserted,negated"};
    static const char *const periods[] = {"day", "week", "month", "year"};
    static const unsigned masks[] = {
        0, 1u << F_FROM, 1u << F_TO, 1u << F_MODE,
        1u << F_FROM | 1u << F_TO | 1u << F_MODE, 1u << F_QUAD,
        1u << F_ACTOR, 1u << F_TEXT};
    for (size_t m = 0; m < ARRAY_LEN(masks); m++)
        for (size_t p = 0; p < ARRAY_LEN(periods); p++) {
            warta_query q = make_query(masks[m], &v);
            q.by = periods[p];
            check_summary(&q);
            q.sort = "goldstein";
            check_summary(&q);
        }
}

/* The summary follows an article that changes: its events moved to
** another month, gone, and back (the last test: the oracle's events are
** the store's again at its end). */
static void test_summary_follows_replacements(void **state)
{
    (void)state;
    digest before = {0, 0};
    assert_int_equal(warta_store_query(store, &(warta_query){.by = "month"},
                                       hash_row, &before), WARTA_OK);
    replace_and_compare("2024-09-10",
                        "Russia attacked China. China criticized Russia.");
    replace_and_compare("2024-01-02", "Nothing happened in Jakarta.");
    replace_and_compare(articles[0].date, articles[0].text);
    digest after = {0, 0};
    assert_int_equal(warta_store_query(store, &(warta_query){.by = "month"},
                                       hash_row, &after), WARTA_OK);
    assert_int_equal(after.n, before.n);
    assert_true(after.hash == before.hash);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_store_as_expected),
        cmocka_unit_test(test_every_combination),
        cmocka_unit_test(test_longest_codes),
        cmocka_unit_test(test_bad_modes),
        cmocka_unit_test(test_codes_in_any_case),
        cmocka_unit_test(test_sorts),
        cmocka_unit_test(test_level_country),
        cmocka_unit_test(test_place),
        cmocka_unit_test(test_bad_values),
        cmocka_unit_test(test_summary_follows_replacements),
    };
    return cmocka_run_group_tests_name("query", tests, setup, teardown);
}
