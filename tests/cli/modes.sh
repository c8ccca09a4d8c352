#!/bin/sh
# tests/cli/modes.sh -- how a text tells an event (its mode) and whether
# it is history, through every command: `warta code --mode all
# --historical`, `warta ingest` of the same, `warta query --mode`, and the
# dashboard's API (`mode` filter, `POST /api/code`); bad values refused.
# The sentences are written here, one for each mode.
#
#   sh tests/cli/modes.sh PATH_TO_WARTA     (from the repository root)
#
# One line per case: `ok - NAME` or `not ok - NAME (why)`, then
# `N passed, M failed`; the exit status is non-zero if M > 0.
# KEEP=1 keeps the temporary directory (warta-modes.* under $TMPDIR or /tmp).

W=${1:?usage: sh tests/cli/modes.sh PATH_TO_WARTA}
SUITE=modes
SUITE_TIMEOUT=120
. tests/cli/lib.sh

for tool in curl python3; do
    if ! command -v $tool >/dev/null 2>&1; then
        echo "modes.sh: $tool is needed" >&2
        exit 2
    fi
done

# py CODE: run Python CODE with E = the JSON objects of $T/out, one per
# line, and has(mode, code, source, target) = whether one event is so
# (None: any).  A failed assert fails the case with its message.
cat >"$T/check.py" <<'EOF'
import json, sys
E = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
def has(mode, code, source=None, target=None):
    return any(e["mode"] == mode and e["code"] == code
               and source in (None, e["source"]["code"])
               and target in (None, e["target"]["code"]) for e in E)
try:
    exec(sys.argv[2])
except AssertionError as e:
    print(str(e) or "assertion failed")
    sys.exit(1)
except Exception as e:
    print("%s: %s" % (type(e).__name__, e))
    sys.exit(1)
EOF
py() {
    r=$(python3 "$T/check.py" "$T/out" "$1" 2>&1) || bad "${r:-python check failed}"
}

# ---- the articles ------------------------------------------------------------
# One English and one Indonesian article of 8 May 2024; each sentence
# tells its event another way.  The last English one is history.

python3 - "$T" <<'EOF'
import json, sys
en = ("Brazil criticized Argentina on Tuesday. "
      "Russia did not attack Ukraine on Monday. "
      "France could criticize Germany. "
      "Japan will visit Vietnam next week. "
      "Egypt sent troops to Libya to fight Turkey. "
      "Germany asked Russia to negotiate with Ukraine. "
      "Did Iran attack Iraq? "
      "Chile criticized Peru on 3 January 2019.")
id_ = ("Brasil mengecam Argentina pada hari Selasa. "
       "Rusia tidak menyerang Ukraina pada hari Senin. "
       "Apakah Iran menyerang Irak?")
with open(sys.argv[1] + "/modes.jsonl", "w", encoding="utf-8") as f:
    for doc, lang, text in (("m-en", "en", en), ("m-id", "id", id_)):
        f.write(json.dumps({"id": doc, "date": "2024-05-08", "lang": lang,
                            "text": text}) + "\n")
# a second article tells the attack as done: an event apart from its denial
with open(sys.argv[1] + "/attack.jsonl", "w", encoding="utf-8") as f:
    f.write(json.dumps({"id": "m-attack", "date": "2024-05-08", "lang": "en",
                        "text": "Russia attacked Ukraine on Monday."}) + "\n")
EOF

# ---- warta code ----------------------------------------------------------------

begin
run code --mode all --historical "$T/modes.jsonl"
want_rc 0
py '
assert has("asserted", "111", "BRA", "ARG"), "the criticism"
assert has("negated", "190", "RUS", "UKR"), "the denied attack (en)"
assert sum(e["mode"] == "negated" and e["doc"] == "m-id" for e in E) == 1, "the denied attack (id)"
assert has("hypothetical", "111", "FRA", "DEU"), "could criticize"
assert has("future", "036", "JPN", "VNM"), "will visit: an intent"
assert has("purpose", "190"), "sent troops to fight"
assert has("requested", "046"), "asked to negotiate"
assert has("question", "190", "IRN", "IRQ"), "did Iran attack?"
assert sum(e["mode"] == "question" for e in E) == 2, "the question in both languages"
old = [e for e in E if e["historical"]]
assert [(e["source"]["code"], e["date"]) for e in old] == [("CHL", "2019-01-03")], old
'
end "code --mode all --historical: every mode, and the history, marked"

