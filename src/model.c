/*
** model.c -- a language's syntax model: its tag and label names, the
** tagger and the parser.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zstd.h>

#include "syntax.h"

uint32_t name_set_find(const name_set *s, const char *name, size_t n)
{
    for (uint32_t i = 0; i < s->n; i++)
        if (strlen(s->names[i]) == n && memcmp(s->names[i], name, n) == 0)
            return i;
    return NO_INDEX;
}

uint32_t name_set_add(warta_ctx *ctx, name_set *s, const char *name, size_t n)
{
    uint32_t i = name_set_find(s, name, n);
    if (i != NO_INDEX)
        return i;
    if (s->n == s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 32;
        char **p = ctx_realloc(ctx, s->names, s->cap * sizeof *p, cap * sizeof *p);
        if (!p)
            return NO_INDEX;
        s->names = p;
        s->cap = cap;
    }
    char *copy = ctx_alloc(ctx, n + 1);
    if (!copy)
        return NO_INDEX;
    memcpy(copy, name, n);
    copy[n] = '\0';
    s->names[s->n] = copy;
    return s->n++;
}

void name_set_free(warta_ctx *ctx, name_set *s)
{
    for (uint32_t i = 0; i < s->n; i++)
        ctx_free(ctx, s->names[i], strlen(s->names[i]) + 1);
    ctx_free(ctx, s->names, s->cap * sizeof *s->names);
    memset(s, 0, sizeof *s);
}

void syn_model_init(syn_model *m, warta_ctx *ctx)
{
    memset(m, 0, sizeof *m);
    m->ctx = ctx;
    m->tagger.tags = &m->tags;
    m->parser.labels_set = &m->labels;
}

void syn_model_free(syn_model *m)
{
    if (!m->ctx)
        return;
    lexicon_free(m->ctx, &m->tagger.lex);
    perceptron_free(&m->tagger.weights);
    perceptron_free(&m->tagger.second);
    perceptron_free(&m->parser.weights);
    name_set_free(m->ctx, &m->tags);
    name_set_free(m->ctx, &m->labels);
    memset(m, 0, sizeof *m);
}

bool syn_model_names_known(syn_model *m)
{
    parser *p = &m->parser;
    p->root_label = name_set_find(&m->labels, "root", 4);
    p->punct_label = name_set_find(&m->labels, "punct", 5);
    p->hang_label = name_set_find(&m->labels, "parataxis", 9);
    if (p->hang_label == NO_INDEX)
        p->hang_label = name_set_find(&m->labels, "dep", 3);
    if (p->hang_label == NO_INDEX)
        p->hang_label = p->punct_label;
    memset(p->punct_tags, 0, sizeof p->punct_tags);
    memset(p->verb_tags, 0, sizeof p->verb_tags);
    for (uint32_t t = 0; t < m->tags.n && t < 1024; t++) {
        const char *name = m->tags.names[t];
        size_t n = strcspn(name, "|");
        uint64_t bit = 1ull << (t % 64);
        if (n == 5 && memcmp(name, "PUNCT", 5) == 0)
            p->punct_tags[t / 64] |= bit;
        if ((n == 4 && memcmp(name, "VERB", 4) == 0) ||
            (n == 3 && memcmp(name, "AUX", 3) == 0))
            p->verb_tags[t / 64] |= bit;
    }
    return p->root_label != NO_INDEX && p->punct_label != NO_INDEX;
}

void syn_model_analyse(const syn_model *m, syn_word *words, size_t n)
{
    size_t root = 0;
    for (size_t at = 0; at < n; at += SYN_MAX_WORDS) {
        size_t len = n - at < SYN_MAX_WORDS ? n - at : SYN_MAX_WORDS;
        syn_word *piece = words + at;
        tagger_tag(&m->tagger, piece, len, false);
        tagger_give_finite_verb(&m->tagger, piece, len);
        parser_parse(&m->parser, piece, len);
        for (size_t i = 0; i < len; i++) {
            if (piece[i].head > 0) {
                piece[i].head += (int32_t)at;
            } else if (at == 0) {
                root = i + 1;
            } else {
                piece[i].head = (int32_t)root;
                piece[i].label = (uint16_t)m->parser.hang_label;
            }
        }
    }
}

/* ---- model files ---------------------------------------------------------
**
** A model file is a header and one zstd frame with its checksum:
**   "WARTASYN", version (u32), 0 (u32), payload size (u64);
** the payload, little-endian:
**   language, tag names, label names (each a u32 count of strings, a
**   string being a u32 length and its bytes), the lexicon (u64 count, then key and value pairs in
**   key order), then the weights of the tagger's two passes and of the
**   parser (perceptron_write).
*/

#define MODEL_MAGIC "WARTASYN"
#define MODEL_VERSION 1u
#define MODEL_HEADER 24

static bool put_u32(warta_ctx *ctx, warta_buf *b, uint32_t v)
{
    return buf_append(ctx, b, &v, 4);
}

