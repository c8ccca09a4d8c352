/*
** clean.c -- stage 1: from an article's original text to clean paragraphs.
**
** Reads the fields' original text; drops web-page noise lines (ad slots,
** comment counters, credit and share lines), marks photo captions, folds
** typographic characters to plain ones (quotes, dashes, spaces), applies
** NFC where needed and records anchors so every clean offset maps back to
** the original.  Hands on: doc->fields[*].clean and doc->paras.
*/
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "warta_int.h"

/* ---- the noise and caption vocabulary ---------------------------------- */

typedef enum {
    NOISE_EXACT,    /* the whole line is this phrase (":" allowed after) */
    NOISE_COUNTER,  /* the phrase and a count: "Komentar (0)", "Comments 12" */
    NOISE_PREFIX,   /* a short line starting with the phrase */
} noise_form;

typedef struct noise_rule {
    noise_form form;
    const char *phrase;         /* lower case */
} noise_rule;

static const noise_rule noise_rules[] = {
    /* credit and source lines */
    {NOISE_EXACT, "sumber"}, {NOISE_EXACT, "source"}, {NOISE_EXACT, "sources"},
    {NOISE_PREFIX, "sumber:"}, {NOISE_PREFIX, "source:"},
    {NOISE_PREFIX, "editor:"}, {NOISE_PREFIX, "penulis:"},
    {NOISE_PREFIX, "reporter:"}, {NOISE_PREFIX, "pewarta:"},
    {NOISE_PREFIX, "penyunting:"}, {NOISE_PREFIX, "foto:"},
    {NOISE_PREFIX, "photo:"},
    /* comment and share counters */
    {NOISE_COUNTER, "komentar"}, {NOISE_COUNTER, "comments"},
    {NOISE_COUNTER, "comment"}, {NOISE_COUNTER, "tanggapan"},
    {NOISE_COUNTER, "shares"}, {NOISE_COUNTER, "share"},
    /* share, follow and navigation lines */
    {NOISE_EXACT, "share"}, {NOISE_EXACT, "bagikan"}, {NOISE_EXACT, "tweet"},
    {NOISE_EXACT, "share this article"}, {NOISE_EXACT, "bagikan artikel ini"},
    {NOISE_EXACT, "copy link"}, {NOISE_EXACT, "salin tautan"},
    {NOISE_EXACT, "advertisement"}, {NOISE_EXACT, "iklan"},
    {NOISE_EXACT, "scroll to continue with content"},
    {NOISE_EXACT, "berita terkait"}, {NOISE_EXACT, "related"},
    {NOISE_PREFIX, "share on "}, {NOISE_PREFIX, "follow us"},
    {NOISE_PREFIX, "ikuti kami"}, {NOISE_PREFIX, "ikuti berita"},
    {NOISE_PREFIX, "baca juga"}, {NOISE_PREFIX, "baca selengkapnya"},
    {NOISE_PREFIX, "read more"}, {NOISE_PREFIX, "read also"},
    {NOISE_PREFIX, "see also:"}, {NOISE_PREFIX, "simak juga"},
    {NOISE_PREFIX, "lihat juga"}, {NOISE_PREFIX, "saksikan live"},
    {NOISE_PREFIX, "tonton juga"}, {NOISE_PREFIX, "saksikan juga"},
};

/* Words that name an ad slot: "[iklan_2]", "[ads_1]", "[ad_2]". */
static const char *const ad_words[] = {"iklan", "ads", "ad", "advert",
                                       "advertisement", "banner"};

/* What a photo credit in parentheses starts with, before ':' or '/'. */
static const char *const credit_words[] = {
    "sumber", "source", "foto", "photo", "photograph", "gambar", "image",
    "picture", "ilustrasi", "illustration", "dok", "dokumentasi", "credit",
    "kredit", "ap photo", "antara foto", "afp photo", "reuters", "getty",
    "istimewa", "file photo"};

/* A noise PREFIX rule applies only to lines this short: a long line that
** starts "Sumber:" is more likely prose than a credit. */
#define SHORT_LINE 160

/* ---- small string helpers ------------------------------------------------ */

static bool is_hspace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Does s[0..n) start with the lower-case word w, case-insensitively? */
static bool starts_with_ci(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return k <= n && strncasecmp(s, w, k) == 0;
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    while (i < n && is_hspace((unsigned char)s[i]))
        i++;
    return i;
}

size_t clean_line_end(const char *s, size_t n, size_t i)
{
    const char *nl = memchr(s + i, '\n', n - i);
    return nl ? (size_t)(nl - s) : n;
}

