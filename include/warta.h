/*
** warta.h -- the public face of libwarta, a political event coder.
**
** A caller opens a context, reads articles from files or memory, runs the
** pipeline over each (clean -> language -> split -> tokens -> stems ->
** parse) and reads the sentences, tokens and words back.  Everything a document holds lives in that
** document's arena and is freed at once by warta_doc_free().
**
** Ownership rule: pointers returned by warta_* functions are borrowed and
** stay valid until the object they came from is freed or closed, unless a
** function's comment says otherwise.
*/
#ifndef WARTA_H
#define WARTA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define WARTA_API __attribute__((visibility("default")))
#else
#define WARTA_API
#endif

#define WARTA_VERSION "0.1.0"

/* ---- status codes -------------------------------------------------- */

#define WARTA_STATUS_LIST(X)                                             \
    X(OK, "ok")                                                          \
    X(DONE, "no more input")                                             \
    X(ENOMEM, "out of memory")                                           \
    X(EIO, "input/output error")                                         \
    X(EPARSE, "cannot parse input")                                      \
    X(EDATA, "bad input data")                                           \
    X(EDB, "database error")                                             \
    X(EINVAL, "invalid argument")

typedef enum {
#define WARTA_X(name, text) WARTA_##name,
    WARTA_STATUS_LIST(WARTA_X)
#undef WARTA_X
} warta_status;

/* Static text for a status; never NULL. */
WARTA_API const char *warta_strstatus(warta_status rc);

/* ---- the context --------------------------------------------------- */

typedef struct warta_ctx warta_ctx;
typedef struct warta_doc warta_doc;
typedef struct warta_reader warta_reader;

/* Allocator hook in the style of lua_Alloc: nsize == 0 frees ptr and
** returns NULL; otherwise behaves like realloc(ptr, nsize).  osize is
** the old size when ptr is not NULL. */
typedef void *(*warta_alloc_fn)(void *ud, void *ptr, size_t osize,
                                size_t nsize);

typedef enum { WARTA_LOG_ERROR, WARTA_LOG_WARN, WARTA_LOG_INFO } warta_log_level;
typedef void (*warta_log_fn)(void *ud, warta_log_level level, const char *msg);

typedef struct warta_config {
    warta_alloc_fn alloc;       /* NULL: malloc/realloc/free */
    void *alloc_ud;
    warta_log_fn log;           /* NULL: the library stays silent */
    void *log_ud;
    const char *hunspell_aff;   /* NULL: the system's id_ID.aff */
    const char *hunspell_dic;   /* NULL: the system's id_ID.dic */
    size_t max_doc_bytes;       /* 0: WARTA_DEFAULT_MAX_DOC_BYTES */
    const char *gazetteer;      /* the gazetteer file (built by `make` as
                                   build/gen/gazetteer.bin, installed in the
                                   data directory); NULL: gazetteer.bin in
                                   warta_data_dir() (when it is missing,
                                   events get no places and the log says
                                   so once); "": none, no places */
} warta_config;

#define WARTA_DEFAULT_MAX_DOC_BYTES ((size_t)16 << 20)

/* The directory of warta's data: the language packs (packs/<lang>/), the
** syntax models (models/<lang>.model) and the gazetteer (gazetteer.bin).
** $WARTA_DATA when it is set, else where `make install` put them
** (PREFIX/share/warta, compiled in).  Never NULL. */
WARTA_API const char *warta_data_dir(void);

/* Open a context.  cfg may be NULL for defaults.  On failure *out is
** NULL.  A context is used by one thread at a time; use one per thread. */
WARTA_API warta_status warta_open(const warta_config *cfg, warta_ctx **out);
WARTA_API void warta_close(warta_ctx *ctx);

/* The message of the last failed call on ctx ("" if none).  Valid until
** the next call on ctx. */
WARTA_API const char *warta_errmsg(const warta_ctx *ctx);

/* A piece of text: p is not NUL-terminated. */
typedef struct warta_slice {
    const char *p;
    size_t n;
} warta_slice;

/* ---- documents ----------------------------------------------------- */

/* What is known about an article before it is processed.  Any field may
** be NULL.  Strings are copied. */
typedef struct warta_meta {
    const char *id;
    const char *date;   /* YYYY-MM-DD */
    const char *lang;   /* the article's language, e.g. "id": a language
                           code ("en-GB" too; not "und") is taken as
                           given, skipping detection; anything else is a
                           hint to it */
    const char *url;
    const char *title;
    const char *source;
} warta_meta;

/* Make a document from text in memory (copied).  The text must be valid
** UTF-8 with no NUL byte; otherwise WARTA_EDATA and a message naming the
** byte offset. */
WARTA_API warta_status warta_doc_new(warta_ctx *ctx, const char *text,
                                     size_t n, const warta_meta *meta,
                                     warta_doc **out);
WARTA_API void warta_doc_free(warta_doc *doc);
/* A fresh, unprocessed copy of doc owned by ctx: how a document read on
** one thread is handed to another thread's context. */
WARTA_API warta_status warta_doc_copy(warta_ctx *ctx, const warta_doc *doc,
                                      warta_doc **out);
