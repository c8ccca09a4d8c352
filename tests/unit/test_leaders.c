/*
** test_leaders.c -- the world part of leaders.actors.txt (written by
** tools/gen_leaders.py): office holders outside the G20 get the code of
** the office they held on the article's date, in both packs.
*/
#include "helpers.h"


/* The code of the actor whose words are exactly `name` in text coded on
** date, "" when the coder found none there (static buffer). */
static const char *code_of(const char *text, const char *lang,
                           const char *date, const char *name)
{
    static char code[32];
    warta_meta meta = {.id = "t", .date = date};
    warta_code_opts opts = {.list_actors = true};
    warta_doc *doc;
    assert_int_equal(warta_doc_new(test_ctx, text, strlen(text), &meta, &doc),
                     WARTA_OK);
    assert_int_equal(warta_doc_process(test_ctx, doc, WARTA_STAGE_STEMS, lang),
                     WARTA_OK);
    assert_int_equal(warta_doc_code_opts(test_ctx, doc, test_packs, &opts),
                     WARTA_OK);
    code[0] = '\0';
    for (size_t i = 0; i < warta_doc_n_actors(doc); i++) {
        const warta_actor *a = &warta_doc_actor(doc, i)->actor;
        if (strcmp(span_text(text, a->start, a->end), name) == 0)
            snprintf(code, sizeof code, "%s", a->code);
    }
    warta_doc_free(doc);
    return code;
}

/* Assad is Syria's government until 8 Dec 2024 and a former head after;
** al-Sharaa is a rebel before that day and the government after. */
static void assad_and_sharaa_before_and_after_december_2024(void **state)
{
    (void)state;
    const char *en = "Bashar al-Assad met Ahmed al-Sharaa in a film "
                     "about the war.";
    assert_string_equal(code_of(en, "en", "2019-06-01", "Bashar al-Assad"),
                        "SYRGOV");
    assert_string_equal(code_of(en, "en", "2019-06-01", "Ahmed al-Sharaa"),
                        "SYRREB");
    assert_string_equal(code_of(en, "en", "2025-03-01", "Bashar al-Assad"),
                        "SYRELI");
    assert_string_equal(code_of(en, "en", "2025-03-01", "Ahmed al-Sharaa"),
                        "SYRGOV");
    /* the surname alone, and after a title */
    assert_string_equal(code_of("Assad spoke to reporters in Damascus.",
                                "en", "2012-05-01", "Assad"), "SYRGOV");
    assert_string_equal(code_of("Presiden Assad berbicara di Damaskus.",
                                "id", "2012-05-01", "Presiden Assad"),
                        "SYRGOV");
}

/* A prime minister, a foreign minister and a president of other
** countries, each coded only while in office (or as a former head). */
static void offices_by_date(void **state)
{
    (void)state;
    const char *s = "Imran Khan and Viktor Orbán met Nicolás Maduro.";
    assert_string_equal(code_of(s, "en", "2020-01-10", "Imran Khan"),
                        "PAKGOV");
    assert_string_equal(code_of(s, "en", "2023-01-10", "Imran Khan"),
                        "PAKELI");
    assert_string_equal(code_of(s, "en", "2008-01-10", "Viktor Orbán"),
                        "HUNOPP");
    assert_string_equal(code_of(s, "en", "2011-01-10", "Viktor Orbán"),
                        "HUNGOV");
    assert_string_equal(code_of(s, "en", "2010-01-10", "Nicolás Maduro"),
                        "VENGOV");      /* then the foreign minister */
    /* a foreign minister's title with his surname, in Indonesian */
    assert_string_equal(code_of("Menlu Safadi tiba di Jakarta.", "id",
                                "2023-05-02", "Menlu Safadi"), "JORGOV");
    /* the same name before the office: no code, or none as GOV */
    assert_string_not_equal(code_of("Ayman Safadi tiba di Jakarta.", "id",
                                    "2010-05-02", "Ayman Safadi"), "JORGOV");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(assad_and_sharaa_before_and_after_december_2024),
        cmocka_unit_test(offices_by_date),
    };
    return cmocka_run_group_tests(tests, load_packs, free_packs);
}
