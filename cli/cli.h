/*
** cli.h -- what the warta command's files share: the commands, option
** parsing helpers, progress display and messages.
*/
#ifndef WARTA_CLI_H
#define WARTA_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "warta.h"

/* Exit statuses: everything went through / something was skipped / the
** command could not run. */
enum { EXIT_ALL_OK = 0, EXIT_SKIPPED = 1, EXIT_USAGE = 2 };

int cmd_split(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_eval(int argc, char **argv);

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

#endif
