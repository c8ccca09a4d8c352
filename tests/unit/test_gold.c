/*
** test_gold.c -- `warta eval`'s parts that need no coder: the gold readers
** (PETRARCH XML with its quirks, warta JSONL, bad input, and the real
** $WARTA_SHARED/eval/petrarch-unittest file) and the scoring arithmetic,
** checked against hand-computed counts and a PETRARCH-style greedy match.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "../../cli/score.h"

static char dir[256];

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/warta-test-gold-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *path_of(const char *name)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

/* Write data to a file in the test directory; returns its path. */
static const char *write_file(const char *name, const char *data)
{
    const char *path = path_of(name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, strlen(data), f), strlen(data));
    fclose(f);
    return path;
}

static const gold_record *find(const gold_set *g, const char *id)
{
    for (size_t i = 0; i < g->n; i++)
        if (strcmp(g->records[i].id, id) == 0)
            return &g->records[i];
    fail_msg("no record %s", id);
    return NULL;
}

static void assert_event(const gold_event *e, const char *src,
                         const char *tgt, const char *code)
{
    assert_string_equal(e->source, src);
    assert_string_equal(e->target, tgt);
    assert_string_equal(e->code, code);
}

/* Reading must fail with exactly this message ("%s" stands for the
** file's path). */
static void assert_read_error(const char *name, const char *data,
                              const char *fmt)
{
    const char *path = write_file(name, data);
    char want[1024], err[1024] = "";
    snprintf(want, sizeof want, fmt, path);
    gold_set g;
    assert_int_equal(gold_read(path, &g, err, sizeof err), -1);
    assert_string_equal(err, want);
    gold_free(&g);
}

/* ---- PETRARCH XML --------------------------------------------------- */

static const char petr_xml[] =
    "<Validation>\n"
    "<!-- <Sentence id=\"in-a-comment\"> does not count -->\n"
    "<Environment>\n"
    "    <Verbfile>my.verbs.txt</Verbfile>\n"
    "    <Actorfile>\n      my.actors.txt\n    </Actorfile>\n"
    "    <Agentfile>my.agents.txt</Agentfile>\n"
    "    <Errorfile>Errors.txt</Errorfile>\n"
    "    <Include>valid DEMO</Include>\n"
    "    <Config option=\"stop_on_error\" value=\"True\"></Config>\n"
    "</Environment>\t\t\n"
    "<Sentences>\n"
    "<Sentence date = \"19950101\" id =\"T-01\"  category=\"DEMO\" "
    "sentence=\"true\">\n"
    "<!-- Last update: 29 July 2013 -->\n"
    "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\">"
    "</EventCoding>\n"
    "<EventCoding sourcecode='\"THE MINISTRY OF MAGIC\"' targetcode=\"---\" "
    "eventcode=\"0251\"></EventCoding>\n"
    "<Text>\n"
    "Arnor is about to restore full &amp; diplomatic ties   \n"
    "   with  Gondor.\n"
    "</Text>\n"
    "<Parse>\n(ROOT (S (NP (NNP Arnor)\n) ) )\n</Parse>\n"
    "</Sentence>\n"
    "<Config option=\"require_dyad\" value=\"false\"></Config>\n"
    "<Sentence date=\"20080801\" id=\"T-02\" category=\"DEMO\" "
    "sentence=\"true\">\n"
    "<EventCoding noevents = \"True\"></EventCoding>\n"
    "<Text>Nothing happened.</Text>\n"
    "</Sentence>\n"
    "<Stop></Stop>\n"
    "<Sentence date=\"2008-08-02\" id=\"T-03\" category=\"ERROR\">\n"
    "<EventCoding error=\"dateline\"></EventCoding>\n"
    "<Text>CEBU CITY: -- a suit</Text>\n"
    "</Sentence>\n"
    "<!--Stop-->\n"
    "<Sentence id=\"T-04\">\n"
    "<Text>No coding at all.</Text>\n"
    "</Sentence>\n"
    "</Sentences>\n"
    "</Validation>\n";

