/*
** code.c -- stage "code": events from the phrases match.c found.
**
** Adjacent actor and agent phrases become one actor ("Menteri Luar
** Negeri Rusia Sergei Lavrov" -> RUSGOV); actors joined by "and" form a
** compound, less any after "except"; each verb, unless negated, takes the
** code of its best pattern (or its own), the nearest actor before it as
** source and the first after it as target -- swapped for the passive --
** and gives one event per source and target member.  "Both sides" and
** "his counterpart" resolve to the actors in play.  Hands on: doc->events.
*/
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "warta_int.h"

/* An actor as the coder sees it: one or more adjacent phrases. */
typedef struct unit {
    uint32_t first, last;           /* tokens */
    char code[32], country[4], sector[16];
    src_pos where;                  /* the dictionary entry that named it */
    char prefix[16];                /* agents written before the country:
                                       "MSF Arnor" -> NGO + ARN */
    uint32_t group;                 /* units of one compound share it */
    bool excluded;                  /* named after "except" */
    bool counterpart;               /* "his counterpart ...": takes the
                                       other side's sector */
    bool agent_led;                 /* begins with an agent: "ambassadors
                                       of ...", "lawmakers in ..." */
    bool unknown;                   /* the missing side of a one-sided
                                       event: in no search */
} unit;

#define MAX_UNITS 64
#define MAX_IN_PLAY 2
#define NEAR 3                      /* tokens between a marker and its verb */

/* What the coder remembers from sentence to sentence of one article. */
typedef struct doc_state {
    int32_t date;                   /* days, or INT32_MIN when unknown */
    unit in_play[MAX_IN_PLAY];      /* the last distinct actors named */
    size_t n_in_play;
    bool discard_story;
    bool allow_monads;              /* code one-sided events */
    bool from_event;                /* in_play came from an event */
    bool list_actors;               /* keep every actor for the caller */
} doc_state;

typedef struct sent {
    const warta_dict *d;
    const warta_sentence *s;
    sentence_match m;
    uint32_t *roles;                /* per token: bit per grammar role */
    bool *is_phrase;                /* per token: inside a dictionary phrase */
    size_t n_units;
    unit last_pair[2];              /* source and target of the last event */
    uint32_t last_source_group;     /* the group of that event's source */
    bool had_event;
    int last_source;                /* unit index, for conjoined verbs */
    bool allow_monads;
    unit units[MAX_UNITS];          /* last: not cleared, filled as found */
} sent;

/* ---- actors ----------------------------------------------------------------- */

static const dated_code *pick_code(const warta_dict *d, const actor_block *b,
                                   int32_t date)
{
    const dated_code *open = NULL;
    for (uint32_t i = 0; i < b->n_codes; i++) {
        const dated_code *c = &d->codes[b->first_code + i];
        bool undated = c->from == INT32_MIN && c->to == INT32_MAX;
        if (date != INT32_MIN && !undated && date >= c->from && date <= c->to)
            return c;
        if (undated && !open)
            open = c;
    }
    if (open || b->n_codes == 0)
        return open;
    return date == INT32_MIN ? &d->codes[b->first_code] : NULL;
}

static bool is_letters3(const char *c)
{
    for (int i = 0; i < 3; i++)
        if (c[i] < 'A' || c[i] > 'Z')
            return false;
    return true;
}

/* Fold a mention into a unit: the most specific actor code wins; an
** agent adds its sector to a bare country. */
static void unit_add(unit *u, const warta_dict *d, const mention *mm,
                     int32_t date)
{
    if (mm->kind == ENTRY_AGENT) {
        /* several agents add up ("MSF Arnor diplomat" -> NGO ARN GOV),
        ** each code once */
        const agent_block *ab = &d->agents[mm->block];
        char *into = ab->before ? u->prefix : u->sector;
        size_t room = ab->before ? sizeof u->prefix : sizeof u->sector;
        if (!strstr(into, ab->code) && strlen(into) + strlen(ab->code) < room)
            strcat(into, ab->code);
    } else {
        const dated_code *c = pick_code(d, &d->actors[mm->block], date);
        if (!c || strcmp(c->code, "---") == 0)
            return;
        size_t n = strlen(c->code);
        if (!u->country[0] && n >= 3 && is_letters3(c->code))
            memcpy(u->country, c->code, 3);
        if (n > strlen(u->code))
            snprintf(u->code, sizeof u->code, "%s", c->code);
        u->where = mm->where;
    }
    if (!u->where)
        u->where = mm->where;
}

