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
