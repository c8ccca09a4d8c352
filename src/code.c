/*
** code.c -- stage "code": events from the phrases match.c found and the
** actors actor.c made of them.
**
** Each verb, unless negated or used as a noun, takes the code of its most
** specific pattern that holds (or its own), the nearest actor before it as
** source and the first after it as target -- swapped for the passive, or
** bound by the pattern's $ and + -- and gives one event per member of the
** source and target compounds (and the reverse event of an [A:B] code).
** Reported speech codes what is said.  Hands on: doc->events.
*/
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "coder.h"

/* ---- verbs and patterns ----------------------------------------------------------- */

/* How far an unjoined pattern element may be from the one before it. */
#define PATTERN_GAP 6

typedef struct binding {
    int source, target;             /* unit index, -1 when unbound */
    int compound;                   /* '%': a compound acting on itself */
    bool compound_after;            /* ... or, after the verb, the targets */
    uint32_t verb_end;
    uint32_t words[8];              /* where the pattern's words matched */
    uint32_t n_words;
} binding;

/* A binding of nothing yet, the verb ending at verb_end. */
static binding unbound(uint32_t verb_end)
{
    return (binding){.source = -1, .target = -1, .compound = -1, .verb_end = verb_end};
}

static void bind_word(binding *b, uint32_t j)
{
    if (b->n_words < ARRAY_LEN(b->words))
        b->words[b->n_words++] = j;
}

/* Is token t one of the words the pattern matched? */
static bool bound_word(const binding *b, uint32_t t)
{
    for (uint32_t k = 0; k < b->n_words; k++)
        if (b->words[k] == t)
            return true;
    return false;
}

/* Where element pe ends when it starts at token j, or NO_INDEX; binds
** the actor slots. */
static uint32_t elem_end(const sent *st, const pat_elem *pe, uint32_t j,
                         binding *b)
{
    int u;
    switch (pe->kind) {
    case PAT_WORD:
        if (!match_word(&st->m, j, pe->value))
            return NO_INDEX;
        bind_word(b, j);
        return j + 1;
    case PAT_SYNSET: {
        uint32_t end = match_synset(st->d, &st->m, pe->value, j);
        if (end != NO_INDEX)
            bind_word(b, j);
        return end;
    }
    case PAT_COMPOUND:
        if ((u = actor_at(st, j)) < 0 || actor_group_size(st, st->units[u].group) < 2)
            return NO_INDEX;
        b->compound = u;
        b->compound_after = j >= b->verb_end;
        uint32_t end = st->units[u].last;
        for (size_t k = (size_t)u; k < st->n_units &&
                                   st->units[k].group == st->units[u].group; k++)
            end = st->units[k].last;     /* the compound's last member */
        return end;
    case PAT_SKIP:              /* a noun phrase: articles, then an actor
                                   or a word */
        while (j + 1 < st->s->n_tokens && has_role(st, j, GRAMMAR_ARTICLE))
            j++;
        u = actor_at(st, j);
        return u >= 0 ? st->units[u].last : j + 1;
    case PAT_SOURCE:
    case PAT_TARGET:
        if ((u = actor_at(st, j)) < 0)
            return NO_INDEX;
        if (pe->kind == PAT_SOURCE)
            b->source = u;
        else
            b->target = u;
        return st->units[u].last;
    default:
        return NO_INDEX;
    }
}

/* Is token t set aside from the words a pattern counts: a punctuation
** mark, a word of an apposition ("menetapkan Direktur Utama PT X,
** Siman Bahar (SB), sebagai tersangka": the name and its short form
** stand apart), or a name's word after its first (a name counts as one
** word: "memeriksa mantan Menteri Agama Yaqut Cholil Qoumas sebagai
** saksi")? */
static bool set_aside(const sent *st, uint32_t t)
{
    if (st->s->tokens[t].upos == WARTA_UPOS_PUNCT || clause_rel(st, t, "flat"))
        return true;
    for (size_t k = 0; k < st->n_units; k++)
        if (t > st->units[k].first && t < st->units[k].last)
            return true;
    for (int steps = 0; t != NO_INDEX && steps < 4 && !clause_starts(st, t); steps++) {
        if (clause_rel(st, t, "appos"))
            return true;
        t = clause_parent(st, t);
    }
    return false;
}

/* Does pattern p hold around the verb at tokens [vf, vl)?  After the verb
** each element starts where the one before ended (joined, '_') or up to
** PATTERN_GAP words later; before the verb the same, read backwards.  On
** the tree (in_tree) any number of words may come before the verb (its
** subject's phrase: "the agreement on the committee's formation was
** reached"), the words being in its clause instead (words_in_clause);
** after it the gap stays, for "* WITH +" is the verb's own "with", but
** punctuation and appositions do not count in it (set_aside). */
static bool pattern_holds(const sent *st, const pattern *p, uint32_t vf,
                          uint32_t vl, bool in_tree, binding *b)
{
    const pat_elem *el = &st->d->elems[p->first_elem];
    uint32_t n = (uint32_t)st->s->n_tokens;
    uint32_t star = 0;
    while (star < p->n_elems && el[star].kind != PAT_VERB)
        star++;
    *b = unbound(vl);
    uint32_t at = vl;
    /* TABARI's patterns (coder.cp checkPattern) skip any number of words:
    ** after the verb to the end of its clause, before it to the start */
    bool tabari = p->verb != NO_INDEX && st->d->verbs[p->verb].tabari;
    uint32_t max_gap = tabari ? n : PATTERN_GAP;
    uint32_t back_gap = tabari || in_tree ? n : PATTERN_GAP;
    for (uint32_t j = vl; tabari && j < n; j++)
        if (tabari_clause_break(st, j)) {
            n = j;
            break;
        }
    for (uint32_t k = star + 1; k < p->n_elems; k++) {
        uint32_t tries = el[k].joined ? 1 : max_gap + 1, end = NO_INDEX;
        for (uint32_t j = at; j < n && tries > 0 && end == NO_INDEX; j++) {
            end = elem_end(st, &el[k], j, b);
            tries -= !(in_tree && !el[k].joined && set_aside(st, j));
        }
        if (end == NO_INDEX)
            return false;
        at = end;
    }
    uint32_t next = vf;                 /* where the element after k starts */
    for (uint32_t k = star; k-- > 0;) {
        bool joined = el[k + 1].joined;
        uint32_t reach = joined ? 8 : back_gap + 8;
        uint32_t found = NO_INDEX;
        for (uint32_t j = next; j-- > 0 && j + reach >= next && found == NO_INDEX;) {
            binding tmp = *b;
            uint32_t end = elem_end(st, &el[k], j, &tmp);
            if (end != NO_INDEX && end <= next &&
                (joined ? end == next : end + back_gap >= next)) {
                found = j;
                *b = tmp;
            }
        }
        if (found == NO_INDEX)
            return false;
        next = found;
    }
    return true;
}

/* Are all the pattern's words somewhere in the sentence?  Most patterns
** of a verb fail this cheap test. */
static bool words_present(const sent *st, const pattern *p)
{
    if (p->anchor != NO_INDEX && !match_present(&st->m, p->anchor))
        return false;
    const pat_elem *el = &st->d->elems[p->first_elem];
    for (uint32_t k = 0; k < p->n_elems; k++) {
        if (el[k].kind == PAT_WORD && !match_present(&st->m, el[k].value >> 1))
            return false;
        if (el[k].kind == PAT_SYNSET &&
            !match_synset_possible(st->d, &st->m, el[k].value))
            return false;
    }
    return true;
}

/* The block whose patterns the verb v reads, and the one whose code it
** has when no pattern holds. */
static const verb_block *verb_group(const warta_dict *d, const mention *v,
                                    const verb_block **own)
{
    *own = verb_own(d, v);
    return &d->verbs[d->verbs[v->block].patterns_of];
}

/* Could the verb v code anything: has it a code of its own, or a pattern
** with one whose words are all in the sentence?  (A sentence with no such
** verb is not parsed.) */
static bool could_code(const sent *st, const mention *v)
{
    const warta_dict *d = st->d;
    const verb_block *own;
    const verb_block *group = verb_group(d, v, &own);
    if (dict_code_usable(own->code) || dict_code_usable(own->reverse))
        return true;
    for (uint32_t k = 0; k < group->n_patterns; k++) {
        const pattern *p = &d->patterns[group->first_pattern + k];
        if (p->codes && (dict_code_usable(p->code) || dict_code_usable(p->reverse)) &&
            words_present(st, p))
            return true;
    }
    return false;
}

/* The code of a verb: its most specific pattern that holds, or its own;
** *reverse gets the code of the target's event back, if any. */
static bool tree_reads(const sent *st, const mention *v);

/* Is w, a "to be" infinitive the parser hung from the trigger's object
** as a clause of its own, what the trigger says that object is
** ("considers the YPG to be affiliated with the PKK": UD's xcomp of
** "considers"; not "welcomed Trump's move to reimpose sanctions")? */
static bool object_predicate(const sent *st, uint32_t w, uint32_t up, uint32_t verb)
{
    return up != NO_INDEX && strcmp(st->s->tokens[w].deprel, "acl") == 0 &&
           clause_rel(st, up, "obj") && clause_parent(st, up) == verb &&
           clause_child_role(st, w, "mark", GRAMMAR_PURPOSE) &&
           (clause_child_role(st, w, "aux", GRAMMAR_BE) ||
            clause_child_role(st, w, "cop", GRAMMAR_BE));
}

/* Is w the trigger's own: in its clause or a complement it governs
** ("asked Washington to hand over its bases", "mendesak X untuk
** membebaskan"), not in a relative, adverbial or parenthetical clause
** below it, nor in a phrase of when it was done ("rebuffed X during a
** meeting" rejects no meeting)? */
static bool governed_by(const sent *st, uint32_t verb, uint32_t w)
{
    uint32_t from = NO_INDEX;   /* the word below w on the way up */
    uint32_t word = w;
    for (int steps = 0; w != NO_INDEX && steps < 64; steps++) {
        if (w == verb)
            return true;
        if (clause_child_role(st, w, "case", GRAMMAR_TIME))
            return false;
        uint32_t up = clause_parent(st, w);
        /* the pattern's word opens a clause of the trigger's that the
        ** parser made adverbial: "sepakat bahwa ..." is "agreed that" */
        bool opened = from == word && clause_rel(st, from, "mark") && up == verb;
        bool complement = clause_rel(st, w, "xcomp") || clause_rel(st, w, "ccomp") ||
                          (clause_rel(st, w, "advcl") && up != NO_INDEX &&
                           (has_role(st, up, GRAMMAR_ASK) || opened)) ||
                          object_predicate(st, w, up, verb);
        if (clause_starts(st, w) && !complement)
            return false;
        if (clause_rel(st, w, "ccomp") && up == verb && !has_role(st, verb, GRAMMAR_ASK) &&
            from != NO_INDEX && !clause_rel(st, from, "nsubj") && !clause_rel(st, from, "mark") &&
            clause_child(st, w, "nsubj", false) != NO_INDEX)
            return false;       /* "agreed that Somalia had violated the
                                   ceasefire": in a clause with a subject
                                   of its own, what is done is another act
                                   than the trigger's; its "that" and what
                                   it is about, its subject, may be the
                                   trigger's ("agreed that a ceasefire
                                   would start", "warned that an operation
                                   is near"), and one asked for is the
                                   request's ("meminta agar X ...") */
        from = w;
        w = up;
    }
    return false;
}

