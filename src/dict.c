/*
** dict.c -- dictionaries in memory: the vocabulary of folded words, one
** trie of phrases over it, and the blocks each kind of entry points to
** (actor codes with dates, agents, verbs and their patterns, synsets,
** discards, issues).  Filled by dict_load.c; read by match.c.
*/
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "warta_int.h"

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return x;
}

/* ---- life ----------------------------------------------------------------- */

/* The serial number of the last dictionary made, by any thread. */
static atomic_uint_fast64_t last_serial;

#define FREE_ARRAY(d, arr) \
    ctx_free((d)->ctx, (d)->arr, (d)->cap_##arr * sizeof *(d)->arr)

warta_status warta_dict_new(warta_ctx *ctx, warta_dict **out)
{
    if (!ctx || !out)
        return WARTA_EINVAL;
    *out = NULL;
    warta_dict *d = ctx_alloc(ctx, sizeof *d);
    if (!d)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory");
    memset(d, 0, sizeof *d);
    d->ctx = ctx;
    d->serial = (uint64_t)atomic_fetch_add(&last_serial, 1) + 1;
    arena_init(&d->ar, ctx);
    /* node 0 is the root */
    if (DICT_PUSH(d, node_entry) == NO_INDEX) {
        warta_dict_free(d);
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory");
    }
    d->node_entry[0] = NO_INDEX;
    d->gap_word = NO_INDEX;
    *out = d;
    return WARTA_OK;
}

void warta_dict_free(warta_dict *d)
{
    if (!d)
        return;
    warta_ctx *ctx = d->ctx;
    ctx_free(ctx, d->words, d->cap_words * sizeof *d->words);
    ctx_free(ctx, d->edges, d->cap_edges * sizeof *d->edges);
    FREE_ARRAY(d, word_text);
    FREE_ARRAY(d, node_entry);
    FREE_ARRAY(d, entries);
    FREE_ARRAY(d, actors);
    FREE_ARRAY(d, codes);
    FREE_ARRAY(d, agents);
    FREE_ARRAY(d, verbs);
    FREE_ARRAY(d, patterns);
    FREE_ARRAY(d, elems);
    FREE_ARRAY(d, discards);
    FREE_ARRAY(d, issues);
    FREE_ARRAY(d, outlets);
    FREE_ARRAY(d, peoples);
    FREE_ARRAY(d, synsets);
    FREE_ARRAY(d, synset_phrases);
    FREE_ARRAY(d, files);
    arena_reset(&d->ar);
    ctx_free(ctx, d, sizeof *d);
}

/* The growing arrays live outside the arena: realloc can often grow a
** large block in place, where the arena would copy it. */
uint32_t dict_push(warta_dict *d, void **items, size_t *n, size_t *cap,
                   size_t size)
{
    if (*n >= UINT32_MAX - 1)
        return NO_INDEX;
    if (*n == *cap) {
        size_t new_cap = *cap ? *cap * 2 : 256;
        void *p = ctx_realloc(d->ctx, *items, *cap * size, new_cap * size);
        if (!p)
            return NO_INDEX;
        *items = p;
        *cap = new_cap;
    }
    memset((char *)*items + *n * size, 0, size);
    return (uint32_t)(*n)++;
}



src_pos dict_where(warta_dict *d, const char *file, size_t line)
{
    /* the file being read is nearly always the last one numbered */
    uint32_t f = (uint32_t)d->n_files;
    if (!d->n_files || strcmp(d->files[d->n_files - 1], file) != 0) {
        char *copy = arena_strndup(&d->ar, file, strlen(file));
        if (!copy || (f = DICT_PUSH(d, files)) == NO_INDEX)
            return 0;
        d->files[f] = copy;
    } else {
        f = (uint32_t)d->n_files - 1;
    }
    return (src_pos)(f + 1) << 32 | (uint32_t)line;
}

bool dict_code_usable(const char *code)
{
    if (!code[0])
        return false;
    for (const char *c = code; *c; c++)
        if (!((*c >= '0' && *c <= '9') || (*c >= 'A' && *c <= 'Z') ||
              (*c >= 'a' && *c <= 'z')))
            return false;
    return true;
}

const char *dict_where_text(const warta_dict *d, src_pos pos, char *buf,
                            size_t n)
{
    uint32_t f = (uint32_t)(pos >> 32);
    if (f == 0 || f > d->n_files)
        snprintf(buf, n, "?");
    else
        snprintf(buf, n, "%s:%u", d->files[f - 1], (unsigned)(pos & 0xffffffffu));
    return buf;
}

/* ---- words ------------------------------------------------------------------ */

size_t dict_fold(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0, len;
    for (size_t i = 0; i < n; i += len) {
        int32_t cp = utf8_decode(s, n, i, &len);
        if (cp == 0x131)
            cp = 'i';       /* Turkish dotless i: "Yıldırım" is YILDIRIM */
        if (cp < 0x80) {
            if (o + 1 >= cap)
                return 0;
            out[o++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
            continue;
        }
        char buf[4];
        size_t k = utf8_encode(utf8proc_tolower(cp), buf);
        if (o + k >= cap)
            return 0;
        memcpy(out + o, buf, k);
        o += k;
    }
    out[o] = '\0';
    return o;
}

static word_slot *word_slot_for(const warta_dict *d, const char *w, size_t n,
                                uint64_t h)
{
    size_t mask = d->cap_words - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        word_slot *e = &d->words[i];
        if (e->hash == 0 ||
            (e->hash == h && e->n == n && memcmp(e->text, w, n) == 0))
            return e;
    }
}

static bool grow_words(warta_dict *d)
{
    size_t cap = d->cap_words ? d->cap_words * 2 : 1u << 10;
    word_slot *old = d->words;
    size_t old_cap = d->cap_words;
    word_slot *fresh = ctx_alloc(d->ctx, cap * sizeof *fresh);
    if (!fresh)
        return false;
    memset(fresh, 0, cap * sizeof *fresh);
    d->words = fresh;
    d->cap_words = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].hash)
            *word_slot_for(d, old[i].text, old[i].n, old[i].hash) = old[i];
    ctx_free(d->ctx, old, old_cap * sizeof *old);
    return true;
}

