/*
** cmd_ingest.c -- `warta ingest`: code articles on worker threads and
** write them through one writer into an event store.
**
**   main thread: reads articles  -> to_code queue
**   N workers:   copy each into their own context, code it -> to_store
**   writer:      stores each coded document, commits in batches
**
** Every document lands with its events in one transaction, so a run that
** is killed leaves a store that opens, and running the same command again
** stores what was missing: stored documents are skipped.
*/
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define MAX_THREADS 64
#define QUEUE_CAP 64
#define BATCH_DOCS 256              /* documents per transaction */

static const char usage[] =
    "usage: warta ingest --db FILE [options] [FILE|DIR|-]...\n"
    "  Code articles and store their events in FILE (SQLite), merging\n"
    "  the same event reported by many articles.  Articles already stored\n"
    "  are skipped, so running the same command again adds nothing.\n"
    "  --db FILE            the store (created if missing)\n"
    "  --threads N          coding threads (default: the cores)\n"
    "  --dict PATH          dictionaries, as for `warta code` (repeatable)\n"
    CODER_SYNTAX_USAGE CODER_MODE_USAGE INPUT_USAGE;

/* A bounded queue of documents between threads; closing it lets the
** consumers drain it and stop. */
typedef struct doc_queue {
    pthread_mutex_t lock;
    pthread_cond_t not_empty, not_full;
    warta_doc *items[QUEUE_CAP];
    size_t head, n;
    int producers;                  /* still pushing; 0: closed */
} doc_queue;

static void queue_init(doc_queue *q, int producers)
{
    memset(q, 0, sizeof *q);
    pthread_mutex_init(&q->lock, NULL);
    pthread_cond_init(&q->not_empty, NULL);
    pthread_cond_init(&q->not_full, NULL);
    q->producers = producers;
}

static void queue_destroy(doc_queue *q)
{
    pthread_mutex_destroy(&q->lock);
    pthread_cond_destroy(&q->not_empty);
    pthread_cond_destroy(&q->not_full);
}

static void queue_push(doc_queue *q, warta_doc *doc)
{
    pthread_mutex_lock(&q->lock);
    while (q->n == QUEUE_CAP)
        pthread_cond_wait(&q->not_full, &q->lock);
    q->items[(q->head + q->n++) % QUEUE_CAP] = doc;
    pthread_cond_signal(&q->not_empty);
    pthread_mutex_unlock(&q->lock);
}

/* One producer is done; the last one closes the queue. */
static void queue_done(doc_queue *q)
{
    pthread_mutex_lock(&q->lock);
    q->producers--;
    pthread_cond_broadcast(&q->not_empty);
    pthread_mutex_unlock(&q->lock);
}

/* The next document, or NULL once the queue is closed and empty. */
static warta_doc *queue_pop(doc_queue *q)
{
    pthread_mutex_lock(&q->lock);
    while (q->n == 0 && q->producers > 0)
        pthread_cond_wait(&q->not_empty, &q->lock);
    warta_doc *doc = NULL;
    if (q->n) {
        doc = q->items[q->head];
        q->head = (q->head + 1) % QUEUE_CAP;
        q->n--;
        pthread_cond_signal(&q->not_full);
    }
    pthread_mutex_unlock(&q->lock);
    return doc;
}

typedef struct ingest {
    const char *lang;
    warta_dict *dict;
    warta_code_opts code_opts;
    const model_list *models;       /* loaded once, used by every worker */
    const warta_config *cfg;
    warta_ctx *store_ctx;           /* the writer's */
    doc_queue to_code, to_store;
    warta_store *store;
    /* what is committed, for the summary (and the progress line) */
    atomic_ullong stored, replaced, same, failed, events;
    atomic_bool write_failed;
} ingest;

/* What the writer's open transaction holds: counted once it commits. */
typedef struct batch {
    unsigned long long docs, stored, replaced, same, events;
} batch;

/* A coding thread and its context.  The context outlives the thread: the
** documents it coded are freed by the writer. */
typedef struct worker {
    ingest *in;
    warta_ctx *ctx;
    pthread_t thread;
} worker;

static void *worker_main(void *arg)
{
    worker *w = arg;
    ingest *in = w->in;
    warta_ctx *ctx = w->ctx;
    warta_doc *read;
    while ((read = queue_pop(&in->to_code)) != NULL) {
        warta_doc *doc = NULL;
        warta_status rc = ctx ? warta_doc_copy(ctx, read, &doc) : WARTA_ENOMEM;
        if (rc == WARTA_OK)
            rc = warta_doc_process(ctx, doc, WARTA_STAGE_STEMS, in->lang);
        if (rc == WARTA_OK)
            rc = warta_doc_code_opts(ctx, doc, in->dict, &in->code_opts);
        if (rc == WARTA_OK) {
            queue_push(&in->to_store, doc);
        } else {
            cli_error("%s: %s, skipped", warta_doc_meta(read)->id,
                      ctx ? warta_errmsg(ctx) : "no context");
            atomic_fetch_add(&in->failed, 1);
            warta_doc_free(doc);
        }
        warta_doc_free(read);
    }
    queue_done(&in->to_store);
    return NULL;
}

