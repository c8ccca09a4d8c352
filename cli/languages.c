/*
** languages.c -- the languages warta can code or parse: one for each
** language pack (packs/<lang>/) and syntax model (models/<lang>.model) of
** the data folder, and Malay, which the Indonesian pack and model serve
** (the library matches the Indonesian pack on Malay sentences).  Read
** once; the server's threads share the list.
*/
#include <dirent.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const served_language cli_served[] = {{"ms", "id"}};
const size_t cli_n_served = sizeof cli_served / sizeof cli_served[0];

static char found[CLI_MAX_LANGUAGES][4];
static size_t n_found;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void add(const char *lang, size_t len)
{
    if (len < 2 || len > 3 || strspn(lang, "abcdefghijklmnopqrstuvwxyz") < len)
        return;
    for (size_t i = 0; i < n_found; i++)
        if (strlen(found[i]) == len && strncmp(found[i], lang, len) == 0)
            return;
    if (n_found < CLI_MAX_LANGUAGES) {
        memcpy(found[n_found], lang, len);
        found[n_found++][len] = '\0';
    }
}

/* Each entry of data/sub whose name is a language code, then suffix. */
static void scan(const char *sub, const char *suffix)
{
    char dir[PATH_MAX];
    cli_data_dir(dir, sizeof dir - 16);
    strcat(dir, sub);
    DIR *dh = opendir(dir);
    struct dirent *de;
    size_t ns = strlen(suffix);
    while (dh && (de = readdir(dh))) {
        size_t len = strlen(de->d_name);
        if (len > ns && strcmp(de->d_name + len - ns, suffix) == 0)
            add(de->d_name, len - ns);
    }
    if (dh)
        closedir(dh);
}

static int by_code(const void *a, const void *b)
{
    return strcmp(a, b);
}

static void find_languages(void)
{
    scan("/packs", "");
    scan("/models", ".model");
    size_t n = n_found;
    for (size_t i = 0; i < cli_n_served; i++)
        for (size_t k = 0; k < n; k++)
            if (strcmp(found[k], cli_served[i].by) == 0)
                add(cli_served[i].lang, strlen(cli_served[i].lang));
    qsort(found, n_found, sizeof found[0], by_code);
}

size_t cli_languages(char *list, size_t n)
{
    pthread_once(&once, find_languages);
    size_t at = 0;
    list[0] = '\0';
    for (size_t i = 0; i < n_found && at < n; i++)
        at += (size_t)snprintf(list + at, n - at, "%s%s", i ? ", " : "",
                               found[i]);
    return n_found;
}

bool cli_has_language(const char *lang, size_t len)
{
    pthread_once(&once, find_languages);
    for (size_t i = 0; i < n_found; i++)
        if (strlen(found[i]) == len && strncmp(found[i], lang, len) == 0)
            return true;
    return false;
}
