#!/usr/bin/env python3
"""gen_countries.py -- write the country actor lists of the en and id packs.

Run by hand from anywhere (python3, standard library only):

    python3 tools/gen_countries.py           # write both files, then check
    python3 tools/gen_countries.py --check   # only check the files as they are

Sources, merged in this order for each country:
  * Debian iso-codes, /usr/share/iso-codes/json/iso_3166-1.json (package
    iso-codes): alpha-3 codes and English names (name, common and official
    name; "Korea, Republic of"-style inverted names are skipped);
  * Unicode CLDR, common/main/en.xml and id.xml (package unicode-cldr-core):
    English and Indonesian territory names, with their short and variant
    forms;
  * tools/countries_extra.tsv, written by hand: scope, long forms, press
    names, abbreviations, demonyms, capitals and seats of power (see the
    column notes at its top).

Writes data/packs/en/countries.actors.txt and data/packs/id/countries.actors.txt
in the PETRARCH/TABARI actor format (a "NAME_ [CODE]" line, then "+NAME_"
synonyms).  The output has no timestamp, so running the script twice gives
the same files.

The check (run after writing, or alone with --check) reads the written files
and data/packs/{en,id}/regions.actors.txt and fails (exit status 1) when:
  * a line is neither a comment, a block head nor a synonym, or a phrase is
    not upper case / does not end in "_" / holds characters the tokenizer
    would split off;
  * a block's code is not a country in scope, a country + GOV/MIL/LEG/CVL, or a
    CAMEO region code (regions file);
  * a phrase appears twice in one language (countries and regions together),
    whatever its codes;
  * a country in scope is missing from either file;
  * a CLDR name of a country in scope (en.xml for en, id.xml for id) is not
    in that file under the country's code, unless the facts table omits it.
"""

import argparse
import collections
import json
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
CLDR_MAIN = "/usr/share/unicode/cldr/common/main"

# Codes ISO 3166-1 does not assign, and their CLDR (alpha-2) keys.
EXTRA_ALPHA2 = {"XK": "XKX"}

# The CAMEO region codes (CAMEO 1.1b3 actor codebook, as in GDELT's
# CAMEO.country.txt), plus WEU (Western Europe), which the Phoenix
# dictionaries use although the codebook does not list it.
CAMEO_REGIONS = {
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF",
    "EEU", "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM",
    "SAS", "SEA", "SAF", "WAF", "WST", "WEU",
}

# Roles a seat of power may carry after the country code.
# a region's actors may carry a sector ("western diplomats": WSTGOV)
REGION_SECTORS = {"GOV", "MIL", "SPY", "MED", "LEG", "CVL", "BUS"}
SEAT_ROLES = {"GOV", "MIL", "LEG"}
PEOPLE_ROLE = "CVL"

KINDS = {"status", "head", "name", "adj", "capital", "metonym", "seat", "omit",
         "capitals"}
LANGS = ("en", "id")

# What a phrase may hold once joined with "_": letters and marks of any
# script, digits, and the inner joiners warta's tokenizer keeps in a word
# (hyphen, apostrophe, the period of an abbreviation).
PHRASE_RE = re.compile(r"^(?:[^\W_]|[\-'.\u0300-\u036f])+(?:_(?:[^\W_]|[\-'.\u0300-\u036f])+)*_$")

# Letters NFKD does not take apart.
ASCII_EXTRA = str.maketrans({
    "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ł": "L", "ł": "l",
    "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "ß": "ss", "ı": "i",
})


def die(msg):
    sys.stderr.write("gen_countries: %s\n" % msg)
    sys.exit(1)


# ---------------------------------------------------------------- phrases

def ascii_fold(s):
    """s without accents ("Élysée" -> "Elysee"); s itself if already ASCII."""
    s = s.translate(ASCII_EXTRA)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def to_key(text):
    """Running text ("Côte d'Ivoire") -> dictionary phrase ("CÔTE_D'IVOIRE_")."""
    words = text.split()
    return "_".join(w.upper() for w in words) + "_"


