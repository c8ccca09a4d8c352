/*
** coder.h -- what actor.c and code.c share: a sentence as the coder sees
** it, its actors ("units"), and what is remembered across sentences.
** Private to those two files.
*/
#ifndef WARTA_CODER_H
#define WARTA_CODER_H

#include "warta_int.h"
#include "place.h"

/* An actor as the coder sees it: one or more adjacent phrases. */
typedef struct unit {
    uint32_t first, last;           /* tokens */
    char code[32], country[4], sector[16];
    src_pos where;                  /* the dictionary entry that named it */
    char speaker[8];                /* the sector of an agent that speaks
                                       for the rest of the unit ("lawyer"),
                                       kept only if there is no rest */
    char prefix[16];                /* agents written before the country:
                                       "MSF Arnor" -> NGO + ARN */
    uint32_t group;                 /* units of one compound share it */
    bool excluded;                  /* named after "except" */
    bool category;                  /* its members are named after it
                                       ("governments, including ..."):
                                       they act, where they stand with it */
    bool voids;                     /* a TABARI [###] or [+++] actor: the
                                       sentence is not coded */
    uint32_t stands_for;            /* a TABARI pronoun: 1 + the group of
                                       the actors it stands for, else 0 */
    bool counterpart;               /* "his counterpart ...": takes the
                                       other side's sector */
    bool agent_led;                 /* begins with an agent: "ambassadors
                                       of ...", "lawmakers in ..." */
    bool unknown;                   /* the missing side of a one-sided
                                       event: in no search */
    uint32_t holder_first, holder_last; /* tokens of the office holder's
                                       name after the office, or 0, 0 */
    bool person;                    /* named by an entry with dated codes:
                                       someone holding offices in turn */
    bool out_of_office;             /* its code is a person's former
                                       offices' (pick_code): an office
                                       named with it has the say */
    bool people;                    /* named for a people with no state
                                       ("Kurdish forces"): its armed men
                                       are rebels */
    bool needs_country;             /* led by an agent that is an actor
                                       only with a country ("leader") */
    bool lent_country;              /* its country lent by another of its
                                       compound ("Syrian fighters and
                                       officials"): one side with it */
    bool owned;                     /* of the country of the one its
                                       possessive pronoun stands for ("its
                                       army"): a side apart from that one,
                                       though of its country */
    bool place_only;                /* named by place entries alone
                                       (actor_block.place): "Jakarta" holds
                                       no office, so "Jakarta Selatan" is
                                       no holder's name */
} unit;

/* TABARI's FORWARD: the first actor of the record before, for the
** pronouns of a record that names no actor before them. */
typedef struct tabari_forward {
    unit actor;                     /* its code without its agents */
    bool compound;                  /* it was in a compound: HE, HIM, SHE,
                                       HER and IT do not take it */
} tabari_forward;

#define MAX_UNITS 64
#define MAX_IN_PLAY 8
#define NEAR 3                      /* tokens between a marker and its verb */

/* What the coder remembers from sentence to sentence of one article. */
typedef struct doc_state {
    int32_t date;                   /* the article's day, or INT32_MIN */
    unit in_play[MAX_IN_PLAY];      /* the last distinct actors named */
    size_t n_in_play;
    bool discard_story;
    bool allow_monads;              /* code one-sided events */
    bool from_event;                /* in_play came from an event */
    bool list_actors;               /* keep every actor for the caller */
    bool shallow;                   /* code by position, not by the tree */
    struct {                        /* actors named per country (home.c) */
        char country[4];
        uint32_t n;
    } countries[32];
    size_t n_countries;
    const news_outlet *outlet;      /* the article's, or NULL (home.c) */
    struct {                        /* people named so far (refer.c) */
        char word[32];              /* the last word of the name, folded */
        unit u;
    } names[16];
    size_t n_names;
    struct {                        /* agents named with whose they are,
                                       for "the fighters" later (refer.c) */
        char word[32];              /* the agent's last word, folded */
        unit u;
    } described[16];
    size_t n_described;
    unit last_actor;                /* who "he", "dia" stand for */
    bool has_last_actor;
    unit last_country;              /* what "the country" stands for */
    bool has_last_country;
    unit last_speaker;              /* who "we", "kami" stand for in a quote
                                       that names no speaker: the speaker
                                       of the sentence just before */
    bool has_last_speaker;
    size_t last_speaker_sentence;
    unit headline;                  /* the title's first actor, an
                                       organisation or office (refer.c) */
    bool has_headline, headline_given;
    tabari_forward forward;         /* TABARI's FORWARD: */
    bool has_forward;               /* until the record names an actor */
    arena scratch;                  /* one sentence's matching, roles and
                                       phrases; cleared for the next */
} doc_state;

