#!/bin/sh
# tests/cli/run.sh -- command-line tests of `warta split`.
#
#   sh tests/cli/run.sh PATH_TO_WARTA        (from the repository root)
#
# Every fixture is made here, in a temporary directory removed on exit.
# One line per case: `ok - NAME`, `not ok - NAME (why)` or `skip: ...`,
# then `N passed, M failed`; the exit status is non-zero if M > 0.
# warta's output goes to files that the checks read, never to the terminal.
# KEEP=1 keeps the temporary directory (warta-split.* under $TMPDIR or /tmp).

W=${1:?usage: sh tests/cli/run.sh PATH_TO_WARTA}
SUITE=split
. tests/cli/lib.sh

SHARED=../shared
SEED=$SHARED/seed/000_d4847668661e968e.txt

# ---- helpers ------------------------------------------------------------

# run_stdin FILE ARGS...: run, with FILE fed through a pipe.
run_stdin() {
    f=$1
    shift
    # shellcheck disable=SC2002 # a pipe, not a seekable file, on purpose
    cat "$f" | { run "$@"; echo "$rc" >"$T/rc"; }
    rc=$(cat "$T/rc")
    sanitized
}

# pyck CODE [FILE]: run Python CODE with S = the JSON objects of FILE
# (default $T/out), one per line, and raw(path) = a file's bytes.  A
# failed assert fails the case with its message.
cat >"$T/check.py" <<'EOF'
import json, sys

def raw(path):
    with open(path, 'rb') as f:
        return f.read()

try:
    with open(sys.argv[1], encoding='utf-8') as f:
        S = [json.loads(line) for line in f]
    exec(sys.argv[2], {'S': S, 'raw': raw, 'T': sys.argv[3]})
except AssertionError as e:
    print(str(e) or 'assertion failed')
    sys.exit(1)
except Exception as e:
    print('%s: %s' % (type(e).__name__, e))
    sys.exit(1)
EOF
pyck() {
    r=$(python3 "$T/check.py" "${2:-$T/out}" "$1" "$T" 2>&1) ||
        bad "${r:-python check failed}"
}

# ---- fixtures -------------------------------------------------------------

GOOD_TEXT='Presiden Joko Widodo mengunjungi Jakarta pada hari Senin untuk membahas kerja sama ekonomi. Ia bertemu dengan para menteri di istana negara. Pertemuan itu berlangsung selama dua jam dan membahas kebijakan perdagangan.'
printf '%s\n' "$GOOD_TEXT" >"$T/good.txt"

{
    printf '{"id":"d1","text":"Presiden bertemu menteri luar negeri di Jakarta. Mereka membahas perdagangan."}\n'
    printf 'this is not json\n'
    printf '{"id":"d3","title":"tanpa teks"}\n'
    printf '{"id":"d4","text":"Teks dengan bait rusak \303\050 di sini."}\n'
    printf '{"id":"d5","text":"Menteri pertahanan mengunjungi perbatasan. Ia memeriksa pasukan."}\n'
} >"$T/mixed.jsonl"

# Many distinct articles, so that compressed files span several buffers.
awk 'BEGIN {
    for (i = 0; i < 3000; i++)
        printf "{\"id\":\"n%d\",\"text\":\"Berita nomor %d tentang kode %d dan %x. Kalimat kedua %d.\"}\n",
               i, i, int(rand() * 1000000000), int(rand() * 1000000000), i
}' >"$T/many.jsonl"

printf 'Ada bait NUL\000di sini. Kalimat lain.\n' >"$T/nul.txt"
printf 'Bait UTF-8 \303\050 rusak di sini. Kalimat lain.\n' >"$T/badutf.txt"
: >"$T/empty.txt"

# ---- cases ----------------------------------------------------------------

begin
run split --no-progress "$T/good.txt"
want_rc 0
err_empty
out_lines 3
pyck '
assert all(s["doc"] == "good" for s in S), "doc ids: %r" % [s["doc"] for s in S]
assert all(s["lang"] == "id" for s in S), "langs: %r" % [s["lang"] for s in S]
assert all(s["kind"] == "body" for s in S), "kinds: %r" % [s["kind"] for s in S]
assert [s["sentence"] for s in S] == list(range(len(S))), "sentence numbers"
assert S[0]["text"].startswith("Presiden Joko Widodo"), S[0]["text"]
'
end "good .txt article"

