/*
** doc.c -- the document: its arena, its metadata and original text, and
** the read-only views callers use once the pipeline has run.  Offsets in
** cleaned text are mapped back to the original here.
*/
#include <string.h>

#include "warta_int.h"

static const char *dup_or_null(arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

warta_status doc_create(warta_ctx *ctx, const char *text, size_t n,
                        const warta_meta *meta, warta_doc **out)
{
    arena a;
    arena_init(&a, ctx);
    warta_doc *doc = arena_alloc(&a, sizeof *doc);
    if (!doc)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory");
    memset(doc, 0, sizeof *doc);
    doc->ctx = ctx;
    doc->arena = a;
    warta_meta none = {0};
    if (!meta)
        meta = &none;
    arena *ar = &doc->arena;
    doc->meta.id = dup_or_null(ar, meta->id);
    doc->meta.date = dup_or_null(ar, meta->date);
    doc->meta.lang = dup_or_null(ar, meta->lang);
    doc->meta.url = dup_or_null(ar, meta->url);
    doc->meta.title = dup_or_null(ar, meta->title);
    doc->meta.source = dup_or_null(ar, meta->source);
    char *copy = arena_strndup(ar, text, n);
    bool ok = copy && (!meta->id || doc->meta.id) &&
              (!meta->date || doc->meta.date) &&
              (!meta->lang || doc->meta.lang) &&
              (!meta->url || doc->meta.url) &&
              (!meta->title || doc->meta.title) &&
              (!meta->source || doc->meta.source);
    if (!ok) {
        arena_reset(&doc->arena);
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory");
    }
    doc->fields[FIELD_TEXT].orig = (warta_slice){copy, n};
    if (doc->meta.title)
        doc->fields[FIELD_TITLE].orig =
            (warta_slice){doc->meta.title, strlen(doc->meta.title)};
    memcpy(doc->lang, "un", 3);
    *out = doc;
    return WARTA_OK;
}

/* Check that a piece of text is something we can process: valid UTF-8
** with no NUL byte.  `what` names it in the message ("text", "title"). */
static warta_status check_text(warta_ctx *ctx, const char *what,
                               const char *s, size_t n)
{
    bool is_nul;
    size_t bad = utf8_check(s, n, &is_nul);
    if (bad < n)
        return ctx_error(ctx, WARTA_EDATA, "%s: %s at byte %zu", what,
                         is_nul ? "NUL byte" : "invalid UTF-8", bad);
    return WARTA_OK;
}

warta_status warta_doc_new(warta_ctx *ctx, const char *text, size_t n,
                           const warta_meta *meta, warta_doc **out)
{
    warta_status rc;
    if (!ctx || !out || (!text && n))
        return WARTA_EINVAL;
    *out = NULL;
    if (!text)
        text = "";
    if (n > ctx->max_doc_bytes)
        return ctx_error(ctx, WARTA_EDATA,
                         "article of %zu bytes is over the limit of %zu", n,
                         ctx->max_doc_bytes);
    if ((rc = check_text(ctx, "text", text, n)) != WARTA_OK)
        return rc;
    if (meta && meta->title &&
        (rc = check_text(ctx, "title", meta->title, strlen(meta->title))) !=
            WARTA_OK)
        return rc;
    return doc_create(ctx, text, n, meta, out);
}

warta_status warta_doc_copy(warta_ctx *ctx, const warta_doc *doc,
                            warta_doc **out)
{
    if (!ctx || !doc || !out)
        return WARTA_EINVAL;
    const warta_slice *t = &doc->fields[FIELD_TEXT].orig;
    warta_status rc = doc_create(ctx, t->p, t->n, &doc->meta, out);
    if (rc == WARTA_OK)
        doc_set_origin(*out, doc->origin, doc->origin_line);
    return rc;
}

/* The article's text as read (before cleaning): for content hashes. */
warta_slice warta_doc_text(const warta_doc *doc)
{
    return doc->fields[FIELD_TEXT].orig;
}

void warta_doc_free(warta_doc *doc)
{
    if (doc) {
        arena a = doc->arena;   /* the doc itself lives in its arena */
        arena_reset(&a);
    }
}

void doc_set_origin(warta_doc *doc, const char *origin, size_t line)
{
    doc->origin = origin ? arena_strndup(&doc->arena, origin, strlen(origin))
                         : NULL;
    doc->origin_line = line;
}

const warta_meta *warta_doc_meta(const warta_doc *doc)
{
    return &doc->meta;
}

const char *warta_doc_origin(const warta_doc *doc, size_t *line)
{
    if (line)
        *line = doc->origin_line;
    return doc->origin;
}

const char *warta_doc_lang(const warta_doc *doc)
{
    return doc->lang;
}

size_t warta_doc_n_sentences(const warta_doc *doc)
{
    return doc->n_sents;
}

const warta_sentence *warta_doc_sentence(const warta_doc *doc, size_t i)
{
    return i < doc->n_sents ? &doc->sents[i] : NULL;
}

/* The last anchor at or before clean_off (the first when none is),
** found from hint: a gallop forward from it, then a binary search in the
** range the gallop ends in.  That costs the log of the distance from the
** hint, so lookups in increasing order, each starting where the last
** ended, cost about one step per anchor in all; a lookup behind the hint
** gallops from the start: the log of the number of anchors. */
static size_t anchor_before(const warta_doc *doc, const field *f,
                            size_t clean_off, size_t hint)
{
    const anchor *a = f->anchors;
    size_t n = f->n_anchors;
    size_t lo = hint < n && a[hint].clean <= clean_off ? hint : 0;
    size_t hi = lo + 1, step = 1;
    while (hi < n && a[hi].clean <= clean_off) {
        doc->ctx->anchor_steps++;
        lo = hi;
        step *= 2;
        hi = n - lo > step ? lo + step : n;
    }
    while (hi - lo > 1) {             /* a[lo] <= clean_off < a[hi] */
        doc->ctx->anchor_steps++;
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid].clean <= clean_off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

size_t doc_orig_offset_near(const warta_doc *doc, int field_ix,
                            size_t clean_off, size_t *hint)
{
    const field *f = &doc->fields[field_ix];
    size_t n = f->n_anchors;
    if (n == 0)
        return clean_off < f->orig.n ? clean_off : f->orig.n;
    size_t lo = anchor_before(doc, f, clean_off, *hint);
    *hint = lo;
    const anchor *an = &f->anchors[lo];
    size_t orig = clean_off >= an->clean ? an->orig + (clean_off - an->clean)
                                         : an->orig;
    /* Inside a folded character the next anchor bounds the result. */
    if (lo + 1 < n && orig > f->anchors[lo + 1].orig)
        orig = f->anchors[lo + 1].orig;
    return orig < f->orig.n ? orig : f->orig.n;
}
