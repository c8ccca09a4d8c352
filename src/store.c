/*
** store.c -- the event store: an SQLite database that keeps coded
** articles and merges the same event reported by many of them.
**
** Writing goes document by document: a document known by its id (or by
** url + content hash) is skipped when its content is unchanged and
** replaced when it changed.  Each event is upserted on its identity
** (date, source, target, code, place, mode) and linked to the document
** by a mention; the counts GDELT publishes (NumMentions, NumSources,
** NumArticles) are kept up to date by what each document adds to or
** takes from them, with event_outlets counting each event's articles
** per outlet, so storing a document costs the same however many reports
** its events already have; event_days, the summary of each day's events
** (summary.h), is kept by the same steps.  Reading is in query.c.
*/
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "summary.h"
#include "warta_int.h"

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
#define EVENT_INDEXES_SQL                                                  \
    /* covering for a dyad's time series: no row is read */                \
    "CREATE INDEX events_dyad ON events(source, target, date, mentions,"   \
    "  goldstein);"                                                        \
    "CREATE INDEX events_target ON events(target, date);"                  \
    "CREATE INDEX events_date ON events(date);"                            \
    "CREATE INDEX events_code ON events(code, date);"

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
    "CREATE INDEX mentions_doc ON mentions(doc);"
    EVENT_OUTLETS_SQL
    DAYS_TABLE_SQL
    GROUPING_INDEXES_SQL;

/* What brings a store of version v to ours: upgrades[v], then each after
** it; an empty file (version 0) gets the whole schema at once. */
static const char *const upgrades[STORE_SCHEMA_VERSION] = {
    schema_sql, upgrade_1_sql, upgrade_2_sql, upgrade_3_sql};

