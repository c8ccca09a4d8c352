/*
** test_dict.c -- the dictionary formats: what a file says is what the
** coder does (dates, stems, agents and their plurals and substitutions,
** synsets, TABARI alternatives, reciprocal codes, discards, capitalized
** names), problems are reported with file and line, and the field's own
** dictionaries (Phoenix, TABARI's demo, PETRARCH's validation set) load.
*/
#include "helpers.h"

#include <sys/stat.h>

#define code(d, text, date) code_text((d), (text), "en", (date))

static char dir[256];

static int setup(void **state)
{
    snprintf(dir, sizeof dir, "/tmp/warta-test-dict-XXXXXX");
    return mkdtemp(dir) ? open_ctx(state) : -1;
}

static int teardown(void **state)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        return -1;
    return close_ctx(state);
}

static const char *write_file(const char *name, const char *text)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* A dictionary of the given files (name, text pairs, NULL-ended) plus the
** English grammar. */
static warta_dict *dict_of(const char *name, ...)
{
    warta_dict *d;
    assert_int_equal(warta_dict_new(test_ctx, &d), WARTA_OK);
    va_list ap;
    va_start(ap, name);
    for (const char *n = name; n; n = va_arg(ap, const char *)) {
        const char *text = va_arg(ap, const char *);
        warta_status rc = warta_dict_load(test_ctx, d, write_file(n, text));
        if (rc != WARTA_OK)
            fail_msg("%s: %s", n, warta_errmsg(test_ctx));
    }
    va_end(ap);
    assert_int_equal(warta_dict_load(test_ctx, d, "data/packs/en/grammar.txt"),
                     WARTA_OK);
    return d;
}

static const char actors[] =
    "ARNOR_ [ARN]\nGONDOR_ [GON]\nARGENTIN [ARG]\nTHE_AU [IGOAFR]\n"
    "AUSTRALIA_ [AUS]\n+AUSTRALIAN_\n"
    "ELROND_\n    [ARNGOV 19950601-19990815]\n    [ARNELI <19950601]\n"
    "SHIRE_ [FRO/BIL]\n=WEST_ [WST]\nUNITED_KINGDOMS_ [UKS]\n+==UK_\n";
static const char verbs[] =
    "&TIES\n+DIPLOMATIC_TIES\n+RELATIONS\n"
    "--- RESTORE [064] ---\nRESTORE\n- * &TIES WITH + [064]\n"
    "--- VISIT [042:043] ---\nVISIT\n"
    "--- WARN [160] ---\nWARN\n- * { POPULATIONS | CITIZENS } [162]\n"
    "--- DELAY [191] ---\nDELAY\n- % * [191]\n"
    "--- MEET [040] ---\nMEET {MEETS MET MEETING}\nGREET [---]\n";

static void dated_codes_and_stems(void **state)
{
    warta_dict *d = dict_of("t.actors.txt", actors, "t.verbs.txt", verbs, NULL);
    assert_string_equal(code(d, "Elrond visited Gondor.", "1996-01-01"),
                         "ARNGOV 042 GON; GON 043 ARNGOV");
    assert_string_equal(code(d, "Elrond visited Gondor.", "1990-01-01"),
                         "ARNELI 042 GON; GON 043 ARNELI");
    /* ARGENTIN is a stem; THE_AU is too short to be one */
    assert_string_equal(code(d, "Argentina visited Gondor.", NULL),
                         "ARG 042 GON; GON 043 ARG");
    assert_string_equal(code(d, "The Australian visited Gondor.", NULL),
                         "AUS 042 GON; GON 043 AUS");
    warta_dict_free(d);
}

