#!/usr/bin/env bash
# Fuzzes the platform's input handling with Jazzer (coverage-guided, JUnit @FuzzTest): each target runs
# up to its maxExecutions (1,000,000) or until it finds an input that ends in anything but a 4xx problem.
# Not run by CI (CI replays the seed corpus in every `./exchange test`). Findings are written by Jazzer to
# src/test/resources/<package>/<Class>Inputs/<method>/ of the module (a crashing input becomes a seed);
# the generated corpus is kept in <module>/.cifuzz-corpus (ignored by git).
#
#   bench/fuzz/run.sh                # every target, one after the other
#   bench/fuzz/run.sh gateway        # the targets of one module
set -euo pipefail
cd "$(dirname "$0")/../.."
# module:Class#method (Jazzer fuzzes one @FuzzTest per JVM, so each runs on its own)
TARGETS=(
  'services/study-registry:QidoQueryParserFuzzTest#parse_anyParameters_answersOrRefusesWith4xx'
  'services/study-registry:RegistrationReaderFuzzTest#read_anyBody_registrationsOr4xx'
  'gateway:GatewayRequestFuzzTest#route_anyMethodAndPath_routeOr4xx'
  'gateway:GatewayRequestFuzzTest#sniff_anyBundleBody_decisionOr4xx'
  'services/consent:ConsentIntakeFuzzTest#intake_anyBody_directiveOr4xx'
  'services/report-store:ReportIntakeFuzzTest#intake_anyBody_reportOr4xx'
  'services/report-store:Hl7v2IntakeFuzzTest#receive_anyText_isAcknowledged'
)
RESULTS=bench/fuzz/results
mkdir -p "$RESULTS"
report="$RESULTS/$(date -u +%Y-%m-%dT%H%MZ).md"
echo "# Fuzzing run $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), $(nproc) cores" >"$report"
for target in "${TARGETS[@]}"; do
  module="${target%%:*}" test="${target#*:}"
  if [[ $# -gt 0 && "$target" != *"$1"* ]]; then continue; fi
  log="/tmp/fuzz-${test//#/-}.log"
  echo "fuzzing $module $test, log $log"
  rc=0
  JAZZER_FUZZ=1 mvn -B -o test ${MAVEN_REPO:+-Dmaven.repo.local=$MAVEN_REPO} -pl "$module" -Dtest="$test" \
    -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1 || rc=$?
  {
    echo
    echo "## $module $test (exit $rc)"
    echo '```'
    grep -E '^Done [0-9]+ runs|== Java Exception|Tests run:.*in org' "$log" || true
    echo '```'
  } >>"$report"
done
echo "report: $report"
