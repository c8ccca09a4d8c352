/*
** cmd_eval_parse.c -- `warta eval-parse`: how a syntax model does on
** treebanks: UPOS, features, UAS and LAS, overall and per relation, on the
** treebank's words and on warta's own tokenisation of each "# text".
*/
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: warta eval-parse [--model PATH | --lang CODE] GOLD.conllu...\n"
    "  Score a syntax model on treebanks (punctuation included): on their\n"
    "  own words, and on the words warta makes of each sentence's # text,\n"
    "  aligned by their characters as the CoNLL 2018 shared task does.\n"
    "  --model PATH         the model file\n"
    "  --lang CODE          the model data/models/CODE.model (default: the\n"
    "                       language of the first file's UD name, en_ewt-...)\n";

static double pct(size_t a, size_t b)
{
    return b ? 100.0 * (double)a / (double)b : 0.0;
}

static double f1(size_t right, size_t sys, size_t gold)
{
    return sys + gold ? 200.0 * (double)right / (double)(sys + gold) : 0.0;
}

/* Most frequent relations first, then by name. */
static int by_gold(const void *a, const void *b)
{
    const warta_parse_rel *x = *(const warta_parse_rel *const *)a;
    const warta_parse_rel *y = *(const warta_parse_rel *const *)b;
    if (x->gold != y->gold)
        return x->gold < y->gold ? 1 : -1;
    return strcmp(x->deprel, y->deprel);
}

static void print_scores(const warta_parse_eval *ev)
{
    const warta_parse_counts *g = &ev->gold_tokens, *o = &ev->own_tokens;
    printf("sentences %zu", ev->sentences);
    if (ev->skipped)
        printf(" (%zu malformed, skipped)", ev->skipped);
    printf("\n\ngold tokens: %zu words\n", g->gold_words);
    printf("  UPOS %6.2f   features %6.2f   UAS %6.2f   LAS %6.2f\n",
           pct(g->upos, g->gold_words), pct(g->feats, g->gold_words),
           pct(g->heads, g->gold_words), pct(g->arcs, g->gold_words));
    printf("\nown tokens: %zu gold words, %zu system words, %zu aligned",
           o->gold_words, o->system_words, o->aligned);
    if (ev->misspelled)
        printf(" (%zu sentences' words do not spell their text)", ev->misspelled);
    printf("\n  F1: words %6.2f   UPOS %6.2f   features %6.2f   UAS %6.2f   "
           "LAS %6.2f\n", f1(o->aligned, o->system_words, o->gold_words),
           f1(o->upos, o->system_words, o->gold_words),
           f1(o->feats, o->system_words, o->gold_words),
           f1(o->heads, o->system_words, o->gold_words),
           f1(o->arcs, o->system_words, o->gold_words));
    printf("\n%-16s %7s %7s %7s %7s   %7s\n", "relation", "gold", "P", "R",
           "LAS F1", "own F1");
    const warta_parse_rel *by_count[WARTA_MAX_RELS];
    for (size_t i = 0; i < ev->n_rels; i++)
        by_count[i] = &ev->rels[i];
    qsort(by_count, ev->n_rels, sizeof *by_count, by_gold);
    for (size_t i = 0; i < ev->n_rels; i++) {
        const warta_parse_rel *r = by_count[i];
        printf("%-16s %7zu %7.2f %7.2f %7.2f   %7.2f\n", r->deprel, r->gold,
               pct(r->right, r->system), pct(r->right, r->gold),
               f1(r->right, r->system, r->gold),
               f1(r->own_right, r->own_system, r->own_gold));
    }
}

/* "en" of ".../en_ewt-ud-test.conllu"; false when the name is not UD's. */
static bool lang_of_name(const char *path, char *out, size_t n)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t k = strspn(base, "abcdefghijklmnopqrstuvwxyz");
    if ((k != 2 && k != 3) || base[k] != '_' || k >= n)
        return false;
    memcpy(out, base, k);
    out[k] = '\0';
    return true;
}

int cmd_eval_parse(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"model", required_argument, NULL, 'm'},
        {"lang", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *model = NULL, *lang = NULL;
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'm': model = optarg; break;
        case 'l': lang = optarg; break;
        case 'h': fputs(usage, stdout); return EXIT_ALL_OK;
        default: fputs(usage, stderr); return EXIT_USAGE;
        }
    }
    if (optind == argc) {
        cli_error("eval-parse needs at least one CoNLL-U file");
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    if (model && lang) {
        cli_error("--model and --lang cannot be used together");
        return EXIT_USAGE;
    }
    char code[8], path[PATH_MAX + 32];
    if (!cli_lang_option_ok(lang))
        return EXIT_USAGE;
    if (!model && !lang && !lang_of_name(argv[optind], code, sizeof code)) {
        cli_error("%s: which model? (--model PATH or --lang CODE)", argv[optind]);
        return EXIT_USAGE;
    }
    if (!model) {
        cli_model_path(lang ? lang : code, path, sizeof path);
        model = path;
    }
    warta_config cfg = cli_config();
    warta_ctx *ctx;
    if (warta_open(&cfg, &ctx) != WARTA_OK)
        return EXIT_USAGE;
    warta_model *m;
    if (warta_model_load(ctx, model, &m) != WARTA_OK) {
        cli_error("%s", warta_errmsg(ctx));
        warta_close(ctx);
        return EXIT_USAGE;
    }
    warta_parse_eval ev;
    memset(&ev, 0, sizeof ev);
    int status = EXIT_ALL_OK;
    for (int i = optind; i < argc; i++) {
        warta_status rc = warta_model_eval(ctx, m, argv[i], &ev);
        if (rc == WARTA_EPARSE) {
            status = EXIT_SKIPPED;
        } else if (rc != WARTA_OK) {
            cli_error("%s", warta_errmsg(ctx));
            status = EXIT_USAGE;
        }
    }
    if (status != EXIT_USAGE)
        print_scores(&ev);
    warta_model_free(m);
    warta_close(ctx);
    return status;
}