static void synsets_alternatives_and_compounds(void **state)
{
    warta_dict *d = dict_of("t.actors.txt", actors, "t.verbs.txt", verbs, NULL);
    assert_string_equal(code(d, "Arnor restored diplomatic ties with Gondor.", NULL),
                         "ARN 064 GON");
    assert_string_equal(code(d, "Arnor warned its citizens about Gondor.", NULL),
                         "ARN 162 GON");
    assert_string_equal(code(d, "Arnor warned Gondor.", NULL), "ARN 160 GON");
    /* a verb's own [---] under a coded block codes nothing */
    assert_string_equal(code(d, "Arnor met Gondor.", NULL), "ARN 040 GON");
    assert_string_equal(code(d, "Arnor greeted Gondor.", NULL), "");
    assert_string_equal(code(d, "Arnor and Gondor delayed the meeting.", NULL),
                         "ARN 191 GON; GON 191 ARN");
    /* a multi-code actor is a compound */
    assert_string_equal(code(d, "The Shire visited Gondor.", NULL),
                         "FRO 042 GON; BIL 042 GON; GON 043 FRO; GON 043 BIL");
    warta_dict_free(d);
}

/* A synset opened again in a later file (as both packs open &GOVERN)
** keeps all its phrases and no others: the phrases of the synsets read
** in between are not its own. */
static void synset_opened_again(void **state)
{
    warta_dict *d = dict_of(
        "t.actors.txt", actors, "t1.verbs.txt",
        "&TIES\n+RELATIONS\n&PLACES\n+EMBASSY\n"
        "--- RESTORE [---] ---\nRESTORE\n- * &TIES WITH + [064]\n",
        "t2.verbs.txt", "&TIES\n+ALLIANCE\n", NULL);
    assert_string_equal(code(d, "Arnor restored relations with Gondor.", NULL),
                        "ARN 064 GON");
    assert_string_equal(code(d, "Arnor restored the alliance with Gondor.", NULL),
                        "ARN 064 GON");
    assert_string_equal(code(d, "Arnor restored the embassy with Gondor.", NULL), "");
    warta_dict_free(d);
}

/* "STEMS: whole" in a pack's grammar: its pattern words match whole words
** or stems, not the start of a longer word ("kecam" is not "Kecamatan"). */
static void whole_word_stems(void **state)
{
    char pack[300];
    snprintf(pack, sizeof pack, "%s/id", dir);
    assert_int_equal(mkdir(pack, 0700), 0);
    const char *verbs_id = "&JUDGE\n+KECAM\n"
                           "--- TEMBAK [193] ---\nTEMBAK {}\n- &JUDGE * [---]\n";
    write_file("id/verbs.txt", verbs_id);
    write_file("id/grammar.txt", "STEMS: whole\n");
    warta_dict *d = dict_of("t.actors.txt", actors, NULL);
    assert_int_equal(warta_dict_load(test_ctx, d, pack), WARTA_OK);
    const char *text = "Di Kecamatan Minas, Arnor menembak Gondor.";
    assert_string_equal(code_text(d, text, "id", NULL), "ARN 193 GON");
    assert_string_equal(code_text(d, "Arnor mengecam dan menembak Gondor.", "id", NULL),
                        "");
    warta_dict_free(d);
    /* without it, "KECAM" is the start of "Kecamatan" too */
    write_file("id/grammar.txt", "STEMS: prefix\n");
    d = dict_of("t.actors.txt", actors, NULL);
    assert_int_equal(warta_dict_load(test_ctx, d, pack), WARTA_OK);
    assert_string_equal(code_text(d, text, "id", NULL), "");
    warta_dict_free(d);
    /* THAT takes single words */
    write_file("id/grammar.txt", "THAT: bahwa\nTHAT: agar supaya\n");
    assert_int_equal(warta_dict_new(test_ctx, &d), WARTA_OK);
    assert_int_equal(warta_dict_load(test_ctx, d, pack), WARTA_EPARSE);
    assert_non_null(strstr(warta_errmsg(test_ctx), "grammar.txt:2:"));
    warta_dict_free(d);
    /* another value is a problem named by file and line */
    write_file("id/grammar.txt", "AND: dan\nSTEMS: sometimes\n");
    assert_int_equal(warta_dict_new(test_ctx, &d), WARTA_OK);
    assert_int_equal(warta_dict_load(test_ctx, d, pack), WARTA_EPARSE);
    assert_non_null(strstr(warta_errmsg(test_ctx), "grammar.txt:2:"));
    warta_dict_free(d);
}