uint32_t dict_word_find(const warta_dict *d, const char *w, size_t n)
{
    if (!d->cap_words)
        return NO_INDEX;
    word_slot *e = word_slot_for(d, w, n, hash_bytes(w, n));
    return e->hash ? e->id : NO_INDEX;
}

uint32_t dict_word(warta_dict *d, const char *w, size_t n, bool add)
{
    if (!add)
        return dict_word_find(d, w, n);
    if ((d->n_words + 1) * 2 > d->cap_words && !grow_words(d))
        return NO_INDEX;
    uint64_t h = hash_bytes(w, n);
    word_slot *e = word_slot_for(d, w, n, h);
    if (e->hash)
        return e->id;
    const char *copy = arena_strndup(&d->ar, w, n);
    uint32_t id = copy ? DICT_PUSH(d, word_text) : NO_INDEX;
    if (id == NO_INDEX)
        return NO_INDEX;
    d->word_text[id] = copy;
    *e = (word_slot){h, copy, (uint32_t)n, (uint32_t)d->n_words++};
    return e->id;
}

/* ---- the trie ---------------------------------------------------------------- */

static trie_edge *edge_for(const warta_dict *d, uint64_t key)
{
    size_t mask = d->cap_edges - 1;
    for (size_t i = mix64(key) & mask;; i = (i + 1) & mask) {
        trie_edge *e = &d->edges[i];
        if (e->key == 0 || e->key == key)
            return e;
    }
}

/* Keys are offset by one so that 0 marks an empty slot. */
static uint64_t edge_key(uint32_t node, word_key key)
{
    return ((uint64_t)node << 32 | key) + 1;
}

uint32_t dict_child(const warta_dict *d, uint32_t node, word_key key)
{
    if (!d->cap_edges)
        return NO_INDEX;
    trie_edge *e = edge_for(d, edge_key(node, key));
    return e->key ? e->child : NO_INDEX;
}

static bool grow_edges(warta_dict *d)
{
    size_t cap = d->cap_edges ? d->cap_edges * 2 : 1u << 11;
    trie_edge *old = d->edges;
    size_t old_cap = d->cap_edges;
    trie_edge *fresh = ctx_alloc(d->ctx, cap * sizeof *fresh);
    if (!fresh)
        return false;
    memset(fresh, 0, cap * sizeof *fresh);
    d->edges = fresh;
    d->cap_edges = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key)
            *edge_for(d, old[i].key) = old[i];
    ctx_free(d->ctx, old, old_cap * sizeof *old);
    return true;
}

uint32_t dict_child_add(warta_dict *d, uint32_t node, word_key key)
{
    uint32_t child = dict_child(d, node, key);
    if (child != NO_INDEX)
        return child;
    if ((d->n_edges + 1) * 2 > d->cap_edges && !grow_edges(d))
        return NO_INDEX;
    child = DICT_PUSH(d, node_entry);
    if (child == NO_INDEX)
        return NO_INDEX;
    d->node_entry[child] = NO_INDEX;
    trie_edge *e = edge_for(d, edge_key(node, key));
    e->key = edge_key(node, key);
    e->child = child;
    d->n_edges++;
    return child;
}

