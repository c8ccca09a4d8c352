/*
** cmd_split.c -- `warta split`: articles in, one sentence per line out
** (JSON, or a readable text form), with tokens and stems on request.
*/
#include <getopt.h>
#include <jansson.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

typedef struct split_opts {
    const char *date, *lang, *format;
    bool tokens, stats, progress;
} split_opts;

static const char usage[] =
    "usage: warta split [options] [FILE|DIR|-]...\n"
    "  Split articles into sentences; one JSON object per sentence.\n"
    "  --format json|text   output form (default json)\n"
    "  --tokens             add tokens (with stems for Indonesian)\n"
    "  --date YYYY-MM-DD    date of plain-text articles\n"
    "  --lang CODE          language of every article (skips detection)\n"
    "  --stats              time spent per stage, on stderr\n"
    "  --no-progress        no status line on the terminal\n";

static json_t *token_json(const warta_token *t)
{
    json_t *o = json_pack("{s:s%,s:I,s:I}", "text", t->text.p, t->text.n,
                          "start", (json_int_t)t->start, "end",
                          (json_int_t)t->end);
    if (t->stem.n)
        json_object_set_new(o, "stem", json_stringn(t->stem.p, t->stem.n));
    if (t->prefix)
        json_object_set_new(o, "prefix", json_string(warta_prefix_name(t->prefix)));
    if (t->suffix)
        json_object_set_new(o, "suffix", json_string(warta_suffix_name(t->suffix)));
    if (t->clitic)
        json_object_set_new(o, "clitic", json_string(warta_clitic_name(t->clitic)));
    return o;
}

static void print_json(const warta_doc *doc, const warta_sentence *s,
                       bool tokens)
{
    const warta_meta *m = warta_doc_meta(doc);
    json_t *o = json_pack("{s:s?,s:I,s:s,s:s,s:I,s:I,s:s%}", "doc", m->id,
                          "sentence", (json_int_t)s->index, "lang", s->lang,
                          "kind", warta_kind_name(s->kind), "start",
                          (json_int_t)s->start, "end", (json_int_t)s->end,
                          "text", s->text.p, s->text.n);
    if (tokens) {
        json_t *arr = json_array();
        for (size_t i = 0; i < s->n_tokens; i++)
            json_array_append_new(arr, token_json(&s->tokens[i]));
        json_object_set_new(o, "tokens", arr);
    }
    json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
    fputc('\n', stdout);
    json_decref(o);
}

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

static void print_stats(warta_ctx *ctx, uint64_t bytes, uint64_t sents,
                        uint64_t ns_total)
{
    uint64_t ns[WARTA_N_STAGES], sum = 0;
    warta_stage_times(ctx, ns);
    for (int i = 0; i < WARTA_N_STAGES; i++)
        sum += ns[i];
    double secs = (double)ns_total / 1e9;
    fprintf(stderr, "stats: %llu bytes, %llu sentences, %.3f s, %.1f MB/s, "
            "%.0f sentences/s\n", (unsigned long long)bytes,
            (unsigned long long)sents, secs, secs > 0 ? bytes / secs / 1e6 : 0,
            secs > 0 ? sents / secs : 0);
    for (int i = 0; i < WARTA_N_STAGES; i++)
        if (ns[i])
            fprintf(stderr, "stats: stage %-7s %8.3f s  %5.1f%%  %8.1f MB/s\n",
                    warta_stage_name((warta_stage)i), ns[i] / 1e9,
                    100.0 * (double)ns[i] / (double)(ns_total ? ns_total : 1),
                    ns[i] ? bytes / (ns[i] / 1e9) / 1e6 : 0);
    fprintf(stderr, "stats: reading and output %.3f s\n",
            (double)(ns_total > sum ? ns_total - sum : 0) / 1e9);
}

