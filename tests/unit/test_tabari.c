/*
** test_tabari.c -- TABARI's dictionaries read as TABARI's manual says,
** with a small project written here: word endings (stems, "_", "=", a
** "{ forms }" line), ranked codes ("?", "!"), discard and complex codes,
** <NOUN>/<ADJECTIVE> lists, TABARI's own function words, the .options
** commands (CODE BY ..., DEFAULT:, COMMA:, CONVERT AGENT, FORWARD:),
** clause selection, comma-delimited clauses, the source search, pronouns
** (across records too), pattern gaps, verbs capitalized as nouns,
** "~FINISH", and TABARI's text records as the reader takes them.
*/
#include "helpers.h"

static warta_dict *dict;

static const char actors[] =
    "<NOUN>\n"
    "SHEEP\n"
    "GOATS\n"
    "</NOUN>\n"
    "<ADJECTIVE>\n"
    "EVIL   ; an adjective, not an actor\n"
    "</ADJECTIVE>\n"
    "ARNOR  [ARN]\n"
    "GONDOR  [GON]\n"
    "ROHAN  [ROH]\n"
    "PRINCE DOL_AMROTH  [DOL]\n"
    "AMNESTY_INTERNATIONAL  [NGM]\n"
    "GONZO_GMO  [GONGMO]\n"
    "NAZGUL  [###]\n"
    "ENTS  [### <900101] [ENT]\n"
    "~~FINISH\n"
    "MORDOR  [ORC]\n";
static const char verbs[] =
    "<SYNSETS>\n"
    "&COIN\n"
    "+DUCAT\n"
    "+SILVER_CROWN\n"
    "+GOLD COIN\n"
    "</SYNSETS>\n"
    "DONATE  [070]\n"
    "- * &COIN  [071]\n"
    "RESTOR  [064]\n"
    "- * TIES  [064]\n"
    "ACT_  [100]\n"
    "FLEE=  [020]\n"
    "FIGHT_  [190]\n"
    "{ FOUGHT_ }\n"
    "BURN DOWN  [222]\n"
    "ALLOW  [060]\n"
    "- * REAL~_PLEASANT  [024]\n"
    "- * THE_NEAT~_PLACE  [027]\n"
    "ATTACK  [190]\n"
    "PRAISE  [051]\n"
    "URGE  [102]\n"
    "SAID  [023?]\n"
    "CONDEMN  [111!]\n"
    "SOCCER  [+++]\n"
    "TRADE  [---]\n"
    "- HAS * WITH %  [067]\n";
static const char agents[] =
    "CLERIC_  [~MOS]\n"
    "SECURITY_FORCE_  [~MIL]\n"
    "HUMAN_RIGHTS_ACTIVISTS_  [NGM~]\n";
static const char options[] =
    "// a comment line\n"
    "LABEL: 064=RESTORE\n"
    "SET: CODE BY CLAUSE\n"
    "SET: MINIMUM WORDS = 3\n";

