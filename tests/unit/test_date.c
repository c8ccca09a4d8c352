/*
** test_date.c -- date expressions found and resolved (src/date.c), in
** Indonesian and English, across month, year and leap-day boundaries.
*/
#include "helpers.h"
#include "date.h"

/* The dates of every sentence of text, as "span=YYYY-MM-DD/precision"
** joined by "; " ("span=impossible" for impossible ones); article is
** "YYYY-MM-DD" or NULL when unknown.  Static buffer. */
static const char *dates(const char *text, const char *lang,
                         const char *article)
{
    static char out[1024];
    int32_t today = INT32_MIN;
    if (article)
        assert_true(date_parse_ymd(article, strlen(article), &today));
    warta_doc *doc = process_full(text, NULL, lang, WARTA_STAGE_TOKENS);
    out[0] = '\0';
    for (size_t k = 0; k < warta_doc_n_sentences(doc); k++) {
        const warta_sentence *s = warta_doc_sentence(doc, k);
        date_mention m[8];
        size_t n = date_find(s, today, m, 8);
        for (size_t i = 0; i < n; i++) {
            assert_true(m[i].first < m[i].last && m[i].last <= s->n_tokens);
            const warta_token *a = &s->tokens[m[i].first];
            const warta_token *b = &s->tokens[m[i].last - 1];
            char one[160];
            int len = (int)(b->text.p + b->text.n - a->text.p);
            if (m[i].impossible) {
                snprintf(one, sizeof one, "%s%.*s=impossible",
                         out[0] ? "; " : "", len, a->text.p);
            } else {
                int y, mo, d;
                date_to_civil(m[i].day, &y, &mo, &d);
                snprintf(one, sizeof one, "%s%.*s=%04d-%02d-%02d/%s",
                         out[0] ? "; " : "", len, a->text.p, y, mo, d,
                         warta_date_precision_name(m[i].precision));
            }
            strncat(out, one, sizeof out - strlen(out) - 1);
        }
    }
    warta_doc_free(doc);
    return out;
}

#define ID(text, article, expected) \
    assert_string_equal(dates((text), "id", (article)), (expected))
#define EN(text, article, expected) \
    assert_string_equal(dates((text), "en", (article)), (expected))

static void calendar_round_trips(void **state)
{
    assert_int_equal(date_from_civil(1970, 1, 1), 0);
    assert_int_equal(date_from_civil(1969, 12, 31), -1);
    assert_int_equal(date_from_civil(2000, 3, 1), 11017);
    for (int32_t day = -800000; day < 800000; day += 13) {
        int y, m, d;
        date_to_civil(day, &y, &m, &d);
        assert_true(date_valid(y, m, d));
        assert_int_equal(date_from_civil(y, m, d), day);
    }
    assert_true(date_valid(2024, 2, 29));
    assert_false(date_valid(2023, 2, 29));
    assert_true(date_valid(2000, 2, 29));
    assert_false(date_valid(1900, 2, 29));
    assert_false(date_valid(2023, 4, 31));
    assert_false(date_valid(2023, 13, 1));
}

static void seed_sentences(void **state)
{
    ID("Pada tanggal 7 Agustus, Lavrov menelepon Wang Yi.", "2023-08-08",
       "7 Agustus=2023-08-07/day");
    ID("Pertemuan digelar pada 5-6 Agustus di Jeddah.", "2023-08-08",
       "5-6 Agustus=2023-08-05/day");
    ID("Mereka bertemu pada Juli 2022.", "2023-08-08",
       "Juli 2022=2022-07-01/month");
}

static void day_month_takes_nearest_year_before(void **state)
{
    ID("Dia datang 28 Desember.", "2024-01-02", "28 Desember=2023-12-28/day");
    EN("He came on December 28.", "2024-01-02", "December 28=2023-12-28/day");
    ID("Dia datang 2 Januari.", "2024-01-02", "2 Januari=2024-01-02/day");
    ID("Dia datang 3 Januari.", "2024-01-02", "3 Januari=2023-01-03/day");
    EN("It began 7th August.", "2023-08-08", "7th August=2023-08-07/day");
    ID("Dia datang 7 Agt. lalu pulang.", "2023-08-08", "7 Agt.=2023-08-07/day");
}

