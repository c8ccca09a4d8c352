/*
** test_store.c -- the event store through the library's API (src/store.c,
** src/query.c): merging reports of one event, skipping and replacing
** documents, queries, and files that are not stores.
*/
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

/* Code a text as an article and store it; returns what the store did. */
static warta_stored store_text(warta_store *st, const char *id,
                               const char *url, const char *source,
                               const char *text)
{
    warta_meta meta = {.id = id, .url = url, .source = source,
                       .date = "2024-01-02", .lang = "en"};
    warta_doc *doc = code_doc(dict, text, &meta, "en");
    warta_stored what;
    assert_int_equal(warta_store_add(st, doc, &what), WARTA_OK);
    warta_doc_free(doc);
    return what;
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
                                   "goldstein=-2.00");
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
    assert_int_equal(query(st, &(warta_query){.quad = 4}).n, 1);
    assert_int_equal(query(st, &(warta_query){.text = "attacked"}).n, 1);
    assert_int_equal(query(st, &(warta_query){.from = "2024-01-03"}).n, 0);
    assert_int_equal(query(st, &(warta_query){.top = 2}).n, 2);
    rows r = query(st, &(warta_query){.by = "actor", .top = 1});
    assert_string_equal(r.text[0], "actor=RUS,events=3,mentions=3,"
                                   "goldstein=-4.67");
    /* bad filters are the caller's mistakes, with a message */
    rows none = {0};
    warta_query bad[] = {{.quad = 9}, {.from = "2024-1-2"}, {.by = "hour"},
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reports_merge),
        cmocka_unit_test(test_same_and_replaced),
        cmocka_unit_test(test_filters),
        cmocka_unit_test(test_refuses_other_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
