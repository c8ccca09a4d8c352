/*
** perceptron.c -- averaged perceptron weights over hashed features.
**
** A feature is a 64-bit key; its row holds one weight per class.  While
** training, rows are dense and made when a feature is first updated, so a
** table holds only features that were ever wrong.  Averaging uses the
** "sum of t * update" trick: the average of a weight over every example is
** w - u / t, so an update costs the same whatever the number of examples
** (Daume 2006).  Frozen, a row keeps only its non-zero weights as 16-bit
** integers: most features matter to a few classes only.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "syntax.h"

static size_t slot_of(uint64_t key, size_t n_slots)
{
    return (size_t)(key ^ (key >> 29)) & (n_slots - 1);
}

warta_status perceptron_init(perceptron *p, warta_ctx *ctx, uint32_t n_classes)
{
    memset(p, 0, sizeof *p);
    p->ctx = ctx;
    p->n_classes = n_classes;
    p->n_slots = 1024;
    p->slot_key = ctx_alloc(ctx, p->n_slots * sizeof *p->slot_key);
    p->slot_row = ctx_alloc(ctx, p->n_slots * sizeof *p->slot_row);
    if (!p->slot_key || !p->slot_row) {
        perceptron_free(p);
        return WARTA_ENOMEM;
    }
    memset(p->slot_key, 0, p->n_slots * sizeof *p->slot_key);
    p->t = 1;
    return WARTA_OK;
}

static void free_training(perceptron *p)
{
    warta_ctx *ctx = p->ctx;
    size_t k = p->n_classes;
    ctx_free(ctx, p->slot_key, p->n_slots * sizeof *p->slot_key);
    ctx_free(ctx, p->slot_row, p->n_slots * sizeof *p->slot_row);
    ctx_free(ctx, p->row_key, p->cap_rows * sizeof *p->row_key);
    ctx_free(ctx, p->w, p->cap_rows * k * sizeof *p->w);
    ctx_free(ctx, p->u, p->cap_rows * k * sizeof *p->u);
    p->slot_key = NULL;
    p->slot_row = NULL;
    p->row_key = NULL;
    p->w = NULL;
    p->u = NULL;
    p->n_slots = p->n_rows = p->cap_rows = 0;
}

void perceptron_free(perceptron *p)
{
    if (!p->ctx)
        return;
    free_training(p);
    ctx_free(p->ctx, p->slots, p->n_fslots * sizeof *p->slots);
    ctx_free(p->ctx, p->entries, p->n_entries * sizeof *p->entries);
    memset(p, 0, sizeof *p);
}

/* ---- frozen: scoring ---------------------------------------------------- */

static const pc_slot *frozen_find(const perceptron *p, uint64_t key)
{
    size_t mask = p->n_fslots - 1;
    for (size_t i = slot_of(key, p->n_fslots);; i = (i + 1) & mask) {
        const pc_slot *s = &p->slots[i];
        if (s->key == key)
            return s;
        if (s->key == 0)
            return NULL;
    }
}

static void score_frozen(const perceptron *p, const uint64_t *keys, size_t n,
                         float *scores)
{
    const pc_slot *found[256];
    size_t n_found = 0;
    for (size_t i = 0; i < n; i++)
        __builtin_prefetch(&p->slots[slot_of(keys[i], p->n_fslots)]);
    for (size_t i = 0; i < n && n_found < ARRAY_LEN(found); i++) {
        const pc_slot *s = frozen_find(p, keys[i]);
        if (s) {
            __builtin_prefetch(&p->entries[s->first]);
            found[n_found++] = s;
        }
    }
    int32_t sum[1024];
    uint32_t k = p->n_classes <= ARRAY_LEN(sum) ? p->n_classes : ARRAY_LEN(sum);
    memset(sum, 0, k * sizeof *sum);
    for (size_t i = 0; i < n_found; i++) {
        const pc_entry *e = &p->entries[found[i]->first];
        for (uint32_t j = 0; j < found[i]->n; j++)
            sum[e[j].cls] += e[j].w;
    }
    for (uint32_t c = 0; c < k; c++)
        scores[c] += (float)sum[c] * p->scale;
}

/* ---- training ----------------------------------------------------------- */

static uint32_t training_row(const perceptron *p, uint64_t key)
{
    for (size_t i = slot_of(key, p->n_slots);; i = (i + 1) & (p->n_slots - 1)) {
        uint64_t k = p->slot_key[i];
        if (k == key)
            return p->slot_row[i];
        if (k == 0)
            return PERCEPTRON_NONE;
    }
}

void perceptron_score(const perceptron *p, const uint64_t *keys, size_t n,
                      float *scores)
{
    if (p->slots) {
        score_frozen(p, keys, n, scores);
        return;
    }
    uint32_t k = p->n_classes;
    for (size_t i = 0; i < n; i++) {
        uint32_t r = training_row(p, keys[i]);
        if (r == PERCEPTRON_NONE)
            continue;
        const float *w = p->w + (size_t)r * k;
        for (uint32_t c = 0; c < k; c++)
            scores[c] += w[c];
    }
}

