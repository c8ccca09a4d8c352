#!/usr/bin/env bash
# bench/pg.sh -- the event store in PostgreSQL against SQLite, by hand:
#
#   bench/pg.sh [path/to/warta]          (default ./warta)
#
# Starts a PostgreSQL server of its own (tests/cli/pg.sh: Debian's
# postgresql, a temporary directory, a Unix socket; fsync on, as a real
# server has it), then:
# 1. Ingest: ../shared's Guardian and Detik articles repeated (new ids) to
#    SIZE_MB MB (default 10); documents/s of `warta ingest --threads 1`
#    into SQLite and PostgreSQL, of two such processes side by side into
#    one PostgreSQL database (each on half the articles), of `mpirun -n 2
#    warta ingest --mpi --threads 1` (each rank codes half), and of one
#    process with --threads 2 into each.  SYNTAX=off codes by word
#    position (the store's share of the work grows).
# 2. Query: the same N_EVENTS (default 1,000,000) synthetic events in
#    both (fill_store's, copied row for row into PostgreSQL), and the
#    queries bench/run times on SQLite, best of 5 whole commands.
# Prints the load average before and after: the machine's other work
# moves the figures.  Nothing is asserted.
set -euo pipefail

BENCH=pg.sh
. "$(dirname "$0")/lib.sh"
SUITE=$BENCH
T=$TMP
. tests/cli/pg.sh
trap 'pg_stop; rm -rf "$TMP"' EXIT

SIZE_MB=${SIZE_MB:-10}
N_EVENTS=${N_EVENTS:-1000000}
SYNTAX=${SYNTAX:-on}
one=(corpora/en-guardian-2019.jsonl corpora/id-detik-2025.dev.jsonl)
need_shared "${one[@]}"
command -v mpirun >/dev/null || die "mpirun is needed (Debian's openmpi-bin)"
command -v sqlite3 >/dev/null || die "sqlite3 is needed to fill the query store"

