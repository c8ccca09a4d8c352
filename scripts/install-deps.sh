#!/bin/sh
# Install the Debian packages warta needs to build, if any is missing.
# Run by the Makefile; needs root (or sudo) only when something is
# missing.  With an argument:
#   test   also what the tests need: curl, pandas (the exports' CSV is
#          read back with it), Debian's Chromium with Node.js for the
#          dashboard's browser test, and PostgreSQL's server (the store
#          tests start one of their own)
#   fuzz   only what `make fuzz` needs: clang and its libFuzzer runtime
#   map    Node.js and npm, for the dashboard's world map
# Then, but for fuzz, the world map's data (npm's world-atlas, pinned by
# web/map/package-lock.json) where npm is there: without it warta builds
# a dashboard whose map has no countries, and says so.
set -eu
cd "$(dirname "$0")/.."

PACKAGES="gcc g++ make pkg-config
libjansson-dev libutf8proc-dev libcld2-dev libhunspell-dev hunspell-id
zlib1g-dev libzstd-dev libcmocka-dev libexpat1-dev zstd
libgeonames-dev iso-codes libsqlite3-dev sqlite3 libmicrohttpd-dev python3
libpq-dev libopenmpi-dev openmpi-bin help2man"

case "${1:-}" in
test)
    PACKAGES="$PACKAGES curl chromium python3-pandas postgresql"
    # Node.js may come from elsewhere (NodeSource): only when it is missing.
    command -v node >/dev/null 2>&1 || PACKAGES="$PACKAGES nodejs"
    command -v npm >/dev/null 2>&1 || PACKAGES="$PACKAGES npm"
    ;;
map)
    command -v node >/dev/null 2>&1 || PACKAGES="$PACKAGES nodejs"
    command -v npm >/dev/null 2>&1 || PACKAGES="$PACKAGES npm"
    ;;
fuzz)
    PACKAGES="clang-14 libclang-rt-14-dev"
    ;;
esac

missing=""
for p in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $p" ;;
    esac
done

install_packages() {
    echo "install-deps: installing:$missing" >&2
    if [ "$(id -u)" -eq 0 ]; then
        SUDO=""
    elif command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-deps: run as root: apt-get install -y$missing" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# The map's countries, from the npm registry as the lockfile pins them; a
# failure (offline) is a warning: the build goes on without them.
install_map() {
    [ -s web/map/node_modules/world-atlas/countries-110m.json ] && return 0
    command -v npm >/dev/null 2>&1 || return 0
    (cd web/map && npm ci --no-audit --no-fund --loglevel=error) ||
        echo "install-deps: warning: npm ci in web/map failed: the" \
             "dashboard's map will have no countries" >&2
}

[ -z "$missing" ] || install_packages
[ "${1:-}" = fuzz ] || install_map
