#!/usr/bin/env bash
# SOMEP quiz benchmark (issue 7): 500 simulated trainees take a 20-question quiz at once, with autosave every 15 s.
# Run against the built distribution, on a fresh temporary SOMEP_HOME with H2.
#
# Steps: start SOMEP; then QuizBench.java (Java 17, run from source) creates through the REST API a quiz of 20
# questions (true/false, multiple choice, short answer, numerical, matching), the trainees, their enrolments and
# bearer tokens; every trainee starts an attempt at a random moment of the first 15 s, and every 15 s saves four new
# answers and changes one earlier answer (one PUT per answer with its sequence number, as the attempt page's
# autosave does), then finishes. Each attempt is then read back: every response must be the last one sent and every
# mark and grade the expected one. A closed-loop phase (64 clients saving answers without pause) shows the
# autosave requests/s reached. Before phase 1, a warm-up (BENCH_WARMUP_SECONDS, 180 s as for the page benchmarks; 0
# for none) has 16 clients take a second quiz without pause, so phase 1 measures a warm server, not the JIT's start.
# Prints a Markdown table; exits non-zero on any lost or misgraded answer.
#
# How to run, from the repository root (BENCH_TRAINEES, BENCH_AUTOSAVE_SECONDS and BENCH_BURST_SECONDS change the load):
#   mvn -o -q -B verify -DskipTests -Dsomep.skipTrain=true
#   distribution/bench/quiz-bench.sh
# Needs bash, curl, python3 and a JDK 17+ (`java` on the PATH).
set -euo pipefail

BENCH_NAME=quiz-bench
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# plugins start after /health answers: wait for the demo course and the quiz API
for _ in $(seq 1 600); do
  [ "$("${CURL[@]}" -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ADMIN" "$BASE/api/quiz/quizzes/1" || true)" = 200 ] && break; sleep 0.2
done
log "running ${BENCH_TRAINEES:-500} trainees (this takes a few minutes)"
java "$(dirname "${BASH_SOURCE[0]}")/QuizBench.java" "$BASE" "$ADMIN" "${BENCH_TRAINEES:-500}" "${BENCH_AUTOSAVE_SECONDS:-15}" "${BENCH_BURST_SECONDS:-20}" "$PID" "$(getconf CLK_TCK)" "$WARMUP_SECONDS"
