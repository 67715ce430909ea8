#!/usr/bin/env bash
# SOMEP kernel benchmark: a reproducible measurement of the kernel's runtime behaviour, run against the
# built distribution (not a test; it takes about 3.5 minutes on 2 cores).
#
# What it measures (all over loopback, on a fresh temporary SOMEP_HOME with an H2 database and a free port):
#   1. Cold start to first served page: from launching `bin/somep run` to the first HTTP 200 of `/`
#      (curl polls every 20 ms). 5 runs, each on a brand-new home; median (min and max shown too).
#   2. Hot-deploy latency: the `pages` plugin is uninstalled through the API, then 10 times its jar is copied
#      into deploy/ (as a .part file, then mv, so it appears atomically) and the time from the mv to the first
#      200 of /pages/about is taken; then the jar is deleted and the time to the first 404 is taken. p50, max.
#   3. Enable / disable latency: 50 times each, the API call's duration (curl time_total) and, separately, the
#      time from the start of the call until /pages/about answers 200 (enable) or 404 (disable). p50, p95.
#   4. Throughput: `wrk -t2 -c16 -d20s --latency` on `/` (as a guest) and on `/health`, each after a 20 s
#      warm-up; requests/s and p99 latency. wrk runs on the same machine as the server.
#   5. Resident memory (RSS, `ps -o rss=` of the java process): idle 5 s after a start with no load (after
#      the first page), and idle 10 s after the load of step 4.
# The load average (`uptime`) is printed at the start, before the load test and at the end: on a shared or
# small machine the numbers are indicative only. Polling adds up to ~20-30 ms to every "until served" time.
#
# How to run, from the repository root:
#   mvn -B -DskipTests install
#   distribution/bench/kernel-bench.sh
# Needs bash 5, curl and wrk (installed with apt-get when missing; that needs root or sudo).
# Environment: SOMEP_DIST (default distribution/target/somep), SOMEP_JAVA_OPTS (passed on to bin/somep).
# The server is stopped and the temporary homes are removed at the end, also on error or Ctrl-C.
# Progress goes to stderr; the Markdown results table goes to stdout.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIST="${SOMEP_DIST:-$REPO/distribution/target/somep}"
# The counts and durations below are the benchmark; the BENCH_* overrides are only for a quick smoke test.
COLD_RUNS=${BENCH_COLD_RUNS:-5}
DEPLOY_RUNS=${BENCH_DEPLOY_RUNS:-10}
TOGGLE_RUNS=${BENCH_TOGGLE_RUNS:-50}
WRK_ARGS=(-t2 -c16)
WRK_SECONDS=${BENCH_WRK_SECONDS:-20}
WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-20}  # C2 needs this long on 2 cores to reach steady state

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[ "${BASH_VERSINFO[0]}" -ge 5 ] || die "bash 5 or newer is needed (for EPOCHREALTIME)"
[ -x "$DIST/bin/somep" ] || die "no distribution at $DIST; build it first: mvn -B -DskipTests install"
PAGES_JAR="$(ls "$DIST"/plugins/pages-*.jar 2>/dev/null | head -n1)"
[ -n "$PAGES_JAR" ] || die "no pages plugin jar in $DIST/plugins"
command -v curl >/dev/null || die "curl is needed"
if ! command -v wrk >/dev/null; then
  log "installing wrk"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi
command -v wrk >/dev/null || die "wrk is needed"

# Only this script's settings reach the server (a SOMEP_DB_URL from the caller's shell must not leak in).
for v in $(compgen -v SOMEP_ || true); do [ "$v" = SOMEP_JAVA_OPTS ] || unset "$v"; done
CURL=(curl -s --noproxy '*')
PASSWORD="bench-$RANDOM$RANDOM$RANDOM"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/somep-bench.XXXXXX")"
SERVER_PID=""
SERVER_HOME=""

# ---------------------------------------------------------------- helpers
now_us() { echo "${EPOCHREALTIME/./}"; }

free_port() {
  local p
  for p in $(shuf -i 20000-60999 -n 200); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  die "no free port found"
}

