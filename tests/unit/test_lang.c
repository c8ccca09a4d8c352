/*
** test_lang.c -- language of articles and paragraphs: Indonesian, Malay
** and English apart; the caller's override; the article's own language
** taken as given; detection on the first few KB.
*/
#include "helpers.h"

static const char *id_para =
    "Presiden Joko Widodo mengatakan pemerintah akan memastikan masyarakat "
    "mendapat bantuan secepatnya, katanya kepada wartawan usai rapat kabinet "
    "di Istana Kepresidenan pada hari Senin. Menurut dia, anggaran sudah "
    "disiapkan oleh kementerian keuangan sejak awal bulan ini.";
static const char *ms_para =
    "Perdana Menteri Anwar Ibrahim berkata kerajaan akan memastikan rakyat "
    "mendapat bantuan secepat mungkin, katanya kepada pemberita selepas "
    "mesyuarat kabinet di Putrajaya hari ini. Beliau berkata peruntukan "
    "telah disediakan oleh kementerian kewangan sejak awal bulan ini.";
static const char *en_para =
    "The president said the government would make sure that people "
    "received help as quickly as possible, he told reporters after a "
    "cabinet meeting at the palace on Monday. According to him, the budget "
    "had been prepared by the finance ministry since early this month.";

static warta_doc *detect(const char *text, const char *hint)
{
    warta_meta meta = {.id = "t", .lang = hint};
    warta_doc *d;
    assert_int_equal(warta_doc_new(test_ctx, text, strlen(text), &meta, &d),
                     WARTA_OK);
    assert_int_equal(warta_doc_process(test_ctx, d, WARTA_STAGE_SPLIT, NULL),
                     WARTA_OK);
    return d;
}

static void tells_indonesian_malay_and_english_apart(void **state)
{
    warta_doc *d = detect(id_para, NULL);
    assert_string_equal(warta_doc_lang(d), "id");
    warta_doc_free(d);
    d = detect(ms_para, NULL);
    assert_string_equal(warta_doc_lang(d), "ms");
    warta_doc_free(d);
    d = detect(en_para, NULL);
    assert_string_equal(warta_doc_lang(d), "en");
    warta_doc_free(d);
}

static void a_paragraph_keeps_its_own_language(void **state)
{
    char text[4096];
    snprintf(text, sizeof text, "%s\n%s\n%s", id_para, id_para, en_para);
    warta_doc *d = detect(text, NULL);
    assert_string_equal(warta_doc_lang(d), "id");
    size_t n = warta_doc_n_sentences(d);
    assert_string_equal(warta_doc_sentence(d, 0)->lang, "id");
    assert_string_equal(warta_doc_sentence(d, n - 1)->lang, "en");
    warta_doc_free(d);
}

static void override_wins(void **state)
{
    warta_doc *d = process_full(id_para, NULL, "en", WARTA_STAGE_SPLIT);
    assert_string_equal(warta_doc_lang(d), "en");
    assert_string_equal(warta_doc_sentence(d, 0)->lang, "en");
    warta_doc_free(d);
}

static void metadata_is_the_fallback_for_short_text(void **state)
{
    warta_doc *d = detect("Ok.", "id");
    assert_string_equal(warta_doc_lang(d), "id");
    warta_doc_free(d);
    d = detect("Ok.", NULL);
    assert_string_equal(warta_doc_lang(d), "un");
    warta_doc_free(d);
}

/* A lang field that holds a language code is the article's language, as
** --lang is: CLD2 is not asked (it would say English here). */
static void stated_language_skips_detection(void **state)
{
    warta_doc *d = detect(en_para, "id");
    assert_string_equal(warta_doc_lang(d), "id");
    assert_string_equal(warta_doc_sentence(d, 0)->lang, "id");
    warta_doc_free(d);
    d = detect(en_para, "ms-MY");
    assert_string_equal(warta_doc_lang(d), "ms");
    warta_doc_free(d);
    /* not a language code, or "undetermined": detected, the field a hint */
    static const char *unstated[] = {"und", "english", "x", "e1"};
    for (size_t i = 0; i < sizeof unstated / sizeof *unstated; i++) {
        d = detect(en_para, unstated[i]);
        assert_string_equal(warta_doc_lang(d), "en");
        warta_doc_free(d);
    }
}

/* n bytes or more of text in one language: paragraphs of words drawn
** from words[] (a fixed pseudo-random sequence, so that no two paragraphs
** repeat: CLD2 discounts repeated text), each paragraph ending in ".\n". */
static size_t babble(char *out, size_t cap, size_t n, const char *words,
                     uint32_t seed)
{
    const char *w[128];
    char list[2048];
    size_t nw = 0, k = 0;
    snprintf(list, sizeof list, "%s", words);
    for (char *t = strtok(list, " "); t && nw < 128; t = strtok(NULL, " "))
        w[nw++] = t;
    while (k < n) {
        for (int i = 0; i < 40; i++) {
            seed = seed * 1103515245u + 12345u;
            k += (size_t)snprintf(out + k, cap - k, "%s%s", i ? " " : "",
                                  w[(seed >> 16) % nw]);
        }
        k += (size_t)snprintf(out + k, cap - k, ".\n");
        assert_true(k < cap);
    }
    return k;
}

/* The article's language is read off its first few KB: English here,
** though most of the text is Indonesian (CLD2 over all of it says
** Indonesian), whose paragraphs each still get their own language. */
static void the_article_language_comes_from_its_opening(void **state)
{
    static char text[65536];
    size_t n = babble(text, sizeof text, 4500,
                      "the president said government would make sure that "
                      "people received help as quickly possible he told "
                      "reporters after a cabinet meeting at palace on monday "
                      "according to him budget had been prepared by finance "
                      "ministry since early this month and with for they "
                      "were which their about would there from", 11);
    babble(text + n, sizeof text - n, 20000,
           "pemerintah akan memastikan masyarakat mendapat bantuan "
           "secepatnya katanya kepada wartawan usai rapat kabinet di istana "
           "kepresidenan pada hari senin menurut dia anggaran sudah "
           "disiapkan oleh kementerian keuangan sejak awal bulan ini yang "
           "dan untuk dengan tidak itu dalam juga dari ke karena bahwa "
           "mereka kami warga", 7);
    warta_doc *d = detect(text, NULL);
    assert_string_equal(warta_doc_lang(d), "en");
    assert_string_equal(warta_doc_sentence(d, 0)->lang, "en");
    size_t last = warta_doc_n_sentences(d) - 1;
    assert_string_equal(warta_doc_sentence(d, last)->lang, "id");
    warta_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tells_indonesian_malay_and_english_apart),
        cmocka_unit_test(a_paragraph_keeps_its_own_language),
        cmocka_unit_test(override_wins),
        cmocka_unit_test(metadata_is_the_fallback_for_short_text),
        cmocka_unit_test(stated_language_skips_detection),
        cmocka_unit_test(the_article_language_comes_from_its_opening),
    };
    return cmocka_run_group_tests_name("lang", tests, open_ctx, close_ctx);
}
