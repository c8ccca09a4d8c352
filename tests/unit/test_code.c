/*
** test_code.c -- the coding rules, in English and Indonesian, with a small
** dictionary written here: longest match, dated roles, agents with
** countries, compounds and exclusion, passive, negation, counterparts,
** "both sides", reported speech, captions, an office and its holder's
** name ("Kapolres Bogor, AKBP Rio Wahyu, ...").
*/
#include <unistd.h>

#include "helpers.h"

#define code(text, lang, date) code_text(dict, (text), (lang), (date))

static warta_dict *dict;

static const char actors[] =
    "RUSSIA_ [RUS]\n+RUSSIAN_\n+RUSIA_\n+MOSCOW_\n+MOSKOW_\n"
    "CHINA_ [CHN]\n+CHINESE_\n+TIONGKOK_\n+BEIJING_\n"
    "UKRAINE_ [UKR]\n+UKRAINA_\n"
    "INDIA_ [IND]\n"
    "UNITED_STATES_ [USA]\n+AMERIKA_SERIKAT_\n"
    "SAUDI_ARABIA_ [SAU]\n+ARAB_SAUDI_\n+JEDDAH_\n"
    "WEST_ [WST]\n+=BARAT_\n"
    "SERGEI_LAVROV_\n+LAVROV_\n    [RUSGOV 20040309-]\n    [RUSELI 19900101-20040308]\n"
    "WANG_YI_ [CHNGOV]\n"
    "YURI_ORLOV_\n+ORLOV_\n    [RUSGOV 19990101-20031231]\n"
    "KOFI_MENSAH_\n    [IGOUNOGOV 19970101-20061231]\n"
    "DOLAR_AMERIKA_SERIKAT_ [---]\n"
    "PARTAI_MAJU_ [RUSPTY]\nPARTAI_BARU_ [RUSPTY]\n";
static const char agents[] =
    "FOREIGN_MINISTER [~GOV]\nOFFICIAL [~GOV]\n"
    "MENTERI_LUAR_NEGERI {} [~GOV]\nPEJABAT {} [~GOV]\n"
    "MAYOR [~GOV]\nWALI_KOTA {} [~GOV]\nKEPALA_DINAS {} [~GOV]\n"
    "KAPOLRES {} [~COP]\n";
static const char verbs[] =
    "--- CRITICIZE [111] ---\nCRITICIZE {CRITICIZES CRITICIZED CRITICISE CRITICISED}\n"
    "KECAM\n"
    "--- ATTACK [190] ---\nATTACK\nSERANG\n"
    "--- WAR [19] ---\nWAGE_WAR\nBERPERANG\n"
    "- * ON + [18:19]\n"
    "--- ATTEND [042] ---\nATTEND\nHADIR\n"
    "--- TALK [040] ---\nTALK\nBAHAS\n"
    "- * BY_TELEPHONE [041]\n"
    "- * WITH + [040]\n"
    "- * DENGAN + [040]\n"
    "--- HOLD [---] ---\nHOLD {HOLDS HELD HOLDING}\nADA\n"
    "- * PHONE_CALL [041]\n"
    "- * PANGGILAN_TELEPON [041]\n"
    "- * PANGGILAN [040]\n";

/* The first event's source as "CODE|text|holder" (static buffer). */
static const char *source_of(const char *text, const char *lang)
{
    static char out[512];
    warta_meta meta = {.id = "t", .date = "2023-08-08"};
    warta_doc *doc = code_doc(dict, text, &meta, lang);
    out[0] = '\0';
    if (warta_doc_n_events(doc) > 0) {
        const warta_actor *a = &warta_doc_event(doc, 0)->source;
        snprintf(out, sizeof out, "%s|%.*s|%.*s", a->code, (int)a->text.n,
                 a->text.p, (int)a->holder.n, a->holder.p);
    }
    warta_doc_free(doc);
    return out;
}

/* ---- the context's memory, counted ------------------------------------- */

static size_t heap_now, heap_peak;      /* bytes in use, and their peak */

static void *counting_alloc(void *ud, void *p, size_t osize, size_t nsize)
{
    (void)ud;
    if (nsize == 0) {
        free(p);
        heap_now -= p ? osize : 0;
        return NULL;
    }
    void *q = realloc(p, nsize);
    if (q) {
        heap_now = heap_now - (p ? osize : 0) + nsize;
        if (heap_now > heap_peak)
            heap_peak = heap_now;
    }
    return q;
}

