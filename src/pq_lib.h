/*
** pq_lib.h -- libpq, loaded when the first PostgreSQL store opens.
**
** Linked at start-up, libpq brings the TLS, Kerberos and LDAP libraries it
** uses, and the dynamic loader's work on them was a third of the time of
** every warta command (about 8 of 23 ms for `warta --version`), whether or
** not it ever spoke to a server.  So store_pg.c calls libpq through the
** table below, filled by dlopen on first use; a machine without libpq
** runs everything but PostgreSQL stores, and says so when asked for one.
*/
#ifndef WARTA_PQ_LIB_H
#define WARTA_PQ_LIB_H

#include <stdbool.h>
#include <stddef.h>

#include <libpq-fe.h>

/* The library's name, as Debian's libpq5 installs it; WARTA_LIBPQ names
** another file. */
#define PQ_LIB_NAME "libpq.so.5"

/* Every libpq function store_pg.c calls. */
#define PQ_CALLS(X)                                                        \
    X(PQcancel) X(PQclear) X(PQconnectdb) X(PQconsumeInput) X(PQdb)        \
    X(PQenterPipelineMode) X(PQerrorMessage) X(PQexec)                     \
    X(PQexitPipelineMode) X(PQfinish) X(PQfname) X(PQfreeCancel)           \
    X(PQgetCancel) X(PQgetResult) X(PQgetisnull) X(PQgetvalue) X(PQhost)   \
    X(PQisBusy) X(PQnfields) X(PQntuples) X(PQpipelineSync) X(PQport)      \
    X(PQprepare) X(PQresultErrorField) X(PQresultErrorMessage)             \
    X(PQresultStatus) X(PQsendQueryParams) X(PQsendQueryPrepared)          \
    X(PQsocket) X(PQstatus)

#define PQ_POINTER(f) __typeof__(f) *f;
typedef struct pq_lib {
    PQ_CALLS(PQ_POINTER)
} pq_lib;
#undef PQ_POINTER

/* libpq's functions, once pq_load has said true. */
extern pq_lib pq;

/* Load libpq (once; any thread).  False, with why in err, when it cannot
** be loaded or lacks a function. */
bool pq_load(char *err, size_t cap);

#endif
