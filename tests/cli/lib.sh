# tests/cli/lib.sh -- what the command-line test scripts share: a
# temporary directory, running warta with its output in files, and the
# ok / not ok bookkeeping.  Sourced by each script after it sets
#   W       the warta to test (its first argument)
#   SUITE   a short name, for messages and the temporary directory
# SUITE_TIMEOUT (seconds, default 60) bounds each run of warta.
# KEEP=1 keeps the temporary directory (warta-$SUITE.* under $TMPDIR or /tmp).

case $W in */*) ;; *) W=./$W ;; esac
if [ ! -x "$W" ]; then
    echo "$SUITE: $W is not an executable" >&2
    exit 2
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/warta-$SUITE.XXXXXX") || exit 2
# At exit, however the script ends: the server it started (start_server),
# the PostgreSQL server (tests/cli/pg.sh) and the temporary directory.
server=""
cleanup() {
    [ -z "$server" ] || kill "$server" 2>/dev/null
    ! command -v pg_stop >/dev/null 2>&1 || pg_stop
    [ -n "${KEEP:-}" ] || rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A sanitizer report must not pass for "an article was skipped" (exit 1).
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=86
UBSAN_OPTIONS=${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=86:print_stacktrace=1
export ASAN_OPTIONS UBSAN_OPTIONS

if command -v timeout >/dev/null 2>&1; then
    TIMEOUT="timeout ${SUITE_TIMEOUT:-60}"
else
    TIMEOUT=""
fi

pass=0
fail=0
why=""

# warta ARGS...: stdout in $T/out, stderr in $T/err, status in $rc.
# (Not at the end of a pipeline: that would run it in a subshell.)
run() {
    $TIMEOUT "$W" "$@" >"$T/out" 2>"$T/err"
    rc=$?
    sanitized
}

# A sanitizer report is the reason a case fails, whatever else does.
sanitized() {
    if grep -q -e 'Sanitizer' -e 'runtime error:' "$T/err"; then
        why="sanitizer: $(grep -m1 -e 'Sanitizer' -e 'runtime error:' "$T/err")"
    fi
}

# Start a case: forget the previous one's failure.
begin() { why=""; }

# Note the first reason a case fails.
bad() { [ -n "$why" ] || why=$1; }

# End a case: report it.
end() {
    if [ -z "$why" ]; then
        pass=$((pass + 1))
        echo "ok - $1"
    else
        fail=$((fail + 1))
        echo "not ok - $1 ($why)"
    fi
}

skip() { echo "skip: $1"; }

want_rc() {
    if [ "$rc" = 124 ] && [ -n "$TIMEOUT" ]; then
        bad "timed out"
    elif [ "$rc" != "$1" ]; then
        bad "exit $rc, want $1"
    fi
}
out_has() { grep -qF -e "$1" "$T/out" || bad "stdout lacks '$1'"; }
out_empty() { [ ! -s "$T/out" ] || bad "stdout is not empty"; }
err_has() { grep -qF -e "$1" "$T/err" || bad "stderr lacks '$1'"; }
err_lacks() { ! grep -qF -e "$1" "$T/err" || bad "stderr has '$1'"; }
err_empty() { [ ! -s "$T/err" ] || bad "stderr not empty: $(head -n 1 "$T/err")"; }
out_lines() {
    n=$(wc -l <"$T/out" | tr -d ' ')
    [ "$n" -eq "$1" ] || bad "stdout has $n lines, want $1"
}
err_lines() {
    n=$(wc -l <"$T/err" | tr -d ' ')
    [ "$n" -eq "$1" ] || bad "stderr has $n lines, want $1"
}

# start_server DB [OPTION...]: `warta serve` on a free port in the
# background; sets $server (its pid), $port and $B (its base URL), or
# exits when it does not start.  Its stderr is in $T/serve.err.
start_server() {
    db=$1
    shift
    : >"$T/serve.err"       # not a former server's line, read too soon
    "$W" serve --db "$db" --port 0 "$@" 2>"$T/serve.err" &
    server=$!
    port=""
    for _ in $(seq 300); do
        port=$(sed -n 's|^warta: serving .*:\([0-9]*\)/$|\1|p' "$T/serve.err")
        [ -n "$port" ] && break
        sleep 0.1
    done
    if [ -z "$port" ]; then
        echo "$SUITE: the server did not start:" >&2
        cat "$T/serve.err" >&2
        exit 2
    fi
    B=http://127.0.0.1:$port
}

# stop_server: SIGTERM to the server; the case fails unless it exits 0
# with no sanitizer report.
stop_server() {
    kill $server
    wait $server
    srv_rc=$?
    [ "$srv_rc" = 0 ] || bad "the server exited $srv_rc on SIGTERM"
    server_sanitized
}

# server_sanitized: a sanitizer report on the server's stderr fails the case.
server_sanitized() {
    if grep -q -e 'Sanitizer' -e 'runtime error:' "$T/serve.err"; then
        bad "sanitizer: $(grep -m1 -e 'Sanitizer' -e 'runtime error:' "$T/serve.err")"
    fi
}

# get PATH [curl options]: a request to the server start_server started;
# the body in $T/body, the status in $code.
get() {
    path=$1
    shift
    code=$(curl -s --path-as-is -o "$T/body" -w '%{http_code}' "$@" "$B$path")
}
want_code() { [ "$code" = "$1" ] || bad "status $code, want $1: $(head -c 200 "$T/body")"; }
# check PYTHON-EXPR: true of the body parsed as JSON (d).
check() {
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($1) else 1)" \
        "$T/body" 2>/dev/null || bad "body fails: $1: $(head -c 200 "$T/body")"
}

# The last line of a script: the counts, and its exit status.
finish() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}
