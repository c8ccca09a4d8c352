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
    ctx_free(p->ctx, p->cells, p->cap_cells * sizeof *p->cells);
    memset(p, 0, sizeof *p);
}

/* ---- frozen: scoring ---------------------------------------------------- */

/* A frozen slot holds the low half of its key (odd, so never 0: 0 marks
** an empty slot) and where its row starts in cells[].  Eight bytes a slot
** keep the table small enough for the caches; two keys alike in their low
** 32 bits and in the slot their top bits make would share a row, a chance
** too small to matter. */
static uint32_t check_of(uint64_t key) { return (uint32_t)key | 1u; }

/* A frozen key's slot: its top bits.  Keys are hashes, so these spread as
** well as any, and rows, which come in key order, fill the table from
** start to end: a model loads writing memory in order, not at random. */
static size_t frozen_slot_of(const perceptron *p, uint64_t key)
{
    return (size_t)(key >> p->fslot_shift);
}

/* Classes of a dense row, padded so that it adds up in whole blocks. */
#define DENSE_BLOCK 64
static size_t dense_len(uint32_t n_classes)
{
    return (n_classes + DENSE_BLOCK - 1) / DENSE_BLOCK * DENSE_BLOCK;
}

/* The slot of key, or NULL. */
static const pc_slot *frozen_find(const perceptron *p, uint64_t key)
{
    size_t mask = p->n_fslots - 1;
    uint32_t check = check_of(key);
    for (size_t i = frozen_slot_of(p, key);; i = (i + 1) & mask) {
        const pc_slot *s = &p->slots[i];
        if (s->check == check)
            return s;
        if (s->check == 0)
            return NULL;
    }
}

/* sum[c] += row[c] for each dense row.  With AVX2, where the processor
** has it, DENSE_BLOCK classes at a time: the block's sums stay in eight
** registers while every row is added (sum is aligned for AVX2). */
static void add_dense_plain(int32_t *sum, const int16_t **rows, size_t n_rows,
                            size_t n)
{
    for (size_t r = 0; r < n_rows; r++)
        for (size_t c = 0; c < n; c++)
            sum[c] += rows[r][c];
}

