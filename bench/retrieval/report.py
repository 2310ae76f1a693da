#!/usr/bin/python3
"""Turns the JSON lines of one run of bench/retrieval/run.sh into a Markdown report.

    report.py RESULTS.jsonl MACHINE SECONDS_PER_CELL HEAP
"""
import json
import sys

TARGETS = {"large": ("throughput", 0.6), "small": ("requests", 0.5)}


def main():
    path, machine, seconds, heap = sys.argv[1:5]
    rows = [json.loads(line) for line in open(path) if line.strip()]
    cells = [r for r in rows if "clients" in r]
    after_gc = [r["after_gc"] for r in rows if "after_gc" in r]
    out = ["# WADO-RS retrieval benchmark, %s" % path.rsplit("/", 1)[-1].replace(".jsonl", ""), "",
           "Machine: %s. Window per cell: %s s; platform heap limit: %s. Retrieve Study, "
           "`Accept: multipart/related; type=\"application/dicom\"; transfer-syntax=*`; every complete body "
           "checked (status 200, byte count equal to Orthanc's, closing multipart delimiter)." % (machine, seconds, heap),
           ""]
    out.append("Targets: ≥ 0.6× direct MB/s (large study), ≥ 0.5× direct requests/s (small study), "
               "TTFB ≤ direct + 20 ms.")
    out.append("")
    for study in sorted({c["study"] for c in cells}, key=lambda s: list(TARGETS).index(s) if s in TARGETS else 9):
        study_cells = [c for c in cells if c["study"] == study]
        size = study_cells[0]["study_bytes"]
        out.append("## %s study (%.1f MB per retrieval)" % (study, size / 1e6))
        out.append("")
        out.append("| clients | target | MB/s | req/s | × direct (MB/s) | × direct (req/s) | TTFB p50 ms | TTFB p95 ms "
                   "| TTFB p50 − direct | complete / errors | platform heap max / RSS max MiB |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|")
        for clients in sorted({c["clients"] for c in study_cells}):
            group = [c for c in study_cells if c["clients"] == clients]
            direct = next((c for c in group if c["target"] == "direct"), None)
            for c in group:
                ratio_mb = c["mb_per_s"] / direct["mb_per_s"] if direct and direct["mb_per_s"] else float("nan")
                ratio_rq = c["req_per_s"] / direct["req_per_s"] if direct and direct["req_per_s"] else float("nan")
                dt = c["ttfb_ms_p50"] - direct["ttfb_ms_p50"] if direct else float("nan")
                mem = ("%d / %d" % (c["heap_used_mib_max"], c["rss_mib_max"])) if "rss_mib_max" in c else ""
                out.append("| %d | %s | %.0f | %.1f | %.2f | %.2f | %.1f | %.1f | %+.1f | %d / %d | %s |" % (
                    clients, c["target"], c["mb_per_s"], c["req_per_s"], ratio_mb, ratio_rq, c["ttfb_ms_p50"],
                    c["ttfb_ms_p95"], dt, c["completed"], c["errors"], mem))
        out.append("")
        errs = [c for c in study_cells if c["errors"]]
        for c in errs:
            out.append("- errors, %s c=%d: %s" % (c["target"], c["clients"], "; ".join(c["error_samples"])))
        if errs:
            out.append("")
    if after_gc:
        m = after_gc[-1]
        out.append("Platform after the run and a full GC: heap used %d MiB, RSS %d MiB." % (
            m["heap_used_mib_max"], m["rss_mib_max"]))
        out.append("")
    out.append("Throughput counts every byte received in the window (requests still running when it ends are cut "
               "off, so large-study cells with many clients may show 0 complete requests); req/s counts complete, "
               "checked bodies only.")
    print("\n".join(out))


if __name__ == "__main__":
    main()