begin
run split --no-progress "$T/mixed.jsonl"
want_rc 1
err_has "$T/mixed.jsonl:2:"
err_has "$T/mixed.jsonl:3:"
err_has "$T/mixed.jsonl:4:"
err_lacks "$T/mixed.jsonl:1:"
err_lacks "$T/mixed.jsonl:5:"
pyck '
docs = [s["doc"] for s in S]
assert docs == ["d1", "d1", "d5", "d5"], "doc ids %r, want d1 d1 d5 d5" % docs
assert S[0]["text"] == "Presiden bertemu menteri luar negeri di Jakarta.", S[0]["text"]
assert S[3]["text"] == "Ia memeriksa pasukan.", S[3]["text"]
'
end "jsonl with bad lines 2, 3, 4"

begin
run split --no-progress "$T/nul.txt" "$T/good.txt"
want_rc 1
err_has "$T/nul.txt"
err_has "byte 12"
out_has '"doc":"good"'
pyck 'assert all(s["doc"] == "good" for s in S), "nul.txt gave sentences"'
end "txt with a NUL byte"

begin
run split --no-progress "$T/badutf.txt" "$T/good.txt"
want_rc 1
err_has "$T/badutf.txt"
err_has "byte 11"
pyck 'assert S and all(s["doc"] == "good" for s in S), "docs %r" % [s["doc"] for s in S]'
end "txt with invalid UTF-8"

begin
run split --no-progress "$T/empty.txt"
want_rc 1
err_has "$T/empty.txt"
out_empty
end "empty txt"

begin
run split --no-progress "$T/no-such-file.txt" "$T/good.txt"
want_rc 1
err_has "$T/no-such-file.txt"
out_lines 3
out_has '"doc":"good"'
end "missing file next to a good one"

# Just over the 16 MiB limit of one article.
yes 'Presiden bertemu menteri di istana negara pada hari Senin.' |
    head -c 17825792 >"$T/big.txt"
begin
run split --no-progress "$T/big.txt" "$T/good.txt"
want_rc 1
err_has "$T/big.txt"
err_has "limit"
out_lines 3
pyck 'assert all(s["doc"] == "good" for s in S), "docs %r" % sorted({s["doc"] for s in S})'
end "txt over 16 MiB, then a good file"
rm -f "$T/big.txt"

# A JSONL line longer than twice the limit, then a good line.
{
    printf '{"id":"huge","text":"'
    yes 'Kalimat yang panjang sekali di sini.' | tr -d '\n' | head -c 34000000
    printf '"}\n'
    printf '{"id":"after","text":"Ini kalimat setelahnya. Dan satu lagi."}\n'
} >"$T/long.jsonl"
begin
run split --no-progress "$T/long.jsonl"
want_rc 1
err_has "$T/long.jsonl:1:"
err_has "limit"
pyck '
docs = [s["doc"] for s in S]
assert docs == ["after", "after"], "doc ids %r" % docs
assert S[1]["text"] == "Dan satu lagi.", S[1]["text"]
'
end "jsonl line over the limit, then a good line"
rm -f "$T/long.jsonl"

# Compressed JSONL gives what the plain file gives.
gzip -c "$T/mixed.jsonl" >"$T/mixed.jsonl.gz"
gzip -c "$T/many.jsonl" >"$T/many.jsonl.gz"
begin
run split --no-progress "$T/mixed.jsonl"
mv "$T/out" "$T/mixed.out"
run split --no-progress "$T/many.jsonl"
mv "$T/out" "$T/many.out"
[ "$rc" = 0 ] || bad "plain many.jsonl: exit $rc"
run split --no-progress "$T/many.jsonl.gz"
want_rc 0
err_empty
out_lines 6000
cmp -s "$T/out" "$T/many.out" || bad "many.jsonl.gz output differs from many.jsonl"
run split --no-progress "$T/mixed.jsonl.gz"
want_rc 1
cmp -s "$T/out" "$T/mixed.out" || bad "mixed.jsonl.gz output differs from mixed.jsonl"
err_has "$T/mixed.jsonl.gz:2:"
err_has "$T/mixed.jsonl.gz:4:"
end "jsonl.gz same as plain"

