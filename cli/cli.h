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

/* Exit statuses, the same for every command (docs/cli.md): everything
** went through / some input was skipped / the command line is wrong / the
** command could not run (a file, store, model or port it needs). */
enum { EXIT_ALL_OK = 0, EXIT_SKIPPED = 1, EXIT_USAGE = 2, EXIT_FAILED = 3 };
#define CLI_EXIT_STATUS_HELP                                             \
    "exit status: 0 done; 1 some input skipped (each one said on stderr);\n" \
    "2 a bad command line (option, value or command); 3 could not run\n"  \
    "(a file, store, model or port it needs)\n"

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

/* messages.c: every message on stderr starts "warta: COMMAND: ". */
void cli_set_command(const char *name);
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_log(void *ud, warta_log_level level, const char *msg);
/* The name among names (n of them) that word (len bytes) is most likely
** a typing slip of: a prefix of it, or a letter or two away; NULL when
** none is close. */
const char *cli_closest(const char *word, size_t len,
                        const char *const *names, size_t n);

/* values.c: each kind of value an option (--top 5) or an API parameter
** (top=5) takes, read by one function for both.  Each returns false for a
** value it refuses and says why in why (n bytes): "'-3' is not a whole
** number from 1 to 100000", for the caller to put after the option's or
** parameter's name. */
bool value_number(const char *s, unsigned long long min,
                  unsigned long long max, unsigned long long *out, char *why,
                  size_t n);
bool value_date(const char *s, char *why, size_t n);
/* A language warta codes or parses (languages.c), a region after it if
** wished: "en-GB". */
bool value_language(const char *s, char *why, size_t n);
/* Any ISO 639 code, two or three lower-case letters: what a store's
** articles may be in, or a new model's language. */
bool value_language_code(const char *s, char *why, size_t n);
/* One of names (a NULL-terminated list): its index in *out. */
bool value_choice(const char *s, const char *const *names, int *out,
                  char *why, size_t n);
/* "SRC:TGT": copied to buf (size bytes), *source and *target into it. */
bool value_dyad(const char *s, char *buf, size_t size, const char **source,
                const char **target, char *why, size_t n);
/* 1, true or "" (a bare parameter) / 0, false. */
bool value_bool(const char *s, bool *out, char *why, size_t n);

/* languages.c: what the data folder has packs or models for, and Malay,
** which the Indonesian ones serve. */
#define CLI_MAX_LANGUAGES 32
/* The languages, sorted, as "en, id, ms" (n bytes); how many. */
size_t cli_languages(char *list, size_t n);
bool cli_has_language(const char *lang, size_t len);
/* A language with no pack or model of its own, and the language whose
** pack and model serve it: Malay, Indonesian's. */
typedef struct served_language {
    const char *lang, *by;
} served_language;
extern const served_language cli_served[];
extern const size_t cli_n_served;

/* options.c: the command line of every command.  A command lists its
** options in a table of cli_opt; cli_parse_options reads argv by it: each
** value by its kind (values.c), an option given twice refused unless it
** is a list, an unknown one refused with the nearest name, --help. */
typedef enum {
    OPT_FLAG,           /* no value: a bool set true (in the API, a
                           value_bool) */
    OPT_TEXT,           /* any text but "": a const char * */
    OPT_NUMBER,         /* a whole number in [min, max]: an unsigned */
    OPT_DATE,           /* YYYY-MM-DD, a day that exists: a const char * */
    OPT_LANGUAGE,       /* a language warta codes or parses */
    OPT_LANGUAGE_CODE,  /* any ISO 639 code */
    OPT_CHOICE,         /* one of choices: its index, an int */
    OPT_LIST,           /* repeatable: each value appended to an array of
                           const char * (max items, *count of them) */
    OPT_JOINED,         /* repeatable: the values joined by commas into buf
                           (--quad 3 --quad 4 is --quad 3,4); a const
                           char * to buf */
    OPT_DYAD,           /* SRC:TGT into a warta_query, kept in buf */
} opt_kind;

typedef struct cli_opt {
    const char *name;               /* "top": --top, or top= in the API */
    opt_kind kind;
    void *dest;                     /* what the kind above says */
    unsigned long long min, max;    /* NUMBER's range; LIST: max items */
    const char *const *choices;     /* CHOICE: NULL-terminated */
    int *count;                     /* LIST: items so far */
    char *buf;                      /* JOINED, DYAD: where the value is */
    size_t size;                    /* kept, and its size */
    bool required;
    unsigned seen;                  /* times given, counted here */
} cli_opt;

/* A table entry: OPT("top", OPT_NUMBER, &top, .min = 1, .max = 100). */
#define OPT(option, option_kind, where, ...)                             \
    {.name = (option), .kind = (option_kind), .dest = (where), __VA_ARGS__}
/* The option name (len bytes) of opts, or NULL. */
cli_opt *cli_find_option(cli_opt *opts, size_t n, const char *name,
                         size_t len);
/* The nearest option name to name (len bytes), or NULL (cli_closest). */
const char *cli_nearest_option(const cli_opt *opts, size_t n,
                               const char *name, size_t len);
/* Take value (NULL: a flag on the command line) for o; false, saying why
** in why, when it is refused or o was given before and is no list. */
bool cli_take_option(cli_opt *o, const char *value, char *why, size_t n);
/* Read the command's argv (argv[0] its name) by opts.  The inputs (what
** is not an option; everything after "--") are moved to argv[1..] and
** counted in *n_inputs; n_inputs NULL: the command takes none.  Returns
** 0 to go on, CLI_HELP when --help printed usage, or EXIT_USAGE after
** saying what is wrong. */
#define CLI_HELP (-1)
int cli_parse_options(int argc, char **argv, cli_opt *opts, size_t n_opts,
                      const char *usage, int *n_inputs);
