/*
** answer.h -- an API answer written as it is made, into one buffer: no
** tree of the whole answer in memory, a bound on its size, and its bytes
** counted in a budget that the server's threads share, so that answers
** waiting for clients that do not read cannot grow the server's memory
** without end.
*/
#ifndef WARTA_ANSWER_H
#define WARTA_ANSWER_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

/* The first bytes of each answer are not counted: an answer that small
** is mostly taken by the kernel's send buffer at once, a connection has
** one at most, and a server whose budget is held by large answers still
** answers /api/stats and error messages. */
#define ANSWER_UNCOUNTED ((size_t)64 << 10)

/* The bytes of the answers made and not yet sent, across threads. */
typedef struct answer_budget {
    atomic_size_t held;
    size_t max;
} answer_budget;

typedef enum {
    ANSWER_OK,
    ANSWER_TOO_BIG,         /* over its own bound */
    ANSWER_BUSY,            /* the budget is spent on other answers */
    ANSWER_NO_MEMORY,
} answer_state;

typedef struct answer {
    char *p;
    size_t n, cap;          /* cap past ANSWER_UNCOUNTED: what it holds of
                               the budget */
    size_t max;             /* its bound */
    answer_budget *budget;  /* NULL: not counted */
    answer_state state;     /* once not OK, nothing more is written */
} answer;

void answer_init(answer *a, size_t max, answer_budget *budget);
/* Take room for n bytes (at most the bound) at once: an answer that
** will be large fails before it is made when the budget cannot hold it.
** False once the answer has failed. */
bool answer_reserve(answer *a, size_t n);
/* Append; false once the answer has failed. */
bool answer_put(answer *a, const char *s, size_t n);
bool answer_puts(answer *a, const char *s);
/* j as compact JSON (j stays the caller's). */
bool answer_json(answer *a, const json_t *j);
/* Free a buffer the answer made and give its bytes back to the budget. */
void answer_release(char *p, size_t cap, answer_budget *budget);

#endif
