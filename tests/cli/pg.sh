# tests/cli/pg.sh -- a PostgreSQL server for the tests, from Debian's
# postgresql package: initdb and pg_ctl in a temporary directory, on a Unix
# socket there (no port is opened), as an unprivileged user when the
# tests run as root (initdb refuses root).  Sourced by a test script
# after lib.sh; then
#   pg_start          starts it (exit 2 with a message if it cannot: a
#                     test that needs PostgreSQL fails loudly, never skips)
#   pg_db NAME        creates database NAME and prints its URI
#   pg_stop           stops it (lib.sh's cleanup calls it at exit, so a
#                     failing script stops it too)
#   pg_sql NAME SQL   runs SQL in database NAME with psql, printing rows

PG_DIR=""
PG_USER=""

# Run a command as the server's user.
pg_as() {
    if [ -n "$PG_USER" ]; then
        runuser -u "$PG_USER" -- "$@"
    else
        "$@"
    fi
}

pg_start() {
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ ! -x "$bin/initdb" ] || ! command -v psql >/dev/null 2>&1; then
        echo "$SUITE: PostgreSQL is needed (Debian's postgresql package:" \
             "sh scripts/install-deps.sh test)" >&2
        exit 2
    fi
    PG_BIN=$bin
    PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/warta-pg.XXXXXX") || exit 2
    if [ "$(id -u)" = 0 ]; then
        PG_USER=nobody
        chown "$PG_USER" "$PG_DIR"
    fi
    chmod 755 "$PG_DIR"
    if ! pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -U warta --auth=trust \
            --locale=C.UTF-8 -E UTF8 >"$PG_DIR/initdb.log" 2>&1 ||
       ! pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" \
            -o "-k $PG_DIR -c listen_addresses= -c fsync=off" -w start \
            >/dev/null 2>&1; then
        echo "$SUITE: cannot start PostgreSQL:" >&2
        tail -n 5 "$PG_DIR/initdb.log" "$PG_DIR/server.log" >&2 2>/dev/null
        exit 2
    fi
    # libpq finds the server through these, as a user's setup would
    PGHOST=$PG_DIR
    PGUSER=warta
    export PGHOST PGUSER
    unset PGPORT PGDATABASE PGPASSWORD PGSERVICE
}

pg_stop() {
    [ -n "$PG_DIR" ] || return 0
    pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1
    [ -n "${KEEP:-}" ] || rm -rf "$PG_DIR"
    PG_DIR=""
}

pg_db() {
    psql -q -d postgres -c "CREATE DATABASE \"$1\"" >/dev/null || exit 2
    echo "postgresql:///$1"
}

pg_sql() {
    psql -X -q -A -t -d "$1" -c "$2"
}
