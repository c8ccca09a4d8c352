/*
** parse.c -- stage 6: the words of Universal Dependencies, their tags and
** their dependencies.
**
** Each sentence's tokens are cut into UD words (words.c); when the context
** has a model for the sentence's language (warta_use_model), the words are
** tagged and parsed with it (model.c) and each token takes the tag,
** features, head and relation of its head word: the one whose head lies
** outside the token.  A language without a model keeps its words
** untagged, and the context says so once.
** Reads sentence->tokens and their stems; hands on: sentence->words and
** token->upos, feats, head, deprel.
*/
#include <string.h>

#include "syntax.h"

#define MAX_MODELS 16               /* languages a context parses */
#define MAX_TOLD 16                 /* languages it said it cannot */

struct parse_state {
    struct {
        char lang[4];
        const warta_model *model;
    } use[MAX_MODELS];
    size_t n_use;
    char told[MAX_TOLD][4];         /* "no model for ..." said */
    size_t n_told;
    word_cuts cuts;                 /* the sentence's words, as cut */
    syn_word *words;                /* ... as the model reads them */
    size_t cap_words;
};

static parse_state *state_get(warta_ctx *ctx)
{
    if (!ctx->parse && (ctx->parse = ctx_alloc(ctx, sizeof *ctx->parse)))
        memset(ctx->parse, 0, sizeof *ctx->parse);
    return ctx->parse;
}

void parse_close(warta_ctx *ctx)
{
    parse_state *ps = ctx->parse;
    if (!ps)
        return;
    ctx_free(ctx, ps->cuts.items, ps->cuts.cap * sizeof *ps->cuts.items);
    ctx_free(ctx, ps->words, ps->cap_words * sizeof *ps->words);
    ctx_free(ctx, ps, sizeof *ps);
    ctx->parse = NULL;
}

warta_status warta_use_model(warta_ctx *ctx, const char *lang,
                             const warta_model *model)
{
    if (!ctx || (!lang && !model))
        return WARTA_EINVAL;
    char code[4];
    lang_set_code(code, lang ? lang : model->syn.lang);
    parse_state *ps = state_get(ctx);
    if (!ps)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory");
    size_t i = 0;
    while (i < ps->n_use && strcmp(ps->use[i].lang, code) != 0)
        i++;
    if (!model) {                   /* forget it */
        if (i < ps->n_use)
            ps->use[i] = ps->use[--ps->n_use];
        return WARTA_OK;
    }
    if (i == ps->n_use) {
        if (i == MAX_MODELS)
            return ctx_error(ctx, WARTA_EINVAL, "at most %d languages' models "
                             "in a context", MAX_MODELS);
        ps->n_use++;
    }
    memcpy(ps->use[i].lang, code, sizeof code);
    ps->use[i].model = model;
    return WARTA_OK;
}

/* The model given for a language, or NULL. */
static const warta_model *model_given(const parse_state *ps, const char *lang)
{
    for (size_t i = 0; i < ps->n_use; i++)
        if (strcmp(ps->use[i].lang, lang) == 0)
            return ps->use[i].model;
    return NULL;
}

/* The model for a language, or NULL (said once per language). */
static const warta_model *model_for(warta_ctx *ctx, parse_state *ps,
                                    const char *lang)
{
    const warta_model *m = model_given(ps, lang);
    if (m)
        return m;
    for (size_t i = 0; i < ps->n_told; i++)
        if (strcmp(ps->told[i], lang) == 0)
            return NULL;
    if (ps->n_told < MAX_TOLD)
        memcpy(ps->told[ps->n_told++], lang, 4);
    ctx_log(ctx, WARTA_LOG_WARN, "no syntax model for language '%s': its "
            "sentences are not parsed", lang);
    return NULL;
}

static bool grow_words(warta_ctx *ctx, parse_state *ps, size_t n)
{
    if (n <= ps->cap_words)
        return true;
    size_t cap = ps->cap_words ? ps->cap_words : 256;
    while (cap < n)
        cap *= 2;
    syn_word *p = ctx_realloc(ctx, ps->words, ps->cap_words * sizeof *p,
                              cap * sizeof *p);
    if (!p)
        return false;
    ps->words = p;
    ps->cap_words = cap;
    return true;
}

