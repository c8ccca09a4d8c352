/*
** api.h -- the dashboard's HTTP API as a plain function: a parsed
** request in, a status and a body out.  cmd_serve.c puts it on the
** network (libmicrohttpd); tests and the fuzzer call it directly.
**
**   GET  /api/stats                 what the store holds
**   GET  /api/events?FILTERS&top=N&offset=K
**                                   events, as `warta query` lists them;
**                                   offset pages past the first K
**   GET  /api/events/ID             one event, its mentions and sentences
**   GET  /api/series?by=day|week|month|year&FILTERS
**                                   events per period and QuadClass
**   GET  /api/dyads?FILTERS&top=N   source-target pairs
**   GET  /api/actors?FILTERS&top=N  actors by events
**   GET  /api/places?FILTERS&top=N  geocoded places by events (place,
**                                   country, lat, lon, events, goldstein)
**   GET  /api/export?format=csv|gdelt|plover&FILTERS&sort=KEY&top=N
**                                   the selected events as a file, as
**                                   the store exports them
**   POST /api/code                  {"text": ..., "date": ..., "lang": ...,
**                                    "mode": "asserted"|"all",
**                                    "historical": true|false}
**                                   codes a text (nothing is stored)
**   GET  /, /app.js, /style.css     the embedded front end
**
** FILTERS are those of `warta query`: actor, dyad (SRC:TGT), undirected,
** code, quad, from, to, lang, country, text, mode.  Errors are JSON objects
** {"error": "..."} with a 4xx or 5xx status.
*/
#ifndef WARTA_API_H
#define WARTA_API_H

#include <stddef.h>

#include "warta.h"

#define API_MAX_BODY ((size_t)1 << 20)      /* POST bodies: 1 MB */
#define API_MAX_QUERY ((size_t)8 << 10)     /* query strings: 8 KB */
#define API_MAX_ARGS 64                     /* parameters of a request */

typedef struct api_request {
    const char *method;             /* "GET", "POST", ... */
    const char *path;               /* "/api/events", no query string */
    size_t n_args;                  /* the query string, decoded */
    const char *const *names;
    const char *const *values;      /* "" for a bare name */
    const char *body;
    size_t body_len;
} api_request;

typedef struct api_response {
    int status;
    unsigned retry_after;           /* seconds, for a 503; 0: not said */
    const char *type;               /* Content-Type */
    const char *filename;           /* a download's name; NULL: none */
    const char *body;               /* body_len bytes */
    size_t body_len;
    char *owned;                    /* what to free: body, or NULL */
    size_t held;                    /* of the budget, given back with it */
    struct answer_budget *budget;
} api_response;

typedef struct api api;

/* What one request may cost; a 0 field takes its default. */
typedef struct api_limits {
    unsigned query_ms;              /* the request's store queries, in all:
                                       past it, they stop and the answer
                                       is 503 */
    size_t code_bytes;              /* /api/code: the longest text and */
    size_t code_sentences;          /* the most sentences coded (413) */
    size_t answer_bytes;            /* the longest answer (a 400 past it) */
    struct answer_budget *memory;   /* the answers not yet sent, across
                                       threads (a 503 past it); NULL: no
                                       bound */
} api_limits;
#define API_DEFAULT_QUERY_MS 2000
/* About a quarter of a second of coding on one core (a long article is
** 20-50 KB); sentences bound the cost of texts of many short ones. */
#define API_DEFAULT_CODE_BYTES ((size_t)256 << 10)
#define API_DEFAULT_CODE_SENTENCES 2500
/* 100,000 events (the most top takes) are about 26 MB of JSON. */
#define API_DEFAULT_ANSWER_BYTES ((size_t)32 << 20)

/* An API over a store opened read-only and dictionaries for /api/code;
** both stay the caller's (the store's stop function is the API's until
** api_free).  limits may be NULL for the defaults.  One request at a
** time: a server gives each thread its own context, store and API. */
api *api_new(warta_ctx *ctx, warta_store *st, const warta_dict *dict,
             const api_limits *limits);
void api_free(api *a);

/* Answer one request.  Always fills res; free it with api_response_free. */
void api_handle(api *a, const api_request *req, api_response *res);

/* Whether a request may keep a thread long: a text to code, a full-text
** filter, or more than API_QUICK_ROWS rows asked (the dashboard asks for
** 1,000 at most).  A server runs fewer of these at once than it has
** threads, so that one stays free for the rest. */
#define API_QUICK_ROWS 1000
bool api_is_slow(const api_request *req);
void api_response_free(api_response *res);

#endif
