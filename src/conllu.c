/*
** conllu.c -- Universal Dependencies treebanks in CoNLL-U: the training
** and test data of the tagger and the parser.
**
** Each word line has ten tab-separated columns; "# sent_id" and "# text"
** comments are kept; multiword token lines ("3-4 don't") become ranges;
** empty nodes ("5.1") are skipped, as basic trees do not use them.  A
** malformed line is reported with its file and line, its sentence is
** dropped, and reading goes on with the next sentence.
*/
#include <stdlib.h>
#include <string.h>

#include "syntax.h"

void conllu_init(treebank *tb, warta_ctx *ctx)
{
    memset(tb, 0, sizeof *tb);
    arena_init(&tb->ar, ctx);
}

void conllu_free(treebank *tb)
{
    arena_reset(&tb->ar);
    memset(tb, 0, sizeof *tb);
}

bool conllu_space_after(const conllu_sent *s, uint32_t i)
{
    uint32_t id = i + 1;
    for (uint32_t r = 0; r < s->n_ranges; r++)
        if (s->ranges[r].first <= id && id <= s->ranges[r].last)
            return id == s->ranges[r].last && s->ranges[r].space_after;
    const char *m = s->words[i].misc;
    return !(m && strstr(m, "SpaceAfter=No"));
}

/* The sentence being read, and where. */
typedef struct reader {
    warta_ctx *ctx;
    treebank *tb;
    const char *name;
    size_t line;
    conllu_sent cur;
    size_t cap_words, cap_ranges;
    bool bad;                       /* the sentence has a bad line */
    size_t n_bad_lines;
} reader;

/* Report the line (once per sentence) and mark its sentence to be dropped. */
static void bad_line(reader *r, const char *msg)
{
    r->n_bad_lines++;
    if (!r->bad)
        ctx_log(r->ctx, WARTA_LOG_WARN, "%s:%zu: %s", r->name, r->line, msg);
    r->bad = true;
}

