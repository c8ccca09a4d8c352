/*
** score.c -- scores predicted events against one gold record at a time:
** a record is right when the multiset of (source, target, code) is the
** same, as in PETRARCH's validator; events are counted as true/false
** positives and false negatives, also at root level.  score_print reports.
*/
#include <string.h>

#include "score.h"

typedef bool (*same_fn)(const gold_event *a, const gold_event *b);

static bool same_event(const gold_event *a, const gold_event *b)
{
    return strcmp(a->code, b->code) == 0 && strcmp(a->source, b->source) == 0
           && strcmp(a->target, b->target) == 0;
}

/* The root is the first two characters of the code ("04" of "041"). */
static bool same_root(const gold_event *a, const gold_event *b)
{
    return strncmp(a->code, b->code, 2) == 0
           && strcmp(a->source, b->source) == 0
           && strcmp(a->target, b->target) == 0;
}

static size_t count_like(const gold_event *ev, size_t n, const gold_event *e,
                         same_fn same)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += same(&ev[i], e);
    return k;
}

/* The size of the multiset intersection of gold and pred under `same` (an
** equivalence): per class of gold, the smaller of its counts on the two
** sides.  PETRARCH pairs coded and expected events greedily, one to one,
** which for an equivalence gives the same number. */
static size_t n_common(const gold_event *gold, size_t n_gold,
                       const gold_event *pred, size_t n_pred, same_fn same)
{
    size_t common = 0;
    for (size_t i = 0; i < n_gold; i++) {
        if (count_like(gold, i, &gold[i], same) > 0)
            continue;           /* its class was counted at its first one */
        size_t in_gold = count_like(gold + i, n_gold - i, &gold[i], same);
        size_t in_pred = count_like(pred, n_pred, &gold[i], same);
        common += in_gold < in_pred ? in_gold : in_pred;
    }
    return common;
}

bool score_record(score *s, const gold_record *g, const gold_event *pred,
                  size_t n_pred)
{
    if (g->expect_error) {
        s->errors_skipped++;
        return true;
    }
    size_t n_gold = g->expect_none ? 0 : g->n_events;
    size_t tp = n_common(g->events, n_gold, pred, n_pred, same_event);
    size_t rtp = n_common(g->events, n_gold, pred, n_pred, same_root);
    s->tp += tp;
    s->fp += n_pred - tp;
    s->fn += n_gold - tp;
    s->root_tp += rtp;
    s->root_fp += n_pred - rtp;
    s->root_fn += n_gold - rtp;
    s->records++;
    bool exact = tp == n_gold && (tp == n_pred || g->partial);
    s->records_exact += exact;
    return exact;
}

/* " NAME 12.3%", or " NAME     -" when the ratio is 0/0. */
static void print_pct(FILE *out, const char *name, size_t num, size_t den)
{
    if (den)
        fprintf(out, " %s %5.1f%%", name, 100.0 * (double)num / (double)den);
    else
        fprintf(out, " %s     -", name);
}

static void print_prf(FILE *out, const char *what, size_t tp, size_t fp,
                      size_t fn)
{
    fprintf(out, "%-28s", what);
    print_pct(out, "P", tp, tp + fp);
    print_pct(out, "R", tp, tp + fn);
    print_pct(out, "F1", 2 * tp, 2 * tp + fp + fn);
    fprintf(out, "  (tp %zu, fp %zu, fn %zu)\n", tp, fp, fn);
}

void score_print(const score *s, FILE *out)
{
    fprintf(out, "%-28s %zu/%zu", "records exactly right", s->records_exact,
            s->records);
    if (s->records)
        fprintf(out, " (%.1f%%)\n",
                100.0 * (double)s->records_exact / (double)s->records);
    else
        fprintf(out, " (-)\n");
    print_prf(out, "events (source,target,code)", s->tp, s->fp, s->fn);
    print_prf(out, "roots  (source,target,root)", s->root_tp, s->root_fp,
              s->root_fn);
    if (s->errors_skipped)
        fprintf(out, "%-28s %zu\n", "expected errors, not scored",
                s->errors_skipped);
}
