#!/usr/bin/env bash
# SOMEP soak test (issue 12): mixed load for SOAK_MINUTES (default 30) while plugins are disabled, enabled,
# redeployed and upgraded, then checks that
#   - no request to a plugin that stayed enabled failed (wrk's non-2xx/3xx and socket errors are 0), and the plugins
#     that come and go answered nothing but 2xx/3xx, 404 (away) and 503 (stopping under a request),
#   - the heap after a full GC and the metaspace stay flat (first and last sample within SOAK_GROWTH_MB),
#   - no class loader of a replaced or uninstalled plugin bundle is left: a heap dump at the end, read by
#     old-loaders.py, has no disposed bundle wiring's class loader that is strongly or softly reachable (it prints
#     the reference chain that holds one).
# Run against the built distribution on a fresh temporary home with H2.
#
# The load: wrk -c8 on the site home as a guest, -c4 on a 50-post forum discussion and -c4 on the demo course page
# as a trainee (these plugins are never touched), and -c2 each on the best-practice viewer and the glossary, which
# come and go. Every SOAK_CYCLE_SECONDS (default 20) one lifecycle step runs, in turn: disable and enable
# bestpractice; uninstall and reinstall the library from its jar (a new bundle and class loader, its data kept);
# disable and enable quiz (the course page shows its activities without it); upgrade the glossary to its next
# version (0.1.1, 0.1.2, ...: a copy of its jar with a higher Bundle-Version, uploaded to POST /api/plugins as an
# administrator would; the kernel refuses downgrades, so each upgrade goes one version up).
#
# How to run, from the repository root:
#   mvn -B -DskipTests install
#   distribution/bench/soak.sh                  # 30 minutes
#   SOAK_MINUTES=3 distribution/bench/soak.sh   # a quick check
# Needs bash, curl, python3, wrk and the JDK's jcmd. Prints a Markdown summary on stdout; exits 1 when a check fails.
set -euo pipefail

BENCH_NAME=soak
BENCH_WARMUP_SECONDS=0
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
MINUTES=${SOAK_MINUTES:-30}
CYCLE=${SOAK_CYCLE_SECONDS:-20}
GROWTH_MB=${SOAK_GROWTH_MB:-16}
SECONDS_TOTAL=$((MINUTES * 60))
JAVA_PID=$(pgrep -f "somep.home=$HOME_DIR" | head -n1)
[ -n "$JAVA_PID" ] || die "cannot find the SOMEP java process"
JCMD="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"

log "setting up: a forum discussion of 50 posts, a trainee in the demo course"
FORUM=$(api POST /api/forum/forums '{"name":"Soak forum","type":"standard"}' | json '["id"]')
api POST /api/users '{"username":"soaker","displayName":"Soak Trainee","password":"soak-pass-12"}' >/dev/null
TRAINEE=$(token soaker soak-pass-12)
DISCUSSION=$(api POST "/api/forum/forums/$FORUM/discussions" '{"title":"Soak","message":"First post."}' | json '["id"]')
for i in $(seq 1 49); do api POST "/api/forum/discussions/$DISCUSSION/posts" "{\"message\":\"Reply $i.\"}" >/dev/null; done
COURSE=$(api GET /api/course/courses '' | json '[0]["id"]')
api POST "/api/course/courses/$COURSE/participants" '{"username":"soaker","role":"trainee"}' >/dev/null
LIBRARY_JAR=$(ls "$DIST"/plugins/library-*.jar)
GLOSSARY_JAR=$(ls "$DIST"/plugins/glossary-*.jar)
mkdir -p "$HOME_DIR/upgrades"
# a copy of a plugin jar with another Bundle-Version, as its next release would be (same code, a new bundle)
with_version() {
  python3 - "$1" "$2" "$3" <<'PY'
import re, sys, zipfile
src, version, out = sys.argv[1:]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():  # in order: the manifest stays first
        data = zin.read(item.filename)
        if item.filename == 'META-INF/MANIFEST.MF':
            data, n = re.subn(rb'(?m)^Bundle-Version: [^\r\n]*', b'Bundle-Version: ' + version.encode(), data)
            assert n == 1, 'no Bundle-Version in ' + src
        zout.writestr(item, data)
PY
}

