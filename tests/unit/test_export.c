/*
** test_export.c -- events as GDELT 2.0 export lines, PLOVER JSON and CSV
** (src/export.c), coded from small English texts with a dictionary
** written here.
*/
#include <jansson.h>
#include <unistd.h>

#include "helpers.h"

static warta_dict *dict;

static const char actors[] =
    "RUSSIA_ [RUS]\n+RUSSIAN_\n"
    "CHINA_ [CHN]\n+CHINESE_\n"
    "UKRAINE_ [UKR]\n"
    "INDIA_ [IND]\n";
static const char agents[] = "FOREIGN_MINISTER [~GOV]\nOFFICIAL [~GOV]\n";
static const char verbs[] =
    "--- CRITICIZE [111] ---\nCRITICIZE {CRITICIZES CRITICIZED}\n"
    "--- ATTACK [190] ---\nATTACK\n"
    "--- TALK [040] ---\nTALK\n"
    "- * BY_TELEPHONE [041]\n";

static int setup(void **state)
{
    test_dict_files files = {.actors = actors, .agents = agents,
                             .verbs = verbs, .grammars = {"data/packs/en/grammar.txt"}};
    dict = test_dict_setup(state, "export", &files);
    return dict ? 0 : -1;
}

static int teardown(void **state)
{
    return test_dict_teardown(state, dict);
}

/* A coded English document; the test frees it. */
static warta_doc *coded(const char *text, const char *title, const char *date,
                        const char *url)
{
    warta_meta meta = {.id = "ex-1", .date = date, .url = url, .title = title};
    return code_doc(dict, text, &meta, "en");
}

/* Event i in fmt as a NUL-terminated string (static buffer), checked to be
** exactly one line. */
static const char *line_as(const warta_doc *doc, size_t i, warta_format fmt)
{
    static char line[8192];
    warta_buf b = {0};
    assert_int_equal(warta_write_event_as(test_ctx, doc, i, fmt, 0, &b),
                     WARTA_OK);
    assert_true(b.n > 0 && b.n < sizeof line);
    assert_int_equal(b.p[b.n - 1], '\n');
    assert_null(memchr(b.p, '\n', b.n - 1));
    memcpy(line, b.p, b.n - 1);
    line[b.n - 1] = '\0';
    warta_buf_free(test_ctx, &b);
    return line;
}