def expand(text, lang):
    """The phrases one written name stands for, as a list of running-text
    strings: "&" becomes and/dan, " - " joins ("Congo - Kinshasa" ->
    "Congo-Kinshasa"), curly apostrophes become straight, "A (B)" gives A
    and B, and a leading Saint/St./St gives all three spellings."""
    t = unicodedata.normalize("NFC", text)
    t = t.replace("\u2019", "'").replace("\u02bc", "'").replace("\u00a0", " ")
    t = t.replace("&", " and " if lang == "en" else " dan ")
    t = re.sub(r"\s+-\s+", "-", t)
    parts = []
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", t)
    if m:
        parts = [m.group(1), m.group(2)]
    else:
        parts = [t]
    out = []
    for p in parts:
        p = " ".join(p.split())
        if p.lower().startswith("the ") and lang == "en" and \
                p[4:5].isupper() and not p.startswith("The "):
            p = p[4:]           # iso-codes' "the State of Eritrea"
        m = re.match(r"^(Saint|St\.|St)\s+(.*)$", p)
        if m:
            for saint in ("Saint", "St.", "St"):
                out.append(saint + " " + m.group(2))
        else:
            out.append(p)
    return out


def phrases_of(text, lang):
    """Dictionary phrases for one written name, each with its ASCII twin
    after it when the name has accents."""
    keys = []
    for p in expand(text, lang):
        k = to_key(p)
        keys.append(k)
        a = to_key(ascii_fold(p))
        if a != k:
            keys.append(a)
    return keys


# ---------------------------------------------------------------- sources

def load_iso(path):
    try:
        with open(path, encoding="utf-8") as f:
            rows = json.load(f)["3166-1"]
    except (OSError, ValueError, KeyError) as e:
        die("cannot read %s: %s (apt-get install iso-codes)" % (path, e))
    by3, a2to3 = {}, dict(EXTRA_ALPHA2)
    for r in rows:
        by3[r["alpha_3"]] = r
        a2to3[r["alpha_2"]] = r["alpha_3"]
    return by3, a2to3


def iso_names(r):
    """English names iso-codes gives a country, in order, without the
    inverted "X, Y of" forms."""
    out = []
    for k in ("common_name", "name", "official_name"):
        v = r.get(k)
        if v and "," not in v and v not in out:
            out.append(v)
    return out


def load_cldr(lang, a2to3):
    """{alpha-3: [name, ...]} from CLDR's territory names, main form first."""
    path = os.path.join(CLDR_MAIN, lang + ".xml")
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        die("cannot read %s: %s (apt-get install unicode-cldr-core)" % (path, e))
    out = collections.defaultdict(list)
    for t in root.iter("territory"):
        a2 = t.get("type")
        if a2 not in a2to3 or not t.text:
            continue
        names = out[a2to3[a2]]
        if t.get("alt") is None:
            names.insert(0, t.text)
        else:
            names.append(t.text)
    return out


def package_version(name):
    try:
        with open("/var/lib/dpkg/status", encoding="utf-8") as f:
            block = f.read().split("\n\n")
    except OSError:
        return "unknown"
    for b in block:
        if re.search(r"^Package: %s$" % re.escape(name), b, re.M):
            m = re.search(r"^Version: (.*)$", b, re.M)
            if m:
                return m.group(1)
    return "unknown"


Row = collections.namedtuple("Row", "line code lang kind phrases note")


def load_extra(path):
    rows = []
    try:
        f = open(path, encoding="utf-8")
    except OSError as e:
        die("cannot read %s: %s" % (path, e))
    with f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) not in (4, 5):
                die("%s:%d: want 4 or 5 tab-separated columns, got %d"
                    % (path, n, len(cols)))
            code, lang, kind, phr = cols[:4]
            note = cols[4].strip() if len(cols) == 5 else ""
            if kind not in KINDS:
                die("%s:%d: unknown kind %r" % (path, n, kind))
            if lang not in ("en", "id", "*"):
                die("%s:%d: unknown lang %r" % (path, n, lang))
            if kind == "seat":
                if not re.match(r"^[A-Z]{3}(GOV|MIL|LEG)$", code):
                    die("%s:%d: a seat's code is a country + GOV/MIL/LEG, got %r"
                        % (path, n, code))
            elif not re.match(r"^[A-Z]{3}$", code):
                die("%s:%d: bad code %r" % (path, n, code))
            phrases = [p.strip() for p in phr.split("|") if p.strip()]
            if not phrases:
                die("%s:%d: no phrase" % (path, n))
            rows.append(Row(n, code, lang, kind, phrases, note))
    return rows


# ---------------------------------------------------------------- building

class Block:
    """One dictionary block: a code, a head phrase and synonyms, each
    phrase with the comment (if any) to write above it."""

    def __init__(self, code, title):
        self.code = code
        self.title = title
        self.phrases = collections.OrderedDict()    # key -> note

    def add(self, key, note=""):
        if key not in self.phrases:
            self.phrases[key] = note
        elif note and not self.phrases[key]:
            self.phrases[key] = note

    def set_head(self, key):
        note = self.phrases.pop(key, "")
        items = list(self.phrases.items())
        self.phrases = collections.OrderedDict([(key, note)] + items)


