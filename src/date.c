/*
** date.c -- date expressions in a tokenized sentence, resolved to days.
**
** Reads sentence tokens (stage 4) and the words of data/dates.tsv, which
** the build compiles into date_table.h.  Hands on date_mention spans: a
** day since 1970-01-01 and how precise it is.  Calendar arithmetic is
** Howard Hinnant's days_from_civil / civil_from_days.
**
** Choices worth knowing:
**  - A day and month with no year take the latest year that puts them on
**    or before the article's day ("28 Desember" in an article of 2 January
**    2024 is 2023-12-28); a weekday is the latest such day on or before it
**    ("lalu"/"last" make it strictly before, "depan"/"next" after; "next
**    week", "pekan lalu" after it name that week's day).  Each
**    also says the first such day on or after the article's (ahead), which
**    an event still to come means ("will meet on Monday").
**  - There is no week precision: "pekan lalu", "last week", "dua minggu
**    lalu" are the article's day minus 7 days per week, precise to the
**    DAY only approximately.  Months and years count calendar units:
**    "bulan lalu" is the 1st of the previous month, precision MONTH.
**  - A bare year (1800-2199), or a span of them ("2013-14", from its
**    first), is a date only right after a yearcue word ("pada tahun
**    2019", "sejak 2019", "in 2019", "the 2003 invasion"), so "2019
**    people" is not one; a month alone needs a monthcue ("pada bulan
**    Juli", "in July").  Cue words help find a date but are not part of
**    its span.
**  - Numbers: Indonesian, Malay and others are D/M/Y, English M/D/Y; when
**    that order gives a month above 12 and the other order is a date, the
**    other order is taken.  "7/8" with no year is a date only after "(" or
**    a daycue ("Senin (7/8)", "tanggal 7/8"), as Indonesian news writes it.
*/
#include <pthread.h>
#include <string.h>

#include "date.h"
#include "warta_int.h"

typedef enum {
    DW_MONTH, DW_WEEKDAY, DW_DAYS, DW_UNIT, DW_NUMBER, DW_AGO, DW_LAST,
    DW_NEXT, DW_THIS, DW_EARLY, DW_MID, DW_LATE, DW_RANGE, DW_DAYCUE,
    DW_YEARCUE, DW_MONTHCUE
} date_word_kind;

typedef struct date_word {
    const char *lang;       /* "id", "en", "ms"; "" for every language */
    uint8_t kind;           /* date_word_kind */
    const char *phrase;     /* lower case, words split by one space */
    int value;              /* month, weekday, offset, days per unit, count */
    bool capital;           /* counts only when the text capitalizes it */
} date_word;

#include "date_table.h"

#define N_WORDS (sizeof date_words / sizeof date_words[0])
#define YEAR_MIN 1800
#define YEAR_MAX 2199
#define UNKNOWN INT32_MIN

/* ---- calendar ---------------------------------------------------------- */

int32_t date_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;                                    /* [0, 399] */
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;   /* [0, 365] */
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            /* [0, 146096] */
    return (int32_t)(era * 146097 + doe - 719468);
}

void date_to_civil(int32_t days, int *y, int *m, int *d)
{
    int32_t z = days + 719468;
    int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    int32_t doe = z - era * 146097;
    int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int32_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : n[m - 1];
}

bool date_valid(int y, int m, int d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

/* Two digits at s as a number. */
static int two_digits(const char *s)
{
    return (s[0] - '0') * 10 + (s[1] - '0');
}

bool date_parse_ymd(const char *s, size_t n, int32_t *out)
{
    char digits[9];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '-' && n == 10)
            continue;
        if (s[i] < '0' || s[i] > '9' || k == 8)
            return false;
        digits[k++] = s[i];
    }
    int y, m, d;
    if (k == 6) {                       /* TABARI: years before 30 are 20xx */
        y = two_digits(digits);
        y += y < 30 ? 2000 : 1900;
        m = two_digits(digits + 2);
        d = two_digits(digits + 4);
    } else if (k == 8) {
        y = two_digits(digits) * 100 + two_digits(digits + 2);
        m = two_digits(digits + 4);
        d = two_digits(digits + 6);
    } else {
        return false;
    }
    if (!date_valid(y, m, d))
        return false;
    *out = date_from_civil(y, m, d);
    return true;
}

bool parse_day(const char *s, int32_t *out)
{
    return s && strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
           date_parse_ymd(s, 10, out);
}

bool warta_date_valid(const char *s)
{
    int32_t days;
    return parse_day(s, &days);
}

/* ISO weekday of a day: 1 Monday .. 7 Sunday (1970-01-01 was a Thursday). */
static int weekday(int32_t days)
{
    return (int)(((days + 3) % 7 + 7) % 7) + 1;
}