/* Is the pattern's word w, below the trigger, the act of an actor other
** than the trigger's subject: owned by one ("Russia's support"), or
** modified by one's adjective ("Russian support")? */
static bool owned_by_another(const sent *st, uint32_t w, uint32_t verb)
{
    if (w == verb)
        return false;
    if (clause_owned_by_other(st, w, verb))
        return true;
    uint32_t s = clause_child(st, verb, "nsubj", false);
    int subject = s != NO_INDEX ? actor_holding(st, s) : -1;
    for (uint32_t c = st->kid[w]; c != NO_INDEX; c = st->sib[c]) {
        int u = clause_rel(st, c, "amod") ? actor_holding(st, c) : -1;
        if (u >= 0 && u != subject)
            return true;
    }
    return false;
}

/* On the tree, a pattern's words are the trigger's own (governed_by), or
** words just above it ("agreed to sign"), as near as PATTERN_GAP allows:
** "welcomes the mission, which is due to start" holds no "welcome X to". */
static bool words_in_clause(const sent *st, const mention *v, const binding *b)
{
    if (!st->parsed || !tree_reads(st, v))
        return true;
    uint32_t verb = clause_head(st, v->first, v->last);
    for (uint32_t k = 0; k < b->n_words; k++) {
        uint32_t w = b->words[k], up = verb, below = verb;
        bool own_subject = false;   /* a clause of its own on the way up */
        for (int steps = 0; up != NO_INDEX && up != w && steps < 3; steps++) {
            own_subject |= clause_child(st, up, "nsubj", true) != NO_INDEX;
            up = clause_parent(st, below = up);
        }
        /* nor one with a subject of its own: "much was agreed when Trump
        ** met Putin" is no "agreed to meet" */
        if (up == w && own_subject)
            return false;
        /* a verb conjoined to the word is no object of it: "criticised
        ** Uganda and attacked Somalia" */
        if (up == w && clause_rel(st, below, "conj"))
            return false;
        /* a word above stands near, as in the shallow reading: "called
        ** for more dialogue with Russia in a phone call" is a call */
        if (up == w && (w + PATTERN_GAP + 1 < v->first || v->last + PATTERN_GAP < w))
            return false;
        if (up != w && !governed_by(st, verb, w))
            return false;
        int u = actor_holding(st, w);
        if (w > 0 && u >= 0 && !st->units[u].agent_led &&
            token_starts_upper(&st->s->tokens[w]))
            return false;       /* a word of a name: "berkoordinasi dengan
                                   Komisi Informasi Pusat" shares no
                                   "- * INFORMASI" (an office's words do:
                                   "Duta Besar Uganda dipanggil") */
        if (b->target >= 0 && owned_by_another(st, w, verb))
            return false;       /* a pattern naming the target names it in
                                   the subject's own act: "expressed
                                   disappointment with Russian support for
                                   Assad" is no support for Assad */
    }
    return true;
}

/* The noun a quantity word stands for ("few of the preconditions":
** preconditions), or t itself. */
static uint32_t quantified(const sent *st, uint32_t t)
{
    uint8_t up = st->s->tokens[t].upos;
    if (up == WARTA_UPOS_NOUN || up == WARTA_UPOS_PROPN)
        return t;
    uint32_t n = clause_child(st, t, "nmod", false);
    return n != NO_INDEX && clause_child_role(st, n, "case", GRAMMAR_OF) ? n : t;
}

/* The passive subject a pattern "* W" of the verb at token v, one verb
** and one word, holds on ("US sanctions were lifted" as "lifted
** sanctions"), or NO_INDEX. */
static uint32_t passive_object(const sent *st, const pattern *p, uint32_t v, binding *b)
{
    const pat_elem *el = &st->d->elems[p->first_elem];
    if (p->n_elems != 2 || el[0].kind != PAT_VERB ||
        (el[1].kind != PAT_WORD && el[1].kind != PAT_SYNSET))
        return NO_INDEX;
    uint32_t subject = clause_child(st, v, "nsubj:pass", false);
    if (subject == NO_INDEX)
        return NO_INDEX;
    subject = quantified(st, subject);
    *b = unbound(v + 1);
    return elem_end(st, &el[1], subject, b) != NO_INDEX ? subject : NO_INDEX;
}

/* Does a verb at token v code, by a pattern of its own, the passive
** subject it has ("were lifted": 085)? */
static bool codes_its_subject(const sent *st, uint32_t v)
{
    for (size_t k = 0; k < st->m.n_found; k++) {
        const mention *mm = &st->m.found[k];
        if (mm->kind != ENTRY_VERB || clause_head(st, mm->first, mm->last) != v)
            continue;
        const verb_block *own;
        const verb_block *group = verb_group(st->d, mm, &own);
        for (uint32_t j = 0; j < group->n_patterns; j++) {
            const pattern *p = &st->d->patterns[group->first_pattern + j];
            binding b;
            if (dict_code_usable(p->code) && passive_object(st, p, v, &b) != NO_INDEX)
                return true;
        }
    }
    return false;
}

/* On the tree a pattern of the verb and one word holds across a passive
** too: "* &SANCTIONS" on the verb's passive subject ("US sanctions were
** lifted on Iran" as "lifted sanctions"), and an event noun's "&GOVERN *"
** on the verb it is the passive subject of, when that verb codes it ("the
** sanctions were lifted": the noun codes nothing of its own; not "a summit
** ... was called a last chance"). */
static bool passive_pattern_holds(const sent *st, const pattern *p, const mention *v,
                                  binding *b)
{
    const pat_elem *el = &st->d->elems[p->first_elem];
    uint32_t trigger = clause_head(st, v->first, v->last);
    if (passive_object(st, p, trigger, b) != NO_INDEX)
        return true;
    if (p->n_elems != 2 || el[1].kind != PAT_VERB ||
        (el[0].kind != PAT_WORD && el[0].kind != PAT_SYNSET) ||
        !clause_rel(st, trigger, "nsubj:pass"))
        return false;
    uint32_t verb = clause_parent(st, trigger);
    *b = unbound(v->last);
    return verb != NO_INDEX && elem_end(st, &el[0], verb, b) != NO_INDEX &&
           codes_its_subject(st, verb);
}

/* Is the pattern word key one of the pack's THAT words ("that",
** "bahwa")? */
static bool complementizer(const warta_dict *d, uint32_t key)
{
    for (size_t i = 0; i < d->n_that_words; i++)
        if (d->that_words[i] == key >> 1)
            return true;
    return false;
}

/* On the tree, a pattern "- * THAT" holds for a clause the trigger tells
** without its "that": a complement with a subject of its own and no word
** to open it ("the two leaders agreed the regime had violated the deal"
** is accord, as "agreed that" is). */
static bool unmarked_that_holds(const sent *st, const pattern *p, const mention *v,
                                binding *b)
{
    const pat_elem *el = &st->d->elems[p->first_elem];
    if (p->n_elems != 2 || el[0].kind != PAT_VERB || el[1].kind != PAT_WORD ||
        !complementizer(st->d, el[1].value))
        return false;
    uint32_t verb = clause_head(st, v->first, v->last);
    for (uint32_t c = st->kid[verb]; c != NO_INDEX; c = st->sib[c])
        if (c > verb && clause_rel(st, c, "ccomp") &&
            clause_child(st, c, "nsubj", true) != NO_INDEX &&
            clause_child(st, c, "mark", false) == NO_INDEX) {
            *b = unbound(v->last);
            return true;
        }
    return false;
}

/* On the tree, a [---] pattern that holds only by an appeal governing the
** verb ("- &INTENTGOV * [---]" in "urged Uganda to meet Somalia") does not
** silence it: the tree tells it as requested, which --mode all writes and
** the default leaves out (the appeal is the event). */
static bool silenced_by_appeal(const sent *st, const mention *v, const pattern *p,
                               const binding *b)
{
    if (p->code[0] || p->reverse[0] || b->n_words == 0)
        return false;
    uint32_t verb = clause_head(st, v->first, v->last), up = clause_parent(st, verb);
    if (!(clause_rel(st, verb, "xcomp") || clause_rel(st, verb, "ccomp") ||
          clause_rel(st, verb, "advcl")))
        return false;
    if (up == NO_INDEX || !has_role(st, up, GRAMMAR_ASK))
        return false;
    for (uint32_t k = 0; k < b->n_words; k++) {
        uint32_t w = b->words[k];   /* the appeal's words: "called on" */
        if (w < up || w > up + 2)
            return false;
        for (uint32_t i = up + 1; i <= w; i++)
            if (!has_role(st, i, GRAMMAR_ASK))
                return false;
    }
    return true;
}

static const char *verb_code(const sent *st, const mention *v, binding *b,
                             src_pos *rule, const char **reverse,
                             bool *pre_words, uint8_t *rank, bool *mutual)
{
    *pre_words = false;
    const warta_dict *d = st->d;
    const verb_block *own;
    const verb_block *group = verb_group(d, v, &own);
    const char *code = own->code;
    *reverse = own->reverse;
    /* the verb's own act goes both ways ("MEET [040:040]"), whatever its
    ** pattern says ("WILL * [036]") */
    *mutual = own->code[0] && strcmp(own->code, own->reverse) == 0;
    *rank = own->rank;
    uint32_t best = 0;
    bool in_tree = st->parsed && tree_reads(st, v);
    *rule = v->where;
    *b = unbound(v->last);
    for (uint32_t k = 0; k < group->n_patterns; k++) {
        const pattern *p = &d->patterns[group->first_pattern + k];
        binding pb;
        if (!p->codes || p->weight <= best)
            continue;
        bool present = words_present(st, p);
        if (((present && pattern_holds(st, p, v->first, v->last, in_tree, &pb) &&
              words_in_clause(st, v, &pb)) ||
             (in_tree && present && passive_pattern_holds(st, p, v, &pb)) ||
             (in_tree && unmarked_that_holds(st, p, v, &pb))) &&
            !(in_tree && silenced_by_appeal(st, v, p, &pb))) {
            best = p->weight;
            code = p->code;
            *reverse = p->reverse;
            *rank = p->rank;
            *pre_words = d->elems[p->first_elem].kind != PAT_VERB;
            *rule = p->where;
            *b = pb;
        }
    }
    return code;
}

static bool negated(const sent *st, const mention *v)
{
    for (uint32_t k = v->first; k > 0 && k + NEAR >= v->first; k--)
        if (has_role(st, k - 1, GRAMMAR_NOT))
            return true;
    return false;
}

/* Passive: "was criticised by", "dikecam oleh".  *by gets the token after
** the agent marker, or NO_INDEX. */
static bool passive(const sent *st, const mention *v, uint32_t *by)
{
    bool be = v->first > 0 && (has_role(st, v->first - 1, GRAMMAR_BE) ||
                               (v->first > 1 && has_role(st, v->first - 2, GRAMMAR_BE)));
    const warta_token *t = &st->s->tokens[v->first];
    bool prefix = st->d->passive_prefixes >> t->prefix & 1;
    *by = NO_INDEX;
    for (uint32_t k = v->last; k < st->s->n_tokens && k <= v->last + NEAR; k++)
        if (has_role(st, k, GRAMMAR_BY)) {
            *by = k + 1;
            break;
        }
    return prefix || (be && *by != NO_INDEX);
}

/* ---- events ------------------------------------------------------------------------ */

/* An event dated this many days or more before its article is history. */
#define HISTORY_DAYS 30