/* The unit's final code: country (or actor) code plus the agent's sector
** when the actor code has none. */
static void unit_finish(unit *u)
{
    char full[64];
    if (!u->code[0] && (u->sector[0] || u->prefix[0])) {
        snprintf(full, sizeof full, "%s---%s", u->prefix, u->sector);
    } else if (strlen(u->code) == 3 && (u->sector[0] || u->prefix[0])) {
        snprintf(full, sizeof full, "%s%s%s", u->prefix, u->code, u->sector);
    } else {
        if (strlen(u->code) > 3 && !u->sector[0])
            snprintf(u->sector, sizeof u->sector, "%s", u->code + 3);
        return;
    }
    snprintf(u->code, sizeof u->code, "%.31s", full);
}

static bool has_role(const sent *st, uint32_t i, grammar_role r)
{
    return i < st->s->n_tokens && (st->roles[i] >> r & 1);
}

/* Is token i part of an actor? */
static bool in_unit(const sent *st, uint32_t i)
{
    for (size_t k = 0; k < st->n_units; k++)
        if (i >= st->units[k].first && i < st->units[k].last)
            return true;
    return false;
}

/* May the phrase at tokens [a, b) join the unit that ends at u->last? */
static bool joins_unit(const sent *st, const unit *u, const mention *mm)
{
    uint32_t gap = mm->first - u->last;
    bool agent_involved = mm->kind == ENTRY_AGENT || !u->code[0] ||
                          u->sector[0] || u->prefix[0];
    if (gap == 0)
        return true;
    if (gap > 2)
        return false;
    /* "minister of Russia", "Russia's minister"; "his Chinese counterpart
    ** Wang Yi" is one actor too */
    bool counterpart = false;
    for (uint32_t i = u->last; i < mm->first; i++) {
        counterpart |= has_role(st, i, GRAMMAR_COUNTERPART);
        if (!has_role(st, i, GRAMMAR_OF) && !has_role(st, i, GRAMMAR_COUNTERPART) &&
            !has_role(st, i, GRAMMAR_FORMER))
            return false;
    }
    return agent_involved || counterpart;
}

/* An actor coded "FRO/BIL/SAM" is several actors at once: one unit each,
** side by side, so they form a compound. */
static void split_multi_codes(sent *st)
{
    for (size_t i = 0; i < st->n_units; i++) {
        char *slash = strchr(st->units[i].code, '/');
        if (!slash || st->n_units == MAX_UNITS)
            continue;
        memmove(&st->units[i + 2], &st->units[i + 1],
                (st->n_units - i - 1) * sizeof *st->units);
        st->n_units++;
        st->units[i + 1] = st->units[i];
        *slash = '\0';
        unit *rest = &st->units[i + 1];
        memmove(rest->code, slash + 1 - st->units[i].code + rest->code,
                strlen(slash + 1) + 1);
        memcpy(rest->country, rest->code, 3);
        rest->country[3] = '\0';
        rest->sector[0] = '\0';
        if (strlen(rest->code) > 3 && !strchr(rest->code, '/'))
            snprintf(rest->sector, sizeof rest->sector, "%s", rest->code + 3);
        unit *first = &st->units[i];
        first->sector[0] = '\0';
        if (strlen(first->code) > 3)
            snprintf(first->sector, sizeof first->sector, "%s", first->code + 3);
    }
}

/* "former security officials", "mantan presiden": a FORMER word right
** before the actor or inside it. */
static bool is_former(const sent *st, const unit *u)
{
    for (uint32_t i = u->first > 0 ? u->first - 1 : 0; i < u->last; i++)
        if (has_role(st, i, GRAMMAR_FORMER))
            return true;
    return false;
}