/* ---- words ------------------------------------------------------------- */

/* The rows of dates.tsv under the first word of their phrase, built
** once: a token looks its word up and tries only the rows that start with
** it, so that a token that starts no date expression costs one lookup
** however often the parsers below ask about it (about fifteen times). */
typedef struct first_word {
    const char *word;       /* in a row's phrase; not NUL-terminated */
    size_t n;
    uint16_t first, count;  /* its rows: dates_index.rows[first..+count) */
    uint64_t kinds;         /* bit LANG_CLASSES * kind + class: it starts a
                               row of that kind serving that class */
} first_word;

/* The sentence languages a row may serve: en, id and ms sentences read
** their own rows (Malay the Indonesian ones too), any other language
** every row. */
enum { CLASS_EN, CLASS_ID, CLASS_MS, CLASS_OTHER, LANG_CLASSES };
_Static_assert(LANG_CLASSES * (DW_MONTHCUE + 1) <= 64, "kinds fit a mask");

#define WORD_SLOTS 1024             /* over twice the rows: short probes */
_Static_assert(N_WORDS * 2 <= WORD_SLOTS && N_WORDS < UINT16_MAX,
               "more word slots");

static struct {
    first_word words[N_WORDS];
    size_t n_words;
    uint16_t slot[WORD_SLOTS];      /* word index + 1; 0: empty */
    uint16_t rows[N_WORDS];         /* row numbers by first word, each
                                       word's in table order */
    uint8_t serves[N_WORDS];        /* by row: a bit per class it serves */
} dates_index;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

typedef struct scan {
    const warta_sentence *s;
    unsigned lang_class;
    bool mdy;               /* numbers are month first (English) */
    int32_t today;          /* the article's day, or UNKNOWN */
    uint64_t kinds;         /* every kind's bit for lang_class: a word
                               whose first_word.kinds has none starts no
                               date expression here */
    date_work *work;
    /* the words of the last tokens looked up, by token index mod 8:
    ** the parsers ask about a token and its neighbours over and over */
    struct {
        size_t token;       /* SIZE_MAX: none yet */
        const first_word *w[2];
    } seen[8];
} scan;

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Does text p[0..n) spell w[0..wn) (ASCII case folded)?  A final period
** the word lacks is allowed: "Peb." is "peb". */
static bool word_eq(const char *p, size_t n, const char *w, size_t wn)
{
    if (n == wn + 1 && p[wn] == '.')
        n = wn;
    if (n != wn)
        return false;
    for (size_t i = 0; i < n; i++)
        if (lower(p[i]) != w[i])
            return false;
    return true;
}

static unsigned lang_class(const char *lang)
{
    return !strcmp(lang, "en")   ? CLASS_EN
           : !strcmp(lang, "id") ? CLASS_ID
           : !strcmp(lang, "ms") ? CLASS_MS
                                 : CLASS_OTHER;
}

/* The classes of sentence language a row of language row serves. */
static uint8_t row_serves(const char *row)
{
    unsigned all = (1u << LANG_CLASSES) - 1, other = 1u << CLASS_OTHER;
    return (uint8_t)(!row[0]                ? all
                     : !strcmp(row, "en")   ? 1u << CLASS_EN | other
                     : !strcmp(row, "id")   ? 1u << CLASS_ID | 1u << CLASS_MS |
                                                  other
                     : !strcmp(row, "ms")   ? 1u << CLASS_MS | other
                                            : other);
}

/* ---- the index of first words ------------------------------------------ */

/* FNV-1a over the ASCII-folded bytes: a token's in any case, a phrase's
** (lower case already). */
static uint64_t fold_hash(const char *p, size_t n)
{
    uint64_t h = HASH_START;
    for (size_t i = 0; i < n; i++)
        h = hash_step(h, (unsigned char)lower(p[i]));
    return h;
}