typedef struct sent {
    const warta_dict *d;
    const warta_sentence *s;
    sentence_match m;
    uint64_t *roles;                /* per token: bit per grammar role */
    bool *is_phrase;                /* per token: inside a dictionary phrase */
    size_t n_units;
    unit last_pair[2];              /* source and target of the last event */
    uint32_t last_source_group;     /* the group of that event's source */
    bool had_event;
    int last_source;                /* unit index, for conjoined verbs */
    bool allow_monads;
    bool tabari;                    /* a verb of TABARI's files is in it:
                                       TABARI's rules apply */
    date_mention dates[8];          /* the sentence's date expressions */
    size_t n_dates;
    bool parsed;                    /* the tokens have heads (clause.c) */
    uint32_t *kid, *sib;            /* per token: first child, next sibling */
    bool has_speaker;               /* who spoke in the sentence just
                                       before (refer.c): "kami" in a quote
                                       going on, the "-nya" of "ucapnya", who
                                       makes an appeal told with no agent
                                       ("Masyarakat dihimbau ...") */
    unit speaker;
    unit units[MAX_UNITS];          /* last: not cleared, filled as found */
} sent;

#define ROLE_BIT(r) (UINT64_C(1) << (r))

static inline bool has_role(const sent *st, uint32_t i, grammar_role r)
{
    return i < st->s->n_tokens && (st->roles[i] >> r & 1);
}

/* Is token i in one of the sentence's date expressions ("Senin",
** "on 5 August")? */
static inline bool in_date(const sent *st, uint32_t i)
{
    for (size_t k = 0; k < st->n_dates; k++)
        if (i >= st->dates[k].first && i < st->dates[k].last)
            return true;
    return false;
}

/* Is token i a function word of the pack's grammar?  A title ("Kopda",
** "Colonel") is a word of a name, and one who speaks for another
** ("spokesman", "kuasa hukum") a noun: roles the coder reads, not function
** words. */
static inline bool function_word(const sent *st, uint32_t i)
{
    return (st->roles[i] & ~(ROLE_BIT(GRAMMAR_TITLE) | ROLE_BIT(GRAMMAR_SPEAKS_FOR))) != 0;
}

/* The verb phrase of the pack that covers token i, or NULL. */
static inline const mention *verb_mention_at(const sent *st, uint32_t i)
{
    for (size_t k = 0; k < st->m.n_found; k++) {
        const mention *mm = &st->m.found[k];
        if (mm->kind == ENTRY_VERB && i >= mm->first && i < mm->last)
            return mm;
    }
    return NULL;
}

/* Does a verb phrase of the pack cover token i? */
static inline bool verb_at(const sent *st, uint32_t i)
{
    return verb_mention_at(st, i) != NULL;
}

/* Is token i a pronoun of the pack's HE, WE or IT words ("he", "kami",
** "pihaknya")? */
static inline bool pronoun_word(const sent *st, uint32_t i)
{
    return has_role(st, i, GRAMMAR_HE) || has_role(st, i, GRAMMAR_WE) ||
           has_role(st, i, GRAMMAR_IT);
}