/* Split every article of one input.  Returns articles skipped. */
static size_t split_input(warta_ctx *ctx, const char *path,
                          const split_opts *o, progress *pg,
                          uint64_t *n_docs, uint64_t *n_sents,
                          uint64_t *n_bytes)
{
    warta_read_opts ro = {.date = o->date, .lang = o->lang};
    warta_reader *rd;
    if (warta_reader_open(ctx, path, &ro, &rd) != WARTA_OK) {
        cli_error("%s", warta_errmsg(ctx));
        return 1;
    }
    warta_stage last = o->tokens ? WARTA_STAGE_STEMS : WARTA_STAGE_SPLIT;
    bool text = strcmp(o->format, "text") == 0;
    size_t skipped = 0;
    warta_status rc;
    warta_doc *doc;
    while ((rc = warta_reader_next(rd, &doc)) != WARTA_DONE) {
        if (rc != WARTA_OK) {
            cli_error("%s", warta_errmsg(ctx));
            skipped++;
            continue;
        }
        if ((rc = warta_doc_process(ctx, doc, last, o->lang)) != WARTA_OK) {
            cli_error("%s: %s, skipped", warta_doc_meta(doc)->id,
                      warta_errmsg(ctx));
            skipped++;
        } else {
            size_t n = warta_doc_n_sentences(doc);
            for (size_t i = 0; i < n; i++) {
                const warta_sentence *s = warta_doc_sentence(doc, i);
                (text ? print_text : print_json)(doc, s, o->tokens);
            }
            *n_sents += n;
            (*n_docs)++;
        }
        uint64_t done, total;
        warta_reader_progress(rd, &done, &total);
        progress_update(pg, *n_docs, *n_sents, *n_bytes + done,
                        total + *n_bytes);
        warta_doc_free(doc);
    }
    uint64_t done, total;
    warta_reader_progress(rd, &done, &total);
    *n_bytes += done;
    warta_reader_close(rd);
    return skipped;
}

int cmd_split(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"tokens", no_argument, NULL, 't'},
        {"date", required_argument, NULL, 'd'},
        {"lang", required_argument, NULL, 'l'},
        {"stats", no_argument, NULL, 's'},
        {"no-progress", no_argument, NULL, 'P'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    split_opts o = {.format = "json", .progress = true};
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'f': o.format = optarg; break;
        case 't': o.tokens = true; break;
        case 'd': o.date = optarg; break;
        case 'l': o.lang = optarg; break;
        case 's': o.stats = true; break;
        case 'P': o.progress = false; break;
        case 'h': fputs(usage, stdout); return EXIT_ALL_OK;
        default: fputs(usage, stderr); return EXIT_USAGE;
        }
    }
    if (strcmp(o.format, "json") != 0 && strcmp(o.format, "text") != 0) {
        cli_error("--format must be json or text, not '%s'", o.format);
        return EXIT_USAGE;
    }
    warta_config cfg = {.log = cli_log};
    warta_ctx *ctx;
    if (warta_open(&cfg, &ctx) != WARTA_OK) {
        cli_error("cannot start: out of memory");
        return EXIT_USAGE;
    }
    progress pg;
    progress_start(&pg, "sentences", o.progress);
    uint64_t docs = 0, sents = 0, bytes = 0, t0 = clock_ns();
    size_t skipped = 0;
    char *stdin_only[] = {"-"};
    char **inputs = optind < argc ? argv + optind : stdin_only;
    int n_inputs = optind < argc ? argc - optind : 1;
    for (int i = 0; i < n_inputs; i++)
        skipped += split_input(ctx, inputs[i], &o, &pg, &docs, &sents, &bytes);
    progress_end(&pg);
    fflush(stdout);
    if (o.stats)
        print_stats(ctx, bytes, sents, clock_ns() - t0);
    if (skipped)
        cli_error("%llu articles split, %zu skipped",
                  (unsigned long long)docs, skipped);
    warta_close(ctx);
    return skipped ? EXIT_SKIPPED : EXIT_ALL_OK;
}
