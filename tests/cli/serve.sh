#!/bin/sh
# tests/cli/serve.sh -- the dashboard's API (`warta serve`) over a store
# built from examples/: each route against what `warta query` and SQLite
# say, `POST /api/code` on the examples, and bad requests, each answered
# with a 4xx JSON error while the server keeps serving.
#
#   sh tests/cli/serve.sh PATH_TO_WARTA [sqlite|postgresql]
#                                   (from the repository root)
#
# The API's cases run against either backend (PostgreSQL: a server this
# script starts, tests/cli/pg.sh); the server's own limits (tokens,
# budgets, connections, memory) are the same whatever the store, and
# run with SQLite.
#
# One line per case: `ok - NAME` or `not ok - NAME (why)`, then
# `N passed, M failed`; the exit status is non-zero if M > 0.

W=${1:?usage: sh tests/cli/serve.sh PATH_TO_WARTA [sqlite|postgresql]}
STORE=${2:-sqlite}
SUITE=serve-$STORE
SUITE_TIMEOUT=120
. tests/cli/lib.sh
. tests/cli/pg.sh

for tool in curl sqlite3 python3; do
    if ! command -v $tool >/dev/null 2>&1; then
        echo "serve.sh: $tool is needed" >&2
        exit 2
    fi
done

case $STORE in
sqlite)
    DB=$T/s.db
    sql() { sqlite3 "$DB" "$1"; }
    csv_sql() { sqlite3 -csv "$DB" "$1"; }
    ;;
postgresql)
    pg_start
    DB=$(pg_db s)
    sql() { pg_sql s "$1"; }
    csv_sql() { psql -X -q -t --csv -d s -c "$1"; }
    ;;
*) echo "serve.sh: '$STORE' is not sqlite or postgresql" >&2; exit 2 ;;
esac
# what the store holds, to tell whether serving it changed it
store_sum() {
    if [ "$STORE" = sqlite ]; then
        cksum <"$DB"
    else
        sql "SELECT (SELECT count(*) FROM docs), (SELECT count(*) FROM events),
             (SELECT sum(mentions) FROM events), (SELECT max(id) FROM events)"
    fi
}
run ingest --db "$DB" --date 2024-03-12 examples/
[ "$rc" = 0 ] || { echo "serve.sh: ingest failed: $(head -1 "$T/err")" >&2; exit 2; }
sum_before=$(store_sum)

start_server "$DB"

# raw REQUEST: REQUEST's bytes sent as they are (\r, \n and \xNN
# escapes), for what curl will not send; the status in $code, the body in
# $T/body.  The answer is read until the server closes: REQUEST says
# "Connection: close".
raw() {
    code=$(python3 -c '
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=20)
s.sendall(sys.argv[2].encode().decode("unicode_escape").encode("latin-1"))
got = b""
while True:
    d = s.recv(65536)
    if not d:
        break
    got += d
head, _, body = got.partition(b"\r\n\r\n")
open(sys.argv[3], "wb").write(body)
print(head.split(b" ")[1].decode() if head else "none")
' "$port" "$1" "$T/body" 2>/dev/null) || code=none
}

begin
get /api/stats
want_code 200
check "d['documents'] == $(sql 'SELECT count(*) FROM docs') and d['events'] == $(sql 'SELECT count(*) FROM events') and d['mentions'] == $(sql 'SELECT count(*) FROM mentions')"
end "stats: what the store holds"

begin
get /api/events
want_code 200
check "len(d['events']) == $(sql 'SELECT count(*) FROM events')"
get "/api/events?actor=RUS&top=1000"
run query --db "$DB" --actor RUS --format csv
check "len(d['events']) == $(($(wc -l <"$T/out") - 1)) and all('RUS' in (e['source'][:3], e['target'][:3]) for e in d['events'])"
end "events: every event, and the same as warta query --actor"

begin
get "/api/events?dyad=CHN:RUS&undirected=1&code=04"
want_code 200
check "d['events'] and all({e['source'][:3], e['target'][:3]} == {'RUS', 'CHN'} and e['code'].startswith('04') for e in d['events'])"
get "/api/events?top=2"
check "len(d['events']) == 2"
end "events: dyad either way, code prefix, top"

