#!/usr/bin/env bash
# SOMEP forum benchmark (issue 5): as a signed-in trainee, a discussion of 50 posts and the index of a forum with
# 1,000 discussions, at 16 connections. Run against the built distribution, on a fresh temporary SOMEP_HOME with H2.
#
# Steps: start SOMEP; through the REST API, as admin, create a forum; a trainee account; 1,000 discussions in the
# forum and 49 replies in one of them (50 posts); take the trainee's bearer token; then
#   wrk -t2 -c16 -d20s --latency on /forum/discussion/{id} and on /forum/{id}, each after a 180 s warm-up.
# Prints a Markdown table: requests/s and p50/p99.
#
# How to run, from the repository root:
#   mvn -o -q -B verify -DskipTests -Dsomep.skipTrain=true
#   distribution/bench/forum-bench.sh
# Needs bash, curl, python3 and wrk (installed with apt-get when missing; that needs root or sudo).
set -euo pipefail

BENCH_NAME=forum-bench
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

log "creating a forum with 1000 discussions, one of them with 50 posts"
FORUM=$(api POST /api/forum/forums '{"name":"Benchmark forum","type":"standard"}' | json '["id"]')
api POST /api/users '{"username":"trainee","displayName":"Bench Trainee","password":"trainee-pass-1"}' >/dev/null
TRAINEE=$(token trainee trainee-pass-1)
DISCUSSION=$(api POST "/api/forum/forums/$FORUM/discussions" '{"title":"Discussion 1","message":"What do you think about case 1? **Police** and social media."}' | json '["id"]')
# the other 999 through one curl process (a python and a curl per request took minutes on a busy machine)
for i in $(seq 2 1000); do
  printf 'next\nurl = "%s/api/forum/forums/%s/discussions"\nrequest = "POST"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\ndata = "{\\"title\\":\\"Discussion %s\\",\\"message\\":\\"What do you think about case %s? **Police** and social media.\\"}"\noutput = "/dev/null"\n' \
    "$BASE" "$FORUM" "$ADMIN" "$i" "$i"
done | tail -n +2 | "${CURL[@]}" -K - 
for i in $(seq 1 49); do
  api POST "/api/forum/discussions/$DISCUSSION/posts" "{\"message\":\"Reply $i: a thought about *social media* in policing, with a [link](https://example.org/$i).\"}" >/dev/null
done
COUNT=$("${CURL[@]}" "$BASE/forum/discussion/$DISCUSSION" -H "Authorization: Bearer $TRAINEE" | grep -c 'data-post=' || true)
[ "$COUNT" = 50 ] || die "the discussion shows $COUNT posts, not 50"

BENCH_TOKEN=$TRAINEE
log "measuring the discussion of 50 posts"
read -r D_RPS D_P50 D_P99 D_BAD D_CPU < <(measure "$BASE/forum/discussion/$DISCUSSION")
log "measuring the forum index with 1000 discussions"
read -r F_RPS F_P50 F_P99 F_BAD F_CPU < <(measure "$BASE/forum/$FORUM")
echo "| What (16 connections, signed-in trainee) | Requests/s | p50 | p99 | Non-2xx | Server CPU per request |"
echo "|---|---|---|---|---|---|"
echo "| \`/forum/discussion/$DISCUSSION\` (50 posts) | $D_RPS | $D_P50 | $D_P99 | $D_BAD | $D_CPU |"
echo "| \`/forum/$FORUM\` (1,000 discussions) | $F_RPS | $F_P50 | $F_P99 | $F_BAD | $F_CPU |"