/* The block whose code the verb mention v has alone: its own line's
** ("BROKER [045]"), else its "--- NAME [CODE] ---" group's. */
static inline const verb_block *verb_own(const warta_dict *d, const mention *v)
{
    const verb_block *vb = &d->verbs[v->block];
    return vb->own_code ? vb : &d->verbs[vb->patterns_of];
}

/* Is token i a mention of the pack whose own code is of CAMEO's root
** `root` ("04": "talks", "meeting"; "13": "warning", "threats")? */
static inline bool root_at(const sent *st, uint32_t i, const char *root)
{
    const mention *mm = verb_mention_at(st, i);
    return mm && strncmp(verb_own(st->d, mm)->code, root, 2) == 0;
}

/* Is token i an event noun or verb of consultation (root 04)? */
static inline bool consultation_at(const sent *st, uint32_t i)
{
    return root_at(st, i, "04");
}

/* Does the token begin with a capital letter ("Theresa", "Informasi")? */
static inline bool token_starts_upper(const warta_token *t)
{
    size_t len;
    return t->text.n && utf8_is_upper(utf8_decode(t->text.p, t->text.n, 0, &len));
}

/* Is token i the one-character token c ("," "(" ")")? */
static inline bool token_is_mark(const sent *st, uint32_t i, char c)
{
    return i < st->s->n_tokens && st->s->tokens[i].text.n == 1 &&
           st->s->tokens[i].text.p[0] == c;
}

/* ---- actor.c ---------------------------------------------------------------- */

bool actor_in(const sent *st, uint32_t i);
/* The actor token t is in (not an unknown side, not one EXCEPT removed),
** or -1. */
int actor_holding(const sent *st, uint32_t t);
/* Does the unit name a state alone ("Syria", "the United States"), no body
** of it and no people? */
bool actor_names_state(const unit *u);
void actor_build_units(sent *st, doc_state *ds);
void actor_build_groups(sent *st);
void actor_share_in_compounds(sent *st);
void actor_add_both(sent *st, const doc_state *ds);
void actor_remember(doc_state *ds, const sent *st);
int actor_at(const sent *st, uint32_t i);
size_t actor_group_size(const sent *st, uint32_t group);
int actor_before(const sent *st, uint32_t i, uint32_t from);
int actor_after(const sent *st, uint32_t i, uint32_t to);
const char *actor_where_text(warta_doc *doc, const warta_dict *d, src_pos pos);
void actor_fill(warta_doc *doc, const sent *st, const unit *u,
                       warta_actor *a);
/* The unit takes the code of another (its country and sector too). */
void actor_copy_code(unit *u, const unit *from);
/* An agent of no country ("---GOV") takes the country (ISO alpha-3). */
void actor_lend_country(unit *u, const char *country);
void actor_counterpart_sector(unit *u, const unit *other);
/* "Labour leader Jeremy Corbyn has accused the government": a government
** of no country facing a country's opposition, parties or legislature is
** that country's. */
void actor_domestic_country(unit *u, const unit *other);
bool actor_same_country(const unit *a, const unit *b);
int actor_unknown(sent *st);
/* Does the unit name an actor (a country or a code), not an agent only? */
bool actor_names(const unit *u);
/* A unit for a side no actor names, with this code ("---" for
** actor_unknown, TABARI's DEFAULT: codes); in no search.  -1 when full. */
int actor_standing_in(sent *st, const char *code);
warta_status actor_keep(warta_ctx *ctx, warta_doc *doc, const sent *st);

/* ---- clause.c: actors from the dependency tree ---------------------------- */