/* A former office holder is an elite (CAMEO's ELI): the office's sector
** gives way to ELI; a coded person keeps the code and gains ELI. */
static void make_former(unit *u)
{
    if (strlen(u->code) > 3 && !strstr(u->code, "ELI")) {
        char full[40];
        snprintf(full, sizeof full, "%sELI", u->code);
        snprintf(u->code, sizeof u->code, "%.31s", full);
    }
    snprintf(u->sector, sizeof u->sector, "ELI");
}

static void build_units(sent *st, doc_state *ds)
{
    const warta_dict *d = st->d;
    unit *u = NULL;
    for (size_t k = 0; k < st->m.n_found; k++) {
        const mention *mm = &st->m.found[k];
        if (mm->kind != ENTRY_ACTOR && mm->kind != ENTRY_AGENT)
            continue;
        if (u && joins_unit(st, u, mm)) {
            unit_add(u, d, mm, ds->date);
            u->last = mm->last;
            continue;
        }
        if (st->n_units == MAX_UNITS)
            break;
        u = &st->units[st->n_units++];
        memset(u, 0, sizeof *u);
        u->first = mm->first;
        u->last = mm->last;
        u->agent_led = mm->kind == ENTRY_AGENT;
        unit_add(u, d, mm, ds->date);
    }
    for (size_t i = 0; i < st->n_units; i++) {
        unit *x = &st->units[i];
        if (is_former(st, x))
            make_former(x);
        unit_finish(x);
    }
    split_multi_codes(st);
}

/* ---- compounds, "except", "both", counterparts ---------------------------------- */

/* Do the tokens between two actors join them into a compound: "and",
** commas, articles, and at most a few plain lower-case words ("the evil
** awful Gondor")? */
static bool links_compound(const sent *st, uint32_t a, uint32_t b)
{
    uint32_t link = 1u << GRAMMAR_AND | 1u << GRAMMAR_EXCEPT;
    uint32_t plain = 0;
    bool linked = false;
    for (uint32_t i = a; i < b; i++) {
        const warta_token *t = &st->s->tokens[i];
        size_t len;
        if (t->text.n == 1 && t->text.p[0] == ',') {
            linked = true;
        } else if (st->roles[i] & link) {
            linked = true;
        } else if (st->roles[i] & (1u << GRAMMAR_ARTICLE | 1u << GRAMMAR_OF)) {
            continue;
        } else if (!st->roles[i] && !st->is_phrase[i] &&
                   utf8_is_lower(utf8_decode(t->text.p, t->text.n, 0, &len))) {
            if (++plain > 3)
                return false;
        } else {
            return false;
        }
    }
    return linked || a >= b;
}

static void build_groups(sent *st)
{
    uint32_t group = 0;
    for (size_t i = 0; i < st->n_units; i++) {
        unit *u = &st->units[i];
        uint32_t before = u->first;
        /* "except Russia": the unit leaves the compound it ends */
        for (uint32_t k = before; k > 0 && k + NEAR >= before; k--)
            if (has_role(st, k - 1, GRAMMAR_EXCEPT)) {
                u->excluded = true;
                break;
            }
        if (i > 0) {
            unit *prev = &st->units[i - 1];
            if (links_compound(st, prev->last, u->first))
                u->group = prev->group;
            else
                u->group = ++group;
        }
        /* "mitranya dari Tiongkok", "his Chinese counterpart" */
        for (uint32_t k = u->first; k > 0 && k + NEAR >= u->first; k--)
            if (has_role(st, k - 1, GRAMMAR_COUNTERPART))
                u->counterpart = true;
        if (has_role(st, u->last, GRAMMAR_COUNTERPART))
            u->counterpart = true;
    }
}

