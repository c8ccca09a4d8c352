/*
** lang.c -- stage 2: the language of the article and of its paragraphs.
**
** Reads the clean paragraphs; asks CLD2 (langid.cc) for the article's
** language, then for each long body paragraph, which keeps its own
** language only when CLD2 is sure it differs.  CLD2 reads the first
** SAMPLE_BYTES of a text, not all of it.  A language the input gives
** skips detection: the caller's (--lang), or the article's own `lang`
** field when it holds a language code.
** Hands on: doc->lang and para->lang.
*/
#include <string.h>

#include "warta_int.h"

/* Paragraphs shorter than this take the article's language: CLD2 needs
** some text to be reliable. */
#define MIN_PARA_BYTES 200
/* ... and a paragraph's own language must hold this share of its text. */
#define MIN_PARA_PERCENT 80
/* CLD2 reads at most this much of a text: the first few KB tell an
** article's language as the whole does (the same languages on the
** Guardian and Detik samples), at a fraction of the cost. */
#define SAMPLE_BYTES 4096

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

/* CLD2 over the first SAMPLE_BYTES of text[0..n) (whole words; whole
** characters when the sample has no space), and over all of it only
** when the sample cannot tell (an article that opens with a long quote in
** another script). */
static bool detect(const char *text, size_t n, const char *hint,
                   char code[4], int *percent)
{
    if (n <= SAMPLE_BYTES)
        return langid_detect(text, n, hint, code, percent);
    size_t k = SAMPLE_BYTES;
    while (k > 0 && text[k] != ' ')
        k--;
    if (k == 0)
        for (k = SAMPLE_BYTES; k > 0 && (text[k] & 0xC0) == 0x80; k--)
            ;
    return langid_detect(text, k, hint, code, percent) ||
           langid_detect(text, n, hint, code, percent);
}

/* Does the article's metadata name its language?  Its `lang` field, when
** that is a language code ("id", "en-GB"; not "und", undetermined), into
** code. */
static bool stated_lang(const char *lang, char code[4])
{
    size_t n = 0;
    while (lang && ((lang[n] >= 'a' && lang[n] <= 'z') ||
                    (lang[n] >= 'A' && lang[n] <= 'Z')))
        n++;
    if ((n != 2 && n != 3) ||
        (lang[n] != '\0' && lang[n] != '-' && lang[n] != '_'))
        return false;
    lang_set_code(code, lang);
    return strcmp(code, "und") != 0 && strcmp(code, "mul") != 0 &&
           strcmp(code, "zxx") != 0;
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
    bool reliable = f->n_clean &&
                    detect(f->clean, f->n_clean, hint, code, NULL);
    if (!reliable && hint && *hint)
        lang_set_code(doc->lang, hint);
    else
        memcpy(doc->lang, code, 4);
}

warta_status lang_doc(warta_ctx *ctx, warta_doc *doc)
{
    bool given = doc->forced_lang[0] != '\0';
    (void)ctx;
    if (given)
        memcpy(doc->lang, doc->forced_lang, 4);
    else if (!(given = stated_lang(doc->meta.lang, doc->lang)))
        detect_doc(doc);
    for (size_t i = 0; i < doc->n_paras; i++) {
        para *p = &doc->paras[i];
        memcpy(p->lang, doc->lang, 4);
        if (given || p->kind != WARTA_KIND_BODY ||
            p->end - p->start < MIN_PARA_BYTES)
            continue;
        const field *f = &doc->fields[p->field];
        char code[4];
        int percent;
        if (detect(f->clean + p->start, p->end - p->start, doc->lang, code,
                   &percent) &&
            percent >= MIN_PARA_PERCENT && strcmp(code, "un") != 0)
            memcpy(p->lang, code, 4);
    }
    return WARTA_OK;
}
