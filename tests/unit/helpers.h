/*
** helpers.h -- shared by the unit tests: run the pipeline on a text and
** look at what came out.  Each test file includes this once.
*/
#ifndef WARTA_TEST_HELPERS_H
#define WARTA_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "warta.h"
#include "warta_int.h"

static warta_ctx *test_ctx;

#define TEST_HELPER __attribute__((unused)) static

TEST_HELPER int open_ctx(void **state)
{
    (void)state;
    return warta_open(NULL, &test_ctx) == WARTA_OK ? 0 : -1;
}

TEST_HELPER int close_ctx(void **state)
{
    (void)state;
    warta_close(test_ctx);
    test_ctx = NULL;
    return 0;
}

/* The Indonesian and English packs, for the tests that code with them:
** load_packs and free_packs are their group's setup and teardown. */
static warta_dict *test_packs __attribute__((unused));

TEST_HELPER int load_packs(void **state)
{
    (void)state;
    warta_config cfg = {.gazetteer = "build/gen/gazetteer.bin"};
    if (warta_open(&cfg, &test_ctx) != WARTA_OK ||
        warta_dict_new(test_ctx, &test_packs) != WARTA_OK)
        return -1;
    if (warta_dict_load(test_ctx, test_packs, "data/packs/id") != WARTA_OK ||
        warta_dict_load(test_ctx, test_packs, "data/packs/en") != WARTA_OK) {
        fprintf(stderr, "packs: %s\n", warta_errmsg(test_ctx));
        return -1;
    }
    return 0;
}

TEST_HELPER int free_packs(void **state)
{
    warta_dict_free(test_packs);
    test_packs = NULL;
    return close_ctx(state);
}

/* Run the pipeline to `last` on text (with an optional title and forced
** language); the test frees the document. */
TEST_HELPER warta_doc *process_full(const char *text, const char *title,
                               const char *lang, warta_stage last)
{
    warta_meta meta = {.id = "t", .title = title};
    warta_doc *doc = NULL;
    assert_int_equal(warta_doc_new(test_ctx, text, strlen(text), &meta, &doc),
                     WARTA_OK);
    assert_int_equal(warta_doc_process(test_ctx, doc, last, lang), WARTA_OK);
    return doc;
}

TEST_HELPER warta_doc *process(const char *text, warta_stage last)
{
    return process_full(text, NULL, "id", last);
}

/* Sentence i's clean text as a NUL-terminated string (static buffer). */
TEST_HELPER const char *sentence_text(const warta_doc *doc, size_t i)
{
    static char buf[4096];
    const warta_sentence *s = warta_doc_sentence(doc, i);
    assert_non_null(s);
    snprintf(buf, sizeof buf, "%.*s", (int)s->text.n, s->text.p);
    return buf;
}

/* The original bytes a span covers, as a string (static buffer). */
TEST_HELPER const char *span_text(const char *orig, size_t start, size_t end)
{
    static char buf[4096];
    assert_true(start <= end);
    snprintf(buf, sizeof buf, "%.*s", (int)(end - start), orig + start);
    return buf;
}

/* A document made from text and meta, run through the pipeline and coded
** with dict; the test frees it. */
TEST_HELPER warta_doc *code_doc(const warta_dict *dict, const char *text,
                                const warta_meta *meta, const char *lang)
{
    warta_doc *doc;
    assert_int_equal(warta_doc_new(test_ctx, text, strlen(text), meta, &doc),
                     WARTA_OK);
    assert_int_equal(warta_doc_process(test_ctx, doc, WARTA_STAGE_STEMS, lang),
                     WARTA_OK);
    assert_int_equal(warta_doc_code(test_ctx, doc, dict), WARTA_OK);
    return doc;
}

/* Code text with dict and return its events as "SRC CODE TGT; ..."
** (static buffer). */
TEST_HELPER const char *code_text(const warta_dict *dict, const char *text,
                                  const char *lang, const char *date)
{
    static char out[2048];
    warta_meta meta = {.id = "t", .date = date};
    warta_doc *doc = code_doc(dict, text, &meta, lang);
    out[0] = '\0';
    for (size_t i = 0; i < warta_doc_n_events(doc); i++) {
        const warta_event *e = warta_doc_event(doc, i);
        char one[128];
        snprintf(one, sizeof one, "%s%s %s %s", i ? "; " : "", e->source.code,
                 e->code, e->target.code);
        strncat(out, one, sizeof out - strlen(out) - 1);
    }
    warta_doc_free(doc);
    return out;
}

/* unit repeated as many whole times as fit in `bytes`, NUL-terminated;
** *n_units gets the count, *n the length.  The test frees it. */
TEST_HELPER char *repeat_text(const char *unit, size_t bytes, size_t *n_units,
                              size_t *n)
{
    size_t len = strlen(unit);
    *n_units = bytes / len;
    *n = *n_units * len;
    char *text = malloc(*n + 1);
    assert_non_null(text);
    for (size_t i = 0; i < *n_units; i++)
        memcpy(text + i * len, unit, len);
    text[*n] = '\0';
    return text;
}

/* ---- a small dictionary written by the test ----------------------------- */

static char test_dir[256];          /* a temporary folder for the test's files */

/* Write text to test_dir/name. */
TEST_HELPER void write_test_file(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", test_dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

typedef struct test_dict_files {
    const char *actors, *agents, *verbs;    /* NULL: not written */
    const char *grammars[3];                /* pack grammar files to load */
} test_dict_files;

/* Open the context (unless the test opened one with its own settings),
** make test_dir (named for tag), write the files and load them; NULL
** (with a message) on failure. */
TEST_HELPER warta_dict *test_dict_setup(void **state, const char *tag,
                                        const test_dict_files *files)
{
    snprintf(test_dir, sizeof test_dir, "/tmp/warta-test-%s-XXXXXX", tag);
    if (!mkdtemp(test_dir) || (!test_ctx && open_ctx(state) != 0))
        return NULL;
    const char *names[] = {"test.actors.txt", "test.agents.txt",
                           "test.verbs.txt"};
    const char *texts[] = {files->actors, files->agents, files->verbs};
    for (int i = 0; i < 3; i++)
        if (texts[i])
            write_test_file(names[i], texts[i]);
    warta_dict *d = NULL;
    bool ok = warta_dict_new(test_ctx, &d) == WARTA_OK &&
              warta_dict_load(test_ctx, d, test_dir) == WARTA_OK;
    for (int i = 0; ok && i < 3 && files->grammars[i]; i++)
        ok = warta_dict_load(test_ctx, d, files->grammars[i]) == WARTA_OK;
    if (!ok) {
        fprintf(stderr, "setup: %s\n", warta_errmsg(test_ctx));
        warta_dict_free(d);
        return NULL;
    }
    return d;
}

/* Remove test_dir, free the dictionary, close the context. */
TEST_HELPER int test_dict_teardown(void **state, warta_dict *d)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", test_dir);
    int rc = system(cmd);
    warta_dict_free(d);
    close_ctx(state);
    return rc == 0 ? 0 : -1;
}

#define assert_sentence(doc, i, expected)                                  \
    assert_string_equal(sentence_text((doc), (i)), (expected))

#endif
