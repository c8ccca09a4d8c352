/*
** test_split.c -- where sentences end, in Indonesian and English.
*/
#include "helpers.h"

static void splits_at_period_before_capital(void **state)
{
    warta_doc *d = process("Dia datang. Mereka pergi! Siapa itu? Entah.",
                           WARTA_STAGE_SPLIT);
    assert_int_equal(warta_doc_n_sentences(d), 4);
    assert_sentence(d, 0, "Dia datang.");
    assert_sentence(d, 1, "Mereka pergi!");
    assert_sentence(d, 2, "Siapa itu?");
    assert_sentence(d, 3, "Entah.");
    warta_doc_free(d);
}

static void abbreviations_do_not_end_sentences(void **state)
{
    warta_doc *d = process(
        "Dr. Smith met Mr. Jones and Prof. Lee in the U.S. capital. "
        "Kantornya di Jl. Merdeka No. 5 dipimpin H. Ahmad. Selesai.",
        WARTA_STAGE_SPLIT);
    assert_int_equal(warta_doc_n_sentences(d), 3);
    assert_sentence(d, 0,
                    "Dr. Smith met Mr. Jones and Prof. Lee in the U.S. capital.");
    assert_sentence(d, 1, "Kantornya di Jl. Merdeka No. 5 dipimpin H. Ahmad.");
    warta_doc_free(d);
}

static void decimals_and_dates_stay_whole(void **state)
{
    warta_doc *d = process("Ekonomi tumbuh 3.5 persen pada 5-6 Agustus. "
                           "Inflation was 2.4 percent. It fell.",
                           WARTA_STAGE_SPLIT);
    assert_int_equal(warta_doc_n_sentences(d), 3);
    assert_sentence(d, 0, "Ekonomi tumbuh 3.5 persen pada 5-6 Agustus.");
    assert_sentence(d, 1, "Inflation was 2.4 percent.");
    warta_doc_free(d);
}

static void quote_spanning_two_sentences(void **state)
{
    /* The colon introduces the quote and does not split; the quote holds
    ** two sentences; the closing quote stays with the second. */
    warta_doc *d = process("Kementerian menyatakan: \"Kedua pihak bertemu. "
                           "Mereka sepakat.\" Lalu mereka pulang.",
                           WARTA_STAGE_SPLIT);
    assert_int_equal(warta_doc_n_sentences(d), 3);
    assert_sentence(d, 0, "Kementerian menyatakan: \"Kedua pihak bertemu.");
    assert_sentence(d, 1, "Mereka sepakat.\"");
    assert_sentence(d, 2, "Lalu mereka pulang.");
    warta_doc_free(d);
}

static void ellipsis_inside_quote_does_not_split(void **state)
{
    warta_doc *d = process(
        "Dia berkata \u201ckrisis Ukraina... Mendengarkan semua pihak\u201d. "
        "He said \"we wait... Then we act\". Done... Next one.",
        WARTA_STAGE_SPLIT);
    assert_int_equal(warta_doc_n_sentences(d), 4);
    assert_sentence(d, 0,
                    "Dia berkata \"krisis Ukraina... Mendengarkan semua pihak\".");
    assert_sentence(d, 1, "He said \"we wait... Then we act\".");
    assert_sentence(d, 2, "Done...");
    warta_doc_free(d);
}

static void lower_case_after_period_continues(void **state)
{
    warta_doc *d = process("Harga naik approx. lima persen. Itu saja.",
                           WARTA_STAGE_SPLIT);
    assert_int_equal(warta_doc_n_sentences(d), 2);
    warta_doc_free(d);
}