/* "=WEST_" only capitalised, "==UK_" only in capitals. */
static void capitalized_names_only(void **state)
{
    warta_dict *d = dict_of("t.actors.txt", actors, "t.verbs.txt", verbs, NULL);
    assert_string_equal(code(d, "Arnor warned the West.", NULL), "ARN 160 WST");
    assert_string_equal(code(d, "Arnor warned the west.", NULL), "");
    /* "==UK_": only written in capitals */
    assert_string_equal(code(d, "Arnor warned UK.", NULL), "ARN 160 UKS");
    assert_string_equal(code(d, "Arnor warned Uk.", NULL), "");
    assert_string_equal(code(d, "Arnor warned uk.", NULL), "");
    warta_dict_free(d);
}

/* A Turkish dotless i is an i: "Yıldırım" is the YILDIRIM_ an ASCII file
** writes. */
static void dotless_i_is_i(void **state)
{
    warta_dict *d = dict_of("t.actors.txt", actors, "t2.actors.txt",
                            "BINALI_YILDIRIM_ [ARNGOV]\n", "t.verbs.txt", verbs, NULL);
    assert_string_equal(code(d, "Binali Y\xc4\xb1ld\xc4\xb1r\xc4\xb1m warned the West.",
                             NULL), "ARNGOV 160 WST");
    warta_dict_free(d);
}

static void agents_plurals_and_substitutions(void **state)
{
    warta_dict *d = dict_of(
        "t.actors.txt", actors, "t.verbs.txt", verbs, "t.agents.txt",
        "!MINIST! = MINISTER, MINISTRY\n"
        "!MINIST!_OF_DEFENCE [~MIL]\nOFFICIAL [~GOV]\nPOLICE {} [~COP]\n"
        "MSF {} [NGO~]\n", NULL);
    assert_string_equal(code(d, "The Minister of Defence of Arnor warned Gondor.",
                             NULL), "ARNMIL 160 GON");
    assert_string_equal(code(d, "Arnor officials warned Gondor police.", NULL),
                         "ARNGOV 160 GONCOP");
    assert_string_equal(code(d, "MSF Arnor warned Gondor.", NULL),
                         "NGOARN 160 GON");
    warta_dict_free(d);
}

/* "[~GOV] with country": an actor only with a country named with it. */
static void agents_only_with_a_country(void **state)
{
    warta_dict *d = dict_of("t.actors.txt", actors, "t.verbs.txt", verbs, "t.agents.txt",
                            "LEADER_ [~GOV] with country\nREBEL_ [~REB]\n", NULL);
    assert_string_equal(code(d, "The Arnor leader warned Gondor.", NULL), "ARNGOV 160 GON");
    assert_string_equal(code(d, "World leaders warned Gondor.", NULL), "");
    /* with an agent that needs none it is an actor: a rebel leader */
    assert_string_equal(code(d, "The rebel leader warned Gondor.", NULL), "---REBGOV 160 GON");
    warta_dict_free(d);
    assert_int_equal(warta_dict_new(test_ctx, &d), WARTA_OK);
    assert_int_equal(warta_dict_load(test_ctx, d, write_file("u.agents.txt",
                         "CHIEF_ [~GOV]\nLEADER_ [~GOV] with a country\n")),
                     WARTA_EPARSE);
    assert_non_null(strstr(warta_errmsg(test_ctx), "u.agents.txt:2:"));
    warta_dict_free(d);
}