static int setup(void **state)
{
    snprintf(test_dir, sizeof test_dir, "/tmp/warta-test-tabari-XXXXXX");
    if (!mkdtemp(test_dir) || open_ctx(state) != 0)
        return -1;
    write_test_file("t.actors", actors);
    write_test_file("t.verbs", verbs);
    write_test_file("t.options", options);
    write_test_file("t.agents", agents);
    write_test_file("t.project", "A test project\n<actorsfile> t.actors\n"
                                 "<verbsfile> t.verbs\n<optionsfile> t.options\n"
                                 "<agentsfile> t.agents\n");
    char path[512];
    snprintf(path, sizeof path, "%s/t.project", test_dir);
    if (warta_dict_new(test_ctx, &dict) != WARTA_OK ||
        warta_dict_load(test_ctx, dict, path) != WARTA_OK) {
        fprintf(stderr, "setup: %s\n", warta_errmsg(test_ctx));
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    return test_dict_teardown(state, dict);
}

static const char *code(const char *text)
{
    return code_text(dict, text, "en", "1995-01-01");
}

static void option(const char *command)
{
    assert_int_equal(warta_dict_option(test_ctx, dict, command), WARTA_OK);
}

/* A bare word is a stem; "WORD_" takes the regular endings; "WORD=" none;
** a "{ forms }" line under a verb adds its forms. */
static void word_endings(void **state)
{
    (void)state;
    assert_string_equal(code("Arnor restored ties with Gondor."), "ARN 064 GON");
    assert_string_equal(code("Arnor is restoring ties with Gondor."),
                        "ARN 064 GON");
    assert_string_equal(code("Arnor acted against Gondor."), "ARN 100 GON");
    assert_string_equal(code("Arnor acts against Gondor."), "ARN 100 GON");
    assert_string_equal(code("Arnor actually met Gondor."), "");
    assert_string_equal(code("Arnor will flee from Gondor."), "ARN 020 GON");
    assert_string_equal(code("Arnor flees from Gondor."), "");
    assert_string_equal(code("Arnor fought Gondor."), "ARN 190 GON");
    /* a word a blank follows is a stem too, and words may come between
    ** (not a comma); '_' joins words directly */
    assert_string_equal(code("Arnor burned down Gondor."), "ARN 222 GON");
    assert_string_equal(code("Arnor attacked the Prince of Dol Amroth."),
                        "ARN 190 DOL");
    assert_string_equal(code("Arnor attacked the Prince, of Dol Amroth."), "");
    assert_string_equal(code("Arnor attacked the Prince of Dol the Amroth."),
                        "");
    /* in a pattern "~_" makes a stem that the next word follows at once;
    ** "_" alone an exact word */
    assert_string_equal(code("Arnor allowed that Gondor is a really pleasant "
                             "place."), "ARN 024 GON");
    assert_string_equal(code("Arnor allowed that Gondor is the neatest "
                             "place."), "ARN 027 GON");
    assert_string_equal(code("Arnor allowed that Gondor is a real nice "
                             "pleasant place."), "ARN 060 GON");
    assert_string_equal(code("Arnor allowed that Gondor is thee neatest "
                             "place."), "ARN 060 GON");
    /* a pattern's words may stand any number of words apart */
    assert_string_equal(code("Arnor will restore all of its very old formal "
                             "friendly diplomatic ties with Gondor."),
                        "ARN 064 GON");
}

/* "[023?]" gives way to any other event; "[111!]" leaves only its kind. */
static void ranked_codes(void **state)
{
    (void)state;
    assert_string_equal(code("Arnor said Gondor was fine."), "ARN 023 GON");
    assert_string_equal(code("Arnor said it would attack Gondor."),
                        "ARN 190 GON");
    option("SET: CODE ALL");
    assert_string_equal(code("Arnor praised Gondor after it condemned Rohan."),
                        "ARN 111 ROH");
    option("SET: CODE BY CLAUSE");
}

/* [###] (a discard) and [+++] (too complex) leave the sentence uncoded;
** a dated [###] only in its dates. */
static void discard_and_complex(void **state)
{
    (void)state;
    assert_string_equal(code("Arnor attacked the Nazgul."), "");
    assert_string_equal(code("Arnor attacked Gondor after soccer riots."), "");
    /* ... unless a determiner makes the verb a noun */
    assert_string_equal(code("Arnor attacked Gondor at a soccer match."),
                        "ARN 190 GON");
    assert_string_equal(code("Arnor attacked the Ents."), "ARN 190 ENT");
    assert_string_equal(code_text(dict, "Arnor attacked the Ents.", "en",
                                  "1989-06-01"), "");
}

/* TABARI's built-in function words come with the project: WAS and BY
** make a passive. */
static void function_words(void **state)
{
    (void)state;
    assert_string_equal(code("Gondor was attacked by Arnor."), "ARN 190 GON");
}

/* CODE BY CLAUSE keeps the first event of each clause; CODE BY SENTENCE
** the sentence's first; CODE ALL every one.  AND between two actors, or
** a conjunction between nouns of the <NOUN> list, splits no clause; a
** target is sought in the verb's clause. */
static void clause_selection(void **state)
{
    (void)state;
    const char *two_clauses = "Arnor attacked Gondor and praised Rohan.";
    const char *one_clause = "Arnor attacked Gondor after it praised Rohan.";
    assert_string_equal(code(two_clauses), "ARN 190 GON; ARN 051 ROH");
    assert_string_equal(code(one_clause), "ARN 190 GON");
    option("SET: CODE BY SENTENCE");
    assert_string_equal(code(two_clauses), "ARN 190 GON");
    option("SET: CODE ALL");
    assert_string_equal(code(one_clause), "ARN 190 GON; ARN 051 ROH");
    option("SET: CODE BY CLAUSE");
    /* a clause's verbs after its first event code nothing, a dominant one
    ** too; over the sentence a dominant event leaves only its kind */
    assert_string_equal(code("Arnor praised Gondor after it condemned Rohan."),
                        "ARN 051 GON");
    assert_string_equal(code("Arnor praised Gondor and condemned Rohan."),
                        "ARN 111 ROH");
    assert_string_equal(code("Arnor attacked sheep and goats and praised "
                             "Rohan."), "ARN 051 ROH");
    /* only AND (or NOR) joins actors into a compound: BUT between two
    ** actors still splits the clauses */
    assert_string_equal(code("Arnor attacked Gondor but Rohan praised "
                             "Arnor."), "ARN 190 GON; ROH 051 ARN");
    assert_string_equal(code("Arnor attacked Gondor and Rohan today."),
                        "ARN 190 GON; ARN 190 ROH");
}

/* The source is the first actor of the verb's clause, not the nearest;
** an adjective may stand in a name; an adjective alone is no actor.  A
** comma-delimited clause of 2 to 10 words is dropped (COMMA: changes
** how many). */
static void source_search(void **state)
{
    (void)state;
    assert_string_equal(code("Arnor suggested Gondor should attack Rohan."),
                        "ARN 190 ROH");
    assert_string_equal(code("The evil Gondor attacked Rohan."), "GON 190 ROH");
    assert_string_equal(code("Evil attacked Rohan."), "");
    /* "MORDOR" is after "~~FINISH": not read */
    assert_string_equal(code("Mordor attacked Rohan."), "");
    const char *comma = "Arnor attacked Gondor on Sunday, as Rohan praised "
                        "Gondor.";
    assert_string_equal(code(comma), "ARN 190 GON");
    option("COMMA: OFF");
    option("SET: CODE ALL");
    /* TABARI: the source is the first actor of the clause, the sentence */
    assert_string_equal(code(comma), "ARN 190 GON; ARN 051 GON");
    option("COMMA: MIN = 2 MAX = 10 EMIN = 2 EMAX = 10");
    option("SET: CODE BY CLAUSE");
    assert_string_equal(code(comma), "ARN 190 GON");
}

/* TABARI's pronouns: HE, HIM, IT ... the first actor before them in no
** compound; THEY, THEM, THEIR the first compound.  A compound has only
** articles and adjectives between its actors. */
static void pronouns(void **state)
{
    (void)state;
    assert_string_equal(code("Arnor urged Gondor to leave and Rohan "
                             "praised him."), "ARN 102 GON; ROH 051 ARN");
    assert_string_equal(code("Arnor and Gondor met and Rohan praised them."),
                        "ROH 051 ARN; ROH 051 GON");
    /* "Gondor to leave and Rohan": no compound across plain words */
    assert_string_equal(code("Arnor urged Gondor to leave and Rohan left."),
                        "ARN 102 GON");
}

/* Code text as the record with this id, the record before being *prev
** (coded, or NULL), which is freed: this one takes its place.  The
** events as code_text writes them. */
static const char *code_after(warta_doc **prev, const char *id,
                              const char *text)
{
    static char out[512];
    warta_meta meta = {.id = id, .date = "1995-01-01"};
    warta_doc *doc;
    assert_int_equal(warta_doc_new(test_ctx, text, strlen(text), &meta, &doc),
                     WARTA_OK);
    assert_int_equal(warta_doc_process(test_ctx, doc, WARTA_STAGE_STEMS, "en"),
                     WARTA_OK);
    warta_code_opts co = {.previous = *prev};
    assert_int_equal(warta_doc_code_opts(test_ctx, doc, dict, &co), WARTA_OK);
    out[0] = '\0';
    for (size_t i = 0; i < warta_doc_n_events(doc); i++) {
        const warta_event *e = warta_doc_event(doc, i);
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s %s %s",
                 i ? "; " : "", e->source.code, e->code, e->target.code);
    }
    warta_doc_free(*prev);
    *prev = doc;
    return out;
}

