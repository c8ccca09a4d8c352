/*
** api.c -- the dashboard's API (see api.h): routes, parameters checked
** before anything reaches the store, answers as JSON, and the embedded
** front end.  Every value goes to SQL as a bound parameter (query.c);
** only files compiled into the binary are served.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "answer.h"
#include "api.h"
#include "cli.h"
#include "web_assets.h"     /* generated from web/ by tools/embed.sh */

struct api {
    warta_ctx *ctx;
    warta_store *st;
    const warta_dict *dict;
    api_limits limits;
    uint64_t deadline_ns;           /* of the request's store queries */
    bool over_budget;               /* they were stopped */
};

/* The store's stop function: past the deadline, its query is abandoned. */
static int budget_spent(void *ud)
{
    api *a = ud;
    if (clock_ns() > a->deadline_ns)
        a->over_budget = true;
    return a->over_budget;
}

api *api_new(warta_ctx *ctx, warta_store *st, const warta_dict *dict,
             const api_limits *limits)
{
    api *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    *a = (api){.ctx = ctx, .st = st, .dict = dict,
               .limits = limits ? *limits : (api_limits){0},
               .deadline_ns = UINT64_MAX};
    api_limits *lim = &a->limits;
    if (!lim->query_ms)
        lim->query_ms = API_DEFAULT_QUERY_MS;
    if (!lim->code_bytes)
        lim->code_bytes = API_DEFAULT_CODE_BYTES;
    if (!lim->code_sentences)
        lim->code_sentences = API_DEFAULT_CODE_SENTENCES;
    if (!lim->answer_bytes)
        lim->answer_bytes = API_DEFAULT_ANSWER_BYTES;
    warta_store_set_stop(st, budget_spent, a);
    return a;
}

void api_free(api *a)
{
    if (a)
        warta_store_set_stop(a->st, NULL, NULL);
    free(a);
}

void api_response_free(api_response *res)
{
    answer_release(res->owned, res->held, res->budget);
    res->owned = NULL;
    res->held = 0;
}

/* ---- answers ------------------------------------------------------------ */

static const char json_content_type[] = "application/json; charset=utf-8";

/* Answer with o (taken), a small object such as an error, as JSON: it is
** neither bounded nor counted. */
static void reply_small(api_response *res, int status, json_t *o)
{
    char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (!s) {
        static const char oom[] = "{\"error\":\"out of memory\"}";
        *res = (api_response){.status = 500, .type = json_content_type,
                              .body = oom, .body_len = sizeof oom - 1};
        return;
    }
    *res = (api_response){.status = status, .type = json_content_type,
                          .body = s, .body_len = strlen(s), .owned = s};
}

/* The length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_char(const char *s, size_t n)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                            (utf8proc_ssize_t)n, &cp);
    return len > 0 ? (size_t)len : 0;
}

static bool is_utf8(const char *s)
{
    size_t n = strlen(s), len;
    for (; n; s += len, n -= len)
        if (!(len = utf8_char(s, n)))
            return false;
    return true;
}

/* msg with each byte that is not part of a UTF-8 character (a value cut
** short by "%.80s", a library message quoting input) as U+FFFD: JSON
** strings are UTF-8, and an echoed value must not turn a 4xx into a
** failure to answer. */
static void make_utf8(const char *msg, char *out, size_t size)
{
    static const char replacement[] = "\xEF\xBF\xBD";
    size_t o = 0, n = strlen(msg);
    while (n && o + 5 <= size) {        /* room for 4 bytes and the NUL */
        size_t len = utf8_char(msg, n);
        if (len)
            memcpy(out + o, msg, len), o += len;
        else
            memcpy(out + o, replacement, 3), o += 3, len = 1;
        msg += len;
        n -= len;
    }
    out[o] = '\0';
}