/* Split a TSV line (modified in place) into fields; returns their number. */
static int split_tabs(char *line, char **fields, int max)
{
    int n = 0;
    char *p = line;
    for (;;) {
        if (n < max)
            fields[n] = p;
        n++;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

/* RFC 4180: split one CSV record into fields (unquoted, inner quotes
** undoubled) in out, NUL-separated; returns the number of fields, -1 if
** the record is malformed. */
static int split_csv(const char *rec, char *out, size_t cap, char **fields,
                     int max)
{
    int n = 0;
    size_t o = 0;
    const char *p = rec;
    for (;;) {
        if (n < max)
            fields[n] = out + o;
        n++;
        if (*p == '"') {
            p++;
            for (;;) {
                if (*p == '\0')
                    return -1;              /* unterminated quote */
                if (*p == '"' && p[1] == '"') {
                    out[o++] = '"';
                    p += 2;
                } else if (*p == '"') {
                    p++;
                    break;
                } else {
                    out[o++] = *p++;
                }
                if (o + 1 >= cap)
                    return -1;
            }
            if (*p != ',' && *p != '\0')
                return -1;                  /* text after a closing quote */
        } else {
            while (*p && *p != ',') {
                if (*p == '"')
                    return -1;              /* a quote in a bare field */
                out[o++] = *p++;
                if (o + 1 >= cap)
                    return -1;
            }
        }
        out[o++] = '\0';
        if (*p == '\0')
            return n;
        p++;                                /* the comma */
    }
}

static void gdelt_has_61_columns_in_codebook_order(void **state)
{
    warta_doc *doc = coded("Russia criticized China. India attacked Ukraine.",
                           "Tensions rise", "2023-08-08",
                           "https://example.org/a\tb");
    assert_int_equal(warta_doc_n_events(doc), 2);
    const warta_event *e = warta_doc_event(doc, 0);
    char *f[64];
    char line[8192];
    snprintf(line, sizeof line, "%s", line_as(doc, 0, WARTA_FORMAT_GDELT));
    assert_int_equal(split_tabs(line, f, 64), 61);
    /* 1-based column numbers, as in the codebook. */
#define COL(n) f[(n) - 1]
    char *end;
    unsigned long long id = strtoull(COL(1), &end, 10);
    assert_true(*end == '\0' && id > 0 && id < (1ull << 53));
    assert_string_equal(COL(2), "20230808");         /* SQLDATE */
    assert_string_equal(COL(3), "202308");
    assert_string_equal(COL(4), "2023");
    assert_string_equal(COL(5), "2023.6027");        /* 2023 + 220/365 */
    assert_string_equal(COL(6), "RUS");              /* Actor1Code */
    assert_string_equal(COL(7), "RUSSIA");           /* Actor1Name */
    assert_string_equal(COL(8), "RUS");              /* Actor1CountryCode */
    assert_string_equal(COL(13), "");                /* Actor1Type1Code */
    assert_string_equal(COL(16), "CHN");             /* Actor2Code */
    assert_string_equal(COL(17), "CHINA");
    assert_string_equal(COL(18), "CHN");
    assert_string_equal(COL(26), "1");               /* first body sentence */
    assert_string_equal(COL(27), e->code);           /* EventCode */
    assert_string_equal(COL(27), "111");
    assert_string_equal(COL(28), "111");             /* EventBaseCode */
    assert_string_equal(COL(29), "11");              /* EventRootCode */
    char num[16];
    snprintf(num, sizeof num, "%d", e->quad_class);
    assert_string_equal(COL(30), num);               /* QuadClass */
    snprintf(num, sizeof num, "%.1f", e->goldstein);
    assert_string_equal(COL(31), num);               /* GoldsteinScale */
    assert_non_null(strchr(COL(31), '.'));
    assert_int_equal(strlen(strchr(COL(31), '.')), 2); /* one decimal */
    assert_string_equal(COL(32), "1");
    assert_string_equal(COL(35), "");                /* AvgTone */
    for (int c = 36; c <= 59; c++)
        assert_string_equal(COL(c), "");             /* no places yet */
    assert_int_equal(strlen(COL(60)), 14);           /* DATEADDED */
    assert_int_equal(strspn(COL(60), "0123456789"), 14);
    assert_string_equal(COL(61), "https://example.org/a b");
    /* The id is stable and differs between events. */
    char again[8192];
    snprintf(again, sizeof again, "%s", line_as(doc, 0, WARTA_FORMAT_GDELT));
    assert_int_equal(strtoull(again, NULL, 10), id);
    snprintf(line, sizeof line, "%s", line_as(doc, 1, WARTA_FORMAT_GDELT));
    assert_int_equal(split_tabs(line, f, 64), 61);
    assert_true(strtoull(COL(1), NULL, 10) != id);
    assert_string_equal(COL(6), "IND");
    assert_string_equal(COL(16), "UKR");
    assert_string_equal(COL(26), "0");               /* second sentence */
    assert_string_equal(COL(27), "190");
    assert_string_equal(COL(29), "19");
    warta_doc_free(doc);
}

static void gdelt_sectors_places_and_missing_dates(void **state)
{
    warta_doc *doc = coded("The Russian foreign minister criticized Chinese "
                           "officials.", NULL, NULL, NULL);
    assert_int_equal(warta_doc_n_events(doc), 1);
    /* The coder has no gazetteer yet: give the event a place here. */
    warta_place *p = &doc->events[0].place;
    snprintf(p->name, sizeof p->name, "Jakarta");
    snprintf(p->country, sizeof p->country, "IDN");
    snprintf(p->adm1, sizeof p->adm1, "04");
    p->geonames_id = 1642911;
    p->lat = -6.21462;
    p->lon = 106.84513;
    char *f[64];
    char line[8192];
    snprintf(line, sizeof line, "%s", line_as(doc, 0, WARTA_FORMAT_GDELT));
    assert_int_equal(split_tabs(line, f, 64), 61);
    for (int c = 2; c <= 5; c++)
        assert_string_equal(COL(c), "");             /* no date at all */
    assert_string_equal(COL(6), "RUSGOV");
    assert_string_equal(COL(7), "RUSSIAN FOREIGN MINISTER");
    assert_string_equal(COL(8), "RUS");
    assert_string_equal(COL(13), "GOV");             /* Actor1Type1Code */
    assert_string_equal(COL(14), "");
    assert_string_equal(COL(16), "CHNGOV");
    assert_string_equal(COL(23), "GOV");
    assert_string_equal(COL(52), "4");               /* ActionGeo_Type */
    assert_string_equal(COL(53), "Jakarta");
    assert_string_equal(COL(54), "IDN");
    assert_string_equal(COL(55), "IDN04");
    assert_string_equal(COL(56), "");
    assert_string_equal(COL(57), "-6.2146");
    assert_string_equal(COL(58), "106.8451");
    assert_string_equal(COL(59), "1642911");
    assert_string_equal(COL(61), "");                /* no url */
#undef COL
    warta_doc_free(doc);
}

static void plover_objects_have_the_spec_fields(void **state)
{
    warta_doc *doc = coded("Russia criticized China.", NULL, "2023-08-08",
                           "https://example.org/a");
    assert_int_equal(warta_doc_n_events(doc), 1);
    const warta_event *e = warta_doc_event(doc, 0);
    json_error_t err;
    json_t *o = json_loads(line_as(doc, 0, WARTA_FORMAT_PLOVER), 0, &err);
    if (!o)
        fail_msg("not JSON: %s", err.text);
    assert_true(json_is_string(json_object_get(o, "id")));
    assert_string_equal(json_string_value(json_object_get(o, "date")),
                        "2023-08-08");
    assert_string_equal(json_string_value(json_object_get(o, "event_type")),
                        e->plover_type);
    assert_true(json_is_string(json_object_get(o, "mode")));
    assert_true(json_is_array(json_object_get(o, "context")));
    json_t *a1 = json_object_get(o, "actor1"), *a2 = json_object_get(o, "actor2");
    assert_string_equal(json_string_value(json_object_get(a1, "code")), "RUS");
    assert_string_equal(json_string_value(json_object_get(a1, "text")), "Russia");
    assert_true(json_is_string(json_object_get(a1, "sector")));
    assert_string_equal(json_string_value(json_object_get(a2, "code")), "CHN");
    assert_true(json_is_null(json_object_get(o, "location")));
    assert_string_equal(json_string_value(json_object_get(o, "text")),
                        "Russia criticized China.");
    json_t *src = json_object_get(o, "source");
    assert_string_equal(json_string_value(json_object_get(src, "doc")), "ex-1");
    assert_string_equal(json_string_value(json_object_get(src, "url")),
                        "https://example.org/a");
    json_t *cameo = json_object_get(o, "cameo");
    assert_string_equal(json_string_value(json_object_get(cameo, "code")), "111");
    assert_string_equal(json_string_value(json_object_get(cameo, "label")),
                        e->label);
    assert_true(json_is_number(json_object_get(cameo, "goldstein")));
    assert_int_equal(json_integer_value(json_object_get(cameo, "quad_class")),
                     e->quad_class);
    json_t *own = json_object_get(o, "warta");
    assert_string_equal(json_string_value(json_object_get(own, "mode")),
                        "asserted");
    assert_true(json_is_false(json_object_get(own, "historical")));
    json_decref(o);

    /* A place with a quote in its name; no date gives null. */
    warta_doc *d2 = coded("Russia criticized China.", NULL, NULL, NULL);
    assert_int_equal(warta_doc_n_events(d2), 1);
    snprintf(d2->events[0].place.name, sizeof d2->events[0].place.name,
             "Fort \"X\"");
    d2->events[0].place.geonames_id = 7;
    o = json_loads(line_as(d2, 0, WARTA_FORMAT_PLOVER), 0, &err);
    if (!o)
        fail_msg("not JSON: %s", err.text);
    assert_true(json_is_null(json_object_get(o, "date")));
    json_t *loc = json_object_get(o, "location");
    assert_string_equal(json_string_value(json_object_get(loc, "name")),
                        "Fort \"X\"");
    assert_int_equal(json_integer_value(json_object_get(loc, "geonames_id")), 7);
    json_decref(o);
    warta_doc_free(d2);
    warta_doc_free(doc);
}

static void csv_rows_match_the_header(void **state)
{
    warta_buf b = {0};
    assert_int_equal(warta_write_header(test_ctx, WARTA_FORMAT_CSV, &b),
                     WARTA_OK);
    assert_true(b.n > 0 && b.p[b.n - 1] == '\n');
    char header[4096], hbuf[4096];
    snprintf(header, sizeof header, "%.*s", (int)b.n - 1, b.p);
    warta_buf_free(test_ctx, &b);
    char *h[64];
    int nh = split_csv(header, hbuf, sizeof hbuf, h, 64);
    assert_int_equal(nh, 33);
    assert_string_equal(h[0], "doc");
    assert_string_equal(h[17], "mode");
    assert_string_equal(h[18], "historical");
    assert_string_equal(h[19], "code");
    assert_string_equal(h[26], "place_name");
    assert_string_equal(h[32], "text");
    /* Other formats have no header. */
    for (warta_format f = WARTA_FORMAT_JSON; f <= WARTA_FORMAT_PLOVER; f++) {
        assert_int_equal(warta_write_header(test_ctx, f, &b), WARTA_OK);
        assert_int_equal(b.n, 0);
    }

    warta_doc *doc = coded("Russia criticized China, as \"expected\".", NULL,
                           "2023-08-08", NULL);
    assert_int_equal(warta_doc_n_events(doc), 1);
    snprintf(doc->events[0].place.name, sizeof doc->events[0].place.name,
             "Jakarta, Indonesia");
    doc->events[0].mode = WARTA_MODE_NEGATED;
    char row[8192], rbuf[8192];
    snprintf(row, sizeof row, "%s", line_as(doc, 0, WARTA_FORMAT_CSV));
    char *r[64];
    assert_int_equal(split_csv(row, rbuf, sizeof rbuf, r, 64), nh);
    assert_string_equal(r[0], "ex-1");
    assert_string_equal(r[1], "0");
    assert_string_equal(r[2], "2023-08-08");
    assert_string_equal(r[3], "day");
    assert_string_equal(r[5], "RUS");
    assert_string_equal(r[8], "Russia");
    assert_string_equal(r[11], "CHN");
    assert_string_equal(r[17], "negated");
    assert_string_equal(r[18], "false");
    assert_string_equal(r[19], "111");
    assert_string_equal(r[20], "11");
    assert_string_equal(r[26], "Jakarta, Indonesia");
    assert_string_equal(r[31], "en");
    assert_string_equal(r[32], "Russia criticized China, as \"expected\".");
    warta_doc_free(doc);
}

static void json_is_warta_write_event(void **state)
{
    warta_doc *doc = coded("Russia criticized China.", NULL, "2023-08-08", NULL);
    warta_buf a = {0}, b = {0};
    assert_int_equal(warta_write_event(test_ctx, doc, 0, WARTA_WRITE_EXPLAIN, &a),
                     WARTA_OK);
    assert_int_equal(warta_write_event_as(test_ctx, doc, 0, WARTA_FORMAT_JSON,
                                          WARTA_WRITE_EXPLAIN, &b), WARTA_OK);
    assert_int_equal(a.n, b.n);
    assert_memory_equal(a.p, b.p, a.n);
    /* Bad index and format. */
    b.n = 0;
    assert_int_equal(warta_write_event_as(test_ctx, doc, 5, WARTA_FORMAT_CSV, 0,
                                          &b), WARTA_EINVAL);
    assert_int_equal(warta_write_event_as(test_ctx, doc, 0, (warta_format)42, 0,
                                          &b), WARTA_EINVAL);
    assert_int_equal(b.n, 0);
    warta_buf_free(test_ctx, &a);
    warta_buf_free(test_ctx, &b);
    warta_doc_free(doc);
}

/* A one-sided event (monads allowed) has an empty side: its text is an
** empty slice with no pointer, written as "".  (Found by fuzz_dict_*:
** the JSON writer did arithmetic on the NULL pointer.) */
static void json_writes_the_empty_side_of_a_monad(void **state)
{
    const char *text = "Russia criticized.";
    warta_meta meta = {.id = "m-1", .date = "2023-08-08"};
    warta_code_opts opts = {.allow_monads = true};
    warta_doc *doc;
    assert_int_equal(warta_doc_new(test_ctx, text, strlen(text), &meta, &doc),
                     WARTA_OK);
    assert_int_equal(warta_doc_process(test_ctx, doc, WARTA_STAGE_STEMS, "en"),
                     WARTA_OK);
    assert_int_equal(warta_doc_code_opts(test_ctx, doc, dict, &opts), WARTA_OK);
    assert_int_equal(warta_doc_n_events(doc), 1);
    assert_int_equal(warta_doc_event(doc, 0)->target.text.n, 0);
    warta_buf b = {0};
    assert_int_equal(warta_write_event(test_ctx, doc, 0, WARTA_WRITE_EXPLAIN, &b),
                     WARTA_OK);
    json_error_t err;
    json_t *ev = json_loadb(b.p, b.n, 0, &err);
    assert_non_null(ev);
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(ev, "target"), "text")), "");
    json_decref(ev);
    warta_buf_free(test_ctx, &b);
    warta_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gdelt_has_61_columns_in_codebook_order),
        cmocka_unit_test(gdelt_sectors_places_and_missing_dates),
        cmocka_unit_test(plover_objects_have_the_spec_fields),
        cmocka_unit_test(csv_rows_match_the_header),
        cmocka_unit_test(json_is_warta_write_event),
        cmocka_unit_test(json_writes_the_empty_side_of_a_monad),
    };
    return cmocka_run_group_tests_name("export", tests, setup, teardown);
}
