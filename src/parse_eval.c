/*
** parse_eval.c -- how a model does on a treebank: UPOS, features, UAS and
** LAS, overall and per relation, punctuation included.
**
** Twice per sentence: on the treebank's own words ("gold tokens"), and on
** the words warta makes of the sentence's "# text" (tokens, stems, the
** cut into words, warta's own sentence split).  The second is aligned as
** the CoNLL 2018 shared task aligns: a system word and a gold word match
** when they cover the same characters, spaces not counted; a multiword
** token whose words do not spell it ("del" = de + el) gives each word its
** whole span, and such words match by their form.  Relations are compared
** whole ("obl:agent" is not "obl").
*/
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "syntax.h"

static warta_parse_rel *rel_of(warta_parse_eval *ev, const char *deprel)
{
    for (size_t i = 0; i < ev->n_rels; i++)
        if (strcmp(ev->rels[i].deprel, deprel) == 0)
            return &ev->rels[i];
    if (ev->n_rels == WARTA_MAX_RELS ||
        strlen(deprel) >= sizeof ev->rels[0].deprel)
        return NULL;
    warta_parse_rel *r = &ev->rels[ev->n_rels++];
    memset(r, 0, sizeof *r);
    strcpy(r->deprel, deprel);
    return r;
}

/* ---- on gold tokens -------------------------------------------------------- */

static warta_status score_gold_tokens(const warta_model *m, const conllu_sent *s,
                                      syn_word *w, warta_parse_eval *ev)
{
    for (uint32_t k = 0; k < s->n_words; k++)
        syn_word_init(&w[k], s->words[k].form, strlen(s->words[k].form));
    syn_model_analyse(&m->syn, w, s->n_words);
    warta_parse_counts *c = &ev->gold_tokens;
    for (uint32_t k = 0; k < s->n_words; k++) {
        const conllu_word *g = &s->words[k];
        const char *label = m->syn.labels.names[w[k].label];
        bool head = w[k].head == g->head;
        bool arc = head && strcmp(label, g->deprel) == 0;
        c->gold_words++;
        c->system_words++;
        c->aligned++;
        c->upos += m->tag_upos[w[k].tag] == parse_upos(g->upos, strlen(g->upos));
        c->feats += m->tag_feats[w[k].tag] == parse_feats(g->feats);
        c->heads += head;
        c->arcs += arc;
        warta_parse_rel *gr = rel_of(ev, g->deprel), *sr = rel_of(ev, label);
        if (gr) {
            gr->gold++;
            gr->own_gold++;
            gr->right += arc;
        }
        if (sr)
            sr->system++;
    }
    return WARTA_OK;
}

/* ---- on warta's own tokens ------------------------------------------------- */

/* A word's characters, spaces not counted: [from, to). */
typedef struct span {
    size_t from, to;
} span;

typedef struct sys_word {
    span sp;
    const warta_word *w;
    size_t sentence_base;           /* index of its sentence's first word */
    long gold;                      /* aligned gold word, or -1 */
} sys_word;

/* The gold words' spans; false when the words do not spell the text. */
static bool gold_spans(const conllu_sent *s, size_t *nonspace, span *out)
{
    size_t at = 0;                  /* characters so far */
    uint32_t r = 0;
    for (uint32_t i = 0; i < s->n_words;) {
        const conllu_range *rg = r < s->n_ranges && s->ranges[r].first == i + 1
                                     ? &s->ranges[r++] : NULL;
        uint32_t last = rg ? rg->last : i + 1;
        size_t from = at, spelled = 0;
        for (uint32_t k = i; k < last; k++) {
            size_t len = 0;
            for (const char *p = s->words[k].form; *p; p++)
                len += !isspace((unsigned char)*p);
            out[k] = (span){from + spelled, from + spelled + len};
            spelled += len;
        }
        size_t len = spelled;
        if (rg) {
            len = 0;
            for (const char *p = rg->form; *p; p++)
                len += !isspace((unsigned char)*p);
            for (uint32_t k = i; len != spelled && k < last; k++)
                out[k] = (span){from, from + len};
        }
        at += len;
        i = last;
    }
    return at == *nonspace;
}

static bool same_form(const char *a, warta_slice b)
{
    size_t i = 0;
    for (; i < b.n && a[i]; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b.p[i]))
            return false;
    return i == b.n && !a[i];
}

