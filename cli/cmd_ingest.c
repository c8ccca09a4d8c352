/*
** cmd_ingest.c -- `warta ingest`: code articles on worker threads and
** write them through one writer into an event store.
**
**   main thread: reads articles
**   N coders:    code each in their own context (coders.c)
**   writer:      stores each coded document in input order, commits in
**                batches
**
** Every document lands with its events in one transaction, so a run that
** is killed leaves a store that opens, and running the same command again
** stores what was missing: stored documents are skipped.  The documents
** are stored in input order, so the store is the same whatever the number
** of threads.
**
** With --mpi, each of the processes mpirun starts (on one machine or
** many) reads every input but codes and stores only its share of the
** articles (ingest_mpi.h), into one store that takes many writers at once
** (PostgreSQL): rank 0 shows the progress of its share and the summary of
** all.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli.h"
#include "coders.h"
#include "ingest_mpi.h"

#define BATCH_DOCS 256              /* documents per transaction */

static const char usage[] =
    "usage: warta ingest --db STORE [options] [FILE|DIR|-]...\n"
    "  Code articles and store their events in STORE, merging the same\n"
    "  event reported by many articles.  Articles already stored are\n"
    "  skipped, so running the same command again adds nothing.\n"
    "  --db STORE           an SQLite file (created if missing), or a\n"
    "                       PostgreSQL database: postgresql://...\n"
    "  --threads N          coding threads (default: the cores)\n"
    "  --mpi                one of the processes mpirun starts: each codes\n"
    "                       its share of the articles\n"
    "  --dict PATH          dictionaries, as for `warta code` (repeatable)\n"
    CODER_SYNTAX_USAGE CODER_MODE_USAGE INPUT_USAGE;

/* What the writer's open transaction holds: counted once it commits. */
typedef struct batch {
    unsigned long long docs, stored, replaced, same, events;
} batch;

typedef struct ingest {
    const char *lang;
    warta_dict *dict;
    warta_code_opts code_opts;
    warta_ctx *store_ctx;           /* the writer's */
    warta_store *store;
    batch open;                     /* in the open transaction */
    bool in_transaction, write_failed;
    /* what is committed, for the summary */
    unsigned long long stored, replaced, same, failed, events;
} ingest;

/* On a coding thread. */
static warta_status code_doc(warta_ctx *ctx, warta_doc *doc, void *ud,
                             warta_buf *out, uint64_t *items)
{
    const ingest *in = ud;
    (void)out;
    warta_status rc = warta_doc_process(ctx, doc, WARTA_STAGE_STEMS, in->lang);
    if (rc == WARTA_OK)
        rc = warta_doc_code_opts(ctx, doc, in->dict, &in->code_opts);
    *items = warta_doc_n_events(doc);
    return rc;
}