/* Trim ASCII white space and U+00A0 (no-break space) from both ends. */
static void trim(const char *s, size_t *b, size_t *e)
{
    for (;;) {
        if (*b < *e && is_hspace((unsigned char)s[*b]))
            (*b)++;
        else if (*e - *b >= 2 && (unsigned char)s[*b] == 0xC2 &&
                 (unsigned char)s[*b + 1] == 0xA0)
            *b += 2;
        else
            break;
    }
    for (;;) {
        if (*e > *b && is_hspace((unsigned char)s[*e - 1]))
            (*e)--;
        else if (*e - *b >= 2 && (unsigned char)s[*e - 2] == 0xC2 &&
                 (unsigned char)s[*e - 1] == 0xA0)
            *e -= 2;
        else
            break;
    }
}

/* ---- recognising noise ----------------------------------------------------- */

/* Length of an ad placeholder at s[0..n) ("[iklan_2]"), or 0. */
static size_t ad_placeholder_len(const char *s, size_t n)
{
    if (n < 3 || s[0] != '[')
        return 0;
    const char *close = memchr(s, ']', n < 40 ? n : 40);
    if (!close)
        return 0;
    size_t len = (size_t)(close - s) + 1;
    size_t w = 1;
    while (w < len - 1 && isalpha((unsigned char)s[w]))
        w++;
    for (size_t k = 0; k < ARRAY_LEN(ad_words); k++) {
        size_t wl = strlen(ad_words[k]);
        if (wl != w - 1 || strncasecmp(s + 1, ad_words[k], wl) != 0)
            continue;
        size_t i = w;
        if (i < len - 1 && (s[i] == '_' || s[i] == '-' || s[i] == ' '))
            i++;
        while (i < len - 1 && isdigit((unsigned char)s[i]))
            i++;
        if (i == len - 1)
            return len;
    }
    return 0;
}

static bool only_ad_placeholders(const char *s, size_t n)
{
    size_t i = 0, len;
    if (n == 0)
        return false;
    while (i < n) {
        if (!(len = ad_placeholder_len(s + i, n - i)))
            return false;
        i = skip_spaces(s, n, i + len);
    }
    return true;
}

/* After a counter phrase: " (12)", "(0)", " 12", or nothing. */
static bool is_count(const char *s, size_t n)
{
    size_t i = skip_spaces(s, n, 0);
    bool paren = i < n && s[i] == '(';
    if (paren)
        i++;
    size_t digits = i;
    while (i < n && isdigit((unsigned char)s[i]))
        i++;
    if (i == digits)
        return false;
    if (paren && (i >= n || s[i++] != ')'))
        return false;
    return skip_spaces(s, n, i) == n;
}

static bool is_noise_line(const char *s, size_t n)
{
    if (only_ad_placeholders(s, n))
        return true;
    for (size_t k = 0; k < ARRAY_LEN(noise_rules); k++) {
        const noise_rule *r = &noise_rules[k];
        size_t pl = strlen(r->phrase);
        if (!starts_with_ci(s, n, r->phrase))
            continue;
        switch (r->form) {
        case NOISE_EXACT: {
            size_t i = skip_spaces(s, n, pl);
            if (i < n && s[i] == ':')
                i++;
            if (skip_spaces(s, n, i) == n)
                return true;
            break;
        }
        case NOISE_COUNTER:
            if (is_count(s + pl, n - pl))
                return true;
            break;
        case NOISE_PREFIX:
            if (n <= SHORT_LINE)
                return true;
            break;
        }
    }
    return false;
}

/* ---- recognising captions ----------------------------------------------- */

/* Does the line end in a credit in parentheses: "(Sumber: ...)",
** "(Photo: Reuters)", "(ANTARA FOTO/...)"? */
static bool ends_in_credit(const char *s, size_t n)
{
    if (n < 3 || s[n - 1] != ')')
        return false;
    size_t open = n - 1, depth = 0;
    while (open > 0) {
        open--;
        if (s[open] == ')')
            depth++;
        else if (s[open] == '(' && depth-- == 0)
            break;
    }
    if (s[open] != '(')
        return false;
    size_t i = skip_spaces(s, n, open + 1);
    for (size_t k = 0; k < ARRAY_LEN(credit_words); k++) {
        size_t wl = strlen(credit_words[k]);
        if (!starts_with_ci(s + i, n - i, credit_words[k]))
            continue;
        size_t j = skip_spaces(s, n, i + wl);
        if (j < n && (s[j] == ':' || s[j] == '/' || s[j] == '.'))
            return true;
        if (j == n - 1)  /* a bare credit: "(Reuters)" */
            return true;
    }
    return false;
}

/* ---- writing clean text ---------------------------------------------------- */

typedef struct writer {
    arena *ar;
    field *f;
    bool ok;                /* false after an allocation failed */
    bool last_space;        /* collapse runs of spaces */
    bool needs_nfc;         /* a code point here may change under NFC */
} writer;