begin
get "/api/events?top=1000"
cp "$T/body" "$T/all.json"
get "/api/events?top=4&offset=3"
want_code 200
check "[e['id'] for e in d['events']] == [e['id'] for e in json.load(open('$T/all.json'))['events'][3:7]]"
get "/api/events?offset=1000000"
want_code 200
check "d['events'] == []"
get "/api/events?offset=-1"
want_code 400
check "'offset' in d['error']"
end "events: offset pages through the list, newest first"

begin
get "/api/places"
want_code 200
check "d['places'] and sum(p['events'] for p in d['places']) == $(sql 'SELECT count(*) FROM events WHERE lat IS NOT NULL')"
check "any(p['place'] == 'Jeddah' and p['country'] == 'SAU' and abs(p['lat'] - 21.49) < 0.1 and abs(p['lon'] - 39.19) < 0.1 for p in d['places'])"
jeddah=$(sql "SELECT count(*) FROM events WHERE place = 'Jeddah'")
jeddah_g=$(sql "SELECT avg(goldstein) FROM events WHERE place = 'Jeddah'")
check "[(p['events'], '%.2f' % p['goldstein']) for p in d['places'] if p['place'] == 'Jeddah'] == [($jeddah, '%.2f' % $jeddah_g)]"
get "/api/places?country=IDN&top=1"
check "len(d['places']) == 1 and d['places'][0]['country'] == 'IDN'"
get "/api/places?level=country"
want_code 400
end "places: the geocoded places with their events and mean Goldstein, filtered"

begin
get "/api/events?place=Jeddah&top=1000"
want_code 200
check "len(d['events']) == $(sql "SELECT count(*) FROM events WHERE place = 'Jeddah'") > 0 and all(e['place'] == 'Jeddah' for e in d['events'])"
get "/api/places?place=Jakarta"
check "[p['place'] for p in d['places']] == ['Jakarta']"
get "/api/events?place=Jedda"
check "d['events'] == []"
end "place: the events at a place by its whole name, as the map's click asks"

begin
get "/api/events?sort=source&top=1000"
want_code 200
check "[e['source'] for e in d['events']] == sorted(e['source'] for e in d['events']) and len(d['events']) == $(sql 'SELECT count(*) FROM events')"
check "all(a['date'] >= b['date'] for a, b in zip(d['events'], d['events'][1:]) if a['source'] == b['source'])"
get "/api/events?sort=target:desc&top=1000"
check "[e['target'] for e in d['events']] == sorted((e['target'] for e in d['events']), reverse=True)"
get "/api/events?sort=place&top=1000"
check "[e['place'] or '' for e in d['events']] == sorted(e['place'] or '' for e in d['events'])"
get "/api/events?sort=quad:desc&top=3&offset=1"
want_code 200
get "/api/dyads?sort=source"
want_code 400
check "'groups sort by events, mentions or goldstein' in d['error']"
end "sort: events by a table column, either way; groups refuse it"

begin
n_rus=$(sql "SELECT count(*) FROM events WHERE substr(source, 1, 3) = 'RUS' OR substr(target, 1, 3) = 'RUS'")
get "/api/export?actor=RUS" -D "$T/headers"
want_code 200
grep -qi '^Content-Type: text/csv' "$T/headers" || bad "CSV sent as $(grep -i '^Content-Type' "$T/headers")"
grep -qi '^Content-Disposition: attachment; filename="warta-events.csv"' "$T/headers" || bad "no file name"
python3 -c "
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8', newline='')))
assert len(rows) == int(sys.argv[2]), (len(rows), sys.argv[2])
assert all('RUS' in (r['source_code'][:3], r['target_code'][:3]) and r['date'] and r['text'] for r in rows), rows
" "$T/body" "$n_rus" 2>"$T/py" || bad "CSV: $(tail -1 "$T/py")"
get "/api/export?format=gdelt&actor=RUS"
want_code 200
awk -F '\t' 'NF != 61 { bad = 1 } END { exit bad || NR != '"$n_rus"' }' "$T/body" || bad "GDELT: not $n_rus lines of 61 columns"
get "/api/export?format=plover&top=2&sort=date:asc"
want_code 200
python3 -c "
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
assert len(lines) == 2 and lines[0]['date'] <= lines[1]['date'], lines
" "$T/body" 2>"$T/py" || bad "PLOVER: $(tail -1 "$T/py")"
get "/api/export?format=xml"
want_code 400
check "'csv, gdelt or plover' in d['error']"
get "/api/export?by=day"
want_code 400
end "export: the selection as CSV with a header, GDELT's 61 columns, PLOVER lines"