static bool store_one(ingest *in, const warta_doc *doc)
{
    batch *b = &in->open;
    warta_stored what;
    if (warta_store_add(in->store, doc, &what) != WARTA_OK) {
        cli_error("%s: %s, skipped", warta_doc_meta(doc)->id,
                  warta_errmsg(in->store_ctx));
        in->failed++;
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
static bool end_batch(ingest *in)
{
    batch *b = &in->open;
    bool ok = warta_store_commit(in->store) == WARTA_OK;
#ifdef __GLIBC__
    /* glibc keeps the pages of what is freed inside its arenas, resident:
    ** with documents of every size made and freed on three threads, the
    ** RSS of a long input crept up with it (16 copies of the Detik sample
    ** took 16% more than one).  Once a batch, give them back. */
    malloc_trim(0);
#endif
    if (ok) {
        in->stored += b->stored;
        in->replaced += b->replaced;
        in->events += b->events;
    } else {
        in->failed += b->stored + b->replaced;
    }
    in->same += b->same;
    *b = (batch){0};
    in->in_transaction = false;
    return ok;
}

/* The writer, in input order: every document goes in through here,
** BATCH_DOCS to a transaction.  A document that fails ends its batch at
** once, so that a failure that took the transaction with it (a full disk)
** is known: after that, nothing more is written and the rest counts as
** failed. */
static void store_doc(const warta_doc *doc, const warta_buf *out, void *ud)
{
    ingest *in = ud;
    (void)out;
    if (!in->write_failed && !in->in_transaction) {
        in->in_transaction = warta_store_begin(in->store) == WARTA_OK;
        in->write_failed = !in->in_transaction;
    }
    if (in->write_failed)
        in->failed++;
    else if (!store_one(in, doc) || in->open.docs == BATCH_DOCS)
        in->write_failed = !end_batch(in);
}

/* What the run did: its own, or (--mpi) every rank's added up. */
enum { SUM_STORED, SUM_REPLACED, SUM_SAME, SUM_SKIPPED, SUM_FAILED_RANKS,
       N_SUMS };

/* The store as the summary names it: a URI's password, if it has one
** (postgresql://user:secret@host/db), is not shown. */
static void shown_store(const char *db, char *out, size_t n)
{
    const char *auth = strstr(db, "://");
    const char *at = auth ? strchr(auth + 3, '@') : NULL;
    const char *colon = at ? memchr(auth + 3, ':', (size_t)(at - auth - 3))
                           : NULL;
    if (colon && !memchr(auth + 3, '/', (size_t)(at - auth - 3)))
        snprintf(out, n, "%.*s:***%s", (int)(colon - db), db, at);
    else
        snprintf(out, n, "%s", db);
}

static void print_summary(const char *db, const unsigned long long *sum,
                          int ranks, warta_store *st)
{
    char shown[1024];
    shown_store(db, shown, sizeof shown);
    warta_store_counts c = {0};
    if (st)
        warta_store_count(st, &c);
    char by[48] = "";
    if (ranks > 1)
        snprintf(by, sizeof by, ", by %d ranks", ranks);
    printf("%s: %llu new, %llu replaced, %llu already stored, %llu skipped "
           "(unreadable or failed)%s; the store holds %llu documents, "
           "%llu events, %llu mentions\n",
           shown, sum[SUM_STORED], sum[SUM_REPLACED], sum[SUM_SAME],
           sum[SUM_SKIPPED], by, (unsigned long long)c.documents,
           (unsigned long long)c.events, (unsigned long long)c.mentions);
}

typedef struct ingest_opts {
    const char *db, *date, *lang;
    dict_list dicts;
    coder_args coder;
    unsigned threads;
    bool no_progress, mpi;
} ingest_opts;

static int parse_options(int argc, char **argv, ingest_opts *o,
                         int *n_inputs)
{
    cli_opt opts[] = {
        OPT("db", OPT_TEXT, &o->db, .required = true),
        OPT("threads", OPT_NUMBER, &o->threads, .min = 1,
            .max = CODERS_MAX_THREADS),
        OPT("mpi", OPT_FLAG, &o->mpi),
        DICT_OPTION(&o->dicts),
        CODER_SYNTAX_OPTIONS(&o->coder),
        CODER_MODE_OPTIONS(&o->coder),
        INPUT_OPTIONS(&o->date, &o->lang, &o->no_progress),
    };
    int rc = cli_parse_options(argc, argv, CLI_OPTIONS(opts), usage, n_inputs);
    return rc ? rc : coder_args_check(&o->coder);
}

/* Open the store, load what coding needs and code this process's share
** of the inputs into it; false, said, when it could not start. */
static bool ingest_inputs(ingest *in, ingest_opts *o, char **inputs,
                          int n_inputs, const mpi_run *m, warta_ctx *ctx,
                          const warta_config *cfg, run_totals *t)
{
    /* The store has a context of its own: the writer thread uses it. */
    if (warta_open(cfg, &in->store_ctx) != WARTA_OK ||
        warta_store_open(in->store_ctx, o->db, 0, &in->store) != WARTA_OK) {
        cli_error("%s", in->store_ctx ? warta_errmsg(in->store_ctx)
                                      : "out of memory");
        return false;
    }
    if (!(in->dict = cli_load_dicts(ctx, &o->dicts)) ||
        !coder_args_load(ctx, &o->coder))
        return false;
    progress pg;
    progress_start(&pg, "events", !o->no_progress && m->rank == 0);
    /* stdout carries only the summary here, so a terminal may show both */
    pg.on = !o->no_progress && m->rank == 0 && isatty(STDERR_FILENO);
    warta_read_opts ro = {.date = o->date, .lang = o->lang};
    coders_spec spec = {.threads = o->threads, .cfg = cfg,
                        .models = &o->coder.models, .read_opts = &ro,
                        .code = code_doc, .take = store_doc, .ud = in,
                        .progress = &pg, .part = (unsigned)m->rank,
                        .parts = (unsigned)m->size};
    if (!coders_run(ctx, inputs, n_inputs, &spec, t))
        return false;
    if (in->in_transaction)
        in->write_failed = !end_batch(in);
    if (in->write_failed)
        cli_error("%s", warta_errmsg(in->store_ctx));
    return true;
}

int cmd_ingest(int argc, char **argv)
{
    ingest_opts o = {.threads = coders_default_threads()};
    int n_inputs;
    int rc = parse_options(argc, argv, &o, &n_inputs);
    if (rc)
        return rc == CLI_HELP ? EXIT_ALL_OK : rc;
    mpi_run m = {.rank = 0, .size = 1};
    if (o.mpi && !mpi_start(&m))
        return EXIT_FAILED;
    warta_config cfg = cli_config();
    warta_ctx *ctx = NULL;
    ingest in = {.lang = o.lang, .code_opts = coder_args_opts(&o.coder)};
    run_totals t = {0};
    coder_args_start(&o.coder);
    /* a rank that cannot start says so, and the others finish */
    bool ran = warta_open(&cfg, &ctx) == WARTA_OK &&
               ingest_inputs(&in, &o, argv + 1, n_inputs, &m, ctx, &cfg, &t);
    bool failed = !ran || in.write_failed;
    unsigned long long sum[N_SUMS] = {
        [SUM_STORED] = in.stored, [SUM_REPLACED] = in.replaced,
        [SUM_SAME] = in.same, [SUM_SKIPPED] = t.skipped + in.failed,
        [SUM_FAILED_RANKS] = failed};
    if (o.mpi)
        mpi_sum(&m, sum, N_SUMS);
    if (m.rank == 0 && (ran || o.mpi))
        print_summary(o.db, sum, m.size, in.store);
    if (m.rank == 0 && o.mpi && sum[SUM_FAILED_RANKS])
        cli_error("%llu of %d ranks failed (their messages above)",
                  sum[SUM_FAILED_RANKS], m.size);
    int status = failed || (m.rank == 0 && sum[SUM_FAILED_RANKS])
                     ? EXIT_FAILED
                 : sum[SUM_SKIPPED] ? EXIT_SKIPPED
                                    : EXIT_ALL_OK;
    warta_store_close(in.store);
    warta_dict_free(in.dict);
    warta_close(in.store_ctx);
    coder_args_free(&o.coder);      /* the contexts that used them are gone */
    warta_close(ctx);
    if (o.mpi)
        mpi_end(&m);
    return status;
}
