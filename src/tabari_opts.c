/*
** tabari_opts.c -- TABARI's options commands (manual ch. 8), as its
** .options file and a validation record's "{ OPTION: ... }" lines give
** them: the ones that change coding and that warta follows (SET: CODE BY
** CLAUSE / SENTENCE, SET: CODE ALL, SET: CONVERT AGENT, SET: MINIMUM
** WORDS, DEFAULT:, COMMA:, FORWARD:), the ones that change only TABARI's
** output or screens (accepted, nothing to do), and the ones that change
** TABARI's coding in ways warta does not copy (named, so the user is
** told).
*/
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "warta_int.h"

/* s with blanks skipped */
static const char *skip_blanks(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

/* Does s start with word (case aside, blanks inside word matching any
** run of blanks)?  Sets *after past it. */
static bool starts_with(const char *s, const char *word, const char **after)
{
    s = skip_blanks(s);
    for (const char *w = word; *w; w++) {
        if (*w == ' ') {
            if (*s != ' ' && *s != '\t')
                return false;
            s = skip_blanks(s);
            continue;
        }
        if (toupper((unsigned char)*s) != *w)
            return false;
        s++;
    }
    *after = s;
    return true;
}

/* "[CODE]" at s into code (upper case); false when there is none or it
** does not fit. */
static bool bracket_code(const char *s, char *code, size_t cap,
                         const char **after)
{
    s = skip_blanks(s);
    if (*s == ':')
        s = skip_blanks(s + 1);     /* "SOURCE: [USA]" */
    if (*s != '[')
        return false;
    const char *close = strchr(s, ']');
    if (!close)
        return false;
    const char *a = skip_blanks(s + 1);
    size_t n = (size_t)(close - a);
    while (n && (a[n - 1] == ' ' || a[n - 1] == '\t'))
        n--;
    if (n == 0 || n >= cap)
        return false;
    for (size_t i = 0; i < n; i++)
        code[i] = (char)toupper((unsigned char)a[i]);
    code[n] = '\0';
    *after = close + 1;
    return true;
}

/* "DEFAULT: OFF" or "DEFAULT: SOURCE [code] <PRIOR> TARGET [code] <AFTER>",
** either side alone. */
static tabari_opt_result default_cmd(tabari_opts *o, const char *s, char *why,
                                     size_t n_why)
{
    const char *p;
    if (starts_with(s, "OFF", &p) && !*skip_blanks(p)) {
        o->default_source[0] = o->default_target[0] = '\0';
        o->source_prior = o->target_after = false;
        return TABARI_OPT_DONE;
    }
    tabari_opts n = *o;
    bool any = false;
    if (starts_with(s, "SOURCE", &p)) {
        if (!bracket_code(p, n.default_source, sizeof n.default_source, &s))
            goto bad;
        n.source_prior = starts_with(s, "PRIOR", &p);
        if (n.source_prior)
            s = p;
        any = true;
    }
    if (starts_with(s, "TARGET", &p)) {
        if (!bracket_code(p, n.default_target, sizeof n.default_target, &s))
            goto bad;
        n.target_after = starts_with(s, "AFTER", &p);
        if (n.target_after)
            s = p;
        any = true;
    }
    if (!any || *skip_blanks(s))
        goto bad;
    *o = n;
    return TABARI_OPT_DONE;
bad:
    snprintf(why, n_why, "DEFAULT: is OFF, or SOURCE [CODE] (PRIOR) and/or "
             "TARGET [CODE] (AFTER), codes of 1 to %zu characters",
             sizeof o->default_source - 1);
    return TABARI_OPT_BAD;
}

/* "COMMA: OFF" or "COMMA: MIN = 2 MAX = 10 EMIN = 2 EMAX = 10 BMIN = 128
** BMAX = 0", any of them, in any order. */
static tabari_opt_result comma_cmd(tabari_opts *o, const char *s, char *why,
                                   size_t n_why)
{
    static const char *const names[] = {"MIN", "MAX", "EMIN", "EMAX", "BMIN",
                                        "BMAX"};
    const char *p;
    if (starts_with(s, "OFF", &p) && !*skip_blanks(p)) {
        o->comma_off = true;
        return TABARI_OPT_DONE;
    }
    tabari_opts n = *o;
    if (!n.comma_set)
        tabari_comma_defaults(&n);
    uint8_t *slot[] = {&n.comma_min, &n.comma_max, &n.end_min, &n.end_max,
                       &n.begin_min, &n.begin_max};
    bool any = false;
    s = skip_blanks(s);
    while (*s) {
        size_t k = 0;
        while (k < ARRAY_LEN(names) &&
               !(starts_with(s, names[k], &p) &&
                 *skip_blanks(p) == '='))
            k++;
        if (k == ARRAY_LEN(names))
            goto bad;
        p = skip_blanks(skip_blanks(p) + 1);
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p || v < 0 || v > 255)
            goto bad;
        *slot[k] = (uint8_t)v;
        any = true;
        s = skip_blanks(end);
    }
    if (!any)
        goto bad;
    n.comma_set = true;
    n.comma_off = false;
    *o = n;
    return TABARI_OPT_DONE;
bad:
    snprintf(why, n_why, "COMMA: is OFF, or NAME = number (0 to 255) for "
             "MIN, MAX, EMIN, EMAX, BMIN, BMAX");
    return TABARI_OPT_BAD;
}