static void discards_void_sentences_and_stories(void **state)
{
    warta_dict *d = dict_of("t.actors.txt", actors, "t.verbs.txt", verbs,
                            "t.discards.txt", "WORLD_CUP\n+FOOTBALL_LEAGUE\n",
                            NULL);
    assert_string_equal(code(d, "Arnor warned Gondor at the World Cup. "
                                "Gondor warned Arnor.", NULL),
                        "GON 160 ARN");
    assert_string_equal(code(d, "Arnor warned Gondor. The football league "
                                "ended.", NULL), "");
    warta_dict_free(d);
}

static void problems_name_file_and_line(void **state)
{
    warta_dict *d;
    assert_int_equal(warta_dict_new(test_ctx, &d), WARTA_OK);
    const char *path = write_file("bad.actors.txt",
                                  "ARNOR_ [ARN]\nGONDOR_ [GON 20100101-20090101]\n"
                                  "ROHAN_ [ROH\nMORDOR_ [MOR 2009-13-45]\n");
    assert_int_equal(warta_dict_load(test_ctx, d, path), WARTA_EPARSE);
    assert_non_null(strstr(warta_errmsg(test_ctx), "bad.actors.txt:2:"));
    assert_non_null(strstr(warta_errmsg(test_ctx), "ends before it starts"));
    warta_dict_stats st;
    warta_dict_get_stats(d, &st);
    assert_int_equal(st.problems, 3);
    assert_true(st.actor_phrases >= 1);     /* the good lines still load */
    warta_dict_free(d);
    assert_int_equal(warta_dict_new(test_ctx, &d), WARTA_OK);
    assert_int_equal(warta_dict_load(test_ctx, d, write_file("x.unknown", "A\n")),
                     WARTA_EINVAL);
    warta_dict_free(d);
    /* an outlet line wants a name and a country code */
    assert_int_equal(warta_dict_new(test_ctx, &d), WARTA_OK);
    assert_int_equal(warta_dict_load(test_ctx, d, write_file(
                         "t.outlets.txt", "arnor.example ARN\ngondor.example\n"
                                          "rohan.example rohan\nshire.example SHI world\n"
                                          "bree.example world\n")),
                     WARTA_EPARSE);
    assert_non_null(strstr(warta_errmsg(test_ctx), "t.outlets.txt:2:"));
    warta_dict_get_stats(d, &st);
    assert_int_equal(st.problems, 3);   /* "world" needs a country before it */
    warta_dict_free(d);
    /* a people line wants its code and one to eight states; the good
    ** lines load */
    assert_int_equal(warta_dict_new(test_ctx, &d), WARTA_OK);
    assert_int_equal(warta_dict_load(test_ctx, d, write_file(
                         "t.peoples.txt", "ENT GON ROH\nELF\nDWF ere\n"
                                          "HOB SHI SHI SHI SHI SHI SHI SHI SHI SHI\n")),
                     WARTA_EPARSE);
    assert_non_null(strstr(warta_errmsg(test_ctx), "t.peoples.txt:2:"));
    warta_dict_get_stats(d, &st);
    assert_int_equal(st.problems, 3);
    const people *ents = dict_people(d, "ENTGOV");
    assert_non_null(ents);
    assert_true(people_lives_in(ents, "ROH"));
    assert_false(people_lives_in(ents, "SHI"));
    assert_null(dict_people(d, "DWF"));
    warta_dict_free(d);
}

static const char *shared_path(const char *rest)
{
    static char path[1024];
    const char *shared = getenv("WARTA_SHARED");
    snprintf(path, sizeof path, "%s/%s", shared ? shared : "../shared", rest);
    return path;
}

