import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { DEFAULT_RATE_LIMIT, isCostly, storageFailure } from './guards.js';
import { cacheCostlyAnswers } from './response-cache.js';
import { parseBudgetMs } from '../import/parse-pool.js';
import { MAX_FILE_BYTES } from '../import/read-minutes.js';
import type { DB } from '../store/database.js';
import { actionItemRoutes } from './routes/action-items.js';
import { decisionRoutes } from './routes/decisions.js';
import { meetingRoutes } from './routes/meetings.js';
import { ownerCalendarRoutes } from './routes/owner-calendar.js';
import { overviewRoutes } from './routes/overview.js';
import { searchRoutes } from './routes/search.js';
import { statusRoutes } from './routes/status.js';
import { webRoutes } from '../web/routes.js';

export interface ServerOptions {
  db: DB;
  /** Bearer token that enables writes (POST); without it the server is read-only. */
  token?: string;
  /** Largest request body accepted, in bytes (413 beyond); default the file size limit. */
  bodyLimit?: number;
  logger?: boolean;
  /**
   * Host names a request may be addressed to (its Host header, without the port), lower case; any
   * other gets 421, so a web page on another name cannot reach the API through DNS rebinding. None:
   * no check (a server bound to every address, or the tests' in-process requests).
   */
  allowedHosts?: string[];
  /** Time budget of parsing a posted file, ms (422 beyond; 0: none); default `MINUTES_PARSE_BUDGET`. */
  parseBudgetMs?: number;
  /** Costly requests (search, HTML, exports, imports) one client may make per minute (429 beyond; 0: no limit). */
  rateLimit?: number;
}

/** The host name of a Host header, without its port: "localhost:3000" -> "localhost", "[::1]:3000" -> "[::1]". */
function hostName(header: string): string {
  const name = header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.split(':')[0]!;
  return name.toLowerCase();
}

/**
 * The HTTP API: JSON routes under /api, OpenAPI at /docs, the page at /.
 * Bad input always gets a 4xx `{ error, message }`.
 */
/** A parameter written as a number, finite or not: "12", "1e400", "Infinity", "-Infinity", "NaN". */
const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?(?:e[+-]?\d+)?|infinity|nan)$/i;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? MAX_FILE_BYTES });

  // Markdown arrives as bytes, hashed and decoded exactly as a file from disk would be.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(
    ['text/plain', 'text/markdown', 'text/x-markdown'],
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
  );

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const storage = storageFailure(error.code);
    if (storage) {
      if (storage.status === 503) void reply.header('retry-after', '5');
      return reply.code(storage.status).send({
        error: storage.status === 507 ? 'Insufficient Storage' : 'Service Unavailable',
        message: storage.message,
      });
    }
    if (error.validation) {
      return reply.code(400).send({
        error: 'Bad Request',
        message: `${error.validationContext ?? 'request'}${error.message.replace(/^(querystring|params|body)/, '')}`,
      });
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) app.log.error(error);
    const names: Record<number, string> = {
      413: 'Payload Too Large',
      415: 'Unsupported Media Type',
      429: 'Too Many Requests',
    };
    return reply.code(status).send({
      error: names[status] ?? (status === 500 ? 'Internal Server Error' : 'Bad Request'),
      message: status === 500 ? 'internal error' : error.message,
    });
  });
  // Ajv coerces "Infinity" and "1e400" to a number that passes `type: integer` and `maximum`: refuse
  // every parameter written as a number that is not finite, on every route, before validation.
  app.addHook('preValidation', async (request, reply) => {
    const schema = request.routeOptions.schema as
      Record<string, { properties?: Record<string, { type?: unknown }> }> | undefined;
    for (const [part, values] of [
      ['querystring', request.query],
      ['params', request.params],
    ] as const) {
      for (const [name, value] of Object.entries((values ?? {}) as Record<string, unknown>)) {
        const type = schema?.[part]?.properties?.[name]?.type;
        if (type !== 'integer' && type !== 'number') continue;
        if (typeof value === 'string' && NUMERIC.test(value.trim()) && !Number.isFinite(Number(value))) {
          return reply.code(400).send({
            error: 'Bad Request',
            message: `${part}/${name} must be a finite integer, not ${JSON.stringify(value.slice(0, 40))}`,
          });
        }
      }
    }
  });
  if (options.allowedHosts) {
    const allowed = new Set(options.allowedHosts.map((h) => h.toLowerCase()));
    app.addHook('onRequest', async (request, reply) => {
      const host = hostName(request.headers.host ?? '');
      if (!allowed.has(host)) {
        const message = `this server does not answer for host ${JSON.stringify(host.slice(0, 80))} (see --allowed-host)`;
        return reply.code(421).send({ error: 'Misdirected Request', message });
      }
    });
  }
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'Not Found', message: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );

  // Security headers on every answer; the page and a meeting's HTML set stricter policies of their own.
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    // Served over plain HTTP on a local address: HSTS would be ignored, or pin a name to HTTPS by mistake.
    strictTransportSecurity: false,
  });
  // Before the cache: an answer from the cache counts against the limit too (a flood of cheap answers is a flood).
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (limit > 0) {
    await app.register(rateLimit, {
      max: limit,
      timeWindow: '1 minute',
      allowList: (request) => !isCostly(request),
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        error: 'Too Many Requests',
        message: `more than ${context.max} searches, exports or imports a minute from this client: try again in ${context.after}`,
      }),
    });
  }
  // Before compression: the cache keeps what a route answered, and compresses it again for each client.
  cacheCostlyAnswers(app, options.db);
  // Gzip or brotli for clients that ask (a meeting's HTML or a list compresses to a fifth or less).
  await app.register(compress, { threshold: 1024 });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'minutes-kb',
        description:
          'A knowledge base of meeting minutes: decisions, action items, meetings. [← Back to the minutes-kb page](/)',
        version: '0.1.0',
      },
      // Swagger UI's Authorize button: the token of MINUTES_TOKEN, sent by the write routes that declare it.
      components: {
        securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'MINUTES_TOKEN of the server' } },
      },
    },
  });
  // staticCSP: Swagger UI's own page gets a policy with the hashes of its inline script and style.
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  await app.register(searchRoutes, { db: options.db });
  await app.register(actionItemRoutes, { db: options.db, token: options.token });
  await app.register(decisionRoutes, { db: options.db });
  await app.register(ownerCalendarRoutes, { db: options.db });
  await app.register(meetingRoutes, {
    db: options.db,
    token: options.token,
    parseBudgetMs: options.parseBudgetMs ?? parseBudgetMs(),
  });
  await app.register(statusRoutes, { db: options.db, writable: Boolean(options.token) });
  await app.register(overviewRoutes, { db: options.db });
  await app.register(webRoutes);
  return app;
}
