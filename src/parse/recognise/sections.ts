import { ancestors, cleanText, type Unit } from '../units.js';
import {
  DECORATION,
  LABEL_FILLER,
  PEOPLE_LABEL_START,
  REVIEW_WORDS,
  ROLE_ORDER,
  SECTION_WORDS,
  type SectionRole,
} from '../vocabulary.js';

export type { SectionRole } from '../vocabulary.js';

/** The label's words: no decoration, no trailing colon, no leading numbering ("1." / "a)" / "4.1"). */
export function labelText(text: string): string {
  return cleanText(text.replace(DECORATION, ' '))
    .replace(/^(?:\d+(?:\.\d+)*[.)]?|[a-z][.)])\s+/i, '')
    .replace(/(?<![\s:])\s*:\s*$/, '')
    .trim();
}

/** Role phrases by their word count, longest first, built once from the vocabulary. */
const PHRASES: Map<string, Exclude<SectionRole, 'review'>>[] = (() => {
  const bySize: Map<string, Exclude<SectionRole, 'review'>>[] = [];
  for (const role of ROLE_ORDER) {
    for (const phrase of SECTION_WORDS[role]) {
      const size = phrase.split(' ').length;
      const phrases = (bySize[size] ??= new Map());
      if (!phrases.has(phrase)) phrases.set(phrase, role);
    }
  }
  return bySize;
})();
const LONGEST = PHRASES.length - 1;

/** The roles named by a run of words, in order, or null when a word is neither a role word nor a filler. */
function rolesOfWords(words: string[]): Exclude<SectionRole, 'review'>[] | null {
  const roles: Exclude<SectionRole, 'review'>[] = [];
  for (let i = 0; i < words.length;) {
    let size = Math.min(LONGEST, words.length - i);
    for (; size > 0; size--) {
      const role = PHRASES[size]?.get(words.slice(i, i + size).join(' '));
      if (role) {
        roles.push(role);
        break;
      }
    }
    if (size > 0) i += size;
    else if (LABEL_FILLER.has(words[i]!)) i++;
    else return null;
  }
  return roles;
}

const WORD_CHAR = /[\p{L}\d&]/u;

/** A word without the punctuation around it: "(AIs)" -> "ais", "decisions:" -> "decisions". */
function bareWord(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && !WORD_CHAR.test(word[start]!)) start++;
  while (end > start && !WORD_CHAR.test(word[end - 1]!)) end--;
  return word.slice(start, end);
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s/|,+]+|(?<=\w)[.;](?=\s|$)/u)
    .map(bareWord)
    .filter((w) => w !== '' && w !== '&' && w !== 'and' && w !== 'und');
}

const has = (list: readonly string[], word: string | undefined) => word !== undefined && list.includes(word);

/**
 * Whether a label's words name a review of earlier action items (REVIEW_WORDS): action items with a
 * review verb ("Check AIs"), after an adjective of earlier items ("Pending action items"), before a
 * time before this meeting ("AIs from last week"); or a follow-up from an earlier meeting.
 */
function isReview(label: string): boolean {
  const w = words(label);
  const { actionItems, verbs, earlier, before } = REVIEW_WORDS;
  const items = w.map((word, i) => has(actionItems, word) || (word === 'action' && w[i + 1]?.startsWith('item')));
  if (!items.some(Boolean))
    return w.some((word) => has(verbs, word) && word.startsWith('follow')) && w.some((word) => has(before, word));
  if (w.some((word) => has(verbs, word))) return true;
  if (w.some((word, i) => has(earlier, word) && items[i + 1])) return true;
  const firstItem = items.indexOf(true);
  return w.slice(firstItem + 1).some((word) => has(before, word) || word === 'carried');
}

/** The role a label's words name: every word a role word or a filler; of two roles, the first in ROLE_ORDER. */
function roleOfWords(text: string): Exclude<SectionRole, 'review'> | null {
  const roles = rolesOfWords(words(text));
  return roles && roles.length > 0 ? ROLE_ORDER.find((role) => roles.includes(role))! : null;
}

/**
 * Classify a label by the vocabulary's words; reviews first, as they also name action items.
 * A line with words after a colon ("TODO: document X") is content, not a label; a label that opens
 * with role words and goes on after a dash or parenthesis ("Participants - github handles preferred")
 * takes the role of its opening words.
 */
export function labelKind(text: string): SectionRole | null {
  let kind = known.get(text);
  if (kind === undefined) {
    // Minutes repeat their labels ("Conclusion/Resolution", "Participants"): each is classified once.
    if (known.size > 10_000) known.clear();
    known.set(text, (kind = classify(text)));
  }
  return kind;
}

const known = new Map<string, SectionRole | null>();

function classify(text: string): SectionRole | null {
  const label = labelText(text);
  if (label === '' || label.length > 80 || /:\s*\S/.test(label)) return null;
  if (isReview(label)) return 'review';
  const whole = roleOfWords(label);
  if (whole) return whole;
  const cut = label.search(/\s[-–—|]\s|\(/);
  const head = cut >= 2 && cut <= 40 ? label.slice(0, cut).trim() : null;
  const role = head ? roleOfWords(head) : null;
  return role ?? (PEOPLE_LABEL_START.test(label) ? 'participants' : null);
}

/** Whether a unit acts as a label for what is under it: a heading, or an item or line that others hang under. */
function canLabel(unit: Unit): boolean {
  return unit.kind === 'heading' || (unit.children.length > 0 && unit.text.split(' ').length <= 6);
}

/** What each unit labels, worked out once: every unit below it asks, often several times. */
const labels = new WeakMap<Unit, SectionRole | null>();

function unitLabel(unit: Unit): SectionRole | null {
  let kind = labels.get(unit);
  if (kind === undefined) labels.set(unit, (kind = canLabel(unit) ? labelKind(unit.text) : null));
  return kind;
}

const sections = new WeakMap<Unit, { kind: SectionRole; label: Unit } | null>();

/** The kind of the nearest enclosing labelled section, with the unit that labels it (worked out once per unit). */
export function enclosingSection(unit: Unit): { kind: SectionRole; label: Unit } | null {
  let section = sections.get(unit);
  if (section === undefined) {
    section = null;
    for (const outer of ancestors(unit)) {
      const kind = unitLabel(outer);
      if (kind) {
        section = { kind, label: outer };
        break;
      }
    }
    sections.set(unit, section);
  }
  return section;
}

/** Whether any enclosing label is of this kind (a review inside an agenda topic is still a review). */
export function isInside(unit: Unit, kind: SectionRole): boolean {
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
