/*
** test_cameo.c -- the compiled-in CAMEO table against the reference files:
** every code of $WARTA_SHARED/eval/cameo/cameo-codes.csv is there, with
** GDELT's Goldstein values and QuadClass by root; lookups and order.
*/
#include "helpers.h"
#include "cameo.h"

/* ---- reading the reference files ---------------------------------------- */

#define MAX_FIELD 64        /* longer fields are cut: we only need short ones */
#define N_KEEP 4            /* code, name, goldstein, root_code */

/* The whole of $WARTA_SHARED/eval/cameo/<name>, NUL-terminated; fails the
** test if it cannot be read.  Caller frees. */
static char *read_shared(const char *name)
{
    const char *shared = getenv("WARTA_SHARED");
    char path[1024];
    snprintf(path, sizeof path, "%s/eval/cameo/%s",
             shared && *shared ? shared : "../shared", name);
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        fail_msg("cannot open %s (set WARTA_SHARED)", path);
    char *buf = NULL;
    size_t n = 0, cap = 0, got;
    do {
        if (cap - n < 4096) {
            cap = cap ? cap * 2 : 65536;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
    } while (got > 0);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

/* Parse one CSV record (RFC 4180: quoted fields may hold commas, doubled
** quotes and line breaks) at *pp, keeping the first N_KEEP fields.
** Returns false at the end of the text. */
static bool csv_record(const char **pp, char out[N_KEEP][MAX_FIELD])
{
    const char *p = *pp;
    if (*p == '\0')
        return false;
    for (int i = 0; i < N_KEEP; i++)
        out[i][0] = '\0';
    for (int col = 0;; col++) {
        size_t len = 0;
        bool quoted = *p == '"';
        if (quoted)
            p++;
        for (;;) {
            char c = *p;
            if (c == '\0')
                break;
            if (quoted && c == '"') {
                if (p[1] == '"') {
                    p++;
                } else {
                    quoted = false;
                    p++;
                    continue;
                }
            } else if (!quoted && (c == ',' || c == '\n' || c == '\r')) {
                break;
            }
            if (col < N_KEEP && len + 1 < MAX_FIELD)
                out[col][len++] = c;
            p++;
        }
        if (col < N_KEEP)
            out[col][len] = '\0';
        if (*p == ',') {
            p++;
            continue;
        }
        if (*p == '\r')
            p++;
        if (*p == '\n')
            p++;
        break;
    }
    *pp = p;
    return true;
}

/* GDELT's CAMEO.goldsteinscale.txt: "code<TAB>value" lines after a header. */
typedef struct gdelt_row {
    char code[8];
    double goldstein;
} gdelt_row;

static size_t read_gdelt(gdelt_row *rows, size_t max)
{
    char *text = read_shared("CAMEO.goldsteinscale.txt");
    size_t n = 0;
    for (const char *line = text; *line; line += strcspn(line, "\n")) {
        line += strspn(line, "\r\n");
        size_t len = strcspn(line, "\t\r\n");
        if (line[len] != '\t' || line[0] < '0' || line[0] > '9')
            continue;                           /* the header */
        assert_true(n < max);
        assert_true(len < sizeof rows[n].code);
        memcpy(rows[n].code, line, len);
        rows[n].code[len] = '\0';
        char *end;
        rows[n].goldstein = strtod(line + len + 1, &end);
        assert_true(end != line + len + 1);
        n++;
    }
    free(text);
    return n;
}

static const gdelt_row *gdelt_find(const gdelt_row *rows, size_t n,
                                   const char *code, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(rows[i].code) == len && memcmp(rows[i].code, code, len) == 0)
            return &rows[i];
    return NULL;
}

#define LOOKUP(s) cameo_lookup((s), strlen(s))

/* ---- the tests ------------------------------------------------------------ */

static void every_codebook_code_is_in_the_table(void **state)
{
    static gdelt_row gdelt[1024];
    size_t n_gdelt = read_gdelt(gdelt, ARRAY_LEN(gdelt));
    assert_true(n_gdelt > 300);

    char *text = read_shared("cameo-codes.csv");
    const char *p = text;
    char f[N_KEEP][MAX_FIELD];
    assert_true(csv_record(&p, f));
    assert_string_equal(f[0], "code");          /* the header */
    assert_string_equal(f[3], "root_code");

    size_t n_rows = 0, n_from_parent = 0;
    while (csv_record(&p, f)) {
        if (f[0][0] == '\0')
            continue;
        n_rows++;
        const cameo_code *c = LOOKUP(f[0]);
        if (c == NULL)
            fail_msg("code %s (%s) is not in the table", f[0], f[1]);
        assert_string_equal(c->code, f[0]);
        assert_string_equal(c->root, f[3]);

        /* GDELT's value, or else the nearest ancestor's that it lists. */
        size_t len = strlen(f[0]);
        const gdelt_row *g = gdelt_find(gdelt, n_gdelt, f[0], len);
        while (g == NULL && len > 2) {
            n_from_parent++;
            g = gdelt_find(gdelt, n_gdelt, f[0], --len);
        }
        if (g == NULL)
            fail_msg("no Goldstein value in GDELT for %s or its parents", f[0]);
        if (c->goldstein != g->goldstein)
            fail_msg("%s: Goldstein %g, GDELT has %g for %s", f[0],
                     c->goldstein, g->goldstein, g->code);
    }
    free(text);
    assert_int_equal(n_rows, cameo_count());    /* and nothing else */
    assert_true(n_from_parent < 10);            /* a rare exception (1213) */
}

static void quad_class_follows_the_root(void **state)
{
    for (size_t i = 0; i < cameo_count(); i++) {
        const cameo_code *c = cameo_at(i);
        int root = (c->root[0] - '0') * 10 + (c->root[1] - '0');
        int quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 14 ? 3 : 4;
        assert_int_equal(strlen(c->root), 2);
        assert_true(root >= 1 && root <= 20);
        assert_memory_equal(c->code, c->root, 2);
        if (c->quad_class != quad)
            fail_msg("%s: quad class %d, want %d", c->code, c->quad_class,
                     quad);
        assert_true(c->goldstein >= -10.0 && c->goldstein <= 10.0);
        assert_true(c->label[0] != '\0');
        assert_non_null(c->plover_type);
        assert_non_null(c->plover_mode);
    }
}

static void known_codes(void **state)
{
    const cameo_code *c = LOOKUP("041");
    assert_non_null(c);
    assert_string_equal(c->label, "Discuss by telephone");
    assert_true(c->goldstein == 1.0);
    assert_int_equal(c->quad_class, 1);
    assert_string_equal(c->root, "04");
    assert_string_equal(c->plover_type, "CONSULT");
    assert_string_equal(c->plover_mode, "phone");

    c = LOOKUP("190");
    assert_non_null(c);
    assert_int_equal(c->quad_class, 4);
    assert_true(c->goldstein == -10.0);
    assert_string_equal(c->plover_type, "ASSAULT");

    c = LOOKUP("042");
    assert_non_null(c);
    assert_string_equal(c->label, "Make a visit");

    /* roots and four-digit codes are codes too */
    assert_non_null(LOOKUP("04"));
    assert_non_null(LOOKUP("20"));
    c = LOOKUP("0211");
    assert_non_null(c);
    assert_string_equal(c->root, "02");
    assert_non_null(LOOKUP("1011"));
    /* not in GDELT's Goldstein file: takes its parent's value */
    assert_true(LOOKUP("1213")->goldstein == LOOKUP("121")->goldstein);
    /* statements have no PLOVER type */
    assert_string_equal(LOOKUP("010")->plover_type, "");
}

static void unknown_codes(void **state)
{
    assert_null(LOOKUP("999"));
    assert_null(LOOKUP("04a"));
    assert_null(LOOKUP(""));
    assert_null(cameo_lookup(NULL, 0));
    assert_null(LOOKUP("4"));
    assert_null(LOOKUP("00"));
    assert_null(LOOKUP("21"));
    assert_null(LOOKUP("0410"));
    assert_null(LOOKUP("04 "));
    assert_null(LOOKUP("2043"));
    assert_false(cameo_is_valid("999", 3));
    assert_false(cameo_is_valid("", 0));
    assert_true(cameo_is_valid("041", 3));
    /* a slice: only n bytes count */
    const cameo_code *c = cameo_lookup("0411", 3);
    assert_non_null(c);
    assert_string_equal(c->code, "041");
    assert_ptr_equal(cameo_lookup("041", 2), LOOKUP("04"));
}

static void cameo_at_is_sorted(void **state)
{
    size_t n = cameo_count();
    assert_true(n > 300);
    for (size_t i = 1; i < n; i++)
        if (strcmp(cameo_at(i - 1)->code, cameo_at(i)->code) >= 0)
            fail_msg("%s is not before %s", cameo_at(i - 1)->code,
                     cameo_at(i)->code);
    assert_null(cameo_at(n));
    /* every code can be found again, and its parents are codes */
    for (size_t i = 0; i < n; i++) {
        const cameo_code *c = cameo_at(i);
        assert_ptr_equal(LOOKUP(c->code), c);
        for (size_t len = strlen(c->code) - 1; len >= 2; len--)
            if (!cameo_is_valid(c->code, len))
                fail_msg("%s: parent %.*s is not a code", c->code, (int)len,
                         c->code);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_codebook_code_is_in_the_table),
        cmocka_unit_test(quad_class_follows_the_root),
        cmocka_unit_test(known_codes),
        cmocka_unit_test(unknown_codes),
        cmocka_unit_test(cameo_at_is_sorted),
    };
    return cmocka_run_group_tests_name("cameo", tests, NULL, NULL);
}
