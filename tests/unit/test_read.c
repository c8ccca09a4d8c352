/*
** test_read.c -- readers: plain text, JSONL (plain, gzip, zstd), folders
** and bad input.  A bad article is reported with its place and skipped;
** the others are still read.  Also: every allocation failing in turn.
*/
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "helpers.h"

static char dir[256];

static int make_dir(void **state)
{
    snprintf(dir, sizeof dir, "/tmp/warta-test-read-XXXXXX");
    assert_non_null(mkdtemp(dir));
    return open_ctx(state);
}

static int remove_dir(void **state)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    return close_ctx(state);
}

static const char *path_of(const char *name)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

static void write_file(const char *name, const char *data, size_t n)
{
    FILE *f = fopen(path_of(name), "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

/* What reading a path gives: ids of the articles read, and how many were
** skipped, with the last message. */
typedef struct outcome {
    char ids[1024];
    int n_ok, n_skipped;
    char last_error[1024];
} outcome;

static outcome read_all(const char *path)
{
    outcome o = {0};
    warta_reader *rd;
    warta_read_opts opts = {.date = "2024-01-02"};
    if (warta_reader_open(test_ctx, path, &opts, &rd) != WARTA_OK) {
        o.n_skipped = 1;
        snprintf(o.last_error, sizeof o.last_error, "%s",
                 warta_errmsg(test_ctx));
        return o;
    }
    warta_status rc;
    warta_doc *doc;
    while ((rc = warta_reader_next(rd, &doc)) != WARTA_DONE) {
        if (rc != WARTA_OK) {
            o.n_skipped++;
            snprintf(o.last_error, sizeof o.last_error, "%s",
                     warta_errmsg(test_ctx));
            continue;
        }
        o.n_ok++;
        strcat(o.ids, warta_doc_meta(doc)->id);
        strcat(o.ids, " ");
        warta_doc_free(doc);
    }
    warta_reader_close(rd);
    return o;
}

static const char jsonl[] =
    "{\"id\":\"a\",\"date\":\"2024-01-01\",\"text\":\"Satu. Dua.\"}\n"
    "{\"id\":\"b\", oops\n"
    "{\"id\":\"c\",\"title\":\"no text\"}\n"
    "\n"
    "{\"id\":\"d\",\"text\":\"bad \xff byte\"}\n"
    "[1,2]\n"
    "{\"id\":\"e\",\"text\":\"   \"}\n"
    "{\"id\":7,\"text\":\"Tujuh.\"}\n"
    "{\"text\":\"Tanpa id.\"}";      /* no newline at the end */

static void jsonl_skips_bad_lines_and_names_them(void **state)
{
    write_file("a.jsonl", jsonl, strlen(jsonl));
    outcome o = read_all(path_of("a.jsonl"));
    assert_string_equal(o.ids, "a 7 line-9 ");
    assert_int_equal(o.n_skipped, 5);
    /* messages name the file and the line */
    warta_reader *rd;
    warta_doc *doc;
    assert_int_equal(warta_reader_open(test_ctx, path_of("a.jsonl"), NULL, &rd),
                     WARTA_OK);
    assert_int_equal(warta_reader_next(rd, &doc), WARTA_OK);
    warta_doc_free(doc);
    assert_int_equal(warta_reader_next(rd, &doc), WARTA_EDATA);
    assert_non_null(strstr(warta_errmsg(test_ctx), "a.jsonl:2: not JSON"));
    assert_int_equal(warta_reader_next(rd, &doc), WARTA_EDATA);
    assert_non_null(strstr(warta_errmsg(test_ctx), "a.jsonl:3: no \"text\""));
    assert_int_equal(warta_reader_next(rd, &doc), WARTA_EDATA);
    assert_non_null(strstr(warta_errmsg(test_ctx), "a.jsonl:5:"));
    warta_reader_close(rd);
}

static void jsonl_metadata_is_kept(void **state)
{
    const char *line = "{\"id\":\"x\",\"date\":\"2023-08-08\",\"lang\":\"id\","
                       "\"url\":\"https://e.org/x\",\"title\":\"Judul\","
                       "\"source\":\"Kompas\",\"text\":\"Isi.\"}\n";
    write_file("m.jsonl", line, strlen(line));
    warta_reader *rd;
    warta_doc *doc;
    assert_int_equal(warta_reader_open(test_ctx, path_of("m.jsonl"), NULL, &rd),
                     WARTA_OK);
    assert_int_equal(warta_reader_next(rd, &doc), WARTA_OK);
    const warta_meta *m = warta_doc_meta(doc);
    assert_string_equal(m->id, "x");
    assert_string_equal(m->date, "2023-08-08");
    assert_string_equal(m->lang, "id");
    assert_string_equal(m->url, "https://e.org/x");
    assert_string_equal(m->title, "Judul");
    assert_string_equal(m->source, "Kompas");
    size_t line_no;
    assert_non_null(strstr(warta_doc_origin(doc, &line_no), "m.jsonl"));
    assert_int_equal(line_no, 1);
    warta_doc_free(doc);
    assert_int_equal(warta_reader_next(rd, &doc), WARTA_DONE);
    warta_reader_close(rd);
}

static void text_files_bad_bytes_are_located(void **state)
{
    write_file("nul.txt", "Satu.\0Dua.", 10);
    outcome o = read_all(path_of("nul.txt"));
    assert_int_equal(o.n_ok, 0);
    assert_non_null(strstr(o.last_error, "nul.txt: text: NUL byte at byte 5"));
    write_file("bad.txt", "Sat\xc3u.", 6);
    o = read_all(path_of("bad.txt"));
    assert_non_null(strstr(o.last_error, "invalid UTF-8 at byte 3"));
    write_file("empty.txt", "", 0);
    o = read_all(path_of("empty.txt"));
    assert_int_equal(o.n_skipped, 1);
    assert_non_null(strstr(o.last_error, "empty article"));
    o = read_all(path_of("missing.txt"));
    assert_int_equal(o.n_skipped, 1);
    assert_non_null(strstr(o.last_error, "missing.txt"));
}

/* A file whose name does not say its format is sniffed; a short one (less
** than the sniffing read) must still be read whole. */
static void short_sniffed_file_is_read(void **state)
{
    write_file("short.text", "Satu. Dua.", 10);
    outcome o = read_all(path_of("short.text"));
    assert_int_equal(o.n_ok, 1);
    assert_string_equal(o.ids, "short.text ");
    const char *one = "{\"id\":\"j\",\"text\":\"A.\"}";
    write_file("one.text", one, strlen(one));
    assert_string_equal(read_all(path_of("one.text")).ids, "j ");
}

static void text_file_gets_id_and_date(void **state)
{
    write_file("berita-1.txt", "Isi berita.", 11);
    warta_reader *rd;
    warta_doc *doc;
    warta_read_opts opts = {.date = "2023-08-08", .lang = "id"};
    assert_int_equal(
        warta_reader_open(test_ctx, path_of("berita-1.txt"), &opts, &rd),
        WARTA_OK);
    assert_int_equal(warta_reader_next(rd, &doc), WARTA_OK);
    assert_string_equal(warta_doc_meta(doc)->id, "berita-1");
    assert_string_equal(warta_doc_meta(doc)->date, "2023-08-08");
    warta_doc_free(doc);
    warta_reader_close(rd);
}

static void oversized_article_is_skipped(void **state)
{
    warta_config cfg = {.max_doc_bytes = 64};
    warta_ctx *small;
    assert_int_equal(warta_open(&cfg, &small), WARTA_OK);
    char big[200];
    memset(big, 'a', sizeof big);
    write_file("big.txt", big, sizeof big);
    char lines[600];
    int n = snprintf(lines, sizeof lines,
                     "{\"id\":\"big\",\"text\":\"%.*s\"}\n"
                     "{\"id\":\"ok\",\"text\":\"Kecil.\"}\n", 190, big);
    write_file("big.jsonl", lines, (size_t)n);
    warta_reader *rd;
    warta_doc *doc;
    assert_int_equal(warta_reader_open(small, path_of("big.txt"), NULL, &rd),
                     WARTA_OK);
    assert_int_equal(warta_reader_next(rd, &doc), WARTA_EDATA);
    assert_non_null(strstr(warta_errmsg(small), "over the limit"));
    assert_int_equal(warta_reader_next(rd, &doc), WARTA_DONE);
    warta_reader_close(rd);
    assert_int_equal(warta_reader_open(small, path_of("big.jsonl"), NULL, &rd),
                     WARTA_OK);
    assert_int_equal(warta_reader_next(rd, &doc), WARTA_EDATA);
    assert_non_null(strstr(warta_errmsg(small), "big.jsonl:1:"));
    assert_int_equal(warta_reader_next(rd, &doc), WARTA_OK);
    assert_string_equal(warta_doc_meta(doc)->id, "ok");
    warta_doc_free(doc);
    warta_reader_close(rd);
    warta_close(small);
}

static void compressed_jsonl(void **state)
{
    const char *data = "{\"id\":\"g1\",\"text\":\"Satu.\"}\n"
                       "{\"id\":\"g2\",\"text\":\"Dua.\"}\n";
    gzFile gz = gzopen(path_of("c.jsonl.gz"), "wb");
    assert_non_null(gz);
    assert_int_equal(gzwrite(gz, data, (unsigned)strlen(data)), strlen(data));
    gzclose(gz);
    char zbuf[512];
    size_t zn = ZSTD_compress(zbuf, sizeof zbuf, data, strlen(data), 3);
    assert_false(ZSTD_isError(zn));
    write_file("c.jsonl.zst", zbuf, zn);
    assert_string_equal(read_all(path_of("c.jsonl.gz")).ids, "g1 g2 ");
    assert_string_equal(read_all(path_of("c.jsonl.zst")).ids, "g1 g2 ");
    /* cut in the middle: what came before is read, then an error */
    write_file("cut.jsonl.zst", zbuf, zn - 6);
    outcome o = read_all(path_of("cut.jsonl.zst"));
    assert_int_equal(o.n_skipped, 1);
    assert_non_null(strstr(o.last_error, "cut.jsonl.zst"));
}

static void truncated_gzip_keeps_what_came_before(void **state)
{
    char data[40000];
    size_t n = 0;
    for (int i = 0; n + 64 < sizeof data; i++)
        n += (size_t)snprintf(data + n, sizeof data - n,
                              "{\"id\":\"%d\",\"text\":\"Kalimat %d.\"}\n", i, i * 7919);
    gzFile gz = gzopen(path_of("t.jsonl.gz"), "wb");
    gzwrite(gz, data, (unsigned)n);
    gzclose(gz);
    FILE *f = fopen(path_of("t.jsonl.gz"), "rb");
    char buf[40000];
    size_t got = fread(buf, 1, sizeof buf, f);
    fclose(f);
    write_file("t.jsonl.gz", buf, got / 2);
    outcome o = read_all(path_of("t.jsonl.gz"));
    assert_true(o.n_ok > 10);
    assert_true(o.n_skipped >= 1);
    assert_non_null(strstr(o.last_error, "t.jsonl.gz"));
}

static void directories_are_walked_in_order_and_loops_cut(void **state)
{
    char sub[512];
    snprintf(sub, sizeof sub, "%s/tree/b", dir);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "mkdir -p %s && ln -s .. %s/loop", sub, sub);
    assert_int_equal(system(cmd), 0);
    write_file("tree/b/2.txt", "Dua.", 4);
    write_file("tree/1.txt", "Satu.", 5);
    write_file("tree/notes.md", "# not an article", 16);
    const char *tiga = "{\"id\":\"tiga\",\"text\":\"Tiga.\"}\n";
    write_file("tree/b/3.jsonl", tiga, strlen(tiga));
    outcome o = read_all(path_of("tree"));
    if (o.n_skipped)
        fail_msg("skipped: %s", o.last_error);
    assert_string_equal(o.ids, "1 2 tiga ");
}

/* ---- every allocation failing in turn ----------------------------------- */

typedef struct failing {
    long countdown;             /* fail when it reaches 0 */
    long live;                  /* blocks not yet freed */
} failing;

static void *failing_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    failing *f = ud;
    (void)osize;
    if (nsize == 0) {
        if (ptr)
            f->live--;
        free(ptr);
        return NULL;
    }
    if (f->countdown-- == 0)
        return NULL;
    void *p = realloc(ptr, nsize);
    if (p && !ptr)
        f->live++;
    return p;
}

