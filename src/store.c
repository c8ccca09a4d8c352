/*
** store.c -- the event store: a database (SQLite or PostgreSQL, through
** store_db.h) that keeps coded articles and merges the same event
** reported by many of them.
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_db.h"
#include "summary.h"

/* The statements a store prepares once and reuses, by name.  touched
** (a temporary table: each writer's own) holds the events of the document
** being stored or dropped, with how many of its mentions each has (n) and
** how many of those are not historical (current); dropped the events a
** dropped document reported, deleted at the end if no one reports them
** any more (after a replacement re-reported some, which keep their ids);
** days_delta what the document changes in event_days.  ?1 is a docs id;
** "OUTLET" is that document's outlet.
**
** Many writers at once (PostgreSQL) give the store one writer would: every
** count moves by what this document adds or takes (x = x + n, never a
** value read before and written after), and a count that depends on
** another row reads a row this writer has just written, and so holds
** locked: NumSources moves when this document's outlet row for the event
** was made (articles = 1) or emptied (articles = 0). */
#define OUTLET "(SELECT outlet FROM docs WHERE id = ?1)"
#define IN_TOUCHED " IN (SELECT id FROM touched)"
#define TOUCHED_COUNTED "id" IN_TOUCHED " AND mentions > 0"
#define OUTLET_ARTICLES                                                    \
    "(SELECT articles FROM event_outlets o WHERE o.event = events.id"      \
    " AND o.outlet = " OUTLET ")"
/* Reports of one event may date it to its day, its month or its year
** ("on 1 August", "last month"): the event keeps the finest, whichever
** report was stored first (an MPI run's ranks store them in any order). */
#define PRECISION_RANK(t)                                                  \
    "(CASE " t ".precision WHEN 'day' THEN 1 WHEN 'month' THEN 2"          \
    " WHEN 'year' THEN 3 ELSE 4 END)"
