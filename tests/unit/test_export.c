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

/* Event i in fmt, written with flags, as a NUL-terminated string (static
** buffer), checked to be exactly one line. */
static const char *line_with(const warta_doc *doc, size_t i, warta_format fmt,
                             unsigned flags)
{
    static char line[8192];
    warta_buf b = {0};
    assert_int_equal(warta_write_event_as(test_ctx, doc, i, fmt, flags, &b),
                     WARTA_OK);
    assert_true(b.n > 0 && b.n < sizeof line);
    assert_int_equal(b.p[b.n - 1], '\n');
    assert_null(memchr(b.p, '\n', b.n - 1));
    memcpy(line, b.p, b.n - 1);
    line[b.n - 1] = '\0';
    warta_buf_free(test_ctx, &b);
    return line;
}

static const char *line_as(const warta_doc *doc, size_t i, warta_format fmt)
{
    return line_with(doc, i, fmt, 0);
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

/* Give event i of doc a place (the tests' coder has no gazetteer). */
static void set_place(warta_doc *doc, size_t i, const char *name,
                      warta_place_kind kind, const char *iso3,
                      const char *adm1, uint32_t geonames_id, double lat,
                      double lon)
{
    warta_place *p = &doc->events[i].place;
    snprintf(p->name, sizeof p->name, "%s", name);
    p->kind = (uint8_t)kind;
    snprintf(p->country, sizeof p->country, "%s", iso3);
    snprintf(p->adm1, sizeof p->adm1, "%s", adm1);
    p->geonames_id = geonames_id;
    p->lat = lat;
    p->lon = lon;
}

static void gdelt_sectors_places_and_missing_dates(void **state)
{
    warta_doc *doc = coded("The Russian foreign minister criticized Chinese "
                           "officials.", NULL, NULL, NULL);
    assert_int_equal(warta_doc_n_events(doc), 1);
    set_place(doc, 0, "Jakarta", WARTA_PLACE_CITY, "IDN", "04", 1642911,
              -6.21462, 106.84513);
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
    assert_string_equal(COL(54), "ID");              /* FIPS 10-4 */
    assert_string_equal(COL(55), "ID04");
    assert_string_equal(COL(56), "");
    assert_string_equal(COL(57), "-6.2146");
    assert_string_equal(COL(58), "106.8451");
    assert_string_equal(COL(59), "1642911");
    assert_string_equal(COL(61), "");                /* no url */
    snprintf(line, sizeof line, "%s",
             line_with(doc, 0, WARTA_FORMAT_GDELT, WARTA_WRITE_GEO_ISO3));
    assert_int_equal(split_tabs(line, f, 64), 61);
    assert_string_equal(COL(54), "IDN");
    assert_string_equal(COL(55), "IDN04");

    /* Where FIPS and ISO part: Germany is GM, its Bavaria GM02; a country
    ** and a state are GDELT's types 1 and 5 with their codes as FeatureID,
    ** a US state and city types 2 and 3. */
    static const struct {
        const char *name, *iso3, *adm1;
        warta_place_kind kind;
        uint32_t id;
        const char *type, *country, *adm1_code, *feature;
    } places[] = {
        {"Germany", "DEU", "", WARTA_PLACE_COUNTRY, 0, "1", "GM", "GM", "GM"},
        {"Bavaria", "DEU", "02", WARTA_PLACE_REGION, 0, "5", "GM", "GM02",
         "GM02"},
        {"Texas", "USA", "TX", WARTA_PLACE_REGION, 0, "2", "US", "USTX",
         "USTX"},
        {"Austin", "USA", "TX", WARTA_PLACE_CITY, 4671654, "3", "US", "USTX",
         "4671654"},
        {"Kiev", "UKR", "12", WARTA_PLACE_CITY, 703448, "4", "UP", "UP12",
         "703448"},
    };
    for (size_t k = 0; k < ARRAY_LEN(places); k++) {
        set_place(doc, 0, places[k].name, places[k].kind, places[k].iso3,
                  places[k].adm1, places[k].id, 1.0, 2.0);
        snprintf(line, sizeof line, "%s", line_as(doc, 0, WARTA_FORMAT_GDELT));
        assert_int_equal(split_tabs(line, f, 64), 61);
        assert_string_equal(COL(52), places[k].type);
        assert_string_equal(COL(54), places[k].country);
        assert_string_equal(COL(55), places[k].adm1_code);
        assert_string_equal(COL(59), places[k].feature);
    }
#undef COL
    warta_doc_free(doc);
}

/* The same event reported twice has one id, as the store merges them. */
static void an_events_id_is_its_identity(void **state)
{
    warta_doc *doc = coded("Russia criticized China. Russia criticized China. "
                           "Russia criticized India.", NULL, "2023-08-08",
                           NULL);
    assert_int_equal(warta_doc_n_events(doc), 3);
    unsigned long long id[3];
    for (size_t i = 0; i < 3; i++)
        id[i] = strtoull(line_as(doc, i, WARTA_FORMAT_GDELT), NULL, 10);
    assert_true(id[0] == id[1] && id[0] != id[2]);
    doc->events[1].mode = WARTA_MODE_NEGATED;       /* a denial is another */
    assert_true(strtoull(line_as(doc, 1, WARTA_FORMAT_GDELT), NULL, 10) !=
                id[0]);
    warta_doc_free(doc);
}

/* A JSON member that must be there, of a type. */
static json_t *member(json_t *o, const char *key, json_type type)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_typeof(v) != type)
        fail_msg("member %s missing or of another type", key);
    return v;
}

