import type { DB } from './database.js';
import { ownerIds } from './filters.js';
import { statement } from './statements.js';

/** Who a person page is about: the id every name of them resolves to, with their name, handle and other names. */
export interface PersonCard {
  id: string;
  name: string | null;
  handle: string | null;
  /** Other ids and names the minutes use for them. */
  aliases: string[];
  /** Meetings that list them as a participant. */
  meetings: number;
  /** Action items they own, any status. */
  items: number;
}

/**
 * The person a handle, name or alias means (`@garloff`, `Kurt Garloff`, `kurt`), or null when the
 * knowledge base knows nobody by it: no participant, owner or alias.
 */
export function personCard(db: DB, written: string): PersonCard | null {
  const ids = ownerIds(db, written.trim().replace(/^@+/, ''));
  const params = JSON.stringify(ids);
  const count = (sql: string) => (statement(db, sql).get({ ids: params }) as { n: number }).n;
  const meetings = count(
    'SELECT count(DISTINCT meeting_id) AS n FROM participants WHERE person_id IN (SELECT value FROM json_each(@ids))',
  );
  const items = count(
    'SELECT count(DISTINCT item_id) AS n FROM tracked_item_owners WHERE owner IN (SELECT value FROM json_each(@ids))',
  );
  const aliased = count(
    `SELECT count(*) AS n FROM aliases
     WHERE alias IN (SELECT value FROM json_each(@ids)) OR person_id IN (SELECT value FROM json_each(@ids))`,
  );
  const people = statement(
    db,
    'SELECT id, name, handle FROM people WHERE id IN (SELECT value FROM json_each(?)) ORDER BY handle IS NULL, id',
  ).all(params) as {
    id: string;
    name: string | null;
    handle: string | null;
  }[];
  if (meetings === 0 && items === 0 && aliased === 0 && people.length === 0) return null;
  const main = people[0];
  const id = main?.handle ? main.id : (ids[1] ?? ids[0]!);
  // A name of two words or more; the parser sometimes takes a line's words for a name of one.
  const name = people.map((p) => p.name).find((n) => n && /^[\p{L}.'-]+(?: [\p{L}.'-]+)+$/u.test(n)) ?? null;
  return {
    id,
    name,
    handle: main?.handle ?? null,
    aliases: ids.filter((i) => i !== id && /^[\p{L}\d._ -]+$/u.test(i)),
    meetings,
    items,
  };
}
