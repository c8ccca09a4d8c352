/*
** match.c -- stage "match": which dictionary phrases a sentence holds.
**
** Reads a sentence's tokens (their folded form, and the stem for
** Indonesian) and the dictionary trie; finds at every token the longest
** phrase of each kind (actors and agents together, verbs, grammar words,
** discards, issues).  Hands on: a list of mentions for code.c.
*/
#include <string.h>

#include "warta_int.h"

/* Phrase kinds looked for separately: a verb and an actor may share
** words, and each should be found. */
static const uint32_t kind_groups[] = {
    1u << ENTRY_ACTOR | 1u << ENTRY_AGENT,
    1u << ENTRY_VERB,
    1u << ENTRY_GRAMMAR,
    1u << ENTRY_DISCARD,
    1u << ENTRY_ISSUE,
};

/* ---- the keys of a word, memoised per context --------------------------- */

/* Finding the stems a word begins with costs a lookup per stem length;
** words repeat, so the answer is kept per context, for one dictionary. */
typedef struct memo_slot {
    uint64_t hash;                  /* 0: empty */
    const char *fold;
    uint32_t n_fold;
    uint32_t word;
    uint32_t prefixes[6];
    uint8_t n_prefixes;
} memo_slot;

struct key_memo {
    uint64_t dict_serial;           /* whose word numbers these are: not its
                                       address, which a new dictionary may
                                       take once it is freed */
    size_t dict_words;              /* its size then: a load invalidates */
    arena ar;
    memo_slot *slots;
    size_t n_slots, n_used;
};

#define MEMO_MAX (1u << 18)

void match_close(warta_ctx *ctx)
{
    key_memo *km = ctx->keys;
    if (!km)
        return;
    ctx_free(ctx, km->slots, km->n_slots * sizeof *km->slots);
    arena_reset(&km->ar);
    ctx_free(ctx, km, sizeof *km);
    ctx->keys = NULL;
}

/* The memo for dict, emptied when it was for another dictionary or too
** full; NULL on no memory (then nothing is memoised). */
static key_memo *memo_for(warta_ctx *ctx, const warta_dict *d)
{
    key_memo *km = ctx->keys;
    if (km && (km->dict_serial != d->serial || km->dict_words != d->n_words ||
               km->n_used >= MEMO_MAX))
        match_close(ctx), km = NULL;
    if (km)
        return km;
    if (!(km = ctx_alloc(ctx, sizeof *km)))
        return NULL;
    memset(km, 0, sizeof *km);
    arena_init(&km->ar, ctx);
    km->n_slots = 4096;
    km->slots = ctx_alloc(ctx, km->n_slots * sizeof *km->slots);
    if (!km->slots) {
        ctx_free(ctx, km, sizeof *km);
        return NULL;
    }
    memset(km->slots, 0, km->n_slots * sizeof *km->slots);
    km->dict_serial = d->serial;
    km->dict_words = d->n_words;
    ctx->keys = km;
    return km;
}

static bool memo_grow(warta_ctx *ctx, key_memo *km)
{
    size_t n = km->n_slots * 2;
    memo_slot *fresh = ctx_alloc(ctx, n * sizeof *fresh);
    if (!fresh)
        return false;
    memset(fresh, 0, n * sizeof *fresh);
    for (size_t i = 0; i < km->n_slots; i++) {
        const memo_slot *e = &km->slots[i];
        if (!e->hash)
            continue;
        size_t j = e->hash & (n - 1);
        while (fresh[j].hash)
            j = (j + 1) & (n - 1);
        fresh[j] = *e;
    }
    ctx_free(ctx, km->slots, km->n_slots * sizeof *km->slots);
    km->slots = fresh;
    km->n_slots = n;
    return true;
}

static void lookup_keys(const warta_dict *d, const char *folded, size_t n,
                        token_keys *k)
{
    k->word = dict_word_find(d, folded, n);
    /* Stems it begins with, longest first (the whole word counts). */
    for (size_t len = n < 63 ? n : 63; len > 0 && k->n_prefixes < 6; len--) {
        if (!(d->stem_lengths >> len & 1))
            continue;
        uint32_t id = dict_word_find(d, folded, len);
        if (id != NO_INDEX)
            k->prefixes[k->n_prefixes++] = id;
    }
}

