#!/usr/bin/env bash
# Crawl benchmark of the registry (issue 5, crawl target): an Orthanc of our own holding 10,000 studies /
# 11,000 instances (load_orthanc.py, small valid DICOM with distinct UIDs) is crawled by the registry of
# the all-in-one server (run.sh starts it) into an empty index (schema "crawl" of the benchmark
# database): time and heap of the first crawl, then of an unchanged re-crawl. Appends a markdown section
# to bench/registry/results/<time>-crawl.md. Not part of any build or CI.
#
#   bench/registry/crawl.sh
#
# Environment: BENCH_CRAWL_STUDIES (10000), BENCH_ORTHANC_HTTP (27042), BENCH_ORTHANC_DICOM (27242),
# BENCH_DB (regbench), BENCH_KEEP_ORTHANC=1 keeps Orthanc and its storage (the next run skips loading).
# Needs: orthanc + orthanc-dicomweb, python3-pydicom (/usr/bin/python3), jq, a built all-in-one.
set -euo pipefail
cd "$(dirname "$0")/../.."

STUDIES="${BENCH_CRAWL_STUDIES:-10000}"
HTTP="${BENCH_ORTHANC_HTTP:-27042}"
DICOM="${BENCH_ORTHANC_DICOM:-27242}"
DB="${BENCH_DB:-regbench}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}"
export KEYCLOAK_URL="${KEYCLOAK_URL:-http://127.0.0.1:18180}"
ORTHANC_DIR="${BENCH_ORTHANC_DIR:-/tmp/regbench-orthanc}"
WORK="${BENCH_WORK:-/tmp/regbench-run}"
PORT="${BENCH_HTTP_PORT:-27080}"
BASE="http://127.0.0.1:$PORT"
ORTHANC="http://127.0.0.1:$HTTP"
AUTH=(-u orthanc:orthanc-pass)

cleanup() {
  BENCH_WORK="$WORK" bench/registry/run.sh stop || true
  if [[ "${BENCH_KEEP_ORTHANC:-0}" != 1 && -f $ORTHANC_DIR/orthanc.pid ]]; then
    kill "$(cat "$ORTHANC_DIR/orthanc.pid")" 2>/dev/null || true
    rm -rf "$ORTHANC_DIR"
  fi
}
trap cleanup EXIT

# --- the source archive ---------------------------------------------------------------------------
if ! curl -fsS "${AUTH[@]}" -o /dev/null "$ORTHANC/system" 2>/dev/null; then
  mkdir -p "$ORTHANC_DIR/storage"
  jq -n --argjson h "$HTTP" --argjson d "$DICOM" --arg s "$ORTHANC_DIR/storage" \
    --arg plugin /usr/share/orthanc/plugins/libOrthancDicomWeb.so '{
    Name: "BENCH_PACS", DicomAet: "BENCH_PACS", HttpPort: $h, DicomPort: $d, StorageDirectory: $s,
    IndexDirectory: $s, DefaultEncoding: "Utf8", RemoteAccessAllowed: false, AuthenticationEnabled: true,
    RegisteredUsers: {orthanc: "orthanc-pass"}, Plugins: [$plugin], SaveJobs: false,
    DicomWeb: {Enable: true, Root: "/dicom-web/", StudiesMetadata: "MainDicomTags", SeriesMetadata: "MainDicomTags"}}' \
    >"$ORTHANC_DIR/orthanc.json"
  setsid Orthanc "$ORTHANC_DIR/orthanc.json" >"$ORTHANC_DIR/orthanc.log" 2>&1 &
  echo $! >"$ORTHANC_DIR/orthanc.pid"
  until curl -fsS "${AUTH[@]}" -o /dev/null "$ORTHANC/system" 2>/dev/null; do sleep 0.5; done
fi
have="$(curl -fsS "${AUTH[@]}" "$ORTHANC/statistics" | jq .CountStudies)"
if ((have < STUDIES)); then
  /usr/bin/python3 bench/registry/load_orthanc.py "$ORTHANC" orthanc orthanc-pass "$STUDIES"
fi
counts="$(curl -fsS "${AUTH[@]}" "$ORTHANC/statistics" | jq -r '"\(.CountStudies) studies, \(.CountSeries) series, \(.CountInstances) instances"')"
echo "source: Orthanc $ORTHANC with $counts"

# --- the registry, on an empty index -----------------------------------------------------------------
psql -U postgres -d "$DB" -q -v ON_ERROR_STOP=1 -c "DROP SCHEMA IF EXISTS crawl CASCADE; CREATE SCHEMA crawl AUTHORIZATION exchange"
BENCH_REGISTRY_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB?currentSchema=crawl" \
  BENCH_SOURCES=bench-pacs BENCH_SOURCE_URL="$ORTHANC/dicom-web" BENCH_ONLY_START=1 BENCH_WORK="$WORK" \
  bench/registry/run.sh
pid="$(cat "$WORK/server.pid")"
jvm="$(pgrep -P "$pid" java || echo "$pid")"
token="$(scripts/peers.sh token exchange-platform)"

# crawl LABEL: POST /registry/api/crawls, sampling the heap every 2 s; prints one markdown table row.
crawl() {
  local label="$1" t0 t1 max=0 used sampler
  (while :; do jcmd "$jvm" GC.heap_info 2>/dev/null | awk '/used/{for(i=1;i<=NF;i++) if($i=="used"){print $(i+1); exit}}'; sleep 2; done) \
    >"$WORK/heap-$label.txt" &
  sampler=$!
  t0=$(date +%s.%N)
  curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"source":"bench-pacs"}' "$BASE/registry/api/crawls" >"$WORK/crawl-$label.json"
  t1=$(date +%s.%N)
  kill "$sampler"
  max="$(sed 's/K$//' "$WORK/heap-$label.txt" | sort -n | tail -1)"
  printf '| %s | %.1f | %s | %s MB |\n' "$label" "$(echo "$t1 - $t0" | bc -l)" \
    "$(jq -c '.[0] | {studies, series, instances, added, updated, removed}' "$WORK/crawl-$label.json" 2>/dev/null || cat "$WORK/crawl-$label.json")" \
    "$((${max:-0} / 1024))"
}

mkdir -p bench/registry/results
report="bench/registry/results/$(date -u +%Y-%m-%dT%H%MZ)-crawl.md"
{
  echo "# Registry crawl benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "- commit: \`$(git rev-parse --short HEAD)\`; hardware: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- source: our own Orthanc $(Orthanc --version 2>/dev/null | head -1 | awk '{print $NF}') with DICOMweb plugin, $counts (load_orthanc.py)"
  echo "- registry: all-in-one server, $(grep -h Xmx all-in-one/src/main/liberty/config/jvm.options) heap bound, empty index (PostgreSQL schema crawl), crawl page size and parallelism at their defaults"
  echo "- heap: most used heap seen by jcmd GC.heap_info every 2 s during the crawl"
  echo
  echo "| crawl | seconds | result | heap used (max) |"
  echo "|---|---|---|---|"
  crawl first
  crawl unchanged
  echo
  echo "Index afterwards: $(psql -U postgres -d "$DB" -Atc "SELECT (SELECT count(*) FROM crawl.imaging_study) || ' studies, ' || (SELECT count(*) FROM crawl.imaging_series) || ' series, ' || (SELECT count(*) FROM crawl.imaging_instance) || ' instances'")"
} | tee "$report"
echo "report: $report"
