/*
** cmd_dict.c -- `warta dict check|stats PATH...`: load dictionaries and
** say what is wrong with them (file:line: message) or what they hold.
*/
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "cli.h"

static const char usage[] =
    "usage: warta dict check PATH...   report problems as file:line: message\n"
    "       warta dict stats PATH...   count entries and CAMEO codes covered\n"
    "  PATH is a dictionary file, a language pack directory or a TABARI\n"
    "  .project file.  Each PATH is loaded into its own dictionary set.\n";

static void print_stats(const char *path, const warta_dict_stats *s,
                        double ms)
{
    printf("%s\n", path);
    printf("  actors   %7zu blocks %8zu names %8zu dated codes\n", s->actors,
           s->actor_phrases, s->actor_codes);
    printf("  agents   %7zu blocks %8zu names\n", s->agents, s->agent_phrases);
    printf("  verbs    %7zu blocks %8zu forms %8zu patterns %5zu synsets\n",
           s->verbs, s->verb_forms, s->patterns, s->synsets);
    printf("  discards %7zu        issues %7zu      words %8zu\n", s->discards,
           s->issues, s->words);
    printf("  CAMEO codes covered: %zu of %zu\n", s->cameo_covered,
           s->cameo_codes);
    printf("  problems: %zu   load: %.1f ms\n", s->problems, ms);
}

int cmd_dict(int argc, char **argv)
{
    int n_inputs;
    int rc = cli_parse_options(argc, argv, NULL, 0, usage, &n_inputs);
    if (rc)
        return rc == CLI_HELP ? EXIT_ALL_OK : rc;
    static const char *const subcommands[] = {"check", "stats", NULL};
    int sub;
    char why[256];
    if (n_inputs == 0) {
        cli_error("check or stats? ('warta dict --help' tells more)");
        return EXIT_USAGE;
    }
    if (!value_choice(argv[1], subcommands, &sub, why, sizeof why)) {
        cli_error("subcommand: %s", why);
        return EXIT_USAGE;
    }
    if (n_inputs < 2) {
        cli_error("%s what? Give a dictionary file, pack or project",
                  argv[1]);
        return EXIT_USAGE;
    }
    bool stats = sub == 1;
    warta_config cfg = {.log = cli_log};
    warta_ctx *ctx;
    if (warta_open(&cfg, &ctx) != WARTA_OK)
        return EXIT_FAILED;
    int status = EXIT_ALL_OK;
    for (int i = 2; i <= n_inputs; i++) {
        warta_dict *d;
        if (warta_dict_new(ctx, &d) != WARTA_OK) {
            cli_error("%s", warta_errmsg(ctx));
            status = EXIT_FAILED;
            break;
        }
        uint64_t t0 = clock_ns();
        warta_status ws = warta_dict_load(ctx, d, argv[i]);
        double ms = (double)(clock_ns() - t0) / 1e6;
        if (ws != WARTA_OK && ws != WARTA_EPARSE) {   /* not read through */
            cli_error("%s", warta_errmsg(ctx));
            status = EXIT_FAILED;
        } else if (ws != WARTA_OK && status == EXIT_ALL_OK) {
            status = EXIT_SKIPPED;      /* problems were logged line by line */
        }
        if (stats) {
            warta_dict_stats s;
            warta_dict_get_stats(d, &s);
            print_stats(argv[i], &s, ms);
        }
        warta_dict_free(d);
    }
    if (stats) {
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        printf("peak RSS: %.1f MB\n", ru.ru_maxrss / 1024.0);
    }
    warta_close(ctx);
    return status;
}
