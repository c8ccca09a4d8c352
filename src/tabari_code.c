/*
** tabari_code.c -- TABARI's coding rules, for the verbs read from TABARI's
** files (verb_block.tabari; manual 0.8.4b2 and its source): which
** sentences are coded (MINIMUM WORDS), which parts of them (clauses split
** by conjunctions, comma-delimited clauses dropped), who the pronouns
** stand for, where the source and target are sought, DEFAULT: and CONVERT
** AGENT, and when a verb is read as a noun.  code.c calls these; warta's
** own packs and PETRARCH's files never reach them.
*/
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "coder.h"

/* Is a verb of TABARI's files in the sentence?  TABARI's options then
** apply to it. */
bool tabari_sentence(const sent *st)
{
    for (size_t k = 0; k < st->m.n_found; k++) {
        const mention *v = &st->m.found[k];
        if (v->kind == ENTRY_VERB && st->d->verbs[v->block].tabari)
            return true;
    }
    return false;
}

static bool is_comma(const sent *st, uint32_t i)
{
    const warta_token *t = &st->s->tokens[i];
    return t->text.n == 1 && t->text.p[0] == ',';
}

static bool is_word(const warta_token *t)
{
    if (t->text.n && t->text.p[0] == '\'')
        return false;               /* "Gondor's" is one word */
    for (size_t k = 0; k < t->text.n; k++)
        if (utf8_is_letter((unsigned char)t->text.p[k]) ||
            utf8_is_digit((unsigned char)t->text.p[k]) || (t->text.p[k] & 0x80))
            return true;
    return false;
}

/* TABARI's SET: CONVERT AGENT = TRUE: an agent with no actor is an
** actor, coded "~" and its agents' codes ("the Muslims": ~MOS). */
static void convert_agents(sent *st)
{
    for (size_t k = 0; k < st->n_units; k++) {
        unit *u = &st->units[k];
        if (!u->country[0] && !u->unknown && strstr(u->code, "---") &&
            (u->prefix[0] || u->sector[0]))
            snprintf(u->code, sizeof u->code, "~%.14s%.15s", u->prefix,
                     u->sector);
    }
}

static bool token_is(const warta_token *t, const char *word)
{
    return t->text.n == strlen(word) && strncasecmp(t->text.p, word, t->text.n) == 0;
}

/* Is the agent code a already part of code, on the 3-letter boundaries
** of CAMEO's codes? */
static bool code_holds(const char *code, const char *a)
{
    size_t la = strlen(a), lc = strlen(code);
    for (size_t at = 0; at + la <= lc; at += 3)
        if (strncmp(code + at, a, la) == 0)
            return true;
    return false;
}

/* The codes of the agents in the unit's words that come before the actor
** code (before) or after it, each once, into out; how many agents. */
static size_t unit_agents(const sent *st, const unit *u, bool before,
                          const char *out[], size_t cap)
{
    size_t n = 0;
    for (size_t k = 0; k < st->m.n_found && n < cap; k++) {
        const mention *m = &st->m.found[k];
        if (m->kind != ENTRY_AGENT || m->first < u->first || m->last > u->last)
            continue;
        const agent_block *ab = &st->d->agents[m->block];
        bool seen = ab->before != before;
        for (size_t j = 0; j < n && !seen; j++)
            seen = strcmp(out[j], ab->code) == 0;
        if (!seen)
            out[n++] = ab->code;
    }
    return n;
}

/* The codes of list joined, into out. */
static void joined(const char *const list[], size_t n, char *out, size_t cap)
{
    out[0] = '\0';
    for (size_t j = 0; j < n; j++)
        strncat(out, list[j], cap - strlen(out) - 1);
}

/* The codes of list that base does not hold, appended to out. */
static void add_missing(const char *const list[], size_t n, const char *base,
                        char *out, size_t cap)
{
    for (size_t j = 0; j < n; j++)
        if (!code_holds(base, list[j]))
            strncat(out, list[j], cap - strlen(out) - 1);
}

