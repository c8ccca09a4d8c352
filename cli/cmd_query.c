/*
** cmd_query.c -- `warta query`: filter and group the events of a store
** and print them as an aligned table, CSV or JSON lines; or show one
** event with every sentence and article behind it.
*/
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: warta query --db FILE [filters] [--by GROUP] [--sort KEY]\n"
    "                   [--top N] [--format F]\n"
    "       warta query --db FILE --event ID\n"
    "  Filters (codes in any case; a list option may be given again, or\n"
    "  its items joined by commas):\n"
    "  --actor CODE         either side's code starts with CODE (RUS)\n"
    "  --dyad SRC:TGT       source and target code prefixes (RUS:CHN)\n"
    "  --undirected         the dyad either way round\n"
    "  --code PREFIX        CAMEO event code prefix (04, 042)\n"
    "  --quad N[,N]         QuadClasses 1..4 (3,4: the conflicts)\n"
    "  --from, --to DATE    event dates, inclusive (YYYY-MM-DD)\n"
    "  --lang CODE          reported by an article in this language\n"
    "  --country ISO3       the action's location is in this country\n"
    "  --place NAME         the action's location is this place (as\n"
    "                       --by place names it: Jeddah)\n"
    "  --text WORDS         full-text search over the sentences (FTS5)\n"
    "  --mode MODE[,MODE]   as the text told it: asserted, negated,\n"
    "                       hypothetical, future, purpose, requested,\n"
    "                       question\n"
    "  What to show:\n"
    "  --by GROUP           day, week, month or year: a time series, every\n"
    "                       period from the first event to the last; dyad,\n"
    "                       code, actor or place (name, country, lat, lon):\n"
    "                       groups; each with its events,\n"
    "                       mentions, mean Goldstein and events per\n"
    "                       QuadClass (quad1..quad4).  dyad,month (code or\n"
    "                       actor, then a period): a two-way table, a\n"
    "                       column of events per period\n"
    "  --level actor|country  dyads and actors by code (default) or by\n"
    "                       country (TUR, TURGOV and TURMIL as TUR; an\n"
    "                       IGO by its own code: IGOUNOKID as IGOUNO)\n"
    "  --sort KEY[:asc|:desc]  events: date (newest first, the default),\n"
    "                       mentions (most first), goldstein (lowest\n"
    "                       first), source, target, code, quad or place\n"
    "                       (A to Z); groups and periods: events, mentions,\n"
    "                       goldstein (and date for periods)\n"
    "  --top N              at most N rows (a two-way table's groups)\n"
    "  --format F           table (default), csv, json, or for events\n"
    "                       gdelt (GDELT 2.0's 61 columns) or plover\n"
    "  --geo fips|iso3      gdelt's place countries: FIPS 10-4 (default,\n"
    "                       as GDELT) or ISO 3166-1 alpha-3\n"
    "  --event ID           one event and the sentences behind it\n";

typedef enum { OUT_TABLE, OUT_CSV, OUT_JSON, OUT_GDELT, OUT_PLOVER } out_format;

/* Rows kept for a table, whose columns are as wide as their widest cell. */
typedef struct table {
    int n_cols;
    char **names;
    char **cells;                   /* n_rows * n_cols, NULL for SQL NULL */
    size_t n_rows, cap_rows;
} table;

typedef struct printer {
    out_format fmt;
    bool header_done;
    bool any_row;                   /* a row came (else a header alone) */
    table t;
    table event;                    /* --event in CSV: its row, which each
                                       mention's row repeats */
} printer;

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static int keep_row(table *t, int n, const char *const *names,
                    const char *const *values)
{
    if (t->n_cols == 0) {
        if (!(t->names = calloc((size_t)n, sizeof *t->names)))
            return 1;
        t->n_cols = n;
        for (int i = 0; i < n; i++)
            t->names[i] = strdup(names[i]);
    }
    if (t->n_rows == t->cap_rows) {
        size_t cap = t->cap_rows ? 2 * t->cap_rows : 64;
        char **cells = realloc(t->cells, cap * (size_t)t->n_cols *
                                             sizeof *cells);
        if (!cells)
            return 1;
        t->cells = cells;
        t->cap_rows = cap;
    }
    for (int i = 0; i < n; i++)
        t->cells[t->n_rows * (size_t)n + (size_t)i] = dup_or_null(values[i]);
    t->n_rows++;
    return 0;
}

