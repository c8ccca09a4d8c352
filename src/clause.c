/*
** clause.c -- a verb's actors read off the dependency tree.
**
** The source is the verb's subject (nsubj), the target its object (obj,
** iobj) or an oblique whose case word brings a target ("met with X",
** "bertemu dengan X": the pack's TO words).  A passive turns them round:
** its subject (nsubj:pass) is the target, its agent (obl:agent, or an
** oblique with "by"/"oleh") the source.  A verb without a subject of its
** own takes the one of the verb it is conjoined to ("X condemned ... and
** promised"), the object or subject of the verb that controls it ("urged
** X to meet", "agreed to meet"), or the noun its relative clause hangs from
** ("the troops who attacked", "troops backed by"); an event noun ("held
** talks with X") takes the subject of the verb it is the object of.  An
** actor is looked for in the argument's own phrase and never across a
** clause (acl, advcl, ccomp, xcomp, parataxis).
*/
#include <stdio.h>
#include <string.h>

#include "coder.h"

/* ---- the tree ------------------------------------------------------------- */

/* The sentence's root, or n_tokens when it has none. */
static uint32_t root_of(const warta_sentence *s)
{
    uint32_t r = 0;
    while (r < s->n_tokens && s->tokens[r].head != WARTA_HEAD_ROOT)
        r++;
    return r;
}

/* The sentence's root when it is a noun or a name, else NO_INDEX: the
** parser missed the clause's verb. */
static uint32_t noun_root(const warta_sentence *s)
{
    uint32_t r = root_of(s);
    return r < s->n_tokens && (s->tokens[r].upos == WARTA_UPOS_NOUN ||
                               s->tokens[r].upos == WARTA_UPOS_PROPN)
               ? r : NO_INDEX;
}

/* Make the verb v what the noun r was in the tree (the root, or the
** complement of a verb of saying), and r its subject (by rel: "nsubj",
** or "nsubj:pass"). */
static void make_root(const warta_sentence *s, uint32_t v, uint32_t r, const char *rel)
{
    warta_token *tok = (warta_token *)s->tokens;   /* the coder's reading */
    tok[v].head = tok[r].head;
    tok[v].deprel = tok[r].deprel;
    tok[r].head = (int32_t)v;
    tok[r].deprel = rel;
}

/* "The police arrested Somali activists" tagged and parsed as a noun
** phrase, "arrested" a participle hanging from "police" (acl) and the
** activists its oblique.  A sentence has a verb: when its root is a noun,
** none of its verbs is finite, and a participle hangs from the noun with
** no subject of its own (right after the noun's phrase, or after a comma
** with an object of its own: "Erdogan's spokesman, Ibrahim Kalin, sharply
** criticised Bolton"), the participle is the clause's verb, the noun its
** subject, its bare obliques and named complements its objects.  Only for
** languages that mark participles (English).  A headline's "Troops killed
** in attack" then has the troops as subject of "killed" and no object: no
** event either way. */
static void noun_clause_participle(const warta_sentence *s, uint32_t r)
{
    warta_token *tok = (warta_token *)s->tokens;   /* the coder's reading */
    uint32_t n = (uint32_t)s->n_tokens, p = NO_INDEX;
    for (uint32_t i = 0; i < n; i++) {
        const warta_token *t = &s->tokens[i];
        int32_t h = t->head;
        bool main = h == (int32_t)r ||
                    (h >= 0 && (uint32_t)h < n && s->tokens[h].head == (int32_t)r);
        if (main && (t->upos == WARTA_UPOS_VERB || t->upos == WARTA_UPOS_AUX) &&
            (t->feats & WARTA_FEAT(VERBFORM_FIN)))
            return;                 /* a finite verb of the main clause */
    }
    bool apart = false;             /* punctuation between */
    for (uint32_t i = r + 1; i < n && p == NO_INDEX; i++) {
        const warta_token *t = &s->tokens[i];
        apart |= t->upos == WARTA_UPOS_PUNCT;
        if (t->head == (int32_t)r && t->upos == WARTA_UPOS_VERB &&
            (t->feats & WARTA_FEAT(VERBFORM_PART)) &&
            (strcmp(t->deprel, "acl") == 0 || strcmp(t->deprel, "parataxis") == 0))
            p = i;
    }
    if (p == NO_INDEX)
        return;
    bool object = false;
    for (uint32_t i = 0; i < n; i++) {
        if (s->tokens[i].head != (int32_t)p)
            continue;
        if (strncmp(s->tokens[i].deprel, "nsubj", 5) == 0)
            return;                 /* it has a subject: a real relative */
        object |= strcmp(s->tokens[i].deprel, "obj") == 0;
    }
    /* "the troops, killed in ...": set apart, a participle is the noun's,
    ** unless it has an object ("Erdogan's spokesman, Ibrahim Kalin,
    ** sharply criticised Bolton") */
    if ((apart || strcmp(s->tokens[p].deprel, "acl") != 0) && !object)
        return;
    for (uint32_t i = 0; i < n; i++) {
        warta_token *t = &tok[i];
        if (t->head != (int32_t)p)
            continue;
        bool obl = strcmp(t->deprel, "obl") == 0, name = strcmp(t->deprel, "xcomp") == 0 &&
                                                         t->upos == WARTA_UPOS_PROPN;
        for (uint32_t k = 0; k < n && obl; k++)
            obl = !(s->tokens[k].head == (int32_t)i && strcmp(s->tokens[k].deprel, "case") == 0);
        if (obl || name)
            t->deprel = "obj";
    }
    tok[p].feats &= ~WARTA_FEAT(VOICE_PASS);
    make_root(s, p, r, "nsubj");
}

/* The root noun's clause, and those of nouns that are what a verb says
** ("Turkish troops killed 12 Kurdish militants, the ministry said", with
** "troops" the complement of "said"). */
static void root_participle(const warta_sentence *s)
{
    uint32_t r = noun_root(s);
    if (r != NO_INDEX)
        noun_clause_participle(s, r);
    for (uint32_t i = 0; i < s->n_tokens; i++) {
        const warta_token *t = &s->tokens[i];
        if ((t->upos == WARTA_UPOS_NOUN || t->upos == WARTA_UPOS_PROPN) &&
            strcmp(t->deprel, "ccomp") == 0)
            noun_clause_participle(s, i);
    }
}

static bool has_child(const warta_sentence *s, uint32_t h, const char *rel)
{
    for (uint32_t i = 0; i < s->n_tokens; i++)
        if (s->tokens[i].head == (int32_t)h && strcmp(s->tokens[i].deprel, rel) == 0)
            return true;
    return false;
}

/* Has h a subject, active or passive? */
static bool has_subject(const warta_sentence *s, uint32_t h)
{
    return has_child(s, h, "nsubj") || has_child(s, h, "nsubj:pass");
}

static bool rel_in(const warta_token *t, const char *a, const char *b)
{
    return strcmp(t->deprel, a) == 0 || strcmp(t->deprel, b) == 0;
}

/* Could b, by its relation, be the second member of a list whose first
** member a is?  Subjects (a first one may be read as a vocative), and
** objects (the second may be read as a bare oblique or a name's xcomp). */
static bool same_argument(const warta_sentence *s, uint32_t a, uint32_t b)
{
    const warta_token *ta = &s->tokens[a], *tb = &s->tokens[b];
    if (strcmp(tb->deprel, "nsubj") == 0)
        return rel_in(ta, "nsubj", "vocative");
    return (strcmp(tb->deprel, "obj") == 0 ||
            (strcmp(tb->deprel, "obl") == 0 && !has_child(s, b, "case")) ||
            (strcmp(tb->deprel, "xcomp") == 0 && tb->upos == WARTA_UPOS_PROPN)) &&
           rel_in(ta, "obj", "iobj");
}

/* The rest of a list after its member b that the parser hung from the
** verb h as the verb's own conjuncts ("asking Spain, Italy, Greece and
** other partners" with "Greece" and "partners" conjuncts of "asking"):
** nouns close one after the other.  With move, they become conjuncts of
** the list's first member a.  Returns how many there are. */
static size_t verb_held_rest(const warta_sentence *s, uint32_t b, int32_t h,
                             uint32_t a, bool move)
{
    warta_token *tok = (warta_token *)s->tokens;
    size_t found = 0;
    for (uint32_t c = b + 1, last = b; c < s->n_tokens && c <= last + 4; c++) {
        const warta_token *t = &s->tokens[c];
        if (t->head != h || strcmp(t->deprel, "conj") != 0 ||
            (t->upos != WARTA_UPOS_NOUN && t->upos != WARTA_UPOS_PROPN))
            continue;
        if (move)
            tok[c].head = (int32_t)a;
        found++;
        last = c;
    }
    return found;
}

/* "Russia, Iran and Turkey signed", "asked Britain, France, Germany and
** other allies": the greedy parser takes the first name of a list for an
** argument of its own and the rest for another.  A verb has one subject
** and one object: a second one that follows the first after a comma and
** ends the list ("and Turkey" hangs from it, or from the verb) is the
** first one's conjunct. */
static void listed_arguments(const warta_sentence *s)
{
    warta_token *tok = (warta_token *)s->tokens;   /* the coder's reading */
    uint32_t n = (uint32_t)s->n_tokens;
    for (uint32_t b = 2; b < n; b++) {
        int32_t h = s->tokens[b].head;
        if (h < 0 || s->tokens[b - 1].upos != WARTA_UPOS_PUNCT ||
            !(has_child(s, b, "conj") || verb_held_rest(s, b, h, 0, false)))
            continue;
        for (uint32_t a = 0; a + 1 < b; a++)
            if (s->tokens[a].head == h && same_argument(s, a, b)) {
                if (strcmp(tok[a].deprel, "vocative") == 0)
                    tok[a].deprel = "nsubj";
                verb_held_rest(s, b, h, a, true);
                tok[b].head = (int32_t)a;
                tok[b].deprel = "conj";
                break;
            }
    }
}

/* UD punctuation has no dependents, but the greedy parser now and then
** hangs an oblique, a noun's modifier or an adverbial clause from a full
** stop ("fought alongside Ugandan soldiers against al-Shabaab." with
** "al-Shabaab" under the stop): it hangs from the punctuation's own head.
** So does a verb under a stop by a relation no verb has ("Polisi berhasil
** menangkap ..." with "menangkap" a number of the stop): with no subject
** of its own it is the head's complement, with one a clause beside it.
** (A subject under a stop stays: the parser took the stop for the verb of
** a clause it did not find.) */
static void punctuation_heads(const warta_sentence *s)
{
    static const char *const clausal[] = {"advcl", "ccomp", "xcomp", "conj", "parataxis",
                                          "acl", "csubj", "root"};
    warta_token *tok = (warta_token *)s->tokens;   /* the coder's reading */
    for (uint32_t i = 0; i < s->n_tokens; i++) {
        bool verb = tok[i].upos == WARTA_UPOS_VERB;
        for (size_t r = 0; r < ARRAY_LEN(clausal) && verb; r++)
            verb = strncmp(tok[i].deprel, clausal[r], strlen(clausal[r])) != 0;
        if (!verb && strncmp(tok[i].deprel, "obl", 3) != 0 &&
            strncmp(tok[i].deprel, "nmod", 4) != 0 && strcmp(tok[i].deprel, "advcl") != 0)
            continue;
        int32_t h = tok[i].head;
        for (size_t steps = 0; h >= 0 && tok[h].upos == WARTA_UPOS_PUNCT &&
                               steps < s->n_tokens; steps++)
            h = tok[h].head;
        if (h < 0 || h == tok[i].head || tok[i].upos == WARTA_UPOS_PUNCT)
            continue;
        tok[i].head = h;        /* an ancestor of its head: still a tree */
        if (verb)
            tok[i].deprel = has_subject(s, i) ? "parataxis" : "xcomp";
    }
}

/* "... and openly accused Prince Mohammed of ordering the hit on Jamal
** Khashoggi - a claim ...": in a long sentence the parser now and then
** hangs a noun phrase from a punctuation mark, as the subject, object or
** possessor of nothing.  One with no case word, right after a verb (and
** its adverbs) that has no object, is that verb's object. */
static void objects_hung_from_punctuation(const warta_sentence *s)
{
    warta_token *tok = (warta_token *)s->tokens;   /* the coder's reading */
    for (uint32_t i = 1; i < s->n_tokens; i++) {
        int32_t h = tok[i].head;
        uint8_t up = tok[i].upos;
        if (h < 0 || tok[h].upos != WARTA_UPOS_PUNCT ||
            (up != WARTA_UPOS_NOUN && up != WARTA_UPOS_PROPN && up != WARTA_UPOS_PRON) ||
            has_child(s, i, "case"))
            continue;
        uint32_t v = i - 1;
        while (v > 0 && tok[v].upos == WARTA_UPOS_ADV)
            v--;
        while (v > 0 && (tok[v].upos == WARTA_UPOS_DET || tok[v].upos == WARTA_UPOS_ADJ) &&
               tok[v].head == (int32_t)i)
            v--;    /* the phrase's own article: "accused the prince" */
        if (tok[v].upos != WARTA_UPOS_VERB || has_child(s, v, "obj") || has_child(s, v, "ccomp"))
            continue;
        tok[i].head = (int32_t)v;
        tok[i].deprel = "obj";
    }
}

/* Do the tokens from .. to-1 all hang from h (with punct, punctuation may
** hang anywhere)? */
static bool only_words_of(const warta_sentence *s, uint32_t from, uint32_t to,
                          uint32_t h, bool punct)
{
    for (uint32_t i = from; i < to; i++)
        if (s->tokens[i].head != (int32_t)h &&
            !(punct && s->tokens[i].upos == WARTA_UPOS_PUNCT))
            return false;
    return true;
}

/* The first subject (active or passive) of the verb v among the tokens
** from .. to - 1, or NO_INDEX. */
static uint32_t subject_in(const warta_sentence *s, uint32_t v, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to && i < s->n_tokens; i++)
        if (s->tokens[i].head == (int32_t)v && rel_in(&s->tokens[i], "nsubj", "nsubj:pass"))
            return i;
    return NO_INDEX;
}

/* The word the name word t is of: up the flat and fixed words of a name,
** which hang from its first ("Donald Trump": Donald). */
static uint32_t name_head(const warta_sentence *s, uint32_t t)
{
    const warta_token *tok = s->tokens;
    while (t > 0 && tok[t].head >= 0 && tok[t].head < (int32_t)t &&
           (strncmp(tok[t].deprel, "flat", 4) == 0 || strcmp(tok[t].deprel, "fixed") == 0))
        t = (uint32_t)tok[t].head;
    return t;
}

/* "The attack on Israel killed two people", "The father of Shamima Begum
** has urged ...": seeing a name right before a verb, the greedy parser
** now and then takes it for the verb's subject and its preposition for
** the mark of a clause: the verb has two subjects, or it is a clause of
** the noun before the preposition ("attacks [on Gaza killed ...]").  A
** preposition (ADP: "after", "since" that open a clause are SCONJ) opens
** no clause with a subject; the name modifies the noun before it, and the
** verb, made the clause of that noun when it was the root, is the
** sentence's, the noun its subject. */
static void prepositional_subjects(const warta_sentence *s)
{
    warta_token *tok = (warta_token *)s->tokens;   /* the coder's reading */
    for (uint32_t b = 2; b < s->n_tokens; b++) {
        int32_t v = tok[b].head;
        if (v < 0 || !rel_in(&tok[b], "nsubj", "nsubj:pass") ||
            (tok[v].feats & WARTA_FEAT(VERBFORM_GER)))
            continue;       /* "the idea of him leaving" */
        uint32_t p = b - 1;
        while (p > 0 && tok[p].head == (int32_t)b && tok[p].upos != WARTA_UPOS_ADP)
            p--;        /* the phrase's own words: "on the town of X" */
        if (p == 0 || tok[p].upos != WARTA_UPOS_ADP || tok[p].head != v ||
            strcmp(tok[p].deprel, "mark") != 0)
            continue;
        uint32_t a = name_head(s, p - 1);
        bool nominal = tok[a].upos == WARTA_UPOS_NOUN || tok[a].upos == WARTA_UPOS_PROPN;
        if (!nominal)
            continue;
        bool clause_of_root = tok[v].head == (int32_t)a && tok[a].head == WARTA_HEAD_ROOT &&
                              strncmp(tok[v].deprel, "acl", 3) == 0;
        if (!clause_of_root && subject_in(s, (uint32_t)v, 0, p) == NO_INDEX)
            continue;
        if (clause_of_root)
            make_root(s, (uint32_t)v, a, "nsubj");
        tok[b].head = (int32_t)a;
        tok[b].deprel = "nmod";
        tok[p].head = (int32_t)b;
        tok[p].deprel = "case";
    }
}

/* The first word past the phrase of token o. */
static uint32_t past_phrase(const sent *st, uint32_t o)
{
    uint32_t after = o + 1;
    while (after < st->s->n_tokens && clause_under(st, after, o))
        after++;
    return after;
}

/* The first token of the phrase of t. */
static uint32_t phrase_start(const sent *st, uint32_t t)
{
    uint32_t first = t;
    while (first > 0 && clause_under(st, first - 1, t))
        first--;
    return first;
}