#define CLI_OPTIONS(opts) (opts), sizeof(opts) / sizeof((opts)[0])

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
/* The options of the commands that read articles: the date and language
** of them all, and no progress line. */
#define INPUT_OPTIONS(date, lang, no_progress)                           \
    OPT("date", OPT_DATE, date), OPT("lang", OPT_LANGUAGE, lang),        \
    OPT("no-progress", OPT_FLAG, no_progress)
#define INPUT_USAGE                                                      \
    "  --date YYYY-MM-DD    date of plain-text articles\n"                \
    "  --lang CODE          language of every article (skips detection;\n" \
    "                       one warta has a pack or model for)\n"         \
    "  --no-progress        no status line on the terminal\n"
/* The --dict options of a command, in order. */
#define CLI_MAX_DICTS 64
typedef struct dict_list {
    const char *paths[CLI_MAX_DICTS];
    int n;
} dict_list;
/* Add one path; false (with a message) when there are too many. */
bool dict_list_add(dict_list *l, const char *path);
#define DICT_OPTION(l)                                                   \
    OPT("dict", OPT_LIST, (l)->paths, .max = CLI_MAX_DICTS,             \
        .count = &(l)->n)
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
    struct model_load *loads;       /* models.c's, one a model */
    int n_loads;
    bool none_found;                /* in the data folder */
} model_list;
#define MODEL_OPTION(l)                                                  \
    OPT("model", OPT_LIST, (l)->paths, .max = CLI_MAX_MODELS,           \
        .count = &(l)->n_paths)
/* Start loading the models given, or every <lang>.model of the data
** folder, each on a thread of its own, for cli_load_models to wait for:
** the command reads its dictionaries meanwhile.  False (with a message)
** when there are none to load. */
bool cli_start_models(model_list *l);
/* Load the models (started or not), and use each on ctx for its
** language (the Indonesian one for Malay too); false (with a message)
** when one does not load. */
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
** CODER_SYNTAX_OPTIONS (and CODER_MODE_OPTIONS) in its table of options
** and their usage text in its own. */
typedef struct coder_args {
    model_list models;
    int syntax, mode;               /* indexes of coder_syntax_names, ... */
    bool historical;
} coder_args;
extern const char *const coder_syntax_names[];  /* on, off */
extern const char *const coder_mode_names[];    /* asserted, all */
enum { CODER_SYNTAX_ON, CODER_SYNTAX_OFF };
enum { CODER_MODE_ASSERTED, CODER_MODE_ALL };
#define CODER_SYNTAX_OPTIONS(a)                                          \
    OPT("syntax", OPT_CHOICE, &(a)->syntax,                              \
        .choices = coder_syntax_names),                                  \
    MODEL_OPTION(&(a)->models)
#define CODER_MODE_OPTIONS(a)                                            \
    OPT("mode", OPT_CHOICE, &(a)->mode, .choices = coder_mode_names),    \
    OPT("historical", OPT_FLAG, &(a)->historical)
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
/* The library's options for what was asked (a command adds its own). */
warta_code_opts coder_args_opts(const coder_args *a);
/* 0, or EXIT_USAGE (said) when the options do not go together. */
int coder_args_check(const coder_args *a);
/* Load the models, unless --syntax off, and use them on ctx; false (with
** a message) when one does not load. */
bool coder_args_load(warta_ctx *ctx, coder_args *a);
/* Start loading them (cli_start_models), for coder_args_load to finish:
** a command calls it before it reads its dictionaries. */
void coder_args_start(coder_args *a);
void coder_args_free(coder_args *a);

/* The filters of a store query, as `warta query` takes them in options
** and the dashboard's API in parameters, and where their values are
** kept. */
typedef struct query_args {
    warta_query q;
    char dyad[80], quads[64], modes[256];
} query_args;
#define QUERY_FILTER_OPTIONS(a)                                          \
    OPT("actor", OPT_TEXT, &(a)->q.actor),                               \
    OPT("dyad", OPT_DYAD, &(a)->q, .buf = (a)->dyad,                     \
        .size = sizeof (a)->dyad),                                       \
    OPT("undirected", OPT_FLAG, &(a)->q.undirected),                     \
    OPT("code", OPT_TEXT, &(a)->q.code),                                 \
    OPT("quad", OPT_JOINED, &(a)->q.quad, .buf = (a)->quads,             \
        .size = sizeof (a)->quads),                                      \
    OPT("from", OPT_DATE, &(a)->q.from),                                 \
    OPT("to", OPT_DATE, &(a)->q.to),                                     \
    OPT("lang", OPT_LANGUAGE_CODE, &(a)->q.lang),                        \
    OPT("country", OPT_TEXT, &(a)->q.country),                           \
    OPT("place", OPT_TEXT, &(a)->q.place),                               \
    OPT("text", OPT_TEXT, &(a)->q.text),                                 \
    OPT("mode", OPT_JOINED, &(a)->q.mode, .buf = (a)->modes,             \
        .size = sizeof (a)->modes)

/* row_json.c: a store query's row as a JSON object, numbers as
** numbers. */
json_t *row_json(int n, const char *const *names, const char *const *values);

#endif