begin
run code "$T/modes.jsonl"
want_rc 0
py '
modes = {(e["mode"], e["code"][:2]) for e in E}
assert modes <= {("asserted", e["code"][:2]) for e in E} | {("future", "03")}, modes
assert has("asserted", "111", "BRA", "ARG") and has("future", "036", "JPN", "VNM"), "kept"
assert not any(e["historical"] for e in E), "history kept by default"
'
end "code keeps asserted events and intents by default, and no history"

begin
run code --mode all --format text --explain "$T/modes.jsonl"
want_rc 0
grep 'RUS  *190  *UKR.*\[negated\]' "$T/out" >/dev/null || bad "no [negated] line"
grep 'IRN  *190  *IRQ.*\[question\]' "$T/out" >/dev/null || bad "no [question] line"
out_has "source by nsubj of 'attack'"
run code --mode all --syntax off "$T/modes.jsonl"
want_rc 0
py 'assert E and all(e["mode"] == "asserted" for e in E), "by position, every event is asserted"'
end "code --format text marks the mode; --syntax off gives none"

begin
for args in "--mode some" "--mode" "--mode ALL" "--syntax maybe" \
    "--syntax off --model data/models/en.model"; do
    # shellcheck disable=SC2086
    run code $args "$T/modes.jsonl"
    [ "$rc" = 2 ] || bad "code $args: exit $rc, want 2"
    [ -s "$T/err" ] || bad "code $args: no message"
    out_empty
done
run code --mode some "$T/modes.jsonl"
err_has "warta: code: --mode: 'some' is not asserted or all"
end "code: a bad --mode or --syntax exits 2 with a message"

# ---- warta ingest and warta query ------------------------------------------------

DB=$T/m.db
begin
run ingest --no-progress --db "$DB" --mode all --historical "$T/modes.jsonl" \
    "$T/attack.jsonl"
want_rc 0
out_has "3 new"
run query --db "$DB" --mode negated --format json
want_rc 0
py '
assert len(E) == 1, E
assert (E[0]["source"], E[0]["code"], E[0]["target"], E[0]["mode"]) == ("RUS", "190", "UKR", "negated"), E
assert E[0]["mentions"] == 2 and E[0]["historical"] is False, E
'
negated=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$T/out")
run query --db "$DB" --mode asserted --dyad RUS:UKR --format json
py 'assert len(E) == 1 and E[0]["mode"] == "asserted" and E[0]["mentions"] == 1, E'
run query --db "$DB" --mode question,hypothetical --format json
py 'assert sorted((e["mode"], e["mentions"]) for e in E) == [("hypothetical", 1), ("question", 2)], E'
run query --db "$DB" --format csv
want_rc 0
head -1 "$T/out" | grep -q ',mode,historical,' || bad "no mode in the csv header"
grep -q ',asserted,true,111,11,Criticize or denounce,' "$T/out" || bad "no historical row"
run query --db "$DB" --event "$negated"
want_rc 0
out_has "Russia did not attack Ukraine on Monday."
out_has "source by nsubj of 'attack'"
out_has "mode            negated"
end "ingest --mode all stores modes apart; query --mode finds them"

begin
run ingest --no-progress --db "$T/default.db" "$T/modes.jsonl"
want_rc 0
run query --db "$T/default.db" --format json
py '
assert {e["mode"] for e in E} == {"asserted", "future"}, E
assert not any(e["historical"] for e in E), E
'
end "ingest keeps what code keeps by default"

begin
for args in "--mode bogus" "--mode negated,bogus" "--mode ''" "--mode negated," \
    "--mode all"; do
    eval "run query --db \"\$DB\" $args"
    [ "$rc" = 2 ] || bad "query $args: exit $rc, want 2"
    out_empty