/* "Speaking after talks with the French president, Emmanuel Macron, the
** Chinese leader said ...": the greedy parser takes a name set off by
** commas after a noun for a subject of the verb, which then has two.  A
** name between commas, right after a noun's phrase and right before the
** phrase of another subject of its verb, is that noun's apposition. */
static void apposition_read_as_subject(const sent *st)
{
    warta_token *tok = (warta_token *)st->s->tokens;   /* the coder's reading */
    uint32_t n = (uint32_t)st->s->n_tokens;
    for (uint32_t a = 2; a < n; a++) {
        int32_t v = tok[a].head;
        if (v < 0 || strcmp(tok[a].deprel, "nsubj") != 0 || tok[a].upos != WARTA_UPOS_PROPN)
            continue;
        uint32_t first = phrase_start(st, a), after = past_phrase(st, a);
        if (first < 2 || !token_is_mark(st, first - 1, ',') || after + 1 >= (uint32_t)v ||
            !token_is_mark(st, after, ','))
            continue;
        uint32_t b = subject_in(st->s, (uint32_t)v, after + 1, (uint32_t)v);
        uint32_t noun = name_head(st->s, first - 2);
        uint32_t b_first = b != NO_INDEX ? phrase_start(st, b) : 0;  /* the comma
                                                   may hang from b */
        if (b == NO_INDEX || (b_first != after && b_first != after + 1) ||
            clause_under(st, noun, a) ||
            (tok[noun].upos != WARTA_UPOS_NOUN && tok[noun].upos != WARTA_UPOS_PROPN))
            continue;
        tok[a].head = (int32_t)noun;
        tok[a].deprel = "appos";
    }
}

/* "Kenya said an attack on Uganda could happen": the greedy parser takes
** the subject of a complement with no "that" for the object of the verb
** of saying or thinking, and leaves the complement ("could happen") with
** no subject.  An object of a SAY or BELIEVE verb followed, right after
** its own phrase, by that verb's complement or conjunct (a verb, or a
** predicate with a copula: "would be reckless") that has an auxiliary
** and no subject, is that complement's subject. */
static void subject_read_as_object(const sent *st)
{
    const warta_sentence *s = st->s;
    warta_token *tok = (warta_token *)s->tokens;   /* the coder's reading */
    uint32_t n = (uint32_t)s->n_tokens;
    for (uint32_t o = 0; o < n; o++) {
        int32_t v = s->tokens[o].head;
        if (v < 0 || strcmp(s->tokens[o].deprel, "obj") != 0 ||
            !(has_role(st, (uint32_t)v, GRAMMAR_SAY) || has_role(st, (uint32_t)v, GRAMMAR_BELIEVE)))
            continue;
        uint32_t after = past_phrase(st, o);
        for (uint32_t c = after; c < n && c <= after + 3; c++) {
            if (s->tokens[c].head != v || !rel_in(&s->tokens[c], "ccomp", "conj") ||
                (s->tokens[c].upos != WARTA_UPOS_VERB && !has_child(s, c, "cop")) ||
                !has_child(s, c, "aux") || has_subject(s, c))
                continue;
            /* between them only c's own words: its auxiliaries, adverbs */
            if (only_words_of(s, after, c, c, false)) {
                tok[o].head = (int32_t)c;
                tok[o].deprel = "nsubj";
            }
            break;
        }
    }
}

/* Has clause c an object other than token o? */
static bool clause_has_other_object(const warta_sentence *s, uint32_t c, uint32_t o)
{
    for (uint32_t k = 0; k < s->n_tokens; k++)
        if (k != o && s->tokens[k].head == (int32_t)c && strcmp(s->tokens[k].deprel, "obj") == 0)
            return true;
    return false;
}

/* "Uganda repeated its demand that Kenya withdraw": the greedy parser
** hangs the clause of a demand (a noun of the pack's ASK words) from the
** verb whose object the noun is.  A "that" clause of that verb right after
** the noun's phrase is the noun's (its "that" a mark, which the parser
** may read as the object of a subjunctive: "that Kenya not attack"); so
** is a relative clause of the noun whose "that" the parser made an object
** beside the clause's own. */
static void demanded_clauses(const sent *st)
{
    const warta_sentence *s = st->s;
    warta_token *tok = (warta_token *)s->tokens;   /* the coder's reading */
    uint32_t n = (uint32_t)s->n_tokens;
    for (uint32_t o = 0; o < n; o++) {
        int32_t v = s->tokens[o].head;
        if (v < 0 || strcmp(s->tokens[o].deprel, "obj") != 0 ||
            s->tokens[o].upos != WARTA_UPOS_NOUN || !has_role(st, o, GRAMMAR_ASK))
            continue;
        uint32_t that = o + 1;          /* "demand that Kenya not attack
                                           Somalia": no relative clause with
                                           "that" and Somalia objects both */
        int32_t rel = that < n ? tok[that].head : -1;
        if (rel > (int32_t)that && tok[rel].head == (int32_t)o &&
            strcmp(tok[rel].deprel, "acl:relcl") == 0 && tok[that].upos == WARTA_UPOS_PRON &&
            strcmp(tok[that].deprel, "obj") == 0 &&
            clause_has_other_object(s, (uint32_t)rel, that)) {
            tok[rel].deprel = "acl";
            tok[that].deprel = "mark";
        }
        uint32_t after = past_phrase(st, o);
        for (uint32_t c = after + 1; c < n && c <= after + 6; c++)
            if (s->tokens[c].head == v && strcmp(s->tokens[c].deprel, "ccomp") == 0 &&
                s->tokens[after].head == (int32_t)c &&
                (strcmp(s->tokens[after].deprel, "mark") == 0 ||
                 (s->tokens[after].upos == WARTA_UPOS_PRON &&
                  clause_has_other_object(s, c, after)))) {
                tok[c].head = (int32_t)o;
                tok[c].deprel = "acl";
                tok[after].deprel = "mark";     /* not the object of a
                                                   subjunctive: "that Kenya
                                                   not attack" */
                break;
            }
    }
}

/* "The group had seized power", "Kenya has not yet attacked Somalia": the
** tagger reads a participle after "has" or "had" as passive now and then,
** and the parser makes the subject a passive one and the object a
** complement.  A participle with a perfect auxiliary (the pack's PERFECT
** and PLUPERFECT words) and no passive one ("has been") is active. */
static void perfect_actives(const sent *st)
{
    const warta_sentence *s = st->s;
    warta_token *tok = (warta_token *)s->tokens;   /* the coder's reading */
    uint32_t n = (uint32_t)s->n_tokens;
    for (uint32_t v = 0; v < n; v++) {
        if (!(s->tokens[v].feats & WARTA_FEAT(VERBFORM_PART)) ||
            !has_child(s, v, "nsubj:pass") || has_child(s, v, "aux:pass"))
            continue;
        bool perfect = false;
        for (uint32_t a = 0; a < v; a++)
            perfect |= s->tokens[a].head == (int32_t)v &&
                       strcmp(s->tokens[a].deprel, "aux") == 0 &&
                       (has_role(st, a, GRAMMAR_PERFECT) ||
                        has_role(st, a, GRAMMAR_PLUPERFECT));
        if (!perfect)
            continue;
        tok[v].feats &= ~WARTA_FEAT(VOICE_PASS);
        for (uint32_t c = 0; c < n; c++) {
            if (s->tokens[c].head != (int32_t)v)
                continue;
            if (strcmp(s->tokens[c].deprel, "nsubj:pass") == 0)
                tok[c].deprel = "nsubj";
            else if (strcmp(s->tokens[c].deprel, "xcomp") == 0 && c > v &&
                     (s->tokens[c].upos == WARTA_UPOS_NOUN ||
                      s->tokens[c].upos == WARTA_UPOS_PROPN))
                tok[c].deprel = "obj";      /* "attacked Somalia" */
        }
    }
}

/* Is t a noun phrase with no case word of its own: one that could be a
** subject? */
static bool bare_nominal(const warta_sentence *s, uint32_t t)
{
    uint8_t up = s->tokens[t].upos;
    return (up == WARTA_UPOS_NOUN || up == WARTA_UPOS_PROPN || up == WARTA_UPOS_PRON) &&
           !has_child(s, t, "case");
}

/* Is there a quotation mark between tokens a and b?  (Cleaning made
** every double quote a plain one.) */
static bool quote_between(const sent *st, uint32_t a, uint32_t b)
{
    for (uint32_t i = a + 1; i < b; i++)
        if (token_is_mark(st, i, '"'))
            return true;
    return false;
}

/* The first comma after token a, or n when none. */
static uint32_t comma_after(const sent *st, uint32_t a)
{
    uint32_t c = a + 1;
    while (c < st->s->n_tokens && !token_is_mark(st, c, ','))
        c++;
    return c;
}

/* The subject relation of verb v: "nsubj:pass" when it is a passive. */
static const char *subject_rel(const warta_sentence *s, uint32_t v)
{
    return has_child(s, v, "aux:pass") ? "nsubj:pass" : "nsubj";
}

/* "Seperti dilaporkan, Wakil Ketua Komisi I DPR sempat mengkritik ...":
** the parser may make the clause put before the verb the sentence's
** root, and the verb its conjunct or complement.  A root with no subject
** and a subordinating word before it ("seperti", "as") is no main clause:
** the first verb after its comma that hangs from it, with no such word of
** its own and not joined to it by "and" or "but", is the sentence's verb
** and the root its adverbial clause (a verb of saying after a quote, which
** UD hangs from what is said, stays). */
static void fronted_root(const sent *st)
{
    const warta_sentence *s = st->s;
    warta_token *tok = (warta_token *)s->tokens;   /* the coder's reading */
    uint32_t n = (uint32_t)s->n_tokens, r = root_of(s);
    if (r == n || has_subject(s, r))
        return;
    bool subordinate = false;       /* "seperti", "as": not "is to suspend" */
    for (uint32_t m = 0; m < r; m++)
        subordinate |= s->tokens[m].head == (int32_t)r &&
                       strcmp(s->tokens[m].deprel, "mark") == 0 &&
                       s->tokens[m].upos != WARTA_UPOS_PART;
    if (!subordinate)
        return;
    for (uint32_t v = comma_after(st, r) + 1; v < n; v++) {
        const warta_token *t = &s->tokens[v];
        if (t->head != (int32_t)r || t->upos != WARTA_UPOS_VERB)
            continue;
        if (has_child(s, v, "mark") || has_child(s, v, "cc") ||
            (has_role(st, v, GRAMMAR_SAY) && quote_between(st, r, v)) ||
            !(rel_in(t, "conj", "xcomp") || rel_in(t, "ccomp", "parataxis")))
            return;             /* "..., namun tetap menjaga", '...," kata X' */
        tok[v].head = WARTA_HEAD_ROOT;
        tok[v].deprel = "root";
        tok[r].head = (int32_t)v;
        tok[r].deprel = "advcl";
        for (uint32_t c = v + 1; c < n; c++)    /* the sentence's full stop */
            if (tok[c].head == (int32_t)r && tok[c].upos == WARTA_UPOS_PUNCT)
                tok[c].head = (int32_t)v;
        return;
    }
}

/* "UK ministers, habitually inclined to keep differences with the US out
** of sight, openly criticised Trump's decision", "The Kenyan minister,
** accompanied by his aides, visited Uganda": a participle set off by
** commas between a subject and its verb describes the subject, but the
** greedy parser may make it the sentence's root, with the subject its own
** (or an oblique) and the verb somewhere below it.  A root participle with
** no auxiliary, right after a comma (and adverbs), with a subject or a
** bare noun phrase before that comma, and below it a finite verb after
** the next comma with no subject, mark or conjunction of its own: the
** verb is the root, the noun phrase its subject and the participle the
** noun's. */
static void parenthetical_participle(const sent *st)
{
    const warta_sentence *s = st->s;
    warta_token *tok = (warta_token *)s->tokens;   /* the coder's reading */
    uint32_t n = (uint32_t)s->n_tokens, r = root_of(s);
    if (r == n || s->tokens[r].upos != WARTA_UPOS_VERB ||
        !(s->tokens[r].feats & WARTA_FEAT(VERBFORM_PART)) ||
        (s->tokens[r].feats & WARTA_FEAT(VERBFORM_FIN)) ||
        has_child(s, r, "aux") || has_child(s, r, "aux:pass"))
        return;
    uint32_t c = r;                 /* the comma that opens the participle */
    while (c > 0 && s->tokens[c - 1].upos == WARTA_UPOS_ADV)
        c--;
    if (c < 2 || !token_is_mark(st, c - 1, ','))
        return;
    uint32_t subj = NO_INDEX;
    for (uint32_t a = 0; a + 1 < c; a++)
        if (s->tokens[a].head == (int32_t)r && bare_nominal(s, a))
            subj = a;
    uint32_t v = comma_after(st, r) + 1;
    while (v < n && s->tokens[v].upos == WARTA_UPOS_ADV)
        v++;
    bool finite = v < n && (s->tokens[v].feats & WARTA_FEAT(VERBFORM_FIN));
    while (v < n && s->tokens[v].upos == WARTA_UPOS_AUX && s->tokens[v].head > (int32_t)v)
        v = (uint32_t)s->tokens[v].head;    /* "have been fighting" */
    if (subj == NO_INDEX || v >= n || !clause_under(st, v, r) ||
        s->tokens[v].upos != WARTA_UPOS_VERB || !finite || has_subject(s, v) ||
        has_child(s, v, "mark") || has_child(s, v, "cc"))
        return;
    for (uint32_t k = v + 1; k < n; k++)    /* the full stop */
        if (tok[k].upos == WARTA_UPOS_PUNCT && (tok[k].head == (int32_t)r ||
                                               tok[k].head == (int32_t)v))
            tok[k].head = (int32_t)v;
    for (uint32_t k = r + 1; k < v; k++)    /* adverbs before the verb */
        if (tok[k].upos == WARTA_UPOS_ADV && tok[k].head == (int32_t)r)
            tok[k].head = (int32_t)v;
    tok[r].head = (int32_t)subj;
    tok[r].deprel = "acl";
    tok[v].head = WARTA_HEAD_ROOT;
    tok[v].deprel = "root";
    tok[subj].head = (int32_t)v;
    tok[subj].deprel = subject_rel(s, v);
}

/* "..., the UK's junior defence minister, Tobias Ellwood, rejected
** Trump's claim": an actor's name before a verb with no subject, which
** the parser took for an unmarked oblique (UD's for times and measures:
** "last week"), is the verb's subject unless it is a date. */
static void unmarked_subjects(const sent *st)
{
    warta_token *tok = (warta_token *)st->s->tokens;   /* the coder's reading */
    for (uint32_t x = 0; x < st->s->n_tokens; x++) {
        int32_t v = tok[x].head;
        if (v <= (int32_t)x || strcmp(tok[x].deprel, "obl:unmarked") != 0 ||
            actor_holding(st, x) < 0 || in_date(st, x) || tok[v].upos != WARTA_UPOS_VERB ||
            has_subject(st->s, (uint32_t)v))
            continue;
        tok[x].deprel = subject_rel(st->s, (uint32_t)v);
    }
}

/* '"Alhamdulillah, kami mengucapkan terima kasih ..."': a word set off
** by a comma before the subject (an interjection) is no second subject.
** Of two subjects of one verb, one that names no actor and that a comma
** ends before the other is dislocated. */
static void set_off_subjects(const sent *st)
{
    warta_token *tok = (warta_token *)st->s->tokens;   /* the coder's reading */
    uint32_t n = (uint32_t)st->s->n_tokens;
    for (uint32_t a = 0; a < n; a++) {
        int32_t v = tok[a].head;
        if (v < 0 || strcmp(tok[a].deprel, "nsubj") != 0)
            continue;
        uint32_t after = past_phrase(st, a), k = phrase_start(st, a);
        while (k < after && actor_holding(st, k) < 0)
            k++;
        if (k < after)
            continue;                   /* "Angela Merkel, ..., and Emmanuel
                                           Macron urged": an actor */
        if (after < n && token_is_mark(st, after, ',') &&
            subject_in(st->s, (uint32_t)v, after + 1, (uint32_t)v) != NO_INDEX)
            tok[a].deprel = "dislocated";
    }
}

/* "Current and former US officials have said ...": the greedy parser
** takes a first adjective, coordinated with the next, for the root and
** the sentence's verb for its conjunct.  An adjective that opens the
** sentence as its root, with no copula and no subject, modifies the
** subject of its conjunct verb, which is the root. */
static void adjective_root(const warta_sentence *s)
{
    warta_token *tok = (warta_token *)s->tokens;   /* the coder's reading */
    uint32_t r = root_of(s);
    if (r != 0 || r >= s->n_tokens || tok[r].upos != WARTA_UPOS_ADJ ||
        has_child(s, r, "cop") || has_subject(s, r))
        return;
    for (uint32_t v = 1; v < s->n_tokens; v++) {
        uint32_t subj = subject_in(s, v, 1, v);
        if (tok[v].head != 0 || strcmp(tok[v].deprel, "conj") != 0 ||
            tok[v].upos != WARTA_UPOS_VERB || subj == NO_INDEX)
            continue;
        for (uint32_t k = 1; k < s->n_tokens; k++)
            if (tok[k].head == 0 && tok[k].upos == WARTA_UPOS_PUNCT)
                tok[k].head = (int32_t)v;
        tok[v].head = WARTA_HEAD_ROOT;
        tok[v].deprel = "root";
        tok[0].head = (int32_t)subj;
        tok[0].deprel = "amod";
        return;
    }
}

