/*
** jsonw.c -- the writer write.c and export.c share: JSON (and plain text)
** appended to a caller's growable buffer, with no document tree.  A failed
** allocation makes every later call a no-op; callers check w.ok once.
*/
#include <stdio.h>
#include <string.h>

#include "warta_int.h"

static bool buf_reserve(warta_ctx *ctx, warta_buf *b, size_t more)
{
    if (b->n + more <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 1024;
    while (cap < b->n + more)
        cap *= 2;
    char *p = ctx_realloc(ctx, b->p, b->cap, cap);
    if (!p)
        return false;
    b->p = p;
    b->cap = cap;
    return true;
}

bool buf_append(warta_ctx *ctx, warta_buf *b, const void *p, size_t n)
{
    if (n == 0)
        return true;
    if (!buf_reserve(ctx, b, n))
        return false;
    memcpy(b->p + b->n, p, n);
    b->n += n;
    return true;
}

void warta_buf_free(warta_ctx *ctx, warta_buf *b)
{
    if (b->p)
        ctx_free(ctx, b->p, b->cap);
    b->p = NULL;
    b->n = b->cap = 0;
}


void jw_raw(jw *w, const char *s, size_t n)
{
    if (n == 0)
        return;                 /* s may be NULL: an empty warta_slice */
    if (w->b->n + n > w->b->cap && (!w->ok || !buf_reserve(w->ctx, w->b, n))) {
        w->ok = false;
        return;
    }
    memcpy(w->b->p + w->b->n, s, n);
    w->b->n += n;
}

void jw_string(jw *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    jw_raw(w, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        jw_raw(w, s + run, i - run);
        char esc[6] = {'\\', (char)c, 0, 0, 0, 0};
        size_t k = 2;
        switch (c) {
        case '"': case '\\': break;
        case '\n': esc[1] = 'n'; break;
        case '\t': esc[1] = 't'; break;
        case '\r': esc[1] = 'r'; break;
        default:
            memcpy(esc, "\\u00", 4);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            k = 6;
        }
        jw_raw(w, esc, k);
        run = i + 1;
    }
    if (run < n)                /* s may be NULL when n is 0 */
        jw_raw(w, s + run, n - run);
    jw_raw(w, "\"", 1);
}

void jw_key(jw *w, const char *key)
{
    if (!w->first)
        jw_raw(w, ",", 1);
    w->first = false;
    jw_string(w, key, strlen(key));
    jw_raw(w, ":", 1);
}

void jw_open(jw *w, char c)
{
    jw_raw(w, &c, 1);
    w->first = true;
}

void jw_close(jw *w, char c)
{
    jw_raw(w, &c, 1);
    w->first = false;
}

void jw_str_member(jw *w, const char *key, const char *s, size_t n)
{
    jw_key(w, key);
    jw_string(w, s, n);
}

void jw_cstr_member(jw *w, const char *key, const char *s)
{
    jw_key(w, key);
    if (s)
        jw_string(w, s, strlen(s));
    else
        jw_raw(w, "null", 4);
}

void jw_uint_member(jw *w, const char *key, size_t v)
{
    char num[24];
    size_t i = sizeof num;
    do {
        num[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    jw_key(w, key);
    jw_raw(w, num + i, sizeof num - i);
}

void jw_double_member(jw *w, const char *key, double v)
{
    char num[32];
    int n = snprintf(num, sizeof num, "%.1f", v);
    jw_key(w, key);
    jw_raw(w, num, (size_t)n);
}


/* Short formatted text: numbers and dates, never user text. */
void jw_fmt(jw *w, const char *fmt, ...)
{
    char tmp[64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        jw_raw(w, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

void jw_json_cstr(jw *w, const char *s)
{
    if (s)
        jw_string(w, s, strlen(s));
    else
        jw_raw(w, "null", 4);
}