/* Within a compound an agent is shared: "the ambassadors of Arnor,
** Osgiliath and Gondor" are all GOV; "Danish media and government" are
** both Danish. */
static void share_in_compounds(sent *st)
{
    for (size_t i = 0; i < st->n_units; i++) {
        const unit *lead = &st->units[i];
        if (i > 0 && st->units[i - 1].group == lead->group)
            continue;               /* not the first of its compound */
        for (size_t j = i + 1; j < st->n_units &&
                               st->units[j].group == lead->group; j++) {
            unit *u = &st->units[j];
            bool bare_country = strlen(u->code) == 3 && !u->sector[0];
            if (lead->agent_led && lead->sector[0] && bare_country) {
                snprintf(u->sector, sizeof u->sector, "%s", lead->sector);
                char full[40];
                snprintf(full, sizeof full, "%s%s", u->code, u->sector);
                snprintf(u->code, sizeof u->code, "%.31s", full);
            } else if (!u->country[0] && lead->country[0] && u->sector[0] &&
                       strncmp(u->code, "---", 3) == 0) {
                memcpy(u->country, lead->country, 4);
                char full[40];
                snprintf(full, sizeof full, "%s%s%s", u->prefix, lead->country,
                         u->sector);
                snprintf(u->code, sizeof u->code, "%.31s", full);
            }
        }
    }
}

/* "Kedua pihak", "both sides": the actors in play become a compound at
** that place in the sentence. */
static void add_both(sent *st, const doc_state *ds)
{
    for (size_t k = 0; k < st->m.n_found; k++) {
        const mention *mm = &st->m.found[k];
        if (mm->kind != ENTRY_GRAMMAR || mm->block != GRAMMAR_BOTH ||
            ds->n_in_play < 2)
            continue;
        uint32_t group = 1000 + (uint32_t)k;
        for (size_t p = 0; p < ds->n_in_play && st->n_units < MAX_UNITS; p++) {
            unit *u = &st->units[st->n_units++];
            *u = ds->in_play[p];
            u->first = mm->first;
            u->last = mm->last;
            u->group = group;
            u->excluded = u->counterpart = false;
        }
    }
    /* keep units in token order */
    for (size_t i = 1; i < st->n_units; i++)
        for (size_t j = i; j > 0 && st->units[j - 1].first > st->units[j].first; j--) {
            unit t = st->units[j];
            st->units[j] = st->units[j - 1];
            st->units[j - 1] = t;
        }
}

/* After a sentence: who "both sides" will mean.  The members of the last
** event's source when it was a compound ("Moskow dan Beijing"), else its
** two sides; with no event yet in the article, the last two countries
** named. */
static void remember_in_play(doc_state *ds, const sent *st)
{
    if (st->had_event) {
        size_t n = 0;
        for (size_t i = 0; i < st->n_units && n < MAX_IN_PLAY; i++)
            if (st->units[i].group == st->last_source_group &&
                !st->units[i].excluded && !st->units[i].unknown)
                ds->in_play[n++] = st->units[i];
        if (n < 2) {
            ds->in_play[0] = st->last_pair[0];
            ds->in_play[1] = st->last_pair[1];
            n = 2;
        }
        ds->n_in_play = n;
        ds->from_event = true;
        return;
    }
    if (ds->from_event)
        return;
    for (size_t i = 0; i < st->n_units; i++) {
        const unit *u = &st->units[i];
        if (!u->country[0] || u->excluded)
            continue;
        if (ds->n_in_play && strcmp(ds->in_play[ds->n_in_play - 1].country,
                                    u->country) == 0) {
            ds->in_play[ds->n_in_play - 1] = *u;
            continue;
        }
        if (ds->n_in_play == MAX_IN_PLAY) {
            ds->in_play[0] = ds->in_play[1];
            ds->in_play[1] = *u;
        } else {
            ds->in_play[ds->n_in_play++] = *u;
        }
    }
}

/* ---- verbs and patterns ----------------------------------------------------------- */

/* The unit that starts at token i, if any. */
static int unit_at(const sent *st, uint32_t i)
{
    for (size_t k = 0; k < st->n_units; k++)
        if (st->units[k].first == i && !st->units[k].unknown)
            return (int)k;
    return -1;
}

/* How far an unjoined pattern element may be from the one before it. */
#define PATTERN_GAP 6

typedef struct binding {
    int source, target;             /* unit index, -1 when unbound */
    int compound;                   /* '%': a compound acting on itself */
    bool compound_after;            /* ... or, after the verb, the targets */
    uint32_t verb_end;
} binding;

