#!/bin/sh
# tests/cli/install.sh -- `make install` as a user of the library meets it:
# install into a temporary PREFIX (its own optimised build, build/inst, so
# build/rel is left alone), check what lands where, run the installed
# command with no WARTA_DATA, build examples/embed.c with `pkg-config
# --cflags --libs warta` (shared, then static) and check the events it
# prints, stage an install with DESTDIR, and uninstall.
#
#   MAKE=make sh tests/cli/install.sh PATH_TO_WARTA   (from the repository root)
#
# PATH_TO_WARTA is only what lib.sh wants; the installed warta is tested.
# One line per case: `ok - NAME` or `not ok - NAME (why)`, then
# `N passed, M failed`; the exit status is non-zero if M > 0.

W=${1:?usage: sh tests/cli/install.sh PATH_TO_WARTA}
SUITE=install
. tests/cli/lib.sh

MAKE=${MAKE:-make}
# A make of its own, not a part of the one that runs the tests.
unset MAKEFLAGS MFLAGS MAKELEVEL
P=$T/prefix
VERSION=$(sed -n 's/^#define WARTA_VERSION "\(.*\)"$/\1/p' include/warta.h)
MAJOR=${VERSION%%.*}

# installed CMD ARGS...: run an installed program with the data directory
# it was built for (no WARTA_DATA, no WARTA_GAZETTEER), from elsewhere.
installed() {
    (cd "$T" && env -u WARTA_DATA -u WARTA_GAZETTEER "$@") >"$T/out" 2>"$T/err"
    rc=$?
    sanitized
}

# ---- make install ------------------------------------------------------------

begin
$MAKE -j2 --no-print-directory install PREFIX="$P" REL=build/inst \
    >"$T/make.log" 2>&1 || bad "make install failed: $(tail -3 "$T/make.log")"
for f in bin/warta include/warta.h lib/libwarta.a lib/libwarta.so.$VERSION \
         lib/pkgconfig/warta.pc share/man/man1/warta.1 \
         share/warta/packs/en/verbs.txt share/warta/packs/id/verbs.txt \
         share/warta/models/en.model share/warta/models/id.model \
         share/warta/gazetteer.bin share/doc/warta/LICENSE \
         share/doc/warta/CHANGELOG.md share/doc/warta/docs/formats.md; do
    [ -s "$P/$f" ] || bad "no $f"
done
[ "$(readlink "$P/lib/libwarta.so.$MAJOR")" = "libwarta.so.$VERSION" ] ||
    bad "libwarta.so.$MAJOR is not a link to libwarta.so.$VERSION"
[ "$(readlink "$P/lib/libwarta.so")" = "libwarta.so.$MAJOR" ] ||
    bad "libwarta.so is not a link to libwarta.so.$MAJOR"
objdump -p "$P/lib/libwarta.so.$VERSION" | grep -q "SONAME *libwarta.so.$MAJOR\$" ||
    bad "the soname is not libwarta.so.$MAJOR"
others=$(nm -D --defined-only "$P/lib/libwarta.so.$VERSION" |
         awk '$3 !~ /^warta_/ { print $3 }' | head -3)
[ -z "$others" ] || bad "the library exports more than warta_*: $others"
grep -q "^Version: $VERSION\$" "$P/lib/pkgconfig/warta.pc" ||
    bad "warta.pc's version is not $VERSION"
grep -q '^\.TH WARTA "1"' "$P/share/man/man1/warta.1" || bad "no man page header"
grep -q '^\.SS code$' "$P/share/man/man1/warta.1" || bad "the man page lacks code"
sed 's/\\-/-/g' "$P/share/man/man1/warta.1" | grep -qF "$P/share/warta" ||
    bad "the man page does not name the data directory"
end "make install: the command, both libraries (soname), header, warta.pc, man page, data"

begin
installed "$P/bin/warta" --version
want_rc 0
[ "$(cat "$T/out")" = "warta $VERSION" ] || bad "--version says $(cat "$T/out")"
installed "$P/bin/warta" --help
out_has "$P/share/warta"
installed "$P/bin/warta" code --no-progress "$(pwd)/examples/en-visit.jsonl"
want_rc 0
err_empty
python3 - "$T/out" >"$T/py" 2>&1 <<'EOF' || bad "$(cat "$T/py")"
import json, sys
events = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert events, "no event"
assert any(e["source"]["code"] == "IDNGOV" and e["target"]["code"] == "MYSGOV"
           for e in events), events
