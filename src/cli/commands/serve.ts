import { existsSync } from 'node:fs';
import cluster from 'node:cluster';
import { Command, Option } from 'commander';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RATE_LIMIT } from '../../api/guards.js';
import { databasePath } from '../../store/database.js';
import { openStore } from '../open-store.js';
import { printJson, println } from '../output.js';
import { dbOption, jsonOption, portArgument, positiveInteger } from '../options.js';
import { printSummary, runImport } from './import.js';
import { startWatching, watchFolderArgument, type Watching } from './watch.js';

interface ServeOptions {
  port: number;
  host: string;
  db?: string;
  json?: boolean;
  workers?: number;
  /** Create the database if it does not exist (else a mistyped --db is an error, not an empty server). */
  create?: boolean;
  /** More host names requests may be addressed to, beyond the bound address and the loopback names. */
  allowedHost?: string[];
  /** Costly requests a client may make per minute (0: no limit). */
  rateLimit?: number;
  /** Folders of minutes kept imported while serving, as `minutes watch` does (the database is created if need be). */
  watch?: string[];
}

/** `--watch`: one watch for the whole server, in the first process, on a database connection of its own. */
async function watchWhileServing(options: ServeOptions): Promise<Watching | null> {
  if (!options.watch?.length || !cluster.isPrimary) return null;
  const name = 'minutes serve --watch';
  const watching = await startWatching(options.watch, { db: options.db, json: options.json, name });
  watching.ready.catch((error: unknown) => {
    process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
  return watching;
}

/** Names a request to a server bound to `host` may carry; none to check for a server bound to every address. */
export function allowedHosts(host: string, more: string[] = []): string[] | undefined {
  if (host === '0.0.0.0' || host === '::' || host === '') return more.length > 0 ? more : undefined;
  return [host.includes(':') && !host.startsWith('[') ? `[${host}]` : host, 'localhost', '127.0.0.1', '[::1]', ...more];
}

/**
 * With more than one worker, the server runs as a node:cluster: each worker a process with its own
 * connection to the database (SQLite in WAL mode lets them all read at once; writes wait for each
 * other), all taking connections on one port. This one process prints the URL once every worker
 * listens (so whoever reads it may stop the server at once and have it stop cleanly), passes
 * SIGINT/SIGTERM on, and ends when they have finished their requests.
 */
async function serveWorkers(options: ServeOptions): Promise<void> {
  const workers = Array.from({ length: options.workers! }, () => cluster.fork({ MINUTES_WORKER: '1' }));
  let listening = 0;
  for (const worker of workers) {
    worker.once('message', (message: { line?: string }) => {
      if (++listening === workers.length) println(message.line!);
    });
  }
  const watching = await watchWhileServing(options);
  const stop = () => {
    workers.forEach((w) => w.isDead() || w.process.kill('SIGTERM'));
    void watching?.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // A worker that cannot start (port taken, bad alias file) has said why: the others stop too.
  const codes = await Promise.all(
    workers.map(
      (w) =>
        new Promise<number>((resolve) =>
          w.on('exit', (code) => (listening < workers.length && stop(), resolve(code ?? 1))),
        ),
    ),
  );
  await watching?.close();
  if (listening < workers.length || codes.some((c) => c !== 0)) process.exitCode = 1;
}

/** Serve the API and page until SIGINT or SIGTERM, then finish in-flight requests and close the database. */
export async function serve(options: ServeOptions): Promise<void> {
  if ((options.workers ?? 1) > 1 && cluster.isPrimary) return serveWorkers(options);
  const { buildServer } = await import('../../api/server.js'); // fastify and the page: only for the commands that serve
  const path = databasePath(options.db);
  if (!options.create && !options.watch?.length && path !== ':memory:' && !existsSync(path)) {
    const hint = 'import minutes first (minutes import PATH), or pass --create to serve an empty one';
    throw new Error(`no database at ${path}: ${hint}`);
  }
  const { db, path: dbFile } = openStore(options);
  const app = await buildServer({
    db,
    token: process.env.MINUTES_TOKEN || undefined,
    allowedHosts: allowedHosts(options.host, options.allowedHost),
    rateLimit: options.rateLimit,
  });
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    db.close();
    const reason =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `port ${options.port} is already in use (try --port)`
        : String(error);
    process.stderr.write(`minutes serve: cannot listen on ${options.host}:${options.port}: ${reason}\n`);
    process.exitCode = 1;
    if (cluster.isWorker) process.disconnect();
    return;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  const line = options.json
    ? JSON.stringify({
        url,
        database: dbFile,
        writes: Boolean(process.env.MINUTES_TOKEN),
        workers: options.workers ?? 1,
      })
    : `minutes-kb is serving ${dbFile} on ${url}${(options.workers ?? 1) > 1 ? ` with ${options.workers} worker processes` : ''}  (API docs: ${url}/docs; Ctrl-C stops)`;
  if (cluster.isWorker) process.send!({ line });
  else println(line);
  const watching = await watchWhileServing(options);
  let stopping = false;
  const stop = async () => {
    // Ctrl-C reaches the workers twice: from the terminal and from the primary.
    if (stopping) return;
    stopping = true;
    await app.close();
    await watching?.close();
    db.close();
    if (cluster.isWorker) process.disconnect(); // the channel to the primary would keep this process alive
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const portOption = () => new Option('--port <port>', 'TCP port').argParser(portArgument).default(3000);
const workersOption = () =>
  new Option('--workers <n>', 'server processes sharing the port (each searches on its own core)')
    .argParser((v) => Math.max(1, Math.min(positiveInteger(v), 16)))
    .default(1);
const rateLimitOption = () =>
  new Option(
    '--rate-limit <n>',
    'searches, exports and imports one client may make per minute (429 beyond; 0: no limit)',
  )
    .argParser(positiveInteger)
    .default(DEFAULT_RATE_LIMIT);
const hostOption = () =>
  new Option('--host <host>', 'address to bind (127.0.0.1 keeps it on this machine)').default('127.0.0.1');

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the HTTP API and web page (writes need MINUTES_TOKEN)')
    .addOption(portOption())
    .addOption(hostOption())
    .addOption(workersOption())
    .addOption(dbOption())
    .option('--create', 'create the database if it does not exist (by default a missing --db is an error)')
    .option(
      '--allowed-host <name...>',
      'a host name requests may be addressed to, beyond the bound address and localhost',
    )
    .addOption(rateLimitOption())
    .addOption(
      new Option(
        '--watch <folders...>',
        'keep these folders imported, as `minutes watch` does (creates the database)',
      ).argParser(watchFolderArgument),
    )
    .addOption(jsonOption('print the URL as JSON'))
    .action(serve);
}

/** The minutes/ folder that ships with the project. */
const BUNDLED_MINUTES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'minutes');

export function startCommand(): Command {
  return new Command('start')
    .description('import the bundled minutes/ folder, then serve (what `npm start` runs)')
    .addOption(portOption())
    .addOption(hostOption())
    .addOption(dbOption())
    .addOption(jsonOption('print the import summary and the URL as JSON'))
    .action(async (options: ServeOptions) => {
      const dbFile = databasePath(options.db);
      const folder = relative(process.cwd(), BUNDLED_MINUTES) || '.';
      const summary = await runImport([folder], dbFile);
      if (options.json) printJson({ database: dbFile, ...summary });
      else printSummary(summary, dbFile);
      await serve({ ...options, create: true });
    });
}
