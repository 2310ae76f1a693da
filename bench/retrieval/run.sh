#!/usr/bin/env bash
# WADO-RS retrieval benchmark (issue 8): the same Retrieve Study request (PS3.18 §10.4.1.1.1,
# Accept: multipart/related; type="application/dicom"; transfer-syntax=*) for a ~1 GB study (250 MR
# instances) and a 0.5 MB study, at 1, 10 and 50 concurrent clients, side by side in one run against
#   direct    an Orthanc + DICOMweb started here (the source archive)
#   nginx1    Debian nginx as reverse proxy in front of it (one hop)
#   nginx2    two chained nginx hops
#   platform  the all-in-one server (gateway -> retrieval proxy -> Orthanc; registry, consent and
#             audit in the same server), real Keycloak tokens (clinician-b, consent of the patient)
#   static    nginx serving the same response bytes as a file with sendfile (the loopback ceiling)
# Reports MB/s, requests/s, time to first byte, ratios to direct and the platform's heap and RSS in
# bench/retrieval/results/. Not part of any build or CI. See bench/retrieval/README.md.
#
#   mvn -B -q package -DskipTests -DskipITs -pl all-in-one -am   # once: the WARs it deploys
#   bench/retrieval/run.sh
#
# Tunables: BENCH_SECONDS (window per cell, 15), BENCH_CLIENTS ("1 10 50"), BENCH_TARGETS
# ("direct nginx1 nginx2 platform static"), BENCH_STUDIES ("large small"), BENCH_HEAP (platform -Xmx,
# 768m: the six WARs of the all-in-one server do not start in 256m), BENCH_JFR=1 (record the platform with JFR, profile settings, and write a hot-spot summary),
# KEYCLOAK_URL (http://127.0.0.1:18180, realm imaging, must be running), BENCH_PORT_BASE (29000): ports
# base+42/43 (Orthanc), base+80 (platform), base+112 (platform DICOM), base+81..83 (nginx, started only
# for the nginx and static targets), all on 127.0.0.1; BENCH_STUDY_CACHE. Work files under
# ${BENCH_WORK:-/tmp/ie-retrieval-bench.work}, removed at the end; the generated studies and the
# source Orthanc's storage holding them are kept in ${BENCH_STUDY_CACHE:-$EXCHANGE_CACHE/bench-retrieval} (~2.1 GB;
# only the studies in BENCH_STUDIES are generated). BENCH_START_SECONDS (600): how long the platform may take to
# start (on a loaded machine the six WARs take longer).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO="$(pwd -P)"
WORK="${BENCH_WORK:-/tmp/ie-retrieval-bench.work}"
export EXCHANGE_RUN_DIR="$WORK/run"
# shellcheck source=../../scripts/lib/common.sh
. scripts/lib/common.sh
# shellcheck source=../../scripts/lib/orthanc.sh
. scripts/lib/orthanc.sh   # ORTHANC_* settings and orthanc_load

SECONDS_PER_CELL="${BENCH_SECONDS:-15}"
CLIENTS="${BENCH_CLIENTS:-1 10 50}"
TARGETS="${BENCH_TARGETS:-direct nginx1 nginx2 platform static}"
STUDIES="${BENCH_STUDIES:-large small}"
HEAP="${BENCH_HEAP:-768m}"
KEYCLOAK_URL="${KEYCLOAK_URL:-http://127.0.0.1:18180}"
export KEYCLOAK_URL
PORT_BASE="${BENCH_PORT_BASE:-29000}"
ORTHANC_HTTP=$((PORT_BASE + 42))
ORTHANC_DICOM=$((PORT_BASE + 43))
GATEWAY_PORT=$((PORT_BASE + 80))
DIMSE_PORT=$((PORT_BASE + 112))
NGINX_ONE=$((PORT_BASE + 81))
NGINX_TWO=$((PORT_BASE + 82))
NGINX_STATIC=$((PORT_BASE + 83))
export ORTHANC_EXCHANGE_PORT="$DIMSE_PORT"
LIBERTY_HOME="$EXCHANGE_CACHE/openliberty-26.0.0.5/wlp"
STUDY_CACHE="${BENCH_STUDY_CACHE:-$EXCHANGE_CACHE/bench-retrieval}"
ACCEPT='multipart/related; type="application/dicom"; transfer-syntax=*'
BASIC="Basic $(printf '%s' "$ORTHANC_USER:$ORTHANC_PASSWORD" | base64)"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RESULTS_DIR="$REPO/bench/retrieval/results"
JSONL="$RESULTS_DIR/$STAMP.jsonl"
CLIENT_JAVA="$(java_home_min 21 || java_home_min 17)/bin/java"

