/*
** summary.h -- the store's summary of its events, as SQL: event_days
** counts the events of each day, mode and QuadClass, their mentions and
** their Goldstein scores, so that a time series of every event (`query
** --by month`) reads a few thousand rows, not a million.
**
** Every path that changes what an event counts goes through the two
** statements made by DAYS_NOTE (store.c): taking the events of a document
** out of their days before their counts change, and putting them back
** after (both noted in days_delta, then applied by DAYS_APPLY_SQL), so a new event, a report added or taken away and an event no one
** reports any more are all counted by the same two statements.  An event
** counts while it has mentions (every stored event has: one without is
** deleted with the document that last reported it).  The upgrade to
** schema 4 counts an older store's events with DAYS_REBUILD_SQL, and
** query.c reads event_days where a query's filters are all columns of it.
**
** Goldstein scores are summed in millionths as integers, so that taking
** a score away leaves the sum exactly as it was before it was added, and
** the mean (GOLDSTEIN_MEAN) is the same number however the events were
** summed: query.c takes the mean of events the same way.  Plain SQL that
** both backends run (store_db.h), but for the tables' own declarations.
*/
#ifndef WARTA_SUMMARY_H
#define WARTA_SUMMARY_H

#define DAYS_TABLE_SQL                                                     \
    "CREATE TABLE event_days("                                             \
    "  date TEXT NOT NULL, mode TEXT NOT NULL,"                            \
    "  events INTEGER NOT NULL, mentions INTEGER NOT NULL,"                \
    "  goldstein_n INTEGER NOT NULL, goldstein_sum INTEGER NOT NULL,"      \
    "  quad1 INTEGER NOT NULL, quad2 INTEGER NOT NULL,"                    \
    "  quad3 INTEGER NOT NULL, quad4 INTEGER NOT NULL,"                    \
    "  PRIMARY KEY(date, mode)) WITHOUT ROWID;"

/* An event's Goldstein score in millionths. */
#define GOLDSTEIN_MICRO "CAST(round(goldstein * 1000000) AS INTEGER)"

/* The mean score of n scores that sum to `sum` millionths (NULL when n is
** 0): one division, so exact sums give the same mean wherever summed. */
#define GOLDSTEIN_MEAN(sum, n) "(" sum ") * 1.0 / nullif((" n ") * 1000000, 0)"

/* What the events of `events_where` add to their days, times SIGN ("" or
** "-"). */
#define DAYS_QUAD(SIGN, n) SIGN "count(CASE WHEN quad = " #n " THEN 1 END)"
#define DAYS_SELECT(SIGN, events_where)                                    \
    "SELECT date, mode, " SIGN "count(*), " SIGN "sum(mentions), "         \
    SIGN "count(goldstein), "                                              \
    SIGN "coalesce(sum(" GOLDSTEIN_MICRO "), 0), " DAYS_QUAD(SIGN, 1)      \
    ", " DAYS_QUAD(SIGN, 2) ", " DAYS_QUAD(SIGN, 3) ", "                   \
    DAYS_QUAD(SIGN, 4) " FROM events WHERE " events_where " GROUP BY 1, 2"

#define DAYS_COLUMNS                                                       \
    "event_days(date, mode, events, mentions, goldstein_n, goldstein_sum," \
    " quad1, quad2, quad3, quad4)"

/* What the events of events_where add to their days (SIGN "") or take
** away (SIGN "-"), noted in the writer's days_delta ... */
#define DAYS_NOTE(SIGN, events_where)                                      \
    "INSERT INTO days_delta " DAYS_SELECT(SIGN, events_where)

