#!/usr/bin/env bash
# Gateway load benchmark (issue 6, "Load"): the whole platform as `./exchange up` runs it (all-in-one server on
# H2, real Keycloak, the demo PACS loaded with the sample studies, the demo scenario run so that patient 1CT1 has
# consented), then two phases of closed-loop clients sending a mix of QIDO-RS (consented, unconsented, custodian),
# FHIR ImagingStudy search and WADO-RS retrieval, every answer checked against the archive:
#   soak     BENCH_CLIENTS (200) clients for BENCH_SECONDS (600), every request through the gateway; the platform's
#            RSS and heap sampled every 10 s;
#   compare  BENCH_COMPARE_CLIENTS (10) clients for BENCH_COMPARE_SECONDS (120), each request through the gateway
#            or straight to the service with equal chance (same token, same load): the gateway's overhead.
# Report: bench/gateway/results/<time>.md. Not part of any build or CI.
#
#   bench/gateway/run.sh
#   BENCH_CLIENTS=20 BENCH_SECONDS=60 BENCH_COMPARE_SECONDS=30 bench/gateway/run.sh   # a short try
#
# Ports (127.0.0.1 only, all shifted from the local run's so a running `./exchange up` is not disturbed):
# BENCH_PORT_BASE (30000) + 80 platform, +180/+181 Keycloak, +42/+43 PACS, +112 the platform's DICOM port, +75 MLLP,
# +44/+45 the DIMSE-only archive.
# Work files under BENCH_WORK (/tmp/ie-gateway-bench.work), removed at the end; the platform's logs are kept in
# BENCH_WORK.logs. BENCH_JFR=1 records the platform with JFR (settings=profile) for BENCH_JFR_SECONDS (120) in the
# middle of the soak and writes the hot-spot summary of bench/retrieval/jfr-summary.sh next to the report
# (<time>-profile.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO="$(pwd -P)"
CLIENTS="${BENCH_CLIENTS:-200}"
MEASURE_SECONDS="${BENCH_SECONDS:-600}"
COMPARE_CLIENTS="${BENCH_COMPARE_CLIENTS:-10}"
COMPARE_SECONDS="${BENCH_COMPARE_SECONDS:-120}"
JFR_SECONDS="${BENCH_JFR_SECONDS:-120}"
WARMUP_SECONDS="${BENCH_WARMUP:-30}"
PORT_BASE="${BENCH_PORT_BASE:-30000}"
WORK="${BENCH_WORK:-/tmp/ie-gateway-bench.work}"
export GATEWAY_PORT=$((PORT_BASE + 80)) KEYCLOAK_PORT=$((PORT_BASE + 180)) KEYCLOAK_MGMT_PORT=$((PORT_BASE + 181))
export PACS_HTTP_PORT=$((PORT_BASE + 42)) PACS_DICOM_PORT=$((PORT_BASE + 43)) REGISTRY_DICOM_PORT=$((PORT_BASE + 112))
export MLLP_PORT=$((PORT_BASE + 75)) LEGACY_PACS_HTTP_PORT=$((PORT_BASE + 44)) LEGACY_PACS_DICOM_PORT=$((PORT_BASE + 45))
export EXCHANGE_RUN_DIR="$WORK/run"
# shellcheck source=../../scripts/lib/common.sh
. scripts/lib/common.sh
STAMP="$(date -u +%Y-%m-%dT%H%MZ)"
RESULTS="$REPO/bench/gateway/results"
REPORT="$RESULTS/$STAMP.md"
mkdir -p "$WORK" "$RESULTS"

