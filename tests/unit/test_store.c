/*
** test_store.c -- the event store through the library's API (src/store.c,
** src/query.c): merging reports of one event, skipping and replacing
** documents, queries, and files that are not stores.
*/
#include <sqlite3.h>

#include "helpers.h"

static char db[300];
static warta_dict *dict;

static const char actors[] =
    "RUSSIA_ [RUS]\n+RUSSIAN_\n"
    "CHINA_ [CHN]\n"
    "UKRAINE_ [UKR]\n";
static const char verbs[] =
    "--- CRITICIZE [111] ---\nCRITICIZE {CRITICIZES CRITICIZED}\n"
    "--- ATTACK [190] ---\nATTACK {ATTACKS ATTACKED}\n";

static int setup(void **state)
{
    test_dict_files files = {.actors = actors, .verbs = verbs,
                             .grammars = {"data/packs/en/grammar.txt"}};
    dict = test_dict_setup(state, "store", &files);
    return dict ? 0 : -1;
}

static int teardown(void **state)
{
    return test_dict_teardown(state, dict);
}

/* A fresh store for each test. */
static warta_store *fresh_store(const char *name)
{
    snprintf(db, sizeof db, "%s/%s.db", test_dir, name);
    warta_store *st = NULL;
    assert_int_equal(warta_store_open(test_ctx, db, 0, &st), WARTA_OK);
    return st;
}

/* Code a text as an article of that date, historical events kept, and
** store it; returns what the store did. */
static warta_stored store_dated(warta_store *st, const char *id,
                                const char *url, const char *source,
                                const char *date, const char *text)
{
    warta_meta meta = {.id = id, .url = url, .source = source,
                       .date = date, .lang = "en"};
    warta_doc *doc;
    assert_int_equal(warta_doc_new(test_ctx, text, strlen(text), &meta, &doc),
                     WARTA_OK);
    assert_int_equal(warta_doc_process(test_ctx, doc, WARTA_STAGE_STEMS, "en"),
                     WARTA_OK);
    warta_code_opts opts = {.historical = true};
    assert_int_equal(warta_doc_code_opts(test_ctx, doc, dict, &opts), WARTA_OK);
    warta_stored what;
    assert_int_equal(warta_store_add(st, doc, &what), WARTA_OK);
    warta_doc_free(doc);
    return what;
}

static warta_stored store_text(warta_store *st, const char *id,
                               const char *url, const char *source,
                               const char *text)
{
    return store_dated(st, id, url, source, "2024-01-02", text);
}

/* Query rows collected as "name=value,name=value" lines. */
typedef struct rows {
    int n;
    char text[8][256];
} rows;

static int collect(void *ud, int n, const char *const *names,
                   const char *const *values)
{
    rows *r = ud;
    if (r->n == 8)
        return 1;
    char *out = r->text[r->n++];
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < n; i++)
        used += (size_t)snprintf(out + used, 256 - used, "%s%s=%s",
                                 i ? "," : "", names[i],
                                 values[i] ? values[i] : "NULL");
    return 0;
}

static rows query(warta_store *st, const warta_query *q)
{
    rows r = {0};
    assert_int_equal(warta_store_query(st, q, collect, &r), WARTA_OK);
    return r;
}

static void test_reports_merge(void **state)
{
    (void)state;
    warta_store *st = fresh_store("merge");
    const char *text = "Russia criticized China.";
    assert_int_equal(store_text(st, "a", NULL, "Wire A", text), WARTA_STORED_NEW);
    assert_int_equal(store_text(st, "b", NULL, "Wire B", text), WARTA_STORED_NEW);
    assert_int_equal(store_text(st, "c", NULL, "Wire A", text), WARTA_STORED_NEW);
    rows r = query(st, &(warta_query){.by = "dyad"});
    assert_int_equal(r.n, 1);
    assert_string_equal(r.text[0], "source=RUS,target=CHN,events=1,mentions=3,"
                                   "goldstein=-2.00,quad1=0,quad2=0,quad3=1,"
                                   "quad4=0");
    r = query(st, &(warta_query){0});
    assert_int_equal(r.n, 1);
    /* three articles, two outlets */
    assert_non_null(strstr(r.text[0], "mentions=3,sources=2,articles=3"));
    warta_store_counts c;
    assert_int_equal(warta_store_count(st, &c), WARTA_OK);
    assert_int_equal(c.documents, 3);
    assert_int_equal(c.events, 1);
    assert_int_equal(c.mentions, 3);
    warta_store_close(st);
}