static bool grow_slots(perceptron *p)
{
    size_t n = p->n_slots * 2;
    uint64_t *keys = ctx_alloc(p->ctx, n * sizeof *keys);
    uint32_t *rows = ctx_alloc(p->ctx, n * sizeof *rows);
    if (!keys || !rows) {
        ctx_free(p->ctx, keys, n * sizeof *keys);
        ctx_free(p->ctx, rows, n * sizeof *rows);
        return false;
    }
    memset(keys, 0, n * sizeof *keys);
    ctx_free(p->ctx, p->slot_key, p->n_slots * sizeof *p->slot_key);
    ctx_free(p->ctx, p->slot_row, p->n_slots * sizeof *p->slot_row);
    p->slot_key = keys;
    p->slot_row = rows;
    p->n_slots = n;
    for (uint32_t r = 0; r < p->n_rows; r++) {
        size_t i = slot_of(p->row_key[r], n);
        while (keys[i])
            i = (i + 1) & (n - 1);
        keys[i] = p->row_key[r];
        rows[i] = r;
    }
    return true;
}

static bool grow_rows(perceptron *p)
{
    size_t old = p->cap_rows, cap = old ? old * 2 : 1024, k = p->n_classes;
    uint64_t *keys = ctx_realloc(p->ctx, p->row_key, old * sizeof *keys,
                                 cap * sizeof *keys);
    if (!keys)
        return false;
    p->row_key = keys;
    float *w = ctx_realloc(p->ctx, p->w, old * k * sizeof *w, cap * k * sizeof *w);
    if (!w)
        return false;
    p->w = w;
    double *u = ctx_realloc(p->ctx, p->u, old * k * sizeof *u, cap * k * sizeof *u);
    if (!u)
        return false;
    p->u = u;
    p->cap_rows = cap;
    return true;
}

/* The row of key, made (zeroed) when absent; PERCEPTRON_NONE on no memory. */
static uint32_t row_make(perceptron *p, uint64_t key)
{
    if ((p->n_rows + 1) * 2 > p->n_slots && !grow_slots(p))
        return PERCEPTRON_NONE;
    size_t i = slot_of(key, p->n_slots);
    while (p->slot_key[i]) {
        if (p->slot_key[i] == key)
            return p->slot_row[i];
        i = (i + 1) & (p->n_slots - 1);
    }
    if (p->n_rows == p->cap_rows && !grow_rows(p))
        return PERCEPTRON_NONE;
    uint32_t r = (uint32_t)p->n_rows++;
    size_t k = p->n_classes;
    p->slot_key[i] = key;
    p->slot_row[i] = r;
    p->row_key[r] = key;
    memset(p->w + r * k, 0, k * sizeof *p->w);
    memset(p->u + r * k, 0, k * sizeof *p->u);
    return r;
}

warta_status perceptron_update(perceptron *p, const uint64_t *keys, size_t n,
                               uint32_t c, float delta)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t r = row_make(p, keys[i]);
        if (r == PERCEPTRON_NONE)
            return WARTA_ENOMEM;
        size_t at = (size_t)r * p->n_classes + c;
        p->w[at] += delta;
        p->u[at] += (double)p->t * delta;
    }
    return WARTA_OK;
}

/* ---- freezing ----------------------------------------------------------- */

