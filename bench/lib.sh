# bench/lib.sh -- what the bench scripts share: the warta under test,
# ../shared's corpora, a temporary directory, corpora made by repeating
# the samples, and timing (wall clock, best of RUNS, with peak RSS).
# Sourced by bench/run, split.sh, code.sh and store.sh after they set
#   BENCH   the script's name, for messages
# and before they take their arguments: $1, if given, is the warta to
# time (default ./warta).  Environment: SHARED (default ../shared),
# RUNS (best of N, default 1).  bash only.

WARTA=${1:-./warta}
SHARED=${SHARED:-../shared}
RUNS=${RUNS:-1}

die() {
    echo "$BENCH: $*" >&2
    exit 2
}

[[ -x $WARTA ]] || die "$WARTA is not an executable (run 'make' first?)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is needed for peak RSS (Debian: apt-get install time)"

# need_shared FILE...: these files under $SHARED, or a clear refusal.
need_shared() {
    [[ -d $SHARED ]] ||
        die "$SHARED not found: the benchmarks read its corpora and dictionaries (set SHARED=...)"
    local f
    for f in "$@"; do
        [[ -r $SHARED/$f ]] || die "$SHARED/$f not found"
    done
}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/warta-bench.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT

now() {
    if [[ -n ${EPOCHREALTIME:-} ]]; then
        echo "${EPOCHREALTIME/,/.}"
    else
        date +%s.%N
    fi
}

# calc EXPR [VAR=VALUE...]: awk arithmetic, printed as awk prints it;
# e.g. calc 'printf "%.1f", b / s / 1e6' b=$bytes s=$secs
calc() {
    local expr=$1
    shift
    local args=() kv
    for kv in "$@"; do args+=(-v "$kv"); done
    awk "${args[@]}" "BEGIN { $expr }"
}

# repeat_corpus OUT BYTES SRC...: the SRC files (JSONL) over and over
# until OUT holds at least BYTES, every copy's ids and urls made new so
# that each article stays distinct (a store keeps them all).
repeat_corpus() {
    local out=$1 want=$2 k=0
    shift 2
    : >"$out"
    while (($(stat -c %s "$out") < want)); do
        cat "$@" | sed -E -e "s/\"id\": *\"/\"id\": \"r$k-/" \
                          -e "s|\"url\": *\"|\"url\": \"r$k:|" >>"$out"
        k=$((k + 1))
    done
}

# measure CMD...: run CMD RUNS times, stdout counted in lines, stderr to
# $TMP/err.  Sets SECS (the best wall time), RSS_KB (peak RSS of that
# run), LINES (its stdout's lines) and STATUS (its exit status).
measure() {
    local i t0 t1 s
    SECS="" RSS_KB="" LINES="" STATUS=""
    for ((i = 0; i < RUNS; i++)); do
        t0=$(now)
        /usr/bin/time -f %M -o "$TMP/rss" "$@" 2>"$TMP/err.try" | wc -l >"$TMP/lines"
        local st=${PIPESTATUS[0]}
        t1=$(now)
        s=$(calc 'printf "%.4f", b - a' a="$t0" b="$t1")
        if [[ -z $SECS ]] || calc 'exit !(s < b)' s="$s" b="$SECS"; then
            SECS=$s
            RSS_KB=$(tail -n 1 "$TMP/rss")
            LINES=$(tr -d ' ' <"$TMP/lines")
            STATUS=$st
            mv "$TMP/err.try" "$TMP/err"
        fi
    done
}

# wc_secs FILE: the best wall time of `wc -w` over FILE (C.UTF-8), the
# physical anchor: how long merely reading and splitting words takes.
wc_secs() {
    local runs=$RUNS
    ((RUNS < 3)) && RUNS=3
    cat "$1" >/dev/null                     # warm the page cache
    measure env LC_ALL=C.UTF-8 wc -w "$1"
    RUNS=$runs
    echo "$SECS"
}

cpu_line() {
    local cpu
    cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
    echo "${cpu:-unknown cpu} ($(nproc 2>/dev/null || echo '?') cpus)"
}

# fill_store DB N: a store made by warta (so the schema is warta's),
# then N synthetic events over 40 country codes, 20 years and the CAMEO
# roots, inserted by the sqlite3 shell.  Prints nothing.
fill_store() {
    local db=$1 n=$2
    command -v sqlite3 >/dev/null || die "sqlite3 is needed to fill a store"
    rm -f "$db" "$db-wal" "$db-shm"
    printf '{"id":"seed","date":"2020-01-01","text":"Russia criticised China."}\n' >"$TMP/seed.jsonl"
    "$WARTA" ingest --no-progress --db "$db" "$TMP/seed.jsonl" >/dev/null
    sqlite3 "$db" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE i(k, s, t) AS (
  SELECT 1, abs(random()) % 40, abs(random()) % 40 UNION ALL
  SELECT k + 1, abs(random()) % 40, abs(random()) % 40 FROM i WHERE k < $n),
c(n, code) AS (VALUES (0,'RUS'),(1,'CHN'),(2,'USA'),(3,'IDN'),(4,'IND'),(5,'SAU'),
  (6,'GBR'),(7,'FRA'),(8,'DEU'),(9,'JPN'),(10,'KOR'),(11,'PRK'),(12,'IRN'),(13,'ISR'),
  (14,'UKR'),(15,'TUR'),(16,'EGY'),(17,'BRA'),(18,'ZAF'),(19,'MYS'),(20,'AUS'),(21,'CAN'),
  (22,'MEX'),(23,'ARG'),(24,'NGA'),(25,'PAK'),(26,'AFG'),(27,'IRQ'),(28,'SYR'),(29,'QAT'),
  (30,'ARE'),(31,'VNM'),(32,'THA'),(33,'PHL'),(34,'SGP'),(35,'ITA'),(36,'ESP'),(37,'POL'),
  (38,'KAZ'),(39,'ETH'))
INSERT INTO events(date, precision, source, target, code, root, quad, goldstein,
                   place_key, mentions, sources, articles)
SELECT date('2006-01-01', '+' || (abs(random()) % 7300) || ' days'), 'day',
       cs.code || 'GOV', ct.code,
       printf('%02d%d', 1 + abs(random()) % 20, abs(random()) % 10),
       '', 1 + abs(random()) % 4, (abs(random()) % 200) / 10.0 - 10.0,
       'k' || k, 1, 1, 1
FROM i JOIN c AS cs ON cs.n = i.s JOIN c AS ct ON ct.n = i.t;
COMMIT;
ANALYZE;
SQL
}
