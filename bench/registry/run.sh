#!/usr/bin/env bash
# Registry query benchmark (issue 5, "Speed"): starts the all-in-one server (registry, consent, audit,
# gateway in one Liberty) on the PostgreSQL database filled by generate.sh, records consents through the
# consent service, then runs the query mix (queries.sql) against the registry as custodian, as a
# consented and as an unconsented other organisation, with tokens from the real Keycloak. Optionally
# (BENCH_LOAD_CLIENTS > 0) the same mix with N concurrent clients through the gateway. Writes a markdown
# report to bench/registry/results/. Not part of any build or CI.
#
#   bench/registry/generate.sh        # once: 1,000,000 studies / 10,000,000 instances
#   bench/registry/run.sh             # query mix, sequential
#   BENCH_LOAD_CLIENTS=50 bench/registry/run.sh
#
# Environment: BENCH_DB (regbench), BENCH_SEED (1), BENCH_PER (40 samples per kind and requester),
# BENCH_ROUNDS (5), BENCH_WARMUP (1), BENCH_LOAD_CLIENTS (0), BENCH_LOAD_SECONDS (60), BENCH_HTTP_PORT
# (27080), BENCH_DIMSE_PORT (27112), BENCH_START_TIMEOUT (300 s for the server to become ready), KEYCLOAK_URL (http://127.0.0.1:18180, realm imaging),
# BENCH_KEEP_SERVER=1 leaves the server running (stop: bench/registry/run.sh stop), BENCH_JFR=1 records the
# server with JFR during the load phase and writes results/<time>-profile.md (bench/retrieval/jfr-summary.sh).
# Needs: mvn -B -o install -DskipTests -DskipITs -pl all-in-one -am; the Liberty runtime of ./exchange.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO="$PWD"

DB="${BENCH_DB:-regbench}"
SEED="${BENCH_SEED:-1}"
PER="${BENCH_PER:-40}"
ROUNDS="${BENCH_ROUNDS:-5}"
WARMUP="${BENCH_WARMUP:-1}"
LOAD_CLIENTS="${BENCH_LOAD_CLIENTS:-0}"
LOAD_SECONDS="${BENCH_LOAD_SECONDS:-60}"
PORT="${BENCH_HTTP_PORT:-27080}"
DIMSE_PORT="${BENCH_DIMSE_PORT:-27112}"
START_TIMEOUT="${BENCH_START_TIMEOUT:-300}"
export KEYCLOAK_URL="${KEYCLOAK_URL:-http://127.0.0.1:18180}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}"
WORK="${BENCH_WORK:-/tmp/regbench-run}"
LIBERTY_HOME="${LIBERTY_HOME:-$HOME/.cache/imaging-exchange/openliberty-26.0.0.5/wlp}"
RESULTS="$REPO/bench/registry/results"
BASE="http://127.0.0.1:$PORT"
export WLP_USER_DIR="$WORK/usr" WLP_OUTPUT_DIR="$WORK/output"

stop_server() {
  if [[ -f $WORK/server.pid ]] && kill -0 "$(cat "$WORK/server.pid")" 2>/dev/null; then
    "$LIBERTY_HOME/bin/server" stop exchange >/dev/null 2>&1 || kill "$(cat "$WORK/server.pid")" || true
    rm -f "$WORK/server.pid"
  fi
}
if [[ "${1:-}" == stop ]]; then
  stop_server
  exit 0
fi
[[ "${BENCH_KEEP_SERVER:-0}" == 1 ]] || trap stop_server EXIT

psql_db() { psql -U postgres -d "$DB" -v ON_ERROR_STOP=1 "$@"; }

