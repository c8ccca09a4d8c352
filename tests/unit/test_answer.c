/*
** test_answer.c -- cli/answer.c, how `warta serve` writes an answer: the
** bytes written are the bytes kept, an answer past its bound fails as
** too big, one that the shared budget cannot hold fails as busy (at
** once when it reserves its room first), small ones are not counted, and
** every byte taken from the budget is given back.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "../../cli/answer.h"

static void writes_what_it_is_given(void **state)
{
    (void)state;
    answer a;
    answer_init(&a, 1 << 20, NULL);
    assert_true(answer_puts(&a, "{\"rows\":["));
    json_t *row = json_pack("{s:s,s:i}", "code", "041", "n", 3);
    for (int i = 0; i < 1000; i++) {
        if (i)
            assert_true(answer_put(&a, ",", 1));
        assert_true(answer_json(&a, row));
    }
    json_decref(row);
    assert_true(answer_puts(&a, "]}"));
    assert_int_equal(a.state, ANSWER_OK);
    assert_int_equal(strlen(a.p), a.n);
    json_t *back = json_loadb(a.p, a.n, 0, NULL);
    assert_non_null(back);
    json_t *rows = json_object_get(back, "rows");
    assert_int_equal(json_array_size(rows), 1000);
    assert_string_equal(
        json_string_value(json_object_get(json_array_get(rows, 999), "code")),
        "041");
    json_decref(back);
    answer_release(a.p, a.cap, NULL);
}

static void too_big_stops_writing(void **state)
{
    (void)state;
    answer a;
    answer_init(&a, 100, NULL);
    char chunk[40];
    memset(chunk, 'x', sizeof chunk);
    assert_true(answer_put(&a, chunk, 40));
    assert_true(answer_put(&a, chunk, 40));
    assert_false(answer_put(&a, chunk, 40));       /* 120 + NUL > 100 */
    assert_int_equal(a.state, ANSWER_TOO_BIG);
    assert_false(answer_puts(&a, "y"));            /* nothing after */
    assert_int_equal(a.n, 80);
    assert_true(a.cap <= 100);
    answer_release(a.p, a.cap, NULL);
}

/* What a buffer of cap bytes holds of the budget. */
static size_t counted(size_t cap)
{
    return cap > ANSWER_UNCOUNTED ? cap - ANSWER_UNCOUNTED : 0;
}

static void put_kb(answer *a, size_t kb, bool ok)
{
    static char block[1 << 10];
    memset(block, 'x', sizeof block);
    bool all = true;
    for (size_t i = 0; i < kb; i++)
        all &= answer_put(a, block, sizeof block);
    assert_int_equal(all, ok);
}

static void budget_is_shared_and_given_back(void **state)
{
    (void)state;
    answer_budget budget = {.max = 1 << 20};
    answer a, b, c, small;
    answer_init(&a, 4 << 20, &budget);
    answer_init(&b, 4 << 20, &budget);
    put_kb(&a, 200, true);                          /* 256 KB */
    assert_int_equal(atomic_load(&budget.held), counted(a.cap));
    put_kb(&b, 200, true);
    assert_int_equal(atomic_load(&budget.held), counted(a.cap) + counted(b.cap));
    put_kb(&b, 400, false);                         /* 1 MB more: no */
    assert_int_equal(b.state, ANSWER_BUSY);
    assert_int_equal(atomic_load(&budget.held), counted(a.cap) + counted(b.cap));
    answer_init(&small, 4 << 20, &budget);         /* small: not counted */
    put_kb(&small, 10, true);
    assert_int_equal(atomic_load(&budget.held), counted(a.cap) + counted(b.cap));
    answer_release(b.p, b.cap, &budget);
    assert_int_equal(atomic_load(&budget.held), counted(a.cap));
    answer_init(&c, 4 << 20, &budget);             /* b's share is free */
    put_kb(&c, 300, true);
    answer_release(a.p, a.cap, &budget);
    answer_release(c.p, c.cap, &budget);
    answer_release(small.p, small.cap, &budget);
    assert_int_equal(atomic_load(&budget.held), 0);
}

static void reserving_fails_early(void **state)
{
    (void)state;
    answer_budget budget = {.max = 1 << 20};
    answer a, b;
    answer_init(&a, 4 << 20, &budget);
    assert_true(answer_reserve(&a, 600 << 10));    /* a 1 MB buffer */
    assert_int_equal(atomic_load(&budget.held), counted(1 << 20));
    assert_true(answer_puts(&a, "[]"));
    answer_init(&b, 4 << 20, &budget);
    assert_false(answer_reserve(&b, 200 << 10));   /* before any row */
    assert_int_equal(b.state, ANSWER_BUSY);
    assert_int_equal(b.n, 0);
    answer_release(a.p, a.cap, &budget);
    answer_release(b.p, b.cap, &budget);
    assert_int_equal(atomic_load(&budget.held), 0);
    answer c;                   /* past its own bound: its bound, no more */
    answer_init(&c, 64 << 10, NULL);
    assert_true(answer_reserve(&c, 1 << 20));
    assert_int_equal(c.cap, 64 << 10);
    answer_release(c.p, c.cap, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(writes_what_it_is_given),
        cmocka_unit_test(too_big_stops_writing),
        cmocka_unit_test(budget_is_shared_and_given_back),
        cmocka_unit_test(reserving_fails_early),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
