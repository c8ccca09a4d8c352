#!/bin/sh
# tests/cli/badinput.sh -- hostile inputs: each is made here, in a
# temporary directory, and must give a clear error naming the file and
# the line or byte, while the good articles around it are still coded.
#
#   sh tests/cli/badinput.sh PATH_TO_WARTA      (from the repository root)
#
# BADINPUT_QUICK=1 leaves out the two costly cases (a 100 MB line and a
# million empty articles): `make valgrind` sets it.  KEEP=1 keeps the
# temporary directory (warta-badinput.* under $TMPDIR or /tmp).

W=${1:?usage: sh tests/cli/badinput.sh PATH_TO_WARTA}
SUITE=badinput
. tests/cli/lib.sh

# ---- helpers ------------------------------------------------------------

# per_doc: the documents of warta's JSON lines in $T/out, in order of
# first appearance, each with its count of lines (sentences for split,
# events for code): "g1:2 g2:2".
per_doc() {
    python3 -c '
import json, sys
seen = {}
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)["doc"]
    seen[d] = seen.get(d, 0) + 1
print(" ".join("%s:%d" % kv for kv in seen.items()))
' "$T/out" 2>&1
}

# docs_are WANT: the output's documents and counts are exactly WANT.
docs_are() {
    got=$(per_doc)
    [ "$got" = "$1" ] || bad "articles '$got', want '$1'"
}