static void xml_environment_and_records(void **state)
{
    (void)state;
    const char *path = write_file("petr.xml", petr_xml);
    gold_set g;
    char err[512] = "";
    assert_int_equal(gold_read(path, &g, err, sizeof err), 0);
    assert_string_equal(err, "");
    assert_int_equal(g.n, 4);
    char want[512];
    snprintf(want, sizeof want, "%s/my.verbs.txt", dir);
    assert_string_equal(g.verbs, want);
    snprintf(want, sizeof want, "%s/my.actors.txt", dir);
    assert_string_equal(g.actors, want);
    snprintf(want, sizeof want, "%s/my.agents.txt", dir);
    assert_string_equal(g.agents, want);
    assert_null(g.discards);

    const gold_record *r = &g.records[0];
    assert_string_equal(r->id, "T-01");
    assert_string_equal(r->date, "1995-01-01");
    assert_string_equal(r->lang, "en");
    assert_string_equal(r->category, "DEMO");
    assert_string_equal(r->text, "Arnor is about to restore full & "
                                 "diplomatic ties with  Gondor.");
    assert_int_equal(r->n_events, 2);
    assert_event(&r->events[0], "ARN", "GON", "064");
    assert_event(&r->events[1], "\"THE MINISTRY OF MAGIC\"", "---", "0251");
    assert_false(r->expect_none);
    assert_false(r->expect_error);
    gold_free(&g);
}

static void xml_noevents_error_and_after_stop(void **state)
{
    (void)state;
    const char *path = write_file("petr.xml", petr_xml);
    gold_set g;
    char err[512];
    assert_int_equal(gold_read(path, &g, err, sizeof err), 0);
    const gold_record *r = find(&g, "T-02");
    assert_true(r->expect_none);
    assert_false(r->expect_error);
    assert_int_equal(r->n_events, 0);
    assert_string_equal(r->date, "2008-08-01");
    r = find(&g, "T-03");           /* after <Stop>: still read */
    assert_true(r->expect_error);
    assert_false(r->expect_none);
    assert_string_equal(r->date, "2008-08-02");
    r = find(&g, "T-04");           /* no <EventCoding>: as PETRARCH, none */
    assert_true(r->expect_none);
    assert_null(r->date);
    assert_null(r->category);
    gold_free(&g);
}

static void xml_bad_input(void **state)
{
    (void)state;
    assert_read_error("a.xml",
                      "<Validation>\n<Sentence id=\"a\">\n<Text>x</Sentence>\n"
                      "</Validation>\n",
                      "%s:3: mismatched tag");
    assert_read_error("b.xml",
                      "<Validation><Sentence id=\"b\" date=\"1995\">"
                      "<Text>x</Text></Sentence></Validation>",
                      "%s:1: b: date '1995' is not YYYYMMDD");
    assert_read_error("c.xml",
                      "<Validation>\n<Sentence id=\"c\">\n"
                      "<EventCoding eventcode=\"01\"/>\n</Sentence>\n"
                      "</Validation>",
                      "%s:4: c: <Sentence> without <Text>");
    assert_read_error("d.xml",
                      "<V><EventCoding eventcode=\"01\"/></V>",
                      "%s:1: <EventCoding> outside <Sentence>");
    assert_read_error("e.xml",
                      "<V><Sentence id=\"e\"><EventCoding sourcecode=\"A\" "
                      "eventcode=\"01234567\"/><Text>x</Text></Sentence></V>",
                      "%s:1: e: event code '01234567' is too long");
    assert_read_error("f.txt", "  hello\n", "%s:1: neither PETRARCH XML, "
                                            "JSONL nor TABARI records with "
                                            "{ } verification blocks");
    gold_set g;
    char err[512];
    assert_int_equal(gold_read(path_of("none.xml"), &g, err, sizeof err), -1);
    assert_non_null(strstr(err, "none.xml: No such file or directory"));
    gold_free(&g);
}

static void long_codes_cut_on_utf8_boundary(void **state)
{
    (void)state;
    char dst[32];
    assert_true(gold_copy_code(dst, sizeof dst, "RUSGOV"));
    assert_string_equal(dst, "RUSGOV");
    /* 30 ASCII bytes and a two-byte é: 32 bytes, one too many */
    assert_false(gold_copy_code(dst, sizeof dst,
                                "ABCDEFGHIJKLMNOPQRSTUVWXYZ1234\xc3\xa9"));
    assert_string_equal(dst, "ABCDEFGHIJKLMNOPQRSTUVWXYZ1234");
    assert_false(gold_copy_code(dst, sizeof dst,
                                "\"GRYFFINDOR HEAD MINERVA MCGONAGALL\""));
    assert_string_equal(dst, "\"GRYFFINDOR HEAD MINERVA MCGONA");
}

