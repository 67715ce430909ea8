#!/usr/bin/env bash
# SOMEP course-page benchmark (issue 4): the page of a course with 10 sections and 50 activities, as an enrolled
# trainee, at 16 connections. Run against the built distribution, on a fresh temporary SOMEP_HOME with H2.
#
# Steps: start SOMEP; as admin, create a course, 10 sections and 50 page activities (5 per section) through the
# REST API, a trainee account, and enrol it; take a bearer token for the trainee; then
#   wrk -t2 -c16 -d20s --latency  on /course/{id} (HTML, the full course page) and on /api/course/courses/{id}
#   (the same content as JSON), each after a 20 s warm-up. Prints a Markdown table: requests/s and p50/p99.
#
# How to run, from the repository root:
#   mvn -B -DskipTests install
#   distribution/bench/course-bench.sh
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
HOME_DIR="$(mktemp -d "${TMPDIR:-/tmp}/somep-course-bench.XXXXXX")"
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

log "creating a course with 10 sections and 50 activities"
CAT=$(api GET /api/course/categories '' | json '[0]["id"]')
COURSE=$(api POST /api/course/courses "{\"categoryId\":$CAT,\"fullname\":\"Benchmark course\",\"shortname\":\"BENCH\",\"summary\":\"10 sections, 50 activities\"}" | json '["id"]')
# the course starts with one section; add 9 more, then 5 page activities in each of the 10
for s in $(seq 2 10); do api POST "/api/course/courses/$COURSE/sections" "{\"title\":\"Section $s\",\"summary\":\"What section $s is about.\"}" >/dev/null; done
SECTIONS=$(api GET "/api/course/courses/$COURSE" '' | python3 -c 'import sys,json; print(" ".join(str(s["id"]) for s in json.load(sys.stdin)["sections"]))')
for sid in $SECTIONS; do
  for a in $(seq 1 5); do
    api POST "/api/course/courses/$COURSE/activities" "{\"sectionId\":$sid,\"type\":\"page\",\"name\":\"Reading $sid.$a\",\"settings\":{\"body\":\"Text of reading $a.\"}}" >/dev/null
  done
done
api POST /api/users '{"username":"trainee","displayName":"Bench Trainee","password":"trainee-pass-1"}' >/dev/null
api POST "/api/course/courses/$COURSE/participants" '{"username":"trainee","role":"trainee"}' >/dev/null
TRAINEE=$(token trainee trainee-pass-1)
COUNT=$("${CURL[@]}" "$BASE/course/$COURSE" -H "Authorization: Bearer $TRAINEE" | grep -c 'data-activity=' || true)
[ "$COUNT" = 50 ] || die "the course page shows $COUNT activities, not 50"

measure() { # URL → "req/s p50 p99"
  wrk -t2 -c16 -d"${WARMUP_SECONDS}s" -H "Authorization: Bearer $TRAINEE" "$1" >/dev/null
  wrk -t2 -c16 -d"${WRK_SECONDS}s" --latency -H "Authorization: Bearer $TRAINEE" "$1" | awk '
    /Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$NF} END {print rps, p50, p99, (bad==""?0:bad)}'
}
log "measuring the HTML course page"
read -r H_RPS H_P50 H_P99 H_BAD < <(measure "$BASE/course/$COURSE")
log "measuring the JSON course"
read -r J_RPS J_P50 J_P99 J_BAD < <(measure "$BASE/api/course/courses/$COURSE")
echo "| What (16 connections, trainee, 10 sections, 50 activities) | Requests/s | p50 | p99 | Non-2xx |"
echo "|---|---|---|---|---|"
echo "| \`/course/$COURSE\` (HTML page) | $H_RPS | $H_P50 | $H_P99 | $H_BAD |"
echo "| \`/api/course/courses/$COURSE\` (JSON) | $J_RPS | $J_P50 | $J_P99 | $J_BAD |"
