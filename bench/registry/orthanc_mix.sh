#!/usr/bin/env bash
# Side by side (issue 5): the custodian part of the query mix against the crawl benchmark's Orthanc
# (crawl.sh with BENCH_KEEP_ORTHANC=1 leaves it running, and its studies in schema "crawl" of the
# benchmark database, from which the queries are picked). Orthanc has no consent, so only the
# custodian rows apply. Writes results/<time>-orthanc.md. Not part of any build or CI.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB="${BENCH_DB:-regbench}"
ORTHANC="http://127.0.0.1:${BENCH_ORTHANC_HTTP:-27042}/dicom-web"
WORK="${BENCH_WORK:-/tmp/regbench-run}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGOPTIONS="-c search_path=crawl"
mkdir -p "$WORK" bench/registry/results
psql -U postgres -d "$DB" -At -F $'\t' -v per="${BENCH_PER:-40}" -v seed="${BENCH_SEED:-1}" -f bench/registry/queries.sql |
  awk -F'\t' -v OFS='\t' '$2 == "custodian" { sub("^/dicomweb", "", $4); print }' >"$WORK/orthanc-queries.tsv"
printf 'custodian\tBasic %s\n' "$(printf orthanc:orthanc-pass | base64)" >"$WORK/orthanc-tokens.tsv"
report="bench/registry/results/$(date -u +%Y-%m-%dT%H%MZ)-orthanc.md"
java bench/registry/QueryMix.java run "$ORTHANC" "$WORK/orthanc-queries.tsv" "$WORK/orthanc-tokens.tsv" \
  "${BENCH_WARMUP:-1}" "${BENCH_ROUNDS:-5}" "$report" \
  "Orthanc $(curl -fsS -u orthanc:orthanc-pass "${ORTHANC%/dicom-web}/statistics" | jq -r '"\(.CountStudies) studies / \(.CountInstances) instances"'), same queries (custodian rows), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "report: $report"
