/*
** stem.c -- stage 5: stems and affix classes for Indonesian (and Malay)
** tokens.
**
** Hunspell with Debian's hunspell-id dictionary finds the stem
** ("mengecam" -> "kecam"); the affix class is read off the surface around
** it (meN-, di-, ber-, ...; -kan, -i, -an), and clitics (-nya, -lah, ...)
** are peeled off first when the whole word is unknown ("mitranya" ->
** "mitra" + -nya).  Results are memoised per context.
** Reads sentence->tokens; hands on: token->stem, prefix, suffix, clitic.
*/
#include <hunspell/hunspell.h>
#include <string.h>
#include <unistd.h>

#include "warta_int.h"

typedef struct memo_entry {
    uint64_t hash;              /* 0: empty slot */
    const char *key, *stem;
    uint32_t n_key, n_stem;
    uint8_t prefix, suffix, clitic;
    bool known;                 /* the dictionary knows the whole word */
} memo_entry;

struct stemmer {
    Hunhandle *hun;             /* NULL when the dictionary is missing */
    arena ar;                   /* keys and stems */
    memo_entry *slots;
    size_t n_slots, n_used;
};

/* The memo forgets everything past this many words, bounding memory on
** endless streams of new words (names, typos). */
#define MEMO_MAX_WORDS (1u << 20)
/* Words longer than this are not stemmed. */
#define MAX_WORD 64

static const char *const clitics[] = {"nya", "ku", "mu", "lah", "kah", "pun"};
static const uint8_t clitic_class[] = {WARTA_CLITIC_NYA, WARTA_CLITIC_KU,
                                       WARTA_CLITIC_MU, WARTA_CLITIC_LAH,
                                       WARTA_CLITIC_KAH, WARTA_CLITIC_PUN};

/* Surface prefixes, longest first, and the class each one marks.  meN-
** and peN- change the stem's first sound, hence their many shapes. */
static const struct {
    const char *text;
    uint8_t cls;
} prefixes[] = {
    {"memper", WARTA_PREFIX_MEN}, {"diper", WARTA_PREFIX_DI},
    {"meng", WARTA_PREFIX_MEN},   {"meny", WARTA_PREFIX_MEN},
    {"peng", WARTA_PREFIX_PEN},   {"peny", WARTA_PREFIX_PEN},
    {"mem", WARTA_PREFIX_MEN},    {"men", WARTA_PREFIX_MEN},
    {"pem", WARTA_PREFIX_PEN},    {"pen", WARTA_PREFIX_PEN},
    {"ber", WARTA_PREFIX_BER},    {"bel", WARTA_PREFIX_BER},
    {"ter", WARTA_PREFIX_TER},    {"per", WARTA_PREFIX_PER},
    {"me", WARTA_PREFIX_MEN},     {"di", WARTA_PREFIX_DI},
    {"be", WARTA_PREFIX_BER},     {"te", WARTA_PREFIX_TER},
    {"pe", WARTA_PREFIX_PEN},     {"ke", WARTA_PREFIX_KE},
    {"se", WARTA_PREFIX_SE},
};

static const struct {
    const char *text;
    uint8_t cls;
} suffixes[] = {
    {"kan", WARTA_SUFFIX_KAN}, {"an", WARTA_SUFFIX_AN}, {"i", WARTA_SUFFIX_I},
};

/* ---- opening ------------------------------------------------------------- */

static stemmer *stemmer_get(warta_ctx *ctx)
{
    if (ctx->stemmer)
        return ctx->stemmer;
    stemmer *st = ctx_alloc(ctx, sizeof *st);
    if (!st)
        return NULL;
    memset(st, 0, sizeof *st);
    arena_init(&st->ar, ctx);
    if (access(ctx->hunspell_aff, R_OK) == 0 &&
        access(ctx->hunspell_dic, R_OK) == 0)
        st->hun = Hunspell_create(ctx->hunspell_aff, ctx->hunspell_dic);
    if (!st->hun)
        ctx_log(ctx, WARTA_LOG_WARN,
                "no Indonesian dictionary at %s: stems are the words",
                ctx->hunspell_dic);
    ctx->stemmer = st;
    return st;
}

static void memo_clear(warta_ctx *ctx, stemmer *st)
{
    ctx_free(ctx, st->slots, st->n_slots * sizeof *st->slots);
    st->slots = NULL;
    st->n_slots = st->n_used = 0;
    arena_reset(&st->ar);
}

