import type { Digest, TrackedItem } from '../store/tracked-items.js';

/** Markdown a team pastes into its pad or posts: carry-over blocks, digests, reports. */

const owners = (item: TrackedItem) =>
  item.owners.length > 0 ? item.owners.map((o) => `@${o}`).join(', ') : '(no owner)';

/** The task alone (src/track/task-text.ts); the line as written where it holds nothing else ("Action Items"). */
const task = (item: TrackedItem) => item.task || item.text;

/** "overdue since 2024-07-20, " for an overdue item. */
const overdue = (item: TrackedItem) => (item.overdue ? `**overdue** since ${item.due}, ` : '');

/** How many stale items a list left out, and how to see them. */
export function staleNote(n: number, how: string): string[] {
  if (n === 0) return [];
  return [
    `${n} stale ${n === 1 ? 'item' : 'items'} (no meeting mentions ${n === 1 ? 'it' : 'them'} any more) left out: ${how}`,
  ];
}

/** The block for the next meeting's "Check AIs from last time": live open items, with owners and when first raised. */
export function carryBlock(items: TrackedItem[], staleLeftOut = 0, how = ''): string {
  const lines = ['## Check AIs from last time', ''];
  if (items.length === 0) lines.push('- (no open action items)');
  for (const item of items) {
    const marker = item.owners.length > 0 ? `AI ${owners(item)}` : 'TODO';
    lines.push(`- _${marker}: ${task(item)}_ (${overdue(item)}raised ${item.firstRaised ?? 'undated'}, ${item.id})`);
  }
  const note = staleNote(staleLeftOut, how);
  if (note.length > 0) lines.push('', ...note.map((n) => `<!-- ${n} -->`));
  return `${lines.join('\n')}\n`;
}

const where = (source: string, line: number) => `[${source}:${line}](${source}#L${line})`;

export function digestMarkdown(d: Digest): string {
  const lines = [
    `# ${d.series}: since ${d.since}`,
    '',
    `Meetings: ${d.meetings.map((m) => m.date ?? m.source).join(', ') || 'none'}`,
    '',
  ];
  lines.push(`Open action items: ${d.open.live} live, ${d.open.stale} stale, ${d.open.overdue} overdue.`, '');
  const section = (title: string, rows: string[]) =>
    lines.push(`## ${title}`, '', ...(rows.length > 0 ? rows : ['- none']), '');
  section(
    'Raised',
    d.raised.map((i) => `- ${owners(i)}: ${task(i)} (${i.status}; ${where(i.source, i.line)})`),
  );
  section(
    'Closed',
    d.closed.map(
      (i) => `- ${owners(i)}: ${task(i)} (${i.status}, raised ${i.firstRaised}; ${where(i.lastSource, i.lastLine)})`,
    ),
  );
  section(
    'Decided',
    d.decisions.map((x) => `- ${x.text} (${x.date}; ${where(x.source, x.line)})`),
  );
  return lines.join('\n');
}

function reportLine(i: TrackedItem): string {
  const carried =
    i.meetings > 1
      ? `, carried through ${i.meetings} meetings until ${i.lastMentioned}`
      : `, last mentioned ${i.lastMentioned ?? 'undated'}`;
  const at = `${i.series ?? 'no series'}, raised ${i.firstRaised}${carried}; ${where(i.source, i.line)}; ${i.id}`;
  return `- ${overdue(i)}${task(i)} (${at})`;
}

/** One person's open items: those kept (live, overdue first; stale when asked for), counted against all open ones. */
export function ownerReport(
  owner: string,
  items: TrackedItem[],
  open: TrackedItem[],
  how: string,
  today: string,
): string {
  const live = items.filter((i) => i.state === 'live');
  const stale = items.filter((i) => i.state === 'stale');
  const count = (state: string) => open.filter((i) => i.state === state).length;
  const lines = [`# Open action items of ${owner}`, ''];
  lines.push(
    `${count('live')} live, ${count('stale')} stale, ${open.filter((i) => i.overdue).length} overdue as of ${today}; overdue first, then oldest first.`,
    '',
  );
  lines.push(...live.map(reportLine));
  if (stale.length > 0)
    lines.push('', '## Stale (no meeting of their series mentions them any more)', '', ...stale.map(reportLine));
  const shown = new Set(items);
  const note = staleNote(open.filter((i) => i.state === 'stale' && !shown.has(i)).length, how);
  if (note.length > 0) lines.push('', ...note);
  return `${lines.join('\n')}\n`;
}
