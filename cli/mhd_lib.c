/*
** mhd_lib.c -- libmicrohttpd, loaded when `warta serve` starts
** (mhd_lib.h says why).
*/
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mhd_lib.h"

mhd_lib mhd;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_error[256];        /* empty once loaded */

static void load(void)
{
    const char *name = getenv("WARTA_LIBMICROHTTPD");
    if (!name || !*name)
        name = MHD_LIB_NAME;
    void *lib = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(load_error, sizeof load_error,
                 "the server needs libmicrohttpd (Debian: libmicrohttpd12): %s",
                 dlerror());
        return;
    }
    /* dlsym's void * made a function pointer through memory, as POSIX
    ** allows and ISO C does not say */
#define MHD_FIND(f)                                                         \
    if (!load_error[0]) {                                                   \
        void *sym = dlsym(lib, #f);                                         \
        if (!sym)                                                           \
            snprintf(load_error, sizeof load_error,                         \
                     "%s has no %s: a libmicrohttpd older than warta "      \
                     "needs (0.9.72 or later)", name, #f);                  \
        else                                                                \
            memcpy(&mhd.f, &sym, sizeof sym);                               \
    }
    MHD_CALLS(MHD_FIND)
#undef MHD_FIND
    if (load_error[0])
        dlclose(lib);
}

bool mhd_load(char *err, size_t cap)
{
    pthread_once(&load_once, load);
    if (load_error[0] && cap)
        snprintf(err, cap, "%s", load_error);
    return !load_error[0];
}
