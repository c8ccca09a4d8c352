/*
** workers.c -- the threads that answer API requests (see workers.h): two
** queues of jobs under a lock, quick and slow (api_is_slow), and each
** thread's context, store handle and API.  A free worker takes a quick
** job first; it takes a slow one only while fewer than n - 1 run (one
** with one thread), so that with two threads or more one is always free
** for quick jobs.  A job that waited longer than WAIT_S is answered 503
** without being done: its client has been waiting for half a minute.
*/
#include <pthread.h>
#include <stdlib.h>

#include "answer.h"
#include "cli.h"
#include "workers.h"

typedef struct worker {
    workers *ws;
    warta_ctx *ctx;
    warta_store *st;
    api *api;
    pthread_t thread;
    bool running;
} worker;

#define WAIT_S 30

typedef struct queue {
    job *head, *tail;
} queue;

struct workers {
    pthread_mutex_t lock;
    pthread_cond_t ready;
    queue quick, slow;
    unsigned slow_running, slow_max;
    bool stopping;
    worker *w;
    unsigned n;
    answer_budget memory;           /* answers made and not yet sent */
};

static void queue_push(queue *q, job *j)
{
    j->next = NULL;
    if (q->tail)
        q->tail->next = j;
    else
        q->head = j;
    q->tail = j;
}

static job *queue_pop(queue *q)
{
    job *j = q->head;
    if (j) {
        q->head = j->next;
        if (!q->head)
            q->tail = NULL;
    }
    return j;
}

bool workers_take(workers *ws, job *j)
{
    pthread_mutex_lock(&ws->lock);
    bool open = !ws->stopping;
    if (open) {
        /* Suspended before any worker can see it: a worker resumes it. */
        mhd.MHD_suspend_connection(j->conn);
        j->slow = api_is_slow(&j->req);
        j->queued_ns = clock_ns();
        queue_push(j->slow ? &ws->slow : &ws->quick, j);
        pthread_cond_broadcast(&ws->ready);
    }
    pthread_mutex_unlock(&ws->lock);
    return open;
}

/* The job this worker may take now, if any (the lock held).  Stopping,
** the slow ones are all let through, so that none is left. */
static job *take_job(workers *ws)
{
    job *j = queue_pop(&ws->quick);
    if (!j && (ws->slow_running < ws->slow_max || ws->stopping) &&
        (j = queue_pop(&ws->slow)) != NULL)
        ws->slow_running++;
    return j;
}

/* The next job; NULL once the workers are stopping and none is left. */
static job *next_job(workers *ws)
{
    pthread_mutex_lock(&ws->lock);
    job *j;
    while (!(j = take_job(ws)) && !ws->stopping)
        pthread_cond_wait(&ws->ready, &ws->lock);
    pthread_mutex_unlock(&ws->lock);
    return j;
}

static void slow_done(workers *ws)
{
    pthread_mutex_lock(&ws->lock);
    ws->slow_running--;
    pthread_cond_broadcast(&ws->ready);     /* a slow one may go now */
    pthread_mutex_unlock(&ws->lock);
}

static void do_job(worker *w, job *j)
{
    if (clock_ns() - j->queued_ns > WAIT_S * 1000000000ull) {
        static const char msg[] = "{\"error\":\"busy: the request waited "
                                  "too long for a thread; try again\"}";
        j->res = (api_response){.status = 503, .retry_after = 1,
                                .type = "application/json; charset=utf-8",
                                .body = msg, .body_len = sizeof msg - 1};
    } else
        api_handle(w->api, &j->req, &j->res);
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    job *j;
    while ((j = next_job(w->ws)) != NULL) {
        bool slow = j->slow;
        do_job(w, j);
        atomic_store(&j->done, true);
        /* From here j is libmicrohttpd's again (it may be freed at once). */
        mhd.MHD_resume_connection(j->conn);
        if (slow)
            slow_done(w->ws);
    }
    return NULL;
}

/* A thread's context, store handle and API; false with a message. */
static bool worker_open(worker *w, const char *db, const warta_dict *dict,
                        const model_list *models, const api_limits *limits)
{
    warta_config cfg = cli_config();
    if (warta_open(&cfg, &w->ctx) != WARTA_OK) {
        cli_error("cannot open a context for a thread");
        return false;
    }
    if (!cli_use_models(w->ctx, models))
        return false;
    if (warta_store_open(w->ctx, db, WARTA_STORE_READONLY, &w->st) !=
        WARTA_OK) {
        cli_error("%s", warta_errmsg(w->ctx));
        return false;
    }
    if (!(w->api = api_new(w->ctx, w->st, dict, limits))) {
        cli_error("out of memory");
        return false;
    }
    w->running = pthread_create(&w->thread, NULL, worker_main, w) == 0;
    if (!w->running)
        cli_error("cannot start a thread");
    return w->running;
}

workers *workers_start(unsigned n, const char *db, const warta_dict *dict,
                       const model_list *models, const api_limits *given,
                       size_t answer_memory)
{
    workers *ws = calloc(1, sizeof *ws);
    worker *w = ws ? calloc(n, sizeof *w) : NULL;
    if (!w) {
        cli_error("out of memory");
        free(ws);
        return NULL;
    }
    pthread_mutex_init(&ws->lock, NULL);
    pthread_cond_init(&ws->ready, NULL);
    ws->w = w;
    ws->n = n;
    ws->slow_max = n > 1 ? n - 1 : 1;
    atomic_init(&ws->memory.held, 0);
    ws->memory.max = answer_memory;
    api_limits limits = *given;
    limits.memory = &ws->memory;
    for (unsigned i = 0; i < n; i++) {
        w[i].ws = ws;
        if (!worker_open(&w[i], db, dict, models, &limits)) {
            workers_free(ws);
            return NULL;
        }
    }
    return ws;
}

void workers_stop(workers *ws)
{
    if (!ws)
        return;
    pthread_mutex_lock(&ws->lock);
    ws->stopping = true;
    pthread_cond_broadcast(&ws->ready);
    pthread_mutex_unlock(&ws->lock);
    for (unsigned i = 0; i < ws->n; i++)
        if (ws->w[i].running) {
            pthread_join(ws->w[i].thread, NULL);
            ws->w[i].running = false;
        }
}

void workers_free(workers *ws)
{
    if (!ws)
        return;
    workers_stop(ws);
    for (unsigned i = 0; i < ws->n; i++) {
        api_free(ws->w[i].api);
        warta_store_close(ws->w[i].st);
        warta_close(ws->w[i].ctx);
    }
    pthread_mutex_destroy(&ws->lock);
    pthread_cond_destroy(&ws->ready);
    free(ws->w);
    free(ws);
}