static void keys_for(warta_ctx *ctx, const warta_dict *d, arena *ar,
                     const warta_token *t, token_keys *k)
{
    char folded[256];
    size_t n = dict_fold(t->text.p, t->text.n, folded, sizeof folded);
    memset(k, 0, sizeof *k);
    k->word = k->stem = NO_INDEX;
    if (n == 0)
        return;
    k->fold = arena_strndup(ar, folded, n);
    k->n_fold = k->fold ? (uint32_t)n : 0;
    if (t->stem.n && (t->stem.n != n || memcmp(t->stem.p, folded, n) != 0)) {
        k->stem = dict_word_find(d, t->stem.p, t->stem.n);
        /* "mengabulkan" is no "Kabul": a prefix cut makes another word */
        k->stem_ends = t->stem.n < n && memcmp(t->stem.p, folded, t->stem.n) == 0;
    }
    key_memo *km = memo_for(ctx, d);
    if (!km) {
        lookup_keys(d, folded, n, k);
        return;
    }
    uint64_t h = hash_bytes(folded, n);
    size_t mask = km->n_slots - 1, i = h & mask;
    for (;; i = (i + 1) & mask) {
        memo_slot *e = &km->slots[i];
        if (e->hash == 0)
            break;
        if (e->hash == h && e->n_fold == n && memcmp(e->fold, folded, n) == 0) {
            k->word = e->word;
            memcpy(k->prefixes, e->prefixes, sizeof k->prefixes);
            k->n_prefixes = e->n_prefixes;
            return;
        }
    }
    lookup_keys(d, folded, n, k);
    if ((km->n_used + 1) * 2 > km->n_slots) {
        if (!memo_grow(ctx, km))
            return;
        for (i = h & (km->n_slots - 1); km->slots[i].hash;
             i = (i + 1) & (km->n_slots - 1))
            ;
    }
    const char *copy = arena_strndup(&km->ar, folded, n);
    if (!copy)
        return;
    memo_slot *e = &km->slots[i];
    e->hash = h;
    e->fold = copy;
    e->n_fold = (uint32_t)n;
    e->word = k->word;
    memcpy(e->prefixes, k->prefixes, sizeof e->prefixes);
    e->n_prefixes = k->n_prefixes;
    km->n_used++;
}

bool match_word(const sentence_match *m, uint32_t i, word_key key)
{
    const token_keys *k = &m->keys[i];
    uint32_t id = key >> 1;
    if (!(key & KEY_STEM))
        return k->word == id || k->stem == id;
    for (size_t j = 0; j < k->n_prefixes; j++)
        if (k->prefixes[j] == id)
            return true;
    return k->stem == id;
}

static uint32_t mix32(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    return x;
}

static void present_add(sentence_match *m, uint32_t word)
{
    if (word == NO_INDEX)
        return;
    for (uint32_t i = mix32(word) & m->present_mask;; i = (i + 1) & m->present_mask) {
        if (m->present[i] == word + 1)
            return;
        if (m->present[i] == 0) {
            m->present[i] = word + 1;
            return;
        }
    }
}

bool match_present(const sentence_match *m, uint32_t word)
{
    for (uint32_t i = mix32(word) & m->present_mask;; i = (i + 1) & m->present_mask) {
        if (m->present[i] == word + 1)
            return true;
        if (m->present[i] == 0)
            return false;
    }
}

/* The set of word numbers in the sentence: at most 8 per token, kept at
** most half full. */
static bool build_present(arena *ar, sentence_match *m, uint32_t n)
{
    uint32_t cap = 64;
    while (cap < n * 16 + 16)
        cap *= 2;
    m->present = arena_alloc(ar, cap * sizeof *m->present);
    if (!m->present)
        return false;
    memset(m->present, 0, cap * sizeof *m->present);
    m->present_mask = cap - 1;
    for (uint32_t i = 0; i < n; i++) {
        const token_keys *k = &m->keys[i];
        present_add(m, k->word);
        present_add(m, k->stem);
        for (size_t j = 0; j < k->n_prefixes; j++)
            present_add(m, k->prefixes[j]);
    }
    return true;
}

