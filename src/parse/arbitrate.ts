import type { ActionItem, Decision } from './meeting-record.js';
import type { DocumentModel } from './document.js';
import type { Unit } from './units.js';
import { recogniseActionItem } from './recognise/action-items.js';
import { recogniseDecision } from './recognise/decisions.js';
import { DECISION_LABEL } from './vocabulary.js';

export type Meaning =
  { kind: 'action'; item: Omit<ActionItem, 'agenda'> } | { kind: 'decision'; item: Omit<Decision, 'agenda'> } | null;

/**
 * The one meaning of a unit, by a fixed order, so that a line is never both an action item and a decision:
 * 1. an explicit decision record ("Decision: ...", "RESOLVED: ...", "Consensus: ...") is a decision;
 * 2. an action marker (AI, TODO, ACTION, ...) or an item of an actions or review section is an action item;
 * 3. an item of a decisions or conclusion section, or a sentence that records a decision, is a decision;
 * 4. anything else means nothing here (agenda topics are the headings and agenda items, found apart).
 */
export function arbitrate(unit: Unit, model: DocumentModel, meetingDate: string | null): Meaning {
  if (DECISION_LABEL.test(unit.text)) {
    const decision = recogniseDecision(unit, model);
    if (decision) return { kind: 'decision', item: decision };
  }
  const action = recogniseActionItem(unit, meetingDate, (id) => model.people.has(id));
  if (action) return { kind: 'action', item: action };
  const decision = recogniseDecision(unit, model);
  return decision ? { kind: 'decision', item: decision } : null;
}
