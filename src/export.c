/*
** export.c -- events in the formats other tools read: GDELT 2.0's event
** export (61 tab-separated columns), PLOVER JSON and flat CSV.  Reads the
** coded events of a document (code.c), or the store's events rebuilt by
** query.c, and appends one line per event to a caller's buffer, like
** write.c, whose JSON stays the default format.  docs/formats.md tells
** each field and the spec it follows.
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

void event_place_key(const warta_place *p, char *out, size_t n)
{
    if (!p->name[0])
        snprintf(out, n, "%s", "");
    else if (p->geonames_id)
        snprintf(out, n, "%u", (unsigned)p->geonames_id);
    else
        snprintf(out, n, "%s:%u:%s", p->country, (unsigned)p->kind, p->name);
}

uint64_t export_event_id(const warta_event *e, const char *place_key)
{
    /* the parts joined by a byte none of them holds */
    char key[256];
    int n = snprintf(key, sizeof key, "%s\037%s\037%s\037%s\037%s\037%s",
                     e->date, e->source.code, e->target.code, e->code,
                     place_key ? place_key : "",
                     warta_mode_name((warta_mode)e->mode));
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

/* GDELT's geography types: 1 country, 2 US state, 3 US city, 4 world
** city, 5 world state (first-order division). */
static const char *gdelt_geo_type(const warta_place *p)
{
    bool us = strcmp(p->country, "USA") == 0;
    if (p->kind == WARTA_PLACE_COUNTRY)
        return "1";
    if (p->kind == WARTA_PLACE_REGION)
        return us ? "2" : "5";
    return us ? "3" : "4";
}

/* Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID:
** the country in FIPS 10-4 as GDELT writes it (ISO 3166-1 alpha-3 with
** WARTA_WRITE_GEO_ISO3), the ADM1 code as the country's code and
** GeoNames' admin1 code ("ID04"), and the FeatureID as GDELT gives it for
** countries and states (their code); a city's is its GeoNames id, where
** GDELT has GNS's. */
static void gdelt_geo(jw *w, const warta_place *p, bool iso3)
{
    if (!p || !p->name[0]) {
        tsv_empty(w, 8);
        return;
    }
    tsv_cstr(w, gdelt_geo_type(p));
    tsv_cstr(w, p->name);
    const char *cc = iso3 ? p->country : country_fips(p->country);
    tsv_cstr(w, cc);
    char adm1[32] = "";
    if (cc[0] && p->kind == WARTA_PLACE_COUNTRY)
        snprintf(adm1, sizeof adm1, "%s", cc);
    else if (cc[0] && p->adm1[0])
        snprintf(adm1, sizeof adm1, "%s%s", cc, p->adm1);
    tsv_cstr(w, adm1);
    tsv_empty(w, 1);                /* ADM2 */
    tsv_sep(w);
    if (has_coords(p))
        jw_fmt(w, "%.4f", p->lat);
    tsv_sep(w);
    if (has_coords(p))
        jw_fmt(w, "%.4f", p->lon);
    tsv_sep(w);
    if (p->kind == WARTA_PLACE_CITY && p->geonames_id)
        jw_fmt(w, "%lu", (unsigned long)p->geonames_id);
    else
        jw_cstr(w, adm1);
}

