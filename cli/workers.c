/*
** workers.c -- the threads that answer API requests (see workers.h): a
** queue of jobs under a lock, and each thread's context, store handle
** and API.
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

struct workers {
    pthread_mutex_t lock;
    pthread_cond_t ready;
    job *head, *tail;
    bool stopping;
    worker *w;
    unsigned n;
    api_lane coding;                /* texts being coded, at most n - 1 */
    answer_budget memory;           /* answers made and not yet sent */
};

bool workers_take(workers *ws, job *j)
{
    pthread_mutex_lock(&ws->lock);
    bool open = !ws->stopping;
    if (open) {
        /* Suspended before any worker can see it: a worker resumes it. */
        MHD_suspend_connection(j->conn);
        j->next = NULL;
        if (ws->tail)
            ws->tail->next = j;
        else
            ws->head = j;
        ws->tail = j;
        pthread_cond_signal(&ws->ready);
    }
    pthread_mutex_unlock(&ws->lock);
    return open;
}

/* The next job; NULL once the workers are stopping and none is left. */
static job *next_job(workers *ws)
{
    pthread_mutex_lock(&ws->lock);
    while (!ws->head && !ws->stopping)
        pthread_cond_wait(&ws->ready, &ws->lock);
    job *j = ws->head;
    if (j) {
        ws->head = j->next;
        if (!ws->head)
            ws->tail = NULL;
    }
    pthread_mutex_unlock(&ws->lock);
    return j;
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    job *j;
    while ((j = next_job(w->ws)) != NULL) {
        api_handle(w->api, &j->req, &j->res);
        atomic_store(&j->done, true);
        /* From here j is libmicrohttpd's again (it may be freed at once). */
        MHD_resume_connection(j->conn);
    }
    return NULL;
}

/* A thread's context, store handle and API; false with a message. */
static bool worker_open(worker *w, const char *db, const warta_dict *dict,
                        const api_limits *limits)
{
    warta_config cfg = cli_config();
    if (warta_open(&cfg, &w->ctx) != WARTA_OK) {
        cli_error("cannot open a context for a thread");
        return false;
    }
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
                       const api_limits *given, size_t answer_memory)
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
    atomic_init(&ws->coding.running, 0);
    ws->coding.max = n > 1 ? n - 1 : 1;
    atomic_init(&ws->memory.held, 0);
    ws->memory.max = answer_memory;
    api_limits limits = *given;
    limits.coding = &ws->coding;
    limits.memory = &ws->memory;
    for (unsigned i = 0; i < n; i++) {
        w[i].ws = ws;
        if (!worker_open(&w[i], db, dict, &limits)) {
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
