#!/usr/bin/env bash
# Start-up and memory benchmark (issue 11): how long the Liberty servers take to become ready and how
# much they hold resident.
#
#   all-in-one  the local run's server (six WARs, H2 files, as ./exchange starts it), started
#               BENCH_RUNS times from empty databases: seconds until /health/ready answers UP, until
#               every context root answers (what ./exchange waits for), Liberty's own "server ready"
#               (CWWKF0011I) and per-application start times (CWWKZ0001I); resident memory (RSS of
#               the server's process group) after start and after the demo scenario (the load: crawl
#               of the demo PACS, C-STORE, report posts, searches, WADO-RS retrievals, audit reads),
#               the demo's own duration and its result
#   components  each component's own server (the one its integration tests start), on H2, started
#               BENCH_RUNS times: seconds until /health/ready answers UP, RSS when ready
# Medians of the runs, each run and the load average go to bench/startup/results/<UTC stamp>[-LABEL].md
# (and .tsv with the raw figures). Not part of any build or CI. See bench/startup/README.md.
#
#   mvn -B -q install -DskipTests -DskipITs    # once: the WARs and the demo client
#   bench/startup/run.sh [LABEL]
#   bench/startup/run.sh --report RESULTS.tsv   # write RESULTS.md again from the raw figures
#
# Tunables: BENCH_RUNS (3), BENCH_TARGETS ("all-in-one components"), BENCH_COMPONENTS (all six),
# BENCH_PORT_BASE (32000: platform 32080, its DICOM AE 32112, demo PACS 32042/32242, component servers
# 32081-32086, registry DICOM 32113), BENCH_START_TIMEOUT (900 s), KEYCLOAK_URL (http://127.0.0.1:18180, realm imaging, must be
# running), BENCH_WORK (work directory, default $REPO/.run/bench-startup; Liberty usr/output
# directories, H2 files, the demo PACS's storage), MVN_ARGS (extra Maven arguments for assembling the
# servers, e.g. "-o -Dmaven.repo.local=..."), BENCH_ASSEMBLE=0 (measure the servers already assembled in
# BENCH_WORK, e.g. those of an earlier commit, instead of assembling them from this work tree),
# BENCH_COMMIT (the commit named in the report; default the work tree's HEAD).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO="$(pwd -P)"
WORK="${BENCH_WORK:-$REPO/.run/bench-startup}"
export EXCHANGE_RUN_DIR="$WORK/run"
# shellcheck source=../../scripts/lib/common.sh
. scripts/lib/common.sh
# shellcheck source=../../scripts/lib/orthanc.sh
. scripts/lib/orthanc.sh

REPORT_ONLY=""
if [[ "${1:-}" == --report ]]; then
  REPORT_ONLY="${2:?usage: bench/startup/run.sh --report RESULTS.tsv}"
  set -- "$(basename "$REPORT_ONLY" .tsv | sed -n 's/^[0-9TZ]*-//p')"
fi
LABEL="${1:-}"
RUNS="${BENCH_RUNS:-3}"
TARGETS="${BENCH_TARGETS:-all-in-one components}"
COMPONENTS="${BENCH_COMPONENTS:-gateway study-registry report-store retrieval-proxy consent audit}"
BASE="${BENCH_PORT_BASE:-32000}"
KEYCLOAK_URL="${KEYCLOAK_URL:-http://127.0.0.1:18180}"
read -r -a MVN_EXTRA <<<"${MVN_ARGS:-}"
PLATFORM_PORT=$((BASE + 80))
PLATFORM_DIMSE_PORT=$((BASE + 112))
REGISTRY_DIMSE_PORT=$((BASE + 113))
PACS_HTTP_PORT=$((BASE + 42))
PACS_DICOM_PORT=$((BASE + 242))
LIBERTY_HOME="$EXCHANGE_CACHE/openliberty-26.0.0.5/wlp"
START_TIMEOUT="${BENCH_START_TIMEOUT:-900}"
LMP=io.openliberty.tools:liberty-maven-plugin:3.12.0
STAMP="$(date -u +%Y%m%dT%H%MZ)"
[[ -z "$REPORT_ONLY" ]] || STAMP="$(basename "$REPORT_ONLY" .tsv | cut -d- -f1)"
RESULTS_DIR="$REPO/bench/startup/results"
REPORT="$RESULTS_DIR/$STAMP${LABEL:+-$LABEL}.md"
[[ -z "$REPORT_ONLY" ]] || REPORT="${REPORT_ONLY%.tsv}.md"
TSV="${REPORT%.md}.tsv"
DEMO_JAVA="$(java_home_min 17)/bin/java"
PACS_STARTED=0
CURRENT_PID_FILE=""

