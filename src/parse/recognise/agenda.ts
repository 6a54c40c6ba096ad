import type { AgendaItem, PersonId } from '../meeting-record.js';
import { ancestors, type Unit } from '../units.js';
import { leadingHandles, nameList, trailingHandleList } from './names.js';
import { labelKind, labelText } from './sections.js';
import { MEETING_WORDS } from '../vocabulary.js';
import { findDate } from './dates.js';
import { isPeopleLine } from './participants.js';

/**
 * A topic's title and presenters: `Release plan (@garloff, @bitkeks)`,
 * `Status page - @fkr`, `Keycloak (Kurt Garloff)`, `Keycloak by @x`.
 */
export function splitPresenters(text: string): { title: string; owners: PersonId[] } {
  const title = labelText(text);
  const paren = trailingParenthesis(title);
  if (paren && paren[1]) {
    const inside = paren[2];
    const { owners, rest } = leadingHandles(inside);
    if (owners.length > 0 && /^[\s,;&/]*$/.test(rest)) return { title: paren[1], owners };
    const names = nameList(inside);
    if (names && /[\p{Lu}@]/u.test(inside)) return { title: paren[1], owners: names };
  }
  const list = trailingHandleList(title);
  const before = list?.before ?? [];
  const lead = before.pop() ?? '';
  if (list && /^(?:[-–—:]+|by|from)$/i.test(lead)) {
    if (lead.toLowerCase() === 'by' && before[before.length - 1]?.toLowerCase() === 'presented') before.pop();
    if (lead.toLowerCase() === 'by' && /^[-–—:]+$/.test(before[before.length - 1] ?? '')) before.pop();
    if (before.length > 0) return { title: before.join(' '), owners: list.owners };
  }
  return { title, owners: [] };
}

/** A title that ends in a parenthesis: [title before it, what it holds], found without a backtracking pattern. */
function trailingParenthesis(title: string): [string, string, string] | null {
  if (!title.endsWith(')')) return null;
  const open = title.lastIndexOf('(');
  const inside = title.slice(open + 1, -1);
  if (open < 0 || inside.includes(')')) return null;
  return [title, title.slice(0, open).trimEnd(), inside];
}

/** Labels under which nothing is a topic: Participants, Housekeeping, Decisions, Action items, ... */
function isNonTopic(unit: Unit): boolean {
  const kind = labelKind(unit.text);
  return kind !== null && kind !== 'agenda' && kind !== 'discussion';
}

/**
 * A heading that could be a topic: not housekeeping or the like, nor under such, nor a question prompt below a topic.
 */
function isTopicHeading(unit: Unit, title: Unit | null): boolean {
  if (unit.kind !== 'heading' || unit === title || labelText(unit.text) === '') return false;
  // "Discussion", "Notes": a container whose headings are the topics; "Agenda" labels the list of them.
  const kind = labelKind(unit.text);
  if (kind === 'discussion' || kind === 'agenda' || isPeopleLine(unit)) return false;
  if (/\?\s*$/.test(unit.text) && unit.headings.some((h) => h !== title && !isAgendaLabel(h))) return false;
  // Look outwards up to the Agenda label: a heading under "Participants" or "Decisions" is no topic.
  for (const h of [unit, ...[...unit.headings].reverse()]) {
    if (isAgendaLabel(h) || h === title) return true;
    if (isNonTopic(h)) return false;
  }
  return true;
}

function isAgendaLabel(unit: Unit): boolean {
  return (unit.kind === 'heading' || unit.children.length > 0) && labelKind(unit.text) === 'agenda';
}

/**
 * A bullet of the section itself, or of a list under a plain lead-in line ("Questions posed:"), not under "We
 * concluded:".
 */
function isTopLevelBullet(unit: Unit): boolean {
  const parent = unit.parent;
  if (parent === null) return true;
  // A list under a plain lead-in ("Questions posed:") holds topics; one under a question ("Who is interested?") holds
  // answers.
  const kind = labelKind(parent.text);
  return (
    parent.kind === 'line' &&
    parent.parent === null &&
    (kind === null || kind === 'discussion') &&
    !/\?\s*$/.test(parent.text)
  );
}

/**
 * A bullet of an agenda list about the meeting itself: "Roll call, by timezone", "Call for additional agenda
 * items", "Start recording", "Moderator/notetaker for next time"; or an unfilled template ("<Topic> (<your_name>)").
 */
function isHousekeepingBullet(unit: Unit): boolean {
  if (unit.kind !== 'item') return false;
  if (!/\p{L}/u.test(unit.text.replace(/\([^()]*\)/g, ''))) return true;
  return MEETING_WORDS.test(unit.text);
}

/** Topics of an Agenda section: its top-level bullets and its sub-headings. */
function underAgenda(label: Unit, units: Unit[], title: Unit | null): [Unit, number][] {
  if (label.kind !== 'heading') return label.children.filter((c) => c.kind === 'item').map((c) => [c, 1]);
  const topics: [Unit, number][] = [];
  for (const u of units) {
    if (u.kind === 'heading' && u.headings.includes(label) && isTopicHeading(u, title)) {
      topics.push([u, u.headingDepth - label.headingDepth]);
    } else if (u.kind === 'item' && u.headings[u.headings.length - 1] === label && isTopLevelBullet(u)) {
      topics.push([u, 1]);
    }
  }
  return topics;
}

