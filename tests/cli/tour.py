"""tour.py -- run the README's tour (the sections from "A two-minute tour"
to "Layout") and compare what each command prints with what the README
shows, so that the README cannot drift from warta.  Run by
tests/cli/tour.sh:

    python3 tests/cli/tour.py WARTA TMPDIR [README]

In each ```sh block, a line "$ COMMAND" is run and the lines after it, up
to the next "$ " line or the block's end, are what it must print on
standard output (standard error must stay empty, the exit status 0).  In
those lines "..."
stands for any text, and a line of "..." alone for any number of lines; a
line that continues a JSON object the line before left open (wrapped for
the page) is joined to it; runs of spaces match any run of spaces.  A
block without "$" lines lists commands whose output is not shown: each
must run with exit status 0, or 1 when its comment ("# ..." after it)
says "exit status 1".

./warta is the warta under test; the files a command makes in the current
directory (warta.db, corpus.db, sentences.jsonl) go to TMPDIR instead,
and their names in the shown output likewise.
"""
import os
import re
import shlex
import subprocess
import sys

# Commands that do not end by themselves: checked elsewhere.
NOT_RUN = {
    "serve": "runs until stopped (tests/cli/serve.sh)",
}
MADE_HERE = ("warta.db", "corpus.db", "sentences.jsonl")


def tour_blocks(readme):
    """The ```sh blocks between the tour's heading and the next ## one."""
    text = open(readme, encoding="utf-8").read()
    start = text.index("## A two-minute tour")
    end = text.index("\n## ", start + 1)
    return re.findall(r"```sh\n(.*?)```", text[start:end], re.S)


def split_comment(line):
    """The command and its comment ("" when none)."""
    m = re.match(r"(.*?)\s+#\s(.*)$", line)
    return (m.group(1), m.group(2)) if m else (line.rstrip(), "")


def cases(block):
    """(command, comment, expected lines or None) for each command of a
    block."""
    lines = block.splitlines()
    if not any(l.startswith("$ ") for l in lines):
        return [split_comment(l) + (None,) for l in lines if l.strip()]
    out = []
    for line in lines:
        if line.startswith("$ "):
            out.append(split_comment(line[2:]) + ([],))
        elif out:
            out[-1][2].append(line)
    return out


def join_wrapped(lines):
    """Lines of a JSON object wrapped for the page become one line."""
    joined = []
    for line in lines:
        if joined and joined[-1].startswith("{") and \
                not joined[-1].endswith("}") and line[:1] == " ":
            joined[-1] += line.strip()
        else:
            joined.append(line)
    return joined


def pattern(expected):
    """A regular expression for the whole output the lines show."""
    parts = []
    for line in join_wrapped(expected):
        if line.strip() == "...":
            parts.append(r"(?:[^\n]*\n)*?")
            continue
        chunks = []
        for chunk in line.split("..."):
            words = re.split(r" +", chunk)
            chunks.append(r"[ \t]+".join(re.escape(w) for w in words))
        parts.append(r"[^\n]*?".join(chunks) + r"[ \t]*\n")
    return "".join(parts)


def localize(text, tmp):
    for name in MADE_HERE:
        text = re.sub(r"(?<![\w/.])" + re.escape(name), os.path.join(tmp, name),
                      text)
    return text


def run(command, warta, tmp):
    words = shlex.split(command)
    if not words or words[0] != "./warta":
        return None, "not a ./warta command"
    if len(words) > 1 and words[1] in NOT_RUN:
        return None, NOT_RUN[words[1]]
    shell = localize(command, tmp).replace("./warta", shlex.quote(warta), 1)
    p = subprocess.run(["sh", "-c", shell], capture_output=True, timeout=900)
    return p, None


def main():
    warta, tmp = os.path.abspath(sys.argv[1]), sys.argv[2]
    readme = sys.argv[3] if len(sys.argv) > 3 else "README.md"
    passed = failed = 0
    for block in tour_blocks(readme):
        for command, comment, expected in cases(block):
            p, skip = run(command, warta, tmp)
            if skip:
                print("skip: %s: %s" % (command, skip))
                continue
            out = p.stdout.decode("utf-8", "replace")
            err = p.stderr.decode("utf-8", "replace")
            why = None
            allowed = (0, 1) if "exit status 1" in comment else (0,)
            if expected is None:
                if p.returncode not in allowed:
                    why = "exit %d: %s" % (p.returncode, err.strip()[:200])
            else:
                want = pattern([localize(l, tmp) for l in expected])
                if p.returncode != 0:
                    why = "exit %d: %s" % (p.returncode, err.strip()[:200])
                elif err:
                    why = "stderr: %s" % err.strip()[:200]
                elif not re.fullmatch(want, out):
                    why = "the output is not what the README shows; it " \
                          "begins:\n" + "\n".join(out.splitlines()[:8])
            if why:
                failed += 1
                print("not ok - %s (%s)" % (command, why))
            else:
                passed += 1
                print("ok - %s" % command)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
