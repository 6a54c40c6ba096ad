import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { ActionItem, Decision, Link, MeetingRecord, Participant, Warning } from './meeting-record.js';
import { readFrontMatter } from './front-matter.js';
import { collectUnits, type Unit } from './units.js';
import { dateFromFileName, findDate, yearFromPath } from './recognise/dates.js';
import { arbitrate } from './arbitrate.js';
import { buildDocumentModel } from './document.js';
import { resolveOwners } from './people.js';
import { participantFrom, recogniseParticipants } from './recognise/participants.js';
import { agendaItems, agendaUnits, enclosingTopic } from './recognise/agenda.js';
import { DATE_HEADING, DATE_LINE, UNMARKED_TASK } from './vocabulary.js';
import { labelText } from './recognise/sections.js';

/** The heading that names the meeting: the first heading, if it is a level-1 heading or holds a date. */
function titleHeading(units: Unit[]): Unit | null {
  const first = units.find((u) => u.kind === 'heading');
  if (!first) return null;
  return first.headingDepth === 1 || findDate(first.text) ? first : null;
}

/** The value of a "| Date | 2024-09-19 |" row of a key-value table (the header row is one too). */
function keyValue(cells: string[] | null): string | null {
  return cells && DATE_HEADING.test(labelText(cells[0] ?? '')) ? cells.slice(1).join(' ') : null;
}

/**
 * A date written on a date line ("Date & time: March 3, 2023, 15:00 UTC"), a "| Date | ... |" row, or under a "## When"
 * heading.
 */
function dateLineDate(units: Unit[], yearHint: number | null): string | null {
  for (const [i, unit] of units.slice(0, 40).entries()) {
    const line = DATE_LINE.exec(unit.text);
    const row = unit.kind === 'row' ? (keyValue(unit.header) ?? keyValue(unit.cells)) : null;
    const under =
      unit.kind !== 'heading' && units[i - 1]?.kind === 'heading' && DATE_HEADING.test(labelText(units[i - 1]!.text));
    const value = line ? line[1]! : (row ?? (under ? unit.text : null));
    const date = value ? findDate(value, yearHint) : null;
    if (date) return date;
  }
  return null;
}

/**
 * The meeting date, from the first source that has one: front matter, the title, a date line, the
 * file's path (`20240715.md`, `2015-07/july-29.md`), else the first full date of the opening lines (a
 * table of contents of a meeting's days). A title without a year takes the path's year. Title and path
 * that disagree give a warning saying which won.
 */
function meetingDate(
  frontMatterDate: string | null,
  title: Unit | null,
  units: Unit[],
  source: string,
  warnings: Warning[],
): string | null {
  const yearHint = yearFromPath(source);
  const fromFile = dateFromFileName(source);
  const fromTitle = title ? findDate(title.text, yearHint) : null;
  if (fromTitle && fromFile && fromTitle !== fromFile) {
    warnings.push({
      line: title!.line,
      message: `title date ${fromTitle} differs from file name date ${fromFile}; using the title`,
    });
  }
  const fromFrontMatter = frontMatterDate ? findDate(frontMatterDate, yearHint) : null;
  const found = fromFrontMatter ?? fromTitle ?? dateLineDate(units, yearHint) ?? fromFile;
  if (found) return found;
  for (const unit of units.slice(0, 15)) {
    const date = findDate(unit.text);
    if (date) return date;
  }
  warnings.push({
    line: null,
    message: 'no meeting date found in front matter, title, a date line, the file name or its folders',
  });
  return null;
}

function dedupeParticipants(found: Participant[]): Participant[] {
  const byId = new Map<string, Participant>();
  for (const p of found) {
    const known = byId.get(p.id);
    if (!known) byId.set(p.id, p);
    else {
      if (!known.name && p.name) known.name = p.name;
      if (!known.initials && p.initials) known.initials = p.initials;
    }
  }
  // A breakout's "Attendees: SYG, DE" names, by initials, people the roster already lists.
  const initials = new Set([...byId.values()].flatMap((p) => (p.initials ? [p.initials] : [])));
  return [...byId.values()].filter((p) => !(p.handle === null && p.name !== null && initials.has(p.name)));
}