/* Align system words to gold words with the same span (both in order). */
static void align(const conllu_sent *s, const span *gs, sys_word *sw,
                  size_t n_sys, long *gold_to_sys)
{
    for (uint32_t g = 0; g < s->n_words; g++)
        gold_to_sys[g] = -1;
    uint32_t g0 = 0;
    for (size_t i = 0; i < n_sys; i++) {
        sw[i].gold = -1;
        while (g0 < s->n_words && gs[g0].from < sw[i].sp.from)
            g0++;
        long pick = -1;
        for (uint32_t g = g0; g < s->n_words && gs[g].from == sw[i].sp.from; g++) {
            if (gs[g].to != sw[i].sp.to || gold_to_sys[g] >= 0)
                continue;
            bool shared = (g > 0 && gs[g - 1].from == gs[g].from &&
                           gs[g - 1].to == gs[g].to) ||
                          (g + 1 < s->n_words && gs[g + 1].from == gs[g].from &&
                           gs[g + 1].to == gs[g].to);
            if (!shared || same_form(s->words[g].form, sw[i].w->form)) {
                pick = g;
                break;
            }
        }
        if (pick >= 0) {
            sw[i].gold = pick;
            gold_to_sys[pick] = (long)i;
        }
    }
}

/* The characters before each byte of the text, spaces not counted. */
static void count_nonspace(const char *text, size_t n, size_t *nonspace)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        nonspace[i] = k;
        k += !isspace((unsigned char)text[i]);
    }
    nonspace[n] = k;
}

/* The system words of the document and their spans in the text. */
static size_t system_words(const warta_doc *doc, const size_t *nonspace,
                           size_t n_text, sys_word *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->n_sents; i++) {
        const warta_sentence *s = &doc->sents[i];
        if (s->kind == WARTA_KIND_TITLE)
            continue;
        size_t base = n;
        for (size_t k = 0; k < s->n_words && n < cap; k++) {
            const warta_word *w = &s->words[k];
            const warta_token *t = &s->tokens[w->token];
            const warta_token *last = t + w->n_tokens - 1;
            size_t off = (size_t)(w->form.p - t->text.p);
            size_t from = t->start, to = last->end;
            if (to - from == (size_t)(last->text.p + last->text.n - t->text.p)) {
                from += off;                /* cleaning left it alone */
                to = from + w->form.n;
            }
            from = from < n_text ? from : n_text;
            to = to < n_text ? to : n_text;
            out[n++] = (sys_word){{nonspace[from], nonspace[to]}, w, base, -1};
        }
    }
    return n;
}

static bool head_right(const conllu_sent *s, const sys_word *sw,
                       const long *gold_to_sys, size_t i)
{
    int g_head = s->words[sw[i].gold].head;
    int32_t h = sw[i].w->head;
    if (g_head == 0 || h < 0)
        return g_head == 0 && h == WARTA_HEAD_ROOT;
    return gold_to_sys[g_head - 1] == (long)(sw[i].sentence_base + (size_t)h);
}

typedef struct own_buffers {
    size_t *nonspace;
    span *gold;
    long *gold_to_sys;
    sys_word *sys;
    size_t cap_text, cap_gold, cap_gold_to_sys, cap_sys;
} own_buffers;

static bool reserve(warta_ctx *ctx, void **p, size_t *cap, size_t need,
                    size_t size)
{
    if (need <= *cap)
        return true;
    void *q = ctx_realloc(ctx, *p, *cap * size, need * size);
    if (!q)
        return false;
    *p = q;
    *cap = need;
    return true;
}

