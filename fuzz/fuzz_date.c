/*
** fuzz_date.c -- libFuzzer target: the dates of a sentence (src/date.c)
** and of an article (date_parse_ymd).  The first byte picks the
** sentences' language (detected, "id", "en" or "ms"); the next line is
** the article's date ("2023-08-08", "20230808", "230808" or anything);
** the rest is the article.  Each sentence's date expressions are found
** and checked (spans inside the sentence, resolved days real dates), then
** the article is coded with a small dictionary, which resolves them again.
*/
#include "helpers.h"
#include "date.h"
#include "warta_int.h"

static void check_dates(const warta_doc *doc, int32_t article_day)
{
    date_mention found[64];
    for (size_t i = 0; i < warta_doc_n_sentences(doc); i++) {
        const warta_sentence *s = warta_doc_sentence(doc, i);
        size_t n = date_find(s, article_day, found, 64);
        for (size_t k = 0; k < n; k++) {
            const date_mention *m = &found[k];
            if (m->first >= m->last || m->last > s->n_tokens ||
                (k && m->first < found[k - 1].last))
                abort();
            if (m->impossible)
                continue;
            int y, mo, d;
            date_to_civil(m->day, &y, &mo, &d);
            if (!date_valid(y, mo, d) || date_from_civil(y, mo, d) != m->day ||
                m->precision < WARTA_DATE_DAY || m->precision > WARTA_DATE_YEAR)
                abort();
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const langs[] = {NULL, "id", "en", "ms"};
    static warta_dict *dict;
    if (size < 1)
        return 0;
    warta_ctx *ctx = fuzz_ctx();
    if (!dict) {
        if (warta_dict_new(ctx, &dict) != WARTA_OK)
            abort();
        fuzz_load_base(ctx, dict);
    }
    const char *p = (const char *)data + 1;
    size_t n = size - 1;
    const char *nl = memchr(p, '\n', n);
    size_t k = nl ? (size_t)(nl - p) : n;
    char date[32] = "";
    if (k >= sizeof date || memchr(p, '\0', k))
        return 0;
    memcpy(date, p, k);
    date[k] = '\0';
    p += nl ? k + 1 : k;
    n -= nl ? k + 1 : k;
    int32_t day = INT32_MIN;
    if (!date_parse_ymd(date, k, &day))
        day = INT32_MIN;
    warta_meta meta = {.id = "fuzz", .date = date};
    warta_doc *doc;
    if (warta_doc_new(ctx, p, n, &meta, &doc) != WARTA_OK)
        return 0;
    if (warta_doc_process(ctx, doc, WARTA_STAGE_STEMS, langs[data[0] & 3]) ==
        WARTA_OK) {
        check_dates(doc, day);
        warta_code_opts opts = {.allow_monads = true};
        if (warta_doc_code_opts(ctx, doc, dict, &opts) == WARTA_OK)
            for (size_t i = 0; i < warta_doc_n_events(doc); i++) {
                const warta_event *e = warta_doc_event(doc, i);
                if (e->date[0] && strlen(e->date) != 10)
                    abort();
            }
    }
    warta_doc_free(doc);
    return 0;
}
