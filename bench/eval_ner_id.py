#!/usr/bin/env python3
"""bench/eval_ner_id.py -- how well `warta code --actors` finds Indonesian
named entities, measured against idner-news-2k (Kompas 2014, gold PER/ORG/LOC).

    python3 bench/eval_ner_id.py [--show-fp] [path/to/warta]   (default ./warta)

Reads $SHARED/eval/ner-id/idner-news-2k.dev.txt (SHARED defaults to
../shared): CoNLL lines "TOKEN POS TAG" with BIO tags, a blank line between
sentences.  Each sentence becomes one article whose text is its tokens joined
by single spaces (lang "id", date 2014-07-01); warta is run on them with
`code --actors --lang id --no-progress` and its mentions (byte spans) are
compared with the gold spans (byte spans of the same text).

What is an "actor mention" (the issue's precision is over these):
  every mention warta reports, except a role noun standing alone -- a
  mention whose code is "---XXX" (an agent with no country or named actor:
  "presiden", "pemerintah", "partai", "masyarakat") and that took no
  holder's name ("Kapolri Jenderal Sutarman" has one, so it is an actor
  mention).  A role noun alone is CAMEO's agent, the sector of an actor the
  sentence does not name; it is not a named entity, so the NER gold has
  nothing to match it with, and counting it would measure how often
  Indonesian uses role nouns, not how well warta finds names.  They are
  counted and reported apart.

  precision (strict)    share of actor mentions that overlap a gold entity
                        (any class), and by the class they overlap
  precision (countries) the same, also counting as right an actor mention
                        that overlaps no gold entity but whose text holds a
                        country or territory name of CLDR's Indonesian list
                        (below) as whole words ("Israel", "militer
                        Israel", "warga Palestina").  The gold leaves many
                        country names O when the country acts rather than
                        being a place ("serangan udara Israel": O; "di
                        Israel": LOC); warta codes them as actors, which
                        is what it is for.  Both figures are printed; the
                        second is the one the issue's target is read on.
  every mention         precision over all mentions, role nouns included
  country recall        share of gold LOC spans naming a country or
                        territory that some mention overlaps.  "Names a
                        country": the span's text equals (case-
                        insensitively) a territory name in CLDR's
                        Indonesian locale (unicode-cldr-core,
                        common/main/id.xml), two-letter territories only
                        (not regions such as "Asia", nor EU/EZ/UN/QO/XA/XB/
                        ZZ), with their alt="short" and alt="variant" names
                        ("AS", "UK", "Palestina", "Timor Timur"); a name with
                        a parenthesised part also counts without it
                        ("Myanmar (Burma)" -> "Myanmar", "Burma").
                        CLDR_ID_XML overrides the file's path.
  class recall          share of gold PER/ORG/LOC spans that some mention
                        overlaps
  per class             actor mentions split by what warta's output says
                        they name: PER (a holder's name, or an entry of
                        leaders.actors.txt), LOC (countries and regions
                        files), ORG (the rest); for each, both precisions
                        and the share that overlaps gold of the same class

It prints a table, the most frequent false positives and missed country
spans; --show-fp prints every false positive (actor mentions that overlap
no gold entity) in its context, "*" marking those the country reading
counts as right.  Only measures; exits 0 whatever the numbers (2 on a
setup error).  Targets (issue): precision >= 90%, country-LOC recall >= 90%.
"""

import collections
import json
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET

import evallib

USAGE = ("usage: python3 bench/eval_ner_id.py [--show-fp] [path/to/warta]"
         "   (env: SHARED, CLDR_ID_XML)")
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


def best_class(ents, start, end):
    """The class of the gold entity the span overlaps most, or "none"."""
    best, best_len = "none", 0
    for es, ee, cls in ents:
        ov = min(end, ee) - max(start, es)
        if ov > best_len:
            best, best_len = cls, ov
    return best


def is_role_noun_alone(m):
    """An agent with no actor: code "---XXX" and no holder's name."""
    return str(m.get("code", "")).startswith("---") and not m.get("holder")


def names_country(text, countries):
    """Does the text hold a country name as whole words?"""
    words = text.lower().split()
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 5) + 1):
            if " ".join(words[i:j]) in countries:
                return True
    return False


def kind_of(m):
    """What an actor mention names, read off warta's output: PER for a
    person (a holder's name, or an entry of leaders.actors.txt), LOC for a
    country or region (countries/regions files: names of states, read as
    places by the gold), ORG for the rest (institutions, groups, offices)."""
    entry = str(m.get("entry", ""))
    if m.get("holder") or "leaders." in entry:
        return "PER"
    if "countries." in entry or "regions." in entry:
        return "LOC"
    return "ORG"


