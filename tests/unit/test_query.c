/*
** test_query.c -- the query builder (src/query.c) over a small store:
** every combination of filters, with every grouping and limit, selects
** the events a plain C reading of the same filters selects; and no
** combination, with codes as long as a filter allows, overruns what the
** builder keeps.
*/
#include "helpers.h"

static warta_dict *dict;
static warta_store *store;

static const char actors[] =
    "RUSSIA_ [RUS]\nCHINA_ [CHN]\nUKRAINE_ [UKR]\n"
    "INDONESIA_ [IDN]\nMALAYSIA_ [MYS]\n";
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
};

/* A stored event as the oracle sees it. */
typedef struct stored {
    char id[16], date[16], source[32], target[32], code[8], country[8];
    char mode[16];
    int quad;
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
    e->quad = atoi(column(n, names, values, "quad"));
    return 0;
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
    char word[8];
    snprintf(word, sizeof word, " %s ", lang);
    if (!strstr(e->langs, word))
        snprintf(e->langs + strlen(e->langs),
                 sizeof e->langs - strlen(e->langs), "%s",
                 e->langs[0] ? word + 1 : word);
    snprintf(e->texts + strlen(e->texts), sizeof e->texts - strlen(e->texts),
             "%s\n", column(n, names, values, "text"));
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
    const char *actor, *source, *target, *code, *mode;
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
        q.quad = 3;
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

static bool prefix(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
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
           (!q->quad || e->quad == q->quad) &&
           (!q->from || strcmp(e->date, q->from) >= 0) &&
           (!q->to || (e->date[0] && strcmp(e->date, q->to) <= 0)) &&
           (!q->country || strcmp(e->country, q->country) == 0) &&
           (!q->lang || strstr(e->langs, lang)) &&
           (!q->text || strstr(e->texts, q->text)) &&
           (!q->mode || mode_in(e->mode, q->mode));
}

/* What the oracle expects of a grouping: the sum of its events column. */
static long expected_sum(const warta_query *q, const char *by)
{
    long sum = 0;
    for (size_t i = 0; i < n_events; i++) {
        const stored *e = &events[i];
        if (!passes(e, q))
            continue;
        if (strcmp(by, "actor") == 0)
            sum += strcmp(e->source, e->target) != 0 ? 2 : 1;
        else if (strcmp(by, "dyad") == 0 || strcmp(by, "code") == 0 ||
                 e->date[0])
            sum++;
    }
    return sum;
}

static int count_line(void *ud, const char *line, size_t n)
{
    (void)line, (void)n;
    ++*(size_t *)ud;
    return 0;
}

/* The events of one filter set, listed, grouped every way, limited and
** exported, against the oracle. */
static void check_filters(const warta_query *base)
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
    warta_query q = *base;
    q.top = 1;
    r = (rows){0};
    assert_int_equal(warta_store_query(store, &q, collect, &r), WARTA_OK);
    assert_int_equal(r.n, expected ? 1 : 0);
    static const char *const bys[] = {"day", "week", "month", "year",
                                      "dyad", "code", "actor"};
    q.top = 0;
    for (size_t b = 0; b < ARRAY_LEN(bys); b++) {
        q.by = bys[b];
        r = (rows){0};
        assert_int_equal(warta_store_query(store, &q, collect, &r), WARTA_OK);
        assert_int_equal(r.sum_events, expected_sum(base, bys[b]));
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
    assert_int_equal(n_events, 6);
    static const filter_values v = {"RUS", "RUS", "CHN", "11",
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
    assert_int_equal(asserted, 3);
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
    static const filter_values v = {"RUS", "RUS", "CHN", "11",
                                    "asserted,negated"};
    for (unsigned mask = 0; mask < 1u << N_FILTERS; mask++) {
        warta_query q = make_query(mask, &v);
        check_filters(&q);
    }
}

/* The longest codes a filter takes (31 characters), every combination: no
** event has them, and nothing is overrun (ASan watches). */
static void test_longest_codes(void **state)
{
    (void)state;
    static const filter_values v = {
        "RUSAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "RUSBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
        "CHNCCCCCCCCCCCCCCCCCCCCCCCCCCCC", "0123456789012345678901234567890",
        "question,requested,purpose,future,hypothetical,negated,asserted,"
        "question,requested,purpose,future,hypothetical,negated,asserted"};
    for (unsigned mask = 0; mask < 1u << N_FILTERS; mask++) {
        warta_query q = make_query(mask, &v);
        check_filters(&q);
    }
    warta_query q = {.code = "01234567890123456789012345678901"};
    rows r = {0};
    assert_int_equal(warta_store_query(store, &q, collect, &r), WARTA_EINVAL);
    assert_int_equal(r.n, 0);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_store_as_expected),
        cmocka_unit_test(test_every_combination),
        cmocka_unit_test(test_longest_codes),
        cmocka_unit_test(test_bad_modes),
    };
    return cmocka_run_group_tests_name("query", tests, setup, teardown);
}
