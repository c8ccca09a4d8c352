/*
** write_conllu.c -- a parsed sentence in CoNLL-U, the format of Universal
** Dependencies that every NLP tool reads: ten tab-separated columns per
** word, a range line before each multiword token.
*/
#include <stdio.h>
#include <string.h>

#include "syntax.h"

/* Text on a comment line: line breaks and tabs become spaces. */
static void one_line(jw *w, const char *s, size_t n)
{
    size_t from = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '\n' && s[i] != '\r' && s[i] != '\t')
            continue;
        jw_raw(w, s + from, i - from);
        if (i < n)
            jw_raw(w, " ", 1);
        from = i + 1;
    }
}

/* An id in a comment: no spaces. */
static void id_text(jw *w, const char *s)
{
    for (; *s; s++)
        jw_raw(w, *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ? "_" : s, 1);
}

/* Does word k end where the next word starts (no space between)? */
static bool no_space_after(const warta_sentence *s, size_t k)
{
    return k + 1 < s->n_words &&
           s->words[k].form.p + s->words[k].form.n == s->words[k + 1].form.p;
}

static void column(jw *w, const char *s)
{
    jw_raw(w, "\t", 1);
    jw_raw(w, s, strlen(s));
}

static void word_line(jw *w, const warta_sentence *s, size_t k, bool in_range)
{
    const warta_word *wd = &s->words[k];
    char feats[256];
    bool parsed = wd->head != WARTA_HEAD_NONE;
    jw_fmt(w, "%zu\t", k + 1);
    jw_raw(w, wd->form.p, wd->form.n);
    column(w, "_");
    column(w, parsed ? warta_upos_name((warta_upos)wd->upos) : "_");
    column(w, "_");
    column(w, parsed && feats_text(wd->feats, feats, sizeof feats) ? feats : "_");
    if (parsed)
        jw_fmt(w, "\t%ld", (long)(wd->head + 1));
    else
        column(w, "_");
    column(w, parsed ? wd->deprel : "_");
    column(w, "_");
    column(w, !in_range && no_space_after(s, k) ? "SpaceAfter=No" : "_");
    jw_raw(w, "\n", 1);
}

warta_status warta_write_conllu(warta_ctx *ctx, const warta_doc *doc,
                                size_t i, warta_buf *out)
{
    const warta_sentence *s = warta_doc_sentence(doc, i);
    if (!ctx || !s || !out)
        return WARTA_EINVAL;
    if (s->n_words == 0)
        return WARTA_OK;
    jw w = {.ctx = ctx, .b = out, .ok = true};
    const char *id = doc->meta.id ? doc->meta.id : "doc";
    if (i == 0) {
        jw_raw(&w, "# newdoc id = ", 14);
        id_text(&w, id);
        jw_raw(&w, "\n", 1);
    }
    jw_raw(&w, "# sent_id = ", 12);
    id_text(&w, id);
    jw_fmt(&w, "-%zu\n# text = ", i + 1);
    one_line(&w, s->text.p, s->text.n);
    jw_raw(&w, "\n", 1);
    for (size_t k = 0; k < s->n_words;) {
        size_t last = k;            /* a multiword token: k..last */
        while (last + 1 < s->n_words && s->words[last + 1].joined)
            last++;
        if (last > k) {
            const warta_word *a = &s->words[k], *b = &s->words[last];
            jw_fmt(&w, "%zu-%zu\t", k + 1, last + 1);
            jw_raw(&w, a->form.p, (size_t)(b->form.p + b->form.n - a->form.p));
            jw_raw(&w, "\t_\t_\t_\t_\t_\t_\t_", 14);
            column(&w, no_space_after(s, last) ? "SpaceAfter=No" : "_");
            jw_raw(&w, "\n", 1);
        }
        bool range = last > k;
        for (; k <= last; k++)
            word_line(&w, s, k, range);
    }
    jw_raw(&w, "\n", 1);
    return w.ok ? WARTA_OK : ctx_error(ctx, WARTA_ENOMEM, "out of memory");
}
