/*
** test_words.c -- warta's tokens cut into the words of the UD treebanks
** (src/words.c with the packs' words.tsv): English contractions and
** hyphens as EWT writes them, Indonesian clitics as GSD and CSUI do, and
** tokens written together that are one word.  No model is needed: the
** words are cut whether or not they are parsed.
*/
#include "helpers.h"

/* The words of sentence 0 of text in lang, as "form form ...", a '+'
** before a word joined to the one before (a multiword token), and
** "<form>" around a word that spans several tokens. */
static const char *words_of(const char *text, const char *lang)
{
    static char out[2048];
    warta_doc *d = process_full(text, NULL, lang, WARTA_STAGE_PARSE);
    const warta_sentence *s = warta_doc_sentence(d, 0);
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < s->n_words; i++) {
        const warta_word *w = &s->words[i];
        bool many = w->n_tokens > 1;
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%s%s%.*s%s",
                              i ? " " : "", w->joined ? "+" : "",
                              many ? "<" : "", (int)w->form.n, w->form.p,
                              many ? ">" : "");
        assert_true(w->token < s->n_tokens);
        assert_true(w->form.p >= s->tokens[w->token].text.p);
    }
    warta_doc_free(d);
    return out;
}

static void english_contractions(void **state)
{
    (void)state;
    assert_string_equal(words_of("I'm sure they can't go, but we'll see.", "en"),
                        "I +'m sure they ca +n't go , but we +'ll see .");
    assert_string_equal(words_of("You're late and I'd say it won't matter.", "en"),
                        "You +'re late and I +'d say it wo +n't matter .");
    assert_string_equal(words_of("We cannot stop, we're gonna win.", "en"),
                        "We can +not stop , we +'re gon +na win .");
    assert_string_equal(words_of("Russia's envoy didn't come; they've gone.", "en"),
                        "Russia +'s envoy did +n't come ; they +'ve gone .");
    assert_string_equal(words_of("I dont know.", "en"), "I do +nt know .");
}

static void english_hyphens(void **state)
{
    (void)state;
    assert_string_equal(
        words_of("A well-known non-profit sent an e-mail to the Smith-Jones "
                 "family.", "en"),
        "A well - known non-profit sent an e-mail to the Smith - Jones family .");
    assert_string_equal(words_of("In 1990-1995 call 713-853-3989 or 555-1234.", "en"),
                        "In 1990 - 1995 call 713-853-3989 or 555-1234 .");
    assert_string_equal(words_of("A 3-year deal with pro-India groups.", "en"),
                        "A 3 - year deal with pro-India groups .");
}

static void english_tokens_that_are_one_word(void **state)
{
    (void)state;
    assert_string_equal(words_of("See www.bbc.co.uk/news or mail a.b@c.org now!!!",
                                 "en"),
                        "See <www.bbc.co.uk/news> or mail <a.b@c.org> now <!!!>");
    assert_string_equal(words_of("Read http://example.com/a_b.html.", "en"),
                        "Read <http://example.com/a_b.html> .");
    assert_string_equal(words_of("Really?! No.", "en"), "Really <?!>");
}

static void indonesian_clitics(void **state)
{
    (void)state;
    assert_string_equal(words_of("Mitranya bilang hanya dia yang punya "
                                 "sekolah-sekolah itu.", "id"),
                        "Mitra +nya bilang hanya dia yang punya "
                        "sekolah-sekolah itu .");
    /* -lah, -kah, -pun, -ku, -mu after a word the dictionary knows; not
    ** in words that merely end in their letters */
    assert_string_equal(words_of("Bukanlah itu masalah, apakah adalah bukuku "
                                 "atau rumahmu?", "id"),
                        "Bukan +lah itu masalah , apa +kah adalah buku +ku "
                        "atau rumah +mu ?");
    /* se-...-nya adverbs and lexicalised words stay whole */
    assert_string_equal(words_of("Sebelumnya, lainnya biasanya menolak "
                                 "keputusannya.", "id"),
                        "Sebelumnya , lainnya biasanya menolak keputusan +nya .");
    assert_string_equal(words_of("Harganya Rp300 juta...", "id"),
                        "Harga +nya Rp 300 juta . . .");
    /* Indonesian keeps its hyphens */
    assert_string_equal(words_of("Anak-anakmu bermain di kota-kota.", "id"),
                        "Anak-anak +mu bermain di kota-kota .");
}

static void other_languages_keep_their_tokens(void **state)
{
    (void)state;
    assert_string_equal(words_of("L'homme n'est pas là-bas.", "fr"),
                        "L'homme n'est pas là-bas .");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(english_contractions),
        cmocka_unit_test(english_hyphens),
        cmocka_unit_test(english_tokens_that_are_one_word),
        cmocka_unit_test(indonesian_clitics),
        cmocka_unit_test(other_languages_keep_their_tokens),
    };
    return cmocka_run_group_tests(tests, open_ctx, close_ctx);
}