runs_of() { awk -F'\t' -v n="$1" '$1 == n' "$TSV" | wc -l; }
BENCH_JAVA_VERSION="$("$LIBERTY_HOME/bin/server" version 2>/dev/null | sed -n 's/.*on \(.*\)$/\1/p' | head -n1)"
BENCH_JAVA_VERSION="${BENCH_JAVA_VERSION:-$(java -version 2>&1 | head -n1)}"
COMMIT="${BENCH_COMMIT:-$(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD || echo ' (with local changes)')}"

need_cmd curl jq awk ps setsid
if [[ -z "$REPORT_ONLY" ]]; then
  [[ -x "$LIBERTY_HOME/bin/server" ]] || die "Open Liberty not found at $LIBERTY_HOME (run the build once)"
  [[ -f all-in-one/target/all-in-one.jar ]] || die "build first: mvn -B -q install -DskipTests -DskipITs"
  curl -fsS -o /dev/null "$KEYCLOAK_URL/realms/imaging" || die "Keycloak does not answer at $KEYCLOAK_URL"
  mkdir -p "$WORK" "$RESULTS_DIR"
fi

cleanup() {
  [[ -n "$CURRENT_PID_FILE" ]] && stop_pidfile "$CURRENT_PID_FILE" server 60 || true
  ((PACS_STARTED)) && orthanc_stop pacs || true
}
trap cleanup EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# RSS (MiB) of the processes of a pid file's process group.
rss_mib() {
  ps -o rss= -g "$(cat "$1")" 2>/dev/null | awk '{ s += $1 } END { printf "%d", s / 1024 }'
}

# wait_ready URL TIMEOUT: poll every 0.2 s until URL answers 2xx; 1 on timeout.
wait_ready() {
  local url="$1" deadline=$((SECONDS + $2))
  while ((SECONDS < deadline)); do
    curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}

# Liberty's own figures from messages.log (JSON lines): server ready (CWWKF0011I) in seconds after the
# launch, and "app=seconds" for every CWWKZ0001I.
liberty_ready_seconds() {
  local log="$1" t0="$2" ts
  ts="$(jq -R -r 'fromjson? | select(.ibm_messageId == "CWWKF0011I") | .ibm_datetime' "$log" 2>/dev/null | head -n1)"
  [[ -n "$ts" ]] || { echo "-"; return; }
  awk -v a="$t0" -v b="$(date -d "$ts" +%s.%N)" 'BEGIN { printf "%.1f", b - a }'
}
liberty_app_seconds() {
  jq -R -r 'fromjson? | select(.ibm_messageId == "CWWKZ0001I") | .message' "$1" 2>/dev/null |
    sed -n 's/^CWWKZ0001I: Application \([^ ]*\) started in \([0-9.]*\) seconds.*/\1=\2/p' | sort | paste -sd' '
}

# assemble MODULE SERVER USR: the module's Liberty server (server.xml, WARs, JDBC drivers) in USR.
assemble() {
  local module="$1" usr="$3"
  rm -rf "$usr" "$(dirname "$usr")/output"
  (cd "$REPO" && mvn -B -q "${MVN_EXTRA[@]}" -pl "$module" "$LMP:create" "$LMP:deploy" -DskipITs \
    -Dliberty.usr.dir="$usr") >"$WORK/assemble-$2.log" 2>&1 || die "could not assemble $module (see $WORK/assemble-$2.log)"
}

