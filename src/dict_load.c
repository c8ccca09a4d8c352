/*
** dict_load.c -- reading dictionary files into a warta_dict: PETRARCH's
** formats (Phoenix.*.actors.txt, Phoenix.agents.txt, CAMEO.2.0.txt verbs,
** discards, issues) and TABARI's (.actors, .verbs, .project), which warta's
** own language packs share.  Every problem is reported as "file:line:
** message" and the line is skipped; the rest of the file still loads.
*/
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cameo.h"
#include "warta_int.h"

typedef enum {
    FILE_ACTORS, FILE_AGENTS, FILE_VERBS, FILE_DISCARDS, FILE_ISSUES,
    FILE_GRAMMAR, FILE_OUTLETS, FILE_PEOPLES, FILE_PROJECT, FILE_OPTIONS,
    FILE_UNKNOWN
} file_kind;

/* How a file's name tells its kind: the first rule that matches wins. */
static const struct {
    const char *part;           /* in the lower-cased base name */
    file_kind kind;
} kind_rules[] = {
    {".project", FILE_PROJECT}, {".options", FILE_OPTIONS},
    {"agents", FILE_AGENTS},    {"actors", FILE_ACTORS},
    {"verbs", FILE_VERBS},      {"cameo.", FILE_VERBS},
    {"discard", FILE_DISCARDS}, {"issue", FILE_ISSUES},
    {"grammar", FILE_GRAMMAR},  {"outlets", FILE_OUTLETS},
    {"peoples", FILE_PEOPLES},
};

#define MAX_WORD_BYTES 256
#define MAX_PHRASE_WORDS 64
#define MAX_SUBST 32
#define MIN_STEM 4
#define MAX_ALTERNATIVES 1024   /* patterns one line's "{ A | B }" may make */
#define MAX_SYNSET_DEPTH 16     /* synsets within synsets, at most */
/* Problems in one file past which it is not read on: a file that has
** them is not a dictionary (the dictionaries warta was tried on have at
** most 8), and 40 MB of random bytes gave 155,000 messages. */
#define MAX_PROBLEMS 100

/* The state of reading one file. */
typedef struct loader {
    warta_ctx *ctx;
    warta_dict *d;
    const char *file;           /* as named to the user */
    size_t line;
    bool tabari;                /* ';' starts a comment too */
    bool in_xml_comment;
    /* actors: the block being read and phrases waiting for its codes */
    uint32_t block;
    uint32_t pending[256];
    uint8_t pending_case[256];      /* entry_case: "=NAME", "==NAME" */
    size_t n_pending;
    bool block_has_codes;
    bool places;                /* a countries file (actor_block.place) */
    /* verbs */
    uint32_t group;             /* current verb group (its patterns) */
    bool in_group;              /* under a PETRARCH "--- NAME ---" header */
    uint32_t synset;            /* synset being filled */
    bool in_time;               /* TABARI <TIME> section: skipped */
    uint8_t rank;               /* code_rank of the last code read */
    int word_list;              /* TABARI's <NOUN> or <ADJECTIVE> list being
                                   read: its grammar role, else -1 */
    /* agents: !NAME! = A, B substitutions */
    char *subst_name[MAX_SUBST];
    char *subst_values[MAX_SUBST];
    size_t n_subst;
    size_t line_phrases;        /* phrases the line's substitutions made */
    size_t problems;
} loader;