static void write_gdelt(jw *w, const export_report *r, const warta_event *e,
                        unsigned flags)
{
    bool iso3 = flags & WARTA_WRITE_GEO_ISO3;
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
    /* Actor1Geo, Actor2Geo: each side's country centroid; ActionGeo */
    gdelt_geo(w, &e->source.place, iso3);
    gdelt_geo(w, &e->target.place, iso3);
    gdelt_geo(w, &e->place, iso3);
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

/* ---- PLOVER JSON --------------------------------------------------------- */
/* The field names of the PLOVER manual's "Data Fields" chapter (the event
** record, and its actor, text, citation and location objects); what
** PLOVER has no field for stays under "warta". */

/* PLOVER's quad categories of its event types: the manual's table, with
** REQUEST, the CAMEO2PLOVER mapping's name for DEMAND. */
static int plover_quad(const char *type)
{
    static const struct {
        const char *type;
        int quad;
    } quads[] = {
        {"AGREE", 1},     {"CONSULT", 1},  {"SUPPORT", 1},  {"CONCEDE", 1},
        {"COOPERATE", 2}, {"AID", 2},      {"RETREAT", 2},
        {"DEMAND", 3},    {"REQUEST", 3},  {"ACCUSE", 3},   {"REJECT", 3},
        {"SANCTION", 3},  {"THREATEN", 3},
        {"PROTEST", 4},   {"MOBILIZE", 4}, {"COERCE", 4},   {"ASSAULT", 4},
    };
    for (size_t k = 0; type && k < ARRAY_LEN(quads); k++)
        if (strcmp(type, quads[k].type) == 0)
            return quads[k].quad;
    return 0;
}

/* A list of one string, or an empty list when s is empty. */
static void plover_list(jw *w, const char *key, const char *s, size_t n)
{
    jw_key(w, key);
    jw_raw(w, "[", 1);
    if (s && n)
        jw_string(w, s, n);
    jw_raw(w, "]", 1);
}

/* A side as a list of PLOVER actor objects: its top-level code (the
** country, or IGO, ...), the sector the rest of the code names, and its
** words; an empty list when the side is unknown. */
static void plover_actors(jw *w, const char *key, const warta_actor *a)
{
    jw_key(w, key);
    jw_raw(w, "[", 1);
    bool unknown = strncmp(a->code, "---", 3) == 0;
    size_t n = strlen(a->code);
    if ((n && !(unknown && n == 3)) || a->text.n) {
        jw_open(w, '{');
        if (!unknown && n >= 3)
            jw_str_member(w, "code", a->code, 3);
        if (n > 3)
            jw_cstr_member(w, "sector", a->code + 3);
        jw_str_member(w, "actor_text", a->text.p, a->text.n);
        jw_close(w, '}');
    }
    jw_raw(w, "]", 1);
}

/* PLOVER's location object, GeoNames' field names: null when the event
** has no place. */
static void plover_location(jw *w, const warta_place *p)
{
    jw_key(w, "event_loc");
    if (!p->name[0]) {
        jw_raw(w, "null", 4);
        return;
    }
    jw_open(w, '{');
    if (p->geonames_id)
        jw_uint_member(w, "geonameid", p->geonames_id);
    jw_cstr_member(w, "name", p->name);
    if (has_coords(p)) {
        jw_key(w, "latitude");
        jw_fmt(w, "%.5f", p->lat);
        jw_key(w, "longitude");
        jw_fmt(w, "%.5f", p->lon);
    }
    /* GeoNames' feature classes: P a populated place, A a country or
    ** division */
    jw_cstr_member(w, "feature class", p->kind == WARTA_PLACE_CITY ? "P" : "A");
    const char *iso2 = country_iso2(p->country);
    if (iso2[0])
        jw_cstr_member(w, "country code", iso2);
    if (p->country[0])
        jw_cstr_member(w, "cc3", p->country);
    if (p->adm1[0])
        jw_cstr_member(w, "admin1 code", p->adm1);
    jw_close(w, '}');
}

/* warta's own view of one side, under "warta". */
static void plover_warta_actor(jw *w, const char *key, const warta_actor *a)
{
    jw_key(w, key);
    jw_open(w, '{');
    jw_cstr_member(w, "code", a->code);
    jw_cstr_member(w, "country", a->country);
    jw_cstr_member(w, "sector", a->sector);
    jw_uint_member(w, "start", a->start);
    jw_uint_member(w, "end", a->end);
    jw_close(w, '}');
}

static void plover_cite(jw *w, const export_report *r)
{
    jw_key(w, "cite_info");
    jw_open(w, '{');
    const char *const fields[][2] = {
        {"citation", r->doc_id}, {"url", r->url}, {"title", r->title},
        {"publication", r->publication}, {"language", r->lang}};
    for (size_t k = 0; k < ARRAY_LEN(fields); k++)
        if (fields[k][1] && fields[k][1][0])
            jw_cstr_member(w, fields[k][0], fields[k][1]);
    jw_close(w, '}');
}

static void write_plover(jw *w, const export_report *r, const warta_event *e)
{
    jw_open(w, '{');
    char id[24];
    snprintf(id, sizeof id, "%llu", (unsigned long long)r->id);
    jw_cstr_member(w, "id", id);
    int y, m, d;
    jw_key(w, "date");
    if (parse_date(event_date(r, e), &y, &m, &d))
        jw_fmt(w, "\"%04d-%02d-%02d\"", y, m, d);
    else
        jw_raw(w, "null", 4);
    plover_actors(w, "source", &e->source);
    plover_actors(w, "recipient", &e->target);
    const char *type = e->plover_type ? e->plover_type : "";
    plover_list(w, "event", type, strlen(type));
    plover_location(w, &e->place);
    plover_list(w, "event_text", e->verb.p, e->verb.n);
    jw_key(w, "quad_code");
    if (plover_quad(type))
        jw_fmt(w, "%d", plover_quad(type));
    else
        jw_raw(w, "null", 4);
    jw_double_member(w, "event_scale", e->goldstein);
    const char *mode = e->plover_mode ? e->plover_mode : "";
    plover_list(w, "mode", mode, strlen(mode));
    plover_list(w, "context", NULL, 0);
    jw_key(w, "text");
    if (r->text.p)
        jw_string(w, r->text.p, r->text.n);
    else
        jw_raw(w, "null", 4);
    jw_key(w, "text_info");
    jw_open(w, '{');
    jw_uint_member(w, "sequence", e->sentence);
    jw_close(w, '}');
    plover_cite(w, r);
    jw_cstr_member(w, "coder", "warta " WARTA_VERSION);
    jw_key(w, "warta");
    jw_open(w, '{');
    jw_cstr_member(w, "code", e->code);
    jw_cstr_member(w, "root", e->root);
    jw_cstr_member(w, "label", e->label);
    jw_double_member(w, "goldstein", e->goldstein);
    jw_uint_member(w, "quad_class", (size_t)e->quad_class);
    jw_cstr_member(w, "mode", warta_mode_name((warta_mode)e->mode));
    jw_key(w, "historical");
    jw_raw(w, e->historical ? "true" : "false", e->historical ? 4 : 5);
    jw_cstr_member(w, "date", e->date[0] ? e->date : NULL);
    jw_cstr_member(w, "date_precision",
                   warta_date_precision_name(e->date_precision));
    jw_cstr_member(w, "article_date",
                   r->article_date && r->article_date[0] ? r->article_date
                                                         : NULL);
    plover_warta_actor(w, "source", &e->source);
    plover_warta_actor(w, "target", &e->target);
    jw_uint_member(w, "mentions", r->mentions);
    jw_uint_member(w, "sources", r->sources);
    jw_uint_member(w, "articles", r->articles);
    if (r->store_id)
        jw_uint_member(w, "store_id", (size_t)r->store_id);
    jw_close(w, '}');
    jw_close(w, '}');
    jw_raw(w, "\n", 1);
}

/* ---- CSV ---------------------------------------------------------------- */

/* One table for events wherever they come from (`warta code`, a store):
** event_id is GDELT's GLOBALEVENTID, store_id the event's row in a store
** (the id of `warta query`'s other formats; empty for events not read
** from a store). */
static const char *const csv_columns[] = {
    "event_id", "date", "date_precision", "article_date",
    "source_code", "source_country", "source_sector", "source_text",
    "source_start", "source_end",
    "target_code", "target_country", "target_sector", "target_text",
    "target_start", "target_end", "mode", "historical",
    "code", "root", "label", "goldstein", "quad_class",
    "plover_type", "plover_mode",
    "place_name", "place_geonames_id", "place_country", "place_adm1",
    "place_lat", "place_lon", "mentions", "sources", "articles",
    "doc", "url", "sentence", "lang", "text", "store_id",
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

static void csv_place(jw *w, const warta_place *p)
{
    bool place = p->name[0] != '\0';
    csv_cstr(w, place ? p->name : "");
    if (place && p->geonames_id)
        csv_fmt(w, "%lu", (unsigned long)p->geonames_id);
    else
        csv_cstr(w, "");
    csv_cstr(w, place ? p->country : "");
    csv_cstr(w, place ? p->adm1 : "");
    if (place && has_coords(p)) {
        csv_fmt(w, "%.5f", p->lat);
        csv_fmt(w, "%.5f", p->lon);
    } else {
        csv_cstr(w, "");
        csv_cstr(w, "");
    }
}

static void write_csv(jw *w, const export_report *r, const warta_event *e)
{
    w->n_fields = 0;
    csv_fmt(w, "%llu", (unsigned long long)r->id);
    csv_cstr(w, e->date);
    csv_cstr(w, warta_date_precision_name(e->date_precision));
    csv_cstr(w, e->article_date[0] ? e->article_date : r->article_date);
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
    csv_place(w, &e->place);
    csv_fmt(w, "%u", r->mentions);
    csv_fmt(w, "%u", r->sources);
    csv_fmt(w, "%u", r->articles);
    csv_cstr(w, r->doc_id);
    csv_cstr(w, r->url);
    csv_fmt(w, "%zu", e->sentence);
    csv_cstr(w, r->lang);
    csv_text(w, r->text.p ? r->text.p : "", r->text.n);
    if (r->store_id)
        csv_fmt(w, "%lld", (long long)r->store_id);
    else
        csv_cstr(w, "");
    assert(w->n_fields == (int)ARRAY_LEN(csv_columns));
    jw_raw(w, "\n", 1);
}

/* ---- the interface ------------------------------------------------------ */

warta_status export_event(warta_ctx *ctx, const warta_event *e,
                          const export_report *r, warta_format fmt,
                          unsigned flags, warta_buf *out)
{
    jw w = {.ctx = ctx, .b = out, .ok = true};
    switch (fmt) {
    case WARTA_FORMAT_GDELT: write_gdelt(&w, r, e, flags); break;
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
    char place_key[96];
    event_place_key(&e->place, place_key, sizeof place_key);
    export_report r = {
        .doc_id = meta->id, .url = meta->url, .article_date = meta->date,
        .title = meta->title, .publication = meta->source,
        .lang = s ? s->lang : "", .text = s ? s->text : (warta_slice){0},
        .is_root = is_root_sentence(doc, e->sentence),
        .id = export_event_id(e, place_key), .mentions = 1, .sources = 1,
        .articles = 1};
    return export_event(ctx, e, &r, fmt, flags, out);
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
