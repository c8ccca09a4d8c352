/*
** gold_tabari.c -- TABARI's validation records for `warta eval` (TABARI
** manual §10.1.1).  A .project names the text (<textfile>) and the
** dictionaries and options to code it with.  A record is "YYMMDD ID" on a
** line, the sentence on the lines after it and a comment "/" "* ... *" "/"
** up to a blank line; in the comment, "{ SRC / TGT / CODE }" blocks are
** the events TABARI should code, in order.  "{---}" is no event, "{###}" a
** discarded sentence, "{+++}" one too complex to code; a block written
** "-{" ends the check (the events before it must be coded, others may be);
** "{ OPTION: ... }" makes the record a directive for the records after it.
*/
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gold.h"

typedef struct tab_reader {
    const char *path;
    size_t line;                /* of the record's header */
    gold_set *g;
    size_t cap_records;
    char *err;
    size_t n_err;
} tab_reader;

static int tab_fail(tab_reader *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int tab_fail(tab_reader *t, const char *fmt, ...)
{
    int k = snprintf(t->err, t->n_err, "%s:%zu: ", t->path, t->line);
    if (k >= 0 && (size_t)k < t->n_err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(t->err + k, t->n_err - (size_t)k, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static char *slurp(const char *path, char *err, size_t n_err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, n_err, "%s: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *b = realloc(buf, cap *= 2);
            if (!b)
                free(buf);
            buf = b;
        }
    }
    if (!buf)
        snprintf(err, n_err, "%s: out of memory", path);
    else if (ferror(f)) {
        snprintf(err, n_err, "%s: %s", path, strerror(errno));
        free(buf);
        buf = NULL;
    } else {
        buf[n] = '\0';
    }
    fclose(f);
    return buf;
}

/* "950101  DEMO-01": six digits, blanks, then the id. */
static bool is_header(const char *s)
{
    for (int i = 0; i < 6; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    if (s[6] != ' ' && s[6] != '\t')
        return false;
    const char *p = s + 6;
    while (*p == ' ' || *p == '\t')
        p++;
    return *p && *p != '\n' && *p != '\r';
}

static bool blank_line(const char *s, const char *eol)
{
    while (s < eol && (*s == ' ' || *s == '\t' || *s == '\r'))
        s++;
    return s == eol;
}

static const char *end_of_line(const char *s)
{
    const char *nl = strchr(s, '\n');
    return nl ? nl : s + strlen(s);
}

/* s[0..n) with blanks cut at both ends, copied into out (cap bytes). */
static void trimmed(const char *s, size_t n, char *out, size_t cap)
{
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n >= cap)
        n = cap - 1;
    memcpy(out, s, n);
    out[n] = '\0';
}

/* The OPTION commands of a directive record, one a line. */
static int read_directive(tab_reader *t, gold_record *r, const char *c,
                          const char *end)
{
    size_t n = 0, cap = (size_t)(end - c) + 1;
    char *out = malloc(cap);
    if (!out)
        return tab_fail(t, "out of memory");
    const char *p = c;
    while ((p = strstr(p, "OPTION:")) != NULL && p < end) {
        p += 7;
        size_t k = strcspn(p, "}\n");
        const char *close = strstr(p, "*/");
        if (close && close < p + k)
            k = (size_t)(close - p);
        char cmd[512];
        trimmed(p, k, cmd, sizeof cmd);
        n += (size_t)snprintf(out + n, cap - n, "%s\n", cmd);
        p += k;
    }
    r->directive = out;
    return 0;
}

/* One "{ ... }" block at c ('{'); *c_end is set past it.  Returns 1 for an
** event, 0 for a marker (---, ###, +++), -1 when malformed. */
static int read_block(tab_reader *t, gold_record *r, size_t *cap,
                      const char *c, const char *end, const char **c_end)
{
    const char *close = memchr(c, '}', (size_t)(end - c));
    if (!close)
        return tab_fail(t, "%s: '{' without '}'", r->id);
    *c_end = close + 1;
    char body[256];
    trimmed(c + 1, (size_t)(close - c - 1), body, sizeof body);
    if (!body[0])
        return 0;               /* "{}" in the comment's prose */
    if (!strcmp(body, "---") || !strcmp(body, "###") ||
        !strcmp(body, "+++")) {
        if (r->n_events == 0 && !r->category) {
            r->expect_none = true;
            r->category = gold_dup(body[0] == '#' ? "discard"
                                   : body[0] == '+' ? "complex" : "none");
        }
        return 0;
    }
    char field[3][64];
    const char *f = body;
    for (int k = 0; k < 3; k++) {
        const char *slash = strchr(f, '/');
        if (!slash && k < 2)
            return tab_fail(t, "%s: an event is { SOURCE / TARGET / CODE }, "
                            "not { %s }", r->id, body);
        size_t len = slash && k < 2 ? (size_t)(slash - f) : strlen(f);
        trimmed(f, len, field[k], sizeof field[k]);
        f = slash ? slash + 1 : f + len;
    }
    /* a fourth field (the attribution) TABARI checks only when asked */
    field[2][strcspn(field[2], " \t/")] = '\0';
    gold_event *e = gold_add_event(r, cap);
    if (!e)
        return tab_fail(t, "out of memory");
    gold_copy_code(e->source, sizeof e->source, field[0]);
    gold_copy_code(e->target, sizeof e->target, field[1]);
    if (!gold_copy_code(e->code, sizeof e->code, field[2]))
        return tab_fail(t, "%s: event code '%s' is too long", r->id, field[2]);
    r->expect_none = false;
    free(r->category);
    r->category = NULL;
    return 1;
}

/* The verification blocks of the comment c..end: events, markers, "-{",
** or OPTION directives. */
static int read_comment(tab_reader *t, gold_record *r, const char *c,
                        const char *end)
{
    const char *open = memchr(c, '{', (size_t)(end - c));
    if (!open)
        return 0;
    const char *opt = strstr(open, "OPTION:");
    if (opt && opt < end)
        return read_directive(t, r, open, end);
    size_t cap = 0;
    while (open) {
        if (open[-1] == '-') {
            r->partial = true;
            break;
        }
        const char *next = end;
        if (read_block(t, r, &cap, open, end, &next) < 0)
            return -1;
        open = memchr(next, '{', (size_t)(end - next));
    }
    return 0;
}

/* One record: the header at s, its lines up to a blank line (end). */
static int read_record(tab_reader *t, const char *s, const char *end)
{
    char date[11], id[128];
    int yy = (s[0] - '0') * 10 + (s[1] - '0');
    snprintf(date, sizeof date, "%s%.2s-%.2s-%.2s", yy < 30 ? "20" : "19", s,
             s + 2, s + 4);
    const char *p = s + 6;
    while (*p == ' ' || *p == '\t')
        p++;
    size_t idn = strcspn(p, " \t\r\n");
    trimmed(p, idn, id, sizeof id);
    const char *text = end_of_line(s);
    const char *cm = strstr(text, "/*");
    if (!cm || cm > end || !memchr(cm, '{', (size_t)(end - cm)))
        return 0;               /* no verification: TABARI's own run skips
                                   nothing, but there is nothing to score */
    const char *cm_end = strstr(cm + 2, "*/");  /* past the opener itself */
    if (!cm_end || cm_end > end)
        cm_end = end;
    gold_record *r = gold_add_record(t->g, &t->cap_records);
    if (!r)
        return tab_fail(t, "out of memory");
    r->id = gold_dup(id);
    r->date = gold_dup(date);
    r->lang = gold_dup("en");
    r->text = gold_join_lines(text, (size_t)(cm - text));
    if (!r->id || !r->date || !r->lang || !r->text)
        return tab_fail(t, "out of memory");
    return read_comment(t, r, cm + 2, cm_end);
}

static int read_text(tab_reader *t, const char *buf)
{
    const char *s = buf;
    size_t line = 1;
    while (*s) {
        const char *eol = end_of_line(s);
        if (!is_header(s)) {
            s = *eol ? eol + 1 : eol;
            line++;
            continue;
        }
        t->line = line;
        const char *end = eol;
        while (*end) {          /* the record runs to a blank line */
            const char *next = end + 1, *neol = end_of_line(next);
            if (blank_line(next, neol) || is_header(next))
                break;
            end = neol;
            line++;
        }
        if (read_record(t, s, end) != 0)
            return -1;
        s = *end ? end + 1 : end;
        line++;
    }
    return 0;
}

/* The <textfile> of a project, resolved next to it; NULL (said why) if
** it names none. */
static char *project_text(const char *path, const char *project, char *err,
                          size_t n_err)
{
    const char *tag = project;
    while ((tag = strchr(tag, '<')) != NULL &&
           strncasecmp(tag, "<textfile>", 10) != 0)
        tag++;
    if (!tag) {
        snprintf(err, n_err, "%s: names no <textfile>", path);
        return NULL;
    }
    char name[1024];
    const char *v = tag + 10;
    trimmed(v, strcspn(v, "\n"), name, sizeof name);
    if (!name[0]) {
        snprintf(err, n_err, "%s: <textfile> names no file", path);
        return NULL;
    }
    char *full = gold_resolve(path, name);
    if (!full)
        snprintf(err, n_err, "%s: out of memory", path);
    return full;
}

int gold_read_tabari(const char *path, bool is_project, gold_set *out,
                     char *err, size_t n_err)
{
    char *text_path = NULL;
    if (is_project) {
        char *project = slurp(path, err, n_err);
        if (!project)
            return -1;
        text_path = project_text(path, project, err, n_err);
        free(project);
        out->project = text_path ? gold_dup(path) : NULL;
        if (!text_path || !out->project) {
            free(text_path);
            return -1;
        }
    }
    const char *tp = text_path ? text_path : path;
    char *buf = slurp(tp, err, n_err);
    int rc = -1;
    if (buf) {
        tab_reader t = {.path = tp, .g = out, .err = err, .n_err = n_err};
        rc = read_text(&t, buf);
        if (rc == 0 && out->n == 0) {
            snprintf(err, n_err, "%s:1: neither PETRARCH XML, JSONL nor "
                     "TABARI records with { } verification blocks", tp);
            rc = -1;
        }
    }
    free(buf);
    free(text_path);
    return rc;
}