/* ... and applied at once, in the order of the days: on PostgreSQL, where
** writers run side by side, each locks the days it changes in the same
** order, so that two never wait for each other (a deadlock). */
#define DAYS_APPLY_SQL                                                     \
    "INSERT INTO " DAYS_COLUMNS " SELECT date, mode, sum(events),"         \
    " sum(mentions), sum(goldstein_n), sum(goldstein_sum), sum(quad1),"    \
    " sum(quad2), sum(quad3), sum(quad4) FROM days_delta WHERE true"       \
    " GROUP BY date, mode ORDER BY date, mode"                             \
    " ON CONFLICT(date, mode) DO UPDATE SET"                               \
    " events = event_days.events + excluded.events,"                       \
    " mentions = event_days.mentions + excluded.mentions,"                 \
    " goldstein_n = event_days.goldstein_n + excluded.goldstein_n,"        \
    " goldstein_sum = event_days.goldstein_sum + excluded.goldstein_sum,"  \
    " quad1 = event_days.quad1 + excluded.quad1,"                          \
    " quad2 = event_days.quad2 + excluded.quad2,"                          \
    " quad3 = event_days.quad3 + excluded.quad3,"                          \
    " quad4 = event_days.quad4 + excluded.quad4"
#define DAYS_DELTA_COLUMNS                                                 \
    "date TEXT NOT NULL, mode TEXT NOT NULL, events BIGINT NOT NULL,"      \
    " mentions BIGINT NOT NULL, goldstein_n BIGINT NOT NULL,"              \
    " goldstein_sum BIGINT NOT NULL, quad1 BIGINT NOT NULL,"               \
    " quad2 BIGINT NOT NULL, quad3 BIGINT NOT NULL, quad4 BIGINT NOT NULL"

/* The days of the events of events_where that no event counts in any
** more, deleted. */
#define DAYS_DROP_EMPTY(events_where)                                      \
    "DELETE FROM event_days WHERE events = 0 AND (date, mode) IN"          \
    " (SELECT date, mode FROM events WHERE "                               \
    events_where ")"

/* Every event counted afresh: the upgrade to schema 4. */
#define DAYS_REBUILD_SQL                                                   \
    "INSERT INTO " DAYS_COLUMNS " " DAYS_SELECT("", "mentions > 0") ";"

/* ---- the keys of the dashboard's groupings, and their indexes --------

** A side at country level ("TURGOV" as TUR, an IGO by its own six
** letters), and a place's country, as query.c groups by them.  Indexes on
** these very expressions (with what the groups sum) let `--by place` and
** `--by dyad --level country` read an index in key order instead of
** sorting every event: the dashboard's map and network on 100,000 events
** from about 200-300 ms to 50-90 ms each.  An expression index is used only
** where the query writes the same expression, hence one macro for both. */
#define COUNTRY_SIDE_SQL(IS_IGO, side)                                     \
    "CASE WHEN " IS_IGO(side)                                              \
    " THEN substr(" side ", 1, 6)"                                         \
    " WHEN " side "_country <> '' THEN " side "_country"                   \
    " ELSE substr(" side ", 1, 3) END"
/* "IGO" and three letters, as each backend says it */
#define SQLITE_IS_IGO(side) side " GLOB 'IGO[A-Z][A-Z][A-Z]*'"
#define PG_IS_IGO(side) side " ~ '^IGO[A-Z]{3}'"
#define PLACE_COUNTRY_SQL "coalesce(place_country, '')"
/* (PostgreSQL wants each expression of an index in parentheses: ( and )
** there, nothing in SQLite, whose existing stores have them so) */
#define GROUPING_INDEXES(IS_IGO, L, R)                                     \
    "CREATE INDEX IF NOT EXISTS events_place ON events(place, "            \
    L PLACE_COUNTRY_SQL R ", lat, lon, mentions, goldstein, quad);"        \
    "CREATE INDEX IF NOT EXISTS events_country_dyad ON events("            \
    L COUNTRY_SIDE_SQL(IS_IGO, "source") R ", "                            \
    L COUNTRY_SIDE_SQL(IS_IGO, "target") R                                 \
    ", mentions, goldstein, quad);"
#define GROUPING_INDEXES_SQL GROUPING_INDEXES(SQLITE_IS_IGO, "", "")

#endif /* WARTA_SUMMARY_H */
