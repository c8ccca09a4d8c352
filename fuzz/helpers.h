/*
** helpers.h -- shared by the libFuzzer targets in fuzz/: one context for
** the whole run, a private temporary folder for files whose name matters
** (dictionaries are told by their names, readers by their suffixes), and
** a small dictionary and two sentences to code with.  Each target
** includes this once.
*/
#ifndef WARTA_FUZZ_HELPERS_H
#define WARTA_FUZZ_HELPERS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "warta.h"

#define FUZZ_HELPER __attribute__((unused)) static

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One context for every run: opening one per input would cost more than
** the input.  Nothing an input does is kept in it but the message of the
** last error and the word memo, which a new dictionary empties. */
FUZZ_HELPER warta_ctx *fuzz_ctx_with(size_t max_doc_bytes)
{
    static warta_ctx *ctx;
    if (!ctx) {
        warta_config cfg = {.max_doc_bytes = max_doc_bytes};
        if (warta_open(&cfg, &ctx) != WARTA_OK)
            abort();
    }
    return ctx;
}

FUZZ_HELPER warta_ctx *fuzz_ctx(void)
{
    return fuzz_ctx_with(0);
}

/* Code one text and store it; a failure is no finding but a broken
** fixture: abort. */
FUZZ_HELPER void fuzz_store_text(warta_ctx *ctx, warta_store *st,
                                 const warta_dict *d, const warta_meta *meta,
                                 const char *text)
{
    warta_doc *doc;
    if (warta_doc_new(ctx, text, strlen(text), meta, &doc) != WARTA_OK ||
        warta_doc_code(ctx, doc, d) != WARTA_OK ||
        warta_store_add(st, doc, NULL) != WARTA_OK)
        abort();
    warta_doc_free(doc);
}

/* heads[i] is the head of word i + 1 (0: the root), as CoNLL-U numbers
** them: abort unless they make a tree (one root, every head in range, no
** cycle). */
FUZZ_HELPER void fuzz_check_tree(const int32_t *heads, size_t n)
{
    size_t roots = 0;
    for (size_t i = 0; i < n; i++) {
        if (heads[i] < 0 || heads[i] > (int32_t)n)
            abort();
        roots += heads[i] == 0;
    }
    if (n && roots != 1)
        abort();
    for (size_t i = 0; i < n; i++) {
        int32_t at = (int32_t)i + 1;
        for (size_t steps = 0; at != 0; steps++, at = heads[at - 1])
            if (steps > n)
                abort();
    }
}

/* ---- a private temporary folder, removed at exit ------------------------ */

static char fuzz_dir[512];

static void fuzz_remove_dir(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fuzz_dir);
    if (system(cmd) != 0)
        fprintf(stderr, "fuzz: cannot remove %s\n", fuzz_dir);
}

/* In $TMPDIR, else in /dev/shm: a file rewritten on every run costs a
** flush to disk on ext4 (rewriting a truncated file), not so in memory. */
FUZZ_HELPER const char *fuzz_tmpdir(void)
{
    if (!fuzz_dir[0]) {
        const char *tmp = getenv("TMPDIR");
        struct stat sb;
        if (!tmp || !*tmp)
            tmp = stat("/dev/shm", &sb) == 0 && S_ISDIR(sb.st_mode) &&
                  access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        snprintf(fuzz_dir, sizeof fuzz_dir, "%s/warta-fuzz-XXXXXX", tmp);
        if (!mkdtemp(fuzz_dir))
            abort();
        atexit(fuzz_remove_dir);
    }
    return fuzz_dir;
}

/* The path of name in the folder (a static buffer); folders on the way,
** as in "id/verbs.txt", are made. */
FUZZ_HELPER const char *fuzz_path(const char *name)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s", fuzz_tmpdir(), name);
    for (char *s = strchr(path + strlen(fuzz_dir) + 1, '/'); s;
         s = strchr(s + 1, '/')) {
        *s = '\0';
        mkdir(path, 0700);
        *s = '/';
    }
    return path;
}

/* Write data to name in the folder; returns its path (static buffer). */
FUZZ_HELPER const char *fuzz_write(const char *name, const void *data,
                                   size_t n)
{
    const char *path = fuzz_path(name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, n, f) != n || fclose(f) != 0)
        abort();
    return path;
}

/* ---- a small dictionary to code with --------------------------------------- */