/* The article's text as it was read, before cleaning. */
WARTA_API warta_slice warta_doc_text(const warta_doc *doc);

/* Borrowed views of the document's metadata (NULL when absent). */
WARTA_API const warta_meta *warta_doc_meta(const warta_doc *doc);
/* Where the document came from: file name and 1-based line (0 if none). */
WARTA_API const char *warta_doc_origin(const warta_doc *doc, size_t *line);

/* ---- reading ------------------------------------------------------- */

typedef struct warta_read_opts {
    const char *date;   /* metadata given to plain-text articles */
    const char *lang;
} warta_read_opts;

/* Open an input: a .txt file (one article), a .jsonl / .jsonl.gz /
** .jsonl.zst file (one article per line), a directory (walked
** recursively, in name order) or "-" for standard input. */
WARTA_API warta_status warta_reader_open(warta_ctx *ctx, const char *path,
                                         const warta_read_opts *opts,
                                         warta_reader **out);

/* Next article.  Returns
**   WARTA_OK     *out is a new document (caller frees);
**   WARTA_DONE   the input is exhausted;
**   WARTA_EDATA  one article was bad and is skipped: warta_errmsg() names
**                the file and line or byte; call again for the rest;
**   WARTA_EIO    a file could not be read: reported the same way; call
**                again, the reader moves on to the next file. */
WARTA_API warta_status warta_reader_next(warta_reader *rd, warta_doc **out);
/* Total input bytes known in advance (0 if unknown, e.g. stdin) and bytes
** consumed so far: for progress display. */
WARTA_API void warta_reader_progress(const warta_reader *rd, uint64_t *done,
                                     uint64_t *total);
WARTA_API void warta_reader_close(warta_reader *rd);

/* ---- the pipeline -------------------------------------------------- */

#define WARTA_STAGE_LIST(X)                                              \
    X(CLEAN, "clean")                                                    \
    X(LANG, "lang")                                                      \
    X(SPLIT, "split")                                                    \
    X(TOKENS, "tokens")                                                  \
    X(STEMS, "stems")                                                    \
    X(PARSE, "parse")   /* UD words, tags and dependencies (models) */

typedef enum {
#define WARTA_X(name, text) WARTA_STAGE_##name,
    WARTA_STAGE_LIST(WARTA_X)
#undef WARTA_X
    WARTA_N_STAGES
} warta_stage;

WARTA_API const char *warta_stage_name(warta_stage stage);

/* Run every stage up to and including `last` that has not run yet.
** lang_override, when not NULL, skips language detection. */
WARTA_API warta_status warta_doc_process(warta_ctx *ctx, warta_doc *doc,
                                         warta_stage last,
                                         const char *lang_override);

/* Nanoseconds spent in each stage by this context so far. */
WARTA_API void warta_stage_times(const warta_ctx *ctx,
                                 uint64_t ns[WARTA_N_STAGES]);

/* ---- results ------------------------------------------------------- */

#define WARTA_KIND_LIST(X) X(BODY, "body") X(CAPTION, "caption") X(TITLE, "title")

typedef enum {
#define WARTA_X(name, text) WARTA_KIND_##name,
    WARTA_KIND_LIST(WARTA_X)
#undef WARTA_X
} warta_kind;

WARTA_API const char *warta_kind_name(warta_kind kind);

/* Indonesian affixes recognised around a stem.  A token's affix is
** prefix | suffix | clitic, one of each at most. */
#define WARTA_PREFIX_LIST(X)                                             \
    X(NONE, "")                                                          \
    X(MEN, "meN-")   /* active transitive: mengecam */                   \
    X(DI, "di-")     /* passive: dikecam */                              \
    X(BER, "ber-")   /* intransitive/stative: berkunjung */              \
    X(TER, "ter-")   /* accidental/superlative: terbunuh */              \
    X(PEN, "peN-")   /* agent/instrument noun: penyerang */              \
    X(PER, "per-")   /* causative/noun: pertemuan */                     \
    X(KE, "ke-")     /* abstract noun: kebijakan */                      \
    X(SE, "se-")     /* one/same: sebuah */

#define WARTA_SUFFIX_LIST(X)                                             \
    X(NONE, "") X(KAN, "-kan") X(I, "-i") X(AN, "-an")

#define WARTA_CLITIC_LIST(X)                                             \
    X(NONE, "") X(NYA, "-nya") X(KU, "-ku") X(MU, "-mu") X(LAH, "-lah")  \
    X(KAH, "-kah") X(PUN, "-pun")

typedef enum {
#define WARTA_X(name, text) WARTA_PREFIX_##name,
    WARTA_PREFIX_LIST(WARTA_X)
#undef WARTA_X
} warta_prefix;
typedef enum {
#define WARTA_X(name, text) WARTA_SUFFIX_##name,
    WARTA_SUFFIX_LIST(WARTA_X)
#undef WARTA_X
} warta_suffix;
typedef enum {
#define WARTA_X(name, text) WARTA_CLITIC_##name,
    WARTA_CLITIC_LIST(WARTA_X)
#undef WARTA_X
} warta_clitic;

WARTA_API const char *warta_prefix_name(warta_prefix p);
WARTA_API const char *warta_suffix_name(warta_suffix s);
WARTA_API const char *warta_clitic_name(warta_clitic c);

