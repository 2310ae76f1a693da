# shellcheck shell=bash
# Our own Orthanc instances (Debian's /usr/sbin/Orthanc + DICOMweb plugin) as
# the hospitals' PACS. Requires common.sh to be sourced first.
#
#   orthanc_start HTTP_PORT DICOM_PORT AET RUN_SUBDIR
#       Generates $EXCHANGE_RUN_DIR/RUN_SUBDIR/orthanc.json (storage and index
#       in that dir, wiped at every start), starts Orthanc in the background
#       (pid file orthanc.pid, log orthanc.log) and waits until /system answers.
#       HTTP needs basic auth ($ORTHANC_USER/$ORTHANC_PASSWORD, default
#       orthanc/orthanc-pass); DICOMweb under /dicom-web/. Orthanc binds all
#       interfaces (HTTP restricted to localhost by RemoteAccessAllowed=false);
#       use 127.0.0.1 for all traffic.
#   orthanc_stop RUN_SUBDIR
#   orthanc_load RUN_SUBDIR_OR_URL SAMPLES_DIR
#       POST /instances for every regular file of SAMPLES_DIR (except
#       MANIFEST.txt and dot files). Prints accepted/rejected counts; returns 1
#       if any file was rejected (set ORTHANC_LOAD_TOLERATE_REJECTS=1 to only
#       report, e.g. for the broken set).
#   orthanc_counts RUN_SUBDIR_OR_URL
#       Prints "patients=N studies=N series=N instances=N" from /statistics.
#
# Tunables: ORTHANC_USER, ORTHANC_PASSWORD, ORTHANC_BIN, ORTHANC_DICOMWEB_PLUGIN,
# ORTHANC_EXCHANGE_PORT (C-STORE target "EXCHANGE", default 11112),
# ORTHANC_START_TIMEOUT (default 60 s).

ORTHANC_USER="${ORTHANC_USER:-orthanc}"
ORTHANC_PASSWORD="${ORTHANC_PASSWORD:-orthanc-pass}"
ORTHANC_BIN="${ORTHANC_BIN:-/usr/sbin/Orthanc}"
ORTHANC_DICOMWEB_PLUGIN="${ORTHANC_DICOMWEB_PLUGIN:-/usr/share/orthanc/plugins/libOrthancDicomWeb.so}"
ORTHANC_EXCHANGE_PORT="${ORTHANC_EXCHANGE_PORT:-11112}"
ORTHANC_START_TIMEOUT="${ORTHANC_START_TIMEOUT:-60}"

