/** The words of a search: each phrase is its words in order; `prefix` when the last word may be unfinished. */
export interface Phrases {
  phrases: string[][];
  prefix: boolean;
}

/**
 * Read what a user typed as Datasette's `escape_fts` does: every word is a plain word
 * (so `AND`, `NEAR(`, `*`, `-` and stray quotes mean nothing), a "quoted phrase" stays a
 * phrase, and the last word matches as a prefix while the user may still be typing it.
 * Returns null when nothing searchable is left.
 */
export function ftsPhrases(input: string): Phrases | null {
  const phrases: string[][] = [];
  const pattern = /"([^"]*)"|([^\s"]+)/g;
  let lastIsWord = false;
  for (let match = pattern.exec(input); match; match = pattern.exec(input)) {
    const phrase = match[1] !== undefined;
    const words = (match[1] ?? match[2] ?? '').split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
    if (words.length === 0) continue;
    phrases.push(words);
    lastIsWord = !phrase && words.length === 1 && match.index + match[0].length === input.trimEnd().length;
  }
  return phrases.length === 0 ? null : { phrases, prefix: lastIsWord };
}

/** Phrases as a safe FTS5 expression: each one quoted, ANDed, the last one starred when it is a prefix. */
export function ftsExpression({ phrases, prefix }: Phrases): string {
  return phrases.map((words, i) => `"${words.join(' ')}"${prefix && i === phrases.length - 1 ? '*' : ''}`).join(' ');
}

/** What a user typed as a safe FTS5 expression (see ftsPhrases), or null when nothing searchable is left. */
export function ftsQuery(input: string): string | null {
  const phrases = ftsPhrases(input);
  return phrases && ftsExpression(phrases);
}
