/*
** fuzz_api.c -- libFuzzer target: the dashboard's API with arbitrary
** combinations of its filters, down to the query builder and
** warta_store_query.  fuzz_http reads its input as text and seldom puts
** several known parameters together; here each parameter is picked from
** the API's own names by a byte, so that actor + dyad + undirected +
** code (which overflowed the query builder's bounds) is one of the first
** things tried.  The input is
**
**   ROUTE  (NAME LEN VALUE[LEN])...  [0xff BODY]
**
** ROUTE, a byte, picks a route (the event route takes its id from the
** next byte); each NAME byte picks a parameter name (past the table: the
** value is the name, with an empty value); LEN is the value's length.
** A value is a C string, as libmicrohttpd hands it over: a NUL in it ends
** it.  0xff ends the parameters; what follows is the body.  Every answer
** is checked by fuzz_check_answer (api_store.h).
*/
#include "helpers.h"
#include "api_store.h"

#define MAX_ARGS 64

static const char *const routes[][2] = {
    {"GET", "/api/events"}, {"GET", "/api/series"}, {"GET", "/api/dyads"},
    {"GET", "/api/actors"}, {"GET", "/api/stats"},  {"POST", "/api/code"},
    {"GET", "/"},           {"GET", "/api/events/"},    /* + an id */
    {"DELETE", "/api/events"},
};

static const char *const names[] = {
    "actor", "dyad", "undirected", "code", "quad", "from", "to",
    "lang", "country", "text", "top", "by",
};

/* The request the input describes; its strings are copied into store. */
typedef struct fuzz_request {
    api_request req;
    const char *names[MAX_ARGS], *values[MAX_ARGS];
    char path[32];
    char store[4096];
    size_t used;
} fuzz_request;

/* n bytes at p as a C string in r->store (cut at a NUL, or when full). */
static const char *keep(fuzz_request *r, const uint8_t *p, size_t n)
{
    size_t room = sizeof r->store - r->used;
    if (!room)
        return "";
    const uint8_t *nul = memchr(p, 0, n);
    if (nul)
        n = (size_t)(nul - p);
    if (n >= room)
        n = room - 1;
    char *s = r->store + r->used;
    memcpy(s, p, n);
    s[n] = '\0';
    r->used += n + 1;
    return s;
}

static void read_request(fuzz_request *r, const uint8_t *p, size_t size)
{
    const uint8_t *end = p + size;
    size_t route = size ? *p++ % (sizeof routes / sizeof routes[0]) : 0;
    r->req.method = routes[route][0];
    r->req.path = routes[route][1];
    if (strcmp(r->req.path, "/api/events/") == 0) {
        snprintf(r->path, sizeof r->path, "/api/events/%d", p < end ? *p++ : 1);
        r->req.path = r->path;
    }
    size_t n = 0;
    while (p + 2 <= end && *p != 0xff && n < MAX_ARGS) {
        size_t name = *p++, len = *p++;
        if (len > (size_t)(end - p))
            len = (size_t)(end - p);
        const char *value = keep(r, p, len);
        p += len;
        if (name < sizeof names / sizeof names[0]) {
            r->names[n] = names[name];
            r->values[n++] = value;
        } else {
            r->names[n] = value;
            r->values[n++] = "";
        }
    }
    if (p < end && *p == 0xff)
        p++;
    r->req.n_args = n;
    r->req.names = r->names;
    r->req.values = r->values;
    r->req.body = (const char *)p;
    r->req.body_len = (size_t)(end - p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    api *a = fuzz_store_api();
    fuzz_request *r = calloc(1, sizeof *r);
    if (!r)
        abort();
    read_request(r, data, size);
    api_response res;
    api_handle(a, &r->req, &res);
    fuzz_check_answer(&res);
    api_response_free(&res);
    free(r);
    return 0;
}
