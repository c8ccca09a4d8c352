/*
** deadlines.h -- deadlines for each connection of `warta serve` that a
** client cannot extend by trickling.  libmicrohttpd's timeout counts
** silence, and a byte every few seconds resets it: a thousand such
** connections held the server.  Here each connection is watched from
** the moment it opens, and a sweep once a second shuts down those past
** the deadline of what they are doing:
**
**   waiting for a request's headers   DEADLINE_HEADERS_S from the
**                                     opening or the last answer
**   sending the body                  DEADLINE_BODY_S from the headers
**   being answered and read           DEADLINE_ANSWER_S from the body
*/
#ifndef WARTA_DEADLINES_H
#define WARTA_DEADLINES_H

#include "mhd_lib.h"

#define DEADLINE_HEADERS_S 10
#define DEADLINE_BODY_S 30
#define DEADLINE_ANSWER_S 60

typedef struct deadlines deadlines;

typedef enum {
    PHASE_HEADERS,      /* waiting for a request's headers */
    PHASE_BODY,         /* the headers are in: reading the body */
    PHASE_ANSWER,       /* answering, then sending the answer */
} conn_phase;

deadlines *deadlines_new(void);
/* After the server has stopped: every connection is closed. */
void deadlines_free(deadlines *d);

/* libmicrohttpd's MHD_OPTION_NOTIFY_CONNECTION callback (cls: the
** deadlines): a connection opens or closes. */
void deadlines_notify(void *cls, struct MHD_Connection *conn,
                      void **socket_context,
                      enum MHD_ConnectionNotificationCode code);

/* The connection's request goes on to the phase (its clock starts). */
void deadlines_enter(struct MHD_Connection *conn, conn_phase phase);

/* Shut down the connections past their deadline; how many. */
unsigned deadlines_sweep(deadlines *d);

#endif
