/*
** test_clean.c -- page noise goes, captions are marked, prose stays, and
** typography is folded without losing the way back to the original.
*/
#include "helpers.h"

static size_t count_kind(const warta_doc *d, warta_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < warta_doc_n_sentences(d); i++)
        n += warta_doc_sentence(d, i)->kind == kind;
    return n;
}

static bool any_sentence_has(const warta_doc *d, const char *needle)
{
    for (size_t i = 0; i < warta_doc_n_sentences(d); i++)
        if (strstr(sentence_text(d, i), needle))
            return true;
    return false;
}

static void drops_ad_slots_counters_and_credits(void **state)
{
    warta_doc *d = process("Berita pertama.\n[iklan_2]\n[ads_1] [ad_3]\n"
                           "Sumber\nSource:\nKomentar (0)\nComments (12)\n"
                           "Share\nBagikan\nSCROLL TO CONTINUE WITH CONTENT\n"
                           "Baca juga: Berita lain yang menarik\n"
                           "Tonton juga video \"Ketua MPR Resmikan Politeknik\" di sini:\n"
                           "Follow us on Twitter\n\n\n\nBerita kedua.",
                           WARTA_STAGE_SPLIT);
    assert_int_equal(warta_doc_n_sentences(d), 2);
    assert_sentence(d, 0, "Berita pertama.");
    assert_sentence(d, 1, "Berita kedua.");
    warta_doc_free(d);
}

static void removes_ad_slot_inside_a_line(void **state)
{
    const char *text = "Presiden tiba [iklan_1] di Jakarta.";
    warta_doc *d = process(text, WARTA_STAGE_SPLIT);
    assert_int_equal(warta_doc_n_sentences(d), 1);
    assert_sentence(d, 0, "Presiden tiba di Jakarta.");
    const warta_sentence *s = warta_doc_sentence(d, 0);
    assert_string_equal(span_text(text, s->start, s->end), text);
    warta_doc_free(d);
}

static void keeps_prose_that_looks_like_noise(void **state)
{
    /* A long line that starts like a credit is prose; "Sumber" inside a
    ** sentence and a bracketed word that is not an ad slot stay. */
    warta_doc *d = process(
        "Sumber: pejabat kementerian yang tidak mau disebut namanya "
        "mengatakan bahwa perundingan antara kedua negara berjalan alot "
        "selama tiga hari dan belum menghasilkan kesepakatan apa pun hari ini.\n"
        "Menurut sumber itu, [red] perundingan berlanjut.\n"
        "Komentar presiden (dua kali) tidak dijawab.",
        WARTA_STAGE_SPLIT);
    assert_int_equal(warta_doc_n_sentences(d), 3);
    assert_true(any_sentence_has(d, "[red]"));
    assert_true(any_sentence_has(d, "Komentar presiden"));
    warta_doc_free(d);
}

static void marks_captions(void **state)
{
    warta_doc *d = process(
        "| Menteri tiba di bandara. (Sumber: Kemlu) |\n"
        "Berita utama hari ini.\n"
        "Prime minister arrives in Delhi. (Photo: Reuters)\n"
        "Warga berkumpul di alun-alun. (ANTARA FOTO/Budi)\n"
        "Dia mengutip data (Sumber: BPS) kemarin.",
        WARTA_STAGE_SPLIT);
    assert_int_equal(count_kind(d, WARTA_KIND_CAPTION), 3);
    assert_int_equal(count_kind(d, WARTA_KIND_BODY), 2);
    const warta_sentence *s = warta_doc_sentence(d, 0);
    assert_int_equal(s->kind, WARTA_KIND_CAPTION);
    /* the frame is gone, the credit stays with its caption */
    assert_sentence(d, 0, "Menteri tiba di bandara. (Sumber: Kemlu)");
    warta_doc_free(d);
}

static void folds_typography(void **state)
{
    const char *text = "\u201cKami\u2019 siap\u201d \u2013 katanya\u2014ya\u2026 "
                       "di\u00a0sini\u200b.";
    warta_doc *d = process(text, WARTA_STAGE_SPLIT);
    assert_int_equal(warta_doc_n_sentences(d), 1);
    assert_sentence(d, 0, "\"Kami' siap\" - katanya--ya... di sini.");
    const warta_sentence *s = warta_doc_sentence(d, 0);
    assert_int_equal(s->start, 0);
    assert_int_equal(s->end, strlen(text));
    warta_doc_free(d);
}

static void normalises_to_nfc(void **state)
{
    /* "e" + COMBINING ACUTE ACCENT becomes U+00E9 */
    const char *text = "Caf\x65\xcc\x81 ini tutup. Lalu buka.";
    warta_doc *d = process(text, WARTA_STAGE_SPLIT);
    assert_int_equal(warta_doc_n_sentences(d), 2);
    assert_sentence(d, 0, "Caf\xc3\xa9 ini tutup.");
    const warta_sentence *s = warta_doc_sentence(d, 0);
    assert_int_equal(s->start, 0);
    assert_true(s->end <= strlen(text));
    warta_doc_free(d);
}

static void collapses_spaces_and_controls(void **state)
{
    const char *text = "Satu   dua\tdan\x0btiga.";
    warta_doc *d = process(text, WARTA_STAGE_SPLIT);
    assert_sentence(d, 0, "Satu dua dan tiga.");
    warta_doc_free(d);
}

static void empty_after_cleaning_gives_no_sentences(void **state)
{
    warta_doc *d = process("[iklan_1]\nKomentar (0)\n   \n", WARTA_STAGE_SPLIT);
    assert_int_equal(warta_doc_n_sentences(d), 0);
    warta_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(drops_ad_slots_counters_and_credits),
        cmocka_unit_test(removes_ad_slot_inside_a_line),
        cmocka_unit_test(keeps_prose_that_looks_like_noise),
        cmocka_unit_test(marks_captions),
        cmocka_unit_test(folds_typography),
        cmocka_unit_test(normalises_to_nfc),
        cmocka_unit_test(collapses_spaces_and_controls),
        cmocka_unit_test(empty_after_cleaning_gives_no_sentences),
    };
    return cmocka_run_group_tests_name("clean", tests, open_ctx, close_ctx);
}