/* The 17 part-of-speech tags of Universal Dependencies (UPOS); NONE when
** a word or token has not been tagged. */
#define WARTA_UPOS_LIST(X)                                               \
    X(NONE, "")                                                          \
    X(ADJ, "ADJ") X(ADP, "ADP") X(ADV, "ADV") X(AUX, "AUX")              \
    X(CCONJ, "CCONJ") X(DET, "DET") X(INTJ, "INTJ") X(NOUN, "NOUN")      \
    X(NUM, "NUM") X(PART, "PART") X(PRON, "PRON") X(PROPN, "PROPN")      \
    X(PUNCT, "PUNCT") X(SCONJ, "SCONJ") X(SYM, "SYM") X(VERB, "VERB")    \
    X(X, "X")

typedef enum {
#define WARTA_X(name, text) WARTA_UPOS_##name,
    WARTA_UPOS_LIST(WARTA_X)
#undef WARTA_X
    WARTA_N_UPOS
} warta_upos;

WARTA_API const char *warta_upos_name(warta_upos u);

/* The UD features the tagger gives, one bit each (1u << WARTA_FEAT_...),
** in the order CoNLL-U writes them: a word has at most one value of a
** feature. */
#define WARTA_FEAT_LIST(X)                                               \
    X(MOOD_IMP, "Mood=Imp") X(MOOD_IND, "Mood=Ind")                      \
    X(MOOD_SUB, "Mood=Sub")                                              \
    X(POLARITY_NEG, "Polarity=Neg") X(POLARITY_POS, "Polarity=Pos")      \
    X(PRONTYPE_ART, "PronType=Art") X(PRONTYPE_DEM, "PronType=Dem")      \
    X(PRONTYPE_EMP, "PronType=Emp") X(PRONTYPE_IND, "PronType=Ind")      \
    X(PRONTYPE_INT, "PronType=Int") X(PRONTYPE_NEG, "PronType=Neg")      \
    X(PRONTYPE_PRS, "PronType=Prs") X(PRONTYPE_RCP, "PronType=Rcp")      \
    X(PRONTYPE_REL, "PronType=Rel") X(PRONTYPE_TOT, "PronType=Tot")      \
    X(TENSE_FUT, "Tense=Fut") X(TENSE_PAST, "Tense=Past")                \
    X(TENSE_PRES, "Tense=Pres")                                          \
    X(VERBFORM_FIN, "VerbForm=Fin") X(VERBFORM_GER, "VerbForm=Ger")      \
    X(VERBFORM_INF, "VerbForm=Inf") X(VERBFORM_PART, "VerbForm=Part")    \
    X(VOICE_ACT, "Voice=Act") X(VOICE_PASS, "Voice=Pass")

typedef enum {
#define WARTA_X(name, text) WARTA_FEAT_##name,
    WARTA_FEAT_LIST(WARTA_X)
#undef WARTA_X
    WARTA_N_FEATS
} warta_feat;

/* "Voice=Pass" for WARTA_FEAT_VOICE_PASS (a bit number, not a mask). */
WARTA_API const char *warta_feat_name(warta_feat f);
#define WARTA_FEAT(f) (1u << WARTA_FEAT_##f)    /* WARTA_FEAT(VOICE_PASS) */

/* head of a token or word: the root's dependent has WARTA_HEAD_ROOT;
** WARTA_HEAD_NONE until WARTA_STAGE_PARSE, and after it when the
** sentence's language has no model. */
#define WARTA_HEAD_ROOT (-1)
#define WARTA_HEAD_NONE (-2)

typedef struct warta_token {
    warta_slice text;       /* the token as cleaned (NFC, plain quotes) */
    size_t start, end;      /* byte span in the original field */
    warta_slice stem;       /* lower-case stem (Indonesian); else empty */
    uint8_t prefix, suffix, clitic; /* warta_prefix/_suffix/_clitic */
    /* After WARTA_STAGE_PARSE, those of the token's head word: the word
    ** whose head lies outside the token ("mitra" of "mitranya", "I" of
    ** "I'm"). */
    uint8_t upos;           /* warta_upos; NONE when not parsed */
    uint32_t feats;         /* WARTA_FEAT() bits */
    int32_t head;           /* token index in the sentence, or
                               WARTA_HEAD_ROOT / WARTA_HEAD_NONE */
    const char *deprel;     /* UD relation ("nsubj", "obl:agent"), owned
                               by the model; "" when not parsed */
} warta_token;

/* A syntactic word of Universal Dependencies: a token, or a piece of one
** ("don't" is do + n't, "mitranya" mitra + nya, "well-known" well + - +
** known), as the language's treebanks write words. */
typedef struct warta_word {
    warta_slice form;       /* a piece of its token's text */
    size_t token;           /* the token it is (part of) */
    size_t n_tokens;        /* 1; more for tokens written together that
                               are one word: "www.bbc.co.uk" (7 tokens),
                               "!!!" (3) */
    bool joined;            /* one UD token with the word before: the
                               CoNLL-U multiword token "don't" = do + n't
                               (also across the tokens "did" "n't") */
    uint8_t upos;           /* warta_upos; NONE when not parsed */
    uint32_t feats;         /* WARTA_FEAT() bits */
    int32_t head;           /* word index in the sentence, or
                               WARTA_HEAD_ROOT / WARTA_HEAD_NONE */
    const char *deprel;     /* as in warta_token */
} warta_word;

