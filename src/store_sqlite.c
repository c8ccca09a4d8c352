/*
** store_sqlite.c -- the event store in an SQLite file (store_db.h): its
** schema and versions, opening a file (read-only copies included), and
** the statements' calls.  A file is written by one process at a time (its
** writers take turns, a transaction each), read by many.
*/
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store_db.h"
#include "summary.h"

#define DB(st) ((sqlite3 *)(st)->db)

/* 'wrta': PRAGMA application_id tells our files from other SQLite files. */
#define STORE_APP_ID 0x77727461
#define STORE_SCHEMA_VERSION 4

/* Version 2: how many articles of each outlet report each event (NumSources
** is the number of its rows). */
#define EVENT_OUTLETS_SQL                                                  \
    "CREATE TABLE event_outlets("                                          \
    "  event INTEGER NOT NULL, outlet TEXT NOT NULL,"                      \
    "  articles INTEGER NOT NULL, PRIMARY KEY(event, outlet))"             \
    "  WITHOUT ROWID;"

/* The columns of events up to version 2, but for the counts. */
#define EVENT_V2_COLUMNS                                                   \
    "id, date, precision, source, target, code, root, label, quad,"        \
    " goldstein, plover_type, plover_mode, source_country, target_country," \
    " place_key, place_id, place, place_country, place_adm1, lat, lon"

/* Version 3: an event's mode is part of what makes it one (a meeting
** denied is not the meeting); current_mentions counts its reports that
** are not historical, and the event is historical when none is. */
#define EVENTS_SQL                                                         \
    "CREATE TABLE events("                                                 \
    "  id INTEGER PRIMARY KEY, date TEXT NOT NULL, precision TEXT,"        \
    "  source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL,"    \
    "  root TEXT, label TEXT, quad INTEGER, goldstein REAL,"               \
    "  plover_type TEXT, plover_mode TEXT,"                                \
    "  source_country TEXT, target_country TEXT,"                          \
    "  place_key TEXT NOT NULL, place_id INTEGER, place TEXT,"             \
    "  place_country TEXT,"                                                \
    "  place_adm1 TEXT, lat REAL, lon REAL,"                               \
    "  mentions INTEGER NOT NULL DEFAULT 0,"                               \
    "  sources INTEGER NOT NULL DEFAULT 0,"                                \
    "  articles INTEGER NOT NULL DEFAULT 0,"                               \
    "  mode TEXT NOT NULL DEFAULT 'asserted',"                             \
    "  current_mentions INTEGER NOT NULL DEFAULT 0,"                       \
    "  historical INTEGER GENERATED ALWAYS AS (current_mentions = 0),"     \
    "  UNIQUE(date, source, target, code, place_key, mode));"
/* A version 1 store gets the table, counted from its mentions. */
static const char upgrade_1_sql[] =
    EVENT_OUTLETS_SQL
    "INSERT INTO event_outlets SELECT m.event, d.outlet,"
    "  count(DISTINCT m.doc) FROM mentions m JOIN docs d ON d.id = m.doc"
    "  GROUP BY 1, 2;";

/* A version 2 store's events were all coded as told, and none was left
** out as historical: asserted, every report current.  A new key needs a
** new table (the ids stay, and the mentions with them). */
static const char upgrade_2_sql[] =
    "ALTER TABLE events RENAME TO events_v2;"
    EVENTS_SQL
    "INSERT INTO events(" EVENT_V2_COLUMNS ", mentions, sources, articles,"
    "  current_mentions) SELECT " EVENT_V2_COLUMNS ", mentions, sources,"
    "  articles, mentions FROM events_v2;"
    "DROP TABLE events_v2;"
    EVENT_INDEXES_SQL
    "ALTER TABLE mentions ADD COLUMN historical INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE mentions ADD COLUMN source_how TEXT;"
    "ALTER TABLE mentions ADD COLUMN target_how TEXT;";

/* Version 4: the events of each day and mode (summary.h), counted from
** the events, and the indexes of the groupings the dashboard reads. */
static const char upgrade_3_sql[] = DAYS_TABLE_SQL DAYS_REBUILD_SQL
    GROUPING_INDEXES_SQL;

/* An older store opened read-only is read through views that give it the
** columns of today's, with the values upgrade_2_sql would give them. */
static const char old_store_views_sql[] =
    "CREATE TEMP VIEW events AS SELECT *, 'asserted' AS mode,"
    "  mentions AS current_mentions, 0 AS historical FROM main.events;"
    "CREATE TEMP VIEW mentions AS SELECT *, 0 AS historical,"
    "  NULL AS source_how, NULL AS target_how FROM main.mentions;";

