/*
** gold.c -- reads gold records for `warta eval`: PETRARCH validation XML
** (through expat: <Environment> dictionary names, <Sentence> with its
** <EventCoding>s and <Text>) and warta's gold JSONL (through jansson).
** Hands on a gold_set that score.c and cmd_eval.c read; gold_free frees it.
*/
#include <errno.h>
#include <expat.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gold.h"

static bool is_blank(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void set_err(char *err, size_t n_err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t n_err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (n_err)
        vsnprintf(err, n_err, fmt, ap);
    va_end(ap);
}

bool gold_copy_code(char *dst, size_t n, const char *src)
{
    size_t len = strlen(src);
    bool fits = len < n;
    if (!fits) {
        len = n - 1;
        while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
            len--;              /* do not split a UTF-8 sequence */
    }
    memcpy(dst, src, len);
    dst[len] = '\0';
    return fits;
}

char *gold_dup_n(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

char *gold_dup(const char *s)
{
    return s ? gold_dup_n(s, strlen(s)) : NULL;
}

/* A new zeroed record at the end of g; NULL when out of memory. */
gold_record *gold_add_record(gold_set *g, size_t *cap)
{
    if (g->n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        gold_record *r = realloc(g->records, ncap * sizeof *r);
        if (!r)
            return NULL;
        g->records = r;
        *cap = ncap;
    }
    gold_record *r = &g->records[g->n++];
    memset(r, 0, sizeof *r);
    return r;
}

/* A new zeroed event at the end of r's events; NULL when out of memory. */
gold_event *gold_add_event(gold_record *r, size_t *cap)
{
    if (r->n_events == *cap) {
        size_t ncap = *cap ? *cap * 2 : 4;
        gold_event *e = realloc(r->events, ncap * sizeof *e);
        if (!e)
            return NULL;
        r->events = e;
        *cap = ncap;
    }
    gold_event *e = &r->events[r->n_events++];
    memset(e, 0, sizeof *e);
    return e;
}

/* YYYYMMDD (PETRARCH) or YYYY-MM-DD into YYYY-MM-DD; false if neither. */
static bool norm_date(const char *in, char out[11])
{
    size_t n = strlen(in);
    if (n == 10 ? in[4] != '-' || in[7] != '-' : n != 8)
        return false;
    snprintf(out, 11, "%.4s-%.2s-%.2s", in, in + (n == 10 ? 5 : 4),
             in + n - 2);
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (out[i] < '0' || out[i] > '9'))
            return false;
    return true;
}

/* The lines of s[0..n), each trimmed, the empty ones dropped, joined with
** single spaces: <Text> spans lines with stray blanks at their ends. */
char *gold_join_lines(const char *s, size_t n)
{
    char *out = malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    const char *end = s + n;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *eol = nl ? nl : end, *a = s, *b = eol;
        while (a < b && is_blank(*a))
            a++;
        while (b > a && is_blank(b[-1]))
            b--;
        if (b > a) {
            if (o > out)
                *o++ = ' ';
            memcpy(o, a, (size_t)(b - a));
            o += b - a;
        }
        s = nl ? nl + 1 : end;
    }
    *o = '\0';
    return out;
}

/* ---- PETRARCH validation XML ------------------------------------------- */

typedef enum {
    F_NONE, F_TEXT, F_VERBS, F_ACTORS, F_AGENTS, F_DISCARDS
} xml_field;

typedef struct xml_reader {
    XML_Parser p;
    const char *path;
    gold_set *g;
    size_t cap_records, cap_events;
    gold_record *cur;           /* the <Sentence> being read, or NULL */
    bool in_env;                /* inside <Environment> */
    bool monads;                /* require_dyad is off */
    xml_field field;            /* whose character data is collected */
    char *buf;                  /* that character data */
    size_t n_buf, cap_buf;
    char *err;
    size_t n_err;
    bool failed;
} xml_reader;

static bool xml_fail(xml_reader *x, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Record the first problem as "file:line: ..." and stop the parser.
** Returns false, for the handlers' helpers to pass on. */
static bool xml_fail(xml_reader *x, const char *fmt, ...)
{
    if (x->failed)
        return false;
    x->failed = true;
    int k = snprintf(x->err, x->n_err, "%s:%lu: ", x->path,
                     (unsigned long)XML_GetCurrentLineNumber(x->p));
    if (k >= 0 && (size_t)k < x->n_err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(x->err + k, x->n_err - (size_t)k, fmt, ap);
        va_end(ap);
    }
    XML_StopParser(x->p, XML_FALSE);
    return false;
}

static const char *attr(const XML_Char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(atts[i], name) == 0)
            return atts[i + 1];
    return NULL;
}