static void full_dates_both_languages(void **state)
{
    ID("Dia lahir 7 Agustus 2023.", NULL, "7 Agustus 2023=2023-08-07/day");
    EN("Signed on August 7, 2023 in Jakarta.", NULL,
       "August 7, 2023=2023-08-07/day");
    EN("Signed on 7 August 2023.", NULL, "7 August 2023=2023-08-07/day");
    EN("Talks resumed in Sept. 2021.", NULL, "Sept. 2021=2021-09-01/month");
    ID("Sidang ditunda hingga Peb 2020.", NULL, "Peb 2020=2020-02-01/month");
    EN("The law of July 2022 stands.", NULL, "July 2022=2022-07-01/month");
}

static void ranges(void **state)
{
    ID("Konferensi 5 hingga 6 Agustus 2023.", NULL,
       "5 hingga 6 Agustus 2023=2023-08-05/day");
    EN("The summit on August 5-6 ended.", "2023-08-08",
       "August 5-6=2023-08-05/day");
    ID("Acara 28-30 Februari 2023.", NULL, "28-30 Februari 2023=impossible");
}

static void numeric_dates(void **state)
{
    ID("Surat bertanggal 7/8/2023 itu.", NULL, "7/8/2023=2023-08-07/day");
    EN("The letter dated 7/8/2023 arrived.", NULL, "7/8/2023=2023-07-08/day");
    ID("Pada tanggal 7/8/2023 mereka tiba.", NULL, "7/8/2023=2023-08-07/day");
    ID("Dirilis 2023-08-07 pukul 10.", NULL, "2023-08-07=2023-08-07/day");
    EN("Released 2023-08-07.", NULL, "2023-08-07=2023-08-07/day");
    EN("Dated 25/12/2023 in the British way.", NULL,
       "25/12/2023=2023-12-25/day");
    ID("Tertanggal 07.08.23 malam.", NULL, "07.08.23=2023-08-07/day");
    /* no year: only after "(" or "tanggal" */
    ID("Senin (7/8) lalu mereka bertemu.", "2023-08-08",
       "Senin (7/8)=2023-08-07/day");
    ID("Sebanyak 2/3 anggota setuju.", "2023-08-08", "");
    ID("Harga 3.000.000 rupiah dan 3.5 persen.", "2023-08-08", "");
}

static void weekdays(void **state)
{
    /* 2024-01-03 was a Wednesday */
    ID("Pada hari Senin, presiden bertemu.", "2024-01-03",
       "Senin=2024-01-01/day");
    EN("The president met on Sunday.", "2024-01-02", "Sunday=2023-12-31/day");
    EN("The president met on Wednesday.", "2024-01-03",
       "Wednesday=2024-01-03/day");
    EN("They met last Wednesday.", "2024-01-03",
       "last Wednesday=2023-12-27/day");
    ID("Mereka bertemu Rabu lalu.", "2024-01-03", "Rabu lalu=2023-12-27/day");
    ID("Sidang pada Jum'at dan Sabtu.", "2024-01-03",
       "Jum'at=2023-12-29/day; Sabtu=2023-12-30/day");
    ID("Minggu, pasukan mundur.", "2024-03-01", "Minggu=2024-02-25/day");
    EN("Talks resume next Monday.", "2024-01-03",
       "next Monday=2024-01-08/day");
    /* a weekday of the week before or after the article's (Monday to
    ** Sunday) */
    EN("Talks resume on Thursday next week.", "2024-01-03",
       "Thursday next week=2024-01-11/day");
    EN("Talks resume on Thursday and Friday next week.", "2024-01-03",
       "Thursday and Friday next week=2024-01-11/day");
    EN("They met on Tuesday last week.", "2024-01-03",
       "Tuesday last week=2023-12-26/day");
    ID("Mereka akan bertemu Kamis pekan depan.", "2024-01-03",
       "Kamis pekan depan=2024-01-11/day");
    ID("Pada Senin, 7 Agustus 2023 mereka bertemu.", "2023-08-10",
       "Senin, 7 Agustus 2023=2023-08-07/day");
}

