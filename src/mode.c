/*
** mode.c -- how a sentence reports the event of a verb: as done, denied,
** supposed, to come, aimed at, asked for or asked about.
**
** The verb's own clause decides first: a negation among its modifiers
** ("not", "tidak"), a modal or future auxiliary ("could", "akan"), a
** condition ("if", "jika").  Then the clause it hangs from: a verb
** controlled by another ("agreed to meet", "refused to meet") is what that
** verb says of it; a clause of purpose ("to", "untuk") is an aim; the
** complement of a request ("urged X to release Y", "meminta ... agar") is
** what is asked for; what is decided ("decided to withdraw", "the order to
** withdraw") is told as the decision is.  Reported speech ("X said Y
** attacked Z") is told as it is said.  The words of each role are in the
** language pack's grammar.
*/
#include <string.h>

#include "coder.h"

/* Is the word at t a name's, not a function word ("Theresa May spoke",
** "Will Smith")?  In an actor's name, or capitalised inside the sentence. */
static bool in_name(const sent *st, uint32_t t)
{
    return actor_in(st, t) || (t > 0 && token_starts_upper(&st->s->tokens[t]));
}

/* Is t a second subject of v, a word the parser took for one beside
** v's own ("Kemnaker bakal melibatkan", "bakal" read as a noun)? */
static bool second_subject(const sent *st, uint32_t t, uint32_t v)
{
    if (!clause_rel(st, t, "nsubj"))
        return false;
    for (uint32_t c = st->kid[v]; c != NO_INDEX; c = st->sib[c])
        if (c != t && clause_rel(st, c, "nsubj"))
            return true;
    return false;
}

/* A negation, modal or future word right before the verb is the verb's,
** wherever the parser hung it ("Kemnaker bakal melibatkan" with "bakal"
** read as part of the name, or as a second subject); not a word of a
** name ("Theresa May spoke"). */
static warta_mode word_before_mode(const sent *st, uint32_t v)
{
    if (v == 0 || st->s->tokens[v].upos != WARTA_UPOS_VERB ||
        (clause_parent(st, v - 1) == v && !second_subject(st, v - 1, v)) || in_name(st, v - 1))
        return WARTA_MODE_ASSERTED;
    if (has_role(st, v - 1, GRAMMAR_NOT))
        return WARTA_MODE_NEGATED;
    if (has_role(st, v - 1, GRAMMAR_MODAL))
        return WARTA_MODE_HYPOTHETICAL;
    if (has_role(st, v - 1, GRAMMAR_FUTURE))
        return WARTA_MODE_FUTURE;
    return WARTA_MODE_ASSERTED;
}

/* Has clause head v a condition: an adverbial clause marked "if"? */
static bool condition_of(const sent *st, uint32_t v)
{
    for (uint32_t c = st->kid[v]; c != NO_INDEX; c = st->sib[c])
        if (clause_rel(st, c, "advcl") && clause_child_role(st, c, "mark", GRAMMAR_IF))
            return true;
    return false;
}

/* Is clause head v told by a speech verb after it ("X would attack Y,
** the minister said", "..., said the minister"), which UD hangs from v
** (parataxis; the parser may say conj)?  It has a subject of its own or
** follows a comma, so that "would attack and said" is not one. */
static bool said_after(const sent *st, uint32_t v)
{
    for (uint32_t c = st->kid[v]; c != NO_INDEX; c = st->sib[c])
        if (c > v && (clause_rel(st, c, "parataxis") || clause_rel(st, c, "conj")) &&
            has_role(st, c, GRAMMAR_SAY) &&
            (clause_child(st, c, "nsubj", true) != NO_INDEX ||
             st->s->tokens[c - 1].upos == WARTA_UPOS_PUNCT))
            return true;
    return false;
}

/* Has the event noun v a passive infinitive of what is to be done with
** it: "a summit to be held in Tehran"? */
static bool to_be_done(const sent *st, uint32_t v)
{
    for (uint32_t c = st->kid[v]; c != NO_INDEX; c = st->sib[c])
        if (clause_rel(st, c, "acl") && clause_child_role(st, c, "mark", GRAMMAR_PURPOSE) &&
            clause_child(st, c, "aux:pass", false) != NO_INDEX)
            return true;
    return false;
}