void tabari_comma_defaults(tabari_opts *o)
{
    o->comma_min = 2;
    o->comma_max = 10;
    o->end_min = 2;
    o->end_max = 10;
    o->begin_min = 128;
    o->begin_max = 0;
}

/* The run of c in the sequence format f (its first run: "the second set
** is ignored", manual §8.4.1): where it starts, how long it is. */
static void format_run(const char *f, size_t n, char c, uint8_t *at,
                       uint8_t *len)
{
    const char *p = memchr(f, c, n);
    *at = *len = 0;
    if (!p)
        return;
    *at = (uint8_t)(p - f);
    while ((size_t)(p - f) < n && *p == c) {
        p++;
        (*len)++;
    }
}

/* "FORWARD: ^^***NNN*SSS <DOC> <OFF>" (manual §8.4): '^' a blank before
** the record's id, '*' any byte, N the story, S the sentence number.  The
** '^'s are not counted: warta's reader skips any blanks after the date. */
static tabari_opt_result forward_cmd(tabari_opts *o, const char *s, char *why,
                                     size_t n_why)
{
    s = skip_blanks(s);
    while (*s == '^')
        s++;
    size_t n = strspn(s, "*NS");
    const char *p = s + n;
    bool off = false;
    while (*(p = skip_blanks(p))) {
        if (starts_with(p, "OFF", &p))
            off = true;
        else if (!starts_with(p, "DOC", &p))
            break;
        if (*p && *p != ' ' && *p != '\t')
            break;
    }
    if (n == 0 || n > 63 || *p || !memchr(s, 'S', n)) {
        snprintf(why, n_why, "FORWARD: is a sequence format of '^', '*', "
                 "'N' (the story) and 'S' (the sentence number; needed), "
                 "at most 63, then DOC or OFF");
        return TABARI_OPT_BAD;
    }
    format_run(s, n, 'N', &o->story_at, &o->story_len);
    format_run(s, n, 'S', &o->sentence_at, &o->sentence_len);
    o->forward = !off;
    return TABARI_OPT_DONE;
}

/* The sentence number of a record id at [at, at + len): not a number is
** 0 (manual §8.4.1), nor is one of more than 9 digits (TABARI's are at
** most 32,767). */
static long sentence_number(const char *id, uint8_t at, uint8_t len)
{
    long v = 0;
    for (uint8_t i = 0; i < len; i++) {
        char c = id[at + i];
        if (c < '0' || c > '9' || v > 99999999)
            return 0;
        v = v * 10 + (c - '0');
    }
    return v;
}

bool tabari_follows(const tabari_opts *o, const char *prev, const char *id)
{
    if (!o->forward || !prev || !id)
        return false;
    size_t need = (size_t)o->sentence_at + o->sentence_len;
    if ((size_t)o->story_at + o->story_len > need)
        need = (size_t)o->story_at + o->story_len;
    if (strlen(prev) < need || strlen(id) < need)
        return false;   /* "story ID doesn't match FORWARD format" */
    return memcmp(prev + o->story_at, id + o->story_at, o->story_len) == 0 &&
           sentence_number(id, o->sentence_at, o->sentence_len) ==
               sentence_number(prev, o->sentence_at, o->sentence_len) + 1;
}

