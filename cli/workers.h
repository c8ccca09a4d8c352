/*
** workers.h -- the threads that answer `warta serve`'s API requests.
** libmicrohttpd's one thread reads requests and sends answers and never
** waits for an answer to be made: it suspends the request's connection
** and hands it to the workers as a job; a worker answers it with its own
** context, its own read-only handle on the store and its own API (no two
** threads share anything the library writes to; the dictionaries and the
** syntax models are shared read-only, as the library allows), then
** resumes the connection.
** The jobs wait in queues, not on a connection's thread, so any free
** worker takes the next one whatever connection it came on; slow ones
** (api_is_slow) run on fewer workers than there are, so that one stays
** free for the rest.
*/
#ifndef WARTA_WORKERS_H
#define WARTA_WORKERS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "api.h"
#include "cli.h"
#include "mhd_lib.h"

typedef struct job {
    struct job *next;
    struct MHD_Connection *conn;    /* suspended while the job waits */
    api_request req;
    api_response res;               /* the answer, once done */
    atomic_bool done;
    bool slow;                      /* api_is_slow */
    uint64_t queued_ns;
} job;

typedef struct workers workers;

/* n threads over the store at db, coding texts with dict and the syntax
** models loaded in models (none: by word position), the API's limits
** given (the answers' memory budget, answer_memory bytes, is the
** workers' own); NULL with a message when one cannot be made. */
workers *workers_start(unsigned n, const char *db, const warta_dict *dict,
                       const model_list *models, const api_limits *limits,
                       size_t answer_memory);

/* Hand j (its conn and req filled) to the workers: its connection is
** suspended, and resumed once j->res is made and j->done set.  False
** once the workers are stopping: the connection is left as it was. */
bool workers_take(workers *ws, job *j);

/* Answer the jobs still queued and end the threads: no connection is
** left suspended, and workers_take refuses from now on. */
void workers_stop(workers *ws);
/* Stop if need be, then free everything. */
void workers_free(workers *ws);

#endif