static void print_table(table *t)
{
    size_t *width = calloc((size_t)t->n_cols + 1, sizeof *width);
    if (!width)
        return;
    for (int c = 0; c < t->n_cols; c++) {
        width[c] = strlen(t->names[c]);
        for (size_t r = 0; r < t->n_rows; r++) {
            const char *v = t->cells[r * (size_t)t->n_cols + (size_t)c];
            size_t len = v ? strlen(v) : 0;
            if (len > width[c])
                width[c] = len;
        }
    }
    for (size_t r = 0; r <= t->n_rows; r++)      /* row 0: the names */
        for (int c = 0; c < t->n_cols; c++) {
            const char *v = r ? t->cells[(r - 1) * (size_t)t->n_cols +
                                         (size_t)c]
                              : t->names[c];
            bool last = c + 1 == t->n_cols;
            printf("%-*s%s", last ? 0 : (int)width[c], v ? v : "",
                   last ? "\n" : "  ");
        }
    free(width);
}

static void free_table(table *t)
{
    for (size_t i = 0; i < t->n_rows * (size_t)t->n_cols; i++)
        free(t->cells[i]);
    for (int c = 0; c < t->n_cols; c++)
        free(t->names[c]);
    free(t->names);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

static void print_csv_field(const char *v)
{
    if (!v)
        return;
    if (!strpbrk(v, ",\"\n\r")) {
        fputs(v, stdout);
        return;
    }
    putchar('"');
    for (; *v; v++) {
        if (*v == '"')
            putchar('"');
        putchar(*v);
    }
    putchar('"');
}

static void print_csv_row(int n, const char *const *cells)
{
    for (int i = 0; i < n; i++) {
        print_csv_field(cells[i]);
        putchar(i + 1 < n ? ',' : '\n');
    }
}

static void print_json_row(int n, const char *const *names,
                           const char *const *values)
{
    json_t *o = row_json(n, names, values);
    char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER |
                               JSON_REAL_PRECISION(10));
    if (s)
        puts(s);
    free(s);
    json_decref(o);
}

static int print_row(void *ud, int n, const char *const *names,
                     const char *const *values)
{
    printer *p = ud;
    p->any_row = true;
    switch (p->fmt) {
    case OUT_TABLE:
        return keep_row(&p->t, n, names, values);
    case OUT_CSV:
        if (!p->header_done)
            print_csv_row(n, names);
        p->header_done = true;
        print_csv_row(n, values);
        return 0;
    case OUT_JSON:
    case OUT_GDELT:     /* --event's rows: JSON in the export formats too */
    case OUT_PLOVER:
        print_json_row(n, names, values);
        return 0;
    }
    return 0;
}

/* The header of a table or CSV that no row came for: the columns
** warta_store_columns gives. */
static int print_header(void *ud, int n, const char *const *names,
                        const char *const *values)
{
    printer *p = ud;
    (void)values;
    if (p->fmt == OUT_CSV) {
        print_csv_row(n, names);
    } else if (p->fmt == OUT_TABLE && p->t.n_cols == 0) {
        if (!(p->t.names = calloc((size_t)n, sizeof *p->t.names)))
            return 1;
        p->t.n_cols = n;
        for (int i = 0; i < n; i++)
            p->t.names[i] = strdup(names[i]);
    }
    return 0;
}

/* An event as "name: value" lines, then each mention as a short block. */
static int print_event_fields(void *ud, int n, const char *const *names,
                              const char *const *values)
{
    printer *p = ud;
    if (p->fmt == OUT_CSV)          /* written with each mention */
        return keep_row(&p->event, n, names, values);
    if (p->fmt != OUT_TABLE)
        return print_row(ud, n, names, values);
    for (int i = 0; i < n; i++)
        if (values[i])
            printf("%-15s %s\n", names[i], values[i]);
    return 0;
}

