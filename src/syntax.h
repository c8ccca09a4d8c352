/*
** syntax.h -- the tagger and the dependency parser, private to libwarta.
**
** A sentence is seen as UD words (conllu.c reads them from treebanks;
** words.c makes them from warta's tokens).  tagger.c gives each word a
** fine tag (UPOS plus the few features the coder reads); parser.c, a greedy
** arc-eager transition parser, gives it a head and a relation.  Both score
** with averaged perceptrons (perceptron.c) over hashed features, and are
** stored together in one model file per language (model.c).
*/
#ifndef WARTA_SYNTAX_H
#define WARTA_SYNTAX_H

#include "warta_int.h"

/* ---- conllu.c: treebanks in CoNLL-U ----------------------------------- */

/* One syntactic word of a treebank sentence: strings in the treebank's
** arena; head 0 is the root, -1 when the column is "_". */
typedef struct conllu_word {
    const char *form, *lemma, *upos, *xpos, *feats, *deprel, *misc;
    int head;
} conllu_word;

/* A multiword token ("don't" = do + n't): words first..last (1-based). */
typedef struct conllu_range {
    uint32_t first, last;
    const char *form;
    bool space_after;
} conllu_range;

typedef struct conllu_sent {
    const char *id, *text;          /* "# sent_id", "# text", or NULL */
    conllu_word *words;             /* words[0] is word 1 */
    uint32_t n_words;
    conllu_range *ranges;
    uint32_t n_ranges;
    size_t line;                    /* where it starts in its file */
} conllu_sent;

typedef struct treebank {
    arena ar;
    conllu_sent *sents;
    size_t n_sents, cap_sents;
    size_t n_words;
    size_t n_bad;                   /* sentences skipped as malformed */
} treebank;

/* Read a CoNLL-U file (or append to tb when it holds sentences already).
** A malformed line is reported as "file:line: message" through the log at
** WARTA_LOG_WARN, its sentence is skipped and reading goes on; the return
** is WARTA_EPARSE then (WARTA_EIO when the file cannot be read). */
warta_status conllu_read(warta_ctx *ctx, const char *path, treebank *tb);
warta_status conllu_read_mem(warta_ctx *ctx, const char *name,
                             const char *text, size_t n, treebank *tb);
void conllu_init(treebank *tb, warta_ctx *ctx);
void conllu_free(treebank *tb);
/* Is word i (0-based) of s followed by a space in the text? */
bool conllu_space_after(const conllu_sent *s, uint32_t i);

/* ---- perceptron.c: averaged perceptron weights ------------------------ */

/* Feature key -> one weight per class.  Training keeps a dense row per
** feature, made when the feature is first updated, and the sums for
** averaging.  A frozen table (after training, or loaded from a model)
** keeps each row's averaged weights as 16-bit integers times one scale:
** a short row as (class, weight) pairs, a long one as every class's
** weight, whichever is quicker to add up. */
typedef struct pc_slot {
    uint32_t check;                 /* the key's high half, odd; 0: empty */
    uint32_t row;                   /* where its row starts in cells[],
                                       PC_DENSE set when the row is dense */
} pc_slot;
#define PC_DENSE 0x80000000u

typedef struct perceptron {
    warta_ctx *ctx;
    uint32_t n_classes;
    /* training */
    uint64_t *slot_key;             /* open addressing; 0 marks empty */
    uint32_t *slot_row;
    size_t n_slots;                 /* a power of two */
    uint64_t *row_key;              /* by row (frozen: in key order) */
    float *w;                       /* n_rows x n_classes */
    double *u;                      /* sum of t * update */
    size_t n_rows, cap_rows;
    uint64_t t;                     /* examples seen */
    /* frozen */
    pc_slot *slots;                 /* open addressing, a power of two */
    size_t n_fslots, n_frows;
    unsigned fslot_shift;           /* 64 - log2(n_fslots) */
    int16_t *cells;                 /* per row: n > 0 then n (class,
                                       weight) pairs, or -1 then a weight
                                       for each class (padded to 64) */
    size_t n_cells, cap_cells;
    size_t n_weights;               /* non-zero weights, as in the file */
    float scale;                    /* weight = cell * scale */
} perceptron;

#define PERCEPTRON_NONE UINT32_MAX

warta_status perceptron_init(perceptron *p, warta_ctx *ctx, uint32_t n_classes);
void perceptron_free(perceptron *p);
/* scores[c] += sum of the rows of the n keys (absent keys add nothing). */
void perceptron_score(const perceptron *p, const uint64_t *keys, size_t n,
                      float *scores);
/* Training: one more example seen. */
static inline void perceptron_tick(perceptron *p) { p->t++; }
/* Training: add delta to class c of each key's row (rows are made). */
warta_status perceptron_update(perceptron *p, const uint64_t *keys, size_t n,
                               uint32_t c, float delta);
/* End of training: weights become their averages over every example;
** those whose size is below min_share of the largest are dropped; the
** table is frozen. */
warta_status perceptron_freeze(perceptron *p, float min_share);
/* A frozen table written to / read from a model file (model.c). */
warta_status perceptron_write(warta_ctx *ctx, const perceptron *p,
                              warta_buf *out);
