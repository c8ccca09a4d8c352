#!/bin/sh
# tests/cli/strict.sh -- every command reads its arguments strictly: each
# bad value issue 17 names (and their kin) is refused with exit 2 and a
# message that starts "warta: COMMAND:" and says what is wrong, before
# anything is read or written; a list option given twice keeps both, any
# other is refused; an unknown option or command is answered with the
# nearest name; a command that cannot run exits 3, every command alike;
# each --help tells the exit statuses.
#
#   sh tests/cli/strict.sh PATH_TO_WARTA     (from the repository root)
#
# One line per case: `ok - NAME` or `not ok - NAME (why)`, then
# `N passed, M failed`; the exit status is non-zero if M > 0.
# KEEP=1 keeps the temporary directory (warta-strict.* under $TMPDIR or /tmp).

W=${1:?usage: sh tests/cli/strict.sh PATH_TO_WARTA}
SUITE=strict
SUITE_TIMEOUT=120
. tests/cli/lib.sh

# A small store (coded by word position: quick), and an article.
printf '%s\n' '{"id":"a1","date":"2024-03-11","lang":"en","text":"Russia criticized Ukraine on Monday."}' \
    '{"id":"a2","date":"2024-03-12","lang":"en","text":"Ukraine attacked Russia on Tuesday."}' \
    >"$T/a.jsonl"
run ingest --syntax off --no-progress --db "$T/s.db" "$T/a.jsonl"
if [ "$rc" != 0 ]; then
    echo "strict: ingest failed: $(head -1 "$T/err")" >&2
    exit 2
fi
DB=$T/s.db

# refused WHAT ARGS...: warta ARGS exits 2, prints nothing on stdout, and
# says WHAT on stderr after "warta: COMMAND: ", on one line.
refused() {
    what=$1
    shift
    begin
    run "$@"
    want_rc 2
    out_empty
    err_has "warta: $1: $what"
    err_lines 1
    end "$* -> $what"
}

# ---- numbers ------------------------------------------------------------------

refused "--top: '-3' is not a whole number from 1 to 4294967295" \
    query --db "$DB" --top -3
refused "--top: 'abc' is not a whole number from 1 to 4294967295" \
    query --db "$DB" --top abc
refused "--top: '0' is not a whole number" query --db "$DB" --top 0
refused "--top: '5x' is not a whole number" query --db "$DB" --top 5x
refused "--top: '99999999999999999999' is not a whole number" \
    query --db "$DB" --top 99999999999999999999
refused "--threads: 'abc' is not a whole number from 1 to 64" \
    ingest --db "$T/never.db" --threads abc "$T/a.jsonl"
refused "--threads: '65' is not a whole number from 1 to 64" \
    serve --db "$DB" --threads 65
refused "--port: '70000' is not a whole number from 0 to 65535" \
    serve --db "$DB" --port 70000
refused "--folds: '0' is not a whole number from 1 to 100" \
    train --lang en --out "$T/m.model" --folds 0 tests/data/syntax/tiny-en.conllu
refused "--event: 'abc' is not a whole number" query --db "$DB" --event abc
refused "--actor does not go with --event" query --db "$DB" --event 1 --actor RUS

# ---- dates ----------------------------------------------------------------------

for cmd in code split parse; do
    refused "--date: '2023-02-30' is not a date (YYYY-MM-DD)" \
        $cmd --date 2023-02-30 "$T/a.jsonl"
    refused "--date: '23/02/2023' is not a date (YYYY-MM-DD)" \
        $cmd --date 23/02/2023 "$T/a.jsonl"
done
refused "--date: '2023-02-30' is not a date (YYYY-MM-DD)" \
    ingest --db "$T/never.db" --date 2023-02-30 "$T/a.jsonl"
refused "--from: '2023-02-30' is not a date (YYYY-MM-DD)" \
    query --db "$DB" --from 2023-02-30
