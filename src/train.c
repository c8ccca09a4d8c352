/*
** train.c -- a syntax model from UD treebanks, and its scores on one.
**
** The tagger is trained first.  The parser is then trained on tags the
** tagger gave, not on gold tags, so that it learns to live with the
** tagger's mistakes: each fold of the training sentences is tagged by a
** tagger trained on the other folds ("jackknifing").  Sentences are
** shuffled by a seeded generator, so the same files give the same model.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax.h"

/* The features of a fine tag: UPOS and those the coder and the parser use. */
static const char *const kept_features[] = {"Mood", "Polarity", "PronType",
                                            "Tense", "VerbForm", "Voice"};

/* "VERB|Tense=Past|VerbForm=Part|Voice=Pass" into buf; its length. */
static size_t fine_tag(const conllu_word *w, char *buf, size_t cap)
{
    size_t n = (size_t)snprintf(buf, cap, "%s", w->upos);
    const char *f = w->feats;
    while (f && *f && *f != '_' && n < cap) {
        const char *end = strchr(f, '|');
        size_t len = end ? (size_t)(end - f) : strlen(f);
        for (size_t k = 0; k < ARRAY_LEN(kept_features); k++) {
            size_t kl = strlen(kept_features[k]);
            if (len > kl && f[kl] == '=' && memcmp(f, kept_features[k], kl) == 0)
                n += (size_t)snprintf(buf + n, cap - n, "|%.*s", (int)len, f);
        }
        f = end ? end + 1 : NULL;
    }
    return n < cap ? n : cap - 1;
}

/* Weights smaller than this share of the largest are dropped. */
#define MIN_SHARE 0.02f

/* A treebank's sentences as arrays the tagger and parser learn from. */
typedef struct example {
    syn_word *words;
    uint16_t *tag, *label;
    uint16_t *first;                /* the tagger's first pass, jackknifed */
    uint16_t *jack_tag;             /* both passes, jackknifed: the parser's */
    int16_t *head;                  /* projective */
    uint32_t n;
} example;

typedef struct corpus {
    arena ar;
    example *ex;
    size_t n;
} corpus;

static warta_status corpus_make(syn_model *m, const treebank *tb, corpus *c)
{
    arena_init(&c->ar, m->ctx);
    c->n = 0;
    c->ex = arena_alloc(&c->ar, (tb->n_sents + 1) * sizeof *c->ex);
    if (!c->ex)
        return WARTA_ENOMEM;
    for (size_t i = 0; i < tb->n_sents; i++) {
        const conllu_sent *s = &tb->sents[i];
        uint32_t n = s->n_words;
        if (n == 0 || n > SYN_MAX_WORDS)
            continue;
        example *e = &c->ex[c->n];
        e->n = n;
        e->words = arena_alloc(&c->ar, n * sizeof *e->words);
        e->tag = arena_alloc(&c->ar, n * sizeof *e->tag);
        e->jack_tag = arena_alloc(&c->ar, n * sizeof *e->jack_tag);
        e->first = arena_alloc(&c->ar, n * sizeof *e->first);
        e->label = arena_alloc(&c->ar, n * sizeof *e->label);
        e->head = arena_alloc(&c->ar, n * sizeof *e->head);
        if (!e->words || !e->tag || !e->jack_tag || !e->first || !e->label ||
            !e->head)
            return WARTA_ENOMEM;
        bool ok = true;
        for (uint32_t k = 0; k < n; k++) {
            const conllu_word *w = &s->words[k];
            char buf[256];
            size_t len = fine_tag(w, buf, sizeof buf);
            uint32_t tag = name_set_add(m->ctx, &m->tags, buf, len);
            uint32_t label = name_set_add(m->ctx, &m->labels, w->deprel,
                                          strlen(w->deprel));
            if (tag == NO_INDEX || label == NO_INDEX)
                return WARTA_ENOMEM;
            memset(&e->words[k], 0, sizeof e->words[k]);
            e->words[k].form = w->form;
            e->words[k].n_form = (uint32_t)strlen(w->form);
            syn_word_prepare(&e->words[k]);
            e->tag[k] = e->jack_tag[k] = e->first[k] = (uint16_t)tag;
            e->label[k] = (uint16_t)label;
            e->head[k] = (int16_t)w->head;
            ok &= w->head >= 0;
        }
        if (ok) {
            parser_projectivize(e->head, n);
            c->n++;
        }
    }
    return WARTA_OK;
}

