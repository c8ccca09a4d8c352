/*
** models.c -- the syntax models of a command: the files given with
** --model, else every data/models/<lang>.model (found the way the
** language packs are), each put to use for its language.
*/
#include <dirent.h>
#include <limits.h>
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

static bool load_one(warta_ctx *ctx, model_list *l, const char *path)
{
    warta_model *m;
    if (warta_model_load(ctx, path, &m) != WARTA_OK) {
        const char *why = warta_errmsg(ctx);
        cli_error("%s", *why ? why : path);
        return false;
    }
    l->loaded[l->n_loaded++] = m;
    return true;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every <lang>.model in the data folder's models/, in name order. */
static bool load_default(warta_ctx *ctx, model_list *l)
{
    char dir[PATH_MAX], path[PATH_MAX + 300], *names[CLI_MAX_MODELS];
    size_t n = 0;
    cli_data_dir(dir, sizeof dir);
    strncat(dir, "/models", sizeof dir - strlen(dir) - 1);
    DIR *dh = opendir(dir);
    struct dirent *de;
    while (dh && (de = readdir(dh)) && n < CLI_MAX_MODELS) {
        size_t len = strlen(de->d_name);
        if (len > 6 && strcmp(de->d_name + len - 6, ".model") == 0 &&
            de->d_name[0] != '.')
            names[n++] = strdup(de->d_name);
    }
    if (dh)
        closedir(dh);
    qsort(names, n, sizeof *names, by_name);
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        if (ok && !names[i]) {
            cli_error("out of memory");
            ok = false;
        } else if (ok) {
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            ok = load_one(ctx, l, path);
        }
        free(names[i]);
    }
    if (ok && n == 0)
        cli_data_missing("syntax models (<lang>.model; `make models` "
                         "builds them)", dir);
    return ok;
}

bool cli_load_models(warta_ctx *ctx, model_list *l)
{
    bool ok = true;
    for (int i = 0; ok && i < l->n_paths; i++)
        ok = load_one(ctx, l, l->paths[i]);
    if (ok && l->n_paths == 0)
        ok = load_default(ctx, l);
    return ok && cli_use_models(ctx, l);
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
    for (int i = 0; i < l->n_loaded; i++)
        warta_model_free(l->loaded[i]);
    l->n_loaded = 0;
}