static const char schema_sql[] =
    "CREATE TABLE docs("
    "  id INTEGER PRIMARY KEY, ext_id TEXT NOT NULL UNIQUE, url TEXT,"
    "  date TEXT, source TEXT, outlet TEXT NOT NULL, lang TEXT,"
    "  title TEXT, hash TEXT NOT NULL);"
    "CREATE INDEX docs_url ON docs(url, hash);"
    "CREATE TABLE sentences("
    "  id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, idx INTEGER NOT NULL,"
    "  lang TEXT, text TEXT NOT NULL, UNIQUE(doc, idx));"
    "CREATE VIRTUAL TABLE sentences_fts USING fts5("
    "  text, content='sentences', content_rowid='id');"
    "CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN"
    "  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);"
    "END;"
    "CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN"
    "  INSERT INTO sentences_fts(sentences_fts, rowid, text)"
    "  VALUES ('delete', old.id, old.text);"
    "END;"
    EVENTS_SQL
    EVENT_INDEXES_SQL
    "CREATE TABLE mentions("
    "  id INTEGER PRIMARY KEY, event INTEGER NOT NULL, doc INTEGER NOT NULL,"
    "  sentence INTEGER NOT NULL,"
    "  source_text TEXT, source_start INTEGER, source_end INTEGER,"
    "  source_entry TEXT, target_text TEXT, target_start INTEGER,"
    "  target_end INTEGER, target_entry TEXT,"
    "  verb_text TEXT, verb_start INTEGER, verb_end INTEGER, rule TEXT,"
    "  event_date TEXT, date_precision TEXT,"
    "  historical INTEGER NOT NULL DEFAULT 0, source_how TEXT,"
    "  target_how TEXT);"
    "CREATE INDEX mentions_event ON mentions(event);"
    "CREATE INDEX mentions_doc ON mentions(doc, sentence);"
    EVENT_OUTLETS_SQL
    DAYS_TABLE_SQL
    GROUPING_INDEXES_SQL;

/* What brings a store of version v to ours: upgrades[v], then each after
** it; an empty file (version 0) gets the whole schema at once. */
static const char *const upgrades[STORE_SCHEMA_VERSION] = {
    schema_sql, upgrade_1_sql, upgrade_2_sql, upgrade_3_sql};

static int pragma_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s;
    int v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return v;
}

/* The application id and the number of schema objects, read together so
** that they come from one state of the file (another writer may be making
** the schema); false if it is not an SQLite database. */
static bool read_header(warta_store *st, int *app, int *objects)
{
    sqlite3_stmt *s;
    bool ok = sqlite3_prepare_v2(DB(st),
                                 "SELECT (SELECT application_id FROM"
                                 " pragma_application_id),"
                                 " (SELECT count(*) FROM sqlite_schema)",
                                 -1, &s, NULL) == SQLITE_OK &&
              sqlite3_step(s) == SQLITE_ROW;
    if (ok) {
        *app = sqlite3_column_int(s, 0);
        *objects = sqlite3_column_int(s, 1);
    }
    sqlite3_finalize(s);
    return ok;
}

/* What the file holds, as a schema version: 0 when it is empty (no
** schema yet), the store's version, NOT_OURS for another SQLite file, -1
** when it cannot be read. */
#define NOT_OURS (-2)
static int schema_version(warta_store *st)
{
    int app, objects;
    if (!read_header(st, &app, &objects))
        return -1;
    if (app == 0 && objects == 0)
        return 0;
    if (app != STORE_APP_ID)
        return NOT_OURS;
    return pragma_int(DB(st), "PRAGMA user_version");
}

/* The SQL that brings a file of version `from` to ours, and sets the
** version; NULL when out of memory.  The caller frees *n bytes. */
static char *upgrade_sql(warta_store *st, int from, size_t *n)
{
    const char *tail_fmt = " PRAGMA application_id = %d;"
                           " PRAGMA user_version = %d;";
    *n = 128;
    int last = from == 0 ? 0 : STORE_SCHEMA_VERSION - 1;
    for (int v = from; v <= last; v++)
        *n += strlen(upgrades[v]);
    char *all = ctx_alloc(st->ctx, *n);
    if (!all)
        return NULL;
    size_t used = 0;
    for (int v = from; v <= last; v++) {
        memcpy(all + used, upgrades[v], strlen(upgrades[v]));
        used += strlen(upgrades[v]);
    }
    snprintf(all + used, *n - used, tail_fmt, STORE_APP_ID,
             STORE_SCHEMA_VERSION);
    return all;
}