typedef struct warta_sentence {
    size_t index;           /* 0-based, in document order */
    warta_kind kind;
    char lang[4];           /* ISO 639-1, or "un" */
    size_t start, end;      /* byte span in the original field: the title
                               for WARTA_KIND_TITLE, else the text */
    warta_slice text;       /* cleaned sentence text */
    size_t n_tokens;        /* 0 until WARTA_STAGE_TOKENS has run */
    const warta_token *tokens;
    size_t n_words;         /* 0 until WARTA_STAGE_PARSE has run */
    const warta_word *words;
} warta_sentence;

/* The document's language ("un" if unknown) after WARTA_STAGE_LANG. */
WARTA_API const char *warta_doc_lang(const warta_doc *doc);
WARTA_API size_t warta_doc_n_sentences(const warta_doc *doc);
WARTA_API const warta_sentence *warta_doc_sentence(const warta_doc *doc,
                                                   size_t i);

/* ---- syntax models ---------------------------------------------------- */

/* A language's tagger and dependency parser, trained from a Universal
** Dependencies treebank (docs/parsing.md).  Loaded once, then shared
** read-only by any number of contexts and threads, like a warta_dict; the
** context that loads a model must outlive it. */
typedef struct warta_model warta_model;

/* Load a model file (data/models/<lang>.model).  A file that is not a
** model, of another format version, truncated or corrupt is refused with
** WARTA_EDATA and a message naming it; WARTA_EIO when it cannot be read. */
WARTA_API warta_status warta_model_load(warta_ctx *ctx, const char *path,
                                        warta_model **out);
WARTA_API void warta_model_free(warta_model *model);
/* The language the model was trained for ("en"). */
WARTA_API const char *warta_model_lang(const warta_model *model);
WARTA_API warta_status warta_model_save(const warta_model *model,
                                        const char *path);

/* Have ctx parse the sentences of language lang (NULL: the model's own)
** with model, replacing the one it had for lang; the CLI gives Malay the
** Indonesian model this way.  model NULL forgets lang's model.  The model
** must outlive its use.  A context parses at most 16 languages. */
WARTA_API warta_status warta_use_model(warta_ctx *ctx, const char *lang,
                                       const warta_model *model);

typedef struct warta_train_opts {
    const char *lang;               /* ISO 639 code the model serves */
    const char *const *train;       /* CoNLL-U files */
    size_t n_train;
    const char *dev;                /* CoNLL-U scored after training and
                                       reported through the log, or NULL */
    int tagger_epochs, parser_epochs;   /* 0: the defaults */
    int folds;                      /* jackknifed tags for the parser;
                                       0: the default, 1: gold tags */
    uint64_t seed;                  /* 0: the default; same inputs and
                                       seed give the same model bytes */
} warta_train_opts;

#define WARTA_TRAIN_TAGGER_EPOCHS 8
#define WARTA_TRAIN_PARSER_EPOCHS 12
#define WARTA_TRAIN_FOLDS 4

/* Train a model from treebanks.  Malformed CoNLL-U lines are reported
** through the log as "file:line: message" and their sentences skipped;
** progress goes to the log at WARTA_LOG_INFO. */
WARTA_API warta_status warta_model_train(warta_ctx *ctx,
                                         const warta_train_opts *opts,
                                         warta_model **out);

/* How a model does on a treebank, scored as the CoNLL 2018 shared task
** scores (punctuation included): on the treebank's own words ("gold
** tokens"), and on the words warta makes of each sentence's "# text"
** (tokens, stems and the split into words), aligned to the treebank's
** words by their characters. */
typedef struct warta_parse_counts {
    size_t gold_words, system_words;
    size_t aligned;                 /* words found with the same span */
    size_t upos, feats, heads, arcs;    /* aligned words with the right
                                       UPOS, features (those the model
                                       gives), head, head and relation */
} warta_parse_counts;

/* One relation: gold words with it, the words the model gave it and of
** those the ones with the right head and relation, on gold tokens and on
** warta's own. */
typedef struct warta_parse_rel {
    char deprel[32];
    size_t gold, system, right;
    size_t own_gold, own_system, own_right;
} warta_parse_rel;

#define WARTA_MAX_RELS 96

typedef struct warta_parse_eval {
    size_t sentences, skipped;      /* read; malformed ones skipped */
    size_t misspelled;              /* sentences whose words do not spell
                                       their "# text": none of their words
                                       align on own tokens */
    warta_parse_counts gold_tokens, own_tokens;
    size_t n_rels;                  /* per relation, in the order first
                                       seen (more are not counted) */
    warta_parse_rel rels[WARTA_MAX_RELS];
} warta_parse_eval;

/* Score model on a CoNLL-U file; adds to *out (start it zeroed), so
** several files sum up.  WARTA_EPARSE when lines were malformed (reported
** through the log; the rest is scored). */
WARTA_API warta_status warta_model_eval(warta_ctx *ctx,
                                        const warta_model *model,
                                        const char *path,
                                        warta_parse_eval *out);

