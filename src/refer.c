/*
** refer.c -- actors named before in the article: "Mevlüt Çavuşoğlu" after
** "Turkey's foreign minister, Mevlüt Çavuşoğlu", and "he" or "dia" for
** whoever acted last.
**
** After each sentence the article remembers the office holders and
** people it named, by the last word of their name, and who acted last.
** In a parsed sentence, a proper noun that is such a name, or a personal
** pronoun in the third person, becomes that actor again; the tree then
** decides whether it is a side of an event.
*/
#include <stdio.h>
#include <string.h>

#include "coder.h"

static size_t fold_word(const warta_token *t, char *out, size_t cap)
{
    return dict_fold(t->text.p, t->text.n, out, cap);
}

/* Does the unit name a person: someone the dictionary knows, or an office
** and its holder's name of two words or more ("Ketua Komnas PA, Syaiful
** Bahri"), or of one after a rank or title ("Kopda Bazarsah")?  One
** capitalised word after an office is mostly its place ("Polresta
** Denpasar", "Wali Kota Surabaya"). */
static bool names_person(const sent *st, const unit *u)
{
    if (u->person || u->holder_last >= u->holder_first + 2)
        return true;
    for (uint32_t t = u->first; u->holder_last > u->holder_first && t < u->holder_first; t++)
        if (has_role(st, t, GRAMMAR_TITLE))
            return true;
    return false;
}

/* A word a person is called by later: the last of the holder's name, or
** of the name the entry matched ("Çavuşoğlu"), or (which > 0) the first
** of a holder's name or of a person's (Indonesian writes "Dede" for Dede
** Indra, "Dedi" for Dedi Mulyadi). */
static bool name_word(const sent *st, const unit *u, int which, char *out,
                      size_t cap)
{
    bool holder = u->holder_last > u->holder_first;
    bool named = u->person && u->last >= u->first + 2;  /* "Dedi Mulyadi" */
    uint32_t at = !names_person(st, u) ? 0
                  : which > 0 ? (holder ? u->holder_first + 1 : named ? u->first + 1 : 0)
                  : holder ? u->holder_last : u->last;
    if (!at)
        return false;
    const warta_token *t = &st->s->tokens[at - 1];
    return t->text.n > 2 && token_starts_upper(t) && fold_word(t, out, cap) > 0;
}

static void remember_name(doc_state *ds, const char *word, const unit *u)
{
    size_t k = 0;
    while (k < ds->n_names && strcmp(ds->names[k].word, word) != 0)
        k++;
    if (k == ds->n_names && ds->n_names < ARRAY_LEN(ds->names))
        ds->n_names++;
    if (k < ds->n_names) {
        snprintf(ds->names[k].word, sizeof ds->names[k].word, "%s", word);
        ds->names[k].u = *u;
    }
}

static bool in_unit(const sent *st, uint32_t t);

/* Is token t a name warta does not know: a proper noun in no actor? */
static bool unknown_name_at(const sent *st, uint32_t t)
{
    return st->s->tokens[t].upos == WARTA_UPOS_PROPN && !in_unit(st, t);
}

/* Does a name warta does not know act in the sentence, as a subject
** ("Staffan de Mistura announced ...")? */
static bool unknown_subject(const sent *st)
{
    for (uint32_t t = 0; st->parsed && t < st->s->n_tokens; t++)
        if (clause_rel(st, t, "nsubj") && unknown_name_at(st, t))
            return true;
    return false;
}

static const unit *remembered(const sent *st, const doc_state *ds, uint32_t t);

/* Is token t a name warta does not know: a capitalised word in no actor,
** no pronoun, no name the article gave an actor before? */
static bool unknown_name(const sent *st, const doc_state *ds, uint32_t t)
{
    const warta_token *w = &st->s->tokens[t];
    return w->text.n > 1 && token_starts_upper(w) && !in_unit(st, t) &&
           !pronoun_word(st, t) && !remembered(st, ds, t);
}

/* In a sentence not parsed, does a name warta does not know speak, right
** after the word of speech ('"...," tambah Atalarik', '..., said Ruben
** Chandrasekar')? */
static bool unknown_speaker(const sent *st, const doc_state *ds)
{
    for (uint32_t t = 0; !st->parsed && t + 1 < st->s->n_tokens; t++)
        if (has_role(st, t, GRAMMAR_SAY) && unknown_name(st, ds, t + 1))
            return true;
    return false;
}