/* The statements a store prepares once and reuses, by name.  temp.touched
** holds the events of the document being stored or dropped, with how many
** of its mentions each has (n) and how many of those are not historical
** (current); temp.dropped the events a dropped document
** reported, deleted at the end if no one reports them any more (after a
** replacement re-reported some, which keep their ids).  ?1 is a docs id;
** "OUTLET" is that document's outlet. */
#define OUTLET "(SELECT outlet FROM docs WHERE id = ?1)"
#define IN_TOUCHED " IN (SELECT id FROM temp.touched)"
#define TOUCHED_COUNTED "id" IN_TOUCHED " AND mentions > 0"
#define STORE_STMT_LIST(X)                                                 \
    X(FIND_BY_ID, "SELECT id, hash FROM docs WHERE ext_id = ?1")           \
    X(FIND_BY_URL, "SELECT id FROM docs WHERE url = ?1 AND hash = ?2")     \
    /* dropping a document: take its reports from the counts */            \
    X(TOUCH_DOC_EVENTS, "INSERT INTO temp.touched(id, n, current)"         \
      " SELECT event, count(*), sum(NOT historical) FROM mentions"         \
      " WHERE doc = ?1 GROUP BY event")                                    \
    X(NOTE_DROPPED, "INSERT OR IGNORE INTO temp.dropped"                   \
      " SELECT id FROM temp.touched")                                      \
    X(UNCOUNT_SOURCES, "UPDATE events SET sources = sources - 1"           \
      " WHERE id IN (SELECT event FROM event_outlets WHERE outlet = "      \
      OUTLET " AND articles = 1 AND event" IN_TOUCHED ")")                 \
    X(UNCOUNT_OUTLETS, "UPDATE event_outlets SET articles = articles - 1"  \
      " WHERE outlet = " OUTLET " AND event" IN_TOUCHED)                   \
    X(DROP_OUTLETS, "DELETE FROM event_outlets WHERE articles = 0"         \
      " AND outlet = " OUTLET " AND event" IN_TOUCHED)                     \
    /* the touched events out of their days before their counts change, */ \
    /* and back in after (summary.h) */                                    \
    X(DAYS_TAKE, DAYS_ADD("-", TOUCHED_COUNTED))                           \
    X(DAYS_PUT, DAYS_ADD("", TOUCHED_COUNTED))                             \
    X(UNCOUNT_EVENTS, "UPDATE events SET mentions = mentions - t.n,"       \
      " current_mentions = current_mentions - t.current,"                  \
      " articles = articles - 1 FROM temp.touched t WHERE events.id = t.id") \
    X(DEL_MENTIONS, "DELETE FROM mentions WHERE doc = ?1")                 \
    X(DEL_SENTENCES, "DELETE FROM sentences WHERE doc = ?1")               \
    X(DEL_DOC, "DELETE FROM docs WHERE id = ?1")                           \
    /* storing a document */                                               \
    X(ADD_DOC, "INSERT INTO docs(ext_id, url, date, source, outlet, lang," \
      " title, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")             \
    X(ADD_SENTENCE, "INSERT INTO sentences(doc, idx, lang, text) "         \
      "VALUES (?1, ?2, ?3, ?4)")                                           \
    X(ADD_EVENT, "INSERT INTO events(date, precision, source, target,"     \
      " code, root, label, quad, goldstein, plover_type, plover_mode,"     \
      " source_country, target_country, place_key, place_id, place,"       \
      " place_country, place_adm1, lat, lon, mode) VALUES (?1, ?2, ?3, ?4,"\
      " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"  \
      " ?19, ?20, ?21)"                                                    \
      " ON CONFLICT DO UPDATE SET date = excluded.date RETURNING id")      \
    X(TOUCH_EVENT, "INSERT INTO temp.touched(id, n, current)"              \
      " VALUES (?1, 1, ?2) ON CONFLICT DO UPDATE SET n = n + 1,"           \
      " current = current + excluded.current")                             \
    X(ADD_MENTION, "INSERT INTO mentions(event, doc, sentence,"            \
      " source_text, source_start, source_end, source_entry, target_text," \
      " target_start, target_end, target_entry, verb_text, verb_start,"    \
      " verb_end, rule, event_date, date_precision, historical,"          \
      " source_how, target_how) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"   \
      " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)")       \
    /* ... and adding its reports to the counts */                         \
    X(COUNT_SOURCES, "UPDATE events SET sources = sources + 1"             \
      " WHERE id" IN_TOUCHED " AND NOT EXISTS (SELECT 1 FROM"              \
      " event_outlets o WHERE o.event = events.id AND o.outlet = "         \
      OUTLET ")")                                                          \
    X(COUNT_OUTLETS, "INSERT INTO event_outlets(event, outlet, articles)"  \
      " SELECT id, " OUTLET ", 1 FROM temp.touched WHERE true"             \
      " ON CONFLICT DO UPDATE SET articles = articles + 1")                \
    X(COUNT_EVENTS, "UPDATE events SET mentions = mentions + t.n,"         \
      " current_mentions = current_mentions + t.current,"                  \
      " articles = articles + 1 FROM temp.touched t WHERE events.id = t.id") \
    X(CLEAR_TOUCHED, "DELETE FROM temp.touched")                           \
    /* at the end */                                                       \
    X(DROP_EMPTY_DAYS, DAYS_DROP_EMPTY("id IN (SELECT id FROM temp.dropped)")) \
    X(DROP_UNMENTIONED, "DELETE FROM events WHERE mentions = 0"            \
      " AND id IN (SELECT id FROM temp.dropped)")                          \
    X(CLEAR_DROPPED, "DELETE FROM temp.dropped")

enum {
#define STORE_X(name, sql) STMT_##name,
    STORE_STMT_LIST(STORE_X)
#undef STORE_X
    N_STMTS
};
_Static_assert(N_STMTS <= ARRAY_LEN(((warta_store *)0)->stmt),
               "warta_store has room for every statement");

static const char *const stmt_sql[N_STMTS] = {
#define STORE_X(name, sql) sql,
    STORE_STMT_LIST(STORE_X)
#undef STORE_X
};

warta_status store_db_error(warta_store *st, const char *what)
{
    return ctx_error(st->ctx, WARTA_EDB, "%s: %s: %s", st->path, what,
                     sqlite3_errmsg(st->db));
}