/* FORWARD: (manual §8.4): a pronoun before any actor of its record stands
** for the first actor of the record before, when the ids say it is the
** next sentence of the same story: the actor without its agents, one
** actor of a compound, and for HE ... IT none that was in a compound. */
static void forwarded_pronouns(void **state)
{
    (void)state;
    warta_doc *prev = NULL;
    const char *he = "He praised Rohan on Monday.";
    assert_string_equal(code_after(&prev, "AP-001-001", "Arnor attacked "
                                   "Gondor on Sunday."), "ARN 190 GON");
    assert_string_equal(code_after(&prev, "AP-001-002", he), "");
    option("FORWARD: ^^***NNN*SSS");
    assert_string_equal(code_after(&prev, "AP-001-001", "The Arnor clerics "
                                   "attacked Gondor."), "ARNMOS 190 GON");
    assert_string_equal(code_after(&prev, "AP-001-002", he), "ARN 051 ROH");
    /* a pronoun is not forwarded again: the record before's first actor
    ** is the first it named, Rohan */
    assert_string_equal(code_after(&prev, "AP-001-003", "It urged Gondor to "
                                   "leave."), "ROH 102 GON");
    /* not the next sentence, or another story: nothing forwarded */
    assert_string_equal(code_after(&prev, "AP-001-005", he), "");
    code_after(&prev, "AP-001-001", "Arnor attacked Gondor on Sunday.");
    assert_string_equal(code_after(&prev, "AP-002-002", he), "");
    /* an id shorter than the format, or whose sentence is no number */
    code_after(&prev, "AP-001-001", "Arnor attacked Gondor on Sunday.");
    assert_string_equal(code_after(&prev, "AP-001", he), "");
    code_after(&prev, "AP-001-00x", "Arnor attacked Gondor on Sunday.");
    assert_string_equal(code_after(&prev, "AP-001-001", he), "ARN 051 ROH");
    /* an actor before the pronoun in its own record is the one */
    code_after(&prev, "AP-001-001", "Arnor attacked Gondor on Sunday.");
    assert_string_equal(code_after(&prev, "AP-001-002", "Gondor said he "
                                   "would attack Rohan."), "GON 190 ROH");
    /* a compound: THEY takes its first actor, HE nothing */
    const char *both = "Arnor and Gondor attacked Rohan on Sunday.";
    code_after(&prev, "AP-003-001", both);
    assert_string_equal(code_after(&prev, "AP-003-002", "They praised the "
                                   "Prince of Dol Amroth."), "ARN 051 DOL");
    code_after(&prev, "AP-003-001", both);
    assert_string_equal(code_after(&prev, "AP-003-002", he), "");
    /* OFF turns it off; a format without S is refused */
    option("FORWARD: ^^***NNN*SSS OFF");
    code_after(&prev, "AP-001-001", "Arnor attacked Gondor on Sunday.");
    assert_string_equal(code_after(&prev, "AP-001-002", he), "");
    assert_int_equal(warta_dict_option(test_ctx, dict, "FORWARD: ^^***NNN"),
                     WARTA_EPARSE);
    assert_int_equal(warta_dict_option(test_ctx, dict, "FORWARD: ***NNN*SSS "
                                       "LATER"), WARTA_EPARSE);
    warta_doc_free(prev);
}

