#!/usr/bin/env bash
# SOMEP library benchmark (issue 6): a guest browsing and searching the public library with 10,000 documents
# indexed, at 16 connections; and the upload of a 10 MB PDF, text extraction and indexing included. Run against the
# built distribution, on a fresh temporary SOMEP_HOME with H2.
#
# Steps: start SOMEP; as admin, create a public folder and upload 10,000 small text documents into it through the
# REST API (8 parallel clients; each text has 40 words from a vocabulary of 3,000 made-up words plus "police
# social media", and a year, language, country and type), then
#   wrk -t2 -c16 -d20s --latency, as a guest, after a 180 s warm-up, on: the folder's first page, its 250th page,
#   a search for a common phrase (all 10,000 match), a search for a rare word, and a filtered search;
# then upload a generated 10 MB PDF (400 pages of text) 10 times, one after the other, and report the median time.
# Prints Markdown tables (with the server's CPU time per request and per upload), and the load average before and after.
# BENCH_PLUGIN_START_TIMEOUT_MS raises the plugin start timeout (60 s) on a loaded machine.
#
# How to run, from the repository root:
#   mvn -B -DskipTests install      (or: mvn -o -q -B verify -DskipTests -Dsomep.skipTrain=true)
#   distribution/bench/library-bench.sh
# Needs bash, curl, python3 and wrk (installed with apt-get when missing; that needs root or sudo).
set -euo pipefail

BENCH_NAME=library-bench
# the shared machine is often loaded: give plugins a minute to start rather than the default 10 s
BENCH_SETTINGS="somep.plugin.start.timeout.ms=${BENCH_PLUGIN_START_TIMEOUT_MS:-60000}"
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DOCS=${BENCH_LIBRARY_DOCS:-10000}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

[ "$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$BASE/api/library/folders")" = 200 ] || { tail -20 "$HOME_DIR/server.log" >&2; die "the library plugin is not running"; }
FOLDER=$(api POST /api/library/folders '{"name":"Benchmark collection","visibility":"public"}' | json '["id"]')
log "uploading $DOCS text documents into folder $FOLDER"
START=$(date +%s)
BASE="$BASE" ADMIN="$ADMIN" FOLDER="$FOLDER" DOCS="$DOCS" python3 - <<'PY'
import os, random, threading, urllib.parse, http.client
base = os.environ["BASE"].replace("http://", "")
host, port = base.split(":")
token, folder, docs = os.environ["ADMIN"], os.environ["FOLDER"], int(os.environ["DOCS"])
rnd = random.Random(42)
syll = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "sa", "do", "gu", "fe", "hi", "bo"]
vocab = sorted({"".join(rnd.choice(syll) for _ in range(rnd.randint(2, 4))) for _ in range(4000)})[:3000]
types = ["report", "study", "guideline", "policy", "training", "presentation"]
langs, countries = ["en", "tr", "de"], ["TR", "DE", "AT", "GB", "NL", "BE"]
errors = []
def work(start):
    c = http.client.HTTPConnection(host, int(port), timeout=60)
    r = random.Random(start)
    for i in range(start, docs, 8):
        text = "police social media " + " ".join(r.choice(vocab) for _ in range(40)) + ".\n"
        q = urllib.parse.urlencode({"name": f"doc-{i}.txt", "title": f"Document {i} " + r.choice(vocab), "year": str(2005 + i % 20),
                                    "language": langs[i % 3], "country": countries[i % 6], "type": types[i % 6]})
        c.request("POST", f"/api/library/folders/{folder}/documents?{q}", body=text.encode(), headers={"Authorization": "Bearer " + token, "Content-Type": "text/plain"})
        resp = c.getresponse(); resp.read()
        if resp.status != 201: errors.append(resp.status)
threads = [threading.Thread(target=work, args=(s,)) for s in range(8)]
[t.start() for t in threads]; [t.join() for t in threads]
if errors: raise SystemExit(f"{len(errors)} uploads failed, e.g. {errors[:5]}")
PY
SEED_SECONDS=$(( $(date +%s) - START ))
COUNT=$("${CURL[@]}" "$BASE/api/library/search?q=police+social+media" | json '["total"]')
[ "$COUNT" -ge "$DOCS" ] || die "the search finds $COUNT documents, not $DOCS"
RARE=$("${CURL[@]}" "$BASE/api/library/folders/$FOLDER?page=3" | python3 -c 'import sys,json; print(json.load(sys.stdin)["documents"][0]["title"].split()[-1])')
log "seeded in ${SEED_SECONDS}s; rare word: $RARE"

