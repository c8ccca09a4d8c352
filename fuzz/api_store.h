/*
** api_store.h -- shared by the targets that drive the dashboard's API
** (fuzz_http, fuzz_api): a small store of the coded fuzz sentences, made
** once and opened read-only, an API over it, and the checks every answer
** must pass.  Include after helpers.h.
*/
#ifndef WARTA_FUZZ_API_STORE_H
#define WARTA_FUZZ_API_STORE_H

#include <jansson.h>

#include "../cli/api.h"

/* The API, made on first use and kept for the whole run.  Its queries
** stop after 200 ms (503): a slow full-text query is no finding. */
FUZZ_HELPER api *fuzz_store_api(void)
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
    const char *path = fuzz_path("api.db");
    if (warta_store_open(ctx, path, 0, &st) != WARTA_OK)
        abort();
    for (size_t i = 0; i < sizeof fuzz_sentences / sizeof *fuzz_sentences;
         i++) {
        warta_meta meta = {.id = fuzz_sentences[i][0], .date = "2023-08-08"};
        fuzz_store_text(ctx, st, d, &meta, fuzz_sentences[i][1]);
    }
    warta_store_close(st);
    if (warta_store_open(ctx, path, WARTA_STORE_READONLY, &st) != WARTA_OK)
        abort();
    api_limits limits = {.query_ms = 200};
    a = api_new(ctx, st, d, &limits);
    return a;
}

/* Every answer has a status from 200 to 599 and never 500: over a
** read-only store that does not fail, a 500 is the server's own fault
** (once, "out of memory" for a value that was not UTF-8).  One that says
** it is JSON parses as JSON. */
FUZZ_HELPER void fuzz_check_answer(const api_response *res)
{
    if (res->status < 200 || res->status > 599 || res->status == 500 ||
        !res->type || (res->body_len && !res->body)) {
        fprintf(stderr, "fuzz: status %d: %.*s\n", res->status,
                (int)(res->body_len < 300 ? res->body_len : 300),
                res->body ? res->body : "");
        abort();
    }
    if (strncmp(res->type, "application/json", 16) == 0) {
        json_t *j = json_loadb(res->body, res->body_len, 0, NULL);
        if (!j)
            abort();
        json_decref(j);
    }
}

#endif
