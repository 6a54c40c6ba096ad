import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseMeeting } from '../../src/parse/parse-meeting.js';
import { EXAMPLE, lineOf, parseFile, ROOT } from '../helpers.js';

// The 2024-07-15 product board notes, every field of the record.
describe('the 2024-07-15 notes', () => {
  const record = parseFile(EXAMPLE);

  it('has the date and title from the heading', () => {
    expect(record.date).toBe('2024-07-15');
    expect(record.title).toBe('2024-07-15');
    expect(record.source).toBe(EXAMPLE);
  });

  it('lists the six participants by handle', () => {
    expect(record.participants.map((p) => p.id)).toEqual([
      'gtema',
      'batistein',
      'garloff',
      'scoopex',
      'bitkeks',
      'berendt',
    ]);
    expect(record.participants.every((p) => p.handle === p.id && p.name === null)).toBe(true);
  });

  it('finds the agenda topic with its presenters, and not the housekeeping heading', () => {
    expect(record.agenda).toEqual([
      {
        line: lineOf(EXAMPLE, '### Release plan'),
        title: 'Release plan and deliverables ready4test',
        owners: ['garloff', 'bitkeks'],
        depth: 1,
      },
    ]);
  });

  it('finds the action item owned by two organisations', () => {
    const item = record.actionItems.find((a) => a.text.includes('Need test plan'));
    expect(item).toEqual({
      line: lineOf(EXAMPLE, '(AI: Need test plan - B1, dNation)'),
      text: 'Needs testing in CSO (AI: Need test plan - B1, dNation)',
      owners: ['b1', 'dnation'],
      status: 'open',
      carried: false,
      due: null,
      agenda: 'Release plan and deliverables ready4test',
    });
  });

  it('finds the TODO with no owner, and not its child bullets', () => {
    const todo = record.actionItems.find((a) => a.text.startsWith('TODO'));
    expect(todo).toMatchObject({
      line: lineOf(EXAMPLE, 'TODO: Document deployment'),
      text: 'TODO: Document deployment of recommended SCS components into k3s',
      owners: [],
      status: 'open',
    });
    expect(record.actionItems).toHaveLength(2);
    expect(record.warnings).toContainEqual({ line: todo!.line, message: 'action item has no owner' });
  });

  it('records no decisions (the minutes state none) and the two links with their lines', () => {
    expect(record.decisions).toEqual([]);
    expect(record.links).toEqual([
      { line: lineOf(EXAMPLE, 'osism/issues/issues/1073'), url: 'https://github.com/osism/issues/issues/1073' },
      {
        line: lineOf(EXAMPLE, 'v0.1.0-alpha.6'),
        url: 'https://github.com/SovereignCloudStack/cluster-stack-operator/releases/tag/v0.1.0-alpha.6',
      },
    ]);
  });

  it('is valid against schema/meeting-record.schema.json', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema/meeting-record.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ source: 'x.md', error: 'empty file' })).toBe(true);
    expect(validate({ ...record, date: '15.07.2024' })).toBe(false);
  });
});

describe('input that is no minutes', () => {
  it.each([
    ['', /empty file/],
    ['# x\u0000y', /binary data/],
    [`# 2024-01-01\n${'>'.repeat(10_000)} deep`, /line 2 is nested more than 100 levels/],
    [`# 2024-01-01\n${'- '.repeat(10_000)}deep`, /line 2 is nested more than 100 levels/],
  ])('%# gives a clear error, not a crash', (text, error) => {
    expect(parseMeeting(text, 'bad.md')).toEqual({ source: 'bad.md', error: expect.stringMatching(error) });
  });

  it('imports malformed front matter with a warning, and a file without a date with date null', () => {
    const record = parseMeeting('---\ntitle: [unclosed\n---\n# Notes\n- AI @a: do it\n', 'notes.md');
    expect(record).toMatchObject({ date: null, actionItems: [{ owners: ['a'] }] });
    expect((record as { warnings: { message: string }[] }).warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/front matter is not valid YAML/),
        expect.stringMatching(/no meeting date found/),
      ]),
    );
  });
});