if command -v zstd >/dev/null 2>&1; then
    zstd -q -c "$T/mixed.jsonl" >"$T/mixed.jsonl.zst"
    zstd -q -c "$T/many.jsonl" >"$T/many.jsonl.zst"
    begin
    run split --no-progress "$T/many.jsonl.zst"
    want_rc 0
    err_empty
    out_lines 6000
    cmp -s "$T/out" "$T/many.out" || bad "many.jsonl.zst output differs from many.jsonl"
    run split --no-progress "$T/mixed.jsonl.zst"
    want_rc 1
    cmp -s "$T/out" "$T/mixed.out" || bad "mixed.jsonl.zst output differs from mixed.jsonl"
    err_has "$T/mixed.jsonl.zst:3:"
    end "jsonl.zst same as plain"
else
    skip "jsonl.zst same as plain (no zstd command)"
fi

size=$(wc -c <"$T/many.jsonl.gz" | tr -d ' ')
head -c $((size / 2)) "$T/many.jsonl.gz" >"$T/cut.jsonl.gz"
begin
run split --no-progress "$T/cut.jsonl.gz"
want_rc 1
err_has "$T/cut.jsonl.gz"
err_has "gzip"
pyck '
docs = []
for s in S:
    if not docs or docs[-1] != s["doc"]:
        docs.append(s["doc"])
assert docs, "no article before the cut"
assert docs == ["n%d" % i for i in range(len(docs))], "articles not n0..nK in order"
assert len(docs) < 3000, "all 3000 articles from a cut file"
assert all(sum(1 for s in S if s["doc"] == d) == 2 for d in docs), "an article lost sentences"
'
end "gzip cut in the middle"

# Nested directories, ignored files and symbolic links that loop.
mkdir -p "$T/tree/a/b" "$T/tree/c"
printf 'Presiden membuka sidang kabinet pagi ini. Para menteri hadir lengkap.\n' >"$T/tree/one.txt"
printf 'Gubernur meresmikan jembatan baru di kota itu.\n' >"$T/tree/a/b/two.txt"
{
    printf '{"id":"j1","text":"Menteri luar negeri tiba di Tokyo kemarin."}\n'
    printf '{"id":"j2","text":"Polisi menangkap tiga tersangka di Medan."}\n'
} >"$T/tree/c/three.jsonl"
printf '# Catatan\nIni bukan artikel.\n' >"$T/tree/notes.md"
printf 'Ini juga bukan artikel.\n' >"$T/tree/a/notes.md"
ln -s .. "$T/tree/a/b/loop"
ln -s .. "$T/tree/c/up"
begin
TIMEOUT_SAVED=$TIMEOUT
command -v timeout >/dev/null 2>&1 && TIMEOUT="timeout 20"
run split --no-progress "$T/tree"
TIMEOUT=$TIMEOUT_SAVED
want_rc 0
err_has "$T/tree/a/b/loop"
err_has "$T/tree/c/up"
pyck '
docs = []
for s in S:
    if not docs or docs[-1] != s["doc"]:
        docs.append(s["doc"])
assert docs == ["two", "j1", "j2", "one"], "articles %r, want two j1 j2 one (name order, once each)" % docs
'
grep -v -e 'loop' "$T/err" | grep -q . && bad "stderr has more than loop warnings: $(grep -v loop "$T/err" | head -n 1)"
end "directory walk with a symlink loop"

begin
printf '{"id":"a","text":"Satu. Dua."}\n' >"$T/stdin.jsonl"
run_stdin "$T/stdin.jsonl" split --no-progress -
want_rc 0
out_lines 2
pyck '
assert [s["doc"] for s in S] == ["a", "a"], [s["doc"] for s in S]
assert [s["text"] for s in S] == ["Satu.", "Dua."], [s["text"] for s in S]
'
end "stdin jsonl"