/* Is the complement t a perfect ("to have launched"): a PERFECT auxiliary
** of its own, or t the auxiliary itself, right before a past participle
** (the parser may make "have" the verb, "launched" a modifier of its
** object)?  "agreed to have talks" is no perfect. */
static bool perfect_infinitive(const sent *st, uint32_t t)
{
    if (clause_child_role(st, t, "aux", GRAMMAR_PERFECT))
        return true;
    if (!has_role(st, t, GRAMMAR_PERFECT) || t + 1 >= st->s->n_tokens)
        return false;
    uint32_t feats = st->s->tokens[t + 1].feats;
    return (feats & WARTA_FEAT(VERBFORM_PART)) && (feats & WARTA_FEAT(TENSE_PAST));
}

/* Is the subject of request v the speaker ("I would ask", "we would urge"):
** a polite request, made as it is said?  "Washington would ask the Kurds"
** is one supposed. */
static bool speaker_asks(const sent *st, uint32_t v)
{
    uint32_t subj = clause_child(st, v, "nsubj", true);
    return subj != NO_INDEX && has_role(st, subj, GRAMMAR_WE);
}

/* What the modifiers of clause head v say of it, or ASSERTED. */
static warta_mode own_mode(const sent *st, uint32_t v)
{
    if ((st->s->tokens[v].feats & WARTA_FEAT(POLARITY_NEG)) ||
        clause_child_role(st, v, "advmod", GRAMMAR_NOT) ||
        clause_child_role(st, v, "aux", GRAMMAR_NOT) ||
        clause_child_role(st, v, "cc", GRAMMAR_NOT) ||  /* "nor encourage" */
        clause_child_role(st, v, "mark", GRAMMAR_NOT))  /* "has yet to meet":
                                       the "to" of a NOT phrase */
        return WARTA_MODE_NEGATED;
    for (uint32_t c = st->kid[v]; c != NO_INDEX; c = st->sib[c])
        if ((st->s->tokens[c].feats & WARTA_FEAT(POLARITY_NEG)) &&
            (clause_rel(st, c, "advmod") || clause_rel(st, c, "aux") ||
             clause_rel(st, c, "det")) &&
            !has_role(st, c, GRAMMAR_AND))  /* "not only to fight Isis but
                                               also ...": a conjunction */
            return WARTA_MODE_NEGATED;
    if (clause_child_role(st, v, "mark", GRAMMAR_IF) ||
        clause_child_role(st, v, "amod", GRAMMAR_BELIEVE))  /* "a possible
                                                  attack": an event noun */
        return WARTA_MODE_HYPOTHETICAL;
    if (clause_child_role(st, v, "amod", GRAMMAR_FUTURE) || to_be_done(st, v))
        return WARTA_MODE_FUTURE;       /* "the planned summit", "a summit
                                           to be held on Friday" */
    if (clause_child_role(st, v, "aux", GRAMMAR_WOULD)) {
        uint32_t h = clause_parent(st, v);
        if (has_role(st, v, GRAMMAR_ASK) && speaker_asks(st, v))
            return WARTA_MODE_ASSERTED;     /* "I would ask ...": asking */
        if ((h != NO_INDEX && clause_rel(st, v, "ccomp") && has_role(st, h, GRAMMAR_SAY)) ||
            said_after(st, v))
            return WARTA_MODE_FUTURE;       /* "said he would visit", "he
                                               would visit, she said" */
        if (condition_of(st, v))
            return WARTA_MODE_FUTURE;       /* "would attack X if ...": a
                                               threat (13x) or promise
                                               (03x), as the guidelines
                                               code conditionals */
    }
    if (clause_child_role(st, v, "aux", GRAMMAR_MODAL) ||
        clause_child_role(st, v, "advmod", GRAMMAR_MODAL))
        return WARTA_MODE_HYPOTHETICAL;
    if (clause_child_role(st, v, "aux", GRAMMAR_FUTURE) ||
        clause_child_role(st, v, "advmod", GRAMMAR_FUTURE))   /* not "will
                                       already have shared": a surmise of
                                       what is done */
        return clause_child_role(st, v, "aux", GRAMMAR_PERFECT) ? WARTA_MODE_ASSERTED
                                                                : WARTA_MODE_FUTURE;
    return word_before_mode(st, v);
}

