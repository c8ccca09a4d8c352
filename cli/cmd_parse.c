/*
** cmd_parse.c -- `warta parse`: articles in, their sentences tagged and
** parsed out, in CoNLL-U (the format of Universal Dependencies) or as JSON
** lines with the tokens and words.
*/

#include "cli.h"

typedef struct parse_opts {
    const char *date, *lang;
    int format;                     /* of formats */
    model_list models;
    bool no_progress, stats;
} parse_opts;

static const char *const formats[] = {"conllu", "json", NULL};
enum { FORMAT_CONLLU, FORMAT_JSON };

static const char usage[] =
    "usage: warta parse [options] [FILE|DIR|-]...\n"
    "  Tag and parse articles: part-of-speech tags and dependency trees of\n"
    "  Universal Dependencies, one sentence at a time.\n"
    "  --format conllu|json CoNLL-U (default), or one JSON object per\n"
    "                       sentence with its tokens and words\n"
    "  --model PATH         a model file (repeatable; default: every\n"
    "                       <lang>.model in models/ of the data\n"
    "                       directory, $WARTA_DATA)\n"
    INPUT_USAGE
    "  --stats              time spent loading models and per stage, and\n"
    "                       the words parsed, on stderr\n";

typedef struct parse_run {
    const parse_opts *o;
    bool conllu;
    warta_buf out;
    uint64_t words;
} parse_run;

static warta_status parse_doc(warta_ctx *ctx, warta_doc *doc, void *ud,
                              uint64_t *items)
{
    parse_run *r = ud;
    warta_status rc = warta_doc_process(ctx, doc, WARTA_STAGE_PARSE, r->o->lang);
    size_t n = warta_doc_n_sentences(doc);
    r->out.n = 0;
    for (size_t i = 0; i < n && rc == WARTA_OK; i++)
        r->words += warta_doc_sentence(doc, i)->n_words;
    for (size_t i = 0; i < n && rc == WARTA_OK; i++)
        rc = r->conllu ? warta_write_conllu(ctx, doc, i, &r->out)
                       : warta_write_sentence(ctx, doc, i, WARTA_WRITE_TOKENS |
                                              WARTA_WRITE_WORDS, &r->out);
    if (rc == WARTA_OK && r->out.n)
        fwrite(r->out.p, 1, r->out.n, stdout);
    *items = n;
    return rc;
}

int cmd_parse(int argc, char **argv)
{
    parse_opts o = {0};
    cli_opt opts[] = {
        OPT("format", OPT_CHOICE, &o.format, .choices = formats),
        MODEL_OPTION(&o.models),
        INPUT_OPTIONS(&o.date, &o.lang, &o.no_progress),
        OPT("stats", OPT_FLAG, &o.stats),
    };
    int n_inputs;
    int rc = cli_parse_options(argc, argv, CLI_OPTIONS(opts), usage,
                               &n_inputs);
    if (rc)
        return rc == CLI_HELP ? EXIT_ALL_OK : rc;
    warta_config cfg = cli_config();
    warta_ctx *ctx;
    if (warta_open(&cfg, &ctx) != WARTA_OK)
        return EXIT_FAILED;
    uint64_t t0 = clock_ns();
    if (!cli_load_models(ctx, &o.models)) {
        cli_free_models(&o.models);
        warta_close(ctx);
        return EXIT_FAILED;
    }
    uint64_t t_load = clock_ns() - t0;
    progress pg;
    progress_start(&pg, "sentences", !o.no_progress);
    warta_read_opts ro = {.date = o.date, .lang = o.lang};
    parse_run run = {.o = &o, .conllu = o.format == FORMAT_CONLLU};
    run_spec spec = {.read_opts = &ro, .fn = parse_doc, .ud = &run,
                     .progress = &pg};
    run_totals t = {0};
    cli_run_inputs(ctx, argv + 1, n_inputs, &spec, &t);
    warta_buf_free(ctx, &run.out);
    if (o.stats) {
        uint64_t ns[WARTA_N_STAGES];
        warta_stage_times(ctx, ns);
        fprintf(stderr, "stats: %d models loaded in %.1f ms\n",
                o.models.n_loaded, (double)t_load / 1e6);
        fprintf(stderr, "stats: %llu words parsed, %.0f words/s in the parse "
                "stage\n", (unsigned long long)run.words,
                ns[WARTA_STAGE_PARSE] ? (double)run.words /
                (ns[WARTA_STAGE_PARSE] / 1e9) : 0.0);
        cli_print_stats(ctx, t.bytes, t.items, clock_ns() - t0 - t_load);
    }
    if (t.skipped)
        cli_error("%llu articles parsed, %zu skipped",
                  (unsigned long long)t.docs, t.skipped);
    cli_free_models(&o.models);
    warta_close(ctx);
    return t.skipped ? EXIT_SKIPPED : EXIT_ALL_OK;
}
