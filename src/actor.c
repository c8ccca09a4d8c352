/*
** actor.c -- who is acting: the actors of a sentence, for code.c.
**
** Reads the phrases match.c found; adjacent actor and agent phrases become
** one actor with a code for the sentence's date ("Menteri Luar Negeri
** Rusia Sergei Lavrov" -> RUSGOV), actors joined by "and" or commas form a
** compound (less any after "except"), an agent is shared in a compound,
** "both sides" becomes the actors in play, "his counterpart" takes the
** other side's sector.  Hands on: the units of a sentence (coder.h).
*/
#include <stdio.h>
#include <string.h>

#include "coder.h"

/* ---- one actor --------------------------------------------------- */

/* The code of the actor mm names on date: the one whose dates hold it,
** else the undated one.  A person named in full (two words or more: one
** may be someone else's name, "Yasir") out of every office the entry
** gives, all ended before the date, is a former official of the state of
** the last: its country and ELI, as the news gold and Phoenix code
** "former president".  NULL when none applies; out holds a code made
** here. */
static const dated_code *pick_code(const warta_dict *d, const mention *mm,
                                   int32_t date, dated_code *out)
{
    const actor_block *b = &d->actors[mm->block];
    const dated_code *open = NULL, *last = NULL;
    for (uint32_t i = 0; i < b->n_codes; i++) {
        const dated_code *c = &d->codes[b->first_code + i];
        bool undated = c->from == INT32_MIN && c->to == INT32_MAX;
        if (date != INT32_MIN && !undated && date >= c->from && date <= c->to)
            return c;
        if (undated && !open)
            open = c;
        if (!undated && c->to < date && (!last || c->to > last->to))
            last = c;
    }
    if (open || b->n_codes == 0)
        return open;
    if (date == INT32_MIN)
        return &d->codes[b->first_code];
    if (!last || last->voids || strlen(last->code) < 3 || mm->last - mm->first < 2)
        return NULL;
    char state[4];
    memcpy(state, last->code, 3);
    state[3] = '\0';
    if (!country_known(state))
        return NULL;                /* no former "IGO" official */
    *out = *last;
    snprintf(out->code, sizeof out->code, "%sELI", state);
    out->from = last->to + 1;
    out->to = INT32_MAX;
    return out;
}

static bool is_letters3(const char *c)
{
    for (int i = 0; i < 3; i++)
        if (c[i] < 'A' || c[i] > 'Z')
            return false;
    return true;
}

/* A people's name ("Kurdish") in a unit: the unit is the people's, in the
** state the unit names ("Syrian Kurdish forces": SYR) or, until the
** article tells which (home.c), under the people's own code; a state named
** after the people's name is where it is ("Kurdish Syrian forces").  False
** when code is no people's and no state of the unit's people. */
static bool add_people(unit *u, const warta_dict *d, const char *code)
{
    const people *p = strlen(code) == 3 ? dict_people(d, code) : NULL;
    if (p) {
        u->people = true;
        if (!u->country[0]) {
            memcpy(u->country, p->code, 4);
            memcpy(u->code, p->code, 4);
        }
        return true;
    }
    if (!u->people || !people_lives_in(dict_people(d, u->country), code))
        return false;
    memcpy(u->country, code, 3);    /* the people's code gives way */
    memcpy(u->code, code, 3);
    return strlen(code) == 3;
}

/* Is mm an agent that speaks or acts for another, every word of it a
** SPEAKS_FOR word ("lawyer", "kuasa hukum"; not "attorney general")? */
static bool speaks_for(const sent *st, const mention *mm)
{
    for (uint32_t i = mm->first; i < mm->last; i++)
        if (!has_role(st, i, GRAMMAR_SPEAKS_FOR))
            return false;
    return mm->last > mm->first;
}

/* Fold a mention into a unit: the most specific actor code wins; an
** agent adds its sector to a bare country. */
static void unit_add(unit *u, const sent *st, const mention *mm, int32_t date)
{
    const warta_dict *d = st->d;
    bool empty = !u->code[0] && !u->sector[0] && !u->prefix[0] && !u->speaker[0];
    u->place_only = mm->kind == ENTRY_ACTOR && d->actors[mm->block].place &&
                    (empty || u->place_only);
    if (mm->kind == ENTRY_AGENT) {
        /* several agents add up ("MSF Arnor diplomat" -> NGO ARN GOV),
        ** each code once; one that speaks for the rest, apart */
        const agent_block *ab = &d->agents[mm->block];
        /* it needs a country if each of its agents does: "fighters" alone
        ** name no actor, "rebel fighters" do */
        u->needs_country = ab->with_country &&
                           (u->needs_country || (!u->sector[0] && !u->prefix[0]));
        bool speaker = speaks_for(st, mm);
        char *into = speaker ? u->speaker : ab->before ? u->prefix : u->sector;
        size_t room = speaker ? sizeof u->speaker
                      : ab->before ? sizeof u->prefix : sizeof u->sector;
        if (!strstr(into, ab->code) && strlen(into) + strlen(ab->code) < room)
            strcat(into, ab->code);
    } else {
        dated_code made;
        const dated_code *c = pick_code(d, mm, date, &made);
        if (c && c->voids)
            u->voids = true;
        if (!c || c->voids || strcmp(c->code, "---") == 0)
            return;
        if (c == &made && (u->code[0] || u->sector[0])) {
            if (!u->code[0])        /* "Secretary of State Mike Pompeo":
                                       the office's, of his country */
                snprintf(u->code, sizeof u->code, "%.3s", c->code);
            if (!u->country[0])
                memcpy(u->country, c->code, 3);
            return;                 /* "Ketua KPU Makassar, Andi Yasir
                                       Arafat": the office's */
        }
        if (c != &made && u->out_of_office) {
            u->code[0] = u->country[0] = '\0';
            u->out_of_office = false;
        }
        if (add_people(u, d, c->code)) {
            if (!u->where)
                u->where = mm->where;
            return;
        }
        u->out_of_office = c == &made;
        size_t n = strlen(c->code);
        if (!u->country[0] && n >= 3 && is_letters3(c->code))
            memcpy(u->country, c->code, 3);
        if (n > strlen(u->code))
            snprintf(u->code, sizeof u->code, "%s", c->code);
        u->where = mm->where;
        u->person |= c->from != INT32_MIN || c->to != INT32_MAX;
    }
    if (!u->where)
        u->where = mm->where;
}