bool mode_future_told(const sent *st, uint32_t v)
{
    for (int depth = 0; st->parsed && v != NO_INDEX && depth < 8; depth++) {
        uint32_t h = clause_parent(st, v);
        if (own_mode(st, v) == WARTA_MODE_FUTURE ||
            (h != NO_INDEX && clause_rel(st, v, "xcomp") && has_role(st, h, GRAMMAR_FUTURE)))
            return true;                /* "will hold", "is expected to hold" */
        uint8_t up = st->s->tokens[v].upos;
        if ((up != WARTA_UPOS_NOUN && up != WARTA_UPOS_PROPN) ||
            !(clause_rel(st, v, "obj") || clause_rel(st, v, "obl")))
            return false;
        v = clause_parent(st, v);   /* "will hold talks" */
    }
    return false;
}

/* The last token is a question mark. */
static bool question(const sent *st)
{
    const warta_sentence *s = st->s;
    if (!s->n_tokens)
        return false;
    const warta_token *t = &s->tokens[s->n_tokens - 1];
    return t->text.n == 1 && t->text.p[0] == '?';
}

/* Is the adverbial clause t an -ing form that its head h goes on into,
** joined by no word ("could lead to X reaching a deal", "would
** strike, killing ...")?  What it tells is as the head is, to be or not; one
** before its head or after "after", "when" is told as done. */
static bool rides_on_head(const sent *st, uint32_t t, uint32_t h)
{
    return (clause_rel(st, t, "advcl") && t > h &&
            clause_child(st, t, "mark", false) == NO_INDEX &&
            clause_ing_form(st, t)) ||  /* not "backed by Y": a state */
           clause_by_means(st, t);      /* "will respond by attacking X" */
}

/* Is v a verb that a copula makes what its subject, a thing that is no
** actor, is ("Peran TNI adalah mendukung pemerintah", "the aim of the
** army is to attack X"): a role or aim told, no act? */
static bool told_as_a_role(const sent *st, uint32_t v)
{
    if (st->s->tokens[v].upos != WARTA_UPOS_VERB ||
        clause_child(st, v, "cop", false) == NO_INDEX)
        return false;
    bool role = false;  /* and no subject of its own: "one option is that
                           Kenya would ask ..." */
    for (uint32_t c = st->kid[v]; c != NO_INDEX; c = st->sib[c]) {
        if (!clause_rel(st, c, "nsubj"))
            continue;
        if (st->s->tokens[c].upos != WARTA_UPOS_NOUN || actor_in(st, c))
            return false;
        role = true;
    }
    return role;
}

/* A verb both of asking and of what is to come (the pack's ASK and FUTURE:
** "want", "berharap") asks only someone it names: "wants Y to leave" is a
** request, "wants to meet Y" (its complement t with no subject of its own)
** an intent. */
static bool wants_for_itself(const sent *st, uint32_t h, uint32_t t)
{
    return has_role(st, h, GRAMMAR_FUTURE) && clause_rel(st, t, "xcomp") &&
           clause_child(st, h, "obj", true) == NO_INDEX &&
           clause_child(st, h, "iobj", true) == NO_INDEX &&
           clause_child(st, t, "nsubj", true) == NO_INDEX && !clause_passive(st, h);
}