begin
get "/api/series?by=day"
want_code 200
check "sum(p['events'] for p in d['points']) == $(sql "SELECT count(*) FROM events WHERE date <> ''") and all(sum(p['quad']) == p['events'] for p in d['points'])"
get "/api/series?by=month&quad=1"
check "d['by'] == 'month' and all(p['quad'][1:] == [0, 0, 0] for p in d['points'])"
end "series: events per period add up, per QuadClass"

begin
first=$(sql "SELECT min(date) FROM events WHERE date <> ''")
last=$(sql "SELECT max(date) FROM events WHERE date <> ''")
get "/api/series?by=month"
want_code 200
check "[p['t'] for p in d['points']] == [m for m in ['%d-%02d' % (y, n) for y in range(2000, 2100) for n in range(1, 13)] if '${first%-*}' <= m <= '${last%-*}']"
check "any(p['events'] == 0 for p in d['points']) and all((p['goldstein'] is None) == (p['events'] == 0) for p in d['points'])"
get "/api/series?by=day"
check "len(d['points']) == (__import__('datetime').date.fromisoformat('$last') - __import__('datetime').date.fromisoformat('$first')).days + 1"
end "series: every period from the first event to the last, empty ones with no mean"

begin
get "/api/dyads?level=country&top=1000"
want_code 200
check "d['dyads'] and all(len(r['source']) == 3 and len(r['target']) == 3 for r in d['dyads']) and sum(r['events'] for r in d['dyads']) == $(sql 'SELECT count(*) FROM events')"
check "len(d['dyads']) == $(sql "SELECT count(DISTINCT substr(source, 1, 3) || substr(target, 1, 3)) FROM events")"
get "/api/actors?level=country&sort=goldstein&top=1000"
want_code 200
check "[float(r['goldstein']) for r in d['actors']] == sorted(float(r['goldstein']) for r in d['actors'])"
get "/api/events?quad=1,3&top=1000"
want_code 200
check "len(d['events']) == $(sql 'SELECT count(*) FROM events WHERE quad IN (1, 3)') and {e['quad'] for e in d['events']} <= {1, 3}"
n13=$(python3 -c "import json; print(len(json.load(open('$T/body'))['events']))")
get "/api/events?quad=1&quad=3&top=1000"
check "len(d['events']) == $n13"
get "/api/events?actor=rus&top=1000"
check "len(d['events']) == $(sql "SELECT count(*) FROM events WHERE source LIKE 'RUS%' OR target LIKE 'RUS%'")"
get "/api/events?top=1000"
check "[e['date'] for e in d['events']] == sorted((e['date'] for e in d['events']), reverse=True)"
get "/api/events?sort=date:asc&top=1000"
check "[e['date'] for e in d['events']] == sorted(e['date'] for e in d['events'])"
end "level=country, sort, quad lists (3,4 or repeated), codes in any case, newest first"

begin
get "/api/events?acter=RUS"
want_code 400
check "d['error'] == \"unknown parameter 'acter'; did you mean actor?\""
get "/api/events?actor=RUS&actor=CHN"
want_code 400
check "d['error'] == 'actor: given more than once; give it once'"
get "/api/events?top=-3"
want_code 400
check "d['error'] == \"top: '-3' is not a whole number from 1 to 100000\""
get "/api/events?from=2023-02-30"
want_code 400
check "d['error'] == \"from: '2023-02-30' is not a date (YYYY-MM-DD)\""
end "the API refuses what warta query refuses, in the same words"

begin
get "/api/dyads?top=50"
want_code 200
check "any(r['source'] == 'RUSGOV' and r['target'] == 'CHNGOV' for r in d['dyads'])"
get "/api/actors?top=3"
check "len(d['actors']) == 3 and d['actors'][0]['events'] >= d['actors'][2]['events']"
end "dyads and actors"