static bool fold_eq(const char *p, size_t n, const first_word *w)
{
    if (n != w->n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (lower(p[i]) != w->word[i])
            return false;
    return true;
}

/* The first word that is p[0..n) folded, or NULL; the slot it has, or
** would have, in *slot. */
static first_word *lookup_word(const char *p, size_t n, size_t *slot)
{
    size_t i = fold_hash(p, n) % WORD_SLOTS;
    for (; dates_index.slot[i]; i = (i + 1) % WORD_SLOTS) {
        first_word *w = &dates_index.words[dates_index.slot[i] - 1];
        if (fold_eq(p, n, w)) {
            *slot = i;
            return w;
        }
    }
    *slot = i;
    return NULL;
}

static void build_index(void)
{
    uint16_t word_of[N_WORDS];
    for (size_t r = 0; r < N_WORDS; r++) {      /* the words and their counts */
        const date_word *d = &date_words[r];
        const char *sp = strchr(d->phrase, ' ');
        size_t n = sp ? (size_t)(sp - d->phrase) : strlen(d->phrase), slot;
        first_word *w = lookup_word(d->phrase, n, &slot);
        if (!w) {
            w = &dates_index.words[dates_index.n_words++];
            *w = (first_word){.word = d->phrase, .n = n};
            dates_index.slot[slot] = (uint16_t)dates_index.n_words;
        }
        dates_index.serves[r] = row_serves(d->lang);
        for (unsigned c = 0; c < LANG_CLASSES; c++)
            if (dates_index.serves[r] >> c & 1)
                w->kinds |= 1ull << (d->kind * LANG_CLASSES + c);
        w->count++;
        word_of[r] = (uint16_t)(w - dates_index.words);
    }
    uint16_t next = 0;
    for (size_t k = 0; k < dates_index.n_words; k++) {
        dates_index.words[k].first = next;
        next = (uint16_t)(next + dates_index.words[k].count);
        dates_index.words[k].count = 0;
    }
    for (size_t r = 0; r < N_WORDS; r++) {      /* each word's rows, in order */
        first_word *w = &dates_index.words[word_of[r]];
        dates_index.rows[w->first + w->count++] = (uint16_t)r;
    }
}

/* The first words a token p[0..n) may be: itself, and itself less a final
** period ("Peb." is "peb" too; see word_eq).  One lookup each. */
static void words_of(scan *sc, const char *p, size_t n,
                     const first_word *out[2])
{
    size_t slot;
    sc->work->lookups++;
    out[0] = lookup_word(p, n, &slot);
    out[1] = NULL;
    if (n > 1 && p[n - 1] == '.') {
        sc->work->lookups++;
        out[1] = lookup_word(p, n - 1, &slot);
    }
}

/* The first words of token i, looked up once while it stays among the
** last few asked about. */
static const first_word *const *token_words(scan *sc, size_t i)
{
    size_t k = i % ARRAY_LEN(sc->seen);
    if (sc->seen[k].token != i) {
        const warta_token *t = &sc->s->tokens[i];
        words_of(sc, t->text.p, t->text.n, sc->seen[k].w);
        sc->seen[k].token = i;
    }
    return sc->seen[k].w;
}

/* Could a row of this kind for the sentence's language start with w? */
static bool word_has(const scan *sc, const first_word *w, date_word_kind kind)
{
    return w && w->kinds >> (kind * LANG_CLASSES + sc->lang_class) & 1;
}

/* The rows of a kind, serving the sentence's language, that start with a
** word (either of two), taken one at a time in table order. */
typedef struct row_walk {
    const first_word *const *w;     /* two, either may be NULL */
    date_word_kind kind;
    size_t taken[2];                /* of each word's rows */
} row_walk;

/* The next row of the walk, or NULL when none is left. */
static const date_word *next_row(scan *sc, row_walk *rw)
{
    for (;;) {
        size_t rank[2], k;
        for (k = 0; k < 2; k++)
            rank[k] = rw->w[k] && rw->taken[k] < rw->w[k]->count
                          ? dates_index.rows[rw->w[k]->first + rw->taken[k]]
                          : SIZE_MAX;
        k = rank[1] < rank[0];
        if (rank[k] == SIZE_MAX)
            return NULL;
        rw->taken[k]++;
        const date_word *d = &date_words[rank[k]];
        if (d->kind == rw->kind &&
            dates_index.serves[rank[k]] >> sc->lang_class & 1) {
            sc->work->rows++;
            return d;
        }
    }
}

static const warta_token *tok(const scan *sc, size_t i)
{
    return i < sc->s->n_tokens ? &sc->s->tokens[i] : NULL;
}

/* How many tokens from i the row's phrase covers; 0 if it does not match. */
static size_t phrase_at(const scan *sc, size_t i, const date_word *w)
{
    const char *p = w->phrase;
    size_t k = 0;
    if (w->capital) {
        const warta_token *t = tok(sc, i);
        if (!t || !(t->text.p[0] >= 'A' && t->text.p[0] <= 'Z'))
            return 0;
    }
    for (;;) {
        const char *sp = strchr(p, ' ');
        size_t wn = sp ? (size_t)(sp - p) : strlen(p);
        const warta_token *t = tok(sc, i + k);
        if (!t || !word_eq(t->text.p, t->text.n, p, wn))
            return 0;
        k++;
        if (!sp)
            return k;
        p = sp + 1;
    }
}

/* The longest phrase of a kind at token i: its length in tokens (0 when
** none) and its value; of two as long, the row first in the table. */
static size_t find(scan *sc, size_t i, date_word_kind kind, int *value)
{
    if (i >= sc->s->n_tokens)
        return 0;
    const first_word *const *w = token_words(sc, i);
    if (!word_has(sc, w[0], kind) && !word_has(sc, w[1], kind))
        return 0;
    row_walk rw = {.w = w, .kind = kind};
    size_t best = 0;
    for (const date_word *d; (d = next_row(sc, &rw)) != NULL;) {
        size_t k = phrase_at(sc, i, d);
        if (k > best) {
            best = k;
            if (value)
                *value = d->value;
        }
    }
    return best;
}

static bool is_kind(scan *sc, size_t i, date_word_kind kind)
{
    return find(sc, i, kind, NULL) > 0;
}

/* A run of 1..maxd ASCII digits; its value, or -1. */
static int digits(const char *p, size_t n, size_t maxd)
{
    if (n == 0 || n > maxd)
        return -1;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(p[i]))
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

static int number_token(const scan *sc, size_t i, size_t maxd)
{
    const warta_token *t = tok(sc, i);
    return t ? digits(t->text.p, t->text.n, maxd) : -1;
}

/* A year: four digits, YEAR_MIN..YEAR_MAX; else -1. */
static int year_at(const scan *sc, size_t i)
{
    const warta_token *t = tok(sc, i);
    int y = t && t->text.n == 4 ? digits(t->text.p, 4, 4) : -1;
    return y >= YEAR_MIN && y <= YEAR_MAX ? y : -1;
}

/* A day of the month at token i: "7", "07", "7th", or a range "5-6" (then
** *d2 is its last day).  False if the token is none of these. */
static bool day_at(const scan *sc, size_t i, int *d1, int *d2)
{
    const warta_token *t = tok(sc, i);
    if (!t)
        return false;
    const char *p = t->text.p;
    size_t n = t->text.n;
    const char *dash = memchr(p, '-', n);
    if (dash) {
        int a = digits(p, (size_t)(dash - p), 2);
        int b = digits(dash + 1, n - (size_t)(dash - p) - 1, 2);
        if (a < 1 || b < 1 || a > 31 || b > 31 || a >= b)
            return false;
        *d1 = a;
        *d2 = b;
        return true;
    }
    if (n >= 3 && sc->mdy) {            /* English ordinals: "7th", "21st" */
        const char *sfx = p + n - 2;
        if (word_eq(sfx, 2, "st", 2) || word_eq(sfx, 2, "nd", 2) ||
            word_eq(sfx, 2, "rd", 2) || word_eq(sfx, 2, "th", 2))
            n -= 2;
    }
    int d = digits(p, n, 2);
    if (d < 1 || d > 31)
        return false;
    *d1 = *d2 = d;
    return true;
}

/* ---- resolving --------------------------------------------------------- */

/* A day and month with or without a year (y 0), and the last day d2 of a
** range.  Fills m->day / impossible; false when it cannot be resolved and
** must not be returned (no year and no article date). */
static bool resolve_dm(const scan *sc, int y, int mo, int d, int d2,
                       date_mention *m)
{
    m->precision = WARTA_DATE_DAY;
    if (y) {
        m->impossible = !date_valid(y, mo, d) || !date_valid(y, mo, d2);
        if (!m->impossible)
            m->day = date_from_civil(y, mo, d);
        return true;
    }
    if (!date_valid(2000, mo, d2)) {    /* 2000 is leap: invalid every year */
        m->impossible = true;
        return true;
    }
    if (sc->today == UNKNOWN)
        return false;
    int ty, tm, td;
    date_to_civil(sc->today, &ty, &tm, &td);
    /* 29 February can be up to eight years back (across 2100), and on */
    m->ahead = INT32_MIN;
    for (y = ty; y <= ty + 8 && m->ahead == INT32_MIN; y++)
        if (date_valid(y, mo, d2) && date_from_civil(y, mo, d) >= sc->today)
            m->ahead = date_from_civil(y, mo, d);
    for (y = ty; y >= ty - 8; y--) {
        if (date_valid(y, mo, d2) && date_from_civil(y, mo, d) <= sc->today) {
            m->day = date_from_civil(y, mo, d);
            return true;
        }
    }
    return false;
}

/* A month with or without a year; no year takes the latest such month
** that starts on or before the article's day. */
static bool resolve_month(const scan *sc, int y, int mo, date_mention *m)
{
    m->precision = WARTA_DATE_MONTH;
    if (!y) {
        if (sc->today == UNKNOWN)
            return false;
        int tm, td;
        date_to_civil(sc->today, &y, &tm, &td);
        m->ahead = date_from_civil(mo < tm ? y + 1 : y, mo, 1);
        if (mo > tm)
            y--;
    }
    m->day = date_from_civil(y, mo, 1);
    return true;
}

/* Month mo before (dir -1) or after (+1) this month, never this one. */
static bool resolve_month_from(const scan *sc, int dir, int mo, date_mention *m)
{
    if (sc->today == UNKNOWN)
        return false;
    int y, tm, td;
    date_to_civil(sc->today, &y, &tm, &td);
    if (dir < 0)
        y -= mo >= tm;
    else
        y += mo <= tm;
    m->precision = WARTA_DATE_MONTH;
    m->day = m->ahead = date_from_civil(y, mo, 1);
    return true;
}

/* n units of `unit` days (1, 7, 30 = a month, 365 = a year) from today;
** n may be negative. */
static bool resolve_units(const scan *sc, int n, int unit, date_mention *m)
{
    if (sc->today == UNKNOWN)
        return false;
    int y, mo, d;
    date_to_civil(sc->today, &y, &mo, &d);
    if (unit == 30) {
        int k = y * 12 + (mo - 1) + n;
        int ky = k >= 0 ? k / 12 : -((-k + 11) / 12);
        m->day = date_from_civil(ky, k - ky * 12 + 1, 1);
        m->precision = WARTA_DATE_MONTH;
    } else if (unit == 365) {
        m->day = date_from_civil(y + n, 1, 1);
        m->precision = WARTA_DATE_YEAR;
    } else {
        m->day = sc->today + (int32_t)n * unit;
        m->precision = WARTA_DATE_DAY;
    }
    return true;
}

/* The weekday wd relative to today: dir 0 the latest on or before today,
** -1 strictly before, +1 strictly after. */
static bool resolve_weekday(const scan *sc, int wd, int dir, date_mention *m)
{
    if (sc->today == UNKNOWN)
        return false;
    int now = weekday(sc->today);
    int back = (now - wd + 7) % 7;
    int ahead = (wd - now + 7) % 7;
    if (dir > 0) {
        m->day = sc->today + (ahead ? ahead : 7);
    } else {
        m->day = sc->today - (back || dir == 0 ? back : 7);
        if (dir == 0)
            m->ahead = sc->today + ahead;
    }
    m->precision = WARTA_DATE_DAY;
    return true;
}

/* ---- expressions --------------------------------------------------------- */

/* Each parser tries one family at token i.  On a match it fills m (span,
** day, precision) and returns true; the span's first token is i. */

/* "7/8/2023", "2023-08-07", "07.08.2023", "7/8" (after a cue). */
static bool numeric_date(scan *sc, size_t i, date_mention *m)
{
    const warta_token *t = tok(sc, i);
    if (!t || !is_digit(t->text.p[0]))
        return false;
    const char *p = t->text.p;
    size_t n = t->text.n, start[3], len[3], k = 0, j = 0;
    char sep = 0;
    for (size_t a = 0; a <= n; a++) {
        if (a < n && is_digit(p[a]))
            continue;
        if (a < n) {
            if (p[a] != '/' && p[a] != '-' && p[a] != '.')
                return false;
            if (sep && p[a] != sep)
                return false;
            sep = p[a];
        }
        if (k == 3)
            return false;
        start[k] = j;
        len[k++] = a - j;
        j = a + 1;
    }
    if (k < 2 || (k == 2 && sep != '/'))
        return false;
    int v[3];
    for (size_t q = 0; q < k; q++)
        if ((v[q] = digits(p + start[q], len[q], 4)) < 0)
            return false;
    int y = 0, mo, d;
    if (k == 3 && len[0] == 4) {                        /* Y-M-D */
        if (len[1] > 2 || len[2] > 2)
            return false;
        y = v[0], mo = v[1], d = v[2];
    } else {
        if (len[0] > 2 || len[1] > 2)
            return false;
        if (k == 3) {
            if (len[2] == 2)
                y = v[2] < 50 ? 2000 + v[2] : 1900 + v[2];
            else if (len[2] == 4)
                y = v[2];
            else
                return false;
        } else {
            /* no year: only "(7/8)" or after a daycue */
            const warta_token *prev = i ? tok(sc, i - 1) : NULL;
            bool paren = prev && prev->text.n == 1 && prev->text.p[0] == '(';
            if (!paren && !(i && is_kind(sc, i - 1, DW_DAYCUE)))
                return false;
        }
        d = sc->mdy ? v[1] : v[0];
        mo = sc->mdy ? v[0] : v[1];
        if (mo > 12 && d <= 12) {       /* the other order */
            int x = mo;
            mo = d;
            d = x;
        }
    }
    if (y && (y < YEAR_MIN || y > YEAR_MAX))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > 31)
        return false;                   /* not a date at all: "3.000.000" */
    m->last = (uint32_t)i + 1;
    return resolve_dm(sc, y, mo, d, d, m);
}

