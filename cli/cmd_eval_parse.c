/*
** cmd_eval_parse.c -- `warta eval-parse`: how a syntax model does on
** treebanks: UPOS, features, UAS and LAS, overall and per relation, on the
** treebank's words and on warta's own tokenisation of each "# text".
*/
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

/* The model to score: --model, else the one of --lang or of the first
** file's name; NULL (said why) when there is none. */
static const char *model_path(const char *model, const char *lang,
                              const char *first, char *path, size_t n)
{
    char code[8];
    if (model)
        return model;
    if (!lang && !lang_of_name(first, code, sizeof code)) {
        cli_error("%s: which model? (--model PATH or --lang CODE)", first);
        return NULL;
    }
    cli_model_path(lang ? lang : code, path, n);
    return path;
}

int cmd_eval_parse(int argc, char **argv)
{
    const char *model = NULL, *lang = NULL;
    cli_opt opts[] = {
        OPT("model", OPT_TEXT, &model),
        OPT("lang", OPT_LANGUAGE, &lang),
    };
    int n_gold;
    int rc = cli_parse_options(argc, argv, CLI_OPTIONS(opts), usage, &n_gold);
    if (rc)
        return rc == CLI_HELP ? EXIT_ALL_OK : rc;
    if (n_gold == 0) {
        cli_error("no CoNLL-U file to score ('warta eval-parse --help' tells "
                  "more)");
        return EXIT_USAGE;
    }
    if (model && lang) {
        cli_error("--model and --lang cannot be used together");
        return EXIT_USAGE;
    }
    char path[PATH_MAX + 32];
    model = model_path(model, lang, argv[1], path, sizeof path);
    if (!model)
        return EXIT_USAGE;
    warta_config cfg = cli_config();
    warta_ctx *ctx;
    if (warta_open(&cfg, &ctx) != WARTA_OK)
        return EXIT_FAILED;
    warta_model *m;
    if (warta_model_load(ctx, model, &m) != WARTA_OK) {
        cli_error("%s", warta_errmsg(ctx));
        warta_close(ctx);
        return EXIT_FAILED;
    }
    warta_parse_eval ev;
    memset(&ev, 0, sizeof ev);
    int status = EXIT_ALL_OK;
    for (int i = 1; i <= n_gold; i++) {
        warta_status ws = warta_model_eval(ctx, m, argv[i], &ev);
        if (ws == WARTA_EPARSE && status == EXIT_ALL_OK) {
            status = EXIT_SKIPPED;
        } else if (ws != WARTA_OK && ws != WARTA_EPARSE) {
            cli_error("%s", warta_errmsg(ctx));
            status = EXIT_FAILED;
        }
    }
    if (status != EXIT_FAILED)
        print_scores(&ev);
    warta_model_free(m);
    warta_close(ctx);
    return status;
}