begin
id=$(sql "SELECT id FROM events WHERE source = 'RUSGOV' AND target = 'CHNGOV' AND code = '041' LIMIT 1")
get "/api/events/$id"
want_code 200
check "d['event']['code'] == '041' and d['mentions'] and all(''.join(s['text'] for s in m['segments']) == m['text'] for m in d['mentions'])"
check "any([s['role'] for s in m['segments'] if 'role' in s] == ['source', 'verb', 'target'] and 'Lavrov' in [s['text'] for s in m['segments'] if s.get('role') == 'source'][0] for m in d['mentions'])"
end "one event: its sentence in pieces, source, verb and target marked"

begin
id=$(sql "SELECT e.id FROM events e JOIN mentions m ON m.event = e.id JOIN docs d ON d.id = m.doc WHERE d.title = 'Leaders agree to expand trade' LIMIT 1")
[ -n "$id" ] || bad "no event of the titled article"
get "/api/events/$id"
want_code 200
check "any(m['title'] == 'Leaders agree to expand trade' and m['article_date'] == '2024-03-12' and m['article'] == 'en-visit-1' for m in d['mentions'])"
m=$(sql "SELECT m.doc || ' ' || s.idx FROM mentions m JOIN sentences s ON s.id = m.sentence WHERE m.event = $id LIMIT 1")
before=$(sql "SELECT count(*) FROM sentences WHERE doc = ${m% *} AND idx = ${m#* } - 1")
check "(d['mentions'][0]['before'] is not None) == ($before == 1) and d['mentions'][0]['after'] != d['mentions'][0]['text']"
# the sentences around each event's are stored, and only those
sql "SELECT s.text FROM sentences s WHERE NOT EXISTS (SELECT 1 FROM mentions m JOIN sentences e ON e.id = m.sentence WHERE e.doc = s.doc AND abs(e.idx - s.idx) <= 1)" >"$T/lone"
[ ! -s "$T/lone" ] || bad "sentences stored beside no event's: $(head -c 200 "$T/lone")"
csv_sql "SELECT d.ext_id, s.idx, s.text FROM sentences s JOIN docs d ON d.id = s.doc" \
    >"$T/sentences.csv"
python3 - "$T/sentences.csv" "$T/body" <<'PY' >"$T/ctx" 2>&1 || bad "context: $(tail -1 "$T/ctx")"
import csv, json, sys
# each mention's before and after are its article's sentences next to its
# own, as the store has them (None past the article's ends)
stored = {(doc, int(idx)): text for doc, idx, text in
          csv.reader(open(sys.argv[1], encoding="utf-8", newline=""))}
for m in json.load(open(sys.argv[2]))["mentions"]:
    near = lambda i: stored.get((m["article"], i))
    assert m["before"] == near(m["sentence"] - 1), m
    assert m["after"] == near(m["sentence"] + 1), m
    assert m["before"] or m["after"], "no context at all: %r" % m
PY
end "one event: its article's title and date, the sentences before and after its own"

begin
python3 -c "import json; t = json.loads(open('examples/en-lavrov-wangyi.jsonl').readline())['text']; print(json.dumps({'text': t, 'date': '2023-08-08'}))" >"$T/en.json"
get /api/code -X POST --data-binary @"$T/en.json"
want_code 200
check "d['lang'] == 'en' and any(e['source']['code'] == 'RUSGOV' and e['code'] == '041' and e['target']['code'] == 'CHNGOV' and e['date'] == '2023-08-07' for e in d['events'])"
check "all(''.join(s['text'] for s in e['segments']) == e['text'] and any(s.get('role') == 'verb' for s in e['segments']) for e in d['events'])"
python3 -c "import json; print(json.dumps({'text': open('examples/id-kunjungan.txt').read(), 'date': '2024-03-12'}))" >"$T/id.json"
get /api/code -X POST --data-binary @"$T/id.json"
check "d['lang'] == 'id' and any(e['source']['code'] == 'IDNGOV' and e['target']['code'] == 'MYSGOV' for e in d['events'])"
end "code: a pasted article in English and Indonesian, with explanations"

begin
n=$(sql 'SELECT count(*) FROM events')
get /api/code -X POST --data-binary @"$T/en.json"
[ "$(sql 'SELECT count(*) FROM events')" = "$n" ] || bad "coding a text changed the store"
end "code: nothing is stored"