static void problem(loader *L, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void problem(loader *L, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (L->problems >= MAX_PROBLEMS)
        return;
    if (L->problems++ == 0)
        ctx_error(L->ctx, WARTA_EPARSE, "%s:%zu: %s", L->file, L->line, msg);
    ctx_log(L->ctx, WARTA_LOG_WARN, "%s:%zu: %s", L->file, L->line, msg);
}

/* A problem found after the fact, at an entry read earlier. */
static void problem_at(loader *L, src_pos where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void problem_at(loader *L, src_pos where, const char *fmt, ...)
{
    char msg[512], at[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (L->problems >= MAX_PROBLEMS)
        return;
    dict_where_text(L->d, where, at, sizeof at);
    if (L->problems++ == 0)
        ctx_error(L->ctx, WARTA_EPARSE, "%s: %s", at, msg);
    ctx_log(L->ctx, WARTA_LOG_WARN, "%s: %s", at, msg);
}

static bool no_memory(loader *L)
{
    problem(L, "out of memory");
    return false;
}

/* ---- text helpers ------------------------------------------------------------ */

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* Remove comments from a line in place: "<!-- -->" (may span lines),
** '#' and, in TABARI files, ';', except inside '[' ']' ("[###]" is a
** code).  The bracket depth of what is kept is counted as it is copied,
** so a long line costs one pass. */
static void strip_comments(loader *L, char *s)
{
    char *w = s;
    size_t depth = 0;
    for (char *r = s; *r;) {
        if (L->in_xml_comment) {
            char *end = strstr(r, "-->");
            if (!end)
                break;
            L->in_xml_comment = false;
            r = end + 3;
        } else if (strncmp(r, "<!--", 4) == 0) {
            L->in_xml_comment = true;
            r += 4;
        } else if ((*r == '#' || (L->tabari && *r == ';')) && depth == 0) {
            break;
        } else {
            if (*r == '[')
                depth++;
            else if (*r == ']' && depth > 0)
                depth--;
            *w++ = *r++;
        }
    }
    *w = '\0';
}

static void upper_ascii(char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            *s = (char)(*s - 32);
}

/* ---- dates ------------------------------------------------------------------- */


/* ---- phrases -------------------------------------------------------------------- */

/* The trie node after node for "any words may come here" (TABARI's blank
** inside a phrase: "PRINCE DOL_AMROTH" matches "Prince of Dol Amroth"). */
static uint32_t gap_after(loader *L, uint32_t node)
{
    warta_dict *d = L->d;
    if (d->gap_word == NO_INDEX)
        d->gap_word = dict_word(d, " ", 1, true);  /* no token is a blank */
    return d->gap_word == NO_INDEX ? NO_INDEX
                                   : dict_child_add(d, node, d->gap_word * 2);
}

/* Add a phrase ("RUSSIAN_FOREIGN_MINISTER", "HAMAS WING") to the trie;
** returns its end node.  The last word is a stem unless the phrase ends in
** '_' (TABARI's rule) or stems are off. */
static uint32_t add_phrase(loader *L, const char *text, bool allow_stem)
{
    char buf[1024];
    size_t n = strlen(text);
    if (n == 0 || n >= sizeof buf) {
        problem(L, n ? "phrase too long" : "empty phrase");
        return NO_INDEX;
    }
    bool exact = !allow_stem || text[n - 1] == '_';
    for (size_t i = 0; i <= n; i++)
        buf[i] = text[i] == '_' ? ' ' : text[i];
    warta_dict *d = L->d;
    uint32_t node = 0;
    size_t pos = 0, start, len, n_words = 0;
    bool more = token_next(buf, n, &pos, &start, &len);
    while (more) {
        char folded[MAX_WORD_BYTES];
        size_t fl = dict_fold(buf + start, len, folded, sizeof folded);
        size_t s2, l2, p2 = pos;
        more = token_next(buf, n, &p2, &s2, &l2);
        if (fl == 0) {
            problem(L, "word too long in '%s'", text);
            return NO_INDEX;
        }
        uint32_t id = dict_word(d, folded, fl, true);
        if (id == NO_INDEX) {
            no_memory(L);
            return NO_INDEX;
        }
        /* A "stem" of one to three letters is an abbreviation ("THE_AU"):
        ** it matches exactly -- but not in TABARI's files, where every
        ** bare word is a stem (manual §5.2.2: OF matches OFFER). */
        bool stem = !more && !exact && (fl >= MIN_STEM || L->tabari);
        /* in TABARI's files a word a blank follows is a stem too ("BURN
        ** DOWN": burned down); one '_' joins is exact */
        if (more && L->tabari && text[start + len] == ' ')
            stem = true;
        if (stem && fl < 64)
            d->stem_lengths |= (uint64_t)1 << fl;
        node = dict_child_add(d, node, id * 2 + (stem ? KEY_STEM : 0));
        if (node != NO_INDEX && more && L->tabari && text[start + len] == ' ')
            node = gap_after(L, node);
        if (node == NO_INDEX) {
            no_memory(L);
            return NO_INDEX;
        }
        pos = p2;
        start = s2;
        len = l2;
        if (++n_words > MAX_PHRASE_WORDS) {
            problem(L, "phrase of more than %d words", MAX_PHRASE_WORDS);
            return NO_INDEX;
        }
    }
    if (node == 0) {
        problem(L, "phrase '%s' has no words", text);
        return NO_INDEX;
    }
    return node;
}

/* TABARI's endings (manual §5.2.2-5.2.3): a phrase whose last word is
** written bare ends in a stem; "WORD_" is the word and its regular
** endings -- S, ED, ES, EN, ING (and D after E) on a verb, S, 'S and ES
** on a noun, actor or agent; "WORD=" is the word alone.  Each form is a
** phrase of its own: their end nodes go into nodes[]; returns how many. */
#define MAX_TABARI_FORMS 8
static size_t tabari_forms(loader *L, const char *text, bool verb,
                           uint32_t nodes[MAX_TABARI_FORMS])
{
    static const char *const verb_end[] = {"S", "ED", "ES", "EN", "ING"};
    static const char *const noun_end[] = {"S", "'S", "ES"};
    char base[1024];
    snprintf(base, sizeof base, "%s", text);
    size_t n = strlen(base);
    char last = n ? base[n - 1] : '\0';
    if (last == '=')
        base[n - 1] = '_';              /* the word alone */
    if (n >= 2 && base[n - 1] == '_' && base[n - 2] == '~')
        memmove(base + n - 2, base + n - 1, 2), n--;    /* "WORD~_" */
    const char *const *ends = verb ? verb_end : noun_end;
    size_t n_ends = last != '_' ? 0 : verb ? ARRAY_LEN(verb_end)
                                           : ARRAY_LEN(noun_end);
    bool e_end = n >= 2 && (base[n - 2] == 'E' || base[n - 2] == 'e');
    size_t added = 0;
    for (size_t k = 0; k <= n_ends + 1; k++) {
        char form[1100];
        if (k == 0)
            snprintf(form, sizeof form, "%s", base);
        else if (k <= n_ends)
            snprintf(form, sizeof form, "%.*s%s_", (int)n - 1, base,
                     ends[k - 1]);
        else if (n_ends && verb && e_end)
            snprintf(form, sizeof form, "%.*sD_", (int)n - 1, base);
        else
            continue;
        uint32_t node = add_phrase(L, form, true);
        if (node != NO_INDEX)
            nodes[added++] = node;
    }
    return added;
}

/* ---- codes in brackets ----------------------------------------------------------- */

/* Read "[RUSGOV 040309-]", "[USAGOV <011214]", "[AFG]", "[---]": the code
** and its date range.  *s is moved past the bracket. */
static bool parse_dated_code(loader *L, char **s, dated_code *out)
{
    char *p = *s + 1;
    char *close = strchr(p, ']');
    if (!close) {
        problem(L, "'[' without ']'");
        return false;
    }
    *close = '\0';
    *s = close + 1;
    char *code = trim(p);
    char *dates = code + strcspn(code, " \t");
    if (*dates)
        *dates++ = '\0';
    /* "19950601 - 19990815", "< 950601": spaces inside do not matter */
    char *w = dates;
    for (char *r = dates; *r; r++)
        if (*r != ' ' && *r != '\t')
            *w++ = *r;
    *w = '\0';
    upper_ascii(code);
    memset(out, 0, sizeof *out);
    out->from = INT32_MIN;
    out->to = INT32_MAX;
    if (strlen(code) >= sizeof out->code) {
        problem(L, "code '%.32s' is too long (%zu bytes)", code, strlen(code));
        return false;
    }
    memcpy(out->code, code, strlen(code) + 1);
    out->voids = L->tabari && (!strcmp(code, "###") || !strcmp(code, "+++"));
    if (!*dates)
        return true;
    const char *dash = strchr(dates, '-');
    bool ok = true;
    if (dates[0] == '<' || dates[0] == '>') {
        const char *day = dates + 1;
        if (dates[0] == '<') {
            ok = date_parse_ymd(day, strlen(day), &out->to);
            out->to -= ok;              /* before that day */
        } else {
            ok = date_parse_ymd(day, strlen(day), &out->from);
        }
    } else if (dash && strlen(dates) != 10) {
        size_t a = (size_t)(dash - dates), b = strlen(dash + 1);
        ok = (a == 0 || date_parse_ymd(dates, a, &out->from)) &&
             (b == 0 || date_parse_ymd(dash + 1, b, &out->to));
    } else {
        ok = false;
    }
    if (!ok) {
        problem(L, "bad date range '%s' for %s", dates, code);
        return false;
    }
    if (out->from > out->to) {
        problem(L, "date range '%s' for %s ends before it starts", dates, code);
        return false;
    }
    return true;
}

/* ---- actors ---------------------------------------------------------------------- */

/* Give the pending phrases of an actor block their entries. */
static void flush_actor(loader *L)
{
    for (size_t i = 0; i < L->n_pending; i++)
        if (!dict_add_entry_case(L->d, L->pending[i], ENTRY_ACTOR, L->block,
                                 dict_where(L->d, L->file, L->line),
                                 L->pending_case[i]))
            no_memory(L);
    L->n_pending = 0;
}

static void actor_codes(loader *L, char *s)
{
    warta_dict *d = L->d;
    while ((s = strchr(s, '[')) != NULL) {
        dated_code dc;
        char *at = s;
        if (!parse_dated_code(L, &s, &dc)) {
            if (s == at)
                s++;                    /* no ']': look past this '[' */
            continue;
        }
        uint32_t c = DICT_PUSH(d, codes);
        if (c == NO_INDEX) {
            no_memory(L);
            return;
        }
        d->codes[c] = dc;
        actor_block *b = &d->actors[L->block];
        if (b->n_codes == 0)
            b->first_code = c;
        b->n_codes++;
        L->block_has_codes = true;
    }
}

/* "=BARAT_": a name that is an actor only when capitalized; "==US_": only
** when written in capitals (warta's own marks; the word is common in lower
** case: "barat", "us"). */
static void actor_phrase(loader *L, char *text)
{
    text = trim(text);
    entry_case written = L->tabari || text[0] != '=' ? CASE_ANY
                         : text[1] != '=' ? CASE_CAPITAL
                                          : CASE_UPPER;
    uint32_t nodes[MAX_TABARI_FORMS];
    size_t n = L->tabari ? tabari_forms(L, text, false, nodes) : 0;
    if (!L->tabari && (nodes[0] = add_phrase(L, text + written, true)) !=
                      NO_INDEX)
        n = 1;
    for (size_t k = 0; k < n; k++) {
        if (L->n_pending == ARRAY_LEN(L->pending))
            flush_actor(L);
        L->pending_case[L->n_pending] = (uint8_t)written;
        L->pending[L->n_pending++] = nodes[k];
    }
}

/* TABARI's "<NOUN> ... </NOUN>" and "<ADJECTIVE> ... </ADJECTIVE>"
** lists in an actors file: words with no code, which shape compounds and
** clauses (manual §5.3.2, §7.5.1).  True when the line was one of those. */
static bool word_list_line(loader *L, char *s)
{
    static const struct { const char *open, *close; grammar_role role; } lists[] = {
        {"<NOUN>", "</NOUN>", GRAMMAR_NOUN},
        {"<ADJECTIVE>", "</ADJECTIVE>", GRAMMAR_ADJECTIVE},
    };
    for (size_t k = 0; k < ARRAY_LEN(lists); k++) {
        if (strcasecmp(s, lists[k].open) == 0) {
            L->word_list = (int)lists[k].role;
            return true;
        }
        if (strcasecmp(s, lists[k].close) == 0) {
            L->word_list = -1;
            return true;
        }
    }
    if (L->word_list < 0)
        return false;
    uint32_t nodes[MAX_TABARI_FORMS];
    size_t n = tabari_forms(L, s, false, nodes);
    for (size_t k = 0; k < n; k++)
        if (!dict_add_entry(L->d, nodes[k], ENTRY_GRAMMAR, (uint32_t)L->word_list,
                            dict_where(L->d, L->file, L->line)))
            no_memory(L);
    return true;
}

static void actor_line(loader *L, char *raw, char *s)
{
    bool indented = raw[0] == ' ' || raw[0] == '\t';
    if (L->tabari && word_list_line(L, s))
        return;
    if (s[0] == '<')                    /* other TABARI sections */
        return;
    if (s[0] == '[' || (indented && s[0] == '[')) {
        if (L->block == NO_INDEX) {
            problem(L, "codes with no actor before them");
            return;
        }
        actor_codes(L, s);
        flush_actor(L);
        return;
    }
    if (s[0] == '+') {
        if (L->block == NO_INDEX) {
            problem(L, "synonym with no actor before it");
            return;
        }
        char *br = strchr(s, '[');
        if (br)
            *br = '\0';
        actor_phrase(L, s + 1);
        if (br) {
            *br = '[';
            actor_codes(L, br);
        }
        if (L->block_has_codes)
            flush_actor(L);
        return;
    }
    /* A new actor.  One with no codes yet takes the codes that follow, so
    ** a head line without brackets joins the next block (Phoenix does
    ** this: "U.N._" before "UN_SECRETARY_GENERAL ... [IGOUNO]"). */
    if (L->block == NO_INDEX || L->block_has_codes) {
        L->block = DICT_PUSH(L->d, actors);
        L->block_has_codes = false;
        if (L->block == NO_INDEX) {
            no_memory(L);
            return;
        }
        L->d->actors[L->block].place = L->places;
    }
    char *br = strchr(s, '[');
    if (br)
        *br = '\0';
    actor_phrase(L, s);
    if (br) {
        *br = '[';
        actor_codes(L, br);
        flush_actor(L);
    }
}

/* ---- agents ------------------------------------------------------------------------ */

/* "!PERSON! = MAN, MEN, WOMAN" */
static void agent_subst(loader *L, char *s)
{
    char *eq = strchr(s, '=');
    char *bang = strchr(s + 1, '!');
    if (!eq || !bang || bang > eq || L->n_subst == MAX_SUBST) {
        problem(L, "bad substitution line");
        return;
    }
    bang[1] = '\0';
    L->subst_name[L->n_subst] = strdup(trim(s));
    L->subst_values[L->n_subst] = strdup(trim(eq + 1));
    if (!L->subst_name[L->n_subst] || !L->subst_values[L->n_subst]) {
        free(L->subst_name[L->n_subst]);
        free(L->subst_values[L->n_subst]);
        no_memory(L);
        return;
    }
    L->n_subst++;
}

static void agent_add(loader *L, const char *phrase, uint32_t block);

/* "!A!!A!!A!..." or values naming substitutions again multiply without
** end: one line makes at most this many phrases. */
#define MAX_LINE_PHRASES 1024

/* Expand the first !NAME! in phrase with each of its values. */
static bool agent_expand(loader *L, const char *phrase, uint32_t block)
{
    const char *a = strchr(phrase, '!');
    const char *b = a ? strchr(a + 1, '!') : NULL;
    if (!b)
        return false;
    size_t name_len = (size_t)(b - a) + 1;
    for (size_t k = 0; k < L->n_subst; k++) {
        if (strlen(L->subst_name[k]) != name_len ||
            strncmp(L->subst_name[k], a, name_len) != 0)
            continue;
        char values[1024];
        snprintf(values, sizeof values, "%s", L->subst_values[k]);
        char *save = NULL;
        for (char *v = strtok_r(values, ",", &save);
             v && L->line_phrases <= MAX_LINE_PHRASES;
             v = strtok_r(NULL, ",", &save)) {
            char out[1024];
            snprintf(out, sizeof out, "%.*s%s%s", (int)(a - phrase), phrase,
                     trim(v), b + 1);
            agent_add(L, out, block);
        }
        return true;
    }
    problem(L, "unknown substitution %.*s", (int)name_len, a);
    return true;
}

static void agent_add(loader *L, const char *phrase, uint32_t block)
{
    if (L->line_phrases++ == MAX_LINE_PHRASES)
        problem(L, "substitutions make more than %d phrases of one line",
                MAX_LINE_PHRASES);
    if (L->line_phrases > MAX_LINE_PHRASES || agent_expand(L, phrase, block))
        return;
    char copy[1024];
    snprintf(copy, sizeof copy, "%s", phrase);
    uint32_t node = add_phrase(L, trim(copy), true);
    if (node != NO_INDEX &&
        !dict_add_entry(L->d, node, ENTRY_AGENT, block,
                        dict_where(L->d, L->file, L->line)))
        no_memory(L);
}

/* Regular English plurals, which PETRARCH adds unless "{...}" is given. */
static void agent_plural(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    bool stopped = n > 0 && w[n - 1] == '_';
    if (stopped)
        n--;
    const char *tail = w + n;
    if (n >= 2 && (strncasecmp(w + n - 1, "S", 1) == 0 ||
                   strncasecmp(w + n - 1, "X", 1) == 0 ||
                   strncasecmp(w + n - 2, "CH", 2) == 0 ||
                   strncasecmp(w + n - 2, "SH", 2) == 0))
        snprintf(out, cap, "%.*sES%s", (int)n, w, tail);
    else if (n >= 2 && (w[n - 1] == 'Y' || w[n - 1] == 'y') &&
             !strchr("AEIOUaeiou", w[n - 2]))
        snprintf(out, cap, "%.*sIES%s", (int)n - 1, w, tail);
    else
        snprintf(out, cap, "%.*sS%s", (int)n, w, tail);
}

static void agent_line(loader *L, char *s)
{
    if (s[0] == '!' && strchr(s, '=')) {
        agent_subst(L, s);
        return;
    }
    char *br = strrchr(s, '[');
    if (!br) {
        problem(L, "agent without a [~CODE]");
        return;
    }
    char *close = strchr(br, ']');
    if (!close) {
        problem(L, "'[' without ']'");
        return;
    }
    *close = '\0';
    *br = '\0';
    char *code = trim(br + 1);
    upper_ascii(code);
    char *after = trim(close + 1);
    bool with_country = strcasecmp(after, "with country") == 0;
    if (*after && !with_country) {
        problem(L, "after an agent's code only 'with country', not '%s'", after);
        return;
    }
    uint32_t block = DICT_PUSH(L->d, agents);
    if (block == NO_INDEX) {
        no_memory(L);
        return;
    }
    agent_block *ab = &L->d->agents[block];
    ab->with_country = with_country;
    size_t cl = strlen(code);       /* 0 for "[]": no code[-1] then */
    ab->before = cl && code[0] != '~' && code[cl - 1] == '~';
    char *bare = code;
    if (*bare == '~')
        bare++;
    size_t bl = strlen(bare);
    if (bl && bare[bl - 1] == '~')
        bare[--bl] = '\0';
    if (bl == 0 || bl >= sizeof ab->code) {
        problem(L, "bad agent code '%s'", code);
        return;
    }
    memcpy(ab->code, bare, bl + 1);
    /* "PHRASE {PLURAL PLURAL}" or "PHRASE {}" */
    char *brace = strchr(s, '{');
    char *plurals = NULL;
    if (brace) {
        char *end = strchr(brace, '}');
        if (!end) {
            problem(L, "'{' without '}'");
            return;
        }
        *end = '\0';
        *brace = '\0';
        plurals = brace + 1;
    }
    char *phrase = trim(s);
    L->line_phrases = 0;
    agent_add(L, phrase, block);
    if (plurals) {
        char *save = NULL;
        for (char *p = strtok_r(plurals, " \t", &save); p;
             p = strtok_r(NULL, " \t", &save))
            agent_add(L, p, block);
    } else if (!strchr(phrase, '!')) {
        char pl[1100];
        agent_plural(phrase, pl, sizeof pl);
        agent_add(L, pl, block);
    }
}

/* ---- verbs, patterns and synsets ------------------------------------------------- */

/* Read a bracketed event code: "[041]", "[---]", "[032:033]" (an event
** and the target's event back to the source), "[:173]" (only the one
** back).  "---" or nothing is no event. */
static bool code_part(loader *L, const char *c, size_t n, char out[8])
{
    while (n && c[0] == ' ') {
        c++;
        n--;
    }
    while (n && c[n - 1] == ' ')
        n--;
    if (L->tabari && n > 1 && (c[n - 1] == '?' || c[n - 1] == '!')) {
        L->rank = c[n - 1] == '?' ? RANK_SUBORDINATE : RANK_DOMINANT;
        n--;
    }
    if (L->tabari && n == 3 && (!strncmp(c, "###", 3) || !strncmp(c, "+++", 3)))
        L->rank = RANK_VOID;        /* no event; the sentence is not coded */
    if (n == 0 || (n == 3 && strncmp(c, "---", 3) == 0) || L->rank == RANK_VOID) {
        out[0] = '\0';
        return true;
    }
    if (n >= 8) {
        problem(L, "bad event code '%.*s'", (int)n, c);
        return false;
    }
    memcpy(out, c, n);
    out[n] = '\0';
    /* A cue category alone ("[19]", as TABARI's dictionaries and the
    ** packs write a verb that says no more than its category) is no
    ** event code: CAMEO codes such an event as the category's "not
    ** specified below" code, 190. */
    if (n == 2 && isdigit((unsigned char)c[0]) && isdigit((unsigned char)c[1])) {
        char root_code[4] = {c[0], c[1], '0', '\0'};
        if (cameo_lookup(root_code, 3))
            memcpy(out, root_code, sizeof root_code);
    }
    return true;
}

static bool event_code(loader *L, const char *s, char code[8], char reverse[8])
{
    const char *open = strrchr(s, '[');
    const char *close = open ? strchr(open, ']') : NULL;
    if (!close) {
        problem(L, "no [CODE]");
        return false;
    }
    const char *c = open + 1;
    const char *colon = memchr(c, ':', (size_t)(close - c));
    reverse[0] = '\0';
    L->rank = RANK_NORMAL;
    if (!colon)
        return code_part(L, c, (size_t)(close - c), code);
    return code_part(L, c, (size_t)(colon - c), code) &&
           code_part(L, colon + 1, (size_t)(close - colon - 1), reverse);
}

static uint32_t find_synset(const warta_dict *d, const char *name, size_t n)
{
    for (size_t i = 0; i < d->n_synsets; i++)
        if (strlen(d->synsets[i].name) == n &&
            strncasecmp(d->synsets[i].name, name, n) == 0)
            return (uint32_t)i;
    return NO_INDEX;
}

/* A synset named in a pattern; it may be defined further down, so an
** unknown name makes an empty synset, checked at the end of the file. */
static uint32_t synset_ref(loader *L, const char *name, size_t n)
{
    uint32_t k = find_synset(L->d, name, n);
    if (k != NO_INDEX)
        return k;
    k = DICT_PUSH(L->d, synsets);
    if (k == NO_INDEX) {
        no_memory(L);
        return NO_INDEX;
    }
    L->d->synsets[k].name = arena_strndup(&L->d->ar, name, n);
    L->d->synsets[k].first_use = dict_where(L->d, L->file, L->line);
    return k;
}

static bool push_elem(loader *L, pat_kind kind, bool joined, uint32_t value)
{
    uint32_t e = DICT_PUSH(L->d, elems);
    if (e == NO_INDEX)
        return no_memory(L);
    L->d->elems[e] = (pat_elem){(uint8_t)kind, joined, value};
    return true;
}

static bool is_pattern_special(char c)
{
    return strchr(" \t_*$+&{}()|%^@", c) != NULL;
}

/* Is s one word, blanks aside? */
static bool one_word(const char *s)
{
    s += strspn(s, " \t");
    size_t n = strcspn(s, " \t_&");
    return s[n + strspn(s + n, " \t")] == '\0';
}

/* Are the pattern words of the pack being read whole words (STEMS: whole)? */
static bool whole_stems(const warta_dict *d)
{
    for (size_t i = 0; i < d->n_whole_stem_langs; i++)
        if (d->whole_stem_langs[i] == d->loading_lang)
            return true;
    return false;
}

/* Parse pattern text (no alternatives left) into elements; in_synset
** makes '$' and '+' plain words. */
static bool parse_elems(loader *L, const char *s, bool in_synset)
{
    bool joined = false;
    for (size_t i = 0; s[i];) {
        char c = s[i];
        if (c == ' ' || c == '\t') {
            joined = false;
            i++;
        } else if (c == '_') {
            joined = true;
            i++;
        } else if ((c == '%' || c == '^') && !in_synset) {
            if (!push_elem(L, c == '%' ? PAT_COMPOUND : PAT_SKIP, joined, 0))
                return false;
            joined = false;
            i++;
        } else if (strchr("{}()%^@|", c)) {
            i++;                    /* groups are transparent here */
        } else if (!in_synset && (c == '*' || c == '$' || c == '+')) {
            pat_kind k = c == '*' ? PAT_VERB : c == '$' ? PAT_SOURCE : PAT_TARGET;
            if (!push_elem(L, k, joined, 0))
                return false;
            joined = false;
            i++;
        } else if (c == '&') {
            size_t k = i + 1;
            while (s[k] && ((s[k] >= 'A' && s[k] <= 'Z') ||
                            (s[k] >= 'a' && s[k] <= 'z') ||
                            (s[k] >= '0' && s[k] <= '9')))
                k++;
            uint32_t syn = synset_ref(L, s + i, k - i);
            if (syn == NO_INDEX)
                return false;
            if (!push_elem(L, PAT_SYNSET, joined, syn))
                return false;
            joined = false;
            i = k;
        } else {
            size_t k = i;
            while (s[k] && !is_pattern_special(s[k]) &&
                   !(L->tabari && s[k] == '~' && s[k + 1] == '_'))
                k++;
            if (k == i)
                k++;                /* a marker used as a word: "PESO_$" */
            bool tilde = L->tabari && s[k] == '~' && s[k + 1] == '_';
            size_t pos = 0, start, len;
            while (token_next(s + i, k - i, &pos, &start, &len)) {
                char folded[MAX_WORD_BYTES];
                size_t fl = dict_fold(s + i + start, len, folded, sizeof folded);
                uint32_t id = fl ? dict_word(L->d, folded, fl, true) : NO_INDEX;
                if (id == NO_INDEX) {
                    problem(L, "cannot store word '%.*s'", (int)len, s + i + start);
                    return false;
                }
                /* a pattern's word is a stem ("EFFORT" for "efforts"), but
                ** not a short one: "FOR" must not match "foreign", nor one
                ** a final '_' makes exact ("WILL_": not "William").  In
                ** TABARI's files a word is a stem unless '_' follows it
                ** ("THE_NEAT~_PLACE": NEAT~_ is a stem joined to PLACE) */
                bool last = start + len == k - i;
                bool ends = last && s[k] == '_' &&
                            (s[k + 1] == '\0' || s[k + 1] == ' ' || s[k + 1] == '\t');
                bool stem = L->tabari ? last && (s[k] != '_' || tilde)
                                      : fl >= MIN_STEM && !whole_stems(L->d) && !ends;
                /* TABARI applies no endings to a synset phrase of one
                ** word (manual §5.6): "+DOLLAR" is not "dollars", though
                ** "+SWISS_FRANC" is "Swiss francs" */
                if (L->tabari && in_synset && one_word(s))
                    stem = false;
                stem = stem && fl < 64;
                if (stem)
                    L->d->stem_lengths |= (uint64_t)1 << fl;
                if (!push_elem(L, PAT_WORD, joined,
                               id * 2 + (stem ? KEY_STEM : 0)))
                    return false;
                joined = true;          /* parts of one word stay together */
            }
            joined = false;
            i = k + tilde;          /* past "~": its '_' joins what follows */
        }
    }
    return true;
}

/* Append phrase p to synset sy, whose phrases must stay side by side in
** d->synset_phrases: a synset opened again after others (the English and
** the Indonesian packs both have &GOVERN) moves its phrases to the end
** first, else its range would hold the phrases of the synsets between. */
static bool synset_add_phrase(warta_dict *d, synset *sy, uint32_t p)
{
    if (sy->n_phrases && sy->first_phrase + sy->n_phrases != d->n_synset_phrases) {
        uint32_t first = (uint32_t)d->n_synset_phrases;
        for (uint32_t i = 0; i < sy->n_phrases; i++) {
            uint32_t k = DICT_PUSH(d, synset_phrases);
            if (k == NO_INDEX)
                return false;
            d->synset_phrases[k] = d->synset_phrases[sy->first_phrase + i];
        }
        sy->first_phrase = first;
    }
    uint32_t k = DICT_PUSH(d, synset_phrases);
    if (k == NO_INDEX)
        return false;
    d->synset_phrases[k] = p;
    if (sy->n_phrases == 0)
        sy->first_phrase = k;
    sy->n_phrases++;
    return true;
}

static void add_pattern(loader *L, const char *body, const char *code,
                        const char *reverse, uint32_t verb)
{
    warta_dict *d = L->d;
    uint32_t first = (uint32_t)d->n_elems;
    if (!parse_elems(L, body, verb == NO_INDEX)) {
        d->n_elems = first;
        return;
    }
    /* the coder anchors a verb's pattern at its '*' (code.c) */
    uint32_t star = first;
    while (verb != NO_INDEX && star < d->n_elems &&
           d->elems[star].kind != PAT_VERB)
        star++;
    if (verb != NO_INDEX && star == d->n_elems) {
        problem(L, "pattern without '*' (the verb)");
        d->n_elems = first;
        return;
    }
    uint32_t p = DICT_PUSH(d, patterns);
    if (p == NO_INDEX) {
        no_memory(L);
        return;
    }
    pattern *pt = &d->patterns[p];
    pt->first_elem = first;
    pt->n_elems = (uint32_t)d->n_elems - first;
    pt->anchor = NO_INDEX;
    uint32_t words = 0;
    for (uint32_t k = first; k < d->n_elems; k++) {
        uint8_t kind = d->elems[k].kind;
        if (kind == PAT_WORD && pt->anchor == NO_INDEX)
            pt->anchor = d->elems[k].value >> 1;
        words += kind == PAT_WORD || kind == PAT_SYNSET;
    }
    pt->weight = words * 16 + pt->n_elems;
    pt->verb = verb;
    memcpy(pt->code, code, strlen(code) + 1);
    memcpy(pt->reverse, reverse, strlen(reverse) + 1);
    pt->rank = verb != NO_INDEX ? L->rank : RANK_NORMAL;
    pt->codes = dict_code_usable(code) || dict_code_usable(reverse) ||
                (!code[0] && !reverse[0]);          /* [---] */
    pt->where = dict_where(d, L->file, L->line);
    if (verb != NO_INDEX) {
        verb_block *vb = &d->verbs[verb];
        if (vb->n_patterns == 0)
            vb->first_pattern = p;
        vb->n_patterns++;
    } else {
        if (!synset_add_phrase(d, &d->synsets[L->synset], p))
            no_memory(L);
    }
}

/* TABARI's "{ A | B }" alternatives: one pattern per choice, at most
** *left of them in all, so that a short line of many choices cannot
** become millions of patterns.  False when the line was cut short (and
** said so, once). */
static bool expand_alternatives(loader *L, const char *body, const char *code,
                                const char *reverse, uint32_t verb, int depth,
                                size_t *left)
{
    const char *open = strchr(body, '{');
    const char *close = open ? strchr(open, '}') : NULL;
    const char *bar = open && close ? memchr(open, '|', (size_t)(close - open)) : NULL;
    if (!bar) {
        if (*left == 0) {
            problem(L, "alternatives give more than %d patterns; the rest "
                    "are dropped", MAX_ALTERNATIVES);
            return false;
        }
        (*left)--;
        add_pattern(L, body, code, reverse, verb);
        return true;
    }
    if (depth > 6) {
        problem(L, "too many alternatives");
        return false;
    }
    const char *choice = open + 1;
    for (;;) {
        const char *end = memchr(choice, '|', (size_t)(close - choice));
        if (!end)
            end = close;
        char buf[2048];
        int len = snprintf(buf, sizeof buf, "%.*s %.*s %s", (int)(open - body),
                           body, (int)(end - choice), choice, close + 1);
        if (len < 0 || (size_t)len >= sizeof buf) {
            problem(L, "pattern with alternatives is over %zu bytes",
                    sizeof buf - 1);
            return false;
        }
        if (!expand_alternatives(L, buf, code, reverse, verb, depth + 1, left))
            return false;
        if (end == close)
            return true;
        choice = end + 1;
    }
}

static void verb_pattern(loader *L, char *s)
{
    if (L->group == NO_INDEX) {
        problem(L, "pattern with no verb before it");
        return;
    }
    char code[8], reverse[8];
    if (!event_code(L, s, code, reverse))
        return;
    *strrchr(s, '[') = '\0';
    size_t left = MAX_ALTERNATIVES;
    expand_alternatives(L, trim(s), code, reverse, L->group, 0, &left);
}

/* The regular forms of an English verb: -s/-es, -ed/-d, -ing. */
static void regular_forms(const char *verb, size_t n, char out[3][300])
{
    bool e_end = n > 1 && (verb[n - 1] == 'E' || verb[n - 1] == 'e');
    bool sibilant = n > 1 && strchr("SXZHsxzh", verb[n - 1]) != NULL;
    bool y_end = n > 2 && (verb[n - 1] == 'Y' || verb[n - 1] == 'y') &&
                 !strchr("AEIOUaeiou", verb[n - 2]);
    if (y_end) {
        snprintf(out[0], 300, "%.*sIES", (int)n - 1, verb);
        snprintf(out[1], 300, "%.*sIED", (int)n - 1, verb);
    } else {
        snprintf(out[0], 300, "%.*s%s", (int)n, verb, sibilant ? "ES" : "S");
        snprintf(out[1], 300, "%.*s%s", (int)n, verb, e_end ? "D" : "ED");
    }
    snprintf(out[2], 300, "%.*sING", (int)(e_end ? n - 1 : n), verb);
}

/* One verb form (possibly several words: "STIR_UP") for a verb block. */
static void verb_form(loader *L, const char *form, uint32_t block)
{
    char buf[600];
    /* PETRARCH marks the head of a multi-word verb: "WIRE_+TAP" */
    size_t n = 0;
    for (const char *c = form; *c && n + 1 < sizeof buf; c++)
        if (*c != '+')
            buf[n++] = *c;
    buf[n] = '\0';
    uint32_t nodes[MAX_TABARI_FORMS];
    size_t n_forms = L->tabari ? tabari_forms(L, trim(buf), true, nodes) : 0;
    if (!L->tabari && (nodes[0] = add_phrase(L, trim(buf), false)) != NO_INDEX)
        n_forms = 1;
    for (size_t k = 0; k < n_forms; k++)
        if (!dict_add_entry(L->d, nodes[k], ENTRY_VERB, block,
                            dict_where(L->d, L->file, L->line)))
            no_memory(L);
}

static uint32_t new_verb_block(loader *L, const char *code,
                               const char *reverse)
{
    uint32_t b = DICT_PUSH(L->d, verbs);
    if (b == NO_INDEX) {
        no_memory(L);
        return NO_INDEX;
    }
    verb_block *vb = &L->d->verbs[b];
    memcpy(vb->code, code, strlen(code) + 1);
    memcpy(vb->reverse, reverse, strlen(reverse) + 1);
    vb->rank = L->rank;
    vb->tabari = L->tabari;
    vb->patterns_of = b;
    vb->where = dict_where(L->d, L->file, L->line);
    return b;
}

/* "FREEZE {FREEZES FREEZING FROZE FROZEN}", "+STIR_UP {...}", "ABANDON [345]" */
static void verb_line(loader *L, char *s)
{
    char code[8] = "", reverse[8] = "";
    char *br = strchr(s, '[');
    uint32_t block = L->group;
    if (br) {
        /* A verb with its own code: in TABARI it opens a block; under a
        ** PETRARCH "--- NAME ---" header it keeps the group's patterns. */
        if (!event_code(L, br, code, reverse))
            return;
        *br = '\0';
        block = new_verb_block(L, code, reverse);
        if (block == NO_INDEX)
            return;
        L->d->verbs[block].own_code = true;
        if (L->in_group)
            L->d->verbs[block].patterns_of = L->group;
        else
            L->group = block;
    }
    if (block == NO_INDEX) {
        problem(L, "verb with no block: put it under '--- NAME [CODE] ---'");
        return;
    }
    char *brace = strchr(s, '{');
    char *forms = NULL;
    if (brace) {
        char *end = strchr(brace, '}');
        if (!end) {
            problem(L, "'{' without '}'");
            return;
        }
        *end = '\0';
        *brace = '\0';
        forms = brace + 1;
    }
    char *base = trim(s[0] == '+' ? s + 1 : s);
    /* TABARI writes a verb's other forms on a line of their own under it:
    ** "ACT_ [100]" then "{ ACTING_ ACTXD_ }" */
    if (*base || !forms || !L->tabari)
        verb_form(L, base, block);
    if (forms) {
        char *save = NULL;
        for (char *f = strtok_r(forms, " \t", &save); f;
             f = strtok_r(NULL, " \t", &save))
            verb_form(L, f[0] == '+' ? f + 1 : f, block);
    } else if (!L->tabari) {
        /* inflect the first word: "STIR_UP" -> "STIRS_UP" (TABARI's
        ** files say their endings themselves: tabari_forms) */
        size_t first = strcspn(base, "_ ");
        char forms3[3][300];
        regular_forms(base, first, forms3);
        for (int k = 0; k < 3; k++) {
            char full[700];
            snprintf(full, sizeof full, "%.299s%.399s", forms3[k], base + first);
            verb_form(L, full, block);
        }
    }
}

/* "--- NAME [CODE] ---" */
static void verb_header(loader *L, char *s)
{
    char code[8], reverse[8];
    if (!event_code(L, s, code, reverse))
        return;
    L->group = new_verb_block(L, code, reverse);
    L->in_group = L->group != NO_INDEX;
}

/* "&NAME" opens a synset; "+member" lines follow. */
static void synset_start(loader *L, char *s)
{
    size_t n = strlen(s);
    while (n > 1 && (s[n - 1] == '_' || s[n - 1] == ' '))
        n--;
    uint32_t k = find_synset(L->d, s, n);
    if (k == NO_INDEX) {
        k = DICT_PUSH(L->d, synsets);
        if (k == NO_INDEX) {
            no_memory(L);
            return;
        }
        L->d->synsets[k].name = arena_strndup(&L->d->ar, s, n);
    }
    L->d->synsets[k].tabari = L->tabari;
    L->synset = k;
}

static void verbs_line(loader *L, char *raw, char *s)
{
    (void)raw;
    if (strcasecmp(s, "<TIME>") == 0)
        L->in_time = true;
    else if (strcasecmp(s, "</TIME>") == 0)
        L->in_time = false;
    if (L->in_time || s[0] == '<')
        return;
    if (strncmp(s, "---", 3) == 0) {
        L->synset = NO_INDEX;
        verb_header(L, s);
    } else if (s[0] == '&') {
        synset_start(L, s);
    } else if (s[0] == '+' && L->synset != NO_INDEX) {
        add_pattern(L, trim(s + 1), "", "", NO_INDEX);
    } else if (s[0] == '-') {
        L->synset = NO_INDEX;
        verb_pattern(L, s + 1);
    } else if (s[0] == '~') {
        /* PETRARCH transformations: not supported yet, ignored */
    } else {
        L->synset = NO_INDEX;
        verb_line(L, s);
    }
}

/* ---- discards and issues ------------------------------------------------------------ */

static void discard_line(loader *L, char *s)
{
    bool story = s[0] == '+';
    uint32_t b = DICT_PUSH(L->d, discards);
    if (b == NO_INDEX) {
        no_memory(L);
        return;
    }
    L->d->discards[b].whole_story = story;
    uint32_t node = add_phrase(L, trim(story ? s + 1 : s), true);
    if (node != NO_INDEX &&
        !dict_add_entry(L->d, node, ENTRY_DISCARD, b,
                        dict_where(L->d, L->file, L->line)))
        no_memory(L);
}

/* "n:teacher [TEACHERS]", "early+childhood education [X]"; "~..." lines
** (PETRARCH's exclusions) are not supported yet and are skipped. */
/* "detik.com IDN", ".id IDN", "Guardian GBR world": an outlet, by the end
** of its web address or by its name, its country, and "world" for a paper
** whose news is of the world too. */
static void outlet_line(loader *L, char *s)
{
    bool world = false;
    char *sp = strrchr(s, ' ');
    if (sp && strcmp(trim(sp + 1), "world") == 0) {
        world = true;
        *sp = '\0';
        sp = strrchr(s, ' ');
    }
    char *country = sp ? trim(sp + 1) : NULL;
    if (!sp || strlen(country) != 3 || !utf8_is_upper((unsigned char)country[0])) {
        problem(L, "an outlet line is a name or address end, then a country "
                   "code of three capitals, then \"world\" or nothing");
        return;
    }
    *sp = '\0';
    char *name = trim(s);
    if (!*name || strlen(name) >= sizeof L->d->outlets[0].name) {
        problem(L, "outlet name empty or over %zu bytes",
                sizeof L->d->outlets[0].name - 1);
        return;
    }
    uint32_t o = DICT_PUSH(L->d, outlets);
    if (o == NO_INDEX) {
        no_memory(L);
        return;
    }
    snprintf(L->d->outlets[o].name, sizeof L->d->outlets[o].name, "%s", name);
    snprintf(L->d->outlets[o].country, sizeof L->d->outlets[o].country, "%s",
             country);
    L->d->outlets[o].world = world;
}

static bool three_capitals(const char *w)
{
    return strlen(w) == 3 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'A' &&
           w[1] <= 'Z' && w[2] >= 'A' && w[2] <= 'Z';
}

/* "KUR SYR IRQ TUR IRN": a people's code, then the states it lives in. */
static void people_line(loader *L, char *s)
{
    people p = {0};
    char *save = NULL;
    char *w = strtok_r(s, " \t", &save);
    bool ok = w && three_capitals(w);
    if (ok)
        memcpy(p.code, w, 4);
    while (ok && (w = strtok_r(NULL, " \t", &save)) != NULL) {
        ok = three_capitals(w) && p.n_states < PEOPLE_MAX_STATES;
        if (ok)
            memcpy(p.states[p.n_states++], w, 4);
    }
    if (!ok || p.n_states == 0) {
        problem(L, "a people line is its code, then the codes of the states "
                   "it lives in (1 to %d), each three capitals", PEOPLE_MAX_STATES);
        return;
    }
    uint32_t i = DICT_PUSH(L->d, peoples);
    if (i == NO_INDEX) {
        no_memory(L);
        return;
    }
    L->d->peoples[i] = p;
}

static void issue_line(loader *L, char *s)
{
    if (s[0] == '<' || s[0] == '~')
        return;
    char *br = strrchr(s, '[');
    char *close = br ? strchr(br, ']') : NULL;
    uint32_t b;
    if (close) {
        *close = '\0';
        *br = '\0';
        if ((b = DICT_PUSH(L->d, issues)) == NO_INDEX) {
            no_memory(L);
            return;
        }
        snprintf(L->d->issues[b].code, sizeof L->d->issues[b].code, "%s",
                 trim(br + 1));
    } else if (L->d->n_issues) {
        b = (uint32_t)L->d->n_issues - 1;   /* a line with no code takes the
                                               code of the one before */
    } else {
        problem(L, "issue without a [CODE]");
        return;
    }
    char phrase[1024];
    size_t o = 0;
    for (char *p = trim(s); *p && o + 1 < sizeof phrase; p++) {
        if (p[1] == ':' && strchr("nvaNVA", p[0]) &&
            (p == s || p[-1] == ' ' || p[-1] == '+')) {
            p++;        /* and the loop's p++: "n:" at the end must not
                           step over the NUL */
            continue;
        }
        phrase[o++] = *p == '+' ? ' ' : *p;
    }
    phrase[o] = '\0';
    uint32_t node = add_phrase(L, phrase, true);
    if (node != NO_INDEX &&
        !dict_add_entry(L->d, node, ENTRY_ISSUE, b,
                        dict_where(L->d, L->file, L->line)))
        no_memory(L);
}

/* ---- grammar words ---------------------------------------------------------------- */

/* a token's roles are the bits of a uint64_t (coder.h: sent.roles); the
** roles from PASSIVE on name what the pack knows, not a token's role */
_Static_assert(GRAMMAR_PASSIVE <= 64, "a token's grammar roles must fit in 64 bits");

/* "STEMS: whole": the pack's pattern words are whole words or a word's
** stem (Indonesian: the stemmer finds "kecam" in "mengecam" and
** "kecaman"), never the start of a longer word ("kecam" in "Kecamatan");
** "STEMS: prefix", the default, lets "PROPOS" stand for "proposal". */
static void stems_line(loader *L, const char *how)
{
    if (strcasecmp(how, "prefix") == 0)
        return;
    if (strcasecmp(how, "whole") != 0) {
        problem(L, "STEMS is 'whole' or 'prefix', not '%s'", how);
        return;
    }
    if (whole_stems(L->d))
        return;
    if (L->d->n_whole_stem_langs == ARRAY_LEN(L->d->whole_stem_langs)) {
        problem(L, "STEMS: whole in more than %zu packs",
                ARRAY_LEN(L->d->whole_stem_langs));
        return;
    }
    L->d->whole_stem_langs[L->d->n_whole_stem_langs++] = L->d->loading_lang;
}

/* "THAT: that": a word that opens a clause told, one word. */
static void that_word(loader *L, const char *phrase)
{
    char folded[MAX_WORD_BYTES];
    size_t fl = dict_fold(phrase, strlen(phrase), folded, sizeof folded);
    if (fl == 0 || strpbrk(phrase, " _")) {
        problem(L, "THAT takes words, not '%s'", phrase);
        return;
    }
    if (L->d->n_that_words == ARRAY_LEN(L->d->that_words)) {
        problem(L, "more than %zu THAT words", ARRAY_LEN(L->d->that_words));
        return;
    }
    uint32_t id = dict_word(L->d, folded, fl, true);
    if (id == NO_INDEX)
        no_memory(L);
    else
        L->d->that_words[L->d->n_that_words++] = id;
}

/* "AND: and, as well as" -- a role, then its phrases; "PASSIVE: di-"
** names an Indonesian prefix class instead, and "THAT: that" words the
** pattern matcher reads. */
static void grammar_line(loader *L, char *s)
{
    static const char *const roles[] = {
#define GRAMMAR_X(name, text) text,
        GRAMMAR_LIST(GRAMMAR_X)
#undef GRAMMAR_X
    };
    char *colon = strchr(s, ':');
    if (!colon) {
        problem(L, "expected 'ROLE: phrase, phrase'");
        return;
    }
    *colon = '\0';
    char *name = trim(s);
    if (strcasecmp(name, "STEMS") == 0) {
        stems_line(L, trim(colon + 1));
        return;
    }
    size_t role = 0;
    while (role < ARRAY_LEN(roles) && strcasecmp(roles[role], name) != 0)
        role++;
    if (role == ARRAY_LEN(roles)) {
        problem(L, "unknown grammar role '%s'", name);
        return;
    }
    char *save = NULL;
    for (char *p = strtok_r(colon + 1, ",", &save); p;
         p = strtok_r(NULL, ",", &save)) {
        char *phrase = trim(p);
        if (!*phrase)
            continue;
        if (role == GRAMMAR_PASSIVE) {
            size_t k = 1;
            while (k < 16 && strcmp(warta_prefix_name((warta_prefix)k), "?") != 0 &&
                   strcasecmp(warta_prefix_name((warta_prefix)k), phrase) != 0)
                k++;
            if (strcmp(warta_prefix_name((warta_prefix)k), "?") == 0)
                problem(L, "unknown prefix '%s'", phrase);
            else
                L->d->passive_prefixes |= 1u << k;
            continue;
        }
        if (role == GRAMMAR_THAT) {
            that_word(L, phrase);
            continue;
        }
        uint32_t node = add_phrase(L, phrase, false);
        if (node != NO_INDEX &&
            !dict_add_entry(L->d, node, ENTRY_GRAMMAR, (uint32_t)role,
                            dict_where(L->d, L->file, L->line)))
            no_memory(L);
    }
}

/* ---- TABARI options ------------------------------------------------------------------ */

/* A command line of a TABARI .options file. */
static void options_line(loader *L, char *s)
{
    char why[256];
    switch (tabari_option(&L->d->tabari, s, why, sizeof why)) {
    case TABARI_OPT_BAD:
        problem(L, "%s", why);
        break;
    case TABARI_OPT_UNSUPPORTED:
        ctx_log(L->ctx, WARTA_LOG_WARN, "%s:%zu: %s", L->file, L->line, why);
        break;
    default:
        break;
    }
}

/* ---- files --------------------------------------------------------------------------- */

/* Does the file's base name hold part (lower case), in any case? */
static bool name_has(const char *path, const char *part)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char lower[512];
    size_t n = 0;
    for (; base[n] && n + 1 < sizeof lower; n++)
        lower[n] = (char)(base[n] >= 'A' && base[n] <= 'Z' ? base[n] + 32 : base[n]);
    lower[n] = '\0';
    return strstr(lower, part) != NULL;
}

static file_kind kind_of(const char *path)
{
    for (size_t k = 0; k < ARRAY_LEN(kind_rules); k++)
        if (name_has(path, kind_rules[k].part))
            return kind_rules[k].kind;
    return FILE_UNKNOWN;
}

static warta_status load_project(warta_ctx *ctx, warta_dict *d,
                                 loader *L, char *text);

/* A synset whose phrase names the synset itself, directly or through
** others ("&A" holding "+&B ..." and "&B" holding "+&A ..."), would send
** matching round for ever, and synsets nested thousands deep would
** overflow its stack.  One depth-first walk over the synsets finds every
** phrase that closes a loop or nests synsets more than MAX_SYNSET_DEPTH
** deep; each is reported at its line and dropped, so the rest of its
** synset still matches. */
static void break_synset_loops(loader *L)
{
    warta_dict *d = L->d;
    size_t n = d->n_synsets;
    if (n == 0)
        return;
    enum { WHITE, ON_PATH, DONE };
    typedef struct frame {
        uint32_t synset, phrase, elem;  /* where the walk is in it */
        uint32_t tallest;               /* deepest nesting below it */
    } frame;
    uint8_t *state = calloc(n, 1);
    uint8_t *height = calloc(n, 1);     /* of a DONE synset: 1 + tallest */
    frame *stack = malloc(n * sizeof *stack);
    if (!state || !height || !stack) {
        free(state);
        free(height);
        free(stack);
        no_memory(L);
        return;
    }
    for (uint32_t root = 0; root < n; root++) {
        if (state[root] != WHITE)
            continue;
        size_t depth = 0;
        stack[depth++] = (frame){root, 0, 0, 0};
        state[root] = ON_PATH;
        while (depth > 0) {
            frame *f = &stack[depth - 1];
            synset *sy = &d->synsets[f->synset];
            if (f->phrase == sy->n_phrases) {
                state[f->synset] = DONE;
                height[f->synset] = (uint8_t)(f->tallest + 1);
                if (--depth > 0 && stack[depth - 1].tallest < height[f->synset])
                    stack[depth - 1].tallest = height[f->synset];
                continue;
            }
            uint32_t *slot = &d->synset_phrases[sy->first_phrase + f->phrase];
            const pattern *p = &d->patterns[*slot];
            if (f->elem == p->n_elems) {
                f->phrase++;
                f->elem = 0;
                continue;
            }
            const pat_elem *pe = &d->elems[p->first_elem + f->elem++];
            if (pe->kind != PAT_SYNSET)
                continue;
            uint32_t next = pe->value;
            if (state[next] == ON_PATH && next == f->synset) {
                problem_at(L, p->where, "synset %s refers to itself; "
                           "phrase dropped", sy->name);
            } else if (state[next] == ON_PATH) {
                problem_at(L, p->where, "synset %s refers to %s, which "
                           "refers back to it; phrase dropped", sy->name,
                           d->synsets[next].name);
            } else if (depth + (state[next] == DONE ? height[next] : 1) >
                       MAX_SYNSET_DEPTH) {
                problem_at(L, p->where, "synset %s: synsets nested more "
                           "than %d deep; phrase dropped", sy->name,
                           MAX_SYNSET_DEPTH);
            } else {
                if (state[next] == WHITE) {
                    state[next] = ON_PATH;
                    stack[depth++] = (frame){next, 0, 0, 0};
                } else if (f->tallest < height[next]) {
                    f->tallest = height[next];
                }
                continue;
            }
            /* the synset's last phrase takes the dropped one's place */
            *slot = d->synset_phrases[sy->first_phrase + sy->n_phrases - 1];
            sy->n_phrases--;
            f->elem = 0;
        }
    }
    free(state);
    free(height);
    free(stack);
}

static void load_lines(loader *L, file_kind kind, char *text, size_t n)
{
    char *end = text + n, *save = NULL;
    size_t line_no = 0;
    for (char *p = text; p && L->problems < MAX_PROBLEMS; p = save) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = (size_t)((nl ? nl : end) - p);
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        L->line = ++line_no;
        bool is_nul;
        size_t bad = utf8_check(p, len, &is_nul);
        if (bad < len) {
            problem(L, "%s at column %zu", is_nul ? "NUL byte"
                    : "invalid UTF-8", bad + 1);
            continue;
        }
        char *raw = p;
        /* TABARI stops at a line that begins with '~' ("~~FINISH") and
        ** skips those that begin with '/' */
        if (L->tabari && raw[0] == '~')
            break;
        if (L->tabari && raw[0] == '/')
            continue;
        strip_comments(L, p);
        char *s = trim(p);
        if (!*s)
            continue;
        switch (kind) {
        case FILE_ACTORS: actor_line(L, raw, s); break;
        case FILE_AGENTS: agent_line(L, s); break;
        case FILE_VERBS: verbs_line(L, raw, s); break;
        case FILE_DISCARDS: discard_line(L, s); break;
        case FILE_ISSUES: issue_line(L, s); break;
        case FILE_GRAMMAR: grammar_line(L, s); break;
        case FILE_OUTLETS: outlet_line(L, s); break;
        case FILE_PEOPLES: people_line(L, s); break;
        case FILE_OPTIONS: options_line(L, s); break;
        default: break;
        }
    }
    for (size_t i = 0; kind == FILE_VERBS && i < L->d->n_synsets; i++) {
        synset *sy = &L->d->synsets[i];
        if (sy->n_phrases == 0 && sy->first_use && !sy->reported) {
            sy->reported = true;
            problem_at(L, sy->first_use, "synset %s is used but never defined",
                       sy->name);
        }
    }
    if (kind == FILE_VERBS)
        break_synset_loops(L);
    if (kind == FILE_ACTORS && L->n_pending) {
        if (L->block_has_codes)
            flush_actor(L);
        else
            problem(L, "actor at the end of the file has no code");
    }
}

/* Of two results of loading, the one to report: a file not read on
** (WARTA_EDATA) or not read at all before one with problems. */
static bool worse(warta_status r, warta_status than)
{
    return r != WARTA_OK && (than == WARTA_OK ||
                             (than == WARTA_EPARSE && r != WARTA_EPARSE));
}

static warta_status load_one(warta_ctx *ctx, warta_dict *d, const char *path,
                             file_kind kind)
{
    size_t n;
    char *text = file_slurp(ctx, path, &n);
    if (!text)
        return ctx->errmsg[0] ? WARTA_EIO : WARTA_ENOMEM;
    loader L = {.ctx = ctx, .d = d, .file = path, .block = NO_INDEX,
                .group = NO_INDEX, .synset = NO_INDEX, .word_list = -1};
    L.places = kind == FILE_ACTORS && name_has(path, "countries");
    const char *dot = strrchr(path, '.');
    L.tabari = dot && (strcasecmp(dot, ".actors") == 0 ||
                       strcasecmp(dot, ".verbs") == 0 ||
                       strcasecmp(dot, ".agents") == 0 ||
                       strcasecmp(dot, ".options") == 0);
    warta_status rc = WARTA_OK;
    const char *nul = memchr(text, '\0', n);
    if (kind == FILE_PROJECT && nul)
        rc = ctx_error(ctx, WARTA_EPARSE, "%s: NUL byte at byte %zu", path,
                       (size_t)(nul - text));
    else if (kind == FILE_PROJECT)
        rc = load_project(ctx, d, &L, text);
    else
        load_lines(&L, kind, text, n);
    ctx_free(ctx, text, n + 1);
    for (size_t i = 0; i < L.n_subst; i++) {
        free(L.subst_name[i]);
        free(L.subst_values[i]);
    }
    d->n_problems += L.problems;
    if (rc == WARTA_OK && L.problems >= MAX_PROBLEMS)
        rc = ctx_error(ctx, WARTA_EDATA,
                       "%s: %d problems by line %zu: the rest is not read "
                       "(is it a dictionary?)", path, MAX_PROBLEMS, L.line);
    else if (rc == WARTA_OK && L.problems)
        rc = WARTA_EPARSE;              /* the message was set by problem() */
    return rc;
}

/* TABARI's function words, built into its code (RootsClass in TABARI.h:
** determiners, conjunctions, IN and OF, pronouns, the passive's
** auxiliaries, BY, FORMER), as the grammar roles warta gives them.  A
** project gets these, not warta's English grammar file, whose NOT and
** SAY words would change what TABARI's dictionaries code. */
static const char *const tabari_grammar[] = {
    "ARTICLE: a, an, the",
    "AND: and, nor",
    "OF: of, in, 's",               /* 's: TABARI reads it as an ending */
    "HE: he, him, she, her, it, them, their, they",
    "BE: were, was, been",
    "BY: by",
    "FORMER: former",
    "CLAUSE: and, but, or, nor",
};

static void load_tabari_grammar(warta_ctx *ctx, warta_dict *d,
                                const char *project)
{
    loader L = {.ctx = ctx, .d = d, .file = project, .block = NO_INDEX,
                .group = NO_INDEX, .synset = NO_INDEX, .word_list = -1};
    for (size_t i = 0; i < ARRAY_LEN(tabari_grammar); i++) {
        char line[256];
        snprintf(line, sizeof line, "%s", tabari_grammar[i]);
        grammar_line(&L, line);
    }
    d->n_problems += L.problems;
}

/* A TABARI project names its files: "<actorsfile> TABARI.Demo.actors". */
static warta_status load_project(warta_ctx *ctx, warta_dict *d, loader *L,
                                 char *text)
{
    static const char *const tags[] = {"<actorsfile>", "<verbsfile>",
                                       "<agentsfile>", "<optionsfile>"};
    char dir[1024];
    const char *slash = strrchr(L->file, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - L->file) : 1,
             slash ? L->file : ".");
    warta_status rc = WARTA_OK;
    char msg[sizeof ctx->errmsg] = "";   /* the reported file's message */
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        char *s = trim(line);
        for (size_t k = 0; k < ARRAY_LEN(tags); k++) {
            size_t tl = strlen(tags[k]);
            if (strncasecmp(s, tags[k], tl) != 0)
                continue;
            char path[2048];
            snprintf(path, sizeof path, "%s/%s", dir, trim(s + tl));
            file_kind kind = k == 0 ? FILE_ACTORS : k == 1 ? FILE_VERBS
                           : k == 2 ? FILE_AGENTS : FILE_OPTIONS;
            warta_status r = load_one(ctx, d, path, kind);
            if (worse(r, rc)) {
                rc = r;
                snprintf(msg, sizeof msg, "%s", ctx->errmsg);
            }
        }
    }
    load_tabari_grammar(ctx, d, L->file);
    if (rc != WARTA_OK)
        ctx_error(ctx, rc, "%s", msg);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A language pack: every dictionary file in it, in name order. */