static void reply_error(api_response *res, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void reply_error(api_response *res, int status, const char *fmt, ...)
{
    char msg[512], utf8[sizeof msg * 3];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    make_utf8(msg, utf8, sizeof utf8);
    reply_small(res, status, json_pack("{s:s}", "error", utf8));
}

/* An answer of any size: bounded, its bytes counted in the server's
** budget (answer.h). */
static void start_answer(api *a, answer *b)
{
    answer_init(b, a->limits.answer_bytes, a->limits.memory);
}

/* Send b, or what kept it from being made. */
static void finish_answer(api_response *res, answer *b)
{
    if (b->state == ANSWER_OK) {
        *res = (api_response){.status = 200, .type = json_content_type,
                              .body = b->p, .body_len = b->n, .owned = b->p,
                              .held = b->cap, .budget = b->budget};
        return;
    }
    answer_release(b->p, b->cap, b->budget);
    if (b->state == ANSWER_TOO_BIG)
        reply_error(res, 400, "the answer would be over %zu MB: ask for "
                    "fewer rows (top) or narrow the filters", b->max >> 20);
    else if (b->state == ANSWER_BUSY) {
        reply_error(res, 503, "busy: the answers being sent to other clients "
                    "hold all the memory this server gives them; try again "
                    "in a moment");
        res->retry_after = 1;
    } else
        reply_error(res, 500, "out of memory");
}

/* Write o (taken; NULL: out of memory); false once b has failed. */
static bool answer_taken(answer *b, json_t *o)
{
    if (!o && b->state == ANSWER_OK)
        b->state = ANSWER_NO_MEMORY;
    answer_json(b, o);
    json_decref(o);
    return b->state == ANSWER_OK;
}

/* Answer with o (taken) as JSON, as an answer of any size. */
static void reply_json(api *a, api_response *res, json_t *o)
{
    answer b;
    start_answer(a, &b);
    answer_taken(&b, o);
    finish_answer(res, &b);
}

/* A library error: the caller's fault (400) or ours (500).  The store
** names filters as the command line does ("--quad"); here they are
** parameters. */
static void reply_status(api *a, api_response *res, warta_status rc)
{
    const char *msg = warta_errmsg(a->ctx);
    if (strncmp(msg, "--", 2) == 0)
        msg += 2;
    int status = rc == WARTA_EINVAL || rc == WARTA_EDATA ? 400
               : rc == WARTA_DONE                        ? 404
                                                         : 500;
    reply_error(res, status, "%s", *msg ? msg : warta_strstatus(rc));
}

/* Drop a half-made answer and answer a library error instead. */
static void drop_answer(api *a, answer *b, api_response *res,
                        warta_status rc)
{
    answer_release(b->p, b->cap, b->budget);
    reply_status(a, res, rc);
}

/* ---- parameters --------------------------------------------------------- */

/* What a list route was asked: filters, a grouping, an order, a row
** limit. */
typedef query_args params;

/* Which parameters a route takes besides the filters. */
enum { P_TOP = 1, P_BY = 2, P_LEVEL = 4, P_SORT = 8, P_OFFSET = 16 };

/* The parameters a route takes, as `warta query`'s options (the same
** kinds of value, read by the same functions); how many. */
static size_t param_table(params *p, unsigned allowed, cli_opt *t)
{
    cli_opt filters[] = {QUERY_FILTER_OPTIONS(p)};
    size_t n = 0;
    for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++)
        t[n++] = filters[i];
    if (allowed & P_TOP)
        t[n++] = (cli_opt)OPT("top", OPT_NUMBER, &p->q.top, .min = 1,
                              .max = 100000);
    if (allowed & P_OFFSET)         /* paging: rows top at a time */
        t[n++] = (cli_opt)OPT("offset", OPT_NUMBER, &p->q.offset, .min = 0,
                              .max = 1000000000);
    if (allowed & P_BY)
        t[n++] = (cli_opt)OPT("by", OPT_TEXT, &p->q.by);
    if (allowed & P_LEVEL)
        t[n++] = (cli_opt)OPT("level", OPT_TEXT, &p->q.level);
    if (allowed & P_SORT)
        t[n++] = (cli_opt)OPT("sort", OPT_TEXT, &p->q.sort);
    return n;
}

/* One name=value; false (with an answer) when it is not acceptable.  An
** empty value leaves a parameter out (a form's empty field), but for a
** flag, where it is "yes". */
static bool parse_param(cli_opt *t, size_t n, const char *name,
                        const char *v, api_response *res)
{
    cli_opt *o = cli_find_option(t, n, name, strlen(name));
    char why[512];
    if (!o) {
        const char *near = cli_nearest_option(t, n, name, strlen(name));
        reply_error(res, 400, "unknown parameter '%.60s'%s%s%s", name,
                    near ? "; did you mean " : "", near ? near : "",
                    near ? "?" : "");
        return false;
    }
    if (!*v && o->kind != OPT_FLAG)
        return true;
    if (!cli_take_option(o, v, why, sizeof why)) {
        reply_error(res, 400, "%s: %s", o->name, why);
        return false;
    }
    return true;
}

