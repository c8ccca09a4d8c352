/*
** fuzz_conllu.c -- libFuzzer target: the CoNLL-U reader (src/conllu.c)
** on any bytes.  Every sentence it keeps must be well formed (heads and
** multiword tokens within its words), and when a model is at hand
** (data/models/en.model, from `make models`) its words must parse into a
** tree.
*/
#include "helpers.h"
#include "syntax.h"

static const syn_model *model(void)
{
    static warta_model *m;
    static bool tried;
    if (!tried) {
        tried = true;
        if (warta_model_load(fuzz_ctx(), "data/models/en.model", &m) != WARTA_OK)
            m = NULL;
    }
    return m ? &m->syn : NULL;
}

static void check(const conllu_sent *s, const syn_model *m)
{
    static syn_word w[4096];
    static int32_t heads[4096];
    for (uint32_t i = 0; i < s->n_words; i++)
        if (s->words[i].head < -1 || s->words[i].head > (int)s->n_words ||
            !s->words[i].form || !s->words[i].form[0])
            abort();
    for (uint32_t r = 0; r < s->n_ranges; r++)
        if (s->ranges[r].first > s->ranges[r].last ||
            s->ranges[r].last > s->n_words)
            abort();
    if (!m || s->n_words > sizeof w / sizeof *w)
        return;
    for (uint32_t i = 0; i < s->n_words; i++)
        syn_word_init(&w[i], s->words[i].form, strlen(s->words[i].form));
    syn_model_analyse(m, w, s->n_words);
    for (uint32_t i = 0; i < s->n_words; i++)
        heads[i] = w[i].head;
    fuzz_check_tree(heads, s->n_words);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    warta_ctx *ctx = fuzz_ctx();
    const syn_model *m = model();
    treebank tb;
    conllu_init(&tb, ctx);
    warta_status rc = conllu_read_mem(ctx, "fuzz.conllu", (const char *)data,
                                      size, &tb);
    if (rc != WARTA_OK && rc != WARTA_EPARSE)
        abort();
    for (size_t i = 0; i < tb.n_sents; i++)
        check(&tb.sents[i], m);
    conllu_free(&tb);
    return 0;
}
