import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../src/import/import-files.js';
import { openDatabase, type DB } from '../../src/store/database.js';
import { listDecisions } from '../../src/store/decisions.js';
import { search } from '../../src/store/search.js';
import { listTrackedItems } from '../../src/store/tracked-items.js';
import { ROOT, SHARED_CORPUS, tempDir } from '../helpers.js';

// The built CLI, as an assistant would start it (`npm test` builds it first).
const BIN = join(ROOT, 'dist', 'cli', 'main.js');
// Folders with no set-aside file in them.
const FOLDERS = ['scs/iam', 'tc39/2015-07'].map((f) => join(SHARED_CORPUS, f));
const HAS_FOLDERS = FOLDERS.every((f) => existsSync(f));
if (!HAS_FOLDERS)
  console.warn(`skipping MCP tests: ${SHARED_CORPUS} is absent (it lives beside the project as ../shared)`);

interface Session {
  client: Client;
  transport: StdioClientTransport;
  stderr: () => string;
  /** Errors the client met on the wire: a line on stdout that is no protocol message would be one. */
  errors: Error[];
}

async function connect(dbFile: string, env: Record<string, string> = {}): Promise<Session> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'mcp', '--db', dbFile],
    cwd: ROOT,
    env: { ...getDefaultEnvironment(), ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const errors: Error[] = [];
  const client = new Client({ name: 'minutes-kb-test', version: '1.0.0' });
  client.onerror = (error) => errors.push(error);
  await client.connect(transport);
  return { client, transport, stderr: () => stderr, errors };
}

