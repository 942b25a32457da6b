#!/usr/bin/env python3
"""Writes dist/shuno.html, dist/shuno-call-centre.html and dist/shuno-dunning.html: each contract's app
in one file that opens by double-click (the two files kept in one folder open
each other from the contract choice in the header).

Browsers refuse scripts, modules and Wasm fetched from file://, so nothing is
fetched: the app's and its workers' Wasm (gzipped, base64), the stylesheet,
the icon and the demo files are carried inside the page, and a small inline
module unpacks them (DecompressionStream) before the app starts. Each worker
(the pension file: import; import with the workbook reader, export and bid,
each made only when first asked for; the call centre's file: its worker, with
the demo, and export) is started from a Blob URL; its script is the worker glue
followed by its own unpacking of its Wasm. The app learns of them through
window properties (`shunoWorkerUrl`, `shunoWorkbookWorkerUrl`,
`shunoExportWorkerUrl`, `shunoBidWorkerUrl`, `shunoCallCentreWorkerUrl`,
`shunoDemo`, `shunoSingleFile`: src/app/embedded.rs).

The Content-Security-Policy is as strict as the served build's: no origin at
all to connect to, the one inline script allowed by its hash, Wasm by
'wasm-unsafe-eval', the worker by blob:.

Usage: scripts/single_file.py [dist]
"""
import base64
import gzip
import hashlib
import json
import os
import re
import sys

dist = sys.argv[1] if len(sys.argv) > 1 else "dist"


def read(name, mode="r"):
    """A file of dist/ as text (UTF-8), or as bytes with mode "rb"."""
    encoding = None if "b" in mode else "utf-8"
    with open(os.path.join(dist, name), mode, encoding=encoding) as f:
        return f.read()


def packed(data):
    """Gzip, then base64: what the page's `unpack` undoes."""
    return base64.b64encode(gzip.compress(data, compresslevel=9, mtime=0)).decode("ascii")




def data_block(element_id, text, kind="text/plain"):
    # Not run as script (a data block); `</` cannot occur in base64 or JSON of base64.
    return '<script id="%s" type="%s">%s</script>' % (element_id, kind, text)


def worker_blocks(element_id, name):
    # The worker's glue (as text: `</script` escaped) and its Wasm.
    glue = read(name + ".js").replace("</script", "<\\/script")
    return data_block(element_id + "-glue", glue) + "\n    " + data_block(
        element_id + "-wasm", packed(read(name + "_bg.wasm", "rb"))
    )


UNPACK = """
// ---- single-file start: unpack what the page carries, then start the app ----
window.shunoSingleFile = true;
const carried = (id) => document.getElementById(id).textContent.trim();
const unpack = async (text) => {
  const zipped = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const stream = new Blob([zipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};
const workerUrl = (name) => {
  const script = carried(name + '-glue') + `
(async () => {
  const text = ${JSON.stringify(carried(name + '-wasm'))};
  const zipped = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const stream = new Blob([zipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  await wasm_bindgen({ module_or_path: new Uint8Array(await new Response(stream).arrayBuffer()) });
})();`;
  return URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
};
"""


def worker_property(prop, element_id, lazy):
    """The window property the app reads a worker's Blob URL from (made on
    first use when `lazy`: most visits never start that worker)."""
    if not lazy:
        return "window.%s = workerUrl('%s');\n" % (prop, element_id)
    return (
        "let %(p)sValue;\nObject.defineProperty(window, '%(p)s', {\n  get: () => (%(p)sValue ??= workerUrl('%(e)s')),\n});\n"
        % {"p": prop, "e": element_id}
    )


