// Offline shell: static assets are cached; pages (personal data) always come from the network and fall back to
// the offline page when there is none. The live stream and sign-in are never touched.
// bump with every change of a shell file: the cache is read first
const CACHE = 'esop-shell-v2';
const SHELL = ['/offline.html', '/static/app.css', '/static/app.js', '/static/icon.svg', '/webjars/htmx.org/dist/htmx.min.js',
  '/manifest.webmanifest'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname === '/live') {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match('/offline.html')));
    return;
  }
  if (SHELL.includes(url.pathname)) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
  }
});
