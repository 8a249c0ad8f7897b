#!/usr/bin/env node
// Lacuna's static server, with no dependencies: `/` serves www/ and `/pkg/`
// serves pkg/ (the wasm-pack output). Every response carries a strict
// Content-Security-Policy that lets the page talk to its own origin only, so a
// document dropped into the page can never be sent anywhere.
//
//   node scripts/serve.mjs            first free port from 8080 up
//   PORT=9000 node scripts/serve.mjs  that port, or fail
//
// Tests import `startServer` instead (see tests/e2e/helpers.mjs).

import { createReadStream, existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root (this file lives in scripts/). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The policy every response carries: nothing may leave the page's origin. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** Headers set on every response, errors and redirects included. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Content types by file extension; anything else is application/octet-stream. */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

const contentType = (file) =>
  MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** Sends a short plain-text answer (errors, redirects). */
function sendText(res, status, message, extra = {}) {
  const body = `${message}\n`;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/**
 * Maps a URL path to a file under one of the mounts, or returns an HTTP status
 * for why it can't: 400 malformed, 403 outside the mount or hidden, 404 absent.
 * Symbolic links are followed only if they stay inside their mount.
 */
async function resolveFile(urlPath, mounts) {
  let segments;
  try {
    segments = urlPath.split('/').map(decodeURIComponent);
  } catch {
    return { status: 400 };
  }
  if (segments.some((s) => s.includes('\0'))) return { status: 400 };
  // Refuse traversal outright rather than normalising it away.
  if (segments.some((s) => s === '..' || s === '.' || /[\\/]/.test(s))) return { status: 403 };
  // Dotfiles (pkg/.gitignore, .env, …) are never served.
  if (segments.some((s) => s.startsWith('.'))) return { status: 404 };

  const mount = mounts.find((m) => urlPath === m.prefix.slice(0, -1) || urlPath.startsWith(m.prefix));
  if (!mount) return { status: 404 };
  if (urlPath === mount.prefix.slice(0, -1)) return { redirect: mount.prefix };
  const rel = urlPath.slice(mount.prefix.length).split('/').map(decodeURIComponent);

  let base;
  try {
    base = await realpath(mount.dir);
  } catch {
    return { status: 404 };
  }
  let file = path.join(base, ...rel);
  try {
    file = await realpath(file);
  } catch {
    return { status: 404 };
  }
  if (file !== base && !file.startsWith(base + path.sep)) return { status: 403 };

  let info = await stat(file);
  if (info.isDirectory()) {
    if (!urlPath.endsWith('/')) return { redirect: `${urlPath}/` };
    file = path.join(file, 'index.html');
    try {
      info = await stat(file);
    } catch {
      return { status: 404 };
    }
  }
  if (!info.isFile()) return { status: 404 };
  return { file, size: info.size };
}

/** The request handler: GET and HEAD only, static files only. */
export function createHandler({ wwwDir = path.join(ROOT, 'www'), pkgDir = path.join(ROOT, 'pkg') } = {}) {
  // Longest prefix first, so /pkg/ wins over /.
  const mounts = [
    { prefix: '/pkg/', dir: pkgDir },
    { prefix: '/', dir: wwwDir },
  ];
  return async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
        return;
      }
      // Parse the raw target without normalising "..": we refuse it instead.
      const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0];
      if (!rawPath.startsWith('/')) {
        sendText(res, 400, 'Bad request');
        return;
      }
      const found = await resolveFile(rawPath, mounts);
      if (found.redirect) {
        sendText(res, 301, 'Moved', { Location: found.redirect });
        return;
      }
      if (found.status) {
        const reason = { 400: 'Bad request', 403: 'Forbidden', 404: 'Not found' }[found.status];
        sendText(res, found.status, reason);
        return;
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': contentType(found.file),
        'Content-Length': found.size,
        // Always revalidate: a fresh build must show up on reload.
        'Cache-Control': 'no-cache',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = createReadStream(found.file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (err) {
      if (!res.headersSent) sendText(res, 500, 'Internal server error');
      else res.destroy();
      console.error(`serve: ${req.method} ${req.url}: ${err.message}`);
    }
  };
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Starts the server on `host`:`port` (port 0: any free port) and resolves to
 * `{ url, port, close }`; `url` ends with "/" and `close()` resolves once
 * every connection is closed.
 */
export async function startServer({ port = 0, host = '127.0.0.1', wwwDir, pkgDir } = {}) {
  const server = http.createServer(createHandler({ wwwDir, pkgDir }));
  const bound = await listen(server, port, host);
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { url: `http://${host}:${bound}/`, port: bound, close };
}

/** Starts on the first free port from `from` up (at most `tries` ports). */
async function startOnFreePort(from, tries = 100) {
  for (let port = from; port < from + tries; port += 1) {
    try {
      return await startServer({ port });
    } catch (err) {
      if (err.code !== 'EADDRINUSE' && err.code !== 'EACCES') throw err;
    }
  }
  throw new Error(`no free port between ${from} and ${from + tries - 1}`);
}

async function main() {
  let app;
  const requested = process.env.PORT;
  if (requested !== undefined && requested !== '') {
    const port = Number(requested);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`PORT must be a whole number from 0 to 65535, got "${requested}"`);
    }
    try {
      app = await startServer({ port });
    } catch (err) {
      if (err.code === 'EADDRINUSE') throw new Error(`port ${port} is already in use`);
      throw err;
    }
  } else {
    app = await startOnFreePort(8080);
  }
  const missing = ['www/index.html', 'pkg/lacuna.js', 'pkg/lacuna_bg.wasm'].filter(
    (f) => !existsSync(path.join(ROOT, f)),
  );
  if (missing.length) {
    console.warn(`serve: warning: missing ${missing.join(', ')} (run scripts/build.sh?)`);
  }
  console.log(`Lacuna is running at ${app.url}`);
  const stop = () => app.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  });
}
