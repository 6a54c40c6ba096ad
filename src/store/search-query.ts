import type { ActionStatus } from '../parse/meeting-record.js';
import type { SearchType } from './search.js';

/** Filters that can be written into the search box. */
export interface QueryFilters {
  owner?: string;
  status?: ActionStatus;
  /** Open action items that are live, stale or overdue (src/track/item-states.ts). */
  state?: 'live' | 'stale' | 'overdue';
  type?: SearchType;
  series?: string;
  /** Meetings strictly before / after this date. */
  before?: string;
  after?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** How each `key:value` of the box is read; a value a key does not accept leaves the term as words. */
const KEYS: Record<string, (value: string) => Partial<QueryFilters> | null> = {
  owner: (v) => ({ owner: v }),
  is: (v) =>
    /^(?:open|done|dropped)$/i.test(v)
      ? { status: v.toLowerCase() as ActionStatus }
      : /^(?:live|stale|overdue)$/i.test(v)
        ? { state: v.toLowerCase() as QueryFilters['state'] }
        : null,
  status: (v) => KEYS.is!(v),
  type: (v) => {
    const type = {
      decision: 'decision',
      decisions: 'decision',
      action: 'action',
      actions: 'action',
      ai: 'action',
      meeting: 'meeting',
      meetings: 'meeting',
    }[v.toLowerCase()];
    return type ? { type: type as SearchType } : null;
  },
  series: (v) => ({ series: v }),
  before: (v) => (DATE.test(v) ? { before: v } : null),
  after: (v) => (DATE.test(v) ? { after: v } : null),
};

/**
 * Split what was typed in the box into filters and the words to search:
 * `owner:garloff is:open type:decision series:iaas before:2024-06-01 after:2023-01-01 keycloak`.
 * Values may be quoted (`series:"sig standardization"`). Anything else stays text.
 */
export function parseSearchQuery(input: string): { text: string; filters: QueryFilters } {
  const filters: QueryFilters = {};
  const rest: string[] = [];
  const pattern = /([A-Za-z]+):(?:"([^"]*)"|(\S+))|"[^"]*"?|\S+/g;
  for (let match = pattern.exec(input); match; match = pattern.exec(input)) {
    const key = match[1]?.toLowerCase();
    const value = match[2] ?? match[3];
    const read = key && value !== undefined && Object.hasOwn(KEYS, key) ? KEYS[key]!(value) : null;
    if (read) Object.assign(filters, read);
    else rest.push(match[0]);
  }
  return { text: rest.join(' '), filters };
}
