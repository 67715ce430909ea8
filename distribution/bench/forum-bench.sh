#!/usr/bin/env bash
# SOMEP forum benchmark (issue 5): as a signed-in trainee, a discussion of 50 posts and the index of a forum with
# 1,000 discussions, at 16 connections. Run against the built distribution, on a fresh temporary SOMEP_HOME with H2.
#
# Steps: start SOMEP; through the REST API, as admin, create a forum; a trainee account; 1,000 discussions in the
# forum and 49 replies in one of them (50 posts); take the trainee's bearer token; then
#   wrk -t2 -c16 -d20s --latency on /forum/discussion/{id} and on /forum/{id}, each after a 20 s warm-up.
# Prints a Markdown table: requests/s and p50/p99.
#
# How to run, from the repository root:
#   mvn -B -DskipTests install
#   distribution/bench/forum-bench.sh
# Needs bash, curl, python3 and wrk (installed with apt-get when missing; that needs root or sudo).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIST="${SOMEP_DIST:-$REPO/distribution/target/somep}"
WRK_SECONDS=${BENCH_WRK_SECONDS:-20}
WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-20}
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
[ -x "$DIST/bin/somep" ] || die "no distribution at $DIST; build it first: mvn -B -DskipTests install"
if ! command -v wrk >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi
for v in $(compgen -v SOMEP_ || true); do [ "$v" = SOMEP_JAVA_OPTS ] || unset "$v"; done
CURL=(curl -s --noproxy '*')
PASSWORD="bench-$RANDOM$RANDOM"
HOME_DIR="$(mktemp -d "${TMPDIR:-/tmp}/somep-forum-bench.XXXXXX")"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"
SOMEP_HOME="$HOME_DIR" SOMEP_PORT="$PORT" SOMEP_ADMIN_PASSWORD="$PASSWORD" "$DIST/bin/somep" run >"$HOME_DIR/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$HOME_DIR"' EXIT
for _ in $(seq 1 600); do [ "$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$BASE/health" || true)" = 200 ] && break; sleep 0.1; done

json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
token() { "${CURL[@]}" -X POST "$BASE/api/tokens" -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" | json '["token"]'; }
ADMIN=$(token admin "$PASSWORD")
api() { "${CURL[@]}" -X "$1" "$BASE$2" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d "$3"; }

log "creating a forum with 1000 discussions, one of them with 50 posts"
FORUM=$(api POST /api/forum/forums '{"name":"Benchmark forum","type":"standard"}' | json '["id"]')
api POST /api/users '{"username":"trainee","displayName":"Bench Trainee","password":"trainee-pass-1"}' >/dev/null
TRAINEE=$(token trainee trainee-pass-1)
DISCUSSION=""
for i in $(seq 1 1000); do
  id=$(api POST "/api/forum/forums/$FORUM/discussions" "{\"title\":\"Discussion $i\",\"message\":\"What do you think about case $i? **Police** and social media.\"}" | json '["id"]')
  [ -n "$DISCUSSION" ] || DISCUSSION=$id
done
for i in $(seq 1 49); do
  api POST "/api/forum/discussions/$DISCUSSION/posts" "{\"message\":\"Reply $i: a thought about *social media* in policing, with a [link](https://example.org/$i).\"}" >/dev/null
done
COUNT=$("${CURL[@]}" "$BASE/forum/discussion/$DISCUSSION" -H "Authorization: Bearer $TRAINEE" | grep -c 'data-post=' || true)
[ "$COUNT" = 50 ] || die "the discussion shows $COUNT posts, not 50"

measure() { # URL → "req/s p50 p99 non2xx"
  wrk -t2 -c16 -d"${WARMUP_SECONDS}s" -H "Authorization: Bearer $TRAINEE" "$1" >/dev/null
  wrk -t2 -c16 -d"${WRK_SECONDS}s" --latency -H "Authorization: Bearer $TRAINEE" "$1" | awk '
    /Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$NF} END {print rps, p50, p99, (bad==""?0:bad)}'
}
log "measuring the discussion of 50 posts"
read -r D_RPS D_P50 D_P99 D_BAD < <(measure "$BASE/forum/discussion/$DISCUSSION")
log "measuring the forum index with 1000 discussions"
read -r F_RPS F_P50 F_P99 F_BAD < <(measure "$BASE/forum/$FORUM")
echo "| What (16 connections, signed-in trainee) | Requests/s | p50 | p99 | Non-2xx |"
echo "|---|---|---|---|---|"
echo "| \`/forum/discussion/$DISCUSSION\` (50 posts) | $D_RPS | $D_P50 | $D_P99 | $D_BAD |"
echo "| \`/forum/$FORUM\` (1,000 discussions) | $F_RPS | $F_P50 | $F_P99 | $F_BAD |"