static void the_fields_dictionaries_load(void **state)
{
    warta_dict *d;
    warta_dict_stats st;
    assert_int_equal(warta_dict_new(test_ctx, &d), WARTA_OK);
    warta_status rc = warta_dict_load(test_ctx, d,
                                      shared_path("dictionaries/phoenix"));
    assert_true(rc == WARTA_OK || rc == WARTA_EPARSE);  /* data errors only */
    warta_dict_get_stats(d, &st);
    assert_true(st.actor_phrases > 30000 && st.verb_forms > 5000 &&
                st.patterns > 4000 && st.agents > 2000);
    assert_true(st.problems < 20);
    warta_dict_free(d);

    /* TABARI's demo project: its dictionaries, and its text coded */
    assert_int_equal(warta_dict_new(test_ctx, &d), WARTA_OK);
    rc = warta_dict_load(test_ctx, d,
                         shared_path("dictionaries/tabari-demo/TABARI.Demo.project"));
    assert_true(rc == WARTA_OK || rc == WARTA_EPARSE);
    warta_reader *rd;
    assert_int_equal(warta_reader_open(test_ctx,
                                       shared_path("dictionaries/tabari-demo/TABARI.Demo.text"),
                                       NULL, &rd),
                     WARTA_OK);
    size_t docs = 0, events = 0;
    bool demo06 = false;
    warta_doc *doc;
    while ((rc = warta_reader_next(rd, &doc)) != WARTA_DONE) {
        assert_int_equal(rc, WARTA_OK);
        assert_int_equal(warta_doc_code(test_ctx, doc, d), WARTA_OK);
        docs++;
        events += warta_doc_n_events(doc);
        for (size_t i = 0; i < warta_doc_n_events(doc); i++) {
            const warta_event *e = warta_doc_event(doc, i);
            demo06 |= strcmp(warta_doc_meta(doc)->id, "DEMO-06") == 0 &&
                      strcmp(e->source.code, "CAL") == 0 &&
                      strcmp(e->code, "122") == 0 &&
                      strcmp(e->target.code, "OSG") == 0;
        }
        warta_doc_free(doc);
    }
    warta_reader_close(rd);
    assert_true(docs > 40);
    assert_true(events > 20);
    assert_true(demo06);
    warta_dict_free(d);
}

/* PETRARCH's issue lines: "n:" marks a noun, "+" joins words; a line
** with no [CODE] takes the code before it.  A line ending in a bare "n:"
** (here at the end of the file) was read past its end: p += 2 stepped
** over the NUL (make valgrind reports the uninitialised read). */
static void issues_parts_of_speech(void **state)
{
    warta_dict *d;
    warta_dict_stats st;
    assert_int_equal(warta_dict_new(test_ctx, &d), WARTA_OK);
    const char *path = write_file("Fuzz.IssueCoding.txt",
                                  "<ISSUE CATEGORY=\"T\">\n"
                                  "n:terrorism [TERROR]\n"
                                  "early+childhood n:education [EDU]\n"
                                  "a:armed\n"
                                  "n:");
    assert_int_equal(warta_dict_load(test_ctx, d, path), WARTA_EPARSE);
    assert_non_null(strstr(warta_errmsg(test_ctx), "IssueCoding.txt:5: "));
    warta_dict_get_stats(d, &st);
    assert_int_equal(st.issues, 2);
    assert_int_equal(st.problems, 1);
    warta_dict_free(d);
}

/* An agent with an empty code, "[]", is a problem, not a read before the
** code (found by fuzz_dict_petrarch and fuzz_dict_warta). */
static void agent_with_an_empty_code(void **state)
{
    warta_dict *d;
    warta_dict_stats st;
    assert_int_equal(warta_dict_new(test_ctx, &d), WARTA_OK);
    const char *path = write_file("empty.agents.txt",
                                  "POLICE {} []\nMINISTER [~]\nREBEL [~REB]\n");
    assert_int_equal(warta_dict_load(test_ctx, d, path), WARTA_EPARSE);
    assert_non_null(strstr(warta_errmsg(test_ctx),
                           "empty.agents.txt:1: bad agent code ''"));
    warta_dict_get_stats(d, &st);
    assert_int_equal(st.problems, 2);
    warta_dict_free(d);
}

