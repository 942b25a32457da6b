#!/usr/bin/env python3
"""The size budget of the release build (issue #12), checked in scripts/test.sh.

Measures the Wasm files (on disk and gzipped, as a server or the single file
carries them) and the single file dist/shuno.html, prints them beside their
limits, writes target/size.json, and exits 1 when a limit is exceeded. The
first-visit budget counts the app and the import worker; the import worker
with the workbook reader (started only for a job with an .xlsx file) and the
export worker (the xlsx writer, loaded only when a workbook is asked for)
and the bid worker (the Monte Carlo, started only for a bid) are reported
beside them, and count in the single file.

Each contract is an app of its own (#16, #17): the call centre's and the
dunning blocks' first visits are each its app and its worker (which reads the
files, writes the pages and carries the demo), checked against the same
budget, and each single file against the same limit.

Limits:
- each single file: at most 3.5 MB on disk (the issue's target, met);
- both Wasm files gzipped (the app and the first-visit import worker): at most
  1 MB, the issue's budget, met since the workbook reader became a worker of
  its own (0.84 MB then); every later feature fits in what is left; the same
  for the call centre's and the dunning blocks' apps and workers.

Usage: scripts/size.py [dist]
"""
import glob
import gzip
import json
import os
import sys

SINGLE_FILE_MAX = 3_500_000
WASM_GZIPPED_MAX = 1_000_000

dist = sys.argv[1] if len(sys.argv) > 1 else "dist"


def gzipped(path):
    with open(path, "rb") as f:
        return len(gzip.compress(f.read(), compresslevel=9, mtime=0))


def one(pattern):
    found = sorted(glob.glob(os.path.join(dist, pattern)))
    if len(found) != 1:
        sys.exit("size.py: expected one %s in %s, found %d (run scripts/build-app.sh)" % (pattern, dist, len(found)))
    return found[0]


app = one("shuno-app-*_bg.wasm")
worker = one("shuno-import-worker_bg.wasm")
workbook_worker = one("shuno-import-worker-xlsx_bg.wasm")
export_worker = one("shuno-export-worker_bg.wasm")
bid_worker = one("shuno-bid-worker_bg.wasm")
single = one("shuno.html")
sizes = {
    "app_wasm_bytes": os.path.getsize(app),
    "app_wasm_gzipped": gzipped(app),
    "worker_wasm_bytes": os.path.getsize(worker),
    "worker_wasm_gzipped": gzipped(worker),
    # Started only for a job with a workbook: not in the first-visit budget.
    "workbook_worker_wasm_bytes": os.path.getsize(workbook_worker),
    "workbook_worker_wasm_gzipped": gzipped(workbook_worker),
    # Loaded only when a workbook is asked for: not in the first-visit budget.
    "export_worker_wasm_bytes": os.path.getsize(export_worker),
    "export_worker_wasm_gzipped": gzipped(export_worker),
    # Started only when a bid is simulated: not in the first-visit budget.
    "bid_worker_wasm_bytes": os.path.getsize(bid_worker),
    "bid_worker_wasm_gzipped": gzipped(bid_worker),
    "single_file_bytes": os.path.getsize(single),
}
wasm_gzipped = sizes["app_wasm_gzipped"] + sizes["worker_wasm_gzipped"]
sizes["wasm_gzipped"] = wasm_gzipped

mb = lambda n: "%.2f MB" % (n / 1e6)
rows = [
    ("app Wasm", mb(sizes["app_wasm_bytes"]), mb(sizes["app_wasm_gzipped"])),
    ("worker Wasm", mb(sizes["worker_wasm_bytes"]), mb(sizes["worker_wasm_gzipped"])),
    ("xlsx import", mb(sizes["workbook_worker_wasm_bytes"]), mb(sizes["workbook_worker_wasm_gzipped"])),
    ("export Wasm", mb(sizes["export_worker_wasm_bytes"]), mb(sizes["export_worker_wasm_gzipped"])),
    ("bid Wasm", mb(sizes["bid_worker_wasm_bytes"]), mb(sizes["bid_worker_wasm_gzipped"])),
]
over = []
# The other contracts' apps (#16, #17): each first visit is its app and the
# worker that reads its files and writes its pages, and each has a single file.
visits = []
for key, name, stem, single_name in [
    ("call_centre", "call centre", "shuno-call-centre", "shuno-call-centre.html"),
    ("dunning", "dunning", "shuno-dunning", "shuno-dunning.html"),
]:
    app_wasm = one(stem + "-app-*_bg.wasm")
    worker_wasm = one(stem + "-worker_bg.wasm")
    sizes[key + "_app_wasm_bytes"] = os.path.getsize(app_wasm)
    sizes[key + "_app_wasm_gzipped"] = gzipped(app_wasm)
    sizes[key + "_worker_wasm_bytes"] = os.path.getsize(worker_wasm)
    sizes[key + "_worker_wasm_gzipped"] = gzipped(worker_wasm)
    sizes[key + "_single_file_bytes"] = os.path.getsize(one(single_name))
    visit = sizes[key + "_app_wasm_gzipped"] + sizes[key + "_worker_wasm_gzipped"]
    sizes[key + "_visit_gzipped"] = visit
    rows.append((name + " app", mb(sizes[key + "_app_wasm_bytes"]), mb(sizes[key + "_app_wasm_gzipped"])))
    rows.append((name + " worker", mb(sizes[key + "_worker_wasm_bytes"]), mb(sizes[key + "_worker_wasm_gzipped"])))
    visits.append((name, visit, single_name, sizes[key + "_single_file_bytes"]))

for name, raw, zipped in rows:
    print("size: %-18s %10s on disk, %10s gzipped" % (name, raw, zipped))
print("size: both Wasm gzipped %s (limit %s)" % (mb(wasm_gzipped), mb(WASM_GZIPPED_MAX)))
print("size: dist/shuno.html %s (limit %s)" % (mb(sizes["single_file_bytes"]), mb(SINGLE_FILE_MAX)))
for name, visit, single_name, single_bytes in visits:
    print("size: %s first visit (app + its worker) gzipped %s (limit %s)" % (name, mb(visit), mb(WASM_GZIPPED_MAX)))
    print("size: dist/%s %s (limit %s)" % (single_name, mb(single_bytes), mb(SINGLE_FILE_MAX)))
    if single_bytes > SINGLE_FILE_MAX:
        over.append("dist/%s is %s, over its %s" % (single_name, mb(single_bytes), mb(SINGLE_FILE_MAX)))
    if visit > WASM_GZIPPED_MAX:
        over.append("the %s first visit is %s gzipped, over the %s budget" % (name, mb(visit), mb(WASM_GZIPPED_MAX)))

os.makedirs("target", exist_ok=True)
with open(os.path.join("target", "size.json"), "w") as f:
    json.dump(sizes, f, indent=2)

if sizes["single_file_bytes"] > SINGLE_FILE_MAX:
    over.append("dist/shuno.html is %s, over its %s" % (mb(sizes["single_file_bytes"]), mb(SINGLE_FILE_MAX)))
if wasm_gzipped > WASM_GZIPPED_MAX:
    over.append("the Wasm files are %s gzipped, over the %s budget" % (mb(wasm_gzipped), mb(WASM_GZIPPED_MAX)))
if over:
    for line in over:
        print("size: error: " + line + ": find what grew with `twiggy top` on the release .wasm", file=sys.stderr)
    sys.exit(1)
