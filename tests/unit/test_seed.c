/*
** test_seed.c -- the article warta started from (../shared/seed/, not
** copied into the repository): ten body sentences in order, the photo
** caption marked, the page noise gone, Indonesian.
*/
#include "helpers.h"

static warta_doc *seed;

static int read_seed(void **state)
{
    const char *shared = getenv("WARTA_SHARED");
    char path[1024];
    snprintf(path, sizeof path, "%s/seed/000_d4847668661e968e.txt",
             shared ? shared : "../shared");
    if (open_ctx(state) != 0)
        return -1;
    warta_reader *rd;
    warta_read_opts opts = {.date = "2023-08-08"};
    if (warta_reader_open(test_ctx, path, &opts, &rd) != WARTA_OK) {
        fprintf(stderr, "cannot read the seed: %s\n", warta_errmsg(test_ctx));
        return -1;
    }
    warta_status rc = warta_reader_next(rd, &seed);
    warta_reader_close(rd);
    if (rc != WARTA_OK)
        return -1;
    return warta_doc_process(test_ctx, seed, WARTA_STAGE_STEMS, NULL) ==
                   WARTA_OK
               ? 0
               : -1;
}

static int free_seed(void **state)
{
    warta_doc_free(seed);
    return close_ctx(state);
}

/* The i-th sentence of a kind, as text. */
static const char *nth(warta_kind kind, size_t i)
{
    for (size_t k = 0; k < warta_doc_n_sentences(seed); k++)
        if (warta_doc_sentence(seed, k)->kind == kind && i-- == 0)
            return sentence_text(seed, k);
    return NULL;
}

static size_t count(warta_kind kind)
{
    size_t n = 0;
    for (size_t k = 0; k < warta_doc_n_sentences(seed); k++)
        n += warta_doc_sentence(seed, k)->kind == kind;
    return n;
}

static bool starts_ends(const char *s, const char *head, const char *tail)
{
    if (!s)
        return false;
    size_t n = strlen(s), k = strlen(tail);
    return strncmp(s, head, strlen(head)) == 0 && n >= k &&
           strcmp(s + n - k, tail) == 0;
}

static void ten_body_sentences_in_order(void **state)
{
    assert_int_equal(count(WARTA_KIND_BODY), 10);
    assert_true(starts_ends(nth(WARTA_KIND_BODY, 0), "Pada tanggal 7 Agustus",
                            "termasuk Ukraina."));
    assert_true(starts_ends(nth(WARTA_KIND_BODY, 1), "Pengumuman",
                            "agenda internasional."));
    assert_true(starts_ends(nth(WARTA_KIND_BODY, 2), "Kedua pihak menentang",
                            "lainnya.\""));
    assert_true(starts_ends(nth(WARTA_KIND_BODY, 3), "Kedua belah pihak",
                            "struktur internasional lainnya."));
    assert_true(starts_ends(nth(WARTA_KIND_BODY, 4), "Sejumlah isu regional",
                            "krisis Ukraina."));
    assert_true(starts_ends(nth(WARTA_KIND_BODY, 7), "Utusan Khusus",
                            "konsensus internasional\"."));
    assert_non_null(strstr(nth(WARTA_KIND_BODY, 7),
                           "krisis Ukraina... mendengarkan"));
    assert_true(starts_ends(nth(WARTA_KIND_BODY, 8), "Lebih dari 40 negara",
                            "(Arab Saudi)."));
    assert_string_equal(nth(WARTA_KIND_BODY, 9),
                        "Namun, acara tersebut berakhir tanpa pernyataan "
                        "bersama.");
}

static void caption_marked_and_noise_gone(void **state)
{
    assert_int_equal(count(WARTA_KIND_CAPTION), 1);
    assert_non_null(strstr(nth(WARTA_KIND_CAPTION, 0), "Juli 2022"));
    for (size_t k = 0; k < warta_doc_n_sentences(seed); k++) {
        const char *s = sentence_text(seed, k);
        assert_null(strstr(s, "iklan"));
        assert_null(strstr(s, "Komentar"));
        assert_string_not_equal(s, "Sumber");
    }
}

static void indonesian_with_stems(void **state)
{
    assert_string_equal(warta_doc_lang(seed), "id");
    const warta_sentence *s = warta_doc_sentence(seed, 0);
    assert_string_equal(s->lang, "id");
    bool found = false;
    for (size_t i = 0; i < s->n_tokens; i++)
        if (s->tokens[i].clitic == WARTA_CLITIC_NYA &&
            s->tokens[i].stem.n == 5 && memcmp(s->tokens[i].stem.p, "mitra", 5) == 0)
            found = true;
    assert_true(found);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ten_body_sentences_in_order),
        cmocka_unit_test(caption_marked_and_noise_gone),
        cmocka_unit_test(indonesian_with_stems),
    };
    return cmocka_run_group_tests_name("seed", tests, read_seed, free_seed);
}
