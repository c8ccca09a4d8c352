#!/bin/sh
# tests/cli/query.sh -- the analyst's `warta query` on a small store:
# events newest first and --sort; time series with every period from the
# first event to the last (empty ones included) and a column per
# QuadClass; dyads and actors at the country level; two-way tables
# (--by dyad,month).  What each should give is worked out in Python from
# the store's own list of events (the oracle), so the checks hold whatever
# the dictionaries code; the articles are written here.
#
#   sh tests/cli/query.sh PATH_TO_WARTA [sqlite|postgresql]
#                                   (from the repository root)
#
# Against an SQLite file (the default) or a PostgreSQL server the script
# starts (tests/cli/pg.sh): the same cases, the same answers.
#
# One line per case: `ok - NAME` or `not ok - NAME (why)`, then
# `N passed, M failed`; the exit status is non-zero if M > 0.
# KEEP=1 keeps the temporary directory (warta-query.* under $TMPDIR or /tmp).

W=${1:?usage: sh tests/cli/query.sh PATH_TO_WARTA [sqlite|postgresql]}
STORE=${2:-sqlite}
SUITE=query-$STORE
SUITE_TIMEOUT=120
. tests/cli/lib.sh
. tests/cli/pg.sh

# csv_sql SQL: its rows as CSV, without a header, from the store
case $STORE in
sqlite)
    DB=$T/s.db
    csv_sql() { sqlite3 -csv "$DB" "$1"; }
    ;;
postgresql)
    pg_start
    DB=$(pg_db s)
    csv_sql() { psql -X -q -t --csv -d s -c "$1"; }
    ;;
*) echo "query.sh: '$STORE' is not sqlite or postgresql" >&2; exit 2 ;;
esac

# Turkey's government, army, police and the country itself, in January,
# March and April (no event in February); coded by word position, which
# is quick.
cat >"$T/a.jsonl" <<'EOF'
{"id":"a1","date":"2024-01-10","lang":"en","text":"Turkish troops attacked Kurdish fighters in Syria on Tuesday."}
{"id":"a2","date":"2024-01-15","lang":"en","text":"The Turkish government condemned Syria on Monday."}
{"id":"a3","date":"2024-03-05","lang":"en","text":"Turkey's foreign minister met the Russian foreign minister in Ankara on Tuesday."}
{"id":"a4","date":"2024-04-02","lang":"en","text":"Russia criticized Turkey on Tuesday."}
{"id":"a5","date":"2024-04-03","lang":"en","text":"Turkish police arrested Turkish protesters in Istanbul on Wednesday."}
{"id":"a6","date":"2024-04-04","lang":"en","text":"The United Nations criticized Russia on Thursday."}
{"id":"a7","date":"2024-04-05","lang":"en","text":"UNICEF praised Turkey on Friday."}
EOF
run ingest --syntax off --no-progress --db "$DB" "$T/a.jsonl"
if [ "$rc" != 0 ]; then
    echo "query: ingest failed: $(head -1 "$T/err")" >&2
    exit 2
fi
"$W" query --db "$DB" --format json >"$T/events.json" 2>"$T/err"

# py CODE: run Python CODE with E = the store's events (query --format
# json), R = the rows of $T/out (CSV, as dicts), H = its header, and the
# helpers below.  A failed assert fails the case with its message.
cat >"$T/check.py" <<'EOF'
import csv, datetime, json, re, sys
E = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
with open(sys.argv[2], encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
H, R = (rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]) if rows else ([], [])

def country(code):             # the level country: the code's first three,
    return code[:6] if re.match(r"IGO[A-Z]{3}", code) else code[:3]   # an IGO's six

def day(s):
    return datetime.date.fromisoformat(s)

def periods(by):               # every period from the first event's to the last's
    dates = sorted(day(e["date"]) for e in E if e["date"])
    first, last = dates[0], dates[-1]
    out, d = [], first
    while d <= last:
        if by == "day":
            key = d.isoformat()
        elif by == "week":
            key = (d - datetime.timedelta(days=d.weekday())).isoformat()
        elif by == "month":
            key = d.isoformat()[:7]
        else:
            key = d.isoformat()[:4]
        if not out or out[-1] != key:
            out.append(key)
        d += datetime.timedelta(days=1)
    return out

def period_of(e, by):
    d = day(e["date"])
    if by == "week":
        return (d - datetime.timedelta(days=d.weekday())).isoformat()
    return {"day": e["date"], "month": e["date"][:7], "year": e["date"][:4]}[by]