#define STORE_STMT_LIST(X)                                                 \
    X(FIND_BY_ID, NULL) /* the dialect's find_doc */                       \
    X(FIND_BY_URL, "SELECT id, ext_id FROM docs WHERE url = ?1"            \
      " AND hash = ?2")                                                    \
    X(LOCK_EVENTS, NULL) /* the dialect's lock_events, if any */           \
    /* dropping a document: take its reports from the counts */            \
    X(TOUCH_DOC_EVENTS, "INSERT INTO touched(id, n, current)"              \
      " SELECT event, count(*), sum(1 - historical) FROM mentions"         \
      " WHERE doc = ?1 GROUP BY event")                                    \
    X(NOTE_DROPPED, "INSERT INTO dropped SELECT id FROM touched"           \
      " WHERE true ON CONFLICT DO NOTHING")                                \
    X(UNCOUNT_OUTLETS, "UPDATE event_outlets SET articles = articles - 1"  \
      " WHERE outlet = " OUTLET " AND event" IN_TOUCHED)                   \
    X(UNCOUNT_SOURCES, "UPDATE events SET sources = sources - 1"           \
      " WHERE id" IN_TOUCHED " AND " OUTLET_ARTICLES " = 0")               \
    X(DROP_OUTLETS, "DELETE FROM event_outlets WHERE articles = 0"         \
      " AND outlet = " OUTLET " AND event" IN_TOUCHED)                     \
    /* the touched events out of their days before their counts change, */ \
    /* and back in after (summary.h) */                                    \
    X(DAYS_TAKE, DAYS_NOTE("-", TOUCHED_COUNTED))                          \
    X(DAYS_PUT, DAYS_NOTE("", TOUCHED_COUNTED))                            \
    X(UNCOUNT_EVENTS, "UPDATE events SET mentions = mentions - t.n,"       \
      " current_mentions = current_mentions - t.current,"                  \
      " articles = articles - 1 FROM touched t WHERE events.id = t.id")    \
    X(DEL_MENTIONS, "DELETE FROM mentions WHERE doc = ?1")                 \
    X(DEL_SENTENCES, "DELETE FROM sentences WHERE doc = ?1")               \
    X(DEL_DOC, "DELETE FROM docs WHERE id = ?1")                           \
    /* storing a document: no row when another writer stored its id, */   \
    /* or its url and content (PostgreSQL's docs_url is unique), */        \
    /* meanwhile */                                                        \
    X(ADD_DOC, "INSERT INTO docs(ext_id, url, date, source, outlet, lang," \
      " title, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"              \
      " ON CONFLICT DO NOTHING RETURNING id")                              \
    X(ADD_SENTENCE, "INSERT INTO sentences(doc, idx, lang, text) "         \
      "VALUES (?1, ?2, ?3, ?4) RETURNING id")                              \
    X(ADD_EVENT, "INSERT INTO events(date, precision, source, target,"     \
      " code, root, label, quad, goldstein, plover_type, plover_mode,"     \
      " source_country, target_country, place_key, place_id, place,"       \
      " place_country, place_adm1, lat, lon, mode) VALUES (?1, ?2, ?3, ?4,"\
      " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"  \
      " ?19, ?20, ?21) ON CONFLICT(date, source, target, code, place_key," \
      " mode) DO UPDATE SET precision = CASE WHEN "                        \
      PRECISION_RANK("excluded") " < " PRECISION_RANK("events")            \
      " THEN excluded.precision ELSE events.precision END RETURNING id")   \
    X(TOUCH_EVENT, "INSERT INTO touched(id, n, current)"                   \
      " VALUES (?1, 1, ?2) ON CONFLICT(id) DO UPDATE SET"                  \
      " n = touched.n + 1, current = touched.current + excluded.current")  \
    X(ADD_MENTION, "INSERT INTO mentions(event, doc, sentence,"            \
      " source_text, source_start, source_end, source_entry, target_text," \
      " target_start, target_end, target_entry, verb_text, verb_start,"    \
      " verb_end, rule, event_date, date_precision, historical,"          \
      " source_how, target_how) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"   \
      " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)")       \
    /* ... and adding its reports to the counts */                         \
    X(COUNT_OUTLETS, "INSERT INTO event_outlets(event, outlet, articles)"  \
      " SELECT id, " OUTLET ", 1 FROM touched WHERE true ORDER BY id"      \
      " ON CONFLICT(event, outlet) DO UPDATE SET"                          \
      " articles = event_outlets.articles + 1")                            \
    X(COUNT_SOURCES, "UPDATE events SET sources = sources + 1"             \
      " WHERE id" IN_TOUCHED " AND " OUTLET_ARTICLES " = 1")               \
    X(COUNT_EVENTS, "UPDATE events SET mentions = mentions + t.n,"         \
      " current_mentions = current_mentions + t.current,"                  \
      " articles = articles + 1 FROM touched t WHERE events.id = t.id")    \
    X(CLEAR_TOUCHED, "DELETE FROM touched")                                \
    /* at the end */                                                       \
    X(DAYS_APPLY, DAYS_APPLY_SQL)                                          \
    X(CLEAR_DAYS_DELTA, "DELETE FROM days_delta")                          \
    X(DROP_EMPTY_DAYS, DAYS_DROP_EMPTY("id IN (SELECT id FROM dropped)"))  \
    X(DROP_UNMENTIONED, "DELETE FROM events WHERE mentions = 0"            \
      " AND id IN (SELECT id FROM dropped)")                               \
    X(CLEAR_DROPPED, "DELETE FROM dropped")

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

/* A statement's SQL: the list's, or the dialect's where they differ. */
static const char *statement_sql(const warta_store *st, int i)
{
    if (i == STMT_FIND_BY_ID)
        return st->be->sql->find_doc;
    if (i == STMT_LOCK_EVENTS)
        return st->be->sql->lock_events ? st->be->sql->lock_events
                                         : "SELECT 1";
    return stmt_sql[i];
}