/* Make the children lists of a parsed sentence (st->parsed tells). */
bool clause_prepare(sent *st, arena *ar);
/* The token of [first, last) whose head lies outside it. */
uint32_t clause_head(const sent *st, uint32_t first, uint32_t last);
uint32_t clause_parent(const sent *st, uint32_t t);    /* or NO_INDEX */
/* Is t's relation name or one of its subtypes ("obl" holds "obl:tmod")? */
bool clause_rel(const sent *st, uint32_t t, const char *name);
uint32_t clause_child(const sent *st, uint32_t t, const char *name, bool base);
/* "Its troops", "their ministers": t's owner is a pronoun, so whose they
** are is said already. */
bool clause_owned_by_pronoun(const sent *st, uint32_t t);
/* "Did not address Trump's decision": is event noun t owned by an actor
** (named, not a pronoun) other than the subject of the verb v above it? */
bool clause_owned_by_other(const sent *st, uint32_t t, uint32_t v);
/* Has t a child of relation rel (any when NULL) whose word has role? */
bool clause_child_role(const sent *st, uint32_t t, const char *rel,
                       grammar_role role);
/* Does t's relation open a clause of its own (acl, advcl, ccomp...)? */
bool clause_starts(const sent *st, uint32_t t);
/* Does the phrase at c go along with the subject ("alongside X",
** "bersama X"), the ALLY word its case, its first word or right before it? */
bool clause_ally_phrase(const sent *st, uint32_t c);
/* Does unit u name a place ("in Iraq", "di Jakarta")? */
bool clause_place(const sent *st, const unit *u);
/* "military" in "a military operation": an adjective of no country
** modifying a noun, a kind of it, no actor. */
bool clause_kind_word(const sent *st, const unit *u);
/* Does v, or the noun it acts on, name a partner with a WITH word? */
bool clause_has_partner(const sent *st, uint32_t v);
/* The actor word w's own TO phrase names ("cooperation with X"), or -1. */
int clause_oblique_target(sent *st, uint32_t w);
/* The head of the clause token t is in. */
uint32_t clause_of(const sent *st, uint32_t t);
bool clause_passive(const sent *st, uint32_t v);
/* Is t an -ing form: a gerund or a present participle ("urging")? */
bool clause_ing_form(const sent *st, uint32_t t);
/* Does token t carry a pronoun written with it, a word of its own to the
** parser ("diperolehnya", "ungkapnya": by him, he said)? */
bool clause_clitic_pronoun(const sent *st, uint32_t t);
/* What v says: its complement clause, or one the parser took for an
** adverbial ("menekankan bahwa ..." as advcl) unless it is a condition or
** an aim; or NO_INDEX. */
uint32_t clause_said(const sent *st, uint32_t v);
/* Does v tell background, not news: a relative clause in the perfect
** ("the PKK, which has fought Turkey"), a gerund describing an actor
** ("forces backing Assad"), or, unless its years are a penalty's, what
** goes on for years ("for more than 40 years")? */
bool clause_background(const sent *st, uint32_t v, bool penalty);
/* Is t in v's clause: up from t to v without opening another clause? */
bool clause_holds(const sent *st, uint32_t v, uint32_t t);
/* Is t in the phrase headed by root (root itself included)? */
bool clause_under(const sent *st, uint32_t t, uint32_t root);
/* Actors joined by position ("A, which B ...") are no compound when the
** tree puts them in different clauses. */
void clause_split_groups(sent *st);
/* "Russian and Turkish troops": the troops are both countries'. */
void clause_share_sectors(sent *st);

typedef struct clause_args {
    int source, target;             /* unit indices, -1 when none */
    const char *source_how, *target_how;    /* "nsubj of 'met'" */
    bool mutual;                    /* each side acts on the other: "talks
                                       between X and Y" */
    bool source_phrase;             /* the tree names a source phrase,
                                       actor or not ("her father"), or
                                       the verb is a passive */
    bool own_forces;                /* the target is the source's own forces
                                       ("withdrew its troops from Syria") */
    int place;                      /* then the country they go to or
                                       leave, or -1 */
    bool from_adjunct;              /* the source is the subject of the
                                       clause an event noun is an adjunct
                                       of ("during a visit to X, Y said") */
    const char *place_how;
} clause_args;