# --- all-in-one ---------------------------------------------------------------------------------
bench_all_in_one() {
  local dir="$WORK/all-in-one" usr="$WORK/all-in-one/usr" out="$WORK/all-in-one/output" run
  local base="http://127.0.0.1:$PLATFORM_PORT" kc="$KEYCLOAK_URL"
  require_port_free "$PLATFORM_PORT" "the all-in-one server"
  require_port_free "$PLATFORM_DIMSE_PORT" "the all-in-one server's DICOM AE"
  if ((!PACS_STARTED)); then
    ORTHANC_EXCHANGE_PORT="$PLATFORM_DIMSE_PORT" orthanc_start "$PACS_HTTP_PORT" "$PACS_DICOM_PORT" HOSPITAL_A pacs
    PACS_STARTED=1
    orthanc_load pacs "$EXCHANGE_CACHE/samples/demo" >/dev/null
  fi
  for run in $(seq 1 "$RUNS"); do
    rm -rf "$out"/*/logs "$dir/data" "$dir/audit-outbox"
    mkdir -p "$out" "$dir/data"
    local load_before t0 t_ready t_roots rss_start rss_demo demo_rc demo_s t_demo probe log
    load_before="$(loadavg)"
    CURRENT_PID_FILE="$dir/liberty.pid"
    t0="$(now)"
    WLP_USER_DIR="$usr" WLP_OUTPUT_DIR="$out" \
      HTTP_PORT="$PLATFORM_PORT" DB_KIND=h2 DB_DIR="$dir/data" \
      OIDC_ISSUER="$kc/realms/imaging" \
      EXCHANGE_OAUTH_TOKEN_URL="$kc/realms/imaging/protocol/openid-connect/token" \
      EXCHANGE_REGISTRY_URL="$base/registry" EXCHANGE_REPORTS_URL="$base/reports" \
      EXCHANGE_RETRIEVAL_URL="$base/retrieval" EXCHANGE_CONSENT_URL="$base/consent" EXCHANGE_AUDIT_URL="$base/audit" \
      EXCHANGE_AUDIT_OUTBOX_DIR="$dir/audit-outbox" \
      EXCHANGE_CONSENT_DEFAULT_POLICY=opt-in \
      EXCHANGE_REGISTRY_SOURCES=hospital-a \
      EXCHANGE_DIMSE_PORT="$PLATFORM_DIMSE_PORT" EXCHANGE_DIMSE_AE_TITLE=EXCHANGE \
      EXCHANGE_DIMSE_BIND_ADDRESS=127.0.0.1 \
      EXCHANGE_DIMSE_AES=HOSPITAL_A,HOSPITAL_B \
      EXCHANGE_DIMSE_AE_HOSPITAL_A_ORGANIZATION_ID=hospital-a EXCHANGE_DIMSE_AE_HOSPITAL_A_COUNTRY=NL \
      EXCHANGE_DIMSE_AE_HOSPITAL_B_ORGANIZATION_ID=hospital-b EXCHANGE_DIMSE_AE_HOSPITAL_B_COUNTRY=BE \
      EXCHANGE_REGISTRY_SOURCE_HOSPITAL_A_QIDO_URL="http://127.0.0.1:$PACS_HTTP_PORT/dicom-web" \
      EXCHANGE_REGISTRY_SOURCE_HOSPITAL_A_USERNAME=orthanc EXCHANGE_REGISTRY_SOURCE_HOSPITAL_A_PASSWORD=orthanc-pass \
      EXCHANGE_REGISTRY_SOURCE_HOSPITAL_A_ORGANIZATION_ID=hospital-a \
      EXCHANGE_REGISTRY_SOURCE_HOSPITAL_A_AE_TITLE=HOSPITAL_A \
      EXCHANGE_REGISTRY_PUBLIC_WADO_BASE="$base/dicomweb" EXCHANGE_PUBLIC_FHIR_BASE="$base/fhir" \
      EXCHANGE_RETRIEVAL_SOURCE_HOSPITAL_A_USERNAME=orthanc EXCHANGE_RETRIEVAL_SOURCE_HOSPITAL_A_PASSWORD=orthanc-pass \
      spawn_session "$dir/liberty.pid" "$dir/console.log" "$LIBERTY_HOME/bin/server" run exchange
    wait_ready "$base/health/ready" "$START_TIMEOUT" || die "all-in-one: not ready after ${START_TIMEOUT}s ($dir/console.log)"
    t_ready="$(now)"
    for probe in /registry/metrics /reports/metrics /consent/metrics /audit/metrics /retrieval/metrics; do
      wait_ready "$base$probe" "$START_TIMEOUT" || die "all-in-one: $probe does not answer"
    done
    t_roots="$(now)"
    sleep 2
    rss_start="$(rss_mib "$dir/liberty.pid")"
    log="$out/exchange/logs/messages.log"
    local t_demo0
    t_demo0="$(now)"
    demo_rc=0
    GATEWAY_URL="$base" KEYCLOAK_URL="$kc" PACS_URL="http://127.0.0.1:$PACS_HTTP_PORT" \
      REGISTRY_AET=EXCHANGE REGISTRY_DICOM_PORT="$PLATFORM_DIMSE_PORT" \
      "$DEMO_JAVA" -cp "$WORK/demo-client/all-in-one.jar:$WORK/demo-client/lib/*" \
      org.imagingexchange.demo.DemoScenario >"$dir/demo-$run.log" 2>&1 || demo_rc=$?
    t_demo="$(now)"
    demo_s="$(elapsed "$t_demo0" "$t_demo")"
    sleep 2
    rss_demo="$(rss_mib "$dir/liberty.pid")"
    local demo_result
    demo_result="$(tail -n1 "$dir/demo-$run.log")"
    ((demo_rc == 0)) || warn "all-in-one run $run: the demo did not pass: $demo_result"
    printf 'all-in-one\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$(elapsed "$t0" "$t_ready")" \
      "$(elapsed "$t0" "$t_roots")" "$(liberty_ready_seconds "$log" "$t0")" "$rss_start" "$rss_demo" "$demo_s" \
      "$demo_rc" "$load_before" "$(loadavg)" "$(liberty_app_seconds "$log")" >>"$TSV"
    log "all-in-one run $run: ready $(elapsed "$t0" "$t_ready") s, all roots $(elapsed "$t0" "$t_roots") s, RSS $rss_start MiB, after demo $rss_demo MiB ($demo_result)"
    stop_pidfile "$dir/liberty.pid" all-in-one 60
    CURRENT_PID_FILE=""
  done
}

# --- component servers --------------------------------------------------------------------------
module_of() {
  case "$1" in
    gateway) echo gateway ;;
    *) echo "services/$1" ;;
  esac
}

bench_component() {
  local name="$1" port="$2" dir="$WORK/$1" run
  local usr="$dir/usr" out="$dir/output" base="http://127.0.0.1:$2" kc="$KEYCLOAK_URL"
  require_port_free "$port" "the $name server"
  for run in $(seq 1 "$RUNS"); do
    rm -rf "$out"/*/logs "$out"/*/data "$out"/*/audit-outbox
    mkdir -p "$out"
    local load_before t0 t_ready rss log
    load_before="$(loadavg)"
    CURRENT_PID_FILE="$dir/liberty.pid"
    t0="$(now)"
    WLP_USER_DIR="$usr" WLP_OUTPUT_DIR="$out" HTTP_PORT="$port" HTTP_HOST=127.0.0.1 DB_KIND=h2 \
      OIDC_ISSUER="$kc/realms/imaging" \
      EXCHANGE_OAUTH_TOKEN_URL="$kc/realms/imaging/protocol/openid-connect/token" \
      EXCHANGE_REGISTRY_URL="http://127.0.0.1:9/registry" EXCHANGE_REPORTS_URL="http://127.0.0.1:9/reports" \
      EXCHANGE_RETRIEVAL_URL="http://127.0.0.1:9/retrieval" EXCHANGE_CONSENT_URL="http://127.0.0.1:9/consent" \
      EXCHANGE_AUDIT_URL="http://127.0.0.1:9/audit" EXCHANGE_AUDIT_OUTBOX_DIR="$out/audit-outbox" \
      EXCHANGE_REGISTRY_SOURCES=hospital-a \
      EXCHANGE_REGISTRY_SOURCE_HOSPITAL_A_QIDO_URL="http://127.0.0.1:9/dicom-web" \
      EXCHANGE_REGISTRY_SOURCE_HOSPITAL_A_ORGANIZATION_ID=hospital-a \
      EXCHANGE_DIMSE_PORT="$REGISTRY_DIMSE_PORT" EXCHANGE_DIMSE_BIND_ADDRESS=127.0.0.1 \
      EXCHANGE_PUBLIC_FHIR_BASE="$base/fhir" EXCHANGE_REGISTRY_PUBLIC_WADO_BASE="$base/dicomweb" \
      spawn_session "$dir/liberty.pid" "$dir/console.log" "$LIBERTY_HOME/bin/server" run "$(basename "$(ls -d "$usr"/servers/*)")"
    wait_ready "$base/health/ready" "$START_TIMEOUT" || die "$name: not ready after ${START_TIMEOUT}s ($dir/console.log)"
    t_ready="$(now)"
    sleep 2
    rss="$(rss_mib "$dir/liberty.pid")"
    log="$(ls "$out"/*/logs/messages.log)"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$run" "$(elapsed "$t0" "$t_ready")" "-" \
      "$(liberty_ready_seconds "$log" "$t0")" "$rss" "-" "-" "-" "$load_before" "$(loadavg)" \
      "$(liberty_app_seconds "$log")" >>"$TSV"
    log "$name run $run: ready $(elapsed "$t0" "$t_ready") s, RSS $rss MiB"
    stop_pidfile "$dir/liberty.pid" "$name" 60
    CURRENT_PID_FILE=""
  done
}

