#!/usr/bin/env python3
"""Trunk post-build hook: pins the Content-Security-Policy of the built page.

The policy lets the page load only its own files and connect only to its own
origin: no other host can be contacted, no form posted, no frame embedded.
Trunk's inline module loader is allowed by its SHA-256 hash, so no inline
script other than that exact one can run.
"""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR", "dist")
# The page Trunk built: index.html, or another contract's page (named after its
# source, or index.html, as Trunk's version does).
pages = [n for n in ("index.html", "call-centre.html", "dunning.html") if os.path.exists(os.path.join(staging, n))]
if len(pages) != 1:
    sys.exit("csp.py: expected one built page in %s, found %s" % (staging, pages))
path = os.path.join(staging, pages[0])
with open(path, encoding="utf-8") as f:
    html = f.read()

# Trunk marks its generated tags with a nonce placeholder that only `trunk serve`
# replaces; a static build must not carry it.
html = re.sub(r'\s*nonce="\{\{__TRUNK NONCE__\}\}"', "", html)

hashes = []
for body in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S):
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    hashes.append("'sha256-%s'" % base64.b64encode(digest).decode("ascii"))

policy = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval' " + " ".join(hashes),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self' blob:",
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
    ]
)
meta = '<meta http-equiv="Content-Security-Policy" content="%s" />' % policy
html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', "", html)
html = html.replace("<head>", "<head>\n    " + meta, 1)
with open(path, "w", encoding="utf-8") as f:
    f.write(html)
print("csp.py: policy written with %d script hash(es)" % len(hashes), file=sys.stderr)