warta_mode mode_of(const sent *st, uint32_t v)
{
    if (!st->parsed)
        return WARTA_MODE_ASSERTED;
    if (told_as_a_role(st, v))
        return WARTA_MODE_PURPOSE;
    uint32_t t = v;
    for (int depth = 0; depth < 8; depth++) {
        warta_mode m = own_mode(st, t);
        uint32_t h = clause_parent(st, t);
        if ((m == WARTA_MODE_ASSERTED || m == WARTA_MODE_FUTURE) && h != NO_INDEX &&
            (clause_rel(st, t, "ccomp") || clause_rel(st, t, "advcl") ||
             (clause_rel(st, t, "xcomp") && (st->s->tokens[h].upos == WARTA_UPOS_ADJ ||
                                             clause_passive(st, h)))) &&
            (has_role(st, h, GRAMMAR_BELIEVE) ||
             clause_child_role(st, h, "xcomp", GRAMMAR_BELIEVE)))  /* "remain
                                                   sceptical that" */
            return WARTA_MODE_HYPOTHETICAL;     /* "fears that X will attack",
                                                   "is likely to attack", "is
                                                   believed to have attacked":
                                                   a guess, no threat */
        if (m == WARTA_MODE_ASSERTED && h != NO_INDEX && clause_rel(st, t, "nsubj") &&
            has_role(st, h, GRAMMAR_BELIEVE) && clause_child(st, h, "cop", false) != NO_INDEX)
            return WARTA_MODE_HYPOTHETICAL;     /* "clashes are now possible",
                                                   "... a distinct possibility" */
        if (m != WARTA_MODE_ASSERTED)
            return m;
        if (h == NO_INDEX)
            break;
        uint8_t up = st->s->tokens[t].upos;
        if (up == WARTA_UPOS_NOUN && clause_rel(st, t, "nsubj") &&
            !clause_child_role(st, h, "aux", GRAMMAR_WOULD) &&
            own_mode(st, h) == WARTA_MODE_FUTURE)
            return WARTA_MODE_FUTURE;   /* "talks will be held" (not "the
                                           talks were not going well": a
                                           denial of the head is not of
                                           the talks) */
        if (t == v && up == WARTA_UPOS_NOUN && clause_rel(st, t, "nsubj") &&
            clause_child_role(st, t, "det", GRAMMAR_INDEFINITE) &&
            (st->s->tokens[h].feats & WARTA_FEAT(TENSE_PRES)) &&
            !verb_at(st, h) && !has_role(st, h, GRAMMAR_OCCUR))
            return WARTA_MODE_HYPOTHETICAL;     /* "a direct clash between X
                                                   and Y risks a wider war":
                                                   any such clash, none told
                                                   (not a headline's "an
                                                   attack kills five", "a
                                                   meeting takes place") */
        if (up == WARTA_UPOS_NOUN && clause_rel(st, t, "nsubj") &&
            clause_child_role(st, h, "mark", GRAMMAR_IF))
            return WARTA_MODE_HYPOTHETICAL;     /* "if a US strike on Syria
                                                   threatened ...": one
                                                   supposed */
        if (up == WARTA_UPOS_NOUN && clause_rel(st, t, "nsubj") &&
            clause_child_role(st, h, "aux", GRAMMAR_WOULD) &&
            !clause_child_role(st, h, "aux", GRAMMAR_PERFECT))
            return WARTA_MODE_HYPOTHETICAL;     /* "any attack on Syria would
                                                   be reckless"; not "would
                                                   have been prevented", nor
                                                   "threats ... should be
                                                   seen as" */
        if ((up == WARTA_UPOS_NOUN || up == WARTA_UPOS_PROPN) &&
            (clause_rel(st, t, "obj") || clause_rel(st, t, "obl") ||
             (clause_rel(st, t, "nsubj") && has_role(st, h, GRAMMAR_OCCUR)))) {
            if (clause_rel(st, t, "obj") && has_role(st, h, GRAMMAR_NOT))
                return WARTA_MODE_NEGATED;      /* "denied involvement in",
                                                   "to prevent any damage to
                                                   X": none done */
            if (clause_rel(st, t, "obj") && has_role(st, h, GRAMMAR_ASK) &&
                !has_role(st, h, GRAMMAR_DECIDE))
                return WARTA_MODE_REQUESTED;    /* "wants an inquiry into X":
                                                   asked for, not done */
            if (clause_rel(st, t, "obj") && has_role(st, h, GRAMMAR_BELIEVE) &&
                st->s->tokens[h].upos == WARTA_UPOS_VERB)
                return WARTA_MODE_HYPOTHETICAL; /* "fears an attack on X":
                                                   feared, not done */
            if (!clause_rel(st, t, "nsubj") && clause_owned_by_other(st, t, h))
                break;              /* "did not address Trump's decision",
                                       "not hopeful of Trump's threats":
                                       another's act, told as done */
            t = h;                  /* "will hold talks", "will ... at the
                                       summit", "an attack may not take
                                       place": as the verb is */
            continue;
        }
        if ((clause_rel(st, t, "xcomp") || clause_rel(st, t, "acl") ||
             clause_rel(st, t, "advcl")) && has_role(st, h, GRAMMAR_DECIDE)) {
            t = h;                  /* "decided to withdraw": as the decision */
            continue;
        }
        if (clause_rel(st, t, "ccomp") && has_role(st, h, GRAMMAR_NOT))
            return WARTA_MODE_NEGATED;  /* "denied that its army attacked" */
        bool asked = has_role(st, h, GRAMMAR_ASK) && !wants_for_itself(st, h, t);
        if ((clause_rel(st, t, "xcomp") || clause_rel(st, t, "ccomp") ||
             clause_rel(st, t, "advcl") ||
             strcmp(st->s->tokens[t].deprel, "acl") == 0) && asked)   /* "the
                                       demand that X withdraw" (not a
                                       relative clause of it) */
            return own_mode(st, h) == WARTA_MODE_NEGATED ? WARTA_MODE_NEGATED
                                                         : WARTA_MODE_REQUESTED;
        if (clause_rel(st, t, "advcl") || clause_rel(st, t, "acl")) {
            if (clause_child_role(st, t, "mark", GRAMMAR_PURPOSE)) {
                if (st->s->tokens[h].upos == WARTA_UPOS_VERB && root_at(st, t, "03") &&
                    !has_role(st, h, GRAMMAR_FUTURE) && mode_future_told(st, h) &&
                    mode_of(st, h) == WARTA_MODE_FUTURE)
                    return WARTA_MODE_FUTURE;   /* "wants to do everything
                                       to guarantee X": an intent that is the
                                       aim of what is said to be meant is
                                       meant (not "tried to extract a pledge
                                       to halt X"; a fight meant for is no
                                       threat) */
                if (!has_role(st, h, GRAMMAR_FUTURE) ||
                    st->s->tokens[h].upos != WARTA_UPOS_VERB)
                    return WARTA_MODE_PURPOSE;
                warta_mode hm = own_mode(st, h);    /* "berkomitmen untuk
                                       mendukung X": what is meant, no aim */
                return hm == WARTA_MODE_NEGATED || hm == WARTA_MODE_HYPOTHETICAL
                           ? hm : WARTA_MODE_FUTURE;
            }
            if (rides_on_head(st, t, h)) {
                t = h;              /* "could lead to X reaching a deal" */
                continue;
            }
            uint32_t g = clause_parent(st, h);
            if (clause_rel(st, t, "acl") && clause_rel(st, h, "obj") && g != NO_INDEX &&
                has_role(st, g, GRAMMAR_BELIEVE) && st->s->tokens[g].upos == WARTA_UPOS_VERB)
                return WARTA_MODE_HYPOTHETICAL;     /* "fears a war in
                                       which X attacks Y": supposed */
            if (clause_rel(st, t, "advcl") &&
                (clause_child_role(st, t, "mark", GRAMMAR_TIME) ||
                 clause_child_role(st, t, "advmod", GRAMMAR_TIME))) {
                warta_mode hm = own_mode(st, h);
                if (hm == WARTA_MODE_FUTURE || clause_child_role(st, h, "aux", GRAMMAR_FUTURE))
                    return WARTA_MODE_FUTURE;   /* "will be highlighted on
                                       Friday when Iran hosts a summit": to
                                       come as its time is */
                if (hm == WARTA_MODE_HYPOTHETICAL || clause_child_role(st, h, "aux", GRAMMAR_MODAL))
                    return WARTA_MODE_HYPOTHETICAL;     /* "could not be
                                       finalised until the UK had withdrawn":
                                       a time supposed, negated or not */
            }
            break;                  /* "after X met Y", "did not ... until
                                       X withdrew": told as done */
        }
        if (clause_rel(st, t, "xcomp") && clause_child(st, t, "nsubj", true) != NO_INDEX)
            break;                  /* no complement, whatever the parser
                                       says: a clause with a subject of its
                                       own ("saat Teddy berkunjung") */
        if (clause_rel(st, t, "xcomp")) {
            if (has_role(st, h, GRAMMAR_NOT))
                return WARTA_MODE_NEGATED;  /* "refused to meet" */
            if (has_role(st, h, GRAMMAR_ABOUT))
                return WARTA_MODE_HYPOTHETICAL;  /* "discussed punishing
                                       Russia": talked of, not done */
            if (has_role(st, h, GRAMMAR_MODAL))
                return WARTA_MODE_HYPOTHETICAL;  /* "need to capture", "has
                                       to withdraw": what must be, not what
                                       is done or meant */
            if (has_role(st, h, GRAMMAR_PLUPERFECT) && own_mode(st, h) == WARTA_MODE_ASSERTED)
                break;              /* "had to withdraw": what was made to
                                       happen, told as done */
            if (perfect_infinitive(st, t))
                break;              /* "claims to have launched": told as
                                       done, not intended */
            warta_mode hm = own_mode(st, h);
            if (hm == WARTA_MODE_NEGATED || hm == WARTA_MODE_HYPOTHETICAL)
                return hm;          /* "did not want to attack": no threat */
            uint32_t tf = st->s->tokens[t].feats;
            if ((tf & WARTA_FEAT(VERBFORM_PART)) && (tf & WARTA_FEAT(TENSE_PAST)) &&
                !clause_child_role(st, t, "mark", GRAMMAR_PURPOSE))
                break;              /* "seemed distracted by", "remained
                                       detained": a state, no aim */
            if (clause_passive(st, h) && clause_child_role(st, t, "mark", GRAMMAR_PURPOSE) &&
                !has_role(st, h, GRAMMAR_FUTURE) && !has_role(st, h, GRAMMAR_BELIEVE) &&
                !has_role(st, h, GRAMMAR_SAY))
                return WARTA_MODE_PURPOSE;  /* "forces raised to fight Assad",
                                       "was sent to negotiate": what one is
                                       for (not "is expected to attend",
                                       "is believed to be supporting") */
            if (clause_ing_form(st, t) && !has_role(st, h, GRAMMAR_SAY)) {
                if (hm != WARTA_MODE_ASSERTED)
                    return hm;      /* "will risk seeking shelter" */
                break;              /* "resumed shelling", "joined forces
                                       fighting Isis": done, not meant */
            }
            uint8_t tu = st->s->tokens[t].upos, hu = st->s->tokens[h].upos;
            if (tu != WARTA_UPOS_VERB && tu != WARTA_UPOS_AUX)
                break;              /* "has become a tussle that has led to
                                       clashes": a predicate, no act meant */
            if ((hu == WARTA_UPOS_NOUN || hu == WARTA_UPOS_PROPN) &&
                clause_child_role(st, t, "mark", GRAMMAR_PURPOSE))
                return WARTA_MODE_PURPOSE;  /* "it is only in Syria to fight
                                       Isis": what one is there for */
            if (clause_child(st, t, "mark", false) == NO_INDEX &&
                !(st->s->tokens[t].feats & WARTA_FEAT(VERBFORM_FIN)) &&
                !has_role(st, h, GRAMMAR_FUTURE) && !has_role(st, h, GRAMMAR_SAY)) {
                t = h;              /* no "to", "untuk": a verb in series,
                                       as its head is ("datang menemui",
                                       came and met; "helped build"; not
                                       a finite verb the parser hung there) */
                continue;
            }
            if (!has_role(st, h, GRAMMAR_SAY))
                return WARTA_MODE_FUTURE;   /* "agreed to meet": intent */
        }
        if (clause_rel(st, t, "ccomp") && !has_role(st, h, GRAMMAR_SAY)) {
            warta_mode hm = mode_of(st, h);
            if (hm == WARTA_MODE_PURPOSE || hm == WARTA_MODE_HYPOTHETICAL ||
                hm == WARTA_MODE_FUTURE || hm == WARTA_MODE_REQUESTED)
                return hm;          /* "to ensure that X coordinates ...":
                                       what is made sure of is aimed at as
                                       the making sure is */
            break;                  /* "ensured that X withdrew": done */
        }
        if (!clause_rel(st, t, "conj") && !clause_rel(st, t, "xcomp"))
            break;                  /* reported speech, the main clause */
        if (clause_rel(st, t, "conj") &&
            (clause_child(st, t, "nsubj", false) != NO_INDEX ||
             (clause_child(st, t, "aux", true) != NO_INDEX &&
              own_mode(st, h) == WARTA_MODE_NEGATED)))
            break;                  /* a clause of its own: '"It must be
                                       done," Macron said in a call'; a
                                       negation is not its auxiliary's:
                                       "is not a terrorist group and is
                                       supported by the US" (a condition
                                       is: "if she ... and was charged") */
        t = h;
    }
    if (question(st) && clause_parent(st, v) == NO_INDEX)
        return WARTA_MODE_QUESTION;
    return WARTA_MODE_ASSERTED;
}

/* CAMEO's intents for what is to come: a meeting to come is 036, and so
** on; hostile acts to come are threats (13): cuts in relations, aid or
** talks 131x, 134, 135, sanctions 1312, repression 137, force 138.
** Other events to come (a withdrawal, 166, is no threat) have no code of
** their own. */
const char *mode_intent_code(const char *code)
{
    static const char *const intent[][2] = {
        {"04", "036"}, {"05", "032"}, {"06", "031"}, {"07", "033"},
        {"08", "035"}, {"160", "131"}, {"161", "1313"}, {"162", "1311"},
        {"163", "1312"}, {"164", "134"}, {"165", "135"}, {"17", "137"},
        {"18", "138"}, {"19", "138"}, {"20", "138"}};
    for (size_t i = 0; i < ARRAY_LEN(intent); i++)
        if (strncmp(code, intent[i][0], strlen(intent[i][0])) == 0)
            return intent[i][1];
    return NULL;
}
