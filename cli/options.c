/*
** options.c -- the command line of every warta command, read one way: a
** command lists its options in a table (cli_opt, cli.h) and this file
** reads argv by it.  Each value is read by its kind (values.c); an option
** given twice is refused unless it is a list; "--name=value" and "--name
** value" are the same; an unknown option is refused with the nearest
** name.  The dashboard's API takes its parameters with the same table
** and cli_take_option, so a value means the same in both.
*/
#include <stdio.h>
#include <string.h>

#include "cli.h"

cli_opt *cli_find_option(cli_opt *opts, size_t n, const char *name,
                         size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(opts[i].name) == len &&
            strncmp(opts[i].name, name, len) == 0)
            return &opts[i];
    return NULL;
}

const char *cli_nearest_option(const cli_opt *opts, size_t n,
                               const char *name, size_t len)
{
    const char *names[64];
    size_t k = 0;
    for (size_t i = 0; i < n && k < 64; i++)
        names[k++] = opts[i].name;
    return cli_closest(name, len, names, k);
}

/* Add value to the comma-separated list in o's buffer. */
static bool join_value(cli_opt *o, const char *value, char *why, size_t n)
{
    size_t used = o->seen > 1 ? strlen(o->buf) : 0;
    size_t len = strlen(value);
    if (used + 1 + len >= o->size) {
        snprintf(why, n, "too long (%zu bytes at most in all)", o->size - 1);
        return false;
    }
    if (used)
        o->buf[used++] = ',';
    memcpy(o->buf + used, value, len + 1);
    *(const char **)o->dest = o->buf;
    return true;
}

static bool take_number(cli_opt *o, const char *value, char *why, size_t n)
{
    unsigned long long v;
    if (!value_number(value, o->min, o->max, &v, why, n))
        return false;
    *(unsigned *)o->dest = (unsigned)v;
    return true;
}

static bool take_list_item(cli_opt *o, const char *value, char *why, size_t n)
{
    if ((unsigned long long)*o->count >= o->max) {
        snprintf(why, n, "given more than %llu times", o->max);
        return false;
    }
    ((const char **)o->dest)[(*o->count)++] = value;
    return true;
}

bool cli_take_option(cli_opt *o, const char *value, char *why, size_t n)
{
    bool repeatable = o->kind == OPT_LIST || o->kind == OPT_JOINED;
    if (o->seen++ && !repeatable) {
        snprintf(why, n, "given more than once; give it once");
        return false;
    }
    if (o->kind != OPT_FLAG && !*value) {
        snprintf(why, n, "empty; leave the option out instead");
        return false;
    }
    warta_query *q = o->dest;
    switch (o->kind) {
    case OPT_FLAG:
        if (!value)
            *(bool *)o->dest = true;
        return !value || value_bool(value, o->dest, why, n);
    case OPT_NUMBER:
        return take_number(o, value, why, n);
    case OPT_DATE:
        if (!value_date(value, why, n))
            return false;
        break;
    case OPT_LANGUAGE:
        if (!value_language(value, why, n))
            return false;
        break;
    case OPT_LANGUAGE_CODE:
        if (!value_language_code(value, why, n))
            return false;
        break;
    case OPT_CHOICE:
        return value_choice(value, o->choices, o->dest, why, n);
    case OPT_LIST:
        return take_list_item(o, value, why, n);
    case OPT_JOINED:
        return join_value(o, value, why, n);
    case OPT_DYAD:
        return value_dyad(value, o->buf, o->size, &q->source, &q->target,
                          why, n);
    case OPT_TEXT:
        break;
    }
    *(const char **)o->dest = value;
    return true;
}

/* "--name[=value]": the option, and its value from argv when it takes
** one and has none after '='; EXIT_USAGE (said) when that cannot be. */
static int read_option(int argc, char **argv, int *i, cli_opt *opts,
                       size_t n_opts)
{
    const char *arg = argv[*i];
    const char *name = arg + 2;
    size_t len = strcspn(name, "=");
    const char *value = name[len] == '=' ? name + len + 1 : NULL;
    cli_opt *o = arg[1] == '-' ? cli_find_option(opts, n_opts, name, len)
                               : NULL;
    if (!o) {
        const char *near = arg[1] == '-'
            ? cli_nearest_option(opts, n_opts, name, len) : NULL;
        cli_error("unknown option '%.*s'%s%s%s ('warta %s --help' lists "
                  "them)", (int)(arg[1] == '-' ? len + 2 : strlen(arg)), arg,
                  near ? "; did you mean --" : "", near ? near : "",
                  near ? "?" : "", argv[0]);
        return EXIT_USAGE;
    }
    if (o->kind == OPT_FLAG && value) {
        cli_error("--%s takes no value", o->name);
        return EXIT_USAGE;
    }
    if (o->kind != OPT_FLAG && !value) {
        if (*i + 1 >= argc) {
            cli_error("--%s needs a value", o->name);
            return EXIT_USAGE;
        }
        value = argv[++*i];
    }
    char why[512];
    if (!cli_take_option(o, value, why, sizeof why)) {
        cli_error("--%s: %s", o->name, why);
        return EXIT_USAGE;
    }
    return 0;
}

int cli_parse_options(int argc, char **argv, cli_opt *opts, size_t n_opts,
                      const char *usage, int *n_inputs)
{
    int inputs = 0;
    bool options_end = false;
    for (int i = 1; i < argc; i++) {
        char *arg = argv[i];
        if (options_end || arg[0] != '-' || strcmp(arg, "-") == 0) {
            argv[1 + inputs++] = arg;   /* never past i: safe in place */
        } else if (strcmp(arg, "--") == 0) {
            options_end = true;
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(usage, stdout);
            fputs("\n" CLI_EXIT_STATUS_HELP, stdout);
            return CLI_HELP;
        } else if (read_option(argc, argv, &i, opts, n_opts) != 0) {
            return EXIT_USAGE;
        }
    }
    for (size_t k = 0; k < n_opts; k++)
        if (opts[k].required && !opts[k].seen) {
            cli_error("--%s is required ('warta %s --help' tells more)",
                      opts[k].name, argv[0]);
            return EXIT_USAGE;
        }
    if (!n_inputs && inputs) {
        cli_error("takes no inputs ('%s'); what to do is said with options",
                  argv[1]);
        return EXIT_USAGE;
    }
    if (n_inputs)
        *n_inputs = inputs;
    return 0;
}
