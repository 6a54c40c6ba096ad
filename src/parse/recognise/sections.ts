import { ancestors, cleanText, type Unit } from '../units.js';
import {
  DECORATION,
  ABSENT_LABEL,
  ACTIONS_LABEL,
  AGENDA_LABEL,
  DECISIONS_LABEL,
  HOUSEKEEPING_LABEL,
  PARTICIPANTS_LABEL,
  REVIEW_LABEL,
} from '../vocabulary.js';

/** What a heading or label line says about the items under it. */
export type SectionKind = 'participants' | 'absent' | 'agenda' | 'actions' | 'review' | 'decisions' | 'housekeeping';

/** The label's words: no decoration, no trailing colon, no leading numbering ("1." / "a)"). */
export function labelText(text: string): string {
  return cleanText(text.replace(DECORATION, ' '))
    .replace(/^(?:\d+[.)]|[a-z][.)])\s+/i, '')
    .replace(/\s*:\s*$/, '')
    .trim();
}

/**
 * Classify a label by the vocabulary; reviews are tested first as they also name action items.
 * A line with words after a colon ("TODO: document X") is content, not a label.
 */
export function labelKind(text: string): SectionKind | null {
  const label = labelText(text);
  if (label === '' || label.length > 80 || /:\s*\S/.test(label)) return null;
  if (REVIEW_LABEL.test(label)) return 'review';
  if (ABSENT_LABEL.test(label)) return 'absent';
  if (PARTICIPANTS_LABEL.test(label)) return 'participants';
  if (DECISIONS_LABEL.test(label)) return 'decisions';
  if (ACTIONS_LABEL.test(label)) return 'actions';
  if (AGENDA_LABEL.test(label)) return 'agenda';
  if (HOUSEKEEPING_LABEL.test(label)) return 'housekeeping';
  return null;
}

/** Whether a unit acts as a label for what is under it: a heading, or an item or line that others hang under. */
function canLabel(unit: Unit): boolean {
  return unit.kind === 'heading' || (unit.children.length > 0 && unit.text.split(' ').length <= 6);
}

/** What each unit labels, worked out once: every unit below it asks, often several times. */
const labels = new WeakMap<Unit, SectionKind | null>();

function unitLabel(unit: Unit): SectionKind | null {
  let kind = labels.get(unit);
  if (kind === undefined) labels.set(unit, (kind = canLabel(unit) ? labelKind(unit.text) : null));
  return kind;
}

/** The kind of the nearest enclosing labelled section, with the unit that labels it. */
export function enclosingSection(unit: Unit): { kind: SectionKind; label: Unit } | null {
  for (const outer of ancestors(unit)) {
    const kind = unitLabel(outer);
    if (kind) return { kind, label: outer };
  }
  return null;
}

/** Whether any enclosing label is of this kind (a review inside an agenda topic is still a review). */
export function isInside(unit: Unit, kind: SectionKind): boolean {
  return ancestors(unit).some((outer) => unitLabel(outer) === kind);
}

/** Depth of a unit below a label: 1 for the label's direct items. */
export function depthBelow(unit: Unit, label: Unit): number {
  let depth = 0;
  for (let p: Unit | null = unit; p && p !== label; p = p.parent) depth++;
  if (label.kind === 'heading') {
    // Units under a heading hang under no parent; count list depth instead.
    return Math.max(unit.listDepth, 1);
  }
  return depth;
}
