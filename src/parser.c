/*
** parser.c -- labelled dependency trees by a greedy arc-eager transition
** parser (Nivre 2003) scored by averaged perceptrons, trained with the
** dynamic oracle of Goldberg and Nivre (2012), over the rich non-local
** features of Zhang and Nivre (2011).
**
** A configuration is a stack (the root at its bottom), a buffer (the words
** not yet read) and the arcs made.  Four moves change it:
**   SHIFT        push the buffer's first word n0;
**   REDUCE       pop s0, which has its head already;
**   LEFT-label   n0 becomes the head of s0, which is popped;
**   RIGHT-label  s0 becomes the head of n0, which is pushed.
** One perceptron scores them: its classes are the four moves, then the
** labels of LEFT, then those of RIGHT, and a labelled move scores the sum
** of its move and its label, so that moves learn from every arc whatever
** its label.
** The root takes one child; words left without a head at the end hang
** from that child, which makes every parse a tree.
*/
#include <string.h>

#include "syntax.h"

enum { SHIFT, REDUCE, LEFT, RIGHT, N_MOVES };

#define MAX_FEATS 128
#define NO_WORD 0xFFFFu             /* in child slots: none */

typedef struct config {
    syn_word *w;                    /* w[i - 1] is word i */
    uint32_t n;
    uint16_t stack[SYN_MAX_WORDS + 1];
    uint32_t n_stack;
    uint32_t b;                     /* buffer front: word b; > n: empty */
    bool root_taken;                /* the root has its child */
    /* per word, 0 the root: */
    int16_t head[SYN_MAX_WORDS + 1];
    uint16_t label[SYN_MAX_WORDS + 1];
    uint16_t lc1[SYN_MAX_WORDS + 1], lc2[SYN_MAX_WORDS + 1];  /* leftmost */
    uint16_t rc1[SYN_MAX_WORDS + 1], rc2[SYN_MAX_WORDS + 1];  /* rightmost */
    uint8_t n_left[SYN_MAX_WORDS + 1], n_right[SYN_MAX_WORDS + 1];
    uint64_t left_set[SYN_MAX_WORDS + 1], right_set[SYN_MAX_WORDS + 1];
    bool on_stack[SYN_MAX_WORDS + 1];
    /* words 1..i that are punctuation / verbs, for "between" features */
    uint16_t n_punct[SYN_MAX_WORDS + 1], n_verbs[SYN_MAX_WORDS + 1];
} config;

/* A move with its label (labels only for LEFT and RIGHT). */
typedef struct move {
    uint8_t kind;
    uint16_t label;
} move;

static bool tag_in(const uint64_t *set, uint16_t tag)
{
    return tag < 1024 && (set[tag / 64] >> (tag % 64) & 1);
}

static void config_init(const parser *p, config *c, syn_word *w, uint32_t n)
{
    c->w = w;
    c->n = n;
    c->n_stack = 1;
    c->stack[0] = 0;
    c->b = 1;
    c->root_taken = false;
    for (uint32_t i = 0; i <= n; i++) {
        c->head[i] = -1;
        c->label[i] = 0;
        c->lc1[i] = c->lc2[i] = c->rc1[i] = c->rc2[i] = NO_WORD;
        c->n_left[i] = c->n_right[i] = 0;
        c->left_set[i] = c->right_set[i] = 0;
        c->on_stack[i] = false;
    }
    c->on_stack[0] = true;
    c->n_punct[0] = c->n_verbs[0] = 0;
    for (uint32_t i = 1; i <= n; i++) {
        c->n_punct[i] = (uint16_t)(c->n_punct[i - 1] + tag_in(p->punct_tags, w[i - 1].tag));
        c->n_verbs[i] = (uint16_t)(c->n_verbs[i - 1] + tag_in(p->verb_tags, w[i - 1].tag));
    }
}

static uint32_t s0_of(const config *c) { return c->stack[c->n_stack - 1]; }
static bool buffer_empty(const config *c) { return c->b > c->n; }