/* name resolved against the directory of the XML file. */
char *gold_resolve(const char *xml_path, const char *name)
{
    const char *slash = strrchr(xml_path, '/');
    if (name[0] == '/' || !slash)
        return gold_dup(name);
    size_t nd = (size_t)(slash - xml_path) + 1, nn = strlen(name);
    char *p = malloc(nd + nn + 1);
    if (p) {
        memcpy(p, xml_path, nd);
        memcpy(p + nd, name, nn + 1);
    }
    return p;
}

static bool start_sentence(xml_reader *x, const XML_Char **atts)
{
    if (x->cur)
        return xml_fail(x, "<Sentence> inside <Sentence>");
    const char *id = attr(atts, "id"), *date = attr(atts, "date");
    const char *cat = attr(atts, "category");
    char day[11];
    if (!id)
        return xml_fail(x, "<Sentence> without an id");
    if (date && !norm_date(date, day))
        return xml_fail(x, "%s: date '%s' is not YYYYMMDD", id, date);
    gold_record *r = gold_add_record(x->g, &x->cap_records);
    if (!r)
        return xml_fail(x, "out of memory");
    x->cur = r;
    x->cap_events = 0;
    r->id = gold_dup(id);
    r->date = gold_dup(date ? day : NULL);
    r->lang = gold_dup("en");    /* PETRARCH codes English only */
    r->category = gold_dup(cat);
    r->allow_monads = x->monads;
    if (!r->id || (date && !r->date) || !r->lang || (cat && !r->category))
        return xml_fail(x, "out of memory");
    return true;
}

/* One expected triple; noevents="..." or error="..." instead mark the
** record (PETRARCH looks only at whether the attribute is there). */
static bool event_coding(xml_reader *x, const XML_Char **atts)
{
    gold_record *r = x->cur;
    if (!r)
        return xml_fail(x, "<EventCoding> outside <Sentence>");
    r->expect_none |= attr(atts, "noevents") != NULL;
    r->expect_error |= attr(atts, "error") != NULL;
    if (attr(atts, "noevents") || attr(atts, "error"))
        return true;
    const char *src = attr(atts, "sourcecode");
    const char *tgt = attr(atts, "targetcode");
    const char *code = attr(atts, "eventcode");
    if (!code)
        return xml_fail(x, "%s: <EventCoding> without eventcode", r->id);
    gold_event *e = gold_add_event(r, &x->cap_events);
    if (!e)
        return xml_fail(x, "out of memory");
    if (!gold_copy_code(e->code, sizeof e->code, code))
        return xml_fail(x, "%s: event code '%s' is too long", r->id, code);
    gold_copy_code(e->source, sizeof e->source, src ? src : "");
    gold_copy_code(e->target, sizeof e->target, tgt ? tgt : "");
    return true;
}

/* Which character data an element's start asks for: a dictionary name in
** <Environment>, or a sentence's <Text>. */
static xml_field field_of(const xml_reader *x, const char *name)
{
    static const struct { const char *name; xml_field f; } env[] = {
        {"Verbfile", F_VERBS}, {"Actorfile", F_ACTORS},
        {"Agentfile", F_AGENTS}, {"Discardfile", F_DISCARDS},
    };
    if (x->cur)
        return strcmp(name, "Text") == 0 ? F_TEXT : F_NONE;
    for (size_t i = 0; x->in_env && i < sizeof env / sizeof env[0]; i++)
        if (strcmp(name, env[i].name) == 0)
            return env[i].f;
    return F_NONE;
}

/* <Config option="require_dyad" value="false">: PETRARCH then codes events
** with one side missing, for the records that follow. */
static void config(xml_reader *x, const XML_Char **atts)
{
    const char *opt = attr(atts, "option"), *val = attr(atts, "value");
    if (opt && val && strcmp(opt, "require_dyad") == 0)
        x->monads = strcasecmp(val, "false") == 0;
}

static void XMLCALL on_start(void *ud, const XML_Char *name,
                             const XML_Char **atts)
{
    xml_reader *x = ud;
    xml_field f = field_of(x, name);
    if (f != F_NONE) {
        x->field = f;
        x->n_buf = 0;
    } else if (strcmp(name, "Environment") == 0) {
        x->in_env = true;
    } else if (strcmp(name, "Sentence") == 0) {
        start_sentence(x, atts);
    } else if (strcmp(name, "EventCoding") == 0) {
        event_coding(x, atts);
    } else if (strcmp(name, "Config") == 0) {
        config(x, atts);
    }
}

