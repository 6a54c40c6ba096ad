import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { importPaths } from '../../src/import/import-files.js';
import { openDatabase, type DB } from '../../src/store/database.js';
import { ROOT } from '../helpers.js';

let db: DB;
let app: FastifyInstance;

beforeAll(async () => {
  db = openDatabase(':memory:');
  importPaths(db, [join(ROOT, 'minutes')]);
  app = await buildServer({ db });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  db.close();
});

interface Operation {
  parameters?: { name: string; in: string; schema?: { type?: string } }[];
}

/** Every GET route of the API docs with an integer parameter in its query or path, read from the OpenAPI document. */
function integerParameters(): { path: string; name: string; where: string }[] {
  const paths = (app.swagger() as { paths: Record<string, { get?: Operation }> }).paths;
  return Object.entries(paths).flatMap(([path, item]) =>
    (item.get?.parameters ?? [])
      .filter((p) => p.schema?.type === 'integer' && (p.in === 'query' || p.in === 'path'))
      .map((p) => ({ path, name: p.name, where: p.in })),
  );
}

describe('numbers in parameters', () => {
  it('finds the integer parameters of the list and export routes', () => {
    const found = integerParameters();
    expect(found.some((p) => p.name === 'limit')).toBe(true);
    expect(found.some((p) => p.name === 'live_days')).toBe(true);
    expect(found.some((p) => p.where === 'path')).toBe(true);
  });

  it.each(['Infinity', '-Infinity', 'NaN', '1e400', '99999999999999999999'])(
    'answers 400 naming the parameter for %s, on every route',
    async (value) => {
      for (const { path, name, where } of integerParameters()) {
        const url =
          where === 'path'
            ? path.replace(`{${name}}`, encodeURIComponent(value)).replace(/\{[^}]+\}/g, '1')
            : `${path.replace(/\{[^}]+\}/g, '1')}?${name}=${value}`;
        const response = await app.inject({ method: 'GET', url });
        expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
        expect(response.json().message, url).toContain(name);
      }
    },
  );

  it('still takes a search for the text "1e400"', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/search?q=1e400' })).statusCode).toBe(200);
  });
});

describe('the Host a request is addressed to', () => {
  it('is answered only for the names the server was told, so DNS rebinding reaches nothing', async () => {
    const { allowedHosts } = await import('../../src/cli/commands/serve.js');
    const guarded = await buildServer({ db, allowedHosts: allowedHosts('127.0.0.1', ['minutes.example.org']) });
    try {
      const status = async (host: string) =>
        (await guarded.inject({ method: 'GET', url: '/api/decisions', headers: { host } })).statusCode;
      expect(await status('127.0.0.1:3000')).toBe(200);
      expect(await status('localhost:3000')).toBe(200);
      expect(await status('[::1]:3000')).toBe(200);
      expect(await status('minutes.example.org')).toBe(200);
      expect(await status('attacker.example:3000')).toBe(421);
      expect(allowedHosts('0.0.0.0')).toBeUndefined();
    } finally {
      await guarded.close();
    }
  });
});
