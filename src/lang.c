/*
** lang.c -- stage 2: the language of the article and of its paragraphs.
**
** Reads the clean paragraphs; asks CLD2 (langid.cc) for the article's
** language, then for each long body paragraph, which keeps its own
** language only when CLD2 is sure it differs.  The article's `lang`
** field is a hint; a language forced by the caller skips detection.
** Hands on: doc->lang and para->lang.
*/
#include <string.h>

#include "warta_int.h"

/* Paragraphs shorter than this take the article's language: CLD2 needs
** some text to be reliable. */
#define MIN_PARA_BYTES 200
/* ... and a paragraph's own language must hold this share of its text. */
#define MIN_PARA_PERCENT 80

void lang_set_code(char dst[4], const char *code)
{
    size_t k = 0;
    while (k < 3 && code[k] && code[k] != '-' && code[k] != '_') {
        char c = code[k];
        dst[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        k++;
    }
    dst[k] = '\0';
    if (k < 2)
        memcpy(dst, "un", 3);
}

/* The article language: CLD2 over the body, else the title, falling back
** to the metadata's hint when CLD2 cannot tell. */
static void detect_doc(warta_doc *doc)
{
    const field *body = &doc->fields[FIELD_TEXT];
    const field *title = &doc->fields[FIELD_TITLE];
    const field *f = body->n_clean ? body : title;
    const char *hint = doc->meta.lang;
    char code[4] = "un";
    bool reliable = f->n_clean && langid_detect(f->clean, f->n_clean, hint,
                                                code, NULL);
    if (!reliable && hint && *hint)
        lang_set_code(doc->lang, hint);
    else
        memcpy(doc->lang, code, 4);
}

warta_status lang_doc(warta_ctx *ctx, warta_doc *doc)
{
    bool forced = doc->forced_lang[0] != '\0';
    (void)ctx;
    if (forced)
        memcpy(doc->lang, doc->forced_lang, 4);
    else
        detect_doc(doc);
    for (size_t i = 0; i < doc->n_paras; i++) {
        para *p = &doc->paras[i];
        memcpy(p->lang, doc->lang, 4);
        if (forced || p->kind != WARTA_KIND_BODY ||
            p->end - p->start < MIN_PARA_BYTES)
            continue;
        const field *f = &doc->fields[p->field];
        char code[4];
        int percent;
        if (langid_detect(f->clean + p->start, p->end - p->start, doc->lang,
                          code, &percent) &&
            percent >= MIN_PARA_PERCENT && strcmp(code, "un") != 0)
            memcpy(p->lang, code, 4);
    }
    return WARTA_OK;
}
