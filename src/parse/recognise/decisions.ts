import type { Decision } from '../meeting-record.js';
import type { DocumentModel } from '../document.js';
import { rowKind } from '../tables.js';
import { lineAt, type Unit } from '../units.js';
import { depthBelow, enclosingSection } from './sections.js';
import {
  DECISION_LABEL,
  DECISION_REPLY,
  DECISION_WORDS,
  FOLLOW_UP,
  NO_OUTCOME,
  NOT_A_DECISION,
  OPEN_LABEL,
  PERSON_NAME,
  QUESTION,
} from '../vocabulary.js';

/** A bare label that only introduces the items under it: "chartered:", "Decisions:". */
function isBareLabel(unit: Unit): boolean {
  return unit.children.length > 0 && /:$/.test(unit.text) && unit.text.split(' ').length <= 2;
}

/** "DE will file an issue", "– Kevin to get in touch": a follow-up by initials or by a participant's first name. */
function isFollowUp(text: string, model: DocumentModel): boolean {
  const match = FOLLOW_UP.exec(text.replace(/^[–—-]\s*/, ''));
  return !!match && (/^[\p{Lu}\s,&and]+$/u.test(match[1]!) || model.people.has(match[1]!.toLowerCase()));
}

/** "Reviewers:" over a list of people: one outcome, which the label states and the names complete. */
function labelsPeople(unit: Unit): boolean {
  return isBareLabel(unit) && !DECISION_LABEL.test(unit.text) && unit.children.every((c) => PERSON_NAME.test(c.text));
}

/** The item hangs under a label of what is still open ("to resolve:"), or completes a label of people. */
function underOpenLabel(unit: Unit): boolean {
  const parent = unit.parent;
  return !!parent && (OPEN_LABEL.test(parent.text) || NO_OUTCOME.test(parent.text) || labelsPeople(parent));
}

/**
 * An item of a conclusion section records an outcome unless it says there was none, asks, assigns
 * a follow-up, is still open, or is a speaker's line (conversation, even there).
 */
function recordsOutcome(unit: Unit, model: DocumentModel): boolean {
  if (model.speakers.has(unit) || underOpenLabel(unit)) return false;
  if (isBareLabel(unit)) return labelsPeople(unit);
  return !QUESTION.test(unit.text) && !NO_OUTCOME.test(unit.text) && !isFollowUp(unit.text, model);
}

/**
 * Recognise a decision: an explicit record ("Decision: ...", "RESOLVED:", "Consensus: ..."); an item or
 * row of a Decisions section (which includes the bullets under a bare "Decision:" label); an item of a
 * conclusion section that records an outcome; or, outside transcripts, a sentence that says the meeting
 * decided, agreed or resolved something. In a transcript a speaker's "we will" or "consensus" is
 * conversation, not a record. Decisions still awaited ("to be decided") and questions are not decisions.
 */
export function recogniseDecision(unit: Unit, model: DocumentModel): Omit<Decision, 'agenda'> | null {
  if (unit.kind === 'heading' || unit.text === '') return null;
  const text = unit.text;
  const decision = { line: unit.line, text };
  const label = DECISION_LABEL.exec(text);
  if (label) {
    const rest = text.slice(label[0].length).trim();
    return rest === '' || NO_OUTCOME.test(rest) ? null : decision;
  }
  if (unit.kind === 'row') {
    const table = rowKind(unit);
    if (table === 'decisions') return decision;
    if (table !== null) return null;
  }
  const section = enclosingSection(unit);
  if (section?.kind === 'decisions' && (unit.kind === 'row' || depthBelow(unit, section.label) === 1)) return decision;
  if (section?.kind === 'conclusions') return recordsOutcome(unit, model) ? decision : null;
  if (model.transcript.has(unit)) return null;
  if (QUESTION.test(text) || NOT_A_DECISION.test(text)) return null;
  if (DECISION_REPLY.test(text)) return decision;
  const words = DECISION_WORDS.exec(text);
  return words ? { line: sentenceLine(unit, words.index), text } : null;
}

/** The line where the sentence holding a character begins: a paragraph may wrap a decision onto its third line. */
function sentenceLine(unit: Unit, offset: number): number {
  if (unit.kind !== 'line' || unit.wraps.length === 0) return unit.line;
  const before = unit.text.slice(0, offset);
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '));
  return lineAt(unit, stop < 0 ? 0 : stop + 2);
}