/* Read from s[*at, n): advances *at; WARTA_EDATA when it is malformed. */
warta_status perceptron_read(perceptron *p, warta_ctx *ctx, const char *s,
                             size_t n, size_t *at);

/* Keys are built by mixing a template number with the values it reads. */
static inline uint64_t feat_mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h *= 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 31);
}

/* The training's random numbers (xorshift64): shuffles and exploration
** that the same seed repeats. */
static inline uint64_t syn_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* ---- the words of a sentence, as the tagger and parser see them ------- */

#define SYN_MAX_WORDS 512           /* longer sentences are cut in pieces */

typedef struct syn_word {
    const char *form;               /* as written */
    uint32_t n_form;
    uint64_t lower;                 /* hash of the lower-cased form */
    uint64_t shape;                 /* hash of its shape: "Xx", "d.d" */
    uint64_t prefix[3], suffix[4];  /* hashes of its first/last 1..n letters */
    uint64_t amb;                   /* its tags in training (lexicon), or 0 */
    uint16_t tag;                   /* fine tag (predicted, or gold) */
    float margin;                   /* how far the tagger's first pass
                                       scored it above the runner-up */
    bool noun;                      /* known to be a noun (a role noun of the
                                       language pack): see role_noun_tag */
    const char *pack_upos;          /* the part of speech the language pack
                                       gives the word (words_pack_tag), or
                                       NULL: the tagger's best tag of it */
    int32_t head;                   /* 0: the root; -1: none yet */
    uint16_t label;
} syn_word;

/* Fill lower, shape, prefix and suffix from form. */
void syn_word_prepare(syn_word *w);
/* A fresh word of n bytes of form, prepared, with no tag or head yet. */
void syn_word_init(syn_word *w, const char *form, size_t n);

/* A tag or label set: names by number. */
typedef struct name_set {
    char **names;
    uint32_t n, cap;
} name_set;

uint32_t name_set_find(const name_set *s, const char *name, size_t n);
/* The number of name, adding it (NO_INDEX on no memory). */
uint32_t name_set_add(warta_ctx *ctx, name_set *s, const char *name, size_t n);
void name_set_free(warta_ctx *ctx, name_set *s);

/* ---- tagger.c ------------------------------------------------------- */

/* Word -> the set of tags it had in training (its "ambiguity class"),
** for words seen often enough: what the tagger knows of words to the
** right that it has not tagged yet.  A class with LEXICON_SURE_BIT set is
** a word that always had one tag, the class's low bits: it is not
** scored. */
#define LEXICON_SURE_BIT (1ull << 63)
typedef struct lexicon {
    uint64_t *key, *value;          /* open addressing on the word's hash */
    size_t n, n_slots;
} lexicon;

typedef struct tagger {
    perceptron weights;             /* classes: the tags */
    perceptron second;              /* the second pass, which also sees the
                                       first pass's tags to the right; no
                                       weights when there is none */
    const name_set *tags;
    lexicon lex;
} tagger;

uint64_t lexicon_get(const lexicon *lx, uint64_t word);
warta_status lexicon_put(warta_ctx *ctx, lexicon *lx, uint64_t word,
                         uint64_t value);
void lexicon_free(warta_ctx *ctx, lexicon *lx);

/* A sentence the tagger left without a finite verb gets one (English:
** a past participle read as the past tense); at analysis only, so that
** training learns from the tagger's own tags. */
void tagger_give_finite_verb(const tagger *t, syn_word *words, size_t n);

#define TAGGER_MAX_FEATS 48

/* Tag words[0..n) (syn_word.tag); the second pass reads again only the
** words the first was unsure of, or every word (training: the tags the
** parser learns from are the tagger's best). */
void tagger_tag(const tagger *t, syn_word *words, size_t n, bool every_word);
/* Training one pass: tag with it, then update it towards gold[i].  For
** the second pass, words carry the first pass's tags. */
warta_status tagger_learn(tagger *t, bool second, syn_word *words,
                          const uint16_t *gold, size_t n, size_t *n_right);

/* ---- parser.c ------------------------------------------------------- */

/* The parser's perceptron scores 4 + 2 x labels classes: SHIFT, REDUCE,
** LEFT, RIGHT, then LEFT's labels, then RIGHT's. */
#define PARSER_CLASSES(n_labels) (4 + 2 * (n_labels))

typedef struct parser {
    perceptron weights;
    const name_set *labels_set;
    uint32_t root_label, punct_label;
    uint32_t hang_label;            /* for a word hung from the root's child
                                       at the end: "parataxis" or "dep" */
    uint64_t punct_tags[1024 / 64]; /* bit per tag whose UPOS is PUNCT */
    uint64_t verb_tags[1024 / 64];  /* ... VERB or AUX */
} parser;

