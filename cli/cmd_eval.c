/*
** cmd_eval.c -- `warta eval`: codes every gold record with the library's
** coder (warta_doc_code) and scores its events against the gold: gold.c
** reads the records, score.c compares.  Prints the records that came out
** wrong (or all, with --verbose), then the totals, on stdout.
*/
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gold.h"
#include "score.h"

typedef struct eval_opts {
    dict_list dicts;        /* --dict paths, in order */
    const char *grammar;    /* added to an XML file's dictionaries */
    char grammar_buf[4096];
    bool verbose, quiet;
} eval_opts;

/* The coder's events of one record, as gold_events; reused. */
typedef struct event_buf {
    gold_event *ev;
    size_t n, cap;
} event_buf;

static const char usage[] =
    "usage: warta eval [options] GOLD...\n"
    "  Code gold records and score the events against them.  GOLD is a\n"
    "  PETRARCH validation file (XML, whose <Environment> names its\n"
    "  dictionaries) or warta gold JSONL, one record a line:\n"
    "  {\"id\",\"date\",\"lang\",\"text\",\"events\":[{\"source\",\"target\","
    "\"code\"}]}\n"
    "  --dict PATH   dictionary file, pack directory or .project; repeat\n"
    "                for more.  Replaces what an XML file names; JSONL\n"
    "                needs it\n"
    "  --grammar PATH  the grammar file added to an XML file's dictionaries\n"
    "                (default: the English pack's grammar.txt)\n"
    "  --verbose     print every record, with the rules and entries used\n"
    "  --quiet       print only the totals\n"
    "  Exit status 0 when it ran, whatever the score; 2 when it could not.\n";

/* A new dictionary set with every path loaded; NULL (said why) if a path
** cannot be loaded at all.  Problems inside a file were already logged. */
/* The dictionaries a PETRARCH file's <Environment> names, in the order
** PETRARCH reads them. */
static size_t env_dicts(const gold_set *g, const char *paths[5],
                        const char *grammar)
{
    const char *all[] = {g->verbs, g->actors, g->agents, g->discards};
    size_t n = 0;
    for (size_t i = 0; i < 4; i++)
        if (all[i])
            paths[n++] = all[i];
    /* PETRARCH's grammar is in its code; ours is the English pack's file */
    if (n && grammar)
        paths[n++] = grammar;
    return n;
}

static bool collect_events(const warta_doc *doc, event_buf *b)
{
    size_t n = warta_doc_n_events(doc);
    if (n > b->cap) {
        gold_event *ev = realloc(b->ev, n * sizeof *ev);
        if (!ev)
            return false;
        b->ev = ev;
        b->cap = n;
    }
    for (size_t i = 0; i < n; i++) {
        const warta_event *e = warta_doc_event(doc, i);
        gold_event *g = &b->ev[i];
        gold_copy_code(g->source, sizeof g->source, e->source.code);
        gold_copy_code(g->target, sizeof g->target, e->target.code);
        gold_copy_code(g->code, sizeof g->code, e->code);
    }
    b->n = n;
    return true;
}

static void print_events(const char *label, const gold_event *ev, size_t n)
{
    printf("  %-9s", label);
    if (n == 0)
        printf(" (none)");
    for (size_t i = 0; i < n; i++)
        printf("%s %s %s %s", i ? ";" : "",
               ev[i].source[0] ? ev[i].source : "\"\"",
               ev[i].target[0] ? ev[i].target : "\"\"", ev[i].code);
    putchar('\n');
}

/* Where each coded event came from: verb, rule and dictionary entries. */
static void print_origins(const warta_doc *doc)
{
    for (size_t i = 0; doc && i < warta_doc_n_events(doc); i++) {
        const warta_event *e = warta_doc_event(doc, i);
        printf("    %s: verb \"%.*s\" (%s), source \"%.*s\" (%s), "
               "target \"%.*s\" (%s)\n", e->code, (int)e->verb.n,
               e->verb.p ? e->verb.p : "", e->rule ? e->rule : "-",
               (int)e->source.text.n, e->source.text.p ? e->source.text.p : "",
               e->source.entry ? e->source.entry : "-",
               (int)e->target.text.n, e->target.text.p ? e->target.text.p : "",
               e->target.entry ? e->target.entry : "-");
    }
}