/* The last day of the period a date names: a month's, a year's. */
static int32_t period_end(int32_t day, uint8_t precision)
{
    int y, m, d;
    date_to_civil(day, &y, &m, &d);
    if (precision == WARTA_DATE_YEAR)
        return date_from_civil(y, 12, 31);
    if (precision == WARTA_DATE_MONTH)
        return m == 12 ? date_from_civil(y, 12, 31)
                       : date_from_civil(y, m + 1, 1) - 1;
    return day;
}

/* "'31 Februari' is not a date", for --explain. */
static const char *impossible_note(warta_doc *doc, const sent *st,
                                   const date_mention *dm)
{
    const warta_token *a = &st->s->tokens[dm->first];
    const warta_token *z = &st->s->tokens[dm->last - 1];
    char buf[160];
    snprintf(buf, sizeof buf, "'%.*s' is not a date: not used",
             (int)(z->text.p + z->text.n - a->text.p), a->text.p);
    return arena_strndup(&doc->arena, buf, strlen(buf));
}

/* Is a date the verb's?  It is when it hangs from the verb through at most
** two words ("pada hari Senin", "the talks on 5 August") and not through
** its subject.  A date deeper in a noun phrase is part of a name or title
** ("UU Nomor 20 Tahun 2001"), and one in another verb's clause is that
** verb's, but for a verb conjoined to it ("Pada 1961, para pemimpin
** berkumpul dan mendeklarasikan ..."); a date the parser hung elsewhere
** (from a noun at the root, from punctuation) is still the sentence's, as
** by position. */
/* The verb whose date verb shares, or NO_INDEX: a verb conjoined to a
** dated one, a clause of what happened no later than it ("attacked Y in
** 2011 after X criticised Y"), the open complement of a verb ("last year
** the militants began firing missiles"), and an event noun that is the
** object of one ("announced sanctions against X in 2015") or a plain
** oblique telling how it was done ("spoke to X by telephone on Monday";
** not obl:tmod, obl:agent). */
static uint32_t date_host(const sent *st, uint32_t verb)
{
    uint32_t up = clause_parent(st, verb);
    bool shares = clause_rel(st, verb, "conj") || clause_rel(st, verb, "xcomp") ||
                  (clause_rel(st, verb, "advcl") &&
                   clause_child_role(st, verb, "mark", GRAMMAR_AFTER)) ||
                  (st->s->tokens[verb].upos == WARTA_UPOS_NOUN &&
                   (clause_rel(st, verb, "obj") || strcmp(st->s->tokens[verb].deprel, "obl") == 0));
    return up != NO_INDEX && shares && st->s->tokens[up].upos == WARTA_UPOS_VERB ? up
                                                                                 : NO_INDEX;
}

/* Is the date headed by t a modifier of the word it hangs from, as a
** number or adjective ("the 1997 treaty", "Pemilu 2024")? */
static bool attributive(const sent *st, uint32_t t)
{
    return clause_rel(st, t, "nummod") || clause_rel(st, t, "amod") ||
           clause_rel(st, t, "compound");
}

/* Is a year the name of a thing, not the verb's time: a modifier of a
** noun ("breaching the 1997 treaty", "supportive of the 2015 deal") that
** is no time of its own ("in the 2003 invasion", "pada Pilpres 2024": an
** oblique, not one of "of") nor what the verb tells of ("Bush's 2003
** decision to invade Iraq")?  t heads the date dm. */
static bool year_of_a_thing(const sent *st, uint32_t t, const date_mention *dm, uint32_t verb)
{
    uint32_t h = clause_parent(st, t);
    if (dm->precision != WARTA_DATE_YEAR || h == NO_INDEX || h == verb ||
        (st->s->tokens[h].upos != WARTA_UPOS_NOUN && st->s->tokens[h].upos != WARTA_UPOS_PROPN) ||
        !attributive(st, t))
        return false;
    bool time = strncmp(st->s->tokens[h].deprel, "obl", 3) == 0 &&
                !clause_child_role(st, h, "case", GRAMMAR_PATIENT);
    return !time && !clause_under(st, verb, h);
}

static bool dates_clause(const sent *st, uint32_t verb, const date_mention *dm, bool own)
{
    uint32_t host = date_host(st, verb);
    if (host != NO_INDEX && dates_clause(st, host, dm, own))
        return true;
    uint32_t t = clause_head(st, dm->first, dm->last);
    /* "in 2014 the volunteers were expelled": a date with its own case
    ** word is no number of the noun the parser hung it from */
    uint32_t before = dm->first > 0 ? dm->first - 1 : dm->first;
    bool misread = ((st->s->tokens[dm->first].upos == WARTA_UPOS_ADP ||
                     st->s->tokens[before].upos == WARTA_UPOS_ADP) &&
                    attributive(st, t)) ||
                   clause_rel(st, t, "appos");  /* "X, Senin (20/10/2025),
                                       mengecam": set off after the subject */
    if (!misread && year_of_a_thing(st, t, dm, verb))
        return false;
    int nominal = 0;
    for (int hops = 0; t != NO_INDEX && hops < 64; hops++) {
        uint32_t h = clause_parent(st, t);
        if (hops > 0 && own && clause_starts(st, t))
            break;                      /* "called on X to provide answers
                                           next week": the answers' date */
        if (h == verb && hops < 3)
            return misread ||
                   (!clause_rel(st, t, "nsubj") && !clause_rel(st, t, "csubj"));
        if (clause_starts(st, t))
            break;
        nominal += clause_rel(st, t, "nmod") || clause_rel(st, t, "compound") ||
                   clause_rel(st, t, "flat") || clause_rel(st, t, "appos");
        t = h;
    }
    if (nominal >= 2)
        return false;                   /* in a name */
    uint8_t up = t == NO_INDEX ? WARTA_UPOS_NONE : st->s->tokens[t].upos;
    return up != WARTA_UPOS_VERB && up != WARTA_UPOS_AUX;
}

/* Is c a WHEN word that opens its clause ("when", "saat")? */
static bool when_word(const sent *st, uint32_t c)
{
    return has_role(st, c, GRAMMAR_WHEN) &&
           (clause_rel(st, c, "mark") || clause_rel(st, c, "advmod"));
}

/* "in 2003, when Turkey refused ...", "pada 1998, ketika ...": a clause
** opened by a WHEN word right after a date (a comma between) is of that
** date, wherever the parser hung it; so is what shares the clause's date
** ("a year ago, when Trump ordered a missile strike").  NULL when there
** is none. */
static const date_mention *date_before_when(const sent *st, uint32_t verb)
{
    uint32_t host = date_host(st, verb);
    if (host != NO_INDEX)
        verb = host;
    for (uint32_t c = st->kid[verb]; c != NO_INDEX; c = st->sib[c]) {
        if (!when_word(st, c))
            continue;
        for (size_t i = 0; i < st->n_dates; i++) {
            const date_mention *dm = &st->dates[i];
            if (dm->last == c || (dm->last + 1 == c && token_is_mark(st, dm->last, ',')))
                return dm;
        }
    }
    return NULL;
}

/* "When the US ceased arming the rebels in March 1975, Talabani fled":
** a verb with no date of its own is of the date its WHEN clause names,
** and so is what shares its date.  NULL when there is none. */
static const date_mention *date_of_when_clause(const sent *st, uint32_t verb)
{
    uint32_t host = date_host(st, verb);
    if (host != NO_INDEX)
        verb = host;
    for (uint32_t c = st->kid[verb]; c != NO_INDEX; c = st->sib[c]) {
        bool opened = false;
        for (uint32_t w = st->kid[c]; w != NO_INDEX; w = st->sib[w])
            opened |= when_word(st, w);
        if (!clause_rel(st, c, "advcl") || !opened)
            continue;
        for (size_t i = 0; i < st->n_dates; i++)
            if (!st->dates[i].impossible && dates_clause(st, c, &st->dates[i], false))
                return &st->dates[i];
    }
    return NULL;
}

/* The date an event's sentence names for it: the one nearest to its verb
** ("Pada tanggal 7 Agustus, ... mengadakan") -- with the tree, a date of
** the verb's own clause (with own, not one of a clause below it either)
** -- or NULL.  An impossible date ("31 Februari") is passed over, and
** told in *bad. */
static const date_mention *date_of_event(const sent *st, const mention *v,
                                         uint32_t verb, bool own,
                                         const date_mention **bad)
{
    const date_mention *best = NULL;
    uint32_t best_gap = UINT32_MAX;
    *bad = NULL;
    for (size_t i = 0; i < st->n_dates; i++) {
        const date_mention *dm = &st->dates[i];
        if (verb != NO_INDEX && !dates_clause(st, verb, dm, own))
            continue;
        uint32_t gap = dm->last <= v->first ? v->first - dm->last
                       : dm->first >= v->last ? dm->first - v->last : 0;
        if (dm->impossible)
            *bad = dm;
        else if (gap < best_gap) {
            best = dm;
            best_gap = gap;
        }
    }
    const date_mention *when = verb != NO_INDEX && st->parsed ? date_before_when(st, verb) : NULL;
    if (when && !when->impossible)
        best = when;
    if (!best && verb != NO_INDEX && st->parsed)
        best = date_of_when_clause(st, verb);
    return best;
}

/* Is the event told as done dated after its article by a date of its
** own clause ("talks in Vienna on Thursday and Friday next week"; not
** "called on X to answer next week")?  Then it is to come. */
static bool dated_ahead(const warta_doc *doc, const sent *st, const mention *v,
                        uint32_t verb)
{
    const date_mention *bad;
    const date_mention *best = date_of_event(st, v, verb, true, &bad);
    int32_t article;
    return best && parse_day(doc->meta.date, &article) && best->day > article;
}

/* When the event happened: the date of date_of_event, else the article's
** day. */
static void event_date(warta_doc *doc, const sent *st, const mention *v,
                       uint32_t verb, const char *code, warta_event *e)
{
    const date_mention *bad;
    const date_mention *best = date_of_event(st, v, verb, false, &bad);
    if (bad)
        e->date_note = impossible_note(doc, st, bad);
    int32_t article;
    const char *d = doc->meta.date;
    bool known = parse_day(d, &article);
    if (known)
        memcpy(e->article_date, d, 11);
    /* "will visit on Monday": the Monday to come */
    bool ahead = best && e->mode == WARTA_MODE_FUTURE && verb != NO_INDEX &&
                 mode_future_told(st, verb);
    int32_t day = !best ? article : ahead ? best->ahead : best->day;
    if (!best && !known)
        return;                     /* undated: never a guess */
    int y, m, dd;
    date_to_civil(day, &y, &m, &dd);
    snprintf(e->date, sizeof e->date, "%04d-%02d-%02d", y, m, dd);
    e->date_precision = best ? best->precision : WARTA_DATE_DAY;
    if (known && best)
        e->historical = period_end(day, e->date_precision) + HISTORY_DAYS < article;
    /* a coercion's years are its penalty, not a background: "jailed for
    ** ten years" */
    bool penalty = strncmp(code, "17", 2) == 0;
    if (known && verb != NO_INDEX && st->parsed && clause_background(st, verb, penalty))
        e->historical = true;
}

/* The place named after the locative word at token i ("di Jeddah", "in
** Kyiv"): up to three capitalised words, longest first, a place in the
** country prefer preferred. */
static bool place_after(const gazetteer *g, const sent *st, uint32_t i,
                        const char *prefer, warta_place *p)
{
    uint32_t n = (uint32_t)st->s->n_tokens, k = i + 1;
    while (k < n && k < i + 4 && token_starts_upper(&st->s->tokens[k]))
        k++;
    for (uint32_t end = k; end > i + 1; end--) {
        const warta_token *a = &st->s->tokens[i + 1];
        const warta_token *z = &st->s->tokens[end - 1];
        if (place_lookup(g, a->text.p, (size_t)(z->text.p + z->text.n - a->text.p),
                         prefer, p))
            return true;
    }
    return false;
}

