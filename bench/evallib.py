"""bench/evallib.py -- what the eval_*.py scripts share: their command
line ([path/to/warta], SHARED), fatal errors, percentages, and running
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


def args(script, usage):
    """The warta to run (argv[1], default ./warta) and the shared folder."""
    if len(sys.argv) > 2 or (len(sys.argv) == 2 and sys.argv[1] in ("-h", "--help")):
        print(usage)
        sys.exit(0 if len(sys.argv) == 2 else 2)
    warta = sys.argv[1] if len(sys.argv) == 2 else "./warta"
    if not (os.path.isfile(warta) and os.access(warta, os.X_OK)):
        die(script, usage, "%s is not an executable (run 'make' first?)" % warta)
    return warta, os.environ.get("SHARED", "../shared")


def pct(n, d):
    return "%5.1f%%" % (100.0 * n / d) if d else "    -"


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