measure_guest() { # URL → "req/s p50 p99 non-2xx cpu-ms-per-request", as a guest (see lib.sh's measure)
  wrk -t2 -c16 -d"${WARMUP_SECONDS}s" "$1" >/dev/null
  local before after out
  before=$(server_cpu_ticks)
  out=$(wrk -t2 -c16 -d"${WRK_SECONDS}s" --latency "$1")
  after=$(server_cpu_ticks)
  echo "$out" | awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    /Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$NF} /requests in/ {n=$1}
    END {printf "%s %s %s %s %.2fms\n", rps, p50, p99, (bad==""?0:bad), (n > 0 ? ticks * 1000 / hz / n : 0)}'
}
declare -A ROWS
for what in "folder page 1|/library/folders/$FOLDER" "folder page 250|/library/folders/$FOLDER?page=250" \
            "search, all match|/library/search?q=police+social+media" "search, one word|/library/search?q=$RARE" \
            "search, filtered|/library/search?q=police&type=study&year=2010&language=en" "JSON search|/api/library/search?q=$RARE"; do
  name=${what%%|*}; path=${what#*|}
  log "measuring $name: $path"
  ROWS[$name]="$(measure_guest "$BASE$path") $path"
done

log "generating a 10 MB PDF and uploading it 10 times"
PDF="$HOME_DIR/big.pdf"
python3 - "$PDF" <<'PY'
import sys, random
r = random.Random(7)
words = ["police", "social", "media", "community", "evidence", "patrol", "report", "public", "officer", "training", "platform", "appeal"]
objs = ["<< /Type /Catalog /Pages 2 0 R >>", None, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
kids = []
pages = 400
for p in range(pages):
    lines = []
    for l in range(55):
        lines.append("(" + " ".join(r.choice(words) for _ in range(12)) + f" {p}-{l}) Tj 0 -13 Td")
    body = ("BT /F1 9 Tf 40 760 Td " + " ".join(lines) + " ET").encode()
    body = body + b" " * max(0, 25600 - len(body))  # about 25 KB a page: 10 MB in all
    objs.append(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    content = len(objs)
    objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>")
    kids.append(len(objs))
objs[1] = "<< /Type /Pages /Kids [" + " ".join(f"{k} 0 R" for k in kids) + f"] /Count {pages} >>"
out = bytearray(b"%PDF-1.4\n")
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += f"{i} 0 obj\n".encode() + (o if isinstance(o, bytes) else o.encode()) + b"\nendobj\n"
xref = len(out)
out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode() + b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
open(sys.argv[1], "wb").write(out)
PY
SIZE=$(stat -c %s "$PDF")
TIMES=()
UP_BEFORE=$(server_cpu_ticks)
for i in $(seq 1 10); do
  read -r code t < <("${CURL[@]}" -o /dev/null -w '%{http_code} %{time_total}\n' -X POST "$BASE/api/library/folders/$FOLDER/documents?name=big-$i.pdf&title=Big+$i" \
    -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/pdf' --data-binary "@$PDF")
  [ "$code" = 201 ] || die "upload $i answered $code"
  TIMES+=("$t")
done
UP_CPU=$(( ( $(server_cpu_ticks) - UP_BEFORE ) * 1000 / $(getconf CLK_TCK) / 10 ))
MEDIAN=$(printf '%s\n' "${TIMES[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
FOUND=$("${CURL[@]}" "$BASE/api/library/search?q=evidence+appeal+patrol" | json '["total"]')
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

echo "Seeded $DOCS documents in ${SEED_SECONDS} s (8 parallel REST clients). Load average before: $LOAD_BEFORE; after: $LOAD_AFTER."
echo
echo "| What (16 connections, guest, $DOCS documents) | Requests/s | p50 | p99 | Non-2xx | Server CPU per request |"
echo "|---|---|---|---|---|---|"
for name in "folder page 1" "folder page 250" "search, all match" "search, one word" "search, filtered" "JSON search"; do
  read -r rps p50 p99 bad cpu path <<<"${ROWS[$name]}"
  echo "| $name: \`$path\` | $rps | $p50 | $p99 | $bad | $cpu |"
done
echo
echo "| Upload of a $(( SIZE / 1024 / 1024 )) MB PDF (400 pages of text), one at a time | Median | All 10 (s) | MB/s at the median | Server CPU per upload | Found by a word inside |"
echo "|---|---|---|---|---|---|"
echo "| \`POST /api/library/folders/$FOLDER/documents\` | ${MEDIAN} s | ${TIMES[*]} | $(python3 -c "print(round($SIZE/1048576/$MEDIAN, 1))") | ${UP_CPU} ms | $FOUND of 10 |"
