import type { Digest, TrackedItem } from '../store/tracked-items.js';

/** Markdown a team pastes into its pad or posts: carry-over blocks, digests, reports. */

const owners = (item: TrackedItem) => (item.owners.length > 0 ? item.owners.map((o) => `@${o}`).join(', ') : '(no owner)');

/** The text as first raised, without its own marker and owners, which the block writes again. */
function task(item: TrackedItem): string {
  return item.text
    .replace(/^[_*\s]*(?:AI|TODO|ToDo|ACTION)\b\s*(?:(?:@[\w.-]+[\s,&]*(?:and\s+)?)+)?:?\s*/i, '')
    .replace(/(?<![_*])[_*]+$/, '')
    .trim();
}

/** The block for the next meeting's "Check AIs from last time": open items, with owners and when first raised. */
export function carryBlock(items: TrackedItem[]): string {
  const lines = ['## Check AIs from last time', ''];
  if (items.length === 0) lines.push('- (no open action items)');
  for (const item of items) {
    const marker = item.owners.length > 0 ? `AI ${owners(item)}` : 'TODO';
    lines.push(`- _${marker}: ${task(item)}_ (raised ${item.firstRaised ?? 'undated'}, ${item.id})`);
  }
  return `${lines.join('\n')}\n`;
}

const where = (source: string, line: number) => `[${source}:${line}](${source}#L${line})`;

export function digestMarkdown(d: Digest): string {
  const lines = [`# ${d.series}: since ${d.since}`, '', `Meetings: ${d.meetings.map((m) => m.date ?? m.source).join(', ') || 'none'}`, ''];
  const section = (title: string, rows: string[]) => lines.push(`## ${title}`, '', ...(rows.length > 0 ? rows : ['- none']), '');
  section('Raised', d.raised.map((i) => `- ${owners(i)}: ${task(i)} (${i.status}; ${where(i.source, i.line)})`));
  section('Closed', d.closed.map((i) => `- ${owners(i)}: ${task(i)} (${i.status}, raised ${i.firstRaised}; ${where(i.lastSource, i.lastLine)})`));
  section('Decided', d.decisions.map((x) => `- ${x.text} (${x.date}; ${where(x.source, x.line)})`));
  return lines.join('\n');
}

export function ownerReport(owner: string, items: TrackedItem[]): string {
  const lines = [`# Open action items of ${owner}`, '', `${items.length} open, oldest first.`, ''];
  for (const i of items) {
    const carried = i.meetings > 1 ? `, carried through ${i.meetings} meetings until ${i.lastMentioned}` : '';
    lines.push(`- ${task(i)} (${i.series ?? 'no series'}, raised ${i.firstRaised}${carried}; ${where(i.source, i.line)}; ${i.id})`);
  }
  return `${lines.join('\n')}\n`;
}