static warta_status score_own_tokens(warta_ctx *ctx, const warta_model *m,
                                     const conllu_sent *s, own_buffers *b,
                                     warta_parse_eval *ev)
{
    size_t n_text = strlen(s->text);
    warta_doc *doc;
    warta_status rc = warta_doc_new(ctx, s->text, n_text, NULL, &doc);
    if (rc != WARTA_OK)
        return rc;
    rc = warta_doc_process(ctx, doc, WARTA_STAGE_STEMS, m->syn.lang);
    for (size_t i = 0; rc == WARTA_OK && i < doc->n_sents; i++)
        rc = parse_sentence(ctx, doc, &doc->sents[i], m, NULL);
    size_t n_sys = 0;
    for (size_t i = 0; rc == WARTA_OK && i < doc->n_sents; i++)
        n_sys += doc->sents[i].n_words;
    if (rc == WARTA_OK &&
        (!reserve(ctx, (void **)&b->nonspace, &b->cap_text, n_text + 1,
                  sizeof *b->nonspace) ||
         !reserve(ctx, (void **)&b->gold, &b->cap_gold, s->n_words,
                  sizeof *b->gold) ||
         !reserve(ctx, (void **)&b->gold_to_sys, &b->cap_gold_to_sys,
                  s->n_words, sizeof *b->gold_to_sys) ||
         !reserve(ctx, (void **)&b->sys, &b->cap_sys, n_sys + 1,
                  sizeof *b->sys)))
        rc = ctx_error(ctx, WARTA_ENOMEM, "out of memory");
    if (rc != WARTA_OK) {
        warta_doc_free(doc);
        return rc;
    }
    count_nonspace(s->text, n_text, b->nonspace);
    n_sys = system_words(doc, b->nonspace, n_text, b->sys, n_sys);
    warta_parse_counts *c = &ev->own_tokens;
    c->gold_words += s->n_words;
    c->system_words += n_sys;
    if (gold_spans(s, &b->nonspace[n_text], b->gold))
        align(s, b->gold, b->sys, n_sys, b->gold_to_sys);
    else
        ev->misspelled++;           /* nothing aligns */
    for (size_t i = 0; i < n_sys; i++) {
        const warta_word *w = b->sys[i].w;
        warta_parse_rel *sr = w->deprel[0] ? rel_of(ev, w->deprel) : NULL;
        if (sr)
            sr->own_system++;
        if (b->sys[i].gold < 0)
            continue;
        const conllu_word *g = &s->words[b->sys[i].gold];
        bool head = head_right(s, b->sys, b->gold_to_sys, i);
        bool arc = head && strcmp(w->deprel, g->deprel) == 0;
        c->aligned++;
        c->upos += w->upos == parse_upos(g->upos, strlen(g->upos));
        c->feats += w->feats == parse_feats(g->feats);
        c->heads += head;
        c->arcs += arc;
        warta_parse_rel *gr = rel_of(ev, g->deprel);
        if (gr)
            gr->own_right += arc;
    }
    warta_doc_free(doc);
    return WARTA_OK;
}

warta_status warta_model_eval(warta_ctx *ctx, const warta_model *m,
                              const char *path, warta_parse_eval *ev)
{
    if (!ctx || !m || !path || !ev)
        return WARTA_EINVAL;
    treebank tb;
    conllu_init(&tb, ctx);
    warta_status read = conllu_read(ctx, path, &tb), rc = read;
    char msg[sizeof ctx->errmsg];
    snprintf(msg, sizeof msg, "%s", warta_errmsg(ctx));
    if (read == WARTA_EPARSE)
        rc = WARTA_OK;              /* reported; the rest is scored */
    own_buffers b = {0};
    size_t cap_words = 0;
    syn_word *w = NULL;
    for (size_t i = 0; rc == WARTA_OK && i < tb.n_sents; i++) {
        const conllu_sent *s = &tb.sents[i];
        if (s->n_words == 0)
            continue;
        if (!reserve(ctx, (void **)&w, &cap_words, s->n_words, sizeof *w)) {
            rc = ctx_error(ctx, WARTA_ENOMEM, "out of memory");
            break;
        }
        ev->sentences++;
        rc = score_gold_tokens(m, s, w, ev);
        if (rc == WARTA_OK && s->text)
            rc = score_own_tokens(ctx, m, s, &b, ev);
    }
    ev->skipped += tb.n_bad;
    ctx_free(ctx, w, cap_words * sizeof *w);
    ctx_free(ctx, b.nonspace, b.cap_text * sizeof *b.nonspace);
    ctx_free(ctx, b.gold, b.cap_gold * sizeof *b.gold);
    ctx_free(ctx, b.gold_to_sys, b.cap_gold_to_sys * sizeof *b.gold_to_sys);
    ctx_free(ctx, b.sys, b.cap_sys * sizeof *b.sys);
    conllu_free(&tb);
    if (rc == WARTA_OK && read != WARTA_OK) {
        snprintf(ctx->errmsg, sizeof ctx->errmsg, "%s", msg);
        return read;
    }
    return rc;
}