/* Substitutions that multiply ("!A!" forty times over) stop at a bound
** with a problem naming the line, not after 2^40 phrases (found by
** fuzz_dict_petrarch as a timeout). */
static void substitutions_multiply_within_bounds(void **state)
{
    warta_dict *d;
    warta_dict_stats st;
    char text[512] = "!A! = X, Y\nREBEL [~REB]\n";
    for (int i = 0; i < 40; i++)
        strcat(text, "!A!");
    strcat(text, " [~GOV]\nPOLICE [~COP]\n");
    assert_int_equal(warta_dict_new(test_ctx, &d), WARTA_OK);
    const char *path = write_file("many.agents.txt", text);
    assert_int_equal(warta_dict_load(test_ctx, d, path), WARTA_EPARSE);
    assert_non_null(strstr(warta_errmsg(test_ctx), "many.agents.txt:3: "
                           "substitutions make more than"));
    warta_dict_get_stats(d, &st);
    assert_int_equal(st.problems, 1);
    assert_true(st.agents >= 3);            /* the lines around it stand */
    warta_dict_free(d);
}

/* A verb's pattern must say where the verb is: one without '*' is a
** problem and is dropped (the coder read past the pattern's elements
** looking for it; found by fuzz_dict_petrarch). */
static void pattern_without_a_verb(void **state)
{
    warta_dict *d;
    assert_int_equal(warta_dict_new(test_ctx, &d), WARTA_OK);
    assert_int_equal(warta_dict_load(test_ctx, d, write_file("star.actors.txt",
                         "RUSSIA_ [RUS]\nCHINA_ [CHN]\n")), WARTA_OK);
    assert_int_equal(warta_dict_load(test_ctx, d, write_file("star.verbs.txt",
                         "--- MEET [040] ---\nMEET {MET}\n"
                         "- % { MOSCOW | BEIJING } [036]\n- * + IN BEIJING [036]\n")),
                     WARTA_EPARSE);
    assert_non_null(strstr(warta_errmsg(test_ctx),
                           "star.verbs.txt:3: pattern without '*'"));
    assert_string_equal(code_text(d, "Russia met China in Moscow.", "en", NULL),
                        "RUS 040 CHN");
    assert_string_equal(code_text(d, "Russia met China in Beijing.", "en", NULL),
                        "RUS 036 CHN");
    warta_dict_free(d);
}

/* An allocator that hands a freed block of one size back to the next
** allocation of that size, as malloc often does: a new dictionary then
** sits where a freed one was. */
typedef struct reuse {
    size_t size;
    void *kept;
} reuse;

static void *reuse_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    reuse *r = ud;
    if (nsize == 0) {
        if (ptr && osize == r->size && !r->kept)
            r->kept = ptr;
        else
            free(ptr);
        return NULL;
    }
    if (!ptr && nsize == r->size && r->kept) {
        void *p = r->kept;
        r->kept = NULL;
        return p;
    }
    return realloc(ptr, nsize);
}

/* The same words in another order: the same number of words, other word
** numbers. */
static warta_dict *words_in_order(warta_ctx *ctx, const char *actors_text)
{
    warta_dict *d;
    assert_int_equal(warta_dict_new(ctx, &d), WARTA_OK);
    assert_int_equal(warta_dict_load(ctx, d, write_file("memo.actors.txt",
                                                        actors_text)),
                     WARTA_OK);
    assert_int_equal(warta_dict_load(ctx, d, write_file("memo.verbs.txt",
        "--- CRITICIZE [111] ---\nCRITICIZE {CRITICIZED}\n")), WARTA_OK);
    return d;
}