def plural_demonym(key, phrases, lang):
    """Is key the plural of another demonym of the row ("SYRIANS_" beside
    "Syrian", "BRITONS_" beside "Briton")?  Nationals are civilians (CVL),
    as the news gold's guidelines and ICEWS code them, not the state: the
    "Britons who travelled to Syria" made no state visit.  With "the" the
    press means the state ("the Russians are negotiating with the rebels"):
    "THE_RUSSIANS_" goes to the country's block."""
    singular = key[:-2] + "_" if key.endswith("S_") else None
    return bool(singular) and any(singular in phrases_of(p, lang) for p in phrases)


def build(lang, scope, rows, iso, cldr):
    """The blocks of one language file and the omitted phrases
    ({(code, key): note})."""
    by_code = collections.defaultdict(list)
    for r in rows:
        if r.lang in (lang, "*"):
            by_code[r.code].append(r)
    omit = {}
    for r in rows:
        # a name in capitals only is not also written for any case
        if r.kind in ("omit", "capitals") and r.lang in (lang, "*"):
            for p in r.phrases:
                for k in phrases_of(p, lang):
                    omit[(r.code, k)] = r.note
    blocks = []
    for code in sorted(scope):
        en_title = scope[code]["title"]
        b = Block(code, "%s %s -- %s" % (code, en_title, scope[code]["status"]))
        mine = by_code.get(code, [])
        head = None
        for r in mine:
            if r.kind == "head":
                head = phrases_of(r.phrases[0], lang)[0]
        # CLDR, then iso-codes (en only), then the facts table
        for name in cldr.get(code, []):
            for k in phrases_of(name, lang):
                if (code, k) not in omit:
                    b.add(k)
        if lang == "en" and code in iso:
            for name in iso_names(iso[code]):
                for k in phrases_of(name, lang):
                    if (code, k) not in omit:
                        b.add(k)
        people = Block(code + "CVL", "%sCVL -- %s's people: a plural demonym "
                       "names civilians" % (code, code))
        for kind in ("head", "name", "adj", "capitals"):
            for r in mine:
                if r.kind != kind:
                    continue
                if kind == "adj" and lang != "en":
                    die("countries_extra.tsv:%d: demonyms are en only" % r.line)
                for p in r.phrases:
                    for k in phrases_of(p, lang):
                        if (code, k) in omit and kind != "capitals":
                            die("countries_extra.tsv:%d: %s is both listed and "
                                "omitted" % (r.line, k))
                        if kind == "adj" and plural_demonym(k, r.phrases, lang):
                            people.add(k, r.note)
                            b.add("THE_" + k, "the Russians, the Americans: the "
                                  "state, as the press uses them")
                        else:
                            b.add("==" + k if kind == "capitals" else k, r.note)
        if head is None and lang == "en" and code in iso \
                and iso_names(iso[code]):
            head = phrases_of(iso_names(iso[code])[0], lang)[0]
            if (code, head) in omit:
                head = None
        if head is None and b.phrases:
            head = next(iter(b.phrases))
        if head is None:
            die("%s has no name in %s" % (code, lang))
        b.set_head(head)
        blocks.append(b)
        # the capital and the cities the press names for the state stand
        # for its government ("Washington and Baghdad are in talks"): a
        # block of their own, coded XXXGOV
        cb = Block(code + "GOV", "%sGOV -- %s's capital, for its government"
                   % (code, code))
        for r in mine:
            if r.kind in ("capital", "metonym"):
                for p in r.phrases:
                    for k in phrases_of(p, lang):
                        if (code, k) in omit:
                            die("countries_extra.tsv:%d: %s is both listed and "
                                "omitted" % (r.line, k))
                        if k not in b.phrases:  # a city-state's one name
                            cb.add(k, r.note)
        if cb.phrases:
            cb.set_head(next(iter(cb.phrases)))
            blocks.append(cb)
        if people.phrases:
            people.set_head(next(iter(people.phrases)))
            blocks.append(people)
        # seats of power of this country, each its own block
        seats = collections.OrderedDict()
        for r in rows:
            if r.kind == "seat" and r.code[:3] == code and r.lang in (lang, "*"):
                seats.setdefault(r.code, []).append(r)
        for scode, srows in seats.items():
            sb = Block(scode, "%s -- seat of power of %s" % (scode, code))
            for r in srows:
                for p in r.phrases:
                    for k in phrases_of(p, lang):
                        sb.add(k, r.note)
            blocks.append(sb)
    return blocks, omit