/* "7 Agustus [2023]", "5-6 Agustus", "5 hingga 6 Agustus", "7th of
** August". */
static bool day_month(scan *sc, size_t i, date_mention *m)
{
    int d1, d2, mo, x;
    if (!day_at(sc, i, &d1, &d2))
        return false;
    size_t j = i + 1, k;
    int y2;
    if (d1 == d2 && (k = find(sc, j, DW_RANGE, NULL)) &&
        day_at(sc, j + k, &x, &y2) && x == y2 && x > d1) {
        d2 = x;
        j += k + 1;
    }
    if (sc->mdy && tok(sc, j) && word_eq(tok(sc, j)->text.p, tok(sc, j)->text.n,
                                         "of", 2))
        j++;
    if (!(k = find(sc, j, DW_MONTH, &mo)))
        return false;
    j += k;
    int y = year_at(sc, j);
    if (y > 0)
        j++;
    m->last = (uint32_t)j;
    return resolve_dm(sc, y > 0 ? y : 0, mo, d1, d2, m);
}

static int direction_at(scan *sc, size_t i, size_t *len);

/* Is token i the possessive "'s" (or "’s")? */
static bool possessive_at(scan *sc, size_t i)
{
    const warta_token *t = tok(sc, i);
    return t && ((t->text.n == 2 && memcmp(t->text.p, "'s", 2) == 0) ||
                 (t->text.n == 4 && memcmp(t->text.p, "\xe2\x80\x99s", 4) == 0));
}