static void add_arc(config *c, uint32_t h, uint32_t d, uint16_t label)
{
    c->head[d] = (int16_t)h;
    c->label[d] = label;
    uint64_t bit = 1ull << (label & 63);
    if (d < h) {
        c->n_left[h] += c->n_left[h] < 255;
        c->left_set[h] |= bit;
        if (c->lc1[h] == NO_WORD || d < c->lc1[h]) {
            c->lc2[h] = c->lc1[h];
            c->lc1[h] = (uint16_t)d;
        } else if (c->lc2[h] == NO_WORD || d < c->lc2[h]) {
            c->lc2[h] = (uint16_t)d;
        }
    } else {
        c->n_right[h] += c->n_right[h] < 255;
        c->right_set[h] |= bit;
        if (c->rc1[h] == NO_WORD || d > c->rc1[h]) {
            c->rc2[h] = c->rc1[h];
            c->rc1[h] = (uint16_t)d;
        } else if (c->rc2[h] == NO_WORD || d > c->rc2[h]) {
            c->rc2[h] = (uint16_t)d;
        }
    }
}

static bool move_valid(const config *c, uint8_t kind)
{
    uint32_t s0 = s0_of(c);
    switch (kind) {
    case SHIFT:
        return !buffer_empty(c);
    case REDUCE:
        return s0 != 0 && c->head[s0] >= 0;
    case LEFT:
        return !buffer_empty(c) && s0 != 0 && c->head[s0] < 0;
    case RIGHT:
        return !buffer_empty(c) && (s0 != 0 || !c->root_taken);
    }
    return false;
}

static void apply(config *c, move m)
{
    uint32_t s0 = s0_of(c);
    switch (m.kind) {
    case SHIFT:
        c->on_stack[c->b] = true;
        c->stack[c->n_stack++] = (uint16_t)c->b++;
        break;
    case REDUCE:
        c->on_stack[s0] = false;
        c->n_stack--;
        break;
    case LEFT:
        add_arc(c, c->b, s0, m.label);
        c->on_stack[s0] = false;
        c->n_stack--;
        break;
    case RIGHT:
        add_arc(c, s0, c->b, m.label);
        if (s0 == 0)
            c->root_taken = true;
        c->on_stack[c->b] = true;
        c->stack[c->n_stack++] = (uint16_t)c->b++;
        break;
    }
}

/* ---- features ----------------------------------------------------------- */

/* What a feature reads of a position: word, tag and arc label, each 0
** when the position is empty, and distinct values for the root. */
typedef struct slot {
    uint64_t w, a, s;               /* word, ambiguity class, suffix */
    uint32_t p, l;
} slot;

static slot slot_of(const config *c, uint32_t i)
{
    slot s = {0, 0, 0, 0, 0};
    if (i == NO_WORD || i > c->n)
        return s;
    if (i == 0) {
        s.w = 1;
        s.p = 0xFFFF;
        return s;
    }
    s.w = c->w[i - 1].lower;
    s.a = c->w[i - 1].amb;
    s.s = c->w[i - 1].suffix[2];
    s.p = c->w[i - 1].tag + 1u;
    s.l = c->head[i] >= 0 ? c->label[i] + 1u : 0;
    return s;
}

static uint32_t distance_bucket(uint32_t s0, uint32_t n0)
{
    uint32_t d = n0 - s0;
    if (s0 == 0)
        return 15;
    return d <= 5 ? d : d <= 10 ? 6 : 7;
}

#define F1(t, a) feat_mix((t), (a))
#define F2(t, a, b) feat_mix(feat_mix((t), (a)), (b))
#define F3(t, a, b, c) feat_mix(feat_mix(feat_mix((t), (a)), (b)), (c))
#define F4(t, a, b, c, d) feat_mix(F3((t), (a), (b), (c)), (d))

