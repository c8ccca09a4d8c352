"""specs.py -- the field lists of the formats warta exports, written from
their specifications, and checks of warta's output against them.  Used by
tests/cli/export.sh (python3 tests/cli/specs.py KIND FILE...; exit status 1
and the first problem on stdout when a file fails).

  plover FILE   every line a PLOVER event record (the PLOVER manual's
                "Data Fields" chapter: the event record, and its actor,
                text, citation and location objects; openeventdata/PLOVER,
                PLOVER_MANUAL.tex), warta's own fields under "warta" only
  gdelt FILE    every line a GDELT 2.0 event record: the codebook's 61
                columns in order, each of its type, the places' countries
                FIPS 10-4 codes (data/countries.tsv's fips column)
  csv FILE      one table: a header, then rows as long as it; read back by
                the csv module and by pandas (Debian's python3-pandas)
"""
import csv
import json
import re
import sys

# ---- PLOVER ---------------------------------------------------------------

# The event record: name -> the JSON types warta may write for it (the
# manual leaves most contents open; None where a value can be unknown).
PLOVER_EVENT = {
    "id": (str,), "has_event": (bool,), "date": (str, type(None)),
    "time": (str,), "enddate": (str,), "endtime": (str,),
    "source": (list,), "recipient": (list,), "event": (list,),
    "event_loc": (dict, type(None)), "event_text": (list,),
    "quad_code": (int, type(None)), "event_scale": (float, int),
    "mode": (list,), "context": (list,), "link": (str,), "text": (str,),
    "text_info": (dict,), "cite_info": (dict,), "coder": (str,),
    "coded_date": (str,), "coded_time": (str,), "comment": (str,),
}
PLOVER_REQUIRED = ("id", "date", "source", "event")
# "Providers should feel free to include named fields beyond those provided"
# -- warta keeps all of its own under one.
PLOVER_EXTENSION = "warta"
PLOVER_ACTOR = {
    "code": str, "sector": str, "actor_text": str, "identifier_id": str,
    "identifier_text": str, "actor_loc": dict, "religion": str,
    "ethnicity": str, "office": str, "gender": str, "age": int,
}
PLOVER_TEXT = {"sequence": int, "start": int, "end": int, "text_story": list}
PLOVER_CITE = dict.fromkeys(
    ("corpus", "citation", "url", "title", "language", "publication",
     "license", "copyright", "coder", "codebook", "version"), str)
# "Location object: identical to" GeoNames' dump readme, with cc3 added.
PLOVER_LOCATION = {
    "geonameid": int, "name": str, "asciiname": str, "alternatenames": str,
    "latitude": float, "longitude": float, "feature class": str,
    "feature code": str, "country code": str, "cc3": str, "cc2": str,
    "admin1 code": str, "admin2 code": str, "admin3 code": str,
    "admin4 code": str, "population": int, "elevation": int, "dem": int,
    "timezone": str,
}
# The event types and their quad categories (the manual's table; REQUEST
# is the CAMEO2PLOVER mapping's name for DEMAND).
PLOVER_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "DEMAND": 3, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3,
    "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_object(where, obj, fields):
    assert isinstance(obj, dict), "%s is not an object: %r" % (where, obj)
    for key, value in obj.items():
        assert key in fields, "%s: %r is no field of the spec" % (where, key)
        want = fields[key]
        assert isinstance(value, want) and not (
            want is int and isinstance(value, bool)), \
            "%s.%s: %r is not %s" % (where, key, value, want.__name__)


