/*
** pq_lib.c -- libpq, loaded when the first PostgreSQL store opens
** (pq_lib.h says why).
*/
#include "dl_table.h"
#include "pq_lib.h"

pq_lib pq;

bool pq_load(char *err, size_t cap)
{
    static dl_lib lib = DL_LIB_INIT;
#define PQ_NAME(f) #f,
    static const char *const names[] = {PQ_CALLS(PQ_NAME)};
#undef PQ_NAME
    _Static_assert(sizeof names / sizeof *names * sizeof(void (*)(void)) ==
                   sizeof pq, "one name a function");
    return dl_lib_load(&lib, &pq, names, sizeof names / sizeof *names,
                       "WARTA_LIBPQ", PQ_LIB_NAME,
                       "PostgreSQL stores need libpq (Debian: libpq5)",
                       "a libpq older than warta needs (14 or later)",
                       err, cap);
}
