/*
** answer.c -- an answer written as it is made (see answer.h).  The
** buffer grows by doubling; each growth first takes its bytes past the
** first ANSWER_UNCOUNTED from the budget, and gives them back if the
** budget has not enough.
*/
#include <stdlib.h>
#include <string.h>

#include "answer.h"

#define FIRST_CAP 4096

void answer_init(answer *a, size_t max, answer_budget *budget)
{
    *a = (answer){.max = max, .budget = budget};
}

static bool take(answer_budget *b, size_t n)
{
    if (!b)
        return true;
    if (atomic_fetch_add(&b->held, n) + n <= b->max)
        return true;
    atomic_fetch_sub(&b->held, n);
    return false;
}

/* What a buffer of cap bytes holds of the budget. */
static size_t counted(size_t cap)
{
    return cap > ANSWER_UNCOUNTED ? cap - ANSWER_UNCOUNTED : 0;
}

void answer_release(char *p, size_t cap, answer_budget *budget)
{
    free(p);
    if (budget && counted(cap))
        atomic_fetch_sub(&budget->held, counted(cap));
}

static bool grow(answer *a, size_t need)
{
    if (need > a->max) {
        a->state = ANSWER_TOO_BIG;
        return false;
    }
    size_t cap = a->cap ? a->cap : FIRST_CAP;
    while (cap < need)
        cap *= 2;
    if (cap > a->max)
        cap = a->max;
    size_t more = counted(cap) - counted(a->cap);
    if (!take(a->budget, more)) {
        a->state = ANSWER_BUSY;
        return false;
    }
    char *p = realloc(a->p, cap);
    if (!p) {
        if (a->budget)
            atomic_fetch_sub(&a->budget->held, more);
        a->state = ANSWER_NO_MEMORY;
        return false;
    }
    a->p = p;
    a->cap = cap;
    return true;
}

bool answer_reserve(answer *a, size_t n)
{
    if (a->state != ANSWER_OK)
        return false;
    return n <= a->cap || grow(a, n < a->max ? n : a->max);
}

bool answer_put(answer *a, const char *s, size_t n)
{
    if (a->state != ANSWER_OK)
        return false;
    if (a->cap - a->n < n + 1 && !grow(a, a->n + n + 1))   /* and a NUL */
        return false;
    memcpy(a->p + a->n, s, n);
    a->n += n;
    a->p[a->n] = '\0';
    return true;
}

bool answer_puts(answer *a, const char *s)
{
    return answer_put(a, s, strlen(s));
}

bool answer_json(answer *a, const json_t *j)
{
    if (a->state != ANSWER_OK)
        return false;
    size_t flags = JSON_COMPACT | JSON_REAL_PRECISION(10) | JSON_ENCODE_ANY;
    size_t n = json_dumpb(j, NULL, 0, flags);
    if (!n) {
        a->state = ANSWER_NO_MEMORY;   /* jansson refused it */
        return false;
    }
    if (a->cap - a->n < n + 1 && !grow(a, a->n + n + 1))
        return false;
    json_dumpb(j, a->p + a->n, n, flags);
    a->n += n;
    a->p[a->n] = '\0';
    return true;
}
