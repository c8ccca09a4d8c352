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
#include "cameo.h"
#include "date.h"

#define WARTA_HIDDEN __attribute__((visibility("hidden")))
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- ctx.c: the context, errors and memory ---------------------------- */

typedef struct stemmer stemmer;
typedef struct key_memo key_memo;
typedef struct gazetteer gazetteer;
typedef struct parse_state parse_state;

struct warta_ctx {
    warta_alloc_fn alloc;
    void *alloc_ud;
    warta_log_fn log;
    void *log_ud;
    size_t max_doc_bytes;
    char *hunspell_aff, *hunspell_dic;
    stemmer *stemmer;               /* opened on first use (stem.c) */
    key_memo *keys;                 /* word -> dictionary keys (match.c) */
    char *gazetteer_path;
    gazetteer *places;              /* mapped on first use (place.c) */
    bool places_failed;             /* said once, not tried again */
    parse_state *parse;             /* models in use, scratch (parse.c) */
    uint64_t stage_ns[WARTA_N_STAGES];
    uint64_t anchor_steps;          /* anchors doc_orig_offset looked at:
                                       the tests count work with it */
    char errmsg[1024];
};

void *ctx_alloc(warta_ctx *ctx, size_t n);
void *ctx_alloc_big(warta_ctx *ctx, size_t n);
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
/* Forget every allocation, keeping the newest chunk for the next ones:
** scratch memory used over and over. */
void arena_clear(arena *a);
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

/* FNV-1a: HASH_START, then hash_step for each byte.  (warta's start, one
** digit short of FNV's published basis, stays: the models' feature keys
** are made with it.) */
#define HASH_START 1469598103934665603ull
static inline uint64_t hash_step(uint64_t h, unsigned char c)
{
    return (h ^ c) * 1099511628211ull;
}

/* FNV-1a over bytes, never 0 (0 marks an empty slot in warta's tables). */
static inline uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = HASH_START;
    for (size_t i = 0; i < n; i++)
        h = hash_step(h, (unsigned char)s[i]);
    return h ? h : 1;
}

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
    warta_event *events;
    size_t n_events, cap_events;
    warta_mention *actors;
    size_t n_actors, cap_actors;
    bool coded;
    warta_sentence *sents;
    size_t n_sents, cap_sents;
    /* Under TABARI's FORWARD:, the first actor the record named (not a
    ** pronoun), for the pronouns of the next record (code.c) */
    struct {
        bool set;                   /* an actor was named */
        bool compound;              /* it is in a compound */
        char code[32], country[4];  /* its code, without its agents */
        uint64_t where;             /* the entry that named it */
    } tabari_first;
};

/* Make a document from valid text; copies text and meta into its arena. */
warta_status doc_create(warta_ctx *ctx, const char *text, size_t n,
                        const warta_meta *meta, warta_doc **out);
void doc_set_origin(warta_doc *doc, const char *origin, size_t line);
/* Original offset of a clean offset in a field.  *hint (start it at 0)
** remembers where the last lookup ended: offsets in increasing order,
** with one hint per field, cost about one step per anchor in all; any
** other lookup the log of the number of anchors. */
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
warta_status parse_doc(warta_ctx *ctx, warta_doc *doc);           /* parse.c */
/* parse.c: parse s, unless it is parsed already, when the context has a
** model for its language (the coder parses only the sentences it codes);
** nouns: per token, true for one the coder knows is a noun, or NULL. */
warta_status parse_if_model(warta_ctx *ctx, warta_doc *doc, warta_sentence *s,
                            const bool *nouns);

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
/* Does the Indonesian dictionary know the word (in any case)?  False when
** the dictionary is missing.  Memoised with the stems. */
bool stem_is_known(warta_ctx *ctx, const char *s, size_t n);

/* token.c: the next token of any text (dictionary phrases are cut the
** way sentences are).  Returns false at the end; else the token is
** s[*start, *start + *len) and *pos moves past it. */
bool token_next(const char *s, size_t n, size_t *pos, size_t *start,
                size_t *len);

/* ---- file.c: whole files ----------------------------------------------- */

/* A regular file's bytes, NUL-terminated; *n excludes the NUL.  NULL with
** the context's message set ("path: reason") on failure.  Free with
** ctx_free(ctx, p, *n + 1). */
char *file_slurp(warta_ctx *ctx, const char *path, size_t *n);

