/*
** fuzz_http.c -- libFuzzer target: the dashboard's request handling
** (cli/api.c) over a small store, as `warta serve` calls it once
** libmicrohttpd has parsed a request.  The input is
**
**   METHOD\n PATH\n name=value\n ... \n BODY
**
** (the parameters end at an empty line).  Every answer must have a status
** from 200 to 599, and one that says it is JSON must parse as JSON.
*/
#include <jansson.h>

#include "../cli/api.h"
#include "helpers.h"

#define MAX_ARGS 64

/* A store of the coded fuzz sentences, made once and opened read-only. */
static api *fuzz_api(void)
{
    static api *a;
    if (a)
        return a;
    warta_ctx *ctx = fuzz_ctx();
    warta_dict *d;
    warta_store *st;
    if (warta_dict_new(ctx, &d) != WARTA_OK)
        abort();
    fuzz_load_base(ctx, d);
    const char *path = fuzz_path("http.db");
    if (warta_store_open(ctx, path, 0, &st) != WARTA_OK)
        abort();
    for (size_t i = 0; i < sizeof fuzz_sentences / sizeof *fuzz_sentences;
         i++) {
        const char *text = fuzz_sentences[i][1];
        warta_meta meta = {.id = fuzz_sentences[i][0], .date = "2023-08-08"};
        warta_doc *doc;
        if (warta_doc_new(ctx, text, strlen(text), &meta, &doc) != WARTA_OK ||
            warta_doc_code(ctx, doc, d) != WARTA_OK ||
            warta_store_add(st, doc, NULL) != WARTA_OK)
            abort();
        warta_doc_free(doc);
    }
    warta_store_close(st);
    if (warta_store_open(ctx, path, WARTA_STORE_READONLY, &st) != WARTA_OK)
        abort();
    a = api_new(ctx, st, d, NULL);   /* kept for the whole run */
    return a;
}

/* The next line of the input, copied and NUL-terminated (a NUL byte in
** it ends it early, as it would in a C string from the HTTP parser). */
static char *next_line(const char **p, const char *end)
{
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    size_t n = nl ? (size_t)(nl - *p) : (size_t)(end - *p);
    char *line = strndup(*p, n);
    *p += nl ? n + 1 : n;
    return line;
}

static void check_answer(const api_response *res)
{
    if (res->status < 200 || res->status > 599 || !res->type ||
        (res->body_len && !res->body))
        abort();
    if (strncmp(res->type, "application/json", 16) == 0) {
        json_t *j = json_loadb(res->body, res->body_len, 0, NULL);
        if (!j)
            abort();
        json_decref(j);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    api *a = fuzz_api();
    const char *p = (const char *)data, *end = p + size;
    char *method = next_line(&p, end);
    char *path = next_line(&p, end);
    char *args[MAX_ARGS];
    const char *names[MAX_ARGS], *values[MAX_ARGS];
    size_t n = 0;
    while (p < end && *p != '\n' && n < MAX_ARGS) {
        args[n] = next_line(&p, end);
        char *eq = strchr(args[n], '=');
        if (eq)
            *eq = '\0';
        names[n] = args[n];
        values[n] = eq ? eq + 1 : "";
        n++;
    }
    if (p < end && *p == '\n')
        p++;
    api_request req = {.method = method, .path = path, .n_args = n,
                       .names = names, .values = values, .body = p,
                       .body_len = (size_t)(end - p)};
    api_response res;
    api_handle(a, &req, &res);
    check_answer(&res);
    api_response_free(&res);
    for (size_t i = 0; i < n; i++)
        free(args[i]);
    free(method);
    free(path);
    return 0;
}
