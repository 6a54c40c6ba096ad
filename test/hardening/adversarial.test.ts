import { describe, expect, it } from 'vitest';
import { isFailed } from '../../src/parse/meeting-record.js';
import { MAX_NESTING, containerDepth, parseMeeting } from '../../src/parse/parse-meeting.js';
import { ADVERSARIAL } from '../../bench/adversarial-inputs.js';

/**
 * Each input that once made the parser take seconds to minutes (16 s for 174 bytes, over 100 s for
 * 680 KB) is parsed, or refused, at 200 KB well within a budget. The growth per doubling is measured
 * by `npm run bench -- --only adversarial`; this test only keeps the time bounded.
 */
const BUDGET_MS = 5_000;

describe('inputs that were super-linear', () => {
  it.each(Object.keys(ADVERSARIAL))('%s: 200 KB parsed or refused within the budget', (name) => {
    const text = ADVERSARIAL[name]!(200_000);
    const started = performance.now();
    const result = parseMeeting(text, 'adversarial.md');
    expect(performance.now() - started).toBeLessThan(BUDGET_MS);
    if (isFailed(result)) expect(result.error).toMatch(/nested more than/);
  });

  it('counts container depth as CommonMark does: quotes, list markers, indentation with tabs at width 4', () => {
    expect(containerDepth('> > - x')).toBe(3);
    expect(containerDepth('    - x')).toBe(3);
    expect(containerDepth('\t- x')).toBe(3);
    expect(containerDepth('1. 2) x')).toBe(2);
    expect(containerDepth('plain text')).toBe(0);
    const deep = `> ${' '.repeat(2 * MAX_NESTING)}- x\n`;
    const result = parseMeeting(`# 2024-07-15\n\n${deep}`, 'deep.md');
    expect(isFailed(result) && result.error).toMatch(/line 3 is nested more than/);
  });
});