const store_backend *store_backend_for(const char *where)
{
    return strncmp(where, "postgresql://", 13) == 0 ||
                   strncmp(where, "postgres://", 11) == 0
               ? &store_pg
               : &store_sqlite;
}

warta_status store_db_error(warta_store *st, const char *what)
{
    return ctx_error(st->ctx, WARTA_EDB, "%s: %s: %s", st->path, what,
                     st->be->errmsg(st));
}

warta_status store_exec(warta_store *st, const char *sql)
{
    return st->be->exec(st, sql);
}

static warta_status prepare_all(warta_store *st)
{
    if (store_exec(st, st->be->sql->temp_tables) != WARTA_OK)
        return WARTA_EDB;
    for (int i = 0; i < N_STMTS; i++)
        if (st->be->prepare(st, statement_sql(st, i), true, &st->stmt[i]) !=
            WARTA_OK)
            return WARTA_EDB;
    return WARTA_OK;
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
    st->be = store_backend_for(path);
    st->path = ctx_strdup(ctx, path);
    bool readonly = flags & WARTA_STORE_READONLY;
    warta_status rc = !st->path ? ctx_error(ctx, WARTA_ENOMEM, "out of memory")
                                : st->be->open(st, readonly);
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
        db_finalize(st->stmt[i]);
    if (st->db)
        st->be->close(st);
    warta_ctx *ctx = st->ctx;
    if (st->path)
        ctx_free(ctx, st->path, strlen(st->path) + 1);
    ctx_free(ctx, st, sizeof *st);
}

void warta_store_set_stop(warta_store *st, warta_stop_fn stop, void *ud)
{
    if (st)
        st->be->set_stop(st, stop, ud);
}

/* Clean up after an error, leaving its message as it is. */
static void quiet_exec(warta_store *st, const char *sql)
{
    char why[sizeof st->ctx->errmsg];
    memcpy(why, st->ctx->errmsg, sizeof why);
    st->be->exec(st, sql);
    memcpy(st->ctx->errmsg, why, sizeof why);
}

/* A backend whose documents are transactions of their own groups
** nothing: begin and commit only say where a batch is. */
warta_status warta_store_begin(warta_store *st)
{
    warta_status rc = st->be->doc_transactions
                          ? WARTA_OK
                          : store_exec(st, st->be->sql->begin);
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
                         "%s: a write failed and %s rolled back the "
                         "transaction: nothing since it began is stored",
                         st->path, st->be->name);
    if (st->be->doc_transactions)
        return WARTA_OK;
    warta_status rc = store_exec(st, "COMMIT");
    if (rc != WARTA_OK && !st->be->no_transaction(st))
        quiet_exec(st, "ROLLBACK");
    return rc;
}

/* ---- running the statements ------------------------------------------- */

/* Run a statement that returns nothing (or ignore its rows). */
static warta_status run(warta_store *st, store_stmt *s, const char *what)
{
    int r;
    while ((r = db_step(s)) == DB_ROW)
        ;
    warta_status rc = r == DB_DONE ? WARTA_OK : store_db_error(st, what);
    db_reset(s);
    return rc;
}

/* Run a statement for its first column's integer; 0 when there is no row. */
static int64_t run_for_id(warta_store *st, store_stmt *s, warta_status *rc)
{
    int r = db_step(s);
    int64_t id = r == DB_ROW ? db_int(s, 0) : 0;
    if (r == DB_ERROR)
        *rc = store_db_error(st, "reading");
    db_reset(s);
    return id;
}