/* The actor at token t (not an unknown side, not one EXCEPT removed), or
** NULL. */
static const unit *unit_at(const sent *st, uint32_t t)
{
    int k = actor_holding(st, t);
    return k >= 0 ? &st->units[k] : NULL;
}

/* Does the sentence have a word of speech ("said", "kata")? */
static bool has_speech(const sent *st)
{
    for (uint32_t t = 0; t < st->s->n_tokens; t++)
        if (has_role(st, t, GRAMMAR_SAY))
            return true;
    return false;
}

/* Does someone speak in the parsed sentence: a word of speech with a
** subject ("kata Pramono"), or one with "-nya" ("ujarnya")?  Not "tambah
** dong Rp 10 triliun" (add, not "added"). */
static bool speaker_told(const sent *st)
{
    for (uint32_t t = 0; t < st->s->n_tokens; t++)
        if (has_role(st, t, GRAMMAR_SAY) &&
            (clause_child(st, t, "nsubj", false) != NO_INDEX ||
             st->s->tokens[t].clitic == WARTA_CLITIC_NYA))
            return true;
    return false;
}

/* Who spoke in the sentence: the actor that is the subject of a word of
** speech ("'...,' kata Pramono"). */
static void remember_speaker(doc_state *ds, const sent *st)
{
    for (uint32_t t = 0; t < st->s->n_tokens; t++) {
        if (!has_role(st, t, GRAMMAR_SAY))
            continue;
        const unit *u = NULL;
        if (st->parsed) {
            uint32_t s = clause_child(st, t, "nsubj", false);
            u = s != NO_INDEX ? unit_at(st, s) : NULL;
        } else if (t > 0 && has_role(st, t - 1, GRAMMAR_HE) && ds->has_last_actor &&
                   !actor_in(st, t - 1)) {
            u = &ds->last_actor;    /* not parsed (no trigger): "Ia
                                       memastikan ...", he who acted last */
        } else if (t > 0) {
            u = unit_at(st, t - 1); /* "Pramono menjelaskan ..." */
        }
        if (u && u->sector[0]) {
            ds->last_speaker = *u;
            ds->has_last_speaker = true;
            ds->last_speaker_sentence = st->s->index;
        }
    }
}

/* The country the sentence named alone last before token t, or the one
** the article named last before the sentence; NULL when none.  With
** not_subject, not a subject of the sentence: "Uganda withdrew its troops
** from the country" is another country. */
static const unit *country_before(const sent *st, const doc_state *ds, uint32_t t,
                                  bool not_subject)
{
    const unit *last = ds->has_last_country ? &ds->last_country : NULL;
    for (size_t k = 0; k < st->n_units; k++) {
        const unit *u = &st->units[k];
        if (u->last <= t && !u->unknown && !u->excluded && actor_names_state(u) &&
            !(not_subject && clause_rel(st, clause_head(st, u->first, u->last), "nsubj")))
            last = u;
    }
    return last;
}

/* The person the sentence's main clause is about: the subject of its
** root, when the dictionaries know it as a person; or NULL. */
static const unit *main_subject(const sent *st)
{
    if (!st->parsed)
        return NULL;
    for (uint32_t t = 0; t < st->s->n_tokens; t++) {
        if (clause_parent(st, t) != NO_INDEX || st->s->tokens[t].upos == WARTA_UPOS_PUNCT)
            continue;
        uint32_t s = clause_child(st, t, "nsubj", false);
        const unit *u = s != NO_INDEX ? unit_at(st, s) : NULL;
        return u && u->sector[0] && !u->unknown && names_person(st, u) ? u : NULL;
    }
    return NULL;
}

/* The common noun a unit ends in, folded ("Isis fighters": fighters);
** false for one that ends in a name. */
static bool agent_word(const sent *st, const unit *u, char *out, size_t cap)
{
    const warta_token *t = &st->s->tokens[u->last - 1];
    return u->holder_last == u->holder_first && !token_starts_upper(t) && t->text.n > 2 &&
           fold_word(t, out, cap) > 0;
}