/* "There, Kurdish-led forces, backed by US air support, have been
** fighting ...": an adverb put first, before its comma, is joined to
** nothing; the greedy parser sometimes takes the noun phrase after the
** comma for its conjunct.  A noun conjunct (or apposition) of a first
** adverb hangs from the adverb's head, as the subject the rest of the
** repairs look for. */
static void fronted_adverb_list(const sent *st)
{
    warta_token *tok = (warta_token *)st->s->tokens;   /* the coder's reading */
    if (st->s->n_tokens < 4 || tok[0].upos != WARTA_UPOS_ADV || !token_is_mark(st, 1, ',') ||
        tok[0].head < 0)
        return;
    for (uint32_t c = 2; c < st->s->n_tokens; c++)
        if (tok[c].head == 0 && (tok[c].upos == WARTA_UPOS_NOUN || tok[c].upos == WARTA_UPOS_PROPN) &&
            (rel_in(&tok[c], "conj", "appos") || strcmp(tok[c].deprel, "list") == 0)) {
            tok[c].head = tok[0].head;
            tok[c].deprel = "nsubj";
        }
}

/* "Speaking on Tuesday, the head of US Central Command, Gen Joseph Votel,
** appeared to contradict Trump", "Seperti diketahui, Komandan Satuan Siber
** sempat berkonsultasi dengan ...": a clause put before the sentence's
** verb ends at its comma, but the greedy parser now and then takes the
** verb's subject for the clause's object or oblique, and the verb has
** none.  A bare noun phrase hanging from such a clause after the comma
** that ends it, followed by nothing but the verb's own words, is the
** verb's subject. */
static void subject_after_fronted_clause(const sent *st)
{
    const warta_sentence *s = st->s;
    warta_token *tok = (warta_token *)s->tokens;   /* the coder's reading */
    uint32_t n = (uint32_t)s->n_tokens;
    for (uint32_t a = 0; a < n; a++) {
        int32_t v = s->tokens[a].head;
        if (v <= (int32_t)a || strcmp(s->tokens[a].deprel, "advcl") != 0 ||
            has_subject(s, (uint32_t)v) || has_child(s, (uint32_t)v, "csubj"))
            continue;
        for (uint32_t x = comma_after(st, a) + 1; x < (uint32_t)v; x++) {
            if (s->tokens[x].head != (int32_t)a || !bare_nominal(s, x) ||
                !(rel_in(&s->tokens[x], "obj", "obl") || rel_in(&s->tokens[x], "nsubj", "nsubj:pass")))
                continue;
            /* then only the verb's own words: auxiliaries, adverbs */
            if (only_words_of(s, past_phrase(st, x), (uint32_t)v, (uint32_t)v, true)) {
                tok[x].head = v;
                tok[x].deprel = subject_rel(s, (uint32_t)v);
            }
            break;
        }
    }
}

/* The finite verb the sentence's root r heads as if r were no subject,
** or NO_INDEX: after r only r's own modifiers, a date, commas and
** adverbs, then a verb r heads (finite, or of a language that marks no
** verb forms: Indonesian). */
static uint32_t verb_after_subject(const sent *st, uint32_t r)
{
    const warta_sentence *s = st->s;
    const uint32_t forms = WARTA_FEAT(VERBFORM_FIN) | WARTA_FEAT(VERBFORM_GER) |
                           WARTA_FEAT(VERBFORM_INF) | WARTA_FEAT(VERBFORM_PART);
    for (uint32_t k = r + 1; k < s->n_tokens; k++) {
        const warta_token *t = &s->tokens[k];
        if (t->head == (int32_t)r && t->upos == WARTA_UPOS_VERB &&
            ((t->feats & WARTA_FEAT(VERBFORM_FIN)) || !(t->feats & forms)) &&
            (rel_in(t, "parataxis", "acl") || rel_in(t, "advcl", "conj")))
            return k;
        if (!in_date(st, k) && t->upos != WARTA_UPOS_ADP && t->upos != WARTA_UPOS_PUNCT &&
            t->upos != WARTA_UPOS_ADV && !clause_under(st, k, r))
            return NO_INDEX;
    }
    return NO_INDEX;
}

/* The subject the parser gave the noun root r that is a phrase put first,
** before a comma right before r's phrase ("Sepanjang hari, diplomat ..."),
** or NO_INDEX. */
static uint32_t fronted_subject(const sent *st, uint32_t r)
{
    uint32_t c = subject_in(st->s, r, 0, r);
    if (c == NO_INDEX)
        return NO_INDEX;
    uint32_t first = r;                 /* r's phrase but the subject's */
    while (first > c + 1 && clause_under(st, first - 1, r) && !clause_under(st, first - 1, c) &&
           st->s->tokens[first - 1].upos != WARTA_UPOS_PUNCT)
        first--;
    return token_is_mark(st, first - 1, ',') && past_phrase(st, c) == first - 1 ? c : NO_INDEX;
}

/* "Erdoğan on Tuesday repeated his criticism", "Kenya on Monday accused
** Uganda", "UN-hosted talks in Geneva collapsed again": a time phrase or a
** long modifier between a subject and its verb, rarer in the web text the
** parser learnt from than in news, makes the parser take the subject for
** the sentence's head and hang the verb from it.  A root that is a noun or
** a name with no copula and no subject, followed by nothing but its own
** modifiers, a date, commas and adverbs before a finite verb it heads that
** has no subject, is that verb's subject, and the date is the verb's (and
** so is what the parser took for the verb's subject, "Sunday"). */
static void subject_before_verb(const sent *st)
{
    const warta_sentence *s = st->s;
    warta_token *tok = (warta_token *)s->tokens;   /* the coder's reading */
    uint32_t n = (uint32_t)s->n_tokens, r = noun_root(s);
    uint32_t fronted = r != NO_INDEX ? fronted_subject(st, r) : NO_INDEX;
    if (r == NO_INDEX || has_child(s, r, "cop") ||
        (has_child(s, r, "nsubj") && fronted == NO_INDEX))
        return;
    uint32_t v = verb_after_subject(st, r);
    if (v == NO_INDEX)
        return;
    if (fronted != NO_INDEX) {          /* "Sepanjang hari, diplomat ...": a
                                           phrase put first, the verb's */
        tok[fronted].head = (int32_t)v;
        tok[fronted].deprel = "obl";
    }
    for (uint32_t c = 0; c < n; c++)
        if (s->tokens[c].head == (int32_t)v && strncmp(s->tokens[c].deprel, "nsubj", 5) == 0 &&
            !in_date(st, c))
            return;                 /* a subject of its own */
    for (uint32_t c = r + 1; c < n; c++) {     /* dates after v too */
        warta_token *t = &tok[c];
        if (in_date(st, c) && (t->head == (int32_t)r || t->head == (int32_t)v) &&
            (strncmp(t->deprel, "nmod", 4) == 0 || strncmp(t->deprel, "nsubj", 5) == 0 ||
             strncmp(t->deprel, "obl", 3) == 0)) {
            t->head = (int32_t)v;   /* the time phrase's head */
            t->deprel = "obl";
            for (uint32_t a = r + 1; a < c; a++)
                if (tok[a].upos == WARTA_UPOS_ADP && tok[a].head == (int32_t)v &&
                    strcmp(tok[a].deprel, "mark") == 0) {
                    tok[a].head = (int32_t)c;   /* "on" read as a mark */
                    tok[a].deprel = "case";
                }
        } else if (t->head == (int32_t)r && t->upos == WARTA_UPOS_ADV) {
            t->head = (int32_t)v;
        }
    }
    make_root(s, v, r, subject_rel(s, v));
}

/* '"Kami ...," ungkap Gubernur Jawa Barat': after a quote, the one a bare
** word of speech names is its speaker, though the parser may read him as
** its object.  A word of speech of no prefix that hangs from what is said
** (parataxis) with no subject and an object that is an actor or a name:
** the object is its subject (not "tambah dong Rp 10 triliun", add). */
static void attribution_subjects(const sent *st)
{
    warta_token *tok = (warta_token *)st->s->tokens;   /* the coder's reading */
    for (uint32_t t = 0; t < st->s->n_tokens; t++) {
        if (!has_role(st, t, GRAMMAR_SAY) || tok[t].prefix != WARTA_PREFIX_NONE ||
            strcmp(tok[t].deprel, "parataxis") != 0 || has_subject(st->s, t))
            continue;
        for (uint32_t c = t + 1; c < st->s->n_tokens; c++)
            if (tok[c].head == (int32_t)t && strcmp(tok[c].deprel, "obj") == 0) {
                bool names = tok[c].upos == WARTA_UPOS_PROPN || actor_holding(st, c) >= 0;
                for (uint32_t d = c + 1; d < st->s->n_tokens && !names; d++)
                    names = tok[d].head == (int32_t)c && actor_holding(st, d) >= 0;
                if (names)          /* or his office's: "ujar Anggota Komisi
                                       III DPR Nasir Djamil" */
                    tok[c].deprel = "nsubj";
                break;
            }
    }
}

/* A complement marked by a word of time ("ditangkap ... usai bertemu X",
** parsed as xcomp) is an adverbial clause: told as done, not intended. */
static void timed_complements(const sent *st)
{
    warta_token *tok = (warta_token *)st->s->tokens;   /* the coder's reading */
    for (uint32_t m = 0; m < st->s->n_tokens; m++) {
        int32_t x = tok[m].head;
        if (x >= 0 && strcmp(tok[m].deprel, "mark") == 0 && has_role(st, m, GRAMMAR_TIME) &&
            strcmp(tok[x].deprel, "xcomp") == 0)
            tok[x].deprel = "advcl";
    }
}

/* The last noun or name before token end that is an object or oblique of
** verb h, or NO_INDEX. */
static uint32_t last_nominal_argument(const warta_sentence *s, int32_t h, uint32_t end)
{
    const warta_token *tok = s->tokens;
    uint32_t a = NO_INDEX;
    for (uint32_t k = (uint32_t)h + 1; k < end; k++)
        if (tok[k].head == h &&
            (tok[k].upos == WARTA_UPOS_NOUN || tok[k].upos == WARTA_UPOS_PROPN) &&
            (rel_in(&tok[k], "obj", "obl") || strncmp(tok[k].deprel, "obl:", 4) == 0))
            a = k;
    return a;
}

/* Does the phrase of noun t end at token end (its last word)? */
static bool phrase_end_at(const warta_sentence *s, uint32_t t, uint32_t end)
{
    for (uint32_t k = t + 1; k < end; k++)
        if (s->tokens[k].head != (int32_t)t)
            return false;
    return true;
}

/* Is c a noun or name that hangs from v as its subject or mark? */
static bool subject_or_mark(const warta_sentence *s, uint32_t c, uint32_t v)
{
    return s->tokens[c].head == (int32_t)v && bare_nominal(s, c) &&
           rel_in(&s->tokens[c], "nsubj", "mark");
}

/* "The agreement was signed by the Turkish foreign minister, Mevlüt
** Çavuşoğlu, his Russian counterpart, Sergei Lavrov, and Iran's Javad
** Zarif, underlining how ...": the greedy parser takes the names of a list
** that ends a clause for subjects of the -ing participle after it.  Such
** a participle, right after a comma and with no auxiliary, has no subject
** of its own: names or nouns hanging from it as subjects or marks (two
** or more, or one with conjuncts: one alone may be its own, "lead to the
** president, Uhuru Kenyatta, reaching a deal"), after the last argument
** of the participle's head, are that argument's conjuncts. */
static void list_read_as_subjects(const sent *st)
{
    const warta_sentence *s = st->s;
    warta_token *tok = (warta_token *)s->tokens;   /* the coder's reading */
    for (uint32_t v = 2; v < s->n_tokens; v++) {
        int32_t h = tok[v].head;
        if (h < 0 || (uint32_t)h >= v || strcmp(tok[v].deprel, "advcl") != 0 ||
            !clause_ing_form(st, v) || !token_is_mark(st, v - 1, ',') ||
            has_child(s, v, "aux"))
            continue;
        uint32_t a = last_nominal_argument(s, h, v), listed = 0;
        for (uint32_t c = a + 1; a != NO_INDEX && c < v; c++)
            if (subject_or_mark(s, c, v))
                listed += 1 + has_child(s, c, "conj");  /* or a list of its
                                                           own */
        uint32_t cc = NO_INDEX;         /* "and", to the name after it */
        uint32_t noun = a;              /* the last common noun listed */
        for (uint32_t c = a + 1; listed >= 2 && c < v; c++) {
            if (tok[c].head == (int32_t)v && strcmp(tok[c].deprel, "cc") == 0)
                cc = c;
            int32_t m = tok[c].head;    /* "his Russian counterpart", which
                                           the parser listed under a name */
            bool member = subject_or_mark(s, c, v) ||
                          (m > (int32_t)a && rel_in(&tok[c], "list", "conj") &&
                           tok[m].head == (int32_t)a && bare_nominal(s, c));
            if (!member)
                continue;
            bool named = tok[c].upos == WARTA_UPOS_PROPN && noun != NO_INDEX &&
                         token_is_mark(st, c - 1, ',') && phrase_end_at(s, noun, c - 1);
            tok[c].head = (int32_t)(named ? noun : a);  /* "the minister,
                                           Mevlüt Çavuşoğlu": one, named */
            tok[c].deprel = named ? "appos" : "conj";
            if (cc != NO_INDEX)
                tok[cc].head = (int32_t)c;
            cc = NO_INDEX;
            noun = tok[c].upos == WARTA_UPOS_NOUN ? c : NO_INDEX;
        }
    }
}

/* "signed by the Turkish foreign minister, his Russian counterpart and
** Iran's Javad Zarif": losing the list's head, the greedy parser hangs the
** later members from the verb as its conjuncts.  A noun or name that is a
** verb's conjunct, after it and with no subject, copula or auxiliary of
** its own (no clause), is a conjunct of the verb's last nominal argument
** before it, unless a verb stands between them. */
static void list_hung_from_verb(const warta_sentence *s)
{
    warta_token *tok = (warta_token *)s->tokens;   /* the coder's reading */
    for (uint32_t c = 1; c < s->n_tokens; c++) {
        int32_t v = tok[c].head;
        if (v < 0 || (uint32_t)v >= c || strcmp(tok[c].deprel, "conj") != 0 ||
            (tok[c].upos != WARTA_UPOS_NOUN && tok[c].upos != WARTA_UPOS_PROPN) ||
            tok[v].upos != WARTA_UPOS_VERB || has_subject(s, c) || has_child(s, c, "cop") ||
            has_child(s, c, "aux"))
            continue;
        uint32_t a = last_nominal_argument(s, v, c), k = a + 1;
        while (a != NO_INDEX && k < c && tok[k].upos != WARTA_UPOS_VERB)
            k++;
        if (a != NO_INDEX && k == c)    /* no clause between ("a letter
                                           signed by MPs, unionists ...") */
            tok[c].head = (int32_t)a;
    }
}

bool clause_prepare(sent *st, arena *ar)
{
    const warta_sentence *s = st->s;
    uint32_t n = (uint32_t)s->n_tokens;
    st->parsed = n > 0 && s->tokens[0].head != WARTA_HEAD_NONE;
    if (!st->parsed)
        return true;
    objects_hung_from_punctuation(s);
    prepositional_subjects(s);
    punctuation_heads(s);
    root_participle(s);
    listed_arguments(s);
    apposition_read_as_subject(st);
    list_read_as_subjects(st);
    list_hung_from_verb(s);
    timed_complements(st);
    attribution_subjects(st);
    subject_read_as_object(st);
    demanded_clauses(st);
    perfect_actives(st);
    fronted_root(st);
    set_off_subjects(st);
    unmarked_subjects(st);
    adjective_root(s);
    fronted_adverb_list(st);
    parenthetical_participle(st);
    subject_after_fronted_clause(st);
    subject_before_verb(st);
    st->kid = arena_alloc(ar, (n + 1) * sizeof *st->kid);
    st->sib = arena_alloc(ar, (n + 1) * sizeof *st->sib);
    if (!st->kid || !st->sib)
        return false;
    for (uint32_t i = 0; i < n; i++)
        st->kid[i] = st->sib[i] = NO_INDEX;
    for (uint32_t i = n; i-- > 0;) {      /* children in token order */
        int32_t h = s->tokens[i].head;
        if (h >= 0 && (uint32_t)h < n && (uint32_t)h != i) {
            st->sib[i] = st->kid[h];
            st->kid[h] = i;
        }
    }
    return true;
}

static const char *deprel(const sent *st, uint32_t t)
{
    return st->s->tokens[t].deprel;
}

/* Is t's relation name, or a subtype of it ("obl" for "obl:tmod")? */
bool clause_rel(const sent *st, uint32_t t, const char *name)
{
    const char *r = deprel(st, t);
    if (r[0] != name[0])            /* most asks fail here */
        return false;
    size_t n = strlen(name);
    return strncmp(r, name, n) == 0 && (r[n] == '\0' || r[n] == ':');
}

static bool rel_is(const sent *st, uint32_t t, const char *name)
{
    const char *r = deprel(st, t);
    return r[0] == name[0] && strcmp(r, name) == 0;
}

uint32_t clause_parent(const sent *st, uint32_t t)
{
    int32_t h = st->s->tokens[t].head;
    return h >= 0 ? (uint32_t)h : NO_INDEX;
}

