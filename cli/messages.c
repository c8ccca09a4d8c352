/*
** messages.c -- how the warta command speaks to people: errors and the
** library's log lines on stderr, each starting "warta: COMMAND: " (the
** command being run), and the name someone probably meant when they
** typed one that does not exist.
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char *command;         /* NULL: before one is chosen */

void cli_set_command(const char *name)
{
    command = name;
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("warta: ", stderr);
    if (command)
        fprintf(stderr, "%s: ", command);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void cli_log(void *ud, warta_log_level level, const char *msg)
{
    (void)ud;
    if (level <= WARTA_LOG_WARN)
        cli_error("%s", msg);
}

/* The edits (a letter in, out, changed, or two swapped) that make a (an
** bytes) into b; names are short, so the table fits on the stack. */
#define MAX_NAME 32
static size_t edits(const char *a, size_t an, const char *b, size_t bn)
{
    size_t d[MAX_NAME + 1][MAX_NAME + 1];
    for (size_t i = 0; i <= an; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= bn; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= an; i++)
        for (size_t j = 1; j <= bn; j++) {
            size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
                a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[an][bn];
}

const char *cli_closest(const char *word, size_t len,
                        const char *const *names, size_t n)
{
    const char *best = NULL;
    size_t best_edits = len < 4 ? 1 : 2;    /* "ab" is not "xy" */
    size_t best_gap = 0;                    /* |its length - len| */
    if (len == 0 || len > MAX_NAME)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        size_t nn = strlen(names[i]);
        if (nn > MAX_NAME)
            continue;
        if (nn > len && strncmp(names[i], word, len) == 0 && len >= 2)
            return names[i];                /* "--dat": --date */
        /* of two as near, the one as long: "tpo" is a slip of "top" */
        size_t e = edits(word, len, names[i], nn);
        size_t gap = nn > len ? nn - len : len - nn;
        if (e <= best_edits &&
            (!best || e < best_edits || (e == best_edits && gap < best_gap)))
            best = names[i], best_edits = e, best_gap = gap;
    }
    return best;
}