/* DEFAULT: fills a missing side: without PRIOR the source is first
** sought after the verb; with it the default stands in whenever no actor
** is before the verb; AFTER does the same for the target. */
static void default_sides(void **state)
{
    (void)state;
    assert_string_equal(code("Someone attacked Gondor."), "");
    option("DEFAULT: SOURCE [DEFSRC] TARGET [DEFTAR] AFTER");
    assert_string_equal(code("Someone attacked Gondor."), "GON 190 DEFTAR");
    option("DEFAULT: OFF");
    option("DEFAULT: SOURCE [DEFSRC] PRIOR");
    assert_string_equal(code("Someone attacked Gondor."), "DEFSRC 190 GON");
    option("DEFAULT: OFF");
    assert_string_equal(code("Someone attacked Gondor."), "");
}

/* SET: CONVERT AGENT = TRUE makes an agent with no actor an actor; a
** verb inside an agent's name ("security forces") is no verb. */
static void converted_agents(void **state)
{
    (void)state;
    const char *text = "Security forces attacked the clerics.";
    assert_string_equal(code(text), "");
    option("SET: CONVERT AGENT = TRUE");
    assert_string_equal(code(text), "~MIL 190 ~MOS");
    assert_string_equal(code("Arnor attacked the clerics."), "ARN 190 ~MOS");
    option("SET: CONVERT AGENT = FALSE");
    assert_string_equal(code(text), "");
}