warta_status store_exec(warta_store *st, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(st->db, sql, NULL, NULL, &err) == SQLITE_OK)
        return WARTA_OK;
    warta_status rc = ctx_error(st->ctx, WARTA_EDB, "%s: %s", st->path,
                                err ? err : "database error");
    sqlite3_free(err);
    return rc;
}

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
    bool ok = sqlite3_prepare_v2(st->db,
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
    return pragma_int(st->db, "PRAGMA user_version");
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
                         sqlite3_errcode(st->db) == SQLITE_NOTADB
                             ? "%s: not an SQLite database (%s)"
                             : "%s: cannot read: %s",
                         st->path, sqlite3_errmsg(st->db));
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
    int version = pragma_int(st->db, "PRAGMA user_version");
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

static warta_status prepare_all(warta_store *st)
{
    if (store_exec(st, "CREATE TEMP TABLE IF NOT EXISTS touched("
                       "id INTEGER PRIMARY KEY, n INTEGER NOT NULL,"
                       " current INTEGER NOT NULL);"
                       "CREATE TEMP TABLE IF NOT EXISTS dropped("
                       "id INTEGER PRIMARY KEY)") != WARTA_OK)
        return WARTA_EDB;
    for (int i = 0; i < N_STMTS; i++)
        if (sqlite3_prepare_v3(st->db, stmt_sql[i], -1,
                               SQLITE_PREPARE_PERSISTENT, &st->stmt[i],
                               NULL) != SQLITE_OK)
            return store_db_error(st, "preparing a statement");
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
    if (sqlite3_open_v2(name, &st->db, oflags, NULL) != SQLITE_OK)
        rc = ctx_error(st->ctx, WARTA_EDB, "%s: cannot open: %s", st->path,
                       st->db ? sqlite3_errmsg(st->db) : "out of memory");
    if (uri)
        ctx_free(st->ctx, uri, n);
    if (rc != WARTA_OK)
        return rc;
    sqlite3_busy_timeout(st->db, 5000);
    return check_or_create(st, readonly);
}

/* A store in WAL mode is read with its -shm file beside it, which a
** read-only folder or mount (or a file of someone else's there) cannot
** have: then it is read immutable, as it is, unless its -wal file holds
** writes the main file lacks, which that would miss. */
static warta_status open_read_only(warta_store *st)
{
    warta_status rc = open_file(st, true, false);
    int err = st->db ? sqlite3_errcode(st->db) & 0xff : SQLITE_OK;
    if (rc != WARTA_EDB || (err != SQLITE_CANTOPEN && err != SQLITE_READONLY) ||
        access(st->path, R_OK) != 0)
        return rc;
    char why[256], wal[4096];
    snprintf(why, sizeof why, "%s", sqlite3_errmsg(st->db));
    snprintf(wal, sizeof wal, "%s-wal", st->path);
    struct stat sb;
    if (stat(wal, &sb) == 0 && sb.st_size > 0)
        return ctx_error(st->ctx, WARTA_EDB,
                         "%s: cannot be read where it is (%s), and %s holds "
                         "writes not yet in it: open it once where it can "
                         "be written", st->path, why, wal);
    sqlite3_close(st->db);
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
        rc = sqlite3_exec(st->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
    }
    return rc == SQLITE_OK ? store_exec(st, "PRAGMA synchronous = NORMAL")
                           : store_db_error(st, "cannot use WAL");
}

warta_status warta_store_open(warta_ctx *ctx, const char *path,
                              unsigned flags, warta_store **out)
{
    if (!ctx || !path || !out)
        return WARTA_EINVAL;
    *out = NULL;
    warta_store *st = ctx_alloc(ctx, sizeof *st);
    if (!st)
        return ctx_error(ctx, WARTA_ENOMEM, "out of memory");
    memset(st, 0, sizeof *st);
    st->ctx = ctx;
    st->path = ctx_strdup(ctx, path);
    bool readonly = flags & WARTA_STORE_READONLY;
    warta_status rc = !st->path ? ctx_error(ctx, WARTA_ENOMEM, "out of memory")
                      : readonly ? open_read_only(st)
                                 : open_file(st, false, false);
    /* WAL: readers (a dashboard) keep reading while a corpus goes in. */
    if (rc == WARTA_OK && !readonly)
        rc = use_wal(st);
    if (rc == WARTA_OK && !readonly)
        rc = prepare_all(st);
    if (flags & WARTA_STORE_NO_SUMMARY)
        st->summary = false;
    if (rc != WARTA_OK) {
        warta_store_close(st);
        return rc;
    }
    *out = st;
    return WARTA_OK;
}