begin
get /
want_code 200
grep -q '<script src="/app.js">' "$T/body" || bad "/ is not the page"
get /app.js -D "$T/headers"
want_code 200
grep -qi '^content-type: text/javascript' "$T/headers" || bad "app.js type: $(grep -i content-type "$T/headers")"
grep -qi '^x-content-type-options: nosniff' "$T/headers" || bad "no nosniff"
get /countries.json
check "'SAU' in d and 'IDN' in d and all(len(c) == 3 for c in d)"
get /world.json -D "$T/headers"
want_code 200
grep -qi '^content-type: application/json' "$T/headers" || bad "world.json type: $(grep -i content-type "$T/headers")"
# the map's countries when the build had them (docs/dashboard.md)
if [ -s web/map/node_modules/world-atlas/countries-110m.json ]; then
    check "len(d['objects']['countries']['geometries']) > 170 and d['arcs']"
else
    check "d == {}"
fi
end "the embedded page and its script, the map's countries and the country codes"

# bad_request NAME STATUS PATH [curl options]: a JSON error, then the
# server still answers.
bad_request() {
    name=$1 status=$2 path=$3
    shift 3
    begin
    get "$path" "$@"
    want_code "$status"
    check "isinstance(d.get('error'), str) and d['error']"
    get /api/stats
    [ "$code" = 200 ] || bad "the server stopped answering ($code)"
    end "bad request: $name -> $status"
}
bad_request "unknown route" 404 /api/nothing
bad_request "unknown page" 404 /secret.db
bad_request "../ path" 400 /../../etc/passwd
bad_request "encoded ../ path" 400 /%2e%2e/%2e%2e/etc/passwd
bad_request "SQL in a filter" 400 "/api/events?actor=RUS%27%20OR%20%271%27=%271"
bad_request "SQL in a dyad" 400 "/api/dyads?dyad=RUS:CHN%27;DROP%20TABLE%20events;--"
bad_request "invalid date" 400 "/api/events?from=2023-02-31x"
bad_request "impossible month" 400 "/api/series?to=2023-13-01"
bad_request "quad out of range" 400 "/api/events?quad=7"
bad_request "unknown parameter" 400 "/api/events?order=1;DROP"
# (PostgreSQL's web search syntax reads any text)
[ "$STORE" != sqlite ] ||
    bad_request "broken full-text query" 400 "/api/events?text=%22open"
bad_request "bad period" 400 "/api/series?by=hour"
bad_request "a series by dyad" 400 "/api/series?by=dyad"
bad_request "a parameter twice" 400 "/api/events?code=04&code=19"
bad_request "level of events" 400 "/api/events?level=country"
bad_request "bad level" 400 "/api/actors?level=nation"
bad_request "groups sorted by date" 400 "/api/dyads?sort=date"
bad_request "a language without a pack" 400 /api/code -X POST --data-binary '{"text":"x","lang":"xx"}'
bad_request "event id not a number" 404 "/api/events/1%20OR%201=1"
bad_request "no such event" 404 /api/events/99999999
bad_request "method" 405 /api/events -X DELETE
bad_request "GET on code" 405 /api/code
bad_request "body not JSON" 400 /api/code -X POST --data-binary 'not json'
bad_request "no text" 400 /api/code -X POST --data-binary '{"date":"2023-01-01"}'
bad_request "bad article date" 400 /api/code -X POST --data-binary '{"text":"x","date":"yesterday"}'
# /api/code's limits, which bound the time a text takes: its bytes, and
# its sentences (texts of many short ones).
python3 -c "import json; print(json.dumps({'text': 'Russia met China. ' * 15000}))" >"$T/long.json"
bad_request "a text over 256 KB" 413 /api/code -X POST --data-binary @"$T/long.json"
python3 -c "import json; print(json.dumps({'text': 'Russia met China. ' * 3000}))" >"$T/many.json"
bad_request "a text of 3,000 sentences" 413 /api/code -X POST --data-binary @"$T/many.json"
begin
python3 -c "import json; print(json.dumps({'text': 'Russia met China. ' * 2400}))" >"$T/most.json"
get /api/code -X POST --data-binary @"$T/most.json"
want_code 200
check "d['sentences'] == 2400 and d['events']"
get /api/code -X POST --data-binary @"$T/many.json"
check "'3000 sentences' in d['error'] and '2500' in d['error']"
get /api/code -X POST --data-binary @"$T/long.json"
check "'bytes' in d['error'] and '262144' in d['error']"
end "code: 2,400 sentences are coded, the limits are named"
head -c 10485760 /dev/zero | tr '\0' a >"$T/10mb"
bad_request "10 MB body" 413 /api/code -X POST --data-binary @"$T/10mb"
bad_request "long query string" 414 "/api/events?text=$(head -c 9000 /dev/zero | tr '\0' a)"
# Bytes that are not UTF-8 in a path, a name or a value: 400 naming
# the part, never a failure to answer (the message echoes what it can).
bad_request "invalid UTF-8 in a value" 400 "/api/events?quad=%ff"
bad_request "invalid UTF-8 in a path" 400 "/%ff"
bad_request "invalid UTF-8 in a name" 400 "/api/events?%ff=1"
bad_request "invalid UTF-8 in an event id" 400 "/api/events/%ff"
bad_request "invalid UTF-8 in a filter" 400 "/api/dyads?text=%c3%28"
bad_request "a long path of two-byte characters" 404 "/$(printf '%%c3%%a9%.0s' $(seq 60))"
begin
get "/api/series?by=%ff"
want_code 400
check "'UTF-8' in d['error'] and d['error'].startswith('the value of \\'by\\'')"
end "invalid UTF-8: the message names the parameter"
printf '{"text":"Presiden \377\376 bertemu"}' >"$T/badutf8.json"
bad_request "invalid UTF-8 text" 400 /api/code -X POST --data-binary @"$T/badutf8.json"