try:
    exec(sys.argv[3])
except AssertionError as e:
    print(str(e) or "assertion failed")
    sys.exit(1)
EOF
py() {
    r=$(python3 "$T/check.py" "$T/events.json" "$T/out" "$1" 2>&1) ||
        bad "${r:-python check failed}"
}

begin
py "assert len(E) >= 5, E
assert {country(e['source']) for e in E} >= {'TUR', 'RUS'}, E
assert len({e['source'] for e in E if country(e['source']) == 'TUR'}) >= 3, E
assert not any(e['date'][:7] == '2024-02' for e in E), E"
end "the store holds Turkey's actors in January, March and April, none in February"

# ---- lists: newest first, and --sort -------------------------------------------

begin
run query --db "$DB" --format csv
want_rc 0
py "assert [(r['date'], int(r['store_id'])) for r in R] == sorted(((e['date'], e['id']) for e in E), reverse=True), R"
run query --db "$DB" --format csv --sort date:asc
py "assert [r['date'] for r in R] == sorted(e['date'] for e in E), R"
run query --db "$DB" --format csv --sort goldstein
py "g = [float(r['goldstein']) for r in R]; assert g == sorted(g) and len(set(g)) > 1, g"
run query --db "$DB" --format csv --sort goldstein:desc --top 2
py "assert [float(r['goldstein']) for r in R] == sorted((e['goldstein'] for e in E), reverse=True)[:2], R"
run query --db "$DB" --format csv --sort mentions
py "m = [int(r['mentions']) for r in R]; assert m == sorted(m, reverse=True), m"
end "events come newest first; --sort date:asc, goldstein (either way), mentions"

# ---- time series: every period, a column per QuadClass --------------------------

begin
for by in day week month year; do
    run query --db "$DB" --format csv --by $by
    want_rc 0
    py "
assert H == ['$by', 'events', 'mentions', 'goldstein', 'quad1', 'quad2', 'quad3', 'quad4'], H
assert [r['$by'] for r in R] == periods('$by'), ([r['$by'] for r in R], periods('$by'))
for r in R:
    mine = [e for e in E if e['date'] and period_of(e, '$by') == r['$by']]
    assert int(r['events']) == len(mine), (r, mine)
    for q in range(1, 5):
        assert int(r['quad%d' % q]) == sum(e['quad'] == q for e in mine), (r, q)
    assert (r['goldstein'] == '') == (not mine), r
    if mine:
        assert abs(float(r['goldstein']) - sum(e['goldstein'] for e in mine) / len(mine)) < 0.006, r"
done
run query --db "$DB" --format csv --by month
py "assert [r['events'] for r in R if r['month'] == '2024-02'] == ['0'], R"
end "--by day, week, month and year: every period from the first to the last, QuadClass columns"

begin
run query --db "$DB" --format csv --by month --sort events
want_rc 0
py "n = [int(r['events']) for r in R]; assert n == sorted(n, reverse=True) and len(R) == 4, R"
run query --db "$DB" --format csv --by month --sort date
py "assert [r['month'] for r in R] == periods('month')[::-1], R"
end "a series sorted by events, or newest period first"

# ---- the country level ------------------------------------------------------------

begin
run query --db "$DB" --format csv --by dyad --level country
want_rc 0
py "
from collections import Counter
want = Counter((country(e['source']), country(e['target'])) for e in E)
got = {(r['source'], r['target']): int(r['events']) for r in R}
assert got == dict(want), (got, want)
assert [int(r['events']) for r in R] == sorted(got.values(), reverse=True), R"
run query --db "$DB" --format csv --by dyad
py "assert len(R) > len({(country(e['source']), country(e['target'])) for e in E}), R"
run query --db "$DB" --format csv --by actor --level country
py "
tur = [r for r in R if r['actor'] == 'TUR']
assert tur and int(tur[0]['events']) == sum('TUR' in (country(e['source']), country(e['target'])) for e in E), (R, E)
un = [r for r in R if r['actor'] == 'IGOUNO']
assert un and int(un[0]['events']) == 2 and not [r for r in R if r['actor'] in ('IGO', 'IGOUNOKID')], R"
end "--level country: TURGOV, TURMIL, TUR... as TUR, an IGO by its own code (IGOUNOKID as IGOUNO), for dyads and actors"

# ---- two-way tables -----------------------------------------------------------------

