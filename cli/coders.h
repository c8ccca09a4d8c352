/*
** coders.h -- the threads that code articles for `warta code` and `warta
** ingest` (--threads): the calling thread reads, N threads code, one more
** takes each coded article in input order, so that what a command makes
** of them is the same bytes whatever the number of threads.
*/
#ifndef WARTA_CODERS_H
#define WARTA_CODERS_H

#include "cli.h"

#define CODERS_MAX_THREADS 64

typedef struct coders_spec {
    unsigned threads;               /* coding threads, 1 or more */
    const warta_config *cfg;        /* of each coding thread's context */
    const model_list *models;       /* loaded by the command: each coding
                                       thread's context parses with them */
    const warta_read_opts *read_opts;
    /* On a coding thread, with its own context: process and code doc,
    ** append what is to be written of it to out, count its items
    ** (events); an error skips the article with the context's message. */
    warta_status (*code)(warta_ctx *ctx, warta_doc *doc, void *ud,
                         warta_buf *out, uint64_t *items);
    /* On the taking thread, in input order: an article coded and what
    ** code made of it. */
    void (*take)(const warta_doc *doc, const warta_buf *out, void *ud);
    void *ud;                       /* for code (shared: read-only) and take */
    progress *progress;             /* updated by the calling thread */
    /* One of several processes sharing the inputs out (ingest --mpi):
    ** article k of the inputs (in order, unreadable ones counted) is this
    ** one's when k % parts == part; an input that cannot be opened is
    ** part 0's to report.  parts 0 or 1: every article. */
    unsigned part, parts;
} coders_spec;

/* Read every input (none: standard input) with ctx on the calling thread
** and run its articles through the coders and the taker; t counts the
** articles taken, their items, the bytes read and what was skipped (each
** skip reported on stderr, in input order).  False, with a message and
** nothing read, when a thread or its context cannot be started. */
bool coders_run(warta_ctx *ctx, char **inputs, int n_inputs,
                const coders_spec *spec, run_totals *t);

/* One coding thread per core (at most CODERS_MAX_THREADS). */
unsigned coders_default_threads(void);

#endif
