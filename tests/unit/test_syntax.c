/*
** test_syntax.c -- the tagger and parser around their core: CoNLL-U
** reading, model files (round trip; corrupt, truncated, foreign and
** wrong-version files refused with a message naming them), the parse
** stage, and that every parse is a tree: on the treebanks' test sets (in
** $WARTA_SHARED/ud), their text as warta tokenises it, and the fuzz
** corpora.
*/
#include <dirent.h>

#include "helpers.h"
#include "syntax_helpers.h"

static char dir[256];

/* Messages the library logged, one per line. */
static char logged[8192];

static void keep_log(void *ud, warta_log_level level, const char *msg)
{
    (void)ud;
    (void)level;
    strncat(logged, msg, sizeof logged - strlen(logged) - 2);
    strcat(logged, "\n");
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/warta-test-syntax-XXXXXX");
    assert_non_null(mkdtemp(dir));
    warta_config cfg = {.log = keep_log};
    return warta_open(&cfg, &test_ctx) == WARTA_OK ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    return close_ctx(state);
}

static const char *path_of(const char *name)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

static void write_bytes(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

static char *read_bytes(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *n = (size_t)ftell(f);
    rewind(f);
    char *p = malloc(*n + 1);
    assert_non_null(p);
    assert_int_equal(fread(p, 1, *n, f), *n);
    fclose(f);
    return p;
}

/* ---- CoNLL-U --------------------------------------------------------------- */

static const char three_sentences[] =
    "# sent_id = a\n"
    "# text = Police left.\n"
    "1\tPolice\tpolice\tNOUN\t_\t_\t2\tnsubj\t_\t_\n"
    "2\tleft\tleave\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# sent_id = b\n"
    "1\tThey\tthey\tPRON\t_\t_\t2\tnsubj\t_\t_\n"
    "2\tcame\tcome\tVERB\t_\t_\t0\troot\t_\n"        /* line 9: 9 columns */
    "\n"
    "# sent_id = c\n"
    "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tdo\tdo\tAUX\t_\t_\t3\taux\t_\t_\n"
    "2\tn't\tnot\tPART\t_\t_\t3\tadvmod\t_\t_\n"
    "3\tgo\tgo\tVERB\t_\t_\t0\troot\t_\t_\n";

static void conllu_skips_a_malformed_sentence(void **state)
{
    (void)state;
    treebank tb;
    conllu_init(&tb, test_ctx);
    logged[0] = '\0';
    assert_int_equal(conllu_read_mem(test_ctx, "mem.conllu", three_sentences,
                                     strlen(three_sentences), &tb),
                     WARTA_EPARSE);
    assert_non_null(strstr(logged, "mem.conllu:9: "));
    assert_non_null(strstr(warta_errmsg(test_ctx), "mem.conllu"));
    assert_int_equal(tb.n_sents, 2);            /* a and c */
    assert_int_equal(tb.n_bad, 1);
    assert_string_equal(tb.sents[0].id, "a");
    assert_string_equal(tb.sents[1].id, "c");
    assert_int_equal(tb.sents[1].n_words, 3);
    assert_int_equal(tb.sents[1].n_ranges, 1);
    assert_string_equal(tb.sents[1].ranges[0].form, "don't");
    assert_false(conllu_space_after(&tb.sents[0], 1));
    conllu_free(&tb);
}

/* A sentence found bad at its end is reported at its first line; the
** lines after it keep their numbers; a multiword token with no words
** after it is bad. */
static void conllu_counts_lines_after_a_bad_sentence(void **state)
{
    (void)state;
    static const char text[] =
        "1\tA\ta\tX\t_\t_\t0\troot\t_\t_\n"             /* 1 */
        "2\tB\tb\tX\t_\t_\t7\tdep\t_\t_\n"              /* 2: head 7 */
        "\n"
        "1-2\tCD\t_\t_\t_\t_\t_\t_\t_\t_\n"               /* 4: no words */
        "\n"
        "1-2\tEF\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "1\tE\te\tX\t_\t_\t0\troot\t_\t_\n"
        "2\tF\tf\tX\t_\t_\t1\tdep\t_\n";                 /* 8: 9 columns */
    treebank tb;
    conllu_init(&tb, test_ctx);
    logged[0] = '\0';
    assert_int_equal(conllu_read_mem(test_ctx, "m.conllu", text,
                                     sizeof text - 1, &tb), WARTA_EPARSE);
    assert_non_null(strstr(logged, "m.conllu:1: a head beyond"));
    assert_non_null(strstr(logged, "m.conllu:4: a multiword token beyond"));
    assert_non_null(strstr(logged, "m.conllu:8: not 10"));
    assert_int_equal(tb.n_sents, 0);
    assert_int_equal(tb.n_bad, 3);
    conllu_free(&tb);
}

static void conllu_names_the_file(void **state)
{
    (void)state;
    treebank tb;
    conllu_init(&tb, test_ctx);
    const char *bad = path_of("bad.conllu");
    const char text[] = "1\tA\ta\tX\t_\t_\t0\troot\t_\t_\n\n"
                        "1\tB\tb\tX\t_\t_\tseven\troot\t_\t_\n";
    write_bytes(bad, text, sizeof text - 1);
    logged[0] = '\0';
    assert_int_equal(conllu_read(test_ctx, bad, &tb), WARTA_EPARSE);
    char want[600];
    snprintf(want, sizeof want, "%s:3: ", bad);
    assert_non_null(strstr(logged, want));
    assert_int_equal(tb.n_sents, 1);
    assert_int_equal(conllu_read(test_ctx, path_of("none.conllu"), &tb),
                     WARTA_EIO);
    assert_non_null(strstr(warta_errmsg(test_ctx), path_of("none.conllu")));
    conllu_free(&tb);
}

/* ---- model files ------------------------------------------------------------ */

/* Tag and parse every sentence of the tiny treebank with both models:
** the same tags, heads and labels. */
static void same_analyses(const warta_model *a, const warta_model *b)
{
    treebank tb;
    conllu_init(&tb, test_ctx);
    assert_int_equal(conllu_read(test_ctx, TINY_TREEBANK, &tb), WARTA_OK);
    syn_word wa[64], wb[64];
    for (size_t i = 0; i < tb.n_sents; i++) {
        const conllu_sent *s = &tb.sents[i];
        for (uint32_t k = 0; k < s->n_words; k++) {
            syn_word_init(&wa[k], s->words[k].form, strlen(s->words[k].form));
            wb[k] = wa[k];
        }
        syn_model_analyse(&a->syn, wa, s->n_words);
        syn_model_analyse(&b->syn, wb, s->n_words);
        for (uint32_t k = 0; k < s->n_words; k++) {
            assert_string_equal(a->syn.tags.names[wa[k].tag],
                                b->syn.tags.names[wb[k].tag]);
            assert_int_equal(wa[k].head, wb[k].head);
            assert_string_equal(a->syn.labels.names[wa[k].label],
                                b->syn.labels.names[wb[k].label]);
        }
    }
    conllu_free(&tb);
}

static void model_round_trip(void **state)
{
    (void)state;
    warta_model *m = train_tiny("en"), *back = NULL;
    const char *path = path_of("tiny.model");
    assert_int_equal(warta_model_save(m, path), WARTA_OK);
    assert_int_equal(warta_model_load(test_ctx, path, &back), WARTA_OK);
    assert_string_equal(warta_model_lang(back), "en");
    same_analyses(m, back);
    /* saved again, the bytes are the same */
    const char *again = path_of("again.model");
    assert_int_equal(warta_model_save(back, again), WARTA_OK);
    size_t n1, n2;
    char *b1 = read_bytes(path, &n1), *b2 = read_bytes(again, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(b1, b2, n1);
    free(b1);
    free(b2);
    warta_model_free(back);
    warta_model_free(m);
}

/* Loading `name` fails with rc and a message naming it, and no model. */
static void refused(const char *name, warta_status rc, const char *why)
{
    warta_model *m = (warta_model *)1;
    const char *path = path_of(name);
    assert_int_equal(warta_model_load(test_ctx, path, &m), rc);
    assert_null(m);
    const char *msg = warta_errmsg(test_ctx);
    if (!strstr(msg, path) || (why && !strstr(msg, why)))
        fail_msg("%s: message \"%s\"", name, msg);
}

static void bad_model_files_are_refused(void **state)
{
    (void)state;
    warta_model *m = train_tiny("en");
    const char *good = path_of("good.model");
    assert_int_equal(warta_model_save(m, good), WARTA_OK);
    warta_model_free(m);
    size_t n;
    char *bytes = read_bytes(good, &n);
    assert_true(n > 64);

    write_bytes(path_of("truncated.model"), bytes, n / 2);
    refused("truncated.model", WARTA_EDATA, "truncated or corrupt");
    write_bytes(path_of("header-only.model"), bytes, 24);
    refused("header-only.model", WARTA_EDATA, NULL);
    write_bytes(path_of("empty.model"), "", 0);
    refused("empty.model", WARTA_EDATA, "not a warta syntax model");

    char *copy = malloc(n);
    assert_non_null(copy);
    memcpy(copy, bytes, n);
    copy[n / 2] ^= 0x5a;                    /* inside the compressed payload */
    write_bytes(path_of("corrupt.model"), copy, n);
    refused("corrupt.model", WARTA_EDATA, "corrupt");

    memcpy(copy, bytes, n);
    copy[0] = 'X';
    write_bytes(path_of("magic.model"), copy, n);
    refused("magic.model", WARTA_EDATA, "not a warta syntax model");

    memcpy(copy, bytes, n);
    uint32_t version = 999;                 /* the header's format number */
    memcpy(copy + 8, &version, 4);
    write_bytes(path_of("version.model"), copy, n);
    refused("version.model", WARTA_EDATA, "format 999");

    /* a word whose sure tag is no tag of the model (found by fuzz_model:
    ** the tagger gave it, past the end of the tag names) */
    m = train_tiny("en");
    lexicon *lx = &m->syn.tagger.lex;
    size_t k = 0;
    while (k < lx->n_slots && !lx->key[k])
        k++;
    assert_true(k < lx->n_slots);
    lx->value[k] = LEXICON_SURE_BIT | m->syn.tags.n;
    assert_int_equal(warta_model_save(m, path_of("sure-tag.model")), WARTA_OK);
    warta_model_free(m);
    refused("sure-tag.model", WARTA_EDATA, "corrupt");

    write_bytes(path_of("text.model"), three_sentences, sizeof three_sentences - 1);
    refused("text.model", WARTA_EDATA, "not a warta syntax model");
    refused("missing.model", WARTA_EIO, NULL);
    free(copy);
    free(bytes);
}

/* ---- the parse stage ------------------------------------------------------- */

static void no_model_is_said_once(void **state)
{
    (void)state;
    logged[0] = '\0';
    for (int i = 0; i < 2; i++) {
        warta_doc *d = process_full("The talks ended. Nothing was agreed.", NULL,
                                    "en", WARTA_STAGE_PARSE);
        const warta_sentence *s = warta_doc_sentence(d, 0);
        assert_int_equal(s->n_words, 4);            /* cut all the same */
        assert_int_equal(s->words[0].head, WARTA_HEAD_NONE);
        assert_int_equal(s->words[0].upos, WARTA_UPOS_NONE);
        assert_int_equal(s->tokens[1].head, WARTA_HEAD_NONE);
        assert_string_equal(s->tokens[1].deprel, "");
        warta_doc_free(d);
    }
    const char *first = strstr(logged, "no syntax model for language 'en'");
    assert_non_null(first);
    assert_null(strstr(first + 1, "no syntax model"));
}

/* Every token has what its head word has: a word of the token whose head
** lies outside it, with the same tag and relation. */
static void check_tokens(const warta_sentence *s)
{
    for (size_t t = 0; t < s->n_tokens; t++) {
        const warta_token *tok = &s->tokens[t];
        bool found = false;
        for (size_t i = 0; i < s->n_words && !found; i++) {
            const warta_word *w = &s->words[i];
            if (t < w->token || t >= w->token + w->n_tokens)
                continue;
            int32_t h = w->head;
            bool outside = h < 0 || s->words[h].token != w->token;
            int32_t head_token = h < 0 ? WARTA_HEAD_ROOT
                                       : (int32_t)s->words[h].token;
            found = outside && w->upos == tok->upos &&
                    strcmp(w->deprel, tok->deprel) == 0 &&
                    head_token == tok->head;
        }
        if (!found)
            fail_msg("token %zu \"%.*s\" has no head word", t,
                     (int)tok->text.n, tok->text.p);
    }
}

static void parse_stage_with_a_model(void **state)
{
    (void)state;
    warta_model *m = train_tiny("en");
    assert_int_equal(warta_use_model(test_ctx, NULL, m), WARTA_OK);
    warta_doc *d = process_full("They don't want war, the minister said in "
                                "Jakarta.", NULL, "en", WARTA_STAGE_PARSE);
    const warta_sentence *s = warta_doc_sentence(d, 0);
    assert_null(words_tree_problem(s));
    check_tokens(s);
    for (size_t i = 0; i < s->n_words; i++) {
        assert_true(s->words[i].upos > WARTA_UPOS_NONE);
        assert_true(s->words[i].deprel[0] != '\0');
    }
    warta_doc_free(d);
    /* forgotten, the language is not parsed any more */
    assert_int_equal(warta_use_model(test_ctx, "en", NULL), WARTA_OK);
    d = process_full("They left.", NULL, "en", WARTA_STAGE_PARSE);
    assert_int_equal(warta_doc_sentence(d, 0)->words[0].head, WARTA_HEAD_NONE);
    warta_doc_free(d);
    warta_model_free(m);
}

/* A word of news the treebank barely has takes the part of speech its
** pack gives it (words.tsv "tag"): an unseen "alongside" or "amid" read as
** an adverb or a noun, or "fought" as a noun, takes the parse of the
** sentence with it. */
static void pack_tags_words_the_treebank_lacks(void **state)
{
    (void)state;
    warta_model *m = model_for("en");
    assert_int_equal(warta_use_model(test_ctx, NULL, m), WARTA_OK);
    warta_doc *d = process_full("US troops fought alongside Kurdish forces. The talks "
                                "collapsed amid growing tensions.", NULL, "en",
                                WARTA_STAGE_PARSE);
    const char *want[] = {"alongside", "amid", "fought"};
    const warta_upos upos[] = {WARTA_UPOS_ADP, WARTA_UPOS_ADP, WARTA_UPOS_VERB};
    size_t seen = 0;
    for (size_t k = 0; k < warta_doc_n_sentences(d); k++) {
        const warta_sentence *s = warta_doc_sentence(d, k);
        for (size_t i = 0; i < s->n_words; i++)
            for (size_t j = 0; j < ARRAY_LEN(want); j++)
                if (s->words[i].form.n == strlen(want[j]) &&
                    memcmp(s->words[i].form.p, want[j], s->words[i].form.n) == 0) {
                    assert_int_equal(s->words[i].upos, upos[j]);
                    seen++;
                }
    }
    assert_int_equal(seen, 3);
    warta_doc_free(d);
    assert_int_equal(warta_use_model(test_ctx, "en", NULL), WARTA_OK);
    warta_model_free(m);
}

/* ---- trees ------------------------------------------------------------------- */

static size_t n_checked;

static void gold_words_make_a_tree(const warta_model *m, const conllu_sent *s,
                                   const char *where)
{
    static syn_word w[4096];
    static int32_t heads[4096];
    if (s->n_words > ARRAY_LEN(w))
        fail_msg("%s: sentence too long for the test", where);
    for (uint32_t k = 0; k < s->n_words; k++)
        syn_word_init(&w[k], s->words[k].form, strlen(s->words[k].form));
    syn_model_analyse(&m->syn, w, s->n_words);
    for (uint32_t k = 0; k < s->n_words; k++)
        heads[k] = w[k].head;
    const char *why = tree_problem(heads, s->n_words);
    if (why)
        fail_msg("%s, sentence %s (line %zu): %s", where, s->id ? s->id : "?",
                 s->line, why);
    n_checked++;
}

/* Parse text in lang through the pipeline: every sentence a tree. */
static void text_makes_trees(const char *text, size_t n, const char *lang,
                             const char *where)
{
    warta_doc *d;
    if (warta_doc_new(test_ctx, text, n, NULL, &d) != WARTA_OK)
        return;                             /* not UTF-8: not a text */
    assert_int_equal(warta_doc_process(test_ctx, d, WARTA_STAGE_PARSE, lang),
                     WARTA_OK);
    for (size_t i = 0; i < warta_doc_n_sentences(d); i++) {
        const warta_sentence *s = warta_doc_sentence(d, i);
        const char *why = words_tree_problem(s);
        if (why)
            fail_msg("%s, sentence %zu: %s", where, i, why);
        check_tokens(s);
        n_checked++;
    }
    warta_doc_free(d);
}

static void treebank_makes_trees(const warta_model *m, const char *path)
{
    treebank tb;
    conllu_init(&tb, test_ctx);
    warta_status rc = conllu_read(test_ctx, path, &tb);
    assert_true(rc == WARTA_OK || rc == WARTA_EPARSE);
    for (size_t i = 0; i < tb.n_sents; i++) {
        gold_words_make_a_tree(m, &tb.sents[i], path);
        if (tb.sents[i].text)
            text_makes_trees(tb.sents[i].text, strlen(tb.sents[i].text),
                             warta_model_lang(m), path);
    }
    conllu_free(&tb);
}

static void trees_on_the_test_sets(void **state)
{
    (void)state;
    const char *shared = getenv("WARTA_SHARED");
    char path[512];
    snprintf(path, sizeof path, "%s/ud/en_ewt-ud-test.conllu",
             shared ? shared : "../shared");
    if (access(path, R_OK) != 0) {
        fprintf(stderr, "(skipped: no %s)\n", path);
        skip();
    }
    static const char *const sets[][2] = {
        {"en", "en_ewt-ud-test.conllu"},
        {"id", "id_gsd-ud-test.conllu"},
        {"id", "id_csui-ud-test.conllu"},
    };
    for (size_t i = 0; i < ARRAY_LEN(sets); i++) {
        warta_model *m = model_for(sets[i][0]);
        assert_int_equal(warta_use_model(test_ctx, NULL, m), WARTA_OK);
        snprintf(path, sizeof path, "%s/ud/%s", shared ? shared : "../shared",
                 sets[i][1]);
        n_checked = 0;
        treebank_makes_trees(m, path);
        assert_true(n_checked > 700);       /* each set, gold and own */
        assert_int_equal(warta_use_model(test_ctx, sets[i][0], NULL), WARTA_OK);
        warta_model_free(m);
    }
}

/* UPOS right when tagging the treebank's words, with the second pass
** reading every word or only those the first was unsure of. */
static size_t upos_right(const warta_model *m, const treebank *tb, bool every_word)
{
    static syn_word w[4096];
    size_t right = 0;
    for (size_t i = 0; i < tb->n_sents; i++) {
        const conllu_sent *s = &tb->sents[i];
        if (s->n_words > ARRAY_LEN(w))
            continue;
        for (uint32_t k = 0; k < s->n_words; k++)
            syn_word_init(&w[k], s->words[k].form, strlen(s->words[k].form));
        tagger_tag(&m->syn.tagger, w, s->n_words, every_word);
        for (uint32_t k = 0; k < s->n_words; k++) {
            const char *tag = m->syn.tags.names[w[k].tag];
            size_t n = strcspn(tag, "|");
            right += strlen(s->words[k].upos) == n && memcmp(tag, s->words[k].upos, n) == 0;
        }
    }
    return right;
}

/* The second look only where the first pass was unsure tags as well as
** reading every word again (EWT dev, which tuned it). */
static void second_look_tags_as_well(void **state)
{
    (void)state;
    const char *shared = getenv("WARTA_SHARED");
    char path[512];
    snprintf(path, sizeof path, "%s/ud/en_ewt-ud-dev.conllu", shared ? shared : "../shared");
    if (access(path, R_OK) != 0) {
        fprintf(stderr, "(skipped: no %s)\n", path);
        skip();
    }
    warta_model *m = model_for("en");
    treebank tb;
    conllu_init(&tb, test_ctx);
    assert_int_equal(conllu_read(test_ctx, path, &tb), WARTA_OK);
    size_t every = upos_right(m, &tb, true), unsure = upos_right(m, &tb, false);
    assert_true(tb.n_words > 20000 && every > tb.n_words * 9 / 10);
    assert_true(unsure * 1000 >= every * 999);     /* within 0.1% */
    conllu_free(&tb);
    warta_model_free(m);
}

/* Every file of a fuzz corpus, as CoNLL-U and as text in each language. */
static void trees_on_the_fuzz_corpora(void **state)
{
    (void)state;
    warta_model *en = model_for("en"), *id = model_for("id");
    assert_int_equal(warta_use_model(test_ctx, NULL, en), WARTA_OK);
    assert_int_equal(warta_use_model(test_ctx, NULL, id), WARTA_OK);
    static const char *const corpora[] = {"fuzz/corpus/fuzz_conllu",
                                          "fuzz/corpus/fuzz_split"};
    size_t files = 0;
    n_checked = 0;
    for (size_t c = 0; c < ARRAY_LEN(corpora); c++) {
        DIR *dh = opendir(corpora[c]);
        assert_non_null(dh);
        struct dirent *de;
        while ((de = readdir(dh))) {
            if (de->d_name[0] == '.')
                continue;
            char path[512];
            snprintf(path, sizeof path, "%s/%s", corpora[c], de->d_name);
            treebank_makes_trees(en, path);
            size_t n;
            char *text = read_bytes(path, &n);
            text_makes_trees(text, n, "en", path);
            text_makes_trees(text, n, "id", path);
            free(text);
            files++;
        }
        closedir(dh);
    }
    assert_true(files >= 8);
    assert_true(n_checked > files);
    warta_use_model(test_ctx, "en", NULL);
    warta_use_model(test_ctx, "id", NULL);
    warta_model_free(en);
    warta_model_free(id);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(conllu_skips_a_malformed_sentence),
        cmocka_unit_test(conllu_counts_lines_after_a_bad_sentence),
        cmocka_unit_test(conllu_names_the_file),
        cmocka_unit_test(model_round_trip),
        cmocka_unit_test(bad_model_files_are_refused),
        cmocka_unit_test(no_model_is_said_once),
        cmocka_unit_test(parse_stage_with_a_model),
        cmocka_unit_test(pack_tags_words_the_treebank_lacks),
        cmocka_unit_test(second_look_tags_as_well),
        cmocka_unit_test(trees_on_the_test_sets),
        cmocka_unit_test(trees_on_the_fuzz_corpora),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
