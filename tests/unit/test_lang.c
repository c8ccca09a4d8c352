/*
** test_lang.c -- language of articles and paragraphs: Indonesian, Malay
** and English apart; the caller's override; the metadata as a fallback.
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tells_indonesian_malay_and_english_apart),
        cmocka_unit_test(a_paragraph_keeps_its_own_language),
        cmocka_unit_test(override_wins),
        cmocka_unit_test(metadata_is_the_fallback_for_short_text),
    };
    return cmocka_run_group_tests_name("lang", tests, open_ctx, close_ctx);
}
