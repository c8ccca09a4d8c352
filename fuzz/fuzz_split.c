/*
** fuzz_split.c -- libFuzzer target: the first half of the pipeline on an
** article in memory: warta_doc_new (UTF-8 checks), cleaning, language,
** sentence splitting, tokens and Indonesian stems, the cut into UD words
** (no model: words are cut, not parsed), then every sentence written as
** JSON with its tokens and words, and as CoNLL-U.  The first byte picks the language
** (detected, "id", "en" or "ms") and, with bit 2, makes the first line a
** title; the rest is the article.
*/
#include "helpers.h"

/* Sentences lie in their text; words in their sentence, in order, each
** within the tokens it names. */
static void check_spans(const warta_doc *doc, size_t n_text, size_t n_title)
{
    for (size_t i = 0; i < warta_doc_n_sentences(doc); i++) {
        const warta_sentence *s = warta_doc_sentence(doc, i);
        size_t n = s->kind == WARTA_KIND_TITLE ? n_title : n_text;
        if (s->start > s->end || s->end > n)
            abort();
        const char *at = s->text.p;
        for (size_t k = 0; k < s->n_words; k++) {
            const warta_word *w = &s->words[k];
            if (w->form.n == 0 || w->n_tokens == 0 ||
                w->token + w->n_tokens > s->n_tokens || w->form.p < at)
                abort();
            const warta_token *first = &s->tokens[w->token];
            const warta_token *last = first + w->n_tokens - 1;
            if (w->form.p < first->text.p ||
                w->form.p + w->form.n > last->text.p + last->text.n)
                abort();
            at = w->form.p + w->form.n;
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const langs[] = {NULL, "id", "en", "ms"};
    if (size < 1)
        return 0;
    warta_ctx *ctx = fuzz_ctx();
    const char *text = (const char *)data + 1;
    size_t n = size - 1;
    char title[256] = "";
    if (data[0] & 4) {
        const char *nl = memchr(text, '\n', n);
        size_t k = nl ? (size_t)(nl - text) : n;
        if (k < sizeof title && !memchr(text, '\0', k)) {
            memcpy(title, text, k);
            title[k] = '\0';
            text += nl ? k + 1 : k;
            n -= nl ? k + 1 : k;
        }
    }
    warta_meta meta = {.id = "fuzz", .title = title[0] ? title : NULL};
    warta_doc *doc;
    if (warta_doc_new(ctx, text, n, &meta, &doc) != WARTA_OK)
        return 0;
    warta_buf buf = {0};
    if (warta_doc_process(ctx, doc, WARTA_STAGE_PARSE,
                          langs[data[0] & 3]) == WARTA_OK) {
        check_spans(doc, n, strlen(title));
        for (size_t i = 0; i < warta_doc_n_sentences(doc); i++) {
            buf.n = 0;
            if (warta_write_sentence(ctx, doc, i, WARTA_WRITE_TOKENS |
                                     WARTA_WRITE_WORDS, &buf) != WARTA_OK ||
                warta_write_conllu(ctx, doc, i, &buf) != WARTA_OK)
                abort();
        }
    }
    warta_buf_free(ctx, &buf);
    warta_doc_free(doc);
    return 0;
}
