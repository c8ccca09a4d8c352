/*
** store_db.h -- the event store's database, behind one small interface:
** SQLite (store_sqlite.c, a file) or PostgreSQL (store_pg.c, a server).
**
** store.c writes and query.c reads through it, each operation written
** once: the statements are the same SQL on both where the SQL is the same
** (parameters written ?1 or ?, which the PostgreSQL side turns into $1),
** and what differs -- a function's name, a full-text match, a lock --
** comes from the backend's dialect.  The schema, its version and opening
** a store are each backend's own.
*/
#ifndef WARTA_STORE_DB_H
#define WARTA_STORE_DB_H

#include "warta_int.h"

/* The events' indexes, in both backends' schemas. */
#define EVENT_INDEXES_SQL                                                  \
    /* covering for a dyad's time series: no row is read */                \
    "CREATE INDEX events_dyad ON events(source, target, date, mentions,"   \
    "  goldstein);"                                                        \
    "CREATE INDEX events_target ON events(target, date);"                  \
    "CREATE INDEX events_date ON events(date);"                            \
    "CREATE INDEX events_code ON events(code, date);"

/* A prepared statement; each backend's begins with this. */
typedef struct store_stmt {
    const struct store_backend *be;
    warta_store *st;
} store_stmt;

enum { DB_ERROR = -1, DB_DONE = 0, DB_ROW = 1 };

/* What the SQL of the two backends says differently.  A pair is what
** goes before and after an expression. */
typedef struct store_dialect {
    const char *format_1[2];        /* a number as text, 1 decimal */
    const char *format_2[2];        /* ... 2 decimals */
    const char *next_period[2];     /* around a step: the day p + step */
    const char *week_start;         /* the Monday of an event's date */
    const char *no_index;           /* before a column: not through an
                                       index of it ("+" in SQLite) */
    const char *text_match[2];      /* around a text: the ids of the
                                       sentences that match it */
    const char *country_side[2];    /* source, target at country level
                                       (summary.h's COUNTRY_SIDE_SQL) */
    const char *find_doc;           /* a document by its id, locked for
                                       this writer where that matters */
    const char *lock_events;        /* lock the touched events, in a
                                       fixed order; NULL: no need */
    const char *temp_tables;        /* the writer's temporary tables */
    const char *begin;              /* a transaction that writes */
} store_dialect;

typedef struct store_backend {
    const char *name;               /* "SQLite", "PostgreSQL" */
    const store_dialect *sql;
    /* each document is a transaction of its own (begin and commit group
    ** nothing), tried again when a concurrent writer made it fail */
    bool doc_transactions;
    /* open st->path into st->db and check or create its schema */
    warta_status (*open)(warta_store *st, bool readonly);
    void (*close)(warta_store *st);
    /* SQL of one or more statements, without values */
    warta_status (*exec)(warta_store *st, const char *sql);
    /* keep: prepared once and run many times */
    warta_status (*prepare)(warta_store *st, const char *sql, bool keep,
                            store_stmt **out);
    void (*finalize)(store_stmt *s);
    int (*param_count)(store_stmt *s);
    /* v NULL: SQL NULL; n (size_t)-1: v ends with its NUL.  v must stay
    ** until the statement is run. */
    void (*bind_text)(store_stmt *s, int i, const char *v, size_t n);
    void (*bind_int)(store_stmt *s, int i, int64_t v);
    void (*bind_double)(store_stmt *s, int i, double v);
    int (*step)(store_stmt *s);     /* DB_ROW, DB_DONE or DB_ERROR */
    void (*reset)(store_stmt *s);   /* ready to run again, values gone */
    int (*column_count)(store_stmt *s);
    const char *(*column_name)(store_stmt *s, int i);
    const char *(*column_text)(store_stmt *s, int i);  /* NULL for NULL */
    int64_t (*column_int)(store_stmt *s, int i);
    double (*column_double)(store_stmt *s, int i);
    const char *(*errmsg)(warta_store *st);
    /* did the last error come from the text of a --text query? */
    bool (*bad_text)(warta_store *st);
    /* is no transaction open (SQLite ends one on a full disk)? */
    bool (*no_transaction)(warta_store *st);
    /* may the last error pass if the document is tried again (a deadlock
    ** with another writer, or its row stored by it meanwhile)? */
    bool (*transient)(warta_store *st);
    void (*set_stop)(warta_store *st, warta_stop_fn stop, void *ud);
    /* Run prepared statements, each with ?1 = id if it takes a value,
    ** in one exchange with the server; NULL: store.c runs them one by
    ** one. */
    warta_status (*run_batch)(warta_store *st, store_stmt *const *stmts,
                              size_t n, int64_t id);
} store_backend;

extern const store_backend store_sqlite;
extern const store_backend store_pg;

/* Which backend a --db names: a postgresql:// or postgres:// URI is a
** server, anything else a file. */
const store_backend *store_backend_for(const char *where);

/* The statement's calls, through its backend. */
static inline void db_bind_text(store_stmt *s, int i, const char *v)
{
    s->be->bind_text(s, i, v, (size_t)-1);
}
static inline void db_bind_slice(store_stmt *s, int i, warta_slice v)
{
    s->be->bind_text(s, i, v.p ? v.p : "", v.n);
}
static inline void db_bind_int(store_stmt *s, int i, int64_t v)
{
    s->be->bind_int(s, i, v);
}
static inline void db_bind_double(store_stmt *s, int i, double v)
{
    s->be->bind_double(s, i, v);
}
static inline int db_step(store_stmt *s) { return s->be->step(s); }
static inline void db_reset(store_stmt *s) { s->be->reset(s); }
static inline void db_finalize(store_stmt *s)
{
    if (s)
        s->be->finalize(s);
}
static inline const char *db_text(store_stmt *s, int i)
{
    return s->be->column_text(s, i);
}
static inline int64_t db_int(store_stmt *s, int i)
{
    return s->be->column_int(s, i);
}
static inline double db_double(store_stmt *s, int i)
{
    return s->be->column_double(s, i);
}
static inline warta_status db_prepare(warta_store *st, const char *sql,
                                      store_stmt **out)
{
    return st->be->prepare(st, sql, false, out);
}

#endif /* WARTA_STORE_DB_H */