static void print_record(const gold_record *r, bool exact,
                         const event_buf *got, const warta_doc *doc,
                         bool verbose)
{
    printf("%s %s%s%s%s\n  %s\n", exact ? "right" : "WRONG", r->id,
           r->category ? " [" : "", r->category ? r->category : "",
           r->category ? "]" : "", r->text);
    print_events("expected", r->events, r->expect_none ? 0 : r->n_events);
    print_events("got", got->ev, got->n);
    if (verbose)
        print_origins(doc);
}

/* Code one record and score it; a record the coder fails on is reported
** and scored as having no events.  *previous is the record before,
** coded (for TABARI's FORWARD:), or NULL; it is freed, and this record
** takes its place. */
static void eval_record(warta_ctx *ctx, const warta_dict *dict,
                        const gold_record *r, const eval_opts *o,
                        event_buf *buf, score *s, warta_doc **previous)
{
    if (r->expect_error) {
        warta_doc_free(*previous);
        *previous = NULL;
        score_record(s, r, NULL, 0);
        return;
    }
    warta_meta meta = {.id = r->id, .date = r->date, .lang = r->lang};
    warta_doc *doc = NULL;
    buf->n = 0;
    warta_code_opts co = {.allow_monads = r->allow_monads,
                          .previous = *previous};
    warta_status rc = warta_doc_new(ctx, r->text, strlen(r->text), &meta,
                                    &doc);
    if (rc == WARTA_OK)
        rc = warta_doc_code_opts(ctx, doc, dict, &co);
    if (rc != WARTA_OK)
        cli_error("%s: %s; scored as no events", r->id, warta_errmsg(ctx));
    else if (!collect_events(doc, buf))
        cli_error("%s: out of memory; scored as no events", r->id);
    bool exact = score_record(s, r, buf->ev, buf->n);
    if (o->verbose || (!exact && !o->quiet))
        print_record(r, exact, buf, rc == WARTA_OK ? doc : NULL, o->verbose);
    warta_doc_free(*previous);
    *previous = rc == WARTA_OK ? doc : NULL;
    if (rc != WARTA_OK)
        warta_doc_free(doc);
}

static void score_add(score *to, const score *s)
{
    to->records += s->records;
    to->records_exact += s->records_exact;
    to->errors_skipped += s->errors_skipped;
    to->tp += s->tp;
    to->fp += s->fp;
    to->fn += s->fn;
    to->root_tp += s->root_tp;
    to->root_fp += s->root_fp;
    to->root_fn += s->root_fn;
}

/* A TABARI validation record's "{ OPTION: ... }" lines: applied to the
** dictionaries, for the records after it, as TABARI does. */
static void apply_directive(warta_ctx *ctx, warta_dict *dict,
                            const gold_record *r)
{
    const char *line = r->directive;
    while (*line) {
        size_t n = strcspn(line, "\n");
        char cmd[512];
        snprintf(cmd, sizeof cmd, "%.*s", (int)n, line);
        if (warta_dict_option(ctx, dict, cmd) != WARTA_OK)
            cli_error("%s: %s", r->id, warta_errmsg(ctx));
        line += n + (line[n] == '\n');
    }
}