/** Slide decks: the first heading of each slide after the title slide. */
function slideTopics(units: Unit[], title: Unit | null): [Unit, number][] {
  const headings = units.filter((u) => u.kind === 'heading');
  const titleSlide = headings[0]?.slide;
  const firsts = new Map<number, Unit>();
  for (const h of headings) if (h.slide !== titleSlide && !firsts.has(h.slide)) firsts.set(h.slide, h);
  return [...firsts.values()].filter((h) => isTopicHeading(h, title) && !/\?\s*$/.test(h.text)).map((h) => [h, 1]);
}

/**
 * A heading with nothing of its own that only groups the headings under it ("## Upcoming releases" / "### 0.10.34").
 */
function isContainer(heading: Unit, next: Unit | undefined): boolean {
  return next?.kind === 'heading' && next.headingDepth > heading.headingDepth;
}

/** Topic headings of minutes with no Agenda section, depth counted from the highest of them; not containers. */
function topicHeadings(units: Unit[], title: Unit | null): [Unit, number][] {
  const headings = units.filter((u, i) => isTopicHeading(u, title) && !isContainer(u, units[i + 1]));
  const top = Math.min(...headings.map((h) => h.headingDepth));
  return headings.map((h) => [h, h.headingDepth - top + 1]);
}

/** A heading that names a repository, under which the issues to discuss are listed: "### nodejs/node". */
const REPOSITORY = /^[\w.-]+\/[\w.-]+$/;

function topLevelBullets(heading: Unit, units: Unit[]): Unit[] {
  return units.filter((u) => u.kind === 'item' && isTopLevelBullet(u) && u.headings[u.headings.length - 1] === heading);
}

/**
 * A heading that names a repository ("### nodejs/node" over the issues and pull requests to discuss)
 * is a container: its topics are the bullets beneath, one level deeper.
 */
function expandIssueGroup(unit: Unit, depth: number, units: Unit[]): [Unit, number][] {
  if (unit.kind !== 'heading' || !REPOSITORY.test(labelText(unit.text))) return [[unit, depth]];
  const bullets = topLevelBullets(unit, units);
  return bullets.length > 0 ? bullets.map((b) => [b, depth + 1]) : [[unit, depth]];
}

/**
 * Topic headings after an agenda list at the list's own level or above ("## Strategic Initiatives" after
 * "## Agenda"), unless they repeat a listed topic inside a discussion container ("## Minutes").
 */
function siblingsAfter(labels: Unit[], units: Unit[], title: Unit | null): [Unit, number][] {
  const last = labels[labels.length - 1]!;
  if (last.kind !== 'heading') return [];
  return units
    .filter(
      (u) =>
        u.kind === 'heading' && u.line > last.line && u.headingDepth <= last.headingDepth && !u.headings.includes(last),
    )
    .filter((u) => isTopicHeading(u, title))
    .map((u) => [u, 1]);
}

/**
 * Minutes with no heading but their title, written as one list (a table of contents, notes without
 * headings): its top-level bullets are the topics, and a bullet that only groups others under a date
 * ("July 24, 2012 Meeting Notes" over the topics of that day) is a container.
 */
function listTopics(units: Unit[], title: Unit | null): [Unit, number][] {
  if (units.some((u) => u.kind === 'heading' && u !== title)) return [];
  return units
    .filter((u) => u.kind === 'item' && u.parent === null)
    .flatMap((u): [Unit, number][] => {
      const items = u.children.filter((c) => c.kind === 'item');
      return items.length > 0 && findDate(u.text) ? items.map((c) => [c, 2]) : [[u, 1]];
    });
}

/**
 * The units that are agenda items, with their depth: headings or top-level bullets inside
 * an Agenda section; where there is none, the meeting's topic headings (in a slide deck,
 * each slide's title). A title that repeats an earlier topic's is the same topic.
 */
export function agendaUnits(units: Unit[], title: Unit | null, slides: boolean): Map<Unit, number> {
  const labels = units.filter(isAgendaLabel);
  const listed = labels.flatMap((l) => underAgenda(l, units, title)).filter(([unit]) => !isHousekeepingBullet(unit));
  // An Agenda heading with nothing under it ("## Agenda" then the topics as its siblings) is no list.
  const headed =
    listed.length > 0
      ? [...listed, ...siblingsAfter(labels, units, title)]
      : slides
        ? slideTopics(units, title)
        : topicHeadings(units, title);
  const found = headed.length > 0 ? headed : listTopics(units, title);
  const candidates = found.flatMap(([unit, depth]) => expandIssueGroup(unit, depth, units));
  const topics = new Map<Unit, number>();
  const seen = new Set<string>();
  for (const [unit, depth] of candidates) {
    if (isHousekeepingBullet(unit)) continue;
    const key = splitPresenters(unit.text).title.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    topics.set(unit, depth);
  }
  return topics;
}

export function agendaItems(topics: Map<Unit, number>): AgendaItem[] {
  return [...topics]
    .sort(([a], [b]) => a.line - b.line)
    .map(([unit, depth]) => ({ line: unit.line, ...splitPresenters(unit.text), depth }));
}

/** The title of the nearest agenda item that encloses a unit. */
export function enclosingTopic(unit: Unit, topics: Map<Unit, number>): string | null {
  const topic = ancestors(unit).find((a) => topics.has(a));
  return topic ? splitPresenters(topic.text).title : null;
}
