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

Each contract is an app of its own (#16): the call centre's first visit is its
app and its worker (which reads the files and carries the demo), checked
against the same budget, and its single file against the same limit.

Limits:
- each single file: at most 3.5 MB on disk (the issue's target, met);
- both Wasm files gzipped (the app and the first-visit import worker): at most
  1 MB, the issue's budget, met since the workbook reader became a worker of
  its own (0.84 MB then); every later feature fits in what is left; the same
  for the call centre's app and worker.

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
call_centre_app = one("shuno-call-centre-app-*_bg.wasm")
worker = one("shuno-import-worker_bg.wasm")
workbook_worker = one("shuno-import-worker-xlsx_bg.wasm")
export_worker = one("shuno-export-worker_bg.wasm")
bid_worker = one("shuno-bid-worker_bg.wasm")
call_centre_worker = one("shuno-call-centre-worker_bg.wasm")
single = one("shuno.html")
call_centre_single = one("shuno-call-centre.html")
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
    # The call centre's first visit: its app and its worker.
    "call_centre_app_wasm_bytes": os.path.getsize(call_centre_app),
    "call_centre_app_wasm_gzipped": gzipped(call_centre_app),
    "call_centre_worker_wasm_bytes": os.path.getsize(call_centre_worker),
    "call_centre_worker_wasm_gzipped": gzipped(call_centre_worker),
    "single_file_bytes": os.path.getsize(single),
    "call_centre_single_file_bytes": os.path.getsize(call_centre_single),
}
wasm_gzipped = sizes["app_wasm_gzipped"] + sizes["worker_wasm_gzipped"]
sizes["wasm_gzipped"] = wasm_gzipped
call_centre_visit = sizes["call_centre_app_wasm_gzipped"] + sizes["call_centre_worker_wasm_gzipped"]
sizes["call_centre_visit_gzipped"] = call_centre_visit

mb = lambda n: "%.2f MB" % (n / 1e6)
rows = [
    ("app Wasm", mb(sizes["app_wasm_bytes"]), mb(sizes["app_wasm_gzipped"])),
    ("worker Wasm", mb(sizes["worker_wasm_bytes"]), mb(sizes["worker_wasm_gzipped"])),
    ("xlsx import", mb(sizes["workbook_worker_wasm_bytes"]), mb(sizes["workbook_worker_wasm_gzipped"])),
    ("export Wasm", mb(sizes["export_worker_wasm_bytes"]), mb(sizes["export_worker_wasm_gzipped"])),
    ("bid Wasm", mb(sizes["bid_worker_wasm_bytes"]), mb(sizes["bid_worker_wasm_gzipped"])),
    ("call centre app", mb(sizes["call_centre_app_wasm_bytes"]), mb(sizes["call_centre_app_wasm_gzipped"])),
    ("call centre worker", mb(sizes["call_centre_worker_wasm_bytes"]), mb(sizes["call_centre_worker_wasm_gzipped"])),
]
for name, raw, zipped in rows:
    print("size: %-18s %10s on disk, %10s gzipped" % (name, raw, zipped))
print("size: both Wasm gzipped %s (limit %s)" % (mb(wasm_gzipped), mb(WASM_GZIPPED_MAX)))
print("size: call-centre first visit (app + its worker) gzipped %s (limit %s)" % (mb(call_centre_visit), mb(WASM_GZIPPED_MAX)))
print("size: dist/shuno.html %s (limit %s)" % (mb(sizes["single_file_bytes"]), mb(SINGLE_FILE_MAX)))
print("size: dist/shuno-call-centre.html %s (limit %s)" % (mb(sizes["call_centre_single_file_bytes"]), mb(SINGLE_FILE_MAX)))

os.makedirs("target", exist_ok=True)
with open(os.path.join("target", "size.json"), "w") as f:
    json.dump(sizes, f, indent=2)

over = []
if sizes["single_file_bytes"] > SINGLE_FILE_MAX:
    over.append("dist/shuno.html is %s, over its %s" % (mb(sizes["single_file_bytes"]), mb(SINGLE_FILE_MAX)))
if sizes["call_centre_single_file_bytes"] > SINGLE_FILE_MAX:
    over.append("dist/shuno-call-centre.html is %s, over its %s" % (mb(sizes["call_centre_single_file_bytes"]), mb(SINGLE_FILE_MAX)))
if wasm_gzipped > WASM_GZIPPED_MAX:
    over.append("the Wasm files are %s gzipped, over the %s budget" % (mb(wasm_gzipped), mb(WASM_GZIPPED_MAX)))
if call_centre_visit > WASM_GZIPPED_MAX:
    over.append("the call centre's first visit is %s gzipped, over the %s budget" % (mb(call_centre_visit), mb(WASM_GZIPPED_MAX)))
if over:
    for line in over:
        print("size: error: " + line + ": find what grew with `twiggy top` on the release .wasm", file=sys.stderr)
    sys.exit(1)
