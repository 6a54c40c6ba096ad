import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type DB = Database.Database;

/** The numbered SQL migrations, shipped beside the code in `schema/`. */
const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema');

export const DEFAULT_DB = 'data/minutes.db';

/**
 * The database path: an explicit option, else `MINUTES_DB`, else `data/minutes.db`. An empty one is an
 * error: SQLite would open a temporary database that is deleted on close, and an import would vanish.
 */
export function databasePath(option?: string): string {
  if (option !== undefined && option.trim() === '') throw new Error('--db is empty: give the path of a database file');
  const env = process.env.MINUTES_DB;
  if (option === undefined && env !== undefined && env.trim() === '') {
    throw new Error('MINUTES_DB is set but empty: give the path of a database file or unset it');
  }
  return option ?? env ?? DEFAULT_DB;
}

function migrations(): { version: number; file: string }[] {
  return readdirSync(SCHEMA_DIR)
    .map((file) => ({ file, match: /^(\d+)-.*\.sql$/.exec(file) }))
    .filter((m) => m.match)
    .map((m) => ({ version: Number(m.match![1]), file: m.file }))
    .sort((a, b) => a.version - b.version);
}

/**
 * Apply, each in its own transaction, the migrations newer than the database's `user_version`.
 * The version is read again under the write lock, so two processes opening a new database at once
 * do not both apply a migration.
 */
export function migrate(db: DB): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const all = migrations();
  const latest = all[all.length - 1]?.version ?? 0;
  // A newer minutes-kb wrote this database: this one would write rows its tables no longer fit.
  if (version() > latest) {
    const known = `newer than this minutes-kb knows (${latest})`;
    throw new Error(`the database has schema version ${version()}, ${known}: upgrade minutes-kb`);
  }
  for (const migration of all) {
    if (migration.version <= version()) continue;
    const sql = readFileSync(join(SCHEMA_DIR, migration.file), 'utf8');
    db.transaction(() => {
      if (migration.version <= version()) return;
      db.exec(sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

/** Open (creating if needed) a database, in WAL mode with foreign keys on, and bring its schema up to date. */
export function openDatabase(path: string = databasePath()): DB {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * A token that changes whenever anything in the database changes: by this connection
 * (`total_changes()`) or by another one, another process included (`data_version`). What caches
 * of answers key on.
 */
export function dataVersion(db: DB): string {
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${db.pragma('data_version', { simple: true })}:${changes}`;
}