/* "Isis fighters ... the fighters held by ...": an agent named with whose
** it is, by its word, for a definite description of it later. */
static void remember_described(doc_state *ds, const sent *st)
{
    for (size_t i = 0; i < st->n_units; i++) {
        const unit *u = &st->units[i];
        char word[sizeof ds->described[0].word];
        if (u->unknown || u->excluded || !u->sector[0] || strncmp(u->code, "---", 3) == 0 ||
            u->lent_country || !agent_word(st, u, word, sizeof word))
            continue;
        size_t k = 0;
        while (k < ds->n_described && strcmp(ds->described[k].word, word) != 0)
            k++;
        if (k == ds->n_described && k < ARRAY_LEN(ds->described))
            ds->n_described++;
        if (k < ds->n_described) {
            memcpy(ds->described[k].word, word, sizeof word);
            ds->described[k].u = *u;
        }
    }
}

void refer_remember(doc_state *ds, const sent *st)
{
    remember_described(ds, st);
    remember_speaker(ds, st);
    const unit *c = country_before(st, ds, (uint32_t)st->s->n_tokens, false);
    if (c) {
        ds->last_country = *c;
        ds->has_last_country = true;
    }
    for (size_t i = 0; i < st->n_units; i++) {
        const unit *u = &st->units[i];
        char word[sizeof ds->names[0].word];
        if (u->unknown || u->excluded || !u->sector[0] ||
            !name_word(st, u, 0, word, sizeof word))
            continue;
        remember_name(ds, word, u);
        if (name_word(st, u, 1, word, sizeof word))
            remember_name(ds, word, u);
        ds->last_actor = *u;
        ds->has_last_actor = true;
    }
    bool unknown = unknown_subject(st) || unknown_speaker(st, ds);
    if (unknown)
        ds->has_last_actor = false; /* "he" is now someone unknown */
    if (st->had_event && st->last_pair[0].sector[0] &&
        names_person(st, &st->last_pair[0])) {
        ds->last_actor = st->last_pair[0];
        ds->has_last_actor = true;
    }
    const unit *main = unknown ? NULL : main_subject(st);
    if (main) {                 /* "Erdoğan has said ... as he lambasted
                                   decisions by Trump. ... he also
                                   criticised Europe": Erdoğan */
        ds->last_actor = *main;
        ds->has_last_actor = true;
    }
}

/* A personal pronoun of the HE words, or a noun the pack lists there
** ("pihaknya", his side: the body he speaks for). */
static bool third_person(const sent *st, uint32_t t)
{
    const warta_token *w = &st->s->tokens[t];
    bool pronoun = w->upos == WARTA_UPOS_PRON && (w->feats & WARTA_FEAT(PRONTYPE_PRS));
    return (pronoun || w->upos == WARTA_UPOS_NOUN) && has_role(st, t, GRAMMAR_HE);
}

static bool in_unit(const sent *st, uint32_t t)
{
    for (size_t k = 0; k < st->n_units; k++)
        if (st->units[k].first <= t && t < st->units[k].last)
            return true;
    return false;
}

static void add_unit(sent *st, uint32_t t, const unit *like)
{
    if (st->n_units == MAX_UNITS)
        return;
    size_t at = st->n_units++;
    while (at > 0 && st->units[at - 1].first > t) {    /* token order */
        st->units[at] = st->units[at - 1];
        at--;
    }
    unit *u = &st->units[at];
    *u = *like;
    u->first = t;
    u->last = t + 1;
    u->holder_first = u->holder_last = 0;
    u->group = 2000000 + t;
    u->excluded = u->counterpart = false;
}

/* The title's actor when it opens the title and is an organisation or an
** office ("Komisi III DPR Dorong Usut ..."): the article's protagonist. */
void refer_headline(doc_state *ds, const sent *st)
{
    if (ds->has_headline || st->s->kind != WARTA_KIND_TITLE || !st->n_units)
        return;
    const unit *u = &st->units[0];
    if (u->first <= 1 && u->sector[0] && !u->unknown && !u->excluded &&
        !names_person(st, u)) {
        ds->headline = *u;
        ds->has_headline = true;
    }
}