static void out_of_memory_is_reported_not_fatal(void **state)
{
    const char *text = "Menteri \u201cmengecam\u201d serangan. "
                       "| Foto. (Sumber: X) |\nKedua pihak sepakat.";
    bool succeeded = false;
    for (long n = 0; n < 2000 && !succeeded; n++) {
        failing f = {.countdown = n};
        warta_config cfg = {.alloc = failing_alloc, .alloc_ud = &f};
        warta_ctx *ctx;
        warta_status rc = warta_open(&cfg, &ctx);
        if (rc == WARTA_OK) {
            warta_doc *doc;
            rc = warta_doc_new(ctx, text, strlen(text), NULL, &doc);
            if (rc == WARTA_OK) {
                rc = warta_doc_process(ctx, doc, WARTA_STAGE_STEMS, "id");
                succeeded = rc == WARTA_OK;
                warta_doc_free(doc);
            }
            warta_close(ctx);
        }
        assert_true(rc == WARTA_OK || rc == WARTA_ENOMEM);
        assert_int_equal(f.live, 0);
    }
    assert_true(succeeded);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jsonl_skips_bad_lines_and_names_them),
        cmocka_unit_test(jsonl_metadata_is_kept),
        cmocka_unit_test(text_files_bad_bytes_are_located),
        cmocka_unit_test(text_file_gets_id_and_date),
        cmocka_unit_test(short_sniffed_file_is_read),
        cmocka_unit_test(oversized_article_is_skipped),
        cmocka_unit_test(compressed_jsonl),
        cmocka_unit_test(truncated_gzip_keeps_what_came_before),
        cmocka_unit_test(directories_are_walked_in_order_and_loops_cut),
        cmocka_unit_test(out_of_memory_is_reported_not_fatal),
    };
    return cmocka_run_group_tests_name("read", tests, make_dir, remove_dir);
}