def check_plover_record(rec):
    for key, value in rec.items():
        if key == PLOVER_EXTENSION:
            assert isinstance(value, dict), "warta is not an object"
            continue
        assert key in PLOVER_EVENT, "%r is no field of PLOVER's event" % key
        assert isinstance(value, PLOVER_EVENT[key]), \
            "%s: %r is of another type" % (key, value)
    for key in PLOVER_REQUIRED:
        assert key in rec, "no %s" % key
    assert rec["date"] is None or DAY.match(rec["date"]), rec["date"]
    assert rec["source"], "no source actor"
    for side in ("source", "recipient"):
        for a in rec.get(side, []):
            check_object(side, a, PLOVER_ACTOR)
            assert "code" not in a or re.match(r"^[A-Z]{3}$", a["code"]), \
                "%s code %r is not a 3-letter code" % (side, a["code"])
            assert "sector" not in a or len(a["sector"]) in (3, 6), \
                "%s sector %r" % (side, a["sector"])
    for t in rec["event"]:
        assert t in PLOVER_QUAD, "event %r is no PLOVER category" % t
    if rec["event"]:
        assert rec.get("quad_code") == PLOVER_QUAD[rec["event"][0]], \
            "quad_code %r for %r" % (rec.get("quad_code"), rec["event"])
    for key in ("event_text", "mode", "context"):
        assert all(isinstance(x, str) for x in rec.get(key, [])), key
    if "event_scale" in rec:
        assert -10 <= rec["event_scale"] <= 10, rec["event_scale"]
    if rec.get("event_loc") is not None:
        loc = rec["event_loc"]
        check_object("event_loc", loc, PLOVER_LOCATION)
        assert loc.get("name"), "a location without a name"
        assert "country code" not in loc or \
            re.match(r"^[A-Z]{2}$", loc["country code"]), loc
        assert "cc3" not in loc or re.match(r"^[A-Z]{3}$", loc["cc3"]), loc
        assert -90 <= loc.get("latitude", 0) <= 90, loc
        assert -180 <= loc.get("longitude", 0) <= 180, loc
    check_object("text_info", rec.get("text_info", {}), PLOVER_TEXT)
    check_object("cite_info", rec.get("cite_info", {}), PLOVER_CITE)