def render(lang, blocks, versions):
    lname = {"en": "English", "id": "Indonesian"}[lang]
    out = []
    w = out.append
    w("# countries.actors.txt -- %s names of countries and territories, for the"
      % lname)
    w("# warta language pack \"%s\" (PETRARCH/TABARI actor dictionary format)." % lang)
    w("#")
    w("# GENERATED by tools/gen_countries.py from Debian iso-codes %s"
      % versions["iso-codes"])
    w("# (iso_3166-1.json), Unicode CLDR %s (common/main/%s.xml) and"
      % (versions["unicode-cldr-core"], lang))
    w("# tools/countries_extra.tsv.  DO NOT EDIT BY HAND: change the facts table")
    w("# or the generator and run  python3 tools/gen_countries.py")
    w("#")
    w("# Facts are current to January 2026.  Uncertain or changing in 2025-2026:")
    w("# South Korea's presidential office (moving back to Cheong Wa Dae / the")
    w("# Blue House in late 2025), Indonesia's capital (Jakarta by law; the")
    w("# move to Nusantara/IKN is unfinished), Sudan's government seat (Port")
    w("# Sudan during the war), Yemen's (Sanaa held by the Houthis, the")
    w("# government in Aden).  Names of states do change: check Türkiye,")
    w("# Czechia, Eswatini, North Macedonia, Bharat when updating.")
    w("#")
    w("# Scope: the 193 UN members, the two observer states (Holy See/VAT,")
    w("# Palestine/PSE), and Taiwan (TWN), Kosovo (XKX), Hong Kong (HKG),")
    w("# Macau (MAC) and Western Sahara (ESH).  Codes are ISO 3166-1 alpha-3")
    w("# as CAMEO uses them.  A seat of power (Kremlin, White House ...) is its")
    w("# own block coded for the organ it stands for (RUSGOV, USAGOV, USAMIL);")
    w("# a capital (and another city the press names for the state) is a block")
    w("# coded for the government (XXXGOV): \"Washington and Baghdad are in")
    w("# talks\"; an agent's sector goes before it (\"Jakarta police\", IDNCOP).")
    w("#")
    w("# Each block: \"PHRASE_ [CODE]\", then \"+PHRASE_\" synonyms.  Words are")
    w("# upper case, joined by \"_\"; the final \"_\" means the exact words, no")
    w("# stem matching.  Accented names come with an ASCII twin.  A comment")
    w("# above a phrase says why a risky one (a short form, an ordinary word, a")
    w("# disputed city) is kept.")
    w("")
    for b in blocks:
        w("# " + b.title)
        first = True
        prev_note = ""
        for key, note in b.phrases.items():
            if note and note != prev_note:
                w("# " + note)
            prev_note = note
            if first:
                w("%s [%s]" % (key, b.code))
                first = False
            else:
                w("+" + key)
        w("")
    return "\n".join(out)


# ---------------------------------------------------------------- checking

Entry = collections.namedtuple("Entry", "file line phrase code")


def parse_dict(path):
    """Entries of a dictionary file, and format errors."""
    entries, errors = [], []
    code = None
    try:
        f = open(path, encoding="utf-8")
    except OSError as e:
        return entries, ["%s: cannot read: %s" % (path, e)]
    with f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            where = "%s:%d" % (os.path.relpath(path), n)
            if not line.strip() or line.startswith("#"):
                continue
            m = re.match(r"^(\S+) \[([A-Z]+)\]$", line)
            if m:
                phrase, code = m.group(1), m.group(2)
            elif line.startswith("+") and code:
                phrase = line[1:]
            else:
                errors.append("%s: not a block head or synonym: %r" % (where, line))
                continue
            phrase = phrase.lstrip("=")  # "=BARAT_": capitalised only; "==US_": in capitals
            if not PHRASE_RE.match(phrase) or phrase != phrase.upper():
                errors.append("%s: malformed phrase %r" % (where, phrase))
            entries.append(Entry(where, n, phrase, code))
    return entries, errors