/* A text that may be empty: NULL then. */
static void bind_text(store_stmt *s, int i, const char *v)
{
    db_bind_text(s, i, v && *v ? v : NULL);
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

/* Run statements in turn, each with doc id ?1 if it takes one: in one
** batch where the backend has batches (a server: one round trip, not a
** dozen). */
static warta_status run_steps(warta_store *st, const int *steps, size_t n,
                              int64_t doc_id, const char *what)
{
    if (st->be->run_batch) {
        store_stmt *batch[16];
        for (size_t i = 0; i < n && i < ARRAY_LEN(batch); i++)
            batch[i] = st->stmt[steps[i]];
        return st->be->run_batch(st, batch, n < 16 ? n : 16, doc_id) ==
                       WARTA_OK
                   ? WARTA_OK
                   : store_db_error(st, what);
    }
    for (size_t i = 0; i < n; i++) {
        store_stmt *s = st->stmt[steps[i]];
        if (st->be->param_count(s) > 0)
            db_bind_int(s, 1, doc_id);
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
        STMT_TOUCH_DOC_EVENTS, STMT_LOCK_EVENTS,   STMT_NOTE_DROPPED,
        STMT_UNCOUNT_OUTLETS,  STMT_UNCOUNT_SOURCES, STMT_DROP_OUTLETS,
        STMT_DAYS_TAKE,        STMT_UNCOUNT_EVENTS, STMT_DAYS_PUT,
        STMT_CLEAR_TOUCHED,    STMT_DEL_MENTIONS,  STMT_DEL_SENTENCES,
        STMT_DEL_DOC};
    return run_steps(st, steps, ARRAY_LEN(steps), id, "dropping a document");
}

/* Is the same article (url and content) stored under another id?  The
** store keeps it under the smaller id, whichever came first, so that
** writers that meet the two in any order make the same store: a copy
** under a larger id makes way for this one. */
static warta_status find_copy(warta_store *st, const char *ext_id,
                              const char *url, const char *hash,
                              warta_stored *what, bool *add)
{
    store_stmt *s = st->stmt[STMT_FIND_BY_URL];
    db_bind_text(s, 1, url);
    db_bind_text(s, 2, hash);
    int r = db_step(s);
    int64_t id = r == DB_ROW ? db_int(s, 0) : 0;
    const char *other = r == DB_ROW ? db_text(s, 1) : NULL;
    bool keep_other = other && strcmp(other, ext_id) <= 0;
    db_reset(s);
    if (r == DB_ERROR)
        return store_db_error(st, "finding a document");
    if (!id)
        return WARTA_OK;
    if (keep_other) {
        *add = false;
        if (*what == WARTA_STORED_NEW)
            *what = WARTA_STORED_SAME;
        return WARTA_OK;
    }
    *what = WARTA_STORED_REPLACED;
    return drop_doc(st, id);
}

/* Is this document stored already (*add false), or an older version of it
** (dropped: *what says REPLACED)? */
static warta_status find_doc(warta_store *st, const char *ext_id,
                             const char *url, const char *hash,
                             warta_stored *what, bool *add)
{
    warta_status rc = WARTA_OK;
    *add = true;
    store_stmt *s = st->stmt[STMT_FIND_BY_ID];
    db_bind_text(s, 1, ext_id);
    int r = db_step(s);
    int64_t id = r == DB_ROW ? db_int(s, 0) : 0;
    const char *stored = r == DB_ROW ? db_text(s, 1) : NULL;
    bool same = stored && strcmp(stored, hash) == 0;
    db_reset(s);
    if (r == DB_ERROR)
        return store_db_error(st, "finding a document");
    if (same) {
        *add = false;
        *what = WARTA_STORED_SAME;
        return WARTA_OK;
    }
    if (id) {
        *what = WARTA_STORED_REPLACED;
        rc = drop_doc(st, id);
    }
    if (rc == WARTA_OK && url && *url)
        rc = find_copy(st, ext_id, url, hash, what, add);
    return rc;
}

/* The document's row; 0 when another writer stored its id meanwhile. */
static int64_t add_doc_row(warta_store *st, const warta_doc *doc,
                           const char *ext_id, const char *hash,
                           warta_status *rc)
{
    const warta_meta *m = warta_doc_meta(doc);
    char outlet[256];
    doc_outlet(m, ext_id, outlet, sizeof outlet);
    store_stmt *s = st->stmt[STMT_ADD_DOC];
    db_bind_text(s, 1, ext_id);
    bind_text(s, 2, m->url);
    bind_text(s, 3, m->date);
    bind_text(s, 4, m->source);
    db_bind_text(s, 5, outlet);
    bind_text(s, 6, warta_doc_lang(doc));
    bind_text(s, 7, m->title);
    db_bind_text(s, 8, hash);
    return run_for_id(st, s, rc);
}

static int64_t add_sentence(warta_store *st, int64_t doc_id,
                            const warta_sentence *sent, warta_status *rc)
{
    store_stmt *s = st->stmt[STMT_ADD_SENTENCE];
    db_bind_int(s, 1, doc_id);
    db_bind_int(s, 2, (int64_t)sent->index);
    bind_text(s, 3, sent->lang);
    db_bind_slice(s, 4, sent->text);
    return run_for_id(st, s, rc);
}

static int64_t upsert_event(warta_store *st, const warta_event *e,
                            warta_status *rc)
{
    store_stmt *s = st->stmt[STMT_ADD_EVENT];
    db_bind_text(s, 1, e->date);
    bind_text(s, 2, warta_date_precision_name(e->date_precision));
    db_bind_text(s, 3, e->source.code);
    db_bind_text(s, 4, e->target.code);
    db_bind_text(s, 5, e->code);
    bind_text(s, 6, e->root);
    bind_text(s, 7, e->label);
    db_bind_int(s, 8, e->quad_class);
    db_bind_double(s, 9, e->goldstein);
    bind_text(s, 10, e->plover_type);
    bind_text(s, 11, e->plover_mode);
    bind_text(s, 12, e->source.country);
    bind_text(s, 13, e->target.country);
    const warta_place *p = &e->place;
    char key[96];
    event_place_key(p, key, sizeof key);
    db_bind_text(s, 14, key);
    for (int i = 15; i <= 20; i++)
        db_bind_text(s, i, NULL);
    if (p->name[0]) {
        if (p->geonames_id)
            db_bind_int(s, 15, p->geonames_id);
        bind_text(s, 16, p->name);
        bind_text(s, 17, p->country);
        bind_text(s, 18, p->adm1);
        db_bind_double(s, 19, p->lat);
        db_bind_double(s, 20, p->lon);
    }
    db_bind_text(s, 21, warta_mode_name((warta_mode)e->mode));
    int64_t id = run_for_id(st, s, rc);
    if (*rc != WARTA_OK)
        return 0;
    store_stmt *t = st->stmt[STMT_TOUCH_EVENT];
    db_bind_int(t, 1, id);
    db_bind_int(t, 2, !e->historical);
    if (run(st, t, "storing an event") != WARTA_OK)
        *rc = WARTA_EDB;
    return id;
}

static warta_status add_mention(warta_store *st, int64_t event_id,
                                int64_t doc_id, int64_t sentence_id,
                                const warta_event *e)
{
    store_stmt *s = st->stmt[STMT_ADD_MENTION];
    db_bind_int(s, 1, event_id);
    db_bind_int(s, 2, doc_id);
    db_bind_int(s, 3, sentence_id);
    const warta_actor *side[2] = {&e->source, &e->target};
    for (int k = 0; k < 2; k++) {
        db_bind_slice(s, 4 + 4 * k, side[k]->text);
        db_bind_int(s, 5 + 4 * k, (int64_t)side[k]->start);
        db_bind_int(s, 6 + 4 * k, (int64_t)side[k]->end);
        bind_text(s, 7 + 4 * k, side[k]->entry);
    }
    db_bind_slice(s, 12, e->verb);
    db_bind_int(s, 13, (int64_t)e->verb_start);
    db_bind_int(s, 14, (int64_t)e->verb_end);
    bind_text(s, 15, e->rule);
    bind_text(s, 16, e->date);
    bind_text(s, 17, warta_date_precision_name(e->date_precision));
    db_bind_int(s, 18, e->historical);
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

/* Is an event's identity before another's?  The order in which a
** document's events are upserted, and so locked, on PostgreSQL: with
** every writer taking its events in this one order, two never wait for
** each other. */
static int event_order(const warta_event *a, const warta_event *b)
{
    int c = strcmp(a->date, b->date);
    if (!c)
        c = strcmp(a->source.code, b->source.code);
    if (!c)
        c = strcmp(a->target.code, b->target.code);
    if (!c)
        c = strcmp(a->code, b->code);
    if (!c) {
        char ka[96], kb[96];
        event_place_key(&a->place, ka, sizeof ka);
        event_place_key(&b->place, kb, sizeof kb);
        c = strcmp(ka, kb);
    }
    if (!c)
        c = strcmp(warta_mode_name((warta_mode)a->mode),
                   warta_mode_name((warta_mode)b->mode));
    return c;
}

/* A document's event and its index, sorted by event_order (then
** index, where two are the same). */
typedef struct event_at {
    const warta_event *e;
    size_t i;
} event_at;

static int compare_events(const void *pa, const void *pb)
{
    const event_at *a = pa, *b = pb;
    int c = event_order(a->e, b->e);
    return c ? c : (a->i > b->i) - (a->i < b->i);
}

/* Upsert the document's events in event_order, each id in ids. */
static warta_status upsert_events(warta_store *st, const warta_doc *doc,
                                  int64_t *ids, event_at *order)
{
    size_t n = warta_doc_n_events(doc);
    for (size_t i = 0; i < n; i++)
        order[i] = (event_at){warta_doc_event(doc, i), i};
    qsort(order, n, sizeof *order, compare_events);
    warta_status rc = WARTA_OK;
    for (size_t k = 0; k < n && rc == WARTA_OK; k++)
        if (order[k].e->sentence < warta_doc_n_sentences(doc))
            ids[order[k].i] = upsert_event(st, order[k].e, &rc);
    return rc;
}

/* Store the events, then the sentences that produced them and those next
** to them, and the mentions. */
static warta_status add_events(warta_store *st, const warta_doc *doc,
                               int64_t doc_id)
{
    size_t n_sents = warta_doc_n_sentences(doc);
    size_t n_events = warta_doc_n_events(doc);
    int64_t *sentence_ids = calloc(n_sents ? n_sents : 1, sizeof *sentence_ids);
    int64_t *event_ids = calloc(n_events ? n_events : 1, sizeof *event_ids);
    event_at *order = calloc(n_events ? n_events : 1, sizeof *order);
    warta_status rc = sentence_ids && event_ids && order
                          ? upsert_events(st, doc, event_ids, order)
                          : ctx_error(st->ctx, WARTA_ENOMEM, "out of memory");
    for (size_t i = 0; i < n_events && rc == WARTA_OK; i++) {
        const warta_event *e = warta_doc_event(doc, i);
        if (e->sentence >= n_sents)
            continue;
        int64_t *sid = &sentence_ids[e->sentence];
        if (!*sid)
            *sid = add_sentence(st, doc_id, warta_doc_sentence(doc, e->sentence),
                                &rc);
        if (rc == WARTA_OK)
            rc = add_mention(st, event_ids[i], doc_id, *sid, e);
    }
    if (rc == WARTA_OK)
        rc = add_neighbours(st, doc, doc_id, sentence_ids, n_sents);
    free(sentence_ids);
    free(event_ids);
    free(order);
    return rc;
}

/* Add the stored document's reports to the counts of its events (one new
** article each, and a new source where its outlet had none). */
static warta_status count_doc(warta_store *st, int64_t doc_id)
{
    static const int steps[] = {
        STMT_COUNT_OUTLETS, STMT_COUNT_SOURCES, STMT_DAYS_TAKE,
        STMT_COUNT_EVENTS,  STMT_DAYS_PUT,      STMT_CLEAR_TOUCHED};
    return run_steps(st, steps, ARRAY_LEN(steps), doc_id,
                     "counting mentions");
}

/* At a document's end, whatever it added or dropped: apply what it
** changed in the days, then delete the events no one reports any more. */
static warta_status finish_doc(warta_store *st)
{
    static const int steps[] = {
        STMT_DAYS_APPLY,       STMT_CLEAR_DAYS_DELTA, STMT_DROP_EMPTY_DAYS,
        STMT_DROP_UNMENTIONED, STMT_CLEAR_DROPPED};
    return run_steps(st, steps, ARRAY_LEN(steps), 0, "counting mentions");
}

/* Store one document in the open transaction (or savepoint). */
static warta_status store_doc(warta_store *st, const warta_doc *doc,
                              const char *ext_id, const char *hash,
                              warta_stored *what)
{
    const warta_meta *m = warta_doc_meta(doc);
    *what = WARTA_STORED_NEW;
    int64_t doc_id = 0;
    bool add;
    /* no row: another writer stored it (or its copy) meanwhile, and it is
    ** found the second time */
    for (int tries = 0; !doc_id; tries++) {
        warta_status rc = find_doc(st, ext_id, m->url, hash, what, &add);
        if (rc != WARTA_OK || (!add && *what == WARTA_STORED_SAME))
            return rc;
        if (!add)       /* its old version dropped, a copy kept */
            return finish_doc(st);
        if (tries == 2)
            return ctx_error(st->ctx, WARTA_EDB, "%s: %s: stored meanwhile, "
                             "yet not found", st->path, ext_id);
        doc_id = add_doc_row(st, doc, ext_id, hash, &rc);
        if (rc != WARTA_OK)
            return rc;
    }
    warta_status rc = add_events(st, doc, doc_id);
    if (rc == WARTA_OK)
        rc = count_doc(st, doc_id);
    if (rc == WARTA_OK)
        rc = finish_doc(st);
    return rc;
}

/* Forget a failed document's part: its writes, and the notes of the
** writer's temporary tables. */
static void undo_doc(warta_store *st)
{
    if (st->be->doc_transactions)
        quiet_exec(st, "ROLLBACK");
    else if (st->in_batch && st->be->no_transaction(st))
        st->batch_lost = true;  /* the savepoint went with the batch, and a
                                   document stored now would land outside */
    else
        quiet_exec(st, "ROLLBACK TO doc; RELEASE doc");
    quiet_exec(st, "DELETE FROM touched; DELETE FROM dropped;"
                   " DELETE FROM days_delta");
}

/* How many times a document is tried when another writer's work made it
** fail (PostgreSQL's deadlock detection, which picks one of two). */
#define DOC_TRIES 20

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
    const char *open = st->be->doc_transactions ? st->be->sql->begin
                                                : "SAVEPOINT doc";
    const char *close = st->be->doc_transactions ? "COMMIT" : "RELEASE doc";
    for (int tries = 1;; tries++) {
        warta_status rc = store_exec(st, open);
        if (rc == WARTA_OK)
            rc = store_doc(st, doc, ext_id, hash, what);
        if (rc == WARTA_OK)
            rc = store_exec(st, close);
        if (rc == WARTA_OK)
            return WARTA_OK;
        bool again = st->be->transient(st) && tries < DOC_TRIES;
        undo_doc(st);
        if (!again)
            return rc;
    }
}

warta_status warta_store_count(warta_store *st, warta_store_counts *out)
{
    static const char *const sql[] = {
        "SELECT count(*) FROM docs", "SELECT count(*) FROM sentences",
        "SELECT count(*) FROM events", "SELECT count(*) FROM mentions"};
    uint64_t *fields[] = {&out->documents, &out->sentences, &out->events,
                          &out->mentions};
    for (size_t i = 0; i < ARRAY_LEN(sql); i++) {
        store_stmt *s;
        if (db_prepare(st, sql[i], &s) != WARTA_OK)
            return WARTA_EDB;
        int r = db_step(s);
        *fields[i] = r == DB_ROW ? (uint64_t)db_int(s, 0) : 0;
        db_finalize(s);
        if (r == DB_ERROR)
            return store_db_error(st, "counting");
    }
    return WARTA_OK;
}
