#!/usr/bin/env python3
"""Writes dist/sw.js: the service worker of the hosted build.

It caches the build's own files (the app shell and the shipped demo), and only
those: the list below is every file of dist/ at build time, so a file a user
loads is never cached, and no request of the app is answered from anything but
the build. The cache is named after a hash of those files: a new build is a
new cache, and the page offers a reload when it is ready.

Usage: scripts/service_worker.py [dist]
"""
import hashlib
import json
import os
import sys

dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
SKIP = {"sw.js", "shuno.html", "shuno-call-centre.html", "shuno-dunning.html"}

files = []
digest = hashlib.sha256()
for folder, _, names in sorted(os.walk(dist)):
    for name in sorted(names):
        path = os.path.join(folder, name)
        relative = os.path.relpath(path, dist).replace(os.sep, "/")
        if relative in SKIP:
            continue
        files.append("./" + relative)
        digest.update(relative.encode("utf-8"))
        with open(path, "rb") as f:
            digest.update(f.read())
version = digest.hexdigest()[:16]

script = """// Shūnō's service worker, written by scripts/service_worker.py: it caches the
// build's own files and nothing else, and answers only requests for them.
const CACHE = 'shuno-shell-%(version)s';
const FILES = %(files)s;
const SHELL = new Set(FILES.map((f) => new URL(f, self.registration.scope).href));
const INDEX = new URL('./index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('shuno-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page asks the waiting version to take over when the user chooses to reload.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  const key = request.mode === 'navigate' && url.href.startsWith(self.registration.scope) && !SHELL.has(url.href) ? INDEX : url.href;
  if (!SHELL.has(key) && key !== INDEX) return;
  event.respondWith(caches.match(key, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});
""" % {"version": version, "files": json.dumps(["./"] + files)}

with open(os.path.join(dist, "sw.js"), "w", encoding="utf-8") as f:
    f.write(script)
print("service_worker.py: dist/sw.js caches %d files as shuno-shell-%s" % (len(files) + 1, version), file=sys.stderr)
