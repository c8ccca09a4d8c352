"""bench/evallib.py -- what the eval_*.py scripts share: their command
line ([path/to/warta], SHARED), fatal errors, percentages and metric
rows, and running
`warta code --actors` to read back the actor mentions per document."""
import collections
import json
import os
import subprocess
import sys


def die(script, usage, msg):
    print("%s: %s" % (script, msg), file=sys.stderr)
    print(usage, file=sys.stderr)
    sys.exit(2)


def args(script, usage, flags=()):
    """The warta to run (the one positional argument, default ./warta),
    the shared folder, and the set of the given flags (from `flags`)."""
    argv = sys.argv[1:]
    if any(a in ("-h", "--help") for a in argv):
        print(usage)
        sys.exit(0)
    given = {a for a in argv if a in flags}
    rest = [a for a in argv if a not in flags]
    if len(rest) > 1 or any(a.startswith("-") for a in rest):
        die(script, usage, "unexpected arguments: %s" % " ".join(rest))
    warta = rest[0] if rest else "./warta"
    if not (os.path.isfile(warta) and os.access(warta, os.X_OK)):
        die(script, usage, "%s is not an executable (run 'make' first?)" % warta)
    return warta, os.environ.get("SHARED", "../shared"), given


def pct(n, d):
    return "%5.1f%%" % (100.0 * n / d) if d else "    -"


def header(width=38):
    print("  %-*s %7s %12s" % (width, "metric", "value", "count"))


def row(label, n, d, target="", width=38):
    """One line of a metrics table: n/d as a percentage and as counts."""
    print("  %-*s %7s %12s  %s" % (width, label, pct(n, d), "%d/%d" % (n, d),
                                   ("target " + target) if target else ""))


def actor_mentions(warta, options, path):
    """Run `warta code --actors OPTIONS PATH`: {doc id: [(start, end,
    mention)]}.  A failed run or unreadable lines are warned about."""
    proc = subprocess.run([warta, "code", "--actors", "--no-progress"] + options + [path],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        print("warning: warta exited %d: %s" % (proc.returncode,
              proc.stderr.decode("utf-8", "replace").strip()[:500]), file=sys.stderr)
    mentions = collections.defaultdict(list)
    bad = 0
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        try:
            m = json.loads(line)
            mentions[str(m["doc"])].append((int(m["start"]), int(m["end"]), m))
        except (ValueError, KeyError, TypeError):
            bad += 1
    if bad:
        print("warning: %d output lines were not actor mentions" % bad, file=sys.stderr)
    return mentions