# start_server HOME: launches bin/somep run in the background (it execs java, so $! is the JVM).
start_server() {
  SERVER_HOME="$1"
  PORT="$(free_port)"
  BASE="http://127.0.0.1:$PORT"
  mkdir -p "$SERVER_HOME"
  SOMEP_HOME="$SERVER_HOME" SOMEP_PORT="$PORT" SOMEP_ADMIN_PASSWORD="$PASSWORD" \
    "$DIST/bin/somep" run >"$SERVER_HOME/server.log" 2>&1 &
  SERVER_PID=$!
}

stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$SERVER_PID" 2>/dev/null && { log "server $SERVER_PID did not stop in 15 s; killing it"; kill -9 "$SERVER_PID" 2>/dev/null || true; }
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ $rc -ne 0 ] && [ -n "$SERVER_HOME" ] && [ -f "$SERVER_HOME/server.log" ]; then
    log "failed (exit $rc); last lines of the server log:"
    tail -n 30 "$SERVER_HOME/server.log" >&2 || true
  fi
  stop_server
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

code_of() { "${CURL[@]}" -o /dev/null --max-time 60 -w '%{http_code}' "$1" || true; }

# wait_code URL CODE [START_US]: polls every 20 ms until URL answers CODE; prints the ms since START_US.
wait_code() {
  local url=$1 want=$2 start=${3:-$(now_us)} deadline
  deadline=$(( $(now_us) + 120000000 ))
  while true; do
    [ "$(code_of "$url")" = "$want" ] && break
    [ "$(now_us)" -lt "$deadline" ] || die "$url did not answer $want within 120 s"
    if [ -n "$SERVER_PID" ] && ! kill -0 "$SERVER_PID" 2>/dev/null; then die "the server exited"; fi
    sleep 0.02
  done
  echo $(( ($(now_us) - start) / 1000 ))
}

rss_mb() { awk '{printf "%.0f", $1 / 1024}' < <(ps -o rss= -p "$SERVER_PID"); }

# pct Q VALUES...: nearest-rank percentile (Q in 0..1).
pct() {
  local q=$1; shift
  printf '%s\n' "$@" | sort -g | awk -v q="$q" '{a[NR]=$1} END {i=int(q*NR); if (i<q*NR) i++; if (i<1) i=1; print a[i]}'
}
fmt() { awk -v v="$1" 'BEGIN { if (v == int(v)) printf "%d", v; else printf "%.1f", v }'; }
# check VALUE OP TARGET: "met" / "not met"
check() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { ok = (op == "<") ? v < t : v >= t; print ok ? "met" : "not met" }'; }

api() { # METHOD PATH: prints "HTTP_CODE TIME_TOTAL_MS"
  "${CURL[@]}" -o /dev/null -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Accept: application/json' \
    -w '%{http_code} %{time_total}' "$BASE$2" | awk '{printf "%s %.1f", $1, $2 * 1000}'
}

# run_wrk URL: warm-up, then the measured run; sets RPS, P99_MS, ERRS.
run_wrk() {
  local url=$1 out
  wrk "${WRK_ARGS[@]}" -d"${WARMUP_SECONDS}s" "$url" >/dev/null
  out="$(wrk "${WRK_ARGS[@]}" -d"${WRK_SECONDS}s" --latency "$url")"
  printf '%s\n' "$out" | sed 's/^/    /' >&2
  RPS="$(printf '%s\n' "$out" | awk '/^Requests\/sec:/ {printf "%.0f", $2}')"
  P99_MS="$(printf '%s\n' "$out" | awk '$1 == "99%" { v = $2
      if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
      else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }
      printf "%.1f", v }')"
  ERRS="$(printf '%s\n' "$out" | awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}')"
}

# ---------------------------------------------------------------- run
LOAD_START="$(uptime)"
log "load at start: $LOAD_START"
JAVA_VERSION="$( ("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 || true) | head -n1)"
JVM_OPTS="${SOMEP_JAVA_OPTS:-$(sed -n 's/^JAVA_OPTS=(\${SOMEP_JAVA_OPTS:-\(.*\)})$/\1/p' "$DIST/bin/somep")}"
log "distribution $DIST, $JAVA_VERSION, JVM options: $JVM_OPTS"

