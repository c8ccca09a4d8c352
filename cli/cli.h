/*
** cli.h -- what the warta command's files share: the commands, option
** parsing helpers, progress display and messages.
*/
#ifndef WARTA_CLI_H
#define WARTA_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#include "warta.h"

/* Exit statuses: everything went through / something was skipped / the
** command could not run. */
enum { EXIT_ALL_OK = 0, EXIT_SKIPPED = 1, EXIT_USAGE = 2 };

int cmd_split(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_code(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_eval_parse(int argc, char **argv);

/* messages.c */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_log(void *ud, warta_log_level level, const char *msg);

/* progress.c: a status line on stderr when it is a terminal and stdout is
** not; silent otherwise. */
typedef struct progress {
    bool on;
    uint64_t t_start, t_last;
    uint64_t docs, items;
    const char *item_name;          /* "sentences", "events" */
} progress;

void progress_start(progress *p, const char *item_name, bool allowed);
void progress_update(progress *p, uint64_t docs, uint64_t items,
                     uint64_t bytes_done, uint64_t bytes_total);
void progress_end(progress *p);
uint64_t clock_ns(void);

/* stats.c: for --stats, the run's bytes, sentences and time, and the time
** of each pipeline stage, on stderr. */
void cli_print_stats(warta_ctx *ctx, uint64_t bytes, uint64_t sents,
                     uint64_t ns_total);

/* inputs.c: the loop over inputs and their articles.  fn handles one
** document and adds what it produced to *items; an error return skips
** the document with a message. */
typedef warta_status (*doc_fn)(warta_ctx *ctx, warta_doc *doc, void *ud,
                               uint64_t *items);
typedef struct run_spec {
    const warta_read_opts *read_opts;
    doc_fn fn;
    void *ud;
    progress *progress;
} run_spec;
typedef struct run_totals {
    uint64_t docs, items, bytes;
    size_t skipped;
} run_totals;
void cli_run_inputs(warta_ctx *ctx, char **inputs, int n_inputs,
                    const run_spec *spec, run_totals *t);
/* The skipped articles of one input: the first CLI_SHOWN_SKIPS are each
** reported, the rest only counted (a million broken lines would bury
** everything else) and summed up by cli_skips_end. */
#define CLI_SHOWN_SKIPS 100
typedef struct skip_log {
    const char *input;          /* as named on the command line */
    size_t n;
} skip_log;
void cli_skip(skip_log *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void cli_skips_end(const skip_log *s);
bool cli_is_language_code(const char *s);
/* A --lang value: NULL or a language code; else says so and is false. */
bool cli_lang_option_ok(const char *lang);
/* export_args.c: a --geo value (NULL when not given) into the flags of
** warta_write_event_as; false, with a message, for another value or a
** format other than GDELT. */
bool cli_geo_option(const char *geo, bool gdelt, unsigned *flags);
/* Where the language packs, models and gazetteer are: $WARTA_DATA, else
** the source tree's data/ for a binary built there, else where `make
** install` put them; cli_data_dir gives it relative to the current
** directory when it lies below it (for file:line references). */
void cli_find_data_dir(char *out, size_t n);
void cli_data_dir(char *out, size_t n);
/* Say that a data file is missing: its path, the data directory, and
** WARTA_DATA. */
void cli_data_missing(const char *what, const char *path);
/* The configuration of the command's contexts: the library's messages on
** stderr, and the gazetteer `make` builds ($WARTA_GAZETTEER overrides). */
warta_config cli_config(void);
/* The --dict options of a command, in order. */
#define CLI_MAX_DICTS 64
typedef struct dict_list {
    const char *paths[CLI_MAX_DICTS];
    int n;
} dict_list;
/* Add one --dict path; false (with a message) when there are too many. */
bool dict_list_add(dict_list *l, const char *path);
/* One dictionary set from these files or folders, loaded in order; a file
** with problems still loads what it can.  NULL (with a message) when one
** cannot be read at all. */
warta_dict *cli_load_dict_files(warta_ctx *ctx, const char *const *paths,
                                size_t n);
/* The dictionaries given, or the language packs when none is. */
warta_dict *cli_load_dicts(warta_ctx *ctx, const dict_list *given);

/* models.c: the syntax models of a command, given with --model or found
** in the data folder (data/models/<lang>.model). */
#define CLI_MAX_MODELS 16
typedef struct model_list {
    const char *paths[CLI_MAX_MODELS];  /* --model, in order */
    int n_paths;
    warta_model *loaded[CLI_MAX_MODELS];
    int n_loaded;
} model_list;
/* Add one --model path; false (with a message) when there are too many. */
bool model_list_add(model_list *l, const char *path);
/* Load the models given, or every <lang>.model of the data folder, and
** use each on ctx for its language (the Indonesian one for Malay too);
** false (with a message) when one does not load. */
bool cli_load_models(warta_ctx *ctx, model_list *l);
void cli_free_models(model_list *l);
/* Have ctx (another thread's) parse with the models l loaded, each for
** its language as cli_load_models set them; false (with a message) when
** it cannot. */
bool cli_use_models(warta_ctx *ctx, const model_list *l);
/* Where a language's model is: <data folder>/models/<lang>.model. */
void cli_model_path(const char *lang, char *out, size_t n);

/* coder_args.c: the options of the commands that code (code, ingest,
** serve): --syntax on|off and --model PATH (how to code), --mode
** asserted|all and --historical (which events to keep).  A command puts
** CODER_SYNTAX_OPTIONS (and CODER_MODE_OPTIONS) in its getopt_long table
** and their usage text in its own, and hands the options it does not
** know to coder_args_take. */
typedef struct coder_args {
    model_list models;
    bool shallow, all_modes, historical;
} coder_args;
enum { OPT_SYNTAX = 0x100, OPT_MODEL, OPT_MODE, OPT_HISTORICAL };
#define CODER_SYNTAX_OPTIONS                                             \
    {"syntax", required_argument, NULL, OPT_SYNTAX},                     \
    {"model", required_argument, NULL, OPT_MODEL}
#define CODER_MODE_OPTIONS                                               \
    {"mode", required_argument, NULL, OPT_MODE},                         \
    {"historical", no_argument, NULL, OPT_HISTORICAL}
#define CODER_SYNTAX_USAGE                                               \
    "  --syntax on|off      read sides and modes off the dependency tree\n" \
    "                       (on, the default, where a language has a\n"  \
    "                       model) or by word position only (off)\n"     \
    "  --model PATH         a syntax model (repeatable; default: every\n" \
    "                       <lang>.model in models/ of the data\n"     \
    "                       directory, $WARTA_DATA)\n"
#define CODER_MODE_USAGE                                                 \
    "  --mode asserted|all  the events told as done and intents to come\n" \
    "                       (asserted, the default), or every event with\n" \
    "                       its mode: negated, hypothetical, future,\n"  \
    "                       purpose, requested, question (all)\n"        \
    "  --historical         also events dated more than 30 days before\n" \
    "                       their article\n"
/* Take option c (its value, if any); false when its value is bad (said
** on stderr) or it is none of these, nor any of the command's (then the
** command's usage goes to stderr). */
bool coder_args_take(coder_args *a, int c, const char *value,
                     const char *usage);
/* The library's options for what was asked (a command adds its own). */
warta_code_opts coder_args_opts(const coder_args *a);
/* Load the models, unless --syntax off, and use them on ctx; false (with
** a message) when one does not load. */
bool coder_args_load(warta_ctx *ctx, coder_args *a);
void coder_args_free(coder_args *a);

/* query_args.c: a store query's row as a JSON object, numbers as numbers;
** "SRC:TGT" into q's dyad (copied to buf, n bytes), false when malformed. */
json_t *row_json(int n, const char *const *names, const char *const *values);
bool cli_set_dyad(warta_query *q, char *buf, size_t n, const char *arg);

#endif
