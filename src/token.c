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

static inline bool is_word_cp(int32_t cp)
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

static bool is_ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* "n't" at j, ending a word: "didn't", "can't". */
static bool is_negative_contraction(const scan *sc, size_t j)
{
    return j + 2 < sc->n && (sc->s[j] == 'n' || sc->s[j] == 'N') &&
           sc->s[j + 1] == '\'' && (sc->s[j + 2] == 't' || sc->s[j + 2] == 'T') &&
           (j + 3 == sc->n || !is_ascii_alnum((unsigned char)sc->s[j + 3]));
}

static size_t word_len(const scan *sc, size_t i)
{
    size_t j = i, len;
    /* An initialism has a period right after its first letter. */
    if (i + 1 < sc->n && sc->s[i + 1] == '.') {
        size_t k = initialism_len(sc, i);
        if (k)
            return k;
    }
    for (;;) {
        while (j < sc->n && is_ascii_alnum((unsigned char)sc->s[j])) {
            /* English "didn't" is "did" + "n't", as dictionaries write it */
            if (j > i && is_negative_contraction(sc, j))
                return j - i;
            j++;                    /* the common case, byte by byte */
        }
        int32_t cp = cp_at(sc, j, &len);
        size_t k;
        if (is_word_cp(cp)) {
            j += len;
        } else if (j > i && cp == '-' && (k = initialism_len(sc, j + 1)) > 0) {
            return j + 1 + k - i;   /* "R-S.C.": a party and a state */
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

/* Tokens of all sentences go into one array for the document, so it
** grows a few times per document rather than per sentence; sentences
** point into it once it has stopped moving. */
typedef struct token_array {
    warta_token *items;
    size_t n, cap;
} token_array;

bool token_next(const char *s, size_t n, size_t *pos, size_t *start,
                size_t *len)
{
    scan sc = {s, n};
    size_t i = *pos, l;
    while (i < n) {
        /* '_' joins words in TABARI-era texts ("Dol_Amroth") as it does in
        ** dictionaries: a space */
        if (s[i] == ' ' || s[i] == '_') {
            i++;
            continue;
        }
        int32_t cp = cp_at(&sc, i, &l);
        if (utf8_is_space(cp)) {
            i += l;
            continue;
        }
        *start = i;
        *len = is_word_cp(cp) ? word_len(&sc, i) : punct_len(&sc, i);
        *pos = i + *len;
        return true;
    }
    *pos = i;
    return false;
}

/* hint: the field's, for doc_orig_offset_near (sentences come in order) */
static warta_status tokenize_sentence(warta_ctx *ctx, warta_doc *doc,
                                      const warta_sentence *st, int fld,
                                      token_array *ta, size_t *hint)
{
    const field *f = &doc->fields[fld];
    size_t base = (size_t)(st->text.p - f->clean);
    size_t pos = 0, i, k;
    /* the anchor segment [seg_clean, seg_end) maps linearly to seg_orig */
    size_t seg_clean = 1, seg_end = 0, seg_orig = 0;
    while (token_next(st->text.p, st->text.n, &pos, &i, &k)) {
        warta_token *t = ARENA_PUSH(&doc->arena, ta->items, ta->n, ta->cap);
        if (!t)
            return ctx_error(ctx, WARTA_ENOMEM, "out of memory in tokens");
        /* Between two anchors clean and original offsets move together,
        ** so most tokens map without a lookup. */
        size_t c = base + i, start, end;
        if (c >= seg_clean && c + k < seg_end) {
            start = seg_orig + (c - seg_clean);
            end = start + k;
        } else {
            start = doc_orig_offset_near(doc, fld, c, hint);
            end = doc_orig_offset_near(doc, fld, c + k, hint);
            if (*hint < f->n_anchors) {
                seg_clean = f->anchors[*hint].clean;
                seg_orig = f->anchors[*hint].orig;
                seg_end = *hint + 1 < f->n_anchors
                              ? f->anchors[*hint + 1].clean
                              : (size_t)-1;
            }
        }
        *t = (warta_token){.text = {st->text.p + i, k}, .start = start,
                           .end = end, .head = WARTA_HEAD_NONE, .deprel = ""};
    }
    return WARTA_OK;
}

warta_status token_doc(warta_ctx *ctx, warta_doc *doc)
{
    token_array ta = {0};
    /* about one token per five bytes of news text */
    size_t guess = (doc->fields[FIELD_TEXT].n_clean +
                    doc->fields[FIELD_TITLE].n_clean) / 5 + 16;
    if (!arena_reserve(&doc->arena, (void **)&ta.items, &ta.cap,
                       sizeof *ta.items, guess))
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory in tokens");
    size_t *first = arena_alloc(&doc->arena, (doc->n_sents + 1) * sizeof *first);
    if (!first)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory in tokens");
    size_t hints[N_FIELDS] = {0};   /* sentences come in order per field */
    for (size_t i = 0; i < doc->n_sents; i++) {
        warta_sentence *st = &doc->sents[i];
        int fld = st->kind == WARTA_KIND_TITLE ? FIELD_TITLE : FIELD_TEXT;
        first[i] = ta.n;
        warta_status rc = tokenize_sentence(ctx, doc, st, fld, &ta,
                                            &hints[fld]);
        if (rc != WARTA_OK)
            return rc;
    }
    first[doc->n_sents] = ta.n;
    for (size_t i = 0; i < doc->n_sents; i++) {
        doc->sents[i].tokens = ta.items + first[i];
        doc->sents[i].n_tokens = first[i + 1] - first[i];
    }
    return WARTA_OK;
}
