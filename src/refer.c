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
#include <string.h>

#include "coder.h"

static size_t fold_word(const warta_token *t, char *out, size_t cap)
{
    return dict_fold(t->text.p, t->text.n, out, cap);
}

/* Does the unit name a person: someone the dictionary knows, or an office
** and its holder's name of two words or more ("Ketua Komnas PA, Syaiful
** Bahri")?  One capitalised word after an office is mostly its place
** ("Polresta Denpasar", "Wali Kota Surabaya"). */
static bool names_person(const unit *u)
{
    return u->person || u->holder_last >= u->holder_first + 2;
}

/* The word a person is called by later: the last of the holder's name,
** or of the name the entry matched. */
static bool name_word(const sent *st, const unit *u, char *out, size_t cap)
{
    uint32_t last = !names_person(u) ? 0
                    : u->holder_last > u->holder_first ? u->holder_last
                                                       : u->last;
    if (!last)
        return false;
    const warta_token *t = &st->s->tokens[last - 1];
    size_t len;
    return t->text.n > 2 &&
           utf8_is_upper(utf8_decode(t->text.p, t->text.n, 0, &len)) &&
           fold_word(t, out, cap) > 0;
}

static bool in_unit(const sent *st, uint32_t t);

/* Does a name warta does not know act in the sentence: a proper noun
** subject in no actor ("Staffan de Mistura announced ...")? */
static bool unknown_subject(const sent *st)
{
    for (uint32_t t = 0; st->parsed && t < st->s->n_tokens; t++)
        if (st->s->tokens[t].upos == WARTA_UPOS_PROPN &&
            clause_rel(st, t, "nsubj") && !in_unit(st, t))
            return true;
    return false;
}

void refer_remember(doc_state *ds, const sent *st)
{
    for (size_t i = 0; i < st->n_units; i++) {
        const unit *u = &st->units[i];
        char word[sizeof ds->names[0].word];
        if (u->unknown || u->excluded || !u->sector[0] ||
            !name_word(st, u, word, sizeof word))
            continue;
        size_t k = 0;
        while (k < ds->n_names && strcmp(ds->names[k].word, word) != 0)
            k++;
        if (k == ds->n_names && ds->n_names < ARRAY_LEN(ds->names))
            ds->n_names++;
        if (k < ds->n_names) {
            memcpy(ds->names[k].word, word, sizeof word);
            ds->names[k].u = *u;
        }
        ds->last_actor = *u;
        ds->has_last_actor = true;
    }
    if (unknown_subject(st))
        ds->has_last_actor = false; /* "he" is now someone unknown */
    if (st->had_event && st->last_pair[0].sector[0] &&
        names_person(&st->last_pair[0])) {
        ds->last_actor = st->last_pair[0];
        ds->has_last_actor = true;
    }
}

static bool third_person(const sent *st, uint32_t t)
{
    const warta_token *w = &st->s->tokens[t];
    return w->upos == WARTA_UPOS_PRON && (w->feats & WARTA_FEAT(PRONTYPE_PRS)) &&
           has_role(st, t, GRAMMAR_HE);
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

void refer_resolve(sent *st, const doc_state *ds)
{
    for (uint32_t t = 0; t < st->s->n_tokens; t++) {
        if (in_unit(st, t))
            continue;
        const warta_token *w = &st->s->tokens[t];
        if (third_person(st, t) && ds->has_last_actor &&
            !clause_rel(st, t, "nmod:poss")) {  /* "his counterpart" */
            add_unit(st, t, &ds->last_actor);
            continue;
        }
        char word[sizeof ds->names[0].word];
        if (w->upos != WARTA_UPOS_PROPN || !fold_word(w, word, sizeof word))
            continue;
        for (size_t k = 0; k < ds->n_names; k++)
            if (strcmp(ds->names[k].word, word) == 0) {
                add_unit(st, t, &ds->names[k].u);
                break;
            }
    }
}

/* How many words of the sentence could stand for an actor said before: a
** pronoun of the pack's HE or WE words, or a capitalised word that is a
** name remembered.  Read before the sentence is parsed (no tags yet). */
size_t refer_candidates(const sent *st, const doc_state *ds)
{
    size_t n = 0;
    for (uint32_t t = 0; t < st->s->n_tokens; t++) {
        if (in_unit(st, t))
            continue;
        if (has_role(st, t, GRAMMAR_HE) || has_role(st, t, GRAMMAR_WE)) {
            n++;
            continue;
        }
        const warta_token *w = &st->s->tokens[t];
        size_t len;
        char word[sizeof ds->names[0].word];
        if (!w->text.n || !utf8_is_upper(utf8_decode(w->text.p, w->text.n, 0, &len)) ||
            !fold_word(w, word, sizeof word))
            continue;
        for (size_t k = 0; k < ds->n_names; k++)
            if (strcmp(ds->names[k].word, word) == 0) {
                n++;
                break;
            }
    }
    return n;
}
