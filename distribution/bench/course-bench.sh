#!/usr/bin/env bash
# SOMEP course-page benchmark (issue 4): the page of a course with 10 sections and 50 activities, as an enrolled
# trainee, at 16 connections. Run against the built distribution, on a fresh temporary SOMEP_HOME with H2.
#
# Steps: start SOMEP; as admin, create a course, 10 sections and 50 page activities (5 per section) through the
# REST API, a trainee account, and enrol it; take a bearer token for the trainee; then
#   wrk -t2 -c16 -d20s --latency  on /course/{id} (HTML, the full course page) and on /api/course/courses/{id}
#   (the same content as JSON), each after a 180 s warm-up. Prints a Markdown table: requests/s and p50/p99.
#
# How to run, from the repository root:
#   mvn -B -DskipTests install
#   distribution/bench/course-bench.sh
# Needs bash, curl, python3 and wrk (installed with apt-get when missing; that needs root or sudo).
set -euo pipefail

BENCH_NAME=course-bench
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

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

BENCH_TOKEN=$TRAINEE
log "measuring the HTML course page"
read -r H_RPS H_P50 H_P99 H_BAD H_CPU < <(measure "$BASE/course/$COURSE")
log "measuring the JSON course"
read -r J_RPS J_P50 J_P99 J_BAD J_CPU < <(measure "$BASE/api/course/courses/$COURSE")
echo "| What (16 connections, trainee, 10 sections, 50 activities) | Requests/s | p50 | p99 | Non-2xx | Server CPU per request |"
echo "|---|---|---|---|---|---|"
echo "| \`/course/$COURSE\` (HTML page) | $H_RPS | $H_P50 | $H_P99 | $H_BAD | $H_CPU |"
echo "| \`/api/course/courses/$COURSE\` (JSON) | $J_RPS | $J_P50 | $J_P99 | $J_BAD | $J_CPU |"