/* "August 7[, 2023]", "August 5-6", "Juli 2022", "in July", "last April". */
static bool month_first(scan *sc, size_t i, date_mention *m)
{
    int mo, d1, d2;
    size_t k = find(sc, i, DW_MONTH, &mo);
    if (!k)
        return false;
    size_t j = i + k;
    int y = year_at(sc, j);
    const warta_token *comma = tok(sc, j);
    if (y < 0 && comma && comma->text.n == 1 && comma->text.p[0] == ',' &&
        year_at(sc, j + 1) > 0)
        y = year_at(sc, ++j);           /* "November, 2015" */
    if (y > 0) {
        m->last = (uint32_t)j + 1;
        return resolve_month(sc, y, mo, m);
    }
    if (day_at(sc, j, &d1, &d2)) {
        j++;
        const warta_token *c = tok(sc, j);
        if (c && c->text.n == 1 && c->text.p[0] == ',' && year_at(sc, j + 1) > 0)
            j++;
        y = year_at(sc, j);
        if (y > 0)
            j++;
        m->last = (uint32_t)j;
        return resolve_dm(sc, y > 0 ? y : 0, mo, d1, d2, m);
    }
    /* "last April", "next May"; "April lalu", "Mei depan": the one
    ** strictly before or after this month */
    size_t a;
    int dir = sc->mdy ? (i ? direction_at(sc, i - 1, &a) : 2) : direction_at(sc, j, &a);
    if ((dir == -1 || dir == 1) && (!sc->mdy || a == 1)) {
        if (sc->mdy)
            m->first = (uint32_t)i - 1;
        m->last = (uint32_t)(sc->mdy ? j : j + a);
        return resolve_month_from(sc, dir, mo, m);
    }
    /* alone, after "pada bulan", "in", or "awal" / "late"; or owning what
    ** it dates ("April's attack") */
    if (possessive_at(sc, j)) {
        m->last = (uint32_t)j;
        return resolve_month(sc, 0, mo, m);
    }
    if (i && (is_kind(sc, i - 1, DW_MONTHCUE) || is_kind(sc, i - 1, DW_EARLY) ||
              is_kind(sc, i - 1, DW_MID) || is_kind(sc, i - 1, DW_LATE))) {
        m->last = (uint32_t)j;
        return resolve_month(sc, 0, mo, m);
    }
    return false;
}

