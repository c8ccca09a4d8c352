/*
** syntax_helpers.h -- what the tests of the tagger and parser share: a
** model to parse with, and the test that a parse is a tree.  Included
** after helpers.h.
*/
#ifndef WARTA_TEST_SYNTAX_HELPERS_H
#define WARTA_TEST_SYNTAX_HELPERS_H

#include "syntax.h"

#define TINY_TREEBANK "tests/data/syntax/tiny-en.conllu"

/* A small model trained on the tiny treebank: enough to parse with, as a
** parse is a tree whatever the model knows.  Two epochs, gold tags. */
TEST_HELPER warta_model *train_tiny(const char *lang)
{
    const char *files[] = {TINY_TREEBANK};
    warta_train_opts o = {.lang = lang, .train = files, .n_train = 1,
                          .tagger_epochs = 2, .parser_epochs = 2, .folds = 1};
    warta_model *m = NULL;
    assert_int_equal(warta_model_train(test_ctx, &o, &m), WARTA_OK);
    return m;
}

/* The language's model `make models` built, else a tiny one trained here. */
TEST_HELPER warta_model *model_for(const char *lang)
{
    char path[256];
    snprintf(path, sizeof path, "data/models/%s.model", lang);
    warta_model *m = NULL;
    if (access(path, R_OK) == 0) {
        assert_int_equal(warta_model_load(test_ctx, path, &m), WARTA_OK);
        return m;
    }
    fprintf(stderr, "(no %s: a tiny model stands in)\n", path);
    return train_tiny(lang);
}

/* heads[i] of word i (1-based heads, 0 the root, as CoNLL-U writes them):
** is it a tree?  Exactly one word on the root, every head in range, and
** from every word the heads lead to the root.  NULL, or what is wrong. */
TEST_HELPER const char *tree_problem(const int32_t *heads, size_t n)
{
    size_t roots = 0;
    for (size_t i = 0; i < n; i++) {
        if (heads[i] < 0 || heads[i] > (int32_t)n)
            return "a head out of range";
        roots += heads[i] == 0;
    }
    if (n && roots != 1)
        return roots ? "more than one root" : "no root";
    for (size_t i = 0; i < n; i++) {
        int32_t at = (int32_t)i + 1;
        for (size_t steps = 0; at != 0; steps++) {
            if (steps > n)
                return "a cycle";
            at = heads[at - 1];
        }
    }
    return NULL;
}

/* The same for a sentence's words after WARTA_STAGE_PARSE. */
TEST_HELPER const char *words_tree_problem(const warta_sentence *s)
{
    static int32_t heads[4096];
    if (s->n_words > ARRAY_LEN(heads))
        return "sentence too long for the test";
    for (size_t i = 0; i < s->n_words; i++)
        heads[i] = s->words[i].head == WARTA_HEAD_ROOT ? 0
                   : s->words[i].head >= 0 ? s->words[i].head + 1 : -1;
    return tree_problem(heads, s->n_words);
}

#endif
