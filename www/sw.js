// Service worker: keeps Lacuna usable with the network cut once it has been
// loaded. Network first (so an update is never hidden behind a stale cache),
// falling back to the copy cached at install or on the last visit.

const CACHE = 'lacuna-v1';
const SHELL = [
  './',
  'index.html',
  'icon.svg',
  'styles/base.css',
  'styles/app.css',
  'styles/export.css',
  'app.js',
  'controls.js',
  'dom.js',
  'engine.js',
  'export.js',
  'format.js',
  'highlight.js',
  'inputs.js',
  'linking.js',
  'search.js',
  'worker.js',
  'render/coverage-map.js',
  'render/document.js',
  'render/facts.js',
  'render/figures.js',
  'render/link-detail.js',
  'render/omissions.js',
  'render/sections.js',
  'pkg/lacuna.js',
  'pkg/lacuna_bg.wasm',
  'examples/mueller-vol2/summary.txt',
  'examples/mueller-vol2/report.txt',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    } catch (error) {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      throw error;
    }
  })());
});