/* The locative word of unit u's place: inside it ("polisi di Sydney",
** which the unit spans as "the mayor of Bogor") or right after it; or
** NO_INDEX. */
static uint32_t locative_of(const sent *st, const unit *u)
{
    for (uint32_t i = u->first + 1; i <= u->last; i++)
        if (has_role(st, i, GRAMMAR_LOCATIVE))
            return i;
    return NO_INDEX;
}

/* "The court in the town of Kilis", "polisi di Sydney": police and courts
** of no country with a place of the gazetteer (after a locative word, and
** "the town of") are that place's country's, since they serve where they
** are.  Not others: "troops in Syria" are mostly another country's, "the
** opposition in Vienna" there for talks. */
static void actors_placed(warta_ctx *ctx, sent *st)
{
    uint32_t n = (uint32_t)st->s->n_tokens;
    for (size_t k = 0; k < st->n_units; k++) {
        unit *u = &st->units[k];
        if (u->country[0] || strncmp(u->code, "---", 3) != 0 ||
            (strncmp(u->sector, "COP", 3) != 0 && strncmp(u->sector, "JUD", 3) != 0))
            continue;
        uint32_t at = locative_of(st, u);
        const gazetteer *g = at != NO_INDEX ? place_gazetteer(ctx) : NULL;
        if (!g)
            continue;
        for (uint32_t i = at + 1;
             i < n && i < at + 5 && !token_starts_upper(&st->s->tokens[i]); i++)
            if (has_role(st, i, GRAMMAR_OF)) {
                at = i;             /* "in the town of" */
                break;
            }
        warta_place p;
        if (!place_after(g, st, at, NULL, &p) || strlen(p.country) != 3)
            continue;
        char code[40];
        snprintf(code, sizeof code, "%s%s", p.country, u->code + 3);
        snprintf(u->code, sizeof u->code, "%.31s", code);
        memcpy(u->country, p.country, 4);
    }
}

/* Where the event happened: the place after a locative word nearest the
** verb, a place in the target's country preferred. */
static void event_place(warta_ctx *ctx, const sent *st, const mention *v,
                        warta_event *e)
{
    const gazetteer *g = place_gazetteer(ctx);
    if (!g)
        return;
    uint32_t n = (uint32_t)st->s->n_tokens, best_gap = UINT32_MAX;
    const char *prefer = e->target.country[0] ? e->target.country : NULL;
    for (uint32_t i = 0; i + 1 < n; i++) {
        if (!has_role(st, i, GRAMMAR_LOCATIVE))
            continue;
        uint32_t gap = i >= v->last ? i - v->last : v->first - i;
        warta_place p;
        if (gap < best_gap && place_after(g, st, i, prefer, &p)) {
            e->place = p;
            best_gap = gap;
        }
    }
}

/* The same event from two verbs of one sentence ("bombing and shelling")
** is one event; told in another mode it is another ("met to discuss X,
** negotiated a deal": an aim, then what was done). */
static bool already_coded(const warta_doc *doc, size_t sentence,
                          const char *src, const char *tgt, const char *code,
                          warta_mode mode)
{
    for (size_t i = doc->n_events; i-- > 0 && doc->events[i].sentence == sentence;) {
        const warta_event *e = &doc->events[i];
        if (strcmp(e->source.code, src) == 0 && strcmp(e->target.code, tgt) == 0 &&
            strcmp(e->code, code) == 0 && e->mode == mode)
            return true;
    }
    return false;
}

/* What the tree says of an event beyond its actors. */
typedef struct reading {
    uint32_t verb;                  /* the clause's head token, or NO_INDEX
                                       when coded by word position */
    warta_mode mode;
    const char *source_how, *target_how;
    bool mutual;                    /* each side acts on the other */
    bool own_forces;                /* the target is the source's forces */
    int place;                      /* where they go or leave, or -1 */
    const char *place_how;
    bool from_adjunct;              /* the source is that of the clause the
                                       event noun is an adjunct of */
    bool apart;                     /* a companion is no target: a conflict,
                                       a visit */
} reading;

static const reading by_position = {NO_INDEX, WARTA_MODE_ASSERTED, "", "", false,
                                    false, -1, "", false, false};

static bool content_word(const sent *st, uint32_t t)
{
    uint8_t up = st->s->tokens[t].upos;
    return up == WARTA_UPOS_NOUN || up == WARTA_UPOS_ADJ || up == WARTA_UPOS_VERB ||
           up == WARTA_UPOS_ADV;
}

/* Is unit i a category whose members stand in its compound ("some
** governments, including Kenya and Uganda")?  Then they are the side. */
static bool stands_for_members(const sent *st, size_t i)
{
    if (!st->units[i].category)
        return false;
    for (size_t k = 0; k < st->n_units; k++)
        if (k != i && st->units[k].group == st->units[i].group && !st->units[k].excluded)
            return true;
    return false;
}

/* Is unit i a bare country that an apposition names better: "the Turkish
** leader, Recep Tayyip Erdoğan" is TURGOV, one actor, not TUR as well? */
static bool named_better(const sent *st, size_t i)
{
    const unit *u = &st->units[i];
    if (!st->parsed || strlen(u->code) != 3)
        return false;
    for (size_t k = 0; k < st->n_units; k++) {
        const unit *w = &st->units[k];
        if (k != i && w->group == u->group && !w->excluded && strlen(w->code) > 3 &&
            strncmp(w->code, u->code, 3) == 0 && clause_apposed(st, u, w))
            return true;
    }
    return false;
}

/* Is u led by an agent that names an actor only with a country, and
** named none ("world leaders")? */
static bool countryless(const unit *u)
{
    return u->needs_country && !u->country[0];
}

/* Does no unit of u's compound name an actor (each led by an agent that
** is one only with a country, with none named: "embassies", "world
** leaders")? */
static bool names_no_one(const sent *st, int u)
{
    for (size_t i = 0; i < st->n_units; i++)
        if (st->units[i].group == st->units[u].group && !countryless(&st->units[i]))
            return false;
    return true;
}

/* A person: an entry with dated codes, or an office and its holder. */
static bool one_person(const unit *u)
{
    return u->person || u->holder_last > u->holder_first;
}

/* The code of an event between a and b: force one person uses on another
** is words ("Erdoğan and Putin clashed", "Trump attacked Obama"), a
** criticism (111); else code. */
static const char *between_people(const unit *a, const unit *b, const char *code)
{
    return strncmp(code, "19", 2) == 0 && one_person(a) && one_person(b) ? "111" : code;
}

static warta_status emit(warta_ctx *ctx, warta_doc *doc, sent *st, int src,
                         int tgt, const char *code, src_pos rule,
                         const mention *v, const reading *r)
{
    for (size_t i = 0; i < st->n_units; i++) {
        unit s = st->units[i];
        if (s.group != st->units[src].group || s.excluded || stands_for_members(st, i) ||
            named_better(st, i) || countryless(&s))
            continue;
        for (size_t j = 0; j < st->n_units; j++) {
            unit t = st->units[j];
            if (t.group != st->units[tgt].group || t.excluded || stands_for_members(st, j) ||
                named_better(st, j) || countryless(&t) ||
                (r->apart && (int)j != tgt &&
                 clause_ally_phrase(st, clause_head(st, t.first, t.last))))
                continue;
            actor_counterpart_sector(&t, &s);
            actor_counterpart_sector(&s, &t);
            actor_domestic_country(&t, &s);
            actor_domestic_country(&s, &t);
            if (i == j || (strcmp(s.code, t.code) == 0 &&
                           (r->verb == NO_INDEX || r->mutual ||
                            (s.where == t.where && !s.agent_led) ||
                            (s.first == t.first && s.last == t.last))) ||
                clause_one_entity(st, &s, &t))
                continue;           /* one actor, read twice or named twice
                                       ("a meeting between the regime and
                                       the regime", "aduan yang diterima
                                       Komnas HAM" in Komnas HAM's words) */
            if (actor_same_country(&s, &t) ||
                (s.group == t.group && (s.lent_country || t.lent_country)))
                continue;           /* a country and its own government;
                                       "Syrian fighters and officials",
                                       one side */
            st->last_pair[0] = s;
            st->last_pair[1] = t;
            st->last_source_group = s.group;
            st->had_event = true;
            const char *pair_code = between_people(&s, &t, code);
            if (already_coded(doc, st->s->index, s.code, t.code, pair_code, r->mode))
                continue;
            warta_event *e = ARENA_PUSH(&doc->arena, doc->events,
                                        doc->n_events, doc->cap_events);
            if (!e)
                return ctx_error(ctx, WARTA_ENOMEM, "out of memory in coding");
            memset(e, 0, sizeof *e);
            e->sentence = st->s->index;
            e->mode = (uint8_t)r->mode;
            e->source_how = r->source_how;
            e->target_how = r->target_how;
            event_date(doc, st, v, r->verb, pair_code, e);
            event_place(ctx, st, v, e);
            actor_fill(doc, st, &s, &e->source);
            actor_fill(doc, st, &t, &e->target);
            snprintf(e->code, sizeof e->code, "%s", pair_code);
            snprintf(e->root, sizeof e->root, "%.2s", pair_code);
            const cameo_code *cc = cameo_lookup(pair_code, strlen(pair_code));
            e->label = cc ? cc->label : "";
            e->goldstein = cc ? cc->goldstein : 0;
            e->quad_class = cc ? cc->quad_class : 0;
            e->plover_type = cc ? cc->plover_type : "";
            e->plover_mode = cc ? cc->plover_mode : "";
            const warta_token *vf = &st->s->tokens[v->first];
            const warta_token *vl = &st->s->tokens[v->last - 1];
            e->verb = (warta_slice){vf->text.p, (size_t)(vl->text.p + vl->text.n -
                                                         vf->text.p)};
            e->verb_start = vf->start;
            e->verb_end = vl->end;
            e->rule = actor_where_text(doc, st->d, rule);
        }
    }
    return WARTA_OK;
}

/* Does the unit start a clause of its own: "..., a senior official
** said"?  A SAY word follows it, or a comma stands between it and the
** verb and a verb follows it. */
static bool starts_clause(const sent *st, const mention *v, const unit *u)
{
    /* "... in which Arnor spokesmen said": a speaker, comma or not (one
    ** plain word may stand between) */
    uint32_t n = (uint32_t)st->s->n_tokens;
    if (has_role(st, u->last, GRAMMAR_SAY) ||
        (u->last + 1 < n && !function_word(st, u->last) && !actor_in(st, u->last) &&
         has_role(st, u->last + 1, GRAMMAR_SAY)))
        return true;
    bool comma = false;
    for (uint32_t i = v->last; i < u->first; i++) {
        const warta_token *t = &st->s->tokens[i];
        comma |= t->text.n == 1 && (t->text.p[0] == ',' || t->text.p[0] == ';');
    }
    if (!comma)
        return false;
    for (uint32_t i = u->last; i < u->last + 2 && i < st->s->n_tokens; i++) {
        if (has_role(st, i, GRAMMAR_SAY))
            return true;
        for (size_t k = 0; k < st->m.n_found; k++)
            if (st->m.found[k].kind == ENTRY_VERB && st->m.found[k].first == i)
                return true;
    }
    return false;
}

