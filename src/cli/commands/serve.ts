import { Command, Option } from 'commander';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../../api/server.js';
import { databasePath } from '../../store/database.js';
import { openStore } from '../open-store.js';
import { printJson, println } from '../output.js';
import { dbOption, jsonOption, portArgument } from '../options.js';
import { printSummary, runImport } from './import.js';

interface ServeOptions {
  port: number;
  host: string;
  db?: string;
  json?: boolean;
}

/** Serve the API and page until SIGINT or SIGTERM, then finish in-flight requests and close the database. */
export async function serve(options: ServeOptions): Promise<void> {
  const { db, path: dbFile } = openStore(options);
  const app = await buildServer({ db, token: process.env.MINUTES_TOKEN || undefined });
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    db.close();
    const reason = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `port ${options.port} is already in use (try --port)` : String(error);
    process.stderr.write(`minutes serve: cannot listen on ${options.host}:${options.port}: ${reason}\n`);
    process.exitCode = 1;
    return;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  if (options.json) printJson({ url, database: dbFile, writes: Boolean(process.env.MINUTES_TOKEN) });
  else println(`minutes-kb is serving ${dbFile} on ${url}  (API docs: ${url}/docs; Ctrl-C stops)`);
  const stop = async () => {
    await app.close();
    db.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const portOption = () => new Option('--port <port>', 'TCP port').argParser(portArgument).default(3000);
const hostOption = () => new Option('--host <host>', 'address to bind (127.0.0.1 keeps it on this machine)').default('127.0.0.1');

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the HTTP API and web page (writes need MINUTES_TOKEN)')
    .addOption(portOption())
    .addOption(hostOption())
    .addOption(dbOption())
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
      const summary = runImport([folder], dbFile);
      if (options.json) printJson({ database: dbFile, ...summary });
      else printSummary(summary, dbFile);
      await serve(options);
    });
}
