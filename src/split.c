/*
** split.c -- stage 3: clean paragraphs into sentences.
**
** Reads doc->paras; a sentence ends at '.', '!' or '?' (with any closing
** quotes or brackets after it) when white space and a sentence start
** follow (or a capital glued to the period, "kekuasaan.Sedangkan", as
** scraped pages have it), and at a paragraph's end.  Not at abbreviations
** ("Dr.", "U.S."), decimals ("3.5"), list numbers ("1."), a colon before a quote, or an
** ellipsis inside a quotation.  A caption stays one sentence.
** Hands on: doc->sents.
*/
#include <string.h>

#include "warta_int.h"

static bool is_terminator(char c)
{
    return c == '.' || c == '!' || c == '?';
}

static bool is_closer(char c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']';
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\n';
}

static bool is_ascii_letter(char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* A straight quote opens when it stands before a word and after a space,
** an opening bracket or the start; otherwise it closes. */
static bool quote_opens(const char *s, size_t start, size_t end, size_t i)
{
    bool before_ok = i == start || strchr(" ([:-", s[i - 1]) != NULL;
    bool after_word = i + 1 < end && !is_blank(s[i + 1]);
    return before_ok && after_word;
}

/* The word (letters and inner dots) that ends just before s[i]. */
static size_t word_before(const char *s, size_t start, size_t i)
{
    size_t b = i;
    while (b > start) {
        size_t k = b - 1;
        unsigned char c = (unsigned char)s[k];
        if (c == '.' || c >= 0x80 || is_ascii_letter((char)c))
            b = k;
        else
            break;
    }
    while (b < i && s[b] == '.')
        b++;
    return b;
}

/* The longest run of s[0..n) between its periods. */
static size_t longest_part(const char *s, size_t n)
{
    size_t longest = 0, run = 0;
    for (size_t k = 0; k < n; k++) {
        run = s[k] == '.' ? 0 : run + 1;
        if (run > longest)
            longest = run;
    }
    return longest;
}

/* Is the period at s[i] part of an abbreviation or an initial? */
static bool period_is_abbrev(const char *s, size_t start, size_t i)
{
    size_t b = word_before(s, start, i);
    size_t n = i - b;
    if (n == 0)
        return false;
    if (memchr(s + b, '.', n))          /* an initialism: "U.S.", "S.H.",
                                           "M.Si."; not "detik.com." */
        return longest_part(s + b, n) <= 3;
    if (n == 1 && s[b] >= 'A' && s[b] <= 'Z')   /* an initial: "J. Smith" */
        return true;
    return abbrev_is_known(s + b, n);
}

/* Is the period at s[i] glued to the first word of the next sentence, as
** in pages scraped without their paragraph breaks ("kekuasaan.Sedangkan",
** "Fidrian.Peneliti")?  A word of three letters or more, ending in a
** lower-case one and no abbreviation, before a capital and a lower-case
** letter: not "U.S.", "detik.com", "www.Detik.Com", "Pdt.Sus", "3.5". */
static bool period_glued(const char *s, size_t start, size_t end, size_t i)
{
    if (i == start || i + 2 >= end || s[i + 1] < 'A' || s[i + 1] > 'Z' ||
        s[i + 2] < 'a' || s[i + 2] > 'z' || s[i - 1] < 'a' || s[i - 1] > 'z')
        return false;
    size_t e = i + 1;
    while (e < end && is_ascii_letter(s[e]))
        e++;
    if (e + 1 < end && s[e] == '.' && is_ascii_letter(s[e + 1]))
        return false;                   /* a host name: "www.Detik.Com" */
    size_t b = word_before(s, start, i);
    return i - b >= 3 && !memchr(s + b, '.', i - b) && !abbrev_is_known(s + b, i - b) &&
           (b == start || is_blank(s[b - 1]) || strchr("\"'(", s[b - 1]));
}

/* Is the sentence so far only a list number ("1.", "12.")? */
static bool is_list_number(const char *s, size_t from, size_t i)
{
    size_t digits = 0;
    for (size_t k = from; k < i; k++) {
        if (s[k] < '0' || s[k] > '9')
            return false;
        digits++;
    }
    return digits > 0 && digits <= 3;
}

/* Can a sentence start at s[i]?  Not with a lower-case letter; letters
** of scripts without case, digits, quotes and brackets can. */
static bool can_start_sentence(const char *s, size_t end, size_t i)
{
    size_t len;
    return !utf8_is_lower(utf8_decode(s, end, i, &len));
}

static bool has_word_char(const char *s, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || (c >= '0' && c <= '9') || is_ascii_letter((char)c))
            return true;
    }
    return false;
}