def check(root, scope, cldr, omitted):
    """Run every check on the written files; print a report; return the
    number of failures."""
    fails = 0
    valid = set(scope)
    valid |= {c + r for c in scope for r in SEAT_ROLES | {PEOPLE_ROLE}}
    valid_regions = CAMEO_REGIONS | {r + s for r in CAMEO_REGIONS
                                     for s in REGION_SECTORS}
    for lang in LANGS:
        cpath = os.path.join(root, "data", "packs", lang, "countries.actors.txt")
        rpath = os.path.join(root, "data", "packs", lang, "regions.actors.txt")
        centries, errs = parse_dict(cpath)
        rentries, rerrs = ([], [])
        if os.path.exists(rpath):
            rentries, rerrs = parse_dict(rpath)
        else:
            rerrs = ["%s: missing" % os.path.relpath(rpath)]
        errs += rerrs
        for e in centries:
            if e.code not in valid:
                errs.append("%s: code %s is not a country in scope or its "
                            "GOV/MIL/LEG/CVL" % (e.file, e.code))
        for e in rentries:
            if e.code not in valid_regions:
                errs.append("%s: code %s is not a CAMEO region" % (e.file, e.code))
        seen = {}
        for e in centries + rentries:
            if e.phrase in seen:
                p = seen[e.phrase]
                errs.append("%s: %s [%s] already at %s [%s]"
                            % (e.file, e.phrase, e.code, p.file, p.code))
            else:
                seen[e.phrase] = e
        codes = {e.code for e in centries}
        for c in sorted(scope):
            if c not in codes:
                errs.append("%s: country %s missing" % (os.path.relpath(cpath), c))
        # every CLDR name of a country in scope, under its code
        missing_cldr, omitted_seen = [], []
        for c in sorted(scope):
            for name in cldr[lang].get(c, []):
                for k in phrases_of(name, lang):
                    if (c, k) in omitted[lang]:
                        omitted_seen.append("%s %s (CLDR %r): %s"
                                            % (c, k, name, omitted[lang][(c, k)]))
                        continue
                    e = seen.get(k)
                    if e is None or e.code != c:
                        missing_cldr.append("%s: CLDR name %r of %s not coded %s"
                                            % (lang, name, c, c))
        errs += missing_cldr
        ncountry = len(codes & set(scope))
        nseat = len({c for c in codes if c in valid and c not in scope})
        print("%s: %d countries, %d seat-of-power codes, %d country phrases; "
              "%d region codes, %d region phrases"
              % (lang, ncountry, nseat, len(centries),
                 len({e.code for e in rentries}), len(rentries)))
        for o in sorted(set(omitted_seen)):
            print("  %s: omitted on purpose: %s" % (lang, o))
        for e in errs:
            print("  FAIL " + e)
        fails += len(errs)
    print("checks: %s" % ("all passed" if fails == 0 else "%d failures" % fails))
    return fails


# ---------------------------------------------------------------- main

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="check the files as they are; write nothing")
    ap.add_argument("--root", default=os.path.dirname(here),
                    help="the repository (default: the tools/ directory's parent)")
    args = ap.parse_args()

    iso, a2to3 = load_iso(ISO_JSON)
    cldr = {lang: load_cldr(lang, a2to3) for lang in LANGS}
    rows = load_extra(os.path.join(args.root, "tools", "countries_extra.tsv"))

    scope = {}
    for r in rows:
        if r.kind == "status":
            if r.code in scope:
                die("countries_extra.tsv:%d: second status for %s" % (r.line, r.code))
            if r.code not in iso and r.code not in EXTRA_ALPHA2.values():
                die("countries_extra.tsv:%d: %s is not an ISO 3166-1 code"
                    % (r.line, r.code))
            names = iso_names(iso[r.code]) if r.code in iso else []
            title = names[0] if names else cldr["en"][r.code][0]
            scope[r.code] = {"status": r.phrases[0], "title": title}
    for r in rows:
        if r.code[:3] not in scope:
            die("countries_extra.tsv:%d: %s has no status row" % (r.line, r.code))
    members = [c for c in scope if scope[c]["status"] == "UN member"]
    if len(members) != 193:
        die("%d UN members in the facts table, want 193" % len(members))

    versions = {p: package_version(p) for p in ("iso-codes", "unicode-cldr-core")}
    omitted = {}
    conflicts = 0
    for lang in LANGS:
        blocks, omitted[lang] = build(lang, scope, rows, iso, cldr[lang])
        owner = {}
        for b in blocks:
            for k in b.phrases:
                if k in owner and owner[k] != b.code:
                    sys.stderr.write("gen_countries: %s: %s is both %s and %s\n"
                                     % (lang, k, owner[k], b.code))
                    conflicts += 1
                owner.setdefault(k, b.code)
        if args.check:
            continue
        path = os.path.join(args.root, "data", "packs", lang, "countries.actors.txt")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(render(lang, blocks, versions) + "\n")
    if conflicts:
        die("%d phrases with two codes; nothing is right until they are fixed"
            % conflicts)
    sys.exit(1 if check(args.root, scope, cldr, omitted) else 0)


if __name__ == "__main__":
    main()
