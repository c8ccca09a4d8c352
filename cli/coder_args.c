/*
** coder_args.c -- the options of the commands that code articles (`warta
** code`, `warta ingest`, and `warta serve` for its "code a text" box):
** how to code (--syntax, --model) and which events to keep (--mode,
** --historical), read the same way by each.
*/
#include <string.h>

#include "cli.h"

/* Is value the first word (true) or the second (false)?  Neither: false
** with a message, and *ok false. */
static bool first_of(const char *option, const char *value, const char *first,
                     const char *second, bool *ok)
{
    *ok = strcmp(value, first) == 0 || strcmp(value, second) == 0;
    if (!*ok)
        cli_error("--%s takes %s or %s, not '%s'", option, first, second,
                  value);
    return strcmp(value, first) == 0;
}

bool coder_args_take(coder_args *a, int c, const char *value,
                     const char *usage)
{
    bool ok = true;
    switch (c) {
    case OPT_SYNTAX:
        a->shallow = !first_of("syntax", value, "on", "off", &ok);
        break;
    case OPT_MODEL:
        ok = model_list_add(&a->models, value);
        break;
    case OPT_MODE:
        a->all_modes = !first_of("mode", value, "asserted", "all", &ok);
        break;
    case OPT_HISTORICAL:
        a->historical = true;
        break;
    default:                        /* getopt_long has said what is wrong */
        fputs(usage, stderr);
        ok = false;
    }
    return ok;
}

warta_code_opts coder_args_opts(const coder_args *a)
{
    return (warta_code_opts){.shallow = a->shallow,
                             .all_modes = a->all_modes,
                             .historical = a->historical};
}

bool coder_args_load(warta_ctx *ctx, coder_args *a)
{
    if (a->shallow && a->models.n_paths) {
        cli_error("--model with --syntax off: the model would not be used");
        return false;
    }
    return a->shallow || cli_load_models(ctx, &a->models);
}

void coder_args_free(coder_args *a)
{
    cli_free_models(&a->models);
}