/* The request's parameters into *p (top: default_top, by: default_by
** unless given); the query checked as the store will check it.  False
** with an answer. */
static bool parse_params(api *a, const api_request *req, unsigned allowed,
                         unsigned default_top, const char *default_by,
                         params *p, api_response *res)
{
    memset(p, 0, sizeof *p);
    cli_opt t[32];
    size_t n = param_table(p, allowed, t);
    for (size_t i = 0; i < req->n_args; i++)
        if (!parse_param(t, n, req->names[i], req->values[i], res))
            return false;
    if (!p->q.top)
        p->q.top = default_top;
    if (!p->q.by)
        p->q.by = default_by;
    warta_status rc = warta_query_check(a->ctx, &p->q);
    if (rc != WARTA_OK)
        reply_status(a, res, rc);
    return rc == WARTA_OK;
}

/* ---- store routes ------------------------------------------------------- */

/* Rows written into an answer as they come, one JSON object each,
** separated by commas. */
typedef struct row_writer {
    answer *b;
    size_t n;
    api *a;                         /* whose store query hands the rows */
} row_writer;

/* The budget is the store's: the time spent writing a row moves the
** deadline on by as much (what is written is bounded by its size). */
static void pause_budget(row_writer *w, uint64_t since)
{
    if (w->a)
        w->a->deadline_ns += clock_ns() - since;
}

/* o (taken) as the next item of the list; false when the answer failed. */
static bool write_item(row_writer *w, json_t *o)
{
    if (w->n++)
        answer_put(w->b, ",", 1);
    return answer_taken(w->b, o);
}

/* write_item for a store's row callback, made since `since`: the budget
** paused for that time; non-zero to stop the query. */
static int write_row_item(void *ud, uint64_t since, json_t *o)
{
    bool ok = write_item(ud, o);
    pause_budget(ud, since);
    return !ok;
}

static int write_row(void *ud, int n, const char *const *names,
                     const char *const *values)
{
    uint64_t since = clock_ns();
    return write_row_item(ud, since, row_json(n, names, values));
}

/* About what a row of events takes in JSON (groups take less). */
#define ROW_BYTES 300

/* A list of rows under one name: {"events": [...]}, its top rows'
** room taken from the budget before the query runs. */
static void reply_rows(api *a, const warta_query *q, const char *name,
                       api_response *res)
{
    answer b;
    start_answer(a, &b);
    answer_reserve(&b, (size_t)q->top * ROW_BYTES);
    answer_puts(&b, "{\"");
    answer_puts(&b, name);              /* one of the routes' names */
    answer_puts(&b, "\":[");
    row_writer w = {&b, 0, a};
    warta_status rc = warta_store_query(a->st, q, write_row, &w);
    answer_puts(&b, "]}");
    if (rc != WARTA_OK)
        drop_answer(a, &b, res, rc);
    else
        finish_answer(res, &b);
}

static void route_events(api *a, const api_request *req, api_response *res)
{
    params p;
    if (parse_params(a, req, P_TOP | P_SORT | P_OFFSET, 500, NULL, &p, res))
        reply_rows(a, &p.q, "events", res);
}

/* Events grouped by dyad or by actor, most events first unless sorted
** otherwise, by code or by country. */
static void reply_groups(api *a, const api_request *req, const char *by,
                         const char *name, api_response *res)
{
    params p;
    unsigned allowed = P_TOP | P_SORT | P_OFFSET;
    if (strcmp(by, "place") != 0)   /* places have no codes to level */
        allowed |= P_LEVEL;
    if (parse_params(a, req, allowed, 200, by, &p, res))
        reply_rows(a, &p.q, name, res);
}

static void route_dyads(api *a, const api_request *req, api_response *res)
{
    reply_groups(a, req, "dyad", "dyads", res);
}

static void route_actors(api *a, const api_request *req, api_response *res)
{
    reply_groups(a, req, "actor", "actors", res);
}

/* The geocoded places: name, country, lat, lon, events, mean Goldstein
** (the map's circles). */
static void route_places(api *a, const api_request *req, api_response *res)
{
    reply_groups(a, req, "place", "places", res);
}