/* The first child of t with relation name (or a subtype when base). */
uint32_t clause_child(const sent *st, uint32_t t, const char *name, bool base)
{
    for (uint32_t c = st->kid[t]; c != NO_INDEX; c = st->sib[c])
        if (base ? clause_rel(st, c, name) : rel_is(st, c, name))
            return c;
    return NO_INDEX;
}

/* Does t have a child (case, mark, aux, advmod...) with the role? */
bool clause_child_role(const sent *st, uint32_t t, const char *rel,
                       grammar_role role)
{
    for (uint32_t c = st->kid[t]; c != NO_INDEX; c = st->sib[c])
        if ((!rel || clause_rel(st, c, rel)) && has_role(st, c, role))
            return true;
    return false;
}

/* The word of tokens [first, last) whose head lies outside them.  When
** the parser hung the phrase from several places ("troops in Syria and
** the UK's minister, Tobias Ellwood, rejected": "UK" a conjunct of Syria,
** "Tobias" the subject), the one that is a verb's argument. */
uint32_t clause_head(const sent *st, uint32_t first, uint32_t last)
{
    static const char *const args[] = {"nsubj", "obj", "iobj", "obl", "root"};
    uint32_t exit = NO_INDEX;
    for (uint32_t i = first; i < last; i++) {
        uint32_t h = clause_parent(st, i);
        if (h != NO_INDEX && h >= first && h < last)
            continue;
        for (size_t r = 0; r < ARRAY_LEN(args); r++)
            if (clause_rel(st, i, args[r]))
                return i;
        if (exit == NO_INDEX)
            exit = i;
    }
    return exit != NO_INDEX ? exit : first;
}

/* Relations that start a clause of their own. */
bool clause_starts(const sent *st, uint32_t t)
{
    static const char *const rels[] = {"acl", "advcl", "ccomp", "xcomp",
                                       "parataxis", "csubj", "root"};
    for (size_t i = 0; i < ARRAY_LEN(rels); i++)
        if (clause_rel(st, t, rels[i]))
            return true;
    uint8_t up = st->s->tokens[t].upos;
    return clause_rel(st, t, "conj") && (up == WARTA_UPOS_VERB || up == WARTA_UPOS_AUX);
}

static bool is_verb(const sent *st, uint32_t t)
{
    uint8_t up = st->s->tokens[t].upos;
    return up == WARTA_UPOS_VERB || up == WARTA_UPOS_AUX;
}

static bool is_noun(const sent *st, uint32_t t)
{
    uint8_t up = st->s->tokens[t].upos;
    return up == WARTA_UPOS_NOUN || up == WARTA_UPOS_PROPN;
}

/* The head of the clause t is in: up to the first word that opens one. */
uint32_t clause_of(const sent *st, uint32_t t)
{
    for (int steps = 0; steps < 64; steps++) {
        uint32_t h = clause_parent(st, t);
        if (h == NO_INDEX || clause_starts(st, t))
            return t;
        t = h;
    }
    return t;
}

/* Relations inside one noun phrase, through which its actors are joined:
** "Thailand and Malaysia", "the minister, Lavrov", "the ministers of A". */
static bool joins_phrase(const sent *st, uint32_t t)
{
    static const char *const rels[] = {"conj", "appos", "flat", "compound",
                                       "list", "nmod", "amod"};
    for (size_t i = 0; i < ARRAY_LEN(rels); i++)
        if (clause_rel(st, t, rels[i]))
            return true;
    return false;
}

/* The top of the noun phrase t is in, up through the relations that join
** a phrase. */
static uint32_t phrase_top(const sent *st, uint32_t t)
{
    for (int steps = 0; steps < 8 && joins_phrase(st, t); steps++)
        t = clause_parent(st, t);
    return t;
}

/* Are words a and b two arguments of one word ("after the attack on
** Ukraine, Germany criticised": an oblique and a subject)?  Where the
** tree is less sure, the word order's compound stays; so it does where
** the tree gives a word two subjects or two objects, a conjunction
** misread ("Kenya and the Ugandan government criticised": two nsubj). */
static bool two_arguments(const sent *st, uint32_t a, uint32_t b)
{
    uint32_t ta = phrase_top(st, a), tb = phrase_top(st, b);
    if (ta == NO_INDEX || tb == NO_INDEX || ta == tb)
        return false;
    static const char *const core[] = {"nsubj", "nsubj:pass", "obj"};
    for (size_t k = 0; k < ARRAY_LEN(core); k++)
        if (rel_is(st, ta, core[k]) && rel_is(st, tb, core[k]))
            return false;
    uint32_t h = clause_parent(st, ta);
    return h != NO_INDEX && h == clause_parent(st, tb);
}

/* Is t a later conjunct with a participle of its own ("the Turkish army
** and Syrian rebels backed by Ankara"): what the participle says is of t
** alone, as UD hangs a modifier of the whole list from its first member.
** Only a participle with an agent of its own parts them: "the army and a
** force made up of Islamist groups" still act together. */
static bool conjunct_with_participle(const sent *st, uint32_t t)
{
    for (int steps = 0; steps < 4 && (rel_is(st, t, "compound") || rel_is(st, t, "flat") ||
                                      rel_is(st, t, "amod"));
         steps++)
        t = clause_parent(st, t);   /* "a Kurdish-led opposition force
                                       supported by": the noun's */
    if (!rel_is(st, t, "conj"))
        return false;
    for (uint32_t c = st->kid[t]; c != NO_INDEX; c = st->sib[c])
        if (rel_is(st, c, "acl") && (st->s->tokens[c].feats & WARTA_FEAT(VERBFORM_PART)) &&
            clause_child(st, c, "obl:agent", false) != NO_INDEX)
            return true;
    return false;
}

/* The unit that unit u is a conjunct of, or -1: its head hangs from the
** other's as conj; with listed, with a conjunction of its own ("Russia and
** Iran, ..., and Turkey": Russia for Turkey; not an apposition the parser
** took for a conjunct, "Menteri Haji ..., Mochamad Irfan Yusuf,"). */
static int conjunct_of(const sent *st, const unit *u, bool listed)
{
    uint32_t t = clause_head(st, u->first, u->last);
    uint32_t h = clause_parent(st, t);
    if (!rel_is(st, t, "conj") || h == NO_INDEX ||
        (listed && clause_child(st, t, "cc", false) == NO_INDEX))
        return -1;
    return actor_holding(st, h);
}

/* Is there a punctuation mark among tokens [a, b)? */
static bool punctuation_between(const sent *st, uint32_t a, uint32_t b)
{
    for (uint32_t t = a; t < b; t++)
        if (st->s->tokens[t].upos == WARTA_UPOS_PUNCT)
            return true;
    return false;
}

/* "Russia and Iran, both backers of the Syrian regime, and Turkey, a
** backer of many groups ..., will attempt to thrash out a deal": an
** apposition with an actor of its own parts a list in the word order,
** the tree keeps it one: a unit that is a conjunct of another's head,
** past punctuation, is of its compound (not what the apposition names:
** the regime); unless the word order made pairs of the list ("clashes
** between Iran and Israel, Syria and Israel, and Turkey and the Kurds": a
** unit of its compound is a conjunct of the same, or its own; so are the
** parser's misreadings, "between Moscow and Beijing within the United
** Nations, BRICS, the SCO and the G20", each organisation Moscow's
** conjunct). */
static void join_conjuncts(sent *st)
{
    for (size_t i = 0; i < st->n_units; i++) {
        unit *u = &st->units[i];
        int w = conjunct_of(st, u, true);
        if (w < 0 || (size_t)w == i || st->units[w].group == u->group ||
            !punctuation_between(st, st->units[w].last, u->first))
            continue;
        bool paired = false;
        for (size_t k = 0; k < st->n_units && !paired; k++)
            paired = k != i && st->units[k].group == u->group &&
                     (conjunct_of(st, &st->units[k], false) == w ||
                      conjunct_of(st, &st->units[k], false) == (int)i);
        if (!paired)
            u->group = st->units[w].group;
    }
}

/* The word order joined actors into compounds ("A, B and C"); the tree
** parts those it puts in different clauses or in two arguments of one
** word, and a name from its apposition: "Mike Pompeo, the US secretary
** of state" is one actor named twice, not two who meet. */
void clause_split_groups(sent *st)
{
    uint32_t next = 3000000, prev_old = UINT32_MAX, prev_head = NO_INDEX;
    for (size_t i = 0; i < st->n_units; i++) {
        unit *u = &st->units[i];
        uint32_t head = clause_head(st, u->first, u->last);
        if (u->last > u->first + 1 && clause_starts(st, head) &&
            clause_parent(st, head) != NO_INDEX)
            head = clause_parent(st, head);     /* "pihak berwenang" parsed
                                                   as a clause: a noun
                                                   phrase, the packs say */
        uint32_t old = u->group;
        if (i == 0 || old != prev_old ||
            clause_of(st, head) != clause_of(st, prev_head) ||
            two_arguments(st, prev_head, head) || conjunct_with_participle(st, head) ||
            clause_place(st, u) != clause_place(st, &st->units[i - 1]) ||
            clause_one_entity(st, &st->units[i - 1], u))
            next++;
        u->group = next;
        prev_old = old;
        prev_head = head;
    }
    join_conjuncts(st);
}

/* Does the country word h modify the noun it hangs from: an adjective
** ("Russian"), or a name in a compound ("US")? */
static bool country_modifier(const sent *st, uint32_t h)
{
    uint8_t up = st->s->tokens[h].upos;
    return (up == WARTA_UPOS_ADJ && rel_is(st, h, "amod")) ||
           (up == WARTA_UPOS_PROPN && rel_is(st, h, "compound"));
}

/* The sector of an agent noun conjoined after h that a country modifies:
** "the UK and the US governments" (UD: the UK, and the US governments),
** the governments being both; NULL when none. */
static const char *shared_head_sector(const sent *st, uint32_t h)
{
    for (size_t k = 0; k < st->n_units; k++) {
        const unit *w = &st->units[k];
        uint32_t c = clause_head(st, w->first, w->last);
        uint32_t up = c != NO_INDEX ? clause_parent(st, c) : NO_INDEX;
        if (w->unknown || !w->country[0] || !w->sector[0] || c == NO_INDEX ||
            c <= h || !is_noun(st, c) || !rel_is(st, c, "conj") ||
            !clause_child_role(st, c, "cc", GRAMMAR_AND) ||
            (up != h && up != clause_parent(st, h)))
            continue;           /* (the parser may join it to h's head) */
        for (uint32_t m = st->kid[c]; m != NO_INDEX; m = st->sib[m])
            if (country_modifier(st, m) && w->first <= m && m < c)
                return w->sector;
    }
    return NULL;
}

/* The sector of the agent noun that the country word h (or the first of
** the list it is in) modifies, in an actor other than u; NULL when none. */
static const char *modified_noun_sector(const sent *st, uint32_t h, const unit *u)
{
    for (int steps = 0; steps < 8 && rel_is(st, h, "conj") &&
                        clause_parent(st, h) != NO_INDEX; steps++)
        h = clause_parent(st, h);
    if (!country_modifier(st, h))
        return NULL;
    uint32_t noun = clause_parent(st, h);
    for (size_t k = 0; k < st->n_units; k++) {
        const unit *w = &st->units[k];
        if (w != u && w->country[0] && w->sector[0] && !w->unknown &&
            w->first <= noun && noun < w->last && is_noun(st, noun))
            return w->sector;
    }
    return NULL;
}

/* "Russian and Turkish troops", "US, British and French forces": the
** agent noun is every listed country's, not only the last one's.  A
** country adjective or name modifying the head noun of an actor with a
** sector (its amod or compound, or a conjunct of one: the rest of the
** list hangs from the first) takes that sector.  A noun of its own
** ("Russia and Turkish troops") stays a country, but one joined by "and"
** to such a noun shares it ("the UK and the US governments"). */
void clause_share_sectors(sent *st)
{
    for (size_t i = 0; i < st->n_units; i++) {
        unit *u = &st->units[i];
        uint32_t h = clause_head(st, u->first, u->last);
        if (u->unknown || !u->country[0] || u->sector[0] || h == NO_INDEX)
            continue;
        const char *sector = strlen(u->code) == 3 ? shared_head_sector(st, h) : NULL;
        if (!sector)
            sector = modified_noun_sector(st, h, u);
        if (sector) {               /* another unit's: no overlap */
            snprintf(u->code, sizeof u->code, "%.3s%s", u->country, sector);
            snprintf(u->sector, sizeof u->sector, "%s", sector);
        }
    }
}

/* ---- actors in a phrase ----------------------------------------------------- */

/* Is the nmod c of noun t where t was done: "the attack in Damascus",
** "a meeting in Saudi Arabia" (a LOCATIVE case word, not one that also
** brings a target, "fired at"), t an event noun of the pack? */
static bool where_done(const sent *st, uint32_t t, uint32_t c)
{
    return clause_child_role(st, c, "case", GRAMMAR_LOCATIVE) &&
           !clause_child_role(st, c, "case", GRAMMAR_TO) && verb_at(st, t);
}

/* Is the nmod c of noun t what talks, a meeting or a warning t are about
** ("talks on Syria", "a meeting on a new constitution for Syria", "a
** warning about the threat from Isis"), no side of them? */
static bool what_about(const sent *st, uint32_t t, uint32_t c)
{
    return clause_child_role(st, c, "case", GRAMMAR_TOPIC) &&
           (consultation_at(st, t) || root_at(st, t, "13"));
}

/* "military" in "a military operation" is no actor, a kind of the
** noun; "Russian" in "the Russian proposal" is one: is u an adjective of
** no country modifying a noun? */
bool clause_kind_word(const sent *st, const unit *u)
{
    uint32_t h = clause_head(st, u->first, u->last);
    return !u->country[0] && st->s->tokens[h].upos == WARTA_UPOS_ADJ && rel_is(st, h, "amod");
}

/* Does a clause of t's own stand between t and its child c ("its enemies
** of attempting to create a crescent ... through allies in Iraq, Syria":
** "Syria" hung from "enemies" as an apposition is the list's, not the
** enemies' name)? */
static bool clause_between(const sent *st, uint32_t t, uint32_t c)
{
    uint32_t lo = t < c ? t : c, hi = t < c ? c : t;
    for (uint32_t k = st->kid[t]; k != NO_INDEX; k = st->sib[k])
        if (k > lo && k < hi && clause_starts(st, k))
            return true;
    return false;
}

/* Has the common noun t an owner, and c, its apposition, a common noun
** that names no actor itself ("Erdoğan's calls for a ceasefire in Idlib,
** the last opposition stronghold", hung from "calls")?  The owner names
** the phrase's actor, not a word of what the apposition says the thing
** is.  A person's apposition tells whom they act for ("Velayati, a senior
** adviser to Iran's supreme leader"), and one of an owner's thing what
** it is for ("a €225m support package for the Gambia"). */
static bool owned_thing_apposition(const sent *st, uint32_t t, uint32_t c)
{
    return st->s->tokens[t].upos == WARTA_UPOS_NOUN &&
           st->s->tokens[c].upos == WARTA_UPOS_NOUN && actor_holding(st, c) < 0 &&
           clause_child(st, t, "nmod:poss", false) != NO_INDEX;
}

/* Does the noun t, which names no actor, head a list of things with
** another that names none ("concern about culture, wages, traffic and
** hospitals"): a list of topics, whatever actor is among them? */
static bool things_listed(const sent *st, uint32_t t)
{
    if (st->s->tokens[t].upos != WARTA_UPOS_NOUN)
        return false;               /* names: "James Foley and ... Peter Kassig" */
    for (uint32_t c = st->kid[t]; c != NO_INDEX; c = st->sib[c])
        if (rel_is(st, c, "conj") && st->s->tokens[c].upos == WARTA_UPOS_NOUN &&
            actor_holding(st, c) < 0)
            return true;
    return false;
}

/* The actor an argument names: the one its head word is in, else one
** its own phrase holds (names, compounds, appositions, "president of X"),
** nearest first; never inside a clause or a date or place phrase, nor in
** the role someone acts in ("a briefing as leader of the opposition"). */
static int unit_in_phrase(const sent *st, uint32_t t, int depth)
{
    int u = actor_holding(st, t);
    if (u >= 0 || depth == 0)
        return u;
    /* the phrase's own words first ("Australia's request for the
    ** extradition of ...": Australia), then what it is of */
    static const char *const inner[] = {"flat", "compound", "appos",
                                        "nmod:poss", "amod", "nmod", "conj"};
    /* "Syria's neighbours", "US allies": others than their owner */
    bool others = has_role(st, t, GRAMMAR_OTHERS);
    for (size_t r = 0; r < ARRAY_LEN(inner); r++)
        for (uint32_t c = st->kid[t]; c != NO_INDEX; c = st->sib[c]) {
            if (!clause_rel(st, c, inner[r]) || clause_rel(st, c, "nmod:tmod") ||
                (others && (r == 1 || r == 3 || r == 5)) ||
                (r == 6 && actor_holding(st, c) >= 0 && things_listed(st, t)) ||
                (r == 2 && (clause_between(st, t, c) || owned_thing_apposition(st, t, c) ||
                            verb_at(st, t))) ||   /* an event is no actor:
                                                     "kunjungan X di Kantor
                                                     Kemlu, Nairobi" */
                (r > 3 && clause_rel(st, c, "nmod:poss")) ||
                (r == 5 && (where_done(st, t, c) || what_about(st, t, c) ||
                            clause_child_role(st, c, "case", GRAMMAR_CAPACITY))))
                continue;
            int found = unit_in_phrase(st, c, depth - 1);
            /* "a cabinet meeting": the body that meets, no partner of it
            ** ("Kenya-Uganda talks" have theirs) */
            if (found >= 0 && r == 1 && !st->units[found].country[0] &&
                consultation_at(st, t))
                continue;
            if (found >= 0 && r == 4 && clause_kind_word(st, &st->units[found]))
                continue;
            if (found >= 0)
                return found;
        }
    return -1;
}