refused "--to: '23/02/2023' is not a date (YYYY-MM-DD)" \
    query --db "$DB" --to 23/02/2023

# ---- languages: those warta has a pack or model for, named -------------------

for cmd in code split parse; do
    refused "--lang: 'xx' is not a language warta has a pack or model for (en, id, ms)" \
        $cmd --lang xx "$T/a.jsonl"
done
refused "--lang: 'fr' is not a language warta has a pack or model for (en, id, ms)" \
    ingest --db "$T/never.db" --lang fr "$T/a.jsonl"
begin
[ ! -e "$T/never.db" ] || bad "an ingest with a bad value made its store"
end "an ingest refused makes no store"
refused "--lang: 'xx' is not a language warta has a pack or model for" \
    eval-parse --lang xx tests/data/syntax/tiny-en.conllu
refused "--lang: 'English' is not an ISO 639 language code" \
    query --db "$DB" --lang English
refused "--lang: 'EN' is not an ISO 639 language code" \
    train --lang EN --out "$T/m.model" tests/data/syntax/tiny-en.conllu

begin
printf '%s\n' '{"id":"ms1","date":"2024-03-12","text":"Presiden Joko Widodo bertemu dengan Perdana Menteri Malaysia Anwar Ibrahim di Jakarta pada hari Senin."}' >"$T/ms.jsonl"
run code --syntax off --lang ms --format text "$T/ms.jsonl"
want_rc 0
out_has "IDNGOV"
out_has "MYSGOV"
end "code --lang ms codes Malay with the Indonesian pack"

# ---- lists, choices and the query's own values --------------------------------

refused "--quad: '5' is not a QuadClass (1, 2, 3, 4)" query --db "$DB" --quad 5
refused "--quad: '' is not a QuadClass (1, 2, 3, 4)" query --db "$DB" --quad 3,,4
refused "--quad: '5' is not a QuadClass" query --db "$DB" --quad 3 --quad 5
refused "--mode: 'bogus' is not a mode (asserted, negated" \
    query --db "$DB" --mode negated --mode bogus
refused "--by: 'hour' is not day, week, month, year, dyad, code, actor or place" \
    query --db "$DB" --by hour
refused "--by: 'month,dyad': a two-way table is dyad, code, actor or place, then a period" \
    query --db "$DB" --by month,dyad
refused "--level: 'nation' is not actor or country" \
    query --db "$DB" --by dyad --level nation
refused "--level: country groups dyads and actors" \
    query --db "$DB" --by code --level country
refused "--sort: events sort by date, mentions, goldstein, source, target, code, quad or place, not 'size'" \
    query --db "$DB" --sort size
refused "--sort: groups sort by events, mentions or goldstein, not 'date'" \
    query --db "$DB" --by dyad --sort date
refused "--sort: 'date:up': a key may be followed by :asc or :desc" \
    query --db "$DB" --sort date:up
refused "--format: 'jsn' is not table, csv, json, gdelt or plover (did you mean json?)" \
    query --db "$DB" --format jsn
refused "--format: 'xml' is not json, text, gdelt, plover or csv" \
    code --format xml "$T/a.jsonl"
refused "--syntax: 'maybe' is not on or off" code --syntax maybe "$T/a.jsonl"
refused "--dyad: 'RUS' is not SOURCE:TARGET, e.g. RUS:CHN" \
    query --db "$DB" --dyad RUS
refused "--actor: 'RUS;' is not a code (letters and digits)" \
    query --db "$DB" --actor 'RUS;'

# ---- repeated, unknown, missing ---------------------------------------------------

refused "--top: given more than once; give it once" \
    query --db "$DB" --top 3 --top 4
refused "--db: given more than once; give it once" \
    query --db "$DB" --db "$T/other.db"
refused "--date: given more than once; give it once" \
    code --date 2024-01-01 --date 2024-01-02 "$T/a.jsonl"
refused "--format: given more than once; give it once" \
    code --format json --format csv "$T/a.jsonl"