assert any(e["place"] and e["place"]["name"] == "Jakarta" for e in events), \
    "no place: the gazetteer was not found"
EOF
end "the installed warta: its version, and its packs, models and gazetteer found with no WARTA_DATA"

begin
installed env WARTA_DATA="$T/nowhere" "$P/bin/warta" code --no-progress \
    "$(pwd)/examples/en-visit.jsonl"
want_rc 3
err_has "$T/nowhere/packs/en"
err_has "WARTA_DATA"
end "a missing data directory: the error names the path tried and WARTA_DATA"

# ---- a program against the installed library ----------------------------------

begin
export PKG_CONFIG_PATH="$P/lib/pkgconfig"
flags=$(pkg-config --cflags --libs warta) || bad "pkg-config knows no warta"
# shellcheck disable=SC2086
cc -std=c11 -Wall -Wextra -Werror examples/embed.c $flags -o "$T/embed" \
    2>"$T/cc.err" || bad "embed.c does not build: $(head -3 "$T/cc.err")"
installed env LD_LIBRARY_PATH="$P/lib" "$T/embed"
want_rc 0
# "2023-08-07 RUSGOV 040 CHNGOV Beijing": each side's code, a CAMEO
# consultation (04x), the date the sentence names, the place.
grep -q '^2023-08-07 RUSGOV 04[0-9] CHNGOV Beijing$' "$T/out" ||
    bad "embed printed: $(head -2 "$T/out")"
grep -q '^2023-08-07 CHNGOV 04[0-9] RUSGOV Beijing$' "$T/out" ||
    bad "no event back from China: $(head -2 "$T/out")"
LD_LIBRARY_PATH="$P/lib" ldd "$T/embed" | grep -q "libwarta.so.$MAJOR => $P/lib" ||
    bad "embed is not linked to the installed libwarta.so.$MAJOR"
cp "$T/out" "$T/shared.out"
static=$(pkg-config --static --libs warta | sed "s|-lwarta|$P/lib/libwarta.a|")
# shellcheck disable=SC2086
cc -std=c11 examples/embed.c $(pkg-config --cflags warta) $static \
    -o "$T/embed-static" 2>"$T/cc.err" ||
    bad "embed.c does not build with libwarta.a: $(head -3 "$T/cc.err")"
installed "$T/embed-static"
want_rc 0
cmp -s "$T/out" "$T/shared.out" || bad "the static build prints other events"
! ldd "$T/embed-static" | grep -q libwarta || bad "the static build needs libwarta.so"
end "examples/embed.c built with pkg-config (shared and static) codes its sentence"

# ---- DESTDIR, uninstall --------------------------------------------------------

begin
$MAKE -j2 --no-print-directory install DESTDIR="$T/stage" PREFIX=/opt/warta \
    REL=build/inst >"$T/make.log" 2>&1 ||
    bad "make install DESTDIR failed: $(tail -3 "$T/make.log")"
[ -x "$T/stage/opt/warta/bin/warta" ] || bad "nothing staged in DESTDIR"
grep -q '^prefix=/opt/warta$' "$T/stage/opt/warta/lib/pkgconfig/warta.pc" ||
    bad "the staged warta.pc is not for /opt/warta"
WARTA_DATA="$T/stage/opt/warta/share/warta" "$T/stage/opt/warta/bin/warta" \
    --help 2>/dev/null | grep -q "$T/stage/opt/warta/share/warta" ||
    bad "WARTA_DATA does not override the data directory"
$MAKE --no-print-directory uninstall PREFIX="$P" >"$T/make.log" 2>&1 ||
    bad "make uninstall failed: $(tail -3 "$T/make.log")"
left=$(find "$P" ! -type d | head -3)
[ -z "$left" ] || bad "make uninstall left $left"
end "DESTDIR stages an install for another PREFIX; make uninstall removes it all"

finish