static void route_stats(api *a, const api_request *req, api_response *res)
{
    if (req->n_args) {
        reply_error(res, 400, "stats takes no parameters");
        return;
    }
    warta_store_counts c;
    warta_status rc = warta_store_count(a->st, &c);
    if (rc != WARTA_OK) {
        reply_status(a, res, rc);
        return;
    }
    reply_json(a, res,
               json_pack("{s:I,s:I,s:I,s:I}", "documents",
                         (json_int_t)c.documents, "sentences",
                         (json_int_t)c.sentences, "events",
                         (json_int_t)c.events, "mentions",
                         (json_int_t)c.mentions));
}

/* ---- downloads ---------------------------------------------------------- */

/* The formats of `warta query --format` that list events, as the store
** exports them: what each is sent as. */
static const char *const export_names[] = {"csv", "gdelt", "plover", NULL};
static const struct export_format {
    warta_format fmt;
    const char *type, *filename;
} export_formats[] = {
    {WARTA_FORMAT_CSV, "text/csv; charset=utf-8", "warta-events.csv"},
    {WARTA_FORMAT_GDELT, "text/tab-separated-values; charset=utf-8",
     "warta-events.gdelt.tsv"},
    {WARTA_FORMAT_PLOVER, "application/x-ndjson; charset=utf-8",
     "warta-events.plover.jsonl"},
};

static int write_line(void *ud, const char *line, size_t n)
{
    row_writer *w = ud;
    uint64_t since = clock_ns();
    bool ok = answer_put(w->b, line, n);
    pause_budget(w, since);
    return !ok;
}

/* The request without its format=, which is not a filter; the format
** it named (csv unless given) in *which.  False with an answer when it is
** not one of them. */
static bool take_format(const api_request *req, api_request *rest,
                        const char **names, const char **values, int *which,
                        api_response *res)
{
    *rest = *req;
    rest->names = names;
    rest->values = values;
    rest->n_args = 0;
    *which = 0;
    const char *format = NULL;
    for (size_t i = 0; i < req->n_args; i++) {
        if (strcmp(req->names[i], "format") != 0) {
            names[rest->n_args] = req->names[i];
            values[rest->n_args++] = req->values[i];
        } else if (format) {
            reply_error(res, 400, "format: given twice");
            return false;
        } else
            format = req->values[i];
    }
    char why[256];
    if (format && *format &&
        !value_choice(format, export_names, which, why, sizeof why)) {
        reply_error(res, 400, "format: %s", why);
        return false;
    }
    return true;
}

/* The selected events as a file, in the store's export (the first report
** of each): CSV with a header, GDELT's 61 columns or PLOVER JSON lines. */
static void route_export(api *a, const api_request *req, api_response *res)
{
    const char *names[API_MAX_ARGS], *values[API_MAX_ARGS];
    api_request rest;
    int which;
    params p;
    if (req->n_args > API_MAX_ARGS) {
        reply_error(res, 400, "too many parameters");
        return;
    }
    if (!take_format(req, &rest, names, values, &which, res) ||
        !parse_params(a, &rest, P_TOP | P_SORT | P_OFFSET, 0, NULL, &p, res))
        return;
    const struct export_format *f = &export_formats[which];
    answer b;
    start_answer(a, &b);
    row_writer w = {&b, 0, a};
    warta_status rc = warta_store_export(a->st, &p.q, f->fmt, 0, write_line,
                                         &w);
    if (rc != WARTA_OK) {
        drop_answer(a, &b, res, rc);
        return;
    }
    finish_answer(res, &b);
    if (res->status == 200) {
        res->type = f->type;
        res->filename = f->filename;
    }
}

/* The timeline: one point per period from the first dated event to the
** last, with its events, mentions, mean Goldstein (null without events)
** and its events per QuadClass, as the store's series gives them. */
static int add_point(void *ud, int n, const char *const *names,
                     const char *const *values)
{
    json_t *row = row_json(n, names, values);
    json_t *point = row ? json_pack("{s:s,s:O,s:O,s:O,s:[OOOO]}", "t",
                                    values[0], "events",
                                    json_object_get(row, "events"), "mentions",
                                    json_object_get(row, "mentions"),
                                    "goldstein",
                                    json_object_get(row, "goldstein"), "quad",
                                    json_object_get(row, "quad1"),
                                    json_object_get(row, "quad2"),
                                    json_object_get(row, "quad3"),
                                    json_object_get(row, "quad4"))
                        : NULL;
    json_decref(row);
    return !point || json_array_append_new(ud, point) != 0;
}

