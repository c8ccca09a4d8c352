/*
** progress.c -- a one-line status on a terminal for long runs: documents,
** items, documents per second, MB/s and the time left.  It draws only
** when stderr is a terminal and stdout is not, so piped output and logs
** stay clean.
*/
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define REDRAW_NS 250000000ull      /* four times a second */

uint64_t clock_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

void progress_start(progress *p, const char *item_name, bool allowed)
{
    p->on = allowed && isatty(STDERR_FILENO) && !isatty(STDOUT_FILENO);
    p->t_start = p->t_last = clock_ns();
    p->docs = p->items = 0;
    p->item_name = item_name;
}

void progress_update(progress *p, uint64_t docs, uint64_t items,
                     uint64_t bytes_done, uint64_t bytes_total)
{
    if (!p->on)
        return;
    uint64_t now = clock_ns();
    p->docs = docs;
    p->items = items;
    if (now - p->t_last < REDRAW_NS)
        return;
    p->t_last = now;
    double secs = (double)(now - p->t_start) / 1e9;
    double rate = secs > 0 ? (double)docs / secs : 0;
    double mbs = secs > 0 ? (double)bytes_done / secs / 1e6 : 0;
    char eta[32] = "?";
    if (bytes_total && bytes_done && bytes_done <= bytes_total) {
        double left = secs * (double)(bytes_total - bytes_done) /
                      (double)bytes_done;
        snprintf(eta, sizeof eta, "%d:%02d", (int)(left / 60),
                 (int)left % 60);
    }
    fprintf(stderr, "\r\033[K%llu docs, %llu %s, %.0f docs/s, %.1f MB/s, ETA %s",
            (unsigned long long)docs, (unsigned long long)items, p->item_name,
            rate, mbs, eta);
    fflush(stderr);
}

void progress_end(progress *p)
{
    if (p->on) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
}
