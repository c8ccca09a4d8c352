#!/usr/bin/env python3
"""bench/eval_detik.py -- recall of `warta code --actors` on the government
actors that Detik articles were hand-annotated with.

    python3 bench/eval_detik.py [path/to/warta]        (default ./warta)

Reads $SHARED/corpora/id-detik-2025.dev.jsonl (SHARED defaults to
../shared): 500 articles, each with "annotated_actors": {"government": [...],
...}, lists of names without offsets.  Runs `warta code --actors
--no-progress` on the file and, for each article's government names
(duplicates within an article counted once), asks whether warta coded a
mention of it with a GOV-sector code:

  - the name's forms are looked for in the article text, case-insensitively,
    as whole words: the name as written, the name without its parenthesised
    parts ("Badan Pusat Statistik (BPS)" -> "Badan Pusat Statistik"), and
    each parenthesised part alone ("BPS"); when none occurs, the name's
    proper-name end, capitalised in the text: the annotators write names
    with titles ("Presiden Prabowo Subianto") that articles often drop
    ("Prabowo Subianto"), so "Prabowo Subianto", then "Subianto";
  - the name is found when a mention whose "sector" starts with GOV (or
    whose "code" contains GOV) overlaps, in bytes, one of those occurrences.

Names none of whose forms occur in the text are misses too, and are counted
apart ("not in text").  A second, looser line also accepts LEG, JUD, MIL and
COP sectors, for information.  Prints the recall, the not-in-text count, the
recall over the names that do occur, and the most frequent misses.  Only
measures; exits 0 whatever the numbers (2 on a setup error).
Target (issue): recall >= 70%.
"""

import collections
import json
import os
import re
import sys

import evallib

USAGE = "usage: python3 bench/eval_detik.py [path/to/warta]   (env: SHARED)"
LOOSE = ("GOV", "LEG", "JUD", "MIL", "COP")


def die(msg):
    evallib.die("eval_detik.py", USAGE, msg)


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def forms(name):
    """The strings to look for: as written, without (...), each (...)."""
    out = [norm(name)]
    bare = norm(re.sub(r"\([^()]*\)", " ", name))
    if bare:
        out.append(bare)
    for inner in re.findall(r"\(([^()]*)\)", name):
        if norm(inner):
            out.append(norm(inner))
    seen, uniq = set(), []
    for f in out:
        if f.lower() not in seen:
            seen.add(f.lower())
            uniq.append(f)
    return uniq


def byte_offsets(text):
    """Character index -> byte offset, for every index 0..len(text)."""
    offs, pos = [0], 0
    for ch in text:
        pos += len(ch.encode("utf-8"))
        offs.append(pos)
    return offs


# between two words of a name, the relaxed match also allows a comma or a
# parenthesised abbreviation: "Menteri Keuangan (Menkeu), Purbaya ..."
RELAXED_GAP = r"(?:\s*[,:]\s*|\s*\([^()\n]{1,40}\)\s*,?\s*|\s+)"


def name_cores(name):
    """The proper-name ends of a name written with its title: "Presiden
    Prabowo Subianto" -> "Prabowo Subianto", "Subianto".  Indonesian puts
    the title first, so the name is a trailing run of words; each core must
    start with a capital and be at least 4 letters long."""
    words = norm(re.sub(r"\([^()]*\)", " ", name)).split(" ")
    cores = []
    for k in range(1, len(words)):
        core = " ".join(words[k:])
        if words[k][:1].isupper() and len(core) >= 4:
            cores.append(core)
    return cores


def occurrences(text, offs, name, relaxed=False, cores=False):
    """Byte spans of the name's forms in the text.  With cores, the name's
    proper-name ends too, found only where the text capitalises them."""
    spans = []
    gap = RELAXED_GAP if relaxed else r"\s+"
    for f in forms(name):
        pat = r"(?<!\w)" + gap.join(re.escape(w) for w in f.split(" ")) + r"(?!\w)"
        for m in re.finditer(pat, text, re.IGNORECASE):
            spans.append((offs[m.start()], offs[m.end()]))
    if cores and not spans:
        for f in name_cores(name):
            pat = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in f.split(" ")) + r"(?!\w)"
            for m in re.finditer(pat, text):
                spans.append((offs[m.start()], offs[m.end()]))
            if spans:
                break
    return spans