/* A verb form after an article or possessive, with at most a few plain
** words between, is a noun: "their meeting", "an attack", "a brief
** private visit".  TABARI's verbs follow TABARI's rule (manual §7.4): a
** determiner just before it, or a capital inside the sentence. */
static bool used_as_noun(const sent *st, const mention *v)
{
    if (st->d->verbs[v->block].tabari)     /* TABARI's markNouns */
        return tabari_capital_noun(st, v) ||
               (v->first > 0 && has_role(st, v->first - 1, GRAMMAR_ARTICLE));
    for (uint32_t k = v->first, plain = 0; k > 0 && plain <= 2; k--, plain++) {
        uint32_t i = k - 1;
        if (has_role(st, i, GRAMMAR_ARTICLE))
            return true;
        const warta_token *t = &st->s->tokens[i];
        size_t len;
        if (function_word(st, i) || actor_in(st, i) ||
            !utf8_is_lower(utf8_decode(t->text.p, t->text.n, 0, &len)))
            return false;
    }
    return false;
}

/* A verb form the tree makes an adjective before a noun tells what the
** noun is, not what was done: "outlawed Kurdish rebels", "banned groups".
** (After the noun it may be a noun the tagger took for an adjective:
** "pembukaan blokir", read by position.) */
static bool describes_noun(const sent *st, const mention *v)
{
    if (!st->parsed || st->d->verbs[v->block].tabari)
        return false;
    uint32_t h = clause_head(st, v->first, v->last);
    uint32_t noun = clause_parent(st, h);
    return clause_rel(st, h, "amod") && noun != NO_INDEX && h < noun;
}

/* The sides by word position: the nearest actor before the verb and the
** first after it, swapped for the passive, kept in the verb's stretch of
** the sentence. */
static void sides_by_position(sent *st, const mention *v,
                              const mention *prev_verb, const binding *b,
                              int *src, int *tgt)
{
    uint32_t by;
    *src = b->source;
    *tgt = b->target;
    /* A verb's source stays in its clause: back to the last verb that
    ** coded an event. */
    uint32_t from = prev_verb ? prev_verb->last : 0;
    uint32_t to = (uint32_t)st->s->n_tokens;
    if (passive(st, v, &by)) {
        if (*src < 0)
            *src = actor_after(st, by != NO_INDEX ? by : v->last, to);
        if (*tgt < 0)
            *tgt = actor_before(st, v->first, from);
    } else {
        /* "X condemned ... and promised ...": the subject is shared */
        if (*src < 0 && prev_verb && v->first > 0 &&
            has_role(st, v->first - 1, GRAMMAR_AND))
            *src = st->last_source;
        if (*src < 0)
            *src = actor_before(st, v->first, from);
        if (*tgt < 0)
            *tgt = actor_after(st, v->last, to);
    }
    if (*tgt >= 0 && b->target < 0 && starts_clause(st, v, &st->units[*tgt]))
        *tgt = -1;
}

/* A side a pattern's $ or + bound, if it is in the verb's clause. */
static int bound_in_clause(const sent *st, uint32_t verb, int u)
{
    if (u < 0)
        return -1;
    const unit *un = &st->units[u];
    return clause_holds(st, verb, clause_head(st, un->first, un->last)) ? u : -1;
}

/* Is unit u a modifier made of the pattern's own words, in a noun the
** pattern names ("terrorist" in "launching terrorist attacks", matched by
** TERRORIST ATTACK: the kind of attack, no side of it)? */
static bool pattern_modifier(const sent *st, const binding *b, int u)
{
    if (u < 0)
        return false;
    const unit *un = &st->units[u];
    for (uint32_t t = un->first; t < un->last; t++)
        if (!bound_word(b, t))
            return false;
    uint32_t h = clause_head(st, un->first, un->last);
    uint32_t up = clause_parent(st, h);
    return up != NO_INDEX && bound_word(b, up) &&
           (clause_rel(st, h, "compound") || clause_rel(st, h, "amod"));
}

/* Is unit u, a source found by word position, no doer: the kind of the
** act ("the military campaign against Isis") or where it was done?  In
** the trigger's own clause any phrase of a LOCATIVE case word is a place
** ("In central Iraq, attacks on military forces have spiked", however the
** parser hung it); elsewhere only an oblique of a verb is ("the rebel who
** trained in Turkey said: I would go fight"; not "a role in a new Turkish
** offensive", "Turkish" misread as the head of "in a new Turkish"). */
static bool no_doer(const sent *st, int u, bool in_clause)
{
    const unit *un = &st->units[u];
    return clause_kind_word(st, un) ||
           (clause_place(st, un) &&
            (in_clause || clause_rel(st, clause_head(st, un->first, un->last), "obl")));
}

/* Is w in the phrase of the one who does verb v: its subject or agent
** ("backed by the US-led coalition against Isis")? */
static bool in_doer(const sent *st, uint32_t w, uint32_t v)
{
    while (w != NO_INDEX && clause_parent(st, w) != v)
        w = clause_parent(st, w);
    return w != NO_INDEX && (clause_rel(st, w, "nsubj") || clause_rel(st, w, "obl:agent"));
}

/* "Announced a pause in its cooperation with X": when the verb names no
** target, a noun of its pattern ("&COOP" in "- * &COOP [16]") below it
** brings one by its own TO phrase, as "suspended cooperation with X"
** does as the verb's object. */
static int noun_partner(sent *st, const binding *b, uint32_t verb)
{
    for (uint32_t k = 0; k < b->n_words; k++) {
        uint32_t w = b->words[k];
        if (w != verb && st->s->tokens[w].upos == WARTA_UPOS_NOUN &&
            clause_under(st, w, verb) && clause_of(st, w) == clause_of(st, verb) &&
            !in_doer(st, w, verb)) {
            int u = clause_oblique_target(st, w);
            if (u >= 0)
                return u;
        }
    }
    return -1;
}

/* The sides from the tree (clause.c), and the event's mode (mode.c).  A
** side a pattern binds ("* DI +") is where the pattern says, if it is in
** the verb's clause.  When the tree gives the verb no source phrase at all
** (the parser lost the subject of a long sentence), the source is the
** nearest actor before the verb in its clause; a source phrase that names
** no actor ("her father") and a missing target stay empty: filling them
** by position cost more than it found on the news gold (docs/coding.md). */
static void sides_from_tree(warta_doc *doc, sent *st, const mention *v,
                            const mention *prev_verb, const binding *b,
                            const char *code, int *src, int *tgt, reading *r)
{
    uint32_t verb = clause_head(st, v->first, v->last);
    clause_args a;
    const cameo_code *cc = cameo_lookup(code, strlen(code));
    /* in a conflict, and on a visit, one who goes along ("bersama X",
    ** "alongside X") is no target */
    bool apart = (cc && cc->quad_class >= 3) || strncmp(code, "042", 3) == 0 ||
                 strncmp(code, "043", 3) == 0;
    clause_sides(doc, st, verb, apart, &a);
    r->apart = apart;
    r->verb = verb;
    r->mode = mode_of(st, verb);
    r->source_how = a.source_how;
    r->target_how = a.target_how;
    r->mutual = a.mutual;
    r->own_forces = a.own_forces;
    r->from_adjunct = a.from_adjunct;
    r->place = a.place;
    r->place_how = a.place_how;
    int by_pattern[2] = {bound_in_clause(st, verb, b->source),
                         bound_in_clause(st, verb, b->target)};
    *src = by_pattern[0] >= 0 ? by_pattern[0] : a.source;
    *tgt = by_pattern[1] >= 0 ? by_pattern[1] : a.target;
    if (pattern_modifier(st, b, *src))
        *src = -1;
    if (pattern_modifier(st, b, *tgt))
        *tgt = -1;
    if (by_pattern[0] >= 0)
        r->source_how = "pattern";
    if (by_pattern[1] >= 0)
        r->target_how = "pattern";
    if (*tgt < 0 && (*tgt = noun_partner(st, b, verb)) >= 0)
        r->target_how = "the pattern's noun";
    if (*src >= 0 || a.source_phrase)
        return;
    int near_src, near_tgt;
    sides_by_position(st, v, prev_verb, b, &near_src, &near_tgt);
    if ((*src = bound_in_clause(st, verb, near_src)) >= 0 && no_doer(st, *src, true))
        *src = -1;
    if (*src >= 0)
        r->source_how = "position";
}

/* "X told Y it must ...", "X said Y should ...", "menekankan bahwa Y
** harus ...": an obligation one puts on another in what one says is a
** demand (CAMEO 10: the pack's MUST words) or an appeal (02: its SHOULD
** words) to it, whatever is asked; the thing asked is told as may be (the
** pack's MODAL words).  The one it is said to is the target, else the
** subject of what must be done. */
static bool obliged(const sent *st, uint32_t what, grammar_role role)
{
    /* the word may be misread and hung elsewhere ("pengusaha tambang wajib
    ** melakukan": "wajib" a noun of "pengusaha"); right before the verb,
    ** or before one adverb ("harus segera bertindak"), it still binds it */
    uint32_t before = what > 0 && st->s->tokens[what - 1].upos == WARTA_UPOS_ADV ? 2 : 1;
    return clause_child_role(st, what, "aux", role) ||
           clause_child_role(st, what, "advmod", role) ||
           (what >= before && has_role(st, what - before, role));
}

/* With a perfect auxiliary an obligation looks back: "Y should have
** acted" reproaches Y (111); "Y must have known" surmises, no demand. */
static const char *obligation_code(const sent *st, uint32_t what)
{
    bool past = clause_child_role(st, what, "aux", GRAMMAR_PERFECT);
    if (obliged(st, what, GRAMMAR_MUST))
        return past ? NULL : "100";
    if (obliged(st, what, GRAMMAR_SHOULD))
        return past ? "111" : "020";
    return NULL;
}

static warta_status code_obligations(warta_ctx *ctx, warta_doc *doc, sent *st)
{
    warta_status rc = WARTA_OK;
    for (size_t k = 0; k < st->m.n_found && rc == WARTA_OK && st->parsed; k++) {
        const mention *mm = &st->m.found[k];
        if (mm->kind != ENTRY_GRAMMAR || mm->block != GRAMMAR_SAY)
            continue;
        uint32_t say = clause_head(st, mm->first, mm->last);
        uint32_t what = clause_said(st, say);
        if (what == NO_INDEX)   /* "menyebut Y wajib melakukan": Y its object */
            what = clause_child(st, say, "xcomp", false);
        const char *code = what != NO_INDEX ? obligation_code(st, what) : NULL;
        if (!code)
            continue;
        clause_args told, must;
        clause_sides(doc, st, say, false, &told);
        clause_sides(doc, st, what, false, &must);
        reading r = by_position;
        r.verb = say;
        r.mode = mode_of(st, say);
        r.source_how = told.source_how;
        /* the one told, unless it is the press, which only hears it
        ** ("told reporters that Uganda must withdraw": Uganda) */
        bool press = told.target >= 0 &&
                     strncmp(st->units[told.target].sector, "MED", 3) == 0;
        bool told_one = told.target >= 0 && !(press && must.source >= 0);
        uint32_t who = clause_child(st, what, "nsubj", false);
        if (!told_one && who != NO_INDEX && pronoun_word(st, who))
            continue;           /* "mengatakan pihaknya masih harus ...",
                                   "said we must": in what one says, a
                                   pronoun is mostly one's own side, and a
                                   duty taken no demand */
        r.target_how = told_one ? told.target_how : must.source_how;
        int tgt = told_one ? told.target : must.source;
        if (told.source >= 0 && tgt >= 0 &&
            st->units[told.source].group != st->units[tgt].group)
            rc = emit(ctx, doc, st, told.source, tgt, code, mm->where, mm, &r);
    }
    return rc;
}