static int by_key(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Make the frozen tables for n_rows rows and n_entries weights. */
static warta_status frozen_alloc(perceptron *p, size_t n_rows, size_t n_entries)
{
    p->n_fslots = 16;
    while (p->n_fslots < n_rows * 2)
        p->n_fslots *= 2;
    p->slots = ctx_alloc(p->ctx, p->n_fslots * sizeof *p->slots);
    p->n_entries = n_entries;
    p->entries = ctx_alloc(p->ctx, (n_entries ? n_entries : 1) * sizeof *p->entries);
    if (!p->slots || !p->entries)
        return WARTA_ENOMEM;
    memset(p->slots, 0, p->n_fslots * sizeof *p->slots);
    return WARTA_OK;
}

static pc_slot *frozen_slot_for(perceptron *p, uint64_t key)
{
    size_t i = slot_of(key, p->n_fslots);
    while (p->slots[i].key && p->slots[i].key != key)
        i = (i + 1) & (p->n_fslots - 1);
    return &p->slots[i];
}

warta_status perceptron_freeze(perceptron *p, float min_share)
{
    size_t k = p->n_classes;
    double t = (double)p->t, max = 0;
    for (size_t i = 0; i < p->n_rows * k; i++) {
        p->w[i] = (float)(p->w[i] - p->u[i] / t);
        max = fmax(max, fabs(p->w[i]));
    }
    p->scale = max > 0 ? (float)(max / 32767.0) : 1.0f;
    double floor = fmax(max * min_share, p->scale * 0.5);
    /* rows in key order, so that a model's bytes depend only on its weights */
    uint64_t *order = ctx_alloc(p->ctx, (p->n_rows + 1) * 2 * sizeof *order);
    if (!order)
        return WARTA_ENOMEM;
    size_t n_entries = 0;
    for (size_t r = 0; r < p->n_rows; r++) {
        order[2 * r] = p->row_key[r];
        order[2 * r + 1] = r;
        for (size_t c = 0; c < k; c++)
            n_entries += fabs(p->w[r * k + c]) >= floor;
    }
    qsort(order, p->n_rows, 2 * sizeof *order, by_key);
    warta_status rc = frozen_alloc(p, p->n_rows, n_entries);
    size_t e = 0;
    for (size_t i = 0; rc == WARTA_OK && i < p->n_rows; i++) {
        const float *w = p->w + order[2 * i + 1] * k;
        size_t first = e;
        for (size_t c = 0; c < k; c++)
            if (fabs(w[c]) >= floor)
                p->entries[e++] = (pc_entry){(uint16_t)c,
                                             (int16_t)lrint(w[c] / p->scale)};
        if (e > first)
            *frozen_slot_for(p, order[2 * i]) =
                (pc_slot){order[2 * i], (uint32_t)first, (uint32_t)(e - first)};
    }
    ctx_free(p->ctx, order, (p->n_rows + 1) * 2 * sizeof *order);
    free_training(p);
    return rc;
}

/* ---- model files -------------------------------------------------------- */

/* Written: n_classes, scale, number of rows, number of weights; then per
** row in key order its key, its count and its (class, weight) pairs.  All
** little-endian. */
warta_status perceptron_write(const perceptron *p, warta_buf *out)
{
    uint64_t n_rows = 0;
    for (size_t i = 0; i < p->n_fslots; i++)
        n_rows += p->slots[i].key != 0;
    uint64_t *keys = ctx_alloc(p->ctx, (n_rows + 1) * sizeof *keys);
    if (!keys)
        return WARTA_ENOMEM;
    size_t r = 0;
    for (size_t i = 0; i < p->n_fslots; i++)
        if (p->slots[i].key)
            keys[r++] = p->slots[i].key;
    qsort(keys, n_rows, sizeof *keys, by_key);
    uint32_t head[2] = {p->n_classes, 0};
    uint64_t n_entries = p->n_entries;
    memcpy(&head[1], &p->scale, 4);
    bool ok = buf_append(p->ctx, out, head, sizeof head) &&
              buf_append(p->ctx, out, &n_rows, 8) && buf_append(p->ctx, out, &n_entries, 8);
    for (size_t i = 0; ok && i < n_rows; i++) {
        const pc_slot *s = frozen_find(p, keys[i]);
        ok = buf_append(p->ctx, out, &s->key, 8) && buf_append(p->ctx, out, &s->n, 4) &&
             buf_append(p->ctx, out, &p->entries[s->first], s->n * sizeof(pc_entry));
    }
    ctx_free(p->ctx, keys, (n_rows + 1) * sizeof *keys);
    return ok ? WARTA_OK : WARTA_ENOMEM;
}

static bool get(const char *s, size_t n, size_t *at, void *out, size_t len)
{
    if (n - *at < len)
        return false;
    memcpy(out, s + *at, len);
    *at += len;
    return true;
}

warta_status perceptron_read(perceptron *p, warta_ctx *ctx, const char *s,
                             size_t n, size_t *at)
{
    uint32_t head[2];
    uint64_t n_rows, n_entries;
    memset(p, 0, sizeof *p);
    p->ctx = ctx;
    if (!get(s, n, at, head, sizeof head) || !get(s, n, at, &n_rows, 8) ||
        !get(s, n, at, &n_entries, 8))
        return WARTA_EDATA;
    p->n_classes = head[0];
    memcpy(&p->scale, &head[1], 4);
    /* each row takes at least 12 bytes and each weight 4: sizes that the
    ** rest of the file cannot hold are refused before allocating */
    if (p->n_classes == 0 || p->n_classes > 1024 || !isfinite(p->scale) ||
        n_rows > (n - *at) / 12 || n_entries > (n - *at) / 4)
        return WARTA_EDATA;
    if (frozen_alloc(p, n_rows, n_entries) != WARTA_OK)
        return WARTA_ENOMEM;
    uint64_t e = 0, last = 0;
    for (uint64_t r = 0; r < n_rows; r++) {
        uint64_t key;
        uint32_t count;
        if (!get(s, n, at, &key, 8) || !get(s, n, at, &count, 4) ||
            key <= last || count == 0 || count > n_entries - e ||
            !get(s, n, at, &p->entries[e], count * sizeof(pc_entry)))
            return WARTA_EDATA;
        for (uint32_t j = 0; j < count; j++)
            if (p->entries[e + j].cls >= p->n_classes)
                return WARTA_EDATA;
        *frozen_slot_for(p, key) = (pc_slot){key, (uint32_t)e, count};
        e += count;
        last = key;
    }
    return e == n_entries ? WARTA_OK : WARTA_EDATA;
}