void stem_close(warta_ctx *ctx)
{
    stemmer *st = ctx->stemmer;
    if (!st)
        return;
    if (st->hun)
        Hunspell_destroy(st->hun);
    memo_clear(ctx, st);
    ctx_free(ctx, st, sizeof *st);
    ctx->stemmer = NULL;
}

/* ---- the memo -------------------------------------------------------------- */

static memo_entry *memo_slot(stemmer *st, const char *key, size_t n,
                             uint64_t h)
{
    size_t mask = st->n_slots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        memo_entry *e = &st->slots[i];
        if (e->hash == 0 || (e->hash == h && e->n_key == n &&
                             memcmp(e->key, key, n) == 0))
            return e;
    }
}

static bool memo_grow(warta_ctx *ctx, stemmer *st)
{
    size_t n = st->n_slots ? st->n_slots * 2 : 4096;
    memo_entry *old = st->slots;
    size_t old_n = st->n_slots;
    memo_entry *slots = ctx_alloc(ctx, n * sizeof *slots);
    if (!slots)
        return false;
    memset(slots, 0, n * sizeof *slots);
    st->slots = slots;
    st->n_slots = n;
    for (size_t i = 0; i < old_n; i++)
        if (old[i].hash)
            *memo_slot(st, old[i].key, old[i].n_key, old[i].hash) = old[i];
    ctx_free(ctx, old, old_n * sizeof *old);
    return true;
}

/* ---- one word --------------------------------------------------------------- */

/* Lower-case a token into Latin-1 (the dictionary's encoding).  False if
** it has a character Latin-1 lacks or is too long. */
static bool to_latin1_lower(const warta_slice *w, char *out, size_t *n_out)
{
    size_t n = 0, len;
    for (size_t i = 0; i < w->n; i += len) {
        int32_t cp = utf8_decode(w->p, w->n, i, &len);
        if (cp >= 'A' && cp <= 'Z')
            cp += 32;
        else if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
            cp += 32;
        if (cp > 0xFF || n + 1 >= MAX_WORD)
            return false;
        out[n++] = (char)cp;
    }
    out[n] = '\0';
    *n_out = n;
    return true;
}

/* The stem of a Latin-1 word, or NULL if the dictionary does not know it.
** Writes into out (MAX_WORD bytes). */
static const char *hunspell_stem(stemmer *st, const char *word, char *out)
{
    if (!st->hun || !Hunspell_spell(st->hun, word))
        return NULL;
    char **list = NULL;
    int n = Hunspell_stem(st->hun, &list, word);
    const char *res = NULL;
    size_t len = n > 0 ? strlen(list[0]) : 0;
    if (len > 0 && len < MAX_WORD) {
        memcpy(out, list[0], len + 1);
        res = out;
    }
    Hunspell_free_list(st->hun, &list, n);
    if (!res) {                 /* known, with no affix */
        memcpy(out, word, strlen(word) + 1);
        res = out;
    }
    return res;
}

static bool ends_with(const char *w, size_t n, const char *tail, size_t k)
{
    return k <= n && memcmp(w + n - k, tail, k) == 0;
}

/* Read the affixes off the surface: word = prefix + stem' + suffix, where
** stem' may have lost its first sound to a nasal (mengecam, menandatangani). */
static void classify(const char *word, size_t n, const char *stem,
                     uint8_t *prefix, uint8_t *suffix)
{
    size_t ns = strlen(stem);
    *prefix = WARTA_PREFIX_NONE;
    *suffix = WARTA_SUFFIX_NONE;
    if (ns == 0 || (n == ns && memcmp(word, stem, n) == 0))
        return;
    const char *tail = stem + 1;            /* stem without its first sound */
    size_t nt = ns - 1;
    size_t body_end = n;
    for (size_t k = 0; k < ARRAY_LEN(suffixes); k++) {
        size_t ls = strlen(suffixes[k].text);
        if (ls < n && ends_with(word, n - ls, tail, nt) &&
            memcmp(word + n - ls, suffixes[k].text, ls) == 0 &&
            !ends_with(stem, ns, suffixes[k].text, ls)) {
            *suffix = suffixes[k].cls;
            body_end = n - ls;
            break;
        }
    }
    if (body_end >= ns && memcmp(word, stem, ns) == 0 && body_end == ns)
        return;                             /* suffix only */
    for (size_t k = 0; k < ARRAY_LEN(prefixes); k++) {
        size_t lp = strlen(prefixes[k].text);
        if (lp < body_end && memcmp(word, prefixes[k].text, lp) == 0 &&
            strncmp(stem, prefixes[k].text, lp) != 0) {
            *prefix = prefixes[k].cls;
            return;
        }
    }
}

