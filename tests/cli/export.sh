#!/bin/sh
# tests/cli/export.sh -- command-line tests of `warta code --format
# gdelt|plover|csv`: each output is read back with Python's csv and json
# modules and checked against the same events as JSON.
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
    for k in ("id", "date", "event_type", "mode", "context", "actor1",
              "actor2", "location", "text", "source", "cameo"):
        assert k in p, "no %s in %r" % (k, p)
    assert p["date"] == (e.get("date") or e.get("article_date")), p["date"]
    assert p["event_type"] == e["plover"]["type"], p["event_type"]
    assert p["mode"] == e["plover"]["mode"], p["mode"]
    assert isinstance(p["context"], list)
    assert p["actor1"]["code"] == e["source"]["code"], p["actor1"]
    assert p["actor2"]["code"] == e["target"]["code"], p["actor2"]
    assert p["actor1"]["text"] == e["source"]["text"], p["actor1"]
    assert p["cameo"]["code"] == e["code"], p["cameo"]
    assert p["cameo"]["quad_class"] == e["quad_class"], p["cameo"]
    assert p["text"] == e["text"], p["text"]
    assert p["source"] == {"doc": "ex-1", "sentence": e["sentence"],
                           "url": "https://example.org/ex-1"}, p["source"]'
end "plover: one JSON object per event"

# ---- csv -----------------------------------------------------------------

begin
run code --no-progress --format csv "$T/a.jsonl"
want_rc 0
py '
with open(OUT, encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
head, rows = rows[0], rows[1:]
assert head[:3] == ["doc", "sentence", "date"], head
assert head[-2:] == ["lang", "text"], head
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
assert any("," in r[-1] for r in rows), "no text with a comma to quote"
assert any("\"" in r[-1] for r in rows), "no text with a quote to double"'
end "csv: a header, then one row per event"

begin
run code --no-progress --format csv "$T/none.jsonl" "$T/a.jsonl"
want_rc 0
n=$(grep -c '^doc,sentence,' "$T/out")
[ "$n" = 1 ] || bad "$n header lines, want 1"
run code --no-progress --format csv "$T/none.jsonl"
want_rc 0
[ "$(wc -l <"$T/out" | tr -d ' ')" = 1 ] || bad "no events: want the header alone"
end "csv: the header once"

# ---- usage ---------------------------------------------------------------

begin
run code --no-progress --format tsv "$T/a.jsonl"
want_rc 2
err_has "gdelt"
run code --no-progress --actors --format gdelt "$T/a.jsonl"
want_rc 2
end "unknown formats and --actors with an export format are refused"

finish
