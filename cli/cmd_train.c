/*
** cmd_train.c -- `warta train`: a syntax model (tagger and parser) from
** Universal Dependencies treebanks in CoNLL-U.
*/
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
    "usage: warta train --lang CODE --out FILE.model [options] TRAIN.conllu...\n"
    "  Train a tagger and dependency parser from UD treebanks.  The same\n"
    "  files and options give the same model, byte for byte.\n"
    "  --lang CODE          the language the model serves (id, en)\n"
    "  --out FILE           the model file to write\n"
    "  --dev DEV.conllu     scored at the end (shown on a terminal)\n"
    "  --tagger-epochs N    passes over the data (default 10)\n"
    "  --parser-epochs N    (default 12)\n"
    "  --folds N            jackknifed tags for the parser (default 5;\n"
    "                       1: the parser learns on gold tags)\n"
    "  --seed N             shuffling (default: a fixed one)\n"
    "  --no-progress        nothing on the terminal but errors\n";

/* A whole number in [lo, hi]; false (with a message) otherwise. */
static bool int_option(const char *name, const char *arg, long lo, long hi,
                       long *out)
{
    char *end;
    long v = strtol(arg, &end, 10);
    if (*arg == '\0' || *end != '\0' || v < lo || v > hi) {
        cli_error("--%s takes a whole number from %ld to %ld, not '%s'", name,
                  lo, hi, arg);
        return false;
    }
    *out = v;
    return true;
}

/* Progress: the library's notes (epochs, the dev score) on a terminal. */
static void train_log(void *ud, warta_log_level level, const char *msg)
{
    bool show = *(bool *)ud;
    if (level <= WARTA_LOG_WARN || show)
        cli_error("%s", msg);
}

int cmd_train(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"lang", required_argument, NULL, 'l'},
        {"out", required_argument, NULL, 'o'},
        {"dev", required_argument, NULL, 'd'},
        {"tagger-epochs", required_argument, NULL, 't'},
        {"parser-epochs", required_argument, NULL, 'p'},
        {"folds", required_argument, NULL, 'f'},
        {"seed", required_argument, NULL, 's'},
        {"no-progress", no_argument, NULL, 'P'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    warta_train_opts o = {0};
    const char *out = NULL;
    bool show_progress = true;
    long v;
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'l': o.lang = optarg; break;
        case 'o': out = optarg; break;
        case 'd': o.dev = optarg; break;
        case 't':
            if (!int_option("tagger-epochs", optarg, 1, 1000, &v))
                return EXIT_USAGE;
            o.tagger_epochs = (int)v;
            break;
        case 'p':
            if (!int_option("parser-epochs", optarg, 1, 1000, &v))
                return EXIT_USAGE;
            o.parser_epochs = (int)v;
            break;
        case 'f':
            if (!int_option("folds", optarg, 1, 100, &v))
                return EXIT_USAGE;
            o.folds = (int)v;
            break;
        case 's':
            if (!int_option("seed", optarg, 1, 0x7fffffffL, &v))
                return EXIT_USAGE;
            o.seed = (uint64_t)v;
            break;
        case 'P': show_progress = false; break;
        case 'h': fputs(usage, stdout); return EXIT_ALL_OK;
        default: fputs(usage, stderr); return EXIT_USAGE;
        }
    }
    if (!o.lang || !out || optind == argc) {
        cli_error("train needs --lang, --out and at least one treebank");
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    size_t n = strlen(o.lang);
    if ((n != 2 && n != 3) || strspn(o.lang, "abcdefghijklmnopqrstuvwxyz") != n) {
        cli_error("--lang takes a two- or three-letter ISO 639 code such as "
                  "id or en, not '%s'", o.lang);
        return EXIT_USAGE;
    }
    o.train = (const char *const *)argv + optind;
    o.n_train = (size_t)(argc - optind);
    bool show = show_progress && isatty(STDERR_FILENO);
    warta_config cfg = {.log = train_log, .log_ud = &show};
    warta_ctx *ctx;
    if (warta_open(&cfg, &ctx) != WARTA_OK)
        return EXIT_USAGE;
    warta_model *m;
    uint64_t t0 = clock_ns();
    warta_status rc = warta_model_train(ctx, &o, &m);
    if (rc == WARTA_OK) {
        rc = warta_model_save(m, out);
        warta_model_free(m);
    }
    if (rc != WARTA_OK)
        cli_error("%s", *warta_errmsg(ctx) ? warta_errmsg(ctx)
                                           : warta_strstatus(rc));
    else if (show)
        cli_error("%s: trained in %.0f s", out, (double)(clock_ns() - t0) / 1e9);
    warta_close(ctx);
    return rc == WARTA_OK ? EXIT_ALL_OK : EXIT_USAGE;
}