/* Is the token written with a capital first letter? */
static bool capitalized(const warta_token *t)
{
    size_t len;
    return t->text.n && utf8_is_upper(utf8_decode(t->text.p, t->text.n, 0, &len));
}

/* Is the token written in capitals, with no small letter ("US")? */
static bool in_capitals(const warta_token *t)
{
    size_t len;
    for (size_t i = 0; i < t->text.n; i += len)
        if (utf8_is_lower(utf8_decode(t->text.p, t->text.n, i, &len)))
            return false;
    return capitalized(t);
}

/* May an entry written so start at token i?  A capitalised-only entry
** ("=BARAT_") must be written with a capital, and not right after another
** capitalised word (but the sentence's first): then it ends that word's
** name ("Denpasar Barat", "Libya Barat"), it is not "the West".  An entry
** in capitals ("==US_") must be written in capitals. */
static bool written_so(const sentence_match *m, uint32_t i, entry_case written)
{
    const warta_token *t = m->s->tokens;
    switch (written) {
    case CASE_CAPITAL:
        return capitalized(&t[i]) && (i < 2 || !capitalized(&t[i - 1]));
    case CASE_UPPER:
        return in_capitals(&t[i]);
    default:
        return true;
    }
}

/* Does an entry of a pack in language `entry` apply to a sentence in
** `sentence`?  Entries of no pack apply everywhere, as do all entries to a
** sentence of unknown language; the Indonesian pack serves Malay too. */
static bool lang_fits(uint16_t pack, uint16_t sentence)
{
    return pack == 0 || sentence == 0 || pack == sentence ||
           (pack == lang_key("id") && sentence == lang_key("ms"));
}

/* The first entry (in file order) of an allowed kind at a node, for a
** phrase starting at token `start`. */
static uint32_t entry_at(const warta_dict *d, const sentence_match *m,
                         uint32_t node, uint32_t kinds, uint32_t start)
{
    uint32_t found = NO_INDEX;
    for (uint32_t e = d->node_entry[node]; e != NO_INDEX; e = d->entries[e].next) {
        const entry *en = &d->entries[e];
        if ((kinds >> en->kind & 1) && lang_fits(en->lang, m->lang) &&
            written_so(m, start, (entry_case)en->written))
            found = e;              /* the chain runs newest first */
    }
    return found;
}

#define MAX_GAP 8           /* words a TABARI phrase's blank may skip */

typedef struct best {
    uint32_t end, entry, node;
} best;

