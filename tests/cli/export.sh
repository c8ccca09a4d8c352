#!/bin/sh
# tests/cli/export.sh -- command-line tests of `warta code --format
# gdelt|plover|csv` and of the same exports from a store (`warta query`):
# each output is read back with Python's csv and json modules and checked
# against the same events as JSON, and against the field lists of the
# specs (tests/cli/specs.py: PLOVER's, GDELT 2.0's, a CSV pandas reads).
# With ../shared (WARTA_SHARED), the sample corpora are coded too: no
# event may have a 2-digit code.
#
#   sh tests/cli/export.sh PATH_TO_WARTA     (from the repository root)
#
# One line per case: `ok - NAME` or `not ok - NAME (why)`, then
# `N passed, M failed`; the exit status is non-zero if M > 0.
# KEEP=1 keeps the temporary directory (warta-export.* under $TMPDIR or /tmp).

W=${1:?usage: sh tests/cli/export.sh PATH_TO_WARTA}
SUITE=export
. tests/cli/lib.sh

if ! command -v python3 >/dev/null 2>&1; then
    echo "export.sh: python3 is needed" >&2
    exit 2
fi
SHARED=${WARTA_SHARED:-../shared}
# Debian's python3, which python3-pandas serves (another python3 may come
# first on the PATH).
PYD=/usr/bin/python3
[ -x "$PYD" ] || PYD=python3

# spec KIND FILE: FILE passes tests/cli/specs.py's check of KIND.
spec() {
    msg=$("$PYD" tests/cli/specs.py "$1" "$2") || bad "$1 spec: $msg"
}

# py CODE: run Python CODE with OUT = the path of warta's stdout and
# J = the events as JSON (from $T/events.json).  A failed assert fails
# the case with its message.
cat >"$T/check.py" <<'EOF'
import csv, json, sys
try:
    with open(sys.argv[2], encoding='utf-8') as f:
        J = [json.loads(line) for line in f]
    exec(sys.argv[3], {'OUT': sys.argv[1], 'J': J, 'csv': csv, 'json': json})
except AssertionError as e:
    print(str(e) or 'assertion failed')
    sys.exit(1)
except Exception as e:
    print('%s: %s' % (type(e).__name__, e))
    sys.exit(1)
EOF
py() {
    msg=$(python3 "$T/check.py" "$T/out" "$T/events.json" "$1") || bad "$msg"
}

# ---- the article ---------------------------------------------------------

cat >"$T/a.jsonl" <<'EOF'
{"id":"ex-1","date":"2024-03-12","lang":"en","url":"https://example.org/ex-1","title":"Leaders agree to expand trade","text":"On Monday, the president of Indonesia met Malaysia's prime minister in Jakarta to discuss trade and border security.\nIn a joint statement the two leaders said: \"We agreed to strengthen economic cooperation.\""}
EOF
# Places and actors whose FIPS 10-4 and ISO codes part (Germany GM/DE,
# Russia RS/RU, the United Kingdom UK/GB), and a side whose code is not
# its country's (IMGMUSISI of GBR: British ISIS fighters).
cat >"$T/b.jsonl" <<'EOF'
{"id":"ex-2","date":"2024-05-02","lang":"en","url":"https://example.org/ex-2","source":"Example Wire","text":"The German foreign minister met the British foreign minister in Berlin on Wednesday. Russia criticized Germany on Thursday. British Islamic State fighters attacked Iraqi troops in Mosul on Tuesday."}
EOF
# "The government" names no country: the article's home country, Indonesia,
# is its country, and its geography.
cat >"$T/h.jsonl" <<'EOF'
{"id":"ex-3","date":"2024-05-02","lang":"en","url":"https://example.org/ex-3","text":"Indonesia criticized Malaysia on Monday. Indonesia condemned Australia on Tuesday. The government criticized Malaysia on Wednesday."}
EOF
printf '%s\n' '{"id":"none","date":"2024-03-12","lang":"en","text":"The weather was fine."}' >"$T/none.jsonl"

begin
run code --no-progress "$T/a.jsonl"
want_rc 0
cp "$T/out" "$T/events.json"
py '
assert len(J) >= 2, "%d events in the article, want 2 or more" % len(J)'
end "the article codes as JSON"

# ---- gdelt ---------------------------------------------------------------

begin
run code --no-progress --format gdelt "$T/a.jsonl"
want_rc 0
py '
with open(OUT, encoding="utf-8", newline="") as f:
    text = f.read()
assert text.endswith("\n"), "no final newline"
rows = list(csv.reader(text.splitlines(), delimiter="\t",
                       quoting=csv.QUOTE_NONE))