static void add_anchor(writer *w, size_t orig)
{
    field *f = w->f;
    if (f->n_anchors && f->anchors[f->n_anchors - 1].clean == f->n_clean) {
        f->anchors[f->n_anchors - 1].orig = orig;
        return;
    }
    anchor *a = ARENA_PUSH(w->ar, f->anchors, f->n_anchors, f->cap_anchors);
    if (!a) {
        w->ok = false;
        return;
    }
    a->clean = f->n_clean;
    a->orig = orig;
}

static void put_bytes(writer *w, const char *s, size_t n)
{
    field *f = w->f;
    if (!w->ok)
        return;
    if (f->n_clean + n + 1 > f->cap_clean) {
        size_t cap = f->cap_clean ? f->cap_clean : 256;
        while (cap < f->n_clean + n + 1)
            cap *= 2;
        char *p = arena_grow(w->ar, f->clean, f->cap_clean, cap);
        if (!p) {
            w->ok = false;
            return;
        }
        f->clean = p;
        f->cap_clean = cap;
    }
    memcpy(f->clean + f->n_clean, s, n);
    f->n_clean += n;
    f->clean[f->n_clean] = '\0';
    if (n)
        w->last_space = s[n - 1] == ' ' || s[n - 1] == '\n';
}

/* The plain form of a typographic code point, or NULL to keep it.  An
** empty string drops the character. */
static const char *fold(int32_t cp)
{
    switch (cp) {
    case 0x00A0: case 0x2007: case 0x202F: case 0x205F: case 0x3000:
    case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004:
    case 0x2005: case 0x2006: case 0x2008: case 0x2009: case 0x200A:
    case 0x2028: case 0x2029: case 0x0085:
        return " ";
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
    case 0xFEFF:
        return "";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB:
    case 0x00BB: case 0x2033:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
        return "-";
    case 0x2014: case 0x2015:
        return "--";
    case 0x2026:
        return "...";
    }
    return NULL;
}

/* May this code point change when the text is put in NFC? */
static bool may_change_under_nfc(int32_t cp)
{
    if (cp < 0x300)
        return false;
    if ((cp >= 0x1100 && cp < 0x1200) || (cp >= 0xAC00 && cp <= 0xD7A3))
        return true;   /* Hangul composes algorithmically */
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    return p->combining_class != 0 || p->comb_index != UINT16_MAX ||
           (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0);
}

/* Copy s[b..e) of the original into clean text, folding as we go. */
static void put_text(writer *w, const char *s, size_t b, size_t e)
{
    size_t run = b;         /* start of bytes copied unchanged */
    size_t i = b;
    while (i < e && w->ok) {
        unsigned char c = (unsigned char)s[i];
        if (c > 0x20 && c < 0x80 && c != '[') {
            i++;                    /* the common case: plain ASCII */
            continue;
        }
        if (c == ' ' && !(i > run ? s[i - 1] == ' ' : w->last_space)) {
            i++;                    /* a single space */
            continue;
        }
        put_bytes(w, s + run, i - run);
        size_t len;
        int32_t cp = utf8_decode(s, e, i, &len);
        size_t adl;
        const char *plain = NULL;
        if (c == '[' && (adl = ad_placeholder_len(s + i, e - i)) > 0) {
            len = adl;              /* an ad slot inside a line */
            plain = "";
        } else if (cp < 0x20 || cp == 0x7F || utf8_is_space(cp)) {
            plain = w->last_space ? "" : " ";
        } else if ((plain = fold(cp)) == NULL) {
            if (may_change_under_nfc(cp))
                w->needs_nfc = true;
            put_bytes(w, s + i, len);
        }
        if (plain) {
            if (*plain == ' ' && w->last_space)
                plain = "";
            add_anchor(w, i);
            put_bytes(w, plain, strlen(plain));
            add_anchor(w, i + len);
        }
        i += len;
        run = i;
    }
    put_bytes(w, s + run, i - run);
}

/* Put the clean text from `start` on into NFC; the anchors inside it are
** replaced by one at each end, so offsets there map to the line's ends. */
static void normalise_nfc(writer *w, size_t start, size_t orig_end)
{
    field *f = w->f;
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)f->clean +
                                          start,
                                      (utf8proc_ssize_t)(f->n_clean - start),
                                      &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0) {                /* cannot happen on valid text; keep as is */
        return;
    }
    while (f->n_anchors && f->anchors[f->n_anchors - 1].clean > start)
        f->n_anchors--;
    f->n_clean = start;
    put_bytes(w, (const char *)nfc, (size_t)n);
    free(nfc);              /* utf8proc allocates with malloc */
    add_anchor(w, orig_end);
}

/* ---- paragraphs ------------------------------------------------------------ */

