/*
** cameo.h -- the CAMEO event-code table (src/cameo.c), private to libwarta.
**
** Rows come from data/cameo.tsv, compiled in at build time; every pointer
** is static and valid for the life of the program.
*/
#ifndef WARTA_CAMEO_H
#define WARTA_CAMEO_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cameo_code {
    const char *code;        /* "041"; also roots ("04") and 4 digits */
    const char *root;        /* "04" */
    int quad_class;          /* 1..4: verbal/material cooperation/conflict */
    double goldstein;        /* -10..10 */
    const char *plover_type, *plover_mode;  /* "" when none */
    const char *label;       /* "Discuss by telephone" */
} cameo_code;

/* The row for code[0..n) (need not be NUL-terminated), or NULL if it is
** not a known code.  Binary search. */
const cameo_code *cameo_lookup(const char *code, size_t n);
/* Number of rows; cameo_at(i) for i < cameo_count() walks them in
** ascending byte order of code (NULL past the end). */
size_t cameo_count(void);
const cameo_code *cameo_at(size_t i);
/* Whether code[0..n) is a known code. */
bool cameo_is_valid(const char *code, size_t n);

#endif /* WARTA_CAMEO_H */