/* scores[c] += sum[c] * scale (the same floats in either way). */
static void add_scaled_plain(float *scores, const int32_t *sum, size_t n,
                             float scale)
{
    for (size_t c = 0; c < n; c++)
        scores[c] += (float)sum[c] * scale;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_DENSE_AVX2 1

/* a += the eight weights of row from at on, made 32-bit */
#define ADD8(a, row, at)                                                    \
    a = _mm256_add_epi32(                                                   \
        a, _mm256_cvtepi16_epi32(                                           \
               _mm_loadu_si128((const __m128i *)((row) + (at)))))

__attribute__((target("avx2")))
static void add_dense_avx2(int32_t *sum, const int16_t **rows, size_t n_rows,
                           size_t n)
{
    for (size_t c = 0; c < n; c += DENSE_BLOCK) {
        __m256i *out = (__m256i *)(sum + c);
        __m256i a0 = out[0], a1 = out[1], a2 = out[2], a3 = out[3],
                a4 = out[4], a5 = out[5], a6 = out[6], a7 = out[7];
        for (size_t r = 0; r < n_rows; r++) {
            const int16_t *row = rows[r] + c;
            ADD8(a0, row, 0);
            ADD8(a1, row, 8);
            ADD8(a2, row, 16);
            ADD8(a3, row, 24);
            ADD8(a4, row, 32);
            ADD8(a5, row, 40);
            ADD8(a6, row, 48);
            ADD8(a7, row, 56);
        }
        out[0] = a0;
        out[1] = a1;
        out[2] = a2;
        out[3] = a3;
        out[4] = a4;
        out[5] = a5;
        out[6] = a6;
        out[7] = a7;
    }
}

__attribute__((target("avx2")))
static void add_scaled_avx2(float *scores, const int32_t *sum, size_t n,
                            float scale)
{
    __m256 by = _mm256_set1_ps(scale);
    size_t c = 0;
    for (; c + 8 <= n; c += 8) {
        __m256 v = _mm256_cvtepi32_ps(*(const __m256i *)(sum + c));
        _mm256_storeu_ps(scores + c,
                         _mm256_add_ps(_mm256_loadu_ps(scores + c),
                                       _mm256_mul_ps(v, by)));
    }
    add_scaled_plain(scores + c, sum + c, n - c, scale);
}
#endif

/* scores[c] += (sum[c] plus the dense rows' weights) * scale. */
static void add_up(float *scores, int32_t *sum, const int16_t **dense,
                   size_t n_dense, size_t padded, size_t n, float scale)
{
#ifdef HAVE_DENSE_AVX2
    if (__builtin_cpu_supports("avx2")) {
        add_dense_avx2(sum, dense, n_dense, padded);
        add_scaled_avx2(scores, sum, n, scale);
        return;
    }
#endif
    add_dense_plain(sum, dense, n_dense, padded);
    add_scaled_plain(scores, sum, n, scale);
}

static void score_frozen(const perceptron *p, const uint64_t *keys, size_t n,
                         float *scores)
{
    const int16_t *sparse[256], *dense[256];
    size_t n_sparse = 0, n_dense = 0, k = p->n_classes;
    size_t padded = dense_len(p->n_classes);
    for (size_t i = 0; i < n; i++)
        __builtin_prefetch(&p->slots[frozen_slot_of(p, keys[i])]);
    for (size_t i = 0; i < n && i < ARRAY_LEN(sparse); i++) {
        const pc_slot *s = frozen_find(p, keys[i]);
        if (!s)
            continue;
        const int16_t *row = &p->cells[s->row & ~PC_DENSE];
        __builtin_prefetch(row);
        if (s->row & PC_DENSE)
            dense[n_dense++] = row + 1;
        else
            sparse[n_sparse++] = row;
    }
    _Alignas(32) int32_t sum[1024 + DENSE_BLOCK];  /* whole AVX2 blocks */
    memset(sum, 0, padded * sizeof *sum);
    for (size_t i = 0; i < n_sparse; i++) {
        const int16_t *r = sparse[i];
        for (int j = 0; j < r[0]; j++)
            sum[r[1 + 2 * j]] += r[2 + 2 * j];
    }
    add_up(scores, sum, dense, n_dense, padded, k, p->scale);
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

/* Make the frozen tables for n_rows rows and n_weights weights: room for
** each row in its longer form. */
static warta_status frozen_alloc(perceptron *p, size_t n_rows, size_t n_weights)
{
    p->n_fslots = 16;
    p->fslot_shift = 60;
    while (p->n_fslots < n_rows * 2) {
        p->n_fslots *= 2;
        p->fslot_shift--;
    }
    p->slots = ctx_alloc_big(p->ctx, p->n_fslots * sizeof *p->slots);
    p->n_frows = p->n_cells = p->n_weights = 0;
    p->row_key = ctx_alloc(p->ctx, (n_rows + 1) * sizeof *p->row_key);
    p->cap_rows = n_rows + 1;
    size_t cells = n_rows * (1 + dense_len(p->n_classes)) + 2 * n_weights + 1;
    if (cells >= PC_DENSE)          /* a row's start must fit its slot */
        return WARTA_ENOMEM;
    p->cap_cells = cells;
    p->cells = ctx_alloc_big(p->ctx, p->cap_cells * sizeof *p->cells);
    if (!p->slots || !p->cells || !p->row_key)
        return WARTA_ENOMEM;
    memset(p->slots, 0, p->n_fslots * sizeof *p->slots);
    return WARTA_OK;
}

/* Append a row of n (class, weight) pairs to the frozen tables, dense when
** that takes no more room; rows come in increasing key order (frozen_alloc
** made room for them). */
static void frozen_add(perceptron *p, uint64_t key, const int16_t *pairs,
                       uint32_t n)
{
    size_t i = frozen_slot_of(p, key), padded = dense_len(p->n_classes);
    bool dense_row = 8 * n >= padded;
    while (p->slots[i].check)
        i = (i + 1) & (p->n_fslots - 1);
    p->slots[i] = (pc_slot){check_of(key),
                            (uint32_t)p->n_cells | (dense_row ? PC_DENSE : 0)};
    p->row_key[p->n_frows++] = key;
    p->n_weights += n;
    int16_t *row = p->cells + p->n_cells;
    if (!dense_row) {
        memmove(row + 1, pairs, 2 * n * sizeof *row);
        row[0] = (int16_t)n;
        p->n_cells += 1 + 2 * n;
        return;
    }
    int16_t dense[1024 + DENSE_BLOCK] = {0};
    for (uint32_t j = 0; j < n; j++)
        dense[pairs[2 * j]] = pairs[2 * j + 1];
    row[0] = -1;
    memcpy(row + 1, dense, padded * sizeof *row);
    p->n_cells += 1 + padded;
}

warta_status perceptron_freeze(perceptron *p, float min_share)
{
    size_t k = p->n_classes;
    double t = (double)p->t, max = 0;
    for (size_t i = 0; i < p->n_rows * k; i++) {
        p->w[i] = (float)(p->w[i] - p->u[i] / t);
        max = fmax(max, fabs(p->w[i]));
    }
    float scale = max > 0 ? (float)(max / 32767.0) : 1.0f;
    double floor = fmax(max * min_share, scale * 0.5);
    /* rows in key order, so that a model's bytes depend only on its weights */
    uint64_t *order = ctx_alloc(p->ctx, (p->n_rows + 1) * 2 * sizeof *order);
    int16_t *row = ctx_alloc(p->ctx, 2 * (k + 1) * sizeof *row);
    if (!order || !row) {
        ctx_free(p->ctx, order, (p->n_rows + 1) * 2 * sizeof *order);
        ctx_free(p->ctx, row, 2 * (k + 1) * sizeof *row);
        return WARTA_ENOMEM;
    }
    size_t n_weights = 0, n_kept = 0;
    for (size_t r = 0; r < p->n_rows; r++) {
        order[2 * r] = p->row_key[r];
        order[2 * r + 1] = r;
        size_t before = n_weights;
        for (size_t c = 0; c < k; c++)
            n_weights += fabs(p->w[r * k + c]) >= floor;
        n_kept += n_weights > before;
    }
    qsort(order, p->n_rows, 2 * sizeof *order, by_key);
    /* the training tables go first: the frozen ones reuse the names */
    float *w = p->w;
    size_t n_rows = p->n_rows, cap_rows = p->cap_rows;
    p->w = NULL;
    free_training(p);
    p->scale = scale;
    warta_status rc = frozen_alloc(p, n_kept, n_weights);
    for (size_t i = 0; rc == WARTA_OK && i < n_rows; i++) {
        const float *rw = w + order[2 * i + 1] * k;
        uint32_t n = 0;
        for (size_t c = 0; c < k; c++)
            if (fabs(rw[c]) >= floor) {
                row[2 * n] = (int16_t)c;
                row[2 * n + 1] = (int16_t)lrint(rw[c] / scale);
                n++;
            }
        if (n)
            frozen_add(p, order[2 * i], row, n);
    }
    ctx_free(p->ctx, w, cap_rows * k * sizeof *w);
    ctx_free(p->ctx, order, (n_rows + 1) * 2 * sizeof *order);
    ctx_free(p->ctx, row, 2 * (k + 1) * sizeof *row);
    return rc;
}

/* ---- model files -------------------------------------------------------- */

/* Written: n_classes and scale (u32, f32), the number of rows and of
** weights (u64 each); then each row in key order: its key (u64), its
** length (u32) and its (class u16, weight i16) pairs.  Little-endian. */
warta_status perceptron_write(warta_ctx *ctx, const perceptron *p,
                              warta_buf *out)
{
    uint64_t n_rows = p->n_frows, n_weights = p->n_weights;
    uint32_t head[2] = {p->n_classes, 0};
    memcpy(&head[1], &p->scale, 4);
    bool ok = buf_append(ctx, out, head, sizeof head) &&
              buf_append(ctx, out, &n_rows, 8) &&
              buf_append(ctx, out, &n_weights, 8);
    const int16_t *r = p->cells;
    int16_t pairs[2 * (1024 + DENSE_BLOCK)];
    for (size_t i = 0; ok && i < n_rows; i++) {
        uint32_t n = 0;
        if (r[0] >= 0) {
            n = (uint32_t)r[0];
            memcpy(pairs, r + 1, 2 * n * sizeof *r);
            r += 1 + 2 * n;
        } else {
            for (uint32_t c = 0; c < p->n_classes; c++)
                if (r[1 + c]) {
                    pairs[2 * n] = (int16_t)c;
                    pairs[2 * n++ + 1] = r[1 + c];
                }
            r += 1 + dense_len(p->n_classes);
        }
        ok = buf_append(ctx, out, &p->row_key[i], 8) &&
             buf_append(ctx, out, &n, 4) &&
             buf_append(ctx, out, pairs, 2 * n * sizeof *pairs);
    }
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
    uint64_t n_rows, n_weights;
    memset(p, 0, sizeof *p);
    p->ctx = ctx;
    if (!get(s, n, at, head, sizeof head) || !get(s, n, at, &n_rows, 8) ||
        !get(s, n, at, &n_weights, 8))
        return WARTA_EDATA;
    p->n_classes = head[0];
    memcpy(&p->scale, &head[1], 4);
    /* each row takes at least 12 bytes and each weight 4: sizes that the
    ** rest of the file cannot hold are refused before allocating */
    if (p->n_classes == 0 || p->n_classes > 1024 || !isfinite(p->scale) ||
        n_rows > (n - *at) / 12 || n_weights > (n - *at) / 4)
        return WARTA_EDATA;
    if (frozen_alloc(p, n_rows, n_weights) != WARTA_OK)
        return WARTA_ENOMEM;
    uint64_t last = 0, left = n_weights;
    for (uint64_t r = 0; r < n_rows; r++) {
        uint64_t key;
        uint32_t count;
        int16_t pairs[2 * 1024];
        if (!get(s, n, at, &key, 8) || !get(s, n, at, &count, 4) ||
            key <= last || count == 0 || count > left ||
            count > p->n_classes || !get(s, n, at, pairs, 4 * (size_t)count))
            return WARTA_EDATA;
        for (uint32_t j = 0; j < count; j++)
            if (pairs[2 * j] < 0 || (uint32_t)pairs[2 * j] >= p->n_classes ||
                (j > 0 && pairs[2 * j] <= pairs[2 * j - 2]))
                return WARTA_EDATA;
        frozen_add(p, key, pairs, count);
        left -= count;
        last = key;
    }
    return left == 0 ? WARTA_OK : WARTA_EDATA;
}
