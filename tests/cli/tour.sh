#!/bin/sh
# tests/cli/tour.sh -- the README's tour, run: each command's output must
# be what the README shows (tests/cli/tour.py tells how it is compared), so
# that the README cannot drift from what warta does.  Needs ../shared, as
# the tour does.
#
#   sh tests/cli/tour.sh PATH_TO_WARTA     (from the repository root)
#
# One line per command: `ok - COMMAND` or `not ok - COMMAND (why)`, then
# `N passed, M failed`; the exit status is non-zero if M > 0.

W=${1:?usage: sh tests/cli/tour.sh PATH_TO_WARTA}
SUITE=tour
. tests/cli/lib.sh

python3 tests/cli/tour.py "$W" "$T"