static void XMLCALL on_chars(void *ud, const XML_Char *s, int len)
{
    xml_reader *x = ud;
    if (x->field == F_NONE || len <= 0 || x->failed)
        return;
    size_t n = (size_t)len;
    if (x->n_buf + n + 1 > x->cap_buf) {
        size_t ncap = (x->n_buf + n + 1) * 2;
        char *b = realloc(x->buf, ncap);
        if (!b) {
            xml_fail(x, "out of memory");
            return;
        }
        x->buf = b;
        x->cap_buf = ncap;
    }
    memcpy(x->buf + x->n_buf, s, n);
    x->n_buf += n;
}

/* The collected character data of the field that just ended: a sentence's
** text, or a dictionary named next to the XML file. */
static bool end_field(xml_reader *x)
{
    gold_set *g = x->g;
    char **slot[] = {[F_TEXT] = x->cur ? &x->cur->text : NULL,
                     [F_VERBS] = &g->verbs, [F_ACTORS] = &g->actors,
                     [F_AGENTS] = &g->agents, [F_DISCARDS] = &g->discards};
    char *s = gold_join_lines(x->buf ? x->buf : "", x->n_buf);
    if (s && x->field != F_TEXT) {
        char *path = *s ? gold_resolve(x->path, s) : NULL;
        if (*s && !path)
            return xml_fail(x, "out of memory");
        free(s);
        s = path;
    } else if (!s) {
        return xml_fail(x, "out of memory");
    }
    free(*slot[x->field]);
    *slot[x->field] = s;
    return true;
}

/* A record with noevents, an error or no <EventCoding> at all expects no
** events, as in PETRARCH, where all three leave ValidEvents empty. */
static bool end_sentence(xml_reader *x)
{
    gold_record *r = x->cur;
    x->cur = NULL;
    if (!r->text)
        return xml_fail(x, "%s: <Sentence> without <Text>", r->id);
    if (r->expect_none || r->expect_error)
        r->n_events = 0;
    r->expect_none = !r->expect_error && r->n_events == 0;
    return true;
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    xml_reader *x = ud;
    if (x->failed)
        return;
    if (x->field != F_NONE && field_of(x, name) == x->field) {
        end_field(x);
        x->field = F_NONE;
    } else if (strcmp(name, "Environment") == 0) {
        x->in_env = false;
    } else if (x->cur && strcmp(name, "Sentence") == 0) {
        end_sentence(x);
    }
}

static int read_xml(FILE *f, const char *path, gold_set *g, char *err,
                    size_t n_err)
{
    xml_reader x = {.path = path, .g = g, .err = err, .n_err = n_err};
    if (!(x.p = XML_ParserCreate(NULL))) {
        set_err(err, n_err, "%s: out of memory", path);
        return -1;
    }
    XML_SetUserData(x.p, &x);
    XML_SetElementHandler(x.p, on_start, on_end);
    XML_SetCharacterDataHandler(x.p, on_chars);
    char chunk[1 << 16];
    bool done = false;
    while (!done && !x.failed) {
        size_t n = fread(chunk, 1, sizeof chunk, f);
        done = n < sizeof chunk;
        if (done && ferror(f)) {
            set_err(err, n_err, "%s: %s", path, strerror(errno));
            x.failed = true;
        } else if (XML_Parse(x.p, chunk, (int)n, done) == XML_STATUS_ERROR &&
                   !x.failed) {
            set_err(err, n_err, "%s:%lu: %s", path,
                    (unsigned long)XML_GetCurrentLineNumber(x.p),
                    XML_ErrorString(XML_GetErrorCode(x.p)));
            x.failed = true;
        }
    }
    XML_ParserFree(x.p);
    free(x.buf);
    return x.failed ? -1 : 0;
}

/* ---- warta gold JSONL --------------------------------------------------- */