static int setup(void **state)
{
    warta_config cfg = {.alloc = counting_alloc};
    if (warta_open(&cfg, &test_ctx) != WARTA_OK)
        return -1;
    test_dict_files files = {.actors = actors, .agents = agents,
                             .verbs = verbs, .grammars = {"data/packs/en/grammar.txt", "data/packs/id/grammar.txt"}};
    dict = test_dict_setup(state, "code", &files);
    return dict ? 0 : -1;
}

static int teardown(void **state)
{
    return test_dict_teardown(state, dict);
}

static void simple_active_sentences(void **state)
{
    assert_string_equal(code("Russia criticized China.", "en", NULL),
                         "RUS 111 CHN");
    assert_string_equal(code("Rusia mengecam Tiongkok.", "id", NULL),
                         "RUS 111 CHN");
}

/* A category alone ("[19]", as TABARI and the packs write a verb that
** says no more) is coded as the category's "not specified below" code,
** both ways of a pattern's pair: never a 2-digit code. */
static void category_codes_become_three_digits(void **state)
{
    assert_string_equal(code("Russia waged war against Ukraine.", "en", NULL),
                        "RUS 190 UKR");
    assert_string_equal(code("Russia waged war on Ukraine.", "en", NULL),
                        "RUS 180 UKR; UKR 190 RUS");
    warta_meta meta = {.id = "t"};
    warta_doc *doc = code_doc(dict, "Rusia berperang dengan Ukraina.", &meta,
                              "id");
    assert_int_equal(warta_doc_n_events(doc), 1);
    const warta_event *e = warta_doc_event(doc, 0);
    assert_string_equal(e->code, "190");
    assert_string_equal(e->root, "19");
    assert_string_equal(e->label,
                        "Use conventional military force");
    warta_doc_free(doc);
}

static void longest_pattern_wins(void **state)
{
    assert_string_equal(code("Russia talked by telephone with China.", "en", NULL),
                         "RUS 041 CHN");
    assert_string_equal(code("Russia talked with China.", "en", NULL),
                         "RUS 040 CHN");
    assert_string_equal(
        code("Rusia mengadakan panggilan telepon dengan Tiongkok.", "id", NULL),
        "RUS 041 CHN");
    assert_string_equal(code("Rusia mengadakan panggilan dengan Tiongkok.", "id",
                             NULL),
                        "RUS 040 CHN");
}

static void dated_roles(void **state)
{
    assert_string_equal(code("Lavrov criticized China.", "en", "2023-08-08"),
                         "RUSGOV 111 CHN");
    assert_string_equal(code("Lavrov criticized China.", "en", "1999-01-01"),
                         "RUSELI 111 CHN");
    /* out of every office the entry gives: a former official (ELI) of the
    ** last one's state; not the one word that may be someone else's name,
    ** nor the end of a longer name, nor a former official of the UN */
    assert_string_equal(code("Yuri Orlov criticized China.", "en", "2001-01-01"),
                         "RUSGOV 111 CHN");
    assert_string_equal(code("Yuri Orlov criticized China.", "en", "2023-08-08"),
                         "RUSELI 111 CHN");
    assert_string_equal(code("Orlov criticized China.", "en", "2023-08-08"), "");
    assert_string_equal(code("Then Andrei Yuri Orlov criticized China.", "en",
                             "2023-08-08"), "");
    assert_string_equal(code("Kofi Mensah criticized China.", "en", "2023-08-08"), "");
    /* an office named with him is the one he holds */
    assert_string_equal(code("Foreign Minister Yuri Orlov criticized China.", "en",
                             "2023-08-08"), "RUSGOV 111 CHN");
    assert_string_equal(code("Yuri Orlov, the Russian foreign minister, criticized "
                             "China.", "en", "2023-08-08"), "RUSGOV 111 CHN");
    assert_string_equal(code("The foreign minister, Yuri Orlov, criticized China.", "en",
                             "2023-08-08"), "RUSGOV 111 CHN");
}

