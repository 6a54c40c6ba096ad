import { existsSync } from 'node:fs';
import { aliasFilePath, readAliasFile } from '../import/alias-file.js';
import { databasePath, openDatabase, type DB } from '../store/database.js';
import { replaceAliases } from '../store/people.js';

/**
 * Open the database the options name, with the aliases of the alias file brought in.
 * Commands that only read pass `mustExist`: a mistyped path is an error, not an empty database.
 */
export function openStore(options: { db?: string }, mustExist = false): { db: DB; path: string } {
  const path = databasePath(options.db);
  if (mustExist && path !== ':memory:' && !existsSync(path))
    throw new Error(`no database at ${path}: import minutes first (minutes import PATH)`);
  const db = openDatabase(path);
  try {
    replaceAliases(db, readAliasFile(aliasFilePath()));
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, path };
}