/* The feature keys of a configuration. */
static size_t features(const config *c, uint64_t *f)
{
    uint32_t s0i = s0_of(c), n0i = c->b;
    bool has_s0 = true, has_n0 = !buffer_empty(c);
    uint32_t s0h = has_s0 && c->head[s0i] >= 0 ? (uint32_t)c->head[s0i] : NO_WORD;
    uint32_t s0h2 = s0h != NO_WORD && s0h != 0 && c->head[s0h] >= 0
                        ? (uint32_t)c->head[s0h] : NO_WORD;
    uint32_t s1i = c->n_stack >= 2 ? c->stack[c->n_stack - 2] : NO_WORD;
    slot s0 = slot_of(c, s0i), n0 = has_n0 ? slot_of(c, n0i) : slot_of(c, NO_WORD);
    slot n1 = slot_of(c, n0i + 1), n2 = slot_of(c, n0i + 2);
    slot h = slot_of(c, s0h), h2 = slot_of(c, s0h2), s1 = slot_of(c, s1i);
    slot s0l = slot_of(c, c->lc1[s0i]), s0l2 = slot_of(c, c->lc2[s0i]);
    slot s0r = slot_of(c, c->rc1[s0i]), s0r2 = slot_of(c, c->rc2[s0i]);
    slot n0l = has_n0 ? slot_of(c, c->lc1[n0i]) : slot_of(c, NO_WORD);
    slot n0l2 = has_n0 ? slot_of(c, c->lc2[n0i]) : slot_of(c, NO_WORD);
    uint32_t d = has_n0 ? distance_bucket(s0i, n0i) : 0;
    uint32_t s0vl = c->n_left[s0i], s0vr = c->n_right[s0i];
    uint32_t n0vl = has_n0 ? c->n_left[n0i] : 0;
    uint64_t s0sl = c->left_set[s0i], s0sr = c->right_set[s0i];
    uint64_t n0sl = has_n0 ? c->left_set[n0i] : 0;
    size_t k = 0;
    f[k++] = F2(1, s0.w, s0.p);
    f[k++] = F1(2, s0.w);
    f[k++] = F1(3, s0.p);
    f[k++] = F2(4, n0.w, n0.p);
    f[k++] = F1(5, n0.w);
    f[k++] = F1(6, n0.p);
    f[k++] = F4(7, s0.w, s0.p, n0.w, n0.p);
    f[k++] = F3(8, s0.w, s0.p, n0.w);
    f[k++] = F3(9, s0.w, n0.w, n0.p);
    f[k++] = F3(10, s0.w, s0.p, n0.p);
    f[k++] = F3(11, s0.p, n0.w, n0.p);
    f[k++] = F2(12, s0.w, n0.w);
    f[k++] = F2(13, s0.p, n0.p);
    f[k++] = F2(14, s0.w, d);
    f[k++] = F2(15, s0.p, d);
    f[k++] = F2(16, n0.w, d);
    f[k++] = F2(17, n0.p, d);
    f[k++] = F3(18, s0.w, n0.w, d);
    f[k++] = F3(19, s0.p, n0.p, d);
    f[k++] = F3(20, s0.p, n0.p, n1.p);
    f[k++] = F3(21, h.p, s0.p, n0.p);
    f[k++] = F3(22, s0.p, s0l.p, n0.p);
    f[k++] = F3(23, s0.p, s0r.p, n0.p);
    f[k++] = F3(24, s0.p, n0.p, n0l.p);
    f[k++] = F2(25, s0.p, s0sl);
    f[k++] = F2(26, s0.p, s0sr);
    f[k++] = F2(27, n0.p, n0sl);
    f[k++] = F3(28, s0.p, n0.p, s1.p);
    f[k++] = F2(40, n1.w, n1.p);
    f[k++] = F1(41, n1.w);
    f[k++] = F1(42, n1.p);
    f[k++] = F2(43, n2.w, n2.p);
    f[k++] = F1(44, n2.w);
    f[k++] = F1(45, n2.p);
    f[k++] = F2(46, n0.p, n1.p);
    f[k++] = F3(47, n0.p, n1.p, n2.p);
    f[k++] = F2(48, s0.w, s0vr);
    f[k++] = F2(49, s0.p, s0vr);
    f[k++] = F2(50, s0.w, s0vl);
    f[k++] = F2(51, s0.p, s0vl);
    f[k++] = F2(52, n0.w, n0vl);
    f[k++] = F2(53, n0.p, n0vl);
    f[k++] = F1(54, h.w);
    f[k++] = F1(55, h.p);
    f[k++] = F1(56, s0.l);
    f[k++] = F1(57, s0l.w);
    f[k++] = F1(58, s0l.p);
    f[k++] = F1(59, s0l.l);
    f[k++] = F1(60, s0r.w);
    f[k++] = F1(61, s0r.p);
    f[k++] = F1(62, s0r.l);
    f[k++] = F1(63, n0l.w);
    f[k++] = F1(64, n0l.p);
    f[k++] = F1(65, n0l.l);
    f[k++] = F1(66, h2.w);
    f[k++] = F1(67, h2.p);
    f[k++] = F1(68, h.l);
    f[k++] = F1(69, s0l2.w);
    f[k++] = F1(70, s0l2.p);
    f[k++] = F1(71, s0l2.l);
    f[k++] = F1(72, s0r2.w);
    f[k++] = F1(73, s0r2.p);
    f[k++] = F1(74, s0r2.l);
    f[k++] = F1(75, n0l2.w);
    f[k++] = F1(76, n0l2.p);
    f[k++] = F1(77, n0l2.l);
    f[k++] = F3(78, s0.p, s0l.p, s0l2.p);
    f[k++] = F3(79, s0.p, s0r.p, s0r2.p);
    f[k++] = F3(80, s0.p, h.p, h2.p);
    f[k++] = F3(81, n0.p, n0l.p, n0l2.p);
    f[k++] = F2(82, s0.w, s0sr);
    f[k++] = F2(83, s0.w, s0sl);
    f[k++] = F2(84, n0.w, n0sl);
    f[k++] = F1(85, s1.p);
    f[k++] = F2(86, s1.w, s1.p);
    f[k++] = F3(87, s1.p, s0.p, n0.p);
    f[k++] = F2(88, s0.a, s0.p);
    f[k++] = F2(89, n0.a, n0.p);
    f[k++] = F2(90, n1.a, n1.p);
    f[k++] = F2(91, s0.a, n0.a);
    f[k++] = F2(92, s0.s, s0.p);
    f[k++] = F2(93, n0.s, n0.p);
    f[k++] = F2(94, s0.s, n0.p);
    f[k++] = F2(95, s0.p, n0.s);
    if (has_n0 && s0i > 0) {
        uint32_t np = c->n_punct[n0i - 1] - c->n_punct[s0i];
        uint32_t nv = c->n_verbs[n0i - 1] - c->n_verbs[s0i];
        np = np > 3 ? 3 : np;
        nv = nv > 2 ? 2 : nv;
        f[k++] = F3(96, s0.p, n0.p, np);
        f[k++] = F3(97, s0.p, n0.p, nv);
        f[k++] = F4(98, s0.p, n0.p, np, nv);
    }
    f[k++] = F2(99, n0.p, n0i == c->n);
    return k;
}