static void route_series(api *a, const api_request *req, api_response *res)
{
    params p;
    if (!parse_params(a, req, P_BY | P_SORT, 0, "day", &p, res))
        return;
    static const char *const periods[] = {"day", "week", "month", "year",
                                          NULL};
    int period;
    char why[256];
    if (!value_choice(p.q.by, periods, &period, why, sizeof why)) {
        reply_error(res, 400, "by: %s", why);
        return;
    }
    json_t *points = json_array();
    warta_status rc = points ? warta_store_query(a->st, &p.q, add_point,
                                                 points)
                             : WARTA_ENOMEM;
    if (rc != WARTA_OK) {
        json_decref(points);
        reply_status(a, res, rc);
        return;
    }
    reply_json(a, res, json_pack("{s:s,s:o}", "by", p.q.by, "points",
                                 points));
}

/* ---- sentences with their spans marked ---------------------------------- */

typedef struct span {
    size_t start, end;
    const char *role;               /* "source", "verb", "target" */
} span;

static json_t *text_piece(const char *p, size_t n, const char *role)
{
    json_t *piece = json_pack("{s:s%}", "text", p, n);
    if (piece && role)
        json_object_set_new(piece, "role", json_string(role));
    return piece;
}

/* The sentence as pieces of text, each span's piece naming its role:
** what the front end highlights.  Spans that overlap an earlier one, or
** fall outside the sentence, are left unmarked. */
static json_t *segments(const char *text, size_t len, span *spans, size_t n)
{
    for (size_t i = 1; i < n; i++)          /* by start: a few, so insertion */
        for (size_t j = i; j > 0 && spans[j].start < spans[j - 1].start; j--) {
            span t = spans[j];
            spans[j] = spans[j - 1];
            spans[j - 1] = t;
        }
    json_t *out = json_array();
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        const span *s = &spans[i];
        if (s->start < at || s->end <= s->start || s->end > len)
            continue;
        if (s->start > at)
            json_array_append_new(out, text_piece(text + at, s->start - at,
                                                  NULL));
        json_array_append_new(out, text_piece(text + s->start,
                                              s->end - s->start, s->role));
        at = s->end;
    }
    if (at < len)
        json_array_append_new(out, text_piece(text + at, len - at, NULL));
    return out;
}

/* A stored mention keeps its words, not their place in the sentence:
** find them there. */
static size_t find_words(const char *text, const char *words, const char *role,
                         span *out)
{
    const char *at = words && *words ? strstr(text, words) : NULL;
    if (!at)
        return 0;
    *out = (span){(size_t)(at - text), (size_t)(at - text) + strlen(words),
                  role};
    return 1;
}

/* {"event": {...}, "mentions": [...]}, written as the rows come: the
** event's first, then its mentions'. */
static int write_event(void *ud, int n, const char *const *names,
                       const char *const *values)
{
    row_writer *w = ud;
    uint64_t since = clock_ns();
    answer_puts(w->b, "{\"event\":");
    answer_taken(w->b, row_json(n, names, values));
    bool ok = answer_puts(w->b, ",\"mentions\":[");
    pause_budget(w, since);
    return !ok;
}

/* A mention with its sentence cut into segments (see segments()). */
static json_t *mention_json(int n, const char *const *names,
                            const char *const *values)
{
    json_t *m = row_json(n, names, values);
    if (!m)
        return NULL;
    const char *text = json_string_value(json_object_get(m, "text"));
    if (text) {
        span spans[3];
        size_t k = 0;
        static const char *const roles[] = {"source", "verb", "target"};
        for (size_t i = 0; i < 3; i++) {
            char field[16];
            snprintf(field, sizeof field, "%s_text", roles[i]);
            k += find_words(text, json_string_value(json_object_get(m, field)),
                            roles[i], &spans[k]);
        }
        json_object_set_new(m, "segments", segments(text, strlen(text),
                                                    spans, k));
    }
    return m;
}

static int write_mention(void *ud, int n, const char *const *names,
                         const char *const *values)
{
    uint64_t since = clock_ns();
    return write_row_item(ud, since, mention_json(n, names, values));
}