ORTHANC_DIR="$STUDY_CACHE/orthanc"
ORTHANC_PID_FILE="$WORK/orthanc.pid"
PLATFORM_PID_FILE="$WORK/platform.pid"
NGINX_PID_FILE="$WORK/nginx.pid"
SAMPLER_PID=""
cleanup() {
  [[ -z "$SAMPLER_PID" ]] || kill "$SAMPLER_PID" 2>/dev/null || true
  stop_pidfile "$PLATFORM_PID_FILE" platform 60 || true
  stop_pidfile "$NGINX_PID_FILE" nginx 10 || true
  stop_pidfile "$ORTHANC_PID_FILE" orthanc 30 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- prerequisites ------------------------------------------------------------------------------------
need_cmd curl jq
NGINX_TARGETS=0
[[ " $TARGETS " != *" nginx"* && " $TARGETS " != *" static "* ]] || NGINX_TARGETS=1
if ((NGINX_TARGETS)) && ! command -v nginx >/dev/null 2>&1 && [[ ! -x /usr/sbin/nginx ]]; then
  log "installing Debian nginx"
  sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nginx >/dev/null ||
    die "apt-get install nginx failed"
fi
NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"
for war in gateway/target/gateway.war services/{study-registry,report-store,retrieval-proxy,consent,audit}/target/*.war; do
  [[ -f "$war" ]] || die "missing $war: run mvn -B -q package -DskipTests -DskipITs -pl all-in-one -am first"
done
wait_http "$KEYCLOAK_URL/realms/imaging" 5 || die "Keycloak does not answer at $KEYCLOAK_URL (run /work/tools/test-peers.sh or scripts/peers.sh)"
rm -rf "$WORK"
mkdir -p "$WORK" "$RESULTS_DIR"

# --- studies: generated once, kept in the cache ----------------------------------------------------------
SAMPLE="$EXCHANGE_CACHE/samples/demo/MR_small.dcm"
[[ -f "$SAMPLE" ]] || die "no $SAMPLE (run ./exchange demo once, or scripts/peers.sh samples)"
make_study() { # NAME COUNT ROWS COLUMNS
  local dir="$STUDY_CACHE/$1"
  if [[ ! -s "$dir/study-uid" ]]; then
    log "generating the $1 study: $2 instances of $3x$4 16-bit pixels"
    rm -rf "$dir" "$ORTHANC_DIR"
    mkdir -p "$STUDY_CACHE"
    /usr/bin/python3 bench/retrieval/make_study.py "$SAMPLE" "$dir/files" "$2" "$3" "$4" 1CT1 >"$dir.uid"
    mv "$dir.uid" "$dir/study-uid"
  fi
}
[[ " $STUDIES " != *" large "* ]] || make_study large 250 1400 1400
[[ " $STUDIES " != *" small "* ]] || make_study small 4 256 256

# --- source archive -----------------------------------------------------------------------------------
# Its storage and index persist in the cache, so the studies are loaded (POST /instances) only once.
mkdir -p "$ORTHANC_DIR"
jq -n --argjson http "$ORTHANC_HTTP" --argjson dicom "$ORTHANC_DICOM" --arg dir "$ORTHANC_DIR" \
  --arg user "$ORTHANC_USER" --arg pass "$ORTHANC_PASSWORD" --arg plugin "$ORTHANC_DICOMWEB_PLUGIN" '{
    Name: "BENCH_SOURCE", DicomAet: "BENCH_SOURCE", HttpPort: $http, DicomPort: $dicom,
    StorageDirectory: ($dir + "/storage"), IndexDirectory: ($dir + "/index"), DefaultEncoding: "Utf8",
    RemoteAccessAllowed: false, AuthenticationEnabled: true, RegisteredUsers: {($user): $pass},
    Plugins: [$plugin], DicomWeb: {Enable: true, Root: "/dicom-web/", EnableWado: true, Ssl: false},
    SaveJobs: false}' >"$WORK/orthanc.json"
log "source: Orthanc on http://127.0.0.1:$ORTHANC_HTTP (storage $ORTHANC_DIR)"
TCP_NODELAY=1 spawn_session "$ORTHANC_PID_FILE" "$WORK/orthanc.log" "$ORTHANC_BIN" "$WORK/orthanc.json"
wait_http "http://127.0.0.1:$ORTHANC_HTTP/system" 60 -u "$ORTHANC_USER:$ORTHANC_PASSWORD" || die "Orthanc does not start"
for s in $STUDIES; do
  if [[ "$(curl -fsS -u "$ORTHANC_USER:$ORTHANC_PASSWORD" -X POST -d "$(cat "$STUDY_CACHE/$s/study-uid")" \
    "http://127.0.0.1:$ORTHANC_HTTP/tools/lookup" | jq length)" == 0 ]]; then
    orthanc_load "http://127.0.0.1:$ORTHANC_HTTP" "$STUDY_CACHE/$s/files" >&2
  fi
done

# --- nginx: one hop, two hops, static file --------------------------------------------------------------- (only when a target needs them)
if ((NGINX_TARGETS)); then
mkdir -p "$WORK/nginx/tmp" "$WORK/static"
chmod -R a+rwx "$WORK/nginx/tmp"
proxy_settings='proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host $host;
      proxy_buffer_size 64k; proxy_buffers 16 64k; proxy_busy_buffers_size 128k; proxy_max_temp_file_size 0;
      proxy_read_timeout 600s;'
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $NGINX_PID_FILE.nginx;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  keepalive_requests 100000;
  client_body_temp_path $WORK/nginx/tmp/body; proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi; uwsgi_temp_path $WORK/nginx/tmp/uwsgi; scgi_temp_path $WORK/nginx/tmp/scgi;
  upstream source { server 127.0.0.1:$ORTHANC_HTTP; keepalive 64; }
  upstream hop1 { server 127.0.0.1:$NGINX_ONE; keepalive 64; }
  server { listen 127.0.0.1:$NGINX_ONE; location / { proxy_pass http://source; $proxy_settings } }
  server { listen 127.0.0.1:$NGINX_TWO; location / { proxy_pass http://hop1; $proxy_settings } }
  server { listen 127.0.0.1:$NGINX_STATIC; root $WORK/static; default_type application/octet-stream; }
}
EOF
"$NGINX_BIN" -t -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" 2>/dev/null ||
  die "nginx configuration refused: $("$NGINX_BIN" -t -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" 2>&1)"
spawn_session "$NGINX_PID_FILE" "$WORK/nginx/console.log" "$NGINX_BIN" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" \
  -e "$WORK/nginx/error.log" -g 'daemon off;'
wait_http "http://127.0.0.1:$NGINX_ONE/system" 10 -u "$ORTHANC_USER:$ORTHANC_PASSWORD" || die "nginx does not answer"
fi

# Reference bodies (byte counts for the checks, files for the static target).
mkdir -p "$WORK/static"
declare -A UID_OF BYTES_OF
for s in $STUDIES; do
  UID_OF[$s]="$(cat "$STUDY_CACHE/$s/study-uid")"
  curl -fsS -o "$WORK/static/$s.bin" -H "Accept: $ACCEPT" -u "$ORTHANC_USER:$ORTHANC_PASSWORD" \
    "http://127.0.0.1:$ORTHANC_HTTP/dicom-web/studies/${UID_OF[$s]}"
  BYTES_OF[$s]="$(stat -c %s "$WORK/static/$s.bin")"
  log "study $s: ${UID_OF[$s]}, ${BYTES_OF[$s]} bytes per retrieval"
done

# --- platform: the all-in-one server as ./exchange start_platform runs it, with its own ports ---------------
start_platform() {
  local usr="$WORK/usr" srv="$WORK/usr/servers/exchange" base="http://127.0.0.1:$GATEWAY_PORT"
  mkdir -p "$srv/apps" "$srv/lib/jdbc" "$WORK/output" "$WORK/data"
  cp all-in-one/src/main/liberty/config/server.xml "$srv/"
  printf '%s\n' "-Xms64m" "-Xmx$HEAP" "-XX:MaxMetaspaceSize=512m" >"$srv/jvm.options"
  printf 'keystore_password=%s\n' "$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" >"$srv/server.env"
  cp gateway/target/gateway.war services/{study-registry,report-store,retrieval-proxy,consent,audit}/target/*.war "$srv/apps/"
  local h2
  h2="$(find ~/.m2/repository/com/h2database/h2 -name 'h2-*.jar' | sort | tail -1)"
  [[ -n "$h2" ]] || die "no H2 driver in ~/.m2"
  cp "$h2" "$srv/lib/jdbc/"
  local kc="$KEYCLOAK_URL" src="http://127.0.0.1:$ORTHANC_HTTP/dicom-web"
  log "platform: starting the all-in-one server on $base (heap $HEAP, log $WORK/output/exchange/logs/messages.log)"
  WLP_USER_DIR="$usr" WLP_OUTPUT_DIR="$WORK/output" \
    HTTP_PORT="$GATEWAY_PORT" DB_KIND=h2 DB_DIR="$WORK/data" \
    OIDC_ISSUER="$kc/realms/imaging" \
    EXCHANGE_OAUTH_TOKEN_URL="$kc/realms/imaging/protocol/openid-connect/token" \
    EXCHANGE_REGISTRY_URL="$base/registry" EXCHANGE_REPORTS_URL="$base/reports" \
    EXCHANGE_RETRIEVAL_URL="$base/retrieval" EXCHANGE_CONSENT_URL="$base/consent" EXCHANGE_AUDIT_URL="$base/audit" \
    EXCHANGE_AUDIT_OUTBOX_DIR="$WORK/audit-outbox" EXCHANGE_CONSENT_DEFAULT_POLICY=opt-in \
    EXCHANGE_REGISTRY_SOURCES=hospital-a \
    EXCHANGE_DIMSE_PORT="$DIMSE_PORT" EXCHANGE_DIMSE_AE_TITLE=EXCHANGE EXCHANGE_DIMSE_BIND_ADDRESS=127.0.0.1 \
    EXCHANGE_REGISTRY_SOURCE_HOSPITAL_A_QIDO_URL="$src" \
    EXCHANGE_REGISTRY_SOURCE_HOSPITAL_A_USERNAME="$ORTHANC_USER" EXCHANGE_REGISTRY_SOURCE_HOSPITAL_A_PASSWORD="$ORTHANC_PASSWORD" \
    EXCHANGE_REGISTRY_SOURCE_HOSPITAL_A_ORGANIZATION_ID=hospital-a EXCHANGE_REGISTRY_SOURCE_HOSPITAL_A_AE_TITLE=BENCH_SOURCE \
    EXCHANGE_REGISTRY_PUBLIC_WADO_BASE="$base/dicomweb" EXCHANGE_PUBLIC_FHIR_BASE="$base/fhir" \
    EXCHANGE_RETRIEVAL_SOURCE_HOSPITAL_A_USERNAME="$ORTHANC_USER" \
    EXCHANGE_RETRIEVAL_SOURCE_HOSPITAL_A_PASSWORD="$ORTHANC_PASSWORD" \
    spawn_session "$PLATFORM_PID_FILE" "$WORK/platform-console.log" "$LIBERTY_HOME/bin/server" run exchange
  local probe t0=$SECONDS
  for probe in /health/ready /registry/metrics /reports/metrics /consent/metrics /audit/metrics /retrieval/metrics; do
    wait_http "$base$probe" $((${BENCH_START_SECONDS:-600} - (SECONDS - t0))) ||
      { tail -n 30 "$WORK/platform-console.log" >&2; die "platform not ready: $probe"; }
  done
  log "platform: ready in $((SECONDS - t0))s"
  local token
  token="$(scripts/peers.sh token exchange-platform)"
  curl -fsS --max-time 600 -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"source":"hospital-a"}' "$base/registry/api/crawls" >"$WORK/crawl.json" || die "crawl failed"
  log "platform: crawled $(jq -c '.[0] | {studies, instances}' "$WORK/crawl.json")"
  token="$(scripts/peers.sh token patient-1ct1)"
  jq -n --arg now "$(date -u +%Y-%m-%dT%H:%M:%SZ)" '{resourceType: "Consent", status: "active",
      scope: {coding: [{system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy"}]},
      category: [{coding: [{system: "http://loinc.org", code: "59284-0"}]}],
      patient: {identifier: {value: "1CT1"}}, dateTime: $now, provision: {type: "permit"}}' |
    curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/fhir+json' \
      --data-binary @- "$base/fhir/Consent" || die "consent of 1CT1 refused"
  JAVA_PID="$(pgrep -g "$(cat "$PLATFORM_PID_FILE")" java | head -1)"
  # Heap (jstat: S0U+S1U+EU+OU, KiB) and RSS (KiB), once a second, with the wall clock.
  (jstat -gc "$JAVA_PID" 1000 | while read -r line; do
     [[ "$line" == S0C* ]] && continue
     printf '%s %s %s\n' "$(date +%s)" "$(awk '{printf "%d %d", $3+$4+$6+$8, $8}' <<<"$line")" \
       "$(awk '/VmRSS/ {print $2}' "/proc/$JAVA_PID/status")"
   done >"$WORK/memory.log") &
  SAMPLER_PID=$!
}

TOKEN=""
TOKEN_AT=0
# A fresh clinician-b token when the last is older than 10 min (the realm's tokens live 15 min).
refresh_token() {
  if [[ " $TARGETS " == *" platform "* ]] && ((TOKEN_AT == 0 || SECONDS - TOKEN_AT > 600)); then
    TOKEN="$(scripts/peers.sh token clinician-b)"
    TOKEN_AT=$SECONDS
  fi
}

url_of() { # TARGET STUDY
  local uid="${UID_OF[$2]}"
  case "$1" in
    direct) echo "http://127.0.0.1:$ORTHANC_HTTP/dicom-web/studies/$uid" ;;
    nginx1) echo "http://127.0.0.1:$NGINX_ONE/dicom-web/studies/$uid" ;;
    nginx2) echo "http://127.0.0.1:$NGINX_TWO/dicom-web/studies/$uid" ;;
    platform) echo "http://127.0.0.1:$GATEWAY_PORT/dicomweb/studies/$uid" ;;
    static) echo "http://127.0.0.1:$NGINX_STATIC/$2.bin" ;;
  esac
}

auth_of() {
  case "$1" in
    platform) printf 'Bearer %s' "$TOKEN" ;;
    static) printf -- '-' ;;
    *) printf '%s' "$BASIC" ;;
  esac
}

# client TARGET STUDY CLIENTS SECONDS [MIN_REQUESTS] -> one JSON object
client() {
  "$CLIENT_JAVA" -Xmx256m bench/retrieval/RetrievalBenchClient.java "$(url_of "$1" "$2")" "$ACCEPT" \
    "$(auth_of "$1")" "$3" "$4" "${BYTES_OF[$2]}" "${5:-0}"
}

memory_between() { # FROM TO -> {"heap_used_mib_max":..,"old_used_mib_end":..,"rss_mib_max":..}
  awk -v a="$1" -v b="$2" '$1 >= a && $1 <= b { if ($2 > h) h = $2; o = $3; if ($4 > r) r = $4 }
    END { printf "{\"heap_used_mib_max\":%d,\"old_used_mib_end\":%d,\"rss_mib_max\":%d}", h/1024, o/1024, r/1024 }' \
    "$WORK/memory.log"
}

if [[ " $TARGETS " == *" platform "* ]]; then
  start_platform
  refresh_token
  # The first retrievals after the start may time out on a loaded machine (cold JIT, first Hibernate queries).
  for s in $STUDIES; do
    served=0
    for attempt in 1 2 3; do
      out="$(client platform "$s" 1 0 1)"
      if jq -e '.errors == 0 and .completed == 1' <<<"$out" >/dev/null; then
        served=1
        break
      fi
      log "platform: retrieval $attempt of the $s study failed: $(jq -c '.error_samples' <<<"$out")"
    done
    ((served)) || die "the platform does not serve the $s study: $out"
  done
  if [[ "${BENCH_JFR:-0}" == 1 ]]; then
    jcmd "$JAVA_PID" JFR.start name=bench settings=profile >/dev/null
  fi
fi

log "warm-up: every target, every study, one client for 3 s"
for s in $STUDIES; do
  for t in $TARGETS; do
    refresh_token
    client "$t" "$s" 1 3 1 >/dev/null
  done
done

log "measuring: ${SECONDS_PER_CELL}s per cell; studies $STUDIES; clients $CLIENTS; targets $TARGETS"
for s in $STUDIES; do
  for c in $CLIENTS; do
    for t in $TARGETS; do
      refresh_token
      from="$(date +%s)"
      out="$(client "$t" "$s" "$c" "$SECONDS_PER_CELL")"
      to="$(date +%s)"
      mem='{}'
      [[ "$t" != platform ]] || mem="$(memory_between "$from" "$to")"
      jq -c --arg t "$t" --arg s "$s" --argjson b "${BYTES_OF[$s]}" --argjson m "$mem" \
        '{target: $t, study: $s, study_bytes: $b} + . + $m' <<<"$out" | tee -a "$JSONL" |
        jq -r '"\(.study) c=\(.clients) \(.target): \(.mb_per_s) MB/s, \(.req_per_s) req/s, ttfb p50 \(.ttfb_ms_p50) ms, errors \(.errors)"' >&2
      sleep 2
    done
  done
done

if [[ " $TARGETS " == *" platform "* ]]; then
  jcmd "$JAVA_PID" GC.run >/dev/null
  sleep 2
  jq -c -n --argjson m "$(memory_between "$(($(date +%s) - 1))" "$(date +%s)")" '{target: "platform", after_gc: $m}' >>"$JSONL"
  if [[ "${BENCH_JFR:-0}" == 1 ]]; then
    jcmd "$JAVA_PID" JFR.dump name=bench filename="$WORK/platform.jfr" >/dev/null
    bench/retrieval/jfr-summary.sh "$WORK/platform.jfr" >"$RESULTS_DIR/$STAMP-profile.md"
    log "profile summary: $RESULTS_DIR/$STAMP-profile.md"
  fi
fi

/usr/bin/python3 bench/retrieval/report.py "$JSONL" "$(uname -n), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" \
  "$SECONDS_PER_CELL" "$HEAP" >"$RESULTS_DIR/$STAMP.md"
cp "$RESULTS_DIR/$STAMP.md" "$RESULTS_DIR/latest.md"
cat "$RESULTS_DIR/$STAMP.md"
