/*
** parse_model.c -- the public face of a syntax model: loading, saving and
** training one (model.c and train.c do the work), and what its fine tags
** ("VERB|Tense=Past|VerbForm=Part|Voice=Pass") mean in warta.h's terms.
*/
#include <stdio.h>
#include <string.h>

#include "syntax.h"

warta_upos parse_upos(const char *name, size_t n)
{
    for (int u = 1; u < WARTA_N_UPOS; u++) {
        const char *s = warta_upos_name((warta_upos)u);
        if (strlen(s) == n && memcmp(s, name, n) == 0)
            return (warta_upos)u;
    }
    return WARTA_UPOS_NONE;
}

uint32_t parse_feats(const char *feats)
{
    uint32_t bits = 0;
    for (const char *f = feats; f && *f;) {
        size_t len = strcspn(f, "|");
        for (int k = 0; k < WARTA_N_FEATS; k++) {
            const char *name = warta_feat_name((warta_feat)k);
            if (strlen(name) == len && memcmp(name, f, len) == 0)
                bits |= 1u << k;
        }
        f += len + (f[len] == '|');
    }
    return bits;
}

size_t feats_text(uint32_t feats, char *buf, size_t cap)
{
    size_t n = 0;
    for (int k = 0; k < WARTA_N_FEATS; k++) {
        if (!(feats & (1u << k)))
            continue;
        const char *name = warta_feat_name((warta_feat)k);
        size_t len = strlen(name);
        if (n + len + 2 > cap)
            return 0;
        if (n)
            buf[n++] = '|';
        memcpy(buf + n, name, len);
        n += len;
    }
    if (cap)
        buf[n] = '\0';
    return n;
}

/* The tables of UPOS and features by fine tag. */
static warta_status read_tags(warta_model *m)
{
    warta_ctx *ctx = m->syn.ctx;
    uint32_t n = m->syn.tags.n;
    m->tag_upos = ctx_alloc(ctx, n ? n : 1);
    m->tag_feats = ctx_alloc(ctx, (n ? n : 1) * sizeof *m->tag_feats);
    if (!m->tag_upos || !m->tag_feats)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory");
    for (uint32_t t = 0; t < n; t++) {
        const char *name = m->syn.tags.names[t];
        size_t len = strcspn(name, "|");
        m->tag_upos[t] = (uint8_t)parse_upos(name, len);
        m->tag_feats[t] = name[len] ? parse_feats(name + len + 1) : 0;
    }
    return WARTA_OK;
}

static warta_model *model_new(warta_ctx *ctx)
{
    warta_model *m = ctx_alloc(ctx, sizeof *m);
    if (m)
        memset(m, 0, sizeof *m);
    return m;
}

void warta_model_free(warta_model *m)
{
    if (!m || !m->syn.ctx)
        return;
    warta_ctx *ctx = m->syn.ctx;
    uint32_t n = m->syn.tags.n ? m->syn.tags.n : 1;
    ctx_free(ctx, m->tag_upos, n);
    ctx_free(ctx, m->tag_feats, n * sizeof *m->tag_feats);
    syn_model_free(&m->syn);
    ctx_free(ctx, m, sizeof *m);
}

/* A loaded or trained syn_model made public.  model.c and train.c leave
** an empty syn_model when they fail. */
static warta_status finish(warta_ctx *ctx, warta_model *m, warta_status rc,
                           warta_model **out)
{
    if (rc != WARTA_OK) {
        ctx_free(ctx, m, sizeof *m);
        return rc;
    }
    if ((rc = read_tags(m)) != WARTA_OK) {
        warta_model_free(m);
        return rc;
    }
    *out = m;
    return WARTA_OK;
}

warta_status warta_model_load(warta_ctx *ctx, const char *path,
                              warta_model **out)
{
    if (!ctx || !path || !out)
        return WARTA_EINVAL;
    *out = NULL;
    warta_model *m = model_new(ctx);
    if (!m)
        return ctx_error(ctx, WARTA_ENOMEM, "%s: out of memory", path);
    return finish(ctx, m, syn_model_load(&m->syn, ctx, path), out);
}

const char *warta_model_lang(const warta_model *m)
{
    return m ? m->syn.lang : "";
}

warta_status warta_model_save(const warta_model *m, const char *path)
{
    if (!m || !path)
        return WARTA_EINVAL;
    return syn_model_save(&m->syn, path);
}

/* Score the dev file and report it through the log. */
static void report_dev(warta_ctx *ctx, const warta_model *m, const char *dev)
{
    warta_parse_eval ev;
    memset(&ev, 0, sizeof ev);
    warta_status rc = warta_model_eval(ctx, m, dev, &ev);
    const warta_parse_counts *g = &ev.gold_tokens;
    if (rc != WARTA_OK && rc != WARTA_EPARSE) {
        ctx_log(ctx, WARTA_LOG_WARN, "%s", warta_errmsg(ctx));
        return;
    }
    double n = g->gold_words ? (double)g->gold_words : 1;
    ctx_log(ctx, WARTA_LOG_INFO, "%s: UPOS %.2f%%, UAS %.2f%%, LAS %.2f%% "
            "(%zu words, gold tokens)", dev, 100 * (double)g->upos / n,
            100 * (double)g->heads / n, 100 * (double)g->arcs / n,
            g->gold_words);
}

warta_status warta_model_train(warta_ctx *ctx, const warta_train_opts *o,
                               warta_model **out)
{
    if (!ctx || !o || !out || !o->lang || o->n_train == 0)
        return WARTA_EINVAL;
    *out = NULL;
    if (o->tagger_epochs < 0 || o->parser_epochs < 0 || o->folds < 0)
        return ctx_error(ctx, WARTA_EINVAL, "epochs and folds cannot be "
                         "negative");
    train_opts t = {
        .lang = o->lang, .train = o->train, .n_train = o->n_train,
        .dev = o->dev,
        .tagger_epochs = o->tagger_epochs ? o->tagger_epochs
                                          : WARTA_TRAIN_TAGGER_EPOCHS,
        .parser_epochs = o->parser_epochs ? o->parser_epochs
                                          : WARTA_TRAIN_PARSER_EPOCHS,
        .folds = o->folds ? o->folds : WARTA_TRAIN_FOLDS,
        .seed = o->seed,
    };
    warta_model *m = model_new(ctx);
    if (!m)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory");
    warta_status rc = finish(ctx, m, syn_train(ctx, &t, &m->syn), out);
    if (rc == WARTA_OK && o->dev)
        report_dev(ctx, *out, o->dev);
    return rc;
}