static bool store_one(ingest *in, warta_doc *doc, batch *b)
{
    warta_stored what;
    if (warta_store_add(in->store, doc, &what) != WARTA_OK) {
        cli_error("%s: %s, skipped", warta_doc_meta(doc)->id,
                  warta_errmsg(in->store_ctx));
        atomic_fetch_add(&in->failed, 1);
        return false;
    }
    b->docs++;
    unsigned long long *count[] = {[WARTA_STORED_NEW] = &b->stored,
                                   [WARTA_STORED_REPLACED] = &b->replaced,
                                   [WARTA_STORED_SAME] = &b->same};
    ++*count[what];
    if (what != WARTA_STORED_SAME)
        b->events += warta_doc_n_events(doc);
    return true;
}

/* End the writer's transaction: what it holds is stored, or (the commit
** failing) is not, and counts as failed; documents already stored count
** as such either way. */
static bool end_batch(ingest *in, batch *b)
{
    bool ok = warta_store_commit(in->store) == WARTA_OK;
    if (ok) {
        atomic_fetch_add(&in->stored, b->stored);
        atomic_fetch_add(&in->replaced, b->replaced);
        atomic_fetch_add(&in->events, b->events);
    } else {
        atomic_fetch_add(&in->failed, b->stored + b->replaced);
    }
    atomic_fetch_add(&in->same, b->same);
    *b = (batch){0};
    return ok;
}

/* The one writer: every document goes in through here, BATCH_DOCS to a
** transaction.  A document that fails ends its batch at once, so that a
** failure that took the transaction with it (a full disk) is known:
** after that, nothing more is written and the rest counts as failed. */
static void *writer_main(void *arg)
{
    ingest *in = arg;
    batch b = {0};
    bool open = false, ok = true;
    warta_doc *doc;
    while ((doc = queue_pop(&in->to_store)) != NULL) {
        if (ok && !open)
            ok = open = warta_store_begin(in->store) == WARTA_OK;
        if (!ok)
            atomic_fetch_add(&in->failed, 1);
        else if (!store_one(in, doc, &b) || b.docs == BATCH_DOCS) {
            ok = end_batch(in, &b);
            open = false;
        }
        warta_doc_free(doc);
    }
    if (ok && open)
        ok = end_batch(in, &b);
    if (!ok)
        atomic_store(&in->write_failed, true);
    return NULL;
}

/* The main thread's part: read every input and hand the articles on. */
static void read_inputs(warta_ctx *ctx, ingest *in, char **inputs, int n,
                        const warta_read_opts *ro, progress *pg,
                        run_totals *t)
{
    static char *stdin_only[] = {"-"};
    if (n == 0) {
        inputs = stdin_only;
        n = 1;
    }
    for (int i = 0; i < n; i++) {
        warta_reader *rd;
        if (warta_reader_open(ctx, inputs[i], ro, &rd) != WARTA_OK) {
            cli_error("%s", warta_errmsg(ctx));
            t->skipped++;
            continue;
        }
        warta_status rc;
        warta_doc *doc;
        uint64_t done = 0, total = 0;
        skip_log skips = {.input = inputs[i]};
        while ((rc = warta_reader_next(rd, &doc)) != WARTA_DONE) {
            if (rc != WARTA_OK) {
                cli_skip(&skips, "%s", warta_errmsg(ctx));
                t->skipped++;
                continue;
            }
            queue_push(&in->to_code, doc);
            t->docs++;
            warta_reader_progress(rd, &done, &total);
            progress_update(pg, atomic_load(&in->stored) +
                                    atomic_load(&in->replaced) +
                                    atomic_load(&in->same),
                            atomic_load(&in->events), t->bytes + done,
                            t->bytes + total);
        }
        warta_reader_progress(rd, &done, &total);
        t->bytes += done;
        warta_reader_close(rd);
        cli_skips_end(&skips);
    }
}

static unsigned default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (unsigned)n;
}

static void print_summary(const char *db, ingest *in, const run_totals *t,
                          warta_store *st)
{
    warta_store_counts c = {0};
    warta_store_count(st, &c);
    unsigned long long skipped = t->skipped + atomic_load(&in->failed);
    printf("%s: %llu new, %llu replaced, %llu already stored, %llu skipped "
           "(unreadable or failed); the store holds %llu documents, "
           "%llu events, %llu mentions\n",
           db, (unsigned long long)atomic_load(&in->stored),
           (unsigned long long)atomic_load(&in->replaced),
           (unsigned long long)atomic_load(&in->same), skipped,
           (unsigned long long)c.documents, (unsigned long long)c.events,
           (unsigned long long)c.mentions);
}

