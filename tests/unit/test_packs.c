/*
** test_packs.c -- the language packs on the article warta started from
** (../shared/seed/, Indonesian) and on an English article written for
** this project that tells the same facts (examples/): the same five
** findings in both languages.
*/
#include "helpers.h"


/* Read and code an article file; the caller frees the document. */
static warta_doc *code_file(const char *path)
{
    warta_reader *rd;
    warta_doc *doc;
    warta_read_opts opts = {.date = "2023-08-08"};
    assert_int_equal(warta_reader_open(test_ctx, path, &opts, &rd), WARTA_OK);
    assert_int_equal(warta_reader_next(rd, &doc), WARTA_OK);
    warta_reader_close(rd);
    assert_int_equal(warta_doc_code(test_ctx, doc, test_packs), WARTA_OK);
    return doc;
}

static bool has_code_prefix(const char *code, const char *prefix)
{
    return strncmp(code, prefix, strlen(prefix)) == 0;
}

static bool text_has(const warta_slice *s, const char *needle)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%.*s", (int)s->n, s->p);
    return strstr(buf, needle) != NULL;
}

/* When and where: the call on 7 August, the conference in Jeddah on
** 5-6 August (its first day), whatever the article's own date says. */
static void check_when_where(warta_doc *doc)
{
    size_t calls = 0, visits = 0;
    for (size_t i = 0; i < warta_doc_n_events(doc); i++) {
        const warta_event *e = warta_doc_event(doc, i);
        assert_string_equal(e->article_date, "2023-08-08");
        if (strcmp(e->code, "041") == 0) {
            assert_string_equal(e->date, "2023-08-07");
            assert_int_equal(e->date_precision, WARTA_DATE_DAY);
            calls++;
        }
        if (strcmp(e->code, "042") == 0) {
            assert_string_equal(e->date, "2023-08-05");
            assert_string_equal(e->place.name, "Jeddah");
            assert_string_equal(e->place.country, "SAU");
            assert_true(e->place.lat > 21.3 && e->place.lat < 21.7);
            assert_true(e->place.lon > 39.0 && e->place.lon < 39.4);
            visits++;
        }
        /* the caption's "Juli 2022" dates nothing */
        assert_false(strncmp(e->date, "2022", 4) == 0);
    }
    assert_true(calls > 0 && visits > 0);
}

/* The five findings the seed article must give, in any language. */
static void check_findings(warta_doc *doc, const char *lavrov,
                           const char *wang_yi)
{
    bool call = false, west_rus = false, west_chn = false, coop = false;
    bool visit_chn = false, visit_ind = false, visit_usa = false;
    for (size_t i = 0; i < warta_doc_n_events(doc); i++) {
        const warta_event *e = warta_doc_event(doc, i);
        const char *src = e->source.code, *tgt = e->target.code;
        /* 5. nothing from the caption or the page furniture */
        assert_int_equal(warta_doc_sentence(doc, e->sentence)->kind,
                         WARTA_KIND_BODY);
        /* 1. the phone call, with the counterpart resolved */
        if (strcmp(e->code, "041") == 0 && strcmp(src, "RUSGOV") == 0 &&
            strcmp(tgt, "CHNGOV") == 0 && text_has(&e->source.text, lavrov) &&
            text_has(&e->target.text, wang_yi))
            call = true;
        /* 2. both sides against the West */
        if (strcmp(e->root, "11") == 0 && strcmp(tgt, "WST") == 0) {
            west_rus |= has_code_prefix(src, "RUS");
            west_chn |= has_code_prefix(src, "CHN");
        }
        /* 3. intent to cooperate, Russia with China */
        if (strcmp(e->root, "03") == 0 &&
            ((has_code_prefix(src, "RUS") && has_code_prefix(tgt, "CHN")) ||
             (has_code_prefix(src, "CHN") && has_code_prefix(tgt, "RUS"))))
            coop = true;
        /* 4. the Jeddah conference, attended by all but Russia */
        if (strcmp(e->code, "042") == 0 && strcmp(tgt, "SAU") == 0) {
            assert_false(has_code_prefix(src, "RUS"));
            visit_chn |= strcmp(src, "CHN") == 0;
            visit_ind |= strcmp(src, "IND") == 0;
            visit_usa |= strcmp(src, "USA") == 0;
        }
    }
    assert_true(call);
    assert_true(west_rus && west_chn);
    assert_true(coop);
    assert_true(visit_chn && visit_ind && visit_usa);
}

/* Code a file and check the findings: by word position (no model), then,
** when the language's model is built, from the dependency tree. */
static void check_article(const char *path, const char *lang)
{
    char model_path[64];
    snprintf(model_path, sizeof model_path, "data/models/%s.model", lang);
    warta_model *model = NULL;
    FILE *f = fopen(model_path, "rb");
    if (f) {
        fclose(f);
        assert_int_equal(warta_model_load(test_ctx, model_path, &model), WARTA_OK);
    }
    for (int tree = 0; tree <= (model != NULL); tree++) {
        assert_int_equal(warta_use_model(test_ctx, lang, tree ? model : NULL),
                         WARTA_OK);
        warta_doc *doc = code_file(path);
        assert_string_equal(warta_doc_lang(doc), lang);
        check_findings(doc, "Lavrov", "Wang Yi");
        check_when_where(doc);
        warta_doc_free(doc);
    }
    assert_int_equal(warta_use_model(test_ctx, lang, NULL), WARTA_OK);
    warta_model_free(model);
}

static void seed_article_in_indonesian(void **state)
{
    const char *shared = getenv("WARTA_SHARED");
    char path[1024];
    snprintf(path, sizeof path, "%s/seed/000_d4847668661e968e.txt",
             shared ? shared : "../shared");
    check_article(path, "id");
}

static void same_facts_in_english(void **state)
{
    check_article("examples/en-lavrov-wangyi.jsonl", "en");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_article_in_indonesian),
        cmocka_unit_test(same_facts_in_english),
    };
    return cmocka_run_group_tests_name("packs", tests, load_packs, free_packs);
}