void warta_store_close(warta_store *st)
{
    if (!st)
        return;
    for (int i = 0; i < N_STMTS; i++)
        sqlite3_finalize(st->stmt[i]);
    sqlite3_close(st->db);
    warta_ctx *ctx = st->ctx;
    if (st->path)
        ctx_free(ctx, st->path, strlen(st->path) + 1);
    ctx_free(ctx, st, sizeof *st);
}

warta_status warta_store_begin(warta_store *st)
{
    warta_status rc = store_exec(st, "BEGIN IMMEDIATE");
    st->in_batch = rc == WARTA_OK;
    st->batch_lost = false;
    return rc;
}

/* A failed COMMIT may leave the transaction open (a busy reader) or
** rolled back (a full disk): either way it ends here, and nothing of it
** is stored. */
warta_status warta_store_commit(warta_store *st)
{
    bool lost = st->batch_lost;
    st->in_batch = st->batch_lost = false;
    if (lost)
        return ctx_error(st->ctx, WARTA_EDB,
                         "%s: a write failed and SQLite rolled back the "
                         "transaction: nothing since it began is stored",
                         st->path);
    warta_status rc = store_exec(st, "COMMIT");
    if (rc != WARTA_OK && !sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/* ---- binding ---------------------------------------------------------- */

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, i);
}

static void bind_slice(sqlite3_stmt *s, int i, warta_slice v)
{
    sqlite3_bind_text(s, i, v.p ? v.p : "", (int)v.n, SQLITE_STATIC);
}

/* Run a statement that returns nothing (or ignore its rows). */
static warta_status run(warta_store *st, sqlite3_stmt *s, const char *what)
{
    int r;
    while ((r = sqlite3_step(s)) == SQLITE_ROW)
        ;
    st->vm_steps +=
        (uint64_t)sqlite3_stmt_status(s, SQLITE_STMTSTATUS_VM_STEP, 1);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return r == SQLITE_DONE ? WARTA_OK : store_db_error(st, what);
}

/* Run a statement for its first column's integer; 0 when there is no row. */
static int64_t run_for_id(warta_store *st, sqlite3_stmt *s, warta_status *rc)
{
    int r = sqlite3_step(s);
    int64_t id = r == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    if (r != SQLITE_ROW && r != SQLITE_DONE)
        *rc = store_db_error(st, "reading");
    st->vm_steps +=
        (uint64_t)sqlite3_stmt_status(s, SQLITE_STMTSTATUS_VM_STEP, 1);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return id;
}

/* ---- writing a document ----------------------------------------------- */

/* Where a report comes from, for NumSources: its source, else its URL's
** host, else the article itself. */
static void doc_outlet(const warta_meta *m, const char *ext_id, char *out,
                       size_t n)
{
    if (m->source && *m->source) {
        snprintf(out, n, "%s", m->source);
        return;
    }
    const char *host = m->url ? strstr(m->url, "://") : NULL;
    if (host) {
        host += 3;
        size_t len = strcspn(host, "/?#:");
        snprintf(out, n, "%.*s", (int)len, host);
        return;
    }
    snprintf(out, n, "%s", ext_id);
}

/* Run statements in turn, each with doc id ?1 if it takes one. */
static warta_status run_steps(warta_store *st, const int *steps, size_t n,
                              int64_t doc_id, const char *what)
{
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *s = st->stmt[steps[i]];
        if (sqlite3_bind_parameter_count(s) > 0)
            sqlite3_bind_int64(s, 1, doc_id);
        if (run(st, s, what) != WARTA_OK)
            return WARTA_EDB;
    }
    return WARTA_OK;
}

