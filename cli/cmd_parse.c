/*
** cmd_parse.c -- `warta parse`: articles in, their sentences tagged and
** parsed out, in CoNLL-U (the format of Universal Dependencies) or as JSON
** lines with the tokens and words.
*/
#include <getopt.h>
#include <string.h>

#include "cli.h"

typedef struct parse_opts {
    const char *date, *lang, *format;
    model_list models;
    bool progress, stats;
} parse_opts;

static const char usage[] =
    "usage: warta parse [options] [FILE|DIR|-]...\n"
    "  Tag and parse articles: part-of-speech tags and dependency trees of\n"
    "  Universal Dependencies, one sentence at a time.\n"
    "  --format conllu|json CoNLL-U (default), or one JSON object per\n"
    "                       sentence with its tokens and words\n"
    "  --model PATH         a model file (repeatable; default: every\n"
    "                       <lang>.model in models/ of the data\n"
    "                       directory, $WARTA_DATA)\n"
    "  --date YYYY-MM-DD    date of plain-text articles\n"
    "  --lang CODE          language of every article (skips detection)\n"
    "  --stats              time spent loading models and per stage, and\n"
    "                       the words parsed, on stderr\n"
    "  --no-progress        no status line on the terminal\n";

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
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"model", required_argument, NULL, 'm'},
        {"date", required_argument, NULL, 'd'},
        {"lang", required_argument, NULL, 'l'},
        {"stats", no_argument, NULL, 's'},
        {"no-progress", no_argument, NULL, 'P'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    parse_opts o = {.format = "conllu", .progress = true};
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'f': o.format = optarg; break;
        case 'm':
            if (!model_list_add(&o.models, optarg))
                return EXIT_USAGE;
            break;
        case 'd': o.date = optarg; break;
        case 'l': o.lang = optarg; break;
        case 's': o.stats = true; break;
        case 'P': o.progress = false; break;
        case 'h': fputs(usage, stdout); return EXIT_ALL_OK;
        default: fputs(usage, stderr); return EXIT_USAGE;
        }
    }
    if (strcmp(o.format, "conllu") != 0 && strcmp(o.format, "json") != 0) {
        cli_error("--format must be conllu or json, not '%s'", o.format);
        return EXIT_USAGE;
    }
    if (!cli_lang_option_ok(o.lang))
        return EXIT_USAGE;
    warta_config cfg = cli_config();
    warta_ctx *ctx;
    if (warta_open(&cfg, &ctx) != WARTA_OK)
        return EXIT_USAGE;
    uint64_t t0 = clock_ns();
    if (!cli_load_models(ctx, &o.models)) {
        cli_free_models(&o.models);
        warta_close(ctx);
        return EXIT_USAGE;
    }
    uint64_t t_load = clock_ns() - t0;
    progress pg;
    progress_start(&pg, "sentences", o.progress);
    warta_read_opts ro = {.date = o.date, .lang = o.lang};
    parse_run run = {.o = &o, .conllu = strcmp(o.format, "conllu") == 0};
    run_spec spec = {.read_opts = &ro, .fn = parse_doc, .ud = &run,
                     .progress = &pg};
    run_totals t = {0};
    cli_run_inputs(ctx, argv + optind, argc - optind, &spec, &t);
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
