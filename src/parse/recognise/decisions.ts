import type { Decision } from '../meeting-record.js';
import type { Unit } from '../units.js';
import { depthBelow, enclosingSection } from './sections.js';
import { DECISION_LABEL, DECISION_WORDS, NOT_A_DECISION } from '../vocabulary.js';

/**
 * Recognise a decision: a "Decision: ..." line, a sentence that says the meeting
 * decided, agreed or resolved something, or a direct item or row of a "Decisions"
 * section (which includes the bullets under a bare "Decision:" label).
 * Decisions still awaited ("to be decided", "needs a decision") and questions are not.
 */
export function recogniseDecision(unit: Unit): Omit<Decision, 'agenda'> | null {
  if (unit.kind === 'heading' || unit.text === '') return null;
  const text = unit.text;
  const decision = { line: unit.line, text };
  const label = DECISION_LABEL.exec(text);
  if (label) return text.slice(label[0].length).trim() === '' ? null : decision;
  const section = enclosingSection(unit);
  if (section?.kind === 'decisions' && (unit.kind === 'row' || depthBelow(unit, section.label) === 1)) return decision;
  if (/\?\s*$/.test(text) || NOT_A_DECISION.test(text)) return null;
  return DECISION_WORDS.test(text) ? decision : null;
}
