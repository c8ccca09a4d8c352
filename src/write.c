/*
** write.c -- the last stage: results as JSON for machines.  Sentences,
** events and actors become one JSON object per line (jsonw.c appends it to
** the caller's buffer); export.c writes the other formats.
*/
#include <stdio.h>
#include <string.h>

#include "syntax.h"

/* upos, feats, head and deprel of a parsed token or word. */
static void write_syntax(jw *w, uint8_t upos, uint32_t feats, int32_t head,
                         const char *deprel)
{
    if (head == WARTA_HEAD_NONE)
        return;
    char buf[256];
    jw_cstr_member(w, "upos", warta_upos_name((warta_upos)upos));
    if (feats && feats_text(feats, buf, sizeof buf))
        jw_cstr_member(w, "feats", buf);
    jw_key(w, "head");
    jw_fmt(w, "%ld", (long)head);
    jw_cstr_member(w, "deprel", deprel);
}

static void write_token(jw *w, const warta_token *t)
{
    jw_open(w, '{');
    jw_str_member(w, "text", t->text.p, t->text.n);
    jw_uint_member(w, "start", t->start);
    jw_uint_member(w, "end", t->end);
    if (t->stem.n)
        jw_str_member(w, "stem", t->stem.p, t->stem.n);
    if (t->prefix)
        jw_cstr_member(w, "prefix", warta_prefix_name(t->prefix));
    if (t->suffix)
        jw_cstr_member(w, "suffix", warta_suffix_name(t->suffix));
    if (t->clitic)
        jw_cstr_member(w, "clitic", warta_clitic_name(t->clitic));
    write_syntax(w, t->upos, t->feats, t->head, t->deprel);
    jw_close(w, '}');
}

static void write_word(jw *w, const warta_word *wd)
{
    jw_open(w, '{');
    jw_str_member(w, "form", wd->form.p, wd->form.n);
    jw_uint_member(w, "token", wd->token);
    if (wd->joined) {
        jw_key(w, "joined");
        jw_raw(w, "true", 4);
    }
    write_syntax(w, wd->upos, wd->feats, wd->head, wd->deprel);
    jw_close(w, '}');
}

warta_status warta_write_sentence(warta_ctx *ctx, const warta_doc *doc,
                                  size_t i, unsigned flags, warta_buf *out)
{
    const warta_sentence *s = warta_doc_sentence(doc, i);
    if (!ctx || !s || !out)
        return WARTA_EINVAL;
    jw w = {.ctx = ctx, .b = out, .ok = true};
    jw_open(&w, '{');
    jw_cstr_member(&w, "doc", doc->meta.id);
    jw_uint_member(&w, "sentence", s->index);
    jw_cstr_member(&w, "lang", s->lang);
    jw_cstr_member(&w, "kind", warta_kind_name(s->kind));
    jw_uint_member(&w, "start", s->start);
    jw_uint_member(&w, "end", s->end);
    jw_str_member(&w, "text", s->text.p, s->text.n);
    if (flags & WARTA_WRITE_TOKENS) {
        jw_key(&w, "tokens");
        jw_open(&w, '[');
        for (size_t k = 0; k < s->n_tokens; k++) {
            if (k)
                jw_raw(&w, ",", 1);
            write_token(&w, &s->tokens[k]);
        }
        jw_close(&w, ']');
    }
    if (flags & WARTA_WRITE_WORDS) {
        jw_key(&w, "words");
        jw_open(&w, '[');
        for (size_t k = 0; k < s->n_words; k++) {
            if (k)
                jw_raw(&w, ",", 1);
            write_word(&w, &s->words[k]);
        }
        jw_close(&w, ']');
    }
    jw_close(&w, '}');
    jw_raw(&w, "\n", 1);
    return w.ok ? WARTA_OK : ctx_error(ctx, WARTA_ENOMEM, "out of memory");
}

static void write_actor(jw *w, const char *key, const warta_actor *a,
                        bool explain)
{
    jw_key(w, key);
    jw_open(w, '{');
    jw_cstr_member(w, "code", a->code);
    jw_cstr_member(w, "country", a->country);
    jw_cstr_member(w, "sector", a->sector);
    jw_str_member(w, "text", a->text.p, a->text.n);
    jw_uint_member(w, "start", a->start);
    jw_uint_member(w, "end", a->end);
    if (a->holder.n)
        jw_str_member(w, "holder", a->holder.p, a->holder.n);
    if (a->home) {
        jw_key(w, "home");
        jw_raw(w, "true", 4);
    }
    if (explain)
        jw_cstr_member(w, "entry", a->entry);
    jw_close(w, '}');
}