/* A span of years as one token, "2013-14" or "2013-2014": its first
** year, or -1. */
static int years_at(const scan *sc, size_t i)
{
    const warta_token *t = tok(sc, i);
    if (!t || (t->text.n != 7 && t->text.n != 9) || t->text.p[4] != '-' ||
        digits(t->text.p + 5, t->text.n - 5, t->text.n - 5) < 0)
        return -1;
    int y = digits(t->text.p, 4, 4);
    return y >= YEAR_MIN && y <= YEAR_MAX ? y : -1;
}

/* "pada tahun 2019", "in 2019", "in 2013-14" (from its first year). */
static bool bare_year(scan *sc, size_t i, date_mention *m)
{
    int y = year_at(sc, i);
    if (y < 0)
        y = years_at(sc, i);
    if (y < 0 || !i || !is_kind(sc, i - 1, DW_YEARCUE))
        return false;
    m->last = (uint32_t)i + 1;
    m->day = date_from_civil(y, 1, 1);
    m->precision = WARTA_DATE_YEAR;
    return true;
}

/* A count of units: "dua", "3", "a"; "sepekan" is one week by itself
** (returns 1 token, *unit set). */
static size_t count_at(scan *sc, size_t i, int *n, int *unit)
{
    int v = number_token(sc, i, 3);
    if (v > 0) {
        *n = v;
        return 1;
    }
    size_t k = find(sc, i, DW_NUMBER, n);
    if (k)
        return k;
    const warta_token *t = tok(sc, i);
    if (t && !sc->mdy && t->text.n > 2 && lower(t->text.p[0]) == 's' &&
        lower(t->text.p[1]) == 'e') {
        const first_word *w[2];
        words_of(sc, t->text.p + 2, t->text.n - 2, w);
        row_walk rw = {.w = w, .kind = DW_UNIT};
        for (const date_word *d; (d = next_row(sc, &rw)) != NULL;) {
            if (word_eq(t->text.p + 2, t->text.n - 2, d->phrase,
                        strlen(d->phrase))) {
                *n = 1;
                *unit = d->value;
                return 1;
            }
        }
    }
    return 0;
}

