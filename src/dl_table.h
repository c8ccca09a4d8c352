/*
** dl_table.h -- a table of a shared library's functions, filled by
** dlopen and dlsym: for the libraries warta loads only when it needs them
** (libpq in src/pq_lib.c, libmicrohttpd in cli/mhd_lib.c).  Header-only,
** so that the command and the library each use it without either
** exporting it.
*/
#ifndef WARTA_DL_TABLE_H
#define WARTA_DL_TABLE_H

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Open the library file and fill table (n function pointers, in the
** order of names) with its functions; the library stays loaded.  False,
** with why in err ("NEED: dlerror()" when it cannot be opened, "FILE has
** no F: VERSION" when a function is missing), table then unusable. */
static inline bool dl_table_fill(void *table, const char *const *names,
                                 size_t n, const char *file,
                                 const char *need, const char *version,
                                 char *err, size_t cap)
{
    void *lib = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(err, cap, "%s: %s", need, dlerror());
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        void *sym = dlsym(lib, names[i]);
        if (!sym) {
            snprintf(err, cap, "%s has no %s: %s", file, names[i], version);
            dlclose(lib);
            return false;
        }
        /* a void * made a function pointer through memory, as POSIX
        ** allows and ISO C does not say; the table's members are all
        ** function pointers, laid out as an array of them */
        void (*fn)(void);
        memcpy(&fn, &sym, sizeof fn);
        memcpy((char *)table + i * sizeof fn, &fn, sizeof fn);
    }
    return true;
}

/* A library loaded once, by whichever thread asks first. */
typedef struct dl_lib {
    pthread_mutex_t lock;
    bool tried;
    char error[256];                /* empty once loaded */
} dl_lib;
#define DL_LIB_INIT {PTHREAD_MUTEX_INITIALIZER, false, ""}

/* Load l (once) into table as dl_table_fill does, from the file the
** environment variable env names, else from file; false, with why in err
** (cap bytes), when it did not load. */
static inline bool dl_lib_load(dl_lib *l, void *table,
                               const char *const *names, size_t n,
                               const char *env, const char *file,
                               const char *need, const char *version,
                               char *err, size_t cap)
{
    pthread_mutex_lock(&l->lock);
    if (!l->tried) {
        const char *given = getenv(env);
        dl_table_fill(table, names, n, given && *given ? given : file, need,
                      version, l->error, sizeof l->error);
        l->tried = true;
    }
    pthread_mutex_unlock(&l->lock);
    if (l->error[0] && cap)
        snprintf(err, cap, "%s", l->error);
    return !l->error[0];
}

#endif