/* A name of two words or more that no dictionary knows, as the subject of
** a verb ("..., kata Dede Indra"): the first person who acts in an article
** whose title opens with an organisation speaks for it ("Komisi III DPR
** Dorong ...": Dede Indra is IDNLEG).  Later he is called by his name. */
static void headline_person(sent *st, doc_state *ds)
{
    if (!ds->has_headline || ds->headline_given || !st->parsed)
        return;
    for (uint32_t t = 0; t < st->s->n_tokens; t++) {
        if (st->s->tokens[t].upos != WARTA_UPOS_PROPN || !clause_rel(st, t, "nsubj") ||
            in_unit(st, t))
            continue;
        uint32_t a = t, b = t + 1;
        while (a > 0 && st->s->tokens[a - 1].upos == WARTA_UPOS_PROPN && !in_unit(st, a - 1))
            a--;
        while (b < st->s->n_tokens && st->s->tokens[b].upos == WARTA_UPOS_PROPN &&
               !in_unit(st, b))
            b++;
        if (b - a < 2)
            continue;
        add_unit(st, a, &ds->headline);
        for (size_t k = 0; k < st->n_units; k++)
            if (st->units[k].first == a) {
                unit *u = &st->units[k];
                u->last = u->holder_last = b;
                u->holder_first = a;
            }
        ds->headline_given = true;
        return;
    }
}

/* Does unit u hold the subject of the verb whose object is the pronoun
** at t?  Then the pronoun is someone else: "X accused him" is not X
** accusing himself (that is "himself"). */
static bool own_subject(const sent *st, uint32_t t, const unit *u)
{
    uint32_t v = clause_parent(st, t);
    if (v == NO_INDEX || !(clause_rel(st, t, "obj") || clause_rel(st, t, "iobj")))
        return false;
    if ((clause_rel(st, v, "conj") || clause_rel(st, v, "advcl") ||
         clause_rel(st, v, "xcomp")) &&
        clause_child(st, v, "nsubj", false) == NO_INDEX)
        v = clause_parent(st, v);   /* "X met Y and praised him", "X called
                                       Y, urging him to ...", "X wants to
                                       meet him": X's verb too */
    for (uint32_t i = u->first; i < u->last; i++)
        if (clause_parent(st, i) == v && clause_rel(st, i, "nsubj"))
            return true;
    return false;
}

/* Is the phrase at h the subject of clause v, or the owner of it? */
static bool subject_of_clause(const sent *st, uint32_t h, uint32_t v)
{
    uint32_t up = clause_parent(st, h);
    if (clause_rel(st, h, "nmod:poss") && up != NO_INDEX) {
        h = up;
        up = clause_parent(st, h);
    }
    return up == v && clause_rel(st, h, "nsubj");
}

/* The actor before t that is the subject (or the subject's owner) of
** clause c or of the first clause above it that has one: a person, or
** (person false) any actor with a country.  -1 when none. */
static int subject_from(const sent *st, uint32_t t, uint32_t c, bool person)
{
    for (int steps = 0; steps < 8 && c != NO_INDEX; steps++) {
        for (size_t k = 0; k < st->n_units; k++) {
            const unit *u = &st->units[k];
            if (u->last <= t && !u->unknown && !u->excluded &&
                (person ? names_person(st, u) : u->country[0] != '\0') &&
                subject_of_clause(st, clause_head(st, u->first, u->last), c))
                return (int)k;
        }
        uint32_t up = clause_parent(st, c);
        c = up == NO_INDEX ? NO_INDEX : clause_of(st, up);
    }
    return -1;
}

/* The person before t who is the subject (or the subject's owner) of a
** clause above the pronoun's: "Trump confirmed he was ending ...";
** "Trump's decision was prompted by a call with Erdoğan, in which he
** ...": Trump.  -1 when none. */
static int governing_subject(const sent *st, uint32_t t)
{
    uint32_t up = clause_parent(st, clause_of(st, t));
    return up == NO_INDEX ? -1 : subject_from(st, t, clause_of(st, up), true);
}

/* The person a pronoun at t stands for when the sentence named one
** before it: the subject among them, else the nearest ("Trump said he
** would ..."; "pressing Turkey to extradite Prakash since he was
** detained"), never the subject of the pronoun's own verb.  -1 when the
** sentence named no one before t, -2 when only that subject. */
static int person_before(const sent *st, uint32_t t)
{
    int above = governing_subject(st, t);
    if (above >= 0 && !own_subject(st, t, &st->units[above]))
        return above;
    int nearest = -1;
    for (size_t k = 0; k < st->n_units; k++) {
        const unit *u = &st->units[k];
        if (u->last > t || u->unknown || u->excluded || !names_person(st, u))
            continue;
        if (own_subject(st, t, u)) {
            nearest = nearest == -1 ? -2 : nearest;
            continue;
        }
        if (clause_rel(st, clause_head(st, u->first, u->last), "nsubj"))
            return (int)k;
        nearest = (int)k;
    }
    return nearest;
}