/* "dua hari lalu", "3 hari yang lalu", "sepekan lalu", "two days ago". */
static bool units_ago(scan *sc, size_t i, date_mention *m)
{
    int n = 0, unit = 0;
    size_t k = count_at(sc, i, &n, &unit), j = i + k, a;
    if (!k)
        return false;
    if (!unit) {
        if (!(a = find(sc, j, DW_UNIT, &unit)))
            return false;
        j += a;
    }
    if (!(a = find(sc, j, DW_AGO, NULL)))
        return false;
    m->last = (uint32_t)(j + a);
    return resolve_units(sc, -n, unit, m);
}

/* A last / next / this marker at i: -1, +1, 0; or 2 when none. */
static int direction_at(scan *sc, size_t i, size_t *len)
{
    if ((*len = find(sc, i, DW_LAST, NULL)))
        return -1;
    if ((*len = find(sc, i, DW_NEXT, NULL)))
        return 1;
    if ((*len = find(sc, i, DW_THIS, NULL)))
        return 0;
    return 2;
}

/* "pekan lalu", "bulan ini", "tahun depan"; "last week", "this month". */
static bool named_unit(scan *sc, size_t i, date_mention *m)
{
    int unit, dir;
    size_t k, a;
    if (sc->mdy) {
        if ((dir = direction_at(sc, i, &a)) == 2 ||
            !(k = find(sc, i + a, DW_UNIT, &unit)))
            return false;
    } else {
        if (!(k = find(sc, i, DW_UNIT, &unit)) ||
            (dir = direction_at(sc, i + k, &a)) == 2)
            return false;
    }
    m->last = (uint32_t)(i + k + a);
    return resolve_units(sc, dir, unit, m);
}

static bool relative_day(scan *sc, size_t i, date_mention *m)
{
    int off;
    size_t k = find(sc, i, DW_DAYS, &off);
    if (!k)
        return false;
    m->last = (uint32_t)(i + k);
    return resolve_units(sc, off, 1, m);
}

static bool absolute(scan *sc, size_t i, date_mention *m)
{
    return numeric_date(sc, i, m) || day_month(sc, i, m) ||
           month_first(sc, i, m);
}

/* After a weekday, "next week", "last week" ("pekan depan", "minggu
** lalu"), also after a second weekday ("Thursday and Friday next week"):
** its length in tokens, and in *dir +1 or -1; 0 if none. */
static size_t week_after(scan *sc, size_t j, int *dir)
{
    size_t a = 0, k = 0, r = find(sc, j, DW_RANGE, NULL), second = 0;
    int d, unit;
    if (r && (second = find(sc, j + r, DW_WEEKDAY, NULL)))
        return (k = week_after(sc, j + r + second, dir)) ? r + second + k : 0;
    if (sc->mdy) {
        if ((d = direction_at(sc, j, &a)) == 2 || d == 0 ||
            !(k = find(sc, j + a, DW_UNIT, &unit)) || unit != 7)
            return 0;
    } else {
        if (!(k = find(sc, j, DW_UNIT, &unit)) || unit != 7 ||
            (d = direction_at(sc, j + k, &a)) == 2 || d == 0)
            return 0;
    }
    *dir = d;
    return a + k;
}

