import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** JSON schemas shared by the routes; the MeetingRecord one is the file in `schema/`. */

const recordSchema = JSON.parse(
  readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema', 'meeting-record.schema.json'),
    'utf8',
  ),
) as { $defs: Record<string, { properties: Record<string, unknown>; required: string[] }> };

const defs = recordSchema.$defs;

/** Inline the `$ref`s of the record schema so that each route schema stands alone. */
function resolve(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(resolve);
  if (schema && typeof schema === 'object') {
    const ref = (schema as { $ref?: string }).$ref;
    if (ref?.startsWith('#/$defs/')) return resolve(defs[ref.slice('#/$defs/'.length)]);
    return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, resolve(v)]));
  }
  return schema;
}

const meetingRecord = resolve(defs.meetingRecord) as { properties: Record<string, unknown>; required: string[] };

const meetingRef = {
  type: ['object', 'null'],
  properties: { id: { type: 'integer' }, date: { type: ['string', 'null'] }, source: { type: 'string' } },
} as const;

export const storedMeetingSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    ...meetingRecord.properties,
    contentHash: { type: 'string' },
    importedAt: { type: 'string' },
    previous: meetingRef,
    next: meetingRef,
  },
  required: ['id', ...meetingRecord.required, 'contentHash', 'importedAt', 'previous', 'next'],
} as const;

export const errorSchema = {
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' } },
  required: ['error', 'message'],
} as const;

const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const nullableDate = { type: ['string', 'null'] } as const;

/** Query parameters every list accepts. */
export const listQuery = {
  series: { type: 'string', minLength: 1, maxLength: 200, description: 'only this series' },
  from: { ...isoDate, description: 'meetings on or after this date' },
  to: { ...isoDate, description: 'meetings on or before this date' },
  limit: { type: 'integer', minimum: 0, maximum: 1000, default: 50 },
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000_000, default: 0 },
} as const;

/** The list parameters of an export: as a list's, but every row unless `limit` says otherwise. */
export const exportQuery = {
  ...listQuery,
  limit: { type: 'integer', minimum: 0, maximum: 1_000_000_000, description: 'at most this many rows (default: all)' },
} as const;

/** A file download: CSV or iCalendar text. */
export const fileResponse = (mediaType: string) => ({
  description: mediaType,
  content: { [mediaType]: { schema: { type: 'string' } } },
});

/** `{ total, limit, offset, items }` around an item schema. */
export function pageOf(item: object) {
  return {
    type: 'object',
    properties: {
      total: { type: 'integer' },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
      items: { type: 'array', items: item },
    },
    required: ['total', 'limit', 'offset', 'items'],
  } as const;
}

const where = {
  meetingId: { type: 'integer' },
  source: { type: 'string' },
  series: { type: ['string', 'null'] },
  date: nullableDate,
  line: { type: 'integer' },
} as const;

const status = { enum: ['open', 'done', 'dropped'] } as const;
const owners = { type: 'array', items: { type: 'string' } } as const;

/** An action item followed across meetings. */
export const trackedItemSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    series: { type: ['string', 'null'] },
    text: { type: 'string', description: 'the line as first raised' },
    task: { type: 'string', description: 'the task alone: marker, owner prefix, arrows and status words stripped' },
    owners,
    status,
    state: {
      enum: ['live', 'stale', 'done', 'dropped'],
      description: 'live or stale for an open item, else its status',
    },
    overdue: { type: 'boolean', description: 'open and past its due date' },
    due: nullableDate,
    firstRaised: nullableDate,
    lastMentioned: nullableDate,
    meetings: { type: 'integer' },
    meetingId: { type: 'integer' },
    source: { type: 'string' },
    line: { type: 'integer' },
    lastMeetingId: { type: 'integer' },
    lastSource: { type: 'string' },
    lastLine: { type: 'integer' },
  },
} as const;

/** A page of tracked items, with the stale ones a live list left out and the day and window that judged states. */
export const trackedItemPageSchema = {
  type: 'object',
  properties: {
    ...pageOf(trackedItemSchema).properties,
    staleLeftOut: { type: 'integer' },
    note: { type: ['string', 'null'] },
    today: { type: 'string' },
    window: { type: 'object', properties: { meetings: { type: 'integer' }, days: { type: 'integer' } } },
  },
  required: [...pageOf(trackedItemSchema).required, 'staleLeftOut', 'today', 'window'],
} as const;

