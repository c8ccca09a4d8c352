/*
** coders.c -- the threads that code articles (see coders.h):
**
**   calling thread: reads the inputs' articles into the window
**   N coders:       each takes the next article read, copies it into its
**                   own context and codes it there (spec->code)
**   one taker:      hands each coded article on (spec->take) in input
**                   order, and reports what was skipped
**
** The window holds the last WINDOW articles read and not yet taken, each
** at its place in input order: the taker sees them as one thread reading
** and coding would, whatever order the coders finish them in.  A read
** failure and the end of an input take a place too, so that the messages
** come in input order as well.  The dictionaries and models are shared
** read-only; nothing else is shared but the window, under one lock.
** Threads wake each other for BATCH places at a time, not for each: a
** sentence of news is coded in a fraction of a millisecond, and waking a
** thread for each took two context switches a sentence (7% of a run).
*/
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coders.h"

#define WINDOW 64
#define BATCH 16                    /* places a wake-up is for */

typedef enum {
    PLACE_ARTICLE,
    PLACE_BAD_ARTICLE,              /* could not be read */
    PLACE_BAD_INPUT,                /* could not be opened */
    PLACE_END_OF_INPUT
} place_kind;

typedef struct place {
    place_kind kind;
    bool coded;                     /* a coder is done with it */
    const char *input;              /* as named on the command line */
    warta_doc *read;                /* as read, in the reader's context */
    warta_doc *doc;                 /* the coder's copy, coded; NULL when
                                       it failed */
    char *why;                      /* a failure's message (malloc'd) */
    warta_buf out;                  /* spec->code's (kept from one use of
                                       the place to the next) */
    uint64_t items;
} place;

typedef struct pool {
    const coders_spec *spec;
    pthread_mutex_t lock;
    pthread_cond_t work, done, room;    /* for coders, taker, reader */
    place window[WINDOW];
    uint64_t n_offered;             /* articles read, ours or not */
    uint64_t n_read, n_claimed, n_taken;    /* places filled, given to a
                                               coder, taken */
    bool closed;                    /* nothing more will be read */
    run_totals taken;               /* the taker's counts */
    atomic_ullong docs, items;      /* the same, for the progress line */
} pool;

typedef struct coder {
    pool *p;
    warta_ctx *ctx;
    pthread_t thread;
} coder;

/* "ID: why, skipped", malloc'd; NULL when out of memory. */
static char *skipped_message(const char *id, const char *why)
{
    static const char fmt[] = "%s: %s, skipped";
    int n = snprintf(NULL, 0, fmt, id, why);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s)
        snprintf(s, (size_t)n + 1, fmt, id, why);
    return s;
}

/* Is there work for the taker (the lock held)?  BATCH places coded in a
** row, or every place read; or the end. */
static bool taker_may_go(const pool *p)
{
    uint64_t i = p->n_taken;
    while (i < p->n_read && i - p->n_taken < BATCH &&
           p->window[i % WINDOW].coded)
        i++;
    return (i > p->n_taken && (i - p->n_taken == BATCH || i == p->n_read)) ||
           (p->closed && p->n_taken == p->n_read);
}

/* ---- the coders ------------------------------------------------------ */

static void code_one(coder *c, place *pl)
{
    const coders_spec *spec = c->p->spec;
    pl->out.n = 0;
    pl->items = 0;
    warta_status rc = warta_doc_copy(c->ctx, pl->read, &pl->doc);
    if (rc == WARTA_OK)
        rc = spec->code(c->ctx, pl->doc, spec->ud, &pl->out, &pl->items);
    if (rc != WARTA_OK) {
        pl->why = skipped_message(warta_doc_meta(pl->read)->id,
                                  warta_errmsg(c->ctx));
        warta_doc_free(pl->doc);
        pl->doc = NULL;
    }
    warta_doc_free(pl->read);
    pl->read = NULL;
}

static void *coder_main(void *arg)
{
    coder *c = arg;
    pool *p = c->p;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->n_claimed == p->n_read && !p->closed)
            pthread_cond_wait(&p->work, &p->lock);
        if (p->n_claimed == p->n_read)
            break;
        place *pl = &p->window[p->n_claimed++ % WINDOW];
        pthread_mutex_unlock(&p->lock);
        if (pl->kind == PLACE_ARTICLE)
            code_one(c, pl);
        pthread_mutex_lock(&p->lock);
        pl->coded = true;
        if (taker_may_go(p))
            pthread_cond_signal(&p->done);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* ---- the taker ------------------------------------------------------- */

static void take_one(pool *p, place *pl, skip_log *skips)
{
    const char *why = pl->why ? pl->why : "out of memory";
    skips->input = pl->input;
    switch (pl->kind) {
    case PLACE_BAD_INPUT:
        cli_error("%s", why);
        p->taken.skipped++;
        break;
    case PLACE_BAD_ARTICLE:
        cli_skip(skips, "%s", why);
        p->taken.skipped++;
        break;
    case PLACE_END_OF_INPUT:
        cli_skips_end(skips);
        *skips = (skip_log){0};
        break;
    case PLACE_ARTICLE:
        if (!pl->doc) {
            cli_skip(skips, "%s", why);
            p->taken.skipped++;
            break;
        }
        p->spec->take(pl->doc, &pl->out, p->spec->ud);
        p->taken.docs++;
        p->taken.items += pl->items;
        atomic_store(&p->docs, p->taken.docs);
        atomic_store(&p->items, p->taken.items);
        break;
    }
    warta_doc_free(pl->doc);
    pl->doc = NULL;
    free(pl->why);
    pl->why = NULL;
}

