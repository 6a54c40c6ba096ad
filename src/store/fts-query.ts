/** The words of a search: each phrase is its words in order; `prefix` when the last word may be unfinished. */
export interface Phrases {
  phrases: string[][];
  prefix: boolean;
  /** Terms left out: repeats of a term, and terms past MAX_PHRASES. */
  dropped: number;
}

/**
 * Terms a search matches at most: each is a pass over the index, and a box of 249 words took 1.6 s
 * of the server's time for words that no document needs all of.
 */
export const MAX_PHRASES = 12;

/**
 * Read what a user typed as Datasette's `escape_fts` does: every word is a plain word
 * (so `AND`, `NEAR(`, `*`, `-` and stray quotes mean nothing), a "quoted phrase" stays a
 * phrase, and the last word matches as a prefix while the user may still be typing it.
 * Returns null when nothing searchable is left.
 */
export function ftsPhrases(input: string, allowPrefix = true): Phrases | null {
  const phrases: string[][] = [];
  const seen = new Set<string>();
  const pattern = /"([^"]*)"|([^\s"]+)/g;
  let lastIsWord = false;
  let dropped = 0;
  for (let match = pattern.exec(input); match; match = pattern.exec(input)) {
    const phrase = match[1] !== undefined;
    const words = (match[1] ?? match[2] ?? '')
      .split(/[^\p{L}\p{N}_]+/u)
      .filter(Boolean)
      .slice(0, MAX_PHRASES);
    if (words.length === 0) continue;
    const key = words.join(' ').toLowerCase();
    // A word that ends the box is still being typed, unless punctuation ends it ("keycloak?").
    const last =
      allowPrefix &&
      !phrase &&
      words.length === 1 &&
      match.index + match[0].length === input.trimEnd().length &&
      /[\p{L}\p{N}_]$/u.test(match[0]);
    if (seen.has(key) || phrases.length >= MAX_PHRASES) {
      dropped++;
      continue;
    }
    seen.add(key);
    phrases.push(words);
    lastIsWord = last;
  }
  return phrases.length === 0 ? null : { phrases, prefix: lastIsWord, dropped };
}

/** Phrases as a safe FTS5 expression: each one quoted, ANDed, the last one starred when it is a prefix. */
export function ftsExpression({ phrases, prefix }: Phrases): string {
  return phrases.map((words, i) => `"${words.join(' ')}"${prefix && i === phrases.length - 1 ? '*' : ''}`).join(' ');
}

/**
 * Any of the phrases, for when no document (or too few) has them all: ORed, bm25 ranking those
 * with more of them, and rarer ones, first. (Each word also as the start of a longer one found
 * "CentOS8" for "centos", but made the slowest searches three times slower.)
 */
export function ftsAnyExpression({ phrases, prefix }: Phrases): string {
  return phrases.map((words, i) => `"${words.join(' ')}"${prefix && i === phrases.length - 1 ? '*' : ''}`).join(' OR ');
}

/** What a user typed as a safe FTS5 expression (see ftsPhrases), or null when nothing searchable is left. */
export function ftsQuery(input: string): string | null {
  const phrases = ftsPhrases(input);
  return phrases && ftsExpression(phrases);
}