static void agents_join_countries_in_either_order(void **state)
{
    assert_string_equal(code("Russia's foreign minister criticized China.", "en",
                             NULL),
                        "RUSGOV 111 CHN");
    assert_string_equal(code("The Russian foreign minister criticized Chinese "
                             "officials.", "en", NULL),
                        "RUSGOV 111 CHNGOV");
    assert_string_equal(code("Menteri Luar Negeri Rusia mengecam pejabat "
                             "Tiongkok.", "id", NULL),
                        "RUSGOV 111 CHNGOV");
    assert_string_equal(code("Menteri Luar Negeri Rusia Sergei Lavrov mengecam "
                             "Tiongkok.", "id", "2023-08-08"),
                        "RUSGOV 111 CHN");
}

static void compounds_and_exclusion(void **state)
{
    assert_string_equal(code("Russia and China criticized the West.", "en", NULL),
                         "RUS 111 WST; CHN 111 WST");
    assert_string_equal(code("Moskow dan Beijing mengecam Barat.", "id", NULL),
                         "RUS 111 WST; CHN 111 WST");
    assert_string_equal(
        code("China, India and the United States, except Russia, attended the "
             "conference in Saudi Arabia.", "en", NULL),
        "CHN 042 SAU; IND 042 SAU; USA 042 SAU");
    assert_string_equal(
        code("With the exception of Russia, China and India attended the "
             "conference in Saudi Arabia.", "en", NULL),
        "CHN 042 SAU; IND 042 SAU");
    assert_string_equal(
        code("Tiongkok, India, Amerika Serikat, kecuali Rusia, menghadiri "
             "konferensi di Jeddah.", "id", NULL),
        "CHN 042 SAU; IND 042 SAU; USA 042 SAU");
}

static void passive_swaps_roles(void **state)
{
    assert_string_equal(code("China was criticized by Russia.", "en", NULL),
                         "RUS 111 CHN");
    assert_string_equal(code("Tiongkok dikecam oleh Rusia.", "id", NULL),
                         "RUS 111 CHN");
}

static void negation_codes_nothing(void **state)
{
    assert_string_equal(code("Russia did not attack Ukraine.", "en", NULL), "");
    assert_string_equal(code("Rusia tidak menyerang Ukraina.", "id", NULL), "");
    assert_string_equal(code("Rusia menyerang Ukraina.", "id", NULL),
                         "RUS 190 UKR");
}

static void counterparts_take_the_sector(void **state)
{
    assert_string_equal(code("The Russian foreign minister talked by telephone "
                             "with his Chinese counterpart.", "en", NULL),
                        "RUSGOV 041 CHNGOV");
    assert_string_equal(code("Menteri Luar Negeri Rusia mengadakan panggilan "
                             "telepon dengan mitranya dari Tiongkok.", "id", NULL),
                        "RUSGOV 041 CHNGOV");
}

static void both_sides_are_the_actors_in_play(void **state)
{
    assert_string_equal(code("Russia talked by telephone with China. Both sides "
                             "criticized the West.", "en", NULL),
                        "RUS 041 CHN; RUS 111 WST; CHN 111 WST");
    assert_string_equal(code("Rusia membahas krisis Ukraina dengan Tiongkok. "
                             "Kedua pihak mengecam Barat.", "id", NULL),
                        "RUS 040 CHN; RUS 111 WST; CHN 111 WST");
    /* "the two countries" are the states of the actors in play */
    assert_string_equal(code("The Russian foreign minister criticized the Chinese "
                             "foreign minister. The two countries criticized the West.",
                             "en", NULL),
                        "RUSGOV 111 CHNGOV; RUS 111 WST; CHN 111 WST");
    assert_string_equal(code("Menteri Luar Negeri Rusia mengecam Menteri Luar Negeri "
                             "Tiongkok. Kedua negara mengecam Barat.", "id", NULL),
                        "RUSGOV 111 CHNGOV; RUS 111 WST; CHN 111 WST");
}

static void reported_speech_codes_the_inner_event(void **state)
{
    assert_string_equal(code("Russia said China attacked Ukraine.", "en", NULL),
                         "CHN 190 UKR");
    assert_string_equal(code("Rusia mengatakan akan menyerang Ukraina.", "id",
                             NULL),
                        "RUS 190 UKR");
}