start_server() {
  if curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null; then
    echo "server already running on $BASE"
    return
  fi
  mkdir -p "$WORK"
  (cd "$REPO" && mvn -B -q -o -pl all-in-one liberty:create liberty:deploy -DskipITs -Dliberty.usr.dir="$WLP_USER_DIR")
  # The other services' tables live in schemas of the same database; the audit trail starts empty, the
  # consents (posted once, below, through the consent service) are kept for the next run.
  psql_db -q -c "CREATE SCHEMA IF NOT EXISTS consent AUTHORIZATION exchange; DROP SCHEMA IF EXISTS audit CASCADE;
    DROP SCHEMA IF EXISTS reports CASCADE; CREATE SCHEMA audit AUTHORIZATION exchange;
    CREATE SCHEMA reports AUTHORIZATION exchange;"
  rm -rf "$WORK/audit-outbox"
  local jdbc="jdbc:postgresql://$PGHOST:$PGPORT/$DB" kc="$KEYCLOAK_URL/realms/imaging"
  # One configured source (the generated index's pacs-a1 by default, never crawled here; crawl.sh sets its own).
  local source="${BENCH_SOURCES:-pacs-a1}" src
  src="EXCHANGE_REGISTRY_SOURCE_$(tr 'a-z-' 'A-Z_' <<<"$source")"
  echo "starting the all-in-one server on $BASE (log $WLP_OUTPUT_DIR/exchange/logs/messages.log)"
  env HTTP_PORT="$PORT" DB_KIND=postgresql DB_USER=exchange DB_PASSWORD=exchange \
    REGISTRY_DB_URL="${BENCH_REGISTRY_DB_URL:-$jdbc}" CONSENT_DB_URL="$jdbc?currentSchema=consent" \
    AUDIT_DB_URL="$jdbc?currentSchema=audit" REPORTS_DB_URL="$jdbc?currentSchema=reports" \
    OIDC_ISSUER="$kc" EXCHANGE_OAUTH_TOKEN_URL="$kc/protocol/openid-connect/token" \
    EXCHANGE_REGISTRY_URL="$BASE/registry" EXCHANGE_REPORTS_URL="$BASE/reports" \
    EXCHANGE_RETRIEVAL_URL="$BASE/retrieval" EXCHANGE_CONSENT_URL="$BASE/consent" EXCHANGE_AUDIT_URL="$BASE/audit" \
    EXCHANGE_AUDIT_OUTBOX_DIR="$WORK/audit-outbox" EXCHANGE_CONSENT_DEFAULT_POLICY=opt-in \
    EXCHANGE_REGISTRY_SOURCES="$source" "${src}_QIDO_URL=${BENCH_SOURCE_URL:-http://127.0.0.1:9/dicom-web}" \
    "${src}_USERNAME=orthanc" "${src}_PASSWORD=orthanc-pass" "${src}_ORGANIZATION_ID=hospital-a" "${src}_ISSUER=HOSPITAL-A" \
    EXCHANGE_DIMSE_PORT="$DIMSE_PORT" EXCHANGE_DIMSE_BIND_ADDRESS=127.0.0.1 \
    EXCHANGE_REGISTRY_PUBLIC_WADO_BASE="$BASE/dicomweb" EXCHANGE_PUBLIC_FHIR_BASE="$BASE/fhir" \
    setsid "$LIBERTY_HOME/bin/server" run exchange >"$WORK/console.log" 2>&1 &
  echo $! >"$WORK/server.pid"
  local probe t0=$SECONDS
  for probe in /health/ready /registry/metrics /consent/metrics /audit/metrics; do
    until curl -fsS -o /dev/null "$BASE$probe" 2>/dev/null; do
      if ((SECONDS - t0 > START_TIMEOUT)) || ! kill -0 "$(cat "$WORK/server.pid")" 2>/dev/null; then
        tail -n 30 "$WORK/console.log" >&2
        echo "server not ready: $probe" >&2
        exit 1
      fi
      sleep 1
    done
  done
  echo "server ready in $((SECONDS - t0)) s"
}

if [[ "${BENCH_ONLY_START:-0}" == 1 ]]; then
  BENCH_KEEP_SERVER=1
  trap - EXIT
  start_server
  exit 0
fi
start_server

token() { scripts/peers.sh token "$1"; }
mkdir -p "$WORK" "$RESULTS"
printf 'custodian\t%s\nconsented\t%s\nunconsented\t%s\n' "$(token radiologist-a)" "$(token clinician-b)" \
  "$(token clinician-b)" >"$WORK/tokens.tsv"