static void shuffle(size_t *order, size_t n, uint64_t *rng)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(syn_random(rng) % i);
        size_t t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
}

static bool in_fold(size_t i, int folds, int skip)
{
    return skip >= 0 && (int)(i % (size_t)folds) == skip;
}

/* The tagger's lexicon: each word seen at least LEXICON_MIN times in the
** training examples, with the tags it had at least 5% of the time; a word
** seen LEXICON_SURE times with one tag (but for one time in 200) has
** that tag and is not scored at all. */
#define LEXICON_MIN 3
#define LEXICON_SURE 20

static warta_status build_lexicon(tagger *t, warta_ctx *ctx, const corpus *c,
                                  int folds, int skip)
{
    lexicon index = {0};            /* word -> its row in counts, plus 1 */
    uint32_t *counts = NULL, n_tags = t->tags->n;
    uint64_t *words = NULL;
    size_t n_rows = 0, cap_rows = 0;
    warta_status rc = WARTA_OK;
    for (size_t i = 0; i < c->n && rc == WARTA_OK; i++) {
        if (in_fold(i, folds, skip))
            continue;
        const example *e = &c->ex[i];
        for (uint32_t k = 0; k < e->n && rc == WARTA_OK; k++) {
            uint64_t row = lexicon_get(&index, e->words[k].lower);
            if (!row) {
                if (n_rows == cap_rows) {
                    size_t cap = cap_rows ? cap_rows * 2 : 4096;
                    uint32_t *p = ctx_realloc(ctx, counts, cap_rows * n_tags * 4,
                                              cap * n_tags * 4);
                    uint64_t *w = p ? ctx_realloc(ctx, words, cap_rows * 8, cap * 8) : NULL;
                    if (p)
                        counts = p;
                    if (!w) {
                        rc = WARTA_ENOMEM;
                        break;
                    }
                    words = w;
                    cap_rows = cap;
                }
                memset(counts + n_rows * n_tags, 0, n_tags * 4);
                words[n_rows] = e->words[k].lower;
                row = ++n_rows;
                rc = lexicon_put(ctx, &index, e->words[k].lower, row);
            }
            counts[(row - 1) * n_tags + e->tag[k]]++;
        }
    }
    for (size_t r = 0; r < n_rows && rc == WARTA_OK; r++) {
        const uint32_t *row = counts + r * n_tags;
        uint32_t total = 0;
        for (uint32_t g = 0; g < n_tags; g++)
            total += row[g];
        if (total < LEXICON_MIN)
            continue;
        uint64_t set = 1;
        uint32_t top = 0;
        for (uint32_t g = 0; g < n_tags; g++) {
            if (row[g] * 20 >= total)
                set = feat_mix(set, g + 1);
            if (row[g] > row[top])
                top = g;
        }
        set &= ~LEXICON_SURE_BIT;
        if (total >= LEXICON_SURE && row[top] * 200 >= total * 199)
            set = LEXICON_SURE_BIT | top;
        rc = lexicon_put(ctx, &t->lex, words[r], set);
    }
    ctx_free(ctx, counts, cap_rows * n_tags * 4);
    ctx_free(ctx, words, cap_rows * 8);
    lexicon_free(ctx, &index);
    return rc;
}

