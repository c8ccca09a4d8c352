/*
** arena.c -- per-document memory.  Allocations come from chunks taken
** through the context's allocator and are released together by
** arena_reset(), so a document never frees piece by piece.  A large
** allocation gets a chunk of its own, which arena_grow reallocates: an
** array that doubles (a long article's tokens or events) leaves no old
** copies behind.
*/
#include <string.h>

#include "warta_int.h"

struct arena_chunk {
    arena_chunk *next;
    size_t size;                    /* bytes in data[] */
    bool whole;                     /* one large allocation's own */
    _Alignas(16) unsigned char data[];
};

#define ARENA_MIN_CHUNK ((size_t)16 << 10)
#define ARENA_MAX_CHUNK ((size_t)4 << 20)
#define ARENA_LARGE ((size_t)256 << 10)    /* gets a chunk of its own */
#define ALIGN16(n) (((n) + 15) & ~(size_t)15)

void arena_init(arena *a, warta_ctx *ctx)
{
    a->ctx = ctx;
    a->head = NULL;
    a->used_in_head = 0;
}

void arena_reset(arena *a)
{
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *next = c->next;
        ctx_free(a->ctx, c, sizeof *c + c->size);
        c = next;
    }
    a->head = NULL;
    a->used_in_head = 0;
}

/* A chunk for one large allocation, put behind the head so that the
** head's free room is still used. */
static void *alloc_whole(arena *a, size_t n)
{
    arena_chunk *c = ctx_alloc(a->ctx, sizeof *c + n);
    if (!c)
        return NULL;
    c->size = n;
    c->whole = true;
    if (a->head) {
        c->next = a->head->next;
        a->head->next = c;
    } else {
        c->next = NULL;
        a->head = c;
        a->used_in_head = n;
    }
    return c->data;
}

/* Reallocate the chunk of its own that p is, if it is one. */
static void *grow_whole(arena *a, void *p, size_t new_n)
{
    arena_chunk **link = &a->head;
    while (*link && (*link)->data != (unsigned char *)p)
        link = &(*link)->next;
    arena_chunk *c = *link;
    if (!c || !c->whole)
        return NULL;
    bool is_head = c == a->head;
    c = ctx_realloc(a->ctx, c, sizeof *c + c->size, sizeof *c + new_n);
    if (!c)
        return NULL;
    c->size = new_n;
    *link = c;
    if (is_head)
        a->used_in_head = new_n;
    return c->data;
}

void arena_clear(arena *a)
{
    arena_chunk *keep = a->head && !a->head->whole ? a->head : NULL;
    if (keep)
        a->head = keep->next;
    arena_reset(a);
    if (keep) {
        keep->next = NULL;
        a->head = keep;
    }
}

void *arena_alloc(arena *a, size_t n)
{
    n = ALIGN16(n ? n : 1);
    if (n >= ARENA_LARGE)
        return alloc_whole(a, n);
    if (!a->head || a->head->size - a->used_in_head < n) {
        /* Chunks double with use, up to a cap, so a large document needs
        ** few of them and a small one wastes little. */
        size_t size = a->head ? a->head->size * 2 : ARENA_MIN_CHUNK;
        if (size > ARENA_MAX_CHUNK)
            size = ARENA_MAX_CHUNK;
        if (size < n)
            size = n;
        arena_chunk *c = ctx_alloc(a->ctx, sizeof *c + size);
        if (!c)
            return NULL;
        c->next = a->head;
        c->size = size;
        c->whole = false;
        a->head = c;
        a->used_in_head = 0;
    }
    void *p = a->head->data + a->used_in_head;
    a->used_in_head += n;
    return p;
}

void *arena_grow(arena *a, void *p, size_t old_n, size_t new_n)
{
    if (new_n <= old_n)
        return p;
    if (p && ALIGN16(old_n ? old_n : 1) >= ARENA_LARGE) {
        void *q = grow_whole(a, p, ALIGN16(new_n));
        if (q)
            return q;
    }
    /* The last allocation in the head chunk can grow in place. */
    if (p && a->head) {
        unsigned char *end = a->head->data + a->used_in_head;
        size_t old_al = ALIGN16(old_n ? old_n : 1);
        size_t new_al = ALIGN16(new_n);
        if ((unsigned char *)p + old_al == end &&
            a->used_in_head - old_al + new_al <= a->head->size) {
            a->used_in_head = a->used_in_head - old_al + new_al;
            return p;
        }
    }
    void *q = arena_alloc(a, new_n);
    if (q && p && old_n)
        memcpy(q, p, old_n);
    return q;
}

bool arena_reserve(arena *a, void **items, size_t *cap, size_t item_size,
                   size_t need)
{
    if (need <= *cap)
        return true;
    size_t new_cap = *cap ? *cap * 2 : 16;
    while (new_cap < need)
        new_cap *= 2;
    void *p = arena_grow(a, *items, *cap * item_size, new_cap * item_size);
    if (!p)
        return false;
    *items = p;
    *cap = new_cap;
    return true;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *d = arena_alloc(a, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}
