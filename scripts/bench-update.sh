#!/usr/bin/env bash
# Wall time of `lede-index update` for N feeds served on loopback by the project's test HTTP
# server (tests/support/http_server.py): a first run that fetches and indexes everything, and
# a second run (`update --force`) in which every feed answers 304; then, as a baseline from the
# same run, `lede-index add` of the same files from disk (no HTTP).
#
# Usage: scripts/bench-update.sh [N] [HOSTS] [JOBS]      (defaults: 1000 feeds, 50 hosts, 8 jobs)
# The feeds are the Reuters-21578 day feeds of ../shared (LEDE_SHARED_DIR), cut into N parts.
# They are spread over HOSTS host names (h0.localhost … — libcurl resolves *.localhost to
# 127.0.0.1 itself), since lede opens at most 2 connections per host. Needs build/ (LEDE_BUILD_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000}"
hosts="${2:-50}"
jobs="${3:-8}"
build="${LEDE_BUILD_DIR:-build}"
shared="${LEDE_SHARED_DIR:-../shared}"
feeds="$shared/corpus/reuters21578/feeds"
[ -d "$feeds" ] || { echo "bench-update: $feeds is absent" >&2; exit 2; }

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

count="$(python3 scripts/split-feeds.py "$feeds" "$work/www" "$n")"
python3 tests/support/http_server.py "$work/www" --log "$work/requests.log" >"$work/port" &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port="$(awk '{print $2}' "$work/port")"

db="$work/db"
urls=()
for ((i = 0; i < count; i++)); do
  urls+=("http://h$((i % hosts)).localhost:$port/feeds/$(printf 'feed-%04d.xml' "$i")")
done
"$build/indexer/lede-index" --db "$db" --quiet subscribe "${urls[@]}"

run() {
  local label="$1"
  shift
  local start end
  start="$EPOCHREALTIME"
  "$build/indexer/lede-index" --db "$db" --json update --jobs "$jobs" "$@" >"$work/summary"
  end="$EPOCHREALTIME"
  python3 -c 'import sys; print("%s: %.2f s wall  %s" % (sys.argv[1], float(sys.argv[3]) - float(sys.argv[2]), sys.argv[4]))' \
    "$label" "$start" "$end" "$(cat "$work/summary")"
}
echo "$count feeds on $hosts hosts, --jobs $jobs, $(du -sh "$work/www" | cut -f1) of feeds"
run "first update (everything new)"
lines_first="$(wc -l <"$work/requests.log")"
run "second update --force (all 304)" --force
start="$EPOCHREALTIME"
"$build/indexer/lede-index" --db "$work/baseline" --json add "$work/www" >"$work/summary"
end="$EPOCHREALTIME"
python3 -c 'import sys; print("baseline, the same files with lede-index add from disk: %.2f s wall  %s" % (float(sys.argv[2]) - float(sys.argv[1]), sys.argv[3]))' \
  "$start" "$end" "$(cat "$work/summary")"
python3 - "$work/requests.log" "$lines_first" <<'PY'
import collections, json, sys
log = [json.loads(l) for l in open(sys.argv[1])]
first, second = log[:int(sys.argv[2])], log[int(sys.argv[2]):]
for name, part in (("first", first), ("second", second)):
    statuses = collections.Counter(r["status"] for r in part)
    print("%s run: %d requests %s, max active requests at once %d" % (
        name, len(part), dict(statuses), max(r["active_requests"] for r in part)))
PY