/* TABARI's agents (manual §5.4): an agent's code is added to the actor's,
** before or after it as its '~' says, unless it is already part of it on
** the 3-letter boundaries of CAMEO's codes ("Amnesty International" NGM
** with "human rights activists" NGM~ is NGM, not NGMNGM), and a code that
** comes before is added to an actor code of any length ("Gonzo GMO"
** GONGMO with them is NGMGONGMO).  The codes the actor units were given
** (a FORMER agent's ELI too) stay otherwise. */
static void agent_codes(sent *st)
{
    for (size_t k = 0; k < st->n_units; k++) {
        unit *u = &st->units[k];
        const char *pre[8], *post[8];
        size_t n_pre = unit_agents(st, u, true, pre, 8);
        size_t n_post = unit_agents(st, u, false, post, 8);
        char all_pre[64], all_post[64], base[32], full[96] = "";
        joined(pre, n_pre, all_pre, sizeof all_pre);
        joined(post, n_post, all_post, sizeof all_post);
        size_t lp = strlen(all_pre), ls = strlen(all_post);
        if (n_pre + n_post == 0 || strcmp(u->prefix, all_pre) != 0 ||
            !u->code[0] || strstr(u->code, "---"))
            continue;
        if (strlen(u->code) == lp + 3 + ls &&
            strncmp(u->code, all_pre, lp) == 0 &&
            strcmp(u->code + lp + 3, all_post) == 0) {
            /* a 3-letter actor code with the agents' around it */
            snprintf(base, sizeof base, "%.3s", u->code + lp);
            add_missing(pre, n_pre, base, full, sizeof full);
            strncat(full, base, sizeof full - strlen(full) - 1);
            add_missing(post, n_post, base, full, sizeof full);
        } else if (lp && strncmp(u->code, all_pre, lp) != 0) {
            /* a longer actor code, which kept its own sector */
            add_missing(pre, n_pre, u->code, full, sizeof full);
            strncat(full, u->code, sizeof full - strlen(full) - 1);
        } else {
            continue;
        }
        snprintf(u->code, sizeof u->code, "%.31s", full);
    }
}

/* Put a copy of u at token i, in the group given, keeping the units in
** word order; false when full. */
static bool unit_copy_at(sent *st, unit u, uint32_t i, uint32_t group)
{
    if (st->n_units == MAX_UNITS)
        return false;
    u.stands_for = 1 + u.group;
    u.first = i;
    u.last = i + 1;
    u.group = group;
    u.excluded = false;
    size_t at = st->n_units;
    while (at > 0 && st->units[at - 1].first > i)
        at--;
    memmove(&st->units[at + 1], &st->units[at],
            (st->n_units - at) * sizeof *st->units);
    st->units[at] = u;
    st->n_units++;
    return true;
}

/* TABARI's pronouns (parser.cp dereferencePronouns): HE, HIM, SHE, HER
** and IT stand for the first actor before them that is in no compound;
** THEY, THEM and THEIR for the first compound before them, else the first
** actor.  Each becomes a copy of the actors it stands for, so searches and
** patterns ("$") find it.  With no actor before it, a pronoun stands for
** the actor forwarded from the record before (FORWARD:, manual §8.4), if
** any: one actor, as TABARI forwards no compound ("Compound should
** forward but it doesn't", validation record FRWD-002-002), and for HE
** ... IT only one that was in no compound. */
static void pronouns(sent *st, const tabari_forward *forward)
{
    uint32_t n = (uint32_t)st->s->n_tokens;
    for (uint32_t i = 0; i < n; i++) {
        const warta_token *t = &st->s->tokens[i];
        if (!has_role(st, i, GRAMMAR_HE) || actor_in(st, i))
            continue;
        bool plural = token_is(t, "they") || token_is(t, "them") ||
                      token_is(t, "their");
        int ref = -1;
        for (size_t k = 0; k < st->n_units && st->units[k].last <= i; k++) {
            const unit *u = &st->units[k];
            if (u->excluded || u->unknown || !actor_names(u))
                continue;
            bool compound = actor_group_size(st, u->group) >= 2;
            if (plural && compound) {
                ref = (int)k;
                break;
            }
            if (ref < 0 && (plural || !compound))
                ref = (int)k;
            if (!plural && ref >= 0)
                break;
        }
        if (ref < 0) {
            if (forward && (plural || !forward->compound) &&
                !unit_copy_at(st, forward->actor, i, 300000 + i))
                return;
            continue;
        }
        unit copies[MAX_UNITS];
        size_t n_copies = 0;
        for (size_t k = 0; k < st->n_units; k++)
            if (k == (size_t)ref ||
                (plural && st->units[k].group == st->units[ref].group))
                copies[n_copies++] = st->units[k];
        for (size_t k = 0; k < n_copies; k++)
            if (!unit_copy_at(st, copies[k], i, 300000 + i))
                return;
    }
}

