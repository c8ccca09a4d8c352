#!/bin/sh
# tests/cli/threads.sh -- `warta code --threads` and `warta ingest
# --threads`: the same bytes with one coding thread and with two, on the
# sample corpora (../shared/corpora: Guardian, Detik, Gigaword) with a
# broken line and a missing file among them, so that what is skipped and
# said on stderr is compared too; and bad --threads values refused.
#
#   sh tests/cli/threads.sh PATH_TO_WARTA     (from the repository root)
#
# One line per case: `ok - NAME` or `not ok - NAME (why)`, then
# `N passed, M failed`; the exit status is non-zero if M > 0.
# KEEP=1 keeps the temporary directory (warta-threads.* under $TMPDIR or /tmp).

W=${1:?usage: sh tests/cli/threads.sh PATH_TO_WARTA}
SUITE=threads
SUITE_TIMEOUT=600               # the tree coder over 3 MB, sanitized
. tests/cli/lib.sh

if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "threads.sh: sqlite3 is needed" >&2
    exit 2
fi
C=${WARTA_SHARED:-../shared}/corpora
for f in en-guardian-2019.jsonl id-detik-2025.dev.jsonl en-gigaword-sample.jsonl; do
    if [ ! -r "$C/$f" ]; then
        echo "threads.sh: $C/$f not found" >&2
        exit 2
    fi
done

{
    cat "$C/en-guardian-2019.jsonl"
    printf 'this is not json\n'
    cat "$C/id-detik-2025.dev.jsonl"
} >"$T/news.jsonl"
INPUTS="$T/news.jsonl $T/missing.jsonl $C/en-gigaword-sample.jsonl"

# same_as_one_thread COMMAND ARGS...: run `warta COMMAND --threads 1` and
# `--threads 2` with ARGS; stdout, stderr and the exit status must agree,
# and articles must have been skipped (the broken line, the missing file).
same_as_one_thread() {
    cmd=$1
    shift
    run "$cmd" --threads 1 "$@"
    cp "$T/out" "$T/out.1"
    cp "$T/err" "$T/err.1"
    rc1=$rc
    run "$cmd" --threads 2 "$@"
    [ "$rc1" = 1 ] || bad "--threads 1 exited $rc1, want 1"
    want_rc 1
    cmp -s "$T/out.1" "$T/out" || bad "stdout differs from one thread's"
    cmp -s "$T/err.1" "$T/err" || bad "stderr differs from one thread's"
    err_has "missing.jsonl"
}

# ---- warta code ----------------------------------------------------------

# shellcheck disable=SC2086 # INPUTS is a list of paths without spaces
{
    begin
    same_as_one_thread code --no-progress $INPUTS
    [ "$(wc -l <"$T/out")" -gt 500 ] || bad "fewer than 500 events"
    end "code: the tree coder's events with two threads are one thread's, in input order"

    begin
    same_as_one_thread code --no-progress --syntax off --format text --explain $INPUTS
    out_has "    source "
    end "code --syntax off --format text --explain: the same with two threads"

    begin
    same_as_one_thread code --no-progress --syntax off --actors $INPUTS
    out_has '"entry"'
    end "code --actors: the same with two threads"

    begin
    run code --no-progress --syntax off --format csv --threads 1 $INPUTS
    cp "$T/out" "$T/out.1"
    run code --no-progress --syntax off --format csv $INPUTS
    want_rc 1
    cmp -s "$T/out.1" "$T/out" || bad "the default differs from one thread"
    end "code: the default (one thread per core) writes what one thread does"
}

for value in 0 65 -1 2x " 2"; do
    begin
    run code --no-progress --threads "$value" "$C/en-gigaword-sample.jsonl"
    want_rc 2
    err_has "warta: code: --threads: '$value' is not a whole number from 1 to 64"
    out_empty
    end "code --threads '$value' is refused"
done

# ---- warta ingest ----------------------------------------------------------

# dump DB: the whole store but the times of ingest
dump() {
    sqlite3 "$1" .dump | grep -v -e ingested -e created
}

begin
for n in 1 2; do
    # shellcheck disable=SC2086
    run ingest --no-progress --syntax off --threads "$n" --db "$T/s$n.db" $INPUTS
    want_rc 1
    sed "s|^$T/s$n.db: ||" "$T/out" >"$T/out.$n"     # the summary
    cp "$T/err" "$T/err.$n"
done
out_has " new, 0 replaced"
cmp -s "$T/out.1" "$T/out.2" || bad "the summaries differ"
cmp -s "$T/err.1" "$T/err.2" || bad "stderr differs"
dump "$T/s1.db" >"$T/dump.1"
dump "$T/s2.db" >"$T/dump.2"
cmp -s "$T/dump.1" "$T/dump.2" || bad "the stores differ"
grep -q "INSERT INTO events" "$T/dump.2" || bad "no event stored"
end "ingest: two threads store what one does, row for row"

begin
run ingest --no-progress --threads 0 --db "$T/bad.db" "$C/en-gigaword-sample.jsonl"
want_rc 2
err_has "warta: ingest: --threads: '0' is not a whole number from 1 to 64"
[ ! -e "$T/bad.db" ] || bad "a store was made"
end "ingest --threads 0 is refused"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
