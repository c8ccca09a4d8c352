/*
** messages.c -- how the warta command speaks to people: errors and the
** library's log lines on stderr, prefixed with the program name.
*/
#include <stdarg.h>
#include <stdio.h>

#include "cli.h"

void cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("warta: ", stderr);
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