/* The unit's code without the codes its agents added ("Fornost
** President": FOR, not FORGOVPRS): TABARI forwards the actor alone. */
static void code_without_agents(const sent *st, const unit *u, char *out,
                                size_t n)
{
    const char *agents[8];
    bool agent = unit_agents(st, u, true, agents, 8) +
                 unit_agents(st, u, false, agents, 8) > 0;
    size_t lp = strlen(u->prefix), ls = strlen(u->sector);
    if (agent && strlen(u->code) == lp + 3 + ls &&
        strncmp(u->code, u->prefix, lp) == 0 &&
        strcmp(u->code + lp + 3, u->sector) == 0)
        snprintf(out, n, "%.3s", u->code + lp);
    else
        snprintf(out, n, "%s", u->code);
}

void tabari_note_first(warta_doc *doc, const sent *st)
{
    for (size_t k = 0; k < st->n_units && !doc->tabari_first.set; k++) {
        const unit *u = &st->units[k];
        if (u->unknown || u->stands_for || !actor_names(u))
            continue;
        doc->tabari_first.set = true;
        doc->tabari_first.compound = actor_group_size(st, u->group) >= 2;
        code_without_agents(st, u, doc->tabari_first.code,
                            sizeof doc->tabari_first.code);
        memcpy(doc->tabari_first.country, u->country, sizeof u->country);
        doc->tabari_first.where = u->where;
    }
}

bool tabari_forwarded(const warta_dict *d, const warta_doc *prev,
                      const warta_doc *doc, tabari_forward *out)
{
    if (!prev || !prev->tabari_first.set ||
        !tabari_follows(&d->tabari, prev->meta.id, doc->meta.id))
        return false;
    memset(out, 0, sizeof *out);
    unit *u = &out->actor;
    snprintf(u->code, sizeof u->code, "%s", prev->tabari_first.code);
    memcpy(u->country, prev->tabari_first.country, sizeof u->country);
    u->where = prev->tabari_first.where;
    u->group = 200000;              /* no group of this record's */
    out->compound = prev->tabari_first.compound;
    return true;
}

void tabari_actors(sent *st, const tabari_forward *forward)
{
    agent_codes(st);
    pronouns(st, forward);
}

/* TABARI's SET: MINIMUM WORDS (default 8, manual §8.2.3): a sentence of
** fewer words, commas counted, is not coded. */
static bool too_short(const sent *st)
{
    const tabari_opts *o = &st->d->tabari;
    uint32_t min = o->min_words_set ? o->min_words : 8, words = 0;
    for (size_t i = 0; i < st->s->n_tokens && words < min; i++)
        words += is_word(&st->s->tokens[i]) || is_comma(st, (uint32_t)i);
    return words < min;
}

/* A comma that may delimit a clause: not one inside a compound actor. */
static bool clause_comma(const sent *st, uint32_t i)
{
    uint32_t n = (uint32_t)st->s->n_tokens;
    return is_comma(st, i) && !(i > 0 && i + 1 < n && actor_in(st, i - 1) &&
                                actor_in(st, i + 1));
}

static uint32_t words_in(const sent *st, uint32_t from, uint32_t to)
{
    uint32_t words = 0;
    for (uint32_t k = from; k < to; k++)
        words += is_word(&st->s->tokens[k]);
    return words;
}