/* ---- choosing a move ------------------------------------------------------ */

/* The perceptron's classes: moves, LEFT labels, RIGHT labels. */
typedef struct scores {
    float v[PARSER_CLASSES(256)];
} scores;

static void score(const parser *p, const config *c, uint64_t *f, size_t *n_f,
                  scores *sc)
{
    *n_f = features(c, f);
    memset(sc->v, 0, PARSER_CLASSES(p->labels_set->n) * sizeof *sc->v);
    perceptron_score(&p->weights, f, *n_f, sc->v);
}

/* May this labelled move be made?  The root's one child is labelled
** "root"; no other arc is. */
static bool label_fits(const parser *p, const config *c, uint8_t kind,
                       uint32_t label)
{
    bool to_root = kind == RIGHT && s0_of(c) == 0;
    return (label == p->root_label) == to_root;
}

static float move_score(const parser *p, const scores *sc, move m)
{
    uint32_t n_labels = p->labels_set->n;
    switch (m.kind) {
    case LEFT:
        return sc->v[LEFT] + sc->v[N_MOVES + m.label];
    case RIGHT:
        return sc->v[RIGHT] + sc->v[N_MOVES + n_labels + m.label];
    }
    return sc->v[m.kind];
}

/* The best label of an arc made by kind (LEFT or RIGHT). */
static uint16_t best_label(const parser *p, const config *c, const scores *sc,
                           uint8_t kind)
{
    uint32_t n_labels = p->labels_set->n, best = NO_INDEX;
    if (kind == RIGHT && s0_of(c) == 0)
        return (uint16_t)p->root_label;
    const float *v = sc->v + N_MOVES + (kind == RIGHT ? n_labels : 0);
    for (uint32_t l = 0; l < n_labels; l++)
        if (l != p->root_label && (best == NO_INDEX || v[l] > v[best]))
            best = l;
    return (uint16_t)best;
}

/* The best valid move. */
static move best_valid_move(const parser *p, const config *c, const scores *sc)
{
    move best = {N_MOVES, 0};
    float best_score = 0;
    for (uint8_t k = 0; k < N_MOVES; k++) {
        if (!move_valid(c, k))
            continue;
        move m = {k, k == LEFT || k == RIGHT ? best_label(p, c, sc, k) : 0};
        float s = move_score(p, sc, m);
        if (best.kind == N_MOVES || s > best_score) {
            best = m;
            best_score = s;
        }
    }
    return best;
}

