-- tests/data/store/to-v2.sql: a version 4 store made into what warta
-- wrote before issue 14 (schema version 2: no modes, no historical
-- reports, no relations behind the sides), to test the upgrade.  Every
-- event becomes asserted; the store must hold only asserted events.
DROP TABLE event_days;
ALTER TABLE events RENAME TO events_v3;
CREATE TABLE events(
  id INTEGER PRIMARY KEY, date TEXT NOT NULL, precision TEXT,
  source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL,
  root TEXT, label TEXT, quad INTEGER, goldstein REAL,
  plover_type TEXT, plover_mode TEXT,
  source_country TEXT, target_country TEXT,
  place_key TEXT NOT NULL, place_id INTEGER, place TEXT,
  place_country TEXT,
  place_adm1 TEXT, lat REAL, lon REAL,
  mentions INTEGER NOT NULL DEFAULT 0,
  sources INTEGER NOT NULL DEFAULT 0,
  articles INTEGER NOT NULL DEFAULT 0,
  UNIQUE(date, source, target, code, place_key));
INSERT INTO events SELECT id, date, precision, source, target, code, root,
  label, quad, goldstein, plover_type, plover_mode, source_country,
  target_country, place_key, place_id, place, place_country, place_adm1,
  lat, lon, mentions, sources, articles FROM events_v3;
DROP TABLE events_v3;
CREATE INDEX events_dyad ON events(source, target, date, mentions,
  goldstein);
CREATE INDEX events_target ON events(target, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_code ON events(code, date);
ALTER TABLE mentions DROP COLUMN historical;
ALTER TABLE mentions DROP COLUMN source_how;
ALTER TABLE mentions DROP COLUMN target_how;
PRAGMA user_version = 2;
