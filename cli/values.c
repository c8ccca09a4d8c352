/*
** values.c -- each kind of value the warta command's options (--top 5)
** and the dashboard API's parameters (top=5) take, read strictly by one
** function here for both: a value is taken whole or refused, never
** replaced by a default or read in part ("12abc" is no number).  A value
** refused is quoted back, at most 40 bytes of it.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

bool value_number(const char *s, unsigned long long min,
                  unsigned long long max, unsigned long long *out, char *why,
                  size_t n)
{
    size_t digits = strspn(s, "0123456789");
    unsigned long long v = 0;
    bool ok = digits > 0 && !s[digits] && digits <= 19;
    if (ok) {
        errno = 0;
        v = strtoull(s, NULL, 10);
        ok = !errno && v >= min && v <= max;
    }
    if (!ok)
        snprintf(why, n, "'%.40s' is not a whole number from %llu to %llu",
                 s, min, max);
    else
        *out = v;
    return ok;
}

bool value_date(const char *s, char *why, size_t n)
{
    if (warta_date_valid(s))
        return true;
    snprintf(why, n, "'%.40s' is not a date (YYYY-MM-DD)", s);
    return false;
}

/* The length of an ISO 639 code at the start of s, two or three lower-case
** letters followed by the end or a region ("en-GB", "en_GB"); 0 if there
** is none. */
static size_t language_code(const char *s)
{
    size_t k = 0;
    while (s[k] >= 'a' && s[k] <= 'z')
        k++;
    bool ok = (k == 2 || k == 3) && (!s[k] || s[k] == '-' || s[k] == '_');
    return ok ? k : 0;
}

bool value_language_code(const char *s, char *why, size_t n)
{
    size_t k = language_code(s);
    if (k && !s[k])
        return true;
    snprintf(why, n, "'%.40s' is not an ISO 639 language code such as en "
             "or id", s);
    return false;
}

bool value_language(const char *s, char *why, size_t n)
{
    size_t k = language_code(s);
    if (k && cli_has_language(s, k))
        return true;
    char list[CLI_MAX_LANGUAGES * 6];
    if (cli_languages(list, sizeof list))
        snprintf(why, n, "'%.40s' is not a language warta has a pack or "
                 "model for (%s)", s, list);
    else
        snprintf(why, n, "'%.40s': warta has no language packs or models "
                 "(is WARTA_DATA right?)", s);
    return false;
}

bool value_choice(const char *s, const char *const *names, int *out,
                  char *why, size_t n)
{
    size_t count = 0;
    for (; names[count]; count++)
        if (strcmp(s, names[count]) == 0) {
            *out = (int)count;
            return true;
        }
    size_t at = (size_t)snprintf(why, n, "'%.40s' is not ", s);
    for (size_t i = 0; i < count && at < n; i++)
        at += (size_t)snprintf(why + at, n - at, "%s%s",
                               i == 0 ? "" : i + 1 < count ? ", " : " or ",
                               names[i]);
    const char *near = cli_closest(s, strlen(s), names, count);
    if (near && at < n)
        snprintf(why + at, n - at, " (did you mean %s?)", near);
    return false;
}

bool value_dyad(const char *s, char *buf, size_t size, const char **source,
                const char **target, char *why, size_t n)
{
    const char *colon = strchr(s, ':');
    if (strlen(s) >= size || !colon || colon == s || !colon[1]) {
        snprintf(why, n, "'%.40s' is not SOURCE:TARGET, e.g. RUS:CHN", s);
        return false;
    }
    strcpy(buf, s);
    buf[colon - s] = '\0';
    *source = buf;
    *target = buf + (colon - s) + 1;
    return true;
}

bool value_bool(const char *s, bool *out, char *why, size_t n)
{
    if (!*s || strcmp(s, "1") == 0 || strcmp(s, "true") == 0)
        *out = true;
    else if (strcmp(s, "0") == 0 || strcmp(s, "false") == 0)
        *out = false;
    else {
        snprintf(why, n, "'%.40s' is not 1, true, 0 or false", s);
        return false;
    }
    return true;
}