# raw_request NAME STATUS REQUEST: as bad_request, sent by raw.
raw_request() {
    begin
    raw "$3"
    want_code "$2"
    check "isinstance(d.get('error'), str) and d['error']"
    get /api/stats
    [ "$code" = 200 ] || bad "the server stopped answering ($code)"
    end "bad request: $1 -> $2"
}
# A NUL would end the path or value early: /index.html%00.txt is not
# /index.html.
raw_request "%00 in a path" 400 'GET /index.html%00.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'
raw_request "%00 in a value" 400 'GET /api/events?actor=RUS%00x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'
# Two lengths could be read one way by a proxy and another here.
raw_request "two Content-Length headers" 400 'POST /api/code HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 12\r\nContent-Length: 12\r\n\r\n{"text":"a"}'
raw_request "Content-Length and chunks" 400 'POST /api/code HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 12\r\nTransfer-Encoding: chunked\r\n\r\n{"text":"a"}'
begin
raw 'POST /api/code HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 12\r\n\r\n{"text":"a"}'
want_code 200
end "raw: one Content-Length is answered"

begin
stop_server
[ "$(store_sum)" = "$sum_before" ] || bad "the store changed while served"
end "the server stops cleanly on SIGTERM; the store is unchanged"

# the rest is the server's own: the same whatever the store
[ "$STORE" = sqlite ] || { finish; exit; }

# ---- a token asked of every request, on every address -----------------
printf 'tok-3f9a\n' >"$T/token"
start_server "$DB" --bind 0.0.0.0 --token "$T/token"

begin
grep -q "warning: --bind 0.0.0.0 is not a loopback address" "$T/serve.err" ||
    bad "no warning about 0.0.0.0: $(cat "$T/serve.err")"
get /api/stats
want_code 401
check "'token' in d['error']"
get /api/stats -H "Authorization: Bearer tok-3f9"
want_code 401
get / -H "Authorization: Bearer tok-3f9a"
want_code 200
get /api/stats -H "Authorization: Bearer tok-3f9a"
want_code 200
get "/api/stats?token=tok-3f9a" -c "$T/cookies"
want_code 200
grep -q "warta_token.*tok-3f9a" "$T/cookies" || bad "no cookie set"
get "/api/places?top=1" -b "$T/cookies"
want_code 200
check "len(d['places']) == 1"
get "/api/stats" -b "warta_token=wrong"
want_code 401
stop_server
end "--token: a bearer, or a ?token= that sets a cookie; nothing without; a warning for 0.0.0.0"

begin
start_server "$DB"
grep -q warning "$T/serve.err" && bad "a warning for loopback: $(cat "$T/serve.err")"
stop_server
printf '' >"$T/empty"
run serve --db "$DB" --token "$T/empty"
want_rc 2
err_has "--token: $T/empty line 1: a token is 1 to 256 printable characters"
run serve --db "$DB" --token "$T/nothing"
want_rc 2
err_has "--token: cannot read $T/nothing"
end "no warning on loopback; --token refuses an empty or missing file"

