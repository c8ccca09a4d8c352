/*
** cmd_train.c -- `warta train`: a syntax model (tagger and parser) from
** Universal Dependencies treebanks in CoNLL-U.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* A macro's value as a string: the defaults below are warta.h's. */
#define STR(x) #x
#define XSTR(x) STR(x)

static const char usage[] =
    "usage: warta train --lang CODE --out FILE.model [options] TRAIN.conllu...\n"
    "  Train a tagger and dependency parser from UD treebanks.  The same\n"
    "  files and options give the same model, byte for byte.\n"
    "  --lang CODE          the language the model serves (id, en)\n"
    "  --out FILE           the model file to write\n"
    "  --dev DEV.conllu     scored at the end (shown on a terminal)\n"
    "  --tagger-epochs N    passes over the data (default "
    XSTR(WARTA_TRAIN_TAGGER_EPOCHS) ")\n"
    "  --parser-epochs N    (default " XSTR(WARTA_TRAIN_PARSER_EPOCHS) ")\n"
    "  --folds N            jackknifed tags for the parser (default "
    XSTR(WARTA_TRAIN_FOLDS) ";\n"
    "                       1: the parser learns on gold tags)\n"
    "  --seed N             shuffling (default: a fixed one)\n"
    "  --no-progress        nothing on the terminal but errors\n";

/* Progress: the library's notes (epochs, the dev score) on a terminal. */
static void train_log(void *ud, warta_log_level level, const char *msg)
{
    bool show = *(bool *)ud;
    if (level <= WARTA_LOG_WARN || show)
        cli_error("%s", msg);
}

int cmd_train(int argc, char **argv)
{
    warta_train_opts o = {0};
    const char *out = NULL;
    unsigned tagger_epochs = 0, parser_epochs = 0, folds = 0, seed = 0;
    bool no_progress = false;
    cli_opt opts[] = {
        OPT("lang", OPT_LANGUAGE_CODE, &o.lang, .required = true),
        OPT("out", OPT_TEXT, &out, .required = true),
        OPT("dev", OPT_TEXT, &o.dev),
        OPT("tagger-epochs", OPT_NUMBER, &tagger_epochs, .min = 1,
            .max = 1000),
        OPT("parser-epochs", OPT_NUMBER, &parser_epochs, .min = 1,
            .max = 1000),
        OPT("folds", OPT_NUMBER, &folds, .min = 1, .max = 100),
        OPT("seed", OPT_NUMBER, &seed, .min = 1, .max = 0x7fffffff),
        OPT("no-progress", OPT_FLAG, &no_progress),
    };
    int n_inputs;
    int rc = cli_parse_options(argc, argv, CLI_OPTIONS(opts), usage,
                               &n_inputs);
    if (rc)
        return rc == CLI_HELP ? EXIT_ALL_OK : rc;
    if (n_inputs == 0) {
        cli_error("no treebank to train on ('warta train --help' tells more)");
        return EXIT_USAGE;
    }
    o.tagger_epochs = (int)tagger_epochs;
    o.parser_epochs = (int)parser_epochs;
    o.folds = (int)folds;
    o.seed = seed;
    o.train = (const char *const *)argv + 1;
    o.n_train = (size_t)n_inputs;
    bool show = !no_progress && isatty(STDERR_FILENO);
    warta_config cfg = {.log = train_log, .log_ud = &show};
    warta_ctx *ctx;
    if (warta_open(&cfg, &ctx) != WARTA_OK)
        return EXIT_FAILED;
    warta_model *m;
    uint64_t t0 = clock_ns();
    warta_status ws = warta_model_train(ctx, &o, &m);
    if (ws == WARTA_OK) {
        ws = warta_model_save(m, out);
        warta_model_free(m);
    }
    if (ws != WARTA_OK)
        cli_error("%s", *warta_errmsg(ctx) ? warta_errmsg(ctx)
                                           : warta_strstatus(ws));
    else if (show)
        cli_error("%s: trained in %.0f s", out, (double)(clock_ns() - t0) / 1e9);
    warta_close(ctx);
    return ws == WARTA_OK ? EXIT_ALL_OK : EXIT_FAILED;
}
