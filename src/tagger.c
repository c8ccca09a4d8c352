/*
** tagger.c -- part-of-speech tags by a greedy left-to-right averaged
** perceptron (Collins 2002).
**
** A word's features are its own form, prefixes, suffixes and shape, the
** forms around it, and the tags already given to the two words before it.
** Tags are "fine": UPOS and the few features the coder reads
** ("VERB|Voice=Pass"), so one decision gives both.
*/
#include <math.h>
#include <string.h>

#include "syntax.h"

/* Template numbers: each feature's key starts from its template's. */
enum {
    T_BIAS = 1, T_W, T_SUF1, T_SUF2, T_SUF3, T_SUF4, T_PRE1, T_PRE2, T_PRE3,
    T_SHAPE, T_W_1, T_W1, T_W_2, T_W2, T_SUF3_1, T_SUF3_1R, T_T_1, T_T_2,
    T_T_1_T_2, T_T_1_W, T_SHAPE_1, T_SHAPE1, T_W_1_W, T_W_W1, T_FIRST_SHAPE,
    T_FORM, T_T_1_SUF3, T_SUF2_1R, T_AMB, T_AMB1, T_AMB2, T_AMB_1,
    T_AMB_AMB1, T_T_1_AMB, T_W_1_W1, T_R1, T_R2, T_R1_R2, T_T_1_R1, T_R1_W
};

uint64_t lexicon_get(const lexicon *lx, uint64_t word)
{
    if (!lx->n_slots || word == 0)      /* 0: past the sentence's edge */
        return 0;
    for (size_t i = word & (lx->n_slots - 1);; i = (i + 1) & (lx->n_slots - 1)) {
        if (lx->key[i] == word)
            return lx->value[i];
        if (lx->key[i] == 0)
            return 0;
    }
}

warta_status lexicon_put(warta_ctx *ctx, lexicon *lx, uint64_t word,
                         uint64_t value)
{
    if ((lx->n + 1) * 2 > lx->n_slots) {
        size_t n = lx->n_slots ? lx->n_slots * 2 : 1024;
        lexicon bigger = {ctx_alloc(ctx, n * sizeof(uint64_t)),
                          ctx_alloc(ctx, n * sizeof(uint64_t)), 0, n};
        if (!bigger.key || !bigger.value) {
            lexicon_free(ctx, &bigger);
            return WARTA_ENOMEM;
        }
        memset(bigger.key, 0, n * sizeof(uint64_t));
        for (size_t i = 0; i < lx->n_slots; i++)
            if (lx->key[i])
                lexicon_put(ctx, &bigger, lx->key[i], lx->value[i]);
        lexicon_free(ctx, lx);
        *lx = bigger;
    }
    size_t i = word & (lx->n_slots - 1);
    while (lx->key[i] && lx->key[i] != word)
        i = (i + 1) & (lx->n_slots - 1);
    lx->n += lx->key[i] == 0;
    lx->key[i] = word;
    lx->value[i] = value;
    return WARTA_OK;
}

void lexicon_free(warta_ctx *ctx, lexicon *lx)
{
    ctx_free(ctx, lx->key, lx->n_slots * sizeof(uint64_t));
    ctx_free(ctx, lx->value, lx->n_slots * sizeof(uint64_t));
    memset(lx, 0, sizeof *lx);
}

static const syn_word none_word;

static const syn_word *at(const syn_word *words, size_t n, long i)
{
    return i >= 0 && (size_t)i < n ? &words[i] : &none_word;
}

