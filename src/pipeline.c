/*
** pipeline.c -- the stages in order, as a table, and the one function
** that runs them.  Each stage reads what the one before it left in the
** document; adding a stage is adding a row.
*/
#include <time.h>

#include "warta_int.h"

typedef warta_status (*stage_fn)(warta_ctx *ctx, warta_doc *doc);

/* ORDER: warta_stage in warta.h */
static const stage_fn stages[WARTA_N_STAGES] = {
    [WARTA_STAGE_CLEAN] = clean_doc,
    [WARTA_STAGE_LANG] = lang_doc,
    [WARTA_STAGE_SPLIT] = split_doc,
    [WARTA_STAGE_TOKENS] = token_doc,
    [WARTA_STAGE_STEMS] = stem_doc,
    [WARTA_STAGE_PARSE] = parse_doc,
};

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

warta_status warta_doc_process(warta_ctx *ctx, warta_doc *doc,
                               warta_stage last, const char *lang_override)
{
    if (!ctx || !doc || (unsigned)last >= WARTA_N_STAGES)
        return WARTA_EINVAL;
    if (lang_override && *lang_override)
        lang_set_code(doc->forced_lang, lang_override);
    while (doc->stages_done <= (int)last) {
        int s = doc->stages_done;
        uint64_t t0 = now_ns();
        warta_status rc = stages[s](ctx, doc);
        ctx->stage_ns[s] += now_ns() - t0;
        if (rc != WARTA_OK)
            return rc;
        doc->stages_done++;
    }
    return WARTA_OK;
}