/* People who travel without acting for a state: civilians, students,
** business, criminals, refugees, workers, farmers, the press, aid and
** other private groups, fighters and militants.  Their trips are no visits
** (042). */
static bool private_traveller(const unit *u)
{
    static const char *const sectors[] = {"CVL", "EDU", "BUS", "CRM", "REF",
                                          "LAB", "AGR", "MED", "NGO", "UAF",
                                          "REB", "RAD"};
    for (size_t i = 0; i < ARRAY_LEN(sectors); i++)
        if (strncmp(u->sector, sectors[i], 3) == 0)
            return true;
    return false;
}

/* Are a and b of one state, or both of none named ("fakultas",
** "mahasiswa"), not an international body? */
static bool one_state(const unit *a, const unit *b)
{
    if (a->country[0] || b->country[0])
        return strcmp(a->country, b->country) == 0;
    return strncmp(a->code, "---", 3) == 0 && strncmp(b->code, "---", 3) == 0;
}

/* Is u a place, a country or its capital named alone ("areas of northern
** Syria held by rebels", "the suburbs of Damascus held by the
** terrorists")?  No one to detain. */
static bool no_captive(const unit *u)
{
    return u->place_only && (!u->sector[0] || strcmp(u->sector, "GOV") == 0);
}

/* Codes that move forces: a posture (15), a withdrawal (16), a retreat
** or demobilisation (087), the intent to de-escalate (0356: "intends to
** withdraw its troops"), a threat (13: "threatened to send Turkish
** forces to retake the town") or a promise (03: "a troop withdrawal
** promised by Trump").  Their own forces are not whom they are done to;
** the country the forces go to or leave is. */
static bool moves_forces(const char *code)
{
    return strncmp(code, "15", 2) == 0 || strncmp(code, "16", 2) == 0 ||
           strncmp(code, "087", 3) == 0 || strncmp(code, "03", 2) == 0 ||
           strncmp(code, "13", 2) == 0;
}

/* "A visit to Jerusalem": a capital stands for its government when it
** acts, but where one travels to is the country.  The target as a bare
** country (a new unit of its own) when it is a city of the gazetteer coded
** as its country's government; else tgt. */
static int visited_country(warta_ctx *ctx, sent *st, int tgt)
{
    const unit *u = &st->units[tgt];
    const gazetteer *g = place_gazetteer(ctx);
    if (!g || strcmp(u->sector, "GOV") != 0 || !u->country[0] ||
        st->n_units == MAX_UNITS)
        return tgt;
    const warta_token *a = &st->s->tokens[u->first], *z = &st->s->tokens[u->last - 1];
    warta_place p;
    if (!place_lookup(g, a->text.p, (size_t)(z->text.p + z->text.n - a->text.p),
                      u->country, &p) ||
        p.kind != WARTA_PLACE_CITY || strcmp(p.country, u->country) != 0)
        return tgt;
    unit *c = &st->units[st->n_units];
    *c = *u;
    memcpy(c->code, u->country, 4);
    c->sector[0] = '\0';
    c->group = 5000000 + (uint32_t)st->n_units;
    return (int)st->n_units++;
}

/* "Bolton and Gen Joseph Dunford are in Turkey", "Pompeo was in Riyadh":
** someone who holds an office of one state and is in another (or in its
** capital) is visiting it (042).  The pack's BE word is the copula of the
** place, one of its LOCATIVE words the place's case; the one there is the
** place's subject, a person (troops "in Syria" are stationed, not
** visiting, and a traveller without office makes no visit). */
static warta_status code_stays(warta_ctx *ctx, warta_doc *doc, sent *st)
{
    warta_status rc = WARTA_OK;
    for (size_t k = 0; k < st->m.n_found && rc == WARTA_OK && st->parsed; k++) {
        const mention *mm = &st->m.found[k];
        if (mm->kind != ENTRY_GRAMMAR || mm->block != GRAMMAR_BE ||
            !clause_rel(st, mm->first, "cop"))
            continue;
        uint32_t place = clause_parent(st, mm->first);
        uint32_t who = place != NO_INDEX ? clause_child(st, place, "nsubj", false)
                                         : NO_INDEX;
        int tgt = who != NO_INDEX && clause_child_role(st, place, "case", GRAMMAR_LOCATIVE)
                      ? actor_holding(st, place) : -1;
        /* a pronoun is read for whoever acted last: too loose here ("no
        ** help while she was in Syria" is not the minister's visit) */
        int src = tgt >= 0 && st->s->tokens[who].upos != WARTA_UPOS_PRON
                      ? actor_holding(st, who) : -1;
        if (src < 0)
            continue;
        tgt = visited_country(ctx, st, tgt);
        const unit *s = &st->units[src], *t = &st->units[tgt];
        bool person = s->person || s->holder_last > s->holder_first;
        if (!person || !s->country[0] || private_traveller(s) ||
            !actor_names_state(t) || strcmp(s->country, t->country) == 0)
            continue;
        reading r = by_position;
        r.verb = place;
        r.mode = mode_of(st, place);
        r.source_how = "nsubj of the place";
        r.target_how = "the place";
        const char *code = r.mode == WARTA_MODE_FUTURE ? mode_intent_code("042") : "042";
        rc = emit(ctx, doc, st, src, tgt, code, mm->where, mm, &r);
    }
    return rc;
}

/* Does the tree tell the trigger's sides: a verb or noun, or an adjective
** that heads a clause or phrase ("ready to", "a military offensive"
** misread)?  An adjective that modifies a noun ("sepakat" hung from
** "negara" in a parse gone wrong) is coded by word position. */
static bool tree_reads(const sent *st, const mention *v)
{
    uint32_t h = clause_head(st, v->first, v->last);
    uint8_t up = st->s->tokens[h].upos;
    return up == WARTA_UPOS_VERB || up == WARTA_UPOS_AUX ||
           up == WARTA_UPOS_NOUN || up == WARTA_UPOS_PROPN ||
           (up == WARTA_UPOS_ADJ && !clause_rel(st, h, "amod") &&
            (!clause_rel(st, h, "conj") || clause_child(st, h, "cop", false) != NO_INDEX));
}

/* A unit standing in for an actor the verb v's words imply, its words
** theirs. */
static int standing_at_verb(sent *st, const mention *v, const char *code,
                            const char *country, const char *sector)
{
    int u = actor_standing_in(st, code);
    if (u >= 0) {
        unit *w = &st->units[u];
        snprintf(w->country, sizeof w->country, "%s", country);
        snprintf(w->sector, sizeof w->sector, "%s", sector);
        w->first = v->first;
        w->last = v->last;
    }
    return u;
}

/* "Dihukum mati", "was sentenced to death": a sentence with no agent
** named is a court's, which the verb's words stand for; its country is
** the article's home (home.c). */
static int implied_court(sent *st, const mention *v)
{
    return standing_at_verb(st, v, "---JUD", "", "JUD");
}

/* "BMKG menyebut Kota Makassar sudah memasuki musim hujan.  Masyarakat
** dihimbau untuk waspada": an appeal told with no agent right after
** someone spoke is the speaker's, who stands at the verb's words. */
static int implied_speaker(sent *st, const mention *v)
{
    const unit *who = &st->speaker;
    int u = standing_at_verb(st, v, who->code, who->country, who->sector);
    if (u >= 0)
        st->units[u].where = who->where;
    return u;
}

/* Is unit u deep inside verb v's object, no participant but what the
** talks are about: "A and B discussed the need for a response to Syria's
** use of chemical weapons" (not "A and B met C", nor "C's envoy", nor the
** side of an object the pattern names or an event noun: "held meetings
** with Russia")? */
static bool topic_of(const sent *st, const binding *b, uint32_t v, int u)
{
    uint32_t obj = clause_child(st, v, "obj", false);
    const unit *w = &st->units[u];
    if (obj == NO_INDEX || actor_holding(st, obj) == u || verb_at(st, obj))
        return false;
    if (bound_word(b, obj))
        return false;
    return clause_under(st, clause_head(st, w->first, w->last), obj);
}