/* The best move for which allowed(m) holds; kind N_MOVES if none. */
static move best_move(const parser *p, const config *c, const scores *sc,
                      bool (*allowed)(void *ud, move m), void *ud)
{
    move best = {N_MOVES, 0};
    float best_score = 0;
    uint32_t n_labels = p->labels_set->n;
    for (uint8_t k = 0; k < N_MOVES; k++) {
        if (!move_valid(c, k))
            continue;
        uint32_t n_l = k == LEFT || k == RIGHT ? n_labels : 1;
        for (uint32_t l = 0; l < n_l; l++) {
            move m = {k, (uint16_t)l};
            if ((k == LEFT || k == RIGHT) && !label_fits(p, c, k, l))
                continue;
            if (allowed && !allowed(ud, m))
                continue;
            float s = move_score(p, sc, m);
            if (best.kind == N_MOVES || s > best_score) {
                best = m;
                best_score = s;
            }
        }
    }
    return best;
}

/* Words left without a head hang from the root's child; when the root has
** none, the first of them becomes it. */
static void finish_tree(const parser *p, config *c)
{
    uint32_t root = NO_WORD;
    for (uint32_t i = 1; i <= c->n; i++)
        if (c->head[i] == 0)
            root = i;
    for (uint32_t i = 1; i <= c->n; i++) {
        if (c->head[i] >= 0)
            continue;
        if (root == NO_WORD) {
            root = i;
            add_arc(c, 0, i, (uint16_t)p->root_label);
        } else {
            bool punct = tag_in(p->punct_tags, c->w[i - 1].tag);
            add_arc(c, root, i, (uint16_t)(punct ? p->punct_label : p->hang_label));
        }
    }
}

static void copy_out(const config *c, syn_word *words)
{
    for (uint32_t i = 1; i <= c->n; i++) {
        words[i - 1].head = c->head[i];
        words[i - 1].label = c->label[i];
    }
}

void parser_parse(const parser *p, syn_word *words, size_t n)
{
    static _Thread_local config c;
    uint64_t f[MAX_FEATS];
    size_t n_f;
    scores sc;
    if (n == 0 || n > SYN_MAX_WORDS)
        return;
    config_init(p, &c, words, (uint32_t)n);
    while (!buffer_empty(&c)) {
        score(p, &c, f, &n_f, &sc);
        apply(&c, best_valid_move(p, &c, &sc));
    }
    finish_tree(p, &c);
    copy_out(&c, words);
}

/* ---- training: the dynamic oracle ------------------------------------------ */

typedef struct oracle {
    const config *c;
    const int16_t *gold_head;       /* by word, 1-based: gold_head[i] */
    const uint16_t *gold_label;
} oracle;

static bool in_buffer(const config *c, int i) { return i >= (int)c->b && i <= (int)c->n; }

/* Gold arcs a move makes unreachable (Goldberg and Nivre 2012, arc-eager). */
static int move_cost(const oracle *o, uint8_t kind)
{
    const config *c = o->c;
    const int16_t *gh = o->gold_head;
    uint32_t s0 = s0_of(c), b = c->b;
    int cost = 0;
    switch (kind) {
    case SHIFT:     /* b's head or headless children on the stack */
        if (c->on_stack[gh[b]] && (gh[b] != 0 || !c->root_taken))
            cost++;
        for (uint32_t k = 1; k < c->n_stack; k++) {
            uint32_t w = c->stack[k];
            cost += gh[w] == (int)b && c->head[w] < 0;
        }
        return cost;
    case RIGHT:     /* b's other heads, b's headless children on the stack */
        if (gh[b] != (int)s0 &&
            ((c->on_stack[gh[b]] && (gh[b] != 0 || !c->root_taken)) ||
             in_buffer(c, gh[b])))
            cost++;
        for (uint32_t k = 1; k < c->n_stack; k++) {
            uint32_t w = c->stack[k];
            cost += gh[w] == (int)b && c->head[w] < 0;
        }
        return cost;
    case LEFT:      /* s0's head further on, s0's children in the buffer */
        if (gh[s0] != (int)b && in_buffer(c, gh[s0]))
            cost++;
        /* fall through */
    case REDUCE:    /* s0's children in the buffer */
        for (uint32_t k = b; k <= c->n; k++)
            cost += gh[k] == (int)s0;
        return cost;
    }
    return 1;
}