/* TABARI's comma-delimited clauses (manual §7.8, COMMA: in §8.6; its
** markSubordinate): from each comma, the words up to the next comma, or
** to the sentence's end, are dropped before coding when they number MIN
** to MAX (EMIN to EMAX at the end); the words before a comma when they
** number BMIN to BMAX.  The search goes on after the comma that closed a
** part.  Dropped actors are in no search and dropped verbs code nothing.
** gone[] gets the dropped tokens. */
static void drop_comma_clauses(sent *st, bool *gone)
{
    tabari_opts o = st->d->tabari;
    uint32_t n = (uint32_t)st->s->n_tokens;
    memset(gone, 0, n);
    if (o.comma_off)
        return;
    if (!o.comma_set)
        tabari_comma_defaults(&o);
    for (uint32_t c = 0; c < n; c++) {
        if (!clause_comma(st, c))
            continue;
        uint32_t before = words_in(st, 0, c);
        if (before >= o.begin_min && before <= o.begin_max)
            memset(gone, 1, c);
        uint32_t next = c + 1;
        while (next < n && !clause_comma(st, next))
            next++;
        uint32_t words = words_in(st, c + 1, next);
        bool end = next == n;
        if (words >= (end ? o.end_min : o.comma_min) &&
            words <= (end ? o.end_max : o.comma_max))
            memset(gone + c + 1, 1, next - c - 1);
        c = next;
    }
    for (size_t k = 0; k < st->n_units; k++)
        if (gone[st->units[k].first])
            st->units[k].excluded = true;
}

/* One actor, for TABARI's searches: one compound, or one code (a
** pronoun's copy is the actor it stands for). */
static bool same_actor(const unit *a, const unit *b)
{
    uint32_t ga = a->stands_for ? a->stands_for - 1 : a->group;
    uint32_t gb = b->stands_for ? b->stands_for - 1 : b->group;
    return ga == gb || strcmp(a->code, b->code) == 0;
}

/* The first unit naming an actor (an agent alone is none, for TABARI)
** from token i to token to (not included) whose group is not that of unit
** other (-1: any); -1 when none. */
static int actor_other_in(const sent *st, uint32_t i, uint32_t to, int other)
{
    for (size_t k = 0; k < st->n_units; k++) {
        const unit *u = &st->units[k];
        if (u->first < i || u->first >= to || u->excluded || u->unknown ||
            !actor_names(u))
            continue;
        if (other < 0 || !same_actor(u, &st->units[other]))
            return (int)k;
    }
    return -1;
}

/* Is token i a conjunction between clauses (TABARI's rule, manual §7.5,
** §7.6; its markCompound and markClauses): a CLAUSE word in no
** dictionary phrase ("shot and killed"), neither the sentence's first
** word nor its last, that joins neither TABARI's nouns or adjectives
** nor, when it is AND or NOR (the words of a compound), two actors
** ("Gondor and the Osgiliath army"; "Gondor but Rohan" are two
** clauses). */
bool tabari_clause_break(const sent *st, uint32_t i)
{
    if (!has_role(st, i, GRAMMAR_CLAUSE) || st->is_phrase[i] || i == 0 ||
        i + 1 >= st->s->n_tokens)
        return false;
    const warta_token *t = &st->s->tokens[i];
    uint32_t next = i + 1;
    while (next < st->s->n_tokens && has_role(st, next, GRAMMAR_ARTICLE))
        next++;
    if ((token_is(t, "and") || token_is(t, "nor")) &&
        next < st->s->n_tokens && actor_in(st, i - 1) && actor_in(st, next))
        return false;
    /* TABARI's compound nouns and adjectives (manual §7.5.1): "sheep and
    ** lazy goats", "black and white" */
    if (has_role(st, i - 1, GRAMMAR_ADJECTIVE) &&
        has_role(st, i + 1, GRAMMAR_ADJECTIVE))
        return false;
    while (next < st->s->n_tokens && has_role(st, next, GRAMMAR_ADJECTIVE))
        next++;
    return !(has_role(st, i - 1, GRAMMAR_NOUN) &&
             has_role(st, next, GRAMMAR_NOUN));
}

/* TABARI's source search (manual §5.8, §7.6): the first actor of the
** verb's clause before it; in a clause after a conjunction, the actor
** just after the conjunction, else the source of the clause before. */
static void tabari_source(sent *st, const mention *v, int *src)
{
    uint32_t start = 0;
    for (uint32_t i = v->first; i-- > 0;)
        if (tabari_clause_break(st, i)) {
            start = i + 1;
            break;
        }
    uint32_t next = start;
    while (next < v->first && has_role(st, next, GRAMMAR_ARTICLE))
        next++;
    int first = actor_other_in(st, start, v->first, -1);
    if (start > 0 && st->last_source >= 0 &&
        (first < 0 || st->units[first].first != next))
        first = st->last_source;
    if (first >= 0)
        *src = first;
}

