#!/bin/sh
# world_map.sh -- the dashboard's world map: Natural Earth's 1:110m
# countries (public domain) as TopoJSON, from npm's world-atlas, which
# scripts/install-deps.sh installs into web/map/node_modules (pinned by
# web/map/package-lock.json).  Without it, an empty object: the page then
# draws its places on a blank map and says the countries are missing.
# Run by the Makefile on every build; OUT is rewritten only when it
# changes, so that the web assets are compiled again only then.
#   sh tools/world_map.sh build/gen/world.json
set -eu

out=${1:?usage: $0 OUT}
src=web/map/node_modules/world-atlas/countries-110m.json
tmp=$out.tmp.$$
trap 'rm -f "$tmp"' EXIT HUP INT TERM
mkdir -p "$(dirname "$out")"
if [ -s "$src" ]; then
    cp "$src" "$tmp"
else
    echo "world_map.sh: warning: $src is missing: the dashboard's map will" \
         "have no countries (sh scripts/install-deps.sh map installs them)" >&2
    echo '{}' >"$tmp"
fi
if cmp -s "$tmp" "$out"; then
    rm -f "$tmp"
else
    mv "$tmp" "$out"
fi
trap - EXIT HUP INT TERM