/* The first date of text as the day to come (date_mention.ahead). */
static const char *ahead_of(const char *text, const char *lang, const char *article)
{
    static char out[16];
    int32_t today;
    assert_true(date_parse_ymd(article, strlen(article), &today));
    warta_doc *doc = process_full(text, NULL, lang, WARTA_STAGE_TOKENS);
    date_mention m[8];
    assert_true(date_find(warta_doc_sentence(doc, 0), today, m, 8) > 0);
    int y, mo, d;
    date_to_civil(m[0].ahead, &y, &mo, &d);
    snprintf(out, sizeof out, "%04d-%02d-%02d", y, mo, d);
    warta_doc_free(doc);
    return out;
}

#define AHEAD(text, lang, article, expected) \
    assert_string_equal(ahead_of((text), (lang), (article)), (expected))

/* With no year (or no "next"/"last"), a date an event still to come names
** is the next one: "will meet on Monday". */
static void dates_ahead(void **state)
{
    (void)state;
    AHEAD("They will meet on Monday.", "en", "2024-01-03", "2024-01-08");
    AHEAD("They will meet on Wednesday.", "en", "2024-01-03", "2024-01-03");
    AHEAD("Dia akan datang 28 Desember.", "id", "2024-01-02", "2024-12-28");
    AHEAD("Dia akan datang 2 Januari.", "id", "2024-01-02", "2024-01-02");
    AHEAD("Elections will be held in May.", "en", "2024-06-01", "2025-05-01");
    AHEAD("Elections will be held in June.", "en", "2024-06-15", "2024-06-01");
    /* a year, "last" or "next" leaves nothing to choose */
    AHEAD("They met last Wednesday.", "en", "2024-01-03", "2023-12-27");
    AHEAD("Talks resume next Monday.", "en", "2024-01-03", "2024-01-08");
    AHEAD("Talks resume on Thursday next week.", "en", "2024-01-03", "2024-01-11");
    AHEAD("They met on 7 August 2023.", "en", "2024-01-03", "2023-08-07");
}

static void relative_days(void **state)
{
    ID("Kemarin polisi menangkap dua orang.", "2024-01-01",
       "Kemarin=2023-12-31/day");
    EN("Police arrested two men yesterday.", "2024-03-01",
       "yesterday=2024-02-29/day");
    ID("Hari ini dan besok, demo berlanjut.", "2023-12-31",
       "Hari ini=2023-12-31/day; besok=2024-01-01/day");
    ID("Kemarin lusa mereka tiba.", "2024-03-01", "Kemarin lusa=2024-02-28/day");
    EN("Today they signed.", "2023-08-08", "Today=2023-08-08/day");
    EN("He will go tomorrow.", "2023-12-31", "tomorrow=2024-01-01/day");
}

static void units_ago(void **state)
{
    ID("Dua hari lalu mereka tiba.", "2024-01-01", "Dua hari lalu=2023-12-30/day");
    ID("Mereka tiba 3 hari yang lalu.", "2024-03-02",
       "3 hari yang lalu=2024-02-28/day");
    EN("They arrived two days ago.", "2024-03-01",
       "two days ago=2024-02-28/day");
    EN("They arrived a week ago.", "2024-01-03", "a week ago=2023-12-27/day");
    ID("Sepekan lalu mereka tiba.", "2024-01-03", "Sepekan lalu=2023-12-27/day");
    ID("Tiga bulan lalu mereka tiba.", "2024-02-15",
       "Tiga bulan lalu=2023-11-01/month");
    EN("Two years ago it began.", "2024-02-15", "Two years ago=2022-01-01/year");
}

static void named_units(void **state)
{
    ID("Pekan lalu mereka bertemu.", "2024-01-03", "Pekan lalu=2023-12-27/day");
    ID("Minggu lalu mereka bertemu.", "2024-01-03", "Minggu lalu=2023-12-27/day");
    EN("They met last week.", "2024-01-03", "last week=2023-12-27/day");
    ID("Bulan lalu harga naik.", "2024-01-15", "Bulan lalu=2023-12-01/month");
    EN("Prices rose last month.", "2024-03-31", "last month=2024-02-01/month");
    ID("Tahun lalu harga naik.", "2024-01-15", "Tahun lalu=2023-01-01/year");
    EN("Prices rose last year.", "2024-01-15", "last year=2023-01-01/year");
    ID("Pada awal bulan ini harga naik.", "2024-02-20",
       "awal bulan ini=2024-02-01/month");
    EN("Prices rose early this month.", "2024-02-20",
       "early this month=2024-02-01/month");
    ID("Pada akhir Juli 2022 harga naik.", NULL,
       "akhir Juli 2022=2022-07-01/month");
    EN("Prices will fall next year.", "2023-06-01", "next year=2024-01-01/year");
}