/* Bring a file of version `from` (0: empty) to ours, if it still is of
** that version when looked at inside an immediate transaction: two
** writers may both have seen it was needed, and the transaction, which
** one holds at a time, lets the second find the first's work and leave
** it. */
static warta_status change_schema(warta_store *st, int from)
{
    warta_status rc = store_exec(st, "BEGIN IMMEDIATE");
    if (rc != WARTA_OK)
        return rc;
    int now = schema_version(st);
    if (now == -1)
        rc = store_db_error(st, "reading the schema");
    else if (now == from) {
        size_t n;
        char *all = upgrade_sql(st, from, &n);
        rc = all ? store_exec(st, all)
                 : ctx_error(st->ctx, WARTA_ENOMEM, "out of memory");
        if (all)
            ctx_free(st->ctx, all, n);
    }
    if (rc != WARTA_OK) {
        store_exec(st, "ROLLBACK");
        return rc;
    }
    return store_exec(st, "COMMIT");
}

/* An empty file becomes a store; a warta store of our version or older is
** used: brought to our version when written, read through views that
** give it today's columns when read-only.  Anything else is refused
** untouched. */
static warta_status check_or_create(warta_store *st, bool readonly)
{
    int app, objects;
    if (!read_header(st, &app, &objects))
        return ctx_error(st->ctx, WARTA_EDB,
                         sqlite3_errcode(DB(st)) == SQLITE_NOTADB
                             ? "%s: not an SQLite database (%s)"
                             : "%s: cannot read: %s",
                         st->path, sqlite3_errmsg(DB(st)));
    if (app == 0 && objects == 0) {
        if (readonly)
            return ctx_error(st->ctx, WARTA_EDB, "%s: an empty database",
                             st->path);
        warta_status rc = change_schema(st, 0);
        if (rc != WARTA_OK)
            return rc;
        if (!read_header(st, &app, &objects))
            return store_db_error(st, "reading the schema");
    }
    if (app != STORE_APP_ID)
        return ctx_error(st->ctx, WARTA_EDB,
                         "%s: an SQLite database, but not a warta store",
                         st->path);
    int version = pragma_int(DB(st), "PRAGMA user_version");
    if (version > STORE_SCHEMA_VERSION)
        return ctx_error(st->ctx, WARTA_EDB,
                         "%s: written by a newer warta (schema %d; this "
                         "warta reads up to %d)", st->path, version,
                         STORE_SCHEMA_VERSION);
    if (version < 1)
        return ctx_error(st->ctx, WARTA_EDB, "%s: a warta store of no known "
                         "schema (version %d)", st->path, version);
    /* a store read as it is has no summary before version 4 */
    st->summary = !readonly || version >= 4;
    if (version < STORE_SCHEMA_VERSION && !readonly)
        return change_schema(st, version);
    if (version < 3)
        return store_exec(st, old_store_views_sql);
    return WARTA_OK;
}

/* Open the file and look at it; immutable: as an SQLite URI that says
** the file cannot change, read without locks or a -shm file. */
static warta_status open_file(warta_store *st, bool readonly, bool immutable)
{
    int oflags = readonly ? SQLITE_OPEN_READONLY
                          : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const char *name = st->path;
    char *uri = NULL;
    size_t n = 3 * strlen(st->path) + 32;
    if (immutable) {
        if (!(uri = ctx_alloc(st->ctx, n)))
            return ctx_error(st->ctx, WARTA_ENOMEM, "out of memory");
        /* every byte but letters, digits, '/', '.', '-' and '_' escaped */
        size_t k = (size_t)snprintf(uri, n, "file:");
        for (const unsigned char *c = (const unsigned char *)st->path; *c;
             c++)
            k += (size_t)snprintf(uri + k, n - k,
                                  isalnum(*c) || strchr("/.-_", *c) ? "%c"
                                                                     : "%%%02X",
                                  *c);
        snprintf(uri + k, n - k, "?immutable=1");
        name = uri;
        oflags |= SQLITE_OPEN_URI;
    }
    warta_status rc = WARTA_OK;
    sqlite3 *db = NULL;
    int opened = sqlite3_open_v2(name, &db, oflags, NULL);
    st->db = db;
    if (opened != SQLITE_OK)
        rc = ctx_error(st->ctx, WARTA_EDB, "%s: cannot open: %s", st->path,
                       db ? sqlite3_errmsg(db) : "out of memory");
    if (uri)
        ctx_free(st->ctx, uri, n);
    if (rc != WARTA_OK)
        return rc;
    sqlite3_busy_timeout(DB(st), 5000);
    return check_or_create(st, readonly);
}

