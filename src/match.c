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

static void keys_for(const warta_dict *d, arena *ar, const warta_token *t,
                     token_keys *k)
{
    char folded[256];
    size_t n = dict_fold(t->text.p, t->text.n, folded, sizeof folded);
    memset(k, 0, sizeof *k);
    k->word = k->stem = NO_INDEX;
    if (n == 0)
        return;
    k->fold = arena_strndup(ar, folded, n);
    k->n_fold = k->fold ? (uint32_t)n : 0;
    k->word = dict_word_find(d, folded, n);
    if (t->stem.n && (t->stem.n != n || memcmp(t->stem.p, folded, n) != 0))
        k->stem = dict_word_find(d, t->stem.p, t->stem.n);
    /* Stems it begins with, longest first (the whole word counts). */
    for (size_t len = n < 63 ? n : 63; len > 0 && k->n_prefixes < 6; len--) {
        if (!(d->stem_lengths >> len & 1))
            continue;
        uint32_t id = dict_word_find(d, folded, len);
        if (id != NO_INDEX)
            k->prefixes[k->n_prefixes++] = id;
    }
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

/* The first entry (in file order) of an allowed kind at a node. */
static uint32_t entry_at(const warta_dict *d, uint32_t node, uint32_t kinds)
{
    uint32_t found = NO_INDEX;
    for (uint32_t e = d->node_entry[node]; e != NO_INDEX; e = d->entries[e].next)
        if (kinds >> d->entries[e].kind & 1)
            found = e;              /* the chain runs newest first */
    return found;
}

typedef struct best {
    uint32_t end, entry;
} best;

/* Walk the trie from node over tokens i.. and keep the longest phrase
** that ends in an entry of an allowed kind. */
static void walk(const warta_dict *d, const sentence_match *m, uint32_t node,
                 uint32_t i, uint32_t kinds, best *b, int depth)
{
    uint32_t e = entry_at(d, node, kinds);
    if (e != NO_INDEX && (b->entry == NO_INDEX || i > b->end)) {
        b->end = i;
        b->entry = e;
    }
    if (i >= m->s->n_tokens || depth > 64)
        return;
    const token_keys *k = &m->keys[i];
    word_key keys[9];
    size_t n = 0;
    if (k->word != NO_INDEX)
        keys[n++] = k->word * 2;
    if (k->stem != NO_INDEX)
        keys[n++] = k->stem * 2;
    for (size_t j = 0; j < k->n_prefixes; j++)
        keys[n++] = k->prefixes[j] * 2 + KEY_STEM;
    if (k->stem != NO_INDEX)
        keys[n++] = k->stem * 2 + KEY_STEM;
    for (size_t j = 0; j < n; j++) {
        uint32_t child = dict_child(d, node, keys[j]);
        if (child != NO_INDEX)
            walk(d, m, child, i + 1, kinds, b, depth + 1);
    }
}

warta_status match_sentence(warta_ctx *ctx, warta_doc *doc,
                            const warta_dict *d, const warta_sentence *s,
                            sentence_match *out)
{
    arena *ar = &doc->arena;
    memset(out, 0, sizeof *out);
    out->s = s;
    uint32_t n = (uint32_t)s->n_tokens;
    out->keys = arena_alloc(ar, (n + 1) * sizeof *out->keys);
    if (!out->keys)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory in matching");
    for (uint32_t i = 0; i < n; i++)
        keys_for(d, ar, &s->tokens[i], &out->keys[i]);
    size_t cap = 0;
    for (size_t g = 0; g < ARRAY_LEN(kind_groups); g++) {
        uint32_t covered = 0;       /* a phrase does not start inside one */
        for (uint32_t i = 0; i < n; i++) {
            best b = {0, NO_INDEX};
            walk(d, out, 0, i, kind_groups[g], &b, 0);
            if (b.entry == NO_INDEX || b.end <= i || i < covered)
                continue;
            const entry *e = &d->entries[b.entry];
            mention *mm = ARENA_PUSH(ar, out->found, out->n_found, cap);
            if (!mm)
                return ctx_error(ctx, WARTA_ENOMEM, "out of memory in matching");
            *mm = (mention){i, b.end, e->kind, e->block, e->where};
            if (b.end > covered)
                covered = b.end;
        }
    }
    return WARTA_OK;
}

/* A synset matches at i when one of its phrases does. */
uint32_t match_synset(const warta_dict *d, const sentence_match *m,
                      uint32_t which, uint32_t i)
{
    const synset *sy = &d->synsets[which];
    uint32_t best_end = NO_INDEX;
    for (uint32_t k = 0; k < sy->n_phrases; k++) {
        const pattern *p = &d->patterns[d->synset_phrases[sy->first_phrase + k]];
        uint32_t j = i;
        bool ok = true;
        for (uint32_t e = 0; e < p->n_elems && ok; e++) {
            const pat_elem *pe = &d->elems[p->first_elem + e];
            if (j >= m->s->n_tokens) {
                ok = false;
            } else if (pe->kind == PAT_WORD) {
                ok = match_word(m, j, pe->value);
                j++;
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
