/*
** fuzz_http.c -- libFuzzer target: the dashboard's request handling
** (cli/api.c) over a small store, as `warta serve` calls it once
** libmicrohttpd has parsed a request.  The input is
**
**   METHOD\n PATH\n name=value\n ... \n BODY
**
** (the parameters end at an empty line).  Every answer is checked by
** fuzz_check_answer (api_store.h).
*/
#include "helpers.h"
#include "api_store.h"

#define MAX_ARGS 64

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    api *a = fuzz_store_api();
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
    fuzz_check_answer(&res);
    api_response_free(&res);
    for (size_t i = 0; i < n; i++)
        free(args[i]);
    free(method);
    free(path);
    return 0;
}