/* A store in WAL mode is read with its -shm file beside it, which a
** read-only folder or mount (or a file of someone else's there) cannot
** have: then it is read immutable, as it is, unless its -wal file holds
** writes the main file lacks, which that would miss. */
static warta_status open_read_only(warta_store *st)
{
    warta_status rc = open_file(st, true, false);
    int err = DB(st) ? sqlite3_errcode(DB(st)) & 0xff : SQLITE_OK;
    if (rc != WARTA_EDB || (err != SQLITE_CANTOPEN && err != SQLITE_READONLY) ||
        access(st->path, R_OK) != 0)
        return rc;
    char why[256], wal[4096];
    snprintf(why, sizeof why, "%s", sqlite3_errmsg(DB(st)));
    snprintf(wal, sizeof wal, "%s-wal", st->path);
    struct stat sb;
    if (stat(wal, &sb) == 0 && sb.st_size > 0)
        return ctx_error(st->ctx, WARTA_EDB,
                         "%s: cannot be read where it is (%s), and %s holds "
                         "writes not yet in it: open it once where it can "
                         "be written", st->path, why, wal);
    sqlite3_close(DB(st));
    st->db = NULL;
    return open_file(st, true, true);
}

/* Put the store in WAL mode.  Leaving a rollback journal takes the file
** for a moment, and SQLite answers "locked" at once, without waiting, when
** another process has it open then (two ingests into a new store): try
** again for a while, as the busy timeout would. */
static warta_status use_wal(warta_store *st)
{
    int rc = SQLITE_BUSY;
    for (int tries = 0; tries < 500 && (rc & 0xff) == SQLITE_BUSY; tries++) {
        if (tries)
            sqlite3_sleep(10);
        rc = sqlite3_exec(DB(st), "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
    }
    return rc == SQLITE_OK ? store_exec(st, "PRAGMA synchronous = NORMAL")
                           : store_db_error(st, "cannot use WAL");
}


static warta_status lite_open(warta_store *st, bool readonly)
{
    warta_status rc = readonly ? open_read_only(st)
                               : open_file(st, false, false);
    /* WAL: readers (a dashboard) keep reading while a corpus goes in. */
    if (rc == WARTA_OK && !readonly)
        rc = use_wal(st);
    return rc;
}

static void lite_close(warta_store *st)
{
    sqlite3_close(DB(st));
}

static warta_status lite_exec(warta_store *st, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(DB(st), sql, NULL, NULL, &err) == SQLITE_OK)
        return WARTA_OK;
    warta_status rc = ctx_error(st->ctx, WARTA_EDB, "%s: %s", st->path,
                                err ? err : "database error");
    sqlite3_free(err);
    return rc;
}

/* ---- statements ---------------------------------------------------------- */

typedef struct lite_stmt {
    store_stmt base;
    sqlite3_stmt *s;
} lite_stmt;

#define S(stmt) (((lite_stmt *)(stmt))->s)

static warta_status lite_prepare(warta_store *st, const char *sql, bool keep,
                                 store_stmt **out)
{
    *out = NULL;
    lite_stmt *ls = ctx_alloc(st->ctx, sizeof *ls);
    if (!ls)
        return ctx_error(st->ctx, WARTA_ENOMEM, "out of memory");
    *ls = (lite_stmt){.base = {.be = &store_sqlite, .st = st}};
    if (sqlite3_prepare_v3(DB(st), sql, -1,
                           keep ? SQLITE_PREPARE_PERSISTENT : 0, &ls->s,
                           NULL) != SQLITE_OK) {
        ctx_free(st->ctx, ls, sizeof *ls);
        return store_db_error(st, "preparing a statement");
    }
    *out = &ls->base;
    return WARTA_OK;
}

static void lite_finalize(store_stmt *s)
{
    sqlite3_finalize(S(s));
    ctx_free(s->st->ctx, s, sizeof(lite_stmt));
}

static int lite_param_count(store_stmt *s)
{
    return sqlite3_bind_parameter_count(S(s));
}

static void lite_bind_text(store_stmt *s, int i, const char *v, size_t n)
{
    if (!v)
        sqlite3_bind_null(S(s), i);
    else
        sqlite3_bind_text(S(s), i, v, n == (size_t)-1 ? -1 : (int)n,
                          SQLITE_STATIC);
}

static void lite_bind_int(store_stmt *s, int i, int64_t v)
{
    sqlite3_bind_int64(S(s), i, v);
}

static void lite_bind_double(store_stmt *s, int i, double v)
{
    sqlite3_bind_double(S(s), i, v);
}