static void *taker_main(void *arg)
{
    pool *p = arg;
    skip_log skips = {0};
    pthread_mutex_lock(&p->lock);
    for (;;) {
        place *pl = &p->window[p->n_taken % WINDOW];
        if (!(p->n_taken < p->n_read && pl->coded))
            while (!taker_may_go(p))
                pthread_cond_wait(&p->done, &p->lock);
        if (p->n_taken == p->n_read)
            break;
        pthread_mutex_unlock(&p->lock);
        take_one(p, pl, &skips);
        pthread_mutex_lock(&p->lock);
        p->n_taken++;
        if (p->n_read - p->n_taken == WINDOW - BATCH)   /* room for BATCH */
            pthread_cond_signal(&p->room);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* ---- the reader (the calling thread) ---------------------------------- */

/* Put the next place in the window, once there is room for it. */
static void put(pool *p, place_kind kind, const char *input, warta_doc *read,
                char *why)
{
    pthread_mutex_lock(&p->lock);
    while (p->n_read - p->n_taken == WINDOW)
        pthread_cond_wait(&p->room, &p->lock);
    place *pl = &p->window[p->n_read % WINDOW];
    pl->kind = kind;
    pl->coded = false;
    pl->input = input;
    pl->read = read;
    pl->why = why;
    p->n_read++;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->lock);
}

/* Is the next article of the inputs this process's (coders_spec.part)? */
static bool ours(pool *p)
{
    const coders_spec *spec = p->spec;
    uint64_t k = p->n_offered++;
    return spec->parts <= 1 || k % spec->parts == spec->part;
}

static void read_input(pool *p, warta_ctx *ctx, const char *path,
                       uint64_t *bytes)
{
    const coders_spec *spec = p->spec;
    warta_reader *rd;
    if (warta_reader_open(ctx, path, spec->read_opts, &rd) != WARTA_OK) {
        if (spec->parts <= 1 || spec->part == 0)
            put(p, PLACE_BAD_INPUT, path, NULL, strdup(warta_errmsg(ctx)));
        return;
    }
    warta_status rc;
    warta_doc *doc;
    uint64_t done = 0, total = 0;
    while ((rc = warta_reader_next(rd, &doc)) != WARTA_DONE) {
        if (!ours(p))
            warta_doc_free(doc);
        else if (rc == WARTA_OK)
            put(p, PLACE_ARTICLE, path, doc, NULL);
        else
            put(p, PLACE_BAD_ARTICLE, path, NULL, strdup(warta_errmsg(ctx)));
        warta_reader_progress(rd, &done, &total);
        progress_update(spec->progress, atomic_load(&p->docs),
                        atomic_load(&p->items), *bytes + done,
                        *bytes + total);
    }
    warta_reader_progress(rd, &done, &total);
    *bytes += done;
    warta_reader_close(rd);
    put(p, PLACE_END_OF_INPUT, path, NULL, NULL);
}

/* ---- the run ----------------------------------------------------------- */

static bool start_coder(coder *c, pool *p, const coders_spec *spec)
{
    c->p = p;
    if (warta_open(spec->cfg, &c->ctx) != WARTA_OK) {
        cli_error("cannot open a context for a coding thread");
        return false;
    }
    if (!cli_use_models(c->ctx, spec->models))
        return false;
    if (pthread_create(&c->thread, NULL, coder_main, c) != 0) {
        cli_error("cannot start a coding thread");
        return false;
    }
    return true;
}

/* No more places: the threads finish what is in the window and end. */
static void close_window(pool *p)
{
    pthread_mutex_lock(&p->lock);
    p->closed = true;
    pthread_cond_broadcast(&p->work);
    pthread_cond_broadcast(&p->done);
    pthread_mutex_unlock(&p->lock);
}

bool coders_run(warta_ctx *ctx, char **inputs, int n_inputs,
                const coders_spec *spec, run_totals *t)
{
    static char *stdin_only[] = {"-"};
    coder coders[CODERS_MAX_THREADS] = {{0}};
    pool *p = calloc(1, sizeof *p);
    if (!p) {
        cli_error("out of memory");
        return false;
    }
    p->spec = spec;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    pthread_cond_init(&p->room, NULL);
    unsigned started = 0;
    while (started < spec->threads && start_coder(&coders[started], p, spec))
        started++;
    pthread_t taker;
    bool ok = started == spec->threads &&
              pthread_create(&taker, NULL, taker_main, p) == 0;
    if (ok) {
        if (n_inputs == 0) {
            inputs = stdin_only;
            n_inputs = 1;
        }
        for (int i = 0; i < n_inputs; i++)
            read_input(p, ctx, inputs[i], &t->bytes);
    } else if (started == spec->threads) {
        cli_error("cannot start a thread");
    }
    close_window(p);
    for (unsigned i = 0; i < started; i++)
        pthread_join(coders[i].thread, NULL);
    if (ok)
        pthread_join(taker, NULL);
    /* the coded articles the taker freed were the coders' contexts' */
    for (unsigned i = 0; i < spec->threads; i++)
        warta_close(coders[i].ctx);
    progress_end(spec->progress);
    t->docs += p->taken.docs;
    t->items += p->taken.items;
    t->skipped += p->taken.skipped;
    /* every context allocates as cli_config's do: with malloc */
    for (size_t i = 0; i < WINDOW; i++)
        warta_buf_free(ctx, &p->window[i].out);
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    pthread_cond_destroy(&p->room);
    free(p);
    return ok;
}

unsigned coders_default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > CODERS_MAX_THREADS ? CODERS_MAX_THREADS : (unsigned)n;
}
