/*
** utf8.c -- UTF-8 validation and character classes.  Validation has an
** ASCII fast path; everything beyond ASCII is decoded and classified by
** utf8proc.
*/
#include <utf8proc.h>

#include "warta_int.h"

size_t utf8_check(const char *s, size_t n, bool *is_nul)
{
    size_t i = 0;
    *is_nul = false;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0) {
            *is_nul = true;
            return i;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t len =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                             (utf8proc_ssize_t)(n - i), &cp);
        if (len <= 0)
            return i;
        i += (size_t)len;
    }
    return n;
}

int32_t utf8_decode_multi(const char *s, size_t n, size_t i, size_t *len)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (l <= 0) {           /* cannot happen on checked text; be safe */
        *len = 1;
        return 0xFFFD;
    }
    *len = (size_t)l;
    return cp;
}

size_t utf8_encode(int32_t cp, char out[4])
{
    return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

static utf8proc_category_t category(int32_t cp)
{
    return utf8proc_category(cp);
}

bool utf8_is_letter_multi(int32_t cp)
{
    utf8proc_category_t c = category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME);
}

bool utf8_is_digit_multi(int32_t cp)
{
    return category(cp) == UTF8PROC_CATEGORY_ND;
}

bool utf8_is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool utf8_is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    utf8proc_category_t c = category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
           c == UTF8PROC_CATEGORY_ZP || cp == 0x85;
}

bool utf8_is_lower(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return category(cp) == UTF8PROC_CATEGORY_LL;
}