/* Train one pass of t on the examples whose fold is not `skip` (-1:
** all); the second pass reads the first pass's tags from e->first. */
static warta_status train_pass(tagger *t, bool second, corpus *c,
                               size_t *order, int epochs, int folds, int skip,
                               uint64_t *rng)
{
    perceptron *w = second ? &t->second : &t->weights;
    warta_status rc = perceptron_init(w, c->ar.ctx, t->tags->n);
    for (int ep = 0; ep < epochs && rc == WARTA_OK; ep++) {
        size_t right = 0;
        shuffle(order, c->n, rng);
        for (size_t i = 0; i < c->n && rc == WARTA_OK; i++) {
            if (in_fold(order[i], folds, skip))
                continue;
            example *e = &c->ex[order[i]];
            for (uint32_t k = 0; second && k < e->n; k++)
                e->words[k].tag = e->first[k];
            rc = tagger_learn(t, second, e->words, e->tag, e->n, &right);
        }
    }
    return rc ? rc : perceptron_freeze(w, MIN_SHARE);
}

/* Tags for the parser (and the tagger's second pass) to learn from: each
** fold tagged by a tagger that has not seen it, first by the first pass
** alone, then by both. */
static warta_status jackknife(syn_model *m, corpus *c, size_t *order,
                              const train_opts *o, bool second, uint64_t *rng)
{
    warta_status rc = WARTA_OK;
    for (int k = 0; k < o->folds && rc == WARTA_OK; k++) {
        tagger t = {.tags = &m->tags};
        rc = build_lexicon(&t, m->ctx, c, o->folds, k);
        if (rc == WARTA_OK)
            rc = train_pass(&t, false, c, order, o->tagger_epochs, o->folds, k, rng);
        if (rc == WARTA_OK && second)
            rc = train_pass(&t, true, c, order, o->tagger_epochs, o->folds, k, rng);
        for (size_t i = (size_t)k; rc == WARTA_OK && i < c->n; i += (size_t)o->folds) {
            example *e = &c->ex[i];
            tagger_tag(&t, e->words, e->n, true);
            for (uint32_t w = 0; w < e->n; w++)
                (second ? e->jack_tag : e->first)[w] = e->words[w].tag;
        }
        perceptron_free(&t.weights);
        perceptron_free(&t.second);
        lexicon_free(m->ctx, &t.lex);
    }
    return rc;
}

/* The model's tagger, on every example: its first pass, then (when the
** first pass's tags have been jackknifed) its second. */
static warta_status train_tagger(syn_model *m, corpus *c, size_t *order,
                                 const train_opts *o, uint64_t *rng)
{
    warta_status rc = build_lexicon(&m->tagger, m->ctx, c, 1, -1);
    if (rc == WARTA_OK)
        rc = train_pass(&m->tagger, false, c, order, o->tagger_epochs, 1, -1, rng);
    /* without jackknifed first-pass tags the second pass is left empty */
    if (rc == WARTA_OK)
        rc = train_pass(&m->tagger, true, c, order,
                        o->folds > 1 ? o->tagger_epochs : 0, 1, -1, rng);
    return rc;
}

static warta_status train_parser(parser *p, corpus *c, size_t *order,
                                 int epochs, uint64_t *rng)
{
    for (int ep = 0; ep < epochs; ep++) {
        size_t right = 0, words = 0;
        shuffle(order, c->n, rng);
        for (size_t i = 0; i < c->n; i++) {
            example *e = &c->ex[order[i]];
            for (uint32_t w = 0; w < e->n; w++)
                e->words[w].tag = e->jack_tag[w];
            warta_status rc = parser_learn(p, e->words, e->head, e->label, e->n,
                                           ep == 0 ? 0.0f : 0.9f, rng, &right);
            if (rc)
                return rc;
            words += e->n;
        }
        ctx_log(p->weights.ctx, WARTA_LOG_INFO, "parser epoch %d: %.2f%% heads",
                ep + 1, 100.0 * (double)right / (double)(words ? words : 1));
    }
    return perceptron_freeze(&p->weights, MIN_SHARE);
}

