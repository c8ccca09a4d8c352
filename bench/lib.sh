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

# copy_renamed K SRC...: the SRC files (JSONL), every article's id and url
# made new for copy number K, so that each article stays distinct (a
# store keeps them all).
copy_renamed() {
    local k=$1
    shift
    cat "$@" | sed -E -e "s/\"id\": *\"/\"id\": \"r$k-/" \
                      -e "s|\"url\": *\"|\"url\": \"r$k:|"
}

# repeat_corpus OUT BYTES SRC...: copies of the SRC files until OUT holds
# at least BYTES.
repeat_corpus() {
    local out=$1 want=$2 k=0
    shift 2
    : >"$out"
    while (($(stat -c %s "$out") < want)); do
        copy_renamed "$k" "$@" >>"$out"
        k=$((k + 1))
    done
}

# repeat_copies OUT N SRC...: N copies of the SRC files in OUT.
repeat_copies() {
    local out=$1 n=$2 k
    shift 2
    : >"$out"
    for ((k = 0; k < n; k++)); do
        copy_renamed "$k" "$@" >>"$out"
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
# roots, inserted by the sqlite3 shell into what is then a store of
# schema 3 (schema 4 adds event_days, the summary of the events, which
# ingest keeps and the sqlite3 shell does not): the next ingest upgrades
# it, counting its events into the summary as it does any older store's.
# Prints nothing.
fill_store() {
    local db=$1 n=$2
    command -v sqlite3 >/dev/null || die "sqlite3 is needed to fill a store"
    rm -f "$db" "$db-wal" "$db-shm"
    printf '{"id":"seed","date":"2020-01-01","text":"Russia criticised China. Kenya praised Uganda."}\n' >"$TMP/seed.jsonl"
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
-- each event one mention, in the seed's second sentence: a listing shows
-- an event by its first mention, as a real store has for every event, and
-- a full-text search for a word of the first finds the seed's event alone
INSERT INTO mentions(event, doc, sentence)
SELECT e.id, m.doc, m.sentence FROM events e,
       (SELECT doc, sentence FROM mentions ORDER BY sentence DESC LIMIT 1) m
WHERE NOT EXISTS (SELECT 1 FROM mentions x WHERE x.event = e.id);
DROP TABLE event_days;
PRAGMA user_version = 3;
COMMIT;
SQL
    "$WARTA" ingest --no-progress --db "$db" "$TMP/seed.jsonl" >/dev/null
    sqlite3 "$db" "ANALYZE" >/dev/null
}

# ---- TABARI, the peer ---------------------------------------------------------

# tabari_build: TABARI 0.8.4b2 built from $SHARED/peers/tabari into
# build/tabari (once) when g++ and ncurses are there; prints its path, or
# nothing (and says why on stderr) when it cannot be built.
tabari_build() {
    local src=$SHARED/peers/tabari out=build/tabari
    if [[ -x $out/TABARI && $out/TABARI -nt $src/build.sh ]]; then
        echo "$out/TABARI"
    elif [[ ! -r $src/build.sh ]]; then
        echo "$BENCH: no TABARI row: $src/build.sh not found" >&2
    elif ! command -v g++ >/dev/null ||
         ! printf '#include <curses.h>\n' | g++ -E -x c++ - >/dev/null 2>&1; then
        echo "$BENCH: no TABARI row: it needs g++ and ncurses (Debian: libncurses-dev)" >&2
    elif ! sh "$src/build.sh" "$PWD/$out" >"$TMP/tabari-build.log" 2>&1; then
        echo "$BENCH: no TABARI row: its build failed: $(tail -n 1 "$TMP/tabari-build.log")" >&2
    else
        echo "$out/TABARI"
    fi
}

# tabari_project DIR JSONL: DIR/gw.project, TABARI's run over the
# sentences of JSONL (one record each, dated 2008-01-01, a text's bytes as
# they are but for line breaks) with the Phoenix actors and agents and
# TABARI's own CAMEO verbs and options.  TABARI cuts file names at 63
# characters, so the dictionaries are linked into DIR under short names.
tabari_project() {
    local dir=$1 jsonl=$2 d
    d=$(realpath "$SHARED/dictionaries")
    mkdir -p "$dir"
    ln -sf "$d/phoenix/Phoenix.Countries.actors.txt" "$dir/Countries.actors"
    ln -sf "$d/phoenix/Phoenix.International.actors.txt" "$dir/International.actors"
    ln -sf "$d/phoenix/Phoenix.agents.txt" "$dir/Phoenix.agents"
    ln -sf "$d/tabari-cameo/CAMEO.091003.master.verbs" "$dir/CAMEO.verbs"
    ln -sf "$d/tabari-cameo/CAMEO.09b5.options" "$dir/CAMEO.options"
    python3 -c '
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, \
        open(sys.argv[2], "w", encoding="utf-8") as out:
    for n, line in enumerate(f, 1):
        text = " ".join(json.loads(line)["text"].split("\n"))
        out.write("080101 GW%07d\n%s\n\n" % (n, text))
' "$jsonl" "$dir/gw.text"
    printf '%s\n' "Phoenix actors + CAMEO verbs" \
        "<actorsfile> Countries.actors" "<actorsfile> International.actors" \
        "<agentsfile> Phoenix.agents" "<verbsfile> CAMEO.verbs" \
        "<optionsfile> CAMEO.options" "<textfile> gw.text" \
        "<outputfile> gw.evt" "<errorfile> gw.err" "<coder> BENCH" \
        >"$dir/gw.project"
}

# measure sh -c "$TABARI_RUN" sh TABARI DIR: TABARI over DIR/gw.project,
# unattended (its curses screen is its stdout).
# shellcheck disable=SC2016 # expanded by that sh
TABARI_RUN='cd "$2" && TERM=xterm exec "$1" -aq gw.project </dev/null'
