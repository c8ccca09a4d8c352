/*
** inputs.c -- the loop every document command shares: open each input,
** read its articles, hand each to the command's function, report and
** count what is skipped, and keep the progress line up to date.
*/
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void cli_skip(skip_log *s, const char *fmt, ...)
{
    if (s->n++ < CLI_SHOWN_SKIPS) {
        va_list ap;
        va_start(ap, fmt);
        char msg[1024];
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
        cli_error("%s", msg);
    } else if (s->n == CLI_SHOWN_SKIPS + 1) {
        cli_error("%s: more than %d articles skipped; the rest are counted, "
                  "not shown", s->input, CLI_SHOWN_SKIPS);
    }
}

void cli_skips_end(const skip_log *s)
{
    if (s->n > CLI_SHOWN_SKIPS)
        cli_error("%s: %zu articles skipped, %zu of them not shown",
                  s->input, s->n, s->n - CLI_SHOWN_SKIPS);
}

static void run_one(warta_ctx *ctx, const char *path, const run_spec *spec,
                    run_totals *t)
{
    skip_log skips = {.input = path};
    warta_reader *rd;
    if (warta_reader_open(ctx, path, spec->read_opts, &rd) != WARTA_OK) {
        cli_error("%s", warta_errmsg(ctx));
        t->skipped++;
        return;
    }
    warta_status rc;
    warta_doc *doc;
    while ((rc = warta_reader_next(rd, &doc)) != WARTA_DONE) {
        if (rc != WARTA_OK) {
            cli_skip(&skips, "%s", warta_errmsg(ctx));
            t->skipped++;
            continue;
        }
        uint64_t items = 0;
        if (spec->fn(ctx, doc, spec->ud, &items) != WARTA_OK) {
            cli_skip(&skips, "%s: %s, skipped", warta_doc_meta(doc)->id,
                     warta_errmsg(ctx));
            t->skipped++;
        } else {
            t->docs++;
            t->items += items;
        }
        uint64_t done, total;
        warta_reader_progress(rd, &done, &total);
        progress_update(spec->progress, t->docs, t->items, t->bytes + done,
                        t->bytes + total);
        warta_doc_free(doc);
    }
    uint64_t done, total;
    warta_reader_progress(rd, &done, &total);
    t->bytes += done;
    warta_reader_close(rd);
    cli_skips_end(&skips);
}

void cli_run_inputs(warta_ctx *ctx, char **inputs, int n_inputs,
                    const run_spec *spec, run_totals *t)
{
    static char *stdin_only[] = {"-"};
    if (n_inputs == 0) {
        inputs = stdin_only;
        n_inputs = 1;
    }
    for (int i = 0; i < n_inputs; i++)
        run_one(ctx, inputs[i], spec, t);
    progress_end(spec->progress);
    fflush(stdout);
}

/* path, shortened for people: relative to the current directory when it
** lies below it ("data/packs/en/verbs.txt:12" in explanations, not
** "/home/.../build/rel/../../data/..."). */
static void shorten_path(char *path, size_t n)
{
    char real[PATH_MAX], cwd[PATH_MAX];
    if (!realpath(path, real) || !getcwd(cwd, sizeof cwd))
        return;
    size_t len = strlen(cwd);
    if (strncmp(real, cwd, len) == 0 && real[len] == '/')
        snprintf(path, n, "%s", real + len + 1);
    else
        snprintf(path, n, "%s", real);
}

/* Is dir a source tree's data/?  It holds cameo.tsv, which is compiled
** in and not installed. */
static bool is_source_data(const char *dir)
{
    char marker[PATH_MAX + 16];
    snprintf(marker, sizeof marker, "%s/cameo.tsv", dir);
    return access(marker, R_OK) == 0;
}

/* A source tree's data/ when the binary is one built there: ./warta, or
** two levels below, build/rel/warta; false for an installed one. */
static bool source_data_dir(char *out, size_t n)
{
    char exe[PATH_MAX - 32];
    ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (k <= 0)
        return false;
    exe[k] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return false;
    *slash = '\0';
    static const char *const layouts[] = {"%s/data", "%s/../../data"};
    for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++) {
        snprintf(out, n, layouts[i], exe);
        if (is_source_data(out))
            return true;
    }
    return false;
}

void cli_find_data_dir(char *out, size_t n)
{
    const char *env = getenv("WARTA_DATA");
    if (env && *env)
        snprintf(out, n, "%s", env);
    else if (!source_data_dir(out, n))
        snprintf(out, n, "%s", warta_data_dir());
}

void cli_data_dir(char *out, size_t n)
{
    cli_find_data_dir(out, n);
    shorten_path(out, n);
}

void cli_data_missing(const char *what, const char *path)
{
    char dir[PATH_MAX];
    cli_find_data_dir(dir, sizeof dir);
    cli_error("no %s at %s: warta's data directory is %s; set WARTA_DATA "
              "to the one that holds packs/, models/ and gazetteer.bin",
              what, path, dir);
}

/* The gazetteer: $WARTA_GAZETTEER, else gazetteer.bin in the data
** directory (installed), else, for a source tree's data/, the one `make`
** builds in its build/gen/. */
static void gazetteer_path(char *out, size_t n)
{
    const char *env = getenv("WARTA_GAZETTEER");
    if (env && *env) {
        snprintf(out, n, "%s", env);
        return;
    }
    char data[PATH_MAX];
    cli_data_dir(data, sizeof data);
    snprintf(out, n, "%s/gazetteer.bin", data);
    if (access(out, R_OK) != 0 && is_source_data(data))
        snprintf(out, n, "%s/../build/gen/gazetteer.bin", data);
}

warta_config cli_config(void)
{
    static char gazetteer[PATH_MAX + 32];
    if (!gazetteer[0])
        gazetteer_path(gazetteer, sizeof gazetteer);
    return (warta_config){.log = cli_log, .gazetteer = gazetteer};
}

warta_dict *cli_load_dict_files(warta_ctx *ctx, const char *const *paths,
                                size_t n)
{
    warta_dict *d;
    if (warta_dict_new(ctx, &d) != WARTA_OK) {
        cli_error("cannot make a dictionary: %s", warta_errmsg(ctx));
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        warta_status rc = warta_dict_load(ctx, d, paths[i]);
        if (rc != WARTA_OK && rc != WARTA_EPARSE) {
            const char *why = warta_errmsg(ctx);    /* names the file */
            if (*why)
                cli_error("%s", why);
            else
                cli_error("%s: %s", paths[i], warta_strstatus(rc));
            warta_dict_free(d);
            return NULL;
        }
    }
    return d;
}

warta_dict *cli_load_dicts(warta_ctx *ctx, const dict_list *given)
{
    if (given->n)
        return cli_load_dict_files(ctx, given->paths, (size_t)given->n);
    char dir[PATH_MAX], en[PATH_MAX + 16], id[PATH_MAX + 16];
    cli_data_dir(dir, sizeof dir);
    snprintf(en, sizeof en, "%s/packs/en", dir);
    snprintf(id, sizeof id, "%s/packs/id", dir);
    const char *packs[] = {en, id};
    for (size_t i = 0; i < 2; i++)
        if (access(packs[i], R_OK) != 0) {
            cli_data_missing("language pack", packs[i]);
            return NULL;
        }
    return cli_load_dict_files(ctx, packs, 2);
}

bool dict_list_add(dict_list *l, const char *path)
{
    if (l->n == CLI_MAX_DICTS) {
        cli_error("at most %d dictionaries", CLI_MAX_DICTS);
        return false;
    }
    l->paths[l->n++] = path;
    return true;
}
