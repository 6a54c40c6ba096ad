/**
 * Inputs that once made the parser super-linear (each named for the pattern or loop it hit), as
 * functions of a size in bytes. Shared by test/hardening/adversarial.test.ts and `npm run bench -- --only adversarial`.
 */
export const ADVERSARIAL: Record<string, (bytes: number) => string> = {
  // An owner list that can be split into names in many ways: "Xyand" or "Xy" + "and".
  'named task (XyandXyand...!)': (n) => `## Action items\n\n- ${'Xyand'.repeat(Math.ceil(n / 5))}Xy!\n`,
  // Presenters at the end of a heading, "@xand " read as a handle or a handle and "and".
  'presenters (## Topic by @xand @xand ...!)': (n) => `## Topic by ${'@xand '.repeat(Math.ceil(n / 6))}!\n`,
  // A URL followed by unmatched closing parentheses.
  'url with many )': (n) => `http://a.b/${')'.repeat(n)}\n`,
  // Many bare URLs in one paragraph, each once counted newlines from the start.
  'many bare URLs': (n) => 'See http://a.b/c\n'.repeat(Math.ceil(n / 17)),
  // One long paragraph of lines that continue a sentence.
  'wrapped paragraph': (n) => `Intro\n${'word and more\n'.repeat(Math.ceil(n / 14))}`,
  // Handles at the end of an action item, and something that is no handle after them.
  'trailing owners (AI: x @a @a ... !)': (n) => `AI: x ${'@a '.repeat(Math.ceil(n / 3))}!\n`,
  // A URL followed by a run of full stops.
  'url with many .': (n) => `see http://a.b/c${'.'.repeat(n)} end\n`,
  // Blocks nested by growing indentation under a quote.
  'nested indentation': (n) => {
    const lines: string[] = [];
    for (let i = 0, size = 0; size < n; i++) {
      const line = `> ${' '.repeat(2 * (i % 400))}- x\n`;
      lines.push(line);
      size += line.length;
    }
    return lines.join('');
  },
  // Leading tabs on every line.
  'leading tabs': (n) => `${'\t'.repeat(199)}- x\n`.repeat(Math.ceil(n / 203)),
};

/**
 * Inputs on which the markdown libraries themselves (micromark, yaml) are super-linear: not
 * fixable here, so every parse runs within a time budget (src/import/parse-pool.ts) and these are
 * refused when they outlast it. Shared by test/hardening/parse-budget.test.ts and the bench.
 */
export const LIBRARY_ADVERSARIAL: Record<string, (bytes: number) => string> = {
  // Emphasis openers that never close: micromark looks for a closer from each.
  'emphasis openers (a*a*a*...)': (n) => `# 2024-07-15\n\n${'a*'.repeat(Math.ceil(n / 2))}\n`,
  // A heading and a list item, repeated.
  'headings and list items (## h / - x)': (n) => '## h\n- x\n'.repeat(Math.ceil(n / 10)),
  // Front matter with very many keys.
  'front matter keys (k1: 1 ...)': (n) => {
    const keys = Array.from({ length: Math.ceil(n / 9) }, (_, i) => `k${i}: 1`);
    return `---\n${keys.join('\n')}\n---\n# 2024-07-15\n`;
  },
};
