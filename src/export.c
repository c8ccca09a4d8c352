/*
** export.c -- events in the formats other tools read: GDELT 2.0's event
** export (61 tab-separated columns), PLOVER JSON and flat CSV.  Reads the
** coded events of a document (code.c) and appends one line per event to a
** caller's buffer, like write.c, whose JSON stays the default format.
*/
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <utf8proc.h>

#include "warta_int.h"

static void jw_cstr(jw *w, const char *s)
{
    if (s)
        jw_raw(w, s, strlen(s));
}

/* ---- TSV (GDELT) fields: tabs and line breaks become spaces ------------- */

static void tsv_sep(jw *w)
{
    if (w->n_fields++)
        jw_raw(w, "\t", 1);
}

static void tsv_text(jw *w, const char *s, size_t n)
{
    tsv_sep(w);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            continue;
        jw_raw(w, s + run, i - run);
        jw_raw(w, " ", 1);
        run = i + 1;
    }
    jw_raw(w, s + run, n - run);
}

static void tsv_cstr(jw *w, const char *s)
{
    tsv_text(w, s ? s : "", s ? strlen(s) : 0);
}

static void tsv_empty(jw *w, int n)
{
    while (n-- > 0)
        tsv_sep(w);
}

/* GDELT writes actor names in upper case ("PRESIDENT OF INDONESIA"). */
static void tsv_upper(jw *w, const char *s, size_t n)
{
    tsv_sep(w);
    size_t i = 0;
    while (i < n && w->ok) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                                (utf8proc_ssize_t)(n - i), &cp);
        if (len <= 0) {                 /* not UTF-8: keep the byte */
            jw_raw(w, s + i, 1);
            i++;
            continue;
        }
        if (cp == '\t' || cp == '\n' || cp == '\r')
            cp = ' ';
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t k = utf8proc_encode_char(utf8proc_toupper(cp), enc);
        jw_raw(w, (const char *)enc, (size_t)k);
        i += (size_t)len;
    }
}

/* ---- CSV fields (RFC 4180) -------------------------------------------- */

static void csv_text(jw *w, const char *s, size_t n)
{
    if (w->n_fields++)
        jw_raw(w, ",", 1);
    bool quote = false;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote) {
        jw_raw(w, s, n);
        return;
    }
    jw_raw(w, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '"')
            continue;
        jw_raw(w, s + run, i + 1 - run);    /* the quote, then its double */
        jw_raw(w, "\"", 1);
        run = i + 1;
    }
    jw_raw(w, s + run, n - run);
    jw_raw(w, "\"", 1);
}

static void csv_cstr(jw *w, const char *s)
{
    csv_text(w, s ? s : "", s ? strlen(s) : 0);
}