/* Pages scraped without their paragraph breaks glue a sentence's period
** to the next one's first word; host names and abbreviations stay. */
static void glued_periods_split(void **state)
{
    warta_doc *d = process("Politisi butuh kekuasaan.Sedangkan di Indonesia partai "
                           "bertarung. Jaksa Pdt.Sus menahan dia di www.Detik.Com "
                           "dan detik.com. Selesai.",
                           WARTA_STAGE_SPLIT);
    assert_int_equal(warta_doc_n_sentences(d), 4);
    assert_sentence(d, 0, "Politisi butuh kekuasaan.");
    assert_sentence(d, 1, "Sedangkan di Indonesia partai bertarung.");
    assert_sentence(d, 2, "Jaksa Pdt.Sus menahan dia di www.Detik.Com dan detik.com.");
    warta_doc_free(d);
}

static void paragraphs_always_split(void **state)
{
    warta_doc *d = process("Judul tanpa titik\nKalimat kedua.\n\nKetiga",
                           WARTA_STAGE_SPLIT);
    assert_int_equal(warta_doc_n_sentences(d), 3);
    assert_sentence(d, 0, "Judul tanpa titik");
    assert_sentence(d, 2, "Ketiga");
    warta_doc_free(d);
}

static void hard_wrapped_lines_join(void **state)
{
    warta_doc *d = process("The minister said the talks\nwould go on. Next.",
                           WARTA_STAGE_SPLIT);
    assert_int_equal(warta_doc_n_sentences(d), 2);
    assert_sentence(d, 0, "The minister said the talks would go on.");
    warta_doc_free(d);
}

static void list_numbers_stay_with_their_item(void **state)
{
    warta_doc *d = process("1. Cara Pertama\n2. Cara Kedua", WARTA_STAGE_SPLIT);
    assert_int_equal(warta_doc_n_sentences(d), 2);
    assert_sentence(d, 0, "1. Cara Pertama");
    warta_doc_free(d);
}

static void spans_point_into_the_original(void **state)
{
    const char *text = "  Pertama\u00a0sekali.  \u201cKedua.\u201d\n\nKetiga.";
    warta_doc *d = process(text, WARTA_STAGE_SPLIT);
    assert_int_equal(warta_doc_n_sentences(d), 3);
    const warta_sentence *s = warta_doc_sentence(d, 1);
    assert_string_equal(span_text(text, s->start, s->end),
                        "\u201cKedua.\u201d");
    s = warta_doc_sentence(d, 0);
    assert_string_equal(span_text(text, s->start, s->end),
                        "Pertama\u00a0sekali.");
    s = warta_doc_sentence(d, 2);
    assert_string_equal(span_text(text, s->start, s->end), "Ketiga.");
    warta_doc_free(d);
}

static void title_is_its_own_sentence(void **state)
{
    warta_doc *d = process_full("Isi berita.", "Judul Berita", "id",
                                WARTA_STAGE_SPLIT);
    assert_int_equal(warta_doc_n_sentences(d), 2);
    const warta_sentence *s = warta_doc_sentence(d, 0);
    assert_int_equal(s->kind, WARTA_KIND_TITLE);
    assert_int_equal(s->start, 0);
    assert_int_equal(s->end, strlen("Judul Berita"));
    assert_int_equal(warta_doc_sentence(d, 1)->kind, WARTA_KIND_BODY);
    warta_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(splits_at_period_before_capital),
        cmocka_unit_test(abbreviations_do_not_end_sentences),
        cmocka_unit_test(decimals_and_dates_stay_whole),
        cmocka_unit_test(quote_spanning_two_sentences),
        cmocka_unit_test(ellipsis_inside_quote_does_not_split),
        cmocka_unit_test(lower_case_after_period_continues),
        cmocka_unit_test(glued_periods_split),
        cmocka_unit_test(paragraphs_always_split),
        cmocka_unit_test(hard_wrapped_lines_join),
        cmocka_unit_test(list_numbers_stay_with_their_item),
        cmocka_unit_test(spans_point_into_the_original),
        cmocka_unit_test(title_is_its_own_sentence),
    };
    return cmocka_run_group_tests_name("split", tests, open_ctx, close_ctx);
}