rate() { calc 'printf "%.1f", n / s' n="$1" s="$2"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "machine: $(cpu_line); load average $(load)"
pg_start
# the bench wants a server as a user runs one: fsync on
pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -o "-k $PG_DIR -c listen_addresses=" \
    -w restart >/dev/null
echo "PostgreSQL: $("$PG_BIN/postgres" --version)"

repeat_corpus "$TMP/corpus.jsonl" $((SIZE_MB * 1000000)) "${one[@]/#/$SHARED/}"
n=$(wc -l <"$TMP/corpus.jsonl")
awk 'NR % 2 == 1' "$TMP/corpus.jsonl" >"$TMP/half1.jsonl"
awk 'NR % 2 == 0' "$TMP/corpus.jsonl" >"$TMP/half2.jsonl"
echo "corpus: $n articles, $(du -m "$TMP/corpus.jsonl" | cut -f1) MB; --syntax $SYNTAX"

ingest() {
    "$WARTA" ingest --no-progress --syntax "$SYNTAX" "$@" >/dev/null
}

# CPU seconds so far: of this shell's waited-for children (warta,
# mpirun), and of the server (the postmaster and its reaped backends)
child_cpu() { calc 'print (a + b) / 100' a="$(cut -d' ' -f16 /proc/$$/stat)" \
                   b="$(cut -d' ' -f17 /proc/$$/stat)"; }
server_cpu() {
    local f
    read -r -a f <"/proc/$(head -1 "$PG_DIR/data/postmaster.pid")/stat"
    calc 'print (a + b + c + d) / 100' a="${f[13]}" b="${f[14]}" c="${f[15]}" d="${f[16]}"
}

# row NAME CMD...: CMD's wall time as documents/s of the corpus, and the
# CPU it took: warta's, the server's, and the cores they kept busy (a run
# that keeps both cores busy can go no faster on this machine)
row() {
    local name=$1
    shift
    local t0 t1 w0 w1 s0 s1
    t0=$(now) w0=$(child_cpu) s0=$(server_cpu)
    "$@"
    t1=$(now)
    sleep 1                         # the server reaps its backends
    w1=$(child_cpu) s1=$(server_cpu)
    printf '%-44s %8s documents/s  (%.1f s; CPU: warta %.1f s, server %.1f s, %.2f cores)\n' \
        "$name" "$(rate "$n" "$(calc 'print b - a' a="$t0" b="$t1")")" \
        "$(calc 'print b - a' a="$t0" b="$t1")" \
        "$(calc 'print b - a' a="$w0" b="$w1")" "$(calc 'print b - a' a="$s0" b="$s1")" \
        "$(calc 'print (w1 - w0 + s1 - s0) / (b - a)' a="$t0" b="$t1" w0="$w0" w1="$w1" s0="$s0" s1="$s1")"
}
# a new store for each run: SQLite's s1.db, s2.db...; databases i1, i2...
k=0
sqlite_db() { k=$((k + 1)); DB=$TMP/s$k.db; }
pg_new() { k=$((k + 1)); DB=$(pg_db "i$k"); }

sqlite_one() { sqlite_db; ingest --threads 1 --db "$DB" "$TMP/corpus.jsonl"; }
sqlite_threads() { sqlite_db; ingest --threads 2 --db "$DB" "$TMP/corpus.jsonl"; }
pg_one() { pg_new; ingest --threads 1 --db "$DB" "$TMP/corpus.jsonl"; }
pg_threads() { pg_new; ingest --threads 2 --db "$DB" "$TMP/corpus.jsonl"; }
pg_two() {
    pg_new
    ingest --threads 1 --db "$DB" "$TMP/half1.jsonl" &
    local p1=$!
    ingest --threads 1 --db "$DB" "$TMP/half2.jsonl"
    wait $p1
}
pg_mpi() {
    pg_new
    mpirun --oversubscribe --allow-run-as-root --bind-to none -n 2 "$WARTA" ingest --mpi \
        --no-progress --syntax "$SYNTAX" --threads 1 --db "$DB" \
        "$TMP/corpus.jsonl" >/dev/null
}

echo
echo "ingest (one run each):"
row "SQLite, 1 process, --threads 1" sqlite_one
row "PostgreSQL, 1 process, --threads 1" pg_one
row "PostgreSQL, 2 processes, --threads 1 each" pg_two
row "PostgreSQL, mpirun -n 2, --threads 1 each" pg_mpi
row "SQLite, 1 process, --threads 2" sqlite_threads
row "PostgreSQL, 1 process, --threads 2" pg_threads
pg_sql "i$k" "SELECT pg_size_pretty(pg_database_size('i$k'))" |
    sed 's/^/  PostgreSQL store size: /'
echo "  SQLite store size: $(du -m "$TMP/s1.db" | cut -f1) MB; load average $(load)"

# ---- queries over a million events -----------------------------------------
fill_store "$TMP/q.db" "$N_EVENTS"
Q=$(pg_db q)
ingest --db "$Q" "$TMP/seed.jsonl"
# fill_store's events, row for row, and the summary counted from them as
# ingest keeps it
sqlite3 -csv "$TMP/q.db" "SELECT date, precision, source, target, code, root,
    quad, goldstein, place_key, mentions, sources, articles FROM events
    WHERE place_key LIKE 'k%'" >"$TMP/events.csv"
pg_sql q "\\copy events(date, precision, source, target, code, root, quad, goldstein, place_key, mentions, sources, articles) FROM '$TMP/events.csv' WITH (FORMAT csv)" >/dev/null
pg_sql q "DELETE FROM event_days; INSERT INTO event_days SELECT date, mode,
    count(*), sum(mentions), count(goldstein),
    coalesce(sum(CAST(round(goldstein * 1000000) AS INTEGER)), 0),
    count(CASE WHEN quad = 1 THEN 1 END), count(CASE WHEN quad = 2 THEN 1 END),
    count(CASE WHEN quad = 3 THEN 1 END), count(CASE WHEN quad = 4 THEN 1 END)
    FROM events WHERE mentions > 0 GROUP BY 1, 2" >/dev/null
pg_sql q "VACUUM ANALYZE" >/dev/null
echo
echo "queries on $N_EVENTS events, best of 5 whole commands (ms; load average $(load)):"
RUNS=5
measure "$WARTA" --version
start=$(calc 'printf "%.1f", 1000 * s' s="$SECS")
printf '%-26s %10s %12s %6s\n' query SQLite PostgreSQL rows
for q in "--dyad RUS:CHN --by month" "--dyad RUS:CHN" "--by month" "--text Russia" \
         "--by dyad --level country" "--by place"; do
    # shellcheck disable=SC2086
    measure "$WARTA" query --db "$TMP/q.db" --format csv $q
    lite=$(calc 'printf "%.1f", 1000 * s' s="$SECS")
    # shellcheck disable=SC2086
    measure "$WARTA" query --db "$Q" --format csv $q
    pg=$(calc 'printf "%.1f", 1000 * s' s="$SECS")
    printf '%-26s %10s %12s %6s\n' "$q" "$lite" "$pg" "$((LINES - 1))"
done
echo "  (starting warta alone: $start ms)"
