import * as z from 'zod';
import type { DB } from '../store/database.js';
import { listDecisions } from '../store/decisions.js';
import { getMeeting, listMeetings, meetingBody, meetingIdBySource } from '../store/meetings.js';
import { listPeople } from '../store/people.js';
import { search } from '../store/search.js';
import { changeItemStatus, getTrackedItem, listTrackedItems } from '../store/tracked-items.js';
import { STATE_FILTERS, type StateFilter } from '../track/item-states.js';

/** A tool's failure the caller can fix (an unknown id): it becomes a tool error result, never a crash. */
export class ToolInputError extends Error {}

/** `file:line`, the way an assistant should cite a record. */
const cite = (source: string, line: number | null) => (line === null ? source : `${source}:${line}`);

// Every string has a bound, so an oversized argument is refused by validation before any work.
const text = (max: number, description: string) => z.string().min(1).max(max).describe(description);
const isoDate = (description: string) =>
  z.iso.date('expected a real day as YYYY-MM-DD').describe(`${description} (YYYY-MM-DD)`);
const limit = (fallback: number) =>
  z.number().int().min(1).max(100).default(fallback).describe('at most this many results (1-100)');
const offset = z.number().int().min(0).max(1_000_000).default(0).describe('skip this many results');
const series = text(200, 'only this series (team or group), e.g. "iaas" or "tc39"');
const owner = text(200, 'handle or any known name of the owner, e.g. "garloff" or "Kurt Garloff"');
const itemId = z
  .string()
  .regex(/^ai-[0-9a-f]{10}(-\d+)?$/, 'expected an action item id such as ai-3f9a2c1b4d')
  .describe('action item id, e.g. ai-3f9a2c1b4d');

export interface ToolDefinition<Shape extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  /** Refuses unknown keys: an argument the tool does not read is a mistake to report, not to ignore. */
  input: z.ZodObject<Shape>;
  /** Changes the knowledge base: offered only when MINUTES_TOKEN is set. */
  writes?: boolean;
  run: (db: DB, args: z.output<z.ZodObject<Shape>>) => unknown;
}

const tool = <Shape extends z.ZodRawShape>(
  definition: Omit<ToolDefinition<Shape>, 'input'> & { input: Shape },
): ToolDefinition => ({ ...definition, input: z.strictObject(definition.input) }) as unknown as ToolDefinition;

/** A tracked item with citations of where it was raised and last mentioned. */
function citedItem<T extends { source: string; line: number; lastSource: string; lastLine: number }>(item: T) {
  return { ...item, at: cite(item.source, item.line), lastAt: cite(item.lastSource, item.lastLine) };
}