static void csv_fmt(jw *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void csv_fmt(jw *w, const char *fmt, ...)
{
    char tmp[64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    csv_text(w, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* ---- what the formats share -------------------------------------------- */

/* The event's date: its own, else the article's (event or report). */
static const char *event_date(const export_report *r, const warta_event *e)
{
    if (e->date[0])
        return e->date;
    if (e->article_date[0])
        return e->article_date;
    return r->article_date && r->article_date[0] ? r->article_date : NULL;
}

/* "YYYY-MM-DD" into its parts (the event and article dates are whole
** days: see code.c). */
static bool parse_date(const char *s, int *y, int *m, int *d)
{
    int32_t days;
    if (!parse_day(s, &days))
        return false;
    date_to_civil(days, y, m, d);
    return true;
}

static int day_of_year(int y, int m, int d)
{
    return date_from_civil(y, m, d) - date_from_civil(y, 1, 1) + 1;
}

/* A stable id for event i of doc: FNV-1a of "docid#sentence#i" kept to
** 53 bits, so that spreadsheets and JSON readers (doubles) keep it exact;
** never 0. */
static uint64_t event_id(const warta_doc *doc, const warta_event *e,
                         size_t i)
{
    const char *id = warta_doc_meta(doc)->id;
    char key[300];
    int n = snprintf(key, sizeof key, "%s#%zu#%zu", id ? id : "", e->sentence,
                     i);
    uint64_t h = hash_bytes(key, n > 0 && (size_t)n < sizeof key ? (size_t)n
                                                                 : strlen(key));
    h &= (1ull << 53) - 1;
    return h ? h : 1;
}

/* An actor code without PETRARCH's unknown-country mark: "---GOV" is
** GDELT's "GOV", "---" is nothing. */
static const char *actor_code(const warta_actor *a)
{
    return strncmp(a->code, "---", 3) == 0 ? a->code + 3 : a->code;
}

static bool is_code3(const char *s)
{
    for (int k = 0; k < 3; k++)
        if (s[k] < 'A' || s[k] > 'Z')
            return false;
    return s[3] == '\0';
}

static bool has_place(const warta_event *e)
{
    return e->place.name[0] != '\0';
}

static bool has_coords(const warta_place *p)
{
    return p->geonames_id != 0 || p->lat != 0.0 || p->lon != 0.0;
}

/* ---- GDELT 2.0 event export -------------------------------------------- */

#define GDELT_N_COLUMNS 61

/* Actor<n>Code .. Actor<n>Type3Code: ten columns. */
static void gdelt_actor(jw *w, const warta_actor *a)
{
    const char *code = actor_code(a);
    tsv_cstr(w, code);
    if (code[0] || a->country[0])
        tsv_upper(w, a->text.p, a->text.n);
    else
        tsv_empty(w, 1);
    tsv_cstr(w, is_code3(a->country) ? a->country : "");
    tsv_empty(w, 4);    /* KnownGroup, Ethnic, Religion1, Religion2 */
    /* Type1..3: the sector in three-letter parts ("GOVMIL": GOV, MIL). */
    size_t n = strlen(a->sector);
    for (size_t k = 0; k < 3; k++) {
        if (k * 3 < n)
            tsv_text(w, a->sector + k * 3, n - k * 3 < 3 ? n - k * 3 : 3);
        else
            tsv_empty(w, 1);
    }
}

/* The title's sentences and the first body sentence lead the article:
** GDELT's IsRootEvent. */
static bool is_root_sentence(const warta_doc *doc, size_t sentence)
{
    size_t n = warta_doc_n_sentences(doc);
    for (size_t k = 0; k < n; k++) {
        const warta_sentence *s = warta_doc_sentence(doc, k);
        if (s->kind == WARTA_KIND_TITLE) {
            if (s->index == sentence)
                return true;
        } else if (s->kind == WARTA_KIND_BODY) {
            return s->index == sentence;
        }
    }
    return false;
}

/* Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID. */
static void gdelt_geo(jw *w, const warta_place *p)
{
    if (!p || !p->name[0]) {
        tsv_empty(w, 8);
        return;
    }
    /* GDELT's geography types: 1 country, 4 world city, 5 world state */
    tsv_cstr(w, p->kind == WARTA_PLACE_COUNTRY ? "1"
                : p->kind == WARTA_PLACE_REGION ? "5" : "4");
    tsv_cstr(w, p->name);
    tsv_cstr(w, p->country);        /* ISO3, not GDELT's FIPS 10-4 */
    tsv_sep(w);
    if (p->adm1[0]) {
        jw_cstr(w, p->country);
        jw_cstr(w, p->adm1);
    }
    tsv_empty(w, 1);                /* ADM2 */
    tsv_sep(w);
    if (has_coords(p))
        jw_fmt(w, "%.4f", p->lat);
    tsv_sep(w);
    if (has_coords(p))
        jw_fmt(w, "%.4f", p->lon);
    tsv_sep(w);
    if (p->geonames_id)
        jw_fmt(w, "%lu", (unsigned long)p->geonames_id);
}

static void write_gdelt(jw *w, const export_report *r, const warta_event *e)
{
    w->n_fields = 0;
    tsv_sep(w);
    jw_fmt(w, "%llu", (unsigned long long)r->id);
    int y, m, d;
    if (parse_date(event_date(r, e), &y, &m, &d)) {
        tsv_sep(w);
        jw_fmt(w, "%04d%02d%02d", y, m, d);
        tsv_sep(w);
        jw_fmt(w, "%04d%02d", y, m);
        tsv_sep(w);
        jw_fmt(w, "%04d", y);
        tsv_sep(w);
        jw_fmt(w, "%.4f", y + day_of_year(y, m, d) / 365.0);
    } else {
        tsv_empty(w, 4);
    }
    gdelt_actor(w, &e->source);
    gdelt_actor(w, &e->target);
    tsv_cstr(w, r->is_root ? "1" : "0");
    size_t n = strlen(e->code);
    tsv_cstr(w, e->code);
    tsv_text(w, e->code, n < 3 ? n : 3);
    if (e->root[0])
        tsv_cstr(w, e->root);
    else
        tsv_text(w, e->code, n < 2 ? n : 2);
    tsv_sep(w);
    if (e->quad_class)
        jw_fmt(w, "%d", e->quad_class);
    tsv_sep(w);
    jw_fmt(w, "%.1f", e->goldstein);
    const unsigned counts[] = {r->mentions, r->sources, r->articles};
    for (size_t k = 0; k < ARRAY_LEN(counts); k++) {
        tsv_sep(w);                 /* NumMentions, NumSources, NumArticles */
        jw_fmt(w, "%u", counts[k]);
    }
    tsv_empty(w, 1);                /* AvgTone */
    gdelt_geo(w, &e->source.place); /* Actor1Geo: the country's centroid */
    gdelt_geo(w, &e->target.place); /* Actor2Geo */
    gdelt_geo(w, has_place(e) ? &e->place : NULL);
    /* DATEADDED: when the event was coded, as GDELT stamps its updates. */
    time_t now = time(NULL);
    struct tm tm;
    tsv_sep(w);
    if (gmtime_r(&now, &tm))
        jw_fmt(w, "%04d%02d%02d%02d%02d%02d", tm.tm_year + 1900,
               tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    tsv_cstr(w, r->url);
    assert(w->n_fields == GDELT_N_COLUMNS);
    jw_raw(w, "\n", 1);
}

/* ---- PLOVER JSON -------------------------------------------------------- */

static void plover_actor(jw *w, const char *key, const warta_actor *a)
{
    jw_raw(w, ",", 1);
    jw_json_cstr(w, key);
    if (!actor_code(a)[0] && !a->text.n) {
        jw_raw(w, ":null", 5);
        return;
    }
    jw_raw(w, ":{\"text\":", 9);
    jw_string(w, a->text.p, a->text.n);
    jw_raw(w, ",\"code\":", 8);
    jw_json_cstr(w, a->code);
    jw_raw(w, ",\"country\":", 11);
    jw_json_cstr(w, a->country);
    jw_raw(w, ",\"sector\":", 10);
    jw_json_cstr(w, a->sector);
    jw_raw(w, "}", 1);
}

static void write_plover(jw *w, const export_report *r, const warta_event *e)
{
    jw_fmt(w, "{\"id\":\"%llu\",\"date\":", (unsigned long long)r->id);
    int y, m, d;
    if (parse_date(event_date(r, e), &y, &m, &d))
        jw_fmt(w, "\"%04d-%02d-%02d\"", y, m, d);
    else
        jw_raw(w, "null", 4);
    jw_raw(w, ",\"event_type\":", 14);
    jw_json_cstr(w, e->plover_type ? e->plover_type : "");
    jw_raw(w, ",\"mode\":", 8);
    jw_json_cstr(w, e->plover_mode ? e->plover_mode : "");
    jw_raw(w, ",\"context\":[]", 13);
    plover_actor(w, "actor1", &e->source);
    plover_actor(w, "actor2", &e->target);
    jw_raw(w, ",\"location\":", 12);
    if (has_place(e)) {
        const warta_place *p = &e->place;
        jw_raw(w, "{\"name\":", 8);
        jw_json_cstr(w, p->name);
        jw_raw(w, ",\"country\":", 11);
        jw_json_cstr(w, p->country);
        if (has_coords(p))
            jw_fmt(w, ",\"lat\":%.5f,\"lon\":%.5f", p->lat, p->lon);
        else
            jw_raw(w, ",\"lat\":null,\"lon\":null", 22);
        if (p->geonames_id)
            jw_fmt(w, ",\"geonames_id\":%lu}", (unsigned long)p->geonames_id);
        else
            jw_raw(w, ",\"geonames_id\":null}", 20);
    } else {
        jw_raw(w, "null", 4);
    }
    jw_raw(w, ",\"text\":", 8);
    if (r->text.p)
        jw_string(w, r->text.p, r->text.n);
    else
        jw_raw(w, "null", 4);
    jw_raw(w, ",\"source\":{\"doc\":", 17);
    jw_json_cstr(w, r->doc_id);
    jw_fmt(w, ",\"sentence\":%zu,\"url\":", e->sentence);
    jw_json_cstr(w, r->url);
    jw_raw(w, "},\"cameo\":{\"code\":", 18);
    jw_json_cstr(w, e->code);
    jw_raw(w, ",\"label\":", 9);
    jw_json_cstr(w, e->label);
    jw_fmt(w, ",\"goldstein\":%.1f,\"quad_class\":%d}", e->goldstein,
           e->quad_class);
    /* PLOVER has no field for how the text told it: warta's own */
    jw_raw(w, ",\"warta\":{\"mode\":", 17);
    jw_json_cstr(w, warta_mode_name((warta_mode)e->mode));
    jw_fmt(w, ",\"historical\":%s}}\n", e->historical ? "true" : "false");
}

/* ---- CSV ---------------------------------------------------------------- */

static const char *const csv_columns[] = {
    "doc", "sentence", "date", "date_precision", "article_date",
    "source_code", "source_country", "source_sector", "source_text",
    "source_start", "source_end",
    "target_code", "target_country", "target_sector", "target_text",
    "target_start", "target_end", "mode", "historical",
    "code", "root", "label", "goldstein", "quad_class",
    "plover_type", "plover_mode",
    "place_name", "place_geonames_id", "place_country", "place_lat",
    "place_lon", "lang", "text",
};

static void csv_actor(jw *w, const warta_actor *a)
{
    csv_cstr(w, a->code);
    csv_cstr(w, a->country);
    csv_cstr(w, a->sector);
    csv_text(w, a->text.p, a->text.n);
    csv_fmt(w, "%zu", a->start);
    csv_fmt(w, "%zu", a->end);
}

static void write_csv(jw *w, const export_report *r, const warta_event *e)
{
    w->n_fields = 0;
    csv_cstr(w, r->doc_id);
    csv_fmt(w, "%zu", e->sentence);
    csv_cstr(w, e->date);
    csv_cstr(w, warta_date_precision_name(e->date_precision));
    csv_cstr(w, e->article_date);
    csv_actor(w, &e->source);
    csv_actor(w, &e->target);
    csv_cstr(w, warta_mode_name((warta_mode)e->mode));
    csv_cstr(w, e->historical ? "true" : "false");
    csv_cstr(w, e->code);
    csv_cstr(w, e->root);
    csv_cstr(w, e->label);
    csv_fmt(w, "%.1f", e->goldstein);
    csv_fmt(w, "%d", e->quad_class);
    csv_cstr(w, e->plover_type);
    csv_cstr(w, e->plover_mode);
    const warta_place *p = &e->place;
    bool place = has_place(e);
    csv_cstr(w, place ? p->name : "");
    if (place && p->geonames_id)
        csv_fmt(w, "%lu", (unsigned long)p->geonames_id);
    else
        csv_cstr(w, "");
    csv_cstr(w, place ? p->country : "");
    if (place && has_coords(p)) {
        csv_fmt(w, "%.5f", p->lat);
        csv_fmt(w, "%.5f", p->lon);
    } else {
        csv_cstr(w, "");
        csv_cstr(w, "");
    }
    csv_cstr(w, r->lang);
    csv_text(w, r->text.p ? r->text.p : "", r->text.n);
    assert(w->n_fields == (int)ARRAY_LEN(csv_columns));
    jw_raw(w, "\n", 1);
}

/* ---- the interface ------------------------------------------------------ */

warta_status export_event(warta_ctx *ctx, const warta_event *e,
                          const export_report *r, warta_format fmt,
                          warta_buf *out)
{
    jw w = {.ctx = ctx, .b = out, .ok = true};
    switch (fmt) {
    case WARTA_FORMAT_GDELT: write_gdelt(&w, r, e); break;
    case WARTA_FORMAT_PLOVER: write_plover(&w, r, e); break;
    case WARTA_FORMAT_CSV: write_csv(&w, r, e); break;
    default:
        return ctx_error(ctx, WARTA_EINVAL, "unknown output format %d",
                         (int)fmt);
    }
    return w.ok ? WARTA_OK : ctx_error(ctx, WARTA_ENOMEM, "out of memory");
}

warta_status warta_write_event_as(warta_ctx *ctx, const warta_doc *doc,
                                  size_t i, warta_format fmt, unsigned flags,
                                  warta_buf *out)
{
    if (fmt == WARTA_FORMAT_JSON)
        return warta_write_event(ctx, doc, i, flags, out);
    const warta_event *e = doc ? warta_doc_event(doc, i) : NULL;
    if (!ctx || !e || !out)
        return WARTA_EINVAL;
    const warta_meta *meta = warta_doc_meta(doc);
    const warta_sentence *s = warta_doc_sentence(doc, e->sentence);
    export_report r = {
        .doc_id = meta->id, .url = meta->url, .article_date = meta->date,
        .lang = s ? s->lang : "", .text = s ? s->text : (warta_slice){0},
        .is_root = is_root_sentence(doc, e->sentence),
        .id = event_id(doc, e, i), .mentions = 1, .sources = 1,
        .articles = 1};
    return export_event(ctx, e, &r, fmt, out);
}

warta_status warta_write_header(warta_ctx *ctx, warta_format fmt,
                                warta_buf *out)
{
    if (!ctx || !out)
        return WARTA_EINVAL;
    if (fmt != WARTA_FORMAT_CSV)
        return WARTA_OK;
    jw w = {.ctx = ctx, .b = out, .ok = true};
    for (size_t k = 0; k < ARRAY_LEN(csv_columns); k++)
        csv_cstr(&w, csv_columns[k]);
    jw_raw(&w, "\n", 1);
    return w.ok ? WARTA_OK : ctx_error(ctx, WARTA_ENOMEM, "out of memory");
}