/* Each event takes the date its clause names; an impossible one is not
** used (and says so); no article date and no date named: undated. */
static void events_are_dated(void **state)
{
    const char *texts[] = {"Pada 7 Agustus, Rusia mengecam Tiongkok.",
                           "Pada 31 Februari, Rusia mengecam Tiongkok.",
                           "Russia criticized China."};
    const char *langs[] = {"id", "id", "en"};
    const char *dates[] = {"2023-08-08", "2023-08-08", "2023-13-45"};
    const char *want[] = {"2023-08-07", "2023-08-08", ""};
    for (int k = 0; k < 3; k++) {
        warta_meta meta = {.id = "t", .date = dates[k]};
        warta_doc *doc;
        assert_int_equal(warta_doc_new(test_ctx, texts[k], strlen(texts[k]),
                                       &meta, &doc), WARTA_OK);
        assert_int_equal(warta_doc_process(test_ctx, doc, WARTA_STAGE_STEMS,
                                           langs[k]), WARTA_OK);
        assert_int_equal(warta_doc_code(test_ctx, doc, dict), WARTA_OK);
        assert_int_equal(warta_doc_n_events(doc), 1);
        const warta_event *e = warta_doc_event(doc, 0);
        assert_string_equal(e->date, want[k]);
        assert_true((k == 1) == (e->date_note != NULL));
        warta_doc_free(doc);
    }
}

static void captions_are_not_coded(void **state)
{
    assert_string_equal(code("| Russia criticized China. (Photo: Reuters) |\n"
                             "India attacked Ukraine.", "en", NULL),
                        "IND 190 UKR");
}

/* "Office, Name, verb": the office's code is the named person's, and the
** actor spans both; so does "Office Name verb".  A person the dictionary
** knows joins the office instead of starting a compound. */
static void an_office_takes_its_holders_name(void **state)
{
    assert_string_equal(source_of("Kepala Dinas Pendidikan Mataram, Yusuf, "
                                  "mengecam Rusia.", "id"),
                        "---GOV|Kepala Dinas Pendidikan Mataram, Yusuf|Yusuf");
    assert_string_equal(source_of("Kapolres Bogor, AKBP Rio Wahyu, mengecam "
                                  "Rusia.", "id"),
                        "---COP|Kapolres Bogor, AKBP Rio Wahyu|AKBP Rio Wahyu");
    assert_string_equal(source_of("Wali Kota Bogor Bima Arya mengecam Rusia.",
                                  "id"),
                        "---GOV|Wali Kota Bogor Bima Arya|Bogor Bima Arya");
    assert_string_equal(source_of("Wali Kota Bogor, Bima Arya dalam jumpa "
                                  "pers mengecam Rusia.", "id"),
                        "---GOV|Wali Kota Bogor, Bima Arya|Bima Arya");
    assert_string_equal(source_of("The mayor of Bogor, Bima Arya, said he "
                                  "criticized Russia.", "en"),
                        "---GOV|mayor of Bogor, Bima Arya|Bima Arya");
    assert_string_equal(source_of("Menteri Luar Negeri Rusia, Sergei Lavrov, "
                                  "mengecam Tiongkok.", "id"),
                        "RUSGOV|Menteri Luar Negeri Rusia, Sergei Lavrov|"
                        "Sergei Lavrov");
    assert_string_equal(code("Menteri Luar Negeri Rusia, Sergei Lavrov, "
                             "mengecam Tiongkok.", "id", "2023-08-08"),
                        "RUSGOV 111 CHN");
    /* a short form in capitals is part of the office, no holder's name */
    assert_string_equal(source_of("Kepala Dinas PUPR, Yusuf, mengecam Rusia.",
                                  "id"),
                        "---GOV|Kepala Dinas PUPR, Yusuf|Yusuf");
    assert_string_equal(source_of("Kepala Dinas PUPR mengecam Rusia.", "id"),
                        "---GOV|Kepala Dinas PUPR|");
    /* a first name the dictionary lacks, then the person it knows */
    assert_string_equal(source_of("Menteri Luar Negeri Rusia Sergey Lavrov "
                                  "mengecam Tiongkok.", "id"),
                        "RUSGOV|Menteri Luar Negeri Rusia Sergey Lavrov|"
                        "Sergey Lavrov");
    /* a short form in brackets belongs to the office; a portfolio the
    ** dictionary does not know, then a country: that country's office */
    assert_string_equal(source_of("Wali Kota (Walkot) Bogor, Bima Arya, "
                                  "mengecam Rusia.", "id"),
                        "---GOV|Wali Kota (Walkot) Bogor, Bima Arya|Bima Arya");
    assert_string_equal(source_of("Menteri Luar Negeri (Menlu) Rusia, Sergei "
                                  "Lavrov, mengecam Tiongkok.", "id"),
                        "RUSGOV|Menteri Luar Negeri (Menlu) Rusia, Sergei "
                        "Lavrov|Sergei Lavrov");
    assert_string_equal(source_of("Pejabat Lingkungan Ukraina, Olena Petrenko, "
                                  "mengecam Rusia.", "id"),
                        "UKRGOV|Pejabat Lingkungan Ukraina, Olena Petrenko|"
                        "Olena Petrenko");
    /* a party after a party is the next of a list, not a holder: only an
    ** entry with dated codes (a person) joins an office */
    assert_string_equal(source_of("Partai Maju, Partai Baru, dan Tiongkok "
                                  "mengecam Ukraina.", "id"),
                        "RUSPTY|Partai Maju|");
    /* a list, not an apposition: the name does not end the phrase */
    assert_string_equal(code("Pejabat Rusia, Tiongkok dan India mengecam "
                             "Ukraina.", "id", NULL),
                        "RUSGOV 111 UKR; CHNGOV 111 UKR; INDGOV 111 UKR");
}