typedef struct ingest_opts {
    const char *db, *date, *lang;
    dict_list dicts;
    coder_args coder;
    unsigned threads;
    bool no_progress;
} ingest_opts;

static int parse_options(int argc, char **argv, ingest_opts *o,
                         int *n_inputs)
{
    cli_opt opts[] = {
        OPT("db", OPT_TEXT, &o->db, .required = true),
        OPT("threads", OPT_NUMBER, &o->threads, .min = 1, .max = MAX_THREADS),
        DICT_OPTION(&o->dicts),
        CODER_SYNTAX_OPTIONS(&o->coder),
        CODER_MODE_OPTIONS(&o->coder),
        INPUT_OPTIONS(&o->date, &o->lang, &o->no_progress),
    };
    int rc = cli_parse_options(argc, argv, CLI_OPTIONS(opts), usage, n_inputs);
    return rc ? rc : coder_args_check(&o->coder);
}

static void run_threads(warta_ctx *ctx, ingest *in, unsigned n_threads,
                        char **inputs, int n_inputs,
                        const warta_read_opts *ro, progress *pg,
                        run_totals *t)
{
    worker workers[MAX_THREADS];
    pthread_t writer;
    queue_init(&in->to_code, 1);
    queue_init(&in->to_store, (int)n_threads);
    pthread_create(&writer, NULL, writer_main, in);
    for (unsigned i = 0; i < n_threads; i++) {
        workers[i] = (worker){.in = in};
        /* each context parses with the models the main one loaded */
        if (warta_open(in->cfg, &workers[i].ctx) != WARTA_OK ||
            !cli_use_models(workers[i].ctx, in->models)) {
            cli_error("a coding thread could not start");
            warta_close(workers[i].ctx);
            workers[i].ctx = NULL;
        }
        pthread_create(&workers[i].thread, NULL, worker_main, &workers[i]);
    }
    read_inputs(ctx, in, inputs, n_inputs, ro, pg, t);
    queue_done(&in->to_code);
    for (unsigned i = 0; i < n_threads; i++)
        pthread_join(workers[i].thread, NULL);
    pthread_join(writer, NULL);
    for (unsigned i = 0; i < n_threads; i++)
        warta_close(workers[i].ctx);
    progress_end(pg);
    queue_destroy(&in->to_code);
    queue_destroy(&in->to_store);
}

int cmd_ingest(int argc, char **argv)
{
    ingest_opts o = {.threads = default_threads()};
    int n_inputs;
    int rc = parse_options(argc, argv, &o, &n_inputs);
    if (rc)
        return rc == CLI_HELP ? EXIT_ALL_OK : rc;
    warta_config cfg = cli_config();
    warta_ctx *ctx;
    if (warta_open(&cfg, &ctx) != WARTA_OK)
        return EXIT_FAILED;
    ingest in = {.lang = o.lang, .cfg = &cfg,
                 .code_opts = coder_args_opts(&o.coder),
                 .models = &o.coder.models};
    int status = EXIT_FAILED;
    /* The store has a context of its own: the writer thread uses it. */
    if (warta_open(&cfg, &in.store_ctx) != WARTA_OK ||
        warta_store_open(in.store_ctx, o.db, 0, &in.store) != WARTA_OK) {
        cli_error("%s", in.store_ctx ? warta_errmsg(in.store_ctx)
                                     : "out of memory");
        goto done;
    }
    if (!(in.dict = cli_load_dicts(ctx, &o.dicts)) ||
        !coder_args_load(ctx, &o.coder))
        goto done;
    progress pg;
    progress_start(&pg, "events", !o.no_progress);
    /* stdout carries only the summary here, so a terminal may show both */
    pg.on = !o.no_progress && isatty(STDERR_FILENO);
    warta_read_opts ro = {.date = o.date, .lang = o.lang};
    run_totals t = {0};
    run_threads(ctx, &in, o.threads, argv + 1, n_inputs, &ro, &pg, &t);
    print_summary(o.db, &in, &t, in.store);
    if (atomic_load(&in.write_failed))
        cli_error("%s", warta_errmsg(in.store_ctx));
    status = atomic_load(&in.write_failed) ? EXIT_FAILED
             : t.skipped || atomic_load(&in.failed) ? EXIT_SKIPPED
                                                    : EXIT_ALL_OK;
done:
    warta_store_close(in.store);
    warta_dict_free(in.dict);
    warta_close(in.store_ctx);
    coder_args_free(&o.coder);      /* the contexts that used them are gone */
    warta_close(ctx);
    return status;
}