# heap after a full GC and metaspace, in MB
sample() {
  "$JCMD" "$JAVA_PID" GC.run >/dev/null
  "$JCMD" "$JAVA_PID" GC.heap_info | python3 -c '
import re, sys
t = sys.stdin.read()
used = sum(int(x) for x in re.findall(r"(?:def new generation|tenured generation)\s+total \d+K, used (\d+)K", t))
meta = re.search(r"Metaspace\s+used (\d+)K", t)
print(used // 1024, int(meta.group(1)) // 1024)'
}

read -r HEAP0 META0 < <(sample)
log "start: heap after GC ${HEAP0} MB, metaspace ${META0} MB; load for $MINUTES min, a lifecycle step every $CYCLE s"
OUT="$HOME_DIR/wrk"; mkdir -p "$OUT"
# a response slower than 10 s counts as failed (wrk's default of 2 s is too short for a machine shared with builds)
WRK=(-t1 -d"${SECONDS_TOTAL}s" --timeout 10s -s "$(dirname "${BASH_SOURCE[0]}")/status-count.lua")
wrk "${WRK[@]}" -c8 "$BASE/" >"$OUT/home" 2>&1 &
W1=$!
wrk "${WRK[@]}" -c4 -H "Authorization: Bearer $TRAINEE" "$BASE/forum/discussion/$DISCUSSION" >"$OUT/forum" 2>&1 &
W2=$!
wrk "${WRK[@]}" -c4 -H "Authorization: Bearer $TRAINEE" "$BASE/course/$COURSE" >"$OUT/course" 2>&1 &
W3=$!
wrk "${WRK[@]}" -c2 "$BASE/bestpractice" >"$OUT/bestpractice" 2>&1 &
W4=$!
wrk "${WRK[@]}" -c2 "$BASE/glossary" >"$OUT/glossary" 2>&1 &
W5=$!

call() { "${CURL[@]}" -o /dev/null -w '%{http_code}' -X "$1" "$BASE$2" -H "Authorization: Bearer $ADMIN" "${@:3}"; }
ok() { [ "$1" = 200 ] || [ "$1" = 201 ] || [ "$1" = 204 ]; }
STEPS=0; STEP_FAILURES=0; UPGRADES=0
END=$((SECONDS + SECONDS_TOTAL - CYCLE))
SAMPLES="$OUT/samples"; : >"$SAMPLES"
while [ $SECONDS -lt $END ]; do
  sleep "$CYCLE" # pacing the lifecycle steps, not waiting for a result
  case $((STEPS % 4)) in
    0) a=$(call POST /api/plugins/bestpractice/disable); b=$(call POST /api/plugins/bestpractice/enable) ;;
    1) a=$(call DELETE /api/plugins/library)
       b=$(call POST /api/plugins -H 'Content-Type: application/java-archive' --data-binary "@$LIBRARY_JAR") ;;
    2) a=$(call POST /api/plugins/quiz/disable); b=$(call POST /api/plugins/quiz/enable) ;;
    3) UPGRADES=$((UPGRADES + 1)); jar="$HOME_DIR/upgrades/glossary-0.1.$UPGRADES.jar"
       with_version "$GLOSSARY_JAR" "0.1.$UPGRADES" "$jar"
       a=$(call POST /api/plugins -H 'Content-Type: application/java-archive' --data-binary "@$jar")
       # "200" when the new version is the one installed and it is enabled, else what is installed
       b=$(api GET /api/plugins/glossary '' | python3 -c 'import sys,json; p=json.load(sys.stdin); print(200 if (p["version"], p["state"]) == (sys.argv[1], "enabled") else p["version"] + "/" + p["state"])' "0.1.$UPGRADES" || true)
       rm -f "$jar" ;;
  esac
  STEPS=$((STEPS + 1))
  if ! ok "$a" || ! ok "$b"; then STEP_FAILURES=$((STEP_FAILURES + 1)); log "step $STEPS answered $a/$b"; fi
  if [ $((STEPS % 4)) = 0 ]; then read -r h m < <(sample); echo "$SECONDS $h $m" >>"$SAMPLES"; log "after $STEPS steps: heap ${h} MB, metaspace ${m} MB"; fi