/* "Russia said it would ...": a pronoun subject of what a verb says,
** decides or asks stands for that verb's subject, and so does one of a
** clause joined to another ("Qatar denies the accusations, and it has
** restored links with Tehran"); the unit, or -1. */
static int subject_above(const sent *st, uint32_t t)
{
    if (!has_role(st, t, GRAMMAR_IT) || !clause_rel(st, t, "nsubj"))
        return -1;
    uint32_t v = clause_parent(st, t);
    bool below = v != NO_INDEX && (clause_rel(st, v, "ccomp") || clause_rel(st, v, "conj"));
    uint32_t h = below ? clause_parent(st, v) : NO_INDEX;
    uint32_t s = h != NO_INDEX ? clause_child(st, h, "nsubj", false) : NO_INDEX;
    const unit *u = s != NO_INDEX ? unit_at(st, s) : NULL;
    return u ? (int)(u - st->units) : -1;
}

/* Does the clause before the pronoun at t, adverbial to the pronoun's,
** have a subject that names no actor, the one the pronoun stands for ("If
** security council members want to save lives, they must enforce ...")? */
static bool told_before(const sent *st, uint32_t t)
{
    uint32_t h = clause_rel(st, t, "nsubj") ? clause_parent(st, t) : NO_INDEX;
    for (uint32_t c = h != NO_INDEX ? st->kid[h] : NO_INDEX; c != NO_INDEX; c = st->sib[c]) {
        uint32_t s = c < t && clause_rel(st, c, "advcl") ? clause_child(st, c, "nsubj", false)
                                                         : NO_INDEX;
        if (s != NO_INDEX && st->s->tokens[s].upos == WARTA_UPOS_NOUN && !in_unit(st, s))
            return true;
    }
    return false;
}

/* Is the subject of the first clause above the pronoun at t that has one
** a name warta does not know ("Robinson has said he travelled to Syria":
** he is Robinson, no one known)? */
static bool unknown_name_above(const sent *st, uint32_t t)
{
    uint32_t c = clause_of(st, t);
    for (int steps = 0; steps < 8; steps++) {
        uint32_t up = clause_parent(st, c);
        if (up == NO_INDEX)
            return false;
        c = clause_of(st, up);
        uint32_t s = clause_child(st, c, "nsubj", false);
        if (s != NO_INDEX)
            return unknown_name_at(st, s);
    }
    return false;
}

/* The actor the article named before by the word at t, or NULL. */
static const unit *remembered(const sent *st, const doc_state *ds, uint32_t t)
{
    char word[sizeof ds->names[0].word];
    if (!fold_word(&st->s->tokens[t], word, sizeof word))
        return NULL;
    for (size_t k = 0; k < ds->n_names; k++)
        if (strcmp(ds->names[k].word, word) == 0)
            return &ds->names[k].u;
    return NULL;
}

/* ... the same, of a proper noun (the tree's word for a name). */
static const unit *name_known(const sent *st, const doc_state *ds, uint32_t t)
{
    return st->s->tokens[t].upos == WARTA_UPOS_PROPN ? remembered(st, ds, t) : NULL;
}

/* "terdakwa Bazarsah", "the defendant, Haddad," after "Kopda Bazarsah",
** "Colonel Haddad": a suspect or defendant the article named before keeps
** the job it gave him (a serving soldier on trial stays MIL, as the
** guidelines code him).  The name is the role's holder, or the proper
** nouns right after it, which the role's unit then spans. */
static void suspects_keep_jobs(sent *st, const doc_state *ds)
{
    for (size_t k = 0; k < st->n_units; k++) {
        unit *u = &st->units[k];
        if (strncmp(u->sector, "CRM", 3) != 0 || u->unknown || u->excluded)
            continue;
        bool holder = u->holder_last > u->holder_first;
        uint32_t a = holder ? u->holder_first : u->last + token_is_mark(st, u->last, ',');
        uint32_t b = holder ? u->holder_last : a;
        while (!holder && b < st->s->n_tokens && b - a < 4 &&
               st->s->tokens[b].upos == WARTA_UPOS_PROPN && !in_unit(st, b))
            b++;
        const unit *known = b > a ? name_known(st, ds, b - 1) : NULL;
        if (!known)
            continue;
        if (known->sector[0] && strncmp(known->sector, "CRM", 3) != 0) {
            actor_copy_code(u, known);
            u->where = known->where;
        }
        u->holder_first = a;
        u->holder_last = b;
        if (u->last < b)
            u->last = b;
    }
}

