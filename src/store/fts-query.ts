/**
 * Turn what a user typed into a safe FTS5 expression, as Datasette's `escape_fts`
 * does: every word becomes a quoted string (so `AND`, `NEAR(`, `*`, `-` and stray
 * quotes are plain words), words are ANDed, a "quoted phrase" stays a phrase, and
 * the last word matches as a prefix while the user may still be typing it.
 * Returns null when nothing searchable is left.
 */
export function ftsQuery(input: string): string | null {
  const terms: string[] = [];
  const pattern = /"([^"]*)"|([^\s"]+)/g;
  let lastIsWord = false;
  for (let match = pattern.exec(input); match; match = pattern.exec(input)) {
    const phrase = match[1] !== undefined;
    const words = (match[1] ?? match[2] ?? '').split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
    if (words.length === 0) continue;
    terms.push(`"${words.join(' ')}"`);
    lastIsWord = !phrase && words.length === 1 && match.index + match[0].length === input.trimEnd().length;
  }
  if (terms.length === 0) return null;
  if (lastIsWord) terms[terms.length - 1] += '*';
  return terms.join(' ');
}