/* Parse words[0..n) (their tags set): head and label of every word,
** always a tree with one root. */
void parser_parse(const parser *p, syn_word *words, size_t n);
/* Training on one sentence with gold heads and labels (projective: see
** parser_projectivize) by the dynamic oracle; explore: how often to
** follow the model's own wrong move (0..1); rng: the caller's state. */
warta_status parser_learn(parser *p, syn_word *words, const int16_t *gold_head,
                          const uint16_t *gold_label, size_t n, float explore,
                          uint64_t *rng, size_t *n_right);
/* Lift non-projective arcs of heads[0..n) (1-based heads, 0 root) until
** the tree is projective; returns the number lifted. */
size_t parser_projectivize(int16_t *heads, size_t n);

/* ---- model.c: a language's tagger and parser ---------------------------- */

typedef struct syn_model {
    warta_ctx *ctx;
    char lang[4];
    name_set tags, labels;
    tagger tagger;
    parser parser;
} syn_model;

/* An empty model with its tag and label sets given later. */
void syn_model_init(syn_model *m, warta_ctx *ctx);
void syn_model_free(syn_model *m);
/* Once the tag and label names are known: the parser's special labels and
** tags; false when the labels lack "root" or "punct". */
bool syn_model_names_known(syn_model *m);
/* Tag and parse a sentence of any length (pieces of SYN_MAX_WORDS words
** are parsed alone, and each piece's root hangs from the first's). */
void syn_model_analyse(const syn_model *m, syn_word *words, size_t n);
/* Write a model file; WARTA_EIO with the context's message on failure. */
warta_status syn_model_save(const syn_model *m, const char *path);
/* Read a model file (or its bytes, named `name` in messages).  A file that
** is not a model, of another format version, truncated or corrupt is
** refused with WARTA_EDATA and a message naming it; m is then empty. */
warta_status syn_model_load(syn_model *m, warta_ctx *ctx, const char *path);
warta_status syn_model_read_mem(syn_model *m, warta_ctx *ctx, const char *name,
                                const char *data, size_t n);
/* The payload alone (decompressed, after the header): for the fuzzer. */
warta_status syn_model_read_payload(syn_model *m, warta_ctx *ctx,
                                    const char *name, const char *payload,
                                    size_t n);

/* ---- train.c: models from treebanks --------------------------------------- */

typedef struct train_opts {
    const char *lang;
    const char *const *train;       /* CoNLL-U files */
    size_t n_train;
    const char *dev;                /* for the progress report, or NULL */
    int tagger_epochs, parser_epochs;
    int folds;                      /* jackknifed tags for the parser */
    uint64_t seed;
} train_opts;

warta_status syn_train(warta_ctx *ctx, const train_opts *o, syn_model *out);

typedef struct parse_score {
    size_t words, upos, tags, heads, arcs;  /* words; right UPOS, fine tags,
                                               heads, heads + labels */
} parse_score;

/* Tag and parse a treebank's sentences with the model, scored against
** their gold. */
warta_status syn_evaluate(syn_model *m, const treebank *tb, parse_score *out);

/* ---- words.c: warta's tokens as UD words ---------------------------------- */

/* One word cut from a sentence's tokens: bytes [off, off + len) of the
** text from token `token` on, which is n_tokens tokens (more than one
** for a web address or "!!!", which the tokeniser cuts); joined as in
** warta_word. */
typedef struct word_cut {
    uint32_t token, n_tokens, off, len;
    bool joined;
} word_cut;

typedef struct word_cuts {          /* grown with ctx_realloc */
    word_cut *items;
    size_t n, cap;
} word_cuts;

/* Cut the tokens of s into the words the treebanks of lang have
** (data/packs/<lang>/words.tsv; one word per token for a language without
** rules), appending to out.  Indonesian clitics need the stems stage to
** have run. */
warta_status words_cut(warta_ctx *ctx, const warta_sentence *s,
                       const char *lang, word_cuts *out);
/* The part of speech lang's pack gives a word its treebank barely has
** ("amid", "alongside": words.tsv's tag rows), or NULL. */
const char *words_pack_tag(const char *lang, const char *s, size_t n);

/* ---- parse.c and parse_model.c: the stage and the public models -------- */

struct warta_model {
    syn_model syn;
    uint8_t *tag_upos;              /* warta_upos of each fine tag */
    uint32_t *tag_feats;            /* WARTA_FEAT() bits of each fine tag */
};

/* Cut s's tokens into words and, with a model, tag and parse them; the
** words go to the document's arena.  model NULL: the words stay untagged.
** nouns: per token, true for one known to be a noun (or NULL). */
warta_status parse_sentence(warta_ctx *ctx, warta_doc *doc, warta_sentence *s,
                            const warta_model *model, const bool *nouns);
/* The UPOS and feature bits a fine tag ("VERB|Voice=Pass") or a CoNLL-U
** FEATS column stands for (features warta does not keep are left out). */
warta_upos parse_upos(const char *name, size_t n);
uint32_t parse_feats(const char *feats);
/* Feature bits as CoNLL-U writes them ("Tense=Past|VerbForm=Part") into
** buf; its length, 0 when there are none or they do not fit. */
size_t feats_text(uint32_t feats, char *buf, size_t cap);
void parse_close(warta_ctx *ctx);

#endif /* WARTA_SYNTAX_H */