/* "Prince Mohammed" after "Mohammed bin Salman": an office of no country
** held by a person's name (not a place's: "Pemerintah Kota Bogor") the
** article gave a known person before is that person, with his code. */
static void holders_named_before(sent *st, const doc_state *ds)
{
    for (size_t k = 0; k < st->n_units; k++) {
        unit *u = &st->units[k];
        if (u->country[0] || u->unknown || u->excluded || u->holder_last <= u->holder_first ||
            !names_person(st, u))
            continue;
        const unit *known = name_known(st, ds, u->holder_last - 1);
        if (!known)
            known = name_known(st, ds, u->holder_first);
        if (known && known->country[0]) {
            actor_copy_code(u, known);
            u->where = known->where;
        }
    }
}

/* "KBRI berkoordinasi dengan kepolisian setempat": an agent of no country
** with a LOCAL word right after it is of the country named last (in a
** story from Cambodia, Cambodia's police), not of the article's home. */
static void local_agents(sent *st, const doc_state *ds)
{
    for (size_t k = 0; k < st->n_units; k++) {
        unit *u = &st->units[k];
        if (u->country[0] || !u->sector[0] || u->last >= st->s->n_tokens ||
            !has_role(st, u->last, GRAMMAR_LOCAL))
            continue;
        const unit *c = country_before(st, ds, u->first, false);
        if (c)
            actor_lend_country(u, c->country);
    }
}

/* Is the sentence the writer's own, of an outlet with a country: no one
** speaks in it, no quote opens it or runs on from the sentence before? */
static bool writers_words(const sent *st, const doc_state *ds)
{
    if (!st->s->n_tokens)
        return false;
    const warta_token *first = &st->s->tokens[0];
    bool quote = (first->text.n == 1 && first->text.p[0] == '"') ||
                 (first->text.n == 3 && memcmp(first->text.p, "\xe2\x80\x9c", 3) == 0);
    return ds->outlet && !has_speech(st) && !quote && !st->has_speaker;
}

/* The actor with a country that a possessive of a body or a group at p
** stands for ("the British government pleads with its citizens"): the
** subject of p's clause, or of a clause above it, if it is no compound
** ("A and B ... their citizens": each its own); -1 when none. */
static int body_before(const sent *st, uint32_t p)
{
    int k = subject_from(st, p, clause_of(st, p), false);
    return k >= 0 && actor_group_size(st, st->units[k].group) < 2 ? k : -1;
}

/* "Trump ... seemed distracted by an FBI raid on his lawyer's office": an
** agent of no country owned by a possessive pronoun (the pack's HIS
** words) is of the country of the person before it the pronoun stands
** for, and one owned by a body's (ITS: "the government pleads with its
** citizens") of the subject's, not of the article's home; one the writer
** owns ("our government", the OUR words, in the paper's own words) is of
** the outlet's country. */
static void owners_country(sent *st, const doc_state *ds)
{
    for (size_t k = 0; k < st->n_units; k++) {
        unit *u = &st->units[k];
        if (u->country[0] || !u->sector[0] || u->unknown)
            continue;
        uint32_t p = clause_child(st, clause_head(st, u->first, u->last), "nmod:poss", false);
        int who = p == NO_INDEX                      ? -1
                  : has_role(st, p, GRAMMAR_HIS) ? person_before(st, p)
                  : has_role(st, p, GRAMMAR_ITS) ? body_before(st, p)
                                                 : -1;
        if (who >= 0) {
            actor_lend_country(u, st->units[who].country);
            u->owned = true;
        }
        if (p != NO_INDEX && has_role(st, p, GRAMMAR_OUR) && writers_words(st, ds))
            actor_lend_country(u, ds->outlet->country);  /* "But our government
                                       actively supports Turkey", in a British
                                       paper */
    }
}

