#!/usr/bin/env python3
"""bench/eval_ner_id.py -- how well `warta code --actors` finds Indonesian
named entities, measured against idner-news-2k (Kompas 2014, gold PER/ORG/LOC).

    python3 bench/eval_ner_id.py [path/to/warta]        (default ./warta)

Reads $SHARED/eval/ner-id/idner-news-2k.dev.txt (SHARED defaults to
../shared): CoNLL lines "TOKEN POS TAG" with BIO tags, a blank line between
sentences.  Each sentence becomes one article whose text is its tokens joined
by single spaces (lang "id", date 2014-07-01); warta is run on them with
`code --actors --lang id --no-progress` and its mentions (byte spans) are
compared with the gold spans (byte spans of the same text):

  precision      share of warta's mentions that overlap some gold entity,
                 overall and by the gold class overlapped (PER/ORG/LOC/none)
  country recall share of gold LOC spans naming a country or territory that
                 some mention overlaps.  "Names a country": the span's text
                 equals (case-insensitively) a territory name in CLDR's
                 Indonesian locale (unicode-cldr-core, common/main/id.xml),
                 two-letter territories only (not regions such as "Asia",
                 nor EU/EZ/UN/QO/XA/XB/ZZ), with their alt="short" and
                 alt="variant" names ("AS", "UK", "Palestina", "Timor
                 Timur"); a name with a parenthesised part also counts
                 without it ("Myanmar (Burma)" -> "Myanmar", "Burma").
                 CLDR_ID_XML overrides the file's path.
  class recall   share of gold PER/ORG/LOC spans that some mention overlaps

It prints a table and the most frequent false positives and missed country
spans.  Only measures; exits 0 whatever the numbers (2 on a setup error).
Targets (issue): precision >= 90%, country-LOC recall >= 90%.
"""

import collections
import json
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET

import evallib

USAGE = "usage: python3 bench/eval_ner_id.py [path/to/warta]   (env: SHARED, CLDR_ID_XML)"
DATE = "2014-07-01"
NON_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
CLDR_DEFAULT = "/usr/share/unicode/cldr/common/main/id.xml"


def die(msg):
    evallib.die("eval_ner_id.py", USAGE, msg)


def read_conll(path):
    """Returns a list of sentences: (text, [(start, end, cls)]) in bytes."""
    sentences = []
    tokens = []

    def flush():
        if not tokens:
            return
        parts, spans, pos = [], [], 0
        for tok, tag in tokens:
            b = len(tok.encode("utf-8"))
            if parts:
                pos += 1                      # the joining space
            parts.append(tok)
            spans.append((pos, pos + b, tag))
            pos += b
        text = " ".join(parts)
        assert len(text.encode("utf-8")) == pos
        ents, cur = [], None
        for start, end, tag in spans:
            kind, _, cls = tag.partition("-")
            if kind == "B" or (kind == "I" and (cur is None or cur[2] != cls)):
                if cur:
                    ents.append(tuple(cur))
                cur = [start, end, cls]
            elif kind == "I":
                cur[1] = end
            else:
                if cur:
                    ents.append(tuple(cur))
                cur = None
        if cur:
            ents.append(tuple(cur))
        sentences.append((text, ents))
        tokens.clear()

    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\r\n").strip()
            if not line:
                flush()
                continue
            fields = line.split()
            if len(fields) < 2:
                die("%s:%d: expected 'TOKEN POS TAG'" % (path, lineno))
            tok, tag = " ".join(fields[:-2]) or fields[0], fields[-1]
            if tag != "O" and not re.fullmatch(r"[BI]-(PER|ORG|LOC)", tag):
                tag = "O"
            tokens.append((tok, tag))
    flush()
    return sentences


