/*
** deadlines.c -- each connection's deadline (see deadlines.h).  The
** connections are in a list under a lock: libmicrohttpd's threads add,
** update and remove them, the sweep (the main thread) reads them.  A
** connection past its deadline gets shutdown(2) on its socket; its own
** thread then sees the socket end and closes the connection as it
** would any other.  libmicrohttpd reports the close before it closes
** the socket, and the report waits for the lock, so the sweep never
** shuts down a socket number that has been given to another connection.
*/
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "cli.h"
#include "deadlines.h"

typedef struct watch {
    struct watch *prev, *next;
    deadlines *owner;
    int fd;
    conn_phase phase;
    uint64_t since_ns;              /* when the phase began */
} watch;

struct deadlines {
    pthread_mutex_t lock;
    watch *head;
};

static const unsigned phase_seconds[] = {
    [PHASE_HEADERS] = DEADLINE_HEADERS_S,
    [PHASE_BODY] = DEADLINE_BODY_S,
    [PHASE_ANSWER] = DEADLINE_ANSWER_S,
};

deadlines *deadlines_new(void)
{
    deadlines *d = calloc(1, sizeof *d);
    if (d)
        pthread_mutex_init(&d->lock, NULL);
    return d;
}

void deadlines_free(deadlines *d)
{
    if (!d)
        return;
    while (d->head) {               /* none, once the server has stopped */
        watch *w = d->head;
        d->head = w->next;
        free(w);
    }
    pthread_mutex_destroy(&d->lock);
    free(d);
}

static void opened(deadlines *d, struct MHD_Connection *conn, void **ctx)
{
    const union MHD_ConnectionInfo *info =
        mhd.MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
    watch *w = info ? calloc(1, sizeof *w) : NULL;
    *ctx = w;
    if (!w)                         /* unwatched: libmicrohttpd's timeout */
        return;
    w->owner = d;
    w->fd = info->connect_fd;
    w->phase = PHASE_HEADERS;
    w->since_ns = clock_ns();
    pthread_mutex_lock(&d->lock);
    w->next = d->head;
    if (d->head)
        d->head->prev = w;
    d->head = w;
    pthread_mutex_unlock(&d->lock);
}

static void closed(deadlines *d, watch *w)
{
    pthread_mutex_lock(&d->lock);
    if (w->prev)
        w->prev->next = w->next;
    else
        d->head = w->next;
    if (w->next)
        w->next->prev = w->prev;
    pthread_mutex_unlock(&d->lock);
    free(w);
}

void deadlines_notify(void *cls, struct MHD_Connection *conn,
                      void **socket_context,
                      enum MHD_ConnectionNotificationCode code)
{
    if (code == MHD_CONNECTION_NOTIFY_STARTED)
        opened(cls, conn, socket_context);
    else if (*socket_context) {
        closed(cls, *socket_context);
        *socket_context = NULL;
    }
}

void deadlines_enter(struct MHD_Connection *conn, conn_phase phase)
{
    const union MHD_ConnectionInfo *info =
        mhd.MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    watch *w = info ? info->socket_context : NULL;
    if (!w)
        return;
    deadlines *d = w->owner;
    pthread_mutex_lock(&d->lock);
    w->phase = phase;
    w->since_ns = clock_ns();
    pthread_mutex_unlock(&d->lock);
}

unsigned deadlines_sweep(deadlines *d)
{
    unsigned n = 0;
    pthread_mutex_lock(&d->lock);
    uint64_t now = clock_ns();      /* after every since_ns in the list */
    for (watch *w = d->head; w; w = w->next)
        if (w->fd >= 0 &&
            now - w->since_ns > phase_seconds[w->phase] * 1000000000ull) {
            shutdown(w->fd, SHUT_RDWR);
            w->fd = -1;             /* once */
            n++;
        }
    pthread_mutex_unlock(&d->lock);
    return n;
}