/* ---- dictionaries ---------------------------------------------------- */

/* A set of dictionaries: actors, agents, verbs and their patterns,
** discards, issues, and the CAMEO code table.  Loaded once, then shared
** read-only by any number of contexts and threads. */
typedef struct warta_dict warta_dict;

/* A new, empty dictionary set with the CAMEO code table loaded. */
WARTA_API warta_status warta_dict_new(warta_ctx *ctx, warta_dict **out);
WARTA_API void warta_dict_free(warta_dict *dict);

/* Load one dictionary file, a language pack directory, or a TABARI
** .project file (which names its files).  The kind of a file is told by
** its name (".actors", "agents", ".verbs", "discards", "Issue", ...;
** PETRARCH's and TABARI's names as they ship).  Problems are reported as
** "file:line: message": the first one in the return's message, every one
** through the log callback at WARTA_LOG_WARN.  A file with problems still
** loads what it can; the return is WARTA_EPARSE then.  A file with 100
** problems is not read on (it is not a dictionary): WARTA_EDATA. */
WARTA_API warta_status warta_dict_load(warta_ctx *ctx, warta_dict *dict,
                                       const char *path);

/* Apply one TABARI options command to dict, as a line of a TABARI
** .options file or a validation record's "{ OPTION: ... }" does:
** "SET: CODE ALL", "SET: CODE BY SENTENCE", "DEFAULT: SOURCE [SRC] PRIOR
** TARGET [TGT] AFTER", "DEFAULT: OFF".  It applies to the verbs of
** TABARI's files.  Commands that change only TABARI's output are accepted;
** those that change TABARI's coding in a way warta does not copy are
** logged (WARTA_LOG_WARN) and accepted; WARTA_EPARSE for one it cannot
** read. */
WARTA_API warta_status warta_dict_option(warta_ctx *ctx, warta_dict *dict,
                                         const char *command);

typedef struct warta_dict_stats {
    size_t actors, actor_phrases, actor_codes;  /* blocks, names, dated codes */
    size_t agents, agent_phrases;
    size_t verbs, verb_forms, patterns, synsets;
    size_t discards, issues;
    size_t words, problems;         /* vocabulary; lines that did not load */
    size_t cameo_codes, cameo_covered;  /* event codes (3 and 4 digits) in
                                           the table / given by
                                           some verb or pattern */
} warta_dict_stats;

WARTA_API void warta_dict_get_stats(const warta_dict *dict,
                                    warta_dict_stats *out);
/* Does some verb or pattern give this CAMEO code? */
WARTA_API bool warta_dict_covers(const warta_dict *dict, const char *code);

/* ---- events ----------------------------------------------------------- */

/* A place from the gazetteer (GeoNames). */
#define WARTA_PLACE_KIND_LIST(X) \
    X(NONE, "") X(CITY, "city") X(REGION, "region") X(COUNTRY, "country")

typedef enum {
#define WARTA_X(name, text) WARTA_PLACE_##name,
    WARTA_PLACE_KIND_LIST(WARTA_X)
#undef WARTA_X
} warta_place_kind;

typedef struct warta_place {
    char name[64];          /* "" when there is none */
    uint8_t kind;           /* warta_place_kind */
    uint32_t geonames_id;
    char country[4];        /* ISO 3166-1 alpha-3 */
    char adm1[16];          /* GeoNames admin1 code */
    double lat, lon;
} warta_place;

/* One side of an event. */
typedef struct warta_actor {
    char code[32];          /* CAMEO actor code: "RUSGOV", "WST", "" */
    char country[4];        /* ISO 3166-1 alpha-3 or region code, or "" */
    char sector[16];        /* agent/sector part: "GOV", "MIL", or "" */
    warta_slice text;       /* the words that named it, as cleaned */
    size_t start, end;      /* byte span in the original text */
    const char *entry;      /* "file:line" of the dictionary entry */
    warta_slice holder;     /* the office holder's name that follows the
                               office in the text ("Kapolres Bogor, AKBP
                               Rio Wahyu," -> "AKBP Rio Wahyu"), else empty */
    warta_place place;      /* its country's centroid, as GDELT gives an
                               actor's geography; name "" when unknown */
    bool home;              /* its country is the article's home country:
                               the words named none ("the police") */
} warta_actor;


#define WARTA_DATE_PRECISION_LIST(X) \
    X(NONE, "") X(DAY, "day") X(MONTH, "month") X(YEAR, "year")

typedef enum {
#define WARTA_X(name, text) WARTA_DATE_##name,
    WARTA_DATE_PRECISION_LIST(WARTA_X)
#undef WARTA_X
} warta_date_precision;

WARTA_API const char *warta_date_precision_name(warta_date_precision p);
/* Is s a "YYYY-MM-DD" that names a real day?  What an article date must
** be for events to be dated against it, and a store query's bounds. */
WARTA_API bool warta_date_valid(const char *s);

