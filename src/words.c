/*
** words.c -- a sentence's words as the tagger and the parser see them.
**
** First the words themselves: warta's tokens cut as the language's UD
** treebanks cut them ("don't" -> do + n't, "mitranya" -> mitra + nya,
** "well-known" -> well + - + known), by the rules of the language pack's
** words.tsv.  Then, for each word, the hashes of its form, lower-cased
** form, shape, prefixes and suffixes, computed once per word.
*/
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "syntax.h"

/* Shape: X for upper-case, x lower-case, d digit, other characters as
** they are; runs of one class count once ("Jakarta" -> "Xx", "3.5" ->
** "d.d", "U.S." -> "X.X."). */
static uint64_t shape_hash(const char *s, size_t n)
{
    char out[64];
    size_t o = 0, len;
    for (size_t i = 0; i < n && o < sizeof out; i += len) {
        int32_t cp = utf8_decode(s, n, i, &len);
        char c = utf8_is_digit(cp)   ? 'd'
                 : utf8_is_upper(cp) ? 'X'
                 : utf8_is_letter(cp) ? 'x'
                 : cp < 0x80         ? (char)cp
                                     : '*';
        if (o == 0 || out[o - 1] != c)
            out[o++] = c;
    }
    return hash_bytes(out, o);
}

/* Byte offset of the k-th code point from the start (or n). */
static size_t cp_offset(const char *s, size_t n, size_t k)
{
    size_t i = 0, len;
    for (; i < n && k; k--, i += len)
        utf8_decode(s, n, i, &len);
    return i;
}

/* Byte offset of the k-th code point from the end (or 0). */
static size_t cp_offset_back(const char *s, size_t n, size_t k)
{
    size_t i = n;
    while (i > 0 && k) {
        i--;
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k--;
    }
    return i;
}

void syn_word_prepare(syn_word *w)
{
    char low[256];
    size_t n = dict_fold(w->form, w->n_form, low, sizeof low);
    const char *s = n ? low : w->form;
    if (!n)
        n = w->n_form;
    w->lower = hash_bytes(s, n);
    w->shape = shape_hash(w->form, w->n_form);
    for (size_t k = 0; k < ARRAY_LEN(w->prefix); k++)
        w->prefix[k] = hash_bytes(s, cp_offset(s, n, k + 1));
    for (size_t k = 0; k < ARRAY_LEN(w->suffix); k++) {
        size_t from = cp_offset_back(s, n, k + 1);
        w->suffix[k] = hash_bytes(s + from, n - from);
    }
}

void syn_word_init(syn_word *w, const char *form, size_t n)
{
    memset(w, 0, sizeof *w);
    w->form = form;
    w->n_form = (uint32_t)n;
    syn_word_prepare(w);
}

/* ---- warta's tokens as UD words ------------------------------------------ */

typedef enum {
    WR_SPLIT, WR_SUFFIX, WR_HYPHENS, WR_KEEP_HYPHEN, WR_CLITIC, WR_PROCLITIC,
    WR_WHOLE, WR_WHOLE_PREFIX, WR_BEFORE_NUMBER, WR_JOIN, WR_TAG
} word_rule_kind;

typedef struct word_rule {
    const char *lang;
    uint8_t kind;
    const char *form, *words;
} word_rule;

#include "words_table.h"

/* The rules of one language, by kind; the forms of split, whole,
** keep-hyphen and tag rules are looked up in a hash table. */
#define MAX_RULE_LANGS 8
#define MAX_AFFIXES 16
typedef struct lang_rules {
    char lang[4];
    bool split_hyphens, join_punctuation, join_address;
    const word_rule *suffix[MAX_AFFIXES], *clitic[MAX_AFFIXES],
        *proclitic[MAX_AFFIXES], *whole_prefix[MAX_AFFIXES],
        *before_number[MAX_AFFIXES];
    size_t n_suffix, n_clitic, n_proclitic, n_whole_prefix, n_before_number;
} lang_rules;

#define RULE_SLOTS 1024             /* over twice the rules: short probes */
static struct {
    lang_rules langs[MAX_RULE_LANGS];
    size_t n_langs;
    uint16_t slot[RULE_SLOTS];      /* rule index + 1; 0: empty */
} rules;
static pthread_once_t rules_once = PTHREAD_ONCE_INIT;

_Static_assert(ARRAY_LEN(word_rules) * 2 <= RULE_SLOTS, "more rule slots");

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Rule forms are lower-case ASCII; a token matches one in any case. */
static bool same_ci(const char *s, size_t n, const char *form)
{
    size_t i = 0;
    for (; i < n && form[i]; i++)
        if (ascii_lower(s[i]) != form[i])
            return false;
    return i == n && !form[i];
}

static bool ends_ci(const char *s, size_t n, const char *form)
{
    size_t k = strlen(form);
    return k <= n && same_ci(s + n - k, k, form);
}