static void route_event(api *a, const api_request *req, const char *id_text,
                        api_response *res)
{
    unsigned long long id = 0;
    size_t len = strspn(id_text, "0123456789");
    if (len == 0 || len > 18 || id_text[len]) {
        reply_error(res, 404, "no event '%.40s': an event id is a number",
                    id_text);
        return;
    }
    if (req->n_args) {
        reply_error(res, 400, "an event takes no parameters");
        return;
    }
    id = strtoull(id_text, NULL, 10);
    answer b;
    start_answer(a, &b);
    row_writer w = {&b, 0, a};
    warta_status rc = warta_store_event(a->st, (int64_t)id, write_event,
                                        write_mention, &w);
    answer_puts(&b, "]}");
    if (rc != WARTA_OK)
        drop_answer(a, &b, res, rc);
    else
        finish_answer(res, &b);
}

/* ---- coding a pasted text ------------------------------------------------ */

/* The event's sentence in the pasted text, the coder's spans marked. */
static json_t *event_segments(const warta_doc *doc, const warta_event *e)
{
    const warta_sentence *s = warta_doc_sentence(doc, e->sentence);
    warta_slice text = warta_doc_text(doc);
    if (!s || s->end > text.n)
        return json_array();
    span spans[3] = {
        {e->source.start - s->start, e->source.end - s->start, "source"},
        {e->verb_start - s->start, e->verb_end - s->start, "verb"},
        {e->target.start - s->start, e->target.end - s->start, "target"},
    };
    for (size_t i = 0; i < 3; i++)      /* outside: wrapped below zero */
        if (spans[i].end > s->end - s->start)
            spans[i] = (span){0, 0, NULL};
    return segments(text.p + s->start, s->end - s->start, spans, 3);
}

/* Each event as `warta code --explain` writes it, plus its segments,
** into the list w writes; stops when the answer fails. */
static warta_status write_events(api *a, warta_doc *doc, row_writer *w)
{
    warta_buf buf = {0};
    warta_status rc = WARTA_OK;
    for (size_t i = 0; i < warta_doc_n_events(doc) && rc == WARTA_OK; i++) {
        buf.n = 0;
        rc = warta_write_event_as(a->ctx, doc, i, WARTA_FORMAT_JSON,
                                  WARTA_WRITE_EXPLAIN, &buf);
        json_t *e = rc == WARTA_OK ? json_loadb(buf.p, buf.n, 0, NULL) : NULL;
        if (!e) {
            rc = rc == WARTA_OK ? WARTA_ENOMEM : rc;
            break;
        }
        json_object_set_new(e, "segments",
                            event_segments(doc, warta_doc_event(doc, i)));
        if (!write_item(w, e))
            break;
    }
    warta_buf_free(a->ctx, &buf);
    return rc;
}

/* {"lang", "sentences", "events": [...]} of a coded text. */
static void reply_coded(api *a, warta_doc *doc, api_response *res)
{
    answer b;
    start_answer(a, &b);
    answer_puts(&b, "{\"lang\":");
    answer_taken(&b, json_string(warta_doc_lang(doc)));
    answer_puts(&b, ",\"sentences\":");
    answer_taken(&b, json_integer((json_int_t)warta_doc_n_sentences(doc)));
    answer_puts(&b, ",\"events\":[");
    row_writer w = {&b, 0, NULL};    /* no store query */
    warta_status rc = write_events(a, doc, &w);
    answer_puts(&b, "]}");
    if (rc != WARTA_OK)
        drop_answer(a, &b, res, rc);
    else
        finish_answer(res, &b);
}

/* The body's mode and historical: which events to answer with, as
** `warta code --mode asserted|all --historical` says; false (with an
** answer) when one is bad. */
static bool code_options(json_t *body, warta_code_opts *opts,
                         api_response *res)
{
    json_t *mode = json_object_get(body, "mode");
    json_t *historical = json_object_get(body, "historical");
    int m = CODER_MODE_ASSERTED;
    char why[256];
    if (mode && !json_is_string(mode)) {
        reply_error(res, 400, "'mode' is \"asserted\" or \"all\"");
        return false;
    }
    if (mode && !value_choice(json_string_value(mode), coder_mode_names, &m,
                              why, sizeof why)) {
        reply_error(res, 400, "mode: %s", why);
        return false;
    }
    if (historical && !json_is_boolean(historical)) {
        reply_error(res, 400, "'historical' is true or false");
        return false;
    }
    opts->all_modes = m == CODER_MODE_ALL;
    opts->historical = json_is_true(historical);
    return true;
}