# events_are WANT: "doc:code ..." of every event in $T/out, in order.
events_are() {
    got=$(python3 -c '
import json, sys
print(" ".join("%s:%s" % (e["doc"], e["code"])
               for e in map(json.loads, open(sys.argv[1], encoding="utf-8"))))
' "$T/out" 2>&1)
    [ "$got" = "$1" ] || bad "events '$got', want '$1'"
}

# A good article: two sentences, two events with the language packs.
good() {
    printf '{"id":"%s","text":"Russia criticized China on Monday. Indonesia praised Malaysia on Tuesday."}\n' "$1"
}
GOOD2="Russia criticized China on Monday. Indonesia praised Malaysia on Tuesday."
printf '%s\n' "$GOOD2" >"$T/good.txt"

# ---- invalid and overlong UTF-8 -----------------------------------------

{
    good g1
    printf '{"id":"b2","text":"overlong slash \300\257 here"}\n'
    printf '{"id":"b3","text":"overlong three \340\200\257 here"}\n'
    printf '{"id":"b4","text":"surrogate \355\240\200 here"}\n'
    printf '{"id":"b5","text":"five bytes \370\210\200\200\200 here"}\n'
    printf '{"id":"b6","text":"lone continuation \200 here"}\n'
    printf '{"id":"b7","text":"cut short \342\202"}\n'
    printf '{"id":"b8","title":"bad \377 title","text":"Russia criticized China."}\n'
    printf '{"id":"b9","text":"escaped lone surrogate \\ud800 here"}\n'
    good g2
} >"$T/utf8.jsonl"
begin
run split --no-progress "$T/utf8.jsonl"
want_rc 1
for l in 2 3 4 5 6 7 8 9; do err_has "$T/utf8.jsonl:$l:"; done
err_has "byte 0xc0"
err_lacks "$T/utf8.jsonl:1:"
err_lacks "$T/utf8.jsonl:10:"
err_has "2 articles split, 8 skipped"
docs_are "g1:2 g2:2"
end "invalid and overlong UTF-8 in JSONL fields"

begin
run code --no-progress "$T/utf8.jsonl"
want_rc 1
err_has "$T/utf8.jsonl:2:"
err_has "2 articles coded, 8 skipped"
events_are "g1:111 g1:051 g2:111 g2:051"
end "invalid UTF-8 in JSONL: the good articles are coded"

printf 'Overlong slash \300\257 here. %s\n' "$GOOD2" >"$T/overlong2.txt"
printf 'Overlong three \340\200\257 here. %s\n' "$GOOD2" >"$T/overlong3.txt"
printf 'Surrogate \355\240\200 here.\n' >"$T/surrogate.txt"
begin
run code --no-progress "$T/overlong2.txt" "$T/good.txt" "$T/overlong3.txt" \
    "$T/surrogate.txt"
want_rc 1
err_has "$T/overlong2.txt: text: invalid UTF-8 at byte 15"
err_has "$T/overlong3.txt: text: invalid UTF-8 at byte 15"
err_has "$T/surrogate.txt: text: invalid UTF-8 at byte 10"
err_has "1 articles coded, 3 skipped"
events_are "good:111 good:051"
end "invalid and overlong UTF-8 in .txt files"

# ---- NUL bytes ------------------------------------------------------------

{
    good g1
    printf '{"id":"n2","text":"raw NUL \000 inside"}\n'
    printf '{"id":"n3","text":"escaped NUL \\u0000 inside"}\n'
    printf '{"id":"n4","text":"after the object"}\000\n'
    good g2
} >"$T/nul.jsonl"
printf 'Russia criticized China.\000 Indonesia praised Malaysia.\n' >"$T/nul.txt"
begin
run code --no-progress "$T/nul.jsonl" "$T/nul.txt" "$T/good.txt"
want_rc 1
err_has "$T/nul.jsonl:2:"
err_has "$T/nul.jsonl:3:"
err_has "$T/nul.jsonl:4:"
err_has "$T/nul.txt: text: NUL byte at byte 24"
err_has "3 articles coded, 4 skipped"
events_are "g1:111 g1:051 g2:111 g2:051 good:111 good:051"
end "NUL bytes inside a line"

# ---- a 100 MB line --------------------------------------------------------

if [ -z "${BADINPUT_QUICK:-}" ]; then
    {
        good g1
        printf '{"id":"huge","text":"'
        head -c 100000000 /dev/zero | tr '\0' 'a'
        printf '"}\n'
        good g2
    } >"$T/huge.jsonl"
    begin
    run code --no-progress "$T/huge.jsonl"
    want_rc 1
    err_has "$T/huge.jsonl:2: line is over the limit of"
    err_has "2 articles coded, 1 skipped"
    events_are "g1:111 g1:051 g2:111 g2:051"
    end "a 100 MB line is refused; the next article is coded"
    rm -f "$T/huge.jsonl"
else
    skip "a 100 MB line (BADINPUT_QUICK)"
fi

# ---- JSON nested 10,000 deep ----------------------------------------------

python3 -c '
import sys
def good(i):
    return "{\"id\":\"%s\",\"text\":\"%s\"}\n" % (i, sys.argv[1])
n = 10000
with open(sys.argv[2], "w") as f:
    f.write(good("g1"))
    f.write("{\"id\":\"deep\",\"text\":" + "[" * n + "]" * n + "}\n")
    f.write("[" * n + "\n")
    f.write("{\"a\":" * n + "1" + "}" * n + "\n")
    f.write(good("g2"))
' "$GOOD2" "$T/deep.jsonl"
begin
run code --no-progress "$T/deep.jsonl"
want_rc 1
err_has "$T/deep.jsonl:2: not JSON: maximum parsing depth reached"
err_has "$T/deep.jsonl:3: not JSON: maximum parsing depth reached"
err_has "$T/deep.jsonl:4: not JSON: maximum parsing depth reached"
events_are "g1:111 g1:051 g2:111 g2:051"
end "JSON nested 10,000 deep"

# ---- a million empty articles -----------------------------------------------

if [ -z "${BADINPUT_QUICK:-}" ]; then
    {
        good g1
        yes '{}' | head -n 500000
        good g2
        yes '{"id":"e","text":""}' | head -n 500000
        good g3
    } >"$T/empty.jsonl"
    begin
    run split --no-progress "$T/empty.jsonl"
    want_rc 1
    err_has "$T/empty.jsonl:2: no \"text\" string"
    err_has "$T/empty.jsonl:101: no \"text\" string"
    err_lacks "$T/empty.jsonl:102:"
    err_has "$T/empty.jsonl: more than 100 articles skipped"
    err_has "$T/empty.jsonl: 1000000 articles skipped, 999900 of them not shown"
    err_has "3 articles split, 1000000 skipped"
    n=$(wc -l <"$T/err" | tr -d ' ')
    [ "$n" -le 110 ] || bad "stderr has $n lines"
    docs_are "g1:2 g2:2 g3:2"
    end "a million empty articles: counted, a hundred shown"
    rm -f "$T/empty.jsonl"
else
    skip "a million empty articles (BADINPUT_QUICK)"
fi

# ---- dictionaries: a 1 MB line, a synset loop, inverted dates ---------------

# A verbs file that codes "criticized" (111) and "praised" (051), for
# dictionaries made here.
verbs() {
    printf -- '--- CRITICIZE [111] ---\nCRITICIZE {CRITICIZES CRITICIZED}\n'
    printf -- '--- PRAISE [051] ---\nPRAISE {PRAISES PRAISED}\n'
}

mkdir -p "$T/long"
{
    printf 'RUSSIA_ [RUS]\n'
    printf 'LONG_'; head -c 1048576 /dev/zero | tr '\0' 'X'; printf '_ [XXX]\n'
    printf 'BRACKETS_ ['; head -c 1048576 /dev/zero | tr '\0' '#'; printf ']\n'
    printf 'CHINA_ [CHN]\n'
    printf 'INDONESIA_ [IDN]\n'
    printf 'MALAYSIA_ [MYS]\n'
} >"$T/long/countries.actors.txt"
{
    verbs
    printf -- '- * '; yes 'OVER' | head -n 200000 | tr '\n' ' '; printf ' [112]\n'
    printf -- '- * '; yes '{A|B}' | head -n 200000 | tr '\n' ' '; printf ' [112]\n'
    printf -- '- * '
    for g in 1 2 3 4 5; do
        printf '{'
        for c in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
            printf 'W%s%s|' $g $c
        done
        printf 'X} '
    done
    printf '[112]\n'
} >"$T/long/verbs.txt"
good g1 >"$T/g1.jsonl"
begin
run dict check "$T/long"
want_rc 1
err_has "$T/long/countries.actors.txt:2: phrase too long"
err_has "$T/long/countries.actors.txt:3: code '####"
err_has "is too long (1048576 bytes)"
err_has "$T/long/verbs.txt:6: pattern with alternatives is over"
err_has "$T/long/verbs.txt:7: alternatives give more than 1024 patterns"
err_lines 4
end "dict check: 1 MB dictionary lines"

begin
run code --no-progress --dict "$T/long" "$T/g1.jsonl"
want_rc 0
err_has "$T/long/countries.actors.txt:2: phrase too long"
events_are "g1:111 g1:051"
end "code --dict: 1 MB dictionary lines, the rest loads"

mkdir -p "$T/loop"
printf 'RUSSIA_ [RUS]\nCHINA_ [CHN]\n' >"$T/loop/countries.actors.txt"
printf '&SELF\n+&SELF SANCTIONS\n+PENALTIES\n\n&PING\n+&PONG\n+EMBARGO\n\n&PONG\n+&PING TARIFFS\n\n--- CRITICIZE [111] ---\nCRITICIZE {CRITICIZES CRITICIZED}\n- * OVER &SELF [112]\n- * OVER &PING [1312]\n' >"$T/loop/verbs.txt"
{
    printf '{"id":"a","text":"Russia criticized China over penalties."}\n'
    printf '{"id":"b","text":"Russia criticized China over sanctions."}\n'
    printf '{"id":"c","text":"Russia criticized China over tariffs."}\n'
    printf '{"id":"d","text":"Russia criticized China over an embargo."}\n'
} >"$T/loop.jsonl"
begin
run dict check "$T/loop"
want_rc 1
err_has "$T/loop/verbs.txt:2: synset &SELF refers to itself"
err_has "$T/loop/verbs.txt:10: synset &PONG refers to &PING, which refers back to it"
end "dict check: a synset that refers to itself"

begin
run code --no-progress --dict "$T/loop" "$T/loop.jsonl"
want_rc 0
events_are "a:112 b:111 c:111 d:1312"
end "code: a synset loop does not loop; its other phrases match"

# Synsets nested 1,000 deep: &S0 holds &S1, ..., &S999 holds PENALTIES.
mkdir -p "$T/nest"
printf 'RUSSIA_ [RUS]\nCHINA_ [CHN]\n' >"$T/nest/countries.actors.txt"
awk 'BEGIN {
    for (i = 0; i < 999; i++)
        printf "&S%d\n+&S%d\n", i, i + 1
    printf "&S999\n+PENALTIES\n"
    printf "--- CRITICIZE [111] ---\nCRITICIZE {CRITICIZES CRITICIZED}\n"
    printf "- * OVER &S0 [112]\n- * OVER &S992 [1312]\n"
}' >"$T/nest/verbs.txt"
begin
run code --no-progress --dict "$T/nest" "$T/loop.jsonl"
want_rc 0
err_has "$T/nest/verbs.txt:1952: synset &S975: synsets nested more than 16 deep"
n=$(grep -c 'nested more than 16 deep' "$T/err")
[ "$n" -eq 62 ] || bad "$n phrases dropped, want 62"
events_are "a:1312 b:111 c:111 d:111"
end "synsets nested 1,000 deep: cut at 16, no stack overflow"

