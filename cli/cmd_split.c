/*
** cmd_split.c -- `warta split`: articles in, one sentence per line out
** (JSON, or a readable text form), with tokens and stems on request.
*/
#include <string.h>
#include <unistd.h>

#include "cli.h"

typedef struct split_opts {
    const char *date, *lang;
    int format;                     /* of formats */
    bool tokens, stats, no_progress;
} split_opts;

static const char *const formats[] = {"json", "text", NULL};
enum { FORMAT_JSON, FORMAT_TEXT };

static const char usage[] =
    "usage: warta split [options] [FILE|DIR|-]...\n"
    "  Split articles into sentences; one JSON object per sentence.\n"
    "  --format json|text   output form (default json)\n"
    "  --tokens             add tokens (with stems for Indonesian)\n"
    INPUT_USAGE
    "  --stats              time spent per stage, on stderr\n";

static void print_text(const warta_doc *doc, const warta_sentence *s,
                       bool tokens)
{
    const warta_meta *m = warta_doc_meta(doc);
    printf("%s#%zu %-7s %s  %.*s\n", m->id ? m->id : "-", s->index,
           warta_kind_name(s->kind), s->lang, (int)s->text.n, s->text.p);
    if (!tokens)
        return;
    for (size_t i = 0; i < s->n_tokens; i++) {
        const warta_token *t = &s->tokens[i];
        printf("    %-20.*s", (int)t->text.n, t->text.p);
        if (t->stem.n)
            printf(" %.*s %s%s%s", (int)t->stem.n, t->stem.p,
                   warta_prefix_name(t->prefix), warta_suffix_name(t->suffix),
                   warta_clitic_name(t->clitic));
        putchar('\n');
    }
}

typedef struct split_run {
    const split_opts *o;
    warta_buf out;
} split_run;

static warta_status split_doc(warta_ctx *ctx, warta_doc *doc, void *ud,
                              uint64_t *items)
{
    split_run *r = ud;
    const split_opts *o = r->o;
    warta_stage last = o->tokens ? WARTA_STAGE_STEMS : WARTA_STAGE_SPLIT;
    warta_status rc = warta_doc_process(ctx, doc, last, o->lang);
    size_t n = warta_doc_n_sentences(doc);
    bool text = o->format == FORMAT_TEXT;
    unsigned flags = o->tokens ? WARTA_WRITE_TOKENS : 0;
    r->out.n = 0;
    for (size_t i = 0; i < n && rc == WARTA_OK; i++) {
        if (text)
            print_text(doc, warta_doc_sentence(doc, i), o->tokens);
        else
            rc = warta_write_sentence(ctx, doc, i, flags, &r->out);
    }
    if (rc == WARTA_OK && r->out.n)
        fwrite(r->out.p, 1, r->out.n, stdout);
    *items = n;
    return rc;
}

int cmd_split(int argc, char **argv)
{
    split_opts o = {0};
    cli_opt opts[] = {
        OPT("format", OPT_CHOICE, &o.format, .choices = formats),
        OPT("tokens", OPT_FLAG, &o.tokens),
        INPUT_OPTIONS(&o.date, &o.lang, &o.no_progress),
        OPT("stats", OPT_FLAG, &o.stats),
    };
    int n_inputs;
    int rc = cli_parse_options(argc, argv, CLI_OPTIONS(opts), usage,
                               &n_inputs);
    if (rc)
        return rc == CLI_HELP ? EXIT_ALL_OK : rc;
    warta_config cfg = {.log = cli_log};
    warta_ctx *ctx;
    if (warta_open(&cfg, &ctx) != WARTA_OK) {
        cli_error("cannot start: out of memory");
        return EXIT_FAILED;
    }
    progress pg;
    progress_start(&pg, "sentences", !o.no_progress);
    uint64_t t0 = clock_ns();
    warta_read_opts ro = {.date = o.date, .lang = o.lang};
    split_run run = {.o = &o};
    run_spec spec = {.read_opts = &ro, .fn = split_doc, .ud = &run,
                     .progress = &pg};
    run_totals t = {0};
    cli_run_inputs(ctx, argv + 1, n_inputs, &spec, &t);
    warta_buf_free(ctx, &run.out);
    if (o.stats)
        cli_print_stats(ctx, t.bytes, t.items, clock_ns() - t0);
    if (t.skipped)
        cli_error("%llu articles split, %zu skipped",
                  (unsigned long long)t.docs, t.skipped);
    warta_close(ctx);
    return t.skipped ? EXIT_SKIPPED : EXIT_ALL_OK;
}