/* The body's fields; false (with an answer) when one is missing or bad. */
static bool code_request(const api_request *req, warta_meta *meta,
                         warta_code_opts *opts, json_t **body,
                         api_response *res)
{
    json_error_t err;
    *body = json_loadb(req->body ? req->body : "", req->body_len, 0, &err);
    if (!json_is_object(*body)) {
        reply_error(res, 400, "the body must be a JSON object "
                    "{\"text\": ...}: %s at byte %d",
                    *body ? "not an object" : err.text, err.position);
        return false;
    }
    const char *fields[] = {"text", "date", "lang"};
    const char **slots[] = {NULL, &meta->date, &meta->lang};
    const char *text = NULL;
    for (size_t i = 0; i < 3; i++) {
        json_t *v = json_object_get(*body, fields[i]);
        if (v && !json_is_string(v)) {
            reply_error(res, 400, "'%s' must be a string", fields[i]);
            return false;
        }
        const char *s = v && *json_string_value(v) ? json_string_value(v)
                                                   : NULL;
        *(slots[i] ? slots[i] : &text) = s;
    }
    if (!text) {
        reply_error(res, 400, "nothing to code: 'text' is missing or empty");
        return false;
    }
    char why[512];
    if (meta->date && !value_date(meta->date, why, sizeof why)) {
        reply_error(res, 400, "date: %s", why);
        return false;
    }
    if (meta->lang && !value_language(meta->lang, why, sizeof why)) {
        reply_error(res, 400, "lang: %s", why);
        return false;
    }
    meta->id = "pasted";
    return code_options(*body, opts, res);
}

/* The pasted text split, then coded when it has few enough sentences
** (which bounds the time it takes); false with an answer otherwise. */
static bool code_text(api *a, const char *text, size_t len,
                      const warta_meta *meta, const warta_code_opts *opts,
                      warta_doc **doc, api_response *res)
{
    warta_status rc = warta_doc_new(a->ctx, text, len, meta, doc);
    if (rc == WARTA_OK)
        rc = warta_doc_process(a->ctx, *doc, WARTA_STAGE_STEMS, meta->lang);
    size_t n = rc == WARTA_OK ? warta_doc_n_sentences(*doc) : 0;
    if (n > a->limits.code_sentences) {
        reply_error(res, 413, "the text has %zu sentences; at most %zu are "
                    "coded at once: send it in parts", n,
                    a->limits.code_sentences);
        return false;
    }
    if (rc == WARTA_OK)
        rc = warta_doc_code_opts(a->ctx, *doc, a->dict, opts);
    if (rc != WARTA_OK)
        reply_status(a, res, rc);
    return rc == WARTA_OK;
}

/* Code the text and answer. */
static void code_and_answer(api *a, const char *text, size_t len,
                            const warta_meta *meta,
                            const warta_code_opts *opts, api_response *res)
{
    warta_doc *doc = NULL;
    if (code_text(a, text, len, meta, opts, &doc, res))
        reply_coded(a, doc, res);
    warta_doc_free(doc);
}

static void route_code(api *a, const api_request *req, api_response *res)
{
    if (req->n_args) {
        reply_error(res, 400, "code takes its text in the body, "
                    "not in parameters");
        return;
    }
    warta_meta meta = {0};
    warta_code_opts opts = {0};
    json_t *body;
    if (code_request(req, &meta, &opts, &body, res)) {
        json_t *text = json_object_get(body, "text");
        size_t len = json_string_length(text);
        if (len > a->limits.code_bytes)
            reply_error(res, 413, "the text is %zu bytes; at most %zu are "
                        "coded at once: send it in parts", len,
                        a->limits.code_bytes);
        else
            code_and_answer(a, json_string_value(text), len, &meta, &opts,
                            res);
    }
    json_decref(body);
}

/* ---- routing ------------------------------------------------------------ */

typedef void (*route_fn)(api *a, const api_request *req, api_response *res);

static const struct route {
    const char *method, *path;
    route_fn fn;
} routes[] = {
    {"GET", "/api/stats", route_stats},
    {"GET", "/api/events", route_events},
    {"GET", "/api/series", route_series},
    {"GET", "/api/dyads", route_dyads},
    {"GET", "/api/actors", route_actors},
    {"GET", "/api/places", route_places},
    {"GET", "/api/export", route_export},
    {"POST", "/api/code", route_code},
};