/* Tag and parse the words with the model. */
static void analyse(const warta_model *m, parse_state *ps, warta_word *out,
                    size_t n, const bool *nouns)
{
    syn_word *w = ps->words;
    for (size_t i = 0; i < n; i++) {
        syn_word_init(&w[i], out[i].form.p, out[i].form.n);
        /* the noun is the token's first word: "tersangka" of "tersangkanya" */
        w[i].noun = nouns && nouns[out[i].token] && (i == 0 || out[i - 1].token != out[i].token);
        w[i].pack_upos = words_pack_tag(m->syn.lang, out[i].form.p, out[i].form.n);
    }
    syn_model_analyse(&m->syn, w, n);
    for (size_t i = 0; i < n; i++) {
        out[i].upos = m->tag_upos[w[i].tag];
        out[i].feats = m->tag_feats[w[i].tag];
        out[i].head = w[i].head > 0 ? w[i].head - 1 : WARTA_HEAD_ROOT;
        out[i].deprel = m->syn.labels.names[w[i].label];
    }
}

/* Each token takes what its head word has: its first word whose head
** lies outside it (there is one: the heads lead out to the root).  The
** tokens of a word that spans several take the word's. */
static void tokens_from_words(warta_sentence *s, const warta_word *w,
                              size_t n)
{
    warta_token *toks = (warta_token *)s->tokens;
    for (size_t i = n; i-- > 0;) {
        bool inside = w[i].head >= 0 && w[w[i].head].token == w[i].token;
        if (inside)
            continue;
        for (size_t k = 0; k < w[i].n_tokens; k++) {
            warta_token *t = &toks[w[i].token + k];
            t->upos = w[i].upos;
            t->feats = w[i].feats;
            t->head = w[i].head >= 0 ? (int32_t)w[w[i].head].token
                                     : WARTA_HEAD_ROOT;
            t->deprel = w[i].deprel;
        }
    }
}

warta_status parse_sentence(warta_ctx *ctx, warta_doc *doc, warta_sentence *s,
                            const warta_model *model, const bool *nouns)
{
    parse_state *ps = state_get(ctx);
    if (!ps)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory in parse");
    ps->cuts.n = 0;
    /* the words the model learnt: Malay cut as Indonesian for its model */
    warta_status rc = words_cut(ctx, s, model ? model->syn.lang : s->lang,
                                &ps->cuts);
    if (rc != WARTA_OK)
        return rc;
    size_t n = ps->cuts.n;
    warta_word *w = arena_alloc(&doc->arena, (n + 1) * sizeof *w);
    if (!w || (model && !grow_words(ctx, ps, n)))
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory in parse");
    for (size_t i = 0; i < n; i++) {
        const word_cut *c = &ps->cuts.items[i];
        w[i] = (warta_word){.form = {s->tokens[c->token].text.p + c->off, c->len},
                            .token = c->token, .n_tokens = c->n_tokens,
                            .joined = c->joined, .head = WARTA_HEAD_NONE,
                            .deprel = ""};
    }
    if (model && n) {
        analyse(model, ps, w, n, nouns);
        tokens_from_words(s, w, n);
    }
    s->words = w;
    s->n_words = n;
    return WARTA_OK;
}

warta_status parse_if_model(warta_ctx *ctx, warta_doc *doc, warta_sentence *s,
                            const bool *nouns)
{
    parse_state *ps = state_get(ctx);
    if (!ps)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory in parse");
    const warta_model *m = model_given(ps, s->lang);
    return s->n_words || !m || !s->n_tokens ? WARTA_OK
                                             : parse_sentence(ctx, doc, s, m, nouns);
}

warta_status parse_doc(warta_ctx *ctx, warta_doc *doc)
{
    parse_state *ps = state_get(ctx);
    if (!ps)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory in parse");
    for (size_t i = 0; i < doc->n_sents; i++) {
        warta_sentence *s = &doc->sents[i];
        const warta_model *m = s->n_tokens ? model_for(ctx, ps, s->lang) : NULL;
        warta_status rc = parse_sentence(ctx, doc, s, m, NULL);
        if (rc != WARTA_OK)
            return rc;
    }
    return WARTA_OK;
}
