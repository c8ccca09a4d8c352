/*
** words.c -- a sentence's words as the tagger and the parser see them:
** the hashes of each word's form, lower-cased form, shape, prefixes and
** suffixes, computed once per word.
*/
#include <string.h>

#include "syntax.h"

/* Shape: X for upper-case, x lower-case, d digit, other characters as
** they are; runs of one class count once ("Jakarta" -> "Xx", "3.5" ->
** "d.d", "U.S." -> "X.X."). */
static uint64_t shape_hash(const char *s, size_t n)
{
    char out[64];
    size_t o = 0, len;
    for (size_t i = 0; i < n && o < sizeof out; i += len) {
        int32_t cp = utf8_decode(s, n, i, &len);
        char c = utf8_is_digit(cp)   ? 'd'
                 : utf8_is_upper(cp) ? 'X'
                 : utf8_is_letter(cp) ? 'x'
                 : cp < 0x80         ? (char)cp
                                     : '*';
        if (o == 0 || out[o - 1] != c)
            out[o++] = c;
    }
    return hash_bytes(out, o);
}

/* Byte offset of the k-th code point from the start (or n). */
static size_t cp_offset(const char *s, size_t n, size_t k)
{
    size_t i = 0, len;
    for (; i < n && k; k--, i += len)
        utf8_decode(s, n, i, &len);
    return i;
}

/* Byte offset of the k-th code point from the end (or 0). */
static size_t cp_offset_back(const char *s, size_t n, size_t k)
{
    size_t i = n;
    while (i > 0 && k) {
        i--;
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k--;
    }
    return i;
}

void syn_word_prepare(syn_word *w)
{
    char low[256];
    size_t n = dict_fold(w->form, w->n_form, low, sizeof low);
    const char *s = n ? low : w->form;
    if (!n)
        n = w->n_form;
    w->lower = hash_bytes(s, n);
    w->shape = shape_hash(w->form, w->n_form);
    for (size_t k = 0; k < ARRAY_LEN(w->prefix); k++)
        w->prefix[k] = hash_bytes(s, cp_offset(s, n, k + 1));
    for (size_t k = 0; k < ARRAY_LEN(w->suffix); k++) {
        size_t from = cp_offset_back(s, n, k + 1);
        w->suffix[k] = hash_bytes(s + from, n - from);
    }
}