/* Walk the trie from node over tokens i.. and keep, for each kind group,
** the longest phrase that ends in an entry of that group: one walk finds
** them all.  Entries of the kinds in `barred` (a bit per kind) may not end
** the phrase: those a stem made the path for. */
static void walk(const warta_dict *d, const sentence_match *m, uint32_t node,
                 uint32_t start, uint32_t i, best *b, int depth, uint32_t barred)
{
    for (size_t g = 0; g < ARRAY_LEN(kind_groups) && node != 0; g++) {
        uint32_t e = entry_at(d, m, node, kind_groups[g] & ~barred, start);
        if (e != NO_INDEX && (b[g].entry == NO_INDEX || i > b[g].end)) {
            b[g].end = i;
            b[g].entry = e;
            b[g].node = node;
        }
    }
    if (i >= m->s->n_tokens || depth > 64)
        return;
    const token_keys *k = &m->keys[i];
    word_key keys[9];
    size_t n = 0;
    int by_stem = -1;               /* the key that is the word's stem */
    if (k->word != NO_INDEX)
        keys[n++] = k->word * 2;
    if (k->stem != NO_INDEX) {
        by_stem = (int)n;
        keys[n++] = k->stem * 2;
    }
    for (size_t j = 0; j < k->n_prefixes; j++)
        keys[n++] = k->prefixes[j] * 2 + KEY_STEM;
    if (k->stem != NO_INDEX)
        keys[n++] = k->stem * 2 + KEY_STEM;
    /* a name is matched on its words, or on a word with an ending cut
    ** ("Malaysianya"); a word its prefix made ("mengabulkan", whose stem
    ** is "kabul") names no actor; and one "se-" made is a word of its own
    ** to the grammar ("sebelumnya", before, is no "belum", not yet) */
    uint32_t by_prefix = 0;
    if (by_stem >= 0 && !k->stem_ends)
        by_prefix |= 1u << ENTRY_ACTOR | 1u << ENTRY_AGENT;
    if (by_stem >= 0 && m->s->tokens[i].prefix == WARTA_PREFIX_SE)
        by_prefix |= 1u << ENTRY_GRAMMAR;
    for (size_t j = 0; j < n; j++) {
        uint32_t child = dict_child(d, node, keys[j]);
        if (child != NO_INDEX)
            walk(d, m, child, start, i + 1, b, depth + 1,
                 barred | ((int)j == by_stem ? by_prefix : 0));
    }
    /* TABARI's blank inside a phrase: up to MAX_GAP words may come next,
    ** not a comma (its matchLex stops there) */
    uint32_t gap = d->gap_word == NO_INDEX ? NO_INDEX
                                           : dict_child(d, node, d->gap_word * 2);
    for (uint32_t at = i; gap != NO_INDEX && at < m->s->n_tokens &&
                          at <= i + MAX_GAP; at++) {
        walk(d, m, gap, start, at, b, depth + 1, barred);
        const warta_token *t = &m->s->tokens[at];
        if (t->text.n == 1 && t->text.p[0] == ',')
            break;
    }
}

/* Can any phrase start at token i?  Not if no key of it leaves the root. */
static bool node_empty_for(const warta_dict *d, const sentence_match *m,
                           uint32_t i)
{
    const token_keys *k = &m->keys[i];
    return k->word == NO_INDEX && k->stem == NO_INDEX && k->n_prefixes == 0 &&
           d->n_words > 0;
}

/* Mentions in token order; at one token the kinds keep the order of
** kind_groups (the walk found them together). */
static void sort_mentions(sentence_match *m)
{
    for (size_t i = 1; i < m->n_found; i++)
        for (size_t j = i; j > 0 && m->found[j - 1].first > m->found[j].first; j--) {
            mention t = m->found[j];
            m->found[j] = m->found[j - 1];
            m->found[j - 1] = t;
        }
}

warta_status match_sentence(warta_ctx *ctx, arena *ar, const warta_dict *d,
                            const warta_sentence *s, sentence_match *out)
{
    memset(out, 0, sizeof *out);
    out->s = s;
    out->lang = lang_key(s->lang);
    uint32_t n = (uint32_t)s->n_tokens;
    out->keys = arena_alloc(ar, (n + 1) * sizeof *out->keys);
    if (!out->keys)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory in matching");
    for (uint32_t i = 0; i < n; i++)
        keys_for(ctx, d, ar, &s->tokens[i], &out->keys[i]);
    if (d->n_synsets) {
        out->synset_seen = arena_alloc(ar, d->n_synsets);
        if (!out->synset_seen)
            return ctx_error(ctx, WARTA_ENOMEM, "out of memory in matching");
        memset(out->synset_seen, 0, d->n_synsets);
    }
    if (!build_present(ar, out, n))
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory in matching");
    size_t cap = 0;
    uint32_t covered[ARRAY_LEN(kind_groups)] = {0};
    for (uint32_t i = 0; i < n; i++) {
        if (node_empty_for(d, out, i))
            continue;
        best b[ARRAY_LEN(kind_groups)];
        for (size_t g = 0; g < ARRAY_LEN(kind_groups); g++)
            b[g] = (best){0, NO_INDEX, 0};
        walk(d, out, 0, i, i, b, 0, 0);
        /* a phrase does not start inside an earlier one of its group */
        for (size_t g = 0; g < ARRAY_LEN(kind_groups); g++) {
            if (b[g].entry == NO_INDEX || b[g].end <= i || i < covered[g])
                continue;
            const entry *e = &d->entries[b[g].entry];
            mention *mm = ARENA_PUSH(ar, out->found, out->n_found, cap);
            if (!mm)
                return ctx_error(ctx, WARTA_ENOMEM, "out of memory in matching");
            *mm = (mention){i, b[g].end, e->kind, e->block, e->where};
            covered[g] = b[g].end;
            /* a grammar word may have several roles ("di": of, locative) */
            for (uint32_t x = d->node_entry[b[g].node]; x != NO_INDEX &&
                                                        e->kind == ENTRY_GRAMMAR;
                 x = d->entries[x].next) {
                const entry *o = &d->entries[x];
                if (x == b[g].entry || o->kind != ENTRY_GRAMMAR ||
                    !lang_fits(o->lang, out->lang))
                    continue;
                if (!(mm = ARENA_PUSH(ar, out->found, out->n_found, cap)))
                    return ctx_error(ctx, WARTA_ENOMEM, "out of memory in matching");
                *mm = (mention){i, b[g].end, o->kind, o->block, o->where};
            }
        }
    }
    sort_mentions(out);
    return WARTA_OK;
}