static void write_place(jw *w, const warta_place *p)
{
    jw_key(w, "place");
    if (!p->name[0]) {
        jw_raw(w, "null", 4);
        return;
    }
    jw_open(w, '{');
    jw_cstr_member(w, "name", p->name);
    jw_uint_member(w, "geonames_id", p->geonames_id);
    jw_cstr_member(w, "country", p->country);
    jw_cstr_member(w, "adm1", p->adm1);
    jw_key(w, "lat");
    jw_fmt(w, "%.4f", p->lat);
    jw_key(w, "lon");
    jw_fmt(w, "%.4f", p->lon);
    jw_close(w, '}');
}

warta_status warta_write_event(warta_ctx *ctx, const warta_doc *doc,
                               size_t i, unsigned flags, warta_buf *out)
{
    const warta_event *e = warta_doc_event(doc, i);
    if (!ctx || !e || !out)
        return WARTA_EINVAL;
    const warta_sentence *s = warta_doc_sentence(doc, e->sentence);
    bool explain = flags & WARTA_WRITE_EXPLAIN;
    jw w = {.ctx = ctx, .b = out, .ok = true};
    jw_open(&w, '{');
    jw_cstr_member(&w, "doc", doc->meta.id);
    jw_uint_member(&w, "sentence", e->sentence);
    jw_cstr_member(&w, "date", e->date[0] ? e->date : NULL);
    jw_cstr_member(&w, "date_precision",
                   warta_date_precision_name((warta_date_precision)e->date_precision));
    jw_cstr_member(&w, "article_date", e->article_date[0] ? e->article_date : NULL);
    write_actor(&w, "source", &e->source, explain);
    write_actor(&w, "target", &e->target, explain);
    jw_cstr_member(&w, "mode", warta_mode_name((warta_mode)e->mode));
    jw_key(&w, "historical");
    jw_raw(&w, e->historical ? "true" : "false", e->historical ? 4 : 5);
    jw_cstr_member(&w, "code", e->code);
    jw_cstr_member(&w, "root", e->root);
    jw_cstr_member(&w, "label", e->label);
    jw_double_member(&w, "goldstein", e->goldstein);
    jw_uint_member(&w, "quad_class", (size_t)e->quad_class);
    jw_key(&w, "plover");
    jw_open(&w, '{');
    jw_cstr_member(&w, "type", e->plover_type);
    jw_cstr_member(&w, "mode", e->plover_mode);
    jw_close(&w, '}');
    write_place(&w, &e->place);
    jw_cstr_member(&w, "lang", s->lang);
    jw_str_member(&w, "text", s->text.p, s->text.n);
    if (explain) {
        jw_key(&w, "explain");
        jw_open(&w, '{');
        jw_str_member(&w, "verb", e->verb.p, e->verb.n);
        jw_uint_member(&w, "verb_start", e->verb_start);
        jw_uint_member(&w, "verb_end", e->verb_end);
        jw_cstr_member(&w, "rule", e->rule);
        if (e->source_how && e->source_how[0])
            jw_cstr_member(&w, "source_how", e->source_how);
        if (e->target_how && e->target_how[0])
            jw_cstr_member(&w, "target_how", e->target_how);
        if (e->date_note)
            jw_cstr_member(&w, "date_note", e->date_note);
        if (e->home_note)
            jw_cstr_member(&w, "home", e->home_note);
        jw_close(&w, '}');
    }
    jw_close(&w, '}');
    jw_raw(&w, "\n", 1);
    return w.ok ? WARTA_OK : ctx_error(ctx, WARTA_ENOMEM, "out of memory");
}

warta_status warta_write_actor(warta_ctx *ctx, const warta_doc *doc,
                               size_t i, warta_buf *out)
{
    const warta_mention *m = warta_doc_actor(doc, i);
    if (!ctx || !m || !out)
        return WARTA_EINVAL;
    jw w = {.ctx = ctx, .b = out, .ok = true};
    jw_open(&w, '{');
    jw_cstr_member(&w, "doc", doc->meta.id);
    jw_uint_member(&w, "sentence", m->sentence);
    jw_cstr_member(&w, "code", m->actor.code);
    jw_cstr_member(&w, "country", m->actor.country);
    jw_cstr_member(&w, "sector", m->actor.sector);
    jw_str_member(&w, "text", m->actor.text.p, m->actor.text.n);
    jw_uint_member(&w, "start", m->actor.start);
    jw_uint_member(&w, "end", m->actor.end);
    if (m->actor.holder.n)
        jw_str_member(&w, "holder", m->actor.holder.p, m->actor.holder.n);
    jw_cstr_member(&w, "entry", m->actor.entry);
    jw_close(&w, '}');
    jw_raw(&w, "\n", 1);
    return w.ok ? WARTA_OK : ctx_error(ctx, WARTA_ENOMEM, "out of memory");
}
