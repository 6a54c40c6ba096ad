import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { ActionItem, Decision, Link, MeetingRecord, Participant, Warning } from './meeting-record.js';
import { readFrontMatter } from './front-matter.js';
import { collectUnits, type Unit } from './units.js';
import { dateFromFileName, findDate } from './recognise/dates.js';
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

/**
 * The meeting date, from the first source that has one: front matter, the title,
 * a "Date:" line, the file name. Title and file name that disagree give a warning.
 */
function meetingDate(
  frontMatterDate: string | null,
  title: Unit | null,
  units: Unit[],
  source: string,
  warnings: Warning[],
): string | null {
  const fromFile = dateFromFileName(source);
  const fromTitle = title ? findDate(title.text) : null;
  if (fromTitle && fromFile && fromTitle !== fromFile) {
    warnings.push({ line: title!.line, message: `title date ${fromTitle} differs from file name date ${fromFile}; using the title` });
  }
  const fromFrontMatter = frontMatterDate ? findDate(frontMatterDate) : null;
  if (fromFrontMatter) return fromFrontMatter;
  if (fromTitle) return fromTitle;
  for (const [i, unit] of units.slice(0, 40).entries()) {
    const line = DATE_LINE.exec(unit.text);
    // "Date: 2024-07-15", or a "## When" heading with the date on the line below.
    const value = line ? line[1]! : unit.kind !== 'heading' && units[i - 1]?.kind === 'heading' && DATE_HEADING.test(labelText(units[i - 1]!.text)) ? unit.text : null;
    const date = value ? findDate(value) : null;
    if (date) return date;
  }
  if (fromFile) return fromFile;
  warnings.push({ line: null, message: 'no meeting date found in front matter, title, a date line or the file name' });
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
  return [...byId.values()];
}

/** A bare URL in running text (GFM's autolink literals are not parsed; see markdown.ts). */
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"]+/g;

/** Trailing punctuation belongs to the sentence, not the URL; a closing parenthesis only if it has no opening one. */
function trimUrl(url: string): string {
  let trimmed = url.replace(/[.,;:!?*_~'"]+$/, '');
  while (trimmed.endsWith(')') && (trimmed.match(/\(/g) ?? []).length < (trimmed.match(/\)/g) ?? []).length) trimmed = trimmed.slice(0, -1);
  return trimmed;
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
      for (const match of node.value.matchAll(BARE_URL)) {
        const line = node.position.start.line + (node.value.slice(0, match.index).match(/\n/g) ?? []).length;
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

  const participants: Participant[] = frontMatter.attendees.map(participantFrom).filter((p): p is Participant => p !== null);
  const actionItems: ActionItem[] = [];
  const decisions: Decision[] = [];
  for (const unit of units) participants.push(...recogniseParticipants(unit));
  const present = dedupeParticipants(participants);
  const model = buildDocumentModel(units, present);
  for (const unit of units) {
    const meaning = arbitrate(unit, model, date);
    if (meaning?.kind === 'action') {
      const resolvedOwners = resolveOwners(meaning.item.owners, model.people);
      actionItems.push({ ...meaning.item, agenda: enclosingTopic(unit, topics), ...(resolvedOwners && { resolvedOwners }) });
      if (meaning.item.owners.length === 0) warnings.push({ line: unit.line, message: 'action item has no owner' });
    } else if (meaning?.kind === 'decision') {
      decisions.push({ ...meaning.item, agenda: enclosingTopic(unit, topics) });
    } else if (!model.transcript.has(unit) && (UNMARKED_TASK.test(unit.text) || (unit.checked === false && unit.kind === 'item'))) {
      warnings.push({ line: unit.line, message: 'looks like an action item but has no marker (write "AI @owner: ...")' });
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