assert len(rows) == len(J), "%d rows, %d events" % (len(rows), len(J))
ids = set()
for r, e in zip(rows, J):
    day = e.get("date") or e.get("article_date")   # the event's, else the article's
    assert len(r) == 61, "%d fields, want 61: %r" % (len(r), r)
    c = dict(zip(range(1, 62), r))          # 1-based, as in the codebook
    gid = int(c[1])
    assert 0 < gid < 2**53, "GLOBALEVENTID %d" % gid
    ids.add(gid)
    assert c[2] == day.replace("-", ""), "SQLDATE %r, want %r" % (c[2], day)
    assert c[3] == c[2][:6] and c[4] == c[2][:4], (c[3], c[4])
    assert c[2].startswith("202403"), "SQLDATE %r" % c[2]
    assert c[6] == e["source"]["code"], "Actor1Code %r" % c[6]
    assert c[8] == e["source"]["country"], "Actor1CountryCode %r" % c[8]
    assert c[13] == e["source"]["sector"][:3], "Actor1Type1Code %r" % c[13]
    assert c[16] == e["target"]["code"], "Actor2Code %r" % c[16]
    assert c[18] == e["target"]["country"], "Actor2CountryCode %r" % c[18]
    assert c[26] in ("0", "1"), "IsRootEvent %r" % c[26]
    assert c[27] == e["code"], "EventCode %r, want %r" % (c[27], e["code"])
    assert c[28] == e["code"][:3], "EventBaseCode %r" % c[28]
    assert c[29] == e["root"] == e["code"][:2], "EventRootCode %r" % c[29]
    assert c[30] == str(e["quad_class"]) and c[30] in "1234", "QuadClass %r" % c[30]
    assert c[31] == "%.1f" % e["goldstein"], "GoldsteinScale %r" % c[31]
    assert c[32] == c[33] == c[34] == "1", "NumMentions/Sources/Articles"
    assert len(c[60]) == 14 and c[60].isdigit(), "DATEADDED %r" % c[60]
    assert c[61] == "https://example.org/ex-1", "SOURCEURL %r" % c[61]
assert len(ids) == len(rows), "GLOBALEVENTIDs repeat"
assert rows[0][25] == "1", "the first body sentence is no root event"'
end "gdelt: 61 columns in the codebook's order"

# ---- plover --------------------------------------------------------------

begin
run code --no-progress --format plover "$T/a.jsonl"
want_rc 0
py '
with open(OUT, encoding="utf-8") as f:
    P = [json.loads(line) for line in f]
assert len(P) == len(J), "%d objects, %d events" % (len(P), len(J))
for p, e in zip(P, J):
    assert p["date"] == (e.get("date") or e.get("article_date")), p["date"]
    assert p["event"] == [e["plover"]["type"]], p["event"]
    assert p["mode"] == ([e["plover"]["mode"]] if e["plover"]["mode"] else []), p["mode"]
    assert p["context"] == []
    assert p["source"][0]["code"] == e["source"]["code"][:3], p["source"]
    assert p["source"][0]["actor_text"] == e["source"]["text"], p["source"]
    assert p["recipient"][0]["code"] == e["target"]["code"][:3], p["recipient"]
    assert p["recipient"][0].get("sector", "") == e["target"]["code"][3:], p["recipient"]
    assert p["warta"]["code"] == e["code"], p["warta"]
    assert p["warta"]["quad_class"] == e["quad_class"], p["warta"]
    assert p["warta"]["source"]["code"] == e["source"]["code"], p["warta"]
    assert p["text"] == e["text"], p["text"]
    assert p["text_info"] == {"sequence": e["sentence"]}, p["text_info"]
    assert p["cite_info"]["citation"] == "ex-1", p["cite_info"]
    assert p["cite_info"]["url"] == "https://example.org/ex-1", p["cite_info"]
    assert p["cite_info"]["title"] == "Leaders agree to expand trade"
    assert p["cite_info"]["language"] == "en", p["cite_info"]
    if e["place"]:
        assert p["event_loc"]["name"] == e["place"]["name"], p["event_loc"]
        assert p["event_loc"]["cc3"] == e["place"]["country"], p["event_loc"]
assert any(e["place"] for e in J), "no event with a place"'
spec plover "$T/out"
end "plover: one record per event, in the spec's fields"

begin
run code --no-progress --format plover "$T/b.jsonl"
want_rc 0
spec plover "$T/out"
py '
with open(OUT, encoding="utf-8") as f:
    P = [json.loads(line) for line in f]
locs = [p["event_loc"] for p in P if p["event_loc"]]
got = {(l["name"], l["country code"], l["cc3"]) for l in locs}
assert got == {("Berlin", "DE", "DEU"), ("Mosul", "IQ", "IRQ")}, locs
assert all(isinstance(l["geonameid"], int) for l in locs), locs'
end "plover: the location object has GeoNames' fields (ISO alpha-2 and cc3)"

