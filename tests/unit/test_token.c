/*
** test_token.c -- tokens, their offsets into the original text, and the
** stems and affix classes of Indonesian words.
*/
#include "helpers.h"

static const char *tok(const warta_sentence *s, size_t i)
{
    static char buf[256];
    assert_true(i < s->n_tokens);
    snprintf(buf, sizeof buf, "%.*s", (int)s->tokens[i].text.n,
             s->tokens[i].text.p);
    return buf;
}

static const char *stem(const warta_sentence *s, size_t i)
{
    static char buf[256];
    snprintf(buf, sizeof buf, "%.*s", (int)s->tokens[i].stem.n,
             s->tokens[i].stem.p);
    return buf;
}

/* Find a token by its text; fail if it is not there. */
static const warta_token *find(const warta_sentence *s, const char *text)
{
    for (size_t i = 0; i < s->n_tokens; i++)
        if (s->tokens[i].text.n == strlen(text) &&
            memcmp(s->tokens[i].text.p, text, s->tokens[i].text.n) == 0)
            return &s->tokens[i];
    fail_msg("no token '%s'", text);
    return NULL;
}

static void words_numbers_and_punctuation(void **state)
{
    warta_doc *d = process_full(
        "Russia's envoy met U.S. and Dr. Lee (R-S.C.) on 7/8/2023 -- talks, 3.5 "
        "percent... negara-negara 5-6 Agustus don't.",
        NULL, "en", WARTA_STAGE_TOKENS);
    const warta_sentence *s = warta_doc_sentence(d, 0);
    const char *expected[] = {"Russia", "'s", "envoy", "met", "U.S.", "and",
                              "Dr.", "Lee", "(", "R-S.C.", ")", "on", "7/8/2023",
                              "--", "talks", ",", "3.5", "percent", "...",
                              "negara-negara", "5-6", "Agustus", "do", "n't", "."};
    assert_int_equal(s->n_tokens, sizeof expected / sizeof *expected);
    for (size_t i = 0; i < s->n_tokens; i++)
        assert_string_equal(tok(s, i), expected[i]);
    warta_doc_free(d);
}

static void offsets_point_into_the_original(void **state)
{
    const char *text = "Ia berkata:\u00a0\u201cSiap\u201d\u2014lalu  pergi.";
    warta_doc *d = process(text, WARTA_STAGE_TOKENS);
    const warta_sentence *s = warta_doc_sentence(d, 0);
    const warta_token *t = find(s, "Siap");
    assert_string_equal(span_text(text, t->start, t->end), "Siap");
    t = find(s, "\"");
    assert_string_equal(span_text(text, t->start, t->end), "\u201c");
    t = find(s, "--");
    assert_string_equal(span_text(text, t->start, t->end), "\u2014");
    t = find(s, "pergi");
    assert_string_equal(span_text(text, t->start, t->end), "pergi");
    warta_doc_free(d);
}

/* Every no-break space and curly quote leaves an anchor: mapping the
** sentences and tokens of 2 MB of them back to the original must look at
** each anchor a bounded number of times, not once per sentence. */
static void offsets_map_in_linear_work(void **state)
{
    static const char unit[] = "Russia\u00a0criticized\u00a0China\u00a0on"
                               "\u00a0\u201cMonday\u201d. ";
    size_t n_units, n;
    char *text = repeat_text(unit, 2u << 20, &n_units, &n);
    uint64_t before = test_ctx->anchor_steps;
    warta_doc *d = process_full(text, NULL, "en", WARTA_STAGE_TOKENS);
    uint64_t steps = test_ctx->anchor_steps - before;
    size_t n_sents = warta_doc_n_sentences(d), n_tokens = 0;
    for (size_t i = 0; i < n_sents; i++)
        n_tokens += warta_doc_sentence(d, i)->n_tokens;
    size_t n_anchors = d->fields[FIELD_TEXT].n_anchors;
    assert_int_equal(n_sents, n_units);
    assert_true(n_anchors >= 6 * n_units);
    if (steps > 4 * (n_anchors + n_sents + n_tokens))
        fail_msg("%llu anchor steps for %zu anchors, %zu sentences and %zu "
                 "tokens", (unsigned long long)steps, n_anchors, n_sents,
                 n_tokens);
    /* and the offsets are still right, at the end as at the start */
    const warta_sentence *s = warta_doc_sentence(d, n_sents - 1);
    assert_string_equal(span_text(text, s->start, s->end),
                        "Russia\u00a0criticized\u00a0China\u00a0on\u00a0"
                        "\u201cMonday\u201d.");
    const warta_token *t = find(s, "Monday");
    assert_string_equal(span_text(text, t->start, t->end), "Monday");
    t = &s->tokens[s->n_tokens - 2];
    assert_string_equal(span_text(text, t->start, t->end), "\u201d");
    warta_doc_free(d);
    free(text);
}

