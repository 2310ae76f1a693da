#!/usr/bin/env bash
# C-STORE header ingest benchmark (issue 7): DCMTK storescu sends the same N instances, with one
# and with four associations, into the PixelMed C-STORE SCP of libs/dicom-pixelmed (headers
# parsed and handed to a counting handler) and, in the same run, into an Orthanc started here with
# TCP_NODELAY=1. Prints instances/s per target. Not part of any build or CI.
#
#   bench/dimse/run.sh                      # N=10000 (the issue's figure)
#   BENCH_INSTANCES=2000 bench/dimse/run.sh
#
# Needs: a built tree (mvn -o -pl libs/dicom-pixelmed -am package -DskipTests), dcmtk, orthanc,
# the demo samples (scripts/peers.sh samples-dir demo). Ports: 21300 (SCP), 21342/21343 (Orthanc),
# all on 127.0.0.1. Work files under ${BENCH_WORK:-/tmp/imaging-exchange-bench-dimse}, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."

N="${BENCH_INSTANCES:-10000}"
SAMPLE="${BENCH_SAMPLE:-$(scripts/peers.sh samples-dir demo)/CT_small.dcm}"
WORK="${BENCH_WORK:-/tmp/imaging-exchange-bench-dimse}"
SCP_PORT=21300
ORTHANC_DICOM=21342
ORTHANC_HTTP=21343

PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

rm -rf "$WORK"
mkdir -p "$WORK/files" "$WORK/orthanc"

echo "generating $N instances from $(basename "$SAMPLE") (new SOP Instance UIDs, dcmodify)"
for ((i = 0; i < N; i++)); do
  cp "$SAMPLE" "$WORK/files/$i.dcm"
done
find "$WORK/files" -name '*.dcm' -print0 | xargs -0 -n 500 dcmodify -nb -gin -q
for a in 0 1 2 3; do mkdir -p "$WORK/split$a"; done
i=0
for f in "$WORK"/files/*.dcm; do
  ln "$f" "$WORK/split$((i % 4))/$(basename "$f")"
  i=$((i + 1))
done

CP="libs/dicom-pixelmed/target/classes:libs/dicom/target/classes:$(ls ~/.m2/repository/com/pixelmed/pixelmed/*/pixelmed-*.jar | head -1)"
java -Xmx512m -cp "$CP" bench/dimse/HeaderIngestScp.java "$SCP_PORT" >"$WORK/scp.log" 2>&1 &
PIDS+=($!)
until grep -q ready "$WORK/scp.log" 2>/dev/null; do sleep 0.2; done

jq -n --argjson d "$ORTHANC_DICOM" --argjson h "$ORTHANC_HTTP" --arg s "$WORK/orthanc" '{
  Name: "BENCH", DicomAet: "BENCH", DicomPort: $d, HttpPort: $h, StorageDirectory: $s, IndexDirectory: $s,
  RemoteAccessAllowed: false, AuthenticationEnabled: false, DicomAlwaysAllowStore: true,
  DicomCheckCalledAet: false, SaveJobs: false}' >"$WORK/orthanc.json"
TCP_NODELAY=1 Orthanc "$WORK/orthanc.json" >"$WORK/orthanc.log" 2>&1 &
PIDS+=($!)
until curl -fsS -o /dev/null "http://127.0.0.1:$ORTHANC_HTTP/system" 2>/dev/null; do sleep 0.2; done

# DCMTK reads TCP_NODELAY from the environment; without it every C-STORE waits on delayed ACKs.
export TCP_NODELAY=1

# send TARGET_AET PORT ASSOCIATIONS -> seconds
send() {
  local aet="$1" port="$2" assocs="$3" t0 t1 a
  local -a senders=()
  t0=$(date +%s.%N)
  if ((assocs == 1)); then
    storescu -q -aet STORESCU -aec "$aet" +sd 127.0.0.1 "$port" "$WORK/files"
  else
    for ((a = 0; a < assocs; a++)); do
      storescu -q -aet STORESCU -aec "$aet" +sd 127.0.0.1 "$port" "$WORK/split$a" &
      senders+=($!)
    done
    wait "${senders[@]}"
  fi
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}

reset_orthanc() {
  curl -fsS -X DELETE "http://127.0.0.1:$ORTHANC_HTTP/studies/$(curl -fsS "http://127.0.0.1:$ORTHANC_HTTP/studies" | jq -r '.[0]')" >/dev/null 2>&1 || true
}

# Warm-up (not measured): the SCP runs in a JVM that a deployment keeps running; let the JIT
# compile the ingest path once, as Orthanc needs no warm-up.
send EXCHANGE "$SCP_PORT" 4 >/dev/null

printf '%-28s %12s %10s %14s\n' target associations seconds instances/s
for assocs in 1 4; do
  s=$(send EXCHANGE "$SCP_PORT" "$assocs")
  printf '%-28s %12d %10.2f %14.0f\n' "PixelMed SCP (headers)" "$assocs" "$s" "$(echo "$N / $s" | bc -l)"
  reset_orthanc
  s=$(send BENCH "$ORTHANC_DICOM" "$assocs")
  printf '%-28s %12d %10.2f %14.0f\n' "Orthanc (TCP_NODELAY=1)" "$assocs" "$s" "$(echo "$N / $s" | bc -l)"
done
sleep 1.2
echo "SCP handler saw: $(tail -n 1 "$WORK/scp.log") (expected headers=$((3 * N)), warm-up included)"