/* ---- jsonw.c: text appended to a caller's buffer ------------------------- */

/* A JSON writer over a buffer; after a failed allocation every call is a
** no-op and ok stays false, so callers check once at the end. */
typedef struct jw {
    warta_ctx *ctx;
    warta_buf *b;
    bool ok;
    bool first;                 /* no comma before the next member */
    int n_fields;               /* fields on this line (TSV, CSV) */
} jw;

/* Append n bytes to a caller's buffer; false on no memory. */
bool buf_append(warta_ctx *ctx, warta_buf *b, const void *p, size_t n);
void jw_raw(jw *w, const char *s, size_t n);
void jw_string(jw *w, const char *s, size_t n);   /* a JSON string */
void jw_json_cstr(jw *w, const char *s);          /* ... or null */
void jw_fmt(jw *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void jw_key(jw *w, const char *key);
void jw_open(jw *w, char c);
void jw_close(jw *w, char c);
void jw_str_member(jw *w, const char *key, const char *s, size_t n);
void jw_cstr_member(jw *w, const char *key, const char *s);
void jw_uint_member(jw *w, const char *key, size_t v);
void jw_double_member(jw *w, const char *key, double v);

/* ---- dict.c: dictionaries in memory ------------------------------------- */

/* Words are folded to lower case and numbered; a phrase is a sequence of
** word keys in a trie shared by every kind of entry.  A key is a word
** number times two, plus one when the word is a stem (matches any word
** it begins: TABARI's words without a final '_'). */
typedef uint32_t word_key;
#define NO_INDEX UINT32_MAX
#define KEY_STEM 1u

typedef enum {
    ENTRY_ACTOR, ENTRY_AGENT, ENTRY_VERB, ENTRY_DISCARD, ENTRY_ISSUE,
    ENTRY_GRAMMAR, N_ENTRY_KINDS
} entry_kind;

/* Function words a language pack lists in its grammar file, by role. */
#define GRAMMAR_LIST(X)                                                    \
    X(AND, "and")           /* joins actors: "and", "dan", "," */          \
    X(EXCEPT, "except")     /* removes the actor after it */               \
    X(NOT, "not")           /* negates the verb after it */                \
    X(BY, "by")             /* the agent of a passive verb */              \
    X(BE, "be")             /* auxiliary before a passive participle */    \
    X(SAY, "say")           /* reported speech: codes what is said */      \
    X(BOTH, "both")         /* "both sides", "kedua pihak": the actors in play */ \
    X(STATES, "states")     /* "the two countries", "kedua negara": the
                               actors in play, as their states */ \
    X(COUNTERPART, "counterpart") /* "his counterpart", "mitranya" */      \
    X(OF, "of")             /* links an agent to its country: "of", "dari" */ \
    X(OTHERS, "others")     /* a noun of those related to the one it is
                               of, not that one: "Syria's neighbours",
                               "the allies of Iran", "sekutu AS"; an
                               apposition may name them */ \
    X(ARTICLE, "article")   /* may stand inside a compound: "the", "para" */ \
    X(FORMER, "former")     /* "former", "mantan": the actor is an elite
                               out of office (ELI) */ \
    X(LOCATIVE, "locative") /* "in", "at", "di": a place follows */ \
    X(TO, "to")             /* a case word that brings a verb's target:
                               "with", "against", "dengan", "terhadap" */ \
    X(PATIENT, "patient")   /* a case word that brings what an event noun
                               is done to: "withdrawal of troops" */ \
    X(BETWEEN, "between")   /* a case word that brings both sides of an
                               event noun: "talks between X and Y" */ \
    X(AGAINST, "against")   /* a TO word that names an opponent: of a
                               hostile act it is the target, and "with"
                               an ally ("fought with the US against
                               Isis") */ \
    X(ALLY, "ally")         /* the phrase after it fights beside the
                               subject, not against it: "alongside" */ \
    X(MODAL, "modal")       /* the verb may not happen: "could", "bisa" */ \
    X(FUTURE, "future")     /* the verb is to come: "will", "akan" */ \
    X(WOULD, "would")       /* a modal that is the future of what was said
                               ("said he would visit") and polite with a
                               request ("I would ask") */ \
    X(IF, "if")             /* a condition: "if", "jika" */ \
    X(PURPOSE, "purpose")   /* an aim: "to", "untuk", "agar" */ \
    X(ASK, "ask")           /* asks for what follows: "urged", "meminta" */ \
    X(MUST, "must")         /* an obligation on the subject: "must";
                               said of another, a demand */ \
    X(SHOULD, "should")     /* advice to the subject: "should", "harus";
                               said of another, an appeal */ \
    X(ACCUSE, "accuse")     /* a charge: with no object, the one charged is
                               the subject of what it says ("alleged that
                               X recruited") */ \
    X(SENTENCED, "sentenced") /* a verb whose passive with no agent is a
                               court's act: "was sentenced", "divonis" */ \
    X(PERFECT, "perfect")   /* an auxiliary of the perfect: "has", "have",
                               "telah" */ \
    X(PLUPERFECT, "pluperfect") /* the auxiliary of the past perfect:
                               "had"; after it, as after a PERFECT word,
                               a participle is active */ \
    X(SPAN, "span")         /* a case word of a stretch of time: "for",
                               "selama" */ \
    X(YEARS, "years")       /* a long unit of time: "years", "decades",
                               "tahun" */ \
    X(MEMBERS, "members")   /* the members of the category before it
                               follow: "governments, including the US and
                               Russia", "termasuk"; they, not it, act */ \
    X(SPEAKS_FOR, "speaks_for") /* an agent that speaks or acts for the
                               actor it is of: "the family's lawyer",
                               "kuasa hukum keluarga korban" are CVL; alone
                               it keeps its own sector */ \
    X(TIME, "time")         /* a clause of the time of the main one:
                               "after", "usai"; with no subject, the one
                               who speaks in the main clause acts in it
                               ("Hal ini disampaikan X usai bertemu Y") */ \
    X(WHEN, "when")         /* a clause of the same time as what it
                               follows: "2003, when ...", "saat"; it is
                               of the date right before it */ \
    X(AFTER, "after")       /* a clause of what happened no later than
                               the main one: "after", "setelah"; with no
                               date of its own, it is of the main one's */ \
    X(ABOUT, "about")       /* a verb whose object is what is talked
                               about, no side: "discussed the possibility
                               of X", "membahas" */ \
    X(TOPIC, "topic")       /* a case word of what a meeting or talks are
                               about, no side of them: "talks on Syria",
                               "pertemuan soal Papua" */ \
    X(WITH, "with")         /* a case word of the one something is done
                               with: after what is talked about, the
                               partner ("discussed relations with X") */ \
    X(CAPACITY, "capacity") /* the phrase after it is the role its head
                               acts in, no one acted on: "requested a
                               briefing as leader of the opposition",
                               "sebagai" */ \
    X(INDEFINITE, "indefinite") /* an indefinite article: "a", "an"; an
                               event noun it opens, subject of a verb in
                               the present, is any such event, none told
                               ("a clash between X and Y risks a war") */ \
    X(BELIEVE, "believe")   /* what follows is thought, feared or doubted,
                               not told: "fears that", "khawatir" */ \
    X(OCCUR, "occur")       /* a verb of happening: an event noun its
                               subject is as it is ("an attack may not take
                               place", "serangan tidak terjadi") */ \
    X(ARRANGE, "arrange")   /* a verb whose subject arranges what others
                               do, or keeps out of it: the talks it
                               sponsors are no talks of its subject's
                               ("sponsored", "sat out", "memfasilitasi") */ \
    X(DECIDE, "decide")     /* what is decided is told as done: "decided
                               to", "memutuskan" */ \
    X(TITLE, "title")       /* a rank or title before a person's name: one
                               name after it is a person's ("Kopda
                               Bazarsah"), not a place's */ \
    X(POST, "post")         /* a diplomatic post: the country or capital
                               after it is where it serves ("KBRI Phnom
                               Penh") */ \
    X(NUMBERED, "numbered") /* a document's number follows: the actor
                               before it is part of the document's name
                               ("Keputusan KPU Nomor 731") */ \
    X(INITIALS, "initials") /* a person's initials follow: "berinisial AS"
                               names no country */ \
    X(HE, "he")             /* a pronoun for someone named before: "he", "dia" */ \
    X(THEY, "they")         /* a plural one of those: stands for no one
                               person ("they", "mereka") */ \
    X(HIS, "his")           /* a possessive pronoun: "his lawyer" is of
                               the country of the one it stands for */ \
    X(ITS, "its")           /* a possessive pronoun of a body or a group:
                               "its citizens" are of the country of the
                               subject it stands for */ \
    X(OUR, "our")           /* the writer's possessive: "our government"
                               in the paper's own words is its country's */ \
    X(WE, "we")             /* the speaker, in what is said: "we", "kami" */ \
    X(IT, "it")             /* a pronoun for a body or country: "it" in
                               "Russia said it would ..." */ \
    X(LOCAL, "local")       /* an agent of the place told of, of the
                               country named last: "kepolisian setempat" */ \
    X(THAT_COUNTRY, "that_country") /* the country named last: "the
                               country", "negara tersebut" */ \
    X(CLAUSE, "clause")     /* a conjunction between clauses, where it joins
                               no actors: TABARI's AND, BUT, OR, NOR */ \
    X(NOUN, "noun")         /* TABARI's <NOUN> list: "sheep and goats" is no
                               clause break */ \
    X(ADJECTIVE, "adjective") /* TABARI's <ADJECTIVE> list: may stand in an
                               actor's name or a compound ("evil Gondor") */ \
    /* the last name what the pack knows, not a role of a token */ \
    X(PASSIVE, "passive")   /* a passive prefix marked in the pack: "di-" */ \
    X(THAT, "that")         /* opens a clause told ("agreed that ..."): a
                               pattern's word of these holds a clause
                               complement that goes without it */

typedef enum {
#define GRAMMAR_X(name, text) GRAMMAR_##name,
    GRAMMAR_LIST(GRAMMAR_X)
#undef GRAMMAR_X
    N_GRAMMAR
} grammar_role;

/* An actor code valid between two dates (days since 1970-01-01,
** inclusive; INT32_MIN / INT32_MAX when open). */
/* Where an entry was read: file number << 32 | line.  Turned into text
** ("file:line") only when an event names it. */
typedef uint64_t src_pos;

typedef struct dated_code {
    char code[32];
    int32_t from, to;
    bool voids;                     /* TABARI's discard [###] or complex
                                       [+++]: the sentence is not coded */
} dated_code;

typedef struct actor_block {
    uint32_t first_code, n_codes;   /* into dict->codes */
    bool place;                     /* read from a countries file: a
                                       country, its capital or seat of
                                       power, its people; no office that
                                       anyone holds */
} actor_block;

typedef struct agent_block {
    char code[16];                  /* without the '~' */
    bool before;                    /* "[GOV~]": the agent code comes first */
    bool with_country;              /* "[~GOV] with country": an actor only
                                       where a country is named with it */
} agent_block;

/* One element of a verb pattern. */
typedef enum {
    PAT_WORD,       /* a word key */
    PAT_SYNSET,     /* any phrase of synset `index` */
    PAT_SOURCE,     /* $: where the source actor stands */
    PAT_TARGET,     /* +: where the target actor stands */
    PAT_VERB,       /* *: the verb itself */
    PAT_COMPOUND,   /* %: a compound actor; before the verb its members act
                       on each other, after it they are the targets */
    PAT_SKIP,       /* ^: skips one actor, or one word */
} pat_kind;

typedef struct pat_elem {
    uint8_t kind;
    bool joined;                    /* '_' before it: no words in between */
    uint32_t value;                 /* word key or synset index */
} pat_elem;

/* TABARI's subordinate codes ("[023?]": coded only when nothing else is
** in the sentence) and dominant ones ("[111!]": when one is found, only
** those are coded), manual §6.6; and its discard and complex codes
** ([###], [+++]: the sentence is not coded at all), §6.3-6.4. */
typedef enum {
    RANK_NORMAL, RANK_SUBORDINATE, RANK_DOMINANT, RANK_VOID
} code_rank;

typedef struct pattern {
    uint32_t first_elem, n_elems;   /* into dict->elems */
    uint32_t verb;                  /* the verb block it refines, or NO_INDEX
                                       for a synset's member phrase */
    char code[8];                   /* CAMEO code, "" for [---] */
    char reverse[8];                /* "[032:033]": the target's event back
                                       to the source, "" for none */
    uint32_t anchor;                /* its first word, tested before the
                                       rest; NO_INDEX when it has none */
    uint32_t weight;                /* how specific: words count most */
    bool codes;                     /* gives a usable code (or [---]) */
    uint8_t rank;                   /* code_rank: TABARI's "[023?]", "[111!]" */
    src_pos where;
} pattern;

typedef struct verb_block {
    char code[8];                   /* the verb's own code, "" for [---] */
    char reverse[8];                /* as in pattern */
    bool own_code;                  /* its line had a [CODE], even [---] */
    uint8_t rank;                   /* code_rank of its own code */
    bool tabari;                    /* from a TABARI file: TABARI's rules
                                       for when it is a noun (code.c) */
    uint32_t first_pattern, n_patterns;
    uint32_t patterns_of;           /* block whose patterns apply: itself,
                                       or its PETRARCH "--- NAME ---" group */
    src_pos where;
} verb_block;

typedef struct discard_block {
    bool whole_story;               /* '+': void the article, not the sentence */
} discard_block;

typedef struct issue_block {
    char code[48];
} issue_block;

/* How a phrase must be written to count: any way; with a capital
** ("=BARAT_": "Barat", not "barat"); or in capitals ("==US_": "US", not
** "us" or "Us"). */
typedef enum entry_case { CASE_ANY, CASE_CAPITAL, CASE_UPPER } entry_case;

/* A news outlet and its country: the home of the actors its articles name
** without one ("the police"), when the article itself does not tell. */
typedef struct outlet {
    char name[64];                  /* a web address's end ("detik.com",
                                       ".id") or the outlet's name */
    char country[4];
    bool world;                     /* its news is of the world too: its
                                       country is an article's home only
                                       when the article names it most */
} news_outlet;

/* A people with no state of its own and the states it lives in ("KUR SYR
** IRQ TUR IRN": the Kurds): an actor of its name is of the one of them
** its article names most (home.c). */
#define PEOPLE_MAX_STATES 8
typedef struct people {
    char code[4];
    char states[PEOPLE_MAX_STATES][4];
    uint8_t n_states;
} people;

/* What a trie node means: an entry of some kind, chained per node. */
typedef struct entry {
    uint8_t kind;                   /* entry_kind */
    uint8_t written;                /* entry_case: how the phrase must be
                                       written to count */
    uint16_t lang;                  /* the pack's language, two letters
                                       packed; 0: any language */
    uint32_t block;                 /* index in the kind's block array */
    uint32_t next;                  /* next entry at the same node */
    src_pos where;
} entry;

typedef struct trie_edge {
    uint64_t key;                   /* parent node << 32 | word key; 0 empty */
    uint32_t child;
} trie_edge;

typedef struct synset {
    char *name;                     /* "&CURRENCY" as written */
    uint32_t first_phrase, n_phrases;   /* into dict->synset_phrases */
    src_pos first_use;              /* where a pattern named it first, or 0 */
    bool reported;                  /* "never defined" said once */
    bool tabari;                    /* from TABARI's files: a blank in a
                                       phrase lets words come between */
} synset;

typedef struct word_slot {
    uint64_t hash;                  /* 0: empty */
    const char *text;
    uint32_t n, id;
} word_slot;

/* TABARI's coding options: its .options file, a validation record's
** "{ OPTION: ... }" lines (tabari_opts.c).  The coder follows them for
** verbs read from TABARI's files only. */
typedef enum { CODE_BY_CLAUSE, CODE_BY_SENTENCE, CODE_ALL } code_by;
typedef struct tabari_opts {
    uint8_t code_by;                /* code_by: CLAUSE is TABARI's default */
    char default_source[16], default_target[16];    /* "" when none */
    bool source_prior;              /* the default source whenever no actor
                                       is before the verb */
    bool target_after;              /* the default target whenever no actor
                                       is after it */
    /* COMMA: the words a comma-delimited clause may have to be dropped
    ** (more than min, at most max): inside, at the end, at the start */
    bool convert_agents;            /* SET: CONVERT AGENT: an agent with no
                                       actor is one, coded "~MOS" */
    bool min_words_set;             /* SET: MINIMUM WORDS given (else 8) */
    uint16_t min_words;             /* a shorter sentence is not coded */
    bool comma_set;                 /* false: TABARI's defaults */
    bool comma_off;
    uint8_t comma_min, comma_max, end_min, end_max, begin_min, begin_max;
    /* FORWARD: (manual §8.4): a pronoun before any actor of a record may
    ** stand for the record before's first actor, when the record ids say
    ** they are sentences n and n + 1 of one story.  Where the story and
    ** the sentence number stand in a record's id (its first non-blank
    ** byte is 0); a length 0: not given. */
    bool forward;
    uint8_t story_at, story_len, sentence_at, sentence_len;
} tabari_opts;

/* How one TABARI options command was taken. */
typedef enum {
    TABARI_OPT_DONE,                /* it changes how warta codes */
    TABARI_OPT_NO_EFFECT,           /* it changes output or screens only
                                       (LABEL:, OUTPUT:, SET: ... USAGE) */
    TABARI_OPT_UNSUPPORTED,         /* it changes TABARI's coding; warta
                                       does not do it (why says what) */
    TABARI_OPT_BAD                  /* not a command warta can read */
} tabari_opt_result;

/* Apply one command ("SET: CODE ALL", "DEFAULT: SOURCE [SRC] PRIOR") to o;
** why gets a sentence for UNSUPPORTED and BAD. */
tabari_opt_result tabari_option(tabari_opts *o, const char *command,
                                char *why, size_t n_why);
/* TABARI's COMMA: defaults (MIN 2 MAX 10 EMIN 2 EMAX 10 BMIN 128 BMAX 0). */
void tabari_comma_defaults(tabari_opts *o);
/* Under FORWARD:, is the record with this id the next sentence of the
** story of the record with id prev (same story, sentence number one
** more)? */
bool tabari_follows(const tabari_opts *o, const char *prev, const char *id);

struct warta_dict {
    warta_ctx *ctx;
    uint64_t serial;                /* unique in the process, never reused
                                       as an address may be (match.c) */
    arena ar;
    /* vocabulary */
    word_slot *words;
    size_t n_words, cap_words;      /* cap is a power of two */
    uint64_t stem_lengths;          /* bit L set: some stem has L bytes */
    uint32_t gap_word;              /* TABARI's blank inside a phrase: words
                                       may come between; the trie key of
                                       this word says so (NO_INDEX: none) */
    const char **word_text;         /* by word number */
    size_t n_word_text, cap_word_text;
    /* trie */
    uint32_t *node_entry;           /* first entry per node */
    size_t n_node_entry, cap_node_entry;   /* = number of nodes */
    trie_edge *edges;
    size_t n_edges, cap_edges;
    entry *entries;
    size_t n_entries, cap_entries;
    /* blocks per kind */
    actor_block *actors;  size_t n_actors, cap_actors;
    dated_code *codes;    size_t n_codes, cap_codes;
    agent_block *agents;  size_t n_agents, cap_agents;
    verb_block *verbs;    size_t n_verbs, cap_verbs;
    pattern *patterns;    size_t n_patterns, cap_patterns;
    pat_elem *elems;      size_t n_elems, cap_elems;
    discard_block *discards; size_t n_discards, cap_discards;
    issue_block *issues;  size_t n_issues, cap_issues;
    news_outlet *outlets; size_t n_outlets, cap_outlets;
    people *peoples;      size_t n_peoples, cap_peoples;
    synset *synsets;      size_t n_synsets, cap_synsets;
    uint32_t *synset_phrases; size_t n_synset_phrases, cap_synset_phrases;
    /* trie node that ends each synset phrase, for matching */
    uint32_t passive_prefixes;      /* bit per warta_prefix marking passive */
    uint32_t that_words[8];         /* the packs' THAT words, by number */
    uint8_t n_that_words;
    tabari_opts tabari;             /* for the verbs of TABARI's files */
    uint16_t loading_lang;          /* language of the pack being read */
    uint16_t whole_stem_langs[8];   /* packs whose pattern words are whole
                                       words or stems (STEMS: whole), never
                                       a longer word's start */
    uint8_t n_whole_stem_langs;
    char **files;                   /* names, by number */
    size_t n_files, cap_files;
    size_t n_problems;
};

/* The outlet of an article with this address or source name, or NULL. */
const news_outlet *dict_outlet(const warta_dict *d, const char *url,
                               const char *source);

/* The people of the code ("KUR"; the first three letters of "KURREB"),
** or NULL. */
const people *dict_people(const warta_dict *d, const char *code);
/* Does the people p live in the state country? */
bool people_lives_in(const people *p, const char *country);

/* Fold a word to lower case (NFC text in, UTF-8 out, at most cap-1 bytes);
** returns its length, 0 if it does not fit. */
size_t dict_fold(const char *s, size_t n, char *out, size_t cap);
/* The number of a folded word, adding it when add is true (NO_INDEX when
** absent, or on no memory). */
uint32_t dict_word(warta_dict *d, const char *w, size_t n, bool add);
uint32_t dict_word_find(const warta_dict *d, const char *w, size_t n);
/* Follow or make the edge from node by key; NO_INDEX if absent / no memory. */
uint32_t dict_child(const warta_dict *d, uint32_t node, word_key key);
uint32_t dict_child_add(warta_dict *d, uint32_t node, word_key key);
/* Hang an entry on a node. */
bool dict_add_entry(warta_dict *d, uint32_t node, entry_kind kind,
                    uint32_t block, src_pos where);
/* The same, for a phrase that counts only when written so. */
bool dict_add_entry_case(warta_dict *d, uint32_t node, entry_kind kind,
                         uint32_t block, src_pos where, entry_case written);
/* Push helpers: return the new item's index, NO_INDEX on no memory. */
uint32_t dict_push(warta_dict *d, void **items, size_t *n, size_t *cap,
                   size_t size);
#define DICT_PUSH(d, arr) \
    dict_push((d), (void **)&(d)->arr, &(d)->n_##arr, &(d)->cap_##arr, \
              sizeof *(d)->arr)
/* The position of a line of a file (the file is numbered on first use;
** 0 on no memory). */
src_pos dict_where(warta_dict *d, const char *file, size_t line);
/* A CAMEO-style code: letters and digits.  Markers such as "025?" (in
** doubt), "+++" or "###" (flags in the field's dictionaries) code
** nothing. */
bool dict_code_usable(const char *code);
/* "file:line" for a position, into buf. */
const char *dict_where_text(const warta_dict *d, src_pos pos, char *buf,
                            size_t n);

/* A language code packed for entries: "id" -> 'i' << 8 | 'd'; 0 for none. */
static inline uint16_t lang_key(const char *code)
{
    if (!code || !code[0] || !code[1] || (code[0] == 'u' && code[1] == 'n'))
        return 0;
    return (uint16_t)((unsigned char)code[0] << 8 | (unsigned char)code[1]);
}

/* ---- match.c: dictionary entries found in a sentence ------------------- */

/* A run of tokens [first, last) that a dictionary entry names. */
typedef struct mention {
    uint32_t first, last;
    uint8_t kind;                   /* entry_kind */
    uint32_t block;
    src_pos where;
} mention;

/* The word keys a token can be looked up by. */
typedef struct token_keys {
    const char *fold;               /* the token in lower case */
    uint32_t n_fold;
    uint32_t word;                  /* the folded token, or NO_INDEX */
    uint32_t stem;                  /* its Indonesian stem, or NO_INDEX */
    bool stem_ends;                 /* the stem is the word with only an
                                       ending cut ("kantornya"): it may
                                       stand for the word itself */
    uint32_t prefixes[6];           /* words it begins with that are stems */
    uint8_t n_prefixes;
} token_keys;

typedef struct sentence_match {
    const warta_sentence *s;
    uint16_t lang;                  /* the sentence's, as lang_key() packs it */
    token_keys *keys;
    uint32_t *present;              /* open-addressing set of every word
                                       number the tokens have (+1; 0 empty) */
    uint32_t present_mask;
    int8_t *synset_seen;            /* per synset: 0 unknown, 1 may match,
                                       -1 cannot (no member's first word) */
    mention *found;                 /* every entry found, in token order,
                                       longest match first at a token */
    size_t n_found;
} sentence_match;

/* Look up every token and find every phrase of every kind (longest match
** at each start; a phrase does not start inside an earlier longer one of
** the same kind).  Memory comes from ar (the coder's scratch, cleared for
** the next sentence). */
warta_status match_sentence(warta_ctx *ctx, arena *ar,
                            const warta_dict *d, const warta_sentence *s,
                            sentence_match *out);
/* Does a pattern's element sequence match at token i going forward?
** Returns the token after the match, or NO_INDEX. */
uint32_t match_synset(const warta_dict *d, const sentence_match *m,
                      uint32_t which, uint32_t i);
bool match_word(const sentence_match *m, uint32_t i, word_key key);
/* Does any token of the sentence have this word number?  A quick test
** that lets most patterns be passed over. */
bool match_present(const sentence_match *m, uint32_t word);
/* May any phrase of the synset occur in the sentence at all? */
bool match_synset_possible(const warta_dict *d, const sentence_match *m,
                           uint32_t which);
void match_close(warta_ctx *ctx);

/* ---- country.c: a country's codes in other schemes ------------------- */

/* Is the alpha-3 code a country's ("IDN", "XKX"), not a CAMEO region's or
** an international code's ("WST", "IGO")? */
bool country_known(const char *iso3);
/* ISO 3166-1 alpha-2 ("ID") and FIPS 10-4 ("ID"; Germany's "GM") codes of
** an alpha-3 code ("IDN", "XKX" for Kosovo); "" when the code is not a
** country or FIPS 10-4 has no code for it. */
const char *country_iso2(const char *iso3);
const char *country_fips(const char *iso3);

/* ---- export.c: events in other tools' formats ------------------------ */

/* What an exported event says about the report behind it: the article,
** the sentence, and GDELT's counts (1 each for one coded article; the
** store's merged counts for stored events). */
typedef struct export_report {
    const char *doc_id, *url, *article_date, *lang;
    const char *title, *publication;    /* the article's title and source */
    warta_slice text;               /* the sentence */
    bool is_root;                   /* it leads the article */
    uint64_t id;                    /* GLOBALEVENTID, PLOVER's id:
                                       export_event_id */
    int64_t store_id;               /* its row in a store, 0 for none */
    unsigned mentions, sources, articles;
} export_report;
/* Append e as one line of fmt (GDELT, PLOVER or CSV); flags as
** warta_write_event_as takes them. */
warta_status export_event(warta_ctx *ctx, const warta_event *e,
                          const export_report *r, warta_format fmt,
                          unsigned flags, warta_buf *out);
/* What makes two places one in an event's identity: the GeoNames id,
** else (countries and regions have none here) country, kind and name;
** "" for no place.  The store keeps it as events.place_key. */
void event_place_key(const warta_place *p, char *out, size_t n);
/* An event's id in the exports (GDELT's GLOBALEVENTID, PLOVER's id): a
** hash (FNV-1a) of its identity, what makes it one event in the store --
** date, source, target, code, place (event_place_key) and mode -- kept to
** 53 bits so that spreadsheets and JSON readers (doubles) keep it exact,
** never 0.  The same event gets the same id from `warta code` and from
** any store. */
uint64_t export_event_id(const warta_event *e, const char *place_key);

/* ---- store.c: the event store (query.c reads it) ---------------------- */

struct store_backend;
struct store_stmt;
struct warta_store {
    warta_ctx *ctx;
    char *path;                     /* the file, or the server's name
                                       without a password */
    const struct store_backend *be; /* store_db.h: SQLite or PostgreSQL */
    void *db;                       /* the backend's connection (SQLite's
                                       sqlite3 *) */
    struct store_stmt *stmt[40];    /* store.c's prepared writes; NULL
                                       when opened read-only */
    uint64_t vm_steps;              /* SQLite's steps in those writes: the
                                       tests count work with it */
    bool in_batch;                  /* between warta_store_begin and commit */
    bool columns_only;              /* warta_store_columns: a query hands
                                       its column names, steps no row */
    bool batch_lost;                /* ... and SQLite rolled it back */
    bool summary;                   /* queries may read event_days
                                       (summary.h): a store of schema 4 or
                                       later, not opened NO_SUMMARY */
};
/* Set the context's message from the database's and return WARTA_EDB. */
warta_status store_db_error(warta_store *st, const char *what);
warta_status store_exec(warta_store *st, const char *sql);

#endif /* WARTA_INT_H */