/* ---- the real PETRARCH unit-test file -------------------------------- */

static void petrarch_unittest_file(void **state)
{
    (void)state;
    const char *shared = getenv("WARTA_SHARED");
    char path[1024], err[1024];
    snprintf(path, sizeof path,
             "%s/eval/petrarch-unittest/PETR.UnitTest.records.xml",
             shared && *shared ? shared : "../shared");
    gold_set g;
    if (gold_read(path, &g, err, sizeof err) != 0)
        fail_msg("%s (set WARTA_SHARED)", err);
    assert_int_equal(g.n, 284);
    size_t events = 0, none = 0, errors = 0;
    for (size_t i = 0; i < g.n; i++) {
        events += g.records[i].n_events;
        none += g.records[i].expect_none;
        errors += g.records[i].expect_error;
    }
    assert_int_equal(events, 359);  /* 385 <EventCoding>s less 19 noevents */
    assert_int_equal(none, 20);     /* 19 noevents, and PATTERN-06 */
    assert_int_equal(errors, 7);    /* and 7 error="..." */
    assert_non_null(strstr(g.verbs, "/PETR.Validate.verbs.txt"));
    assert_non_null(strstr(g.actors, "/PETR.Validate.actors.txt"));
    assert_non_null(strstr(g.agents, "/PETR.Validate.agents.txt"));
    assert_non_null(strstr(g.discards, "/PETR.Validate.discards.txt"));
    assert_int_equal(access(g.verbs, R_OK), 0);

    const gold_record *r = &g.records[0];
    assert_string_equal(r->id, "DEMO-00");
    assert_string_equal(r->date, "1995-01-01");
    assert_string_equal(r->category, "DEMO");
    assert_string_equal(r->text, "Arnor is about to restore full diplomatic "
                        "ties with Gondor almost five years after crowds "
                        "trashed its embassy.");
    assert_int_equal(r->n_events, 1);
    assert_event(&r->events[0], "ARN", "GON", "064");

    r = find(&g, "DEMO-02");
    assert_int_equal(r->n_events, 2);
    assert_event(&r->events[0], "DAGGOV", "GON", "032");
    assert_event(&r->events[1], "GON", "DAGGOV", "033");
    r = find(&g, "ERROR-01");
    assert_true(r->expect_error);
    assert_string_equal(r->date, "2008-08-01");
    assert_true(find(&g, "PATTERN-06")->expect_none);
    r = find(&g, "FINAL-RECORD");
    assert_true(r->expect_none);
    assert_string_equal(r->text, "ALL OF THE UNIT TESTS WERE CODED "
                                 "CORRECTLY.");
    gold_free(&g);
}

/* ---- warta gold JSONL ------------------------------------------------ */

static void jsonl_records(void **state)
{
    (void)state;
    const char *path = write_file("gold.jsonl",
        "{\"id\":\"j1\",\"date\":\"2024-03-05\",\"lang\":\"id\","
        "\"text\":\"Presiden bertemu.\",\"events\":[{\"source\":\"IDNGOV\","
        "\"target\":\"MYS\",\"code\":\"040\"},{\"source\":\"MYS\","
        "\"target\":\"IDNGOV\",\"code\":\"040\"}]}\n"
        "\n"
        "{\"id\":7,\"text\":\"Tidak ada.\",\"events\":[]}\n"
        "{\"text\":\"Tanpa id.\",\"events\":[{\"code\":\"190\"}],"
        "\"category\":\"C\"}\n"
        "{\"id\":\"j4\",\"text\":\"Rusak.\",\"events\":[],"
        "\"error\":\"storydiscard\"}");
    gold_set g;
    char err[512] = "";
    assert_int_equal(gold_read(path, &g, err, sizeof err), 0);
    assert_int_equal(g.n, 4);
    assert_null(g.verbs);
    assert_null(g.actors);
    const gold_record *r = &g.records[0];
    assert_string_equal(r->id, "j1");
    assert_string_equal(r->date, "2024-03-05");
    assert_string_equal(r->lang, "id");
    assert_string_equal(r->text, "Presiden bertemu.");
    assert_int_equal(r->n_events, 2);
    assert_event(&r->events[1], "MYS", "IDNGOV", "040");
    assert_false(r->expect_none);
    r = &g.records[1];
    assert_string_equal(r->id, "7");
    assert_true(r->expect_none);
    assert_null(r->date);
    assert_null(r->lang);
    r = &g.records[2];
    assert_string_equal(r->id, "line-4");
    assert_string_equal(r->category, "C");
    assert_event(&r->events[0], "", "", "190");
    r = &g.records[3];
    assert_true(r->expect_error);
    assert_false(r->expect_none);
    gold_free(&g);
}