/* "The foreign ministers of the two countries": an agent that names no
** country lends its sector to the countries its phrase names, as the
** actors of the argument (new units, one compound); actors with a sector
** of their own there are the argument as they are. */
static int lend_agent(sent *st, int agent, uint32_t t)
{
    char sector[sizeof st->units[0].sector];
    memcpy(sector, st->units[agent].sector, sizeof sector);
    int owner = -1;
    for (uint32_t c = st->kid[t]; c != NO_INDEX && owner < 0; c = st->sib[c])
        if (clause_rel(st, c, "nmod") && (clause_child(st, c, "case", false) == NO_INDEX ||
                                          (clause_child_role(st, c, "case", GRAMMAR_OF) &&
                                           !clause_child_role(st, c, "case", GRAMMAR_LOCATIVE))))
            owner = unit_in_phrase(st, c, 2);   /* "of", "dari", or none; not
                                                   "in": where ("talks between
                                                   the regime and opposition
                                                   in Vienna") */
    if (owner < 0 || !st->units[owner].country[0])
        return agent;
    /* civilians of anyone are civilians of his country: "the family of a
    ** British soldier" is GBRCVL, not the soldier */
    bool civilians = strncmp(sector, "CVL", 3) == 0;
    if (st->units[owner].sector[0] && !civilians)
        return owner;               /* "the ministers of both sides" */
    uint32_t group = st->units[owner].group, first_new = (uint32_t)st->n_units;
    for (size_t k = 0; k < first_new && st->n_units < MAX_UNITS; k++) {
        const unit *w = &st->units[k];
        if (w->group != group || w->excluded || !w->country[0] ||
            (w->sector[0] && !civilians))
            continue;
        unit made = *w;
        snprintf(made.code, sizeof made.code, "%.3s%s", w->country, sector);
        memcpy(made.sector, sector, sizeof sector);
        made.group = 4000000 + first_new;
        st->units[st->n_units++] = made;
    }
    return st->n_units > first_new ? (int)first_new : agent;
}

bool clause_owned_by_pronoun(const sent *st, uint32_t t)
{
    uint32_t p = clause_child(st, t, "nmod:poss", false);
    return p != NO_INDEX && st->s->tokens[p].upos == WARTA_UPOS_PRON;
}

static uint32_t owner_of(const sent *st, uint32_t v);

bool clause_owned_by_other(const sent *st, uint32_t t, uint32_t v)
{
    uint32_t o = owner_of(st, t);
    if (o == NO_INDEX || st->s->tokens[o].upos == WARTA_UPOS_PRON)
        return false;
    int owner = actor_holding(st, o);
    uint32_t s = clause_child(st, v, "nsubj", false);
    return owner >= 0 && (s == NO_INDEX || actor_holding(st, s) != owner);
}

static int unit_of_phrase(sent *st, uint32_t t, int depth)
{
    int u = unit_in_phrase(st, t, depth);
    if (u >= 0 && !st->units[u].country[0] && st->units[u].sector[0] &&
        actor_holding(st, t) == u && !clause_owned_by_pronoun(st, t))
        u = lend_agent(st, u, t);
    return u;
}

/* ---- arguments ------------------------------------------------------------ */

bool clause_ing_form(const sent *st, uint32_t t)
{
    uint32_t feats = st->s->tokens[t].feats;
    return (feats & WARTA_FEAT(VERBFORM_GER)) ||
           ((feats & WARTA_FEAT(VERBFORM_PART)) && (feats & WARTA_FEAT(TENSE_PRES)));
}

/* A passive: a passive subject or auxiliary says so; a participle the
** tagger calls passive is one only without a subject of its own ("troops
** backed by"): with one, the tagger has misread a past tense ("Kenya
** criticised Somalia"). */
bool clause_passive(const sent *st, uint32_t v)
{
    if (clause_child(st, v, "nsubj:pass", false) != NO_INDEX ||
        clause_child(st, v, "aux:pass", false) != NO_INDEX)
        return true;
    if (st->d->passive_prefixes >> st->s->tokens[v].prefix & 1)
        return true;    /* "dijatuhi", whatever it is joined to: the pack's
                           passive prefix (PASSIVE) leaves no doubt */
    if (clause_rel(st, v, "acl") && !clause_rel(st, v, "acl:relcl") &&
        clause_child(st, v, "obl:agent", false) != NO_INDEX &&
        clause_child(st, v, "nsubj", false) == NO_INDEX)
        return true;    /* "fighters captured by X", the participle read as
                           a past tense: its agent says it is passive */
    if (!(st->s->tokens[v].feats & WARTA_FEAT(VOICE_PASS)) ||
        clause_child(st, v, "nsubj", false) != NO_INDEX ||
        clause_child(st, v, "obj", false) != NO_INDEX)
        return false;   /* a participle with an object and no auxiliary is
                           a past tense the tagger misread: "France on
                           Wednesday condemned allegations by Rwanda" */
    /* a conjunct shares the voice of the verb it is joined to: "Kenya
    ** criticised Uganda and attacked Somalia"; unless it names its agent:
    ** "X attacked Y, supported by Z" */
    uint32_t h = clause_parent(st, v);
    if (clause_rel(st, v, "conj") && h != NO_INDEX && is_verb(st, h) &&
        clause_child(st, v, "obl:agent", false) == NO_INDEX)
        return clause_passive(st, h);
    return true;
}

/* Is the case word of c the particle of verb v's own phrase: "called on
** X", "fired at X", where "called on" is one phrase of the pack's grammar
** (ASK) and "fired at" one of its verbs? */
static bool particle_of(const sent *st, uint32_t v, uint32_t c)
{
    uint32_t k = clause_child(st, c, "case", false);
    return k == v + 1 && ((st->roles[v] & st->roles[k]) != 0 ||
                          (st->is_phrase[v] && st->is_phrase[k]));
}

static bool is_oblique(const sent *st, uint32_t c)
{
    return (clause_rel(st, c, "obl") || clause_rel(st, c, "nmod")) &&
           !clause_rel(st, c, "obl:tmod");
}

/* Is c an oblique whose case word is of the role and whose phrase names
** an actor ("by X", "against Isis")? */
static bool actor_oblique_of(const sent *st, uint32_t c, grammar_role role)
{
    return is_oblique(st, c) && clause_child_role(st, c, "case", role) &&
           unit_in_phrase(st, c, 2) >= 0;
}

/* The first such oblique of v at or after token from, or NO_INDEX. */
static uint32_t actor_oblique(const sent *st, uint32_t v, grammar_role role, uint32_t from)
{
    for (uint32_t c = st->kid[v]; c != NO_INDEX; c = st->sib[c])
        if (c >= from && actor_oblique_of(st, c, role))
            return c;
    return NO_INDEX;
}

/* The phrase c, or one hanging from it, if it names an opponent actor
** ("against Isis"; the parser may hang it from "the US" before it). */
static uint32_t opponent(const sent *st, uint32_t c)
{
    return actor_oblique_of(st, c, GRAMMAR_AGAINST) ? c : actor_oblique(st, c, GRAMMAR_AGAINST, 0);
}

/* An active verb with no subject, adverbial to another or its
** complement: a "by" phrase below it is no agent of its own ("dijatuhi
** sanksi berupa pengurangan nilai selama satu semester oleh pihak
** fakultas", "didesak mundur oleh ribuan warga", "was urged to resign by
** residents"). */
static bool bare_clause(const sent *st, uint32_t c)
{
    return (clause_rel(st, c, "advcl") || clause_rel(st, c, "xcomp")) && is_verb(st, c) &&
           !clause_passive(st, c) && clause_child(st, c, "nsubj", true) == NO_INDEX;
}

/* An oblique naming an actor, its case word of the role, that the parser
** hung further down in v's clause, or NO_INDEX: an agent ("dijatuhi
** sanksi ... selama satu semester oleh pihak fakultas": from "semester",
** through the active adverbial "berupa" too), an opponent ("fought with
** US forces in the fight against Islamic State"). */
static uint32_t oblique_below(const sent *st, uint32_t v, grammar_role role, int depth)
{
    for (uint32_t c = st->kid[v]; c != NO_INDEX && depth > 0; c = st->sib[c]) {
        if (clause_starts(st, c) && !(role == GRAMMAR_BY && bare_clause(st, c)))
            continue;
        if (actor_oblique_of(st, c, role))
            return c;
        uint32_t o = oblique_below(st, c, role, depth - 1);
        if (o != NO_INDEX)
            return o;
    }
    return NO_INDEX;
}

/* The first word of the phrase at t (its leftmost descendant). */
static uint32_t phrase_first(const sent *st, uint32_t t, int depth)
{
    uint32_t first = t;
    for (uint32_t c = st->kid[t]; c != NO_INDEX && depth > 0; c = st->sib[c]) {
        uint32_t f = phrase_first(st, c, depth - 1);
        if (f < first)
            first = f;
    }
    return first;
}

/* Does the phrase at c fight beside the subject: "alongside X",
** "bersama X", the ALLY word its case, its first word or right before it
** (the parser may take "alongside" for an adverb or an adjective, and X
** for the object); or "with Turkish backing", "dengan dukungan AS", an
** ALLY noun with a WITH case word (not "withdrew support for X")? */
bool clause_ally_phrase(const sent *st, uint32_t c)
{
    uint32_t first = phrase_first(st, c, 8);
    return clause_child_role(st, c, "case", GRAMMAR_ALLY) ||
           (has_role(st, first, GRAMMAR_ALLY) && !is_noun(st, first)) ||
           (first > 0 && has_role(st, first - 1, GRAMMAR_ALLY) && !is_noun(st, first - 1)) ||
           (has_role(st, c, GRAMMAR_ALLY) && clause_child_role(st, c, "case", GRAMMAR_WITH));
}

/* Is c an oblique of v whose case word is of the role: "with X", "oleh
** X"; for a target also where the case word is the verb's own particle,
** but not what talks are about ("talks on Somalia")? */
static bool oblique_of_role(const sent *st, uint32_t v, uint32_t c, grammar_role role)
{
    if (role == GRAMMAR_TO && what_about(st, v, c))
        return false;
    return is_oblique(st, c) && (clause_child_role(st, c, "case", role) ||
                                 (role == GRAMMAR_TO && particle_of(st, v, c)));
}

/* The first oblique of v of the role, or NO_INDEX. */
static uint32_t oblique(const sent *st, uint32_t v, grammar_role role)
{
    for (uint32_t c = st->kid[v]; c != NO_INDEX; c = st->sib[c])
        if (oblique_of_role(st, v, c, role))
            return c;
    return NO_INDEX;
}

/* Does v, or the noun it acts on, name a partner with a WITH word,
** whether or not the partner is an actor ("struck deals with factions")? */
bool clause_has_partner(const sent *st, uint32_t v)
{
    uint32_t o = clause_child(st, v, "obj", false);
    return oblique(st, v, GRAMMAR_WITH) != NO_INDEX ||
           (o != NO_INDEX && oblique(st, o, GRAMMAR_WITH) != NO_INDEX);
}

/* The oblique that brings v's target: the first whose case word is a TO
** word and that names an actor ("on 14 December with Erdogan": with
** Erdogan), else the first.  Of a hostile act, the opponent: "fought with
** the US against Isis" is against Isis; "allied with the US against Isis"
** is with the US. */
static uint32_t target_oblique(const sent *st, uint32_t v, bool hostile)
{
    for (uint32_t c = st->kid[v]; c != NO_INDEX && hostile; c = st->sib[c]) {
        uint32_t o = is_oblique(st, c) ? opponent(st, c) : NO_INDEX;
        if (o != NO_INDEX)
            return o;
    }
    uint32_t against = hostile && oblique(st, v, GRAMMAR_WITH) != NO_INDEX
                           ? oblique_below(st, clause_of(st, v), GRAMMAR_AGAINST, 6) : NO_INDEX;
    if (against != NO_INDEX)
        return against;    /* "had fought with US forces in the fight against
                              Islamic State", the parser hanging the "against"
                              phrase elsewhere in the clause: the US an ally */
    for (uint32_t c = st->kid[v]; c != NO_INDEX; c = st->sib[c])
        if (oblique_of_role(st, v, c, GRAMMAR_TO) && unit_in_phrase(st, c, 2) >= 0 &&
            !(hostile && clause_ally_phrase(st, c)))
            return c;
    /* "mediated between X and Y": both are the verb's targets */
    uint32_t between = oblique(st, v, GRAMMAR_BETWEEN);
    if (between != NO_INDEX && is_verb(st, v) && unit_in_phrase(st, between, 2) >= 0)
        return between;
    uint32_t o = oblique(st, v, GRAMMAR_TO);
    return o != NO_INDEX && hostile && clause_ally_phrase(st, o) ? NO_INDEX : o;
}

/* A side found: the token whose phrase names it, and how. */
typedef struct side {
    uint32_t token;
    const char *rel;                /* "nsubj", "obl:agent" ... */
    uint32_t of;                    /* the word it is an argument of */
} side;

static side none(void) { return (side){NO_INDEX, "", NO_INDEX}; }
static side found(uint32_t t, const char *rel, uint32_t of)
{
    return (side){t, rel, of};
}

static side subject_of(const sent *st, uint32_t v, int depth);
static uint32_t agent_of(const sent *st, uint32_t v);
static uint32_t agent_hung_from_verb(const sent *st, uint32_t t);
static const char *own_code_at(const sent *st, uint32_t t);
static bool judges_or_arranges(const sent *st, uint32_t t, uint32_t noun);
static uint32_t meeting_setting(const sent *st, uint32_t v);

/* Whom a verb asks or makes do something: its object, its indirect
** object ("asked Russia to negotiate"), or the oblique an appeal is made
** through ("appealed to Russia to"; not "sent to Iran to receive ..."). */
static side asked_one(const sent *st, uint32_t h)
{
    static const char *const rels[] = {"obj", "iobj"};
    for (size_t i = 0; i < ARRAY_LEN(rels); i++) {
        uint32_t o = clause_child(st, h, rels[i], false);
        if (o != NO_INDEX)
            return found(o, rels[i], h);
    }
    uint32_t to = has_role(st, h, GRAMMAR_ASK) ? oblique(st, h, GRAMMAR_TO) : NO_INDEX;
    return to != NO_INDEX ? found(to, deprel(st, to), h) : none();  /* "called on X
                                                to", "meminta kepada X untuk" */
}

/* An event noun that is an oblique of a verb: "during a visit to X". */
static bool adjunct(const sent *st, uint32_t v)
{
    uint32_t h = clause_parent(st, v);
    return is_noun(st, v) && rel_is(st, v, "obl") && h != NO_INDEX && is_verb(st, h);
}

/* Does a finite auxiliary ("have been", not "having been") make v a
** clause of its own?  The word must be one: the parser sometimes hangs a
** name as aux:pass. */
static bool finite_auxiliary(const sent *st, uint32_t v)
{
    for (uint32_t c = st->kid[v]; c != NO_INDEX; c = st->sib[c]) {
        const warta_token *w = &st->s->tokens[c];
        if (clause_rel(st, c, "aux") && w->upos == WARTA_UPOS_AUX &&
            (w->feats & WARTA_FEAT(VERBFORM_FIN)))
            return true;
    }
    return false;
}

/* Does the adverbial clause v, with no subject of its own, speak of its
** head's subject?  A purpose ("to meet X"); a passive participle that no
** word joins and no finite auxiliary makes a clause ("backed by Russia,
** government forces ..."; not "if attacked", nor "there have been
** attacks repeated by fanatics, the regime is responsible"); an appeal
** or accusation told after it ("called Erdogan, urging him to ...").
** Not other gerunds: "after fighting Isis", "pleading Brexit business"
** tell of other doings, often long past (on the sample corpora more than
** half of what they gave was wrong). */
static bool shares_subject(const sent *st, uint32_t v)
{
    if (clause_child(st, v, "mark", false) != NO_INDEX)
        return clause_child_role(st, v, "mark", GRAMMAR_PURPOSE) ||
               clause_child_role(st, v, "mark", GRAMMAR_NOT) ||   /* "has yet to" */
               clause_by_means(st, v);
    uint32_t h = clause_parent(st, v);
    return ((st->s->tokens[v].feats & WARTA_FEAT(VOICE_PASS)) &&
            !finite_auxiliary(st, v)) ||
           (clause_ing_form(st, v) && h != NO_INDEX && v > h &&
            (has_role(st, v, GRAMMAR_ASK) || has_role(st, v, GRAMMAR_ACCUSE)));
}

bool clause_by_means(const sent *st, uint32_t v)
{
    return clause_rel(st, v, "advcl") && clause_ing_form(st, v) &&
           clause_child_role(st, v, "mark", GRAMMAR_BY);
}

bool clause_clitic_pronoun(const sent *st, uint32_t h)
{
    const warta_sentence *s = st->s;
    for (size_t w = 1; w < s->n_words; w++)
        if (s->words[w].token == h && s->words[w].joined && s->words[w].upos == WARTA_UPOS_PRON)
            return true;
    return false;
}

