/*
** write.c -- the last stage: results as text for machines.  Sentences
** (and later events) become one JSON object per line, written straight
** into a growable buffer: no document tree, one copy.
*/
#include <stdio.h>
#include <string.h>

#include "warta_int.h"

static bool buf_reserve(warta_ctx *ctx, warta_buf *b, size_t more)
{
    if (b->n + more <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 1024;
    while (cap < b->n + more)
        cap *= 2;
    char *p = ctx_realloc(ctx, b->p, b->cap, cap);
    if (!p)
        return false;
    b->p = p;
    b->cap = cap;
    return true;
}

void warta_buf_free(warta_ctx *ctx, warta_buf *b)
{
    if (b->p)
        ctx_free(ctx, b->p, b->cap);
    b->p = NULL;
    b->n = b->cap = 0;
}

/* A JSON writer over a buffer; after a failed allocation every call is a
** no-op and ok stays false, so callers check once at the end. */
typedef struct jw {
    warta_ctx *ctx;
    warta_buf *b;
    bool ok;
    bool first;                 /* no comma before the next member */
} jw;

static inline void jw_raw(jw *w, const char *s, size_t n)
{
    if (w->b->n + n > w->b->cap && (!w->ok || !buf_reserve(w->ctx, w->b, n))) {
        w->ok = false;
        return;
    }
    memcpy(w->b->p + w->b->n, s, n);
    w->b->n += n;
}

static void jw_string(jw *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    jw_raw(w, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        jw_raw(w, s + run, i - run);
        char esc[6] = {'\\', (char)c, 0, 0, 0, 0};
        size_t k = 2;
        switch (c) {
        case '"': case '\\': break;
        case '\n': esc[1] = 'n'; break;
        case '\t': esc[1] = 't'; break;
        case '\r': esc[1] = 'r'; break;
        default:
            memcpy(esc, "\\u00", 4);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            k = 6;
        }
        jw_raw(w, esc, k);
        run = i + 1;
    }
    jw_raw(w, s + run, n - run);
    jw_raw(w, "\"", 1);
}

static void jw_key(jw *w, const char *key)
{
    if (!w->first)
        jw_raw(w, ",", 1);
    w->first = false;
    jw_string(w, key, strlen(key));
    jw_raw(w, ":", 1);
}

static void jw_open(jw *w, char c)
{
    jw_raw(w, &c, 1);
    w->first = true;
}

static void jw_close(jw *w, char c)
{
    jw_raw(w, &c, 1);
    w->first = false;
}

static void jw_str_member(jw *w, const char *key, const char *s, size_t n)
{
    jw_key(w, key);
    jw_string(w, s, n);
}

static void jw_cstr_member(jw *w, const char *key, const char *s)
{
    jw_key(w, key);
    if (s)
        jw_string(w, s, strlen(s));
    else
        jw_raw(w, "null", 4);
}

static void jw_uint_member(jw *w, const char *key, size_t v)
{
    char num[24];
    size_t i = sizeof num;
    do {
        num[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    jw_key(w, key);
    jw_raw(w, num + i, sizeof num - i);
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
    jw_close(&w, '}');
    jw_raw(&w, "\n", 1);
    return w.ok ? WARTA_OK : ctx_error(ctx, WARTA_ENOMEM, "out of memory");
}

static void jw_double_member(jw *w, const char *key, double v)
{
    char num[32];
    int n = snprintf(num, sizeof num, "%.1f", v);
    jw_key(w, key);
    jw_raw(w, num, (size_t)n);
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
    if (explain)
        jw_cstr_member(w, "entry", a->entry);
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
    jw_cstr_member(&w, "lang", s->lang);
    jw_str_member(&w, "text", s->text.p, s->text.n);
    if (explain) {
        jw_key(&w, "explain");
        jw_open(&w, '{');
        jw_str_member(&w, "verb", e->verb.p, e->verb.n);
        jw_uint_member(&w, "verb_start", e->verb_start);
        jw_uint_member(&w, "verb_end", e->verb_end);
        jw_cstr_member(&w, "rule", e->rule);
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
    jw_cstr_member(&w, "entry", m->actor.entry);
    jw_close(&w, '}');
    jw_raw(&w, "\n", 1);
    return w.ok ? WARTA_OK : ctx_error(ctx, WARTA_ENOMEM, "out of memory");
}