def check_plover(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    assert lines, "no records"
    for n, line in enumerate(lines, 1):
        try:
            check_plover_record(json.loads(line))
        except AssertionError as e:
            raise AssertionError("line %d: %s" % (n, e))
    return len(lines)


# ---- GDELT 2.0 --------------------------------------------------------------

# The event table's columns in order (GDELT 2.0 Event Codebook), each with
# what its value must look like; "" is an empty field, allowed everywhere
# but where noted.
INT = r"-?\d+"
FLOAT = r"-?\d+(\.\d+)?"
CODE = r"[A-Z0-9-]*"
GDELT_ACTOR = [
    ("Code", CODE), ("Name", r".*"), ("CountryCode", r"[A-Z]{3}"),
    ("KnownGroupCode", CODE), ("EthnicCode", CODE), ("Religion1Code", CODE),
    ("Religion2Code", CODE), ("Type1Code", r"[A-Z]{3}"),
    ("Type2Code", r"[A-Z]{3}"), ("Type3Code", r"[A-Z]{3}"),
]
GDELT_GEO = [
    ("Type", r"[0-5]"), ("Fullname", r".+"), ("CountryCode", r"[A-Z]{2}"),
    ("ADM1Code", r"[A-Z]{2}[A-Z0-9]*"), ("ADM2Code", r".*"),
    ("Lat", FLOAT), ("Long", FLOAT), ("FeatureID", r"[A-Z0-9-]+"),
]
GDELT_COLUMNS = (
    [("GlobalEventID", r"\d+!"), ("Day", r"\d{8}"), ("MonthYear", r"\d{6}"),
     ("Year", r"\d{4}"), ("FractionDate", FLOAT)]
    + [("Actor1" + n, p) for n, p in GDELT_ACTOR]
    + [("Actor2" + n, p) for n, p in GDELT_ACTOR]
    + [("IsRootEvent", r"[01]!"), ("EventCode", r"\d{3,4}!"),
       ("EventBaseCode", r"\d{3}!"), ("EventRootCode", r"\d{2}!"),
       ("QuadClass", r"[1-4]!"), ("GoldsteinScale", FLOAT + "!"),
       ("NumMentions", r"\d+!"), ("NumSources", r"\d+!"),
       ("NumArticles", r"\d+!"), ("AvgTone", FLOAT)]
    + [("Actor1Geo_" + n, p) for n, p in GDELT_GEO]
    + [("Actor2Geo_" + n, p) for n, p in GDELT_GEO]
    + [("ActionGeo_" + n, p) for n, p in GDELT_GEO]
    + [("DATEADDED", r"\d{14}!"), ("SOURCEURL", r".*")]
)
GEO_PREFIXES = ("Actor1Geo_", "Actor2Geo_", "ActionGeo_")


def fips_codes():
    """FIPS 10-4 country codes, from data/countries.tsv."""
    codes = set()
    with open("data/countries.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fips = line.rstrip("\n").split("\t")[2]
            if fips:
                codes.add(fips)
    return codes


def gdelt_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    assert text.endswith("\n"), "no final newline"
    return [line.split("\t") for line in text.splitlines()]


def check_gdelt(path, shared_columns=None):
    names = [n for n, _ in GDELT_COLUMNS]
    assert len(names) == 61
    if shared_columns:          # the codebook's list, where it is at hand
        with open(shared_columns, encoding="utf-8") as f:
            listed = [x.strip() for x in f if x.strip()]
        assert [x.lower() for x in listed] == [x.lower() for x in names], \
            "the column list differs from %s" % shared_columns
    fips = fips_codes()
    rows = gdelt_rows(path)
    assert rows, "no rows"
    for n, row in enumerate(rows, 1):
        assert len(row) == 61, "line %d: %d columns, want 61" % (n, len(row))
        for (name, pattern), value in zip(GDELT_COLUMNS, row):
            required = pattern.endswith("!")
            pattern = pattern.rstrip("!")
            if value == "" and not required:
                continue
            assert re.fullmatch(pattern, value), \
                "line %d: %s %r is not %s" % (n, name, value, pattern)
        c = dict(zip(names, row))
        if c["Day"]:
            assert c["MonthYear"] == c["Day"][:6] and c["Year"] == c["Day"][:4]
        assert c["EventBaseCode"] == c["EventCode"][:3]
        assert c["EventRootCode"] == c["EventCode"][:2]
        assert -10 <= float(c["GoldsteinScale"]) <= 10
        for geo in GEO_PREFIXES:
            cc = c[geo + "CountryCode"]
            if c[geo + "Type"]:
                assert cc in fips, "line %d: %sCountryCode %r is no FIPS 10-4 " \
                    "country code" % (n, geo, cc)
                adm1 = c[geo + "ADM1Code"]
                assert not adm1 or adm1.startswith(cc), (geo, adm1, cc)
                assert -90 <= float(c[geo + "Lat"] or 0) <= 90
                assert -180 <= float(c[geo + "Long"] or 0) <= 180
            else:
                assert not any(c[geo + k] for k, _ in GDELT_GEO), \
                    "line %d: %s without a type" % (n, geo)
    read_with_pandas(path, sep="\t", header=None, names=names,
                     quoting=csv.QUOTE_NONE, dtype={"EventCode": str,
                     "EventBaseCode": str, "EventRootCode": str})
    return len(rows)


# ---- CSV --------------------------------------------------------------------

def read_with_pandas(path, **kw):
    """The frame pandas reads (Debian's python3-pandas)."""
    try:
        import pandas
    except ImportError:
        raise AssertionError("%s has no pandas: scripts/install-deps.sh test "
                             "installs python3-pandas" % sys.executable)
    return pandas.read_csv(path, **kw)


def check_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows, "empty output: no header"
    head = rows[0]
    assert len(set(head)) == len(head), "a column twice: %r" % head
    assert all(re.match(r"^[a-z_0-9]+$", h) for h in head), head
    for n, r in enumerate(rows[1:], 2):
        assert len(r) == len(head), \
            "record %d: %d fields, the header %d" % (n, len(r), len(head))
        assert r != head, "record %d repeats the header" % n
    frame = read_with_pandas(path, dtype=str, keep_default_na=False)
    assert list(frame.columns) == head, list(frame.columns)
    assert len(frame) == len(rows) - 1, (len(frame), len(rows) - 1)
    return len(rows) - 1


if __name__ == "__main__":
    checks = {"plover": check_plover, "gdelt": check_gdelt, "csv": check_csv}
    kind = sys.argv[1]
    try:
        for path in sys.argv[2:]:
            checks[kind](path)
    except AssertionError as e:
        print(str(e) or "assertion failed")
        sys.exit(1)
    except Exception as e:      # pandas' errors (EmptyDataError, ...)
        print("%s: %s" % (type(e).__name__, e))
        sys.exit(1)