export const trackedItemDetailSchema = {
  type: 'object',
  properties: {
    ...trackedItemSchema.properties,
    history: {
      type: 'array',
      items: {
        type: 'object',
        properties: { ...where, status, carried: { type: 'boolean' }, text: { type: 'string' }, owners },
      },
    },
    changes: {
      type: 'array',
      items: {
        type: 'object',
        properties: { changedAt: { type: 'string' }, status, note: { type: ['string', 'null'] }, asOf: nullableDate },
      },
    },
  },
} as const;

export const decisionSchema = {
  type: 'object',
  properties: { id: { type: 'integer' }, ...where, text: { type: 'string' }, agenda: { type: ['string', 'null'] } },
} as const;

export const meetingSummarySchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    source: { type: 'string' },
    series: { type: ['string', 'null'] },
    date: nullableDate,
    title: { type: ['string', 'null'] },
    actionItems: { type: 'integer' },
    decisions: { type: 'integer' },
    participants: { type: 'integer' },
    importedAt: { type: 'string' },
  },
} as const;

export const ownerSchema = {
  type: 'object',
  properties: {
    owner: { type: 'string' },
    name: { type: ['string', 'null'] },
    open: { type: 'integer' },
    live: { type: 'integer', description: 'open and live' },
    stale: { type: 'integer', description: 'open and stale' },
    overdue: { type: 'integer', description: 'open and past the due date, live or stale' },
    done: { type: 'integer' },
    dropped: { type: 'integer' },
  },
} as const;

export const searchHitSchema = {
  type: 'object',
  properties: {
    type: { enum: ['decision', 'action', 'meeting'] },
    id: { type: 'integer' },
    meetingId: { type: 'integer' },
    source: { type: 'string' },
    series: { type: ['string', 'null'] },
    date: nullableDate,
    title: { type: ['string', 'null'] },
    heading: { type: 'string', description: 'the meeting as a reader names it: title, series, date' },
    topic: { type: ['string', 'null'], description: "a decision's or action item's agenda topic" },
    line: { type: ['integer', 'null'] },
    text: { type: ['string', 'null'] },
    snippet: { type: 'string' },
    itemId: { type: ['string', 'null'] },
    owners: { type: ['array', 'null'], items: { type: 'string' } },
    status: { type: ['string', 'null'] },
  },
} as const;

const facetCounts = {
  type: 'array',
  items: { type: 'object', properties: { value: { type: 'string' }, count: { type: 'integer' } } },
} as const;

const readingPart = {
  type: 'object',
  properties: {
    kind: { enum: ['type', 'owner', 'time'] },
    from: { type: 'string' },
    value: { type: 'string' },
    label: { type: 'string' },
    undo: { type: 'string' },
  },
} as const;

/** How search read a question (src/search/question.ts): for a person, and in parts that can each be undone. */
const readingSchema = {
  type: 'object',
  properties: {
    text: { type: 'string', description: 'e.g. "decisions · about: keycloak · Mar 1 – May 31 2023"' },
    words: { type: 'string' },
    parts: {
      type: 'array',
      items: readingPart,
      description: 'guesses, each with `undo`: the question that searches its words as words',
    },
    relaxed: {
      type: 'array',
      items: readingPart,
      description: 'guesses taken back because with them nothing was found',
    },
    ignored: { type: 'array', items: { type: 'string' } },
    matched: { type: ['string', 'null'], enum: ['all', 'all then any', 'any', null] },
    corrected: {
      type: 'array',
      items: { type: 'object', properties: { word: { type: 'string' }, suggestion: { type: 'string' } } },
    },
    suggestion: {
      type: ['string', 'null'],
      description: 'the question with misspelt words corrected ("did you mean")',
    },
  },
} as const;

/** A search page with the query as understood and facet counts over all matches. */
export const searchResultSchema = {
  type: 'object',
  properties: {
    ...pageOf(searchHitSchema).properties,
    query: {
      type: 'object',
      properties: {
        text: { type: 'string' },
        match: { type: ['string', 'null'] },
        dropped: { type: 'integer', description: 'terms left out: repeats, and terms past the first 12' },
        reading: readingSchema,
        filters: {
          type: 'object',
          properties: Object.fromEntries(
            ['owner', 'status', 'state', 'type', 'series', 'before', 'after', 'from', 'to'].map((k) => [
              k,
              { type: 'string' },
            ]),
          ),
        },
      },
    },
    facets: {
      type: 'object',
      properties: Object.fromEntries(['type', 'series', 'year', 'owner', 'status'].map((k) => [k, facetCounts])),
    },
  },
  required: ['total', 'limit', 'offset', 'items', 'query', 'facets'],
} as const;

export const errorResponses = { 400: errorSchema, 404: errorSchema } as const;