static void test_same_and_replaced(void **state)
{
    (void)state;
    warta_store *st = fresh_store("replace");
    assert_int_equal(store_text(st, "a", NULL, NULL, "Russia criticized China."),
                     WARTA_STORED_NEW);
    assert_int_equal(store_text(st, "a", NULL, NULL, "Russia criticized China."),
                     WARTA_STORED_SAME);
    assert_int_equal(store_text(st, "a", NULL, NULL, "Russia attacked Ukraine."),
                     WARTA_STORED_REPLACED);
    rows r = query(st, &(warta_query){.by = "code"});
    assert_int_equal(r.n, 1);       /* the criticism is reported by no one */
    assert_non_null(strstr(r.text[0], "code=190"));
    /* no id: known by url + content, else by content alone */
    const char *u = "https://example.org/x";
    assert_int_equal(store_text(st, NULL, u, NULL, "Ukraine attacked Russia."),
                     WARTA_STORED_NEW);
    assert_int_equal(store_text(st, NULL, u, NULL, "Ukraine attacked Russia."),
                     WARTA_STORED_SAME);
    assert_int_equal(store_text(st, NULL, NULL, NULL, "China criticized Russia."),
                     WARTA_STORED_NEW);
    assert_int_equal(store_text(st, NULL, NULL, NULL, "China criticized Russia."),
                     WARTA_STORED_SAME);
    warta_store_counts c;
    assert_int_equal(warta_store_count(st, &c), WARTA_OK);
    assert_int_equal(c.documents, 3);
    assert_int_equal(c.events, 3);
    warta_store_close(st);
}