static const char *code_with(warta_ctx *ctx, const warta_dict *d)
{
    static char out[128];
    const char *text = "Russia criticized China.";
    warta_doc *doc;
    assert_int_equal(warta_doc_new(ctx, text, strlen(text), NULL, &doc),
                     WARTA_OK);
    assert_int_equal(warta_doc_process(ctx, doc, WARTA_STAGE_STEMS, "en"),
                     WARTA_OK);
    assert_int_equal(warta_doc_code(ctx, doc, d), WARTA_OK);
    assert_int_equal(warta_doc_n_events(doc), 1);
    const warta_event *e = warta_doc_event(doc, 0);
    snprintf(out, sizeof out, "%s %s %s", e->source.code, e->code,
             e->target.code);
    warta_doc_free(doc);
    return out;
}

/* A context remembers the dictionary keys of words it has seen, for one
** dictionary.  A new dictionary at the address of a freed one, with as
** many words, is another dictionary all the same. */
static void word_memo_is_not_kept_for_a_new_dictionary(void **state)
{
    reuse r = {.size = sizeof(warta_dict)};
    warta_config cfg = {.alloc = reuse_alloc, .alloc_ud = &r};
    warta_ctx *ctx;
    assert_int_equal(warta_open(&cfg, &ctx), WARTA_OK);
    warta_dict *a = words_in_order(ctx, "RUSSIA_ [RUS]\nCHINA_ [CHN]\n");
    assert_string_equal(code_with(ctx, a), "RUS 111 CHN");
    warta_dict_free(a);
    warta_dict *b = words_in_order(ctx, "CHINA_ [CHN]\nRUSSIA_ [RUS]\n");
    assert_ptr_equal(a, b);     /* the case: the same address */
    assert_string_equal(code_with(ctx, b), "RUS 111 CHN");
    warta_dict_free(b);
    warta_close(ctx);
    free(r.kept);
}

static void *largest_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    (void)osize;
    size_t *largest = ud;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    if (nsize > *largest)
        *largest = nsize;
    return realloc(ptr, nsize);
}

/* A file is read into one block of its size: reading it whole is no sign
** that it grew (which would take twice its size). */
static void a_file_is_read_in_its_size(void **state)
{
    (void)state;
    char path[] = "/tmp/warta-test-XXXXXX.actors.txt";
    int fd = mkstemps(path, 11);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputc('#', f);
    for (int i = 0; i < 1 << 20; i++)
        fputc('x', f);
    fputs("\nRUSSIA_ [RUS]\n", f);
    long size = ftell(f);
    fclose(f);
    size_t largest = 0;
    warta_config cfg = {.alloc = largest_alloc, .alloc_ud = &largest};
    warta_ctx *ctx;
    warta_dict *d;
    assert_int_equal(warta_open(&cfg, &ctx), WARTA_OK);
    assert_int_equal(warta_dict_new(ctx, &d), WARTA_OK);
    assert_int_equal(warta_dict_load(ctx, d, path), WARTA_OK);
    assert_true(largest <= (size_t)size + 1);
    warta_dict_free(d);
    warta_close(ctx);
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dated_codes_and_stems),
        cmocka_unit_test(synsets_alternatives_and_compounds),
        cmocka_unit_test(synset_opened_again),
        cmocka_unit_test(agents_only_with_a_country),
        cmocka_unit_test(whole_word_stems),
        cmocka_unit_test(capitalized_names_only),
        cmocka_unit_test(dotless_i_is_i),
        cmocka_unit_test(agents_plurals_and_substitutions),
        cmocka_unit_test(discards_void_sentences_and_stories),
        cmocka_unit_test(problems_name_file_and_line),
        cmocka_unit_test(the_fields_dictionaries_load),
        cmocka_unit_test(issues_parts_of_speech),
        cmocka_unit_test(agent_with_an_empty_code),
        cmocka_unit_test(substitutions_multiply_within_bounds),
        cmocka_unit_test(pattern_without_a_verb),
        cmocka_unit_test(word_memo_is_not_kept_for_a_new_dictionary),
        cmocka_unit_test(a_file_is_read_in_its_size),
    };
    return cmocka_run_group_tests_name("dict", tests, setup, teardown);
}