/** A bare URL in running text (GFM's autolink literals are not parsed; see markdown.ts). */
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"]+/g;

/** Trailing punctuation belongs to the sentence, not the URL; a closing parenthesis only if it has no opening one. */
function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0 && `.,;:!?*_~'"`.includes(url[end - 1]!)) end--;
  // One count of each parenthesis, then drop unmatched closing ones from the end: linear in the URL.
  let open = 0;
  let close = 0;
  for (let i = 0; i < end; i++) {
    if (url[i] === '(') open++;
    else if (url[i] === ')') close++;
  }
  while (end > 0 && url[end - 1] === ')' && open < close) {
    end--;
    close--;
  }
  return url.slice(0, end);
}

/** Every link of the file with its line: markdown links, link definitions and bare URLs. */
function collectLinks(tree: Root): Link[] {
  const links: Link[] = [];
  const seen = new Set<string>();
  const add = (line: number, url: string) => {
    const key = `${line} ${url}`;
    if (!seen.has(key)) {
      seen.add(key);
      links.push({ line, url });
    }
  };
  visit(tree, (node, _index, parent) => {
    if ((node.type === 'link' || node.type === 'definition') && node.position) add(node.position.start.line, node.url);
    if (node.type === 'text' && node.position && parent?.type !== 'link') {
      // Lines counted once, from the previous match on, not from the start of the text for each URL.
      let line = node.position.start.line;
      let from = 0;
      for (const match of node.value.matchAll(BARE_URL)) {
        for (let i = from; i < match.index; i++) if (node.value.charCodeAt(i) === 10) line++;
        from = match.index;
        const url = trimUrl(match[0]);
        add(line, url.startsWith('www.') ? `http://${url}` : url);
      }
    }
  });
  return links.sort((a, b) => a.line - b.line);
}

/**
 * Turn an mdast tree of minutes into a MeetingRecord. Pure: it reads nothing but
 * the tree and the source name (whose file name may carry the date).
 */
export function extractMeeting(tree: Root, source: string): MeetingRecord {
  const warnings: Warning[] = [];
  const { frontMatter, line: fmLine, error: fmError } = readFrontMatter(tree);
  if (fmError) warnings.push({ line: fmLine, message: fmError });

  const units = collectUnits(tree);
  const title = titleHeading(units);
  const date = meetingDate(frontMatter.date, title, units, source, warnings);
  const topics = agendaUnits(units, title, frontMatter.slides);

  const participants: Participant[] = frontMatter.attendees
    .map(participantFrom)
    .filter((p): p is Participant => p !== null);
  const actionItems: ActionItem[] = [];
  const decisions: Decision[] = [];
  for (const unit of units) participants.push(...recogniseParticipants(unit));
  const present = dedupeParticipants(participants);
  const model = buildDocumentModel(units, present);
  for (const unit of units) {
    const meaning = arbitrate(unit, model, date);
    if (meaning?.kind === 'action') {
      const resolvedOwners = resolveOwners(meaning.item.owners, model.people, present);
      actionItems.push({
        ...meaning.item,
        agenda: enclosingTopic(unit, topics),
        ...(resolvedOwners && { resolvedOwners }),
      });
      if (meaning.item.owners.length === 0) warnings.push({ line: unit.line, message: 'action item has no owner' });
    } else if (meaning?.kind === 'decision') {
      decisions.push({ ...meaning.item, agenda: enclosingTopic(unit, topics) });
    } else if (
      !model.transcript.has(unit) &&
      (UNMARKED_TASK.test(unit.text) || (unit.checked === false && unit.kind === 'item'))
    ) {
      warnings.push({
        line: unit.line,
        message: 'looks like an action item but has no marker (write "AI @owner: ...")',
      });
    }
  }

  return {
    source,
    date,
    title: frontMatter.title ?? title?.text ?? null,
    series: frontMatter.series,
    participants: present,
    agenda: agendaItems(topics),
    actionItems,
    decisions,
    links: collectLinks(tree),
    warnings: warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}
