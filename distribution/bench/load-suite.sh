#!/usr/bin/env bash
# SOMEP load suite (issue 12): the page benchmarks one after another, each on a fresh server, so that every figure
# in docs/benchmarks.md comes from one command on one machine state:
#   home-bench.sh     the site home as a guest
#   course-bench.sh   a course page of 10 sections and 50 activities, as a trainee
#   forum-bench.sh    a discussion of 50 posts and a forum index of 1,000 discussions, as a trainee
#   library-bench.sh  the public library and its search with 10,000 documents, as a guest; a 10 MB PDF upload
#   quiz-bench.sh     500 trainees taking a 20-question quiz with autosave every 15 s
# Each page is measured with wrk at 16 connections after a 180 s warm-up (BENCH_WARMUP_SECONDS), so the whole
# suite takes about 35 minutes on 2 cores. The report (Markdown) goes to stdout, starting with the commit, the
# machine and the load average, so that runs can be compared; paste it into docs/benchmarks.md ("Load suite").
#
# How to run, from the repository root:
#   mvn -B -DskipTests install
#   distribution/bench/load-suite.sh > /tmp/suite.md
# LOAD_SUITE="home forum" runs only some of them. Needs what the scripts need (bash, curl, python3, wrk, a JDK).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SUITE=${LOAD_SUITE:-home course forum library quiz}
echo "## Load suite, $(date -u +%Y-%m-%d) (commit $(git -C "$HERE" rev-parse --short HEAD 2>/dev/null || echo unknown))"
echo
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
  "$(java -version 2>&1 | head -n1); load average at the start $(cut -d' ' -f1-3 /proc/loadavg)."
FAILED=0
for b in $SUITE; do
  echo
  echo "### $b"
  echo
  if ! "$HERE/$b-bench.sh"; then echo "**$b-bench.sh failed**"; FAILED=1; fi
  echo
  echo "Load average after it: $(cut -d' ' -f1-3 /proc/loadavg)"
done
exit $FAILED