# --- report -------------------------------------------------------------------------------------
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-" } else if (NR % 2) { print v[(NR + 1) / 2] } else { printf "%.1f", (v[NR / 2] + v[NR / 2 + 1]) / 2 } }'; }
col_median() { awk -F'\t' -v n="$1" -v c="$2" '$1 == n && $c != "-" { print $c }' "$TSV" | median; }

write_report() {
  {
    echo "# Start-up benchmark ${LABEL:+($LABEL) }$STAMP"
    echo
    echo "Commit \`$COMMIT\`, $(nproc) cores, $(awk '/MemTotal/ { printf "%d GiB", $2 / 1048576 }' /proc/meminfo) RAM,"\
      "$BENCH_JAVA_VERSION, Open Liberty 26.0.0.5; command \`bench/startup/run.sh${LABEL:+ $LABEL}\`."
    echo "Seconds from launching \`server run\` to the answer; RSS of the server's process group. Run 1 starts"\
      "with a new server output directory (workarea, keystore, LTPA keys); later runs keep it, as ./exchange does."
    echo
    if grep -q '^all-in-one' "$TSV"; then
      echo "## All-in-one server (median of $(runs_of all-in-one) runs)"
      echo
      echo "| /health/ready UP | every context root | Liberty ready (CWWKF0011I) | RSS after start | RSS after demo | demo |"
      echo "|---|---|---|---|---|---|"
      echo "| $(col_median all-in-one 3) s | $(col_median all-in-one 4) s | $(col_median all-in-one 5) s | $(col_median all-in-one 6) MiB | $(col_median all-in-one 7) MiB | $(col_median all-in-one 8) s |"
      echo
      echo "| run | ready | roots | Liberty | RSS start | RSS demo | demo s | demo exit | load before | load after | CWWKZ0001I per application (s) |"
      echo "|---|---|---|---|---|---|---|---|---|---|---|"
      awk -F'\t' '$1 == "all-in-one" { printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 }' "$TSV"
      echo
    fi
    if grep -qv '^all-in-one' "$TSV"; then
      echo "## Each component's own server (median of the runs)"
      echo
      echo "| component | /health/ready UP | Liberty ready | RSS when ready | runs (ready s) | load before first run |"
      echo "|---|---|---|---|---|---|"
      local c
      for c in $COMPONENTS; do
        grep -q "^$c	" "$TSV" || continue
        echo "| $c | $(col_median "$c" 3) s | $(col_median "$c" 5) s | $(col_median "$c" 6) MiB |"\
          "$(awk -F'\t' -v n="$c" '$1 == n { print $3 }' "$TSV" | paste -sd' ') |"\
          "$(awk -F'\t' -v n="$c" '$1 == n { print $10; exit }' "$TSV") |"
      done
      echo
    fi
  } >"$REPORT"
}

