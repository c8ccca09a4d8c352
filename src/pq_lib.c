/*
** pq_lib.c -- libpq, loaded when the first PostgreSQL store opens
** (pq_lib.h says why).
*/
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pq_lib.h"

pq_lib pq;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_error[256];        /* empty once loaded */

static void load(void)
{
    const char *name = getenv("WARTA_LIBPQ");
    if (!name || !*name)
        name = PQ_LIB_NAME;
    void *lib = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(load_error, sizeof load_error,
                 "PostgreSQL stores need libpq (Debian: libpq5): %s",
                 dlerror());
        return;
    }
    /* dlsym's void * made a function pointer through memory, as POSIX
    ** allows and ISO C does not say */
#define PQ_FIND(f)                                                          \
    if (!load_error[0]) {                                                   \
        void *sym = dlsym(lib, #f);                                         \
        if (!sym)                                                           \
            snprintf(load_error, sizeof load_error,                         \
                     "%s has no %s: a libpq older than warta needs "        \
                     "(14 or later)", name, #f);                            \
        else                                                                \
            memcpy(&pq.f, &sym, sizeof sym);                                \
    }
    PQ_CALLS(PQ_FIND)
#undef PQ_FIND
    if (load_error[0])
        dlclose(lib);
}

bool pq_load(char *err, size_t cap)
{
    pthread_once(&load_once, load);
    if (load_error[0] && cap)
        snprintf(err, cap, "%s", load_error);
    return !load_error[0];
}