/* Drop a stored document, its sentences and mentions, taking its reports
** from the counts of the events it reported (finish_doc deletes those no
** one reports any more). */
static warta_status drop_doc(warta_store *st, int64_t id)
{
    static const int steps[] = {
        STMT_TOUCH_DOC_EVENTS, STMT_NOTE_DROPPED, STMT_UNCOUNT_SOURCES,
        STMT_UNCOUNT_OUTLETS,  STMT_DROP_OUTLETS, STMT_DAYS_TAKE,
        STMT_UNCOUNT_EVENTS,   STMT_DAYS_PUT,     STMT_CLEAR_TOUCHED,
        STMT_DEL_MENTIONS,     STMT_DEL_SENTENCES, STMT_DEL_DOC};
    return run_steps(st, steps, ARRAY_LEN(steps), id, "dropping a document");
}

/* Is this document stored already?  Drops an older version of it. */
static warta_status find_doc(warta_store *st, const char *ext_id,
                             const char *url, const char *hash,
                             warta_stored *what)
{
    warta_status rc = WARTA_OK;
    *what = WARTA_STORED_NEW;
    sqlite3_stmt *s = st->stmt[STMT_FIND_BY_ID];
    sqlite3_bind_text(s, 1, ext_id, -1, SQLITE_STATIC);
    int r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(s, 0);
        bool same = strcmp((const char *)sqlite3_column_text(s, 1), hash) == 0;
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
        if (same) {
            *what = WARTA_STORED_SAME;
            return WARTA_OK;
        }
        *what = WARTA_STORED_REPLACED;
        return drop_doc(st, id);
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (r != SQLITE_DONE)
        return store_db_error(st, "finding a document");
    if (url && *url) {
        s = st->stmt[STMT_FIND_BY_URL];
        sqlite3_bind_text(s, 1, url, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, hash, -1, SQLITE_STATIC);
        if (run_for_id(st, s, &rc))
            *what = WARTA_STORED_SAME;
    }
    return rc;
}

static int64_t add_doc_row(warta_store *st, const warta_doc *doc,
                           const char *ext_id, const char *hash,
                           warta_status *rc)
{
    const warta_meta *m = warta_doc_meta(doc);
    char outlet[256];
    doc_outlet(m, ext_id, outlet, sizeof outlet);
    sqlite3_stmt *s = st->stmt[STMT_ADD_DOC];
    sqlite3_bind_text(s, 1, ext_id, -1, SQLITE_STATIC);
    bind_text(s, 2, m->url);
    bind_text(s, 3, m->date);
    bind_text(s, 4, m->source);
    sqlite3_bind_text(s, 5, outlet, -1, SQLITE_STATIC);
    bind_text(s, 6, warta_doc_lang(doc));
    bind_text(s, 7, m->title);
    sqlite3_bind_text(s, 8, hash, -1, SQLITE_STATIC);
    if (run(st, s, "storing a document") != WARTA_OK) {
        *rc = WARTA_EDB;
        return 0;
    }
    return sqlite3_last_insert_rowid(st->db);
}

static int64_t add_sentence(warta_store *st, int64_t doc_id,
                            const warta_sentence *sent, warta_status *rc)
{
    sqlite3_stmt *s = st->stmt[STMT_ADD_SENTENCE];
    sqlite3_bind_int64(s, 1, doc_id);
    sqlite3_bind_int64(s, 2, (int64_t)sent->index);
    bind_text(s, 3, sent->lang);
    bind_slice(s, 4, sent->text);
    if (run(st, s, "storing a sentence") != WARTA_OK) {
        *rc = WARTA_EDB;
        return 0;
    }
    return sqlite3_last_insert_rowid(st->db);
}

