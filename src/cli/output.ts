/** Write one line to standard output. */
export function println(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** JSON on one line (JSON Lines) or pretty, to standard output. */
export function printJson(value: unknown, pretty = false): void {
  println(pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value));
}

/** A `file:line` reference that editors and terminals turn into a link. */
export function at(source: string, line: number | null): string {
  return line === null ? source : `${source}:${line}`;
}

/** "1 action item" / "3 action items". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** What the listing shows out of how many matched. */
export function shown(page: { total: number; offset: number; items: unknown[] }, noun: string): string {
  if (page.items.length === page.total) return count(page.total, noun);
  return `${count(page.total, noun)}, showing ${page.offset + 1}-${page.offset + page.items.length}`;
}
