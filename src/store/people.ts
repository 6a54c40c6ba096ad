import { normaliseName } from '../parse/recognise/names.js';
import type { DB } from './database.js';
import type { Appearance } from '../track/person-suggestions.js';
import { canonicalOwnerSql } from './filters.js';
import { statement } from './statements.js';
import { relinkSeries } from './tracked-items.js';

export interface Person {
  id: string;
  name: string | null;
  handle: string | null;
  aliases: string[];
  /** Meetings this person attended. */
  meetings: number;
  open: number;
  done: number;
  dropped: number;
}

/** Replace the stored aliases with these (alias -> person id), as the alias file says. */
export function replaceAliases(db: DB, aliases: Map<string, string>): void {
  const stored = statement<[], { alias: string; person_id: string }>(db, 'SELECT alias, person_id FROM aliases').all();
  const same = stored.length === aliases.size && stored.every((row) => aliases.get(row.alias) === row.person_id);
  if (same) return; // most commands only read: no write lock for them
  db.transaction(() => {
    statement(db, 'DELETE FROM aliases').run();
    const insert = statement(db, 'INSERT OR REPLACE INTO aliases (alias, person_id) VALUES (?, ?)');
    for (const [alias, person] of aliases) insert.run(normaliseName(alias), normaliseName(person));
    // Items count each owner under one id, the alias followed: an alias added or removed changes whose items are whose.
    for (const series of statement<[], { series: string | null }>(
      db,
      'SELECT DISTINCT series FROM tracked_items',
    ).all())
      relinkSeries(db, series.series);
  }).immediate();
}

/**
 * Everyone the knowledge base knows: people from participant lists, owners of
 * action items and people of the alias file, with their aliases and counts.
 */
export function listPeople(db: DB): Person[] {
  const rows = statement(
    db,
    `WITH ids AS (
       SELECT id FROM people UNION SELECT owner FROM tracked_item_owners UNION SELECT person_id FROM aliases
     ),
     owned AS (
       SELECT o.owner, sum(t.status = 'open') AS open, sum(t.status = 'done') AS done, sum(t.status = 'dropped') AS dropped
       FROM tracked_item_owners o JOIN tracked_items t ON t.id = o.item_id GROUP BY o.owner
     )
     SELECT ids.id, p.name, p.handle,
       (SELECT json_group_array(alias) FROM (SELECT alias FROM aliases WHERE person_id = ids.id ORDER BY alias)) AS aliases,
       (SELECT count(DISTINCT meeting_id) FROM participants WHERE person_id = ids.id) AS meetings,
       coalesce(owned.open, 0) AS open, coalesce(owned.done, 0) AS done, coalesce(owned.dropped, 0) AS dropped
     FROM ids LEFT JOIN people p ON p.id = ids.id LEFT JOIN owned ON owned.owner = ids.id
     WHERE ids.id NOT IN (SELECT alias FROM aliases)
     ORDER BY ids.id`,
  ).all() as (Omit<Person, 'aliases'> & { aliases: string })[];
  return rows.map((row) => ({ ...row, aliases: JSON.parse(row.aliases) as string[] }));
}

/**
 * Every id as it appears in each meeting, each followed through the alias file: participants with
 * the name and handle written, and owners of action items. What person suggestions weigh.
 */
export function personAppearances(db: DB): Appearance[] {
  return statement(
    db,
    `SELECT m.id AS meeting, m.series, ${canonicalOwnerSql('p.person_id')} AS id, p.name, p.handle
     FROM participants p JOIN meetings m ON m.id = p.meeting_id
     UNION ALL
     SELECT m.id, m.series, ${canonicalOwnerSql('coalesce(o.person_id, o.owner)')}, NULL, NULL
     FROM action_item_owners o JOIN action_items a ON a.id = o.action_item_id JOIN meetings m ON m.id = a.meeting_id`,
  ).all() as Appearance[];
}

/** Whether a name or handle is known: a participant, a learned name, or an alias. */
export function isKnownPerson(db: DB, id: string): boolean {
  return Boolean(
    statement(
      db,
      `SELECT 1 FROM people WHERE id = @id OR lower(name) = @id
       UNION ALL SELECT 1 FROM aliases WHERE alias = @id OR person_id = @id LIMIT 1`,
    ).get({ id: normaliseName(id) }),
  );
}

export interface UnknownOwner {
  source: string;
  line: number;
  owner: string;
}

/** Owners of action items in these meetings that match no known person, name or alias. */
export function unknownOwners(db: DB, meetingIds: number[]): UnknownOwner[] {
  if (meetingIds.length === 0) return [];
  return statement(
    db,
    `SELECT m.source, a.line, o.owner
     FROM action_item_owners o JOIN action_items a ON a.id = o.action_item_id JOIN meetings m ON m.id = a.meeting_id
     WHERE m.id IN (SELECT value FROM json_each(?))
       AND o.owner <> 'all'
       AND NOT EXISTS (SELECT 1 FROM people WHERE id = coalesce(o.person_id, o.owner) OR lower(name) = o.owner)
       AND NOT EXISTS (SELECT 1 FROM aliases WHERE alias = o.owner OR person_id = o.owner)
     ORDER BY m.source, a.line, o.owner`,
  ).all(JSON.stringify(meetingIds)) as UnknownOwner[];
}