refused "unknown option '--tpo'; did you mean --top?" query --db "$DB" --tpo 3
refused "unknown option '--explian'; did you mean --explain?" \
    code --explian "$T/a.jsonl"
refused "unknown option '-x'" split -x "$T/a.jsonl"
refused "--explain takes no value" code --explain=yes "$T/a.jsonl"
refused "--db needs a value" query --db
refused "--db is required" query --top 3
refused "--actor: empty; leave the option out instead" query --db "$DB" --actor ""
refused "takes no inputs ('extra')" query --db "$DB" extra

begin
run qeury --db "$DB"
want_rc 2
out_empty
err_has "warta: no command 'qeury'; did you mean query?"
end "an unknown command: the nearest name"

# Every option by its full name: a prefix is no abbreviation.
refused "unknown option '--form'; did you mean --format?" \
    query --db "$DB" --form csv

# ---- a list option given again keeps every value --------------------------------

begin
run query --db "$DB" --quad 3 --quad 4 --format csv
want_rc 0
cp "$T/out" "$T/twice"
run query --db "$DB" --quad 3,4 --format csv
cmp -s "$T/out" "$T/twice" || bad "--quad 3 --quad 4 is not --quad 3,4"
[ "$(($(wc -l <"$T/out") - 1))" = 2 ] || bad "--quad 3,4: $(cat "$T/out")"
grep -q ',111,.*,3,' "$T/out" && grep -q ',190,.*,4,' "$T/out" ||
    bad "--quad 3,4 lacks the criticism (3) or the attack (4): $(cat "$T/out")"
end "--quad 3,4 means 3 and 4, as --quad 3 --quad 4 does"

begin
run query --db "$DB" --actor rus --format csv
want_rc 0
cp "$T/out" "$T/lower"
run query --db "$DB" --actor RUS --format csv
cmp -s "$T/out" "$T/lower" || bad "--actor rus differs from --actor RUS"
[ "$(($(wc -l <"$T/out") - 1))" = 2 ] || bad "--actor RUS: $(cat "$T/out")"
run query --db "$DB" --dyad ukr:rus --code 19 --format csv
[ "$(($(wc -l <"$T/out") - 1))" = 1 ] || bad "--dyad ukr:rus: $(cat "$T/out")"
end "codes in any case: --actor rus is --actor RUS"

# ---- exit statuses, the same on every command -------------------------------------

begin
for cmd in split code ingest query serve dict eval parse train eval-parse; do
    run $cmd --help
    [ "$rc" = 0 ] || bad "$cmd --help exited $rc"
    grep -q "^exit status: 0 done; 1 some input skipped" "$T/out" ||
        bad "$cmd --help does not tell the exit statuses"
done
run --help
out_has "exit status: 0 done"
end "every --help tells the exit statuses"

# failed CMD ARGS...: warta cannot run: exit 3, and a message that says so.
failed() {
    begin
    run "$@"
    want_rc 3
    err_has "warta: $1: "
    end "$* -> exit 3"
}
failed query --db "$T/missing.db"
failed query --db "$DB" --event 999
failed serve --db "$T/missing.db" --port 0
failed ingest --no-progress --db "$T/no/such/folder/s.db" "$T/a.jsonl"
failed code --no-progress --dict "$T/missing.verbs.txt" "$T/a.jsonl"
failed parse --no-progress --model "$T/missing.model" "$T/a.jsonl"
failed eval "$T/missing.jsonl"
failed eval-parse --model "$T/missing.model" tests/data/syntax/tiny-en.conllu
failed dict check "$T/missing.verbs.txt"
failed train --lang en --out "$T/m.model" "$T/missing.conllu"

begin
run split --no-progress "$T/a.jsonl" "$T/missing.jsonl"
want_rc 1
err_has "warta: split: "
out_has '"doc":"a1"'
end "an input that cannot be read is skipped: exit 1, the rest done"

finish
