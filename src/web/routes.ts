import type { FastifyPluginAsync } from 'fastify';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The page lives in src/web (no build step): plain HTML, CSS and JavaScript modules. */
const webDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'web');
const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** Every asset, read once at start: a handful of small files, served from memory by exact name. */
function readAssets(dir: string): Map<string, { type: string; body: string }> {
  const assets = new Map<string, { type: string; body: string }>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const type = TYPES[extname(name)];
    const path = join(dir, name);
    if (!type || !statSync(path).isFile()) continue;
    assets.set(name.split(sep).join('/'), { type, body: readFileSync(path, 'utf8') });
  }
  return assets;
}

/** The page's own files only: no inline scripts, nothing from elsewhere (it works offline). */
const POLICY = "default-src 'self'; img-src 'self' data: https:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Paths the page draws itself (app.js routes them); each answers with the same HTML. */
const PAGES = ['/', '/items', '/items/:id', '/people/:id', '/meetings/:id', '/decisions', '/import'];

/** GET / and the page's other views, and /assets/*. */
export const webRoutes: FastifyPluginAsync = async (app) => {
  const page = readFileSync(join(webDir, 'index.html'), 'utf8');
  const assets = readAssets(join(webDir, 'assets'));
  for (const path of PAGES) {
    app.get(path, { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', POLICY)
        .header('referrer-policy', 'no-referrer') // images in minutes load from elsewhere: they learn nothing of the page
        .header('cache-control', 'no-cache')
        .send(page),
    );
  }
  app.get<{ Params: { '*': string } }>('/assets/*', { schema: { hide: true } }, async (request, reply) => {
    const asset = assets.get(request.params['*']);
    if (!asset) return reply.code(404).send({ error: 'Not Found', message: `no asset ${request.params['*']}` });
    return reply.type(asset.type).header('cache-control', 'no-cache').send(asset.body);
  });
};