# ---- a store whose full-text index is slow to search ---------------------
# 5,000 more sentences of words starting with "a": NEAR over a thousand
# "a*" takes minutes on it, far beyond any budget.
cp "$DB" "$T/slow.db"
sqlite3 "$T/slow.db" "WITH RECURSIVE i(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM i WHERE k < 5000)
  INSERT INTO sentences(doc, idx, lang, text) SELECT 1, 1000 + k, 'en',
  'a' || (k % 97) || ' ab' || (k % 13) || ' ac' || k || ' and ax' || (k % 7) || ' agreed' FROM i"
near=$(python3 -c "print('NEAR(' + '%20'.join(['a*'] * 1000) + ',%20100000)')")
start_server "$T/slow.db" --threads 2 --query-budget 3000

# Slowloris: two connections send a header byte every second, which
# resets libmicrohttpd's timeout each time; the server must close them
# at its header deadline (10 s) all the same.  In the background while
# the cases below run; its verdict is read at the end.
cat >"$T/trickle.py" <<'PY'
import socket, sys, time
socks = [socket.create_connection(("127.0.0.1", int(sys.argv[1]))) for _ in range(2)]
for s in socks:
    s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: x\r\n")
    s.settimeout(0.01)
t0, closed = time.time(), []
while len(closed) < len(socks) and time.time() - t0 < 20:
    for s in socks:
        if s in [c for c, _ in closed]:
            continue
        try:
            s.sendall(b"X")
            if s.recv(100) == b"":
                raise ConnectionError
        except socket.timeout:
            pass
        except OSError:
            closed.append((s, time.time() - t0))
    time.sleep(1)
print(" ".join("%.0f" % t for _, t in closed) or "none")
PY
python3 "$T/trickle.py" "$port" >"$T/trickle.out" 2>&1 &
trickler=$!

# Two slow queries at once with two threads: one runs, the other waits
# for it (slow requests run on one thread fewer than there are), and
# /api/stats is answered on the free thread meanwhile.
begin
for k in 1 2; do
    curl -s -m 60 -o /dev/null -w '%{http_code}' "$B/api/events?text=$near" >"$T/slow$k.code" &
    eval slow$k=\$!
    sleep 0.3
done
get /api/stats
want_code 200
check "d['sentences'] > 5000"
kill -0 $slow1 2>/dev/null && kill -0 $slow2 2>/dev/null ||
    bad "a slow query was over before /api/stats was answered"
wait $slow1
kill -0 $slow2 2>/dev/null || bad "the second slow query ran beside the first"
wait $slow2
[ "$(cat "$T/slow1.code") $(cat "$T/slow2.code")" = "503 503" ] ||
    bad "the slow queries: $(cat "$T/slow1.code") $(cat "$T/slow2.code"), want 503 503"
end "threads: /api/stats is answered while slow queries hold and wait for a thread"

begin
get "/api/events?text=$near" -m 60
want_code 503
check "'3000 ms' in d['error']"
get "/api/series?by=month&text=$near" -m 60
want_code 503
get "/api/events?actor=RUS"
want_code 200
end "budget: a query past --query-budget stops with 503; the next is answered"

# 32 connections from one address (127.0.0.3, apart from the other
# cases') at once: a 33rd is closed at once, another address is served.
begin
python3 -c '
import socket, sys
import time
socks = [socket.create_connection(("127.0.0.1", int(sys.argv[1])),
                                  source_address=("127.0.0.3", 0))
         for _ in range(33)]
time.sleep(1.5)
def closed(s):
    s.setblocking(False)
    try:
        return s.recv(1) == b""
    except BlockingIOError:
        return False
print(sum(map(closed, socks[:32])), int(closed(socks[32])))
' "$port" >"$T/per-ip.out" 2>&1
[ "$(cat "$T/per-ip.out")" = "0 1" ] || bad "open 32 first / 33rd closed: $(cat "$T/per-ip.out"), want 0 1"
code=$(curl -s --interface 127.0.0.2 -o "$T/body" -w '%{http_code}' "$B/api/stats")
want_code 200
end "per address: 32 connections at once, the 33rd is closed"