/* Stem one lower-case Latin-1 word: the stem goes to stem_out. */
static void analyse(stemmer *st, const char *word, size_t n, char *stem_out,
                    memo_entry *e)
{
    char buf[MAX_WORD];
    uint8_t *prefix = &e->prefix, *suffix = &e->suffix, *clitic = &e->clitic;
    *clitic = WARTA_CLITIC_NONE;
    const char *stem = hunspell_stem(st, word, stem_out);
    e->known = stem != NULL;
    size_t body = n;
    for (size_t k = 0; !stem && k < ARRAY_LEN(clitics); k++) {
        size_t lc = strlen(clitics[k]);
        if (n < lc + 3 || !ends_with(word, n, clitics[k], lc))
            continue;
        memcpy(buf, word, n - lc);
        buf[n - lc] = '\0';
        if ((stem = hunspell_stem(st, buf, stem_out)) != NULL) {
            *clitic = clitic_class[k];
            body = n - lc;
        }
    }
    if (!stem) {
        memcpy(stem_out, word, n + 1);
        *prefix = WARTA_PREFIX_NONE;
        *suffix = WARTA_SUFFIX_NONE;
        return;
    }
    classify(word, body, stem_out, prefix, suffix);
}

/* Latin-1 to UTF-8 into the stemmer's arena. */
static const char *intern_utf8(stemmer *st, const char *s, uint32_t *n_out)
{
    char buf[MAX_WORD * 2];
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        n += utf8_encode(*p, buf + n);
    *n_out = (uint32_t)n;
    return arena_strndup(&st->ar, buf, n);
}

static const memo_entry *stem_word(warta_ctx *ctx, stemmer *st,
                                   const warta_slice *w)
{
    char lower[MAX_WORD];
    size_t n;
    if (!to_latin1_lower(w, lower, &n))
        return NULL;
    uint64_t h = hash_bytes(lower, n);
    if ((st->n_used + 1) * 2 > st->n_slots && !memo_grow(ctx, st))
        return NULL;
    memo_entry *e = memo_slot(st, lower, n, h);
    if (e->hash)
        return e;
    char stem[MAX_WORD];
    memo_entry fresh = {.hash = h, .n_key = (uint32_t)n};
    analyse(st, lower, n, stem, &fresh);
    fresh.key = arena_strndup(&st->ar, lower, n);
    fresh.stem = intern_utf8(st, stem, &fresh.n_stem);
    if (!fresh.key || !fresh.stem)
        return NULL;
    *e = fresh;
    st->n_used++;
    return e;
}

bool stem_is_known(warta_ctx *ctx, const char *s, size_t n)
{
    stemmer *st = stemmer_get(ctx);
    warta_slice w = {s, n};
    const memo_entry *e = st ? stem_word(ctx, st, &w) : NULL;
    return e && e->known;
}

static bool stems_language(const char *lang)
{
    return strcmp(lang, "id") == 0 || strcmp(lang, "ms") == 0;
}

static bool has_letter(const warta_slice *w)
{
    size_t len;
    for (size_t i = 0; i < w->n; i += len)
        if (utf8_is_letter(utf8_decode(w->p, w->n, i, &len)))
            return true;
    return false;
}

warta_status stem_doc(warta_ctx *ctx, warta_doc *doc)
{
    stemmer *st = ctx->stemmer;
    if (st && st->n_used >= MEMO_MAX_WORDS)
        memo_clear(ctx, st);        /* tokens hold copies, not the memo's */
    for (size_t i = 0; i < doc->n_sents; i++) {
        warta_sentence *sen = &doc->sents[i];
        if (!stems_language(sen->lang))
            continue;
        if (!st && !(st = stemmer_get(ctx)))
            return ctx_error(ctx, WARTA_ENOMEM, "out of memory in stems");
        warta_token *toks = (warta_token *)sen->tokens;
        for (size_t t = 0; t < sen->n_tokens; t++) {
            if (!has_letter(&toks[t].text))
                continue;
            const memo_entry *e = stem_word(ctx, st, &toks[t].text);
            if (!e)
                continue;           /* not Latin-1, or too long */
            char *stem = arena_strndup(&doc->arena, e->stem, e->n_stem);
            if (!stem)
                return ctx_error(ctx, WARTA_ENOMEM, "out of memory in stems");
            toks[t].stem = (warta_slice){stem, e->n_stem};
            toks[t].prefix = e->prefix;
            toks[t].suffix = e->suffix;
            toks[t].clitic = e->clitic;
        }
    }
    return WARTA_OK;
}
