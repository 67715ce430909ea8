# Shared by the page benchmarks (course-bench.sh, forum-bench.sh): starts the built distribution on a fresh
# temporary home with H2 and a free port, stops it and removes the home at exit, and gives the helpers below.
# Source it after `set -euo pipefail`, with BENCH_NAME set.
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIST="${SOMEP_DIST:-$REPO/distribution/target/somep}"
WRK_SECONDS=${BENCH_WRK_SECONDS:-20}
# 180 s: with Jetty, Jersey, Hibernate, H2 and Freemarker to compile, C2 on 2 cores is still busy after 60 s of
# 16 connections (its thread took a sixth of the CPU, and hot loops such as UTF-8 encoding still ran as C1 code); after
# about three minutes it is done and the discussion page went from ~770 to ~1,360 requests/s. A server runs for days,
# so the steady state is what counts.
WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-180}
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
HOME_DIR="$(mktemp -d "${TMPDIR:-/tmp}/somep-${BENCH_NAME:-bench}.XXXXXX")"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"
# settings for this run (conf/somep.properties lines), e.g. a longer plugin start timeout on a loaded machine
if [ -n "${BENCH_SETTINGS:-}" ]; then mkdir -p "$HOME_DIR/conf"; printf '%s\n' "$BENCH_SETTINGS" >"$HOME_DIR/conf/somep.properties"; fi
SOMEP_HOME="$HOME_DIR" SOMEP_PORT="$PORT" SOMEP_PLUGIN_START_TIMEOUT_MS="${BENCH_PLUGIN_START_TIMEOUT_MS:-60000}" SOMEP_ADMIN_PASSWORD="$PASSWORD" "$DIST/bin/somep" run >"$HOME_DIR/server.log" 2>&1 &
PID=$!
# || true: under set -e a killed server's status (143) would end the trap before the clean-up and replace rc
trap 'rc=$?; kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; rm -rf "$HOME_DIR"; exit $rc' EXIT
for _ in $(seq 1 600); do [ "$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$BASE/health" || true)" = 200 ] && break; sleep 0.1; done

json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
token() { "${CURL[@]}" -X POST "$BASE/api/tokens" -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" | json '["token"]'; }
ADMIN=$(token admin "$PASSWORD")
api() { "${CURL[@]}" -X "$1" "$BASE$2" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d "$3"; }

# measure URL: wrk at 16 connections with $BENCH_TOKEN (a guest when it is empty), after a warm-up
#   → "requests/s p50 p99 non-2xx cpu-ms-per-request"
# The last is the server's own CPU time (all its threads, from /proc) divided by the requests served: on a shared
# machine it moves much less than requests/s, which also counts what the neighbours and wrk take.
server_cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
measure() {
  local auth=() # a guest when BENCH_TOKEN is empty
  [ -z "${BENCH_TOKEN:-}" ] || auth=(-H "Authorization: Bearer $BENCH_TOKEN")
  [ "$WARMUP_SECONDS" = 0 ] || wrk -t2 -c16 -d"${WARMUP_SECONDS}s" "${auth[@]}" "$1" >/dev/null
  local before after out
  before=$(server_cpu_ticks)
  out=$(wrk -t2 -c16 -d"${WRK_SECONDS}s" --latency "${auth[@]}" "$1")
  after=$(server_cpu_ticks)
  echo "$out" >&2
  echo "$out" | awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    /Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$NF} /requests in/ {n=$1}
    END {printf "%s %s %s %s %.2fms\n", rps, p50, p99, (bad==""?0:bad), (n > 0 ? ticks * 1000 / hz / n : 0)}'
}
