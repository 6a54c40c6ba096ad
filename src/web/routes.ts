import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The page lives in src/web (no build step): plain HTML, CSS and JavaScript modules. */
const webDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'web');
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface Asset {
  type: string;
  body: string;
  etag: string;
}

const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;

/** Every asset, read once at start: a handful of small files, served from memory by exact name. */
function readAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const type = TYPES[extname(name)];
    const path = join(dir, name);
    if (!type || !statSync(path).isFile()) continue;
    const body = readFileSync(path, 'utf8');
    assets.set(name.split(sep).join('/'), { type, body, etag: etagOf(body) });
  }
  return assets;
}

/**
 * The page's own files only: no inline scripts, nothing from elsewhere (it works offline). Images
 * in minutes that point at other servers are not loaded: a page of minutes would otherwise tell
 * those servers who reads it and when.
 */
const POLICY =
  "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
  "form-action 'self'";

/** Paths the page draws itself (app.js routes them); each answers with the same HTML. */
const PAGES = ['/', '/search', '/items', '/items/:id', '/people/:id', '/meetings/:id', '/decisions', '/import'];

/** Assets under /assets/v-<version>/ never change: a new version of the page has a new folder. */
const LONG_CACHE = 'public, max-age=31536000, immutable';

/** A body with its ETag: 304 when the client has it already. */
function withEtag(
  request: FastifyRequest,
  reply: FastifyReply,
  etag: string,
  cache: string,
  type: string,
  body: string,
) {
  reply.header('etag', etag).header('cache-control', cache);
  if (request.headers['if-none-match']?.split(',').some((tag) => tag.trim() === etag)) return reply.code(304).send();
  return reply.type(type).send(body);
}

/**
 * GET / and the page's other views, /assets/*, and an HTML "not found" page for any other path
 * outside /api and /docs.
 */
export const webRoutes: FastifyPluginAsync = async (app) => {
  const assets = readAssets(join(webDir, 'assets'));
  // The version names the whole set: modules import each other by relative paths, within one folder.
  const version = `v-${etagOf([...assets.values()].map((a) => a.etag).join()).slice(1, 13)}`;
  // Every module is announced in the page: the browser fetches them at once, not import by import.
  const preload = [...assets.keys()]
    .filter((name) => name.endsWith('.js'))
    .map((name) => `<link rel="modulepreload" href="/assets/${name}">`);
  const page = readFileSync(join(webDir, 'index.html'), 'utf8')
    .replace('</head>', `${preload.join('\n')}\n</head>`)
    .replaceAll('/assets/', `/assets/${version}/`);
  const views = { body: page, etag: etagOf(page) };
  // The front page asks for its figures while its modules load (the overview fetches the same URL).
  const preloadFigures = '<link rel="preload" href="/api/overview" as="fetch" crossorigin="anonymous">';
  const front = page.replace('</head>', `${preloadFigures}\n</head>`);
  const overview = { body: front, etag: etagOf(front) };

  const html = 'text/html; charset=utf-8';
  const sendPage = (request: FastifyRequest, reply: FastifyReply, { body, etag } = views, found = true) => {
    reply.header('content-security-policy', POLICY).header('referrer-policy', 'no-referrer');
    if (!found) return reply.code(404).header('cache-control', 'no-cache').type(html).send(body);
    return withEtag(request, reply, etag, 'no-cache', html, body);
  };
  for (const path of PAGES) {
    const variant = path === '/' ? overview : views;
    app.get(path, { schema: { hide: true } }, (request, reply) => sendPage(request, reply, variant));
  }

  app.get<{ Params: { '*': string } }>('/assets/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.params['*'];
    const [, tag, name] = /^(v-[A-Za-z0-9_-]+)\/(.*)$/.exec(path) ?? [null, null, path];
    const asset = assets.get(name!);
    if (!asset) return reply.code(404).send({ error: 'Not Found', message: `no asset ${path}` });
    // A page of an older version may still ask for its folder: it gets today's file, not cached for long.
    return withEtag(request, reply, asset.etag, tag === version ? LONG_CACHE : 'no-cache', asset.type, asset.body);
  });

  // Any other path is a page that does not exist: the page says so in HTML (status 404), the API in JSON.
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (/^\/(?:api|docs)(?:\/|$)/.test(path))
      return reply.code(404).send({ error: 'Not Found', message: `no route GET ${path}` });
    return sendPage(request, reply, views, false);
  });
};