static size_t group_size(const sent *st, uint32_t group)
{
    size_t n = 0;
    for (size_t k = 0; k < st->n_units; k++)
        n += st->units[k].group == group && !st->units[k].excluded;
    return n;
}

/* Where element pe ends when it starts at token j, or NO_INDEX; binds
** the actor slots. */
static uint32_t elem_end(const sent *st, const pat_elem *pe, uint32_t j,
                         binding *b)
{
    int u;
    switch (pe->kind) {
    case PAT_WORD:
        return match_word(&st->m, j, pe->value) ? j + 1 : NO_INDEX;
    case PAT_SYNSET:
        return match_synset(st->d, &st->m, pe->value, j);
    case PAT_COMPOUND:
        if ((u = unit_at(st, j)) < 0 || group_size(st, st->units[u].group) < 2)
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
        u = unit_at(st, j);
        return u >= 0 ? st->units[u].last : j + 1;
    case PAT_SOURCE:
    case PAT_TARGET:
        if ((u = unit_at(st, j)) < 0)
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

/* Does pattern p hold around the verb at tokens [vf, vl)?  After the verb
** each element starts where the one before ended (joined, '_') or up to
** PATTERN_GAP words later; before the verb the same, read backwards. */
static bool pattern_holds(const sent *st, const pattern *p, uint32_t vf,
                          uint32_t vl, binding *b)
{
    const pat_elem *el = &st->d->elems[p->first_elem];
    uint32_t n = (uint32_t)st->s->n_tokens;
    uint32_t star = 0;
    while (star < p->n_elems && el[star].kind != PAT_VERB)
        star++;
    b->source = b->target = b->compound = -1;
    b->verb_end = vl;
    uint32_t at = vl;
    for (uint32_t k = star + 1; k < p->n_elems; k++) {
        uint32_t gap = el[k].joined ? 0 : PATTERN_GAP, end = NO_INDEX;
        for (uint32_t j = at; j < n && j <= at + gap && end == NO_INDEX; j++)
            end = elem_end(st, &el[k], j, b);
        if (end == NO_INDEX)
            return false;
        at = end;
    }
    uint32_t next = vf;                 /* where the element after k starts */
    for (uint32_t k = star; k-- > 0;) {
        bool joined = el[k + 1].joined;
        uint32_t reach = joined ? 8 : PATTERN_GAP + 8;
        uint32_t found = NO_INDEX;
        for (uint32_t j = next; j-- > 0 && j + reach >= next && found == NO_INDEX;) {
            binding tmp = *b;
            uint32_t end = elem_end(st, &el[k], j, &tmp);
            if (end != NO_INDEX && end <= next &&
                (joined ? end == next : end + PATTERN_GAP >= next)) {
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


/* The code of a verb: its most specific pattern that holds, or its own;
** *reverse gets the code of the target's event back, if any. */
static const char *verb_code(const sent *st, const mention *v, binding *b,
                             src_pos *rule, const char **reverse,
                             bool *pre_words)
{
    *pre_words = false;
    const warta_dict *d = st->d;
    const verb_block *vb = &d->verbs[v->block];
    const verb_block *group = &d->verbs[vb->patterns_of];
    const verb_block *own = vb->own_code ? vb : group;
    const char *code = own->code;
    *reverse = own->reverse;
    uint32_t best = 0;
    *rule = v->where;
    b->source = b->target = b->compound = -1;
    for (uint32_t k = 0; k < group->n_patterns; k++) {
        const pattern *p = &d->patterns[group->first_pattern + k];
        binding pb;
        if (p->codes && p->weight > best && words_present(st, p) &&
            pattern_holds(st, p, v->first, v->last, &pb)) {
            best = p->weight;
            code = p->code;
            *reverse = p->reverse;
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

/* After a verb, a unit that is only an agent ("officials", or
** "diplomatic" read as "diplomat") is taken only when no actor follows. */
static bool names_actor(const unit *u)
{
    return u->country[0] || (u->code[0] && strncmp(u->code, "---", 3) != 0);
}

/* The nearest unit ending at or before token i, if it starts at or after
** token from. */
static int unit_before(const sent *st, uint32_t i, uint32_t from)
{
    for (size_t k = st->n_units; k-- > 0;) {
        const unit *u = &st->units[k];
        if (u->last > i || u->excluded || u->unknown)
            continue;
        return u->first < from ? -1 : (int)k;
    }
    return -1;
}

/* The first unit starting at or after token i and before token to. */
static int unit_after(const sent *st, uint32_t i, uint32_t to)
{
    int agent_only = -1;
    for (size_t k = 0; k < st->n_units; k++) {
        const unit *u = &st->units[k];
        if (u->first < i || u->excluded || u->unknown)
            continue;
        if (u->first >= to)
            break;
        if (names_actor(u))
            return (int)k;
        if (agent_only < 0)
            agent_only = (int)k;
    }
    return agent_only;
}

/* ---- events ------------------------------------------------------------------------ */

/* "file:line" of a dictionary entry, kept in the document's arena. */
static const char *where_text(warta_doc *doc, const warta_dict *d, src_pos pos)
{
    char buf[600];
    dict_where_text(d, pos, buf, sizeof buf);
    return arena_strndup(&doc->arena, buf, strlen(buf));
}

static void fill_actor(warta_doc *doc, const sent *st, const unit *u,
                       warta_actor *a)
{
    memset(a, 0, sizeof *a);
    snprintf(a->code, sizeof a->code, "%s", u->code);
    snprintf(a->country, sizeof a->country, "%s", u->country);
    snprintf(a->sector, sizeof a->sector, "%s", u->sector);
    if (u->first == u->last)
        return;                     /* the unknown side: no words */
    const warta_token *first = &st->s->tokens[u->first];
    const warta_token *last = &st->s->tokens[u->last - 1];
    a->text = (warta_slice){first->text.p,
                            (size_t)(last->text.p + last->text.n - first->text.p)};
    a->start = first->start;
    a->end = last->end;
    a->entry = where_text(doc, st->d, u->where);
}

/* "his counterpart from China" takes the sector of the other side. */
static void counterpart_sector(unit *u, const unit *other)
{
    if (!u->counterpart || u->sector[0] || !other->sector[0] ||
        strlen(u->code) != 3)
        return;
    snprintf(u->sector, sizeof u->sector, "%s", other->sector);
    char full[32];
    snprintf(full, sizeof full, "%.3s%s", u->code, other->sector);
    memcpy(u->code, full, sizeof full);
}

/* "Tiongkok ... CHNGOV": one side is the bare country of the other. */
static bool same_country(const unit *a, const unit *b)
{
    return a->country[0] && strcmp(a->country, b->country) == 0 &&
           (strlen(a->code) == 3 || strlen(b->code) == 3);
}

/* When the event happened: for now the article's date, precise to the
** day.  (The dates stage will give each event the date its clause names.) */
static void event_date(const warta_doc *doc, const sent *st, const mention *v,
                       warta_event *e)
{
    (void)st;
    (void)v;
    const char *d = doc->meta.date;
    int32_t days;
    if (d && strlen(d) == 10 && dict_parse_date(d, 10, &days)) {
        memcpy(e->article_date, d, 11);
        memcpy(e->date, d, 11);
        e->date_precision = WARTA_DATE_DAY;
    }
}

/* The same event from two verbs of one sentence ("bombing and shelling")
** is one event. */
static bool already_coded(const warta_doc *doc, size_t sentence,
                          const char *src, const char *tgt, const char *code)
{
    for (size_t i = doc->n_events; i-- > 0 && doc->events[i].sentence == sentence;) {
        const warta_event *e = &doc->events[i];
        if (strcmp(e->source.code, src) == 0 &&
            strcmp(e->target.code, tgt) == 0 && strcmp(e->code, code) == 0)
            return true;
    }
    return false;
}

static warta_status emit(warta_ctx *ctx, warta_doc *doc, sent *st, int src,
                         int tgt, const char *code, src_pos rule,
                         const mention *v)
{
    for (size_t i = 0; i < st->n_units; i++) {
        unit s = st->units[i];
        if (s.group != st->units[src].group || s.excluded)
            continue;
        for (size_t j = 0; j < st->n_units; j++) {
            unit t = st->units[j];
            if (t.group != st->units[tgt].group || t.excluded)
                continue;
            counterpart_sector(&t, &s);
            counterpart_sector(&s, &t);
            if (strcmp(s.code, t.code) == 0)
                continue;
            if (same_country(&s, &t))
                continue;           /* a country and its own government */
            st->last_pair[0] = s;
            st->last_pair[1] = t;
            st->last_source_group = s.group;
            st->had_event = true;
            if (already_coded(doc, st->s->index, s.code, t.code, code))
                continue;
            warta_event *e = ARENA_PUSH(&doc->arena, doc->events,
                                        doc->n_events, doc->cap_events);
            if (!e)
                return ctx_error(ctx, WARTA_ENOMEM, "out of memory in coding");
            memset(e, 0, sizeof *e);
            e->sentence = st->s->index;
            event_date(doc, st, v, e);
            fill_actor(doc, st, &s, &e->source);
            fill_actor(doc, st, &t, &e->target);
            snprintf(e->code, sizeof e->code, "%s", code);
            snprintf(e->root, sizeof e->root, "%.2s", code);
            const cameo_code *cc = cameo_lookup(code, strlen(code));
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
            e->rule = where_text(doc, st->d, rule);
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
        (u->last + 1 < n && !st->roles[u->last] && !in_unit(st, u->last) &&
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
** private visit". */
static bool used_as_noun(const sent *st, const mention *v)
{
    for (uint32_t k = v->first, plain = 0; k > 0 && plain <= 2; k--, plain++) {
        uint32_t i = k - 1;
        if (has_role(st, i, GRAMMAR_ARTICLE))
            return true;
        const warta_token *t = &st->s->tokens[i];
        size_t len;
        if (st->roles[i] || in_unit(st, i) ||
            !utf8_is_lower(utf8_decode(t->text.p, t->text.n, 0, &len)))
            return false;
    }
    return false;
}

/* The unknown side of a one-sided event: code "---", no words. */
static int null_unit(sent *st)
{
    if (st->n_units == MAX_UNITS)
        return -1;
    unit *u = &st->units[st->n_units];
    memset(u, 0, sizeof *u);
    memcpy(u->code, "---", 4);
    u->unknown = true;
    u->group = 100000 + (uint32_t)st->n_units;
    return (int)st->n_units++;
}

static warta_status code_verb(warta_ctx *ctx, warta_doc *doc, sent *st,
                              const mention *v, const mention *prev_verb)
{
    if (used_as_noun(st, v))
        return WARTA_OK;
    binding b;
    src_pos rule;
    const char *reverse;
    bool pre_words;
    const char *code = verb_code(st, v, &b, &rule, &reverse, &pre_words);
    /* A pattern with words before the verb ("- &NEGATVAUXVRB * [904]")
    ** has spoken for the negation itself. */
    if (!pre_words && negated(st, v))
        return WARTA_OK;
    if (!dict_code_usable(code))
        code = "";
    if (!dict_code_usable(reverse))
        reverse = "";
    if (!code[0] && !reverse[0])
        return WARTA_OK;
    if (b.compound >= 0 && b.compound_after) {
        b.target = b.compound;      /* "* WITH %": the compound is the target */
    } else if (b.compound >= 0) {   /* "% * [191]": members on each other */
        warta_status rc = code[0] ? emit(ctx, doc, st, b.compound, b.compound,
                                         code, rule, v) : WARTA_OK;
        return rc;
    }
    uint32_t by;
    int src = b.source, tgt = b.target;
    /* A verb's source stays in its clause: back to the last verb that
    ** coded an event. */
    uint32_t from = prev_verb ? prev_verb->last : 0;
    uint32_t to = (uint32_t)st->s->n_tokens;
    if (passive(st, v, &by)) {
        if (src < 0)
            src = unit_after(st, by != NO_INDEX ? by : v->last, to);
        if (tgt < 0)
            tgt = unit_before(st, v->first, from);
    } else {
        /* "X condemned ... and promised ...": the subject is shared */
        if (src < 0 && prev_verb && v->first > 0 &&
            has_role(st, v->first - 1, GRAMMAR_AND))
            src = st->last_source;
        if (src < 0)
            src = unit_before(st, v->first, from);
        if (tgt < 0)
            tgt = unit_after(st, v->last, to);
    }
    if (tgt >= 0 && b.target < 0 && starts_clause(st, v, &st->units[tgt]))
        tgt = -1;
    if (src >= 0)
        st->last_source = src;
    if (st->allow_monads && (src >= 0 || tgt >= 0)) {
        if (src < 0)
            src = null_unit(st);
        if (tgt < 0)
            tgt = null_unit(st);
    }
    if (src < 0 || tgt < 0 || st->units[src].group == st->units[tgt].group)
        return WARTA_OK;
    warta_status rc = WARTA_OK;
    if (code[0])
        rc = emit(ctx, doc, st, src, tgt, code, rule, v);
    if (rc == WARTA_OK && reverse[0])
        rc = emit(ctx, doc, st, tgt, src, reverse, rule, v);
    return rc;
}

/* Every actor named in the sentence, for warta_doc_actor(). */
static warta_status keep_actors(warta_ctx *ctx, warta_doc *doc, const sent *st)
{
    for (size_t i = 0; i < st->n_units; i++) {
        const unit *u = &st->units[i];
        if (i > 0 && u->first == st->units[i - 1].first)
            continue;               /* one of a multi-code actor's parts */
        warta_mention *m = ARENA_PUSH(&doc->arena, doc->actors, doc->n_actors,
                                      doc->cap_actors);
        if (!m)
            return ctx_error(ctx, WARTA_ENOMEM, "out of memory in coding");
        m->sentence = st->s->index;
        fill_actor(doc, st, u, &m->actor);
    }
    return WARTA_OK;
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

static warta_status code_sentence(warta_ctx *ctx, warta_doc *doc,
                                  const warta_dict *d, const warta_sentence *s,
                                  doc_state *ds)
{
    sent *st = arena_alloc(&doc->arena, sizeof *st);
    if (!st)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory in coding");
    memset(st, 0, offsetof(sent, units));   /* units are filled as found */
    st->d = d;
    st->s = s;
    st->allow_monads = ds->allow_monads;
    warta_status rc = match_sentence(ctx, doc, d, s, &st->m);
    if (rc != WARTA_OK)
        return rc;
    st->roles = arena_alloc(&doc->arena, (s->n_tokens + 1) * sizeof *st->roles);
    if (!st->roles)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory in coding");
    memset(st->roles, 0, (s->n_tokens + 1) * sizeof *st->roles);
    st->is_phrase = arena_alloc(&doc->arena, s->n_tokens + 1);
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
                st->roles[i] |= 1u << mm->block;
    }
    build_units(st, ds);
    build_groups(st);
    share_in_compounds(st);
    if (ds->list_actors && (rc = keep_actors(ctx, doc, st)) != WARTA_OK)
        return rc;
    add_both(st, ds);
    const mention *prev_verb = NULL;
    st->last_source = -1;
    for (size_t k = 0; k < st->m.n_found && rc == WARTA_OK; k++) {
        const mention *v = &st->m.found[k];
        if (v->kind != ENTRY_VERB)
            continue;
        size_t before = doc->n_events;
        if (!speech_before_verb(st, k))
            rc = code_verb(ctx, doc, st, v, prev_verb);
        if (doc->n_events > before)
            prev_verb = v;          /* its actors are taken */
    }
    remember_in_play(ds, st);
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
                    .list_actors = opts && opts->list_actors};
    if (doc->meta.date)
        dict_parse_date(doc->meta.date, strlen(doc->meta.date), &ds.date);
    for (size_t i = 0; i < doc->n_sents && rc == WARTA_OK && !ds.discard_story; i++)
        if (doc->sents[i].kind != WARTA_KIND_CAPTION)
            rc = code_sentence(ctx, doc, d, &doc->sents[i], &ds);
    if (ds.discard_story)
        doc->n_events = 0;
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
