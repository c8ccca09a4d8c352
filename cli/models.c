/*
** models.c -- the syntax models of a command: the files given with
** --model, else every data/models/<lang>.model (found the way the
** language packs are), each put to use for its language.
*/
#include <dirent.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_model_path(const char *lang, char *out, size_t n)
{
    char dir[PATH_MAX];
    cli_data_dir(dir, sizeof dir);
    snprintf(out, n, "%s/models/%s.model", dir, lang);
}

/* Models load on threads of their own, each into a context of its own
** (the one a model is loaded with must outlive it), while the command's
** thread reads its dictionaries: the English model, the Indonesian one
** and the packs each take 40-120 ms, and on two cores they overlap (a
** one-article `warta code` took 149 ms instead of 184).  Each load keeps
** its message, said in model order once all are done. */
typedef struct model_load {
    char *path;
    pthread_t thread;
    bool started;
    warta_ctx *ctx;
    warta_model *model;             /* NULL when it failed */
    char why[512];
} model_load;

static void *load_main(void *arg)
{
    model_load *ld = arg;
    warta_config cfg = cli_config();
    if (warta_open(&cfg, &ld->ctx) != WARTA_OK) {
        snprintf(ld->why, sizeof ld->why, "%s: out of memory", ld->path);
        return NULL;
    }
    if (warta_model_load(ld->ctx, ld->path, &ld->model) != WARTA_OK) {
        const char *why = warta_errmsg(ld->ctx);
        snprintf(ld->why, sizeof ld->why, "%s", *why ? why : ld->path);
        ld->model = NULL;
    }
    return NULL;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every <lang>.model in the data folder's models/, in name order, into
** l's loads; false (with a message) when there is none. */
static bool find_default(model_list *l)
{
    char dir[PATH_MAX], *names[CLI_MAX_MODELS];
    size_t n = 0;
    cli_data_dir(dir, sizeof dir);
    strncat(dir, "/models", sizeof dir - strlen(dir) - 1);
    DIR *dh = opendir(dir);
    struct dirent *de;
    while (dh && (de = readdir(dh)) && n < CLI_MAX_MODELS) {
        size_t len = strlen(de->d_name);
        if (len > 6 && strcmp(de->d_name + len - 6, ".model") == 0 &&
            de->d_name[0] != '.')
            names[n++] = de->d_name;
    }
    if (n == 0) {
        cli_data_missing("syntax models (<lang>.model; `make models` "
                         "builds them)", dir);
        if (dh)
            closedir(dh);
        return false;
    }
    qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        char path[PATH_MAX + 300];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        l->loads[l->n_loads++].path = strdup(path);
    }
    closedir(dh);
    return true;
}

bool cli_start_models(model_list *l)
{
    if (l->loads)
        return !l->none_found;
    l->loads = calloc(CLI_MAX_MODELS, sizeof *l->loads);
    if (!l->loads) {
        cli_error("out of memory");
        return false;
    }
    for (int i = 0; i < l->n_paths; i++)
        l->loads[l->n_loads++].path = strdup(l->paths[i]);
    if (l->n_paths == 0 && !find_default(l)) {
        l->none_found = true;       /* said once */
        return false;
    }
    for (int i = 0; i < l->n_loads; i++) {
        model_load *ld = &l->loads[i];
        if (!ld->path) {
            snprintf(ld->why, sizeof ld->why, "out of memory");
            continue;
        }
        ld->started = pthread_create(&ld->thread, NULL, load_main, ld) == 0;
        if (!ld->started)           /* no thread: load it here */
            load_main(ld);
    }
    return true;
}

/* Wait for every load; false (with each failure's message, in model
** order) when one failed. */
static bool finish_loads(model_list *l)
{
    bool ok = true;
    for (int i = 0; i < l->n_loads; i++) {
        model_load *ld = &l->loads[i];
        if (ld->started)
            pthread_join(ld->thread, NULL);
        ld->started = false;
        if (ld->model && l->n_loaded < CLI_MAX_MODELS) {
            l->loaded[l->n_loaded++] = ld->model;
        } else if (!ld->model) {
            cli_error("%s", ld->why);
            ok = false;
        }
    }
    return ok;
}

bool cli_load_models(warta_ctx *ctx, model_list *l)
{
    if (!cli_start_models(l))
        return false;
    if (l->n_loaded == 0 && !finish_loads(l))
        return false;
    return cli_use_models(ctx, l);
}

/* The model loaded for lang, or NULL. */
static const warta_model *model_for(const model_list *l, const char *lang)
{
    for (int i = 0; i < l->n_loaded; i++)
        if (strcmp(warta_model_lang(l->loaded[i]), lang) == 0)
            return l->loaded[i];
    return NULL;
}

bool cli_use_models(warta_ctx *ctx, const model_list *l)
{
    bool ok = true;
    for (int i = 0; ok && i < l->n_loaded; i++)
        ok = warta_use_model(ctx, NULL, l->loaded[i]) == WARTA_OK;
    /* Malay is parsed with the Indonesian model when it has none. */
    for (size_t i = 0; ok && i < cli_n_served; i++) {
        const warta_model *by = model_for(l, cli_served[i].by);
        if (by && !model_for(l, cli_served[i].lang))
            ok = warta_use_model(ctx, cli_served[i].lang, by) == WARTA_OK;
    }
    if (!ok)
        cli_error("%s", warta_errmsg(ctx));
    return ok;
}

void cli_free_models(model_list *l)
{
    for (int i = 0; l->loads && i < l->n_loads; i++) {
        model_load *ld = &l->loads[i];
        if (ld->started)
            pthread_join(ld->thread, NULL);
        warta_model_free(ld->model);
        warta_close(ld->ctx);
        free(ld->path);
    }
    free(l->loads);
    l->loads = NULL;
    l->n_loads = l->n_loaded = 0;
    l->none_found = false;
}
