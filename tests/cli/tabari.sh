#!/bin/sh
# tests/cli/tabari.sh -- `warta eval` on a TABARI project written here, as
# TABARI's validation suite runs: its records in order, "{ OPTION: ... }"
# records applied to the records after them, and FORWARD: carrying a
# pronoun's actor from one record to the next of its story.
#
#   sh tests/cli/tabari.sh PATH_TO_WARTA     (from the repository root)
#
# One line per case: `ok - NAME` or `not ok - NAME (why)`, then
# `N passed, M failed`; the exit status is non-zero if M > 0.
# KEEP=1 keeps the temporary directory (warta-tabari.* under $TMPDIR or /tmp).

W=${1:?usage: sh tests/cli/tabari.sh PATH_TO_WARTA}
SUITE=tabari
. tests/cli/lib.sh

printf 'ARNOR  [ARN]\nGONDOR  [GON]\nROHAN  [ROH]\n' >"$T/t.actors"
printf 'ATTACK  [190]\nPRAISE  [051]\n' >"$T/t.verbs"
printf 'CLERIC_  [~MOS]\n' >"$T/t.agents"
printf 'SET: MINIMUM WORDS = 3\n' >"$T/t.options"
printf '%s\n' '<actorsfile> t.actors' '<verbsfile> t.verbs' \
    '<agentsfile> t.agents' '<optionsfile> t.options' \
    '<textfile> t.text' >"$T/t.project"

# records FORWARD-OPTION: a validation text whose first record sets the
# option given ("" for none), then three records of one story and one of
# the next.
records() {
    {
        if [ -n "$1" ]; then
            printf '950101  OPT\nSetting an option.\n/* { OPTION: %s } */\n\n' "$1"
        fi
        printf '950102  AP-001-001\nThe Arnor clerics attacked Gondor on Sunday.\n'
        printf '/* { ARNMOS / GON / 190 } */\n\n'
        printf '950102  AP-001-002\nHe praised Rohan on Monday.\n'
        printf '/* { ARN / ROH / 051 } */\n\n'
        printf '950102  AP-001-003\nIt attacked Gondor on Tuesday.\n'
        printf '/* { ROH / GON / 190 } */\n\n'
        printf '950102  AP-002-004\nHe praised Gondor on Wednesday.\n'
        printf '/* {---} */\n\n'
    } >"$T/t.text"
}

begin
records 'FORWARD: ^^***NNN*SSS'
run eval "$T/t.project"
want_rc 0
out_has "records exactly right        4/4 (100.0%)"
err_empty
end "FORWARD: a pronoun before any actor takes the record before's first actor"

begin
records ''
run eval "$T/t.project"
want_rc 0
out_has "records exactly right        2/4 (50.0%)"
out_has "WRONG AP-001-002"
out_has "WRONG AP-001-003"
end "without FORWARD: no actor crosses records"

begin
records 'FORWARD: ^^***NNN*SSS OFF'
run eval "$T/t.project"
want_rc 0
out_has "records exactly right        2/4 (50.0%)"
end "FORWARD: ... OFF turns it off"

begin
records 'FORWARD: ^^***NNN'
run eval "$T/t.project"
want_rc 0
err_has "OPT: 'FORWARD: ^^***NNN': FORWARD: is a sequence format"
out_has "records exactly right        2/4 (50.0%)"
end "a FORWARD: without the sentence number is refused, named by record"

finish