typedef struct stem_case {
    const char *word, *stem;
    warta_prefix prefix;
    warta_suffix suffix;
    warta_clitic clitic;
} stem_case;

static void indonesian_stems_and_affixes(void **state)
{
    static const stem_case cases[] = {
        {"mengecam", "kecam", WARTA_PREFIX_MEN, WARTA_SUFFIX_NONE, 0},
        {"dikecam", "kecam", WARTA_PREFIX_DI, WARTA_SUFFIX_NONE, 0},
        {"menandatangani", "tandatangan", WARTA_PREFIX_MEN, WARTA_SUFFIX_I, 0},
        {"mitranya", "mitra", WARTA_PREFIX_NONE, WARTA_SUFFIX_NONE,
         WARTA_CLITIC_NYA},
        {"berkunjung", "kunjung", WARTA_PREFIX_BER, WARTA_SUFFIX_NONE, 0},
        {"kunjungan", "kunjung", WARTA_PREFIX_NONE, WARTA_SUFFIX_AN, 0},
        {"menelepon", "telepon", WARTA_PREFIX_MEN, WARTA_SUFFIX_NONE, 0},
        {"menyepakati", "sepakat", WARTA_PREFIX_MEN, WARTA_SUFFIX_I, 0},
        {"mengatakan", "kata", WARTA_PREFIX_MEN, WARTA_SUFFIX_KAN, 0},
        {"diserang", "serang", WARTA_PREFIX_DI, WARTA_SUFFIX_NONE, 0},
        {"kebijakan", "bijak", WARTA_PREFIX_KE, WARTA_SUFFIX_AN, 0},
        {"pertemuan", "temu", WARTA_PREFIX_PER, WARTA_SUFFIX_AN, 0},
        {"Menteri", "menteri", WARTA_PREFIX_NONE, WARTA_SUFFIX_NONE, 0},
        {"Tiongkok", "tiongkok", WARTA_PREFIX_NONE, WARTA_SUFFIX_NONE, 0},
    };
    char text[1024] = "";
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        strcat(text, cases[i].word);
        strcat(text, " ");
    }
    warta_doc *d = process(text, WARTA_STAGE_STEMS);
    const warta_sentence *s = warta_doc_sentence(d, 0);
    assert_int_equal(s->n_tokens, sizeof cases / sizeof *cases);
    for (size_t i = 0; i < s->n_tokens; i++) {
        const stem_case *c = &cases[i];
        const warta_token *t = &s->tokens[i];
        if (strcmp(stem(s, i), c->stem) != 0 || t->prefix != c->prefix ||
            t->suffix != c->suffix || t->clitic != (uint8_t)c->clitic)
            fail_msg("%s: got %s %s %s %s, want %s %s %s %s", c->word,
                     stem(s, i), warta_prefix_name(t->prefix),
                     warta_suffix_name(t->suffix),
                     warta_clitic_name(t->clitic), c->stem,
                     warta_prefix_name(c->prefix),
                     warta_suffix_name(c->suffix),
                     warta_clitic_name(c->clitic));
    }
    warta_doc_free(d);
}

static void other_languages_get_no_stems(void **state)
{
    warta_doc *d = process_full("The minister condemned the attack.", NULL,
                                "en", WARTA_STAGE_STEMS);
    const warta_sentence *s = warta_doc_sentence(d, 0);
    for (size_t i = 0; i < s->n_tokens; i++)
        assert_int_equal(s->tokens[i].stem.n, 0);
    warta_doc_free(d);
}

static void memoised_stems_survive_later_documents(void **state)
{
    warta_doc *a = process("Mereka mengecam serangan itu.", WARTA_STAGE_STEMS);
    warta_doc *b = process("Dia dikecam lagi.", WARTA_STAGE_STEMS);
    assert_string_equal(stem(warta_doc_sentence(a, 0), 1), "kecam");
    assert_string_equal(stem(warta_doc_sentence(b, 0), 1), "kecam");
    warta_doc_free(a);
    assert_string_equal(stem(warta_doc_sentence(b, 0), 1), "kecam");
    warta_doc_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words_numbers_and_punctuation),
        cmocka_unit_test(offsets_point_into_the_original),
        cmocka_unit_test(offsets_map_in_linear_work),
        cmocka_unit_test(indonesian_stems_and_affixes),
        cmocka_unit_test(other_languages_get_no_stems),
        cmocka_unit_test(memoised_stems_survive_later_documents),
    };
    return cmocka_run_group_tests_name("token", tests, open_ctx, close_ctx);
}