# 1. cold start
COLD=(); KERNEL_MS=()
for i in $(seq 1 "$COLD_RUNS"); do
  t0=$(now_us)
  start_server "$WORK/cold-$i"
  ms=$(wait_code "$BASE/" 200 "$t0")
  k=$(sed -n 's/.*(started in \([0-9]*\) ms.*/\1/p' "$SERVER_HOME/server.log" | head -n1)
  COLD+=("$ms"); KERNEL_MS+=("${k:-0}")
  log "cold start $i: first 200 of / after $ms ms (the kernel reported 'started in ${k:-?} ms')"
  stop_server
  rm -rf "$SERVER_HOME"
done

# The measured server for everything else.
start_server "$WORK/main"
wait_code "$BASE/" 200 >/dev/null
sleep 5
RSS_START=$(rss_mb)
log "RSS idle after start (no load): $RSS_START MB (pid $SERVER_PID, $(ps -o comm= -p "$SERVER_PID"))"
TOKEN="$("${CURL[@]}" -X POST -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" "$BASE/api/tokens" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')"
[ -n "$TOKEN" ] || die "could not get an API token"
[ "$(code_of "$BASE/pages/about")" = 200 ] || die "/pages/about is not served after start"

# 2. hot deploy
read -r c _ <<<"$(api DELETE /api/plugins/pages)"
[ "$c" = 200 ] || die "uninstalling pages through the API answered $c"
wait_code "$BASE/pages/about" 404 >/dev/null
DEPLOY="$SERVER_HOME/deploy"
mkdir -p "$DEPLOY"
HOT=(); UNDEPLOY=()
for i in $(seq 1 "$DEPLOY_RUNS"); do
  cp "$PAGES_JAR" "$DEPLOY/pages.jar.part"
  t0=$(now_us)
  mv "$DEPLOY/pages.jar.part" "$DEPLOY/pages.jar"
  ms=$(wait_code "$BASE/pages/about" 200 "$t0"); HOT+=("$ms")
  t0=$(now_us)
  rm -f "$DEPLOY/pages.jar"
  ms2=$(wait_code "$BASE/pages/about" 404 "$t0"); UNDEPLOY+=("$ms2")
  log "hot deploy $i: served after $ms ms; jar deleted, 404 after $ms2 ms"
done

# 3. enable / disable (pages installed again by hot deploy, left in the deploy folder)
cp "$PAGES_JAR" "$DEPLOY/pages.jar.part" && mv "$DEPLOY/pages.jar.part" "$DEPLOY/pages.jar"
wait_code "$BASE/pages/about" 200 >/dev/null
DIS_API=(); DIS_SEEN=(); EN_API=(); EN_SEEN=()
for i in $(seq 1 "$TOGGLE_RUNS"); do
  t0=$(now_us); read -r c t <<<"$(api POST /api/plugins/pages/disable)"
  [ "$c" = 200 ] || die "disable answered $c"
  ms=$(wait_code "$BASE/pages/about" 404 "$t0"); DIS_API+=("$t"); DIS_SEEN+=("$ms")
  t0=$(now_us); read -r c t <<<"$(api POST /api/plugins/pages/enable)"
  [ "$c" = 200 ] || die "enable answered $c"
  ms=$(wait_code "$BASE/pages/about" 200 "$t0"); EN_API+=("$t"); EN_SEEN+=("$ms")
  if [ $((i % 10)) -eq 0 ]; then log "enable/disable: $i of $TOGGLE_RUNS"; fi
done

# 4. throughput
LOAD_MID="$(uptime)"
log "load before the throughput runs: $LOAD_MID"
log "wrk on / (guest)"
run_wrk "$BASE/"; HOME_RPS=$RPS; HOME_P99=$P99_MS; HOME_ERRS=$ERRS
log "wrk on /health"
run_wrk "$BASE/health"; HEALTH_RPS=$RPS; HEALTH_P99=$P99_MS; HEALTH_ERRS=$ERRS