mkdir -p "$T/dates"
{
    printf 'RUSSIA_ [RUS]\n'
    printf 'JOHN_DOE_ [USAGOV 20200101-20100101]\n'
    printf 'JANE_ROE_ [USAGOV >20200101 <20100101]\n'
    printf 'CHINA_ [CHN]\n'
    printf 'INDONESIA_ [IDN]\nMALAYSIA_ [MYS]\n'
} >"$T/dates/countries.actors.txt"
verbs >"$T/dates/verbs.txt"
begin
run dict check "$T/dates"
want_rc 1
err_has "$T/dates/countries.actors.txt:2: date range '20200101-20100101' for USAGOV ends before it starts"
err_has "$T/dates/countries.actors.txt:3: bad date range '>20200101<20100101' for USAGOV"
err_lines 2
run code --no-progress --dict "$T/dates" "$T/g1.jsonl"
want_rc 0
events_are "g1:111 g1:051"
end "an actor with an inverted date range: file:line, the rest loads"

mkdir -p "$T/bytes"
printf 'RUSSIA_ [RUS]\nNUL\000NAME_ [XXX]\nBAD_\300\257_ [YYY]\nCHINA_ [CHN]\nINDONESIA_ [IDN]\nMALAYSIA_ [MYS]\n' \
    >"$T/bytes/countries.actors.txt"
