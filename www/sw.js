// Service worker: keeps Lacuna usable with the network cut once it has been
// loaded. Network first (so an update is never hidden behind a stale cache),
// falling back to the copy cached at install or on the last visit.

const CACHE = 'lacuna-v2';
const SHELL = [
  './',
  'index.html',
  'embed.html',
  'icon.svg',
  'styles/base.css',
  'styles/views.css',
  'styles/app.css',
  'styles/export.css',
  'styles/embed.css',
  'app.js',
  'controls.js',
  'dom.js',
  'embed-example.js',
  'export.js',
  'format.js',
  'highlight.js',
  'inputs.js',
  'linking.js',
  'search.js',
  'render/coverage-map.js',
  'render/document.js',
  'render/facts.js',
  'render/figures.js',
  'render/legend.js',
  'render/link-detail.js',
  'render/omissions.js',
  'render/sections.js',
  // The npm package (scripts/build.sh): the engine, and the element with the
  // copies of the app's modules it imports (the embed page's offline copy).
  'pkg/index.js',
  'pkg/engine.js',
  'pkg/worker.js',
  'pkg/lacuna.js',
  'pkg/lacuna_bg.wasm',
  'pkg/element.js',
  'pkg/element.css.js',
  'pkg/ui/dom.js',
  'pkg/ui/format.js',
  'pkg/ui/linking.js',
  'pkg/ui/render/coverage-map.js',
  'pkg/ui/render/document.js',
  'pkg/ui/render/figures.js',
  'pkg/ui/render/legend.js',
  'pkg/ui/render/link-detail.js',
  'pkg/ui/render/omissions.js',
  'pkg/ui/styles/base.css.js',
  'pkg/ui/styles/views.css.js',
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