/* FNV-1a over the language, the kind and the form in lower case: every
** word a sentence is cut into is looked up, so no formatting here. */
static uint64_t rule_hash(const lang_rules *l, int kind, const char *s,
                          size_t n)
{
    uint64_t h = HASH_START;
    for (const char *p = l->lang; *p; p++)
        h = hash_step(h, (unsigned char)*p);
    h = hash_step(h, (unsigned char)(' ' + kind));
    for (size_t i = 0; i < n; i++)
        h = hash_step(h, (unsigned char)ascii_lower(s[i]));
    return h;
}

static const word_rule *find_rule(const lang_rules *l, int kind,
                                  const char *s, size_t n)
{
    for (size_t i = rule_hash(l, kind, s, n) % RULE_SLOTS; rules.slot[i];
         i = (i + 1) % RULE_SLOTS) {
        const word_rule *r = &word_rules[rules.slot[i] - 1];
        if (r->kind == kind && same_ci(s, n, r->form) &&
            strcmp(r->lang, l->lang) == 0)
            return r;
    }
    return NULL;
}

static lang_rules *rules_of(const char *lang)
{
    for (size_t i = 0; i < rules.n_langs; i++)
        if (strcmp(rules.langs[i].lang, lang) == 0)
            return &rules.langs[i];
    return NULL;
}

static void add_affix(const word_rule **list, size_t *n, const word_rule *r)
{
    if (*n < MAX_AFFIXES)
        list[(*n)++] = r;
}

static void index_rules(void)
{
    for (size_t i = 0; i < ARRAY_LEN(word_rules); i++) {
        const word_rule *r = &word_rules[i];
        lang_rules *l = rules_of(r->lang);
        if (!l && rules.n_langs < MAX_RULE_LANGS) {
            l = &rules.langs[rules.n_langs++];
            snprintf(l->lang, sizeof l->lang, "%s", r->lang);
        }
        if (!l)
            continue;
        switch ((word_rule_kind)r->kind) {
        case WR_SUFFIX: add_affix(l->suffix, &l->n_suffix, r); break;
        case WR_CLITIC: add_affix(l->clitic, &l->n_clitic, r); break;
        case WR_PROCLITIC: add_affix(l->proclitic, &l->n_proclitic, r); break;
        case WR_WHOLE_PREFIX:
            add_affix(l->whole_prefix, &l->n_whole_prefix, r);
            break;
        case WR_BEFORE_NUMBER:
            add_affix(l->before_number, &l->n_before_number, r);
            break;
        case WR_HYPHENS: l->split_hyphens = strcmp(r->form, "split") == 0; break;
        case WR_JOIN:
            if (strcmp(r->form, "punctuation") == 0)
                l->join_punctuation = true;
            else
                l->join_address = true;
            break;
        case WR_SPLIT:
        case WR_WHOLE:
        case WR_KEEP_HYPHEN:
        case WR_TAG: {
            size_t k = rule_hash(l, r->kind, r->form, strlen(r->form)) % RULE_SLOTS;
            while (rules.slot[k])
                k = (k + 1) % RULE_SLOTS;
            rules.slot[k] = (uint16_t)(i + 1);
            break;
        }
        }
    }
}

/* Cutting one sentence. */
typedef struct cutter {
    warta_ctx *ctx;
    word_cuts *out;
    const lang_rules *l;
    const warta_token *t;           /* the token being cut */
    uint32_t token;
    bool failed;
} cutter;

static void put(cutter *c, size_t off, size_t len, bool joined)
{
    word_cuts *o = c->out;
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 256;
        word_cut *p = ctx_realloc(c->ctx, o->items, o->cap * sizeof *p,
                                  cap * sizeof *p);
        if (!p) {
            c->failed = true;
            return;
        }
        o->items = p;
        o->cap = cap;
    }
    o->items[o->n++] = (word_cut){c->token, 1, (uint32_t)off, (uint32_t)len,
                                  joined};
}

static bool is_ascii_letter(char ch)
{
    return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
}

static bool is_ascii_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

/* "713-853-3989", "345-9945": digit groups ending in three and four
** digits, which EWT keeps as one word. */
static bool is_phone_number(const char *s, size_t n)
{
    size_t groups = 0, last = 0, before = 0, len = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && is_ascii_digit(s[i])) {
            len++;
        } else if ((i == n || s[i] == '-') && len) {
            before = last;
            last = len;
            len = 0;
            groups++;
        } else {
            return false;
        }
    }
    return groups >= 2 && last == 4 && before == 3;
}