verbs >"$T/bytes/verbs.txt"
begin
run dict check "$T/bytes"
want_rc 1
err_has "$T/bytes/countries.actors.txt:2: NUL byte at column 4"
err_has "$T/bytes/countries.actors.txt:3: invalid UTF-8 at column 5"
run code --no-progress --dict "$T/bytes" "$T/g1.jsonl"
want_rc 0
events_are "g1:111 g1:051"
end "a NUL byte and bad UTF-8 in a dictionary: file:line, the rest loads"

# Random bytes as a dictionary: every line a problem.  Past 100 the file
# is not read on (it once gave 155,000 messages for 40 MB, and exit 0
# when loaded for coding).
mkdir -p "$T/random"
head -c 4000000 /dev/urandom >"$T/random/random.verbs.txt"
begin
run dict check "$T/random/random.verbs.txt"
want_rc 3
err_has "$T/random/random.verbs.txt: 100 problems by line"
err_lines 101
run code --no-progress --dict "$T/random/random.verbs.txt" "$T/g1.jsonl"
want_rc 3
err_has "the rest is not read"
out_empty
end "random bytes as a dictionary: 100 problems shown, then refused"

# ---- compressed files cut in the middle -------------------------------------

# Distinct articles, so that the compressed file spans several buffers;
# each gives one event.
awk 'BEGIN {
    for (i = 0; i < 3000; i++)
        printf "{\"id\":\"n%d\",\"text\":\"Russia criticized China on %d May over case %d and %x.\"}\n",
               i, 1 + i % 28, int(rand() * 1000000000), int(rand() * 1000000000)
}' >"$T/many.jsonl"

