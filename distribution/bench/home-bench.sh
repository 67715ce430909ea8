#!/usr/bin/env bash
# SOMEP site-home benchmark: the home page as a guest at 16 connections, after the warm-up of lib.sh (180 s).
# kernel-bench.sh measures the same page with a 20 s warm-up among its start and lifecycle figures; this one is
# the load suite's steady-state figure. Run against the built distribution on a fresh temporary home with H2.
#
# How to run, from the repository root:
#   mvn -B -DskipTests install
#   distribution/bench/home-bench.sh
# Needs bash, curl, python3 and wrk.
set -euo pipefail

BENCH_NAME=home-bench
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
BENCH_TOKEN=""
# the home page comes from the pages plugin, which starts after /health answers
for _ in $(seq 1 600); do [ "$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$BASE/" || true)" = 200 ] && break; sleep 0.2; done
log "measuring the site home as a guest"
read -r RPS P50 P99 BAD CPU < <(measure "$BASE/")
echo "| What (16 connections) | Requests/s | p50 | p99 | Non-2xx | Server CPU per request |"
echo "|---|---|---|---|---|---|"
echo "| \`/\` as a guest | $RPS | $P50 | $P99 | $BAD | $CPU |"
