/*
** score.h -- scoring a coder's events against gold records, the way
** PETRARCH's validator does (every expected event produced, nothing
** else), plus precision and recall over events and over root codes.
*/
#ifndef WARTA_CLI_SCORE_H
#define WARTA_CLI_SCORE_H

#include <stdbool.h>
#include <stdio.h>

#include "gold.h"

/* Counts over the records scored so far; start it zeroed. */
typedef struct score {
    size_t records;         /* records scored (expect_error ones are not) */
    size_t records_exact;   /* of which exactly right */
    size_t errors_skipped;  /* expect_error records, left out */
    size_t tp, fp, fn;      /* events as (source, target, code) */
    size_t root_tp, root_fp, root_fn; /* as (source, target, root) */
} score;

/* Compare one record's predicted events with its gold; returns true when
** exactly right: the same multiset of (source, target, code), which for
** expect_none means no events (for a partial record: the gold's events
** among the predicted).  An expect_error record is only counted in
** errors_skipped and returns true.  Accumulates into s. */
bool score_record(score *s, const gold_record *g, const gold_event *pred,
                  size_t n_pred);

/* Records exactly right (n/N, %), then precision, recall and F1 over
** (source, target, code) and over (source, target, root), where the root
** is the code's first two characters; "-" where a ratio is 0/0. */
void score_print(const score *s, FILE *out);

#endif