static void plover_objects_have_the_spec_fields(void **state)
{
    warta_doc *doc = coded("Russia criticized China.", "A title",
                           "2023-08-08", "https://example.org/a");
    assert_int_equal(warta_doc_n_events(doc), 1);
    const warta_event *e = warta_doc_event(doc, 0);
    json_error_t err;
    json_t *o = json_loads(line_as(doc, 0, WARTA_FORMAT_PLOVER), 0, &err);
    if (!o)
        fail_msg("not JSON: %s", err.text);
    /* the id is GDELT's GLOBALEVENTID, as a string */
    char gdelt_id[32];
    snprintf(gdelt_id, sizeof gdelt_id, "%llu",
             strtoull(line_as(doc, 0, WARTA_FORMAT_GDELT), NULL, 10));
    assert_string_equal(json_string_value(member(o, "id", JSON_STRING)),
                        gdelt_id);
    assert_string_equal(json_string_value(member(o, "date", JSON_STRING)),
                        "2023-08-08");
    json_t *src = member(o, "source", JSON_ARRAY);
    assert_int_equal(json_array_size(src), 1);
    json_t *a1 = json_array_get(src, 0);
    assert_string_equal(json_string_value(member(a1, "code", JSON_STRING)),
                        "RUS");
    assert_string_equal(
        json_string_value(member(a1, "actor_text", JSON_STRING)), "Russia");
    assert_null(json_object_get(a1, "sector"));         /* RUS alone */
    json_t *rec = member(o, "recipient", JSON_ARRAY);
    assert_string_equal(
        json_string_value(json_object_get(json_array_get(rec, 0), "code")),
        "CHN");
    json_t *ev = member(o, "event", JSON_ARRAY);
    assert_string_equal(json_string_value(json_array_get(ev, 0)),
                        e->plover_type);
    assert_string_equal(json_string_value(json_array_get(ev, 0)), "ACCUSE");
    assert_int_equal(json_integer_value(member(o, "quad_code", JSON_INTEGER)),
                     3);
    assert_true(json_is_real(member(o, "event_scale", JSON_REAL)));
    assert_string_equal(
        json_string_value(json_array_get(member(o, "event_text", JSON_ARRAY),
                                         0)),
        "criticized");
    member(o, "mode", JSON_ARRAY);
    member(o, "context", JSON_ARRAY);
    assert_true(json_is_null(json_object_get(o, "event_loc")));
    assert_string_equal(json_string_value(member(o, "text", JSON_STRING)),
                        "Russia criticized China.");
    json_t *ti = member(o, "text_info", JSON_OBJECT);
    assert_int_equal(json_integer_value(member(ti, "sequence", JSON_INTEGER)),
                     e->sentence);      /* 1: the title is sentence 0 */
    assert_int_equal(e->sentence, 1);
    json_t *cite = member(o, "cite_info", JSON_OBJECT);
    assert_string_equal(json_string_value(member(cite, "citation",
                                                 JSON_STRING)), "ex-1");
    assert_string_equal(json_string_value(member(cite, "url", JSON_STRING)),
                        "https://example.org/a");
    assert_string_equal(json_string_value(member(cite, "title", JSON_STRING)),
                        "A title");
    assert_string_equal(json_string_value(member(cite, "language",
                                                 JSON_STRING)), "en");
    assert_string_equal(json_string_value(member(o, "coder", JSON_STRING)),
                        "warta " WARTA_VERSION);
    json_t *own = member(o, "warta", JSON_OBJECT);
    assert_string_equal(json_string_value(member(own, "code", JSON_STRING)),
                        "111");
    assert_string_equal(json_string_value(member(own, "label", JSON_STRING)),
                        e->label);
    assert_int_equal(json_integer_value(member(own, "quad_class",
                                               JSON_INTEGER)), e->quad_class);
    assert_string_equal(json_string_value(member(own, "mode", JSON_STRING)),
                        "asserted");
    assert_true(json_is_false(json_object_get(own, "historical")));
    json_decref(o);

    /* A place (with a quote in its name) as GeoNames' location object; no
    ** date gives null; sectors apart from the top-level code. */
    warta_doc *d2 = coded("The Russian foreign minister criticized China.",
                          NULL, NULL, NULL);
    assert_int_equal(warta_doc_n_events(d2), 1);
    set_place(d2, 0, "Fort \"X\"", WARTA_PLACE_CITY, "DEU", "02", 7, 48.5,
              11.25);
    o = json_loads(line_as(d2, 0, WARTA_FORMAT_PLOVER), 0, &err);
    if (!o)
        fail_msg("not JSON: %s", err.text);
    assert_true(json_is_null(json_object_get(o, "date")));
    a1 = json_array_get(member(o, "source", JSON_ARRAY), 0);
    assert_string_equal(json_string_value(member(a1, "code", JSON_STRING)),
                        "RUS");
    assert_string_equal(json_string_value(member(a1, "sector", JSON_STRING)),
                        "GOV");
    json_t *loc = member(o, "event_loc", JSON_OBJECT);
    assert_string_equal(json_string_value(member(loc, "name", JSON_STRING)),
                        "Fort \"X\"");
    assert_int_equal(json_integer_value(member(loc, "geonameid", JSON_INTEGER)),
                     7);
    assert_true(json_real_value(member(loc, "latitude", JSON_REAL)) == 48.5);
    assert_true(json_real_value(member(loc, "longitude", JSON_REAL)) == 11.25);
    assert_string_equal(json_string_value(member(loc, "country code",
                                                 JSON_STRING)), "DE");
    assert_string_equal(json_string_value(member(loc, "cc3", JSON_STRING)),
                        "DEU");
    assert_string_equal(json_string_value(member(loc, "admin1 code",
                                                 JSON_STRING)), "02");
    assert_string_equal(json_string_value(member(loc, "feature class",
                                                 JSON_STRING)), "P");
    json_decref(o);
    warta_doc_free(d2);
    warta_doc_free(doc);
}