static int64_t upsert_event(warta_store *st, const warta_event *e,
                            warta_status *rc)
{
    sqlite3_stmt *s = st->stmt[STMT_ADD_EVENT];
    sqlite3_bind_text(s, 1, e->date, -1, SQLITE_STATIC);
    bind_text(s, 2, warta_date_precision_name(e->date_precision));
    sqlite3_bind_text(s, 3, e->source.code, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, e->target.code, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, e->code, -1, SQLITE_STATIC);
    bind_text(s, 6, e->root);
    bind_text(s, 7, e->label);
    sqlite3_bind_int(s, 8, e->quad_class);
    sqlite3_bind_double(s, 9, e->goldstein);
    bind_text(s, 10, e->plover_type);
    bind_text(s, 11, e->plover_mode);
    bind_text(s, 12, e->source.country);
    bind_text(s, 13, e->target.country);
    const warta_place *p = &e->place;
    char key[96];
    event_place_key(p, key, sizeof key);
    sqlite3_bind_text(s, 14, key, -1, SQLITE_STATIC);
    if (p->name[0]) {
        if (p->geonames_id)
            sqlite3_bind_int64(s, 15, p->geonames_id);
        bind_text(s, 16, p->name);
        bind_text(s, 17, p->country);
        bind_text(s, 18, p->adm1);
        sqlite3_bind_double(s, 19, p->lat);
        sqlite3_bind_double(s, 20, p->lon);
    }
    sqlite3_bind_text(s, 21, warta_mode_name((warta_mode)e->mode), -1,
                      SQLITE_STATIC);
    int64_t id = run_for_id(st, s, rc);
    sqlite3_bind_int64(st->stmt[STMT_TOUCH_EVENT], 1, id);
    sqlite3_bind_int(st->stmt[STMT_TOUCH_EVENT], 2, !e->historical);
    if (*rc == WARTA_OK &&
        run(st, st->stmt[STMT_TOUCH_EVENT], "storing an event") != WARTA_OK)
        *rc = WARTA_EDB;
    return id;
}

static warta_status add_mention(warta_store *st, int64_t event_id,
                                int64_t doc_id, int64_t sentence_id,
                                const warta_event *e)
{
    sqlite3_stmt *s = st->stmt[STMT_ADD_MENTION];
    sqlite3_bind_int64(s, 1, event_id);
    sqlite3_bind_int64(s, 2, doc_id);
    sqlite3_bind_int64(s, 3, sentence_id);
    const warta_actor *side[2] = {&e->source, &e->target};
    for (int k = 0; k < 2; k++) {
        bind_slice(s, 4 + 4 * k, side[k]->text);
        sqlite3_bind_int64(s, 5 + 4 * k, (int64_t)side[k]->start);
        sqlite3_bind_int64(s, 6 + 4 * k, (int64_t)side[k]->end);
        bind_text(s, 7 + 4 * k, side[k]->entry);
    }
    bind_slice(s, 12, e->verb);
    sqlite3_bind_int64(s, 13, (int64_t)e->verb_start);
    sqlite3_bind_int64(s, 14, (int64_t)e->verb_end);
    bind_text(s, 15, e->rule);
    bind_text(s, 16, e->date);
    bind_text(s, 17, warta_date_precision_name(e->date_precision));
    sqlite3_bind_int(s, 18, e->historical);
    bind_text(s, 19, e->source_how);
    bind_text(s, 20, e->target_how);
    return run(st, s, "storing a mention");
}

/* Store the sentences next to those that produced events (ids[i] > 0),
** as the event view's context: each marked -1. */
static warta_status add_neighbours(warta_store *st, const warta_doc *doc,
                                   int64_t doc_id, int64_t *ids, size_t n)
{
    warta_status rc = WARTA_OK;
    for (size_t i = 0; i < n && rc == WARTA_OK; i++)
        if (!ids[i] && ((i > 0 && ids[i - 1] > 0) ||
                        (i + 1 < n && ids[i + 1] > 0))) {
            add_sentence(st, doc_id, warta_doc_sentence(doc, i), &rc);
            ids[i] = -1;
        }
    return rc;
}

/* Store the sentences that produced events and those next to them, the
** events and mentions. */
static warta_status add_events(warta_store *st, const warta_doc *doc,
                               int64_t doc_id)
{
    warta_status rc = WARTA_OK;
    size_t n_sents = warta_doc_n_sentences(doc);
    int64_t *sentence_ids = calloc(n_sents ? n_sents : 1, sizeof *sentence_ids);
    if (!sentence_ids)
        return ctx_error(st->ctx, WARTA_ENOMEM, "out of memory");
    for (size_t i = 0; i < warta_doc_n_events(doc) && rc == WARTA_OK; i++) {
        const warta_event *e = warta_doc_event(doc, i);
        if (e->sentence >= n_sents)
            continue;
        int64_t *sid = &sentence_ids[e->sentence];
        if (!*sid)
            *sid = add_sentence(st, doc_id, warta_doc_sentence(doc, e->sentence),
                                &rc);
        int64_t event_id = rc == WARTA_OK ? upsert_event(st, e, &rc) : 0;
        if (rc == WARTA_OK)
            rc = add_mention(st, event_id, doc_id, *sid, e);
    }
    if (rc == WARTA_OK)
        rc = add_neighbours(st, doc, doc_id, sentence_ids, n_sents);
    free(sentence_ids);
    return rc;
}