static const char *column(int n, const char *const *names,
                          const char *const *values, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return values[i] ? values[i] : "";
    return "";
}

/* --event in CSV: one table, a row per mention, each the event's columns
** and then the mention's, those the event has too ("source": the
** article's outlet; "historical": this report's) named mention_... */
static int print_event_mention_csv(printer *p, int n, const char *const *names,
                                   const char *const *values)
{
    const table *ev = &p->event;
    char prefixed[64][64];
    const char *row_names[128], *row_values[128];
    int k = 0;
    for (int i = 0; i < ev->n_cols && k < 128; i++, k++) {
        row_names[k] = ev->names[i];
        row_values[k] = ev->cells[i];
    }
    for (int i = 0; i < n && i < 64 && k < 128; i++, k++) {
        row_names[k] = names[i];
        for (int j = 0; j < ev->n_cols; j++)
            if (strcmp(names[i], ev->names[j]) == 0) {
                snprintf(prefixed[i], sizeof prefixed[i], "mention_%s",
                         names[i]);
                row_names[k] = prefixed[i];
            }
        row_values[k] = values[i];
    }
    if (!p->header_done)
        print_csv_row(k, row_names);
    p->header_done = true;
    print_csv_row(k, row_values);
    return 0;
}

static int print_mention(void *ud, int n, const char *const *names,
                         const char *const *values)
{
    printer *p = ud;
    if (p->fmt == OUT_CSV)
        return print_event_mention_csv(p, n, names, values);
    if (p->fmt != OUT_TABLE) {
        p->header_done = false;     /* mentions have columns of their own */
        return print_row(ud, n, names, values);
    }
#define COL(name) column(n, names, values, name)
    printf("\n%s  %s  %s  sentence %s\n  %s\n", COL("article"),
           COL("article_date"), COL("url"), COL("sentence"), COL("text"));
    printf("  source \"%s\" (%s)  verb \"%s\" (%s)  target \"%s\" (%s)\n",
           COL("source_text"), COL("source_entry"), COL("verb_text"),
           COL("rule"), COL("target_text"), COL("target_entry"));
    if (*COL("source_how") || *COL("target_how"))
        printf("  source by %s, target by %s\n",
               *COL("source_how") ? COL("source_how") : "-",
               *COL("target_how") ? COL("target_how") : "-");
    if (strcmp(COL("historical"), "1") == 0)
        printf("  historical: more than 30 days before the article\n");
#undef COL
    return 0;
}

typedef struct query_opts {
    const char *db, *event, *geo;
    int format;                     /* an out_format */
    query_args args;
} query_opts;

static const char *const formats[] = {"table", "csv", "json", "gdelt",
                                      "plover", NULL};

/* --event ID: a number, and no option that would go unused beside it
** (a filter, a grouping); false, said, otherwise. */
static bool event_ok(const char *event, const cli_opt *opts, size_t n)
{
    unsigned long long id;
    char why[128];
    if (!value_number(event, 1, INT64_MAX, &id, why, sizeof why)) {
        cli_error("--event: %s", why);
        return false;
    }
    for (size_t i = 0; i < n; i++)
        if (opts[i].seen && strcmp(opts[i].name, "db") != 0 &&
            strcmp(opts[i].name, "event") != 0 &&
            strcmp(opts[i].name, "format") != 0) {
            cli_error("--%s does not go with --event, which shows one event "
                      "and all its reports", opts[i].name);
            return false;
        }
    return true;
}