begin
run query --db "$DB" --format csv --by dyad,month --level country
want_rc 0
py "
assert H[:3] == ['source', 'target', 'events'] and H[3:] == periods('month'), H
for r in R:
    mine = [e for e in E if e['date'] and (country(e['source']), country(e['target'])) == (r['source'], r['target'])]
    assert int(r['events']) == len(mine), r
    for m in H[3:]:
        assert int(r[m]) == sum(period_of(e, 'month') == m for e in mine), (r, m)
assert len(R) == len({(country(e['source']), country(e['target'])) for e in E if e['date']}), R"
run query --db "$DB" --format json --by actor,week --top 1
want_rc 0
python3 -c "
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 1 and isinstance(rows[0]['events'], int), rows
weeks = [k for k in rows[0] if k[:1].isdigit()]
assert weeks and all(isinstance(rows[0][k], int) for k in weeks), rows
assert sum(rows[0][k] for k in weeks) == rows[0]['events'], rows
" "$T/out" >"$T/py" 2>&1 || bad "actor,week as JSON: $(tail -1 "$T/py")"
end "--by dyad,month: a row per dyad, a column per month (none left out); JSON numbers"

begin
run query --db "$DB" --format csv --by place
want_rc 0
py "
want = {}
for e in E:
    if e['place']:
        want[(e['place'], e['country'])] = want.get((e['place'], e['country']), 0) + 1
assert want, 'no geocoded event in the corpus'
assert H[:5] == ['place', 'country', 'lat', 'lon', 'events'], H
assert {(r['place'], r['country']): int(r['events']) for r in R} == want, (R, want)
assert all(-90 <= float(r['lat']) <= 90 and -180 <= float(r['lon']) <= 180 for r in R), R"
run query --db "$DB" --format csv --by place,year
want_rc 0
py "
assert H[:5] == ['place', 'country', 'lat', 'lon', 'events'] and H[5:] == periods('year'), H
for r in R:
    mine = [e for e in E if e['date'] and e['place'] == r['place']]
    assert int(r['events']) == len(mine), r
    assert sum(int(r[y]) for y in H[5:]) == len(mine), r"
end "--by place: the geocoded places by events; place,year a row per place (four keys)"

# ---- the summary: the events of each day, kept by ingest ---------------------------
# A series of every event is read from event_days, which ingest keeps;
# after an article changes (its events move to another month), it must
# still count what the events count, and give the series the events give.
# --quad 1,2,3,4 selects every event, and is read from the events.

begin
sed 's/"a3","date":"2024-03-05"/"a3","date":"2024-06-05"/; s/met the Russian/criticized the Russian/' \
    "$T/a.jsonl" >"$T/changed.jsonl"
run ingest --syntax off --no-progress --db "$DB" "$T/changed.jsonl"
want_rc 0
out_has "0 new, 1 replaced, 6 already stored"
"$W" query --db "$DB" --format json >"$T/events.json" 2>"$T/err"
csv_sql "SELECT date, mode, mentions, goldstein, quad FROM events" >"$T/ev.csv"
csv_sql "SELECT * FROM event_days" >"$T/days.csv"
py "
want = {}
for date, mode, mentions, g, quad in csv.reader(open('$T/ev.csv')):
    d = want.setdefault((date, mode), [0, 0, 0, 0, 0, 0, 0, 0])
    d[0] += 1
    d[1] += int(mentions)
    if g != '':
        d[2] += 1
        d[3] += round(float(g) * 1000000)
    if quad in ('1', '2', '3', '4'):
        d[3 + int(quad)] += 1
got = {(r[0], r[1]): [int(x) for x in r[2:]] for r in csv.reader(open('$T/days.csv'))}
assert got == want, (got, want)
assert any(e['date'][:7] == '2024-06' for e in E), E"
for by in day week month year; do
    run query --db "$DB" --format csv --by $by --quad 1,2,3,4
    cp "$T/out" "$T/plain"
    run query --db "$DB" --format csv --by $by
    want_rc 0
    cmp -s "$T/out" "$T/plain" || bad "--by $by: the summary and the events differ: $(diff "$T/plain" "$T/out" | head -3)"
    py "
for r in R:
    mine = [e for e in E if e['date'] and period_of(e, '$by') == r['$by']]
    assert int(r['events']) == len(mine), (r, mine)
    assert int(r['mentions']) == sum(e['mentions'] for e in mine), (r, mine)"
done
end "a changed article: the summary still counts what the events count, and gives their series"

finish