def sector_of(m):
    return str(m.get("sector") or ""), str(m.get("code") or "")


def is_gov(m):
    sector, code = sector_of(m)
    return sector.startswith("GOV") or "GOV" in code


def is_loose(m):
    sector, code = sector_of(m)
    return any(sector.startswith(s) or s in code for s in LOOSE)


def main():
    warta, shared, _ = evallib.args("eval_detik.py", USAGE)
    corpus = os.path.join(shared, "corpora", "id-detik-2025.dev.jsonl")
    if not os.path.isfile(corpus):
        die("%s not found (set SHARED?)" % corpus)

    articles = []
    with open(corpus, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                articles.append(json.loads(line))
            except ValueError as e:
                die("%s:%d: %s" % (corpus, lineno, e))

    mentions = evallib.actor_mentions(warta, [], corpus)

    total = found = loose = not_in_text = by_core = 0
    relaxed_in = relaxed_found = 0            # not-in-text names found by the relaxed match
    missed = collections.Counter()            # missed names that occur in the text
    missed_how = collections.defaultdict(collections.Counter)  # name -> sectors over it
    unseen = collections.Counter()            # missed names no mention overlaps at all
    absent = collections.Counter()            # names not in the text
    other_sector = collections.Counter()      # what codes the missed, overlapped names got
    for art in articles:
        text = art.get("text") or ""
        offs = byte_offsets(text)
        gov = (art.get("annotated_actors") or {}).get("government") or []
        seen = set()
        ments = mentions.get(str(art.get("id")), [])
        for name in gov:
            if not isinstance(name, str) or not norm(name) or norm(name).lower() in seen:
                continue
            seen.add(norm(name).lower())
            total += 1
            occ = occurrences(text, offs, name, cores=True)
            by_core += bool(occ) and not occurrences(text, offs, name)
            if not occ:
                not_in_text += 1
                absent[norm(name)] += 1
                occ = occurrences(text, offs, name, relaxed=True)
                if occ:
                    relaxed_in += 1
                    relaxed_found += any(is_gov(m) for s, e, m in ments
                                         if any(s < oe and os_ < e for os_, oe in occ))
                continue
            hits = [m for s, e, m in ments if any(s < oe and os_ < e for os_, oe in occ)]
            if any(is_gov(m) for m in hits):
                found += 1
            else:
                missed[norm(name)] += 1
                secs = sorted({str(m.get("sector") or m.get("code") or "?") for m in hits})
                for sec in secs:
                    other_sector[sec] += 1
                    missed_how[norm(name)][sec] += 1
                if not hits:
                    other_sector["(no mention)"] += 1
                    unseen[norm(name)] += 1
            if any(is_loose(m) for m in hits):
                loose += 1

    in_text = total - not_in_text
    print("warta %s on %s" % (warta, corpus))
    print("  %d articles, %d government names (each counted once per article)"
          % (len(articles), total))
    print()
    rows = [
        ("recall, GOV mention overlaps the name", found, total, ">= 70%"),
        ("  looser: GOV/LEG/JUD/MIL/COP sectors", loose, total, ""),
        ("  names found by their proper-name end only", by_core, total, ""),
        ("names not in the text (counted as misses)", not_in_text, total, ""),
        ("recall over names that occur in the text", found, in_text, ""),
        ("  of those, found with , or (..) between words", relaxed_in, total, ""),
        ("  recall if those counted too (information)", found + relaxed_found, total, ""),
    ]
    evallib.header(width=46)
    for label, n, d, target in rows:
        evallib.row(label, n, d, target, width=46)
    print()
    print("  missed names in the text: sectors of the mentions overlapping them:")
    print("    " + ", ".join("%s %d" % kv for kv in other_sector.most_common(12)))
    print()
    print("  top missed government names (occurring in the text; sectors warta gave):")
    for name, n in missed.most_common(25):
        how = ",".join(k for k, _ in missed_how[name].most_common(3)) or "no mention"
        print("    %4d  %-58s %s" % (n, name[:58], how))
    print()
    print("  top missed names that no mention overlaps at all:")
    for name, n in unseen.most_common(15):
        print("    %4d  %s" % (n, name))
    print()
    print("  top government names not in the text verbatim:")
    for name, n in absent.most_common(10):
        print("    %4d  %s" % (n, name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