/* The field of a CSV row under a header's column name. */
static const char *csv_field(char **h, char **r, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(h[i], name) == 0)
            return r[i];
    fail_msg("no column %s", name);
    return NULL;
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
    assert_int_equal(nh, 40);
    assert_string_equal(h[0], "event_id");
    assert_string_equal(h[nh - 1], "store_id");
    /* Other formats have no header. */
    for (warta_format f = WARTA_FORMAT_JSON; f <= WARTA_FORMAT_PLOVER; f++) {
        assert_int_equal(warta_write_header(test_ctx, f, &b), WARTA_OK);
        assert_int_equal(b.n, 0);
    }

    warta_doc *doc = coded("Russia criticized China, as \"expected\".", NULL,
                           "2023-08-08", "https://example.org/c");
    assert_int_equal(warta_doc_n_events(doc), 1);
    set_place(doc, 0, "Jakarta, Indonesia", WARTA_PLACE_CITY, "IDN", "04",
              1642911, -6.21462, 106.84513);
    doc->events[0].mode = WARTA_MODE_NEGATED;
    char row[8192], rbuf[8192];
    snprintf(row, sizeof row, "%s", line_as(doc, 0, WARTA_FORMAT_CSV));
    char *r[64];
    assert_int_equal(split_csv(row, rbuf, sizeof rbuf, r, 64), nh);
#define F(name) csv_field(h, r, nh, name)
    char gdelt_id[32];
    snprintf(gdelt_id, sizeof gdelt_id, "%llu",
             strtoull(line_as(doc, 0, WARTA_FORMAT_GDELT), NULL, 10));
    assert_string_equal(F("event_id"), gdelt_id);
    assert_string_equal(F("doc"), "ex-1");
    assert_string_equal(F("sentence"), "0");
    assert_string_equal(F("date"), "2023-08-08");
    assert_string_equal(F("date_precision"), "day");
    assert_string_equal(F("source_country"), "RUS");
    assert_string_equal(F("source_text"), "Russia");
    assert_string_equal(F("target_code"), "CHN");
    assert_string_equal(F("mode"), "negated");
    assert_string_equal(F("historical"), "false");
    assert_string_equal(F("code"), "111");
    assert_string_equal(F("root"), "11");
    assert_string_equal(F("place_name"), "Jakarta, Indonesia");
    assert_string_equal(F("place_geonames_id"), "1642911");
    assert_string_equal(F("place_country"), "IDN");
    assert_string_equal(F("place_adm1"), "04");
    assert_string_equal(F("place_lat"), "-6.21462");
    assert_string_equal(F("place_lon"), "106.84513");
    assert_string_equal(F("mentions"), "1");
    assert_string_equal(F("url"), "https://example.org/c");
    assert_string_equal(F("lang"), "en");
    assert_string_equal(F("text"), "Russia criticized China, as \"expected\".");
    assert_string_equal(F("store_id"), "");
#undef F
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
        cmocka_unit_test(an_events_id_is_its_identity),
        cmocka_unit_test(plover_objects_have_the_spec_fields),
        cmocka_unit_test(csv_rows_match_the_header),
        cmocka_unit_test(json_is_warta_write_event),
        cmocka_unit_test(json_writes_the_empty_side_of_a_monad),
    };
    return cmocka_run_group_tests_name("export", tests, setup, teardown);
}
