#!/bin/sh
# man.sh -- write the man page warta(1) with help2man from what the command
# says of itself: `warta --help` for the synopsis and the commands, then
# each command's --help in a section of its own.  DATADIR is the data
# directory the installed command uses, which its --help names.  Run by the
# Makefile:
#   sh tools/man.sh build/rel/warta build/rel/warta.1 /usr/local/share/warta
set -eu

if [ $# -ne 3 ]; then
    echo "usage: $0 WARTA OUT.1 DATADIR" >&2
    exit 2
fi
warta=$1
out=$2
WARTA_DATA=$3
export WARTA_DATA
tmp=$(mktemp -d)
include=$tmp/include.h2m
trap 'rm -rf "$tmp" "$out.tmp"' EXIT HUP INT TERM

# help2man takes a synopsis from "Usage:" lines: warta writes "usage:".
cat >"$tmp/warta" <<WRAP
#!/bin/sh
"$(cd "$(dirname "$warta")" && pwd)/$(basename "$warta")" "\$@" | sed 's/^usage:/Usage:/'
WRAP
chmod +x "$tmp/warta"

# The commands: the indented names under "commands:" in `warta --help`.
commands=$("$warta" --help | sed -n '/^commands:/,/^$/s/^  \([a-z-]*\) .*/\1/p')
[ -n "$commands" ] || { echo "$0: $warta --help lists no commands" >&2; exit 1; }

{
    echo "[COMMANDS]"
    for c in $commands; do
        echo ".SS $c"
        echo ".nf"
        # roff: a backslash is written \e; a line must not start with . or '
        "$warta" "$c" --help | sed -e 's/\\/\\e/g' -e "s/^[.']/\\\\\\&&/"
        echo ".fi"
    done
    cat <<'H2M'
[ENVIRONMENT]
.TP
.B WARTA_DATA
The data directory: language packs (packs/LANG/), syntax models
(models/LANG.model) and the gazetteer (gazetteer.bin).  Without it, a
warta built in a source tree reads that tree's data/; an installed one
the directory `make install' put the data in, named by `warta --help'.
.TP
.B WARTA_GAZETTEER
The gazetteer file, instead of the data directory's.
[EXIT STATUS]
0 when everything went through; 1 when some input was skipped (each one
reported with its file and line or byte); 2 for a bad command line (an
option, value or command); 3 when the command could not run (a file,
store, model or port it needs).
[SEE ALSO]
The documentation installed with warta (PREFIX/share/doc/warta) and in the
source tree:
README.md, docs/formats.md (the output formats), docs/store.md (the event
store), docs/dictionaries.md, docs/dashboard.md; warta.h for the library.
H2M
} >"$include"

help2man --no-info --no-discard-stderr \
    --name="turn news articles into political event data" \
    --include="$include" --output="$out.tmp" "$tmp/warta"
mv "$out.tmp" "$out"