/* An agent's code is added before or after the actor's as its '~' says,
** unless the actor's code holds it on a 3-letter boundary; one that
** comes before is added to a 6-letter code too. */
static void agent_codes(void **state)
{
    (void)state;
    assert_string_equal(code("The Arnor clerics attacked Gondor."),
                        "ARNMOS 190 GON");
    assert_string_equal(code("Human rights activists Amnesty International "
                             "attacked Gondor."), "NGM 190 GON");
    assert_string_equal(code("Human rights activists Gonzo GMO attacked "
                             "Arnor."), "NGMGONGMO 190 ARN");
}

/* A synset phrase of one word takes no endings; in a longer one the
** last word is a stem, and a blank lets words come between, as in a
** pattern. */
static void synset_words(void **state)
{
    (void)state;
    assert_string_equal(code("Arnor donated a ducat to Gondor."),
                        "ARN 071 GON");
    assert_string_equal(code("Arnor donated ducats to Gondor."),
                        "ARN 070 GON");
    assert_string_equal(code("Arnor donated silver crowns to Gondor."),
                        "ARN 071 GON");
    /* a blank lets words come between, '_' does not */
    assert_string_equal(code("Arnor donated gold Numenorean coins to "
                             "Gondor."), "ARN 071 GON");
    assert_string_equal(code("Arnor donated silver old crowns to Gondor."),
                        "ARN 070 GON");
}

/* "%" in a pattern is a compound, the source and the target of each
** other, before the verb or after it. */
static void compound_token(void **state)
{
    (void)state;
    assert_string_equal(code("Arnor has traded prisoners with Gondor and "
                             "Rohan."), "GON 067 ROH; ROH 067 GON");
    assert_string_equal(code("Arnor has traded prisoners with Gondor."), "");
}

/* A verb capitalized inside a sentence is a noun, unless the sentence is
** all capitals; so is one just after a determiner, but not one a word
** further. */
static void capitals_make_nouns(void **state)
{
    (void)state;
    assert_string_equal(code("Arnor made an attack on Gondor."), "");
    assert_string_equal(code("Arnor made a brutal attack on Gondor."),
                        "ARN 190 GON");
    assert_string_equal(code("Arnor is about To Restore ties with Gondor."), "");
    assert_string_equal(code("ARNOR WILL RESTORE TIES WITH GONDOR."),
                        "ARN 064 GON");
}