/* The unit's final code: country (or actor) code plus the agent's sector
** when the actor code has none. */
static void unit_finish(unit *u)
{
    char full[64];
    /* "the family's lawyer" is the family's; "a lawyer" a lawyer, "the
    ** Russian spokesman" RUSGOV */
    if (!u->sector[0] && !u->prefix[0] && strlen(u->code) <= 3)
        memcpy(u->sector, u->speaker, sizeof u->speaker);
    /* a people's forces, militias and fighters, or the people itself
    ** ("the Kurds"), are its rebels */
    if (u->people && strlen(u->code) == 3 &&
        (!u->sector[0] || strcmp(u->sector, "MIL") == 0 || strcmp(u->sector, "UAF") == 0))
        snprintf(u->sector, sizeof u->sector, "REB");
    if (!u->code[0] && (u->sector[0] || u->prefix[0])) {
        snprintf(full, sizeof full, "%s---%s", u->prefix, u->sector);
    } else if (strlen(u->code) == 3 && (u->sector[0] || u->prefix[0])) {
        snprintf(full, sizeof full, "%s%s%s", u->prefix, u->code, u->sector);
    } else if (u->sector[0] && !u->person && strlen(u->code) == 6 &&
               strcmp(u->code + 3, "GOV") == 0 && is_letters3(u->code)) {
        /* a city named for the state takes the agent's sector: "Jakarta
        ** police" is IDNCOP, "Moscow's residents" RUSCVL */
        snprintf(full, sizeof full, "%s%.3s%s", u->prefix, u->code, u->sector);
    } else {
        /* the code's own sector wins over an agent's ("Kapolri Jenderal
        ** Listyo" is IDNCOP, not MIL) */
        if (strlen(u->code) > 3)
            snprintf(u->sector, sizeof u->sector, "%s", u->code + 3);
        return;
    }
    snprintf(u->code, sizeof u->code, "%.31s", full);
}

/* Is token i part of an actor? */
bool actor_in(const sent *st, uint32_t i)
{
    for (size_t k = 0; k < st->n_units; k++)
        if (i >= st->units[k].first && i < st->units[k].last)
            return true;
    return false;
}

bool actor_names_state(const unit *u)
{
    return u->country[0] && !u->sector[0] && !u->people &&
           strcmp(u->code, u->country) == 0;
}

int actor_holding(const sent *st, uint32_t t)
{
    for (size_t k = 0; k < st->n_units; k++) {
        const unit *u = &st->units[k];
        if (!u->unknown && !u->excluded && u->first <= t && t < u->last)
            return (int)k;
    }
    return -1;
}

/* The word of tokens [a, b) whose head lies outside them. */
static bool head_in(const sent *st, uint32_t t, uint32_t a, uint32_t b)
{
    int32_t h = st->s->tokens[t].head;
    return h >= (int32_t)a && h < (int32_t)b;
}

/* Once parsed, "X of Y" is one actor only if the tree makes it one
** phrase: "troops from Syria" in "withdrew troops from Syria" is two,
** the troops and where they left. */
static bool tree_joins(const sent *st, const unit *u, const mention *mm)
{
    if (!st->parsed)
        return true;
    uint32_t a = clause_head(st, u->first, u->last);
    uint32_t b = clause_head(st, mm->first, mm->last);
    /* "its troops from Syria": whose they are is said, Syria is where */
    return (head_in(st, b, u->first, u->last) && !clause_owned_by_pronoun(st, a)) ||
           head_in(st, a, mm->first, mm->last);
}

/* "ke-7" in "Presiden ke-7 RI Joko Widodo", "44th" in "the 44th US
** president, Barack Obama": which holder of the office, part of its name.
** An ordinal is written as digits with a short affix of small letters,
** before a hyphen or after the digits, in the languages warta reads. */
static bool ordinal(const sent *st, uint32_t i)
{
    const warta_token *t = &st->s->tokens[i];
    const char *p = t->text.p, *end = p + t->text.n, *digits = p;
    while (digits < end && digits - p < 3 && *digits >= 'a' && *digits <= 'z')
        digits++;
    bool prefix = digits > p && digits < end && *digits == '-';
    const char *q = digits + prefix, *after = q;
    while (after < end && *after >= '0' && *after <= '9')
        after++;
    if (after == q)
        return false;
    return prefix ? after == end
                  : end - after == 2 && after[0] >= 'a' && after[0] <= 'z' &&
                        after[1] >= 'a' && after[1] <= 'z';
}

/* Once parsed, a word between two actors that modifies a word of the
** phrase they make ("the UK's junior defence minister") joins them too;
** not a verb the parser took for a modifier ("accused Kenya of
** supporting rebels": what Kenya did, not whose rebels). */
static bool modifier_within(const sent *st, uint32_t i, uint32_t a, uint32_t b)
{
    return st->parsed && head_in(st, i, a, b) &&
           strncmp(st->s->tokens[i].deprel, "amod", 4) == 0 &&
           st->s->tokens[i].upos != WARTA_UPOS_VERB;
}

/* Would the actor phrase mm bring a second country into u?  "US troops
** in Syria" are American troops and where they are: two actors. */
static bool second_country(const warta_dict *d, const unit *u, const mention *mm,
                           int32_t date)
{
    if (mm->kind != ENTRY_ACTOR || !u->country[0])
        return false;
    dated_code made;
    const dated_code *c = pick_code(d, mm, date, &made);
    if (!c || strlen(c->code) < 3 || !is_letters3(c->code) ||
        strncmp(c->code, u->country, 3) == 0)
        return false;
    /* "Syrian Kurdish forces", "Kurdish Syrian forces": one people's,
    ** in one of its states */
    return !people_lives_in(dict_people(d, c->code), u->country) &&
           !people_lives_in(dict_people(d, u->country), c->code);
}

/* May the phrase at tokens [a, b) join the unit that ends at u->last? */
static bool joins_unit(const sent *st, const unit *u, const mention *mm)
{
    uint32_t gap = mm->first - u->last;
    bool agent_involved = mm->kind == ENTRY_AGENT || !u->code[0] ||
                          u->sector[0] || u->prefix[0];
    if (mm->first > 0 && has_role(st, mm->first - 1, GRAMMAR_INITIALS))
        return false;               /* "pria berinisial AS": no American */
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
            !has_role(st, i, GRAMMAR_FORMER) && !ordinal(st, i) &&
            !modifier_within(st, i, u->first, mm->last))
            return false;
    }
    /* a possessive says whose the agent or the actor is, however the
    ** parser hung it: "the UK's junior defence minister", "Iran's Javad
    ** Zarif" (an actor of another country is not joined: second_country);
    ** forces "in" a country are mostly someone else's there ("have troops
    ** in Syria"), and refugees have fled to it ("refugees in Lebanon" are
    ** not Lebanon's); police and officials "in" a country are its own */
    const warta_token *after = &st->s->tokens[u->last];
    bool possessive = after->text.n >= 2 && after->text.p[0] == '\'' &&
                      has_role(st, u->last, GRAMMAR_OF) && u->country[0] &&
                      !u->sector[0] &&
                      (mm->kind == ENTRY_AGENT || mm->kind == ENTRY_ACTOR);
    if ((strncmp(u->sector, "MIL", 3) == 0 || strncmp(u->sector, "REF", 3) == 0) &&
        !u->country[0] && has_role(st, u->last, GRAMMAR_LOCATIVE))
        return false;
    return possessive || ((agent_involved || counterpart) && tree_joins(st, u, mm));
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