# Every server is assembled (and the demo client copied) before the first run, so that a build during
# the runs does not change what is measured.
if [[ -n "$REPORT_ONLY" ]]; then
  trap - EXIT
  write_report
  cat "$REPORT"
  exit 0
fi

if [[ "${BENCH_ASSEMBLE:-1}" == 1 ]]; then
  rm -rf "$WORK/demo-client" && mkdir -p "$WORK/demo-client"
  cp -r all-in-one/target/all-in-one.jar all-in-one/target/lib "$WORK/demo-client/"
  for target in $TARGETS; do
    case "$target" in
      all-in-one) log "all-in-one: assembling the server" && assemble all-in-one exchange "$WORK/all-in-one/usr" ;;
      components)
        for c in $COMPONENTS; do
          log "$c: assembling its server"
          assemble "$(module_of "$c")" "$c" "$WORK/$c/usr"
        done
        ;;
    esac
  done
fi

: >"$TSV"
for target in $TARGETS; do
  case "$target" in
    all-in-one) bench_all_in_one ;;
    components)
      i=1
      for c in $COMPONENTS; do
        bench_component "$c" $((BASE + 80 + i))
        i=$((i + 1))
      done
      ;;
    *) die "unknown target: $target" ;;
  esac
done
write_report
log "report: $REPORT"
cat "$REPORT"