/* Does the hyphen at s[h] (inside a word) start a word of its own? */
static bool hyphen_splits(const cutter *c, const char *s, size_t n,
                          size_t from, size_t h, bool phone)
{
    if (h == 0 || h + 1 >= n)
        return false;
    if (is_ascii_digit(s[h - 1]) && is_ascii_digit(s[h + 1]))
        return !phone;              /* "1990-1995", not a telephone number */
    if (!c->l->split_hyphens)
        return false;
    /* "non-profit", "e-mail": a prefix that keeps its hyphen */
    return !(from == 0 && find_rule(c->l, WR_KEEP_HYPHEN, s, h));
}

/* The body of a token, between its proclitic and its enclitic: hyphens
** that start words of their own cut it further. */
static void put_body(cutter *c, size_t b0, size_t b1, bool joined)
{
    const char *s = c->t->text.p;
    size_t n = c->t->text.n, from = b0;
    bool phone = is_phone_number(s, n);
    for (size_t h = b0; h < b1; h++) {
        if (s[h] != '-' || !hyphen_splits(c, s, n, from, h, phone))
            continue;
        if (h > from)
            put(c, from, h - from, joined);
        put(c, h, 1, false);
        from = h + 1;
        joined = false;
    }
    if (b1 > from)
        put(c, from, b1 - from, joined);
}

/* Does an enclitic end the token (-nya, -lah), making a word of its own?
** Of a reduplication ("sekolah-sekolah", "anak-anakmu") only the last
** part counts. */
static size_t enclitic_len(const cutter *c, const char *s, size_t n)
{
    const lang_rules *l = c->l;
    size_t dash = n;
    while (dash > 0 && s[dash - 1] != '-')
        dash--;
    if (dash > 0) {
        s += dash;
        n -= dash;
        if (find_rule(l, WR_WHOLE, s, n))
            return 0;
    }
    for (size_t k = 0; k < l->n_clitic; k++) {
        const word_rule *r = l->clitic[k];
        size_t lc = strlen(r->form), body = n - lc;
        if (!ends_ci(s, n, r->form) || n < lc + 3 || !is_ascii_letter(s[body - 1]))
            continue;
        /* "sebelumnya": se- ... -nya is an adverb, one word */
        const char *prefix = warta_prefix_name((warta_prefix)c->t->prefix);
        for (size_t p = 0; p < l->n_whole_prefix; p++) {
            size_t lp = strlen(l->whole_prefix[p]->form);
            if (strncmp(prefix, l->whole_prefix[p]->form, lp) == 0 &&
                prefix[lp] == '-')
                return 0;
        }
        if (strcmp(r->words, "any") == 0 || stem_is_known(c->ctx, s, body))
            return lc;
        return 0;
    }
    return 0;
}

/* An English contraction ending the token ("I'm", "we've"). */
static size_t suffix_len(const cutter *c, const char *s, size_t n)
{
    for (size_t k = 0; k < c->l->n_suffix; k++) {
        size_t ls = strlen(c->l->suffix[k]->form);
        if (n > ls && ends_ci(s, n, c->l->suffix[k]->form) &&
            is_ascii_letter(s[n - ls - 1]))
            return ls;
    }
    return 0;
}

/* A proclitic starting the token ("kuambil" -> ku + ambil), when the rest
** is a known word and the whole is not. */
static size_t proclitic_len(const cutter *c, const char *s, size_t n)
{
    for (size_t k = 0; k < c->l->n_proclitic; k++) {
        const char *f = c->l->proclitic[k]->form;
        size_t lp = strlen(f);
        if (n >= lp + 3 && same_ci(s, lp, f) && is_ascii_letter(s[lp]) &&
            !stem_is_known(c->ctx, s, n) && stem_is_known(c->ctx, s + lp, n - lp))
            return lp;
    }
    return 0;
}

/* A unit written against its number ("Rp300" -> Rp 300): a word of its
** own, in a UD token of its own. */
static size_t unit_len(const cutter *c, const char *s, size_t n)
{
    for (size_t k = 0; k < c->l->n_before_number; k++) {
        const char *f = c->l->before_number[k]->form;
        size_t lu = strlen(f);
        if (n > lu && same_ci(s, lu, f) && is_ascii_digit(s[lu]))
            return lu;
    }
    return 0;
}

/* Is the token a suffix of the one before it ("n't" after "did")? */
static bool continues_previous(const cutter *c, const warta_token *prev)
{
    if (!prev || prev->text.p + prev->text.n != c->t->text.p)
        return false;
    for (size_t k = 0; k < c->l->n_suffix; k++)
        if (same_ci(c->t->text.p, c->t->text.n, c->l->suffix[k]->form))
            return true;
    return false;
}