static warta_status code_verb(warta_ctx *ctx, warta_doc *doc, sent *st,
                              const mention *v, const mention *prev_verb,
                              uint8_t *rank)
{
    /* TABARI's verbs mean what they mean to TABARI: read by position */
    bool tree = st->parsed && !st->d->verbs[v->block].tabari &&
                tree_reads(st, v);
    if (!tree && (used_as_noun(st, v) || describes_noun(st, v)))
        return WARTA_OK;            /* the tree tells event nouns' sides */
    binding b;
    src_pos rule;
    const char *reverse;
    bool pre_words;
    bool mutual;
    const char *code = verb_code(st, v, &b, &rule, &reverse, &pre_words, rank, &mutual);
    /* A pattern with words before the verb ("- &NEGATVAUXVRB * [904]")
    ** has spoken for the negation itself. */
    if (!tree && !pre_words && negated(st, v))
        return WARTA_OK;
    if (!dict_code_usable(code))
        code = "";
    if (!dict_code_usable(reverse))
        reverse = "";
    if (!code[0] && !reverse[0])
        return WARTA_OK;
    reading r = by_position;
    int src, tgt;
    /* TABARI's % is the source and the target wherever it stands
    ** (manual §5.7.3) */
    if (st->d->verbs[v->block].tabari)
        b.compound_after = false;
    if (b.compound >= 0 && b.compound_after)
        b.target = b.compound;      /* "* WITH %": the compound is the target */
    if (tree) {
        sides_from_tree(doc, st, v, prev_verb, &b, code[0] ? code : reverse, &src,
                        &tgt, &r);
        if (tgt >= 0 && names_no_one(st, tgt))
            tgt = -1;               /* "agreed to reopen embassies", the
                                       speakers' own: mutual */
        if (r.mode == WARTA_MODE_ASSERTED && dated_ahead(doc, st, v, r.verb))
            r.mode = WARTA_MODE_FUTURE;
    } else {
        sides_by_position(st, v, prev_verb, &b, &src, &tgt);
        if (st->parsed && src >= 0 && src != b.source && no_doer(st, src, false))
            src = -1;
    }
    if (!tree && st->parsed && content_word(st, v->first))
        r.mode = mode_of(st, clause_of(st, v->first));  /* read by position,
                                       told as its clause tells it ("meminta
                                       ... untuk melakukan pembukaan
                                       blokir": asked for); not a verb the
                                       tagger lost ("dipukul" as a
                                       preposition): its clause is
                                       another's */
    if (!tree && r.mode == WARTA_MODE_FUTURE && has_role(st, v->first, GRAMMAR_FUTURE))
        r.mode = WARTA_MODE_ASSERTED;   /* "Kami sepakat memperkuat ...",
                                       "berjanji membantu": the trigger is
                                       the word that tells what is to come;
                                       the agreeing, the promise, is done */
    uint32_t by;
    bool active = !passive(st, v, &by);
    if (!tree && st->d->verbs[v->block].tabari)
        tabari_sides(st, v, b.source < 0 && active, b.target < 0 && active,
                     &src, &tgt);
    /* "% * [191]": members on each other -- with the tree, those of the
    ** verb's subject when it is a compound ("the ministers of the two
    ** countries agreed") and the verb has no target of its own ("A and B
    ** met C": A and B each met C) */
    if (b.compound >= 0 && !b.compound_after && tree && src >= 0 &&
        actor_group_size(st, st->units[src].group) >= 2) {
        b.compound = src;
        if (tgt >= 0 && strncmp(code, "04", 2) == 0 && topic_of(st, &b, r.verb, tgt))
            tgt = -1;
    }
    if (b.compound >= 0 && !b.compound_after && (!tree || tgt < 0) &&
        (!tree || b.compound == src ||
         (src >= 0 && st->units[src].group == st->units[b.compound].group))) {
        if (r.mode == WARTA_MODE_FUTURE && code[0] && mode_intent_code(code))
            code = mode_intent_code(code);  /* "A and B will attempt to
                                               thrash out a deal": each
                                               intends to (036) */
        return code[0] ? emit(ctx, doc, st, b.compound, b.compound, code, rule,
                              v, &r)
                       : WARTA_OK;
    }
    if (tree && src < 0 && tgt >= 0 && clause_passive(st, r.verb) &&
        has_role(st, r.verb, GRAMMAR_SENTENCED) && strcmp(code, "163") != 0) {
        /* (sanctions, "dijatuhi sanksi", are no court's) */
        src = implied_court(st, v);
        r.source_how = "implied";
    }
    if (tree && src < 0 && tgt >= 0 && clause_passive(st, r.verb) &&
        has_role(st, r.verb, GRAMMAR_ASK) && strncmp(code, "02", 2) == 0 && st->has_speaker &&
        (src = implied_speaker(st, v)) >= 0)
        r.source_how = "the speaker of the sentence before";
    if (src >= 0)
        st->last_source = src;
    if (r.from_adjunct && (strncmp(code, "04", 2) != 0 ||
                           clause_child_role(st, r.verb, "case", GRAMMAR_AGAINST)))
        src = -1;                   /* "after the attack on X, Y said": not
                                       Y's attack; "during a visit to X":
                                       Y's visit; "advises against all
                                       travel to X": no one's */
    if (r.own_forces && moves_forces(code)) {
        tgt = r.place;              /* "withdrew its troops from Syria" */
        r.target_how = r.place_how;
    }
    if (r.mode == WARTA_MODE_FUTURE && r.mutual && code[0] && mode_intent_code(code) &&
        strncmp(mode_intent_code(code), "03", 2) == 0)
        code = mode_intent_code(code);  /* "the planned talks between X and
                                           Y": each intends them (a clash
                                           to come is no threat by each) */
    /* "talks between X and Y": X and Y, one compound, on each other; so
    ** are the members of one side of a mutual code with no other side
    ** ("was signed by X, Y and Z", 057:057) */
    if (r.mutual && src >= 0 && tgt >= 0 && code[0] &&
        st->units[src].group == st->units[tgt].group)
        return emit(ctx, doc, st, src, src, code, rule, v, &r);
    if (r.mutual && code[0])
        reverse = code;             /* two compounds the tree parted */
    if (tree && src >= 0 && tgt < 0 && code[0] && (strcmp(code, reverse) == 0 || mutual) &&
        actor_group_size(st, st->units[src].group) >= 2 &&
        !(r.verb != NO_INDEX && clause_has_partner(st, r.verb)))
        return emit(ctx, doc, st, src, src, code, rule, v, &r);  /* "A and B
                                       signed a deal", not "... with factions" */
    /* one side unknown, once no compound acts on itself */
    if (st->allow_monads && (src >= 0 || tgt >= 0)) {
        if (src < 0)
            src = actor_unknown(st);
        if (tgt < 0)
            tgt = actor_unknown(st);
    }
    if (src < 0 || tgt < 0 || st->units[src].group == st->units[tgt].group)
        return WARTA_OK;
    if (r.own_forces && (has_role(st, v->first, GRAMMAR_ASK) || strncmp(code, "02", 2) == 0 ||
                         strncmp(code, "10", 2) == 0))
        return WARTA_OK;            /* an order to its own forces is no demand,
                                       nor a call for their withdrawal an appeal:
                                       what they are to do is the act */
    if (strncmp(code, "042", 3) == 0 && private_traveller(&st->units[src]))
        code = "";                  /* travel, not a visit (nor one to come) */
    if (strcmp(code, "173") == 0 && no_captive(&st->units[tgt]))
        return WARTA_OK;
    if (strcmp(code, "163") == 0 && one_state(&st->units[src], &st->units[tgt]))
        code = "172";               /* sanctions on one's own people or members
                                       coerce them (17), not relations cut (16):
                                       "fakultas menjatuhkan sanksi kepada
                                       mahasiswa" */
    if (strncmp(code, "042", 3) == 0)
        tgt = visited_country(ctx, st, tgt);
    if (r.mode == WARTA_MODE_FUTURE && code[0] && mode_intent_code(code)) {
        code = mode_intent_code(code);  /* "will visit": intends to (036) */
        reverse = r.mutual ? code : ""; /* the intent is the subject's alone */
    }
    warta_status rc = WARTA_OK;
    if (code[0])
        rc = emit(ctx, doc, st, src, tgt, code, rule, v, &r);
    reading back = r;
    back.source_how = r.target_how;
    back.target_how = r.source_how;
    if (rc == WARTA_OK && reverse[0])
        rc = emit(ctx, doc, st, tgt, src, reverse, rule, v, &back);
    return rc;
}

/* Reported speech: a verb that is also a SAY word ("said", "mengatakan")
** codes nothing when another verb follows; that one is the news. */
static bool speech_before_verb(const sent *st, size_t k)
{
    const mention *v = &st->m.found[k];
    if (!has_role(st, v->first, GRAMMAR_SAY))
        return false;
    for (size_t j = 0; j < st->m.n_found; j++)
        if (st->m.found[j].kind == ENTRY_VERB && st->m.found[j].first >= v->last)
            return true;
    return false;
}

/* "... was in Riyadh": a BE word, a LOCATIVE word and an actor right
** after, word by word (code_stays reads it on the tree). */
static bool stays_in(const sent *st)
{
    for (uint32_t i = 0; i + 2 < st->s->n_tokens; i++)
        if (has_role(st, i, GRAMMAR_BE) && has_role(st, i + 1, GRAMMAR_LOCATIVE) &&
            actor_in(st, i + 2))
            return true;
    return false;
}

/* May the sentence hold an event: a verb, an actor, and a second side,
** an actor or a word that may stand for one (a pronoun, a name said
** before), unless one-sided events are asked for.  Only those are
** parsed. */
static bool codes_something(const sent *st, const doc_state *ds)
{
    bool verb = false, say = false, must = false, sentenced = false, ask = false;
    for (size_t k = 0; k < st->m.n_found; k++) {
        const mention *mm = &st->m.found[k];
        verb = verb || (mm->kind == ENTRY_VERB && could_code(st, mm));
        bool grammar = mm->kind == ENTRY_GRAMMAR;
        say |= grammar && mm->block == GRAMMAR_SAY;
        must |= grammar && (mm->block == GRAMMAR_MUST || mm->block == GRAMMAR_SHOULD);
        sentenced |= grammar && mm->block == GRAMMAR_SENTENCED;
        ask |= grammar && mm->block == GRAMMAR_ASK;
    }
    verb |= (say && must) || stays_in(st);  /* code_obligations, code_stays */
    if (!verb || st->n_units == 0)
        return false;
    /* one actor is enough for a sentence passed (implied_court), or an
    ** appeal right after someone spoke (implied_speaker) */
    return st->n_units >= 2 || sentenced || (ask && st->has_speaker) || st->allow_monads ||
           refer_candidates(st, ds) > 0;
}

/* Keep only the events the options ask for: by default those asserted,
** intents among those to come, and none of history. */
static void keep_asked(warta_doc *doc, const warta_code_opts *opts)
{
    size_t kept = 0;
    for (size_t i = 0; i < doc->n_events; i++) {
        const warta_event *e = &doc->events[i];
        bool mode = e->mode == WARTA_MODE_ASSERTED ||
                    (e->mode == WARTA_MODE_FUTURE && (strncmp(e->code, "03", 2) == 0 ||
                                                      strncmp(e->code, "13", 2) == 0)) ||
                    (opts && opts->all_modes);
        if (mode && (!e->historical || (opts && opts->historical)))
            doc->events[kept++] = *e;
    }
    doc->n_events = kept;
}

/* The sentence's actors: phrases of the dictionaries joined into units,
** units into compounds.  False for a sentence TABARI's [###] or [+++]
** actor leaves uncoded. */
static bool build_actors(sent *st, doc_state *ds)
{
    st->n_units = 0;
    actor_build_units(st, ds);
    for (size_t i = 0; i < st->n_units; i++)
        if (st->units[i].voids)
            return false;
    actor_build_groups(st);
    if (st->tabari)
        tabari_actors(st, ds->has_forward ? &ds->forward : NULL);
    actor_share_in_compounds(st);
    return true;
}

/* How the sentence's events are chosen: TABARI's CODE BY setting for
** its verbs, else every event (CODE ALL). */
static code_by coding_by(const sent *st)
{
    return st->tabari ? (code_by)st->d->tabari.code_by : CODE_ALL;
}

/* Which of one sentence's events stay, doc->events[first..]: verb k gave
** those up to ends[k] with ranks[k] (k in word order).  A [###] or [+++]
** verb leaves none.  As TABARI's checkVerbs and evaluateEvents do (manual
** §6.6, §7.6.1): under CODE BY CLAUSE (or SENTENCE) the verbs of a clause
** (or the sentence) are taken in order until one gives an event that is
** not subordinate, and the verbs after it code nothing; CODE ALL takes
** every verb.  Then, over the sentence, a dominant event leaves only the
** dominant ones, else a normal one drops the subordinate ones.  taken[]
** is scratch, one per verb. */
static void keep_selected(const sent *st, warta_doc *doc, size_t first,
                          const uint8_t *ranks, const size_t *ends,
                          uint32_t *taken)
{
    size_t n_verbs = st->m.n_found;
    code_by by = coding_by(st);
    uint32_t clause = 0, tok = 0, closed = UINT32_MAX;
    bool seen[3] = {false, false, false};
    size_t from = first;
    for (size_t k = 0; k < n_verbs; from = ends[k++]) {
        if (ranks[k] == RANK_VOID) {
            doc->n_events = first;
            return;
        }
        for (; by == CODE_BY_CLAUSE && tok < st->m.found[k].first; tok++)
            clause += tabari_clause_break(st, tok);
        taken[k] = ends[k] > from && closed != clause;
        if (!taken[k])
            continue;
        seen[ranks[k]] = true;
        if (by != CODE_ALL && ranks[k] != RANK_SUBORDINATE)
            closed = clause;        /* the clause (or sentence) is coded */
    }
    code_rank keep = seen[RANK_DOMINANT] ? RANK_DOMINANT
                   : seen[RANK_NORMAL] ? RANK_NORMAL : RANK_SUBORDINATE;
    size_t kept = first;
    from = first;
    for (size_t k = 0; k < n_verbs; from = ends[k++])
        if (taken[k] && ranks[k] == keep)
            for (size_t e = from; e < ends[k]; e++)
                doc->events[kept++] = doc->events[e];
    doc->n_events = kept;
}