/* Past-the-edge words have all hashes 0: distinct from any real word. */
/* Features of word i; in the second pass the words to the right carry the
** first pass's tags. */
static size_t features(const tagger *t, const syn_word *words, size_t n,
                       size_t i, bool second, uint64_t *f)
{
    const syn_word *w = &words[i], *p1 = at(words, n, (long)i - 1),
                   *p2 = at(words, n, (long)i - 2), *n1 = at(words, n, (long)i + 1),
                   *n2 = at(words, n, (long)i + 2);
    uint64_t t1 = i >= 1 ? p1->tag + 1u : 0, t2 = i >= 2 ? p2->tag + 1u : 0;
    size_t k = 0;
    f[k++] = feat_mix(T_BIAS, 0);
    f[k++] = feat_mix(T_W, w->lower);
    f[k++] = feat_mix(T_SUF1, w->suffix[0]);
    f[k++] = feat_mix(T_SUF2, w->suffix[1]);
    f[k++] = feat_mix(T_SUF3, w->suffix[2]);
    f[k++] = feat_mix(T_SUF4, w->suffix[3]);
    f[k++] = feat_mix(T_PRE1, w->prefix[0]);
    f[k++] = feat_mix(T_PRE2, w->prefix[1]);
    f[k++] = feat_mix(T_PRE3, w->prefix[2]);
    f[k++] = feat_mix(T_SHAPE, w->shape);
    f[k++] = feat_mix(T_W_1, p1->lower);
    f[k++] = feat_mix(T_W1, n1->lower);
    f[k++] = feat_mix(T_W_2, p2->lower);
    f[k++] = feat_mix(T_W2, n2->lower);
    f[k++] = feat_mix(T_SUF3_1, p1->suffix[2]);
    f[k++] = feat_mix(T_SUF3_1R, n1->suffix[2]);
    f[k++] = feat_mix(T_T_1, t1);
    f[k++] = feat_mix(T_T_2, t2);
    f[k++] = feat_mix(feat_mix(T_T_1_T_2, t1), t2);
    f[k++] = feat_mix(feat_mix(T_T_1_W, t1), w->lower);
    f[k++] = feat_mix(T_SHAPE_1, p1->shape);
    f[k++] = feat_mix(T_SHAPE1, n1->shape);
    f[k++] = feat_mix(feat_mix(T_W_1_W, p1->lower), w->lower);
    f[k++] = feat_mix(feat_mix(T_W_W1, w->lower), n1->lower);
    f[k++] = feat_mix(feat_mix(T_FIRST_SHAPE, i == 0), w->shape);
    f[k++] = feat_mix(T_FORM, hash_bytes(w->form, w->n_form));
    f[k++] = feat_mix(feat_mix(T_T_1_SUF3, t1), w->suffix[2]);
    f[k++] = feat_mix(T_SUF2_1R, n1->suffix[1]);
    uint64_t a = w->amb, a1 = n1->amb;
    f[k++] = feat_mix(T_AMB, a);
    f[k++] = feat_mix(T_AMB1, a1);
    f[k++] = feat_mix(T_AMB2, n2->amb);
    f[k++] = feat_mix(T_AMB_1, p1->amb);
    f[k++] = feat_mix(feat_mix(T_AMB_AMB1, a), a1);
    f[k++] = feat_mix(feat_mix(T_T_1_AMB, t1), a);
    f[k++] = feat_mix(feat_mix(T_W_1_W1, p1->lower), n1->lower);
    if (second) {
        uint64_t r1 = i + 1 < n ? n1->tag + 1u : 0, r2 = i + 2 < n ? n2->tag + 1u : 0;
        f[k++] = feat_mix(T_R1, r1);
        f[k++] = feat_mix(T_R2, r2);
        f[k++] = feat_mix(feat_mix(T_R1_R2, r1), r2);
        f[k++] = feat_mix(feat_mix(T_T_1_R1, t1), r1);
        f[k++] = feat_mix(feat_mix(T_R1_W, r1), w->lower);
    }
    return k;
}

static uint32_t best(const float *scores, uint32_t n)
{
    uint32_t b = 0;
    for (uint32_t c = 1; c < n; c++)
        if (scores[c] > scores[b])
            b = c;
    return b;
}

static uint32_t predict(const tagger *t, const perceptron *w, bool second,
                        const syn_word *words, size_t n, size_t i, uint64_t *f,
                        size_t *n_f, float *scores)
{
    uint32_t k = w->n_classes;
    *n_f = features(t, words, n, i, second, f);
    memset(scores, 0, k * sizeof *scores);
    perceptron_score(w, f, *n_f, scores);
    return best(scores, k);
}