static bool zero_cost(void *ud, move m)
{
    const oracle *o = ud;
    const config *c = o->c;
    if (move_cost(o, m.kind) != 0)
        return false;
    uint32_t s0 = s0_of(c), b = c->b;
    if (m.kind == LEFT && o->gold_head[s0] == (int)b)
        return m.label == o->gold_label[s0];
    if (m.kind == RIGHT && o->gold_head[b] == (int)s0)
        return m.label == o->gold_label[b];
    return true;
}

static bool same_move(move a, move b)
{
    return a.kind == b.kind &&
           (a.label == b.label || (a.kind != LEFT && a.kind != RIGHT));
}

static warta_status update(parser *p, const uint64_t *f, size_t n_f,
                           move m, float delta)
{
    uint32_t n_labels = p->labels_set->n;
    warta_status rc = perceptron_update(&p->weights, f, n_f, m.kind, delta);
    if (rc == WARTA_OK && (m.kind == LEFT || m.kind == RIGHT))
        rc = perceptron_update(&p->weights, f, n_f,
                               N_MOVES + (m.kind == RIGHT ? n_labels : 0) +
                                   m.label,
                               delta);
    return rc;
}

warta_status parser_learn(parser *p, syn_word *words, const int16_t *gold_head,
                          const uint16_t *gold_label, size_t n, float explore,
                          uint64_t *rng, size_t *n_right)
{
    static _Thread_local config c;
    int16_t gh[SYN_MAX_WORDS + 1];
    uint16_t gl[SYN_MAX_WORDS + 1];
    uint64_t f[MAX_FEATS];
    size_t n_f;
    scores sc;
    if (n == 0 || n > SYN_MAX_WORDS)
        return WARTA_OK;
    gh[0] = -1;
    gl[0] = 0;
    memcpy(gh + 1, gold_head, n * sizeof *gh);
    memcpy(gl + 1, gold_label, n * sizeof *gl);
    config_init(p, &c, words, (uint32_t)n);
    oracle o = {&c, gh, gl};
    while (!buffer_empty(&c)) {
        score(p, &c, f, &n_f, &sc);
        move guess = best_valid_move(p, &c, &sc);
        move right = best_move(p, &c, &sc, zero_cost, &o);
        perceptron_tick(&p->weights);
        if (right.kind == N_MOVES || same_move(guess, right) ||
            zero_cost(&o, guess)) {
            apply(&c, guess);
            continue;
        }
        if (update(p, f, n_f, right, 1.0f) ||
            update(p, f, n_f, guess, -1.0f))
            return WARTA_ENOMEM;
        bool follow = explore > 0 &&
                      (float)(syn_random(rng) >> 40) / (float)(1 << 24) < explore;
        apply(&c, follow ? guess : right);
    }
    finish_tree(p, &c);
    for (uint32_t i = 1; i <= n; i++)
        *n_right += c.head[i] == gh[i];
    copy_out(&c, words);
    return WARTA_OK;
}

/* ---- projective training trees ------------------------------------------- */

static bool arc_crossed(const int16_t *heads, size_t n, size_t d)
{
    size_t h = (size_t)heads[d - 1], lo = h < d ? h : d, hi = h < d ? d : h;
    for (size_t k = lo + 1; k < hi; k++) {
        /* k must lie under h: walk up from k */
        size_t a = k, steps = 0;
        while (a != 0 && a != h && steps++ <= n)
            a = (size_t)heads[a - 1];
        if (a != h)
            return true;
    }
    return false;
}

size_t parser_projectivize(int16_t *heads, size_t n)
{
    size_t lifted = 0;
    for (;;) {
        size_t pick = 0, pick_len = 0;
        for (size_t d = 1; d <= n; d++) {
            if (heads[d - 1] <= 0 || !arc_crossed(heads, n, d))
                continue;
            size_t h = (size_t)heads[d - 1];
            size_t len = h < d ? d - h : h - d;
            if (!pick || len < pick_len) {
                pick = d;
                pick_len = len;
            }
        }
        if (!pick)
            return lifted;
        heads[pick - 1] = heads[heads[pick - 1] - 1];
        lifted++;
    }
}
