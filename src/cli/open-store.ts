import { aliasFilePath, readAliasFile } from '../import/alias-file.js';
import { databasePath, openDatabase, type DB } from '../store/database.js';
import { replaceAliases } from '../store/people.js';

/** Open the database the options name, with the aliases of the alias file brought in. */
export function openStore(options: { db?: string }): { db: DB; path: string } {
  const path = databasePath(options.db);
  const db = openDatabase(path);
  try {
    replaceAliases(db, readAliasFile(aliasFilePath()));
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, path };
}