/* Who acts in a clause of the time of h that has no subject: the subject
** of a speech verb ("Pompeo said after meeting Erdoğan ...": Pompeo), or
** of a passive ("X was arrested after meeting Y": X), or the agent of a
** passive whose subject is no actor but what was said ("Hal ini
** disampaikan Erick usai bertemu Prabowo": Erick), or the speaker its
** "-nya" stands for. */
static side actor_of_time(const sent *st, uint32_t h, int depth)
{
    if (!clause_passive(st, h))
        return has_role(st, h, GRAMMAR_SAY) ? subject_of(st, h, depth) : none();
    uint32_t s = clause_child(st, h, "nsubj:pass", false);
    if (s != NO_INDEX && unit_in_phrase(st, s, 2) >= 0)
        return found(s, "nsubj:pass", h);
    uint32_t a = agent_of(st, h), up = clause_parent(st, h);
    if (a == NO_INDEX && clause_clitic_pronoun(st, h) && up != NO_INDEX && has_role(st, up, GRAMMAR_SAY))
        return subject_of(st, up, depth);   /* "Yusril menjelaskan kabar ini
                                       diperolehnya usai menerima X": the
                                       -nya that did it is the speaker */
    return a != NO_INDEX && actor_holding(st, a) >= 0 ? found(a, deprel(st, a), h) : none();
}

/* Does a modifier of the noun t name an actor: its owner ("Trump's
** request", "a Trump request", "the US request")? */
static bool modifier_names_actor(const sent *st, uint32_t t)
{
    for (uint32_t c = st->kid[t]; c != NO_INDEX; c = st->sib[c])
        if ((clause_rel(st, c, "nmod:poss") || rel_is(st, c, "compound") || rel_is(st, c, "amod")) &&
            unit_in_phrase(st, c, 1) >= 0)
            return true;
    return false;
}

/* The subject a verb without one of its own takes from the verb above. */
static side borrowed_subject(const sent *st, uint32_t v, int depth)
{
    uint32_t h = clause_parent(st, v);
    if (h == NO_INDEX || depth == 0)
        return none();
    if (clause_rel(st, v, "conj") && is_verb(st, h))
        return subject_of(st, h, depth - 1);
    if (clause_rel(st, v, "conj") && is_noun(st, h) && h < v)
        return found(h, "conj", h);     /* "40 countries, ..., attended": a
                                           verb the parser hung from the
                                           noun before it, its subject */
    bool asked = rel_is(st, v, "xcomp") ||
                 (clause_rel(st, v, "advcl") &&
                  (has_role(st, h, GRAMMAR_ASK) || has_role(st, h, GRAMMAR_DECIDE)));
    if (asked) {                /* "urged X to", "mendesak X untuk", "forced X
                                   to" (the parser may say advcl): X */
        side o = asked_one(st, h);
        if (o.token != NO_INDEX)
            return o;
    }
    /* "memutuskan menghentikan ...": a complement of a decision or an
    ** intent with no subject or mark of its own, which the parser called
    ** a clausal complement, is controlled as an xcomp is */
    bool controlled = rel_is(st, v, "ccomp") &&
                      clause_child(st, v, "mark", false) == NO_INDEX &&
                      (has_role(st, h, GRAMMAR_DECIDE) || has_role(st, h, GRAMMAR_FUTURE) ||
                       (v == h + 1 && is_verb(st, h) && !has_role(st, h, GRAMMAR_SAY)));
                                        /* and one right after its verb:
                                           "berkeliling menemui delegasi",
                                           going round meeting them */
    if (rel_is(st, v, "xcomp") || controlled)   /* "agreed to meet" */
        return subject_of(st, h, depth - 1);
    if (clause_rel(st, v, "acl") && is_noun(st, h) && verb_at(st, h) &&
        !clause_passive(st, v) && unit_in_phrase(st, h, 1) < 0)
        return subject_of(st, h, depth - 1);    /* an event's own doer:
                                       "menggelar demonstrasi menuntut
                                       Bupati mundur", the demonstrators */
    if (clause_rel(st, v, "acl") && is_noun(st, h))
        return found(h, "acl", h);          /* "the troops who attacked" */
    if (clause_rel(st, v, "advcl") && shares_subject(st, v))
        return subject_of(st, h, depth - 1);
    if (clause_rel(st, v, "advcl") && clause_child_role(st, v, "mark", GRAMMAR_TIME))
        return strncmp(own_code_at(st, v), "04", 2) == 0 && !clause_passive(st, h)
                   ? subject_of(st, h, depth - 1)   /* "thanked Britain after
                                                       meeting Rishi Sunak": a
                                                       meeting, as in an
                                                       adjunct */
                   : actor_of_time(st, h, depth - 1);
    if (is_noun(st, v) && (rel_is(st, v, "obj") || rel_is(st, v, "xcomp")) &&
        !judges_or_arranges(st, h, v))
        return subject_of(st, h, depth - 1);  /* "held talks with"; not "Turkey
                                                 opposed an invitation to X":
                                                 no invitation of Turkey's;
                                                 nor "sponsored the talks" */
    /* "talks were held by X", "dukungan ... disampaikan oleh X": the
    ** passive's agent, an actor itself (not "fuelled by shared
    ** self-interest in Syria"; not one who judges or arranges: "the
    ** attack was condemned by X" is no attack of X's) */
    uint32_t a = is_noun(st, v) && rel_is(st, v, "nsubj:pass") && !judges_or_arranges(st, h, v)
                     ? agent_of(st, h) : NO_INDEX;
    if (a != NO_INDEX && actor_holding(st, a) >= 0)
        return found(a, deprel(st, a), h);
    if (adjunct(st, v)) {   /* "during a visit to X, Y said": Y's, if a
                               meeting (code.c) */
        uint32_t g = clause_parent(st, h);
        bool fronted = g != NO_INDEX && h < g && clause_rel(st, h, "advcl") &&
                       clause_ing_form(st, h) && clause_child(st, h, "mark", false) == NO_INDEX &&
                       clause_child(st, h, "nsubj", true) == NO_INDEX &&
                       !modifier_names_actor(st, v);    /* not "Responding to a
                                                           Trump request" */
        return subject_of(st, fronted ? g : h, depth - 1);  /* "Speaking after
                                       talks with X, the leader said": the
                                       leader's talks (what the participle
                                       itself tells may be another's doing) */
    }
    uint32_t m = meeting_setting(st, v);
    if (m != NO_INDEX)
        return subject_of(st, m, depth - 1);    /* "over the course of a
                                                   meeting": as "at" one */
    return none();
}

uint32_t clause_said(const sent *st, uint32_t v)
{
    for (uint32_t c = st->kid[v]; c != NO_INDEX; c = st->sib[c])
        if (clause_rel(st, c, "ccomp") ||
            (clause_rel(st, c, "advcl") && !clause_child_role(st, c, "mark", GRAMMAR_IF) &&
             !clause_child_role(st, c, "mark", GRAMMAR_PURPOSE)))
            return c;
    return NO_INDEX;
}

/* The speech verb a quoted clause t hangs from ("X said: '...'"), or that
** hangs from it as a parenthetical ("'...,' kata X": how the Indonesian
** treebanks attach it), or NO_INDEX. */
static uint32_t speech_verb(const sent *st, uint32_t t)
{
    uint32_t h = clause_parent(st, t);
    if (h != NO_INDEX && has_role(st, h, GRAMMAR_SAY) &&
        (clause_rel(st, t, "ccomp") || clause_rel(st, t, "parataxis")))
        return h;
    for (uint32_t c = st->kid[t]; c != NO_INDEX; c = st->sib[c])
        if ((clause_rel(st, c, "parataxis") ||
             (clause_rel(st, c, "advcl") && c > t &&
              clause_child(st, c, "mark", false) == NO_INDEX)) &&
            has_role(st, c, GRAMMAR_SAY))
            return c;               /* '"...," ucapnya': also an adverbial;
                                       not one with a mark, an aim ("untuk
                                       menambah dana": to add) or a time */
    return NO_INDEX;
}

/* Is t in an actor that names a state alone ("the United States")? */
static bool names_state(const sent *st, uint32_t t)
{
    int u = actor_holding(st, t);
    return u >= 0 && actor_names_state(&st->units[u]);
}

/* Is t in an actor of that state's government ("Trump": USAGOV)? */
static bool governs(const sent *st, uint32_t t, uint32_t state)
{
    int u = actor_holding(st, t), c = actor_holding(st, state);
    return u >= 0 && c >= 0 && strncmp(st->units[u].sector, "GOV", 3) == 0 &&
           strcmp(st->units[u].country, st->units[c].country) == 0;
}

/* "X said: 'We agreed ...'": in what a speaker says, "we" and "I" are the
** speaker, the subject of the speech verb the quote (any clause of it)
** hangs from; and so is his own state, in a government's words: "Trump
** tweeted: 'The United States is asking Britain ...'" is the American
** government asking. */
static uint32_t speaker(const sent *st, uint32_t v, uint32_t s)
{
    bool we = has_role(st, s, GRAMMAR_WE);
    if (!we && !names_state(st, s))
        return s;
    uint32_t t = v;
    for (int steps = 0; t != NO_INDEX && steps < 64; steps++, t = clause_parent(st, t)) {
        uint32_t say = speech_verb(st, t);
        if (say == NO_INDEX)
            continue;
        uint32_t who = clause_child(st, say, "nsubj", false);
        if (who == NO_INDEX && actor_holding(st, say) >= 0)
            who = say;              /* "ucapnya": the speaker is its clitic */
        if (!we)
            return who != NO_INDEX && governs(st, who, s) ? who : s;
        return who != NO_INDEX ? who : s;
    }
    return s;
}

/* The word before t, past punctuation: what a relative pronoun stands
** for when the tree lost it ("the PKK, which has fought ..."). */
static side word_before(const sent *st, uint32_t t, uint32_t v)
{
    while (t-- > 0)
        if (st->s->tokens[t].upos != WARTA_UPOS_PUNCT)
            return found(t, "antecedent", v);
    return none();
}

static bool relative_pronoun(const sent *st, uint32_t t)
{
    return (st->s->tokens[t].feats & WARTA_FEAT(PRONTYPE_REL)) != 0;
}

/* "Uganda, which Kenya accused of spying": the parser may make both the
** relative pronoun and the noun right after it subjects of the verb.  The
** noun is ("volunteers who, like X, have helped" is no such case); the
** pronoun, returned, is what the verb is done to.  NO_INDEX (and *noun
** NO_INDEX) if the parse is no such one. */
static uint32_t relative_read_as_subject(const sent *st, uint32_t v, uint32_t *noun)
{
    uint32_t rel = NO_INDEX;
    *noun = NO_INDEX;
    for (uint32_t c = st->kid[v]; c != NO_INDEX; c = st->sib[c])
        if (rel_is(st, c, "nsubj") && relative_pronoun(st, c))
            rel = c;
    for (uint32_t c = st->kid[v]; c != NO_INDEX && rel != NO_INDEX; c = st->sib[c])
        if (rel_is(st, c, "nsubj") && c != rel && phrase_first(st, c, 4) == rel + 1) {
            *noun = c;
            return rel;
        }
    /* "Kurds it had backed": a relative clause without its pronoun, the
    ** noun and the pronoun after it both made subjects; the pronoun is
    ** the subject, the noun what is done */
    for (uint32_t n = st->kid[v]; n != NO_INDEX && rel == NO_INDEX; n = st->sib[n]) {
        if (!rel_is(st, n, "nsubj") || !is_noun(st, n))
            continue;
        for (uint32_t p = st->kid[v]; p != NO_INDEX; p = st->sib[p])
            if (p > n && rel_is(st, p, "nsubj") &&
                st->s->tokens[p].upos == WARTA_UPOS_PRON && !relative_pronoun(st, p) &&
                (p == n + 1 || clause_under(st, p - 1, n))) {
                *noun = p;
                return n;
            }
    }
    return NO_INDEX;
}

static side subject_of(const sent *st, uint32_t v, int depth)
{
    uint32_t s;
    if (relative_read_as_subject(st, v, &s) == NO_INDEX)
        s = clause_child(st, v, "nsubj", false);
    if (s == NO_INDEX)
        s = clause_child(st, v, "csubj", false);
    if (s == NO_INDEX && depth < 3)     /* lent: "X is expected to meet" */
        s = clause_child(st, v, "nsubj:pass", false);
    if (s != NO_INDEX)
        s = speaker(st, v, s);
    if (s != NO_INDEX && !relative_pronoun(st, s))
        return found(s, "nsubj", v);
    if (s != NO_INDEX && !clause_rel(st, v, "acl"))
        return word_before(st, s, v);   /* a relative clause the parser
                                           did not hang from its noun */
    return borrowed_subject(st, v, depth);
}

/* A relative pronoun stands for the noun its clause hangs from: "Thailand,
** which Indonesia criticised". */
static uint32_t antecedent(const sent *st, uint32_t v, uint32_t t)
{
    if (!relative_pronoun(st, t))
        return t;
    uint32_t h = clause_parent(st, v);
    return clause_rel(st, v, "acl") && h != NO_INDEX ? h : NO_INDEX;
}

/* A target oblique hanging from a noun with no case word below the
** event noun w, depth levels down ("tarif impor sebesar 19 persen
** terhadap produk Indonesia": through what it is and how much). */
static uint32_t target_oblique_below(const sent *st, uint32_t w, bool hostile, int depth)
{
    for (uint32_t c = st->kid[w]; c != NO_INDEX && depth > 0; c = st->sib[c]) {
        if (!rel_is(st, c, "nmod") || clause_child(st, c, "case", false) != NO_INDEX)
            continue;
        uint32_t o = target_oblique(st, c, hostile);
        if (o == NO_INDEX)
            o = target_oblique_below(st, c, hostile, depth - 1);
        if (o != NO_INDEX && unit_in_phrase(st, o, 2) >= 0)
            return o;
    }
    return NO_INDEX;
}

/* The oblique that brings the target of the pack's verb phrase at v,
** hung from v or, naming an actor, from another word of the phrase
** ("memutuskan hubungan diplomatik dengan Israel": from "diplomatik"),
** or, v an event noun, below a noun of its phrase. */
static uint32_t phrase_target_oblique(const sent *st, uint32_t v, bool hostile)
{
    uint32_t to = target_oblique(st, v, hostile);
    if (to == NO_INDEX && is_noun(st, v))
        to = target_oblique_below(st, v, hostile, 3);
    for (size_t k = 0; k < st->m.n_found && to == NO_INDEX; k++) {
        const mention *mm = &st->m.found[k];
        if (mm->kind != ENTRY_VERB || v < mm->first || v >= mm->last)
            continue;
        for (uint32_t w = mm->first; w < mm->last && to == NO_INDEX; w++) {
            uint32_t o = w != v ? target_oblique(st, w, hostile) : NO_INDEX;
            if (o != NO_INDEX && unit_in_phrase(st, o, 2) >= 0)
                to = o;
        }
    }
    return to;
}

int clause_oblique_target(sent *st, uint32_t w)
{
    uint32_t o = target_oblique(st, w, false);
    return o != NO_INDEX ? unit_of_phrase(st, o, 3) : -1;
}

/* Is t a name warta does not know: someone a verb is done to, though no
** actor ("Warga melaporkan Budi ke polisi": Budi is reported, not the
** police)? */
static bool unknown_name(const sent *st, uint32_t t)
{
    return st->s->tokens[t].upos == WARTA_UPOS_PROPN && unit_in_phrase(st, t, 2) < 0;
}

static side object_of(const sent *st, uint32_t v, bool hostile)
{
    static const char *const rels[] = {"obj", "iobj"};
    uint32_t to = phrase_target_oblique(st, v, hostile);
    /* "discussed the possibility of X": what is talked about is no side,
    ** but one it is talked about with may hang from it ("membahas hubungan
    ** bilateral bersama X") */
    bool about = has_role(st, v, GRAMMAR_ABOUT);
    uint32_t topic = about ? clause_child(st, v, "obj", false) : NO_INDEX;
    uint32_t with = topic != NO_INDEX ? oblique(st, topic, GRAMMAR_WITH) : NO_INDEX;
    if (to == NO_INDEX && with != NO_INDEX && unit_in_phrase(st, with, 2) >= 0)
        return found(with, deprel(st, with), topic);
    for (size_t i = about ? ARRAY_LEN(rels) : 0; i < ARRAY_LEN(rels); i++) {
        uint32_t o = clause_child(st, v, rels[i], false);
        if (o == NO_INDEX || (o = antecedent(st, v, o)) == NO_INDEX ||
            (hostile && clause_ally_phrase(st, o)))
            continue;
        /* "menjatuhkan hukuman kepada terdakwa", "handed a sentence to
        ** X": an object that names what is done, and an actor it is
        ** done to; "deployed police officers to Haiti": an object that
        ** names no one's in particular, the means, and a named actor */
        int uo = unit_in_phrase(st, o, 2);
        int ut = to != NO_INDEX ? unit_in_phrase(st, to, 2) : -1;
        bool partner = to != NO_INDEX && clause_child_role(st, to, "case", GRAMMAR_WITH);
        if (ut >= 0 && ((uo < 0 && (partner || !unknown_name(st, o))) ||
                        (uo >= 0 && !actor_names(&st->units[uo]) &&
                         actor_names(&st->units[ut]))))
            break;
        return found(o, rels[i], v);
    }
    uint32_t noun, r = to == NO_INDEX ? relative_read_as_subject(st, v, &noun) : NO_INDEX;
    if (r != NO_INDEX && (r = antecedent(st, v, r)) != NO_INDEX)
        return found(r, "antecedent", v);
    if (to != NO_INDEX)
        return found(to, deprel(st, to), v);
    /* a name as a verb's complement ("attacked Ukraine" parsed as xcomp,
    ** the participle misread) is its object, and so is a role noun read
    ** as an adjective ("Polri menangkap teroris") */
    uint32_t o = clause_child(st, v, "xcomp", false);
    if (o != NO_INDEX && (st->s->tokens[o].upos == WARTA_UPOS_PROPN ||
                          (st->s->tokens[o].upos == WARTA_UPOS_ADJ && actor_holding(st, o) >= 0)))
        return found(o, "xcomp", v);
    return none();
}

