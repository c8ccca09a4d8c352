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
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli.h"
#include "coders.h"

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

static void print_summary(const char *db, ingest *in, const run_totals *t,
                          warta_store *st)
{
    warta_store_counts c = {0};
    warta_store_count(st, &c);
    unsigned long long skipped = t->skipped + in->failed;
    printf("%s: %llu new, %llu replaced, %llu already stored, %llu skipped "
           "(unreadable or failed); the store holds %llu documents, "
           "%llu events, %llu mentions\n",
           db, in->stored, in->replaced, in->same, skipped,
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
        OPT("threads", OPT_NUMBER, &o->threads, .min = 1,
            .max = CODERS_MAX_THREADS),
        DICT_OPTION(&o->dicts),
        CODER_SYNTAX_OPTIONS(&o->coder),
        CODER_MODE_OPTIONS(&o->coder),
        INPUT_OPTIONS(&o->date, &o->lang, &o->no_progress),
    };
    int rc = cli_parse_options(argc, argv, CLI_OPTIONS(opts), usage, n_inputs);
    return rc ? rc : coder_args_check(&o->coder);
}

int cmd_ingest(int argc, char **argv)
{
    ingest_opts o = {.threads = coders_default_threads()};
    int n_inputs;
    int rc = parse_options(argc, argv, &o, &n_inputs);
    if (rc)
        return rc == CLI_HELP ? EXIT_ALL_OK : rc;
    warta_config cfg = cli_config();
    warta_ctx *ctx;
    if (warta_open(&cfg, &ctx) != WARTA_OK)
        return EXIT_FAILED;
    ingest in = {.lang = o.lang, .code_opts = coder_args_opts(&o.coder)};
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
    coders_spec spec = {.threads = o.threads, .cfg = &cfg,
                        .models = &o.coder.models, .read_opts = &ro,
                        .code = code_doc, .take = store_doc, .ud = &in,
                        .progress = &pg};
    run_totals t = {0};
    if (!coders_run(ctx, argv + 1, n_inputs, &spec, &t))
        goto done;
    if (in.in_transaction)
        in.write_failed = !end_batch(&in);
    print_summary(o.db, &in, &t, in.store);
    if (in.write_failed)
        cli_error("%s", warta_errmsg(in.store_ctx));
    status = in.write_failed             ? EXIT_FAILED
             : t.skipped || in.failed ? EXIT_SKIPPED
                                      : EXIT_ALL_OK;
done:
    warta_store_close(in.store);
    warta_dict_free(in.dict);
    warta_close(in.store_ctx);
    coder_args_free(&o.coder);      /* the contexts that used them are gone */
    warta_close(ctx);
    return status;
}