/* The tag of a word that always had one, or -1. */
static int sure_tag(const syn_word *w)
{
    return w->amb & LEXICON_SURE_BIT ? (int)(w->amb & 0xFFFF) : -1;
}

static bool tag_has(const tagger *t, uint16_t tag, const char *what)
{
    return tag < t->tags->n && strstr(t->tags->names[tag], what) != NULL;
}

/* The best-scoring tag of the part of speech upos ("VERB" takes the best
** of "VERB|Tense=Past|..." and the others), or tag where there is none. */
static uint32_t best_of_upos(const tagger *t, const float *scores, uint32_t tag,
                             const char *upos)
{
    size_t n = strlen(upos);
    uint32_t best = NO_INDEX;
    for (uint32_t c = 0; c < t->tags->n; c++) {
        const char *name = t->tags->names[c];
        if (strncmp(name, upos, n) == 0 && (name[n] == '\0' || name[n] == '|') &&
            (best == NO_INDEX || scores[c] > scores[best]))
            best = c;
    }
    return best == NO_INDEX ? tag : best;
}

/* A word the language pack knows as a role noun is a noun where the
** tagger's verb reading is a guess: "tersangka", "terdakwa" (suspect,
** defendant) look like ter- passives and the treebanks have few of them,
** and a plural the treebank barely saw reads like a verb ("UK ministers
** openly criticised": "ministers" as "he ministers").  Such a word takes
** its best noun tag; a verb reading of a word seen often enough in
** training to have a lexicon entry ("suspect", "judge") stands. */
static uint32_t role_noun_tag(const tagger *t, const float *scores,
                              uint32_t tag, uint64_t amb)
{
    bool passive = tag_has(t, (uint16_t)tag, "Voice=Pass");
    bool guessed_verb = amb == 0 && strncmp(t->tags->names[tag], "VERB", 4) == 0;
    return passive || guessed_verb ? best_of_upos(t, scores, tag, "NOUN") : tag;
}

/* When analysing, the second pass reads again only the words the first
** was unsure of: a word of the lexicon whose tag scored at least this
** above the runner-up keeps it (three in four on news), while an unknown
** word is always read again, the words to its right telling most about
** it.  On EWT dev the tags and parses are as good, and the parse stage
** 8-12% quicker (docs/parsing.md). */
#define SURE_MARGIN 10.0f

/* How far above the best other class the class `tag` scored. */
static float margin_of(const float *scores, uint32_t n, uint32_t tag)
{
    float next = -INFINITY;
    for (uint32_t c = 0; c < n; c++)
        if (c != tag && scores[c] > next)
            next = scores[c];
    return scores[tag] - next;
}

static void tag_pass(const tagger *t, bool second, bool every_word,
                     syn_word *words, size_t n)
{
    uint64_t f[TAGGER_MAX_FEATS];
    float scores[1024];
    size_t n_f;
    const perceptron *w = second ? &t->second : &t->weights;
    for (size_t i = 0; i < n; i++) {
        int sure = sure_tag(&words[i]);
        if (sure >= 0 && !words[i].pack_upos) {
            words[i].tag = (uint16_t)sure;
            continue;
        }
        if (second && !every_word && words[i].amb && words[i].margin >= SURE_MARGIN)
            continue;
        uint32_t tag = predict(t, w, second, words, n, i, f, &n_f, scores);
        if (!second)
            words[i].margin = margin_of(scores, w->n_classes, tag);
        if (words[i].pack_upos && t->tags)
            tag = best_of_upos(t, scores, tag, words[i].pack_upos);
        else if (words[i].noun && t->tags)
            tag = role_noun_tag(t, scores, tag, words[i].amb);
        words[i].tag = (uint16_t)tag;
    }
}

static void look_up(const tagger *t, syn_word *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        words[i].amb = lexicon_get(&t->lex, words[i].lower);
}