/* How a sentence reports an event (docs/formats.md).  Only ASSERTED
** events, and FUTURE ones coded as intents (03x), are kept by default. */
#define WARTA_MODE_LIST(X)                                               \
    X(ASSERTED, "asserted")         /* it happened, or is happening */   \
    X(NEGATED, "negated")           /* "did not meet", "tidak bertemu" */ \
    X(HYPOTHETICAL, "hypothetical") /* "if X attacks", "could meet" */   \
    X(FUTURE, "future")             /* "will visit", "akan berkunjung" */ \
    X(PURPOSE, "purpose")           /* "went there to fight" */          \
    X(REQUESTED, "requested")       /* "urged X to release Y": the release */ \
    X(QUESTION, "question")         /* "did X attack Y?" */

typedef enum {
#define WARTA_X(name, text) WARTA_MODE_##name,
    WARTA_MODE_LIST(WARTA_X)
#undef WARTA_X
    WARTA_N_MODES
} warta_mode;

WARTA_API const char *warta_mode_name(warta_mode m);

typedef struct warta_event {
    size_t sentence;        /* index of the sentence it came from */
    char date[11];          /* YYYY-MM-DD when it happened, "" unknown */
    uint8_t date_precision; /* warta_date_precision of date */
    char article_date[11];  /* the article's date, "" unknown */
    const char *date_note;  /* why a date was not used ("31 Februari" is
                               no date), or NULL */
    const char *home_note;  /* where a side's home country came from ("IDN:
                               the outlet's country"), or NULL */
    warta_place place;      /* where it happened; name "" when unknown */
    warta_actor source, target;
    char code[8];           /* CAMEO event code: "041" */
    char root[4];           /* its first two digits: "04" */
    const char *label;      /* "Discuss by telephone" (static) */
    double goldstein;
    int quad_class;         /* 1..4: verbal/material cooperation/conflict */
    const char *plover_type, *plover_mode;  /* "" when none */
    warta_slice verb;       /* the words of the verb phrase */
    size_t verb_start, verb_end;
    const char *rule;       /* "file:line" of the verb pattern */
    uint8_t mode;           /* warta_mode */
    bool historical;        /* dated more than 30 days before its article */
    const char *source_how, *target_how;  /* the relation that gave each
                               side ("nsubj of 'met'", "obl:with"), or "" when
                               the sides were found by position */
} warta_event;

/* Code the document's sentences with dict: runs the pipeline first if
** needed.  Captions are not coded. */
WARTA_API warta_status warta_doc_code(warta_ctx *ctx, warta_doc *doc,
                                      const warta_dict *dict);

typedef struct warta_code_opts {
    bool allow_monads;      /* also code events with one side unknown, its
                               code "---" (PETRARCH's require_dyad=false) */
    bool list_actors;       /* keep every actor found, for warta_doc_actor */
    bool shallow;           /* code by word position only, not from the
                               dependency tree (also what a language
                               without a syntax model gets) */
    bool all_modes;         /* keep every event whatever its mode */
    bool historical;        /* keep historical events too */
    const warta_doc *previous;  /* the record before this one, coded with
                               the same dictionaries, or NULL: under
                               TABARI's FORWARD: option a pronoun before
                               any actor stands for its first actor when
                               the ids say this is the story's next
                               sentence */
} warta_code_opts;

/* warta_doc_code with options; opts NULL is the defaults. */
WARTA_API warta_status warta_doc_code_opts(warta_ctx *ctx, warta_doc *doc,
                                           const warta_dict *dict,
                                           const warta_code_opts *opts);
WARTA_API size_t warta_doc_n_events(const warta_doc *doc);
WARTA_API const warta_event *warta_doc_event(const warta_doc *doc, size_t i);

/* Every actor the coder found, in or out of an event, after
** warta_doc_code_opts with list_actors: `sentence` is the index of its
** sentence. */
typedef struct warta_mention {
    size_t sentence;
    warta_actor actor;
} warta_mention;
WARTA_API size_t warta_doc_n_actors(const warta_doc *doc);
WARTA_API const warta_mention *warta_doc_actor(const warta_doc *doc,
                                               size_t i);

/* ---- writing -------------------------------------------------------- */

/* A growable byte buffer owned by the caller; start it zeroed, reuse it
** (set n = 0), release it with warta_buf_free(). */
typedef struct warta_buf {
    char *p;
    size_t n, cap;
} warta_buf;

WARTA_API void warta_buf_free(warta_ctx *ctx, warta_buf *buf);

#define WARTA_WRITE_TOKENS 1u   /* include the tokens and their stems (and
                                   after WARTA_STAGE_PARSE their upos,
                                   feats, head and deprel) */
#define WARTA_WRITE_WORDS 4u    /* include the UD words (WARTA_STAGE_PARSE) */

/* Append sentence i of doc to out as one JSON object and a newline:
** doc, sentence, lang, kind, start, end, text[, tokens][, words].  The
** schema is in docs/formats.md. */
WARTA_API warta_status warta_write_sentence(warta_ctx *ctx,
                                            const warta_doc *doc, size_t i,
                                            unsigned flags, warta_buf *out);