cleanup() {
  [[ -n "${SAMPLER_PID:-}" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  ./exchange down >>"$WORK/up.log" 2>&1 || true
  [[ -n "${UP_PID:-}" ]] && wait "$UP_PID" 2>/dev/null || true
  rm -rf "$WORK.logs" && mkdir -p "$WORK.logs"
  cp "$WORK/up.log" "$WORK.logs/" 2>/dev/null || true
  find "$WORK/run/platform" -name 'messages*.log' -exec cp {} "$WORK.logs/" \; 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

log "gateway bench: starting the platform (./exchange up on ports $PORT_BASE+; log $WORK/up.log)"
./exchange up >"$WORK/up.log" 2>&1 &
UP_PID=$!
for _ in $(seq 1 900); do
  grep -q "Imaging Exchange is up" "$WORK/up.log" && break
  kill -0 "$UP_PID" 2>/dev/null || die "./exchange up ended early: $(tail -5 "$WORK/up.log")"
  sleep 1
done
grep -q "Imaging Exchange is up" "$WORK/up.log" || die "the platform was not up after 900 s"
grep -q "demo passed" "$WORK/up.log" || die "the demo scenario did not pass: $(grep -m1 'demo failed' "$WORK/up.log")"
PID="$(cat "$EXCHANGE_RUN_DIR/platform/liberty.pid")"
JAVA_BIN="$(java_home_min 17)/bin"

# RSS and heap of the platform every 10 s: seconds, RSS MiB, heap used MiB, old generation used MiB.
(
  t0=$SECONDS
  while kill -0 "$PID" 2>/dev/null; do
    rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$PID/status")
    heap=$("$JAVA_BIN/jstat" -gc "$PID" 2>/dev/null | awk 'NR==2 {printf "%.0f %.0f", ($3+$4+$6+$8)/1024, $8/1024}')
    echo "$((SECONDS - t0)) $rss $heap"
    sleep 10
  done
) >"$WORK/memory.txt" &
SAMPLER_PID=$!

log "gateway bench: soak, $CLIENTS clients through the gateway, ${WARMUP_SECONDS}s warm-up + ${MEASURE_SECONDS}s"
if [[ "${BENCH_JFR:-0}" == 1 ]]; then
  (sleep $((WARMUP_SECONDS + (MEASURE_SECONDS - JFR_SECONDS) / 2)) && "$JAVA_BIN/jcmd" "$PID" JFR.start name=bench \
    settings=profile filename="$WORK/platform.jfr" duration="${JFR_SECONDS}s" >/dev/null) &
fi
client() { # CLIENTS SECONDS REPORT MODE
  "$JAVA_BIN/java" -Xmx1g "$REPO/bench/gateway/GatewayLoadClient.java" "http://127.0.0.1:$GATEWAY_PORT" \
    "http://127.0.0.1:$PACS_HTTP_PORT/dicom-web" "orthanc:orthanc-pass" "http://127.0.0.1:$KEYCLOAK_PORT" \
    "$1" "$2" "$WARMUP_SECONDS" "$3" "$4"
}
client "$CLIENTS" "$MEASURE_SECONDS" "$WORK/soak.md" gateway
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=
log "gateway bench: compare, $COMPARE_CLIENTS clients, gateway or direct, ${COMPARE_SECONDS}s"
client "$COMPARE_CLIENTS" "$COMPARE_SECONDS" "$WORK/compare.md" both

{
  echo "# Gateway load, $STAMP"
  echo
  echo "Commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with local changes)'); $(nproc) cores;"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). Platform: all-in-one server of \`./exchange up\`"
  echo "(H2, one JVM holding gateway and services, so \"direct\" calls skip only the gateway's hop and checks)."
  echo "Command: \`BENCH_CLIENTS=$CLIENTS BENCH_SECONDS=$MEASURE_SECONDS BENCH_WARMUP=$WARMUP_SECONDS BENCH_COMPARE_CLIENTS=$COMPARE_CLIENTS BENCH_COMPARE_SECONDS=$COMPARE_SECONDS bench/gateway/run.sh\`."
  echo
  echo "## Soak: $CLIENTS clients through the gateway"
  echo
  cat "$WORK/soak.md"
  echo
  echo "Platform memory per minute (max of the 10 s samples; heap used includes garbage not yet collected,"
  echo "old generation used is what survived collections):"
  echo
  echo "| minute | RSS MiB | heap used MiB | old gen used MiB |"
  echo "|---:|---:|---:|---:|"
  awk '{m=int($1/60); if ($2>r[m]) r[m]=$2; if ($3>h[m]) h[m]=$3; if ($4>o[m]) o[m]=$4; if (m>max) max=m}
       END {for (i=0;i<=max;i++) printf "| %d | %d | %d | %d |\n", i, r[i], h[i], o[i]}' "$WORK/memory.txt"
  echo
  echo "## Gateway overhead: $COMPARE_CLIENTS clients, gateway or direct"
  echo
  cat "$WORK/compare.md"
} >"$REPORT"
if [[ "${BENCH_JFR:-0}" == 1 ]]; then
  for _ in $(seq 1 30); do [[ -s "$WORK/platform.jfr" ]] && break; sleep 2; done
  bench/retrieval/jfr-summary.sh "$WORK/platform.jfr" >"$RESULTS/$STAMP-profile.md" || warn "no JFR summary"
fi
log "gateway bench: report $REPORT"
cat "$REPORT"
