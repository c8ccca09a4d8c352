/*
** token.c -- stage 4: sentences into tokens with byte offsets.
**
** Reads doc->sents.  A word is a run of letters, marks and digits that
** may hold inner hyphens ("negara-negara", "5-6"), inner apostrophes
** ("don't", but "Russia" + "'s"), dots and commas between digits
** ("3.5", "5.000"), slashes between digits ("7/8/2023"), and the final
** period of an abbreviation or initialism ("Dr.", "U.S.").  Everything
** else is one punctuation token, except "..." and "--".
** Hands on: sentence->tokens.
*/
#include <string.h>

#include "warta_int.h"

typedef struct scan {
    const char *s;
    size_t n;
} scan;

static int32_t cp_at(const scan *sc, size_t i, size_t *len)
{
    if (i >= sc->n) {
        *len = 0;
        return -1;
    }
    return utf8_decode(sc->s, sc->n, i, len);
}

static bool is_word_cp(int32_t cp)
{
    return cp >= 0 && (utf8_is_letter(cp) || utf8_is_digit(cp));
}

static bool is_digit_at(const scan *sc, size_t i)
{
    return i < sc->n && sc->s[i] >= '0' && sc->s[i] <= '9';
}

/* Length of an initialism at i ("U.S.", "A.S."): two or more single
** letters each followed by a period; 0 if there is none. */
static size_t initialism_len(const scan *sc, size_t i)
{
    size_t j = i, count = 0, len;
    while (utf8_is_letter(cp_at(sc, j, &len)) && j + len < sc->n &&
           sc->s[j + len] == '.') {
        j += len + 1;
        count++;
    }
    return count >= 2 ? j - i : 0;
}

/* May the joiner at s[i] stay inside the word that ends before it? */
static bool joins_word(const scan *sc, size_t i)
{
    char c = sc->s[i];
    size_t len;
    int32_t next = cp_at(sc, i + 1, &len);
    bool prev_digit = i > 0 && is_digit_at(sc, i - 1);
    switch (c) {
    case '-':
        return is_word_cp(next);
    case '.':
    case ',':
    case '/':
    case ':':
        return prev_digit && is_digit_at(sc, i + 1);
    case '\'':
        /* "Russia's" splits before the apostrophe; "don't" does not */
        if ((next == 's' || next == 'S') && !is_word_cp(cp_at(sc, i + 2, &len)))
            return false;
        return utf8_is_letter(next);
    }
    return false;
}

static size_t word_len(const scan *sc, size_t i)
{
    size_t k = initialism_len(sc, i);
    if (k)
        return k;
    size_t j = i, len;
    for (;;) {
        int32_t cp = cp_at(sc, j, &len);
        if (is_word_cp(cp)) {
            j += len;
        } else if (j > i && cp > 0 && cp < 0x80 && joins_word(sc, j)) {
            j += 1;
        } else {
            break;
        }
    }
    if (j < sc->n && sc->s[j] == '.' && abbrev_is_known(sc->s + i, j - i))
        j++;
    return j - i;
}

static size_t punct_len(const scan *sc, size_t i)
{
    const char *s = sc->s + i;
    size_t left = sc->n - i, len;
    if (left >= 3 && memcmp(s, "...", 3) == 0) {
        size_t k = 3;
        while (k < left && s[k] == '.')
            k++;
        return k;
    }
    if (left >= 2 && s[0] == '-' && s[1] == '-')
        return 2;
    if (left >= 2 && s[0] == '\'' && (s[1] == 's' || s[1] == 'S') &&
        !is_word_cp(cp_at(sc, i + 2, &len)))
        return 2;                           /* the possessive "'s" */
    cp_at(sc, i, &len);
    return len;
}

static warta_status tokenize_sentence(warta_ctx *ctx, warta_doc *doc,
                                      warta_sentence *st, int fld)
{
    scan sc = {st->text.p, st->text.n};
    const field *f = &doc->fields[fld];
    size_t base = (size_t)(st->text.p - f->clean);
    warta_token *toks = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < sc.n;) {
        size_t len;
        int32_t cp = cp_at(&sc, i, &len);
        if (utf8_is_space(cp)) {
            i += len;
            continue;
        }
        size_t k = is_word_cp(cp) ? word_len(&sc, i) : punct_len(&sc, i);
        warta_token *t = ARENA_PUSH(&doc->arena, toks, n, cap);
        if (!t)
            return ctx_error(ctx, WARTA_ENOMEM, "out of memory in tokens");
        memset(t, 0, sizeof *t);
        t->text = (warta_slice){sc.s + i, k};
        t->start = doc_orig_offset(doc, fld, base + i);
        t->end = doc_orig_offset(doc, fld, base + i + k);
        i += k;
    }
    st->tokens = toks;
    st->n_tokens = n;
    return WARTA_OK;
}

warta_status token_doc(warta_ctx *ctx, warta_doc *doc)
{
    for (size_t i = 0; i < doc->n_sents; i++) {
        warta_sentence *st = &doc->sents[i];
        int fld = st->kind == WARTA_KIND_TITLE ? FIELD_TITLE : FIELD_TEXT;
        warta_status rc = tokenize_sentence(ctx, doc, st, fld);
        if (rc != WARTA_OK)
            return rc;
    }
    return WARTA_OK;
}
