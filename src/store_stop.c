/*
** store_stop.c -- stopping a store's long queries from outside: SQLite's
** progress handler, which runs between steps of its virtual machine
** (FTS5's matching included), asks the caller whether to go on.
*/
#include <sqlite3.h>

#include "warta_int.h"

/* How many virtual machine steps between two questions.  SQLite counts
** them per statement, and FTS5 does much of its work in C between short
** statements of its own that read the index: asked every 1000 steps, a
** NEAR over a thousand prefixes went on for 4.5 s past its stop; every
** 100, for at most 0.2 s, at a cost of a clock reading per 100 steps. */
#define STEPS_BETWEEN_CHECKS 100

void warta_store_set_stop(warta_store *st, warta_stop_fn stop, void *ud)
{
    if (st)
        sqlite3_progress_handler(st->db, stop ? STEPS_BETWEEN_CHECKS : 0,
                                 stop, ud);
}