static int lite_step(store_stmt *s)
{
    int r = sqlite3_step(S(s));
    return r == SQLITE_ROW ? DB_ROW : r == SQLITE_DONE ? DB_DONE : DB_ERROR;
}

/* The steps of the virtual machine count the work of the writes. */
static void lite_reset(store_stmt *s)
{
    s->st->vm_steps +=
        (uint64_t)sqlite3_stmt_status(S(s), SQLITE_STMTSTATUS_VM_STEP, 1);
    sqlite3_reset(S(s));
    sqlite3_clear_bindings(S(s));
}

static int lite_column_count(store_stmt *s)
{
    return sqlite3_column_count(S(s));
}

static const char *lite_column_name(store_stmt *s, int i)
{
    return sqlite3_column_name(S(s), i);
}

static const char *lite_column_text(store_stmt *s, int i)
{
    return (const char *)sqlite3_column_text(S(s), i);
}

static int64_t lite_column_int(store_stmt *s, int i)
{
    return sqlite3_column_int64(S(s), i);
}

static double lite_column_double(store_stmt *s, int i)
{
    return sqlite3_column_double(S(s), i);
}

static const char *lite_errmsg(warta_store *st)
{
    return sqlite3_errmsg(DB(st));
}

/* A malformed --text is the user's mistake, not the database's: FTS5
** says so with a plain SQLITE_ERROR ("fts5: syntax error", "unterminated
** string"), where a damaged or busy database gives other codes. */
static bool lite_bad_text(warta_store *st)
{
    return sqlite3_errcode(DB(st)) == SQLITE_ERROR;
}

/* SQLite rolls a whole transaction back on some errors (a full disk, an
** I/O error). */
static bool lite_no_transaction(warta_store *st)
{
    return sqlite3_get_autocommit(DB(st));
}

static bool lite_transient(warta_store *st)
{
    return false;
}

/* How many virtual machine steps between two questions to stop.  SQLite
** counts them per statement, and FTS5 does much of its work in C between
** short statements of its own that read the index: asked every 1000
** steps, a NEAR over a thousand prefixes went on for 4.5 s past its stop;
** every 100, for at most 0.2 s, at a cost of a clock reading per 100
** steps. */
#define STEPS_BETWEEN_CHECKS 100

static void lite_set_stop(warta_store *st, warta_stop_fn stop, void *ud)
{
    sqlite3_progress_handler(DB(st), stop ? STEPS_BETWEEN_CHECKS : 0, stop,
                             ud);
}

static const store_dialect lite_dialect = {
    .format_1 = {"printf('%.1f', ", ")"},
    .format_2 = {"printf('%.2f', ", ")"},
    .next_period = {"date(p, '", "')"},
    .week_start =
        "date(date, '-' || ((strftime('%w', date) + 6) % 7) || ' days')",
    .no_index = "+",
    .text_match = {"SELECT rowid FROM sentences_fts WHERE sentences_fts"
                   " MATCH ", ""},
    .country_side = {COUNTRY_SIDE_SQL(SQLITE_IS_IGO, "source"),
                     COUNTRY_SIDE_SQL(SQLITE_IS_IGO, "target")},
    .find_doc = "SELECT id, hash FROM docs WHERE ext_id = ?1",
    .lock_events = NULL,
    .temp_tables = "CREATE TEMP TABLE IF NOT EXISTS touched("
                   "id INTEGER PRIMARY KEY, n INTEGER NOT NULL,"
                   " current INTEGER NOT NULL);"
                   "CREATE TEMP TABLE IF NOT EXISTS dropped("
                   "id INTEGER PRIMARY KEY);"
                   "CREATE TEMP TABLE IF NOT EXISTS days_delta("
                   DAYS_DELTA_COLUMNS ")",
    .begin = "BEGIN IMMEDIATE",
};

const store_backend store_sqlite = {
    .name = "SQLite",
    .sql = &lite_dialect,
    .doc_transactions = false,
    .open = lite_open,
    .close = lite_close,
    .exec = lite_exec,
    .prepare = lite_prepare,
    .finalize = lite_finalize,
    .param_count = lite_param_count,
    .bind_text = lite_bind_text,
    .bind_int = lite_bind_int,
    .bind_double = lite_bind_double,
    .step = lite_step,
    .reset = lite_reset,
    .column_count = lite_column_count,
    .column_name = lite_column_name,
    .column_text = lite_column_text,
    .column_int = lite_column_int,
    .column_double = lite_column_double,
    .errmsg = lite_errmsg,
    .bad_text = lite_bad_text,
    .no_transaction = lite_no_transaction,
    .transient = lite_transient,
    .set_stop = lite_set_stop,
};