static void test_filters(void **state)
{
    (void)state;
    warta_store *st = fresh_store("filters");
    store_text(st, "a", NULL, NULL, "Russia criticized China.");
    store_text(st, "b", NULL, NULL, "Russia attacked Ukraine.");
    store_text(st, "c", NULL, NULL, "Ukraine criticized Russia.");
    assert_int_equal(query(st, &(warta_query){.actor = "RUS"}).n, 3);
    assert_int_equal(query(st, &(warta_query){.actor = "CHN"}).n, 1);
    assert_int_equal(query(st, &(warta_query){.source = "RUS", .target = "UKR"}).n,
                     1);
    assert_int_equal(query(st, &(warta_query){.source = "RUS", .target = "UKR",
                                              .undirected = true}).n,
                     2);
    assert_int_equal(query(st, &(warta_query){.code = "11"}).n, 2);
    assert_int_equal(query(st, &(warta_query){.quad = "4"}).n, 1);
    assert_int_equal(query(st, &(warta_query){.quad = "3,4"}).n, 3);
    assert_int_equal(query(st, &(warta_query){.actor = "rus"}).n, 3);
    assert_int_equal(query(st, &(warta_query){.text = "attacked"}).n, 1);
    assert_int_equal(query(st, &(warta_query){.from = "2024-01-03"}).n, 0);
    assert_int_equal(query(st, &(warta_query){.top = 2}).n, 2);
    rows r = query(st, &(warta_query){.by = "actor", .top = 1});
    assert_string_equal(r.text[0], "actor=RUS,events=3,mentions=3,"
                                   "goldstein=-4.67,quad1=0,quad2=0,quad3=2,"
                                   "quad4=1");
    /* bad filters are the caller's mistakes, with a message */
    rows none = {0};
    warta_query bad[] = {{.quad = "9"}, {.quad = "3,"}, {.from = "2024-1-2"},
                         {.from = "2023-02-30"}, {.by = "hour"},
                         {.by = "month,dyad"}, {.level = "country"},
                         {.sort = "events"},
                         {.actor = "RUS' OR 1"}, {.source = "RUS"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(warta_store_query(st, &bad[i], collect, &none),
                         WARTA_EINVAL);
        assert_true(warta_errmsg(test_ctx)[0] != '\0');
    }
    assert_int_equal(none.n, 0);
    assert_int_equal(warta_store_event(st, 999, collect, collect, &none),
                     WARTA_DONE);
    warta_store_close(st);
}

static void test_refuses_other_files(void **state)
{
    (void)state;
    char path[320];
    write_test_file("garbage.db", "this is not a database, not even close\n");
    snprintf(path, sizeof path, "%s/garbage.db", test_dir);
    warta_store *st = (warta_store *)1;
    assert_int_equal(warta_store_open(test_ctx, path, 0, &st), WARTA_EDB);
    assert_null(st);
    assert_non_null(strstr(warta_errmsg(test_ctx), "not an SQLite database"));
    FILE *f = fopen(path, "r");
    char line[64] = "";
    assert_non_null(fgets(line, sizeof line, f));
    fclose(f);
    assert_string_equal(line, "this is not a database, not even close\n");
    snprintf(path, sizeof path, "%s/missing.db", test_dir);
    assert_int_equal(warta_store_open(test_ctx, path, WARTA_STORE_READONLY, &st),
                     WARTA_EDB);
    assert_int_equal(access(path, F_OK), -1);
}

/* ---- the merged counts, kept as articles come and go --------------------- */

/* The days of the store's summary (event_days) that differ from a count
** of its events, either way: none when ingest kept the summary. */
static int wrong_days(warta_store *st)
{
    static const char counted[] =
        "SELECT date, mode, count(*), sum(mentions), count(goldstein),"
        " coalesce(sum(CAST(round(goldstein * 1000000) AS INTEGER)), 0),"
        " count(CASE quad WHEN 1 THEN 1 END),"
        " count(CASE quad WHEN 2 THEN 1 END),"
        " count(CASE quad WHEN 3 THEN 1 END),"
        " count(CASE quad WHEN 4 THEN 1 END)"
        " FROM events GROUP BY date, mode";
    static const char kept[] =
        "SELECT date, mode, events, mentions, goldstein_n, goldstein_sum,"
        " quad1, quad2, quad3, quad4 FROM event_days";
    char sql[1024];
    snprintf(sql, sizeof sql,
             "SELECT (SELECT count(*) FROM (%s EXCEPT %s)) + (SELECT"
             " count(*) FROM (%s EXCEPT %s))", counted, kept, kept, counted);
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(st->db, sql, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    int n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return n;
}

/* Events whose stored counts differ from a count of their mentions, plus
** events nobody reports, plus days of the summary that differ from a count
** of the events: all must be none. */
static int wrong_counts(warta_store *st)
{
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(st->db,
        "SELECT count(*) FROM events e WHERE"
        " mentions <> (SELECT count(*) FROM mentions m WHERE m.event = e.id)"
        " OR articles <> (SELECT count(DISTINCT doc) FROM mentions m"
        "                 WHERE m.event = e.id)"
        " OR sources <> (SELECT count(DISTINCT d.outlet) FROM mentions m"
        "                JOIN docs d ON d.id = m.doc WHERE m.event = e.id)"
        " OR mentions = 0"
        " OR sources <> (SELECT count(*) FROM event_outlets o"
        "                WHERE o.event = e.id)"
        " OR articles <> (SELECT sum(articles) FROM event_outlets o"
        "                 WHERE o.event = e.id)"
        " OR current_mentions <> (SELECT count(*) FROM mentions m"
        "                 WHERE m.event = e.id AND NOT m.historical)",
        -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    int n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return n + wrong_days(st);
}

/* Make st a store of schema version 2, as warta wrote before modes. */
static void make_version_2(warta_store *st)
{
    FILE *f = fopen("tests/data/store/to-v2.sql", "r");
    assert_non_null(f);
    static char sql[8192];
    size_t n = fread(sql, 1, sizeof sql - 1, f);
    fclose(f);
    assert_true(n > 0 && n < sizeof sql - 1);
    sql[n] = '\0';
    assert_int_equal(sqlite3_exec(st->db, sql, NULL, NULL, NULL), SQLITE_OK);
}

/* Articles stored, replaced and stored again in a random order, from a
** few outlets, with texts that share events: after each, every event's
** NumMentions, NumArticles and NumSources are what counting gives. */
static void counts_follow_adds_and_replaces(void **state)
{
    (void)state;
    warta_store *st = fresh_store("counts");
    /* the event of 3 January 2020 is historical in the articles of 2024,
    ** current in those of 2020 */
    static const char *const texts[] = {
        "Russia criticized China.",
        "Russia criticized China. China criticized Russia.",
        "Russia criticized China. Russia criticized China again.",
        "Russia attacked Ukraine. Russia criticized China.",
        "Ukraine criticized Russia.",
        "Nothing happened today.",
        "Russia criticized China on 3 January 2020.",
    };
    static const char *const dates[] = {"2024-01-02", "2020-01-05"};
    static const char *const outlets[] = {"Wire A", "Wire B", "Wire C", NULL};
    srand(12);
    for (int i = 0; i < 300; i++) {
        char id[16];
        snprintf(id, sizeof id, "doc%d", rand() % 25);
        const char *url = rand() % 2 ? "https://example.org/a" : NULL;
        store_dated(st, id, url, outlets[rand() % 4], dates[rand() % 2],
                    texts[rand() % ARRAY_LEN(texts)]);
        assert_int_equal(wrong_counts(st), 0);
    }
    warta_store_counts c;
    assert_int_equal(warta_store_count(st, &c), WARTA_OK);
    assert_true(c.events >= 3 && c.documents > 10);
    /* a version 1 store, without event_outlets, gets it on opening */
    make_version_2(st);
    assert_int_equal(sqlite3_exec(st->db, "DROP TABLE event_outlets;"
                                  " PRAGMA user_version = 1", NULL, NULL,
                                  NULL), SQLITE_OK);
    warta_store_close(st);
    assert_int_equal(warta_store_open(test_ctx, db, 0, &st), WARTA_OK);
    assert_int_equal(wrong_counts(st), 0);
    for (int i = 0; i < 50; i++) {
        char id[16];
        snprintf(id, sizeof id, "doc%d", rand() % 25);
        store_text(st, id, NULL, outlets[rand() % 4],
                   texts[rand() % ARRAY_LEN(texts)]);
        assert_int_equal(wrong_counts(st), 0);
    }
    warta_store_close(st);
}

/* One number an SQL query gives on st. */
static long long sql_number(warta_store *st, const char *sql)
{
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(st->db, sql, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    long long v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

static int keep_line(void *ud, const char *line, size_t n)
{
    snprintf(ud, 4096, "%.*s", (int)n, line);
    return 0;
}

/* Store a text whose events the coder gives with mode (a sentence's mode
** comes from the tree coder; these tests do not load its models). */
static void store_as(warta_store *st, const char *id, const char *text,
                     warta_mode mode)
{
    warta_meta meta = {.id = id, .date = "2024-01-02", .lang = "en"};
    warta_doc *doc = code_doc(dict, text, &meta, "en");
    assert_true(warta_doc_n_events(doc) > 0);
    for (size_t i = 0; i < warta_doc_n_events(doc); i++)
        doc->events[i].mode = (uint8_t)mode;
    assert_int_equal(warta_store_add(st, doc, NULL), WARTA_OK);
    warta_doc_free(doc);
}

/* The mode is part of an event's identity; an event is historical while
** every article that reports it came more than 30 days after it. */
static void modes_and_history(void **state)
{
    (void)state;
    warta_store *st = fresh_store("modes");
    store_as(st, "a", "Russia attacked Ukraine.", WARTA_MODE_ASSERTED);
    store_as(st, "b", "Russia attacked Ukraine.", WARTA_MODE_NEGATED);
    store_as(st, "c", "Russia attacked Ukraine.", WARTA_MODE_NEGATED);
    assert_int_equal(sql_number(st, "SELECT count(*) FROM events"), 2);
    assert_int_equal(sql_number(st, "SELECT mentions FROM events"
                                    " WHERE mode = 'negated'"), 2);
    assert_int_equal(sql_number(st, "SELECT mentions FROM events"
                                    " WHERE mode = 'asserted'"), 1);
    rows r = query(st, &(warta_query){.mode = "negated"});
    assert_int_equal(r.n, 1);
    assert_non_null(strstr(r.text[0], "mode=negated,historical=0"));
    assert_non_null(strstr(r.text[0], "mentions=2"));
    assert_int_equal(query(st, &(warta_query){.mode = "future,asserted"}).n, 1);
    assert_int_equal(query(st, &(warta_query){.mode = "negated,asserted"}).n, 2);
    char line[4096] = "";
    assert_int_equal(warta_store_export(st, &(warta_query){.mode = "negated"},
                                        WARTA_FORMAT_PLOVER, 0, keep_line,
                                        line),
                     WARTA_OK);
    assert_non_null(strstr(line, "\"mode\":\"negated\",\"historical\":false,"));
    const char *text = "Russia criticized China on 3 January 2020.";
    const char *historical = "SELECT historical FROM events WHERE code = '111'";
    store_dated(st, "old", NULL, NULL, "2024-01-02", text);
    assert_int_equal(sql_number(st, historical), 1);
    store_dated(st, "new", NULL, NULL, "2020-01-05", text);
    assert_int_equal(sql_number(st, historical), 0);
    assert_int_equal(sql_number(st, "SELECT mentions FROM events"
                                    " WHERE code = '111'"), 2);
    store_dated(st, "new", NULL, NULL, "2020-01-05", "Nothing happened.");
    assert_int_equal(sql_number(st, historical), 1);
    r = query(st, &(warta_query){.code = "111"});
    assert_non_null(strstr(r.text[0], "historical=1"));
    assert_int_equal(wrong_counts(st), 0);
    warta_store_close(st);
}

/* A version 2 store is read as it is, its events asserted and current,
** and brought to version 4 when opened for writing: ids, counts and
** mentions kept, the summary counted from its events. */
static void older_stores_read_and_upgraded(void **state)
{
    (void)state;
    warta_store *st = fresh_store("v2");
    store_text(st, "a", NULL, "Wire A", "Russia criticized China.");
    store_text(st, "b", NULL, "Wire B", "Russia criticized China.");
    store_text(st, "c", NULL, "Wire B", "Russia attacked Ukraine.");
    make_version_2(st);
    warta_store_close(st);
    assert_int_equal(warta_store_open(test_ctx, db, WARTA_STORE_READONLY, &st),
                     WARTA_OK);
    rows r = query(st, &(warta_query){.code = "111"});
    assert_int_equal(r.n, 1);
    assert_non_null(strstr(r.text[0], "mentions=2,sources=2,articles=2"));
    assert_int_equal(warta_store_event(st, 1, collect, collect, &r), WARTA_OK);
    assert_int_equal(sql_number(st, "PRAGMA user_version"), 2);
    warta_store_close(st);
    assert_int_equal(warta_store_open(test_ctx, db, 0, &st), WARTA_OK);
    assert_int_equal(sql_number(st, "PRAGMA user_version"), 4);
    assert_int_equal(sql_number(st, "SELECT count(*) FROM events WHERE"
                                    " mode = 'asserted' AND NOT historical"),
                     2);
    assert_int_equal(sql_number(st, "SELECT mentions FROM events"
                                    " WHERE code = '111'"), 2);
    assert_int_equal(wrong_counts(st), 0);
    store_as(st, "d", "Russia criticized China.", WARTA_MODE_NEGATED);
    store_text(st, "e", NULL, "Wire C", "Russia criticized China.");
    assert_int_equal(sql_number(st, "SELECT count(*) FROM events"), 3);
    assert_int_equal(sql_number(st, "SELECT sources FROM events"
                                    " WHERE code = '111' AND mode = 'asserted'"),
                     3);
    assert_int_equal(wrong_counts(st), 0);
    warta_store_close(st);
}

/* The rows of a series of every event, read through st opened with
** flags. */
static rows series_with(unsigned flags, const char *by)
{
    warta_store *st;
    assert_int_equal(warta_store_open(test_ctx, db, flags, &st), WARTA_OK);
    rows r = query(st, &(warta_query){.by = by});
    warta_store_close(st);
    return r;
}

static void assert_same_rows(const rows *a, const rows *b)
{
    assert_int_equal(a->n, b->n);
    for (int i = 0; i < a->n; i++)
        assert_string_equal(a->text[i], b->text[i]);
}

/* A version 3 store, without the summary of its events, is read from its
** events as it is, and gets the summary, counted from them, when opened
** for writing: the same series from either, and from the events. */
static void version_3_gets_its_summary(void **state)
{
    (void)state;
    warta_store *st = fresh_store("v3");
    store_dated(st, "a", NULL, "Wire A", "2024-01-02",
                "Russia criticized China. Russia attacked Ukraine.");
    store_dated(st, "b", NULL, "Wire B", "2024-03-02",
                "Russia criticized China on 3 January 2024.");
    store_dated(st, "c", NULL, "Wire B", "2024-03-02",
                "China attacked Russia.");
    assert_int_equal(sqlite3_exec(st->db, "DROP TABLE event_days;"
                                  " PRAGMA user_version = 3", NULL, NULL,
                                  NULL), SQLITE_OK);
    warta_store_close(st);
    rows before = series_with(WARTA_STORE_READONLY, "month");
    assert_int_equal(before.n, 3);
    assert_non_null(strstr(before.text[0], "month=2024-01,events=3,"));
    assert_non_null(strstr(before.text[1], "month=2024-02,events=0,"));
    assert_int_equal(warta_store_open(test_ctx, db, 0, &st), WARTA_OK);
    assert_int_equal(sql_number(st, "PRAGMA user_version"), 4);
    assert_int_equal(wrong_counts(st), 0);
    warta_store_close(st);
    rows after = series_with(WARTA_STORE_READONLY, "month");
    assert_same_rows(&before, &after);
    rows plain = series_with(WARTA_STORE_READONLY | WARTA_STORE_NO_SUMMARY,
                             "month");
    assert_same_rows(&plain, &after);
}

/* Storing an article costs the same work whether its event has been
** reported 100 times before or 1,000: no recount of all its mentions. */
static void storing_work_does_not_grow_with_mentions(void **state)
{
    (void)state;
    warta_store *st = fresh_store("flat");
    static const char *const outlets[] = {"Wire A", "Wire B", "Wire C"};
    uint64_t steps_early = 0, steps_late = 0;
    for (int i = 0; i < 1000; i++) {
        char id[16];
        snprintf(id, sizeof id, "t%d", i);
        uint64_t before = st->vm_steps;
        store_text(st, id, NULL, outlets[i % 3],
                   "Russia criticized China on Monday.");
        uint64_t steps = st->vm_steps - before;
        if (i >= 100 && i < 200)
            steps_early += steps;
        if (i >= 900)
            steps_late += steps;
    }
    if (steps_late > steps_early + steps_early / 4)
        fail_msg("100 articles took %llu SQLite steps after 100 reports "
                 "of their event, %llu after 900",
                 (unsigned long long)steps_early,
                 (unsigned long long)steps_late);
    rows r = query(st, &(warta_query){0});
    assert_int_equal(r.n, 1);
    assert_non_null(strstr(r.text[0], "mentions=1000,sources=3,articles=1000"));
    warta_store_close(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reports_merge),
        cmocka_unit_test(test_same_and_replaced),
        cmocka_unit_test(test_filters),
        cmocka_unit_test(test_refuses_other_files),
        cmocka_unit_test(counts_follow_adds_and_replaces),
        cmocka_unit_test(modes_and_history),
        cmocka_unit_test(older_stores_read_and_upgraded),
        cmocka_unit_test(version_3_gets_its_summary),
        cmocka_unit_test(storing_work_does_not_grow_with_mentions),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