export const TOOLS: ToolDefinition[] = [
  tool({
    name: 'search',
    title: 'Search the minutes',
    description:
      "Search decisions, action items and meetings, best match first: the search of the web page's box. q may be " +
      'a question ("what did we decide about keycloak in 2023?"; query.reading says how it was read), words, ' +
      '"quoted phrases" or filters such as owner:garloff is:open type:decision series:iaas after:2024-01-01. ' +
      'Each hit has its meeting date and file:line (`at`).',
    input: {
      q: z.string().max(1000).default('').describe('a question or words to look for; empty lists the newest records'),
      type: z.enum(['decision', 'action', 'meeting', 'all']).default('all').describe('kind of record'),
      series: series.optional(),
      owner: owner.optional(),
      status: z.enum(['open', 'done', 'dropped']).optional().describe('action items with this status'),
      after: isoDate('meetings after this date').optional(),
      before: isoDate('meetings before this date').optional(),
      limit: limit(10),
      offset,
    },
    run: (db, args) => {
      const result = search(db, args);
      return { ...result, items: result.items.map((hit) => ({ ...hit, at: cite(hit.source, hit.line) })) };
    },
  }),
  tool({
    name: 'list_action_items',
    title: 'List action items',
    description:
      'Action items, each once however often carried from meeting to meeting: live open ones by default (still ' +
      'mentioned by their series), overdue first. Each has owners, task, status, state (live/stale), due date, the ' +
      'dates it was raised and last mentioned, and file:line of both (`at`, `lastAt`); staleLeftOut counts the ' +
      'stale open items a live list left out (state "stale" or "all" shows them).',
    input: {
      owner: owner.optional(),
      series: series.optional(),
      status: z.enum(['open', 'done', 'dropped', 'all']).default('open').describe('status to list'),
      state: z
        .enum(STATE_FILTERS as [StateFilter, ...StateFilter[]])
        .default('live')
        .describe('open items in this state: live, stale (no recent meeting mentions them), overdue (past due) or all'),
      stale_days: z
        .number()
        .int()
        .min(0)
        .max(100_000)
        .optional()
        .describe('only items not mentioned for this many days'),
      from: isoDate('only items mentioned on or after this date').optional(),
      to: isoDate('only items raised on or before this date').optional(),
      limit: limit(20),
      offset,
    },
    run: (db, { stale_days, ...args }) => {
      const page = listTrackedItems(db, { ...args, stale: stale_days });
      return { ...page, items: page.items.map(citedItem) };
    },
  }),
  tool({
    name: 'get_action_item',
    title: 'One action item with its history',
    description:
      'One action item with every meeting that mentioned it (date, file:line, status then, text then) and every ' +
      'change made by hand. Ids come from list_action_items or search (itemId).',
    input: { id: itemId },
    run: (db, { id }) => {
      const item = getTrackedItem(db, id);
      if (!item) throw new ToolInputError(`no action item ${id}`);
      return { ...citedItem(item), history: item.history.map((m) => ({ ...m, at: cite(m.source, m.line) })) };
    },
  }),
  tool({
    name: 'list_decisions',
    title: 'List decisions',
    description:
      'Decisions taken in meetings, newest first, with their meeting date and file:line (`at`). topic keeps ' +
      'the decisions that match it (full-text, best match first); series, from and to narrow by team and date.',
    input: {
      topic: text(1000, 'words the decision is about, e.g. "keycloak"').optional(),
      series: series.optional(),
      from: isoDate('meetings on or after this date').optional(),
      to: isoDate('meetings on or before this date').optional(),
      attendee: text(200, 'only meetings this person attended').optional(),
      limit: limit(20),
      offset,
    },
    run: (db, { topic, attendee, ...args }) => {
      if (topic !== undefined) {
        if (attendee !== undefined) throw new ToolInputError('topic and attendee cannot be combined: give one of them');
        const result = search(db, { ...args, q: topic, type: 'decision' });
        const items = result.items.map((hit) => ({
          meetingId: hit.meetingId,
          source: hit.source,
          series: hit.series,
          date: hit.date,
          line: hit.line,
          text: hit.text,
          at: cite(hit.source, hit.line),
        }));
        return { total: result.total, limit: result.limit, offset: result.offset, items };
      }
      const page = listDecisions(db, { ...args, attendee });
      return { ...page, items: page.items.map((d) => ({ ...d, at: cite(d.source, d.line) })) };
    },
  }),
  tool({
    name: 'list_meetings',
    title: 'List meetings',
    description:
      'Meetings, newest first: id, date, series, title, file and how many action items and decisions each has.',
    input: {
      series: series.optional(),
      from: isoDate('meetings on or after this date').optional(),
      to: isoDate('meetings on or before this date').optional(),
      limit: limit(20),
      offset,
    },
    run: (db, args) => listMeetings(db, args),
  }),
  tool({
    name: 'get_meeting',
    title: 'One meeting',
    description:
      'One meeting by id or by file (source): its record (date, participants, agenda, action items and decisions, ' +
      'each with its line) and, unless markdown is false, the minutes as written.',
    input: {
      id: z
        .number()
        .int()
        .min(1)
        .max(Number.MAX_SAFE_INTEGER)
        .optional()
        .describe('meeting id (meetingId in other results)'),
      source: text(1000, 'the file, as other results give it, e.g. "iaas/20240110.md"').optional(),
      markdown: z.boolean().default(true).describe('include the minutes as written'),
    },
    run: (db, { id, source, markdown }) => {
      if ((id === undefined) === (source === undefined)) throw new ToolInputError('give either id or source');
      const meetingId = id ?? meetingIdBySource(db, source!);
      const meeting = meetingId === null ? null : getMeeting(db, meetingId);
      if (!meeting) throw new ToolInputError(`no meeting ${id ?? JSON.stringify(source)}`);
      const cited = {
        ...meeting,
        actionItems: meeting.actionItems.map((a) => ({ ...a, at: cite(meeting.source, a.line) })),
        decisions: meeting.decisions.map((d) => ({ ...d, at: cite(meeting.source, d.line) })),
      };
      return markdown ? { ...cited, markdown: meetingBody(db, meeting.id) } : cited;
    },
  }),
  tool({
    name: 'list_people',
    title: 'People',
    description:
      'People the minutes know (participants, owners of action items, aliases), with how many meetings each ' +
      'attended and their open, done and dropped action items. name keeps those whose id, name or alias contains it.',
    input: {
      name: text(200, 'part of a handle, name or alias, e.g. "garloff"').optional(),
      limit: limit(50),
      offset,
    },
    run: (db, { name, limit, offset }) => {
      const needle = name?.toLowerCase();
      const matches = listPeople(db).filter(
        (p) =>
          !needle || [p.id, p.name ?? '', p.handle ?? '', ...p.aliases].some((v) => v.toLowerCase().includes(needle)),
      );
      return { total: matches.length, limit, offset, items: matches.slice(offset, offset + limit) };
    },
  }),
  tool({
    name: 'set_action_item_status',
    title: 'Close, drop or reopen an action item',
    description:
      'Mark an action item done, dropped or open again by hand, with a note on why; kept in its history until ' +
      'later minutes report on the item.',
    writes: true,
    input: {
      id: itemId,
      status: z.enum(['done', 'dropped', 'open']).describe('the new status'),
      note: z.string().max(2000).optional().describe('why, kept in the history'),
    },
    run: (db, { id, status, note }) => {
      const item = changeItemStatus(db, id, status, note ?? null);
      if (!item) throw new ToolInputError(`no action item ${id}`);
      return citedItem(item);
    },
  }),
];