begin
printf '%s\n' "$GOOD_TEXT" >"$T/stdin.txt"
run_stdin "$T/stdin.txt" split --no-progress -
want_rc 0
out_lines 3
pyck 'assert all(s["doc"] == "stdin" for s in S), [s["doc"] for s in S]'
end "stdin plain text"

begin
run split --no-progress --format text "$T/good.txt"
want_rc 0
err_empty
out_lines 3
head -n 1 "$T/out" | grep -q '^good#0 *body *id  *Presiden Joko Widodo' ||
    bad "first line is '$(head -n 1 "$T/out")'"
grep -q '^{' "$T/out" && bad "text output holds JSON"
end "--format text"

begin
run split --no-progress --format xml "$T/good.txt"
want_rc 2
out_empty
err_has "xml"
end "--format xml is a usage error"

begin
run split --no-progress --no-such-option "$T/good.txt"
want_rc 2
out_empty
err_has "warta: split: unknown option '--no-such-option'"
err_has "'warta split --help' lists them"
end "unknown option is a usage error"

begin
run
want_rc 2
out_empty
err_has "usage"
end "no command is a usage error"

begin
run nosuchcmd "$T/good.txt"
want_rc 2
out_empty
err_has "nosuchcmd"
end "unknown command is a usage error"

begin
run split --no-progress --lang en "$T/good.txt"
want_rc 0
out_lines 3
pyck 'assert all(s["lang"] == "en" for s in S), [s["lang"] for s in S]'
end "--lang en overrides detection"

# Curly quotes and a no-break space are cleaned in the text, but offsets
# must point into the original bytes.
printf '\342\200\234Kami siap,\342\200\235 kata\302\240Presiden di Jakarta. \342\200\234Ya\342\200\235 jawab menteri pertahanan.\n' >"$T/quotes.txt"
begin
run split --no-progress --tokens "$T/quotes.txt"
want_rc 0
out_lines 2
pyck '
import os, unicodedata
src = raw(os.path.join(T, "quotes.txt"))
def clean(b):
    t = b.decode("utf-8")
    t = t.replace("\u201c", "\"").replace("\u201d", "\"").replace("\u00a0", " ")
    return unicodedata.normalize("NFC", t)
first = S[0]["tokens"][0]
assert (first["start"], first["end"]) == (0, 3), "first token at %r" % ((first["start"], first["end"]),)
assert src[first["start"]:first["end"]] == "\u201c".encode(), "first token slices %r" % src[first["start"]:first["end"]]
assert first["text"] == "\"", "first token text %r" % first["text"]
for s in S:
    assert s["tokens"], "sentence %d has no tokens" % s["sentence"]
    assert clean(src[s["start"]:s["end"]]) == s["text"], "sentence %d: %r != %r" % (s["sentence"], src[s["start"]:s["end"]], s["text"])
    for t in s["tokens"]:
        got = src[t["start"]:t["end"]]
        assert clean(got) == t["text"], "token %r slices %r" % (t["text"], got)
pres = [t for t in S[0]["tokens"] if t["text"] == "Presiden"]
assert pres and src[pres[0]["start"]:pres[0]["end"]] == b"Presiden", "Presiden misplaced"
'
end "--tokens offsets point into the original bytes"

if [ -f "$SEED" ]; then
    begin
    run split --no-progress "$SEED"
    want_rc 0
    err_empty
    pyck '
body = [s["text"] for s in S if s["kind"] == "body"]
assert len(body) == 10, "%d body sentences, want 10" % len(body)
assert any(s["kind"] == "caption" for s in S), "no caption"
for s in S:
    t = s["text"]
    assert "iklan" not in t.lower(), "sentence with iklan: %r" % t
    assert "Komentar" not in t, "sentence with Komentar: %r" % t
    assert t.strip() != "Sumber", "a sentence that is just Sumber"
assert body[1].startswith("Pengumuman"), "body[1] = %r" % body[1]
assert body[1].endswith("agenda internasional."), "body[1] = %r" % body[1]
li = [t for t in body if "Li Hui" in t]
assert li and "krisis Ukraina... mendengarkan" in li[0], "Li Hui sentence split: %r" % li
'
    end "seed article 000"
else
    skip "seed article 000 ($SEED not found)"
fi

finish
