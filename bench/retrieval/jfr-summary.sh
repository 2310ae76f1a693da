#!/usr/bin/env bash
# Summarises a JFR recording of the platform (bench/retrieval/run.sh with BENCH_JFR=1) as Markdown:
# CPU samples by top frame (self) and by frame anywhere on the stack (inclusive), samples per thread
# pool, allocation by site and the JDK's own views. Uses the newest JDK's `jfr` tool.
#
#   bench/retrieval/jfr-summary.sh RECORDING.jfr > summary.md
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/common.sh
JFR="$(java_home_min 21)/bin/jfr"
rec="$1"
echo "# Platform profile (JFR, settings=profile), $(basename "$rec")"
echo
"$JFR" print --json --stack-depth 96 --events jdk.ExecutionSample "$rec" | /usr/bin/python3 -c '
import collections, json, re, sys
events = json.load(sys.stdin)["recording"]["events"]
self_ = collections.Counter(); incl = collections.Counter(); pools = collections.Counter()
project = collections.Counter(); entries = collections.Counter(); subsystems = collections.Counter()
# The request entry: the outermost JAX-RS resource method or servlet of the project (WeldClientProxy and
# lambda frames skipped), so that the deep stacks of Liberty are charged to the request that caused them.
ENTRY = re.compile(r"org\.imagingexchange\.[a-z.]+\.api\.[A-Z][A-Za-z]*(Resource|Servlet)\.[a-z][A-Za-z]*$")
# What a sample was doing, judged by its twelve innermost frames, first match wins.
SUBSYSTEMS = [(n, re.compile(r)) for n, r in [
    ("JDBC driver (PostgreSQL/H2)", r"org[./](postgresql|h2)[./]"),
    ("Hibernate", r"org[./]hibernate[./]"),
    ("JWT / crypto", r"(com[./]ibm[./]ws[./]security|org[./]jose4j|sun[./]security|java[./]security)"),
    ("JSON (parsson / Jackson / JSON-B)", r"(org[./]eclipse[./](parsson|yasson)|com[./]fasterxml)"),
    ("FHIR (HAPI)", r"ca[./]uhn[./]fhir"),
    ("logging", r"(java[./]util[./]logging|com[./]ibm[./]ws[./]logging)"),
    ("HTTP client", r"(java[./]net[./]http|jdk[./]internal[./]net[./]http|org[./]apache[./]hc)"),
    ("project code", r"org[./]imagingexchange"),
    ("RESTEasy / CDI (Weld)", r"org[./]jboss[./](resteasy|weld)"),
    ("Liberty web container / channels", r"com[./]ibm[./]ws[./]"),
]]
for e in events:
    v = e["values"]
    frames = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in (v["stackTrace"] or {}).get("frames", [])]
    if not frames:
        continue
    self_[frames[0]] += 1
    for m in set(frames):
        incl[m] += 1
    first = next((m for m in frames if m.startswith("org.imagingexchange")), None)
    project[first or "(no project frame)"] += 1
    entry = next((m for m in reversed(frames) if ENTRY.match(m)), None)
    entries[entry or "(no request entry)"] += 1
    subsystems[next((name for name, rx in SUBSYSTEMS if any(rx.match(m) for m in frames[:12])), "other")] += 1
    name = (v.get("sampledThread") or {}).get("javaName") or "?"
    pools[re.sub(r"[-_ ]?[0-9]+$", "", re.sub(r"[0-9]+", "N", name))] += 1
n = sum(self_.values()) or 1
def table(title, counter, k):
    print("## " + title + " (" + str(n) + " samples)\n\n| samples | % | frame |\n|---|---|---|")
    for m, c in counter.most_common(k):
        print("| %d | %.1f | `%s` |" % (c, 100.0 * c / n, m))
    print()
table("CPU samples by top frame (self)", self_, 30)
table("CPU samples by request entry (outermost project resource or servlet method)", entries, 25)
table("CPU samples by subsystem (innermost frames)", subsystems, 15)
table("CPU samples by nearest project frame", project, 20)
table("CPU samples by frame anywhere on the stack (inclusive)", incl, 60)
table("CPU samples by thread", pools, 15)
'
for view in thread-cpu-load allocation-by-site allocation-by-class socket-reads-by-host socket-writes-by-host gc-pauses; do
  echo "## jfr view $view"
  echo
  echo '```'
  "$JFR" view --width 160 "$view" "$rec" 2>&1 | head -40
  echo '```'
  echo
done