def single_file(page, out_name, title, workers, demo_names):
    """Writes one contract's file: the app of `page` (a built Trunk page),
    `workers` as (element id, dist name, window property, lazy), and the demo
    files of dist/demo named in `demo_names` (the call centre's demo is in its
    worker)."""
    index = read(page)
    app_js = re.search(r"import init, \* as bindings from '/([^']+\.js)'", index).group(1)
    app_wasm = re.search(r"module_or_path: '/([^']+_bg\.wasm)'", index).group(1)
    css = re.search(r'<link rel="stylesheet" href="/([^"]+\.css)"', index).group(1)
    icon = re.search(r'<link rel="icon" href="/([^"]+\.svg)"', index).group(1)

    # The app's glue as an inline module: its exports become plain declarations.
    glue = read(app_js)
    glue = re.sub(r"^export \{[^}]*\};?\s*$", "", glue, flags=re.M)
    glue = re.sub(r"^export (class|function|const|let|async function) ", r"\1 ", glue, flags=re.M)
    if re.search(r"^\s*export\b", glue, flags=re.M) or re.search(r"^\s*import\b", glue, flags=re.M):
        sys.exit("single_file.py: the app's glue has an import or export this script does not know")

    demo = {name: packed(read(os.path.join("demo", name), "rb")) for name in demo_names}
    boot = glue + UNPACK + "".join(worker_property(p, e, lazy) for e, _, p, lazy in workers)
    if demo_names:
        boot += """const demo = JSON.parse(carried('shuno-demo'));
window.shunoDemo = await Promise.all(
  demo.names.map(async (name) => ({ name, blob: new Blob([await unpack(demo.files[name])]) })),
);
"""
    boot += "await __wbg_init({ module_or_path: await unpack(carried('shuno-app-wasm')) });\n"
    digest = base64.b64encode(hashlib.sha256(boot.encode("utf-8")).digest()).decode("ascii")
    policy = "; ".join(
        [
            "default-src 'none'",
            "script-src 'wasm-unsafe-eval' 'sha256-%s'" % digest,
            "style-src 'unsafe-inline'",
            "img-src data: blob:",
            "connect-src 'none'",
            "worker-src blob:",
            "base-uri 'none'",
            "form-action 'none'",
            "object-src 'none'",
        ]
    )
    blocks = [worker_blocks(e, name) for e, name, _, _ in workers]
    blocks.append(data_block("shuno-app-wasm", packed(read(app_wasm, "rb"))))
    if demo_names:
        blocks.append(data_block("shuno-demo", json.dumps({"names": demo_names, "files": demo}), "application/json"))
    html = """<!DOCTYPE html>
<html lang="ja">
  <head>
    <meta http-equiv="Content-Security-Policy" content="{policy}" />
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>{title}</title>
    <link rel="icon" href="data:image/svg+xml;base64,{icon}" />
    <style>{css}</style>
    {blocks}
    <script type="module">{boot}</script>
  </head>
  <body></body>
</html>
""".format(
        policy=policy,
        title=title,
        icon=base64.b64encode(read(icon, "rb")).decode("ascii"),
        css=read(css),
        blocks="\n    ".join(blocks),
        boot=boot,
    )
    out = os.path.join(dist, out_name)
    with open(out, "w", encoding="utf-8") as f:
        f.write(html)
    print("single_file.py: wrote %s (%d bytes)" % (out, len(html.encode("utf-8"))), file=sys.stderr)


single_file(
    "index.html",
    "shuno.html",
    "Shūnō 収納",
    [
        ("shuno-worker", "shuno-import-worker", "shunoWorkerUrl", False),
        ("shuno-workbook-worker", "shuno-import-worker-xlsx", "shunoWorkbookWorkerUrl", True),
        ("shuno-export-worker", "shuno-export-worker", "shunoExportWorkerUrl", True),
        ("shuno-bid-worker", "shuno-bid-worker", "shunoBidWorkerUrl", True),
    ],
    json.loads(read("demo/manifest.json")),
)
single_file(
    "call-centre.html",
    "shuno-call-centre.html",
    "Shūnō 収納 — コールセンター",
    [
        ("shuno-call-centre-worker", "shuno-call-centre-worker", "shunoCallCentreWorkerUrl", True),
        ("shuno-export-worker", "shuno-export-worker", "shunoExportWorkerUrl", True),
    ],
    [],
)
single_file(
    "dunning.html",
    "shuno-dunning.html",
    "Shūnō 収納 — 労災 督促・債権回収",
    [
        ("shuno-dunning-worker", "shuno-dunning-worker", "shunoDunningWorkerUrl", True),
        ("shuno-export-worker", "shuno-export-worker", "shunoExportWorkerUrl", True),
    ],
    [],
)
