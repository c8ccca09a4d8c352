/*
** home.c -- the article's home country, for the actors that name none.
**
** "The police", "pemerintah", "warga" say what an actor is but not whose:
** a careful coder reads them as the country the article is about.  That
** country is the one most of the article's actors belong to, when it has
** at least two of them and more than a third of all those with a country;
** else, the country of the article's outlet (a pack's outlets.txt:
** "detik.com IDN").  The places an article names do not count: a British
** paper's story from Syria is told by British, American and Syrian actors
** (on the English news gold, counting them cost a right event).
*/
#include <stdio.h>
#include <string.h>

#include "coder.h"

void home_count_country(doc_state *ds, const char *country)
{
    if (strlen(country) != 3)
        return;
    size_t i = 0;
    while (i < ds->n_countries && strcmp(ds->countries[i].country, country))
        i++;
    if (i == ds->n_countries) {
        if (i == ARRAY_LEN(ds->countries))
            return;
        memcpy(ds->countries[i].country, country, 4);
        ds->countries[i].n = 0;
        ds->n_countries++;
    }
    ds->countries[i].n++;
}

void home_count(doc_state *ds, const sent *st)
{
    for (size_t k = 0; k < st->n_units; k++)
        if (!st->units[k].unknown && !dict_people(st->d, st->units[k].country))
            home_count_country(ds, st->units[k].country);
}

/* How often the article names the country. */
static uint32_t mentions_of(const doc_state *ds, const char *country)
{
    for (size_t i = 0; i < ds->n_countries; i++)
        if (strcmp(ds->countries[i].country, country) == 0)
            return ds->countries[i].n;
    return 0;
}

/* The home country, or NULL when no country leads and the outlet is not
** known; why, in words, into why. */
static const char *home_of(const doc_state *ds, char *why, size_t cap)
{
    uint32_t total = 0, best = 0;
    const char *home = NULL;
    for (size_t i = 0; i < ds->n_countries; i++) {
        total += ds->countries[i].n;
        /* the UN or Isis named most makes no home: no "IMGHLH" */
        if (ds->countries[i].n > best && country_known(ds->countries[i].country)) {
            best = ds->countries[i].n;
            home = ds->countries[i].country;
        }
    }
    if (best >= 2 && best * 3 > total) {
        snprintf(why, cap, "%s: %u of the article's %u actor mentions with a "
                 "country", home, best, total);
        return home;
    }
    const news_outlet *o = ds->outlet;
    if (!o || (o->world && (best < 2 || mentions_of(ds, o->country) < best)))
        return NULL;
    snprintf(why, cap, o->world ? "%s: the outlet's country, named most"
                                : "%s: the outlet's country", o->country);
    return o->country;
}

static bool fill_side(warta_actor *a, const char *home)
{
    if (a->country[0] || strncmp(a->code, "---", 3) != 0 || !a->text.n)
        return false;               /* the unknown side of a monad stays */
    if (strncmp(a->code + 3, "REF", 3) == 0)
        return false;               /* refugees have fled their country:
                                       the one the article is about is
                                       seldom theirs */
    char code[sizeof a->code];
    snprintf(code, sizeof code, "%s%s", home, a->code + 3);
    memcpy(a->code, code, sizeof code);
    memcpy(a->country, home, 4);
    a->home = true;
    return true;
}

/* Is a an armed group of no country (militants, rebels, extremists)?
** It is of the country the event happens in, where the article says
** ("Kurdish-led forces have been fighting diehard extremists in ...
** Syria's far eastern Deir ez-Zor province", in a story told from
** Washington), before the article's home. */
static bool armed(const warta_actor *a)
{
    static const char *const sectors[] = {"UAF", "RAD", "REB", "INS", "SEP"};
    for (size_t i = 0; i < ARRAY_LEN(sectors); i++)
        if (strncmp(a->code, "---", 3) == 0 && strncmp(a->code + 3, sectors[i], 3) == 0)
            return true;
    return false;
}

/* Does the event have an actor of the people p for a side? */
static bool of_people(const warta_event *e, const people *p)
{
    return strcmp(e->source.country, p->code) == 0 ||
           strcmp(e->target.country, p->code) == 0;
}

/* The state of the people p ("Kurdish forces") in this article: of the
** states it lives in, the one where most of the events of its actors
** happen ("clashes in Afrin"), else the first (peoples.txt lists the
** likeliest first) that the article names at all: the state a people's
** fighters are named with most is often the one they fight ("Turkey's
** offensive against the Kurdish enclave of Afrin, in Syria"); NULL when
** it names none. */
static const char *people_state(const warta_doc *doc, const people *p,
                                const doc_state *ds)
{
    const char *state = NULL;
    uint32_t best = 0;
    for (uint8_t i = 0; i < p->n_states; i++) {
        uint32_t n = 0;
        for (size_t k = 0; k < doc->n_events; k++)
            n += of_people(&doc->events[k], p) &&
                 strcmp(doc->events[k].place.country, p->states[i]) == 0;
        if (n > best) {
            best = n;
            state = p->states[i];
        }
    }
    for (uint8_t i = 0; i < p->n_states && !state; i++)
        if (mentions_of(ds, p->states[i]) > 0)
            state = p->states[i];
    return state;
}

static void place_people(warta_actor *a, const people *p, const char *state)
{
    if (strcmp(a->country, p->code) != 0)
        return;
    memcpy(a->code, state ? state : "---", 3);
    memcpy(a->country, state ? state : "", state ? 4 : 1);
}

void home_fill(warta_doc *doc, const doc_state *ds, const warta_dict *d)
{
    for (size_t i = 0; i < d->n_peoples; i++) {
        const people *p = &d->peoples[i];
        const char *state = people_state(doc, p, ds);
        for (size_t k = 0; k < doc->n_events; k++) {
            place_people(&doc->events[k].source, p, state);
            place_people(&doc->events[k].target, p, state);
        }
    }
    char why[128];
    const char *home = home_of(ds, why, sizeof why);
    if (!home)
        return;
    const char *note = NULL;
    for (size_t i = 0; i < doc->n_events; i++) {
        warta_event *e = &doc->events[i];
        const char *there = e->place.country[0] ? e->place.country : home;
        bool filled = fill_side(&e->source, armed(&e->source) ? there : home);
        filled |= fill_side(&e->target, armed(&e->target) ? there : home);
        if (filled && !note)
            note = arena_strndup(&doc->arena, why, strlen(why));
        if (filled)
            e->home_note = note;
    }
}