def cldr_country_names(path):
    """Lower-cased Indonesian names of countries and territories."""
    root = ET.parse(path).getroot()
    names = set()
    for el in root.iter("territory"):
        code = el.get("type", "")
        if not re.fullmatch(r"[A-Z]{2}", code) or code in NON_COUNTRIES:
            continue
        if el.get("alt") not in (None, "short", "variant"):
            continue
        name = (el.text or "").strip()
        if not name:
            continue
        names.add(name.lower())
        m = re.fullmatch(r"(.*?)\s*\((.*)\)", name)
        if m:                                 # "Myanmar (Burma)"
            for part in m.groups():
                if part.strip():
                    names.add(part.strip().lower())
    return names


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def main():
    warta, shared = evallib.args("eval_ner_id.py", USAGE)
    conll = os.path.join(shared, "eval", "ner-id", "idner-news-2k.dev.txt")
    cldr = os.environ.get("CLDR_ID_XML", CLDR_DEFAULT)
    if not os.path.isfile(conll):
        die("%s not found (set SHARED?)" % conll)
    if not os.path.isfile(cldr):
        die("%s not found: install CLDR's data with\n"
            "    apt-get install -y unicode-cldr-core\n"
            "(as root), or point CLDR_ID_XML at CLDR's common/main/id.xml" % cldr)

    sentences = read_conll(conll)
    countries = cldr_country_names(cldr)

    with tempfile.TemporaryDirectory(prefix="warta-ner-") as tmp:
        src = os.path.join(tmp, "idner-dev.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for i, (text, _) in enumerate(sentences):
                f.write(json.dumps({"id": "s%05d" % i, "date": DATE, "lang": "id",
                                    "text": text}, ensure_ascii=False) + "\n")
        by_doc = evallib.actor_mentions(warta, ["--lang", "id"], src)
    mentions = collections.defaultdict(list, {int(doc[1:]): found  # "s00042" -> 42
                                              for doc, found in by_doc.items()})

    # (a) precision
    n_ment = 0
    by_cls = collections.Counter()
    agent_only = collections.Counter()        # mentions coded "---XXX" (a role noun alone)
    fp = collections.Counter()
    fp_how = collections.defaultdict(collections.Counter)   # text -> (code, entry)
    fp_country = 0                            # unmatched mentions that are country names
    for idx, (text, ents) in enumerate(sentences):
        raw = text.encode("utf-8")
        for start, end, m in mentions.get(idx, []):
            n_ment += 1
            best, best_len = "none", 0
            for es, ee, cls in ents:
                ov = min(end, ee) - max(start, es)
                if ov > best_len:
                    best, best_len = cls, ov
            by_cls[best] += 1
            is_agent = str(m.get("code", "")).startswith("---")
            agent_only[(is_agent, best != "none")] += 1
            if best == "none":
                mtext = raw[start:end].decode("utf-8", "replace")
                fp[mtext] += 1
                fp_country += mtext.lower() in countries
                entry = re.sub(r"^.*/data/packs/", "", str(m.get("entry", "")))
                fp_how[mtext][(m.get("code", ""), entry)] += 1

    # (b) country LOC recall, (c) per-class recall
    gold = collections.Counter()
    found = collections.Counter()
    c_total = c_found = 0
    c_missed = collections.Counter()
    for idx, (text, ents) in enumerate(sentences):
        raw = text.encode("utf-8")
        spans = [(s, e) for s, e, _ in mentions.get(idx, [])]
        for es, ee, cls in ents:
            hit = any(overlaps((es, ee), sp) for sp in spans)
            gold[cls] += 1
            found[cls] += hit
            if cls == "LOC":
                name = raw[es:ee].decode("utf-8")
                if name.lower() in countries:
                    c_total += 1
                    c_found += hit
                    if not hit:
                        c_missed[name] += 1

    good = n_ment - by_cls["none"]
    print("warta %s on %s" % (warta, conll))
    print("  %d sentences, %d gold entities (PER %d, ORG %d, LOC %d), %d warta mentions"
          % (len(sentences), sum(gold.values()), gold["PER"], gold["ORG"], gold["LOC"], n_ment))
    print("  CLDR %s: %d country/territory names" % (cldr, len(countries)))
    print()
    print("  %-38s %7s %12s" % ("metric", "value", "count"))
    print("  %-38s %7s %12s  target >= 90%%" % ("precision (mention overlaps gold)",
          evallib.pct(good, n_ment), "%d/%d" % (good, n_ment)))
    for cls in ("PER", "ORG", "LOC", "none"):
        print("  %-38s %7s %12s" % ("  share overlapping " + cls, evallib.pct(by_cls[cls], n_ment),
              "%d/%d" % (by_cls[cls], n_ment)))
    ag = agent_only[(True, True)] + agent_only[(True, False)]
    na_good = agent_only[(False, True)]
    na_all = na_good + agent_only[(False, False)]
    print("  %-38s %7s %12s" % ("  (role noun alone, code ---XXX)", evallib.pct(ag, n_ment),
          "%d/%d" % (ag, n_ment)))
    print("  %-38s %7s %12s" % ("  precision without role-noun-alone", evallib.pct(na_good, na_all),
          "%d/%d" % (na_good, na_all)))
    print("  %-38s %7s %12s" % ("  unmatched but a CLDR country name", evallib.pct(fp_country, n_ment),
          "%d/%d" % (fp_country, n_ment)))
    print("  %-38s %7s %12s" % ("  precision if those count as right", evallib.pct(good + fp_country, n_ment),
          "%d/%d" % (good + fp_country, n_ment)))
    print("  %-38s %7s %12s  target >= 90%%" % ("country-LOC recall", evallib.pct(c_found, c_total),
          "%d/%d" % (c_found, c_total)))
    for cls in ("PER", "ORG", "LOC"):
        print("  %-38s %7s %12s" % ("recall " + cls + " (any overlap)", evallib.pct(found[cls], gold[cls]),
              "%d/%d" % (found[cls], gold[cls])))
    print()
    print("  top false positives (mention overlaps no gold entity; commonest code, entry):")
    for text, n in fp.most_common(15):
        (code, entry), _ = fp_how[text].most_common(1)[0]
        print("    %4d  %-22s %-8s %s" % (n, text, code, entry))
    print()
    print("  top missed country LOC spans:")
    if not c_missed:
        print("    (none)")
    for text, n in c_missed.most_common(15):
        print("    %4d  %s" % (n, text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