def main():
    warta, shared, flags = evallib.args("eval_ner_id.py", USAGE, ("--show-fp",))
    show_fp = "--show-fp" in flags
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

    # (a) precision over actor mentions; role nouns alone apart
    n_all = good_all = 0
    n_act = 0
    by_cls = collections.Counter()            # actor mentions by gold class overlapped
    agents = collections.Counter()            # role nouns alone: overlapping gold or not
    fp = collections.Counter()
    fp_how = collections.defaultdict(collections.Counter)   # text -> (code, entry)
    fp_country = 0                            # unmatched actor mentions naming a country
    fp_lines = []
    by_kind, by_kind_any, by_kind_same, by_kind_country = (collections.Counter() for _ in range(4))
    for idx, (text, ents) in enumerate(sentences):
        raw = text.encode("utf-8")
        for start, end, m in mentions.get(idx, []):
            best = best_class(ents, start, end)
            n_all += 1
            good_all += best != "none"
            if is_role_noun_alone(m):
                agents[best != "none"] += 1
                continue
            n_act += 1
            by_cls[best] += 1
            kind = kind_of(m)
            by_kind[kind] += 1
            by_kind_any[kind] += best != "none"
            by_kind_same[kind] += best == kind
            if best != "none":
                continue
            by_kind_country[kind] += names_country(raw[start:end].decode("utf-8", "replace"),
                                                   countries)
            mtext = raw[start:end].decode("utf-8", "replace")
            named = names_country(mtext, countries)
            fp_country += named
            fp[mtext] += 1
            entry = re.sub(r"^.*/data/packs/", "", str(m.get("entry", "")))
            fp_how[mtext][(m.get("code", ""), entry)] += 1
            fp_lines.append("  %s %-10s %-28s | %s" % (
                "*" if named else " ", m.get("code", ""), mtext,
                raw[max(0, start - 50):end + 50].decode("utf-8", "replace")))

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

    good = n_act - by_cls["none"]
    n_ag = agents[True] + agents[False]
    print("warta %s on %s" % (warta, conll))
    print("  %d sentences, %d gold entities (PER %d, ORG %d, LOC %d), %d warta mentions"
          % (len(sentences), sum(gold.values()), gold["PER"], gold["ORG"], gold["LOC"], n_all))
    print("  CLDR %s: %d country/territory names" % (cldr, len(countries)))
    print("  actor mentions: every mention but a role noun alone (code ---XXX, no")
    print("  holder's name): %d of %d; see the script's docstring for why" % (n_act, n_all))
    print()
    evallib.header()
    evallib.row("precision, strict (overlaps gold)", good, n_act, ">= 90%")
    for cls in ("PER", "ORG", "LOC", "none"):
        evallib.row("  share overlapping " + cls, by_cls[cls], n_act)
    evallib.row("  no gold, text names a CLDR country", fp_country, n_act)
    evallib.row("precision, CLDR countries right", good + fp_country, n_act, ">= 90%")
    print("  by what warta says the mention names (PER: a person's name; LOC: a")
    print("  country or region; ORG: the rest), precision strict / CLDR countries right,")
    print("  and the share overlapping gold of that same class:")
    for kind in ("PER", "ORG", "LOC"):
        n = by_kind[kind]
        print("    %-4s %4d mentions  strict %6s  countries right %6s  same class %6s" % (
            kind, n, evallib.pct(by_kind_any[kind], n),
            evallib.pct(by_kind_any[kind] + by_kind_country[kind], n),
            evallib.pct(by_kind_same[kind], n)))
    evallib.row("role nouns alone (left out above)", n_ag, n_all)
    evallib.row("  of which overlap gold", agents[True], n_ag)
    evallib.row("precision, every mention, strict", good_all, n_all)
    evallib.row("country-LOC recall", c_found, c_total, ">= 90%")
    for cls in ("PER", "ORG", "LOC"):
        evallib.row("recall " + cls + " (any overlap)", found[cls], gold[cls])
    if show_fp:
        print()
        print("  every false positive (actor mention overlapping no gold entity; "
              "* = names a CLDR country):")
        for line in fp_lines:
            print(line)
    print()
    print("  top false positives (actor mention overlaps no gold entity; commonest code, entry):")
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