/* Are two actors one, the tree says: "Mike Pompeo, the US secretary of
** state" (an apposition)? */
bool clause_one_entity(const sent *st, const unit *a, const unit *b);
/* ... the same, also where a country names the noun an apposition
** follows: "the Turkish leader, Recep Tayyip Erdoğan". */
bool clause_apposed(const sent *st, const unit *a, const unit *b);

/* Is v a clause of the means by which its head is done: "responded by
** attacking X" (BY and an -ing form)?  Its subject and its mode are the
** head's. */
bool clause_by_means(const sent *st, uint32_t v);

/* The source and target of the verb or event noun at token v; hostile
** when its code is a conflict (CAMEO 10-20), whose opponent is its target
** ("fought with X against Y": Y). */
void clause_sides(warta_doc *doc, sent *st, uint32_t v, bool hostile, clause_args *out);

/* ---- home.c: the article's home country ----------------------------------- */

/* Count the countries of the sentence's actors, or one country. */
void home_count(doc_state *ds, const sent *st);
void home_count_country(doc_state *ds, const char *country);
/* Give the sides of the document's events that name no country ("the
** police", "pemerintah") the article's home country: the country most of
** its actors belong to; and those named for a people with no state
** ("Kurdish forces") the state of theirs the article is about. */
void home_fill(warta_doc *doc, const doc_state *ds, const warta_dict *d);

/* ---- refer.c: actors named before ---------------------------------------- */

/* Remember the people the sentence named and who acted last. */
void refer_remember(doc_state *ds, const sent *st);
/* In a parsed sentence: a name said before or a pronoun becomes an actor. */
void refer_resolve(sent *st, doc_state *ds);
/* A title sentence: remember the organisation it opens with. */
void refer_headline(doc_state *ds, const sent *st);
/* Words that refer_resolve may make actors, counted before parsing. */
size_t refer_candidates(const sent *st, const doc_state *ds);

/* ---- mode.c: factuality ---------------------------------------------------- */

warta_mode mode_of(const sent *st, uint32_t v);
/* Is v's future told by a word of its own ("will visit", "akan", "said he
** would"), not only meant ("sought to strike a deal in February")?  Then
** a date with no year names the one to come. */
bool mode_future_told(const sent *st, uint32_t v);
/* The intent code (03x) of an event to come, or NULL. */
const char *mode_intent_code(const char *code);

/* TABARI's rules for the verbs of its files (tabari_code.c). */
bool tabari_sentence(const sent *st);       /* a TABARI verb is in it */
/* Is token i a conjunction between two clauses? */
bool tabari_clause_break(const sent *st, uint32_t i);
/* Before coding: MINIMUM WORDS, comma-delimited clauses, CONVERT AGENT;
** gone[] (zeroed, a flag per token) gets the tokens not coded. */
void tabari_prepare(sent *st, bool *gone);
/* TABARI's actors (after groups): agents' codes added as TABARI adds
** them, pronouns made copies of the actors they stand for. */
void tabari_actors(sent *st, const tabari_forward *forward);
/* Under FORWARD:, remember the record's first actor in doc. */
void tabari_note_first(warta_doc *doc, const sent *st);
/* Under FORWARD:, the actor a pronoun of doc may take from prev, the
** record before it: false when there is none. */
bool tabari_forwarded(const warta_dict *d, const warta_doc *prev,
                      const warta_doc *doc, tabari_forward *out);
/* A verb's sides as TABARI seeks them: the source and target searches
** when asked, DEFAULT:, no bare agents. */
void tabari_sides(sent *st, const mention *v, bool find_source,
                  bool find_target, int *src, int *tgt);
/* A verb capitalized inside a sentence not in capitals: a noun. */
bool tabari_capital_noun(const sent *st, const mention *v);

#endif