/* What an event noun is done to, when it names no target: the phrase of
** its PATIENT case ("the withdrawal of US troops"). */
static side patient_of(const sent *st, uint32_t v)
{
    uint32_t o = is_noun(st, v) ? oblique(st, v, GRAMMAR_PATIENT) : NO_INDEX;
    return o != NO_INDEX ? found(o, deprel(st, o), v) : none();
}

bool clause_under(const sent *st, uint32_t t, uint32_t root)
{
    for (int steps = 0; t != NO_INDEX && steps < 64; steps++, t = clause_parent(st, t))
        if (t == root)
            return true;
    return false;
}

/* Do only "and" and articles stand between tokens a and b: "X and the Y"? */
static bool and_joined(const sent *st, uint32_t a, uint32_t b)
{
    bool and = false;
    for (uint32_t i = a; i < b; i++) {
        and |= has_role(st, i, GRAMMAR_AND);
        if (!has_role(st, i, GRAMMAR_AND) && !has_role(st, i, GRAMMAR_ARTICLE))
            return false;
    }
    return and;
}

/* "Talks between X and Y", "pembicaraan antara X dan Y": an event noun's
** BETWEEN phrase names both sides, its first two actors.  False when it
** names fewer than two. */
static bool between_sides(const sent *st, uint32_t v, side *src, side *tgt)
{
    if (!is_noun(st, v))
        return false;
    uint32_t o = oblique(st, v, GRAMMAR_BETWEEN);
    for (uint32_t c = st->kid[v]; c != NO_INDEX && o == NO_INDEX; c = st->sib[c])
        if (clause_rel(st, c, "acl") ||     /* "talks that started last year
                                               between X and Y" */
            st->s->tokens[c].upos == WARTA_UPOS_NUM)    /* "a call on 14
                                               December between X and Y",
                                               hung from the day */
            o = oblique(st, c, GRAMMAR_BETWEEN);
    if (o == NO_INDEX)
        return false;
    side *next = src;
    const unit *first = NULL;
    for (size_t k = 0; k < st->n_units && next; k++) {
        const unit *u = &st->units[k];
        uint32_t head = clause_head(st, u->first, u->last);
        bool compound = first && and_joined(st, first->last, u->first) && !u->unknown;
        if (!compound && (u->unknown || u->excluded || !clause_under(st, head, o) ||
                          clause_place(st, u)))     /* "... in Vienna" */
            continue;
        /* the second side is in the phrase, or joined to the first by
        ** "and" where the parser hung it elsewhere ("talks between the UK
        ** and the US governments" read as "talks ... and governments") */
        *next = found(head, compound && !clause_under(st, head, o) ? "and" : deprel(st, o), v);
        first = u;
        next = next == src ? tgt : NULL;
    }
    return next == NULL;
}

/* "condemned the execution of protesters by Iranian authorities": a BY
** phrase after the object t of an active verb, which the parser hung
** from the verb, says who did t (an active verb has no agent of its
** own); NO_INDEX when there is none. */
static uint32_t agent_hung_from_verb(const sent *st, uint32_t t)
{
    uint32_t h = clause_parent(st, t);
    if (h == NO_INDEX || !rel_is(st, t, "obj") || clause_passive(st, h))
        return NO_INDEX;
    return actor_oblique(st, h, GRAMMAR_BY, t + 1);
}

/* Whose an event noun is: its possessor ("Russia's attack"); its agent
** with a BY word, an actor ("the invasion of Iraq by the United States"),
** before a bare noun ("penembakan nelayan oleh kapal patroli Malaysia":
** the fishermen were shot), whether the parser hung it from the noun or
** from the verb above; else a noun after it with no case word that is
** an actor (Indonesian puts the owner there: "serangan Israel", Israel's
** attack; a noun that is none is what the act is done to or about:
** "penandatanganan nota kesepahaman", the signing of an MoU; "permintaan
** ekspor kopi Indonesia", the demand for Indonesian coffee). */
static uint32_t owner_of(const sent *st, uint32_t v)
{
    uint32_t o = clause_child(st, v, "nmod:poss", false);
    if (o == NO_INDEX)
        o = actor_oblique(st, v, GRAMMAR_BY, v + 1);
    if (o == NO_INDEX)
        o = agent_hung_from_verb(st, v);
    for (uint32_t c = st->kid[v]; c != NO_INDEX && o == NO_INDEX; c = st->sib[c])
        if (c > v && rel_is(st, c, "nmod") && actor_holding(st, c) >= 0 &&
            clause_child(st, c, "case", false) == NO_INDEX)
            o = c;
    return o;
}

/* The code of its own of the pack's verb at token t ("brokered": 045),
** or "" when it has none or only carries its object's ("launched an
** attack"). */
static const char *own_code_at(const sent *st, uint32_t t)
{
    for (size_t k = 0; k < st->m.n_found; k++) {
        const mention *mm = &st->m.found[k];
        if (mm->kind == ENTRY_VERB && mm->first == t &&
            dict_code_usable(verb_own(st->d, mm)->code))
            return verb_own(st->d, mm)->code;
    }
    return "";
}

static bool codes_alone(const sent *st, uint32_t t)
{
    return own_code_at(st, t)[0] != '\0';
}

/* Is t a verb of the pack that judges what its object did: endorses
** (CAMEO 051), disapproves (11) or rejects (12)?  "Turkey opposed an
** invitation", "condemned the attack": someone else's doing. */
static bool takes_stance(const sent *st, uint32_t t)
{
    const char *code = own_code_at(st, t);
    return strncmp(code, "11", 2) == 0 || strncmp(code, "12", 2) == 0 ||
           strncmp(code, "14", 2) == 0 || strcmp(code, "051") == 0;
}

/* ... or one that arranges it ("sponsored the talks"), unless the event
** noun names a partner of the arranger's ("convened a meeting with X"),
** or fears or believes it ("Kenya fears an attack"): the event noun it
** takes is no act of its subject's. */
static bool judges_or_arranges(const sent *st, uint32_t t, uint32_t noun)
{
    return takes_stance(st, t) ||
           (has_role(st, t, GRAMMAR_BELIEVE) && is_verb(st, t)) ||
           (has_role(st, t, GRAMMAR_ARRANGE) && oblique(st, noun, GRAMMAR_WITH) == NO_INDEX);
}

/* Is t an event noun of a hostile act (CAMEO 13 to 20) by its own code? */
static bool hostile_noun(const sent *st, uint32_t t)
{
    const char *code = own_code_at(st, t);
    int root = code[0] && code[1] ? (code[0] - '0') * 10 + (code[1] - '0') : 0;
    return is_noun(st, t) && root >= 13 && root <= 20;
}

/* A participle or passive relative clause that describes the event noun
** v ("sanctions imposed on Russia", "serangan yang dilancarkan Israel"):
** part of its phrase, not a clause of its own.  Not a verb that codes
** alone: "talks brokered by X" are no talks of X's. */
static uint32_t participle_of(const sent *st, uint32_t v)
{
    for (uint32_t c = st->kid[v]; c != NO_INDEX; c = st->sib[c])
        if (is_verb(st, c) && !codes_alone(st, c) &&
            ((rel_is(st, c, "acl") && (st->s->tokens[c].feats & WARTA_FEAT(VERBFORM_PART))) ||
             (rel_is(st, c, "acl:relcl") && clause_child(st, c, "nsubj:pass", false) != NO_INDEX)))
            return c;
    return NO_INDEX;
}

/* The agent of a passive v: "by Y", "oleh Y", or Indonesian's bare
** noun after the verb ("dikecam warga", "dilancarkan Israel"). */
static uint32_t agent_of(const sent *st, uint32_t v)
{
    uint32_t a = clause_child(st, v, "obl:agent", false);
    bool cased = a != NO_INDEX && clause_child(st, a, "case", false) != NO_INDEX;
    if (cased && !clause_child_role(st, a, "case", GRAMMAR_BY))
        a = NO_INDEX;   /* "charged with being a member of a terrorist
                           organisation": the charge, however parsed */
    if (a != NO_INDEX && !cased && phrase_first(st, a, 4) != v + 1)
        a = NO_INDEX;   /* a bare agent follows its verb ("dikecam warga");
                           not "were bombed on Monday, some of them" */
    if (a == NO_INDEX)
        a = oblique(st, v, GRAMMAR_BY);
    uint32_t next = v + 1;
    if (a == NO_INDEX && next < st->s->n_tokens && clause_parent(st, next) == v &&
        (rel_is(st, next, "obj") || rel_is(st, next, "obl")) &&
        clause_child(st, next, "case", false) == NO_INDEX &&
        unit_in_phrase(st, next, 2) >= 0)
        a = next;       /* not what is given: "dijatuhi sanksi" */
    return a != NO_INDEX ? a : oblique_below(st, v, GRAMMAR_BY, 4);
}

/* The agent of p when it is a passive participle or relative clause,
** or NO_INDEX. */
static uint32_t agent_of_participle(const sent *st, uint32_t p)
{
    bool passive = (st->s->tokens[p].feats & WARTA_FEAT(VOICE_PASS)) ||
                   clause_child(st, p, "nsubj:pass", false) != NO_INDEX;
    return passive ? agent_of(st, p) : NO_INDEX;
}

/* A target n that names no actor but what one did is that actor: the
** agent of a participle or passive relative clause describing it
** ("criticised the decision taken by the government", "mengapresiasi
** putusan yang dijatuhkan oleh Majelis Hakim"), or the subject of an
** active one ("rejected five names that De Mistura wanted to add") that
** names it.  Else the side stays as it was. */
static side doer_of(const sent *st, uint32_t n, side was)
{
    uint32_t p = participle_of(st, n);
    uint32_t by = p != NO_INDEX ? agent_of_participle(st, p) : NO_INDEX;
    if (by != NO_INDEX && unit_in_phrase(st, by, 2) >= 0)
        return found(by, deprel(st, by), p);
    for (uint32_t c = st->kid[n]; c != NO_INDEX; c = st->sib[c]) {
        if (!rel_is(st, c, "acl:relcl") || !is_verb(st, c))
            continue;
        for (uint32_t s = st->kid[c]; s != NO_INDEX; s = st->sib[s])
            if (rel_is(st, s, "nsubj") && st->s->tokens[s].upos != WARTA_UPOS_PRON &&
                unit_in_phrase(st, s, 2) >= 0)
                return found(s, "nsubj", c);    /* a name: not "which", nor
                                                   "he", a guess */
    }
    return was;
}

/* The last verb of the pack's phrase that v begins, when the parser made
** it a clause of v's ("went to see": "see" an adverbial clause of
** "went"), or NO_INDEX. */
static uint32_t phrase_verb(const sent *st, uint32_t v)
{
    const mention *mm = verb_mention_at(st, v);
    uint32_t end = mm && mm->first == v ? mm->last : v + 1;  /* past the
                                       pack's phrase v begins */
    uint32_t last = NO_INDEX;
    for (uint32_t t = v + 1; t < end && t < v + 4; t++)
        if (is_verb(st, t) && clause_parent(st, t) == v)
            last = t;
    return last;
}

/* v's complement with no subject of its own: its xcomp, or a ccomp the
** parser gave none and no negation ("China mengancam akan menjatuhkan
** sanksi kepada AS": what is threatened is done to the US; not "berharap
** tak lagi meminta anggaran ke Presiden"); NO_INDEX if none. */
static uint32_t controlled_complement(const sent *st, uint32_t v)
{
    uint32_t x = clause_child(st, v, "xcomp", false);
    for (uint32_t c = st->kid[v]; c != NO_INDEX && x == NO_INDEX; c = st->sib[c])
        if (rel_is(st, c, "ccomp") && clause_child(st, c, "nsubj", true) == NO_INDEX &&
            clause_child(st, c, "csubj", true) == NO_INDEX &&
            !clause_child_role(st, c, NULL, GRAMMAR_NOT))
            x = c;
    return x;
}

/* The subject of the condition a hostile act is made on, a clause marked
** by an IF word below v, however the parser hung it (but as what is said
** or asked): "warned that it will retaliate if Uganda attacks": Uganda,
** whom the threat is made to.  NO_INDEX if none. */
static uint32_t condition_subject(const sent *st, uint32_t v, int depth)
{
    for (uint32_t c = st->kid[v]; c != NO_INDEX; c = st->sib[c]) {
        if (clause_child_role(st, c, "mark", GRAMMAR_IF) && !clause_rel(st, c, "ccomp") &&
            !clause_rel(st, c, "csubj")) {   /* not "asked whether X ..." */
            uint32_t s = clause_child(st, c, "nsubj", true);
            if (s != NO_INDEX && unit_in_phrase(st, s, 2) >= 0)
                return s;
        }
        uint32_t s = depth > 0 ? condition_subject(st, c, depth - 1) : NO_INDEX;
        if (s != NO_INDEX)
            return s;
    }
    return NO_INDEX;
}

/* The clause a charge or a demand tells of its target, whose subject
** the target is: "alleged that X recruited", "demanded that X withdraw",
** "the demand that X withdraw" (a noun's clause), "mendesak agar X
** menghentikan" (a purpose clause); not a question ("asked whether X
** would ...").  NO_INDEX if none. */
static uint32_t charged_clause(const sent *st, uint32_t v)
{
    bool ask = has_role(st, v, GRAMMAR_ASK);
    if (!ask && !has_role(st, v, GRAMMAR_ACCUSE))
        return NO_INDEX;
    uint32_t c = clause_said(st, v);
    for (uint32_t k = st->kid[v]; k != NO_INDEX && c == NO_INDEX; k = st->sib[k])
        if ((ask && clause_rel(st, k, "advcl") &&
             clause_child_role(st, k, "mark", GRAMMAR_PURPOSE)) ||
            (is_noun(st, v) && rel_is(st, k, "acl")))
            c = k;
    return c != NO_INDEX && clause_child_role(st, c, "mark", GRAMMAR_IF) ? NO_INDEX : c;
}

/* Is t a pronoun that stands for no actor found? */
static bool unknown_pronoun(const sent *st, uint32_t t)
{
    return st->s->tokens[t].upos == WARTA_UPOS_PRON && actor_holding(st, t) < 0;
}

/* The verb that a meeting, talks or a call with no partner or owner of
** its own is the setting of: an oblique of it ("told Y at a meeting",
** "over the course of a meeting"), or NO_INDEX.  Who meets there is who
** the verb joins, its subject and its object.  Not a meeting told
** before ("at the meeting", "after a meeting"), nor one a thing is seen
** as ("as the start of a negotiation"). */
static uint32_t meeting_setting(const sent *st, uint32_t v)
{
    if (!is_noun(st, v) || !consultation_at(st, v) ||
        target_oblique(st, v, false) != NO_INDEX || owner_of(st, v) != NO_INDEX)
        return NO_INDEX;
    uint32_t det = clause_child(st, v, "det", false);
    if (det != NO_INDEX && !has_role(st, det, GRAMMAR_INDEFINITE))
        return NO_INDEX;
    uint32_t t = v, h = clause_parent(st, v);
    if (h != NO_INDEX && is_noun(st, h) && clause_rel(st, t, "nmod") &&
        unit_in_phrase(st, h, 1) < 0) {
        t = h;                          /* "the course of a meeting" */
        h = clause_parent(st, h);
    }
    if (clause_child_role(st, t, "case", GRAMMAR_AFTER) ||
        clause_child_role(st, t, "case", GRAMMAR_CAPACITY))
        return NO_INDEX;
    return h != NO_INDEX && is_verb(st, h) && clause_rel(st, t, "obl") ? h : NO_INDEX;
}

/* The phrase that says what v's object, an actor the dictionaries do not
** know, is named as (the pack's CAPACITY words: "menetapkan Lisa
** sebagai tersangka", "named him as a suspect"), when it names an actor;
** else NO_INDEX. */
static uint32_t object_named_as(const sent *st, uint32_t v, side object)
{
    if (object.token == NO_INDEX || !clause_rel(st, object.token, "obj") ||
        st->s->tokens[object.token].upos == WARTA_UPOS_PRON ||   /* "it" is
                                                   one said before */
        unit_in_phrase(st, object.token, 2) >= 0)
        return NO_INDEX;
    uint32_t as = oblique(st, v, GRAMMAR_CAPACITY);
    return as != NO_INDEX && unit_in_phrase(st, as, 1) >= 0 ? as : NO_INDEX;
}