/* hint: the field's, for doc_orig_offset_near (sentences come in order) */
static warta_status add_sentence(warta_ctx *ctx, warta_doc *doc,
                                 const para *p, size_t b, size_t e,
                                 size_t *hint)
{
    const field *f = &doc->fields[p->field];
    while (b < e && is_blank(f->clean[b]))
        b++;
    while (e > b && is_blank(f->clean[e - 1]))
        e--;
    if (!has_word_char(f->clean, b, e))
        return WARTA_OK;
    warta_sentence *st =
        ARENA_PUSH(&doc->arena, doc->sents, doc->n_sents, doc->cap_sents);
    if (!st)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory while splitting");
    memset(st, 0, sizeof *st);
    st->index = doc->n_sents - 1;
    st->kind = p->kind;
    memcpy(st->lang, p->lang, 4);
    st->text = (warta_slice){f->clean + b, e - b};
    st->start = doc_orig_offset_near(doc, p->field, b, hint);
    st->end = doc_orig_offset_near(doc, p->field, e, hint);
    return WARTA_OK;
}

/* Where does the sentence that has a terminator run at s[i..j) end?
** Returns the end offset, or 0 when it does not end here. */
static size_t sentence_end(const char *s, size_t from, size_t end, size_t i,
                           size_t j, bool in_quote)
{
    size_t k = j;
    while (k < end && is_closer(s[k]))
        k++;
    if (k == end)
        return k;
    if (!is_blank(s[k]))                    /* "3.5", "e.g.,", "?!" */
        return j - i == 1 && k == j && period_glued(s, from, end, i) ? k : 0;
    size_t next = k;
    while (next < end && is_blank(s[next]))
        next++;
    if (next == end)
        return k;
    if (!can_start_sentence(s, end, next))
        return 0;
    bool single_period = j - i == 1 && s[i] == '.';
    bool ellipsis = j - i >= 2 && s[i] == '.' && s[j - 1] == '.';
    if (single_period && k == j && period_is_abbrev(s, from, i))
        return 0;
    if (single_period && is_list_number(s, from, i))
        return 0;
    if (ellipsis && in_quote && k == j)     /* a pause inside a quote */
        return 0;
    return k;
}

static warta_status split_para(warta_ctx *ctx, warta_doc *doc, const para *p,
                               size_t *hint)
{
    /* A caption is one unit with its credit; it is not coded as news. */
    if (p->kind == WARTA_KIND_CAPTION)
        return add_sentence(ctx, doc, p, p->start, p->end, hint);
    const char *s = doc->fields[p->field].clean;
    size_t from = p->start, end = p->end;
    bool in_quote = false;
    warta_status rc;
    for (size_t i = p->start; i < end;) {
        /* Skip to the next quote or terminator.  The field's clean text
        ** ends in NUL and paragraphs in '\n', so strcspn stops in time. */
        i += strcspn(s + i, ".!?\"\n");
        if (i >= end)
            break;
        char c = s[i];
        if (c == '"') {
            in_quote = quote_opens(s, p->start, end, i);
            i++;
            continue;
        }
        size_t j = i;
        while (j < end && is_terminator(s[j]))
            j++;
        size_t stop = sentence_end(s, from, end, i, j, in_quote);
        if (stop) {
            /* a closing quote consumed with the terminator */
            if (memchr(s + j, '"', stop - j))
                in_quote = false;
            if ((rc = add_sentence(ctx, doc, p, from, stop, hint)) != WARTA_OK)
                return rc;
            from = stop;
            i = stop;
        } else {
            i = j;
        }
    }
    return add_sentence(ctx, doc, p, from, end, hint);
}

warta_status split_doc(warta_ctx *ctx, warta_doc *doc)
{
    size_t hints[N_FIELDS] = {0};   /* paragraphs come in order per field */
    for (size_t i = 0; i < doc->n_paras; i++) {
        const para *p = &doc->paras[i];
        warta_status rc = split_para(ctx, doc, p, &hints[p->field]);
        if (rc != WARTA_OK)
            return rc;
    }
    return WARTA_OK;
}