done
wait $W1 $W2 $W3 $W4 $W5 || true

read -r HEAP1 META1 < <(sample)
# the heap dump's own full GC runs first; old-loaders.py exits 1 when an old loader is still strongly or softly held
"$JCMD" "$JAVA_PID" GC.heap_dump "$HOME_DIR/end.hprof" >/dev/null
LOADERS_OK=0; python3 "$(dirname "${BASH_SOURCE[0]}")/old-loaders.py" "$HOME_DIR/end.hprof" >"$OUT/loaders" || LOADERS_OK=$?
rm -f "$HOME_DIR/end.hprof"
BUNDLES=$(api GET /api/plugins '' | python3 -c 'import sys,json; print(len(json.load(sys.stdin)))')
failures() { awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$1"; }
total() { awk '/requests in/ {print $1}' "$1"; }
# for a plugin that comes and goes: statuses other than 2xx/3xx, 404 (away) and 503 (stopping), plus socket errors
unexpected() { awk '/^status/ && !($2 < 400 || $2 == 404 || $2 == 503) {n += $3} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$1"; }
FAILED=0
echo "Soak: $MINUTES min on $(nproc) cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg), $STEPS lifecycle steps ($STEP_FAILURES refused), $UPGRADES of them glossary upgrades"
echo
latency() { awk '/Latency/ && !/Distribution/ {print $2 " / " $4; exit}' "$1"; }
statuses() { awk '/^status/ {printf "%s%s: %s", sep, $2, $3; sep=", "}' "$1"; }
echo "| Load | Requests | Failed | Statuses | Latency mean / max | Allowed |"
echo "|---|---|---|---|---|---|"
for w in home forum course; do
  f=$(failures "$OUT/$w"); [ "$f" = 0 ] || FAILED=1
  echo "| $w | $(total "$OUT/$w") | $f | $(statuses "$OUT/$w") | $(latency "$OUT/$w") | 2xx only |"
done
for w in bestpractice glossary; do
  f=$(unexpected "$OUT/$w"); [ "$f" = 0 ] || FAILED=1
  echo "| $w (comes and goes) | $(total "$OUT/$w") | $f | $(statuses "$OUT/$w") | $(latency "$OUT/$w") | 2xx, 404 and 503 |"
done
echo
echo "| Memory | Start | End | Max |"
echo "|---|---|---|---|"
echo "| Heap after full GC (MB) | $HEAP0 | $HEAP1 | $(awk -v s="$HEAP0" 'BEGIN{m=s} $2>m{m=$2} END{print m}' "$SAMPLES") |"
echo "| Metaspace (MB) | $META0 | $META1 | $(awk -v s="$META0" 'BEGIN{m=s} $3>m{m=$3} END{print m}' "$SAMPLES") |"
echo
echo "Class loaders at the end ($BUNDLES plugins installed), from a heap dump:"
echo
echo '```'
cat "$OUT/loaders"
echo '```'
[ "$LOADERS_OK" = 0 ] || { log "an old plugin class loader is still held (the chain is printed above)"; FAILED=1; }
# growth is judged from the largest sample of the first third of the run: caches fill in the first minutes
read -r HEAPW METAW < <(awk -v h="$HEAP0" -v m="$META0" '{a[NR]=$2; b[NR]=$3} END {k=int(NR/3); if (k<1) k=1; for (i=1;i<=k && i<=NR;i++) {if (a[i]>h) h=a[i]; if (b[i]>m) m=b[i]}; print h, m}' "$SAMPLES")
echo "Growth after the first third of the run: heap $((HEAP1 - HEAPW)) MB, metaspace $((META1 - METAW)) MB (allowed: $GROWTH_MB MB)"
[ $((HEAP1 - HEAPW)) -le "$GROWTH_MB" ] || { log "heap grew by $((HEAP1 - HEAPW)) MB"; FAILED=1; }
[ $((META1 - METAW)) -le "$GROWTH_MB" ] || { log "metaspace grew by $((META1 - METAW)) MB"; FAILED=1; }
[ "$STEP_FAILURES" = 0 ] || FAILED=1
if [ "$FAILED" = 0 ]; then echo; echo "**PASS**"; else echo; echo "**FAIL**"; exit 1; fi