# _orthanc_url RUN_SUBDIR_OR_URL: a URL is returned as is; a run name is
# resolved through the url file written by orthanc_start.
_orthanc_url() {
  local arg="$1"
  if [[ "$arg" =~ ^https?:// ]]; then
    printf '%s\n' "${arg%/}"
    return 0
  fi
  local dir
  dir="$(run_subdir "$arg")"
  [[ -f "$dir/orthanc.url" ]] || die "no orthanc started under '$arg' ($dir/orthanc.url missing)"
  cat "$dir/orthanc.url"
}

orthanc_start() {
  (($# == 4)) || die "usage: orthanc_start HTTP_PORT DICOM_PORT AET RUN_SUBDIR"
  local http="$1" dicom="$2" aet="$3" dir
  dir="$(run_subdir "$4")"
  [[ "$http" =~ ^[0-9]+$ && "$dicom" =~ ^[0-9]+$ ]] || die "orthanc_start: ports must be numbers"
  [[ "$aet" =~ ^[A-Za-z0-9_.-]{1,16}$ ]] || die "orthanc_start: invalid AE title '$aet'"
  [[ -x "$ORTHANC_BIN" ]] || die "Orthanc not found at $ORTHANC_BIN (run: scripts/peers.sh install)"
  [[ -f "$ORTHANC_DICOMWEB_PLUGIN" ]] || die "DICOMweb plugin not found at $ORTHANC_DICOMWEB_PLUGIN"
  need_cmd jq curl
  if pid_alive "$dir/orthanc.pid"; then
    die "orthanc '$4' already running (pid $(cat "$dir/orthanc.pid")); stop it first"
  fi
  require_port_free "$http" "orthanc '$4' http"
  require_port_free "$dicom" "orthanc '$4' dicom"

  rm -rf "$dir"
  mkdir -p "$dir/storage" "$dir/index"
  local conf="$dir/orthanc.json"
  jq -n \
    --arg name "$aet" --arg aet "$aet" \
    --argjson http "$http" --argjson dicom "$dicom" \
    --arg storage "$dir/storage" --arg index "$dir/index" \
    --arg user "$ORTHANC_USER" --arg pass "$ORTHANC_PASSWORD" \
    --arg plugin "$ORTHANC_DICOMWEB_PLUGIN" \
    --argjson xport "$ORTHANC_EXCHANGE_PORT" \
    '{
      Name: $name,
      HttpPort: $http,
      DicomPort: $dicom,
      DicomAet: $aet,
      StorageDirectory: $storage,
      IndexDirectory: $index,
      DefaultEncoding: "Utf8",
      RemoteAccessAllowed: false,
      AuthenticationEnabled: true,
      RegisteredUsers: {($user): $pass},
      Plugins: [$plugin],
      DicomWeb: {Enable: true, Root: "/dicom-web/", EnableWado: true, Ssl: false},
      DicomModalities: {EXCHANGE: ["EXCHANGE", "127.0.0.1", $xport]},
      DicomAlwaysAllowEcho: true,
      DicomAlwaysAllowStore: true,
      DicomAlwaysAllowFind: true,
      DicomAlwaysAllowGet: true,
      DicomAlwaysAllowMove: true,
      DicomCheckCalledAet: false,
      SaveJobs: false,
      HttpDescribeErrors: true
    }' >"$conf"

  local url="http://127.0.0.1:$http"
  printf '%s\n' "$url" >"$dir/orthanc.url"
  local pid_file="$dir/orthanc.pid" log_file="$dir/orthanc.log"
  log "orthanc '$4': starting $aet on $url (DICOM port $dicom), log $log_file"
  local t0=$SECONDS
  # TCP_NODELAY=1 turns off Nagle for DCMTK's DIMSE connections.
  TCP_NODELAY=1 spawn_session "$pid_file" "$log_file" "$ORTHANC_BIN" "$conf"

  local deadline=$((SECONDS + ORTHANC_START_TIMEOUT))
  until curl -fsS -o /dev/null --max-time 5 -u "$ORTHANC_USER:$ORTHANC_PASSWORD" "$url/system" 2>/dev/null; do
    if ! pid_alive "$pid_file"; then
      tail -n 30 "$log_file" >&2 || true
      rm -f "$pid_file"
      die "orthanc '$4' exited during startup (log: $log_file)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 30 "$log_file" >&2 || true
      die "orthanc '$4' not ready after ${ORTHANC_START_TIMEOUT}s (log: $log_file)"
    fi
    sleep 0.2
  done
  log "orthanc '$4': ready in $((SECONDS - t0))s"
}

orthanc_stop() {
  (($# == 1)) || die "usage: orthanc_stop RUN_SUBDIR"
  local dir
  dir="$(run_subdir "$1")"
  stop_pidfile "$dir/orthanc.pid" "orthanc '$1'" 30
}

orthanc_load() {
  (($# == 2)) || die "usage: orthanc_load RUN_SUBDIR_OR_URL SAMPLES_DIR"
  local url src="$2"
  url="$(_orthanc_url "$1")"
  [[ -d "$src" ]] || die "orthanc_load: not a directory: $src"
  local accepted=0 already=0 rejected=0 f name code body
  local -a rejected_files=()
  body="$(mktemp)"
  local t0=$SECONDS
  for f in "$src"/*; do
    [[ -f "$f" ]] || continue
    name="$(basename "$f")"
    [[ "$name" == MANIFEST.txt || "$name" == .* ]] && continue
    code="$(curl -sS -o "$body" -w '%{http_code}' --max-time 60 \
      -u "$ORTHANC_USER:$ORTHANC_PASSWORD" -H 'Content-Type: application/dicom' \
      --data-binary "@$f" "$url/instances" 2>/dev/null || echo 000)"
    if [[ "$code" == 200 ]]; then
      if [[ "$(jq -r '.Status // empty' "$body" 2>/dev/null)" == AlreadyStored ]]; then
        already=$((already + 1))
      else
        accepted=$((accepted + 1))
      fi
    else
      rejected=$((rejected + 1))
      rejected_files+=("$name (HTTP $code: $(jq -r '.Message // .Details // empty' "$body" 2>/dev/null | head -c 120))")
    fi
  done
  rm -f "$body"
  log "orthanc load $src -> $url: accepted=$accepted already_stored=$already rejected=$rejected ($((SECONDS - t0))s)"
  local r
  for r in "${rejected_files[@]}"; do
    log "  rejected: $r"
  done
  if ((rejected > 0)) && [[ "${ORTHANC_LOAD_TOLERATE_REJECTS:-0}" != 1 ]]; then
    return 1
  fi
  return 0
}

orthanc_counts() {
  (($# == 1)) || die "usage: orthanc_counts RUN_SUBDIR_OR_URL"
  local url
  url="$(_orthanc_url "$1")"
  curl -fsS --max-time 10 -u "$ORTHANC_USER:$ORTHANC_PASSWORD" "$url/statistics" |
    jq -r '"patients=\(.CountPatients) studies=\(.CountStudies) series=\(.CountSeries) instances=\(.CountInstances)"'
}
