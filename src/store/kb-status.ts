import type { DB } from './database.js';
import { statement } from './statements.js';

export interface SeriesCount {
  series: string;
  meetings: number;
  latest: string | null;
}

/** How many meetings the knowledge base holds. */
export function meetingCount(db: DB): number {
  return (statement(db, 'SELECT count(*) AS n FROM meetings').get() as { n: number }).n;
}

/** Every series with its number of meetings and its latest date, by name. */
export function seriesCounts(db: DB): SeriesCount[] {
  return statement(
    db,
    `SELECT series, count(*) AS meetings, max(date) AS latest FROM meetings
     WHERE series IS NOT NULL GROUP BY series ORDER BY series`,
  ).all() as SeriesCount[];
}
