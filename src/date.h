/*
** date.h -- calendar arithmetic and the date expressions of a sentence.
**
** date.c finds "7 Agustus 2023", "August 7", "5-6 Agustus", "7/8/2023",
** "Senin", "two days ago", "bulan lalu" ... in a tokenized sentence and
** resolves them against the article's date.  Its words are data
** (data/dates.tsv, compiled into date_table.h at build time).
*/
#ifndef WARTA_DATE_H
#define WARTA_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warta.h"

/* Days since 1970-01-01 and back (proleptic Gregorian).  date_from_civil
** does not check its input: call date_valid first. */
int32_t date_from_civil(int y, int m, int d);
void date_to_civil(int32_t days, int *y, int *m, int *d);   /* OUT: y, m, d */
bool date_valid(int y, int m, int d);
/* Days since 1970-01-01 of "YYYY-MM-DD", "YYYYMMDD" or TABARI's "YYMMDD"
** (years before 30 are 20xx); false if it is not a real date. */
bool date_parse_ymd(const char *s, size_t n, int32_t *out);
/* The same for exactly "YYYY-MM-DD" (NUL-terminated): article dates,
** event dates and query bounds (public as warta_date_valid). */
bool parse_day(const char *s, int32_t *out);

typedef struct date_mention {
    uint32_t first, last;   /* token span [first,last) in the sentence */
    int32_t day;            /* resolved day: for a range ("5-6 Agustus") its
                               first day, for a month its 1st, for a year
                               Jan 1 */
    uint8_t precision;      /* warta_date_precision: WARTA_DATE_DAY / _MONTH
                               / _YEAR */
    bool impossible;        /* looked like a date but is not one: "31
                               Februari" (then day is unset) */
    int32_t ahead;          /* the day it names on or after the article's
                               day, for an event still to come ("will
                               visit on Monday", "in May" with no year:
                               the next one); else day */
} date_mention;

/* Find the date expressions of a tokenized sentence (s->tokens; s->lang is
** "id", "en", "ms" or other) and resolve them against the article's day
** (INT32_MIN when unknown: then relative expressions and day-months
** without a year stay unresolved and are not returned, never guessed).
** Writes up to max mentions in token order; returns how many.  Needs no
** memory and keeps no state (the index of its words is built once, on the
** first call): safe from any thread. */
size_t date_find(const warta_sentence *s, int32_t article_day,
                 date_mention *out, size_t max);

/* The work of one date_find: words looked up in the index of date words
** (a token at most twice: "Peb." is "peb." and "peb"), and the rows of
** dates.tsv tried against the text.  A token that starts no date costs
** no row. */
typedef struct date_work {
    size_t lookups, rows;
} date_work;
/* date_find, and what it cost in *work (OUT). */
size_t date_find_counted(const warta_sentence *s, int32_t article_day,
                         date_mention *out, size_t max, date_work *work);

#endif /* WARTA_DATE_H */
