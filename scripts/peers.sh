#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Installs and runs the real peers of Imaging Exchange: Keycloak (OAuth2/OIDC),
# Orthanc (the hospitals' PACS, with DICOMweb) and PostgreSQL.
# Used by hand and by the ./exchange launcher and the test command.
#
# State:  $EXCHANGE_RUN_DIR (default <repo>/.run), one sub-directory per NAME.
# Cache:  $EXCHANGE_CACHE   (default ~/.cache/imaging-exchange).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=lib/common.sh
. "$SCRIPT_DIR/lib/common.sh"
# shellcheck source=lib/install.sh
. "$SCRIPT_DIR/lib/install.sh"
# shellcheck source=lib/keycloak.sh
. "$SCRIPT_DIR/lib/keycloak.sh"
# shellcheck source=lib/orthanc.sh
. "$SCRIPT_DIR/lib/orthanc.sh"
# shellcheck source=lib/postgres.sh
. "$SCRIPT_DIR/lib/postgres.sh"

usage() {
  cat <<EOF
usage: scripts/peers.sh COMMAND [ARGS]

  install                                  Debian packages, Keycloak, sample DICOM, PostgreSQL
  start-keycloak PORT MGMT_PORT NAME       Keycloak dev mode on 127.0.0.1:PORT, realm 'imaging'
  stop-keycloak NAME
  start-orthanc HTTP_PORT DICOM_PORT AET NAME
                                           Orthanc with DICOMweb, user orthanc/orthanc-pass
  load-orthanc NAME|URL DIR                POST every file of DIR to that Orthanc
  stop-orthanc NAME
  orthanc-counts NAME|URL                  patients/studies/series/instances
  create-db NAME                           (re)create PostgreSQL database NAME owned by 'exchange'
  token CLIENT_OR_USER [SCOPE]             print an access token from \${KEYCLOAK_URL:-http://127.0.0.1:8180}
                                           clients: hospital-a hospital-b exchange-platform
                                           users (via exchange-cli): radiologist-a clinician-b auditor patient-1ct1
                                           patient-4mr1; SCOPE break-glass: purpose of use ETREAT (clinician-b)
  samples-dir [demo|broken|charsets|legacy] print the sample directory (after install)

Environment: EXCHANGE_CACHE=$EXCHANGE_CACHE
             EXCHANGE_RUN_DIR=$EXCHANGE_RUN_DIR
EOF
}

# token CLIENT_OR_USER: client credentials for the confidential clients
# (secret = <client>-secret), password grant through exchange-cli for users
# (password = <user>-pass).
cmd_token() {
  (($# == 1 || $# == 2)) || die "usage: scripts/peers.sh token CLIENT_OR_USER [SCOPE]"
  local who="$1" scope="openid${2:+ $2}"
  local kc="${KEYCLOAK_URL:-http://127.0.0.1:8180}"
  local endpoint="${kc%/}/realms/${KEYCLOAK_REALM:-imaging}/protocol/openid-connect/token"
  local resp
  case "$who" in
    hospital-a | hospital-b | exchange-platform)
      resp="$(curl -sS --max-time 30 \
        --data-urlencode grant_type=client_credentials \
        --data-urlencode "client_id=$who" \
        --data-urlencode "client_secret=${CLIENT_SECRET:-$who-secret}" \
        "$endpoint")" || die "token request to $endpoint failed"
      ;;
    *)
      resp="$(curl -sS --max-time 30 \
        --data-urlencode grant_type=password \
        --data-urlencode client_id=exchange-cli \
        --data-urlencode "username=$who" \
        --data-urlencode "password=${USER_PASSWORD:-$who-pass}" \
        --data-urlencode "scope=$scope" \
        "$endpoint")" || die "token request to $endpoint failed"
      ;;
  esac
  local token
  token="$(jq -r '.access_token // empty' <<<"$resp")"
  [[ -n "$token" ]] || die "no token for '$who': $(jq -c . <<<"$resp" 2>/dev/null || printf '%s' "$resp")"
  if [[ -n "${2:-}" ]] && ! jq -r '.scope // ""' <<<"$resp" | tr ' ' '\n' | grep -qx -- "$2"; then
    warn "'$who' was not granted the scope '$2' (e.g. break-glass needs the role emergency-access); the token has none of it"
  fi
  printf '%s\n' "$token"
}

main() {
  local cmd="${1:-help}"
  (($# > 0)) && shift
  case "$cmd" in
    install)
      (($# == 0)) || die "usage: scripts/peers.sh install"
      ensure_debian_packages
      ensure_keycloak
      ensure_sample_dicom
      ensure_charset_samples
      ensure_legacy_samples
      ensure_postgres
      ;;
    start-keycloak)
      (($# == 3)) || die "usage: scripts/peers.sh start-keycloak PORT MGMT_PORT NAME"
      keycloak_start "$@"
      ;;
    stop-keycloak)
      (($# == 1)) || die "usage: scripts/peers.sh stop-keycloak NAME"
      keycloak_stop "$1"
      ;;
    start-orthanc)
      (($# == 4)) || die "usage: scripts/peers.sh start-orthanc HTTP_PORT DICOM_PORT AET NAME"
      orthanc_start "$@"
      ;;
    load-orthanc)
      (($# == 2)) || die "usage: scripts/peers.sh load-orthanc NAME|URL DIR"
      orthanc_load "$@"
      orthanc_counts "$1"
      ;;
    stop-orthanc)
      (($# == 1)) || die "usage: scripts/peers.sh stop-orthanc NAME"
      orthanc_stop "$1"
      ;;
    orthanc-counts)
      (($# == 1)) || die "usage: scripts/peers.sh orthanc-counts NAME|URL"
      orthanc_counts "$1"
      ;;
    create-db)
      (($# == 1)) || die "usage: scripts/peers.sh create-db NAME"
      ensure_postgres
      pg_create_db "$1"
      ;;
    token)
      cmd_token "$@"
      ;;
    samples-dir)
      printf '%s\n' "$EXCHANGE_CACHE/samples/${1:-demo}"
      ;;
    help | -h | --help)
      usage
      ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