begin
wait $trickler
set -- $(cat "$T/trickle.out")
[ $# = 2 ] || bad "the trickling connections: $(cat "$T/trickle.out"), want two closed"
for t in "$@"; do
    [ "$t" -ge 9 ] && [ "$t" -le 13 ] || bad "a trickling connection closed after $t s, want 10-12"
done
end "slowloris: connections trickling their headers are closed at 10 s"

begin
stop_server
end "the server with limits stops cleanly"

# ---- clients that do not read ---------------------------------------------
# 20,000 more events; /api/events?top=5000 is about 0.9 MB, more than
# the kernel takes of it (the server fixes the send buffer at 256 KB).
# Sixteen clients ask for it at once and read nothing but the status
# line: with --answer-memory 4 the server holds at most four such answers
# (each takes 1 MB or more) and answers the others 503, but still answers
# /api/stats (small answers are not counted).
cp "$DB" "$T/big.db"
sqlite3 "$T/big.db" "WITH RECURSIVE i(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM i WHERE k < 20000)
  INSERT INTO events(date, source, target, code, root, quad, goldstein, place_key, mentions, sources, articles)
  SELECT date('2010-01-01', '+' || (k % 3000) || ' days'), 'RUSGOV', 'CHNGOV', '042', '04', 1, 1.9, 'k' || k, 1, 1, 1 FROM i"
start_server "$T/big.db" --threads 2 --answer-memory 4

begin
python3 -c '
import socket, sys
req = b"GET /api/events?top=5000 HTTP/1.1\r\nHost: x\r\n\r\n"
socks = [socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=60)
         for _ in range(16)]
for s in socks:
    s.sendall(req)
codes = [s.recv(12)[9:12].decode() for s in socks]
stats = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=60)
stats.sendall(b"GET /api/stats HTTP/1.1\r\nHost: x\r\n\r\n")
print(codes.count("200"), codes.count("503"), stats.recv(12)[9:12].decode())
' "$port" >"$T/unread.out" 2>&1
set -- $(cat "$T/unread.out")
[ $# = 3 ] && [ "$1" -ge 1 ] && [ "$1" -le 4 ] && [ $(($1 + $2)) = 16 ] ||
    bad "200s and 503s: $(cat "$T/unread.out"), want 1-4 and the rest"
[ "${3:-}" = 200 ] || bad "/api/stats while the answers are held: ${3:-none}"
get "/api/events?top=5000"
want_code 200
check "len(d['events']) == 5000"
end "clients that do not read: the answers held are bounded, and freed when they leave"

begin
stop_server
end "the server with a memory budget stops cleanly"

begin
run serve --db "$T/missing.db" --port 0
want_rc 3
err_has "missing.db"
printf 'not a database' >"$T/plain.db"
run serve --db "$T/plain.db" --port 0
want_rc 3
run serve --db "$DB" --bind nowhere
want_rc 2
err_has "--bind"
run serve --db "$DB" --query-budget ""
want_rc 2
err_has "warta: serve: --query-budget: empty"
for bad_value in 0 -5 12x 600001; do
    run serve --db "$DB" --query-budget "$bad_value"
    want_rc 2
    err_has "--query-budget: '$bad_value' is not a whole number from 1 to 600000"
done
for bad_value in 0 65537 1e3; do
    run serve --db "$DB" --answer-memory "$bad_value"
    want_rc 2
    err_has "--answer-memory: '$bad_value' is not a whole number from 1 to 65536"
done
for bad_value in 0 -1 2x " 2" 65; do
    run serve --db "$DB" --threads "$bad_value"
    want_rc 2
    err_has "--threads: '$bad_value' is not a whole number from 1 to 64"
done
end "refuses a missing store, a file that is not one, a bad address, budget or thread count"

# libmicrohttpd is loaded when the server starts: without it (here, a name
# that is no library) serve says so and stops; other commands never load it.
begin
export WARTA_LIBMICROHTTPD="$T/no-libmicrohttpd.so.12"
run serve --db "$DB" --port 0
want_rc 3
err_has "warta: serve: the server needs libmicrohttpd"
err_has "no-libmicrohttpd.so.12"
run query --db "$DB" --top 1
want_rc 0
unset WARTA_LIBMICROHTTPD
end "without libmicrohttpd serve says so and stops; the rest runs"

finish