/* The options, checked as the store will check them (before it is
** opened); 0 to go on, else CLI_HELP or the exit status. */
static int parse_options(int argc, char **argv, query_opts *o)
{
    cli_opt opts[] = {
        OPT("db", OPT_TEXT, &o->db, .required = true),
        QUERY_FILTER_OPTIONS(&o->args),
        OPT("by", OPT_TEXT, &o->args.q.by),
        OPT("level", OPT_TEXT, &o->args.q.level),
        OPT("sort", OPT_TEXT, &o->args.q.sort),
        OPT("top", OPT_NUMBER, &o->args.q.top, .min = 1, .max = UINT_MAX),
        OPT("format", OPT_CHOICE, &o->format, .choices = formats),
        OPT("geo", OPT_TEXT, &o->geo),
        OPT("event", OPT_TEXT, &o->event),
    };
    int rc = cli_parse_options(argc, argv, CLI_OPTIONS(opts), usage, NULL);
    if (rc)
        return rc;
    if (o->event && !event_ok(o->event, CLI_OPTIONS(opts)))
        return EXIT_USAGE;
    if (o->format >= OUT_GDELT && o->args.q.by) {
        cli_error("--format %s lists events: no --by", formats[o->format]);
        return EXIT_USAGE;
    }
    warta_ctx *ctx;
    if (warta_open(NULL, &ctx) != WARTA_OK)
        return EXIT_FAILED;
    if (warta_query_check(ctx, &o->args.q) != WARTA_OK) {
        cli_error("%s", warta_errmsg(ctx));
        rc = EXIT_USAGE;
    }
    warta_close(ctx);
    return rc;
}

static int print_line(void *ud, const char *line, size_t n)
{
    (void)ud;
    fwrite(line, 1, n, stdout);
    return 0;
}

/* The events as GDELT, PLOVER or CSV lines, as `warta code` writes
** them. */
static warta_status export_events(warta_store *st, const warta_query *q,
                                  out_format fmt, unsigned flags)
{
    warta_format f = fmt == OUT_GDELT    ? WARTA_FORMAT_GDELT
                     : fmt == OUT_PLOVER ? WARTA_FORMAT_PLOVER
                                         : WARTA_FORMAT_CSV;
    return warta_store_export(st, q, f, flags, print_line, NULL);
}

/* Rows of events or groups; a table or CSV with no row still gets its
** header. */
static warta_status query_rows(warta_store *st, const warta_query *q,
                               printer *p)
{
    warta_status ws = warta_store_query(st, q, print_row, p);
    if (ws == WARTA_OK && !p->any_row &&
        (p->fmt == OUT_CSV || p->fmt == OUT_TABLE))
        ws = warta_store_columns(st, q, print_header, p);
    return ws;
}

int cmd_query(int argc, char **argv)
{
    query_opts o = {0};
    int rc = parse_options(argc, argv, &o);
    if (rc)
        return rc == CLI_HELP ? EXIT_ALL_OK : rc;
    printer p = {.fmt = (out_format)o.format};
    unsigned flags = 0;
    if (!cli_geo_option(o.geo, p.fmt == OUT_GDELT, &flags))
        return EXIT_USAGE;
    /* the gazetteer gives the sides of exported events their geography */
    warta_config cfg = cli_config();
    warta_ctx *ctx;
    if (warta_open(&cfg, &ctx) != WARTA_OK)
        return EXIT_FAILED;
    warta_store *st;
    warta_status ws = warta_store_open(ctx, o.db, WARTA_STORE_READONLY, &st);
    if (ws == WARTA_OK) {
        if (o.event)
            ws = warta_store_event(st, strtoll(o.event, NULL, 10),
                                   print_event_fields, print_mention, &p);
        else if (p.fmt == OUT_GDELT || p.fmt == OUT_PLOVER ||
                 (p.fmt == OUT_CSV && !o.args.q.by))
            ws = export_events(st, &o.args.q, p.fmt, flags);
        else
            ws = query_rows(st, &o.args.q, &p);
        if (p.fmt == OUT_TABLE && ws == WARTA_OK && !o.event)
            print_table(&p.t);
        free_table(&p.t);
        free_table(&p.event);
        warta_store_close(st);
    }
    if (ws != WARTA_OK && *warta_errmsg(ctx))
        cli_error("%s", warta_errmsg(ctx));
    warta_close(ctx);
    /* a bad filter the store found (a --text FTS5 cannot read) is the
    ** command line's; anything else kept the query from running */
    return ws == WARTA_OK ? EXIT_ALL_OK
           : ws == WARTA_EINVAL ? EXIT_USAGE : EXIT_FAILED;
}