static warta_status load_dir(warta_ctx *ctx, warta_dict *d, const char *dir)
{
    DIR *dh = opendir(dir);
    if (!dh)
        return ctx_error(ctx, WARTA_EIO, "%s: %s", dir, strerror(errno));
    char *names[512];
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(dh)) != NULL && n < ARRAY_LEN(names))
        if (de->d_name[0] != '.' && kind_of(de->d_name) != FILE_UNKNOWN &&
            kind_of(de->d_name) != FILE_PROJECT)
            if ((names[n] = strdup(de->d_name)) != NULL)
                n++;
    closedir(dh);
    qsort(names, n, sizeof *names, cmp_str);
    warta_status rc = WARTA_OK;
    char first_msg[sizeof ctx->errmsg] = "";
    for (size_t i = 0; i < n; i++) {
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        warta_status r = load_one(ctx, d, path, kind_of(names[i]));
        if (worse(r, rc)) {
            rc = r;
            snprintf(first_msg, sizeof first_msg, "%s", ctx->errmsg);
        }
        free(names[i]);
    }
    if (rc != WARTA_OK)
        ctx_error(ctx, rc, "%s", first_msg);
    return rc;
}

/* The language of a pack: a folder named by a language code (data/packs/id),
** for the folder itself or a file in it.  0 when there is none: such
** dictionaries (Phoenix, TABARI) apply to every language. */
static uint16_t pack_lang(const char *path, bool is_dir)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    size_t n = strlen(buf);
    while (n > 1 && buf[n - 1] == '/')
        buf[--n] = '\0';
    if (!is_dir) {
        char *slash = strrchr(buf, '/');
        if (!slash)
            return 0;
        *slash = '\0';
    }
    const char *base = strrchr(buf, '/');
    base = base ? base + 1 : buf;
    size_t k = 0;
    while (base[k] >= 'a' && base[k] <= 'z')
        k++;
    return (k == 2 && base[k] == '\0') ? lang_key(base) : 0;
}

warta_status warta_dict_load(warta_ctx *ctx, warta_dict *d, const char *path)
{
    struct stat sb;
    if (!ctx || !d || !path)
        return WARTA_EINVAL;
    if (stat(path, &sb) != 0)
        return ctx_error(ctx, WARTA_EIO, "%s: %s", path, strerror(errno));
    d->loading_lang = pack_lang(path, S_ISDIR(sb.st_mode));
    if (S_ISDIR(sb.st_mode))
        return load_dir(ctx, d, path);
    file_kind kind = kind_of(path);
    if (kind == FILE_UNKNOWN)
        return ctx_error(ctx, WARTA_EINVAL,
                         "%s: cannot tell what kind of dictionary this is "
                         "(its name should say: actors, agents, verbs, "
                         "discards, issues, grammar, outlets, peoples, .project)", path);
    return load_one(ctx, d, path, kind);
}
