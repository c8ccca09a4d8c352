/*
** mhd_lib.c -- libmicrohttpd, loaded when `warta serve` starts
** (mhd_lib.h says why).
*/
#include "dl_table.h"
#include "mhd_lib.h"

mhd_lib mhd;

bool mhd_load(char *err, size_t cap)
{
    static dl_lib lib = DL_LIB_INIT;
#define MHD_NAME(f) #f,
    static const char *const names[] = {MHD_CALLS(MHD_NAME)};
#undef MHD_NAME
    _Static_assert(sizeof names / sizeof *names * sizeof(void (*)(void)) ==
                   sizeof mhd, "one name a function");
    return dl_lib_load(
        &lib, &mhd, names, sizeof names / sizeof *names, "WARTA_LIBMICROHTTPD",
        MHD_LIB_NAME,
        "the server needs libmicrohttpd (Debian: libmicrohttpd12)",
        "a libmicrohttpd older than warta needs (0.9.72 or later)", err, cap);
}