/* "SET: ..." */
static tabari_opt_result set_cmd(tabari_opts *o, const char *s, char *why,
                                 size_t n_why)
{
    static const struct { const char *name; code_by by; } code_bys[] = {
        {"CODE BY CLAUSE", CODE_BY_CLAUSE}, {"CODE BY SENTENCE", CODE_BY_SENTENCE},
        {"CODE ALL", CODE_ALL},
    };
    /* SET: commands that change only what TABARI writes or shows, or
    ** checks it makes on its own input */
    static const char *const no_effect[] = {
        "SKIP RECORDS", "VERB USAGE", "ACTOR USAGE", "AGENT USAGE", "LABEL",
        "DUP WARNING", "CHECK DOMINANT", "YYYY", "TIME SHIFT",
    };
    const char *p;
    if (starts_with(s, "CONVERT AGENT", &p)) {
        if (*p == 'S' || *p == 's')
            p++;
        const char *v = skip_blanks(p);
        if (*v == '=' && starts_with(v + 1, "TRUE", &p) && !*skip_blanks(p))
            o->convert_agents = true;
        else if (*v == '=' && starts_with(v + 1, "FALSE", &p) && !*skip_blanks(p))
            o->convert_agents = false;
        else {
            snprintf(why, n_why, "SET: CONVERT AGENT = TRUE or FALSE");
            return TABARI_OPT_BAD;
        }
        return TABARI_OPT_DONE;
    }
    if (starts_with(s, "MINIMUM WORDS", &p)) {
        const char *v = skip_blanks(p);
        char *end;
        long n = *v == '=' ? strtol(v + 1, &end, 10) : -1;
        if (n < 0 || n > 1000 || *skip_blanks(end)) {
            snprintf(why, n_why, "SET: MINIMUM WORDS = a number, 0 to 1000");
            return TABARI_OPT_BAD;
        }
        o->min_words = (uint16_t)n;
        o->min_words_set = true;
        return TABARI_OPT_DONE;
    }
    for (size_t i = 0; i < ARRAY_LEN(code_bys); i++)
        if (starts_with(s, code_bys[i].name, &p) && !*skip_blanks(p)) {
            o->code_by = (uint8_t)code_bys[i].by;
            return TABARI_OPT_DONE;
        }
    for (size_t i = 0; i < ARRAY_LEN(no_effect); i++)
        if (starts_with(s, no_effect[i], &p))
            return TABARI_OPT_NO_EFFECT;
    snprintf(why, n_why, "SET: %s is not followed (warta does not copy it)",
             skip_blanks(s));
    return TABARI_OPT_UNSUPPORTED;
}

tabari_opt_result tabari_option(tabari_opts *o, const char *command,
                                char *why, size_t n_why)
{
    static const char *const no_effect[] = {"LABEL:", "OUTPUT:", "ISSUES:"};
    static const struct { const char *name, *why; } unsupported[] = {
        {"COMPLEX:", "COMPLEX: (TABARI's complexity limits) is not followed: "
                     "warta codes such sentences"},
    };
    const char *p;
    why[0] = '\0';
    if (starts_with(command, "SET:", &p))
        return set_cmd(o, p, why, n_why);
    if (starts_with(command, "DEFAULT:", &p))
        return default_cmd(o, p, why, n_why);
    if (starts_with(command, "COMMA:", &p))
        return comma_cmd(o, p, why, n_why);
    if (starts_with(command, "FORWARD:", &p))
        return forward_cmd(o, p, why, n_why);
    for (size_t i = 0; i < ARRAY_LEN(no_effect); i++)
        if (starts_with(command, no_effect[i], &p))
            return TABARI_OPT_NO_EFFECT;
    for (size_t i = 0; i < ARRAY_LEN(unsupported); i++)
        if (starts_with(command, unsupported[i].name, &p)) {
            snprintf(why, n_why, "%s", unsupported[i].why);
            return TABARI_OPT_UNSUPPORTED;
        }
    snprintf(why, n_why, "not a TABARI options command (SET:, DEFAULT:, "
             "COMPLEX:, COMMA:, FORWARD:, LABEL:, OUTPUT:, ISSUES:)");
    return TABARI_OPT_BAD;
}

warta_status warta_dict_option(warta_ctx *ctx, warta_dict *dict,
                               const char *command)
{
    if (!ctx || !dict || !command)
        return WARTA_EINVAL;
    char why[256];
    switch (tabari_option(&dict->tabari, command, why, sizeof why)) {
    case TABARI_OPT_BAD:
        return ctx_error(ctx, WARTA_EPARSE, "'%s': %s", command, why);
    case TABARI_OPT_UNSUPPORTED:
        ctx_log(ctx, WARTA_LOG_WARN, "'%s': %s", command, why);
        return WARTA_OK;
    default:
        return WARTA_OK;
    }
}