static bool ends_sentence(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
        n--;
    return n > 0 && strchr(".!?:;", s[n - 1]) != NULL;
}

static bool starts_lower(const char *s, size_t n)
{
    size_t len;
    return n > 0 && !utf8_is_upper(utf8_decode(s, n, 0, &len)) &&
           utf8_is_letter(utf8_decode(s, n, 0, &len));
}

static para *new_para(warta_doc *doc, writer *w, int fld, warta_kind kind)
{
    para *p = ARENA_PUSH(&doc->arena, doc->paras, doc->n_paras,
                         doc->cap_paras);
    if (!p) {
        w->ok = false;
        return NULL;
    }
    p->field = fld;
    p->kind = kind;
    p->start = p->end = w->f->n_clean;
    memcpy(p->lang, "un", 3);
    return p;
}

/* Write one kept line [b, e) of the original as (part of) a paragraph. */
static void put_line(warta_doc *doc, writer *w, int fld, warta_kind kind,
                     const char *s, size_t b, size_t e, bool joins)
{
    para *p;
    if (joins) {
        /* the line break becomes a space, mapped to where it stood */
        p = &doc->paras[doc->n_paras - 1];
        put_bytes(w, " ", 1);
    } else {
        if (w->f->n_clean > 0)
            put_bytes(w, "\n", 1);
        if (!(p = new_para(doc, w, fld, kind)))
            return;
    }
    size_t start = w->f->n_clean;
    add_anchor(w, b);
    w->last_space = true;       /* drop leading spaces */
    w->needs_nfc = false;
    put_text(w, s, b, e);
    if (w->needs_nfc && w->ok)
        normalise_nfc(w, start, e);
    /* trailing space left by folding */
    field *f = w->f;
    while (f->n_clean > start && f->clean[f->n_clean - 1] == ' ')
        f->n_clean--;
    while (f->n_anchors && f->anchors[f->n_anchors - 1].clean > f->n_clean)
        f->n_anchors--;
    if (f->clean)
        f->clean[f->n_clean] = '\0';
    add_anchor(w, e);
    doc->paras[doc->n_paras - 1].end = w->f->n_clean;
}

/* Strip a caption's "| ... |" frame. */
static bool unframe(const char *s, size_t *b, size_t *e)
{
    if (*e - *b >= 2 && s[*b] == '|' && s[*e - 1] == '|') {
        (*b)++;
        (*e)--;
        trim(s, b, e);
        return true;
    }
    return false;
}

static void clean_body(warta_doc *doc, writer *w)
{
    field *f = &doc->fields[FIELD_TEXT];
    const char *s = f->orig.p;
    size_t n = f->orig.n;
    bool prev_open = false;         /* may the next line continue it? */
    for (size_t i = 0; i < n && w->ok;) {
        size_t eol = clean_line_end(s, n, i);
        size_t b = i, e = eol;
        i = eol + 1;
        trim(s, &b, &e);
        if (b == e || is_noise_line(s + b, e - b)) {
            prev_open = false;
            continue;
        }
        warta_kind kind = WARTA_KIND_BODY;
        if (unframe(s, &b, &e) || ends_in_credit(s + b, e - b))
            kind = WARTA_KIND_CAPTION;
        if (b == e)
            continue;
        /* A hard-wrapped line: the last one did not end a sentence and
        ** this one goes on in lower case. */
        bool joins = prev_open && kind == WARTA_KIND_BODY &&
                     doc->paras[doc->n_paras - 1].kind == WARTA_KIND_BODY &&
                     starts_lower(s + b, e - b);
        put_line(doc, w, FIELD_TEXT, kind, s, b, e, joins);
        prev_open = kind == WARTA_KIND_BODY && !ends_sentence(s + b, e - b);
    }
}

warta_status clean_doc(warta_ctx *ctx, warta_doc *doc)
{
    writer w = {.ar = &doc->arena, .ok = true};
    field *title = &doc->fields[FIELD_TITLE];
    if (title->orig.n) {
        size_t b = 0, e = title->orig.n;
        trim(title->orig.p, &b, &e);
        w.f = title;
        if (b < e)
            put_line(doc, &w, FIELD_TITLE, WARTA_KIND_TITLE, title->orig.p,
                     b, e, false);
    }
    w.f = &doc->fields[FIELD_TEXT];
    w.last_space = false;
    /* Clean text is rarely longer than the original: one allocation. */
    if (w.f->orig.n) {
        w.f->clean = arena_alloc(&doc->arena, w.f->orig.n + 64);
        w.ok = w.f->clean != NULL;
        w.f->cap_clean = w.ok ? w.f->orig.n + 64 : 0;
    }
    clean_body(doc, &w);
    if (!w.ok)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory while cleaning");
    return WARTA_OK;
}