/* Is unit u a bare definite description: "the" right before its agent
** word, no phrase of its own after it ("the leaders of the UK and US";
** a clause may follow: "the fighters held by ...")? */
static bool definite_description(const sent *st, const unit *u)
{
    uint32_t a = u->first - 1, h = clause_head(st, u->first, u->last);
    if (u->first == 0 || u->last != u->first + 1 || !has_role(st, a, GRAMMAR_ARTICLE) ||
        has_role(st, a, GRAMMAR_INDEFINITE) || has_role(st, a, GRAMMAR_HIS) ||
        has_role(st, a, GRAMMAR_ITS) || has_role(st, a, GRAMMAR_OUR) ||
        clause_parent(st, a) != h)      /* not "the military campaign" */
        return false;
    for (uint32_t c = st->kid[h]; c != NO_INDEX; c = st->sib[c])
        if (c > h && !clause_rel(st, c, "punct") && !clause_rel(st, c, "acl"))
            return false;
    return true;
}

/* "the fighters", "the militia": an agent of no one named, as a bare
** definite description, is the one the article last described by that
** word ("Isis fighters"), not one of the article's home country; not a
** government, which the home-country rule reads ("the government" in a
** British paper is mostly Britain's, whatever was named before). */
static void described_before(sent *st, const doc_state *ds)
{
    for (size_t i = 0; i < st->n_units; i++) {
        unit *u = &st->units[i];
        char word[sizeof ds->described[0].word];
        if (u->country[0] || strncmp(u->code, "---", 3) != 0 || u->unknown ||
            !u->agent_led || strncmp(u->sector, "GOV", 3) == 0 ||
            !definite_description(st, u) ||
            !agent_word(st, u, word, sizeof word))
            continue;
        for (size_t k = 0; k < ds->n_described; k++)
            if (strcmp(ds->described[k].word, word) == 0) {
                unit named = *u;
                *u = ds->described[k].u;
                u->first = named.first;
                u->last = named.last;
                u->group = named.group;
                u->excluded = named.excluded;
                u->counterpart = named.counterpart;
            }
    }
}

/* Would a speaker of sector `speaker` speak of a body of sector `body` as
** its own: one of its sector, or former officials of the government? */
static bool own_sector(const char *speaker, const char *body)
{
    return strcmp(speaker, body) == 0 ||
           (strcmp(speaker, "ELI") == 0 && strcmp(body, "GOV") == 0);
}

/* "Current and former US officials have said the administration wants
** ...": a body of no country that is the subject of what officials of a
** country say, of their sector, is theirs. */
static void speakers_own(sent *st)
{
    for (size_t k = 0; k < st->n_units; k++) {
        unit *u = &st->units[k];
        uint32_t h = clause_head(st, u->first, u->last);
        if (u->country[0] || !u->sector[0] || u->unknown || !clause_rel(st, h, "nsubj"))
            continue;
        uint32_t c = clause_of(st, h);
        for (int depth = 0; depth < 3 && c != NO_INDEX; depth++) {
            uint32_t v = clause_parent(st, c);
            if (v == NO_INDEX)
                break;
            uint32_t s = clause_rel(st, c, "ccomp") && has_role(st, v, GRAMMAR_SAY)
                             ? clause_child(st, v, "nsubj", false) : NO_INDEX;
            const unit *w = s != NO_INDEX ? unit_at(st, s) : NULL;
            if (w && w != u && w->country[0] && own_sector(w->sector, u->sector)) {
                actor_lend_country(u, w->country);
                break;
            }
            c = clause_of(st, v);
        }
    }
}

/* Whom the "-nya" of a word of speech stands for ("ucapnya", he said):
** who spoke in the sentence just before, a quote going on, else who acted
** last; NULL when neither is known. */
static const unit *clitic_speaker(const sent *st, const doc_state *ds)
{
    if (st->has_speaker)
        return &st->speaker;
    return ds->has_last_actor ? &ds->last_actor : NULL;
}