static bool put_names(warta_ctx *ctx, warta_buf *b, char *const *names,
                      uint32_t n)
{
    bool ok = put_u32(ctx, b, n);
    for (uint32_t i = 0; ok && i < n; i++) {
        uint32_t len = (uint32_t)strlen(names[i]);
        ok = put_u32(ctx, b, len) && buf_append(ctx, b, names[i], len);
    }
    return ok;
}

static int by_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static bool put_lexicon(warta_ctx *ctx, warta_buf *b, const lexicon *lx)
{
    uint64_t n = lx->n, *pairs = ctx_alloc(ctx, (n + 1) * 16), k = 0;
    if (!pairs)
        return false;
    for (size_t i = 0; i < lx->n_slots; i++)
        if (lx->key[i]) {
            pairs[2 * k] = lx->key[i];
            pairs[2 * k + 1] = lx->value[i];
            k++;
        }
    qsort(pairs, n, 16, by_u64);
    bool ok = buf_append(ctx, b, &n, 8) && buf_append(ctx, b, pairs, n * 16);
    ctx_free(ctx, pairs, (n + 1) * 16);
    return ok;
}

static warta_status model_payload(const syn_model *m, warta_buf *b)
{
    char *lang = (char *)m->lang;
    warta_ctx *ctx = m->ctx;
    bool ok = put_names(ctx, b, &lang, 1) &&
              put_names(ctx, b, m->tags.names, m->tags.n) &&
              put_names(ctx, b, m->labels.names, m->labels.n) &&
              put_lexicon(ctx, b, &m->tagger.lex);
    if (!ok)
        return WARTA_ENOMEM;
    const perceptron *tables[] = {&m->tagger.weights, &m->tagger.second,
                                  &m->parser.weights};
    warta_status rc = WARTA_OK;
    for (size_t i = 0; i < ARRAY_LEN(tables) && rc == WARTA_OK; i++)
        rc = perceptron_write(ctx, tables[i], b);
    return rc;
}

warta_status syn_model_save(const syn_model *m, const char *path)
{
    warta_ctx *ctx = m->ctx;
    warta_buf payload = {0};
    warta_status rc = model_payload(m, &payload);
    size_t bound = ZSTD_compressBound(payload.n);
    char *out = rc == WARTA_OK ? ctx_alloc(ctx, MODEL_HEADER + bound) : NULL;
    if (!out) {
        ctx_free(ctx, payload.p, payload.cap);
        return ctx_error(ctx, WARTA_ENOMEM, "%s: out of memory", path);
    }
    ZSTD_CCtx *zc = ZSTD_createCCtx();
    size_t z = zc ? ZSTD_CCtx_setParameter(zc, ZSTD_c_compressionLevel, 19) : 1;
    if (zc && !ZSTD_isError(z))
        z = ZSTD_CCtx_setParameter(zc, ZSTD_c_checksumFlag, 1);
    if (zc && !ZSTD_isError(z))
        z = ZSTD_compress2(zc, out + MODEL_HEADER, bound, payload.p, payload.n);
    ZSTD_freeCCtx(zc);
    uint32_t version = MODEL_VERSION, zero = 0;
    uint64_t size = payload.n;
    memcpy(out, MODEL_MAGIC, 8);
    memcpy(out + 8, &version, 4);
    memcpy(out + 12, &zero, 4);
    memcpy(out + 16, &size, 8);
    ctx_free(ctx, payload.p, payload.cap);
    FILE *f = !zc || ZSTD_isError(z) ? NULL : fopen(path, "wb");
    bool ok = f && fwrite(out, 1, MODEL_HEADER + z, f) == MODEL_HEADER + z;
    if (f && fclose(f) != 0)
        ok = false;
    ctx_free(ctx, out, MODEL_HEADER + bound);
    return ok ? WARTA_OK
              : ctx_error(ctx, WARTA_EIO, "%s: cannot write: %s", path,
                          errno ? strerror(errno) : "compression failed");
}

/* ---- reading ------------------------------------------------------------ */

typedef struct input {
    const char *s;
    size_t n, at;
} input;

static bool get_bytes(input *in, void *out, size_t len)
{
    if (in->n - in->at < len)
        return false;
    memcpy(out, in->s + in->at, len);
    in->at += len;
    return true;
}

static bool get_names(warta_ctx *ctx, input *in, name_set *set, uint32_t max)
{
    uint32_t n, len;
    if (!get_bytes(in, &n, 4) || n > max)
        return false;
    for (uint32_t i = 0; i < n; i++) {
        if (!get_bytes(in, &len, 4) || len == 0 || len > 64 ||
            len > in->n - in->at)
            return false;
        const char *s = in->s + in->at;
        if (memchr(s, '\0', len) || name_set_find(set, s, len) != NO_INDEX ||
            name_set_add(ctx, set, s, len) == NO_INDEX)
            return false;
        in->at += len;
    }
    return true;
}