static const char *json_str(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Fill r from one parsed line; NULL, or what is wrong with it. */
static const char *jsonl_events(json_t *obj, gold_record *r)
{
    json_t *evs = json_object_get(obj, "events"), *ev;
    size_t i, cap = 0;
    if (!json_is_array(evs))
        return "no \"events\" array";
    json_array_foreach(evs, i, ev) {
        const char *code = json_str(ev, "code");
        const char *src = json_str(ev, "source");
        const char *tgt = json_str(ev, "target");
        if (!json_is_object(ev) || !code)
            return "an event without a \"code\" string";
        gold_event *e = gold_add_event(r, &cap);
        if (!e)
            return "out of memory";
        if (!gold_copy_code(e->code, sizeof e->code, code))
            return "an event code longer than 7 bytes";
        gold_copy_code(e->source, sizeof e->source, src ? src : "");
        gold_copy_code(e->target, sizeof e->target, tgt ? tgt : "");
    }
    r->expect_error = json_str(obj, "error") != NULL;
    if (r->expect_error)
        r->n_events = 0;
    r->expect_none = !r->expect_error && r->n_events == 0;
    return NULL;
}

static const char *jsonl_record(json_t *obj, gold_record *r, size_t line)
{
    if (!json_is_object(obj))
        return "not a JSON object";
    const char *text = json_str(obj, "text");
    if (!text)
        return "no \"text\" string";
    char idbuf[64];
    const char *id = json_str(obj, "id");
    json_t *idv = json_object_get(obj, "id");
    if (json_is_integer(idv)) {
        snprintf(idbuf, sizeof idbuf, "%lld",
                 (long long)json_integer_value(idv));
        id = idbuf;
    } else if (!id) {
        snprintf(idbuf, sizeof idbuf, "line-%zu", line);
        id = idbuf;
    }
    const char *date = json_str(obj, "date");
    char day[11];
    if (date && !norm_date(date, day))
        return "\"date\" is not YYYY-MM-DD";
    r->id = gold_dup(id);
    r->date = date ? gold_dup(day) : NULL;
    r->lang = gold_dup(json_str(obj, "lang"));
    r->text = gold_dup(text);
    r->category = gold_dup(json_str(obj, "category"));
    if (!r->id || !r->text)
        return "out of memory";
    return jsonl_events(obj, r);
}

static int read_jsonl(FILE *f, const char *path, gold_set *g, char *err,
                      size_t n_err)
{
    char *line = NULL;
    size_t cap_line = 0, cap = 0, no = 0;
    ssize_t n;
    int rc = 0;
    while (rc == 0 && (n = getline(&line, &cap_line, f)) >= 0) {
        no++;
        size_t blank = 0;
        while (blank < (size_t)n && is_blank(line[blank]))
            blank++;
        if (blank == (size_t)n)
            continue;
        json_error_t jerr;
        json_t *obj = json_loadb(line, (size_t)n, 0, &jerr);
        gold_record *r = obj ? gold_add_record(g, &cap) : NULL;
        const char *why = !obj ? jerr.text
                          : !r ? "out of memory" : jsonl_record(obj, r, no);
        if (why) {
            set_err(err, n_err, "%s:%zu: %s", path, no, why);
            rc = -1;
        }
        json_decref(obj);
    }
    if (rc == 0 && ferror(f)) {
        set_err(err, n_err, "%s:%zu: %s", path, no, strerror(errno));
        rc = -1;
    }
    free(line);
    return rc;
}

/* ---- both --------------------------------------------------------------- */

int gold_read(const char *path, gold_set *out, char *err, size_t n_err)
{
    memset(out, 0, sizeof *out);
    size_t n = strlen(path);
    if (n >= 8 && strcasecmp(path + n - 8, ".project") == 0)
        return gold_read_tabari(path, true, out, err, n_err);
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_err(err, n_err, "%s: %s", path, strerror(errno));
        return -1;
    }
    int c;
    while ((c = getc(f)) != EOF && is_blank(c))
        ;
    rewind(f);
    int rc;
    if (c == '<') {
        rc = read_xml(f, path, out, err, n_err);
    } else if (c == '{') {
        rc = read_jsonl(f, path, out, err, n_err);
    } else if (c != EOF) {
        fclose(f);              /* TABARI's text opens with any comment */
        return gold_read_tabari(path, false, out, err, n_err);
    } else {
        set_err(err, n_err, "%s:1: neither PETRARCH XML nor JSONL", path);
        rc = -1;
    }
    fclose(f);
    return rc;
}

void gold_free(gold_set *g)
{
    for (size_t i = 0; i < g->n; i++) {
        gold_record *r = &g->records[i];
        free(r->id);
        free(r->date);
        free(r->lang);
        free(r->text);
        free(r->category);
        free(r->events);
        free(r->directive);
    }
    free(g->records);
    free(g->verbs);
    free(g->actors);
    free(g->agents);
    free(g->discards);
    free(g->project);
    memset(g, 0, sizeof *g);
}