# ---- csv -----------------------------------------------------------------

begin
run code --no-progress --format csv "$T/a.jsonl"
want_rc 0
py '
with open(OUT, encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
head, rows = rows[0], rows[1:]
assert head[:2] == ["event_id", "date"], head
assert head[-1] == "store_id", head
for col in ("date_precision", "source_country", "target_country",
            "place_lat", "place_lon", "place_country", "url"):
    assert col in head, "no %s column" % col
assert len(rows) == len(J), "%d rows, %d events" % (len(rows), len(J))
for r, e in zip(rows, J):
    assert len(r) == len(head), "%d fields, header has %d" % (len(r), len(head))
    c = dict(zip(head, r))
    assert c["doc"] == "ex-1" and c["sentence"] == str(e["sentence"]), c
    assert c["source_code"] == e["source"]["code"], c["source_code"]
    assert c["target_text"] == e["target"]["text"], c["target_text"]
    assert c["code"] == e["code"] and c["root"] == e["root"], c["code"]
    assert c["goldstein"] == "%.1f" % e["goldstein"], c["goldstein"]
    assert c["text"] == e["text"], c["text"]
    assert c["url"] == "https://example.org/ex-1", c["url"]
    assert c["store_id"] == "", c["store_id"]
    if e["place"]:
        assert abs(float(c["place_lat"]) - e["place"]["lat"]) < 1e-4, c["place_lat"]
assert any("," in r[-2] for r in rows), "no text with a comma to quote"
assert any("\"" in r[-2] for r in rows), "no text with a quote to double"'
spec csv "$T/out"
end "csv: a header, then one row per event"

begin
run code --no-progress --format csv "$T/none.jsonl" "$T/a.jsonl"
want_rc 0
n=$(grep -c '^event_id,date,' "$T/out")
[ "$n" = 1 ] || bad "$n header lines, want 1"
run code --no-progress --format csv "$T/none.jsonl"
want_rc 0
[ "$(wc -l <"$T/out" | tr -d ' ')" = 1 ] || bad "no events: want the header alone"
spec csv "$T/out"
end "csv: the header once, also with no event (pandas reads it)"

# ---- gdelt: the codebook's columns and types, FIPS 10-4 places -------------

begin
run code --no-progress --format gdelt "$T/a.jsonl" "$T/b.jsonl"
want_rc 0
if [ -r "$SHARED/formats/gdelt2-event-columns.txt" ]; then
    msg=$("$PYD" -c 'import sys; sys.path.insert(0, "tests/cli"); import specs
try:
    specs.check_gdelt(sys.argv[1], sys.argv[2])
except AssertionError as e:
    print(e); sys.exit(1)' "$T/out" "$SHARED/formats/gdelt2-event-columns.txt") ||
        bad "gdelt spec: $msg"
else
    spec gdelt "$T/out"
fi
py '
rows = [l.split("\t") for l in open(OUT, encoding="utf-8").read().splitlines()]
geo = {(r[36], r[37]) for r in rows if r[36]} | {(r[44], r[45]) for r in rows if r[44]} \
    | {(r[52], r[53]) for r in rows if r[52]}
for name, fips in (("Russia", "RS"), ("Germany", "GM"), ("United Kingdom", "UK"),
                   ("Indonesia", "ID"), ("Malaysia", "MY"), ("Berlin", "GM"),
                   ("Jakarta", "ID"), ("Mosul", "IZ"), ("Iraq", "IZ")):
    assert (name, fips) in geo, "no %s in %s: %r" % (name, fips, sorted(geo))'
run code --no-progress --format gdelt --geo iso3 "$T/b.jsonl"
want_rc 0
py '
rows = [l.split("\t") for l in open(OUT, encoding="utf-8").read().splitlines()]
assert {r[53] for r in rows if r[52]} == {"DEU", "IRQ"}, [r[53] for r in rows]
assert all(len(r) == 61 for r in rows)'
end "gdelt: a GDELT 2.0 reader's columns and types; places in FIPS 10-4 (--geo iso3: ISO)"

# ---- the same events from a store -------------------------------------------

begin
run ingest --no-progress --db "$T/s.db" "$T/a.jsonl" "$T/b.jsonl" "$T/h.jsonl"
want_rc 0
run code --no-progress --format gdelt "$T/a.jsonl" "$T/b.jsonl" "$T/h.jsonl"
cp "$T/out" "$T/code.tsv"
run query --db "$T/s.db" --format gdelt
want_rc 0
cp "$T/out" "$T/query.tsv"
spec gdelt "$T/query.tsv"
msg=$(python3 - "$T/code.tsv" "$T/query.tsv" 2>&1 <<'PYEOF'
import sys
def rows(path):
    out = {}
    for line in open(path, encoding="utf-8").read().splitlines():
        r = line.split("\t")
        # GLOBALEVENTID -> the rest but the counts (31-33, the store's),
        # DATEADDED and the url
        out.setdefault(r[0], set()).add(tuple(r[1:31] + r[34:59]))
    return out
code, query = rows(sys.argv[1]), rows(sys.argv[2])
assert set(code) == set(query), "GLOBALEVENTIDs differ: %r" % (set(code) ^ set(query))
for gid in code:
    assert code[gid] == query[gid], "event %s: %r != %r" % (gid, code[gid], query[gid])
# in a tuple: 0 Day, 4 Actor1Code, 31 Actor1Geo_Type, 32 its Fullname
assert any(r[31] for v in query.values() for r in v), "no Actor1Geo"
home = [r for v in query.values() for r in v if r[4] == "IDNGOV" and r[0] == "20240501"]
assert home and home[0][32] == "Indonesia", "the home side has no geography: %r" % home
PYEOF
) || bad "$msg"
run query --db "$T/s.db" --format plover
want_rc 0
spec plover "$T/out"
msg=$(python3 - "$T/out" "$T/code.tsv" 2>&1 <<'PYEOF'
import json, sys
ids = {json.loads(l)["id"] for l in open(sys.argv[1], encoding="utf-8")}
want = {l.split("\t")[0] for l in open(sys.argv[2], encoding="utf-8")}
assert ids == want, (ids, want)
PYEOF
) || bad "$msg"
end "query --format gdelt|plover: the GLOBALEVENTIDs and actor geography of code's"

begin
run query --db "$T/s.db" --format csv
want_rc 0
spec csv "$T/out"
py '
rows = list(csv.DictReader(open(OUT, encoding="utf-8", newline="")))
assert rows and all(r["store_id"] and r["url"].startswith("https://") for r in rows), rows[:1]
assert any(r["place_lat"] and r["place_country"] for r in rows), "no place"
assert all(r["source_country"] and r["date_precision"] for r in rows), rows[:1]'
run query --db "$T/s.db" --format csv --actor ZZZ
want_rc 0
out_lines 1
spec csv "$T/out"
run query --db "$T/s.db" --format csv --actor ZZZ --by month
want_rc 0
out_lines 1
spec csv "$T/out"
run query --db "$T/s.db" --actor ZZZ
want_rc 0
out_lines 1
out_has "source"
end "query --format csv: the store's columns; a header also with no row"

begin
run query --db "$T/s.db" --format csv --event 1
want_rc 0
spec csv "$T/out"
n=$(grep -c '^id,' "$T/out")
[ "$n" = 1 ] || bad "$n header lines, want one table"
py '
rows = list(csv.DictReader(open(OUT, encoding="utf-8", newline="")))
assert rows and all(r["id"] == "1" for r in rows), rows
assert all(r["text"] and "mention_source" in r for r in rows), rows'
end "query --event ID --format csv: one table, a row per mention"

# ---- no 2-digit event codes --------------------------------------------------

begin
if [ ! -d "$SHARED/corpora" ]; then
    bad "no corpora in $SHARED"
else
    saved=$TIMEOUT
    [ -z "$TIMEOUT" ] || TIMEOUT="timeout 900"
    run code --no-progress --syntax off --mode all --historical --format csv \
        "$SHARED/corpora"
    TIMEOUT=$saved
    [ "$rc" = 0 ] || [ "$rc" = 1 ] || bad "exit $rc"
    py '
rows = list(csv.DictReader(open(OUT, encoding="utf-8", newline="")))
assert len(rows) > 1000, "%d events" % len(rows)
bad = [(r["code"], r["label"], r["doc"]) for r in rows
       if not (r["code"].isdigit() and len(r["code"]) in (3, 4))
       or r["label"].isupper()]
assert not bad, "%d events with no 3- or 4-digit code: %r" % (len(bad), bad[:5])'
fi
end "no 2-digit event codes on the sample corpora"

# ---- usage ---------------------------------------------------------------

begin
run code --no-progress --format tsv "$T/a.jsonl"
want_rc 2
err_has "gdelt"
run code --no-progress --actors --format gdelt "$T/a.jsonl"
want_rc 2
run code --no-progress --format gdelt --geo iso2 "$T/a.jsonl"
want_rc 2
err_has "fips"
run code --no-progress --geo iso3 "$T/a.jsonl"
want_rc 2
err_has "--format gdelt"
run query --db "$T/s.db" --format csv --geo fips
want_rc 2
end "unknown formats, --actors with an export format, a bad --geo are refused"

finish