if [[ "$(psql_db -Atc "SELECT count(*) FROM consent.consent_directive" 2>/dev/null || echo 0)" == 0 ]]; then
  psql_db -At -F $'\t' -f bench/registry/consents.sql >"$WORK/consents.tsv"
  java bench/registry/QueryMix.java consents "$BASE" "$WORK/consents.tsv" "$(token hospital-a)" 4
fi
psql_db -At -F $'\t' -v per="$PER" -v seed="$SEED" -f bench/registry/queries.sql >"$WORK/queries.tsv"

stamp="$(date -u +%Y-%m-%dT%H%MZ)"
report="$RESULTS/$stamp.md"
{
  echo "# Registry query benchmark, $stamp"
  echo
  echo "- commit: \`$(git rev-parse --short HEAD)\`$(git diff --quiet HEAD -- services || echo ' (with local changes)')"
  echo "- hardware: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')), $(free -g | awk '/Mem:/{print $2}') GB RAM, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- PostgreSQL $(psql_db -Atc 'SHOW server_version'), shared_buffers $(psql_db -Atc 'SHOW shared_buffers'); server heap $(grep -h Xmx all-in-one/src/main/liberty/config/jvm.options)"
  echo "- data: $(psql_db -Atc "SELECT (SELECT count(*) FROM imaging_study) || ' studies, ' || (SELECT count(*) FROM imaging_series) || ' series, ' || (SELECT count(*) FROM imaging_instance) || ' instances, ' || (SELECT count(*) FROM patient) || ' patients, ' || (SELECT count(*) FROM patient_identifier) || ' patient identifiers; database ' || pg_size_pretty(pg_database_size(current_database()))"); consents: $(psql_db -Atc "SELECT count(*) FROM consent.consent_directive") directives (1% of patients permit hospital-b), policy opt-in"
  echo "- mix: $(wc -l <"$WORK/queries.tsv") queries ($PER samples per kind and requester, seed $SEED), $ROUNDS rounds after $WARMUP warm-up round; custodian = radiologist-a (hospital-a) on hospital-a's studies; consented / unconsented = clinician-b (hospital-b) on hospital-a's studies of patients who did / did not consent; list queries limit=25"
  echo
} >"$report"
java bench/registry/QueryMix.java run "$BASE/registry" "$WORK/queries.tsv" "$WORK/tokens.tsv" "$WARMUP" "$ROUNDS" \
  "$WORK/run.md" "Registry, sequential (direct to /registry)"
cat "$WORK/run.md" >>"$report"
if ((LOAD_CLIENTS > 0)); then
  echo >>"$report"
  if [[ "${BENCH_JFR:-0}" == 1 ]]; then
    # JFR (settings=profile) over the middle of the load phase; summary next to the report.
    jvm=""
    for p in $(pgrep java); do
      if tr '\0' '\n' <"/proc/$p/environ" 2>/dev/null | grep -qx "WLP_USER_DIR=$WLP_USER_DIR"; then jvm="$p"; fi
    done
    rm -f "$WORK/platform.jfr"
    (sleep 10 && jcmd "$jvm" JFR.start name=bench settings=profile filename="$WORK/platform.jfr" \
      duration="$((LOAD_SECONDS > 30 ? LOAD_SECONDS - 20 : 10))s" >/dev/null) &
  fi
  java bench/registry/QueryMix.java load "$BASE" "$WORK/queries.tsv" "$WORK/tokens.tsv" "$LOAD_CLIENTS" \
    "$LOAD_SECONDS" "$WORK/load.md" "Through the gateway, $LOAD_CLIENTS concurrent clients"
  cat "$WORK/load.md" >>"$report"
  if [[ "${BENCH_JFR:-0}" == 1 ]]; then
    for _ in $(seq 1 30); do [[ -s "$WORK/platform.jfr" ]] && break; sleep 2; done
    bench/retrieval/jfr-summary.sh "$WORK/platform.jfr" >"$RESULTS/$stamp-profile.md" || echo "no JFR summary" >&2
    cp "$WORK/platform.jfr" "/tmp/regbench-$stamp.jfr" 2>/dev/null || true
  fi
fi
echo "report: $report"
