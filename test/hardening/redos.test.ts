import { join } from 'node:path';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import * as vocabulary from '../../src/parse/vocabulary.js';
import { ROOT } from '../helpers.js';
import { exportedRegexes, regexLiterals, type FoundRegex } from './regexes.js';

/** recheck's verdict on one pattern ('g' and 'y' change where a match starts, not how long it takes). */
function verdict(regex: FoundRegex): string {
  const diagnostics = checkSync(regex.source, regex.flags.replace(/[gy]/g, ''), { timeout: 10_000 });
  if (diagnostics.status === 'vulnerable')
    return `${regex.where}: /${regex.source}/ is ${diagnostics.complexity.type} (attack: ${diagnostics.attack.pattern})`;
  if (diagnostics.status === 'unknown')
    return `${regex.where}: /${regex.source}/ could not be checked (${diagnostics.error.kind})`;
  return '';
}

describe('linear-time patterns (ReDoS)', () => {
  it('finds every regular expression of src/, literals and built ones', () => {
    const literals = regexLiterals(ROOT, join(ROOT, 'src'));
    expect(literals.some((r) => r.where.startsWith('src/parse/units.ts'))).toBe(true);
    expect(literals.some((r) => r.where.startsWith('src/web/assets/'))).toBe(true);
    expect(exportedRegexes('vocabulary', vocabulary).map((r) => r.where)).toContain('vocabulary: NAMED_TASK');
  });

  it('reports a pattern that backtracks exponentially, and one that backtracks polynomially', () => {
    expect(verdict({ where: 'test', source: '^(?:a|a)*$', flags: '' })).toMatch(/exponential/);
    expect(verdict({ where: 'test', source: '\\s*:\\s*$', flags: '' })).toMatch(/polynomial/);
  });

  it('has no pattern in src/ that super-linear input could make slow', { timeout: 300_000 }, () => {
    const patterns = [...regexLiterals(ROOT, join(ROOT, 'src')), ...exportedRegexes('vocabulary', vocabulary)];
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const regex of patterns) {
      const key = `${regex.flags.replace(/[gy]/g, '')}/${regex.source}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const problem = verdict(regex);
      if (problem) problems.push(problem);
    }
    expect(problems).toEqual([]);
  });
});