/* "Senin", "Senin lalu", "last Monday", "Senin (7/8)", "Monday, August 7",
** "Thursday next week". */
static bool weekday_expr(scan *sc, size_t i, date_mention *m)
{
    int wd, dir = 0;
    size_t k, a = 0, j;
    if (sc->mdy && (dir = direction_at(sc, i, &a)) == 2)
        dir = 0, a = 0;
    if (!(k = find(sc, i + a, DW_WEEKDAY, &wd)))
        return false;
    j = i + a + k;
    if (!sc->mdy && (dir = direction_at(sc, j, &a)) != 2)
        j += a;
    else if (!sc->mdy)
        dir = 0;
    /* a date that follows names the day outright */
    const warta_token *c = tok(sc, j);
    if (c && c->text.n == 1 && (c->text.p[0] == ',' || c->text.p[0] == '(')) {
        date_mention d = *m;
        if (absolute(sc, j + 1, &d) && d.precision == WARTA_DATE_DAY) {
            j = d.last;
            c = tok(sc, j);
            if (c && c->text.n == 1 && c->text.p[0] == ')')
                j++;
            *m = d;
            m->last = (uint32_t)j;
            return true;
        }
    }
    m->last = (uint32_t)j;
    size_t week = dir == 0 ? week_after(sc, j, &dir) : 0;
    if (!resolve_weekday(sc, wd, dir, m))
        return false;
    if (week) {                     /* "Thursday next week", "Kamis pekan
                                       depan": that week's Thursday */
        m->last = (uint32_t)(j + week);
        m->day = sc->today + 7 * dir - weekday(sc->today) + wd;
        m->ahead = m->day;
    }
    return true;
}

/* "awal bulan ini", "late last year", "akhir Juli 2022": the marker joins
** the span; the month or year stays as it is. */
static bool part_of(scan *sc, size_t i, date_mention *m);

static bool early_late(scan *sc, size_t i, date_mention *m)
{
    size_t k = find(sc, i, DW_EARLY, NULL);
    if (!k)
        k = find(sc, i, DW_MID, NULL);
    if (!k)
        k = find(sc, i, DW_LATE, NULL);
    if (!k)
        return false;
    date_mention d = *m;
    if (!part_of(sc, i + k, &d) || d.impossible ||
        d.precision == WARTA_DATE_DAY)
        return false;
    d.first = m->first;
    *m = d;
    return true;
}

static bool part_of(scan *sc, size_t i, date_mention *m)
{
    return named_unit(sc, i, m) || month_first(sc, i, m) ||
           bare_year(sc, i, m);
}

/* Can a date expression start at token i: a number, a word that starts
** a row of the table in the sentence's language, or an Indonesian se-
** word ("sepekan", one week)?  Most tokens cannot, and cost this one test. */
static bool may_start_date(scan *sc, size_t i)
{
    const warta_token *t = tok(sc, i);
    if (!t || !t->text.n)
        return false;
    if (is_digit(t->text.p[0]))
        return true;
    if (!sc->mdy && t->text.n > 2 && lower(t->text.p[0]) == 's' &&
        lower(t->text.p[1]) == 'e')
        return true;
    const first_word *const *w = token_words(sc, i);
    return ((w[0] ? w[0]->kinds : 0) | (w[1] ? w[1]->kinds : 0)) & sc->kinds;
}

size_t date_find_counted(const warta_sentence *s, int32_t article_day,
                         date_mention *out, size_t max, date_work *work)
{
    pthread_once(&index_once, build_index);
    *work = (date_work){0};
    scan sc = {.s = s, .lang_class = lang_class(s->lang),
               .mdy = !strcmp(s->lang, "en"), .today = article_day,
               .work = work};
    for (size_t k = 0; k < ARRAY_LEN(sc.seen); k++)
        sc.seen[k].token = SIZE_MAX;
    for (unsigned k = 0; k <= DW_MONTHCUE; k++)
        sc.kinds |= 1ull << (k * LANG_CLASSES + sc.lang_class);
    size_t n = 0;
    for (size_t i = 0; i < s->n_tokens && n < max;) {
        date_mention m = {.first = (uint32_t)i, .last = (uint32_t)i, .ahead = INT32_MIN};
        /* order matters: "Minggu lalu" is last week before it is Sunday,
        ** "hari ini" is today before "hari" is a unit */
        bool found = may_start_date(&sc, i) && (early_late(&sc, i, &m) || relative_day(&sc, i, &m) ||
                     units_ago(&sc, i, &m) || named_unit(&sc, i, &m) ||
                     weekday_expr(&sc, i, &m) || absolute(&sc, i, &m) ||
                     bare_year(&sc, i, &m));
        if (found && m.last > i) {
            if (m.ahead == INT32_MIN)
                m.ahead = m.day;
            out[n++] = m;
            i = m.last;
        } else {
            i++;
        }
    }
    return n;
}

size_t date_find(const warta_sentence *s, int32_t article_day,
                 date_mention *out, size_t max)
{
    date_work work;
    return date_find_counted(s, article_day, out, max, &work);
}
