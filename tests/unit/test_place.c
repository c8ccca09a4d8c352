/*
** test_place.c -- the gazetteer (place.c) on build/gen/gazetteer.bin:
** Indonesian exonyms, preference by country and population, regions and
** countries as places, and clean failure on truncated or foreign files.
*/
#include <unistd.h>

#include "helpers.h"
#include "place.h"

#define GZ_PATH "build/gen/gazetteer.bin"

static gazetteer *gz;

static int setup(void **state)
{
    if (open_ctx(state) != 0)
        return -1;
    if (place_open(test_ctx, GZ_PATH, &gz) != WARTA_OK) {
        fprintf(stderr, "%s\n", warta_errmsg(test_ctx));
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    place_close(gz);
    gz = NULL;
    return close_ctx(state);
}

static warta_place look(const char *name, const char *prefer)
{
    warta_place p;
    assert_true(place_lookup(gz, name, strlen(name), prefer, &p));
    return p;
}

static void test_jeddah_spellings(void **state)
{
    (void)state;
    const char *names[] = {"Jeddah", "Jedah", "Jiddah", "JEDDAH"};
    for (size_t i = 0; i < ARRAY_LEN(names); i++) {
        warta_place p = look(names[i], NULL);
        assert_string_equal(p.country, "SAU");
        assert_true(p.lat > 21.3 && p.lat < 21.7);
        assert_true(p.lon > 39.0 && p.lon < 39.4);
        assert_int_equal(p.geonames_id, 105343);
    }
}

static void test_moscow(void **state)
{
    (void)state;
    warta_place a = look("Moskow", NULL), b = look("Moscow", NULL);
    assert_string_equal(a.country, "RUS");
    assert_string_equal(b.country, "RUS");
    assert_int_equal(a.geonames_id, b.geonames_id);
}

static void test_paris(void **state)
{
    (void)state;
    warta_place p = look("Paris", NULL);
    assert_string_equal(p.country, "FRA");
    assert_true(p.lat > 48 && p.lat < 49.5);
    p = look("paris", "USA");
    assert_string_equal(p.country, "USA");
    assert_true(p.lon < -60);
}

static void test_indonesia(void **state)
{
    (void)state;
    warta_place p = look("Jakarta", NULL);
    assert_string_equal(p.country, "IDN");
    assert_int_not_equal(p.geonames_id, 0);     /* the city */
    p = look("Jawa Barat", NULL);
    assert_string_equal(p.country, "IDN");
    assert_string_equal(p.adm1, "30");
    assert_int_equal(p.geonames_id, 0);         /* a region */
    assert_true(p.lat > -8 && p.lat < -5.5 && p.lon > 105 && p.lon < 109);
    p = look("DKI Jakarta", NULL);
    assert_string_equal(p.country, "IDN");
    assert_string_equal(p.adm1, "04");
}

static void test_countries(void **state)
{
    (void)state;
    warta_place p = look("Arab Saudi", NULL), q;
    assert_string_equal(p.country, "SAU");
    assert_int_equal(p.geonames_id, 0);
    assert_string_equal(p.adm1, "");
    assert_true(place_country(gz, "SAU", &q));
    assert_string_equal(q.name, p.name);
    assert_true(place_country(gz, "IDN", &p));
    assert_string_equal(p.country, "IDN");
    assert_true(p.lat > -11 && p.lat < 6 && p.lon > 95 && p.lon < 141);
    assert_false(place_country(gz, "ZZZ", &p));
    assert_false(place_country(gz, "ID", &p));
}

static void test_unknown(void **state)
{
    (void)state;
    warta_place p;
    assert_false(place_lookup(gz, "Xyzzyville", 10, NULL, &p));
    assert_false(place_lookup(gz, "", 0, NULL, &p));
    assert_false(place_lookup(gz, "as", 2, NULL, &p));
}

/* Write n bytes of src (or junk when src is NULL) to a temporary file. */
static void write_file(const char *path, const char *src, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    for (size_t i = 0; i < n; i++)
        fputc(src ? src[i] : (int)(i * 7 % 251), f);
    fclose(f);
}

static char *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *n = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc(*n);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, *n, f), *n);
    fclose(f);
    return b;
}

static void test_bad_files(void **state)
{
    (void)state;
    char path[] = "build/test_place_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    size_t n;
    char *b = read_all(GZ_PATH, &n);
    gazetteer *g = (gazetteer *)&g;
    size_t cuts[] = {n - 1, n / 2, sizeof(gz_header), 10, 0};
    for (size_t i = 0; i < ARRAY_LEN(cuts); i++) {
        write_file(path, b, cuts[i]);
        test_ctx->errmsg[0] = '\0';
        assert_int_not_equal(place_open(test_ctx, path, &g), WARTA_OK);
        assert_null(g);
        assert_non_null(strstr(warta_errmsg(test_ctx), path));
    }
    write_file(path, NULL, 4096);
    assert_int_equal(place_open(test_ctx, path, &g), WARTA_EDATA);
    assert_null(g);
    assert_non_null(strstr(warta_errmsg(test_ctx), "not a gazetteer"));
    /* A right header over sections that point outside the file. */
    gz_header h;
    memcpy(&h, b, sizeof h);
    h.n_names = UINT32_MAX;
    memcpy(b, &h, sizeof h);
    write_file(path, b, n);
    assert_int_equal(place_open(test_ctx, path, &g), WARTA_EDATA);
    remove(path);
    assert_int_equal(place_open(test_ctx, path, &g), WARTA_EIO);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jeddah_spellings),
        cmocka_unit_test(test_moscow),
        cmocka_unit_test(test_paris),
        cmocka_unit_test(test_indonesia),
        cmocka_unit_test(test_countries),
        cmocka_unit_test(test_unknown),
        cmocka_unit_test(test_bad_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
