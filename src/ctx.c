/*
** ctx.c -- the context: configuration, error messages, the allocator hook
** and the static names of public enums.
**
** Every other file allocates through ctx_alloc/ctx_free, so a caller's
** allocator (or a test's failing one) sees all of libwarta's memory.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/mman.h>

#include "warta_int.h"
#include "place.h"
#include "syntax.h"

static void *default_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    (void)ud;
    (void)osize;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    return realloc(ptr, nsize);
}

#define DEFAULT_AFF "/usr/share/hunspell/id_ID.aff"
#define DEFAULT_DIC "/usr/share/hunspell/id_ID.dic"

warta_status warta_open(const warta_config *cfg, warta_ctx **out)
{
    warta_config none = {0};
    if (!out)
        return WARTA_EINVAL;
    *out = NULL;
    if (!cfg)
        cfg = &none;
    warta_alloc_fn alloc = cfg->alloc ? cfg->alloc : default_alloc;
    warta_ctx *ctx = alloc(cfg->alloc_ud, NULL, 0, sizeof *ctx);
    if (!ctx)
        return WARTA_ENOMEM;
    memset(ctx, 0, sizeof *ctx);
    ctx->alloc = alloc;
    ctx->alloc_ud = cfg->alloc_ud;
    ctx->log = cfg->log;
    ctx->log_ud = cfg->log_ud;
    ctx->max_doc_bytes =
        cfg->max_doc_bytes ? cfg->max_doc_bytes : WARTA_DEFAULT_MAX_DOC_BYTES;
    ctx->hunspell_aff =
        ctx_strdup(ctx, cfg->hunspell_aff ? cfg->hunspell_aff : DEFAULT_AFF);
    ctx->hunspell_dic =
        ctx_strdup(ctx, cfg->hunspell_dic ? cfg->hunspell_dic : DEFAULT_DIC);
    bool no_places = cfg->gazetteer && !cfg->gazetteer[0];
    if (cfg->gazetteer && !no_places) {
        ctx->gazetteer_path = ctx_strdup(ctx, cfg->gazetteer);
    } else if (!no_places) {
        char path[4096];
        snprintf(path, sizeof path, "%s/gazetteer.bin", warta_data_dir());
        ctx->gazetteer_path = ctx_strdup(ctx, path);
    }
    if (!ctx->hunspell_aff || !ctx->hunspell_dic ||
        (!no_places && !ctx->gazetteer_path)) {
        warta_close(ctx);
        return WARTA_ENOMEM;
    }
    *out = ctx;
    return WARTA_OK;
}

void warta_close(warta_ctx *ctx)
{
    if (!ctx)
        return;
    stem_close(ctx);
    match_close(ctx);
    parse_close(ctx);
    if (ctx->places)
        place_close(ctx->places);
    if (ctx->gazetteer_path)
        ctx_free(ctx, ctx->gazetteer_path, strlen(ctx->gazetteer_path) + 1);
    if (ctx->hunspell_aff)
        ctx_free(ctx, ctx->hunspell_aff, strlen(ctx->hunspell_aff) + 1);
    if (ctx->hunspell_dic)
        ctx_free(ctx, ctx->hunspell_dic, strlen(ctx->hunspell_dic) + 1);
    ctx->alloc(ctx->alloc_ud, ctx, sizeof *ctx, 0);
}

const char *warta_errmsg(const warta_ctx *ctx)
{
    return ctx ? ctx->errmsg : "no context";
}

void warta_stage_times(const warta_ctx *ctx, uint64_t ns[WARTA_N_STAGES])
{
    memcpy(ns, ctx->stage_ns, sizeof ctx->stage_ns);
}

/* ---- memory ------------------------------------------------------------ */

void *ctx_alloc(warta_ctx *ctx, size_t n)
{
    return ctx->alloc(ctx->alloc_ud, NULL, 0, n ? n : 1);
}

/* ctx_alloc for a table of megabytes that is filled at once (a syntax
** model's weights): the system is asked to back its whole 2 MB stretches
** with huge pages, where it can (Linux, transparent huge pages in "madvise"
** mode).  Filling 4 KB pages one fault at a time was a third of the time
** an English model took to load (perf, this 2-core VM): 118 ms, 77 ms with
** the hint.  A hint only: memory from a caller's allocator is the
** caller's, and nothing else changes. */
void *ctx_alloc_big(warta_ctx *ctx, size_t n)
{
    char *p = ctx_alloc(ctx, n);
#ifdef MADV_HUGEPAGE
    uintptr_t huge = (size_t)2 << 20, from = ((uintptr_t)p + huge - 1) & ~(huge - 1),
              to = ((uintptr_t)p + n) & ~(huge - 1);
    if (p && to > from)
        madvise((void *)from, to - from, MADV_HUGEPAGE);
#endif
    return p;
}

void *ctx_realloc(warta_ctx *ctx, void *p, size_t old_n, size_t new_n)
{
    return ctx->alloc(ctx->alloc_ud, p, old_n, new_n ? new_n : 1);
}

void ctx_free(warta_ctx *ctx, void *p, size_t n)
{
    if (p)
        ctx->alloc(ctx->alloc_ud, p, n, 0);
}

char *ctx_strdup(warta_ctx *ctx, const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = ctx_alloc(ctx, n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* ---- messages ---------------------------------------------------------- */

warta_status ctx_error(warta_ctx *ctx, warta_status rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
    va_end(ap);
    return rc;
}

void ctx_log(warta_ctx *ctx, warta_log_level level, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    if (!ctx->log)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ctx->log(ctx->log_ud, level, msg);
}

/* ---- names of public enums, from their X-macro lists -------------------- */

#define NAME_TABLE(fn, type, LIST, count_guard)                            \
    const char *fn(type v)                                                 \
    {                                                                      \
        static const char *const names[] = {LIST(NAME_ENTRY)};             \
        return (size_t)v < ARRAY_LEN(names) ? names[v] : count_guard;      \
    }
#define NAME_ENTRY(name, text) text,

NAME_TABLE(warta_strstatus, warta_status, WARTA_STATUS_LIST, "unknown status")
NAME_TABLE(warta_stage_name, warta_stage, WARTA_STAGE_LIST, "?")
NAME_TABLE(warta_kind_name, warta_kind, WARTA_KIND_LIST, "?")
NAME_TABLE(warta_prefix_name, warta_prefix, WARTA_PREFIX_LIST, "?")
NAME_TABLE(warta_suffix_name, warta_suffix, WARTA_SUFFIX_LIST, "?")
NAME_TABLE(warta_clitic_name, warta_clitic, WARTA_CLITIC_LIST, "?")
NAME_TABLE(warta_upos_name, warta_upos, WARTA_UPOS_LIST, "?")
NAME_TABLE(warta_feat_name, warta_feat, WARTA_FEAT_LIST, "?")
NAME_TABLE(warta_mode_name, warta_mode, WARTA_MODE_LIST, "?")
NAME_TABLE(warta_date_precision_name, warta_date_precision,
           WARTA_DATE_PRECISION_LIST, "?")