/* Append sentence i of doc to out in CoNLL-U (after WARTA_STAGE_PARSE):
** "# newdoc id" before a document's first sentence, "# sent_id" (the
** document's id, '-' and the sentence's number from 1) and "# text", a
** line of ten tab-separated columns per word (ID FORM LEMMA UPOS XPOS
** FEATS HEAD DEPREL DEPS MISC; LEMMA, XPOS and DEPS are "_"), a range line
** before each multiword token ("3-4 don't"), SpaceAfter=No where no space
** follows, and an empty line.  Columns of words left unparsed are "_".  A
** sentence without words writes nothing. */
WARTA_API warta_status warta_write_conllu(warta_ctx *ctx, const warta_doc *doc,
                                          size_t i, warta_buf *out);

#define WARTA_WRITE_EXPLAIN 2u  /* name the dictionary entries and verb */

/* Append actor mention i of doc as one JSON object and a newline. */
WARTA_API warta_status warta_write_actor(warta_ctx *ctx, const warta_doc *doc,
                                         size_t i, warta_buf *out);

/* Append event i of doc to out as one JSON object and a newline (schema in
** docs/formats.md). */
WARTA_API warta_status warta_write_event(warta_ctx *ctx, const warta_doc *doc,
                                         size_t i, unsigned flags,
                                         warta_buf *out);

/* Output formats of events: JSON (warta_write_event's), GDELT 2.0's
** 61-column event export (TSV), PLOVER JSON, and flat CSV. */
typedef enum {
    WARTA_FORMAT_JSON,
    WARTA_FORMAT_GDELT,
    WARTA_FORMAT_PLOVER,
    WARTA_FORMAT_CSV
} warta_format;

#define WARTA_WRITE_GEO_ISO3 8u /* GDELT: the geography columns' countries
                                   in ISO 3166-1 alpha-3, not GDELT's FIPS
                                   10-4 */

/* Append event i of doc to out in the given format: one line ending in
** '\n' (docs/formats.md: each format's fields and the spec it follows).
** flags: WARTA_WRITE_EXPLAIN for JSON, WARTA_WRITE_GEO_ISO3 for GDELT;
** the others ignore them.  An event's id (GDELT's GLOBALEVENTID, PLOVER's
** id, CSV's event_id) is made from what makes it one event in a store (date,
** source, target, code, place, mode), so warta_store_export gives the
** same event the same id.  GDELT's DATEADDED is the time of the call
** (UTC), so GDELT output depends on the clock.  WARTA_EINVAL for a bad
** index or format, WARTA_ENOMEM. */
WARTA_API warta_status warta_write_event_as(warta_ctx *ctx,
                                            const warta_doc *doc, size_t i,
                                            warta_format fmt, unsigned flags,
                                            warta_buf *out);

/* Append the header line of a format to out: CSV's column names and a
** newline; nothing for the others (GDELT's export has no header). */
WARTA_API warta_status warta_write_header(warta_ctx *ctx, warta_format fmt,
                                          warta_buf *out);

/* ---- the event store ------------------------------------------------- */

/* A database of coded articles -- an SQLite file, or a PostgreSQL
** database that many writers may fill at once: documents, the sentences
** that produced events, events merged across articles (GDELT's
** NumMentions, NumSources, NumArticles) and every mention behind them.
** The schema is in docs/store.md.  One store is used by one thread. */
typedef struct warta_store warta_store;

#define WARTA_STORE_READONLY 1u     /* open an existing store to query it */
/* Queries read the events themselves, never the store's summary of them
** (the events of each day, kept by every write): slower, and the same
** answers; how the tests check one against the other. */
#define WARTA_STORE_NO_SUMMARY 2u

/* Open or create a store: path is a file, or a postgresql:// (or
** postgres://) URI, libpq's PG* variables filling in what it leaves out.
** A file or database that is not a warta store, or one written by a newer
** warta, is refused with WARTA_EDB and left as it is. */
WARTA_API warta_status warta_store_open(warta_ctx *ctx, const char *path,
                                        unsigned flags, warta_store **out);
WARTA_API void warta_store_close(warta_store *st);

/* Group writes: warta_store_add calls between begin and commit land
** together or not at all.  When a write fails so that SQLite rolls the
** whole transaction back (a full disk, an I/O error), later adds fail
** and commit returns WARTA_EDB: nothing since begin is stored.  On
** PostgreSQL each document is a transaction of its own (so that writers
** side by side wait for each other as little as they can): begin and
** commit group nothing there. */
WARTA_API warta_status warta_store_begin(warta_store *st);
WARTA_API warta_status warta_store_commit(warta_store *st);

typedef enum {
    WARTA_STORED_NEW,        /* a document not seen before */
    WARTA_STORED_REPLACED,   /* same id, new content: old mentions dropped */
    WARTA_STORED_SAME        /* already stored: nothing changed */
} warta_stored;

/* Store a coded document (after warta_doc_code): the document, its events
** merged with the same events (date, source, target, code, place, mode)
** from other articles, and its mentions (with whether each report is
** historical, and the relations that gave the sides).  A document is known by its id, or
** by url + content hash when it has no id. */
WARTA_API warta_status warta_store_add(warta_store *st, const warta_doc *doc,
                                       warta_stored *what);