/* A synset matches at i when one of its phrases does. */
/* Where a synset phrase's word pe ends when it may start at token j, or
** NO_INDEX; with gap (TABARI's blank) up to MAX_GAP words may come
** first, not a comma (manual §5.6: a synset's connectors are those of
** patterns). */
static uint32_t synset_word(const sentence_match *m, const pat_elem *pe,
                            uint32_t j, bool gap)
{
    for (uint32_t at = j; at < m->s->n_tokens && at <= j + (gap ? MAX_GAP : 0);
         at++) {
        if (match_word(m, at, pe->value))
            return at + 1;
        const warta_token *t = &m->s->tokens[at];
        if (t->text.n == 1 && t->text.p[0] == ',')
            break;
    }
    return NO_INDEX;
}

uint32_t match_synset(const warta_dict *d, const sentence_match *m,
                      uint32_t which, uint32_t i)
{
    const synset *sy = &d->synsets[which];
    uint32_t best_end = NO_INDEX;
    for (uint32_t k = 0; k < sy->n_phrases; k++) {
        const pattern *p = &d->patterns[d->synset_phrases[sy->first_phrase + k]];
        const pat_elem *first = &d->elems[p->first_elem];
        if (p->n_elems && first->kind == PAT_WORD &&
            !match_word(m, i, first->value))
            continue;
        uint32_t j = i;
        bool ok = true;
        for (uint32_t e = 0; e < p->n_elems && ok; e++) {
            const pat_elem *pe = &d->elems[p->first_elem + e];
            if (j >= m->s->n_tokens) {
                ok = false;
            } else if (pe->kind == PAT_WORD) {
                j = synset_word(m, pe, j, e > 0 && !pe->joined && sy->tabari);
                ok = j != NO_INDEX;
            } else if (pe->kind == PAT_SYNSET && pe->value != which) {
                uint32_t end = match_synset(d, m, pe->value, j);
                ok = end != NO_INDEX;
                j = end;
            } else {
                ok = false;
            }
        }
        if (ok && (best_end == NO_INDEX || j > best_end))
            best_end = j;
    }
    return best_end;
}

bool match_synset_possible(const warta_dict *d, const sentence_match *m,
                           uint32_t which)
{
    if (m->synset_seen[which])
        return m->synset_seen[which] > 0;
    const synset *sy = &d->synsets[which];
    bool may = false;
    for (uint32_t k = 0; k < sy->n_phrases && !may; k++) {
        const pattern *p = &d->patterns[d->synset_phrases[sy->first_phrase + k]];
        const pat_elem *first = &d->elems[p->first_elem];
        may = p->n_elems == 0 || first->kind != PAT_WORD ||
              match_present(m, first->value >> 1);
    }
    m->synset_seen[which] = may ? 1 : -1;
    return may;
}