bool dict_add_entry(warta_dict *d, uint32_t node, entry_kind kind,
                    uint32_t block, src_pos where)
{
    return dict_add_entry_case(d, node, kind, block, where, CASE_ANY);
}

bool dict_add_entry_case(warta_dict *d, uint32_t node, entry_kind kind,
                         uint32_t block, src_pos where, entry_case written)
{
    /* The same block twice on a node (a phrase listed twice) is one entry. */
    for (uint32_t i = d->node_entry[node]; i != NO_INDEX; i = d->entries[i].next)
        if (d->entries[i].kind == kind && d->entries[i].block == block &&
            d->entries[i].lang == d->loading_lang)
            return true;
    uint32_t e = DICT_PUSH(d, entries);
    if (e == NO_INDEX)
        return false;
    d->entries[e] = (entry){(uint8_t)kind, (uint8_t)written, d->loading_lang, block,
                            d->node_entry[node], where};
    d->node_entry[node] = e;
    return true;
}

/* ---- what a dictionary holds ---------------------------------------------------- */

bool warta_dict_covers(const warta_dict *d, const char *code)
{
    for (size_t i = 0; i < d->n_verbs; i++)
        if (strcmp(d->verbs[i].code, code) == 0 ||
            strcmp(d->verbs[i].reverse, code) == 0)
            return true;
    for (size_t i = 0; i < d->n_patterns; i++)
        if (d->patterns[i].verb != NO_INDEX &&
            (strcmp(d->patterns[i].code, code) == 0 ||
             strcmp(d->patterns[i].reverse, code) == 0))
            return true;
    return false;
}

void warta_dict_get_stats(const warta_dict *d, warta_dict_stats *out)
{
    memset(out, 0, sizeof *out);
    out->actors = d->n_actors;
    out->actor_codes = d->n_codes;
    out->agents = d->n_agents;
    out->verbs = d->n_verbs;
    out->synsets = d->n_synsets;
    out->discards = d->n_discards;
    out->issues = d->n_issues;
    out->words = d->n_words;
    out->problems = d->n_problems;
    for (size_t i = 0; i < d->n_entries; i++) {
        switch (d->entries[i].kind) {
        case ENTRY_ACTOR: out->actor_phrases++; break;
        case ENTRY_AGENT: out->agent_phrases++; break;
        case ENTRY_VERB: out->verb_forms++; break;
        default: break;
        }
    }
    for (size_t i = 0; i < d->n_patterns; i++)
        out->patterns += d->patterns[i].verb != NO_INDEX;
    /* coverage of the event codes (3 and 4 digits: a cue category's row,
    ** "19", is no event code; a verb that gives it gives 190) */
    for (size_t i = 0; i < cameo_count(); i++) {
        const char *code = cameo_at(i)->code;
        if (strlen(code) < 3)
            continue;
        out->cameo_codes++;
        out->cameo_covered += warta_dict_covers(d, code);
    }
}


/* ---- peoples ------------------------------------------------------------------ */

const people *dict_people(const warta_dict *d, const char *code)
{
    for (size_t i = 0; code && i < d->n_peoples; i++)
        if (strncmp(code, d->peoples[i].code, 3) == 0)
            return &d->peoples[i];
    return NULL;
}

bool people_lives_in(const people *p, const char *country)
{
    for (uint8_t i = 0; p && i < p->n_states; i++)
        if (strncmp(country, p->states[i], 3) == 0)
            return true;
    return false;
}

/* ---- outlets ------------------------------------------------------------------ */

/* The host of a web address: "https://news.detik.com/x" -> "news.detik.com". */
static size_t url_host(const char *url, const char **host)
{
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    size_t n = strcspn(p, "/?#:");
    *host = p;
    return n;
}

/* Does the host end with the outlet's name, at a dot ("detik.com" in
** "news.detik.com", ".id" in "kompas.co.id")? */
static bool host_ends_with(const char *host, size_t n, const char *name)
{
    size_t k = strlen(name);
    return k <= n && strncasecmp(host + n - k, name, k) == 0 &&
           (k == n || name[0] == '.' || host[n - k - 1] == '.');
}

const news_outlet *dict_outlet(const warta_dict *d, const char *url,
                               const char *source)
{
    const char *host = NULL;
    size_t n = url ? url_host(url, &host) : 0;
    const news_outlet *best = NULL;
    size_t best_len = 0;            /* the longest name that fits wins */
    for (size_t i = 0; i < d->n_outlets; i++) {
        const news_outlet *o = &d->outlets[i];
        size_t k = strlen(o->name);
        bool fits = strchr(o->name, '.')
                        ? n && host_ends_with(host, n, o->name)
                        : source && strcasecmp(source, o->name) == 0;
        if (fits && k > best_len) {
            best = o;
            best_len = k;
        }
    }
    return best;
}
