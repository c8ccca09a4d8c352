/*
** main.c -- the warta command: a table of subcommands over libwarta.
** Each subcommand lives in its own cmd_*.c and parses its own options.
*/
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"split", cmd_split, "articles into sentences and tokens"},
    {"code", cmd_code, "articles into events"},
    {"ingest", cmd_ingest, "code articles into an event store (SQLite)"},
    {"query", cmd_query, "ask an event store questions"},
    {"serve", cmd_serve, "the dashboard: a web page and JSON API over a store"},
    {"dict", cmd_dict, "check dictionaries or count what they hold"},
    {"eval", cmd_eval, "score the coder against gold records"},
    {"parse", cmd_parse, "tag and parse articles (CoNLL-U or JSON)"},
    {"train", cmd_train, "train a syntax model from UD treebanks"},
    {"eval-parse", cmd_eval_parse, "score a syntax model on UD treebanks"},
};

static void print_usage(FILE *out)
{
    fprintf(out, "usage: warta COMMAND [options] [FILE|DIR|-]...\n\n"
                 "warta %s turns news articles into political event data.\n\n"
                 "commands:\n", WARTA_VERSION);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
    char data[4096];
    cli_find_data_dir(data, sizeof data);
    fprintf(out, "\nThe data directory (language packs, syntax models, "
                 "gazetteer) is\n%s ($WARTA_DATA sets another).\n"
                 "'warta COMMAND --help' tells more.\n\n"
                 CLI_EXIT_STATUS_HELP, data);
}

/* "no command 'cod'; did you mean code?" */
static void unknown_command(const char *name)
{
    const char *names[sizeof commands / sizeof commands[0]];
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        names[i] = commands[i].name;
    const char *near = cli_closest(name, strlen(name), names,
                                   sizeof names / sizeof names[0]);
    cli_error("no command '%s'%s%s%s ('warta --help' lists them)", name,
              near ? "; did you mean " : "", near ? near : "",
              near ? "?" : "");
}

int main(int argc, char **argv)
{
    /* CLD2 takes and frees a large scratch buffer for every call; without
    ** this glibc hands that memory back to the kernel each time, which
    ** made language detection several times slower. */
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 16 << 20);
    if (argc < 2) {
        print_usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "help") == 0) {
        print_usage(stdout);
        return EXIT_ALL_OK;
    }
    if (strcmp(name, "--version") == 0) {
        printf("warta %s\n", WARTA_VERSION);
        return EXIT_ALL_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(name, commands[i].name) == 0) {
            cli_set_command(name);
            return commands[i].run(argc - 1, argv + 1);
        }
    unknown_command(name);
    return EXIT_USAGE;
}