/* A phrase coded [---] keeps a shorter actor from matching and is no
** actor itself; a capitalised-only name is no actor in lower case nor
** after another capitalised word. */
static void not_an_actor(void **state)
{
    /* "=BARAT_" is the West only when capitalised, and not as the end of
    ** a place's name */
    assert_string_equal(code("Rusia mengecam kebijakan Barat.", "id", NULL),
                        "RUS 111 WST");
    assert_string_equal(code("Rusia mengecam arah barat.", "id", NULL), "");
    assert_string_equal(code("Rusia mengecam Denpasar Barat.", "id", NULL), "");
    assert_string_equal(code("Rusia mengecam dolar Amerika Serikat.", "id", NULL),
                        "");
    assert_string_equal(code("Rusia mengecam Amerika Serikat.", "id", NULL),
                        "RUS 111 USA");
}

/* Coding 2 MB of one short sentence over and over: at its peak the
** document holds little more than what it keeps (its text, sentences,
** tokens and events), not a copy of each array it outgrew nor every
** sentence's matching scratch. */
static void memory_follows_what_is_kept(void **state)
{
    static const char unit[] = "Russia criticized China. ";
    size_t n_units, n;
    char *text = repeat_text(unit, 2u << 20, &n_units, &n);
    size_t base = heap_now;
    heap_peak = heap_now;
    warta_meta meta = {.id = "big", .date = "2024-01-02"};
    warta_doc *doc = code_doc(dict, text, &meta, "en");
    size_t peak = heap_peak - base;
    size_t n_events = warta_doc_n_events(doc), n_tokens = 0;
    size_t n_sents = warta_doc_n_sentences(doc);
    for (size_t i = 0; i < n_sents; i++)
        n_tokens += warta_doc_sentence(doc, i)->n_tokens;
    assert_int_equal(n_events, n_units);
    /* the text twice (as read, cleaned), each sentence, token and event,
    ** and an event's three "file:line" names */
    size_t kept = 2 * n + n_sents * sizeof(warta_sentence) +
                  n_tokens * sizeof(warta_token) +
                  n_events * (sizeof(warta_event) + 3 * 64);
    if (peak > 2 * kept)
        fail_msg("coding %zu bytes took %zu bytes at the peak, for %zu kept",
                 n, peak, kept);
    warta_doc_free(doc);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(simple_active_sentences),
        cmocka_unit_test(longest_pattern_wins),
        cmocka_unit_test(category_codes_become_three_digits),
        cmocka_unit_test(dated_roles),
        cmocka_unit_test(agents_join_countries_in_either_order),
        cmocka_unit_test(compounds_and_exclusion),
        cmocka_unit_test(passive_swaps_roles),
        cmocka_unit_test(negation_codes_nothing),
        cmocka_unit_test(counterparts_take_the_sector),
        cmocka_unit_test(both_sides_are_the_actors_in_play),
        cmocka_unit_test(reported_speech_codes_the_inner_event),
        cmocka_unit_test(events_are_dated),
        cmocka_unit_test(captions_are_not_coded),
        cmocka_unit_test(an_office_takes_its_holders_name),
        cmocka_unit_test(not_an_actor),
        cmocka_unit_test(memory_follows_what_is_kept),
    };
    return cmocka_run_group_tests_name("code", tests, setup, teardown);
}