/* "Kenya arrested Ugandan citizens": past tense and participle are
** spelled alike, and news has many participles ("troops backed by"), so
** the tagger reads some past tenses as participles and the parser then
** makes a noun phrase of the sentence.  A sentence of five tokens or more
** with no finite verb has one: a past participle after a noun or pronoun
** is the finite past tense.  Only where the tag set tells the two apart
** (English). */
static bool past_participle(const tagger *t, uint16_t tag)
{
    return tag_has(t, tag, "VERB|") && tag_has(t, tag, "Tense=Past") &&
           tag_has(t, tag, "VerbForm=Part");
}

/* Does a word of the tag open a noun phrase (an object)? */
static bool opens_noun_phrase(const tagger *t, uint16_t tag)
{
    static const char *const opens[] = {"NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM"};
    for (size_t k = 0; k < ARRAY_LEN(opens); k++)
        if (strncmp(t->tags->names[tag], opens[k], strlen(opens[k])) == 0)
            return true;
    return false;
}

/* Does a relative pronoun stand within `back` words before word i, so
** that i is its clause's ("protesters, who (had) ousted ...")? */
static bool after_relative(const tagger *t, const syn_word *words, size_t i, size_t back)
{
    for (size_t k = 1; k <= back && k <= i; k++)
        if (tag_has(t, words[i - k].tag, "PronType=Rel"))
            return true;
    return false;
}

void tagger_give_finite_verb(const tagger *t, syn_word *words, size_t n)
{
    static const char past[] = "VERB|Mood=Ind|Tense=Past|VerbForm=Fin";
    if (!t->tags || n < 5)
        return;
    /* a finite verb right after a relative pronoun is its clause's, not
    ** the sentence's ("The government used violence against protesters,
    ** who ousted the president") */
    for (size_t i = 0; i < n; i++)
        if (tag_has(t, words[i].tag, "VerbForm=Fin") && !after_relative(t, words, i, 1))
            return;
    uint32_t fin = name_set_find(t->tags, past, sizeof past - 1);
    if (fin == NO_INDEX)
        return;
    /* the first past participle after a noun, one with an object before
    ** one without ("ministers, inclined to keep ..., criticised Trump's
    ** decision") */
    size_t first = n, with_object = n;
    bool noun = false;
    for (size_t i = 0; i < n && with_object == n; i++) {
        if (noun && !after_relative(t, words, i, 2) && past_participle(t, words[i].tag)) {
            if (first == n)
                first = i;
            if (i + 1 < n && opens_noun_phrase(t, words[i + 1].tag))
                with_object = i;
        }
        noun |= tag_has(t, words[i].tag, "NOUN") || tag_has(t, words[i].tag, "PROPN") ||
                tag_has(t, words[i].tag, "PRON");
    }
    size_t verb = with_object < n ? with_object : first;
    if (verb < n)
        words[verb].tag = (uint16_t)fin;
}

void tagger_tag(const tagger *t, syn_word *words, size_t n, bool every_word)
{
    if (t->weights.n_classes > 1024)
        return;
    look_up(t, words, n);
    tag_pass(t, false, every_word, words, n);
    if (t->second.n_weights)
        tag_pass(t, true, every_word, words, n);
}

warta_status tagger_learn(tagger *t, bool second, syn_word *words,
                          const uint16_t *gold, size_t n, size_t *n_right)
{
    uint64_t f[TAGGER_MAX_FEATS];
    float scores[1024];
    size_t n_f;
    perceptron *w = second ? &t->second : &t->weights;
    if (w->n_classes > ARRAY_LEN(scores))
        return WARTA_EINVAL;
    look_up(t, words, n);
    for (size_t i = 0; i < n; i++) {
        if (sure_tag(&words[i]) >= 0) {
            words[i].tag = (uint16_t)sure_tag(&words[i]);
            continue;
        }
        uint32_t guess = predict(t, w, second, words, n, i, f, &n_f, scores);
        perceptron_tick(w);
        if (guess == gold[i]) {
            ++*n_right;
        } else if (perceptron_update(w, f, n_f, gold[i], 1.0f) ||
                   perceptron_update(w, f, n_f, guess, -1.0f)) {
            return WARTA_ENOMEM;
        }
        words[i].tag = (uint16_t)guess;
    }
    return WARTA_OK;
}
