import type { Statement } from 'better-sqlite3';
import type { DB } from './database.js';

const cache = new WeakMap<DB, Map<string, Statement>>();

/** A prepared statement, prepared once per database and SQL text. */
export function statement<P extends unknown[] | object = unknown[], R = unknown>(db: DB, sql: string): Statement<P, R> {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  let prepared = byText.get(sql);
  if (!prepared) byText.set(sql, (prepared = db.prepare(sql)));
  return prepared as unknown as Statement<P, R>;
}