static void cut_token(cutter *c, const warta_token *prev)
{
    const char *s = c->t->text.p;
    size_t n = c->t->text.n;
    const word_rule *r;
    if (!c->l || find_rule(c->l, WR_WHOLE, s, n)) {
        put(c, 0, n, false);
    } else if ((r = find_rule(c->l, WR_SPLIT, s, n))) {
        /* "can not" spells "cannot", one UD token; ". . ." are three */
        bool letters = is_ascii_letter(r->form[0]);
        size_t off = 0;
        for (const char *w = r->words; *w;) {
            size_t len = strcspn(w, " ");
            put(c, off, len, off > 0 && letters);
            off += len;
            w += len + (w[len] == ' ');
        }
    } else if (continues_previous(c, prev)) {
        put(c, 0, n, true);
    } else {
        size_t unit = unit_len(c, s, n);
        size_t head = unit ? unit : proclitic_len(c, s, n);
        size_t tail = suffix_len(c, s, n);
        if (!tail)
            tail = enclitic_len(c, s, n);
        if (head + tail >= n)
            head = tail = 0;
        if (head)
            put(c, 0, head, false);
        put_body(c, head, n - tail, head > 0 && !unit);
        if (tail)
            put(c, n - tail, tail, true);
    }
}

/* ---- tokens that are one word ---------------------------------------------- */

/* Tokens i..j-1 written together: each starts where the one before ends
** (or after underscores, which the tokeniser reads as spaces). */
static size_t together(const warta_sentence *s, size_t i)
{
    size_t j = i + 1;
    for (; j < s->n_tokens; j++) {
        const char *end = s->tokens[j - 1].text.p + s->tokens[j - 1].text.n;
        while (end < s->tokens[j].text.p && *end == '_')
            end++;
        if (end != s->tokens[j].text.p)
            break;
    }
    return j;
}

static bool only_chars(warta_slice t, const char *set)
{
    for (size_t i = 0; i < t.n; i++)
        if (!strchr(set, t.p[i]) || t.p[i] == '\0')
            return false;
    return t.n > 0;
}

/* A web or e-mail address starting at token i, cut by the tokeniser at
** its dots, slashes and @: how many tokens it spans (0: none).  Closing
** punctuation written against it stays out. */
static size_t address_len(const warta_sentence *s, size_t i, size_t j)
{
    const warta_token *t = s->tokens;
    const char *p = t[i].text.p;
    size_t n = (size_t)(t[j - 1].text.p + t[j - 1].text.n - p);
    if (!is_ascii_letter(p[0]) && !is_ascii_digit(p[0]))
        return 0;
    bool web = (n > 7 && (memcmp(p, "http://", 7) == 0 ||
                          (n > 8 && memcmp(p, "https://", 8) == 0))) ||
               (n > 4 && same_ci(p, 4, "www."));
    const char *at = memchr(p, '@', n);
    bool mail = at && at > p && memchr(at, '.', n - (size_t)(at - p)) &&
                is_ascii_letter(at[-1]) && at + 1 < p + n && is_ascii_letter(at[1]);
    if (!web && !mail)
        return 0;
    while (j > i + 1 && only_chars(t[j - 1].text, ".,;:!?)\"'"))
        j--;
    return j - i;
}

/* How many tokens from i make one word (1: the token alone). */
static size_t join_len(const cutter *c, const warta_sentence *s, size_t i)
{
    if (!c->l || (!c->l->join_punctuation && !c->l->join_address))
        return 1;
    size_t j = together(s, i), k;
    if (j == i + 1)
        return 1;
    if (c->l->join_address && (k = address_len(s, i, j)) > 1)
        return k;
    if (c->l->join_punctuation && only_chars(s->tokens[i].text, ".!?*")) {
        k = i + 1;
        while (k < j && only_chars(s->tokens[k].text, ".!?*"))
            k++;
        return k - i;
    }
    return 1;
}

const char *words_pack_tag(const char *lang, const char *s, size_t n)
{
    pthread_once(&rules_once, index_rules);
    const lang_rules *l = rules_of(lang);
    const word_rule *r = l ? find_rule(l, WR_TAG, s, n) : NULL;
    return r ? r->words : NULL;
}

warta_status words_cut(warta_ctx *ctx, const warta_sentence *s,
                       const char *lang, word_cuts *out)
{
    pthread_once(&rules_once, index_rules);
    cutter c = {.ctx = ctx, .out = out, .l = rules_of(lang)};
    for (size_t i = 0; i < s->n_tokens && !c.failed;) {
        size_t k = join_len(&c, s, i);
        c.t = &s->tokens[i];
        c.token = (uint32_t)i;
        if (k > 1) {
            const warta_token *last = &s->tokens[i + k - 1];
            put(&c, 0, (size_t)(last->text.p + last->text.n - c.t->text.p), false);
            if (!c.failed)
                out->items[out->n - 1].n_tokens = (uint32_t)k;
        } else {
            cut_token(&c, i ? &s->tokens[i - 1] : NULL);
        }
        i += k;
    }
    return c.failed ? ctx_error(ctx, WARTA_ENOMEM, "out of memory in words")
                    : WARTA_OK;
}
