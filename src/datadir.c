/*
** datadir.c -- where warta's data is: $WARTA_DATA, else the directory
** `make install` puts it in, compiled in as WARTA_DATADIR (the Makefile
** passes PREFIX/share/warta).  The only file that knows the install
** prefix, so that another prefix compiles this file alone again.
*/
#include <stdlib.h>

#include "warta_int.h"

#ifndef WARTA_DATADIR
#define WARTA_DATADIR "/usr/local/share/warta"
#endif

const char *warta_data_dir(void)
{
    const char *env = getenv("WARTA_DATA");
    return env && *env ? env : WARTA_DATADIR;
}