/* TABARI's target search (coder.cp getRegularTarget): the first actor
** after the verb in its clause other than the source, else the nearest
** such before it in the clause. */
static void tabari_target(sent *st, const mention *v, int src, int *tgt)
{
    uint32_t n = (uint32_t)st->s->n_tokens, start = 0, end = n;
    for (uint32_t i = v->first; i-- > 0;)
        if (tabari_clause_break(st, i)) {
            start = i + 1;
            break;
        }
    for (uint32_t i = v->last; i < n; i++)
        if (tabari_clause_break(st, i)) {
            end = i;
            break;
        }
    int t = actor_other_in(st, v->last, end, src);
    for (size_t k = st->n_units; t < 0 && k-- > 0;) {
        const unit *u = &st->units[k];
        if (u->last <= v->first && u->first >= start && !u->excluded &&
            !u->unknown && actor_names(u) &&
            (src < 0 || !same_actor(u, &st->units[src])))
            t = (int)k;
    }
    *tgt = t;
}

/* The sides of a verb of TABARI's files: an agent alone is no actor
** (TABARI's CONVERT AGENT is off by default); the source is tabari_source's
** and the target tabari_target's when asked (no pattern gave them, and the
** verb is not passive).  When
** DEFAULT: is on (manual §5.8, §8.5) a missing source is the first actor
** after the verb (with PRIOR: the default whenever no actor is before
** it), else the default; the target is the first other actor after the
** verb (with AFTER: the default when there is none), else the first
** other actor before it, else the default. */
void tabari_sides(sent *st, const mention *v, bool find_source,
                  bool find_target, int *src, int *tgt)
{
    const tabari_opts *o = &st->d->tabari;
    uint32_t n = (uint32_t)st->s->n_tokens;
    if (find_source)
        tabari_source(st, v, src);
    if (*src >= 0 && !actor_names(&st->units[*src]))
        *src = -1;
    if (*tgt >= 0 && !actor_names(&st->units[*tgt]))
        *tgt = -1;
    if (find_target)
        tabari_target(st, v, *src, tgt);
    if (!o->default_source[0] && !o->default_target[0])
        return;
    bool none_before = actor_other_in(st, 0, v->first, -1) < 0;
    if (o->default_source[0] && o->source_prior && none_before)
        *src = actor_standing_in(st, o->default_source);
    if (*src < 0)
        *src = actor_other_in(st, v->last, n, -1);
    if (*src < 0 && o->default_source[0])
        *src = actor_standing_in(st, o->default_source);
    if (*tgt >= 0 && *src >= 0 && st->units[*tgt].group == st->units[*src].group)
        *tgt = -1;
    int after = actor_other_in(st, v->last, n, *src);
    if (*tgt < 0)
        *tgt = after;
    if (o->default_target[0] && o->target_after && after < 0)
        *tgt = actor_standing_in(st, o->default_target);
    if (*tgt < 0)
        *tgt = actor_other_in(st, 0, v->first, *src);
    if (*tgt < 0 && o->default_target[0])
        *tgt = actor_standing_in(st, o->default_target);
}

static bool all_capitals(const sent *st)
{
    for (size_t i = 0; i < st->s->n_tokens; i++) {
        const warta_token *t = &st->s->tokens[i];
        for (size_t k = 0; k < t->text.n; k++)
            if (t->text.p[k] >= 'a' && t->text.p[k] <= 'z')
                return false;
    }
    return true;
}


/* What TABARI does to a sentence before coding: too short a sentence
** is dropped whole; else its comma-delimited clauses, and with CONVERT
** AGENT its bare agents become actors.  gone[] gets the dropped tokens. */
void tabari_prepare(sent *st, bool *gone)
{
    if (too_short(st)) {
        memset(gone, 1, st->s->n_tokens);
        return;
    }
    drop_comma_clauses(st, gone);
    if (st->d->tabari.convert_agents)
        convert_agents(st);
}

/* TABARI's markNouns, its capital rule: a verb capitalized inside a
** sentence not written in capitals ("about To Restore") is a noun. */
bool tabari_capital_noun(const sent *st, const mention *v)
{
    const warta_token *t = &st->s->tokens[v->first];
    size_t len;
    return v->first > 0 && t->text.n &&
           utf8_is_upper(utf8_decode(t->text.p, t->text.n, 0, &len)) &&
           !all_capitals(st);
}