/* Score every record of one gold file into *total; -1 (said why) when the
** file or its dictionaries cannot be read. */
static int eval_file(warta_ctx *ctx, warta_dict *given,
                     const char *path, const eval_opts *o, event_buf *buf,
                     score *total, bool per_file)
{
    gold_set g;
    char err[512];
    if (gold_read(path, &g, err, sizeof err) != 0) {
        cli_error("%s", err);
        gold_free(&g);
        return -1;
    }
    const char *paths[5];
    size_t n = given ? 0 : g.project ? (paths[0] = g.project, 1)
                                     : env_dicts(&g, paths, o->grammar);
    warta_dict *own = n ? cli_load_dict_files(ctx, paths, n) : NULL;
    if (!given && !own) {
        if (n == 0)
            cli_error("%s names no dictionaries: give --dict PATH", path);
        gold_free(&g);
        return -1;
    }
    score s = {0};
    warta_dict *dict = given ? given : own;
    warta_doc *previous = NULL;     /* a directive is a record too: no
                                       pronoun is forwarded across it */
    for (size_t i = 0; i < g.n; i++)
        if (g.records[i].directive) {
            warta_doc_free(previous);
            previous = NULL;
            apply_directive(ctx, dict, &g.records[i]);
        } else {
            eval_record(ctx, dict, &g.records[i], o, buf, &s, &previous);
        }
    warta_doc_free(previous);
    if (per_file) {
        printf("== %s\n", path);
        score_print(&s, stdout);
    }
    score_add(total, &s);
    if (own)
        warta_dict_free(own);
    gold_free(&g);
    return 0;
}

/* Options into *o; 0 to go on, else CLI_HELP or the exit status. */
static int parse_opts(int argc, char **argv, eval_opts *o, int *n_gold)
{
    cli_opt opts[] = {
        DICT_OPTION(&o->dicts),
        OPT("grammar", OPT_TEXT, &o->grammar),
        OPT("verbose", OPT_FLAG, &o->verbose),
        OPT("quiet", OPT_FLAG, &o->quiet),
    };
    int rc = cli_parse_options(argc, argv, CLI_OPTIONS(opts), usage, n_gold);
    if (rc)
        return rc;
    if (*n_gold == 0) {
        cli_error("no gold file ('warta eval --help' tells more)");
        return EXIT_USAGE;
    }
    if (o->verbose && o->quiet) {
        cli_error("--verbose and --quiet do not go together");
        return EXIT_USAGE;
    }
    return 0;
}

static int run_eval(const eval_opts *o, char **gold, int n_gold)
{
    warta_config cfg = cli_config();
    warta_ctx *ctx;
    if (warta_open(&cfg, &ctx) != WARTA_OK) {
        cli_error("cannot start: out of memory");
        return EXIT_FAILED;
    }
    size_t n_dicts = (size_t)o->dicts.n;
    warta_dict *given =
        n_dicts ? cli_load_dict_files(ctx, o->dicts.paths, n_dicts) : NULL;
    int rc = n_dicts && !given ? EXIT_FAILED : EXIT_ALL_OK;
    score total = {0};
    event_buf buf = {0};
    for (int i = 0; i < n_gold && rc == EXIT_ALL_OK; i++)
        if (eval_file(ctx, given, gold[i], o, &buf, &total, n_gold > 1) != 0)
            rc = EXIT_FAILED;
    if (rc == EXIT_ALL_OK) {
        if (n_gold > 1)
            printf("== all\n");
        score_print(&total, stdout);
    }
    free(buf.ev);
    if (given)
        warta_dict_free(given);
    warta_close(ctx);
    return rc;
}

int cmd_eval(int argc, char **argv)
{
    eval_opts o = {0};
    int n_gold;
    int rc = parse_opts(argc, argv, &o, &n_gold);
    if (rc)
        return rc == CLI_HELP ? EXIT_ALL_OK : rc;
    if (!o.grammar) {
        char dir[2048];
        cli_data_dir(dir, sizeof dir);
        snprintf(o.grammar_buf, sizeof o.grammar_buf,
                 "%s/packs/en/grammar.txt", dir);
        o.grammar = o.grammar_buf;
    }
    return run_eval(&o, argv + 1, n_gold);
}