static void bare_years_and_months(void **state)
{
    ID("Pada tahun 2019 pemilu digelar.", NULL, "2019=2019-01-01/year");
    EN("Elections were held in 2019.", NULL, "2019=2019-01-01/year");
    EN("About 2019 people voted.", NULL, "");
    ID("Sebanyak 2019 orang memilih.", NULL, "");
    ID("Pada bulan Oktober pemilu digelar.", "2024-01-15",
       "Oktober=2023-10-01/month");
    EN("Elections were held in January.", "2024-01-15",
       "January=2024-01-01/month");
    EN("You may go.  It may rain in May.", "2024-06-01", "May=2024-05-01/month");
    /* a month that owns what it dates */
    EN("Strikes followed April's attack.", "2018-08-11", "April=2018-04-01/month");
    EN("It may rain.", "2018-08-11", "");
    /* an Indonesian election names its year */
    ID("Pada Pilpres 2024 dia mendukung Ganjar.", NULL, "2024=2024-01-01/year");
    /* "of" and "into" before a year, a comma between month and year */
    EN("Relations are better after the nadir of 2016.", NULL, "2016=2016-01-01/year");
    EN("Fighting continued into 2015.", NULL, "2015=2015-01-01/year");
    /* a span of years, from its first */
    EN("The war was fought in 2013-14.", NULL, "2013-14=2013-01-01/year");
    ID("Pada tahun 2019-2020 pemilu digelar.", NULL, "2019-2020=2019-01-01/year");
    /* a year that names the event after it */
    EN("The 2013 invasion was a mistake.", NULL, "2013=2013-01-01/year");
    EN("Kenya's 2011 decision to invade Somalia was a mistake.", NULL,
       "2011=2011-01-01/year");
    EN("The two sides clashed in November, 2015.", NULL,
       "November, 2015=2015-11-01/month");
    /* "last April", "April lalu": before this month, never this one */
    EN("Strikes hit Syria last April.", "2018-04-10", "last April=2017-04-01/month");
    EN("Strikes hit Syria last April.", "2018-02-10", "last April=2017-04-01/month");
    EN("They will meet next May.", "2018-05-20", "next May=2019-05-01/month");
    ID("Serangan terjadi pada April lalu.", "2018-04-10", "April lalu=2017-04-01/month");
    ID("Serangan terjadi pada Maret lalu.", "2018-04-10", "Maret lalu=2018-03-01/month");
}

static void leap_days_and_impossible_dates(void **state)
{
    ID("Pada 29 Februari 2024 hujan.", NULL, "29 Februari 2024=2024-02-29/day");
    ID("Pada 29 Februari 2023 hujan.", NULL, "29 Februari 2023=impossible");
    ID("Pada 31 Februari hujan.", "2024-03-01", "31 Februari=impossible");
    EN("It rained on 30 February.", NULL, "30 February=impossible");
    EN("It rained on February 29.", "2023-06-01", "February 29=2020-02-29/day");
    ID("Pada 31/4/2023 hujan.", NULL, "31/4/2023=impossible");
    ID("Pada 1 Maret hujan.", "2024-03-01", "1 Maret=2024-03-01/day");
}

static void unknown_article_date(void **state)
{
    ID("Kemarin, Senin, dua hari lalu, bulan lalu, 7 Agustus.", NULL, "");
    EN("Yesterday, on Monday, last month, on August 7.", NULL, "");
    /* what needs no article date is still found */
    ID("Kemarin, 7 Agustus 2023, hujan.", NULL,
       "7 Agustus 2023=2023-08-07/day");
}

static void malay_uses_indonesian_words(void **state)
{
    assert_string_equal(dates("Mereka bertemu pada 7 Mac 2023.", "ms", NULL),
                        "7 Mac 2023=2023-03-07/day");
    assert_string_equal(dates("Mereka bertemu 7/8/2023.", "ms", NULL),
                        "7/8/2023=2023-08-07/day");
}