static void jsonl_bad_input(void **state)
{
    (void)state;
    assert_read_error("a.jsonl", "{\"text\":\"x\",\"events\":[]}\n{bad\n",
                      "%s:2: string or '}' expected near 'bad'");
    assert_read_error("b.jsonl", "{\"id\":\"b\",\"text\":\"x\"}",
                      "%s:1: no \"events\" array");
    assert_read_error("c.jsonl", "{\"events\":[]}",
                      "%s:1: no \"text\" string");
    assert_read_error("d.jsonl",
                      "{\"text\":\"x\",\"events\":[{\"code\":\"123456789\"}]}",
                      "%s:1: an event code longer than 7 bytes");
    assert_read_error("e.jsonl",
                      "{\"text\":\"x\",\"events\":[{\"source\":\"A\"}]}",
                      "%s:1: an event without a \"code\" string");
    assert_read_error("f.jsonl",
                      "{\"text\":\"x\",\"date\":\"2024/01/02\",\"events\":[]}",
                      "%s:1: \"date\" is not YYYY-MM-DD");
    assert_read_error("g.jsonl", "{\"text\":\"x\",\"events\":[]}\n[1]\n",
                      "%s:2: not a JSON object");
}

/* ---- scoring ---------------------------------------------------------- */

#define EV(s, t, c) {s, t, c}

static gold_record record_of(gold_event *ev, size_t n)
{
    gold_record r = {.id = "r", .text = "t", .events = ev, .n_events = n};
    r.expect_none = n == 0;
    return r;
}

/* TABARI's validation text: headers with one blank or more, events in
** { } blocks, {---}/{###}/{+++}, "-{" and { OPTION: } records; a
** .project names the text and becomes the dictionaries to load. */
static const char tabari_text[] =
    "~~~~~\n# a heading\n\n"
    "950101  REC-01\nArnor restored ties\nwith Gondor.\n"
    "/*\\n[a comment with {} in it]\n"
    "\\n{ ARN / GON / 064 } 950101\n\\n{GON/ARN/064} */\n\n"
    "950102 REC-02\nNothing here.\n/* \\n{---} */\n\n"
    "950103  REC-03\nArnor met Gondor.\n/* \\n{ ARN / GON / 031 }\n"
    "\\n-{ GON / ARN / 031 } */\n\n"
    "950104  REC-04\nA discard.\n/* \\n{###} */\n\n"
    "950105  SET-01\nOptions.\n/* \\n{ OPTION: SET: CODE ALL }\n"
    "\\n{ OPTION:  DEFAULT: OFF } */\n\n"
    "950106  REC-05\nNo verification block.\n\n";