# 5. memory after the load
sleep 10
RSS_LOADED=$(rss_mb)
log "RSS idle 10 s after the load: $RSS_LOADED MB"
stop_server
LOAD_END="$(uptime)"
log "load at end: $LOAD_END"

# ---------------------------------------------------------------- report
COLD_P50=$(pct 0.5 "${COLD[@]}")
HOT_P50=$(pct 0.5 "${HOT[@]}")
EN_P50=$(pct 0.5 "${EN_API[@]}"); DIS_P50=$(pct 0.5 "${DIS_API[@]}")
EN_SEEN_P50=$(pct 0.5 "${EN_SEEN[@]}"); DIS_SEEN_P50=$(pct 0.5 "${DIS_SEEN[@]}")
cat <<EOF

## SOMEP kernel benchmark, $(date '+%Y-%m-%d %H:%M %Z')

Machine: $(nproc) cores, $(free -m | awk '/^Mem:/ {printf "%.1f GiB", $2 / 1024}') memory; $JAVA_VERSION; JVM options: \`$JVM_OPTS\`.
Load (uptime) at start: \`$LOAD_START\`; before the load test: \`$LOAD_MID\`; at end: \`$LOAD_END\`.

| Measure | Result | Target | |
|---|---|---|---|
| Cold start to first 200 of \`/\` ($COLD_RUNS fresh homes), median | $(fmt "$COLD_P50") ms (min $(pct 0 "${COLD[@]}"), max $(pct 1 "${COLD[@]}"); kernel's own "started in": median $(pct 0.5 "${KERNEL_MS[@]}") ms) | < 3,000 ms | $(check "$COLD_P50" '<' 3000) |
| Hot deploy: jar appears in deploy/ to first 200 of \`/pages/about\` ($DEPLOY_RUNS), p50 / max | $(fmt "$HOT_P50") / $(pct 1 "${HOT[@]}") ms | p50 < 500 ms | $(check "$HOT_P50" '<' 500) |
| Hot undeploy: jar deleted to first 404 ($DEPLOY_RUNS), p50 / max | $(pct 0.5 "${UNDEPLOY[@]}") / $(pct 1 "${UNDEPLOY[@]}") ms | | |
| Enable: API call time ($TOGGLE_RUNS), p50 / p95 | $(fmt "$EN_P50") / $(fmt "$(pct 0.95 "${EN_API[@]}")") ms | p50 < 50 ms | $(check "$EN_P50" '<' 50) |
| Enable: call start to first 200 of \`/pages/about\`, p50 / p95 | $(fmt "$EN_SEEN_P50") / $(pct 0.95 "${EN_SEEN[@]}") ms | | |
| Disable: API call time ($TOGGLE_RUNS), p50 / p95 | $(fmt "$DIS_P50") / $(fmt "$(pct 0.95 "${DIS_API[@]}")") ms | p50 < 50 ms | $(check "$DIS_P50" '<' 50) |
| Disable: call start to first 404 of \`/pages/about\`, p50 / p95 | $(fmt "$DIS_SEEN_P50") / $(pct 0.95 "${DIS_SEEN[@]}") ms | | |
| \`/\` as a guest, wrk ${WRK_ARGS[*]} -d${WRK_SECONDS}s: requests/s | $HOME_RPS ($HOME_ERRS errors) | >= 3,000 | $(check "$HOME_RPS" '>=' 3000) |
| \`/\` as a guest: p99 latency | $HOME_P99 ms | < 20 ms | $(check "$HOME_P99" '<' 20) |
| \`/health\`, wrk ${WRK_ARGS[*]} -d${WRK_SECONDS}s: requests/s / p99 | $HEALTH_RPS ($HEALTH_ERRS errors) / $HEALTH_P99 ms | | |
| RSS idle after a start, no load | $RSS_START MB | | |
| RSS idle after the load | $RSS_LOADED MB | < 300 MB | $(check "$RSS_LOADED" '<' 300) |

Samples (ms): cold start ${COLD[*]}; hot deploy ${HOT[*]}; hot undeploy ${UNDEPLOY[*]}.
EOF