/* Add the stored document's reports to the counts of its events (one new
** article each, and a new source where its outlet had none), then delete
** the events no one reports any more. */
static warta_status count_doc(warta_store *st, int64_t doc_id)
{
    static const int steps[] = {
        STMT_COUNT_SOURCES, STMT_COUNT_OUTLETS,    STMT_DAYS_TAKE,
        STMT_COUNT_EVENTS,  STMT_DAYS_PUT,         STMT_CLEAR_TOUCHED,
        STMT_DROP_EMPTY_DAYS, STMT_DROP_UNMENTIONED, STMT_CLEAR_DROPPED};
    return run_steps(st, steps, ARRAY_LEN(steps), doc_id,
                     "counting mentions");
}

warta_status warta_store_add(warta_store *st, const warta_doc *doc,
                             warta_stored *what)
{
    warta_stored dummy;
    if (!what)
        what = &dummy;
    if (!st || !doc)
        return WARTA_EINVAL;
    if (!st->stmt[0])
        return ctx_error(st->ctx, WARTA_EINVAL, "%s: opened read-only",
                         st->path);
    if (st->batch_lost)
        return ctx_error(st->ctx, WARTA_EDB,
                         "%s: an earlier write failed and SQLite rolled back "
                         "the transaction: nothing is stored until it ends",
                         st->path);
    warta_slice text = warta_doc_text(doc);
    char hash[17];
    snprintf(hash, sizeof hash, "%016llx",
             (unsigned long long)hash_bytes(text.p, text.n));
    const warta_meta *m = warta_doc_meta(doc);
    /* No id: the url, else the content, names the document. */
    const char *ext_id = m->id && *m->id ? m->id : m->url && *m->url ? m->url
                                                                     : hash;
    warta_status rc = store_exec(st, "SAVEPOINT doc");
    if (rc != WARTA_OK)
        return rc;
    rc = find_doc(st, ext_id, m->url, hash, what);
    if (rc == WARTA_OK && *what != WARTA_STORED_SAME) {
        int64_t doc_id = add_doc_row(st, doc, ext_id, hash, &rc);
        if (rc == WARTA_OK)
            rc = add_events(st, doc, doc_id);
        if (rc == WARTA_OK)
            rc = count_doc(st, doc_id);
    }
    if (rc != WARTA_OK) {
        /* SQLite rolls a whole transaction back on some errors (a full
        ** disk, an I/O error): then the savepoint is gone with the batch,
        ** and a document stored now would land outside it */
        if (st->in_batch && sqlite3_get_autocommit(st->db))
            st->batch_lost = true;
        else
            sqlite3_exec(st->db, "ROLLBACK TO doc; RELEASE doc", NULL, NULL,
                         NULL);
        sqlite3_exec(st->db, "DELETE FROM temp.touched;"
                             " DELETE FROM temp.dropped", NULL, NULL, NULL);
        return rc;
    }
    return store_exec(st, "RELEASE doc");
}

warta_status warta_store_count(warta_store *st, warta_store_counts *out)
{
    static const char *const sql[] = {
        "SELECT count(*) FROM docs", "SELECT count(*) FROM sentences",
        "SELECT count(*) FROM events", "SELECT count(*) FROM mentions"};
    uint64_t *fields[] = {&out->documents, &out->sentences, &out->events,
                          &out->mentions};
    for (size_t i = 0; i < ARRAY_LEN(sql); i++) {
        sqlite3_stmt *s;
        if (sqlite3_prepare_v2(st->db, sql[i], -1, &s, NULL) != SQLITE_OK)
            return store_db_error(st, "counting");
        *fields[i] = sqlite3_step(s) == SQLITE_ROW
                         ? (uint64_t)sqlite3_column_int64(s, 0) : 0;
        sqlite3_finalize(s);
    }
    return WARTA_OK;
}