/* Written once; a dictionary target loads these, then its fuzzed file on
** top, and codes fuzz_sentences, so matching and coding see what the
** fuzzed file added. */
static const char *const fuzz_base_files[][2] = {
    {"base/base.actors.txt",
     "RUSSIA_ [RUS]\n+RUSSIAN_FEDERATION_\n+MOSCOW_\n"
     "INDONESIA_ [IDN]\n+JAKARTA_\nMALAYSIA_ [MYS]\n"
     "SERGEY_LAVROV_\n+LAVROV_\n    [RUSGOV 20040309-]\n    [RUS]\n"},
    {"base/base.agents.txt",
     "!MINIST! = MINISTER, MENTERI\n"
     "FOREIGN_!MINIST! {FOREIGN_MINISTERS} [~GOV]\n"
     "!MINIST!_LUAR_NEGERI {} [~GOV]\nPOLICE {} [~COP]\n"},
    {"base/base.verbs.txt",
     "&CITY\n+MOSCOW\n+JAKARTA\n"
     "--- MEET [040] ---\nMEET {MEETS MET MEETING}\nTEMU\n"
     "- * $ IN &CITY [036]\n- * + FOR TALKS [046]\n"
     "--- CRITICIZE [111] ---\nCRITICIZE {CRITICIZES CRITICIZED}\nKECAM\n"
     "- * + OVER &CITY [112]\n"},
    {"base/grammar.txt",
     "AND: and, dan\nBY: by, oleh\nBE: was, were\nNOT: not, tidak\n"
     "SAY: said, mengatakan\nOF: of, dari\nPASSIVE: di-\n"
     "COUNTERPART: counterpart, mitranya\nBOTH: both sides, kedua pihak\n"},
};

static const char *const fuzz_sentences[][2] = {
    {"en", "Russian Foreign Minister Sergey Lavrov met Indonesia and "
           "Malaysia in Moscow on 7 August 2023. The police were criticized "
           "by Russia over Jakarta, both sides said."},
    {"id", "Menteri Luar Negeri Rusia Sergei Lavrov mengecam Indonesia dan "
           "Malaysia di Jakarta, Senin (7/8/2023), kata mitranya."},
};

/* Load the base dictionary into d; the paths are written on first use. */
FUZZ_HELPER void fuzz_load_base(warta_ctx *ctx, warta_dict *d)
{
    static char paths[4][1024];
    for (size_t i = 0; i < 4; i++) {
        if (!paths[i][0]) {
            const char *text = fuzz_base_files[i][1];
            snprintf(paths[i], sizeof paths[i], "%s",
                     fuzz_write(fuzz_base_files[i][0], text, strlen(text)));
        }
        if (warta_dict_load(ctx, d, paths[i]) != WARTA_OK) {
            fprintf(stderr, "fuzz: base dictionary: %s\n", warta_errmsg(ctx));
            abort();
        }
    }
}

/* Code the fixed sentences with d and write every event and actor, so a
** bad entry shows up in matching, coding and writing too. */
FUZZ_HELPER void fuzz_code_sentences(warta_ctx *ctx, const warta_dict *d)
{
    warta_buf buf = {0};
    for (size_t i = 0; i < sizeof fuzz_sentences / sizeof *fuzz_sentences; i++) {
        const char *text = fuzz_sentences[i][1];
        warta_meta meta = {.id = "fuzz", .date = "2023-08-08"};
        warta_code_opts opts = {.allow_monads = true, .list_actors = true};
        warta_doc *doc;
        if (warta_doc_new(ctx, text, strlen(text), &meta, &doc) != WARTA_OK)
            abort();
        if (warta_doc_process(ctx, doc, WARTA_STAGE_STEMS,
                              fuzz_sentences[i][0]) == WARTA_OK &&
            warta_doc_code_opts(ctx, doc, d, &opts) == WARTA_OK) {
            for (size_t k = 0; k < warta_doc_n_events(doc); k++)
                for (int fmt = WARTA_FORMAT_JSON; fmt <= WARTA_FORMAT_CSV; fmt++) {
                    buf.n = 0;
                    warta_write_event_as(ctx, doc, k, (warta_format)fmt,
                                         WARTA_WRITE_EXPLAIN, &buf);
                }
            for (size_t k = 0; k < warta_doc_n_actors(doc); k++) {
                buf.n = 0;
                warta_write_actor(ctx, doc, k, &buf);
            }
        }
        warta_doc_free(doc);
    }
    warta_buf_free(ctx, &buf);
}

/* Load the fuzzed bytes as dictionary file `name` on top of the base one,
** then code with the result. */
FUZZ_HELPER void fuzz_dict_file(const char *name, const uint8_t *data,
                                size_t size)
{
    warta_ctx *ctx = fuzz_ctx();
    warta_dict *d;
    const char *path = fuzz_write(name, data, size);
    if (warta_dict_new(ctx, &d) != WARTA_OK)
        abort();
    fuzz_load_base(ctx, d);
    warta_dict_load(ctx, d, path);
    warta_dict_stats st;
    warta_dict_get_stats(d, &st);
    warta_dict_covers(d, "040");
    fuzz_code_sentences(ctx, d);
    warta_dict_free(d);
}

#endif