done
run query --db "$DB" --mode negated,bogus
err_has "'bogus' is not a mode (asserted, negated, hypothetical, future, purpose, requested, question)"
run query --db "$DB" --mode negated,bogus --format plover
want_rc 2
run ingest --no-progress --db "$T/never.db" --mode every "$T/modes.jsonl"
want_rc 2
err_has "warta: ingest: --mode: 'every' is not asserted or all"
[ ! -e "$T/never.db" ] || bad "ingest with a bad --mode made a store"
end "query and ingest: a bad --mode exits 2 with the valid values"

# ---- the dashboard's API -------------------------------------------------------------

start_server "$DB"

begin
get "/api/events?mode=negated"
want_code 200
check "len(d['events']) == 1 and d['events'][0]['mode'] == 'negated' and d['events'][0]['historical'] is False"
get "/api/events?mode=question,negated"
check "sorted(e['mode'] for e in d['events']) == ['negated', 'question']"
get "/api/events?mode="
check "len(d['events']) > 5 and any(e['historical'] for e in d['events'])"
get "/api/dyads?mode=negated"
want_code 200
check "[(x['source'], x['target'], x['events']) for x in d['dyads']] == [('RUS', 'UKR', 1)]"
get "/api/actors?mode=question"
check "{x['actor'] for x in d['actors']} == {'IRN', 'IRQ'}"
get "/api/series?mode=future&by=day"
check "[(p['t'], p['events']) for p in d['points']] == [('2024-05-15', 1)]"
get "/api/events/$negated"
want_code 200
check "d['event']['mode'] == 'negated' and len(d['mentions']) == 2 and all(m['source_how'].startswith('nsubj of ') for m in d['mentions'])"
end "API: mode filters events, dyads, actors and series; an event's view its relations"

begin
for q in "mode=bogus" "mode=negated,bogus" "mode=Negated" "mode=negated,"; do
    get "/api/events?$q"
    want_code 400
    check "'asserted, negated, hypothetical, future, purpose, requested, question' in d['error']"
done
get "/api/series?mode=all"
want_code 400
get "/api/stats"
want_code 200
end "API: a bad mode is a 400 listing the valid ones"

begin
get /api/code -H 'Content-Type: application/json' \
    --data '{"text": "Russia did not attack Ukraine on Monday. Brazil criticized Argentina.", "date": "2024-05-08", "mode": "all"}'
want_code 200
check "{(e['source']['code'], e['mode']) for e in d['events']} == {('RUS', 'negated'), ('BRA', 'asserted')} and all(e['historical'] is False for e in d['events'])"
check "[e['explain']['source_how'] for e in d['events'] if e['mode'] == 'negated'] == [\"nsubj of 'attack'\"]"
get /api/code --data '{"text": "Russia did not attack Ukraine on Monday. Brazil criticized Argentina.", "date": "2024-05-08"}'
want_code 200
check "[e['mode'] for e in d['events']] == ['asserted']"
get /api/code --data '{"text": "Chile criticized Peru on 3 January 2019.", "date": "2024-05-08", "historical": true}'
check "[e['historical'] for e in d['events']] == [True]"
get /api/code --data '{"text": "Chile criticized Peru.", "mode": "negated"}'
want_code 400
check "'mode' in d['error']"
get /api/code --data '{"text": "Chile criticized Peru.", "historical": 1}'
want_code 400
end "API: /api/code answers modes, history and relations as asked"

begin
stop_server
start_server "$DB" --syntax off
get /api/code --data '{"text": "Russia did not attack Ukraine. Brazil criticized Argentina.", "mode": "all"}'
want_code 200
check "all(e['mode'] == 'asserted' and 'nsubj' not in e['explain'].get('source_how', '') for e in d['events'])"
stop_server
"$W" serve --db "$DB" --port 0 --syntax maybe >/dev/null 2>"$T/err"
rc=$?
want_rc 2
err_has "warta: serve: --syntax: 'maybe' is not on or off"
end "serve --syntax off codes by position; a bad --syntax exits 2"

finish