static void tabari_records(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s", write_file("v.text", tabari_text));
    write_file("v.project", "A project\n<actorsfile> v.actors\n"
                            "<textfile>   v.text\n");
    gold_set g;
    char err[512];
    assert_int_equal(gold_read(path_of("v.project"), &g, err, sizeof err), 0);
    assert_string_equal(g.project, path_of("v.project"));
    assert_int_equal(g.n, 5);               /* REC-05 has nothing to check */
    const gold_record *r = find(&g, "REC-01");
    assert_string_equal(r->date, "1995-01-01");
    assert_string_equal(r->text, "Arnor restored ties with Gondor.");
    assert_int_equal(r->n_events, 2);
    assert_event(&r->events[0], "ARN", "GON", "064");
    assert_event(&r->events[1], "GON", "ARN", "064");
    assert_false(r->partial || r->expect_none);
    r = find(&g, "REC-02");
    assert_true(r->expect_none);
    assert_string_equal(r->category, "none");
    r = find(&g, "REC-03");
    assert_true(r->partial);
    assert_int_equal(r->n_events, 1);
    r = find(&g, "REC-04");
    assert_true(r->expect_none);
    assert_string_equal(r->category, "discard");
    r = find(&g, "SET-01");
    assert_string_equal(r->directive, "SET: CODE ALL\nDEFAULT: OFF\n");
    gold_free(&g);
    /* the text alone reads the same, with no project */
    assert_int_equal(gold_read(path, &g, err, sizeof err), 0);
    assert_null(g.project);
    assert_int_equal(g.n, 5);
    gold_free(&g);
    /* a partial record is right when its events are among those coded */
    gold_record partial = {.partial = true, .n_events = 1,
                           .events = (gold_event[]){{"ARN", "GON", "031"}}};
    gold_event got[] = {{"ARN", "GON", "031"}, {"GON", "ARN", "031"}};
    score sc = {0};
    assert_true(score_record(&sc, &partial, got, 2));
    assert_false(score_record(&sc, &partial, got + 1, 1));
    assert_read_error("w.text", "950101  W\nText.\n/* { ARN GON 064 } */\n",
                      "%s:1: W: an event is { SOURCE / TARGET / CODE }, not "
                      "{ ARN GON 064 }");
    write_file("n.project", "<actorsfile> a.actors\n");
    assert_int_equal(gold_read(path_of("n.project"), &g, err, sizeof err), -1);
    assert_non_null(strstr(err, "names no <textfile>"));
    gold_free(&g);
}

static void score_by_hand(void **state)
{
    (void)state;
    score s = {0};
    gold_event g1[] = {EV("A", "B", "041"), EV("C", "D", "190")};
    gold_event p1[] = {EV("C", "D", "190"), EV("A", "B", "041")};
    gold_record r = record_of(g1, 2);
    assert_true(score_record(&s, &r, p1, 2));           /* order is free */
    assert_int_equal(s.tp, 2);

    gold_event g2[] = {EV("A", "B", "041")};
    gold_event p2[] = {EV("A", "B", "041"), EV("A", "C", "111")};
    r = record_of(g2, 1);
    assert_false(score_record(&s, &r, p2, 2));          /* one extra */
    assert_int_equal(s.fp, 1);

    gold_event g3[] = {EV("A", "B", "041"), EV("A", "B", "041"),
                       EV("C", "D", "190")};
    gold_event p3[] = {EV("A", "B", "041"), EV("C", "D", "190")};
    r = record_of(g3, 3);
    assert_false(score_record(&s, &r, p3, 2));          /* one missing */
    assert_int_equal(s.fn, 1);

    gold_event g4[] = {EV("A", "B", "042")};
    gold_event p4[] = {EV("A", "B", "041")};
    r = record_of(g4, 1);
    assert_false(score_record(&s, &r, p4, 1));          /* same root */
    assert_int_equal(s.root_tp, 6);

    r = record_of(NULL, 0);
    assert_true(score_record(&s, &r, NULL, 0));         /* none, none */
    assert_false(score_record(&s, &r, p4, 1));          /* none, one */

    r.expect_error = true;
    r.expect_none = false;
    assert_true(score_record(&s, &r, p4, 1));           /* not scored */

    assert_int_equal(s.records, 6);
    assert_int_equal(s.records_exact, 2);
    assert_int_equal(s.errors_skipped, 1);
    assert_int_equal(s.tp, 5);
    assert_int_equal(s.fp, 3);
    assert_int_equal(s.fn, 2);
    assert_int_equal(s.root_tp, 6);
    assert_int_equal(s.root_fp, 2);
    assert_int_equal(s.root_fn, 1);

    char *text = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&text, &n);
    assert_non_null(out);
    score_print(&s, out);
    fclose(out);
    assert_string_equal(text,
        "records exactly right        2/6 (33.3%)\n"
        "events (source,target,code)  P  62.5% R  71.4% F1  66.7%"
        "  (tp 5, fp 3, fn 2)\n"
        "roots  (source,target,root)  P  75.0% R  85.7% F1  80.0%"
        "  (tp 6, fp 2, fn 1)\n"
        "expected errors, not scored  1\n");
    free(text);
}

