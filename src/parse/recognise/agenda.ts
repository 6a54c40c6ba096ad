import type { AgendaItem, PersonId } from '../meeting-record.js';
import { ancestors, type Unit } from '../units.js';
import { allHandles, leadingHandles, nameList } from './names.js';
import { labelKind, labelText } from './sections.js';

/**
 * A topic's title and presenters: `Release plan (@garloff, @bitkeks)`,
 * `Status page - @fkr`, `Keycloak (Kurt Garloff)`, `Keycloak by @x`.
 */
export function splitPresenters(text: string): { title: string; owners: PersonId[] } {
  const title = labelText(text);
  const paren = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(title);
  if (paren && paren[1]) {
    const inside = paren[2]!;
    const { owners, rest } = leadingHandles(inside);
    if (owners.length > 0 && /^[\s,;&]*$/.test(rest)) return { title: paren[1], owners };
    const names = nameList(inside);
    if (names && /[\p{Lu}@]/u.test(inside)) return { title: paren[1], owners: names };
  }
  const trailer = /^(.*?)\s+(?:[-–—:]|by|presented by|from)\s+((?:@[\w.-]+[\s,&]*(?:and\s+)?)+)$/i.exec(title);
  if (trailer && trailer[1]) return { title: trailer[1], owners: allHandles(trailer[2]!) };
  return { title, owners: [] };
}

function isAgendaLabel(unit: Unit): boolean {
  return (unit.kind === 'heading' || unit.children.length > 0) && labelKind(unit.text) === 'agenda';
}

/** Headings that are topics: not the title, not housekeeping (Participants, Action items, ...), nor under such. */
function isTopicHeading(unit: Unit, title: Unit | null): boolean {
  if (unit.kind !== 'heading' || unit === title || labelText(unit.text) === '') return false;
  return [unit, ...unit.headings].every((h) => h === title || labelKind(h.text) === null);
}

/**
 * The units that are agenda items: headings or top-level bullets inside an Agenda section;
 * where there is none, the meeting's topic headings.
 */
export function agendaUnits(units: Unit[], title: Unit | null): Map<Unit, number> {
  const topics = new Map<Unit, number>();
  for (const label of units.filter(isAgendaLabel)) {
    if (label.kind === 'heading') {
      const subheadings = units.filter(
        (u) => u.kind === 'heading' && u.headings.includes(label) && labelKind(u.text) !== 'participants' && labelKind(u.text) !== 'housekeeping',
      );
      if (subheadings.length > 0) {
        for (const h of subheadings) topics.set(h, h.headingDepth - label.headingDepth);
      } else {
        for (const u of units) {
          if (u.kind === 'item' && u.headings[u.headings.length - 1] === label && ancestors(u).every((a) => a.kind !== 'item')) topics.set(u, 1);
        }
      }
    } else {
      for (const child of label.children) if (child.kind === 'item') topics.set(child, 1);
    }
  }
  if (topics.size > 0) return topics;
  const headings = units.filter((u) => isTopicHeading(u, title));
  const top = Math.min(...headings.map((h) => h.headingDepth));
  for (const h of headings) topics.set(h, h.headingDepth - top + 1);
  return topics;
}

export function agendaItems(topics: Map<Unit, number>): AgendaItem[] {
  return [...topics].map(([unit, depth]) => ({ line: unit.line, ...splitPresenters(unit.text), depth }));
}

/** The title of the nearest agenda item that encloses a unit. */
export function enclosingTopic(unit: Unit, topics: Map<Unit, number>): string | null {
  const topic = ancestors(unit).find((a) => topics.has(a));
  return topic ? splitPresenters(topic.text).title : null;
}