/* Parse a whole decimal number in [s, e); false if it is not one. */
static bool parse_uint(const char *s, const char *e, uint32_t *out)
{
    uint64_t v = 0;
    if (s == e || e - s > 9)
        return false;
    for (; s < e; s++) {
        if (*s < '0' || *s > '9')
            return false;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    *out = (uint32_t)v;
    return true;
}

/* A problem of the whole sentence, reported at its first line. */
static void bad_sentence(reader *r, const char *msg)
{
    size_t line = r->line;
    r->line = r->cur.line;
    bad_line(r, msg);
    r->line = line;
}

static void end_sentence(reader *r)
{
    conllu_sent *s = &r->cur;
    if (s->n_words == 0 && s->n_ranges == 0 && !r->bad) {
        memset(s, 0, sizeof *s);    /* comments alone, or nothing */
        r->cap_words = r->cap_ranges = 0;
        return;
    }
    for (uint32_t i = 0; i < s->n_words && !r->bad; i++)
        if (s->words[i].head > (int)s->n_words)
            bad_sentence(r, "a head beyond the sentence's last word");
    for (uint32_t i = 0; i < s->n_ranges && !r->bad; i++)
        if (s->ranges[i].last > s->n_words)
            bad_sentence(r, "a multiword token beyond the last word");
    if (r->bad) {
        r->tb->n_bad++;
    } else {
        conllu_sent *slot = ARENA_PUSH(&r->tb->ar, r->tb->sents, r->tb->n_sents,
                                       r->tb->cap_sents);
        if (slot) {
            *slot = *s;
            r->tb->n_words += s->n_words;
        }
    }
    memset(s, 0, sizeof *s);
    r->cap_words = r->cap_ranges = 0;
    r->bad = false;
}

static const char *keep(reader *r, const char *s, const char *e)
{
    return arena_strndup(&r->tb->ar, s, (size_t)(e - s));
}

static void comment(reader *r, const char *s, const char *e)
{
    static const char id[] = "# sent_id = ", text[] = "# text = ";
    size_t n = (size_t)(e - s);
    if (n >= sizeof id - 1 && memcmp(s, id, sizeof id - 1) == 0)
        r->cur.id = keep(r, s + sizeof id - 1, e);
    else if (n >= sizeof text - 1 && memcmp(s, text, sizeof text - 1) == 0)
        r->cur.text = keep(r, s + sizeof text - 1, e);
}

/* A multiword token line: "3-4\tdon't\t_...". */
static const char *range_line(reader *r, const char *const *col,
                              const char *dash, const char *e)
{
    uint32_t first, last;
    if (!parse_uint(col[0], dash, &first) ||
        !parse_uint(dash + 1, col[1] - 1, &last) || first > last ||
        first != r->cur.n_words + 1)
        return "bad multiword token range";
    conllu_range *rg = ARENA_PUSH(&r->tb->ar, r->cur.ranges, r->cur.n_ranges,
                                  r->cap_ranges);
    if (!rg)
        return "out of memory";
    rg->first = first;
    rg->last = last;
    rg->form = keep(r, col[1], col[2] - 1);
    const char *misc = keep(r, col[9], e);
    rg->space_after = !misc || !strstr(misc, "SpaceAfter=No");
    return NULL;
}

/* A word line; col[10] is one past the line's end plus one. */
static const char *plain_word_line(reader *r, const char *const *col)
{
    uint32_t id, head;
    if (!parse_uint(col[0], col[1] - 1, &id) || id != r->cur.n_words + 1)
        return "word ids must count 1, 2, 3...";
    if (col[2] - 1 == col[1])
        return "empty FORM";
    conllu_word *w = ARENA_PUSH(&r->tb->ar, r->cur.words, r->cur.n_words,
                                r->cap_words);
    if (!w)
        return "out of memory";
    const char **fields[] = {NULL, &w->form, &w->lemma, &w->upos, &w->xpos,
                             &w->feats, NULL, &w->deprel, NULL, &w->misc};
    for (int c = 1; c < 10; c++)
        if (fields[c])
            *fields[c] = keep(r, col[c], col[c + 1] - 1);
    if (col[7] - 1 - col[6] == 1 && col[6][0] == '_')
        w->head = -1;
    else if (parse_uint(col[6], col[7] - 1, &head))
        w->head = (int)head;
    else
        return "HEAD is not a number";
    return w->head == (int)id ? "a word is its own head" : NULL;
}

static const char *word_line(reader *r, const char *s, const char *e)
{
    const char *col[11];
    int n = 0;
    col[n++] = s;
    for (const char *p = s; p < e && n < 11; p++)
        if (*p == '\t')
            col[n++] = p + 1;
    if (n != 10)
        return "not 10 tab-separated columns";
    col[10] = e + 1;
    if (r->cur.n_words == 0 && r->cur.n_ranges == 0 && !r->bad)
        r->cur.line = r->line;
    size_t id_len = (size_t)(col[1] - 1 - col[0]);
    if (memchr(col[0], '.', id_len))
        return NULL;                    /* an empty node */
    const char *dash = memchr(col[0], '-', id_len);
    return dash ? range_line(r, col, dash, e) : plain_word_line(r, col);
}

warta_status conllu_read_mem(warta_ctx *ctx, const char *name,
                             const char *text, size_t n, treebank *tb)
{
    reader r = {.ctx = ctx, .tb = tb, .name = name};
    const char *p = text, *end = text + n, *msg;
    while (p < end) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e)
            e = end;
        const char *le = e > p && e[-1] == '\r' ? e - 1 : e;
        r.line++;
        if (le == p)
            end_sentence(&r);
        else if (*p == '#')
            comment(&r, p, le);
        else if (memchr(p, '\0', (size_t)(le - p)))
            bad_line(&r, "a NUL byte");
        else if ((msg = word_line(&r, p, le)))
            bad_line(&r, msg);
        p = e + 1;
    }
    end_sentence(&r);
    if (r.n_bad_lines)
        return ctx_error(ctx, WARTA_EPARSE, "%s: %zu malformed line%s, %zu "
                         "sentence%s skipped", name, r.n_bad_lines,
                         r.n_bad_lines == 1 ? "" : "s", tb->n_bad,
                         tb->n_bad == 1 ? "" : "s");
    return WARTA_OK;
}

warta_status conllu_read(warta_ctx *ctx, const char *path, treebank *tb)
{
    size_t n;
    char *text = file_slurp(ctx, path, &n);
    if (!text)
        return WARTA_EIO;
    warta_status rc = conllu_read_mem(ctx, path, text, n, tb);
    ctx_free(ctx, text, n + 1);
    return rc;
}
