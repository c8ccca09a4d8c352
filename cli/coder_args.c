/*
** coder_args.c -- the options of the commands that code articles (`warta
** code`, `warta ingest`, and `warta serve` for its "code a text" box):
** how to code (--syntax, --model) and which events to keep (--mode,
** --historical), read the same way by each (their table entries are in
** cli.h).
*/
#include "cli.h"

const char *const coder_syntax_names[] = {"on", "off", NULL};
const char *const coder_mode_names[] = {"asserted", "all", NULL};

warta_code_opts coder_args_opts(const coder_args *a)
{
    return (warta_code_opts){.shallow = a->syntax == CODER_SYNTAX_OFF,
                             .all_modes = a->mode == CODER_MODE_ALL,
                             .historical = a->historical};
}

int coder_args_check(const coder_args *a)
{
    if (a->syntax == CODER_SYNTAX_OFF && a->models.n_paths) {
        cli_error("--model with --syntax off: the model would not be used");
        return EXIT_USAGE;
    }
    return 0;
}

bool coder_args_load(warta_ctx *ctx, coder_args *a)
{
    return a->syntax == CODER_SYNTAX_OFF || cli_load_models(ctx, &a->models);
}

void coder_args_start(coder_args *a)
{
    if (a->syntax != CODER_SYNTAX_OFF)
        cli_start_models(&a->models);   /* a failure, said now, makes
                                           coder_args_load false */
}

void coder_args_free(coder_args *a)
{
    cli_free_models(&a->models);
}