/* The lexicon; a word's sure tag must be one of the n_tags tags. */
static bool get_lexicon(warta_ctx *ctx, input *in, lexicon *lx, uint32_t n_tags)
{
    uint64_t n, key, value, last = 0;
    if (!get_bytes(in, &n, 8) || n > (in->n - in->at) / 16)
        return false;
    for (uint64_t i = 0; i < n; i++) {
        if (!get_bytes(in, &key, 8) || !get_bytes(in, &value, 8) || key <= last ||
            ((value & LEXICON_SURE_BIT) && (value & 0xFFFF) >= n_tags) ||
            lexicon_put(ctx, lx, key, value) != WARTA_OK)
            return false;
        last = key;
    }
    return true;
}

static bool read_payload(syn_model *m, input *in)
{
    warta_ctx *ctx = m->ctx;
    name_set lang = {0};
    bool ok = get_names(ctx, in, &lang, 1) && lang.n == 1 &&
              strlen(lang.names[0]) < sizeof m->lang;
    if (ok)
        memcpy(m->lang, lang.names[0], strlen(lang.names[0]) + 1);
    name_set_free(ctx, &lang);
    ok = ok && get_names(ctx, in, &m->tags, 1024) && m->tags.n > 0 &&
         get_names(ctx, in, &m->labels, 256) && m->labels.n > 0 &&
         syn_model_names_known(m) &&
         get_lexicon(ctx, in, &m->tagger.lex, m->tags.n);
    ok = ok && perceptron_read(&m->tagger.weights, ctx, in->s, in->n, &in->at) == WARTA_OK &&
         m->tagger.weights.n_classes == m->tags.n;
    ok = ok && perceptron_read(&m->tagger.second, ctx, in->s, in->n, &in->at) == WARTA_OK &&
         m->tagger.second.n_classes == m->tags.n;
    ok = ok && perceptron_read(&m->parser.weights, ctx, in->s, in->n, &in->at) == WARTA_OK &&
         m->parser.weights.n_classes == PARSER_CLASSES(m->labels.n);
    return ok && in->at == in->n;
}

warta_status syn_model_read_mem(syn_model *m, warta_ctx *ctx, const char *name,
                                const char *data, size_t n)
{
    uint32_t version;
    uint64_t size;
    syn_model_init(m, ctx);
    if (n < MODEL_HEADER || memcmp(data, MODEL_MAGIC, 8) != 0)
        return ctx_error(ctx, WARTA_EDATA, "%s: not a warta syntax model", name);
    memcpy(&version, data + 8, 4);
    memcpy(&size, data + 16, 8);
    if (version != MODEL_VERSION)
        return ctx_error(ctx, WARTA_EDATA, "%s: model format %u; this warta "
                         "reads format %u (retrain with `make models`)", name,
                         version, MODEL_VERSION);
    unsigned long long stated = ZSTD_getFrameContentSize(data + MODEL_HEADER,
                                                         n - MODEL_HEADER);
    if (stated != size || size > (size_t)1 << 31)
        return ctx_error(ctx, WARTA_EDATA, "%s: truncated or corrupt model", name);
    char *payload = ctx_alloc_big(ctx, size ? size : 1);
    if (!payload)
        return ctx_error(ctx, WARTA_ENOMEM, "%s: out of memory", name);
    size_t got = ZSTD_decompress(payload, size, data + MODEL_HEADER,
                                 n - MODEL_HEADER);
    warta_status rc = WARTA_OK;
    if (ZSTD_isError(got) || got != size) {     /* the frame's checksum too */
        rc = ctx_error(ctx, WARTA_EDATA, "%s: truncated or corrupt model", name);
    } else {
        input in = {payload, size, 0};
        m->tagger.tags = &m->tags;
        m->parser.labels_set = &m->labels;
        if (!read_payload(m, &in))
            rc = ctx_error(ctx, WARTA_EDATA, "%s: corrupt model (byte %zu of "
                           "its payload)", name, in.at);
    }
    ctx_free(ctx, payload, size ? size : 1);
    if (rc != WARTA_OK)
        syn_model_free(m);
    return rc;
}

warta_status syn_model_load(syn_model *m, warta_ctx *ctx, const char *path)
{
    size_t n;
    char *data = file_slurp(ctx, path, &n);
    if (!data) {
        syn_model_init(m, ctx);
        return WARTA_EIO;
    }
    warta_status rc = syn_model_read_mem(m, ctx, path, data, n);
    ctx_free(ctx, data, n + 1);
    return rc;
}

/* A model's payload alone, read as syn_model_read_mem reads it once the
** header is checked and the frame decompressed: the fuzzer's way past the
** checksum (fuzz/fuzz_model.c). */
warta_status syn_model_read_payload(syn_model *m, warta_ctx *ctx,
                                    const char *name, const char *payload,
                                    size_t n)
{
    input in = {payload, n, 0};
    syn_model_init(m, ctx);
    if (read_payload(m, &in))
        return WARTA_OK;
    syn_model_free(m);
    return ctx_error(ctx, WARTA_EDATA, "%s: corrupt model (byte %zu of its "
                     "payload)", name, in.at);
}