# cut_case EXT COMPRESSOR WORD
cut_case() {
    $2 <"$T/many.jsonl" >"$T/many.jsonl.$1"
    size=$(wc -c <"$T/many.jsonl.$1" | tr -d ' ')
    head -c $((size / 2)) "$T/many.jsonl.$1" >"$T/cut.jsonl.$1"
    begin
    run code --no-progress "$T/cut.jsonl.$1" "$T/good.txt"
    want_rc 1
    err_has "$T/cut.jsonl.$1: $3 data ends in the middle of a"
    pyout=$(python3 -c '
import json, sys
docs = []
for line in open(sys.argv[1], encoding="utf-8"):
    e = json.loads(line)
    docs.append((e["doc"], e["code"]))
good = [d for d in docs if d[0] == "good"]
cut = [d for d in docs if d[0] != "good"]
assert good == [("good", "111"), ("good", "051")], "good.txt: %r" % good
assert 500 < len(cut) < 3000, "%d articles before the cut" % len(cut)
assert cut == [("n%d" % i, "111") for i in range(len(cut))], "not n0..nK, one event each"
print(len(cut))
' "$T/out" 2>&1) || bad "$pyout"
    err_has "(after line $pyout)"
    end "$1 file cut in the middle: $pyout articles before the cut coded"
}
cut_case gz "gzip -c" gzip
if command -v zstd >/dev/null 2>&1; then
    cut_case zst "zstd -q -c" zstd
else
    skip "zstd file cut in the middle (no zstd command)"
fi

# ---- a directory loop through symbolic links ---------------------------------

mkdir -p "$T/tree/a/b" "$T/tree/c"
good t1 >"$T/tree/a/b/one.jsonl"
good t2 >"$T/tree/c/two.jsonl"
printf '%s\n' "$GOOD2" >"$T/tree/three.txt"
ln -s ../.. "$T/tree/a/b/up"            # back to tree/: a loop
ln -s ../a "$T/tree/c/also-a"           # the same files twice
ln -s "$T/tree" "$T/tree/c/self"        # absolute, a loop too
begin
run code --no-progress "$T/tree"
want_rc 0
err_has "$T/tree/a/b/up: directory already read"
err_has "$T/tree/c/also-a: directory already read"
err_has "$T/tree/c/self: directory already read"
events_are "t1:111 t1:051 t2:111 t2:051 three:111 three:051"
end "a directory loop through symlinks: each file coded once"

# ---- files that are not files: a FIFO, a device, an endless line -------------
# Named on the command line, a FIFO once blocked forever and /dev/zero as
# .jsonl read forever: they are refused (a pipe is read as '-').  On
# standard input a line that never ends is read up to a bound.

mkfifo "$T/fifo.jsonl"
ln -s /dev/zero "$T/zero.jsonl"
begin
SUITE_TIMEOUT_SAVED=$TIMEOUT
TIMEOUT="timeout 20"
run code --no-progress "$T/fifo.jsonl" "$T/zero.jsonl" "$T/good.txt"
want_rc 1
err_has "$T/fifo.jsonl: not a regular file"
err_has "$T/zero.jsonl: not a regular file"
events_are "good:111 good:051"
end "a FIFO and /dev/zero named as inputs are refused; the next file is coded"

begin
(printf '{"id":"x","text":"'; cat /dev/zero) |
    $TIMEOUT "$W" code --no-progress - >"$T/out" 2>"$T/err"
rc=$?
sanitized
[ "$rc" != 124 ] || bad "timed out"
[ "$rc" != 0 ] || bad "exit 0"
err_has "-: line 1 does not end within"
TIMEOUT=$SUITE_TIMEOUT_SAVED
end "an endless line on standard input is read up to a bound"

finish
