/*
** warta_int.h -- declarations shared by libwarta's own files.
**
** Nothing here is public.  Each section belongs to one .c file, named in
** its heading; functions carry that file's name as a prefix.
*/
#ifndef WARTA_INT_H
#define WARTA_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warta.h"

#define WARTA_HIDDEN __attribute__((visibility("hidden")))
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- ctx.c: the context, errors and memory ---------------------------- */

typedef struct stemmer stemmer;

struct warta_ctx {
    warta_alloc_fn alloc;
    void *alloc_ud;
    warta_log_fn log;
    void *log_ud;
    size_t max_doc_bytes;
    char *hunspell_aff, *hunspell_dic;
    stemmer *stemmer;               /* opened on first use (stem.c) */
    uint64_t stage_ns[WARTA_N_STAGES];
    char errmsg[1024];
};

void *ctx_alloc(warta_ctx *ctx, size_t n);
void *ctx_realloc(warta_ctx *ctx, void *p, size_t old_n, size_t new_n);
void ctx_free(warta_ctx *ctx, void *p, size_t n);
char *ctx_strdup(warta_ctx *ctx, const char *s);
/* Set the context's message and return rc. */
warta_status ctx_error(warta_ctx *ctx, warta_status rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ctx_log(warta_ctx *ctx, warta_log_level level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- arena.c: per-document memory, freed all at once ------------------ */

typedef struct arena_chunk arena_chunk;
typedef struct arena {
    warta_ctx *ctx;
    arena_chunk *head;
    size_t used_in_head;
} arena;

void arena_init(arena *a, warta_ctx *ctx);
void arena_reset(arena *a);                     /* frees every chunk */
void *arena_alloc(arena *a, size_t n);          /* 16-byte aligned, NULL on OOM */
/* Grow an array allocated in the arena; copies when it cannot extend. */
void *arena_grow(arena *a, void *p, size_t old_n, size_t new_n);
char *arena_strndup(arena *a, const char *s, size_t n);

/* A growable array kept in an arena: ARENA_PUSH(a, items, n, cap) makes
** room for one more item and evaluates to a pointer to it (NULL on OOM). */
#define ARENA_PUSH(ar, items, n, cap)                                       \
    (((n) < (cap) || arena_reserve((ar), (void **)&(items), &(cap),         \
                                   sizeof(*(items)), (n) + 1))              \
         ? &(items)[(n)++]                                                  \
         : NULL)
bool arena_reserve(arena *a, void **items, size_t *cap, size_t item_size,
                   size_t need);

/* ---- utf8.c: validation and decoding ----------------------------------- */

/* Offset of the first byte that is not valid UTF-8 or is NUL, or n. */
size_t utf8_check(const char *s, size_t n, bool *is_nul);
size_t utf8_encode(int32_t cp, char out[4]);
/* Out-of-line halves of the inline functions below, for non-ASCII. */
int32_t utf8_decode_multi(const char *s, size_t n, size_t i, size_t *len);
bool utf8_is_letter_multi(int32_t cp);
bool utf8_is_digit_multi(int32_t cp);
bool utf8_is_upper(int32_t cp);    /* Lu or Lt */
bool utf8_is_lower(int32_t cp);    /* Ll */
bool utf8_is_space(int32_t cp);    /* Zs, tab, line breaks */

/* Decode the code point at s[i] (valid UTF-8 assumed); *len gets its size.
** Inline because tokenizing calls it for every character. */
static inline int32_t utf8_decode(const char *s, size_t n, size_t i,
                                  size_t *len)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    return utf8_decode_multi(s, n, i, len);
}

/* L* or M* */
static inline bool utf8_is_letter(int32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    return utf8_is_letter_multi(cp);
}

/* Nd */
static inline bool utf8_is_digit(int32_t cp)
{
    if (cp < 0x80)
        return cp >= '0' && cp <= '9';
    return utf8_is_digit_multi(cp);
}

/* ---- doc.c: the document object ---------------------------------------- */

/* A document has two fields of text: the body and the title. */
enum { FIELD_TEXT, FIELD_TITLE, N_FIELDS };

/* Cleaning changes the text (drops lines, folds quotes); an anchor says
** that clean offset `clean` stands for original offset `orig`, and bytes
** after it map one to one until the next anchor. */
typedef struct anchor {
    size_t clean, orig;
} anchor;

typedef struct field {
    warta_slice orig;               /* as read, valid UTF-8 */
    char *clean;                    /* cleaned, NUL-terminated */
    size_t n_clean, cap_clean;
    anchor *anchors;
    size_t n_anchors, cap_anchors;
} field;

/* A paragraph of cleaned text: a unit of one kind and one language. */
typedef struct para {
    int field;
    warta_kind kind;
    size_t start, end;              /* offsets into the field's clean text */
    char lang[4];
} para;

struct warta_doc {
    warta_ctx *ctx;
    arena arena;
    warta_meta meta;                /* strings in the arena */
    const char *origin;
    size_t origin_line;
    int stages_done;                /* number of stages run */
    field fields[N_FIELDS];
    para *paras;
    size_t n_paras, cap_paras;
    char lang[4];
    char forced_lang[4];            /* set by the caller: skip detection */
    warta_sentence *sents;
    size_t n_sents, cap_sents;
};

/* Make a document from valid text; copies text and meta into its arena. */
warta_status doc_create(warta_ctx *ctx, const char *text, size_t n,
                        const warta_meta *meta, warta_doc **out);
void doc_set_origin(warta_doc *doc, const char *origin, size_t line);
/* Original offset of a clean offset in a field. */
size_t doc_orig_offset(const warta_doc *doc, int field, size_t clean_off);
/* The same, fast for offsets in increasing order: *hint (start it at 0)
** remembers where the last lookup ended. */
size_t doc_orig_offset_near(const warta_doc *doc, int field,
                            size_t clean_off, size_t *hint);

/* ---- the stages: each reads what the one before it left in the doc ---- */

warta_status clean_doc(warta_ctx *ctx, warta_doc *doc);           /* clean.c */
warta_status lang_doc(warta_ctx *ctx, warta_doc *doc);            /* lang.c */
/* lang.c: store an ISO 639 code ("id", "en-US" -> "en") in dst. */
void lang_set_code(char dst[4], const char *code);
warta_status split_doc(warta_ctx *ctx, warta_doc *doc);           /* split.c */
warta_status token_doc(warta_ctx *ctx, warta_doc *doc);           /* token.c */
warta_status stem_doc(warta_ctx *ctx, warta_doc *doc);            /* stem.c */

/* clean.c: also used on their own by tests */
size_t clean_line_end(const char *s, size_t n, size_t i);

/* abbrev.c: abbreviations that do not end a sentence ("Dr.", "Jl.") */
bool abbrev_is_known(const char *word, size_t n);

/* langid.cc: a C face over CLD2.  Writes an ISO 639-1 code (or "un") to
** out and returns true if CLD2 calls the result reliable. */
bool langid_detect(const char *text, size_t n, const char *hint,
                   char out[4], int *percent);

/* stem.c */
void stem_close(warta_ctx *ctx);

#endif /* WARTA_INT_H */