typedef struct warta_store_counts {
    uint64_t documents, sentences, events, mentions;
} warta_store_counts;
WARTA_API warta_status warta_store_count(warta_store *st,
                                         warta_store_counts *out);

/* What to select, and how to group and order it.  NULL / 0 fields do not
** filter.  Codes are matched in any case ("rus" is RUS). */
typedef struct warta_query {
    const char *actor;          /* code prefix of either side: "RUS" */
    const char *source, *target;/* a dyad: code prefixes of each side */
    bool undirected;            /* the dyad either way round */
    const char *code;           /* CAMEO code prefix: "04" */
    const char *quad;           /* QuadClasses 1..4, comma-separated: "3,4" */
    const char *from, *to;      /* YYYY-MM-DD, inclusive */
    const char *lang;           /* language of a reporting article */
    const char *country;        /* ISO3 of the action location */
    const char *text;           /* full-text query over the sentences:
                                   FTS5's (SQLite), websearch_to_tsquery's
                                   (PostgreSQL) */
    const char *mode;           /* warta_mode names, comma-separated:
                                   "negated,future" */
    const char *by;             /* a period (day week month year), a
                                   grouping (dyad code actor place), or a
                                   grouping and a period ("dyad,month"): a
                                   two-way table; NULL for the events
                                   themselves */
    const char *level;          /* "actor" (the codes as they are, the
                                   default) or "country" (TUR, TURGOV and
                                   TURMIL as TUR), for dyads and actors */
    const char *sort;           /* date (newest first), events, mentions
                                   (most first) or goldstein (lowest
                                   first), each may end in ":asc" or
                                   ":desc"; NULL: events newest first,
                                   periods in time order, groups by events */
    unsigned top;               /* at most this many rows (a two-way
                                   table's groups); 0: all */
    unsigned offset;            /* past this many rows first: paging */
    const char *place;          /* the action location's name, as stored
                                   ("Jeddah"): the dashboard's map */
} warta_query;

/* Check a query's values without running it: WARTA_EINVAL with a message
** ("--quad: '5' is not a QuadClass (1, 2, 3, 4)") for the first bad one.
** warta_store_query and warta_store_export check the same way. */
WARTA_API warta_status warta_query_check(warta_ctx *ctx, const warta_query *q);

/* Rows are handed to fn as column names and values (NULL for SQL NULL);
** a non-zero return stops the query. */
typedef int (*warta_row_fn)(void *ud, int n_cols, const char *const *names,
                            const char *const *values);

/* Run a query: one row per event (id, date, source, code, target, ...),
** newest first unless q->sort says otherwise; with a grouping, one per
** group (its keys, events, mentions, goldstein: their mean, quad1..quad4:
** the events of each QuadClass); with a period, one per period from the
** first dated event to the last, periods without events included (events
** 0, goldstein NULL); with a grouping and a period, one per group: its
** keys, its dated events, then one column per period (named by it:
** "2024-03") holding the group's events in that period.
** WARTA_EINVAL (with a message) for a bad filter. */
WARTA_API warta_status warta_store_query(warta_store *st, const warta_query *q,
                                         warta_row_fn fn, void *ud);

/* The columns warta_store_query would hand rows of, without running it:
** fn is called once, with every value NULL.  How a caller writes a
** table's or CSV's header when no row comes.  Errors as for the query. */
WARTA_API warta_status warta_store_columns(warta_store *st,
                                           const warta_query *q,
                                           warta_row_fn fn, void *ud);

/* The events a query selects (q->by must be NULL), in an export format,
** as warta_write_event_as writes them (flags as it takes them): GDELT 2.0
** with the store's NumMentions, NumSources and NumArticles, PLOVER JSON or
** CSV (with the event's row in store_id), the article and sentence being
** the event's first report (its earliest article), in q->sort's order
** (newest first by default).  Sides get their
** country's centroid when the context has a gazetteer, as `warta code`
** gives them.  fn gets each line, ending in '\n' (CSV's header first, also
** when no event is selected); a non-zero return stops. */
typedef int (*warta_line_fn)(void *ud, const char *line, size_t n);
WARTA_API warta_status warta_store_export(warta_store *st, const warta_query *q,
                                          warta_format fmt, unsigned flags,
                                          warta_line_fn fn, void *ud);

/* A way to stop a store's queries that run too long: stop(ud) is called
** every few thousand steps of SQLite's work (full-text matching
** included) while a query, export, event or count runs on st; a non-zero
** return abandons it, and the call fails with WARTA_EDB ("interrupted").
** stop NULL removes it.  How a server gives each request a time budget. */
typedef int (*warta_stop_fn)(void *ud);
WARTA_API void warta_store_set_stop(warta_store *st, warta_stop_fn stop,
                                    void *ud);

/* One event and what is behind it: its row, then one row per mention
** (article, url, date and title, sentence text and the sentences before
** and after it in the article, NULL at its ends, the spans and dictionary
** entries).
** WARTA_DONE when there is no such event. */
WARTA_API warta_status warta_store_event(warta_store *st, int64_t id,
                                         warta_row_fn event_fn,
                                         warta_row_fn mention_fn, void *ud);

#ifdef __cplusplus
}
#endif
#endif /* WARTA_H */