static void serve_asset(const char *path, api_response *res)
{
    if (strcmp(path, "/") == 0)
        path = "/index.html";
    for (size_t i = 0; i < sizeof web_assets / sizeof web_assets[0]; i++)
        if (strcmp(path, web_assets[i].path) == 0) {
            *res = (api_response){.status = 200, .type = web_assets[i].type,
                                  .body = (const char *)web_assets[i].data,
                                  .body_len = web_assets[i].len};
            return;
        }
    reply_error(res, 404, "no page '%.80s'", path);
}

/* What of the request is not UTF-8, for the message; NULL when all is.
** (libmicrohttpd has decoded %XX: "%ff" arrives as the byte 0xff.) */
static const char *not_utf8(const api_request *req, const char *path,
                            char *buf, size_t n)
{
    if (!is_utf8(path))
        return "the path";
    for (size_t i = 0; i < req->n_args; i++) {
        if (!is_utf8(req->names[i]))
            return "a parameter's name";
        if (!is_utf8(req->values[i])) {
            snprintf(buf, n, "the value of '%.60s'", req->names[i]);
            return buf;
        }
    }
    return NULL;
}

static bool args_too_long(const api_request *req)
{
    size_t total = 0;
    for (size_t i = 0; i < req->n_args; i++)
        total += strlen(req->names[i]) + strlen(req->values[i]) + 2;
    return total > API_MAX_QUERY;
}

/* Answer one request, its store queries given the budget. */
static void route(api *a, const api_request *req, api_response *res);

bool api_is_slow(const api_request *req)
{
    if (req->method && req->path && strcmp(req->method, "POST") == 0 &&
        strcmp(req->path, "/api/code") == 0)
        return true;
    if (req->path && strcmp(req->path, "/api/export") == 0)
        return true;                /* every event selected, by default */
    for (size_t i = 0; i < req->n_args; i++) {
        const char *name = req->names[i], *v = req->values[i];
        if ((strcmp(name, "text") == 0 && *v) ||
            (strcmp(name, "top") == 0 && strtoul(v, NULL, 10) > API_QUICK_ROWS))
            return true;
    }
    return false;
}

void api_handle(api *a, const api_request *req, api_response *res)
{
    a->over_budget = false;
    a->deadline_ns = clock_ns() + (uint64_t)a->limits.query_ms * 1000000u;
    route(a, req, res);
    a->deadline_ns = UINT64_MAX;
    if (a->over_budget) {       /* whatever the route made of it */
        api_response_free(res);
        reply_error(res, 503, "the request's queries took over %u ms, this "
                    "server's budget: narrow it (dates, actor, dyad, a "
                    "simpler text query)", a->limits.query_ms);
    }
}

static void route(api *a, const api_request *req, api_response *res)
{
    const char *path = req->path ? req->path : "";
    const char *method = req->method ? req->method : "";
    if (path[0] != '/' || strstr(path, "..") || strchr(path, '\\')) {
        reply_error(res, 400, "bad path: only the site's own pages and "
                    "/api/ are served");
        return;
    }
    char what[80];
    const char *bad = not_utf8(req, path, what, sizeof what);
    if (bad) {
        reply_error(res, 400, "%s is not UTF-8", bad);
        return;
    }
    if (args_too_long(req)) {
        reply_error(res, 414, "the query string is over %zu bytes",
                    API_MAX_QUERY);
        return;
    }
    if (req->body_len > API_MAX_BODY) {
        reply_error(res, 413, "the body is over %zu bytes", API_MAX_BODY);
        return;
    }
    bool path_known = false;
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        if (strcmp(path, routes[i].path) != 0)
            continue;
        path_known = true;
        if (strcmp(method, routes[i].method) == 0) {
            routes[i].fn(a, req, res);
            return;
        }
    }
    /* Not a fixed route: one event, a page, or nothing. */
    static const char event_prefix[] = "/api/events/";
    bool is_event = strncmp(path, event_prefix, sizeof event_prefix - 1) == 0;
    bool is_api = strncmp(path, "/api/", 5) == 0;
    if (!path_known && is_api && !is_event)
        reply_error(res, 404, "no route %.80s", path);
    else if (path_known || strcmp(method, "GET") != 0)
        reply_error(res, 405, "%.10s is not allowed on %.80s", method, path);
    else if (is_event)
        route_event(a, req, path + sizeof event_prefix - 1, res);
    else
        serve_asset(path, res);
}