/* SET: MINIMUM WORDS: a shorter sentence is not coded (TABARI's default
** is 8 words; this project says 3). */
static void minimum_words(void **state)
{
    (void)state;
    assert_string_equal(code("Arnor attacked Gondor."), "ARN 190 GON");
    option("SET: MINIMUM WORDS = 4");
    assert_string_equal(code("Arnor attacked Gondor."), "");
    assert_string_equal(code("Arnor attacked Gondor today."), "ARN 190 GON");
    option("SET: MINIMUM WORDS = 3");
}

/* Options: what changes coding is taken, output-only commands quietly,
** the rest named; a line that is no command is an error. */
static void options_commands(void **state)
{
    (void)state;
    assert_int_equal(warta_dict_option(test_ctx, dict, "OUTPUT: ID"), WARTA_OK);
    assert_int_equal(warta_dict_option(test_ctx, dict, "COMMA: OFF"), WARTA_OK);
    assert_int_equal(warta_dict_option(test_ctx, dict, "DEFAULT: SOURCE"),
                     WARTA_EPARSE);
    assert_int_equal(warta_dict_option(test_ctx, dict, "BOGUS: 1"),
                     WARTA_EPARSE);
    assert_non_null(strstr(warta_errmsg(test_ctx), "BOGUS"));
    /* in a file: reported at its line, the rest loaded */
    write_test_file("bad.options", "SET: CODE ALL\nNOT A COMMAND\n");
    char path[512];
    snprintf(path, sizeof path, "%s/bad.options", test_dir);
    warta_dict *d;
    assert_int_equal(warta_dict_new(test_ctx, &d), WARTA_OK);
    assert_int_equal(warta_dict_load(test_ctx, d, path), WARTA_EPARSE);
    assert_non_null(strstr(warta_errmsg(test_ctx), "bad.options:2:"));
    warta_dict_free(d);
}

/* TABARI's text: blanks between date and id, lines joined as one text,
** the comment dropped. */
static void text_records(void **state)
{
    (void)state;
    write_test_file("t.text", "# a heading\n\n950102  REC-01\nArnor restored "
                              "ties with\nGondor on Monday.\n/* { ARN / GON / "
                              "064 } */\n\n950103 REC-02\nArnor praised "
                              "Rohan.\n");
    char path[512];
    snprintf(path, sizeof path, "%s/t.text", test_dir);
    warta_reader *rd;
    assert_int_equal(warta_reader_open(test_ctx, path, NULL, &rd), WARTA_OK);
    warta_doc *doc;
    assert_int_equal(warta_reader_next(rd, &doc), WARTA_OK);
    assert_string_equal(warta_doc_meta(doc)->id, "REC-01");
    assert_string_equal(warta_doc_meta(doc)->date, "1995-01-02");
    assert_int_equal(warta_doc_code(test_ctx, doc, dict), WARTA_OK);
    assert_int_equal(warta_doc_n_events(doc), 1);
    assert_string_equal(warta_doc_event(doc, 0)->target.code, "GON");
    warta_doc_free(doc);
    assert_int_equal(warta_reader_next(rd, &doc), WARTA_OK);
    assert_string_equal(warta_doc_meta(doc)->id, "REC-02");
    warta_doc_free(doc);
    assert_int_equal(warta_reader_next(rd, &doc), WARTA_DONE);
    warta_reader_close(rd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(word_endings),
        cmocka_unit_test(ranked_codes),
        cmocka_unit_test(discard_and_complex),
        cmocka_unit_test(function_words),
        cmocka_unit_test(clause_selection),
        cmocka_unit_test(source_search),
        cmocka_unit_test(pronouns),
        cmocka_unit_test(forwarded_pronouns),
        cmocka_unit_test(default_sides),
        cmocka_unit_test(converted_agents),
        cmocka_unit_test(agent_codes),
        cmocka_unit_test(compound_token),
        cmocka_unit_test(synset_words),
        cmocka_unit_test(capitals_make_nouns),
        cmocka_unit_test(minimum_words),
        cmocka_unit_test(options_commands),
        cmocka_unit_test(text_records),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