static void max_bounds_output(void **state)
{
    int32_t today;
    assert_true(date_parse_ymd("2023-08-08", 10, &today));
    warta_doc *doc = process_full("Pada 1 Agustus, 2 Agustus dan 3 Agustus.",
                                  NULL, "id", WARTA_STAGE_TOKENS);
    date_mention m[2];
    assert_int_equal(date_find(warta_doc_sentence(doc, 0), today, m, 2), 2);
    assert_int_equal(date_find(warta_doc_sentence(doc, 0), today, m, 0), 0);
    warta_doc_free(doc);
}

/* What date_find costs on the one sentence of text: words looked up and
** rows of dates.tsv tried; the dates it found must be n_dates. */
static date_work work_on(const char *text, const char *lang, size_t n_dates,
                         size_t *n_tokens)
{
    int32_t today;
    assert_true(date_parse_ymd("2023-08-08", 10, &today));
    warta_doc *doc = process_full(text, NULL, lang, WARTA_STAGE_TOKENS);
    assert_int_equal(warta_doc_n_sentences(doc), 1);
    const warta_sentence *s = warta_doc_sentence(doc, 0);
    date_mention m[8];
    date_work w;
    assert_int_equal(date_find_counted(s, today, m, 8, &w), n_dates);
    *n_tokens = s->n_tokens;
    warta_doc_free(doc);
    return w;
}

/* A token that starts no date expression costs one lookup and no row,
** however often the parsers ask about it (about fifteen times a token);
** one that does tries the few rows that start with its word, not all. */
static void tokens_cost_one_lookup(void **state)
{
    size_t n;
    date_work w = work_on("Ministers told reporters outside parliament that "
                          "talks with neighbouring states had gone well and "
                          "would go on.", "en", 0, &n);
    assert_int_equal(w.rows, 0);
    assert_int_equal(w.lookups, n);
    /* "sebagai", "setelah": is the rest a unit ("sepekan")?  One lookup more */
    w = work_on("Menteri itu berbicara sebagai wakil pemerintah setelah "
                "rapat dengan para pejabat daerah.", "id", 0, &n);
    assert_int_equal(w.rows, 0);
    assert_int_equal(w.lookups, n + 2);
    w = work_on("Pada Senin (7/8) lalu, dua hari lalu, 5-6 Agustus 2023 dan "
                "akhir Juli 2022, pekan lalu, bulan ini, kemarin dulu.", "id",
                7, &n);
    assert_true(w.lookups <= n + 2);    /* "(7/8)": "Senin" is asked again */
    assert_true(w.rows <= 2 * n);
    assert_true(w.rows >= 7);
}

/* What counts as an article date or a query bound: real days only. */
static void valid_days(void **state)
{
    (void)state;
    assert_true(warta_date_valid("2024-02-29"));
    assert_true(warta_date_valid("2023-12-31"));
    assert_false(warta_date_valid("2023-02-29"));  /* not a leap year */
    assert_false(warta_date_valid("2023-04-31"));
    assert_false(warta_date_valid("2023-13-01"));
    assert_false(warta_date_valid("2023-0801-"));  /* dashes misplaced */
    assert_false(warta_date_valid("20230801"));
    assert_false(warta_date_valid("2023-08-01x"));
    assert_false(warta_date_valid(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(calendar_round_trips),
        cmocka_unit_test(seed_sentences),
        cmocka_unit_test(day_month_takes_nearest_year_before),
        cmocka_unit_test(full_dates_both_languages),
        cmocka_unit_test(ranges),
        cmocka_unit_test(numeric_dates),
        cmocka_unit_test(weekdays),
        cmocka_unit_test(dates_ahead),
        cmocka_unit_test(relative_days),
        cmocka_unit_test(units_ago),
        cmocka_unit_test(named_units),
        cmocka_unit_test(bare_years_and_months),
        cmocka_unit_test(leap_days_and_impossible_dates),
        cmocka_unit_test(unknown_article_date),
        cmocka_unit_test(malay_uses_indonesian_words),
        cmocka_unit_test(max_bounds_output),
        cmocka_unit_test(tokens_cost_one_lookup),
        cmocka_unit_test(valid_days),
    };
    return cmocka_run_group_tests_name("date", tests, open_ctx, close_ctx);
}