/** A tool's answer as the JSON it carries (each test reads the fields it expects), or its error text. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function call(
  session: Session,
  name: string,
  args: Record<string, unknown>,
): Promise<{ isError: boolean; value: Json; text: string }> {
  const result = (await session.client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
  return { isError: Boolean(result.isError), text, value: result.isError ? null : JSON.parse(text) };
}

describe.skipIf(!HAS_FOLDERS)('minutes mcp over stdio, with the SDK client', () => {
  let dir: string;
  let remove: () => void;
  let dbFile: string;
  let db: DB;
  let reader: Session;
  let writer: Session;

  beforeAll(async () => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build`);
    ({ dir, remove } = tempDir());
    dbFile = join(dir, 'kb.db');
    const setup = openDatabase(dbFile);
    importPaths(setup, FOLDERS);
    setup.close();
    copyFileSync(dbFile, join(dir, 'writable.db'));
    db = openDatabase(dbFile);
    reader = await connect(dbFile);
    writer = await connect(join(dir, 'writable.db'), { MINUTES_TOKEN: 'a-token' });
  });
  afterAll(async () => {
    await reader?.client.close();
    await writer?.client.close();
    db?.close();
    remove?.();
  });

  it('lists its tools, each with a description and a JSON schema that refuses unknown arguments', async () => {
    const { tools } = await reader.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      [
        'get_action_item',
        'get_meeting',
        'list_action_items',
        'list_decisions',
        'list_meetings',
        'list_people',
        'search',
      ].sort(),
    );
    for (const tool of tools) {
      expect(tool.description!.length).toBeGreaterThan(20);
      expect(tool.inputSchema).toMatchObject({ type: 'object', additionalProperties: false });
      expect(tool.annotations?.readOnlyHint).toBe(true);
    }
    expect(reader.stderr()).toMatch(/read-only/);
  });

  it('offers the status change only when MINUTES_TOKEN is set', async () => {
    const names = (await writer.client.listTools()).tools.map((t) => t.name);
    expect(names).toContain('set_action_item_status');
    expect((await call(reader, 'set_action_item_status', { id: 'ai-0000000000', status: 'done' })).isError).toBe(true);
  });

  it('search answers what the API search function answers, each hit with its date and file:line', async () => {
    const { value, isError } = await call(reader, 'search', { q: 'keycloak', limit: 5 });
    expect(isError).toBe(false);
    const expected = search(db, { q: 'keycloak', limit: 5 });
    expect(value.total).toBe(expected.total);
    expect(value.items.map((h: { id: number; type: string }) => `${h.type}:${h.id}`)).toEqual(
      expected.items.map((h) => `${h.type}:${h.id}`),
    );
    expect(value.items.length).toBeGreaterThan(0);
    for (const hit of value.items) {
      expect(hit.at).toBe(hit.line === null ? hit.source : `${hit.source}:${hit.line}`);
      expect(hit.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // A question is read as the search box reads it.
    const question = 'what did we decide about keycloak in 2023?';
    const asked = await call(reader, 'search', { q: question, limit: 5 });
    const answered = search(db, { q: question, limit: 5 });
    expect(asked.value.query).toEqual(JSON.parse(JSON.stringify(answered.query)));
    expect(asked.value.items.map((h: { id: number }) => h.id)).toEqual(answered.items.map((h) => h.id));
    expect(asked.value.items.length).toBeGreaterThan(0);
    // The box's filters too.
    const decisions = await call(reader, 'search', { q: 'type:decision keycloak', limit: 3 });
    expect(decisions.value.items.every((h: { type: string }) => h.type === 'decision')).toBe(true);
  });

  it('lists open action items by owner and series, and gives one with its history', async () => {
    const owner = listTrackedItems(db, { limit: -1 }).items.find((i) => i.owners.length > 0)?.owners[0];
    expect(owner).toBeDefined();
    const { value } = await call(reader, 'list_action_items', { owner: owner!, limit: 100 });
    expect(value.items.map((i: { id: string }) => i.id)).toEqual(
      listTrackedItems(db, { owner: owner!, limit: 100 }).items.map((i) => i.id),
    );
    for (const item of value.items) {
      expect(item.status).toBe('open');
      expect(item.at).toBe(`${item.source}:${item.line}`);
      expect(item.lastAt).toBe(`${item.lastSource}:${item.lastLine}`);
    }
    // Live by default; the stale ones it left out are counted, and listed on request.
    const live = await call(reader, 'list_action_items', { limit: 100 });
    const stale = await call(reader, 'list_action_items', { state: 'stale', limit: 100 });
    const all = await call(reader, 'list_action_items', { state: 'all', limit: 1 });
    expect(live.value.items.every((i: { state: string }) => i.state === 'live')).toBe(true);
    expect(stale.value.items.every((i: { state: string }) => i.state === 'stale')).toBe(true);
    expect(stale.value.total).toBe(live.value.staleLeftOut);
    expect(all.value.total).toBe(live.value.total + stale.value.total);
    const tc39 = await call(reader, 'list_action_items', { series: 'tc39', status: 'all', limit: 100 });
    expect(tc39.value.items.every((i: { series: string }) => i.series === 'tc39')).toBe(true);

    const carried =
      listTrackedItems(db, { status: 'all', limit: -1 }).items.find((i) => i.meetings > 1) ??
      listTrackedItems(db, { limit: 1 }).items[0]!;
    const detail = await call(reader, 'get_action_item', { id: carried.id });
    expect(detail.value.id).toBe(carried.id);
    expect(detail.value.history.length).toBeGreaterThanOrEqual(1);
    for (const mention of detail.value.history) {
      expect(mention.at).toBe(`${mention.source}:${mention.line}`);
      expect(mention).toHaveProperty('date');
    }
  });

  it('lists decisions by series and time, or by topic', async () => {
    const { value } = await call(reader, 'list_decisions', {
      series: 'iam',
      from: '2023-06-01',
      to: '2023-12-31',
      limit: 100,
    });
    const expected = listDecisions(db, { series: 'iam', from: '2023-06-01', to: '2023-12-31', limit: 100 });
    expect(value.total).toBe(expected.total);
    expect(value.items.length).toBeGreaterThan(0);
    for (const d of value.items) {
      expect(d.date >= '2023-06-01' && d.date <= '2023-12-31').toBe(true);
      expect(d.at).toBe(`${d.source}:${d.line}`);
    }
    const topic = await call(reader, 'list_decisions', { topic: 'keycloak', limit: 5 });
    expect(topic.value.items.length).toBeGreaterThan(0);
    expect(topic.value.items.every((d: { text: string }) => /keycloak/i.test(d.text))).toBe(true);
  });

  it('lists meetings and gives one, by id or by file, with its markdown as written', async () => {
    const meetings = await call(reader, 'list_meetings', { series: 'tc39' });
    expect(meetings.value.items.length).toBeGreaterThan(0);
    const first = meetings.value.items[0];
    const byId = await call(reader, 'get_meeting', { id: first.id });
    expect(byId.value).toMatchObject({ id: first.id, source: first.source, date: first.date });
    for (const d of byId.value.decisions) expect(d.at).toBe(`${first.source}:${d.line}`);
    expect(byId.value.markdown).toBe(readFileSync(resolve(ROOT, first.source), 'utf8'));
    const bySource = await call(reader, 'get_meeting', { source: first.source, markdown: false });
    expect(bySource.value.id).toBe(first.id);
    expect(bySource.value).not.toHaveProperty('markdown');
  });

  it('lists people, narrowed by part of a name', async () => {
    const all = await call(reader, 'list_people', { limit: 100 });
    expect(all.value.total).toBeGreaterThan(1);
    const someone = all.value.items.find((p: { meetings: number }) => p.meetings > 0);
    const narrowed = await call(reader, 'list_people', { name: someone.id.toUpperCase() });
    expect(narrowed.value.items.map((p: { id: string }) => p.id)).toContain(someone.id);
    expect(narrowed.value.total).toBeLessThan(all.value.total);
  });

  it('answers bad arguments with a tool error naming them, and keeps serving', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['get_action_item', { id: 'nope' }, /id/],
      ['get_action_item', { id: 'ai-0000000000' }, /no action item ai-0000000000/],
      ['list_action_items', { status: 'finished' }, /status/],
      ['list_action_items', { limit: -1 }, /limit/],
      ['list_decisions', { from: '2024-02-30' }, /from/],
      ['get_meeting', {}, /id or source/],
      ['get_meeting', { id: 99_999_999 }, /no meeting/],
      ['search', { q: 42 }, /q/],
      ['search', { colour: 'red' }, /colour/],
      ['no_such_tool', {}, /no_such_tool/],
    ];
    for (const [name, args, message] of cases) {
      const result = await call(reader, name, args);
      expect(result.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
      expect(result.text).toMatch(message);
    }
    expect((await call(reader, 'search', { q: 'keycloak', limit: 1 })).isError).toBe(false);
  });

  it('refuses a 1 MB argument with a tool error, and keeps serving', async () => {
    const huge = 'x'.repeat(1 << 20);
    for (const args of [{ q: huge }, { owner: huge }, { [huge.slice(0, 1000)]: huge }]) {
      const result = await call(reader, 'search', args);
      expect(result.isError).toBe(true);
      expect(result.text.length).toBeLessThan(10_000);
    }
    expect((await call(reader, 'get_meeting', { source: huge })).isError).toBe(true);
    expect((await call(reader, 'list_meetings', { limit: 1 })).value.items).toHaveLength(1);
  });

  it('closes and reopens an item with MINUTES_TOKEN set, kept in its history', async () => {
    const item = listTrackedItems(db, { limit: 1 }).items[0]!;
    const closed = await call(writer, 'set_action_item_status', { id: item.id, status: 'done', note: 'merged' });
    expect(closed.value).toMatchObject({ id: item.id, status: 'done' });
    const reopened = await call(writer, 'set_action_item_status', { id: item.id, status: 'open' });
    expect(reopened.value.status).toBe('open');
    const detail = await call(writer, 'get_action_item', { id: item.id });
    expect(detail.value.changes.map((c: { status: string; note: string | null }) => [c.status, c.note])).toEqual([
      ['done', 'merged'],
      ['open', null],
    ]);
    // The other server's database is untouched.
    expect((await call(reader, 'get_action_item', { id: item.id })).value.changes).toEqual([]);
  });

  it('refuses a database that does not exist, on stderr, before any protocol', () => {
    const result = spawnSync(process.execPath, [BIN, 'mcp', '--db', join(dir, 'missing.db')], {
      input: '',
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/no database at .*missing\.db/);
    expect(existsSync(join(dir, 'missing.db'))).toBe(false);
  });

  it('wrote nothing but protocol messages to stdout', () => {
    expect(reader.errors).toEqual([]);
    expect(writer.errors).toEqual([]);
  });
});