static void score_codes_are_strings(void **state)
{
    (void)state;
    score s = {0};
    gold_event g[] = {EV("", "---", "010"), EV("---GOV", "ARN", "1711")};
    gold_event same[] = {EV("---GOV", "ARN", "1711"), EV("", "---", "010")};
    gold_event other[] = {EV("", "", "010"), EV("---GOV", "ARN", "171")};
    gold_record r = record_of(g, 2);
    assert_true(score_record(&s, &r, same, 2));
    assert_false(score_record(&s, &r, other, 2));
    assert_int_equal(s.tp, 2);
    assert_int_equal(s.fp, 2);
    assert_int_equal(s.root_tp, 3);     /* 1711 and 171 share root 17 */

    score empty = {0};
    char *text = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&text, &n);
    assert_non_null(out);
    score_print(&empty, out);
    fclose(out);
    assert_string_equal(text,
        "records exactly right        0/0 (-)\n"
        "events (source,target,code)  P     - R     - F1     -"
        "  (tp 0, fp 0, fn 0)\n"
        "roots  (source,target,root)  P     - R     - F1     -"
        "  (tp 0, fp 0, fn 0)\n");
    free(text);
}

/* PETRARCH's validator: pair each coded event with the first unpaired
** expected one that is equal; the record is right when nothing is left. */
static size_t petrarch_pairs(const gold_event *g, size_t ng,
                             const gold_event *p, size_t np, bool *right)
{
    bool used[16] = {false};
    size_t pairs = 0;
    for (size_t i = 0; i < np; i++)
        for (size_t j = 0; j < ng; j++)
            if (!used[j] && strcmp(p[i].source, g[j].source) == 0 &&
                strcmp(p[i].target, g[j].target) == 0 &&
                strcmp(p[i].code, g[j].code) == 0) {
                used[j] = true;
                pairs++;
                break;
            }
    *right = pairs == ng && pairs == np;
    return pairs;
}

static void score_matches_petrarch_pairing(void **state)
{
    (void)state;
    static const char *const actors[] = {"A", "B", ""};
    static const char *const codes[] = {"01", "010", "02"};
    unsigned seed = 12345;
    for (int round = 0; round < 2000; round++) {
        gold_event g[8], p[8];
        size_t ng = (size_t)(rand_r(&seed) % 6);
        size_t np = (size_t)(rand_r(&seed) % 6);
        for (size_t i = 0; i < ng + np; i++) {
            gold_event *e = i < ng ? &g[i] : &p[i - ng];
            snprintf(e->source, sizeof e->source, "%s",
                     actors[rand_r(&seed) % 3]);
            snprintf(e->target, sizeof e->target, "%s",
                     actors[rand_r(&seed) % 3]);
            snprintf(e->code, sizeof e->code, "%s", codes[rand_r(&seed) % 3]);
        }
        score s = {0};
        gold_record r = record_of(g, ng);
        bool right;
        size_t pairs = petrarch_pairs(g, ng, p, np, &right);
        assert_int_equal(score_record(&s, &r, p, np), right);
        assert_int_equal(s.tp, pairs);
        assert_int_equal(s.fp, np - pairs);
        assert_int_equal(s.fn, ng - pairs);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(xml_environment_and_records),
        cmocka_unit_test(xml_noevents_error_and_after_stop),
        cmocka_unit_test(xml_bad_input),
        cmocka_unit_test(long_codes_cut_on_utf8_boundary),
        cmocka_unit_test(petrarch_unittest_file),
        cmocka_unit_test(jsonl_records),
        cmocka_unit_test(jsonl_bad_input),
        cmocka_unit_test(tabari_records),
        cmocka_unit_test(score_by_hand),
        cmocka_unit_test(score_codes_are_strings),
        cmocka_unit_test(score_matches_petrarch_pairing),
    };
    return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