void refer_resolve(sent *st, doc_state *ds)
{
    described_before(st, ds);
    headline_person(st, ds);
    suspects_keep_jobs(st, ds);
    holders_named_before(st, ds);
    local_agents(st, ds);
    for (uint32_t t = 0; t < st->s->n_tokens; t++) {
        if (in_unit(st, t))
            continue;
        const warta_token *w = &st->s->tokens[t];
        int above = subject_above(st, t);
        if (above >= 0) {       /* each of a compound: "A and B said they",
                                   but not twice one told of again: "Turkey,
                                   a Nato member, said it" */
            const unit *subject = &st->units[above];
            uint32_t group = subject->group;
            size_t n = st->n_units;
            for (size_t k = 0; k < n; k++)
                if (st->units[k].group == group && !st->units[k].excluded &&
                    !clause_apposed(st, subject, &st->units[k])) {
                    unit like = st->units[k];
                    add_unit(st, t, &like);
                }
            continue;
        }
        if (third_person(st, t) && !clause_rel(st, t, "nmod:poss")) {
            int p = person_before(st, t);   /* not "his counterpart" */
            /* "they" stands for no one person: "... Alexanda Kotey and El
            ** Shafee Elsheikh. They are being held by ..." is neither the
            ** Briton nor the American named last */
            bool plural = has_role(st, t, GRAMMAR_THEY);
            if (p >= 0 && !(plural && names_person(st, &st->units[p]))) {
                unit like = st->units[p];
                add_unit(st, t, &like);
            } else if (p == -1 && ds->has_last_actor && !told_before(st, t) &&
                       !unknown_name_above(st, t) &&
                       !(plural && names_person(st, &ds->last_actor))) {
                add_unit(st, t, &ds->last_actor);
            }
            continue;
        }
        const unit *said_by = has_role(st, t, GRAMMAR_SAY) &&
                                      (w->clitic == WARTA_CLITIC_NYA || clause_clitic_pronoun(st, t)) &&
                                      clause_child(st, t, "nsubj", false) == NO_INDEX
                                  ? clitic_speaker(st, ds) : NULL;
        if (said_by) {
            add_unit(st, t, said_by);   /* "ucapnya": he said */
            continue;
        }
        if (has_role(st, t, GRAMMAR_WE) && w->upos == WARTA_UPOS_PRON && st->has_speaker &&
            !speaker_told(st)) {
            add_unit(st, t, &st->speaker);  /* a quote going on: '"Kami
                                                    minta ..."' */
            continue;
        }
        /* "withdraw US troops from the country": the country named last */
        const unit *country = has_role(st, t, GRAMMAR_THAT_COUNTRY) &&
                                      w->upos == WARTA_UPOS_NOUN
                                  ? country_before(st, ds, t, true) : NULL;
        if (country) {
            unit like = *country;
            add_unit(st, t, &like);
            continue;
        }
        const unit *known = name_known(st, ds, t);
        if (known)
            add_unit(st, t, known);
    }
    if (st->parsed) {
        owners_country(st, ds);
        speakers_own(st);
    }
}

/* How many words of the sentence could stand for an actor said before: a
** pronoun of the pack's HE or WE words, or a capitalised word that is a
** name remembered.  Read before the sentence is parsed (no tags yet). */
size_t refer_candidates(const sent *st, const doc_state *ds)
{
    size_t n = 0;
    /* with one actor in a sentence of no speech, a pronoun counts only if
    ** it may stand for someone else: "he" for whoever acted last, "kami"
    ** for the last sentence's speaker (who speaks is remembered from the
    ** tree: a sentence with a word of speech is parsed for the quotes
    ** that follow it) */
    bool alone = st->n_units < 2 && !has_speech(st);
    for (uint32_t t = 0; t < st->s->n_tokens; t++) {
        if (in_unit(st, t))
            continue;
        if ((has_role(st, t, GRAMMAR_HE) && (!alone || ds->has_last_actor)) ||
            (has_role(st, t, GRAMMAR_WE) &&
             (!alone || st->has_speaker)) ||
            has_role(st, t, GRAMMAR_THAT_COUNTRY)) {
            n++;
            continue;
        }
        if (!token_starts_upper(&st->s->tokens[t]))
            continue;
        /* perhaps the one the title names: a name of two words
        ** (headline_person), or a name said before */
        bool titled = ds->has_headline && !ds->headline_given && t > 0 &&
                      t + 1 < st->s->n_tokens && !in_unit(st, t + 1) &&
                      token_starts_upper(&st->s->tokens[t + 1]);
        n += titled || remembered(st, ds, t);
    }
    return n;
}