/* The sides of an active verb or event noun v. */
static void active_sides(const sent *st, uint32_t v, bool hostile, side *src,
                         side *tgt)
{
    *src = subject_of(st, v, 3);
    if (src->token != NO_INDEX && is_noun(st, src->token) && verb_at(st, src->token) &&
        unit_in_phrase(st, src->token, 3) < 0)
        *src = doer_of(st, src->token, *src);   /* "an attack carried out by
                                       X killed ...": X did it */
    uint32_t by = is_noun(st, v) && src->token == NO_INDEX ? oblique(st, v, GRAMMAR_BY)
                                                           : NO_INDEX;
    if (by != NO_INDEX)
        *src = found(by, deprel(st, by), v);    /* "attacks against X by a
                                       group of fanatics": theirs, whoever
                                       they are */
    uint32_t owner = is_noun(st, v) ? owner_of(st, v) : NO_INDEX;
    if (owner != NO_INDEX && !unknown_pronoun(st, owner))
        *src = found(owner, deprel(st, owner), v);  /* "Russia's attack",
                                       "serangan Israel"; "its" of no actor
                                       named before is the subject's:
                                       "Kenya renewed its criticism of X" */
    *tgt = object_of(st, v, hostile);
    if (tgt->token == NO_INDEX)
        *tgt = patient_of(st, v);
    uint32_t as = object_named_as(st, v, *tgt);
    if (as != NO_INDEX)
        *tgt = found(as, deprel(st, as), v);    /* "menetapkan Lisa sebagai
                                       tersangka": a suspect named */
    uint32_t x = is_verb(st, v) && !has_role(st, v, GRAMMAR_ABOUT)  /* "discussed
                                       attacking X": no partner */
                     ? controlled_complement(st, v) : NO_INDEX;
    if (tgt->token == NO_INDEX && x != NO_INDEX &&
        (is_verb(st, x) || clause_child(st, x, "obj", false) != NO_INDEX))
        *tgt = object_of(st, x, hostile);   /* "threatened to attack X": X;
                                               "menembak mati X", the parser
                                               making X the object of "mati" */
    uint32_t last = is_verb(st, v) ? phrase_verb(st, v) : NO_INDEX;
    if (tgt->token == NO_INDEX && last != NO_INDEX)
        *tgt = object_of(st, last, hostile);    /* "went to see X": X */
    uint32_t c = charged_clause(st, v);
    uint32_t s = c != NO_INDEX ? clause_child(st, c, "nsubj", false) : NO_INDEX;
    if (tgt->token == NO_INDEX && s != NO_INDEX)
        *tgt = found(s, "nsubj", c);
    if (tgt->token == NO_INDEX && is_noun(st, v) && !clause_rel(st, v, "nsubj")) {
        uint32_t h = clause_parent(st, v);  /* "held talks with X"; not
                                       what the noun as subject does: "the
                                       Turkish attack led the militia, in
                                       the fight against Isis, to ..." */
        if (h != NO_INDEX && is_verb(st, h)) {
            uint32_t o = target_oblique(st, h, hostile);
            if (o != NO_INDEX)
                *tgt = found(o, deprel(st, o), h);
        }
    }
    uint32_t h = tgt->token == NO_INDEX ? meeting_setting(st, v) : NO_INDEX;
    if (h != NO_INDEX)
        *tgt = object_of(st, h, false); /* "rebuffed Y's arguments over the
                                       course of a meeting": met Y */
    uint32_t p = is_noun(st, v) ? participle_of(st, v) : NO_INDEX;
    uint32_t o = p != NO_INDEX ? target_oblique(st, p, hostile) : NO_INDEX;
    if (tgt->token == NO_INDEX && o != NO_INDEX)
        *tgt = found(o, deprel(st, o), p);  /* "sanctions imposed on X" */
    uint32_t a = p != NO_INDEX ? agent_of_participle(st, p) : NO_INDEX;
    if (owner == NO_INDEX && a != NO_INDEX)
        *src = found(a, deprel(st, a), p);  /* "... imposed by Y",
                                               "... dilancarkan Israel" */
    if (tgt->token != NO_INDEX && is_noun(st, tgt->token) &&
        unit_in_phrase(st, tgt->token, 2) < 0)
        *tgt = doer_of(st, tgt->token, *tgt);
    bool no_one = tgt->token == NO_INDEX || unit_in_phrase(st, tgt->token, 2) < 0;
    uint32_t cs = no_one && hostile && is_verb(st, v) ? condition_subject(st, v, 4)
                                                      : NO_INDEX;
    if (cs != NO_INDEX)
        *tgt = found(cs, "nsubj", clause_parent(st, cs));
}

/* The sides of a passive: the subject is the target, the agent the source
** (Indonesian may give the agent as the object: "dikecam warga"). */
static void passive_sides(const sent *st, uint32_t v, side *src, side *tgt)
{
    uint32_t t = clause_child(st, v, "nsubj:pass", false);
    if (t == NO_INDEX)
        t = clause_child(st, v, "nsubj", false);
    *tgt = t != NO_INDEX ? found(t, deprel(st, t), v) : borrowed_subject(st, v, 3);
    uint32_t a = agent_of(st, v);
    /* a thing done, not someone it is done to: "US sanctions were imposed
    ** (lifted) on Iran" is the US acting on Iran, as "the US imposed
    ** sanctions on Iran"; its agent, else the actor its phrase names, acts */
    uint32_t to = t != NO_INDEX && actor_holding(st, t) < 0 && !unknown_name(st, t)
                      ? target_oblique(st, v, false) : NO_INDEX;
    /* (the oblique before the agent: "dihadiri X, Direktur Jenderal ...
    ** pada Kementerian Dalam Negeri" is the director general's ministry) */
    if (to != NO_INDEX && unit_in_phrase(st, to, 2) >= 0 && (a == NO_INDEX || to < a)) {
        *tgt = found(to, deprel(st, to), v);
        *src = a != NO_INDEX ? found(a, deprel(st, a), v) : found(t, deprel(st, t), v);
        return;
    }
    if (a == NO_INDEX)
        a = clause_child(st, v, "obj", false);
    *src = a != NO_INDEX ? found(a, deprel(st, a), v) : none();
}

/* "Withdrew its troops from Syria", "sent soldiers to Mali": forces of
** no country named, or of the source's own, are what the verb moves, not
** whom it is done to; the country of a place oblique of the verb is. */
static bool own_forces(const unit *t, const char *home)
{
    return strncmp(t->sector, "MIL", 3) == 0 &&
           (!t->country[0] || !home[0] || strcmp(t->country, home) == 0);
}

/* A place phrase among h's children (obliques of a verb, nmod of a noun)
** naming a country other than home: a country alone, not some body of it
** ("the withdrawal of US forces in Syria": Syria, not US forces). */
static side place_of_other(const sent *st, uint32_t h, const char *home)
{
    for (uint32_t c = st->kid[h]; c != NO_INDEX; c = st->sib[c]) {
        bool place = is_noun(st, h) ? clause_rel(st, c, "nmod") : clause_rel(st, c, "obl");
        if (!place || clause_rel(st, c, "obl:tmod") || clause_rel(st, c, "obl:agent") ||
            clause_rel(st, c, "nmod:poss") || clause_rel(st, c, "nmod:tmod"))
            continue;
        int u = unit_in_phrase(st, c, 2);
        const unit *p = u >= 0 ? &st->units[u] : NULL;
        if (p && p->country[0] && !p->sector[0] && strcmp(p->country, home) != 0)
            return found(c, deprel(st, c), h);
    }
    return none();
}

/* Where the forces f that verb v moves go or leave: a place of the verb
** ("withdrew troops from Syria") or of the forces ("US troops in Syria"),
** in another country than the source's, home. */
static side place_target(const sent *st, uint32_t v, uint32_t f, const char *home)
{
    side s = place_of_other(st, v, home);
    /* "pulled its troops out of Syria": the place hangs from the particle */
    for (uint32_t c = st->kid[v]; c != NO_INDEX && s.token == NO_INDEX; c = st->sib[c])
        if (clause_rel(st, c, "compound") ||
            (clause_rel(st, c, "advmod") && st->s->tokens[c].upos == WARTA_UPOS_ADP))
            s = place_of_other(st, c, home);
    return s.token != NO_INDEX ? s : place_of_other(st, f, home);
}

static const char *describe(warta_doc *doc, const sent *st, side s)
{
    if (s.token == NO_INDEX)
        return "";
    const warta_token *w = &st->s->tokens[s.of];
    char buf[96];
    snprintf(buf, sizeof buf, "%s of '%.*s'", s.rel, (int)(w->text.n < 40 ? w->text.n : 40),
             w->text.p);
    return arena_strndup(&doc->arena, buf, strlen(buf));
}

/* Is unit u, found in the subject phrase t, only where the subject is,
** or whom it is done to: "Sistem pemilu distrik di Filipina mendorong
** ...", "the system in the Philippines encourages ..." (a LOCATIVE phrase
** of a head that is no actor), "the attack on Somalia killed ...", "the
** envoy to Kenya said ..." (a TO phrase)?  Where an actor is stays its
** own: "officials in Washington". */
static bool only_where_or_whom(const sent *st, uint32_t t, int u)
{
    if (u < 0 || actor_holding(st, t) >= 0)
        return false;
    uint32_t h = clause_head(st, st->units[u].first, st->units[u].last);
    for (uint32_t c = st->kid[t]; c != NO_INDEX; c = st->sib[c])
        if (clause_rel(st, c, "nmod") && (clause_child_role(st, c, "case", GRAMMAR_LOCATIVE) ||
                                          clause_child_role(st, c, "case", GRAMMAR_TO)) &&
            clause_under(st, h, c))
            return true;
    return false;
}

/* Does unit u name a place ("in central Iraq", "di Jakarta"), its head's
** case a LOCATIVE word, however the parser hung the phrase? */
bool clause_place(const sent *st, const unit *u)
{
    uint32_t h = clause_head(st, u->first, u->last);
    for (int steps = 0; steps < 4 && h != NO_INDEX && clause_rel(st, h, "flat") &&
                        clause_parent(st, h) + 1 == h; steps++)
        h = clause_parent(st, h);   /* "di Kantor Kemlu": the name's head's
                                       (not across a comma: "Di Prancis,
                                       Emmanuel Macron ...") */
    return h != NO_INDEX && clause_child_role(st, h, "case", GRAMMAR_LOCATIVE);
}

/* Who did the hostile act t that a verb judges: its owner ("Uganda's
** attack", "the Ugandan attack"), or the agent of a clause describing
** it; never the one it was done to ("condemned the attack on the Kenyan
** embassy" condemns no Kenyan).  No side when t names no doer. */
static side judged_doer(const sent *st, uint32_t t)
{
    uint32_t by = actor_oblique(st, t, GRAMMAR_BY, 0);
    if (by != NO_INDEX)
        return found(by, deprel(st, by), t);    /* "the attack by X";
                                                   "penembakan nelayan oleh
                                                   X": the bare noun is whom
                                                   it hit */
    uint32_t o = owner_of(st, t);
    if (o != NO_INDEX && unit_in_phrase(st, o, 1) >= 0)
        return found(o, deprel(st, o), t);
    static const char *const names[] = {"amod", "compound"};
    for (size_t r = 0; r < ARRAY_LEN(names); r++)
        for (uint32_t c = st->kid[t]; c != NO_INDEX; c = st->sib[c])
            if (rel_is(st, c, names[r]) && unit_in_phrase(st, c, 1) >= 0)
                return found(c, names[r], t);
    return doer_of(st, t, none());
}

/* The target of the event noun v whose doer is the phrase owner, when
** v has none of its own: a TO phrase the parser hung from the doer's
** phrase, the noun next to it ("serangan oleh Uganda terhadap Somalia",
** "Iran's attack on Israel"); with the doer a BY phrase, a bare noun of
** v's before it ("penembakan nelayan oleh kapal patroli Malaysia": the
** fishermen were shot). */
static side target_of_owner(const sent *st, uint32_t v, uint32_t owner)
{
    uint32_t to = actor_oblique(st, owner, GRAMMAR_TO, owner + 1);
    if (to != NO_INDEX)
        return found(to, "nmod", v);
    if (!clause_child_role(st, owner, "case", GRAMMAR_BY))
        return none();
    for (uint32_t c = st->kid[v]; c != NO_INDEX && c < owner; c = st->sib[c])
        if (c > v && rel_is(st, c, "nmod") && clause_child(st, c, "case", false) == NO_INDEX &&
            actor_holding(st, c) >= 0)
            return found(c, "nmod", v);
    return none();
}

void clause_sides(warta_doc *doc, sent *st, uint32_t v, bool hostile, clause_args *out)
{
    side src, tgt;
    bool passive = clause_passive(st, v);
    out->mutual = between_sides(st, v, &src, &tgt);
    if (!out->mutual && passive)
        passive_sides(st, v, &src, &tgt);
    else if (!out->mutual)
        active_sides(st, v, hostile, &src, &tgt);
    if (tgt.token != NO_INDEX && takes_stance(st, v) && hostile_noun(st, tgt.token))
        tgt = judged_doer(st, tgt.token);
    if (tgt.token == NO_INDEX && src.token != NO_INDEX && src.of == v && is_noun(st, v))
        tgt = target_of_owner(st, v, src.token);
    /* a passive needs no agent; an active verb has a subject */
    out->source_phrase = src.token != NO_INDEX || passive;
    out->source = src.token == NO_INDEX ? -1 : unit_of_phrase(st, src.token, 3);
    if (strcmp(src.rel, "nsubj") == 0 && only_where_or_whom(st, src.token, out->source))
        out->source = -1;
    out->target = tgt.token == NO_INDEX ? -1 : unit_of_phrase(st, tgt.token, 3);
    uint32_t owner = out->target < 0 && tgt.token != NO_INDEX && is_noun(st, tgt.token)
                         ? agent_hung_from_verb(st, tgt.token) : NO_INDEX;
    if (owner != NO_INDEX && !passive) {    /* "condemned allegations by X" */
        tgt = found(owner, deprel(st, owner), v);
        out->target = unit_of_phrase(st, owner, 3);
    }
    const char *home = out->source >= 0 ? st->units[out->source].country : "";
    out->own_forces = out->target >= 0 && own_forces(&st->units[out->target], home);
    side place = out->own_forces ? place_target(st, tgt.of, tgt.token, home) : none();
    out->place = place.token == NO_INDEX ? -1 : unit_of_phrase(st, place.token, 3);
    /* borrowed from the clause above, however far up: "the number of
    ** refugees doubled amid the bombardment of hospitals" */
    out->from_adjunct = src.token != NO_INDEX && adjunct(st, v) && src.of != v;
    out->source_how = out->source >= 0 ? describe(doc, st, src) : "";
    out->target_how = out->target >= 0 ? describe(doc, st, tgt) : "";
    out->place_how = out->place >= 0 ? describe(doc, st, place) : "";
}

/* Is t a duration of years: "for more than 40 years", "selama 10 tahun"? */
static bool years_long(const sent *st, uint32_t t)
{
    return has_role(st, t, GRAMMAR_YEARS) && clause_child_role(st, t, "case", GRAMMAR_SPAN);
}

bool clause_background(const sent *st, uint32_t v, bool penalty)
{
    if ((clause_rel(st, v, "acl") || clause_rel(st, v, "advcl:relcl")) &&
        clause_child_role(st, v, "aux", GRAMMAR_PERFECT))
        return true;
    /* "NGOs supporting US agencies", "forces backing Assad": a gerund
    ** that describes an actor says what the actor is, as a relative
    ** clause in the perfect does ("a letter urging May" is the letter's
    ** appeal) */
    uint32_t noun = clause_parent(st, v);
    if (rel_is(st, v, "acl") && clause_ing_form(st, v) && noun != NO_INDEX &&
        unit_in_phrase(st, noun, 1) >= 0 && clause_child(st, v, "aux", false) == NO_INDEX)
        return true;
    for (uint32_t c = st->kid[v]; c != NO_INDEX && !penalty; c = st->sib[c])
        if (clause_rel(st, c, "obl") && years_long(st, c))
            return true;
    return false;
}

/* The noun a unit's phrase names: its head, or the noun a modifier of it
** modifies ("Turkish" in "the Turkish leader": leader). */
static uint32_t named_noun(const sent *st, const unit *u)
{
    uint32_t h = clause_head(st, u->first, u->last);
    uint32_t up = clause_parent(st, h);
    return up != NO_INDEX && country_modifier(st, h) && u->last <= up ? up : h;
}

/* Is one of words a and b an apposition of the other? */
static bool apposition(const sent *st, uint32_t a, uint32_t b)
{
    return (clause_parent(st, b) == a && clause_rel(st, b, "appos")) ||
           (clause_parent(st, a) == b && clause_rel(st, a, "appos"));
}

bool clause_apposed(const sent *st, const unit *a, const unit *b)
{
    return st->parsed && apposition(st, named_noun(st, a), named_noun(st, b));
}

bool clause_one_entity(const sent *st, const unit *a, const unit *b)
{
    return st->parsed && apposition(st, clause_head(st, a->first, a->last),
                                    clause_head(st, b->first, b->last));
}

bool clause_holds(const sent *st, uint32_t v, uint32_t t)
{
    for (int steps = 0; t != NO_INDEX && steps < 64; steps++) {
        if (t == v)
            return true;
        if (clause_starts(st, t))
            return false;
        t = clause_parent(st, t);
    }
    return false;
}