/* Are e and g between the same actors, named by the same words? */
static bool same_sides(const warta_event *e, const warta_event *g)
{
    return g->source.start == e->source.start && g->target.start == e->target.start &&
           strcmp(g->source.code, e->source.code) == 0 &&
           strcmp(g->target.code, e->target.code) == 0;
}

/* Is event g the same act between the same actors as e, told more
** precisely ("spoke to" 040 and "by telephone" 041; "vowed" 030 and what
** was vowed, a threat: "vowed to punish X" 137)? */
static bool finer_twin(const warta_event *e, const warta_event *g)
{
    size_t n = strlen(e->code);
    /* e's is the general code: its root's ("040"), or one g's extends
    ** ("031" of "0311") */
    bool general = (n == 3 && e->code[2] == '0') ||
                   (strlen(g->code) > n && strncmp(g->code, e->code, n) == 0);
    bool threat = strcmp(e->code, "030") == 0 && strcmp(g->root, "13") == 0;
    return g != e && ((general && strcmp(g->root, e->root) == 0) || threat) &&
           strlen(g->code) >= 3 && strcmp(g->code, e->code) != 0 && same_sides(e, g);
}

/* Is g e again: the same code between the same actors ("vowed to
** support X" coded by the vow's pattern and by what was vowed)?  The
** sentence lists it once. */
static bool same_event(const warta_event *e, const warta_event *g)
{
    return strcmp(g->code, e->code) == 0 && same_sides(e, g);
}

/* Is g told as surer than e: done against to come, to come against
** anything else ("met ... to discuss Syria, negotiated a deal": the deal
** done)? */
static bool told_surer(const warta_event *g, const warta_event *e)
{
    int sure_g = g->mode == WARTA_MODE_ASSERTED ? 2 : g->mode == WARTA_MODE_FUTURE;
    int sure_e = e->mode == WARTA_MODE_ASSERTED ? 2 : e->mode == WARTA_MODE_FUTURE;
    return sure_g > sure_e;
}

/* Of two words for one act ("spoke to the White House by telephone",
** "sepakat memperkuat kerja sama ekonomi"), the sentence keeps the precise
** code: an event with its root's general code ("040") goes when the same
** sides have another code of that root, and one with a code another's
** extends ("031" of "0311"); an event told twice is kept once, as the
** surer of the two. */
static void drop_generic_twins(warta_doc *doc, size_t first)
{
    size_t kept = first;
    for (size_t i = first; i < doc->n_events; i++) {
        const warta_event *e = &doc->events[i];
        bool twin = false;
        for (size_t j = first; !twin && j < doc->n_events; j++)
            twin = finer_twin(e, &doc->events[j]) ||
                   (same_event(e, &doc->events[j]) &&
                    (told_surer(&doc->events[j], e) ||
                     (j < i && !told_surer(e, &doc->events[j]))));
        if (!twin)
            doc->events[kept++] = *e;
    }
    doc->n_events = kept;
}

/* The tokens the pack knows as role nouns of one word ("tersangka",
** "terdakwa", "suspect"), for the tagger, which may read the Indonesian
** ones as ter- passives; NULL when there are none (or no memory: the
** sentence is parsed without them). */
static const bool *role_nouns(doc_state *ds, const sent *st)
{
    bool *nouns = NULL;
    for (size_t k = 0; k < st->m.n_found; k++) {
        const mention *mm = &st->m.found[k];
        if (mm->kind != ENTRY_AGENT || mm->last != mm->first + 1)
            continue;
        if (!nouns && (nouns = arena_alloc(&ds->scratch, st->s->n_tokens)) != NULL)
            memset(nouns, 0, st->s->n_tokens);
        if (!nouns)
            return NULL;
        nouns[mm->first] = true;
    }
    return nouns;
}

/* st is the document's one scratch sentence, used by each in turn: it is
** large (MAX_UNITS units), and one per sentence made a 16 MB article of
** short sentences take gigabytes. */
static warta_status code_sentence(warta_ctx *ctx, warta_doc *doc,
                                  const warta_dict *d, const warta_sentence *s,
                                  doc_state *ds, sent *st)
{
    memset(st, 0, offsetof(sent, units));   /* units are filled as found */
    ds->has_forward &= !doc->tabari_first.set;  /* an earlier sentence of
                                                   the record named one */
    st->d = d;
    st->s = s;
    st->allow_monads = ds->allow_monads;
    arena_clear(&ds->scratch);
    warta_status rc = match_sentence(ctx, &ds->scratch, d, s, &st->m);
    if (rc != WARTA_OK)
        return rc;
    st->roles = arena_alloc(&ds->scratch,
                            (s->n_tokens + 1) * sizeof *st->roles);
    if (!st->roles)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory in coding");
    memset(st->roles, 0, (s->n_tokens + 1) * sizeof *st->roles);
    st->is_phrase = arena_alloc(&ds->scratch, s->n_tokens + 1);
    if (!st->is_phrase)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory in coding");
    memset(st->is_phrase, 0, s->n_tokens + 1);
    for (size_t k = 0; k < st->m.n_found; k++) {
        const mention *mm = &st->m.found[k];
        if (mm->kind != ENTRY_GRAMMAR)
            for (uint32_t i = mm->first; i < mm->last; i++)
                st->is_phrase[i] = true;
        if (mm->kind == ENTRY_DISCARD) {
            if (d->discards[mm->block].whole_story)
                ds->discard_story = true;
            return WARTA_OK;
        }
        if (mm->kind == ENTRY_GRAMMAR)
            for (uint32_t i = mm->first; i < mm->last; i++)
                st->roles[i] |= ROLE_BIT(mm->block);
    }
    st->n_dates = date_find(s, ds->date, st->dates, ARRAY_LEN(st->dates));
    st->tabari = tabari_sentence(st);
    bool built = build_actors(st, ds);
    actors_placed(ctx, st);
    if (d->tabari.forward)
        tabari_note_first(doc, st);
    if (!built)
        return WARTA_OK;            /* TABARI's [###] or [+++] actor */
    if (ds->list_actors && (rc = actor_keep(ctx, doc, st)) != WARTA_OK)
        return rc;
    actor_add_both(st, ds);
    home_count(ds, st);
    refer_headline(ds, st);
    st->has_speaker = ds->has_last_speaker && ds->last_speaker_sentence + 1 == s->index;
    if (st->has_speaker)
        st->speaker = ds->last_speaker;
    if (!ds->shallow && codes_something(st, ds) &&
        ((rc = parse_if_model(ctx, doc, (warta_sentence *)s, role_nouns(ds, st))) != WARTA_OK ||
         !clause_prepare(st, &ds->scratch)))
        return rc ? rc : ctx_error(ctx, WARTA_ENOMEM, "out of memory in coding");
    if (st->parsed) {
        build_actors(st, ds);   /* again, the tree telling what joins */
        actors_placed(ctx, st);
        actor_add_both(st, ds);
        clause_split_groups(st);
        clause_share_sectors(st);
        refer_resolve(st, ds);
    }
    const mention *prev_verb = NULL;
    st->last_source = -1;
    bool *gone = arena_alloc(&ds->scratch, s->n_tokens + 1);
    if (!gone)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory in coding");
    memset(gone, 0, s->n_tokens + 1);
    if (st->tabari)
        tabari_prepare(st, gone);
    /* per verb mention: the rank of its code, where its events end */
    size_t n_found = st->m.n_found;
    uint8_t *ranks = arena_alloc(&ds->scratch, n_found + 1);
    size_t *ends = arena_alloc(&ds->scratch, (n_found + 1) * sizeof *ends);
    uint32_t *taken = arena_alloc(&ds->scratch, (n_found + 1) * sizeof *taken);
    if (!ranks || !ends || !taken)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory in coding");
    size_t first = doc->n_events;
    for (size_t k = 0; k < n_found && rc == WARTA_OK; k++) {
        const mention *v = &st->m.found[k];
        ranks[k] = RANK_NORMAL;
        /* a TABARI verb inside an actor or agent is part of its name
        ** ("security forces") */
        if (v->kind == ENTRY_VERB && !gone[v->first] &&
            !(st->d->verbs[v->block].tabari && actor_in(st, v->first)) &&
            (st->parsed || !speech_before_verb(st, k))) {
            size_t before = doc->n_events;
            rc = code_verb(ctx, doc, st, v, prev_verb, &ranks[k]);
            if (doc->n_events > before && ranks[k] != RANK_SUBORDINATE)
                prev_verb = v;          /* its actors are taken (not by a
                                           "said" that may give way) */
        }
        ends[k] = doc->n_events;
    }
    if (rc == WARTA_OK)
        keep_selected(st, doc, first, ranks, ends, taken);
    if (rc == WARTA_OK && !st->tabari)
        drop_generic_twins(doc, first);
    if (rc == WARTA_OK && !st->tabari)
        rc = code_obligations(ctx, doc, st);
    if (rc == WARTA_OK && !st->tabari)
        rc = code_stays(ctx, doc, st);
    actor_remember(ds, st);
    refer_remember(ds, st);
    return rc;
}

warta_status warta_doc_code(warta_ctx *ctx, warta_doc *doc,
                            const warta_dict *d)
{
    return warta_doc_code_opts(ctx, doc, d, NULL);
}

warta_status warta_doc_code_opts(warta_ctx *ctx, warta_doc *doc,
                                 const warta_dict *d,
                                 const warta_code_opts *opts)
{
    if (!ctx || !doc || !d)
        return WARTA_EINVAL;
    warta_status rc = warta_doc_process(ctx, doc, WARTA_STAGE_STEMS, NULL);
    if (rc != WARTA_OK || doc->coded)
        return rc;
    doc_state ds = {.date = INT32_MIN,
                    .allow_monads = opts && opts->allow_monads,
                    .list_actors = opts && opts->list_actors,
                    .shallow = opts && opts->shallow};
    parse_day(doc->meta.date, &ds.date);    /* roles are dated by it too */
    ds.outlet = dict_outlet(d, doc->meta.url, doc->meta.source);
    ds.has_forward = opts && tabari_forwarded(d, opts->previous, doc,
                                              &ds.forward);
    sent *st = doc->n_sents ? arena_alloc(&doc->arena, sizeof *st) : NULL;
    if (doc->n_sents && !st)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory in coding");
    arena_init(&ds.scratch, ctx);
    for (size_t i = 0; i < doc->n_sents && rc == WARTA_OK && !ds.discard_story; i++)
        if (doc->sents[i].kind != WARTA_KIND_CAPTION)
            rc = code_sentence(ctx, doc, d, &doc->sents[i], &ds, st);
    arena_reset(&ds.scratch);
    if (ds.discard_story)
        doc->n_events = 0;
    home_fill(doc, &ds, d);
    /* each side's geography, once the home country has filled in those
    ** that named none (the store's exports give a side the same) */
    for (size_t i = 0; i < doc->n_events; i++) {
        place_of_actor(ctx, &doc->events[i].source);
        place_of_actor(ctx, &doc->events[i].target);
    }
    keep_asked(doc, opts);
    doc->coded = rc == WARTA_OK;
    return rc;
}

size_t warta_doc_n_actors(const warta_doc *doc)
{
    return doc->n_actors;
}

const warta_mention *warta_doc_actor(const warta_doc *doc, size_t i)
{
    return i < doc->n_actors ? &doc->actors[i] : NULL;
}

size_t warta_doc_n_events(const warta_doc *doc)
{
    return doc->n_events;
}

const warta_event *warta_doc_event(const warta_doc *doc, size_t i)
{
    return i < doc->n_events ? &doc->events[i] : NULL;
}