/* Does the unit hold an office a former holder of is an elite: the
** state's, a party's or the opposition's?  "Former jihadists", "former
** students" and "the former Yugoslavia" are none. */
static bool holds_office(const unit *u)
{
    static const char *const offices[] = {"GOV", "MIL", "COP", "JUD", "LEG",
                                          "SPY", "PTY", "OPP"};
    const char *sector = u->sector[0] ? u->sector
                         : strlen(u->code) > 3 ? u->code + 3 : "";
    for (size_t i = 0; i < ARRAY_LEN(offices); i++)
        if (strncmp(sector, offices[i], 3) == 0)
            return true;
    return false;
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
** gives way to ELI, also where an actor entry is the office itself
** ("mantan Menpora": IDNELI); a coded person, and an agent with the body
** it served ("former officials in the White House": USAGOVELI, as
** PETRARCH codes them), keep the code and gain ELI. */
static void make_former(unit *u)
{
    if (!u->person && !u->agent_led && strlen(u->code) > 3 && u->country[0] &&
        strncmp(u->code, u->country, 3) == 0) {
        snprintf(u->code, sizeof u->code, "%sELI", u->country);
    } else if (strlen(u->code) > 3 && !strstr(u->code, "ELI")) {
        char full[40];
        snprintf(full, sizeof full, "%sELI", u->code);
        snprintf(u->code, sizeof u->code, "%.31s", full);
    }
    snprintf(u->sector, sizeof u->sector, "ELI");
}

/* ---- an office and the person who holds it ------------------------ */

#define MAX_NAME_WORDS 6

/* May token i be a word of a person's name that the dictionary does not
** know: capitalised, in no phrase, no function word but a title ("AKBP
** Rio Wahyu"), no date ("Senin")? */
static bool name_word(const sent *st, uint32_t i)
{
    const warta_token *t = &st->s->tokens[i];
    if (i >= st->s->n_tokens || st->is_phrase[i] || function_word(st, i) ||
        !token_starts_upper(t))
        return false;
    for (size_t k = 0; k < t->text.n; k++)
        if (t->text.p[k] >= '0' && t->text.p[k] <= '9')
            return false;           /* "Rp3.804", "K-9" */
    return !in_date(st, i);
}

/* The end of the run of name words that starts at token i (i if none). */
static uint32_t name_run(const sent *st, uint32_t i)
{
    uint32_t j = i;
    while (j < st->s->n_tokens && j - i < MAX_NAME_WORDS && name_word(st, j))
        j++;
    return j;
}

/* Is token i written in capitals only ("BI", "KPK": an organisation's
** short form rather than a person's name)? */
static bool all_caps(const sent *st, uint32_t i)
{
    const warta_token *t = &st->s->tokens[i];
    size_t len;
    for (size_t k = 0; k < t->text.n; k += len)
        if (utf8_is_lower(utf8_decode(t->text.p, t->text.n, k, &len)))
            return false;
    return true;
}

/* Can the run of name words [a, b) be a person's name?  Not short forms
** alone ("official US", "news agency AFP", "Kadis PUPR") nor one letter
** alone (English "I"). */
static bool plausible_name(const sent *st, uint32_t a, uint32_t b)
{
    if (b - a == 1 && st->s->tokens[a].text.n == 1)
        return false;
    for (uint32_t i = a; i < b; i++)
        if (!all_caps(st, i))
            return true;
    return false;
}

/* Does an apposition end before token j: a comma, the sentence's end, a
** SAY word or a verb ("..., Yusuf, mengatakan", "..., Bima Arya said"),
** or a relative pronoun starting a clause about it ("Jack Smith, a
** British teenager who travelled to Syria")? */
static bool ends_apposition(const sent *st, uint32_t j)
{
    if (j >= st->s->n_tokens || token_is_mark(st, j, ',') ||
        has_role(st, j, GRAMMAR_SAY) || verb_at(st, j))
        return true;
    const warta_token *t = &st->s->tokens[j];
    if (t->upos == WARTA_UPOS_PRON && (t->feats & WARTA_FEAT(PRONTYPE_REL)))
        return true;
    /* "kata Menko Polhukam, Djoko Suyanto dalam jumpa pers": a plain
    ** lower-case word, but not "and" (a list goes on) */
    size_t len;
    if (!function_word(st, j) && !st->is_phrase[j] && t->text.n &&
        utf8_is_lower(utf8_decode(t->text.p, t->text.n, 0, &len)))
        return true;
    return t->text.n == 1 && t->text.p[0] == '.';
}

/* An office: a unit with a sector ("Kapolres Bogor" IDNCOP, "the mayor
** of Bogor" ---GOV), not a bare country or organisation code, nor a
** person ("Jokowi, Jalan Taman Suropati" is a place after a name). */
static bool is_office(const unit *u)
{
    return u->sector[0] != '\0' && !u->unknown && !u->person && !u->place_only;
}

/* Is the office one a person holds, so that a name right after it is the
** holder's ("Presiden Jokowi", "Kapolri Jenderal Sutarman")?  Not a
** school, the press or the people: "Sekolah Menengah", "Pers Mendur",
** "Rakyat Abkhazia" are names of their own. */
static bool personal_office(const unit *u)
{
    static const char *const sectors[] = {"GOV", "MIL", "COP", "LEG", "JUD",
                                          "PTY", "SPY", "REB", "ELI", "OPP",
                                          "INS", "SEP", "UAF"};
    for (size_t k = 0; k < ARRAY_LEN(sectors); k++)
        if (strncmp(u->sector, sectors[k], 3) == 0)
            return true;
    /* an agent that is an actor only with a country is one person's
    ** description: "a British teenager, Jack Smith" */
    return u->needs_country;
}

/* Does the run of name words [a, b) end a name: not cut off by the word
** limit nor followed by a capitalised phrase ("Menteri Perumahan Rakyat":
** "Perumahan" is the start of a portfolio, not a person)? */
static bool run_ends_name(const sent *st, uint32_t a, uint32_t b)
{
    if (b >= st->s->n_tokens)
        return true;
    const warta_token *t = &st->s->tokens[b];
    return b - a < MAX_NAME_WORDS && t->text.n && !token_starts_upper(t);
}

/* A known person after "office, ": an entry with dated codes (a party or
** an agency has none: "Golkar, PKS" is a list), coded with a sector, not
** led by a role noun, of the office's country when both have one. */
static bool same_holder(const unit *office, const unit *u)
{
    return u->person && !u->agent_led && u->sector[0] && strlen(u->code) > 3 &&
           (!office->country[0] || !u->country[0] ||
            strcmp(office->country, u->country) == 0);
}

static void drop_unit(sent *st, size_t i)
{
    memmove(&st->units[i], &st->units[i + 1],
            (st->n_units - i - 1) * sizeof *st->units);
    st->n_units--;
}

void actor_copy_code(unit *u, const unit *from)
{
    memcpy(u->code, from->code, sizeof u->code);
    memcpy(u->country, from->country, sizeof u->country);
    memcpy(u->sector, from->sector, sizeof u->sector);
}

/* The unit takes the name at tokens [a, b) as its holder's. */
static void take_name(unit *u, uint32_t a, uint32_t b)
{
    u->holder_first = a;
    u->holder_last = b;
    u->last = b;
}

static void lend_country(unit *u, const unit *from);

/* "Menko Polhukam, Djoko Suyanto": the known person joins the office; the
** more specific code of the two stays, and a person out of office lends
** the office only his country. */
static void join_holder(unit *u, const unit *person)
{
    if (person->out_of_office) {
        lend_country(u, person);    /* "the home secretary, Sajid Javid" in
                                       an article after his time: the
                                       office the article gives him */
    } else if (strncmp(u->code, "---", 3) == 0 || strlen(person->code) > strlen(u->code)) {
        actor_copy_code(u, person);
        u->where = person->where;
    }
    u->holder_first = person->first;
    u->holder_last = person->last;
    u->last = person->last;
}

/* "Kepala Dinas Kesehatan (Dinkes) Seram ...", "Wakil Menteri
** Ketenagakerjaan (Wamenaker) Immanuel Ebenezer": one word in brackets
** after the office (and up to three more capitalised words of it) is its
** short form, part of the office; a coded short form lends its code when
** it is more specific ("---GOV" + "Dinkes" ---GOVHLH). */
static void take_short_form(sent *st, size_t i)
{
    unit *u = &st->units[i];
    uint32_t a = name_run(st, u->last);     /* the rest of the office */
    if (a - u->last > 3 || !token_is_mark(st, a, '(') || !token_is_mark(st, a + 2, ')'))
        return;
    unit *next = i + 1 < st->n_units ? &st->units[i + 1] : NULL;
    if (next && next->first == a + 1 && next->last == a + 2) {
        if (strlen(next->code) > strlen(u->code) ||
            (strncmp(u->code, "---", 3) == 0 && strncmp(next->code, "---", 3) != 0))
            actor_copy_code(u, next);
        drop_unit(st, i + 1);
    } else if (!name_word(st, a + 1)) {
        return;
    }
    u->last = a + 3;
}

/* "Menteri Lingkungan Kenya", "Menlu (Menteri Luar Negeri) Rusia": an
** office, a portfolio the dictionary does not know (up to three
** capitalised words) or its short form, then a bare country: one actor,
** the country's, with the office's sector (KENGOV). */
static void take_country(sent *st, size_t i)
{
    unit *u = &st->units[i];
    uint32_t end = name_run(st, u->last);
    unit *next = i + 1 < st->n_units ? &st->units[i + 1] : NULL;
    if (u->country[0] || end - u->last > 3 || !next ||
        next->first != end || next->agent_led || strlen(next->code) != 3 ||
        !is_letters3(next->code))
        return;
    char full[40];
    snprintf(full, sizeof full, "%s%s", next->code, u->sector);
    snprintf(u->code, sizeof u->code, "%.31s", full);
    memcpy(u->country, next->country, sizeof u->country);
    u->last = next->last;
    drop_unit(st, i + 1);
}

/* Capitalised words right after the office: its holder's name
** ("Kapolri Jenderal Sutarman"), or the rest of the office when a name
** follows a comma ("Kepala Dinas Pendidikan Mataram, Yusuf"); up to two
** of them before a person the dictionary knows are that person's first
** names ("Presiden Perancis Jaques Chirac"), unless the known one is an
** organisation's short form or does not end the name ("... Komunikasi BI
** Ramdan"). */
static void take_direct_name(sent *st, size_t i)
{
    unit *u = &st->units[i];
    uint32_t end = name_run(st, u->last);
    /* short forms right after the office are part of it: "Ditjen GTKPG",
    ** "Kepala BKHIT Willy", "official US" */
    while (u->last < end && all_caps(st, u->last) && st->s->tokens[u->last].text.n > 1)
        u->last++;
    unit *after = i + 1 < st->n_units ? &st->units[i + 1] : NULL;
    if (end == u->last) {       /* "Presiden Amerika Serikat (AS) Donald
                                   Trump": after the short form taken */
        if (after && after->first == end && same_holder(u, after)) {
            join_holder(u, after);
            drop_unit(st, i + 1);
        }
        return;
    }
    if (end - u->last <= 2 && after && after->first == end &&
        same_holder(u, after) && !all_caps(st, after->first) &&
        run_ends_name(st, after->first, after->last)) {
        uint32_t from = u->last;
        join_holder(u, after);
        u->holder_first = from;
        drop_unit(st, i + 1);
    } else if (token_is_mark(st, end, ',') ||
               (personal_office(u) && run_ends_name(st, u->last, end))) {
        take_name(u, u->last, end);
    }
}

/* Once parsed, do the office u and the name at tokens [a, b) after it
** make one phrase, the one hanging from the other ("the Kenyan leader,
** William Ruto said")?  Not a subject after an oblique: "In a speech
** broadcast on Syrian state television, Bashar al-Assad warned".  (A name
** set off by commas on both sides is an apposition however parsed.) */
static bool one_phrase(const sent *st, const unit *u, uint32_t a, uint32_t b)
{
    if (!st->parsed)
        return true;
    for (uint32_t t = a; t < b; t++)
        if (head_in(st, t, u->first, u->last))
            return true;
    for (uint32_t t = u->first; t < u->last; t++)
        if (head_in(st, t, a, b))
            return true;
    return false;
}

/* "Office, Name, ...": the name after the comma is the holder's when it
** ends the apposition, else it is the next item of a list; a person the
** dictionary knows joins the office the same way ("Menko Polhukam, Djoko
** Suyanto,"). */
static void take_apposition(sent *st, size_t i)
{
    unit *u = &st->units[i];
    if (!token_is_mark(st, u->last, ','))
        return;
    uint32_t j = name_run(st, u->last + 1);
    unit *next = i + 1 < st->n_units ? &st->units[i + 1] : NULL;
    if (j > u->last + 1 && plausible_name(st, u->last + 1, j) &&
        ends_apposition(st, j)) {
        take_name(u, u->last + 1, j);
    } else if (next && next->first == u->last + 1 && same_holder(u, next) &&
               ends_apposition(st, next->last) &&
               (token_is_mark(st, next->last, ',') ||
                one_phrase(st, u, next->first, next->last))) {
        join_holder(u, next);
        drop_unit(st, i + 1);
    }
}

/* "Diane Abbott, the shadow home secretary, said": a name of two words or
** more before a comma, then the office (after an article) ending the
** apposition, is its holder's; the unit spans both.  So is a civilian's
** description there ("John Smith, warga negara Inggris,").  The sentence
** or a lower-case word or punctuation comes before the name, so that it
** is no tail of a longer one. */
static void take_name_before(sent *st, size_t i)
{
    unit *u = &st->units[i];
    uint32_t c = u->first;
    if (u->holder_last > u->holder_first ||
        !(personal_office(u) || strncmp(u->sector, "CVL", 3) == 0))
        return;
    if (c > 0 && has_role(st, c - 1, GRAMMAR_ARTICLE))
        c--;
    if (c < 3 || !token_is_mark(st, c - 1, ',') || !ends_apposition(st, u->last))
        return;
    uint32_t b = c - 1, a = b;
    while (a > 0 && b - a < MAX_NAME_WORDS && name_word(st, a - 1))
        a--;
    if (b - a < 2 || !plausible_name(st, a, b) || (a > 0 && name_word(st, a - 1)) ||
        (i > 0 && st->units[i - 1].last > a))
        return;
    u->holder_first = a;
    u->holder_last = b;
    u->first = a;
}

/* "tersangka Plt Kadis PUTR", "terdakwa anggota TNI": a suspect or
** defendant whose job the phrase names is coded by the job, as the
** guidelines code him; the role's unit takes the job's code and spans it.
** The tree says whether the job is the role's: its head, through at most
** the two words between them, hangs from the role. */
static void take_job(sent *st, size_t i)
{
    unit *u = &st->units[i];
    const unit *job = i + 1 < st->n_units ? &st->units[i + 1] : NULL;
    if (!st->parsed || !job || !u->agent_led || strncmp(u->sector, "CRM", 3) != 0 ||
        job->first > u->last + 2 || !job->sector[0] || strncmp(job->sector, "CRM", 3) == 0)
        return;
    uint32_t h = clause_head(st, job->first, job->last);
    while (head_in(st, h, u->last, job->first))
        h = (uint32_t)st->s->tokens[h].head;
    if (!head_in(st, h, u->first, u->last))
        return;
    actor_copy_code(u, job);
    u->where = job->where;
    u->last = job->last;
    drop_unit(st, i + 1);
}

/* "Mike Pompeo, the US secretary of state,": a person out of the offices
** the dictionary gives holds the one his apposition names. */
static void office_in_apposition(sent *st, size_t i)
{
    unit *u = &st->units[i];
    if (!u->out_of_office || i + 1 >= st->n_units || !token_is_mark(st, u->last, ','))
        return;
    const unit *office = &st->units[i + 1];
    uint32_t at = u->last + 1;
    if (at < office->first && has_role(st, at, GRAMMAR_ARTICLE))
        at++;
    if (office->first == at && office->country[0] && personal_office(office) &&
        ends_apposition(st, office->last)) {
        actor_copy_code(u, office);
        u->out_of_office = false;
    }
}

/* "Kapolri Jenderal Sutarman", "Kepala Dinas Pendidikan Mataram, Yusuf,
** mengatakan", "The mayor of Bogor, Bima Arya, said": the office's actor
** is the person named after it, with or without a comma, so the unit
** spans the office ("of Place", its short form in brackets, a country
** after an unknown portfolio) and the name. */
static void take_holder_names(sent *st)
{
    for (size_t i = 0; i < st->n_units; i++) {
        unit *u = &st->units[i];
        take_job(st, i);
        office_in_apposition(st, i);
        if (!is_office(u))
            continue;
        if (!u->country[0] && has_role(st, u->last, GRAMMAR_OF) && name_word(st, u->last + 1))
            u->last = name_run(st, u->last + 1);    /* "mayor of Bogor"; not
                                                       "Menteri Pertahanan
                                                       Jepang di Kantor ..." */
        take_short_form(st, i);
        take_country(st, i);
        take_direct_name(st, i);
        take_apposition(st, i);
        take_name_before(st, i);
    }
}

/* Is token i capitalised for where it stands, not for what it is: the
** first word of a sentence, a quote or a bracket, or any word of a
** title? */
static bool capitalised_anyway(const sent *st, uint32_t i)
{
    const warta_token *before = i > 0 ? &st->s->tokens[i - 1] : NULL;
    return st->s->kind == WARTA_KIND_TITLE || !before ||
           (before->text.n == 1 && strchr("\"'([:", before->text.p[0]));
}

/* Is token i a word of a name the dictionary does not know, and no title
** ("Pak", "Mr", "Mr."), no word in quotes (a nickname: "Munafri 'Appi'
** Arifuddin"), nor one capitalised for where it stands? */
static bool unknown_name_word(const sent *st, uint32_t i)
{
    if (i >= st->s->n_tokens)
        return false;
    const warta_token *t = &st->s->tokens[i];
    bool abbreviated = t->text.n > 1 && t->text.p[t->text.n - 1] == '.' &&
                       abbrev_is_known(t->text.p, t->text.n - 1);
    return name_word(st, i) && !has_role(st, i, GRAMMAR_TITLE) && !abbreviated &&
           !capitalised_anyway(st, i) && !strchr("\"'", t->text.p[0]);
}

/* Is a person the dictionary knows by one word in a longer name, and so
** someone else or something of his: after a first name the dictionaries
** use in none of their phrases ("Hafez al-Assad", "Francesca Albanese";
** not "Recep Erdoğan", "Abdel Fatah al-Sisi", whose first words begin
** names they know), or before a name word ("the Trump Foundation",
** "Rasmoro Pramono Aji")? */
static bool in_longer_name(const sent *st, const unit *u)
{
    if (!u->person || u->agent_led || u->last != u->first + 1 || st->tabari)
        return false;
    /* (a word right after an office is its place: "Wali Kota Makassar
    ** Munafri") */
    uint32_t b = u->first - 1;
    return (u->first > 1 && unknown_name_word(st, b) && st->m.keys[b].word == NO_INDEX &&
            !st->is_phrase[b - 1]) ||
           (u->last < st->s->n_tokens && unknown_name_word(st, u->last));
}

/* "Andi Muhammad Yasir Arafat": a person out of office whose name ends
** a longer one is someone else. */
static bool ends_other_name(const sent *st, const unit *u)
{
    return (u->out_of_office && u->first > 0 && name_word(st, u->first - 1)) ||
           in_longer_name(st, u);
}

/* Drop the units a [---] phrase made ("dolar AS", "Jawa Barat"): they only
** kept a shorter name from matching; and those that end another's name.
** Their words become plain words again, so a name or an office may run
** over them ("Dinkes Seram Bagian Barat"), unless a verb covers them. */
static void drop_non_actors(sent *st)
{
    for (size_t i = st->n_units; i-- > 0;) {
        const unit *u = &st->units[i];
        if (u->code[0] && !ends_other_name(st, u))
            continue;
        for (uint32_t t = u->first; t < u->last; t++)
            st->is_phrase[t] = verb_at(st, t);
        drop_unit(st, i);
    }
}

/* A word of a name before a country: capitalised, not hyphened (the
** "Kurdish-held Syrian town" is Syrian). */
static bool names_thing(const sent *st, uint32_t i)
{
    const warta_token *t = &st->s->tokens[i];
    return name_word(st, i) && !memchr(t->text.p, '-', t->text.n);
}

/* "PT Saka Energi Indonesia", "Trade Expo Indonesia", "Air France": a
** country right after capitalised words that are no actor, office or
** function word ends the name of a thing, and is no actor.  The first
** word of a sentence, a quote or a bracket is capitalised anyway, and a
** title capitalises every word: those runs are no names.  (TABARI's
** dictionaries keep their own reading.) */
static bool ends_a_name(const sent *st, const unit *u)
{
    if (st->tabari || st->s->kind == WARTA_KIND_TITLE || strlen(u->code) != 3 || u->sector[0] ||
        u->last != u->first + 1 || u->first < 2 || !names_thing(st, u->first - 1))
        return false;
    uint32_t a = u->first - 1;
    while (a > 0 && names_thing(st, a - 1))
        a--;
    const warta_token *before = a > 0 ? &st->s->tokens[a - 1] : NULL;
    return before && !(before->text.n == 1 && strchr("\"'([:", before->text.p[0]));
}

/* "pria berinisial AS (57)": capitals after a word that announces
** initials are a person's, not the short form of a country or a body. */
static bool initials(const sent *st, const unit *u)
{
    if (u->first == 0 || !has_role(st, u->first - 1, GRAMMAR_INITIALS))
        return false;
    for (uint32_t t = u->first; t < u->last; t++)
        if (!all_caps(st, t))
            return false;
    return true;
}

/* "KBRI Phnom Penh", "the US embassy in Baghdad": a country or capital
** right after a diplomatic post (the pack's POST words), or after it and a
** place word, is where the post serves, not a second actor. */
static bool post_place(const sent *st, const unit *post, const unit *u)
{
    size_t n = strlen(u->code);
    if (post->last == 0 || !has_role(st, post->last - 1, GRAMMAR_POST) ||
        !is_letters3(u->code) || (n != 3 && (n != 6 || strcmp(u->code + 3, "GOV") != 0)))
        return false;
    return u->first == post->last ||
           (u->first == post->last + 1 && has_role(st, post->last, GRAMMAR_LOCATIVE));
}

/* "mencabut Keputusan KPU RI Nomor 731": an actor right before the
** number of a document (the pack's NUMBERED words, then a number) is part
** of the document's name. */
static bool numbered(const sent *st, const unit *u)
{
    uint32_t n = u->last + 1;
    if (!has_role(st, u->last, GRAMMAR_NUMBERED) || n >= st->s->n_tokens)
        return false;
    const warta_token *t = &st->s->tokens[n];
    return t->text.n > 0 && t->text.p[0] >= '0' && t->text.p[0] <= '9';
}

/* Is u a bare country right before an international militant group, its
** member's nationality ("a British Isis member")?  The guidelines code
** such a member by the group. */
static bool nationality_of_member(const unit *u, const unit *next)
{
    return strlen(u->code) == 3 && !u->sector[0] && next && next->first == u->last &&
           strncmp(next->code, "IMG", 3) == 0;
}

/* "Public-Private Partnership (PPP)": capitals in brackets right after
** words no dictionary names, whose initials they are (each part of a
** hyphened word its own), abbreviate those words, not the actor they also
** spell (a party: "Pajak Kendaraan Bermotor (PKB)").  A role noun's short
** form is the role's ("Chief Executive Officer (CEO)"). */
static bool abbreviates_words_before(const sent *st, const unit *u)
{
    const warta_token *t = &st->s->tokens[u->first];
    if (u->agent_led || u->last != u->first + 1 || u->first < 2 || !all_caps(st, u->first) ||
        !token_is_mark(st, u->first - 1, '(') || !token_is_mark(st, u->last, ')'))
        return false;
    size_t n = t->text.n;               /* letters to match, last first */
    for (uint32_t w = u->first - 1; n > 0 && w-- > 0;) {
        const warta_token *x = &st->s->tokens[w];
        if (x->text.n == 1 && x->text.p[0] == '-')
            continue;                   /* "Public - Private" */
        if (!name_word(st, w))
            return false;
        for (size_t k = x->text.n; k-- > 0 && n > 0;)
            if (k == 0 || x->text.p[k - 1] == '-') {
                if ((x->text.p[k] | 0x20) != (t->text.p[n - 1] | 0x20))
                    return false;
                n--;
            }
    }
    return n == 0;
}

static void drop_names_of_things(sent *st)
{
    for (size_t i = st->n_units; i-- > 0;)
        if (ends_a_name(st, &st->units[i]) || initials(st, &st->units[i]) ||
            abbreviates_words_before(st, &st->units[i]) ||
            numbered(st, &st->units[i]) ||
            (i > 0 && post_place(st, &st->units[i - 1], &st->units[i])) ||
            nationality_of_member(&st->units[i],
                                  i + 1 < st->n_units ? &st->units[i + 1] : NULL))
            drop_unit(st, i);
}

void actor_build_units(sent *st, doc_state *ds)
{
    const warta_dict *d = st->d;
    unit *u = NULL;
    for (size_t k = 0; k < st->m.n_found; k++) {
        const mention *mm = &st->m.found[k];
        if (mm->kind != ENTRY_ACTOR && mm->kind != ENTRY_AGENT)
            continue;
        if (u && joins_unit(st, u, mm) && !second_country(d, u, mm, ds->date)) {
            unit_add(u, st, mm, ds->date);
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
        unit_add(u, st, mm, ds->date);
    }
    for (size_t i = 0; i < st->n_units; i++) {
        unit *x = &st->units[i];
        if (is_former(st, x) && holds_office(x))
            make_former(x);
        unit_finish(x);
    }
    drop_non_actors(st);
    take_holder_names(st);
    split_multi_codes(st);
    drop_names_of_things(st);
}

/* ---- compounds, "except", shared agents -------------------------- */

/* Does token t begin with a small letter or a digit? */
static bool plain_or_number(const warta_token *t)
{
    size_t len;
    int32_t cp = t->text.n ? utf8_decode(t->text.p, t->text.n, 0, &len) : 0;
    return utf8_is_lower(cp) || utf8_is_digit(cp);
}

/* Do the tokens between two actors join them into a compound: "and",
** commas, articles, and at most a few plain lower-case words or numbers
** ("the evil awful Gondor")?  Not plain words after a possessive or "of"
** with only a comma to link: "Assad's main backer, the Russian president"
** names one actor twice ("Ithilen's sheep and goats of Gondor" are two). */
static bool links_compound(const sent *st, uint32_t a, uint32_t b)
{
    uint64_t link = ROLE_BIT(GRAMMAR_AND) | ROLE_BIT(GRAMMAR_EXCEPT) | ROLE_BIT(GRAMMAR_MEMBERS);
    uint32_t plain = 0;
    bool linked = false, joined = false, owned = false;
    for (uint32_t i = a; i < b; i++) {
        const warta_token *t = &st->s->tokens[i];
        if (t->text.n == 1 && t->text.p[0] == ',') {
            linked = true;
        } else if (st->roles[i] & link) {
            linked = joined = true;
        } else if (st->roles[i] & (ROLE_BIT(GRAMMAR_ARTICLE) | ROLE_BIT(GRAMMAR_OF) |
                                   ROLE_BIT(GRAMMAR_ADJECTIVE) | ROLE_BIT(GRAMMAR_COUNTERPART))) {
            owned |= has_role(st, i, GRAMMAR_OF);
            continue;
        } else if (!function_word(st, i) && !st->is_phrase[i] && !st->tabari &&
                   plain_or_number(t)) {
            /* a word or a number: "including at least 14 British citizens"
            ** (TABARI's compounds have articles and adjectives only) */
            if (++plain > 3)
                return false;
        } else {
            return false;
        }
    }
    return (linked && !(owned && plain && !joined)) || a >= b;
}

/* Is there a comma between tokens a and b; with and_only, an "and" and
** no comma ("Iran and Israel", not "Israel, Syria")? */
static bool comma_between(const sent *st, uint32_t a, uint32_t b, bool *and_only)
{
    bool comma = false, and = false;
    for (uint32_t i = a; i < b; i++) {
        comma |= token_is_mark(st, i, ',');
        and |= has_role(st, i, GRAMMAR_AND);
    }
    if (and_only)
        *and_only = and && !comma;
    return comma;
}

/* "Clashes between Iran and Israel, Syria and Israel, and Turkey and the
** Kurds": pairs joined by "and", listed with commas, are compounds of
** their own; in a plain list ("Russia, Turkey and Iran") an "and" comes
** only last.  Does a new compound start at unit i? */
static bool pair_listed(const sent *st, size_t i)
{
    bool pair = false;
    if (i >= 2 && st->units[i - 2].group == st->units[i - 1].group)
        comma_between(st, st->units[i - 2].last, st->units[i - 1].first, &pair);
    return pair && comma_between(st, st->units[i - 1].last, st->units[i].first, NULL);
}

/* Does a MEMBERS word stand between tokens a and b? */
static bool members_follow(const sent *st, uint32_t a, uint32_t b)
{
    for (uint32_t i = a; i < b; i++)
        if (has_role(st, i, GRAMMAR_MEMBERS))
            return true;
    return false;
}

void actor_build_groups(sent *st)
{
    uint32_t group = 0;
    for (size_t i = 0; i < st->n_units; i++) {
        unit *u = &st->units[i];
        uint32_t before = u->first;
        /* "except Russia": the unit leaves the compound it ends (not one
        ** after a comma: "With the exception of Russia, China ...") */
        for (uint32_t k = before; k > 0 && k + NEAR >= before &&
                                  !token_is_mark(st, k - 1, ','); k--)
            if (has_role(st, k - 1, GRAMMAR_EXCEPT)) {
                u->excluded = true;
                break;
            }
        if (i > 0) {
            unit *prev = &st->units[i - 1];
            if (links_compound(st, prev->last, u->first) && !pair_listed(st, i))
                u->group = prev->group;
            else
                u->group = ++group;
            if (u->group == prev->group && !prev->country[0] && prev->agent_led &&
                members_follow(st, prev->last, u->first))
                prev->category = true;  /* "some governments, including
                                           Kenya": Kenya acts, as GOV */
        }
        /* "mitranya dari Tiongkok", "his Chinese counterpart" */
        for (uint32_t k = u->first; k > 0 && k + NEAR >= u->first; k--)
            if (has_role(st, k - 1, GRAMMAR_COUNTERPART))
                u->counterpart = true;
        if (has_role(st, u->last, GRAMMAR_COUNTERPART))
            u->counterpart = true;
    }
}

void actor_lend_country(unit *u, const char *country)
{
    if (u->country[0] || !country[0] || !u->sector[0] ||
        strncmp(u->code, "---", 3) != 0)
        return;
    memcpy(u->country, country, 4);
    u->lent_country = true;
    char full[40];
    snprintf(full, sizeof full, "%s%s%s", u->prefix, country, u->sector);
    snprintf(u->code, sizeof u->code, "%.31s", full);
}

/* An agent of no country ("---GOV") takes from's country. */
static void lend_country(unit *u, const unit *from)
{
    actor_lend_country(u, from->country);
}

/* Does an "and" (or "except", "including") stand between tokens a and b? */
static bool list_word_between(const sent *st, uint32_t a, uint32_t b)
{
    uint64_t link = ROLE_BIT(GRAMMAR_AND) | ROLE_BIT(GRAMMAR_EXCEPT) | ROLE_BIT(GRAMMAR_MEMBERS);
    for (uint32_t i = a; i < b; i++)
        if (st->roles[i] & link)
            return true;
    return false;
}

/* Is u, by the tree, an apposition of a word of lead: "the parents of
** Jack Letts, a Briton"? */
static bool apposed_inside(const sent *st, const unit *u, const unit *lead)
{
    if (!st->parsed)
        return false;
    uint32_t h = clause_head(st, u->first, u->last);
    uint32_t up = clause_parent(st, h);
    return clause_rel(st, h, "appos") && head_in(st, up, lead->first, lead->last);
}

/* Within a compound an agent is shared: "the ambassadors of Arnor,
** Osgiliath and Gondor" are all GOV; "Danish media and government" are
** both Danish.  Only a list shares its agent, or an apposition ("the
** parents of Jack Letts, a Briton"): a comma alone joins no list
** ("According to rebel commanders, Turkey has ...": Turkey is no rebel). */
void actor_share_in_compounds(sent *st)
{
    if (st->tabari)
        return;                     /* TABARI gives each actor its own */
    for (size_t i = 0; i < st->n_units; i++) {
        const unit *lead = &st->units[i];
        if (i > 0 && st->units[i - 1].group == lead->group)
            continue;               /* not the first of its compound */
        size_t end = i + 1;
        while (end < st->n_units && st->units[end].group == lead->group)
            end++;
        bool listed = end > i + 1 &&
                      list_word_between(st, lead->last, st->units[end - 1].first);
        for (size_t j = i + 1; j < end; j++) {
            unit *u = &st->units[j];
            bool bare_country = strlen(u->code) == 3 && !u->sector[0];
            if (lead->agent_led && lead->sector[0] && bare_country &&
                (listed || apposed_inside(st, u, lead))) {
                snprintf(u->sector, sizeof u->sector, "%s", lead->sector);
                char full[40];
                snprintf(full, sizeof full, "%s%s", u->code, u->sector);
                snprintf(u->code, sizeof u->code, "%.31s", full);
            } else {
                lend_country(u, lead);
            }
        }
    }
    /* a country after the last agent is every listed agent's: "Raja dan
    ** Ratu Belanda", "the king and queen of the Netherlands" */
    for (size_t i = st->n_units; i-- > 1;) {
        const unit *last = &st->units[i];
        if ((i + 1 < st->n_units && st->units[i + 1].group == last->group) ||
            !last->agent_led || !last->country[0] || !last->sector[0])
            continue;
        for (size_t j = i; j-- > 0 && st->units[j].group == last->group;)
            lend_country(&st->units[j], last);
    }
}

/* ---- "both sides" and the actors in play ------------------------- */

/* Does the phrase at token i stand after a comma that follows an actor:
** "Turkey, Russia and Iran, the three countries ...", an apposition? */
static bool after_actor_comma(const sent *st, uint32_t i)
{
    return i >= 2 && token_is_mark(st, i - 1, ',') && actor_in(st, i - 2);
}

/* u as the state it is of: "the two countries" after "Kenyan police
** arrested Ugandan fishermen" are Kenya and Uganda. */
static void as_state(unit *u)
{
    if (!u->country[0] || !is_letters3(u->country))
        return;
    memcpy(u->code, u->country, 4);
    u->sector[0] = u->prefix[0] = u->speaker[0] = '\0';
    u->holder_first = u->holder_last = 0;
    u->person = u->people = u->needs_country = false;
}

/* "Kedua pihak", "both sides", "the three countries": the actors in play
** become a compound at that place in the sentence, unless the phrase
** stands beside the actors it names; a STATES phrase stands for their
** states. */
void actor_add_both(sent *st, const doc_state *ds)
{
    for (size_t k = 0; k < st->m.n_found; k++) {
        const mention *mm = &st->m.found[k];
        bool states = mm->block == GRAMMAR_STATES;
        if (mm->kind != ENTRY_GRAMMAR || !(mm->block == GRAMMAR_BOTH || states) ||
            ds->n_in_play < 2 || after_actor_comma(st, mm->first))
            continue;
        uint32_t group = 1000 + (uint32_t)k;
        for (size_t p = 0; p < ds->n_in_play && st->n_units < MAX_UNITS; p++) {
            unit *u = &st->units[st->n_units++];
            *u = ds->in_play[p];
            u->first = mm->first;
            u->last = mm->last;
            u->group = group;
            u->excluded = u->counterpart = false;
            if (states)
                as_state(u);
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
void actor_remember(doc_state *ds, const sent *st)
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
        if (ds->n_in_play >= 2) {       /* the last two */
            ds->in_play[0] = ds->in_play[ds->n_in_play - 1];
            ds->n_in_play = 1;
        }
        ds->in_play[ds->n_in_play++] = *u;
    }
}

/* ---- finding actors around a verb -------------------------------- */

/* The unit that starts at token i, if any. */
int actor_at(const sent *st, uint32_t i)
{
    for (size_t k = 0; k < st->n_units; k++)
        if (st->units[k].first == i && !st->units[k].unknown)
            return (int)k;
    return -1;
}

size_t actor_group_size(const sent *st, uint32_t group)
{
    size_t n = 0;
    for (size_t k = 0; k < st->n_units; k++)
        n += st->units[k].group == group && !st->units[k].excluded;
    return n;
}

/* After a verb, a unit that is only an agent ("officials", or
** "diplomatic" read as "diplomat") is taken only when no actor follows. */
bool actor_names(const unit *u)
{
    return u->country[0] || (u->code[0] && strncmp(u->code, "---", 3) != 0);
}

/* The nearest unit ending at or before token i, if it starts at or after
** token from. */
int actor_before(const sent *st, uint32_t i, uint32_t from)
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
int actor_after(const sent *st, uint32_t i, uint32_t to)
{
    int agent_only = -1;
    for (size_t k = 0; k < st->n_units; k++) {
        const unit *u = &st->units[k];
        if (u->first < i || u->excluded || u->unknown)
            continue;
        if (u->first >= to)
            break;
        if (actor_names(u))
            return (int)k;
        if (agent_only < 0)
            agent_only = (int)k;
    }
    return agent_only;
}

/* ---- actors for events and callers ------------------------------- */

/* "file:line" of a dictionary entry, kept in the document's arena. */
const char *actor_where_text(warta_doc *doc, const warta_dict *d, src_pos pos)
{
    char buf[600];
    dict_where_text(d, pos, buf, sizeof buf);
    return arena_strndup(&doc->arena, buf, strlen(buf));
}

void actor_fill(warta_doc *doc, const sent *st, const unit *u,
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
    a->entry = actor_where_text(doc, st->d, u->where);
    if (u->holder_last > u->holder_first) {
        const warta_token *hf = &st->s->tokens[u->holder_first];
        const warta_token *hl = &st->s->tokens[u->holder_last - 1];
        a->holder = (warta_slice){hf->text.p,
                                  (size_t)(hl->text.p + hl->text.n - hf->text.p)};
    }
}

/* "his counterpart from China" takes the sector of the other side. */
void actor_counterpart_sector(unit *u, const unit *other)
{
    if (!u->counterpart || u->sector[0] || !other->sector[0] ||
        strlen(u->code) != 3)
        return;
    snprintf(u->sector, sizeof u->sector, "%s", other->sector);
    char full[32];
    snprintf(full, sizeof full, "%.3s%s", u->code, other->sector);
    memcpy(u->code, full, sizeof full);
}

void actor_domestic_country(unit *u, const unit *other)
{
    static const char *const domestic[] = {"OPP", "PTY", "LEG"};
    bool politics = false;
    for (size_t i = 0; i < ARRAY_LEN(domestic); i++)
        politics |= strncmp(other->sector, domestic[i], 3) == 0;
    if (politics && strncmp(u->sector, "GOV", 3) == 0)
        lend_country(u, other);
}

/* Rebels, the opposition, insurgents and separatists stand against their
** country, not for it. */
static bool against_the_state(const unit *u)
{
    static const char *const sectors[] = {"REB", "OPP", "INS", "SEP", "UAF"};
    for (size_t i = 0; i < ARRAY_LEN(sectors); i++)
        if (strncmp(u->sector, sectors[i], 3) == 0)
            return true;
    return false;
}

/* "Tiongkok ... CHNGOV": one side is the bare country of the other ("the
** PKK fought the Turkish state" and "Kenya praised its army" are two
** sides, though). */
bool actor_same_country(const unit *a, const unit *b)
{
    return a->country[0] && strcmp(a->country, b->country) == 0 &&
           (strlen(a->code) == 3 || strlen(b->code) == 3) &&
           !against_the_state(a) && !against_the_state(b) && !a->owned && !b->owned;
}

/* The unknown side of a one-sided event: code "---", no words. */
int actor_unknown(sent *st)
{
    return actor_standing_in(st, "---");
}

int actor_standing_in(sent *st, const char *code)
{
    if (st->n_units == MAX_UNITS)
        return -1;
    unit *u = &st->units[st->n_units];
    memset(u, 0, sizeof *u);
    snprintf(u->code, sizeof u->code, "%s", code);
    u->unknown = true;
    u->group = 100000 + (uint32_t)st->n_units;
    return (int)st->n_units++;
}

/* Every actor named in the sentence, for warta_doc_actor(). */
warta_status actor_keep(warta_ctx *ctx, warta_doc *doc, const sent *st)
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
        actor_fill(doc, st, u, &m->actor);
    }
    return WARTA_OK;
}
