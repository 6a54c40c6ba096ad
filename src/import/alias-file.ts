import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { normaliseName } from '../parse/recognise/names.js';

/**
 * The YAML library, loaded when an alias file is there to read: every command opens the store,
 * which reads the file, and loading the library took 25 of the 120 ms a `minutes search` spends
 * beyond Node's own start. (Required, as the file is read synchronously.)
 */
const yaml = (): typeof import('yaml') => createRequire(import.meta.url)('yaml');

/**
 * The alias file: which names stand for which person, kept by the team beside its
 * minutes (`people.yaml` by default, `MINUTES_ALIASES` or `--aliases` to change it):
 *
 *     garloff:
 *       - Kurt Garloff
 *       - Kurt
 */
export const DEFAULT_ALIAS_FILE = 'people.yaml';

export function aliasFilePath(option?: string): string {
  return option ?? process.env.MINUTES_ALIASES ?? DEFAULT_ALIAS_FILE;
}

/** The file's aliases as alias -> person; a missing file has none; a malformed one throws, naming the file. */
export function readAliasFile(path: string): Map<string, string> {
  const aliases = new Map<string, string>();
  if (!existsSync(path)) return aliases;
  let data: unknown;
  try {
    data = yaml().parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `${path}: not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      { cause: error },
    );
  }
  if (data === null || data === undefined) return aliases;
  if (typeof data !== 'object' || Array.isArray(data))
    throw new Error(`${path}: expected a mapping of person -> list of names`);
  for (const [person, names] of Object.entries(data as Record<string, unknown>)) {
    const list = Array.isArray(names) ? names : [names];
    for (const name of list) {
      if (typeof name !== 'string' || name.trim() === '')
        throw new Error(`${path}: ${person}: names must be non-empty strings`);
      aliases.set(normaliseName(name), normaliseName(person));
    }
  }
  return aliases;
}

/** Add one alias to the file (creating it), keeping the other entries. */
export function addAlias(path: string, name: string, person: string): Map<string, string> {
  const aliases = readAliasFile(path);
  aliases.set(normaliseName(name), normaliseName(person));
  const byPerson = new Map<string, string[]>();
  for (const [alias, id] of aliases) byPerson.set(id, [...(byPerson.get(id) ?? []), alias]);
  const data = Object.fromEntries(
    [...byPerson].sort(([a], [b]) => a.localeCompare(b)).map(([id, names]) => [id, names.sort()]),
  );
  writeFileSync(
    path,
    `# minutes-kb aliases: person (handle) -> other names they are written as\n${yaml().stringify(data)}`,
  );
  return aliases;
}