warta_status syn_train(warta_ctx *ctx, const train_opts *o, syn_model *m)
{
    treebank tb;
    corpus c = {0};
    size_t *order = NULL, n_order = 0;
    uint64_t rng = o->seed ? o->seed : 0x5eed;
    warta_status rc = WARTA_OK;
    syn_model_init(m, ctx);
    snprintf(m->lang, sizeof m->lang, "%s", o->lang ? o->lang : "un");
    conllu_init(&tb, ctx);
    for (size_t i = 0; i < o->n_train && rc == WARTA_OK; i++) {
        rc = conllu_read(ctx, o->train[i], &tb);
        if (rc == WARTA_EPARSE)
            rc = WARTA_OK;          /* reported; the rest is used */
    }
    if (rc == WARTA_OK)
        rc = corpus_make(m, &tb, &c);
    if (rc == WARTA_OK && (m->tags.n > 1024 || m->labels.n > 256))
        rc = ctx_error(ctx, WARTA_EDATA, "too many tags or labels");
    n_order = c.n;
    if (rc == WARTA_OK && !(order = ctx_alloc(ctx, (n_order + 1) * sizeof *order)))
        rc = WARTA_ENOMEM;
    for (size_t i = 0; rc == WARTA_OK && i < n_order; i++)
        order[i] = i;
    if (rc == WARTA_OK && !syn_model_names_known(m))
        rc = ctx_error(ctx, WARTA_EDATA, "the treebank has no root or punct");
    if (rc == WARTA_OK && o->folds > 1)
        rc = jackknife(m, &c, order, o, false, &rng);
    if (rc == WARTA_OK && o->folds > 1)
        rc = jackknife(m, &c, order, o, true, &rng);
    if (rc == WARTA_OK)
        rc = train_tagger(m, &c, order, o, &rng);
    for (size_t i = 0; rc == WARTA_OK && i < c.n; i++)
        for (uint32_t k = 0; k < c.ex[i].n; k++)
            c.ex[i].words[k].amb = lexicon_get(&m->tagger.lex, c.ex[i].words[k].lower);
    if (rc == WARTA_OK)
        rc = perceptron_init(&m->parser.weights, ctx,
                             PARSER_CLASSES(m->labels.n));
    if (rc == WARTA_OK)
        rc = train_parser(&m->parser, &c, order, o->parser_epochs, &rng);
    ctx_free(ctx, order, (n_order + 1) * sizeof *order);
    arena_reset(&c.ar);
    conllu_free(&tb);
    if (rc != WARTA_OK)
        syn_model_free(m);
    return rc;
}

/* Is the UPOS part of tag name t equal to upos? */
static bool upos_is(const char *t, const char *upos)
{
    size_t n = strcspn(t, "|");
    return strlen(upos) == n && memcmp(t, upos, n) == 0;
}

warta_status syn_evaluate(syn_model *m, const treebank *tb, parse_score *out)
{
    syn_word words[SYN_MAX_WORDS];
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < tb->n_sents; i++) {
        const conllu_sent *s = &tb->sents[i];
        if (s->n_words == 0 || s->n_words > SYN_MAX_WORDS)
            continue;
        for (uint32_t k = 0; k < s->n_words; k++) {
            memset(&words[k], 0, sizeof words[k]);
            words[k].form = s->words[k].form;
            words[k].n_form = (uint32_t)strlen(s->words[k].form);
            syn_word_prepare(&words[k]);
        }
        syn_model_analyse(m, words, s->n_words);
        for (uint32_t k = 0; k < s->n_words; k++) {
            const conllu_word *g = &s->words[k];
            const char *tag = m->tags.names[words[k].tag];
            char buf[256];
            size_t len = fine_tag(g, buf, sizeof buf);
            out->words++;
            out->upos += upos_is(tag, g->upos);
            out->tags += strlen(tag) == len && memcmp(tag, buf, len) == 0;
            if (words[k].head == g->head) {
                out->heads++;
                out->arcs += strcmp(m->labels.names[words[k].label],
                                    g->deprel) == 0;
            }
        }
    }
    return WARTA_OK;
}
